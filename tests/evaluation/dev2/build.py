#!/usr/bin/env python3
"""Build the second development set (dev2) of invented e-mails for the WIR/KIV assistant.

Usage:  python3 build.py

Writes, next to this file:
  mails/dev2-01.eml ... mails/dev2-80.eml   complete RFC 5322 messages (CRLF line ends)
  labels.jsonl                               one label object per mail, in file order
Then it validates everything: every file is parsed with Python's e-mail parser, every
label is checked against the rules of shared/taxonomy.md (copied below as constants),
each fact is checked against the words of the mail's NEW text (quoted parts excluded),
decoy numbers are checked to be present in the new text, quoted traps only below the
quote marker, the invented town names are checked against
shared/data/municipalities-de.csv, and the intended mix is checked.
Exit status 1 and a list of problems if anything fails.

Emphasis of this set (compared with ../dev): facts in unusual forms (signature blocks,
key-value tables, numbers in words, English "6.2k", Stand-dates, subgroup and neighbour
numbers that must not count, states as adjectives or only via a district), the cap quoted
back in several ways, ugly real-world mails (typos, no umlauts, run-on sentences, PS
questions, forwards, long quoted threads), auto-replies mostly WITHOUT automation headers,
and eight differently shaped bounces.

Standard library only, deterministic: running it twice gives identical bytes.
All towns, people, addresses, phone numbers and texts are invented.
Labelling conventions: those of shared/samples/README.md (only the new text counts).
"""
from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import quopri
import re
import sys
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import Header
from email.parser import BytesParser
from email.utils import format_datetime, formataddr, parsedate_to_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAILDIR = HERE / "mails"
LABELS = HERE / "labels.jsonl"
MUNICIPALITIES_CSV = HERE.parents[3] / "shared" / "data" / "municipalities-de.csv"
MAILBOX = "landesprogrammWIR@hsm.hessen.de"
CET = timezone(timedelta(hours=1))          # November 2026: standard time
PREFIX = "dev2"
N_CASES = 80

KINDS = ("inquiry", "acknowledgement", "auto_reply", "bounce")
INTENTS = (
    "eligibility", "funding_amount", "funded_activities", "application_process",
    "deadline", "duration", "joint_application", "participation", "stakeholders",
    "strategy_adoption", "programme_info", "guideline", "contact",
    "application_status", "out_of_scope",
)
ELIGIBILITY = ("eligible", "not_eligible", "unknown")
LABEL_KEYS = ["file", "kind", "intents", "population", "amount_eur", "state",
              "eligibility", "language", "notes"]
STATES = ("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg",
          "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen",
          "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt",
          "Schleswig-Holstein", "Thüringen")
HESSIAN_DISTRICTS = (
    "Kreis Bergstraße", "Darmstadt-Dieburg", "Groß-Gerau", "Hochtaunuskreis",
    "Main-Kinzig-Kreis", "Main-Kinzig district", "Main-Taunus-Kreis", "Odenwaldkreis",
    "Kreis Offenbach", "Rheingau-Taunus-Kreis", "Wetteraukreis", "Landkreis Gießen",
    "Lahn-Dill-Kreis", "Limburg-Weilburg", "Marburg-Biedenkopf", "Vogelsbergkreis",
    "Vogelsberg district", "Landkreis Fulda", "Hersfeld-Rotenburg", "Landkreis Kassel",
    "Schwalm-Eder-Kreis", "Waldeck-Frankenberg", "Werra-Meißner-Kreis",
)
# Words that name a state directly (German and English forms).
STATE_WORDS = {
    "Hessen": ("Hessen", "hessisch", "Hesse"),
    "Rheinland-Pfalz": ("Rheinland-Pfalz", "rheinland-pfälzisch", "Rhineland-Palatinate"),
    "Baden-Württemberg": ("Baden-Württemberg", "baden-württembergisch"),
    "Sachsen": ("Sachsen", "sächsisch", "Saxony"),
}
AUTOMATION_HEADERS = ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
                      "X-Auto-Response-Suppress", "X-MS-Exchange-Inbox-Rules-Loop",
                      "X-Loop", "X-OTRS-Loop")

# Every invented place name used in this set (own towns and named neighbours). The
# validation checks that none of them is a real municipality.
TOWNS = (
    "Lindenquell", "Kelterau", "Wiesenbrunn", "Oberwiesel", "Hainbachtal", "Kressenbach",
    "Erlenbrück", "Hohenweide", "Mühlenbergen", "Steinfurthal", "Asbachrode",
    "Ulmbachrode", "Salzwiesen", "Kirschgrund", "Weidenbrunn", "Gänsfurt", "Holzbachsee",
    "Ederquell", "Fichtenquell", "Rabenstedt", "Nahewiesen", "Lautenhain", "Fuchsenbühl",
    "Sonnbachtal", "Jagstbühl", "Krähenfeld", "Nesselgrund", "Eulenbach",
    "Schwalbenrode", "Aulatal", "Ginsterau", "Heckenried", "Ginsterbach", "Brombachhöhe",
    "Quellental", "Zschopenau", "Wachholdern", "Distelbach", "Forellenbach", "Eichwetter",
    "Mosbachhain", "Kinzighain", "Felsenau", "Kiefernrode", "Moosbachtal", "Lerchenau",
    "Otterbachtal", "Rosenheide", "Talweiler", "Wildbachrode", "Emsquell", "Amselbrunn",
    "Bärenfurt", "Ohmwiesen", "Falkenbühl", "Wettergrund", "Hirschgrund", "Mardergrund",
    "Rehbachtal", "Schwarzbachhain", "Storchenau", "Wieselbrück", "Luchsberg",
    "Schlehengrund", "Holunderbach", "Weiltalheim", "Dillwiesen", "Weißdornhain",
)

MINISTRY_SIG = """\
Mit freundlichen Grüßen
Ihr Team Landesprogramm WIR
Hessisches Ministerium für Soziales und Integration"""


# --------------------------------------------------------------------------
# Mail texts (invented). T01 ... T80 follow the file numbers. Quoted history
# below the new text is part of the texts; it is never labelled.
# --------------------------------------------------------------------------

T01 = """\
Sehr geehrte Damen und Herren,

unser Bürgermeister hat mich gebeten, mich wegen des WIR-Programms bei Ihnen
zu melden. Wir überlegen, eine Vielfalts- und Integrationsstrategie zu
erarbeiten, sind aber unsicher, ob sich das für eine so kleine Gemeinde
überhaupt lohnt.

Deshalb zwei Fragen vorab:
1. Können auch sehr kleine Gemeinden wie wir einen Antrag stellen?
2. Stimmt es, dass es bis zu 30.000,- EUR gibt, oder hängt die Höhe der
   Förderung von der Einwohnerzahl ab?

Für eine kurze Rückmeldung wäre ich dankbar.

Mit freundlichen Grüßen
i. A. Sabine Wenzel

--
Gemeinde Lindenquell
Der Gemeindevorstand - Hauptverwaltung
Landkreis Waldeck-Frankenberg
Kirchweg 4 · 34519 Lindenquell
Einwohner: 4.318
Tel.: 05631 0712-14
"""

T02 = """\
Hallo liebes WIR-Team,

wir (Stadt Kelterau, LK Darmstadt-Dieburg) stecken mitten in der
Vorbereitung für den KIV-Antrag und haben vom Moderationsbüro eine erste
Kostenschätzung bekommen. Bevor das in den Magistrat geht, würde ich gern
wissen, was davon überhaupt förderfähig ist.

Kurz die Eckdaten:
- EW 12.345 (Melderegister)
- Kostenschätzung: 28.400 € brutto
- darin enthalten:
  * Prozessmoderation (Bestandsanalyse, 4 Workshops, Steuerungsgruppe)
  * Online-Befragung inkl. Lizenz für das Umfragetool
  * Übersetzung der Einladungen ins Arabische, Türkische und Ukrainische
  * Raummiete Bürgerhaus + Getränke

Fragen:
- Sind Übersetzungen und Raummiete förderfähig, oder nur die Moderation
  selbst?
- Wird der Bruttobetrag gefördert, also inkl. MwSt., oder nur netto?

Danke vorab & viele Grüße
Tobias Reinhardt
Stadt Kelterau | Fachbereich Soziales, Bildung und Integration
"""

T03 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre E-Mail. Ich bin ab dem 16.11. wieder für Sie
erreichbar.

Ihre Nachricht wird in der Zwischenzeit nicht weitergeleitet. In
dringenden Angelegenheiten wenden Sie sich bitte an das Vorzimmer des
Bürgermeisters, Tel. 05631 0712-10.

Mit freundlichen Grüßen
Sabine Wenzel
Gemeinde Lindenquell
"""

T04 = """\
Hello,

I'm the volunteer coordinator for the municipality of Wiesenbrunn in Hesse
(population approx. 6.2k, mostly farming villages). Our mayor asked me to
find out two things about the KIV strategy funding:

1) Are small rural municipalities like ours allowed to apply on their own?
2) Could we do it together with our neighbours? Oberwiesel next door has
about 3,100 inhabitants and they're interested too.

Cheers,
Hannah Brooks
Wiesenbrunn municipality - volunteer coordination
"""

T05 = """\
Guten Tag,

Hainbachtal ist eine Gemeinde mit rund 7 500 Bürgerinnen und Bürgern;
rund 800 Kinder und Jugendliche davon gehen bei uns zur Schule oder in den
Jugendtreff. Genau die wollen wir bei unserer geplanten
Integrationsstrategie nicht vergessen. Bei klassischen Bürgerversammlungen
sitzen aber erfahrungsgemäß nur die Älteren im Saal.

Welche Formate haben sich bewährt, um junge Leute, Familien und neu
Zugezogene wirklich einzubinden? Gibt es Methoden, die ohne lange
Abendsitzungen im Rathaus auskommen?

Viele Grüße aus Hainbachtal
Lea Sommerfeld
Jugend- und Sozialarbeit
"""

T06_NOTICE = """\
This is the mail system at host mail.hsm.hessen.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<m.lorenz@kressenbach.de>: host mx01.kressenbach.de[198.51.100.77] said: 550
    5.1.1 <m.lorenz@kressenbach.de>: Recipient address rejected: User unknown
    in local recipient table (in reply to RCPT TO command)
"""

T06_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4P2kW71xRtz8Lm3
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Tue,  3 Nov 2026 09:38:26 +0100 (CET)

Final-Recipient: rfc822; m.lorenz@kressenbach.de
Original-Recipient: rfc822;m.lorenz@kressenbach.de
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx01.kressenbach.de
Diagnostic-Code: smtp; 550 5.1.1 <m.lorenz@kressenbach.de>: Recipient address
    rejected: User unknown in local recipient table
"""

T06_ORIGINAL = """\
Sehr geehrter Herr Lorenz,

vielen Dank für Ihre Anfrage. Die Förderung für kommunale Vielfalts- und
Integrationsstrategien (KIV) richtet sich an alle hessischen Städte und
Gemeinden mit weniger als 50.000 Einwohnerinnen und Einwohnern. Mit rund
6.300 Einwohnerinnen und Einwohnern ist die Gemeinde Kressenbach
antragsberechtigt. Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen
und Einwohnern können sich im ländlichen Raum mit anderen Kommunen
abstimmen.

Die Förderung beträgt maximal 30.000 Euro. Gefördert wird eine externe
Prozessmoderation. Den Antrag stellen Sie online; den Link zur
Onlineantragstellung und eine Anleitung finden Sie unter
www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + "\n"

T07 = """\
Sehr geehrte Damen und Herren,

anbei die Mail unseres Bürgermeisters zur Info. Kurz zusammengefasst: Wir
als hessische Kommune mit knapp elftausend Einwohnern würden gern noch in
diesem Jahr den Antrag stellen. Bis wann muss der Antrag spätestens bei
Ihnen eingereicht sein, und wie genau stellt man ihn - gibt es ein Formular
zum Ausfüllen oder nur das Onlineverfahren?

Viele Grüße
Carsten Vogt
Stadt Erlenbrück - Fachdienst Zentrale Dienste
Tel. 06032 0815-33

________________________________
Von: Bürgermeister Erlenbrück <buergermeister@erlenbrueck.de>
Gesendet: Montag, 2. November 2026 07:48
An: Vogt, Carsten <c.vogt@erlenbrueck.de>
Betreff: WIR-Programm / KIV

Hallo Herr Vogt,

bei der Bürgermeisterdienstversammlung hat der Kollege aus der
Nachbarstadt erzählt, dass sie ihre Strategie mit 25.000 Euro aus dem
WIR-Programm gemacht haben, und die haben 16.500 Einwohner. Bitte klären
Sie mit dem Ministerium, bis wann wir das beantragen müssen und wie das
geht. Das Thema soll in die Dezembersitzung.

Gruß
M. Heller
"""

T08 = """\
Sehr geehrte Damen und Herren,

wir als südhessische Stadt mit gut zwanzigtausend Einwohnerinnen und
Einwohnern bereiten gerade eine Magistratsvorlage zur KIV-Strategie vor.
Zwei Punkte sind in der Fraktionsrunde offen geblieben:

Erstens: Wie lange haben wir für die Erarbeitung Zeit, und ab wann läuft
diese Frist - ab der Bewilligung oder ab dem ersten Workshop?

Zweitens: Muss die fertige Strategie am Ende von der
Stadtverordnetenversammlung beschlossen werden, oder reicht ein
Magistratsbeschluss? Und was passiert danach mit dem Papier?

Mit freundlichen Grüßen

Dr. Miriam Kessler
Stabsstelle Demografie und Integration
Magistrat der Stadt Hohenweide
"""

T09 = """\
Hallo,

vielen Dank für die schnelle Antwort, das hilft uns sehr weiter!

Viele Grüße
Lea Sommerfeld
"""

T10 = """\
Dear Sir or Madam,

I am writing on behalf of the Town of Mühlenbergen in the Main-Kinzig
district. Mühlenbergen is home to 23,400 residents from more than 90
nations, and our council would like to develop a diversity and integration
strategy in 2027.

Before we start, could you please clarify the following:

• Are we eligible for KIV funding as a town of this size?
• Our budget estimate for external facilitation is EUR 32.000,00 (incl.
  VAT). Would the full amount be covered, or is there a ceiling?
• How exactly do we submit the application - is there an online form, and
  which documents do we need to attach?

Kind regards,

Laura Fischer-Grant
Integration Officer
Town of Mühlenbergen
"""

T11 = """\
Sehr geehrte Damen und Herren,

wir haben am 2.10.2026 ueber das Onlineportal unseren Antrag fuer die
KIV-Foerderung gestellt (beantragt hatten wir 24.750 Euro fuer die
Prozessmoderation), seit dem haben wir nichts mehr gehoert. Koennen Sie uns
sagen ob der Antrag vollstaendig bei ihnen angekommen ist und wann
ungefaehr mit einem Bescheid zu rechnen ist? Unser Gemeindevorstand fragt
jede Woche nach.

Mfg
Dieter Brandt
Gemeinde Steinfurthal
Vogelsbergkreis
Tel 06641 0588-21

PS: Wer ist bei Ihnen eigentlich fuer unseren Antrag zustaendig, damit ich
nicht immer ans allgemeine Postfach schreiben muss?
"""

T12 = """\
Guten Tag,

derzeit befinde ich mich im Urlaub. Ab Montag, 23.11.2026, bin ich wieder
im Rathaus. Ihre E-Mail wird nicht weitergeleitet.

Sie haben ein dringendes Anliegen zum KIV-Antrag der Stadt Kelterau? Dann
wenden Sie sich bitte an meine Kollegin Frau Ott, Tel. 06071 0930-41.

Viele Grüße
Tobias Reinhardt
"""

T13 = """\
Sehr geehrte Damen und Herren,

ich wende mich mit einer Frage an Sie, die vielleicht nicht ganz zu Ihrem
Programm passt - vielleicht können Sie mir trotzdem weiterhelfen.

Gemeinde:            Asbachrode
Kreis:               Schwalm-Eder-Kreis
Einw.-Zahl ca. 9.600 (Stand Sept. 2026)
Ansprechpartner:     Herr Gerd Wolf, Bauamt

Unser Jugendtreff braucht dringend ein neues Dach und eine neue Heizung.
Die Räume werden seit 2016 auch vom Sprachcafé und von zwei
Integrationskursen genutzt, die ohne das Gebäude nicht weiterlaufen
könnten. Gibt es beim Land Fördermittel für die Sanierung solcher
Gebäude, eventuell über das WIR-Programm? Und falls nicht: An welche
Stelle müssten wir uns wenden?

Mit freundlichen Grüßen
Gerd Wolf
Gemeinde Asbachrode - Bauamt
"""

T14 = """\
Guten Morgen,

ich bereite für unseren Sozialausschuss eine kurze Präsentation zu
Förderprogrammen im Bereich Integration vor. Zum WIR-Programm habe ich im
Netz nur Bruchstücke gefunden.

Könnten Sie mir kurz erklären, was genau hinter der KIV-Förderung steckt
und seit wann es sie für kleinere Kommunen gibt? Gut zu wissen wäre auch,
wie viele Kommunen bisher dabei waren.

Außerdem: Wo kann ich die aktuelle Förderrichtlinie herunterladen? Ich
würde sie gern als Anlage zur Sitzungsvorlage nehmen.

Danke und freundliche Grüße
Jasmin Korkmaz
Gemeinde Ulmbachrode, Sozialamt
"""

T15 = """\
This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  rathaus@salzwiesen.de
    host mx.salzwiesen.de [203.0.113.88]
    SMTP error from remote mail server after RCPT TO:<rathaus@salzwiesen.de>:
    552 5.2.2 Mailbox quota exceeded

------ This is a copy of the message's headers. ------

Return-path: <landesprogrammWIR@hsm.hessen.de>
Received: from mail.hsm.hessen.de ([192.0.2.10])
	by relay1.hessen.de with esmtps (TLS1.3) (Exim 4.97.1)
	(envelope-from <landesprogrammWIR@hsm.hessen.de>)
	id 1tVx2Q-0003Ke-1A
	for rathaus@salzwiesen.de; Thu, 05 Nov 2026 09:02:11 +0100
From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
To: rathaus@salzwiesen.de
Subject: =?utf-8?q?AW=3A_Beteiligung_der_B=C3=BCrgerschaft?=
Date: Thu, 05 Nov 2026 09:02:09 +0100
Message-ID: <20261105080209.4f1c2a@hsm.hessen.de>
In-Reply-To: <20261103141122.8d02e7@salzwiesen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable
"""

T16 = """\
Hi there,

Kirschgrund is a town of roughly 18,000 people, and about a fifth of them
have a migration background. We'd like to start a KIV process next spring,
and I have two questions I couldn't answer from your website:

- What are good ways to involve residents who don't speak much German yet?
  We were thinking of multilingual "kitchen table" conversations instead of
  big public meetings.
- Do we have to involve the district's diversity centre (WIR-Vielfaltszentrum),
  and what about our town council - at what stage should they be on board?

Best regards,
Daniel Okafor
Community Development | Town of Kirschgrund
"""

# dev2-17: HTML only (Outlook), the facts only in a table.
H17 = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
table.MsoTableGrid {border-collapse:collapse;}
--></style>
</head>
<body lang="DE" link="#0563C1" vlink="#954F72">
<div class="WordSection1">
<p class="MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">f&uuml;r unsere Vorlage an die Gemeindevertretung habe ich Ihnen
unsere Eckdaten zusammengestellt:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0">
<tr><td><p class="MsoNormal">Kommune</p></td><td><p class="MsoNormal">Gemeinde Weidenbrunn</p></td></tr>
<tr><td><p class="MsoNormal">Landkreis</p></td><td><p class="MsoNormal">Lahn-Dill-Kreis</p></td></tr>
<tr><td><p class="MsoNormal">Einwohnerzahl</p></td><td><p class="MsoNormal">14.872 (Stand: 31.12.2025)</p></td></tr>
<tr><td><p class="MsoNormal">davon nichtdeutsche Staatsangeh&ouml;rigkeit</p></td><td><p class="MsoNormal">2.310</p></td></tr>
<tr><td><p class="MsoNormal">Integrationsbeauftragte</p></td><td><p class="MsoNormal">seit 01.04.2026 (0,5 Stelle)</p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Unsere Fragen:<o:p></o:p></p>
<p class="MsoNormal">Welche Gremien m&uuml;ssen wir im Strategieprozess beteiligen? Muss das
WIR-Vielfaltszentrum des Kreises eingebunden werden, und wenn ja, in welcher Form?<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Und was steht am Ende des Prozesses &ndash; wer beschlie&szlig;t die
Strategie, und welche Verbindlichkeit hat sie danach f&uuml;r die Verwaltung?<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Mit freundlichen Gr&uuml;&szlig;en<o:p></o:p></p>
<p class="MsoNormal">Ralf Seibert<o:p></o:p></p>
<p class="MsoNormal">Gemeinde Weidenbrunn &ndash; Hauptamt<o:p></o:p></p>
</div>
</body>
</html>
"""

T18 = """\
Thank you for your message.

I am currently out of the office with limited access to email and will be
back on Monday, 16 November. Your email will not be forwarded. For urgent
matters regarding integration projects, please contact
integration@muehlenbergen.de.

Kind regards,
Laura Fischer-Grant
Town of Mühlenbergen
"""

T19 = """\
Sehr geehrte Damen und Herren,

unsere Gemeinde Gänsfurt im Odenwaldkreis hat rund 5.400 Einwohner. Wir
sprechen gerade mit der Nachbarstadt Holzbachsee (ca. 14.000 Einwohner)
über eine gemeinsame Integrationsstrategie, weil viele Angebote ohnehin
übergreifend genutzt werden: Tafel, Sprachkurse, Sportvereine.

Dazu zwei Fragen:
- Ist so eine Zusammenarbeit überhaupt vorgesehen, wenn nur eine der beiden
  Kommunen unter 10.000 Einwohnern liegt?
- Gilt der Förderhöchstbetrag von 30 T€ dann für beide zusammen, oder kann
  jede Kommune für sich die volle Summe bekommen?

Mit freundlichen Grüßen
Sven Maurer
Gemeinde Gänsfurt - Hauptamt
"""

T20 = """\
hallo

kurze frage ist für dieses jahr noch geld im topf oder ist das schon
alles weg wir hatten überlegt noch im dezember den antrag zu stellen aber
unser bürgermeister meint das lohnt sich nich mehr weil die mittel eh
ausgeschöpft sind stimmt das ?? und wenn nicht wann wäre dann der nächste
termin

gruß
Uwe Bach
gemeinde ederquell
"""

T21 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre ausführliche Antwort. Wir besprechen das jetzt im
Gemeindevorstand und melden uns, sobald wir den Antrag gestellt haben.

Mit freundlichen Grüßen
Birgit Hahn
Gemeinde Fichtenquell
"""

T22 = """\
Sehr geehrte Damen und Herren,

die Stadt Rabenstedt hat laut Hessischem Statistischen Landesamt 52.300
Einwohnerinnen und Einwohner (Stand 30.06.2026) - also knapp über der
Grenze von 50.000. Unsere Einwohnerzahl ist allerdings nur wegen der
Erstaufnahmeeinrichtung so hoch, die Ende 2026 schließen soll.

Gibt es bei der Grenze einen Spielraum, oder sind wir damit raus? Und
falls wir im nächsten Jahr unter 50.000 fallen: Ab wann könnten wir dann
frühestens einen Antrag stellen?

Mit freundlichen Grüßen
Jürgen Pfaff
Stadt Rabenstedt - Amt für Soziales
"""

T23 = """\
Guten Tag,

ich bin Ortsbürgermeisterin der Ortsgemeinde Nahewiesen im Landkreis
Mainz-Bingen (Rheinland-Pfalz), 6.100 Einwohner. Wir liegen direkt an der
Landesgrenze, und viele unserer Vereine arbeiten eng mit der hessischen
Nachbarstadt auf der anderen Rheinseite zusammen.

Könnten wir uns einer hessischen Kommune bei der KIV-Strategie
anschließen, also gemeinsam mit ihr einen Antrag stellen? Oder ist das
Programm wirklich nur für Kommunen in Hessen offen?

Freundliche Grüße
Renate Schuck
Ortsbürgermeisterin
"""

T24 = """\
Guten Tag,

ich bin bis einschließlich 27. November 2026 nicht im Dienst. Ihre
Nachricht wird nicht gelesen und nicht weitergeleitet. Bitte senden Sie
Ihr Anliegen an stabsstelle@hohenweide.de oder schreiben Sie mir nach
meiner Rückkehr erneut.

Miriam Kessler
"""

T25 = """\
Sehr geehrte Damen und Herren,

die Stadt Lautenhain im Main-Taunus-Kreis (EW: 31.905) plant für 2027
einen breit angelegten Strategieprozess. Im Anhang finden Sie unsere grobe
Kostenaufstellung, insgesamt kommen wir auf ca. 40 T€. Uns ist klar, dass
höchstens 30.000 Euro gefördert werden.

1. Können wir den Rest aus Eigenmitteln aufstocken, ohne dass die
   Förderung gekürzt wird?
2. Ist neben der Moderation auch eine repräsentative Befragung durch ein
   Institut förderfähig, oder nur das, was die Moderation selbst macht?

Mit freundlichen Grüßen
Anja Berger
Stadt Lautenhain - Fachbereich Soziales
"""

T26 = """\
Sehr geehrte Damen und Herren,

wir würden uns gern vor der Antragstellung einmal telefonisch beraten
lassen, da bei uns einiges etwas anders liegt (zwei Außenstellen der
Erstaufnahme, eine sehr aktive Moscheegemeinde, kaum feste
Ehrenamtsstrukturen). Ist das möglich? Wenn ja, nennen Sie mir gern eine
Telefonnummer oder zwei, drei Terminvorschläge.

Mit freundlichen Grüßen

Katharina Lenz
Leitung Haupt- und Personalamt
Gemeinde Fuchsenbühl
Landkreis Fulda
"""

T27_PLAIN = """\
Die Nachricht konnte nicht an den Empfänger übermittelt werden.

Ihre Nachricht an s.maurer@gaensfurt.de konnte nicht zugestellt werden.

Die E-Mail-Adresse wurde in der Zieldomäne nicht gefunden. Möglicherweise
enthält die Adresse einen Tippfehler, oder sie existiert nicht mehr.

Diagnoseinformationen für Administratoren:

Generierender Server: FR2P281MB0733.DEUP281.PROD.OUTLOOK.COM

s.maurer@gaensfurt.de
Remoteserver hat '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
s.maurer@gaensfurt.de not found by SMTP address lookup' zurückgegeben.
"""

T27_STATUS = """\
Reporting-MTA: dns;FR2P281MB0733.DEUP281.PROD.OUTLOOK.COM
Received-From-MTA: dns;mail.hsm.hessen.de
Arrival-Date: Tue, 10 Nov 2026 11:56:42 +0000

Final-Recipient: rfc822;s.maurer@gaensfurt.de
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
 s.maurer@gaensfurt.de not found by SMTP address lookup
"""

T27_ORIGINAL = """\
Sehr geehrter Herr Maurer,

vielen Dank für Ihre Anfrage. Kleinere Kommunen mit weniger als 10.000
Einwohnerinnen und Einwohnern können sich im ländlichen Raum mit anderen
Kommunen abstimmen. Die Förderung für KIV beläuft sich auf maximal 30.000
Euro und richtet sich an alle Kommunen mit weniger als 50.000
Einwohnerinnen und Einwohnern.

""" + MINISTRY_SIG + "\n"

T28 = """\
Sehr geehrte Damen und Herren,

auf www.integrationskompass.hessen.de habe ich zwar den Link zur
Onlineantragstellung gefunden, komme aber nach der Registrierung nicht
weiter - es wird ein „Zugangscode“ verlangt, den wir nicht haben. Wie
kommen wir an diesen Code, bzw. wie läuft die Antragstellung genau ab?

Und noch etwas: Die Förderrichtlinie, die ich dort heruntergeladen habe,
trägt ein älteres Datum. Gibt es eine neuere Fassung, und wenn ja, wo
finde ich sie?

Mit freundlichen Grüßen
Anke Jost
Gemeinde Sonnbachtal
"""

T29 = """\
Dear WIR team,

I'm with the municipality of Jagstbühl in Baden-Württemberg (approx.
14,000 inhabitants). A colleague from a Hessian town told me about your
KIV programme and I find the approach really convincing.

Could you tell me a bit more about the programme - how long has it been
running, and how many municipalities have taken part so far? And is there
any chance that a municipality outside Hesse could take part, e.g. as a
pilot?

Best wishes,
Thomas Eberle
Municipality of Jagstbühl - Mayor's Office
"""

T30 = """\
Vielen Dank für Ihre Anfrage.

Wir haben sie unter der Nummer SR-2026-114587 erfasst und an die
zuständige Stelle weitergeleitet. Bitte geben Sie diese Nummer bei
Rückfragen an.

Dies ist eine automatische Bestätigung. Sie müssen auf diese E-Mail nicht
antworten.

Ihr ServiceCenter der Stadt Rabenstedt
"""

T31 = """\
Sehr geehrte Damen und Herren,

wir als nordhessische Gemeinde (Einwohnerzahl 8.912, Stand 30.09.2026)
haben im Frühjahr die Bewilligung bekommen und sind mitten im Prozess.
Jetzt zeichnet sich ab, dass die Gemeindevertretung wegen der
Haushaltsberatungen erst sehr spät über die Strategie abstimmen kann.

Muss der Beschluss innerhalb der Förderlaufzeit liegen? Und was passiert,
wenn die Gemeindevertretung die Strategie nur teilweise oder gar nicht
beschließt - hat das Folgen für die Förderung?

Mit freundlichen Grüßen
Stefan Kühn
Bürgermeister der Gemeinde Krähenfeld
"""

T32 = """\
Sehr geehrte Damen und Herren,

inzwischen ist unser Bewilligungsbescheid eingegangen - herzlichen Dank!
Beantragt und bewilligt wurden 27.500 Euro. Zwei Rückfragen dazu:

1. Wann und wie wird das Geld ausgezahlt - automatisch, oder müssen wir
   einen Mittelabruf stellen?
2. Ab wann laufen die 18 Monate: ab Datum des Bescheids oder ab Beginn der
   Moderation?

Mit freundlichen Grüßen
Petra Scholz
Gemeinde Nesselgrund - Finanzverwaltung

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Mittwoch, 23. September 2026 10:14
An: Scholz, Petra <p.scholz@nesselgrund.de>
Betreff: AW: KIV-Antrag Gemeinde Nesselgrund

Sehr geehrte Frau Scholz,

vielen Dank für Ihre Anfrage. Die Förderung richtet sich an hessische
Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen und
Einwohnern; mit 7.250 Einwohnerinnen und Einwohnern ist die Gemeinde
Nesselgrund antragsberechtigt. Die Förderung beträgt maximal 30.000 Euro.
Den Antrag stellen Sie online über www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + """

-----Ursprüngliche Nachricht-----
Von: Scholz, Petra <p.scholz@nesselgrund.de>
Gesendet: Montag, 21. September 2026 15:02
An: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Betreff: KIV-Antrag Gemeinde Nesselgrund

Guten Tag,

wir (7.250 Einwohner, Landkreis Marburg-Biedenkopf) möchten die
KIV-Förderung beantragen. Sind wir antragsberechtigt, und wie hoch ist die
Förderung?

Petra Scholz
"""

T33 = """\
Many thanks for the quick and helpful reply - much appreciated!

Best,
Daniel
"""

T34 = """\
Hallo zusammen,

bei uns in Eulenbach leben derzeit etwa 650 Geflüchtete aus vierzehn
Ländern, die meisten in zwei Gemeinschaftsunterkünften am Ortsrand. Für die
geplante Integrationsstrategie möchten wir gezielt Gesprächsrunden direkt
in den Unterkünften anbieten, mit Sprachmittlern und Kinderbetreuung.

Könnten wir die Sprachmittler und die Kinderbetreuung aus der
KIV-Förderung bezahlen? Und welche Beteiligungsformate empfehlen Sie, wenn
viele Teilnehmende noch kaum Deutsch sprechen?

Danke und viele Grüße
Merve Yıldırım
Gemeinde Eulenbach - Integrationsbüro
"""

T35 = """\
Guten Tag,

kurze Frage zur Einbindung der WIR-Vielfaltszentren: Unser Landkreis
(Werra-Meißner-Kreis) hat ein Vielfaltszentrum, das aber personell gerade
sehr dünn besetzt ist. Müssen wir es trotzdem formal in den Prozess
einbinden, und wie sieht diese Einbindung konkret aus? Reicht es, wenn wir
es zur Auftaktveranstaltung einladen?

Zur Einordnung: Schwalbenrode ist mit rd. 3.950 Einwohnern eine der
kleinsten Gemeinden im Kreis.

Beste Grüße
Jens Möller
Gemeinde Schwalbenrode
"""

T36 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Ich befinde mich bis voraussichtlich Ende
Mai 2027 in Elternzeit. Ihre E-Mail wird nicht weitergeleitet.

Meine Vertretung ist Herr Jonas Pfeifer, j.pfeifer@aulatal.de,
Tel. 06621 0447-18.

Mit freundlichen Grüßen
Christina Lang
Gemeinde Aulatal - Amt für Soziales
"""

T37 = """\
Hallo,

ich bin ehrenamtlich im Helferkreis Ginsterau aktiv und gleichzeitig
Gemeindevertreterin. Wir suchen Geld für einen Deutschkurs für Frauen mit
Kinderbetreuung, der Kurs soll im Frühjahr im Dorfgemeinschaftshaus
stattfinden. Fördert das WIR-Programm so etwas, oder gibt es dafür einen
anderen Topf?

Und an wen im Ministerium kann ich mich mit solchen Fragen generell
wenden - gibt es jemanden, den ich direkt anrufen kann?

LG
Nicole Arnold
"""

T38 = """\
Sehr geehrte Damen und Herren,

die Stadt Heckenried (Kreis Bergstraße) hatte zum 31.12.2025 genau
49.870 Einwohnerinnen und Einwohner. Wegen zweier Neubaugebiete werden wir
die 50.000 voraussichtlich Mitte 2027 überschreiten.

Sind wir antragsberechtigt, und zählt dabei die Einwohnerzahl zum
Zeitpunkt der Antragstellung? Was wäre, wenn wir während des Prozesses
über die Grenze kommen?

Mit freundlichen Grüßen
Dr. Volker Engel
Erster Stadtrat der Stadt Heckenried
"""

T39_TEXT = """\
** Address not found **

Your message wasn't delivered to kontakt@ginsterbach.de because the
address couldn't be found, or is unable to receive mail.

Learn more here: https://support.google.example/mail/answer/6596

The response from the remote server was:
550 5.1.1 The email account that you tried to reach does not exist. Please
try double-checking the recipient's email address for typos or unnecessary
spaces. For more information, go to
https://support.google.example/mail/?p=NoSuchUser
"""

T39_STATUS = """\
Reporting-MTA: dns; googlemail.example
Received-From-MTA: dns; mail.hsm.hessen.de
Arrival-Date: Fri, 13 Nov 2026 03:16:17 -0800 (PST)

Final-Recipient: rfc822; kontakt@ginsterbach.de
Action: failed
Status: 5.1.1
Remote-MTA: dns; aspmx.l.google.example. (192.0.2.115, the server for the
 domain ginsterbach.de.)
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach
 does not exist.
Last-Attempt-Date: Fri, 13 Nov 2026 03:16:18 -0800 (PST)
"""

T39_ORIGINAL = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Anfrage. Das WIR-Programm fördert eine externe
Prozessmoderation, die Städte und Gemeinden beispielsweise bei der
Bestandsanalyse bereits bestehender Angebote oder bei Befragungstools
begleitet und Beteiligungsinstrumente vorschlägt. Die teilnehmenden
Kommunen haben 18 Monate Zeit, eine KIV-Strategie zu entwickeln.

""" + MINISTRY_SIG + "\n"

T40 = """\
Good morning,

I've just taken over the KIV application from a colleague who has left our
administration, and I'm afraid my German is not yet good enough for the
formal parts. Is there anyone on your team I could speak to in English,
ideally by phone?

Also, could you briefly explain how the online application works - do we
have to register first, and is the guide (Anleitung) available in English?

Many thanks,
Sofia Marques
Project Officer, Municipality of Brombachhöhe
Landkreis Marburg-Biedenkopf
"""

T41 = """\
Liebes WIR-Team,

in Quellental (ca. 16.300 Einwohner:innen) haben wir gerade eine
Arbeitsgruppe gegründet, die eine KIV-Strategie vorbereiten soll. In der
ersten Sitzung kamen zwei Fragen auf:

Wie viele Kommunen haben die Förderung schon bekommen? Und gibt es
irgendwo eine Übersicht, welche Beteiligungsformate dort gut funktioniert
haben? Wir möchten nicht bei null anfangen und gern von
Auftaktveranstaltungen, Workshops oder runden Tischen anderer Kommunen
lernen.

Herzliche Grüße
Tanja Roth
Stadt Quellental - Quartiersmanagement
"""

T42 = """\
Sehr geehrte Damen und Herren,

ich bin krankheitsbedingt bis voraussichtlich 27.11.2026 nicht im Dienst.
Ihre E-Mail wird nicht automatisch weitergeleitet. In dringenden Fällen
wenden Sie sich bitte an die Zentrale der Gemeindeverwaltung Steinfurthal,
Tel. 06641 0588-0.

Mit freundlichen Grüßen
Dieter Brandt
"""

T43 = """\
Sehr geehrte Damen und Herren,

wir sind eine Kleinstadt in Sachsen mit rund 7.800 Einwohnern und
arbeiten gerade an einem eigenen Integrationskonzept. Ihre
WIR-Förderrichtlinie und die Informationen zum KIV-Programm würden uns als
Orientierung sehr helfen. Könnten Sie mir sagen, wo ich die Richtlinie und
weitere Informationen finde?

Uns ist klar, dass wir als sächsische Kommune selbst nicht
antragsberechtigt sind.

Mit freundlichen Grüßen
Kerstin Uhlig
Stadtverwaltung Zschopenau
"""

T44 = """\
Hallo zusammen,

kurze Info vorab, damit Sie uns einordnen können:
Gemeinde Wachholdern, Hochtaunuskreis
Einwohner (Stand 31.12.2025): 6.734

Wir planen eine schlanke Variante: Ein Moderationsbüro hat uns für
Bestandsanalyse, zwei Workshops und die Endredaktion € 15k angeboten.

Zwei Fragen:
a) Reicht es, wenn der Antrag noch im Dezember eingeht, oder ist das für
   2026 zu spät?
b) Wird bei einer so kleinen Summe voll gefördert, oder müssen wir einen
   Eigenanteil einplanen?

Danke & Gruß
Florian Weber
Gemeinde Wachholdern
"""

T45 = """\
Thank you so much for the detailed answer! That's exactly what I needed
for the mayor. We'll talk to Oberwiesel next week and will get back to you
if anything else comes up.

Best wishes,
Hannah

On Tue, 10 Nov 2026 at 09:12, Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> wrote:
> Sehr geehrte Frau Brooks,
>
> vielen Dank für Ihre Anfrage. Die Förderung richtet sich an alle
> hessischen Kommunen mit weniger als 50.000 Einwohnerinnen und Einwohnern;
> mit rund 6.200 Einwohnerinnen und Einwohnern ist Wiesenbrunn
> antragsberechtigt. Kleinere Kommunen mit weniger als 10.000
> Einwohnerinnen und Einwohnern können sich im ländlichen Raum mit anderen
> Kommunen abstimmen, etwa mit Oberwiesel.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
"""

T46 = """\
Hello again,

I'm following up on the thread below. We submitted our application via the
online portal on 14 September (reference KIV-2026-0517) and have not
received any decision yet. Could you let me know where things stand?

Also, is there a direct contact person for our file? And if the approval
only comes in December, would the 18 months then run until mid-2028?

Best regards,
Ayesha Rahman
Municipality of Distelbach

On Fri, 18 Sep 2026 at 11:40, Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> wrote:
> Sehr geehrte Frau Rahman,
>
> vielen Dank für Ihre Nachricht. Ihr Onlineantrag ist bei uns
> eingegangen. Mit 12.800 Einwohnerinnen und Einwohnern ist die Gemeinde
> Distelbach antragsberechtigt. Die Förderung beträgt maximal 30.000 Euro.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
>
> On Mon, 14 Sep 2026 at 16:05, Ayesha Rahman <a.rahman@distelbach.de> wrote:
>> Dear WIR team,
>>
>> we have just submitted our application for Distelbach (12,800
>> inhabitants, Limburg-Weilburg district). Requested amount: EUR 29,500.
>> Is there anything else we need to send?
>>
>> Kind regards,
>> Ayesha Rahman
"""

T47 = """\
Sehr geehrte Damen und Herren,

die Gemeinden Forellenbach, Eichwetter und Mosbachhain im Vogelsbergkreis
arbeiten schon bei Bauhof und Standesamt zusammen. Jetzt überlegen wir,
auch die Integrationsstrategie gemeinsam anzugehen. Forellenbach selbst
hat 2.870 Einwohner, Eichwetter rund 3.400 und Mosbachhain etwa 4.100.

Wie funktioniert die Abstimmung mit den Nachbarkommunen bei der
KIV-Förderung praktisch - stellt eine Gemeinde den Antrag für alle? Und
müssen dann alle drei Gemeindevertretungen sowie das Vielfaltszentrum des
Kreises beteiligt werden?

Mit freundlichen Grüßen
Horst Wagner
Bürgermeister der Gemeinde Forellenbach
"""

T48 = """\
Sehr geehrte Damen und Herren,

ich habe die Stadtverwaltung Kinzighain zum 31.10.2026 verlassen. Diese
E-Mail-Adresse wird nicht mehr gelesen.

Bitte wenden Sie sich in Angelegenheiten der Integrationsarbeit künftig an
integration@kinzighain.de.

Mit freundlichen Grüßen
Marion Keller
"""

T49 = """\
Guten Tag,

unsere Nachbargemeinde hat 3.000 Einwohner und hat ihre KIV-Strategie nach
eigener Aussage in einem Jahr "durchgezogen". Wir als osthessische
Gemeinde wollen es etwas ruhiger angehen und den Prozess über gut zwei
Jahre strecken, damit auch die Vereine mitkommen.

Ist das möglich, oder gibt es eine feste Laufzeit, in der die Strategie
fertig sein muss?

Freundliche Grüße
Elke Brand
Gemeinde Felsenau
"""

T50 = """\
Sehr geehrte Damen und Herren,

ich bin seit vielen Jahren Gemeindevertreter in Kiefernrode und möchte
Ihnen kurz schildern, wie es bei uns aussieht, bevor ich zu meinem
eigentlichen Anliegen komme. Kiefernrode ist in den letzten zehn Jahren
deutlich gewachsen, heute leben hier 12 600 Einwohnerinnen und Einwohner,
und viele von ihnen sind aus dem Ausland zu uns gekommen, zunächst als
Arbeitskräfte für das Logistikzentrum, später auch als Geflüchtete. Es gibt
einen sehr engagierten Helferkreis, zwei Sprachcafés und einen
interkulturellen Garten, aber vieles hängt an wenigen Personen, und im
Rathaus fehlt bislang ein roter Faden. In der letzten Sitzung des
Sozialausschusses wurde deshalb vorgeschlagen, über das WIR-Programm eine
Strategie zu entwickeln, wobei einige Kollegen skeptisch waren, weil sie
befürchten, dass am Ende nur ein Papier in der Schublade landet, wie es
bei unserem Seniorenkonzept von 2019 leider passiert ist, und so stellt
sich für uns die Frage, was eigentlich aus den Strategien anderer
Kommunen geworden ist: werden die im Parlament verabschiedet und hat das
danach irgendeine Verbindlichkeit? Auch wüsste ich gern, seit wann das
Programm kleinere Kommunen überhaupt unterstützt, weil einige meinten, es
sei ganz neu.

Für eine Antwort, die ich in die nächste Ausschusssitzung mitnehmen kann,
wäre ich Ihnen sehr dankbar.

Mit freundlichen Grüßen
Werner Adam
Gemeindevertreter, Kiefernrode
"""

T51 = """\
Hi. This is the qmail-send program at mx.moosbachtal.de.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<buergerbuero@moosbachtal.de>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <landesprogrammWIR@hsm.hessen.de>
Received: (qmail 28114 invoked from network); 18 Nov 2026 10:42:32 -0000
Received: from mail.hsm.hessen.de (192.0.2.10)
  by mx.moosbachtal.de with ESMTPS; 18 Nov 2026 10:42:32 -0000
"""

T51_ORIGINAL = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Anfrage. Die WIR-Förderrichtlinie und weitere
Informationen finden Sie unter www.integrationskompass.hessen.de. Dort
findet sich auch der Link zur Onlineantragstellung inklusive einer
flankierenden Anleitung.

""" + MINISTRY_SIG + "\n"

T52 = """\
Hi,

quick questions from Lerchenau (around 9,950 inhabitants):

Is the 30,000 euro maximum per municipality, or per project? We might want
to run a second, smaller process for our outlying villages later on.

And does the funding only cover the external facilitator, or can we also
use it for an online survey tool and for printing flyers?

Thanks,
Ben Hoffmann
Lerchenau Town Hall
"""

T53 = """\
Hallo,

wir wollen den Antrag fuer die Vielfaltsstrategie stellen, ich weiss aber
nicht genau wie das ablauft. Muss vorher die Gemeindevertretung einen
Beschluss fassen oder kann der Burgermeister den Antrag allein
unterschreiben? Und gibt es ein Formular zum runterladen oder geht das nur
online?

Gruesse
Sandra Pohl
Gemeinde Otterbachtal (Rheingau-Taunus-Kreis)
Einw.: 10.020
"""

T54 = """\
Your request has been received.

Ticket number: HD-48213
Subject: Re: KIV funding - maximum per municipality?

Our service desk team will review your request and respond as soon as
possible, usually within three working days. Please do not reply to this
email; to add information, use the ticket number above.

This is an automated response.
Lerchenau Town Hall - Service Desk
"""

T55 = """\
Sehr geehrte Damen und Herren,

ich schreibe für den Verein „Rosenheide international e.V.“. Wir
organisieren seit 2016 ein Sprachcafé, Hausaufgabenhilfe und ein jährliches
Straßenfest. Unsere Gemeinde hat bisher leider kein Interesse an einer
Integrationsstrategie gezeigt.

Können auch Vereine wie wir die KIV-Förderung beantragen, wenn die
Gemeinde es nicht tut? Und falls nicht: Gibt es vom Land Zuschüsse für
unser Straßenfest, das wir 2027 größer aufziehen möchten?

Mit freundlichen Grüßen
Gülay Demir
1. Vorsitzende, Rosenheide international e.V.
"""

T56 = """\
Sehr geehrte Damen und Herren,

haben Sie vielen Dank für die Erläuterungen zur Einbindung der Gremien und
zum Beschluss der Strategie. Ich habe die Antwort an unseren Bürgermeister
weitergegeben.

Mit freundlichen Grüßen
Ralf Seibert
Gemeinde Weidenbrunn - Hauptamt

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Dienstag, 10. November 2026 11:26
An: Seibert, Ralf <r.seibert@weidenbrunn.de>
Betreff: AW: Eckdaten und Fragen KIV - Gemeinde Weidenbrunn

Sehr geehrter Herr Seibert,

vielen Dank für Ihre Anfrage. Die politischen Gremien und die
WIR-Vielfaltszentren der Landkreise werden in den Prozess eingebunden. Ziel
ist, die KIV-Strategie im Kommunalparlament zu verabschieden; sie bietet
dann eine wichtige Grundlage für die weitere Integrations- und
Teilhabearbeit vor Ort.

""" + MINISTRY_SIG + """

-----Ursprüngliche Nachricht-----
Von: Seibert, Ralf <r.seibert@weidenbrunn.de>
Gesendet: Freitag, 6. November 2026 10:03
An: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Betreff: Eckdaten und Fragen KIV - Gemeinde Weidenbrunn

Kommune: Gemeinde Weidenbrunn
Landkreis: Lahn-Dill-Kreis
Einwohnerzahl: 14.872 (Stand: 31.12.2025)

Welche Gremien müssen wir im Strategieprozess beteiligen?
"""

T57 = """\
Guten Tag,

ich bin Verwaltungsreferendar in der Gemeinde Talweiler und soll für die
Verwaltungsspitze ein kurzes Papier zu Förderprogrammen schreiben. Wofür
steht eigentlich die Abkürzung KIV, und seit wann gibt es diese
Förderlinie? Und wo finde ich die WIR-Förderrichtlinie im Wortlaut?

Vielen Dank und viele Grüße
Lukas Neumann
"""

T58 = """\
Sehr geehrte Damen und Herren,

könnten Sie mich bitte zurückrufen? Ich habe mehrere Fragen zu unserem
geplanten KIV-Antrag, die sich am Telefon schneller klären lassen. Ich
bin Mo-Do von 8 bis 15 Uhr unter 06152 0934-217 erreichbar.

Mit freundlichen Grüßen
Yvonne Albrecht
Stadt Wildbachrode | Amt für Soziales und Integration
Kreis Groß-Gerau
Einwohnerinnen/Einwohner: 21.450

PS: Falls ein Rückruf nicht klappt - bis wann müssten wir den Antrag denn
spätestens einreichen, damit er noch für 2026 berücksichtigt wird?
"""

T59 = """\
Dies ist eine automatisch generierte Nachricht.

Ihre E-Mail ist bei der Gemeindeverwaltung Emsquell eingegangen und wird
schnellstmöglich bearbeitet. Bitte antworten Sie nicht auf diese
Nachricht.

Gemeindeverwaltung Emsquell
Bürgerbüro
"""

T60 = """\
Guten Tag,

wir haben am 29.10. den Onlineantrag für die KIV-Förderung abgeschickt,
aber keine Eingangsbestätigung erhalten - weder per Mail noch im Portal.
Ist unser Antrag bei Ihnen angekommen?

Außerdem sind wir unsicher, ob wir zusätzlich noch etwas unterschrieben
per Post schicken müssen, z. B. den Beschluss des Gemeindevorstands, oder
ob der Onlineantrag reicht.

Freundliche Grüße
Michael Kraus
Gemeinde Amselbrunn, Landkreis Gießen
"""

T61_NOTICE = """\
This is the mail system at host mail.hsm.hessen.de.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<y.albrecht@wildbachrode.de>: connect to mx.wildbachrode.de[203.0.113.140]:25:
    Connection timed out
"""

T61_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4P7dH02mVcz5Qx1
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Mon, 23 Nov 2026 08:01:35 +0100 (CET)

Final-Recipient: rfc822; y.albrecht@wildbachrode.de
Original-Recipient: rfc822;y.albrecht@wildbachrode.de
Action: delayed
Status: 4.4.1
Diagnostic-Code: X-Postfix; connect to mx.wildbachrode.de[203.0.113.140]:25:
    Connection timed out
Will-Retry-Until: Sat, 28 Nov 2026 08:01:35 +0100 (CET)
"""

T62 = """\
Dear colleagues,

Bärenfurt is a very small municipality (approx. 2,300 inhabitants) in the
Vogelsberg district of Hesse. We understand the cap is EUR 30,000 and that
smaller municipalities can coordinate with others.

Two questions:
1. Can a municipality as small as ours apply at all, or only together with
   others?
2. The neighbouring town of Ohmwiesen (about 8,000 people) would like to
   cooperate. Would we then submit one joint application or two separate
   ones?

Kind regards,
Peter Lindqvist
Mayor's Office, Bärenfurt
"""

T63 = """\
Sehr geehrte Damen und Herren,

Stadt Falkenbühl, Landkreis Limburg-Weilburg, Einwohnerzahl: ca. 33 Tsd.

Wir haben uns überlegt, den Strategieprozess in drei Phasen mit je einer
großen Beteiligungsveranstaltung aufzuziehen. Passt das in den Zeitrahmen,
den die Förderung vorgibt? Wie lange haben wir insgesamt?

Und noch eine Frage zur Beteiligung: Kennen Sie niedrigschwellige Formate
für Menschen, die abends arbeiten (Schichtdienst, Gastronomie, Pflege)?

Mit freundlichen Grüßen
Nadine Schreiber
Stadt Falkenbühl - Stabsstelle Integration
"""

T64 = """\
Guten Tag,

diese Adresse ist nicht mehr aktiv. Bitte wenden Sie sich an
vielfalt@wettergrund.de.

Ihre Nachricht wird nicht weitergeleitet.

Gemeinde Wettergrund
"""

T65 = """\
Sehr geehrte Damen und Herren,

als hessische Stadt mit 58.400 Einwohnerinnen und Einwohnern sind wir
vermutlich zu groß für die KIV-Förderung - oder gibt es Ausnahmen, etwa
wenn nur ein Stadtteil mit rund 9.000 Menschen einbezogen wird?

Unser Konzept für den Stadtteil sieht Kosten von rund 45.000 Euro vor. Wie
viel davon könnte das Land übernehmen?

Mit freundlichen Grüßen
Andreas Yilmaz
Stadt Hirschgrund - Amt für Stadtteilentwicklung
"""

T66 = """\
Hallo,

danke, hat sich erledigt - der Zugang funktioniert inzwischen, und die
aktuelle Richtlinie habe ich auch gefunden.

Viele Grüße
Anke Jost
"""

T67 = """\
Sehr geehrte Damen und Herren,

die Stadt Mardergrund im Landkreis Kassel hat 19.300 Einwohner, davon
1.200 Geflüchtete, die überwiegend seit 2022 bei uns leben. Für unsere
Strategie stellen sich zwei Fragen:

• Müssen Ausländerbeirat und Ortsbeiräte formell beteiligt werden, oder
  reicht die Stadtverordnetenversammlung?
• Wie bringen wir gerade Geflüchtete dazu, sich an Workshops zu
  beteiligen - haben Sie Erfahrungen mit aufsuchenden Formaten?

Mit freundlichen Grüßen
Bernd Voigt
Stadt Mardergrund - Fachbereich Soziales
"""

T68 = """\
Thank you for your email.

I am on annual leave until Friday, 4 December 2026, and will have no
access to my emails during this time. Your message will be dealt with on
my return.

For urgent matters, please contact the town hall on 06631 0277-0.

Kind regards,
Peter Lindqvist
"""

T69 = """\
Sehr geehrte Damen und Herren,

die Stadt Rehbachtal im Wetteraukreis (41.200 Einwohner) muss im
kommenden Jahr zusätzliche Unterkünfte für Geflüchtete schaffen. Gibt es
im Rahmen des WIR-Programms oder eines anderen Landesprogramms Zuschüsse
für den Umbau eines leerstehenden Gebäudes zu einer
Gemeinschaftsunterkunft?

Mit freundlichen Grüßen
Claudia Roos
Stadt Rehbachtal - Liegenschaften
"""

T70 = """\
Dies ist eine automatisch erstellte Nachricht des Mailsystems.

Ihre Nachricht konnte an folgenden Empfänger nicht zugestellt werden:

    k.fuchs@schwarzbachhain.de

Grund: Das Postfach des Empfängers ist voll (552 5.2.2 Mailbox full).
Die Nachricht wurde nach mehreren Zustellversuchen endgültig
zurückgewiesen.

Bei Fragen wenden Sie sich bitte an postmaster@schwarzbachhain.de.

--- Kopie der nicht zugestellten Nachricht ---

Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
An: k.fuchs@schwarzbachhain.de
Datum: 25.11.2026 08:47
Betreff: AW: Beteiligungsformate und Gremien

Sehr geehrte Frau Fuchs,

vielen Dank für Ihre Anfrage. An dem Prozess sollen sich - neben Politik,
Verwaltung und Fachleuten - idealerweise alle Bürgerinnen und Bürger vor
Ort beteiligen können, etwa bei Auftaktveranstaltungen, Strategie- bzw.
Planungsworkshops oder an runden Tischen. Die politischen Gremien und die
WIR-Vielfaltszentren der Landkreise werden ebenfalls eingebunden.

""" + MINISTRY_SIG + "\n"

T71 = """\
Hallo zusammen,

danke noch mal für Ihre Antwort unten. Inzwischen hat der Haupt- und
Finanzausschuss nachgehakt: Gibt es Beispiele von Kommunen, die ihre
KIV-Strategie bereits im Parlament verabschiedet haben, und wie viele
Kommunen sind insgesamt schon gefördert worden? Und was heißt eigentlich
„verabschieden“ - ist das ein verbindlicher Beschluss, an den die
Verwaltung danach gebunden ist?

Gruß
Holger Sandmann
Gemeinde Storchenau

Am 02.11.2026 um 14:37 schrieb Landesprogramm WIR:
> Sehr geehrter Herr Sandmann,
>
> vielen Dank für Ihre Anfrage. Die Förderung richtet sich an alle
> hessischen Kommunen mit weniger als 50.000 Einwohnerinnen und
> Einwohnern; mit 8.350 Einwohnerinnen und Einwohnern ist die Gemeinde
> Storchenau antragsberechtigt. Die Förderung beträgt maximal 30.000 Euro.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
>
> Am 28.10.2026 um 09:15 schrieb Holger Sandmann:
>> Guten Tag,
>>
>> wir (8.350 Einwohner, Schwalm-Eder-Kreis) überlegen, eine
>> KIV-Strategie zu erarbeiten. Können wir mitmachen, und wie viel Geld
>> gibt es?
>>
>> Holger Sandmann
"""

T72 = """\
Sehr geehrte Damen und Herren,

steht in der WIR-Förderrichtlinie, ob auch eigene Personalkosten
gefördert werden können - z. B. eine befristete halbe Stelle für die
Koordination der Strategie im Rathaus? Oder ist die Förderung
ausschließlich für die externe Moderation gedacht? Ich finde die Stelle in
der Richtlinie nicht; falls es eine Seitenzahl gibt, wäre ich dankbar.

Beste Grüße
Frank Lohmann
Gemeinde Wieselbrück (Main-Kinzig-Kreis) | Einwohner: 8.005
"""

T73 = """\
This mailbox is no longer monitored.

Please resend your message to rathaus@distelbach.de. Thank you.

Municipality of Distelbach
"""

T74 = """\
Hallo,

Luchsberg (ca. 4.700 EW) und unsere Nachbargemeinde Schlehengrund (ca.
3.300 EW), beide im Landkreis Fulda, würden die KIV-Strategie gern
gemeinsam erarbeiten. Dürfen wir als so kleine Gemeinden überhaupt
teilnehmen? Und wenn ja: Stellt jede Gemeinde einen eigenen Onlineantrag,
oder gibt es ein gemeinsames Antragsverfahren, bei dem eine Kommune
federführend ist?

Viele Grüße
Sabrina Hofmann
Gemeinde Luchsberg
"""

T75 = """\
Danke für die Info, hab ich an den Bürgermeister weitergeleitet.

Gruß
Uwe

Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> schrieb am Mo., 16. Nov. 2026 um 10:05:
> Sehr geehrter Herr Bach,
>
> vielen Dank für Ihre Anfrage. Für das laufende Jahr stehen noch
> Fördermittel zur Verfügung, die jetzt online beantragt werden können;
> den Link zur Onlineantragstellung finden Sie unter
> www.integrationskompass.hessen.de. Eine genaue Frist können wir Ihnen
> an dieser Stelle nicht nennen.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
"""

T76 = """\
Sehr geehrte Damen und Herren,

ich leite Ihnen unten die Nachfrage unseres Kämmerers weiter. Können Sie
uns bitte sagen, wie der Stand unseres KIV-Antrags vom 8. Oktober ist, und
wer bei Ihnen für die Gemeinde Holunderbach zuständig ist? Dann kann Herr
Winter sich künftig direkt an die richtige Person wenden.

Mit freundlichen Grüßen
Andrea Vollmer
Bürgermeisterin der Gemeinde Holunderbach

-----Ursprüngliche Nachricht-----
Von: Winter, Klaus <k.winter@holunderbach.de>
Gesendet: Freitag, 20. November 2026 16:22
An: Vollmer, Andrea <buergermeisterin@holunderbach.de>
Betreff: KIV-Antrag - Haushaltsmittel

Hallo Frau Vollmer,

für den Haushalt 2027 muss ich wissen, ob die 26.000 Euro aus dem
KIV-Antrag kommen oder nicht. Bei 9.150 Einwohnern im Hochtaunuskreis
sind wir ja antragsberechtigt, aber einen Bescheid habe ich noch nicht
gesehen. Können Sie beim Land nachfragen?

Gruß
Klaus Winter
"""

T77 = """\
Sehr geehrte Damen und Herren,

vom 26.11. bis 27.11.2026 bleibt das Rathaus Weiltalheim wegen der
Umstellung unserer EDV geschlossen. E-Mails werden in dieser Zeit nicht
bearbeitet. Ab Montag, 30.11.2026, sind wir wieder für Sie da.

Ihre Gemeindeverwaltung Weiltalheim
"""

T78 = """\
Ihre Nachricht konnte nicht zugestellt werden.

Empfänger: m.ruppert@dillwiesen.de
Grund: 550 5.1.1 <m.ruppert@dillwiesen.de>: Recipient address rejected:
User unknown in virtual mailbox table

Die Nachricht wurde vom Server mail.dillwiesen.de zurückgewiesen. Es
wurden keine weiteren Zustellversuche unternommen.

----- Ursprüngliche Nachricht -----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Datum: 27.11.2026 10:39
An: m.ruppert@dillwiesen.de
Betreff: AW: Ihre Anfrage zur KIV-Förderung

Sehr geehrter Herr Ruppert,

vielen Dank für Ihre Anfrage. Teilnehmende Kommunen haben 18 Monate Zeit,
eine KIV-Strategie zu entwickeln. Ziel ist, die KIV-Strategie im
Kommunalparlament zu verabschieden.

""" + MINISTRY_SIG + "\n"

T79 = """\
Hallo liebes WIR-Team,

danke, Ihre Antwort ist angekommen! Wir stimmen uns jetzt mit
Schlehengrund ab. Falls danach noch etwas offen ist, melden wir uns.

Viele Grüße aus Luchsberg
Sabrina Hofmann
"""

T80 = """\
Hello WIR team,

Weißdornhain (about 11,500 people, in Hesse) is thinking about applying,
but our council only meets again in February. Two quick questions:

- Is there a deadline for applications for 2027, or can we apply any time?
- Once approved, how long do we have to complete the strategy?

Thanks a lot,
Grace Whitfield
Weißdornhain Town Hall
"""
# --------------------------------------------------------------------------
# MIME helpers. Everything is built with "\n" and converted to CRLF at the end.
# --------------------------------------------------------------------------

def h(seed: str, n: int = 40) -> str:
    """Deterministic hex string derived from seed."""
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def is_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def fold_ascii(name: str, value: str) -> str:
    """Fold an ASCII header at spaces so that lines stay within 78 characters."""
    words = value.split(" ")
    lines = [f"{name}: {words[0]}"]
    for w in words[1:]:
        if len(lines[-1]) + 1 + len(w) <= 78:
            lines[-1] += " " + w
        else:
            lines.append(" " + w)
    return "\n".join(lines)


def render_header(name: str, value: str, charset: str = "utf-8") -> str:
    if "\n" in value:                      # already folded by hand
        return f"{name}: {value}"
    if is_ascii(value):
        return fold_ascii(name, value)
    enc = Header(value, charset, header_name=name).encode(linesep="\n", maxlinelen=78)
    return f"{name}: {enc}"


def render_headers(headers: list[tuple[str, str]], charset: str = "utf-8") -> str:
    return "".join(render_header(k, v, charset) + "\n" for k, v in headers)


def addr(name: str | None, address: str, charset: str = "utf-8") -> str:
    if not name:
        return address
    return formataddr((name, address), charset=charset)


def qp(text: str, charset: str) -> str:
    out = quopri.encodestring(text.encode(charset), quotetabs=False).decode("ascii")
    return out if out.endswith("\n") else out + "\n"


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def text_part(text: str, subtype: str = "plain", charset: str = "utf-8",
              cte: str = "8bit", flowed: bool = False) -> tuple[list, str]:
    params = "; format=flowed" if flowed else ""
    headers = [("Content-Type", f'text/{subtype}; charset="{charset}"{params}'),
               ("Content-Transfer-Encoding", cte)]
    if cte in ("7bit", "8bit"):
        if cte == "7bit":
            assert is_ascii(text), "7bit part with non-ASCII text"
        assert charset == "utf-8" or is_ascii(text), "8bit only for UTF-8 here"
        body = text
    elif cte == "quoted-printable":
        body = qp(text, charset)
    elif cte == "base64":
        # canonical form of text is CRLF before encoding (RFC 2045)
        body = b64(text.replace("\n", "\r\n").encode(charset))
    else:
        raise ValueError(cte)
    return headers, body


def multipart(subtype: str, parts: list[tuple[list, str]], boundary: str,
              params: str = "", preamble: str = "") -> tuple[list, str]:
    headers = [("Content-Type",
                f'multipart/{subtype};{params}\n\tboundary="{boundary}"')]
    out = preamble + ("\n" if preamble else "")
    for ph, pb in parts:
        if not pb.endswith("\n"):
            pb += "\n"
        out += f"--{boundary}\n" + render_headers(ph) + "\n" + pb + "\n"
    out += f"--{boundary}--\n"
    return headers, out


def outlook_html(text: str) -> str:
    """Word-generated HTML as Outlook sends it, one <p> per paragraph."""
    paras = []
    for para in text.strip("\n").split("\n\n"):
        lines = []
        for line in para.split("\n"):
            stripped = line.lstrip(" ")
            indent = "&nbsp;" * (len(line) - len(stripped))
            lines.append(indent + html.escape(stripped, quote=False))
        paras.append('<p class="MsoNormal">' + "<br>\n".join(lines) + "<o:p></o:p></p>")
    body = '\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'.join(paras)
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n'
        "<head>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\n"
        "p.MsoNormal, li.MsoNormal, div.MsoNormal\n"
        "\t{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}\n"
        "a:link, span.MsoHyperlink {color:#0563C1;text-decoration:underline;}\n"
        "div.WordSection1 {page:WordSection1;}\n"
        "--></style>\n"
        "</head>\n"
        '<body lang="DE" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n'
        f"{body}\n"
        "</div>\n"
        "</body>\n"
        "</html>\n"
    )


def gmail_html(text: str) -> str:
    """Gmail-like HTML: new text in a div, the quoted mail in a gmail_quote block."""
    lines = text.rstrip("\n").split("\n")
    cut = next((i for i, ln in enumerate(lines)
                if " schrieb am " in ln or " wrote:" in ln), len(lines))
    new = lines[:cut]
    attr = []
    i = cut
    while i < len(lines) and lines[i].strip() and not lines[i].startswith(">"):
        attr.append(lines[i])
        i += 1
    quoted = [ln[2:] if ln.startswith("> ") else ln.lstrip(">")
              for ln in lines[i:] if ln.startswith(">")]

    def block(ls: list[str]) -> str:
        return "".join(f"<div>{html.escape(x, quote=False) or '<br>'}</div>" for x in ls)

    out = '<div dir="ltr">' + block(new) + "</div>"
    if attr:
        out += ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                + html.escape(" ".join(attr), quote=False) + "<br></div>"
                '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                'border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                + block(quoted) + "</blockquote></div>")
    # keep lines short, as Gmail's QP output does anyway
    return out.replace("</div>", "</div>\n") + "\n"


def dummy_pdf(lines: list[str]) -> bytes:
    """A tiny, valid one-page PDF with invented text (ASCII only)."""
    stream = "BT\n/F1 11 Tf\n72 770 Td\n16 TL\n"
    stream += "".join(f"({ln}) Tj T*\n" for ln in lines) + "ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Title (DUMMY - Testdaten) /Producer (build.py) >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{off:010d} 00000 n \n" for off in offsets).encode("ascii")
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode("ascii")
    return out


def ministry_message(to_name: str, to_addr: str, subject: str, when: datetime,
                     msgid: str, in_reply_to: str, text: str) -> str:
    """A complete earlier answer of the ministry (returned inside bounces)."""
    headers = [
        ("Return-Path", f"<{MAILBOX}>"),
        ("From", f"Landesprogramm WIR <{MAILBOX}>"),
        ("To", addr(to_name, to_addr)),
        ("Subject", subject),
        ("Date", format_datetime(when)),
        ("Message-ID", msgid),
        ("In-Reply-To", in_reply_to),
        ("References", in_reply_to),
        ("MIME-Version", "1.0"),
    ]
    ph, pb = text_part(text, cte="quoted-printable")
    return render_headers(headers + ph) + "\n" + pb


def ministry_headers_only(to_name: str, to_addr: str, subject: str, when: datetime,
                          msgid: str, in_reply_to: str) -> str:
    return render_headers([
        ("Return-Path", f"<{MAILBOX}>"),
        ("Received", "by mail.hsm.hessen.de (Postfix, from userid 1001)\n"
                     f"\tid {h(msgid, 11).upper()}; {format_datetime(when)}"),
        ("From", f"Landesprogramm WIR <{MAILBOX}>"),
        ("To", addr(to_name, to_addr)),
        ("Subject", subject),
        ("Date", format_datetime(when)),
        ("Message-ID", msgid),
        ("In-Reply-To", in_reply_to),
        ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ])


WORKDAYS = (2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27)


# Times fixed by hand where a bounce text states its own times (same day as computed).
TIME_OVERRIDE = {15: (9, 2, 19), 61: (12, 2, 41)}


def case_date(n: int) -> datetime:
    """Four mails per working day, 2-27 November 2026, deterministic times (CET)."""
    day = WORKDAYS[(n - 1) // 4]
    if n in TIME_OVERRIDE:
        return datetime(2026, 11, day, *TIME_OVERRIDE[n], tzinfo=CET)
    slot = (n - 1) % 4
    x = int(h(f"time{n}", 8), 16)
    return datetime(2026, 11, day, 7 + 2 * slot + x % 2, (x >> 4) % 60, (x >> 12) % 60,
                    tzinfo=CET)

# --------------------------------------------------------------------------
# The 80 cases. Each case holds the mail's data and its label.
#   client:   decides Message-ID style and client headers
#   body:     how the MIME structure is built (see build_body)
#   evidence: for each fact, the literal words of the NEW text it comes from
#   decoys:   numbers/words in the NEW text that must NOT become a fact (traps)
#   quote:    first line of the quoted/forwarded part (never labelled)
#   quoted:   strings that occur only in that part (traps that must stay unlabelled)
# --------------------------------------------------------------------------

NULL_FACTS = dict(population=None, amount_eur=None, state=None, eligibility=None)

CASES = [
    dict(n=1, kind="inquiry", language="de", intents=["eligibility", "funding_amount"],
         population=4318, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Lindenquell. Facts only in the signature block: 'Landkreis "
               "Waldeck-Frankenberg' (implies Hessen) and 'Einwohner: 4.318'. Asks "
               "whether very small municipalities may apply and whether 'bis zu "
               "30.000,- EUR' is right: the cap quoted back, so amount null. Traps: "
               "postcode 34519, phone. Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Wenzel, Sabine", "s.wenzel@lindenquell.de"),
         subject="Anfrage WIR-Programm - Gemeinde Lindenquell",
         client="exchange", org="Gemeinde Lindenquell",
         evidence=dict(population="Einwohner: 4.318",
                       state="Landkreis Waldeck-Frankenberg"),
         decoys=["30.000,- EUR", "34519"],
         body=dict(type="plain", text=T01, cte="quoted-printable")),

    dict(n=2, kind="inquiry", language="de",
         intents=["funded_activities", "funding_amount"],
         population=12345, amount_eur=28400, state="Hessen", eligibility="eligible",
         notes="Stadt Kelterau, 'LK Darmstadt-Dieburg' (abbreviated district, implies "
               "Hessen). Bullet list with key-value facts: 'EW 12.345' and "
               "'Kostenschätzung: 28.400 € brutto'. Asks which cost items (translation, "
               "room rent) are eligible = funded_activities, and whether the gross "
               "amount incl. VAT is funded = funding_amount. Trap: '4 Workshops'. "
               "Plain 8bit (Thunderbird).",
         sender=("Tobias Reinhardt", "t.reinhardt@kelterau.de"),
         subject="Kostenschätzung KIV - was ist förderfähig?",
         client="thunderbird",
         evidence=dict(population="EW 12.345",
                       amount_eur="Kostenschätzung: 28.400 € brutto",
                       state="LK Darmstadt-Dieburg"),
         decoys=["4 Workshops"],
         body=dict(type="plain", text=T02, cte="8bit")),

    dict(n=3, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic out-of-office of the sender of dev2-01 ('Ich bin ab dem "
               "16.11. wieder für Sie erreichbar'), WITHOUT any automation header and "
               "with a plain 'AW:' subject: recognisable only by the text. Plain, "
               "UTF-8 quoted-printable.",
         sender=("Sabine Wenzel", "s.wenzel@lindenquell.de"),
         subject="AW: Anfrage WIR-Programm - Gemeinde Lindenquell",
         client="webmail", reply_to_ministry=True,
         body=dict(type="plain", text=T03, cte="quoted-printable")),

    dict(n=4, kind="inquiry", language="en",
         intents=["eligibility", "joint_application"],
         population=6200, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Municipality of Wiesenbrunn, English. 'population approx. 6.2k' "
               "(k-notation) and 'in Hesse'. Asks whether small rural municipalities "
               "may apply alone and whether to team up with neighbours. Trap: "
               "neighbour Oberwiesel 'about 3,100 inhabitants' is not the "
               "population. multipart/alternative (Gmail).",
         sender=("Hannah Brooks", "hannah.brooks.wiesenbrunn@gmail.example"),
         subject="KIV funding for a small rural municipality",
         client="gmail", content_language="en-GB",
         evidence=dict(population="population approx. 6.2k", state="Hesse"),
         decoys=["about 3,100 inhabitants"],
         body=dict(type="alt", text=T04, html_style="gmail")),

    dict(n=5, kind="inquiry", language="de", intents=["participation"],
         population=7500, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Hainbachtal. 'rund 7 500 Bürgerinnen und Bürgern' (space as "
               "thousands separator); 'rund 800 Kinder und Jugendliche davon' is a "
               "subgroup. No state or district named (eligible by the rule). Asks "
               "which formats reach young people and newcomers. Plain 8bit "
               "(Roundcube).",
         sender=("Lea Sommerfeld", "l.sommerfeld@hainbachtal.de"),
         subject="Beteiligung junger Menschen an der Integrationsstrategie",
         client="roundcube",
         evidence=dict(population="rund 7 500 Bürgerinnen und Bürgern"),
         decoys=["rund 800 Kinder und Jugendliche"],
         body=dict(type="plain", text=T05, cte="8bit")),

    dict(n=6, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Postfix non-delivery report (550 5.1.1 user unknown): "
               "multipart/report; report-type=delivery-status with text/plain, "
               "message/delivery-status (Action: failed) and the complete returned "
               "ministry answer as message/rfc822 (6.300 Einwohner, 30.000 Euro, "
               "Gemeinde Kressenbach: not labelled).",
         sender=None, subject="Undelivered Mail Returned to Sender",
         client="postfix_bounce",
         body=dict(type="report", notice=T06_NOTICE, status=T06_STATUS,
                   returned="full", queue_id="4P2kW71xRtz8Lm3",
                   original=dict(to=("Markus Lorenz", "m.lorenz@kressenbach.de"),
                                 subject="AW: KIV-Förderung Gemeinde Kressenbach",
                                 minutes_before=1,
                                 irt="<20261030141502.6ab1c3@kressenbach.de>",
                                 text=T06_ORIGINAL))),

    dict(n=7, kind="inquiry", language="de",
         intents=["application_process", "deadline"],
         population=11000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Erlenbrück. Outlook forward 'WG:' with the question on top: "
               "'als hessische Kommune' (adjective names the state) with 'knapp "
               "elftausend Einwohnern' (number in words). Asks by when the "
               "application must be in and how to apply (form or online). The "
               "forwarded mayor's mail below (neighbour town with 25.000 Euro and "
               "16.500 Einwohner) is not labelled. Plain, UTF-8 quoted-printable.",
         sender=("Vogt, Carsten", "c.vogt@erlenbrueck.de"),
         subject="WG: WIR-Programm / KIV",
         client="exchange", org="Stadt Erlenbrück",
         evidence=dict(population="knapp elftausend Einwohnern",
                       state="hessische Kommune"),
         quote="Von: Bürgermeister Erlenbrück",
         quoted=["25.000 Euro", "16.500 Einwohner"],
         body=dict(type="plain", text=T07, cte="quoted-printable")),

    dict(n=8, kind="inquiry", language="de", intents=["duration", "strategy_adoption"],
         population=20000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Hohenweide. 'südhessische Stadt' names the state; 'gut "
               "zwanzigtausend Einwohnerinnen und Einwohnern' in words. Two numbered "
               "questions: how long and from when the time runs (duration), whether "
               "the Stadtverordnetenversammlung must adopt it and what follows "
               "(strategy_adoption). Plain, UTF-8 quoted-printable (Apple Mail).",
         sender=("Dr. Miriam Kessler", "m.kessler@hohenweide.de"),
         subject="Laufzeit und Beschluss der KIV-Strategie",
         client="applemail",
         evidence=dict(population="gut zwanzigtausend Einwohnerinnen und Einwohnern",
                       state="südhessische Stadt"),
         body=dict(type="plain", text=T08, cte="quoted-printable")),

    dict(n=9, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Hainbachtal (sender of dev2-05): a two-line thank-you for "
               "the answer, nothing new asked. Plain 8bit (Roundcube), reply headers.",
         sender=("Lea Sommerfeld", "l.sommerfeld@hainbachtal.de"),
         subject="Re: AW: Beteiligung junger Menschen an der Integrationsstrategie",
         client="roundcube", reply_to_ministry=True,
         body=dict(type="plain", text=T09, cte="8bit")),

    dict(n=10, kind="inquiry", language="en",
         intents=["application_process", "eligibility", "funding_amount"],
         population=23400, amount_eur=32000, state="Hessen", eligibility="eligible",
         notes="Town of Mühlenbergen, English, three bullet questions. 'home to "
               "23,400 residents'; 'Main-Kinzig district' implies Hessen; 'EUR "
               "32.000,00' (German decimals, above the cap) is the planned budget. "
               "Trap: 'more than 90 nations'. Asks eligibility, whether the full "
               "amount is covered, how to submit. multipart/alternative (Outlook).",
         sender=("Fischer-Grant, Laura", "l.fischer-grant@muehlenbergen.de"),
         subject="KIV funding - eligibility, amount and application",
         client="outlook365", content_language="en-GB",
         evidence=dict(population="home to 23,400 residents",
                       amount_eur="EUR 32.000,00", state="Main-Kinzig district"),
         decoys=["more than 90"],
         body=dict(type="alt", text=T10, html_style="outlook")),

    dict(n=11, kind="inquiry", language="de", intents=["application_status", "contact"],
         population=None, amount_eur=24750, state="Hessen", eligibility="unknown",
         notes="Gemeinde Steinfurthal, written without umlauts ('ueber', "
               "'Foerderung'), one run-on paragraph. Application of 2.10.2026 "
               "('beantragt hatten wir 24.750 Euro'): is it complete, when comes the "
               "decision = application_status. Question in a 'PS:' below the "
               "signature: who is responsible = contact. Vogelsbergkreis only in the "
               "signature. No population. Plain 7bit.",
         sender=("Dieter Brandt", "d.brandt@steinfurthal.de"),
         subject="Antrag KIV vom 02.10.2026 - Sachstand?",
         client="webmail",
         evidence=dict(amount_eur="24.750 Euro", state="Vogelsbergkreis"),
         decoys=["2.10.2026"],
         body=dict(type="plain", text=T11, cte="7bit")),

    dict(n=12, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic vacation notice of the sender of dev2-02 ('Derzeit "
               "befinde ich mich im Urlaub'), no automation header, subject 'Re: "
               "AW: ...'. Contains a question mark ('Sie haben ein dringendes "
               "Anliegen ...?') that is no inquiry. Plain, UTF-8 quoted-printable "
               "(Open-Xchange).",
         sender=("Tobias Reinhardt", "t.reinhardt@kelterau.de"),
         subject="Re: AW: Kostenschätzung KIV - was ist förderfähig?",
         client="openxchange", reply_to_ministry=True,
         body=dict(type="plain", text=T12, cte="quoted-printable")),

    dict(n=13, kind="inquiry", language="de", intents=["out_of_scope"],
         population=9600, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Asbachrode. Key-value block: 'Kreis: Schwalm-Eder-Kreis' and "
               "'Einw.-Zahl ca. 9.600 (Stand Sept. 2026)'. Asks for state money to "
               "renovate the roof and heating of a youth centre also used by "
               "integration courses, and whom to ask otherwise: building "
               "refurbishment is outside the programme (out_of_scope; the question "
               "whom to ask instead is a referral, not the programme contact). "
               "Trap: 'seit 2016'. Plain, UTF-8 quoted-printable (Outlook 2010).",
         sender=("Wolf, Gerd", "g.wolf@asbachrode.de"),
         subject="Förderung Sanierung Jugendtreff / Sprachcafé",
         client="outlook2010",
         evidence=dict(population="Einw.-Zahl ca. 9.600", state="Schwalm-Eder-Kreis"),
         body=dict(type="plain", text=T13, cte="quoted-printable")),

    dict(n=14, kind="inquiry", language="de", intents=["guideline", "programme_info"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Ulmbachrode. Asks what KIV is, since when it supports "
               "smaller municipalities and how many took part (programme_info), and "
               "where to download the funding guideline (guideline). No facts. Body "
               "is UTF-8 base64 (Open-Xchange).",
         sender=("Jasmin Korkmaz", "j.korkmaz@ulmbachrode.de"),
         subject="Informationen zum WIR-Programm für den Sozialausschuss",
         client="openxchange",
         body=dict(type="plain", text=T14, cte="base64")),

    dict(n=15, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Exim 'Mail delivery failed' (552 5.2.2 mailbox quota "
               "exceeded), single text/plain part with a copy of the returned "
               "message's headers only; Auto-Submitted and X-Failed-Recipients.",
         sender=("Mail Delivery System", "Mailer-Daemon@relay1.hessen.de"),
         subject="Mail delivery failed: returning message to sender",
         client="exim_bounce", failed_recipient="rathaus@salzwiesen.de",
         body=dict(type="plain", text=T15, cte="7bit")),

    dict(n=16, kind="inquiry", language="en", intents=["participation", "stakeholders"],
         population=18000, amount_eur=None, state=None, eligibility="eligible",
         notes="Town of Kirschgrund, English: 'a town of roughly 18,000 people'; "
               "'about a fifth of them' with migration background is a subgroup. No "
               "state named (eligible by the rule). Asks how to involve residents "
               "with little German (participation) and whether the district's "
               "WIR-Vielfaltszentrum and the council must be involved "
               "(stakeholders). Plain, UTF-8 quoted-printable (Outlook).",
         sender=("Okafor, Daniel", "d.okafor@kirschgrund.de"),
         subject="KIV process - participation and diversity centre",
         client="outlook365", content_language="en-GB",
         evidence=dict(population="a town of roughly 18,000 people"),
         decoys=["about a fifth"],
         body=dict(type="plain", text=T16, cte="quoted-printable")),

    dict(n=17, kind="inquiry", language="de",
         intents=["stakeholders", "strategy_adoption"],
         population=14872, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Weidenbrunn. HTML only (Outlook/Word), facts only in a "
               "table: 'Landkreis | Lahn-Dill-Kreis', 'Einwohnerzahl | 14.872 (Stand: "
               "31.12.2025)'; the row 'davon nichtdeutsche Staatsangehörigkeit | "
               "2.310' is a subgroup. Asks which bodies and whether the "
               "Vielfaltszentrum must be involved, and who adopts the strategy and "
               "how binding it is. Entities (&uuml;, &szlig;, &ndash;).",
         sender=("Seibert, Ralf", "r.seibert@weidenbrunn.de"),
         subject="Eckdaten und Fragen KIV - Gemeinde Weidenbrunn",
         client="exchange", org="Gemeinde Weidenbrunn",
         evidence=dict(population="14.872 (Stand: 31.12.2025)", state="Lahn-Dill-Kreis"),
         decoys=["2.310"],
         body=dict(type="html", html=H17)),

    dict(n=18, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English out-of-office of the sender of dev2-10 ('out of "
               "the office with limited access to email'), 'Out of Office:' subject "
               "but no automation header. multipart/alternative (Outlook).",
         sender=("Fischer-Grant, Laura", "l.fischer-grant@muehlenbergen.de"),
         subject="Out of Office: AW: KIV funding - eligibility, amount and application",
         client="outlook365", content_language="en-GB", reply_to_ministry=True,
         body=dict(type="alt", text=T18, html_style="outlook")),

    dict(n=19, kind="inquiry", language="de",
         intents=["funding_amount", "joint_application"],
         population=5400, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Gänsfurt im Odenwaldkreis, 'rund 5.400 Einwohner'. Traps: "
               "the neighbour town Holzbachsee 'ca. 14.000 Einwohner', the threshold "
               "'10.000 Einwohnern', and the cap quoted back as 'Förderhöchstbetrag "
               "von 30 T€' (amount null). Asks whether cooperation is possible and "
               "whether the cap applies jointly or per municipality. ISO-8859-15 "
               "quoted-printable body (the euro sign needs -15) and encoded-word "
               "Subject (Thunderbird).",
         sender=("Sven Maurer", "s.maurer@gaensfurt.de"),
         subject="Gemeinsame Strategie mit Nachbarstadt - Förderhöhe?",
         client="thunderbird", charset="iso-8859-15",
         evidence=dict(population="rund 5.400 Einwohner", state="Odenwaldkreis"),
         decoys=["ca. 14.000 Einwohner", "30 T€", "10.000 Einwohnern"],
         body=dict(type="plain", text=T19, cte="quoted-printable",
                   charset="iso-8859-15")),

    dict(n=20, kind="inquiry", language="de", intents=["deadline"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Ederquell, all lower case, no punctuation, typo 'nich', "
               "'??': one run-on sentence asking whether money is left this year, "
               "whether December is too late and when the next date is. No facts. "
               "Plain 8bit (Roundcube).",
         sender=("Uwe Bach", "u.bach@ederquell.de"),
         subject="geld noch da?",
         client="roundcube",
         body=dict(type="plain", text=T20, cte="8bit")),

    dict(n=21, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Fichtenquell: thanks plus 'wir melden uns, sobald wir den "
               "Antrag gestellt haben' - an announcement, no question. "
               "multipart/alternative (Outlook).",
         sender=("Hahn, Birgit", "b.hahn@fichtenquell.de"),
         subject="AW: KIV-Förderung Gemeinde Fichtenquell",
         client="exchange", org="Gemeinde Fichtenquell", reply_to_ministry=True,
         body=dict(type="alt", text=T21, html_style="outlook")),

    dict(n=22, kind="inquiry", language="de", intents=["deadline", "eligibility"],
         population=52300, amount_eur=None, state="Hessen", eligibility="not_eligible",
         notes="Stadt Rabenstedt: '52.300 Einwohnerinnen und Einwohner (Stand "
               "30.06.2026)' (Stand-date right after the number); 'laut Hessischem "
               "Statistischen Landesamt' names the state. Asks about leeway at the "
               "50.000 limit (eligibility) and from when it could apply at the "
               "earliest (deadline). Trap: '50.000' threshold. Plain, UTF-8 "
               "quoted-printable (HCL Notes).",
         sender=("Jürgen Pfaff", "j.pfaff@rabenstedt.de"),
         subject="Einwohnergrenze 50.000 - Antragsberechtigung Stadt Rabenstedt",
         client="notes",
         evidence=dict(population="52.300 Einwohnerinnen und Einwohner",
                       state="Hessischem"),
         decoys=["Grenze von 50.000"],
         body=dict(type="plain", text=T22, cte="quoted-printable")),

    dict(n=23, kind="inquiry", language="de",
         intents=["eligibility", "joint_application"],
         population=6100, amount_eur=None, state="Rheinland-Pfalz",
         eligibility="not_eligible",
         notes="Ortsgemeinde Nahewiesen im Landkreis Mainz-Bingen (Rheinland-Pfalz), "
               "'6.100 Einwohner'. Asks whether it could join a Hessian neighbour's "
               "application and whether the programme is only for Hessen. Trap: "
               "'hessischen Nachbarstadt'/'in Hessen' do not make it Hessian. Plain "
               "8bit, format=flowed (Thunderbird).",
         sender=("Renate Schuck", "ortsbuergermeisterin@nahewiesen.de"),
         subject="Kooperation über die Landesgrenze?",
         client="thunderbird",
         evidence=dict(population="6.100 Einwohner", state="Rheinland-Pfalz"),
         body=dict(type="plain", text=T23, cte="8bit", flowed=True)),

    dict(n=24, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic absence notice of the sender of dev2-08 ('Ihre Nachricht "
               "wird nicht gelesen und nicht weitergeleitet'), no automation "
               "header, plain 'AW:' subject. Plain, UTF-8 quoted-printable.",
         sender=("Kessler, Miriam", "m.kessler@hohenweide.de"),
         subject="AW: Laufzeit und Beschluss der KIV-Strategie",
         client="exchange", org="Magistrat der Stadt Hohenweide",
         reply_to_ministry=True,
         body=dict(type="plain", text=T24, cte="quoted-printable")),

    dict(n=25, kind="inquiry", language="de",
         intents=["funded_activities", "funding_amount"],
         population=31905, amount_eur=40000, state="Hessen", eligibility="eligible",
         notes="Stadt Lautenhain 'im Main-Taunus-Kreis', 'EW: 31.905'. Planned total "
               "'ca. 40 T€' (above the cap); 'höchstens 30.000 Euro' is the cap "
               "quoted back. Asks whether topping up from own funds reduces the "
               "grant and whether a survey by an institute is eligible. "
               "multipart/mixed with a dummy PDF cost sheet (its figures are not "
               "part of the text).",
         sender=("Berger, Anja", "a.berger@lautenhain.de"),
         subject="Kostenaufstellung KIV-Prozess Stadt Lautenhain",
         client="exchange", org="Stadt Lautenhain",
         evidence=dict(population="EW: 31.905", amount_eur="ca. 40 T€",
                       state="Main-Taunus-Kreis"),
         decoys=["höchstens 30.000 Euro"],
         body=dict(type="mixed_pdf", text=T25, filename="Kostenaufstellung_KIV.pdf",
                   pdf_lines=["Kostenaufstellung KIV - DUMMY / Testdaten",
                              "Stadt Lautenhain",
                              "Prozessmoderation ........ 24.000 EUR",
                              "Befragung (Institut) ...... 11.500 EUR",
                              "Veranstaltungen ............ 4.500 EUR",
                              "Summe ..................... 40.000 EUR",
                              "Dieses Dokument ist frei erfunden."])),

    dict(n=26, kind="inquiry", language="de", intents=["contact"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Fuchsenbühl, 'Landkreis Fulda' only in the signature "
               "(implies Hessen). Asks for a phone consultation, a number or "
               "appointment proposals = contact. 'zwei, drei Terminvorschläge' are "
               "no facts. No population. multipart/alternative (Outlook).",
         sender=("Lenz, Katharina", "k.lenz@fuchsenbuehl.de"),
         subject="Telefonische Beratung vor Antragstellung",
         client="outlook365",
         evidence=dict(state="Landkreis Fulda"),
         body=dict(type="alt", text=T26, html_style="outlook")),

    dict(n=27, kind="bounce", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic Exchange Online NDR in German, subject 'Unzustellbar: "
               "...': multipart/report with a multipart/alternative German notice "
               "(550 5.1.10 RecipientNotFound), message/delivery-status and the "
               "returned ministry answer (joint coordination, 30.000 Euro) as "
               "message/rfc822.",
         sender=("Microsoft Outlook",
                 "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@gaensfurt.de"),
         subject="Unzustellbar: AW: Gemeinsame Strategie mit Nachbarstadt - Förderhöhe?",
         client="exchange_ndr",
         body=dict(type="exchange_ndr", plain=T27_PLAIN, status=T27_STATUS,
                   original=dict(to=("Sven Maurer", "s.maurer@gaensfurt.de"),
                                 subject="AW: Gemeinsame Strategie mit Nachbarstadt - "
                                         "Förderhöhe?",
                                 minutes_before=1,
                                 irt="<c1e0a9d2-4b7f-4a55-9e01-5d3c2b1a0f99@gaensfurt.de>",
                                 text=T27_ORIGINAL))),

    dict(n=28, kind="inquiry", language="de",
         intents=["application_process", "guideline"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Sonnbachtal. Stuck in the online application (a "
               "'Zugangscode' is requested): how does applying work = "
               "application_process; whether a newer version of the funding "
               "guideline exists and where = guideline. Typographic quotes. No "
               "facts; trap: 'www.integrationskompass.hessen.de' is a URL, it does "
               "not name the municipality's state (state null). windows-1252 quoted-printable body and encoded-word Subject "
               "(Outlook 2010).",
         sender=("Jost, Anke", "a.jost@sonnbachtal.de"),
         subject="Onlineantrag – Zugangscode / Förderrichtlinie",
         client="outlook2010", charset="windows-1252",
         body=dict(type="plain", text=T28, cte="quoted-printable",
                   charset="windows-1252")),

    dict(n=29, kind="inquiry", language="en", intents=["eligibility", "programme_info"],
         population=14000, amount_eur=None, state="Baden-Württemberg",
         eligibility="not_eligible",
         notes="Municipality of Jagstbühl in Baden-Württemberg, English, 'approx. "
               "14,000 inhabitants'. Asks since when the programme runs and how many "
               "municipalities took part (programme_info) and whether a municipality "
               "outside Hesse could take part (eligibility). Trap: 'Hessian town', "
               "'Hesse' do not make it Hessian. Plain 8bit (Apple Mail).",
         sender=("Thomas Eberle", "t.eberle@jagstbuehl.de"),
         subject="Question about the KIV programme from Baden-Württemberg",
         client="applemail", content_language="en-GB",
         evidence=dict(population="approx. 14,000 inhabitants",
                       state="Baden-Württemberg"),
         body=dict(type="plain", text=T29, cte="8bit")),

    dict(n=30, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic ticket receipt of Stadt Rabenstedt (sender of dev2-22): "
               "'Vielen Dank für Ihre Anfrage. Wir haben sie unter der Nummer "
               "SR-2026-114587 erfasst' - no automation header at all, neutral "
               "subject. Plain, UTF-8 quoted-printable.",
         sender=("ServiceCenter Stadt Rabenstedt", "service@rabenstedt.de"),
         subject="Ihre Anfrage SR-2026-114587",
         client="ticket", reply_to_ministry=True,
         body=dict(type="plain", text=T30, cte="quoted-printable")),

    dict(n=31, kind="inquiry", language="de", intents=["duration", "strategy_adoption"],
         population=8912, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Krähenfeld: 'wir als nordhessische Gemeinde (Einwohnerzahl "
               "8.912, Stand 30.09.2026)'. Already funded: must the council decision "
               "fall within the funding period (duration) and what happens if the "
               "council adopts the strategy only partly or not at all "
               "(strategy_adoption). Body is UTF-8 base64 (SOGo).",
         sender=("Stefan Kühn", "buergermeister@kraehenfeld.de"),
         subject="Beschluss der Strategie nach Ende der Laufzeit?",
         client="webmail",
         evidence=dict(population="Einwohnerzahl 8.912, Stand 30.09.2026",
                       state="nordhessische Gemeinde"),
         body=dict(type="plain", text=T31, cte="base64")),

    dict(n=32, kind="inquiry", language="de", intents=["application_status", "duration"],
         population=None, amount_eur=27500, state=None, eligibility="unknown",
         notes="Gemeinde Nesselgrund, follow-up after the grant: 'Beantragt und "
               "bewilligt wurden 27.500 Euro'. Asks when/how the money is paid out "
               "(application_status) and from when the 18 months run (duration). "
               "Long Outlook thread below with two '-----Ursprüngliche "
               "Nachricht-----' levels: 7.250 Einwohner, Landkreis "
               "Marburg-Biedenkopf, 30.000 Euro are not labelled, so population and "
               "state stay null. Plain, UTF-8 quoted-printable.",
         sender=("Scholz, Petra", "p.scholz@nesselgrund.de"),
         subject="AW: KIV-Antrag Gemeinde Nesselgrund",
         parent=(2026, 9, 23, 10, 14, 2),
         client="exchange", org="Gemeinde Nesselgrund", reply_to_ministry=True,
         evidence=dict(amount_eur="27.500 Euro"),
         quote="-----Ursprüngliche Nachricht-----",
         quoted=["7.250 Einwohner", "Marburg-Biedenkopf", "30.000 Euro"],
         body=dict(type="plain", text=T32, cte="quoted-printable")),

    dict(n=33, kind="acknowledgement", language="en", intents=[], **NULL_FACTS,
         notes="Town of Kirschgrund (sender of dev2-16): one-line English thanks. "
               "Plain 7bit (Outlook).",
         sender=("Okafor, Daniel", "d.okafor@kirschgrund.de"),
         subject="RE: KIV process - participation and diversity centre",
         client="outlook365", content_language="en-GB", reply_to_ministry=True,
         body=dict(type="plain", text=T33, cte="7bit")),

    dict(n=34, kind="inquiry", language="de",
         intents=["funded_activities", "participation"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Eulenbach. Only a subgroup number: 'etwa 650 Geflüchtete "
               "aus vierzehn Ländern' is not the population (null). Asks whether "
               "language mediators and childcare can be paid from the grant "
               "(funded_activities) and which participation formats suit people "
               "with little German (participation). Sender name with 'ı'. "
               "multipart/alternative (Gmail).",
         sender=("Merve Yıldırım", "m.yildirim@eulenbach.de"),
         subject="Sprachmittler und Beteiligungsformate",
         client="gmail",
         decoys=["etwa 650 Geflüchtete"],
         body=dict(type="alt", text=T34, html_style="gmail")),

    dict(n=35, kind="inquiry", language="de", intents=["stakeholders"],
         population=3950, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Schwalbenrode, '(Werra-Meißner-Kreis)', population only "
               "in a closing remark 'rd. 3.950 Einwohnern'. Asks whether the district's "
               "WIR-Vielfaltszentrum must be involved and how; 'Auftaktveranstaltung' "
               "is context, not a participation question. Plain 8bit (Thunderbird).",
         sender=("Jens Möller", "j.moeller@schwalbenrode.de"),
         subject="Einbindung des Vielfaltszentrums",
         client="thunderbird",
         evidence=dict(population="rd. 3.950 Einwohnern", state="Werra-Meißner-Kreis"),
         body=dict(type="plain", text=T35, cte="8bit")),

    dict(n=36, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic parental-leave notice ('in Elternzeit') of Gemeinde "
               "Aulatal, no automation header, plain 'AW:' subject. "
               "multipart/alternative (Outlook).",
         sender=("Lang, Christina", "c.lang@aulatal.de"),
         subject="AW: Ihre Anfrage zur KIV-Förderung",
         client="exchange", org="Gemeinde Aulatal", reply_to_ministry=True,
         body=dict(type="alt", text=T36, html_style="outlook")),

    dict(n=37, kind="inquiry", language="de", intents=["contact", "out_of_scope"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Helferkreis Ginsterau (volunteer and local councillor): money for a "
               "German course for women with childcare = out_of_scope; whom in the "
               "ministry she can call = contact. No facts. multipart/alternative "
               "(Gmail).",
         sender=("Nicole Arnold", "nicole.arnold.ginsterau@gmail.example"),
         subject="Deutschkurs für Frauen - Förderung?",
         client="gmail",
         body=dict(type="alt", text=T37, html_style="gmail")),

    dict(n=38, kind="inquiry", language="de", intents=["eligibility"],
         population=49870, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Heckenried (Kreis Bergstraße): 'zum 31.12.2025 genau 49.870 "
               "Einwohnerinnen und Einwohner' (just below the limit, Stand-date "
               "before the number); will exceed 50.000 in 2027. Asks whether it is "
               "eligible and which date counts. Trap: 'die 50.000'. Plain, UTF-8 "
               "quoted-printable (HCL Notes).",
         sender=("Dr. Volker Engel", "v.engel@heckenried.de"),
         subject="Antragsberechtigung knapp unter 50.000 Einwohnern",
         client="notes",
         evidence=dict(population="49.870 Einwohnerinnen und Einwohner",
                       state="Kreis Bergstraße"),
         decoys=["die 50.000"],
         body=dict(type="plain", text=T38, cte="quoted-printable")),

    dict(n=39, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Gmail-style 'Delivery Status Notification (Failure)' from "
               "Mail Delivery Subsystem ('Address not found', 550 5.1.1): "
               "multipart/report with multipart/alternative notice, "
               "message/delivery-status and the returned ministry answer (18 "
               "Monate) as message/rfc822. No Auto-Submitted.",
         sender=("Mail Delivery Subsystem", "mailer-daemon@googlemail.example"),
         subject="Delivery Status Notification (Failure)",
         client="gmail_bounce",
         body=dict(type="gmail_report", text=T39_TEXT, status=T39_STATUS,
                   original=dict(to=(None, "kontakt@ginsterbach.de"),
                                 subject="AW: Was wird gefördert?",
                                 minutes_before=1,
                                 irt="<20261111154409.2c7d0e@ginsterbach.de>",
                                 text=T39_ORIGINAL))),

    dict(n=40, kind="inquiry", language="en", intents=["application_process", "contact"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Municipality of Brombachhöhe, English, 'Landkreis Marburg-Biedenkopf' "
               "only in the signature. Asks for an English-speaking contact by phone "
               "(contact) and how the online application and the guide "
               "(Anleitung) work (application_process). No population. Plain, "
               "UTF-8 quoted-printable (Outlook).",
         sender=("Marques, Sofia", "s.marques@brombachhoehe.de"),
         subject="KIV application - English-speaking contact?",
         client="outlook365", content_language="en-GB",
         evidence=dict(state="Landkreis Marburg-Biedenkopf"),
         body=dict(type="plain", text=T40, cte="quoted-printable")),

    dict(n=41, kind="inquiry", language="de", intents=["participation", "programme_info"],
         population=16300, amount_eur=None, state=None, eligibility="eligible",
         notes="Stadt Quellental, 'ca. 16.300 Einwohner:innen' (gender colon). Asks how "
               "many municipalities have been funded (programme_info) and for "
               "experience with participation formats elsewhere (participation). No "
               "state named. Plain 8bit (Apple Mail).",
         sender=("Tanja Roth", "t.roth@quellental.de"),
         subject="Erfahrungen anderer Kommunen mit Beteiligung",
         client="applemail",
         evidence=dict(population="ca. 16.300 Einwohner:innen"),
         body=dict(type="plain", text=T41, cte="8bit")),

    dict(n=42, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic sick-leave notice of the sender of dev2-11 "
               "('krankheitsbedingt ... nicht im Dienst'), no automation header, "
               "subject 'Re: AW: ...'. Plain 8bit.",
         sender=("Dieter Brandt", "d.brandt@steinfurthal.de"),
         subject="Re: AW: Antrag KIV vom 02.10.2026 - Sachstand?",
         client="webmail", reply_to_ministry=True,
         body=dict(type="plain", text=T42, cte="8bit")),

    dict(n=43, kind="inquiry", language="de", intents=["guideline"],
         population=7800, amount_eur=None, state="Sachsen", eligibility="not_eligible",
         notes="Stadt Zschopenau, 'Kleinstadt in Sachsen mit rund 7.800 Einwohnern', "
               "'sächsische Kommune'. Asks only where to find the WIR funding "
               "guideline and further information; knows it cannot apply. Verdict "
               "not_eligible by the rule (state not Hessen) although eligibility is "
               "not asked. Plain, UTF-8 quoted-printable (Roundcube).",
         sender=("Kerstin Uhlig", "k.uhlig@zschopenau.de"),
         subject="WIR-Förderrichtlinie als Orientierung",
         client="roundcube",
         evidence=dict(population="rund 7.800 Einwohnern", state="in Sachsen"),
         body=dict(type="plain", text=T43, cte="quoted-printable")),

    dict(n=44, kind="inquiry", language="de", intents=["deadline", "funding_amount"],
         population=6734, amount_eur=15000, state="Hessen", eligibility="eligible",
         notes="Gemeinde Wachholdern, key-value lines: 'Hochtaunuskreis' and "
               "'Einwohner (Stand 31.12.2025): 6.734' (Stand-date between label and "
               "number). Offer of '€ 15k' (k-notation). Asks whether a December "
               "application is too late (deadline) and whether the sum is fully "
               "funded or needs an own share (funding_amount). Trap: 'zwei "
               "Workshops'. multipart/alternative (Outlook).",
         sender=("Weber, Florian", "f.weber@wachholdern.de"),
         subject="KIV - Antrag im Dezember und Eigenanteil?",
         client="outlook365",
         evidence=dict(population="Einwohner (Stand 31.12.2025): 6.734",
                       amount_eur="€ 15k", state="Hochtaunuskreis"),
         body=dict(type="alt", text=T44, html_style="outlook")),

    dict(n=45, kind="acknowledgement", language="en", intents=[], **NULL_FACTS,
         notes="Municipality of Wiesenbrunn (sender of dev2-04): English thanks, "
               "'will get back to you if anything else comes up' is no question. "
               "Quotes the ministry's German answer ('On ... wrote:', 6.200 "
               "Einwohner, 50.000 limit): not labelled. multipart/alternative "
               "(Gmail).",
         sender=("Hannah Brooks", "hannah.brooks.wiesenbrunn@gmail.example"),
         subject="Re: KIV funding for a small rural municipality",
         parent=(2026, 11, 10, 9, 12, 1),
         client="gmail", content_language="en-GB", reply_to_ministry=True,
         quote="On Tue, 10 Nov 2026 at 09:12",
         quoted=["6.200 Einwohnerinnen", "50.000 Einwohnerinnen"],
         body=dict(type="alt", text=T45, html_style="gmail")),

    dict(n=46, kind="inquiry", language="en",
         intents=["application_status", "contact", "duration"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Municipality of Distelbach, English follow-up: state of the "
               "application of 14 September (application_status), a direct contact "
               "person (contact), whether the 18 months would run until mid-2028 "
               "(duration). Long quoted thread two levels deep ('On ... wrote:', "
               "'>' and '>>'): 12,800 inhabitants, Limburg-Weilburg district, EUR "
               "29,500 are not labelled. Trap: reference 'KIV-2026-0517'. Plain "
               "8bit (Thunderbird).",
         sender=("Ayesha Rahman", "a.rahman@distelbach.de"),
         subject="Re: AW: KIV application Distelbach",
         client="thunderbird", content_language="en-GB", reply_to_ministry=True,
         parent=(2026, 9, 18, 11, 40, 2),
         quote="On Fri, 18 Sep 2026 at 11:40",
         quoted=["12,800", "Limburg-Weilburg", "EUR 29,500"],
         body=dict(type="plain", text=T46, cte="8bit")),

    dict(n=47, kind="inquiry", language="de",
         intents=["application_process", "joint_application", "stakeholders"],
         population=2870, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Forellenbach im Vogelsbergkreis with neighbours Eichwetter "
               "(rund 3.400) and Mosbachhain (etwa 4.100): only 'Forellenbach selbst "
               "hat 2.870 Einwohner' is the population. Asks how coordination works "
               "(joint_application) and whether one municipality files the "
               "application for all (application_process, as in dev2-62/74), and "
               "whether all three councils and the district's Vielfaltszentrum must "
               "be involved (stakeholders). Plain, UTF-8 "
               "quoted-printable (Exchange).",
         sender=("Wagner, Horst", "buergermeister@forellenbach.de"),
         subject="Gemeinsame KIV-Strategie dreier Gemeinden",
         client="exchange", org="Gemeinde Forellenbach",
         evidence=dict(population="2.870 Einwohner", state="Vogelsbergkreis"),
         decoys=["rund 3.400", "etwa 4.100"],
         body=dict(type="plain", text=T47, cte="quoted-printable")),

    dict(n=48, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic notice 'Ich habe die Stadtverwaltung ... verlassen', sent "
               "with the header X-Autoreply: yes (no Auto-Submitted). Plain, UTF-8 "
               "quoted-printable.",
         sender=("Keller, Marion", "m.keller@kinzighain.de"),
         subject="AW: Ihre Anfrage zum WIR-Programm",
         client="exchange", org="Stadt Kinzighain", reply_to_ministry=True,
         auto_headers=[("X-Autoreply", "yes")],
         body=dict(type="plain", text=T48, cte="quoted-printable")),

    dict(n=49, kind="inquiry", language="de", intents=["duration"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Felsenau, 'wir als osthessische Gemeinde'. Only the "
               "neighbour's number is given ('unsere Nachbargemeinde hat 3.000 "
               "Einwohner'): population null. Asks whether the process may be "
               "stretched over two years or whether there is a fixed duration. "
               "Plain 8bit (Open-Xchange).",
         sender=("Elke Brand", "e.brand@felsenau.de"),
         subject="Feste Laufzeit für die KIV-Strategie?",
         client="openxchange",
         evidence=dict(state="osthessische Gemeinde"),
         decoys=["unsere Nachbargemeinde hat 3.000 Einwohner"],
         body=dict(type="plain", text=T49, cte="8bit")),

    dict(n=50, kind="inquiry", language="de",
         intents=["programme_info", "strategy_adoption"],
         population=12600, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Kiefernrode, a local councillor: long context paragraph "
               "with '12 600 Einwohnerinnen und Einwohner' (space separator) and the "
               "questions buried mid-sentence: are strategies adopted by the "
               "parliament and are they binding (strategy_adoption), since when the "
               "programme supports smaller municipalities (programme_info). Traps: "
               "'zehn Jahren', 'von 2019'. No state. Plain, UTF-8 quoted-printable.",
         sender=("Werner Adam", "werner.adam@kiefernrode.de"),
         subject="Frage eines Gemeindevertreters zum WIR-Programm",
         client="webmail",
         evidence=dict(population="12 600 Einwohnerinnen und Einwohner"),
         body=dict(type="plain", text=T50, cte="quoted-printable")),

    dict(n=51, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic qmail bounce 'Hi. This is the qmail-send program at ...' "
               "(no mailbox, #5.1.1): a single text/plain part, no multipart/report, "
               "no Auto-Submitted; the returned ministry answer (guideline) follows "
               "inline.",
         sender=(None, "MAILER-DAEMON@mx.moosbachtal.de"),
         subject="failure notice",
         client="qmail",
         body=dict(type="plain", text=T51, cte="7bit",
                   append_original=dict(
                       to=(None, "buergerbuero@moosbachtal.de"),
                       subject="AW: Förderrichtlinie KIV",
                       minutes_before=1,
                       irt="<20261116121907.7f3a51@moosbachtal.de>",
                       text=T51_ORIGINAL))),

    dict(n=52, kind="inquiry", language="en",
         intents=["funded_activities", "funding_amount"],
         population=9950, amount_eur=None, state=None, eligibility="eligible",
         notes="Lerchenau, English: 'around 9,950 inhabitants' (below 10,000). Asks "
               "whether 'the 30,000 euro maximum' (cap quoted back, amount null) is "
               "per municipality or per project (funding_amount) and whether a "
               "survey tool and flyers can be paid (funded_activities). No state. "
               "Plain 7bit (Thunderbird).",
         sender=("Ben Hoffmann", "b.hoffmann@lerchenau.de"),
         subject="KIV funding - maximum per municipality?",
         client="thunderbird", content_language="en-GB",
         evidence=dict(population="around 9,950 inhabitants"),
         decoys=["30,000 euro maximum"],
         body=dict(type="plain", text=T52, cte="7bit")),

    dict(n=53, kind="inquiry", language="de", intents=["application_process"],
         population=10020, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Otterbachtal, no umlauts and typos ('ablauft', "
               "'Burgermeister'); '(Rheingau-Taunus-Kreis)' and 'Einw.: 10.020' (just "
               "above 10,000) only in the signature. Asks whether a council "
               "decision is needed before applying and whether there is a form or "
               "only the online procedure: both about how to apply. Plain 7bit "
               "(Roundcube).",
         sender=("Sandra Pohl", "s.pohl@otterbachtal.de"),
         subject="Antrag Vielfaltsstrategie - wie geht das?",
         client="roundcube",
         evidence=dict(population="Einw.: 10.020", state="Rheingau-Taunus-Kreis"),
         body=dict(type="plain", text=T53, cte="7bit")),

    dict(n=54, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English service-desk ticket receipt of Lerchenau (sender "
               "of dev2-52): 'Your request has been received', ticket HD-48213, "
               "with Auto-Submitted: auto-replied. Plain 7bit.",
         sender=("Lerchenau Service Desk", "servicedesk@lerchenau.de"),
         subject="[HD-48213] Re: KIV funding - maximum per municipality?",
         client="ticket", content_language="en-GB", reply_to_ministry=True,
         auto_headers=[("Auto-Submitted", "auto-replied")],
         body=dict(type="plain", text=T54, cte="7bit")),

    dict(n=55, kind="inquiry", language="de", intents=["eligibility", "out_of_scope"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Verein 'Rosenheide international e.V.', not a municipality: may "
               "associations apply for KIV (eligibility) and are there state grants "
               "for its street festival (out_of_scope). Traps: 'seit 2016', '2027'. "
               "No facts. Plain, UTF-8 quoted-printable (Apple Mail).",
         sender=("Gülay Demir", "vorstand@rosenheide-international.de"),
         subject="Können Vereine die KIV-Förderung beantragen?",
         client="applemail",
         body=dict(type="plain", text=T55, cte="quoted-printable")),

    dict(n=56, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Weidenbrunn (sender of dev2-17): thanks and 'an unseren "
               "Bürgermeister weitergegeben'. Outlook thread below with two "
               "'-----Ursprüngliche Nachricht-----' levels, including his original "
               "question 'Welche Gremien müssen wir ... beteiligen?', Lahn-Dill-Kreis "
               "and 14.872: all quoted, so it stays an acknowledgement. Plain, UTF-8 "
               "quoted-printable.",
         sender=("Seibert, Ralf", "r.seibert@weidenbrunn.de"),
         subject="AW: Eckdaten und Fragen KIV - Gemeinde Weidenbrunn",
         parent=(2026, 11, 10, 11, 26, 1),
         client="exchange", org="Gemeinde Weidenbrunn", reply_to_ministry=True,
         quote="-----Ursprüngliche Nachricht-----",
         quoted=["Welche Gremien müssen wir", "Lahn-Dill-Kreis", "14.872"],
         body=dict(type="plain", text=T56, cte="quoted-printable")),

    dict(n=57, kind="inquiry", language="de", intents=["guideline", "programme_info"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Talweiler, trainee: what KIV stands for and since when the "
               "funding line exists (programme_info), where the guideline's full "
               "text is (guideline). No facts. Plain 8bit (Thunderbird).",
         sender=("Lukas Neumann", "l.neumann@talweiler.de"),
         subject="Abkürzung KIV und Förderrichtlinie",
         client="thunderbird",
         body=dict(type="plain", text=T57, cte="8bit")),

    dict(n=58, kind="inquiry", language="de", intents=["contact", "deadline"],
         population=21450, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Wildbachrode asks for a call back (contact); the deadline "
               "question is in a 'PS:' below the signature. 'Kreis Groß-Gerau' and "
               "'Einwohnerinnen/Einwohner: 21.450' only in the signature. Traps: "
               "'8 bis 15 Uhr', phone number. Plain, UTF-8 quoted-printable (HCL "
               "Notes).",
         sender=("Yvonne Albrecht", "y.albrecht@wildbachrode.de"),
         subject="Bitte um Rückruf - KIV-Antrag",
         client="notes",
         evidence=dict(population="Einwohnerinnen/Einwohner: 21.450",
                       state="Kreis Groß-Gerau"),
         decoys=["8 bis 15 Uhr"],
         body=dict(type="plain", text=T58, cte="quoted-printable")),

    dict(n=59, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic receipt 'Dies ist eine automatisch generierte Nachricht' "
               "of Gemeindeverwaltung Emsquell, header Precedence: bulk only. "
               "Plain, UTF-8 quoted-printable.",
         sender=("Bürgerbüro Emsquell", "buergerbuero@emsquell.de"),
         subject="Eingangsbestätigung",
         client="vacation", reply_to_ministry=True,
         auto_headers=[("Precedence", "bulk")],
         body=dict(type="plain", text=T59, cte="quoted-printable")),

    dict(n=60, kind="inquiry", language="de",
         intents=["application_process", "application_status"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Amselbrunn, 'Landkreis Gießen' only in the signature. Online "
               "application of 29.10. without receipt: did it arrive "
               "(application_status); must anything signed be posted "
               "(application_process). No population. ISO-8859-1 quoted-printable "
               "body and encoded-word Subject (Outlook 2010).",
         sender=("Kraus, Michael", "m.kraus@amselbrunn.de"),
         subject="Keine Eingangsbestätigung für Onlineantrag",
         client="outlook2010", charset="iso-8859-1",
         evidence=dict(state="Landkreis Gießen"),
         body=dict(type="plain", text=T60, cte="quoted-printable",
                   charset="iso-8859-1")),

    dict(n=61, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Postfix 'Delayed Mail (still being retried)' warning: "
               "multipart/report with message/delivery-status Action: delayed "
               "(4.4.1, connection timed out, Will-Retry-Until) and only the "
               "returned message's headers (text/rfc822-headers). Still a bounce "
               "kind: a delivery status notification.",
         sender=None, subject="Delayed Mail (still being retried)",
         client="postfix_bounce",
         body=dict(type="report", notice=T61_NOTICE, status=T61_STATUS,
                   returned="headers", queue_id="4P7dH02mVcz5Qx1",
                   original=dict(to=("Yvonne Albrecht", "y.albrecht@wildbachrode.de"),
                                 subject="AW: Bitte um Rückruf - KIV-Antrag",
                                 minutes_before=241,
                                 irt="<OF5A1C0E2B.7D3F9A10-ONC12580A4-C1257B2E@"
                                     "wildbachrode.de>"))),

    dict(n=62, kind="inquiry", language="en",
         intents=["application_process", "eligibility", "joint_application"],
         population=2300, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Bärenfurt, English: 'approx. 2,300 inhabitants' in the 'Vogelsberg "
               "district of Hesse'. 'We understand the cap is EUR 30,000' is the "
               "cap quoted back (amount null); neighbour Ohmwiesen 'about 8,000 "
               "people' is not the population. Asks whether it can apply at all "
               "(eligibility) and whether to submit one joint or two separate "
               "applications (joint_application + application_process, as in "
               "dev2-47/74). multipart/alternative (Outlook).",
         sender=("Lindqvist, Peter", "p.lindqvist@baerenfurt.de"),
         subject="Small municipality - joint KIV application?",
         client="outlook365", content_language="en-GB",
         evidence=dict(population="approx. 2,300 inhabitants",
                       state="Vogelsberg district of Hesse"),
         decoys=["EUR 30,000", "about 8,000 people"],
         body=dict(type="alt", text=T62, html_style="outlook")),

    dict(n=63, kind="inquiry", language="de", intents=["duration", "participation"],
         population=33000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Falkenbühl, one header line 'Landkreis Limburg-Weilburg, "
               "Einwohnerzahl: ca. 33 Tsd.'. Asks whether a three-phase process fits "
               "the time frame and how long in total (duration), and for "
               "low-threshold formats for shift workers (participation). "
               "multipart/alternative (Outlook).",
         sender=("Schreiber, Nadine", "n.schreiber@falkenbuehl.de"),
         subject="Zeitrahmen und Beteiligungsformate",
         client="exchange", org="Stadt Falkenbühl",
         evidence=dict(population="Einwohnerzahl: ca. 33 Tsd.",
                       state="Landkreis Limburg-Weilburg"),
         decoys=["drei Phasen"],
         body=dict(type="alt", text=T63, html_style="outlook")),

    dict(n=64, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic 'Diese Adresse ist nicht mehr aktiv, bitte wenden Sie sich "
               "an ...' of Gemeinde Wettergrund: no automation header, not a bounce "
               "(no delivery failure, the mail was delivered). Plain 8bit.",
         sender=("Gemeinde Wettergrund", "integration@wettergrund.de"),
         subject="AW: Ihre Anfrage",
         client="webmail", reply_to_ministry=True,
         body=dict(type="plain", text=T64, cte="8bit")),

    dict(n=65, kind="inquiry", language="de", intents=["eligibility", "funding_amount"],
         population=58400, amount_eur=45000, state="Hessen", eligibility="not_eligible",
         notes="Stadt Hirschgrund: 'als hessische Stadt mit 58.400 Einwohnerinnen und "
               "Einwohnern' (above the limit); 'ein Stadtteil mit rund 9.000 "
               "Menschen' is a part, not the population. Planned 'rund 45.000 Euro'. "
               "Asks for exceptions (eligibility) and how much the Land could pay "
               "(funding_amount). Plain, UTF-8 quoted-printable (Outlook).",
         sender=("Yilmaz, Andreas", "a.yilmaz@hirschgrund.de"),
         subject="KIV-Förderung für einen Stadtteil?",
         client="outlook365",
         evidence=dict(population="58.400 Einwohnerinnen und Einwohnern",
                       amount_eur="rund 45.000 Euro", state="hessische Stadt"),
         decoys=["rund 9.000 Menschen"],
         body=dict(type="plain", text=T65, cte="quoted-printable")),

    dict(n=66, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Sonnbachtal (sender of dev2-28): 'danke, hat sich "
               "erledigt' - the earlier question resolved itself, nothing asked. "
               "Plain 8bit (Apple Mail).",
         sender=("Anke Jost", "a.jost@sonnbachtal.de"),
         subject="Re: Onlineantrag – Zugangscode / Förderrichtlinie",
         client="applemail",
         body=dict(type="plain", text=T66, cte="8bit")),

    dict(n=67, kind="inquiry", language="de", intents=["participation", "stakeholders"],
         population=19300, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Mardergrund im Landkreis Kassel: '19.300 Einwohner, davon "
               "1.200 Geflüchtete' (subgroup must not count). Bullet questions: must "
               "Ausländerbeirat and Ortsbeiräte be involved (stakeholders), how to "
               "get refugees to take part (participation). HTML only (Outlook, "
               "bullets as text).",
         sender=("Voigt, Bernd", "b.voigt@mardergrund.de"),
         subject="Gremien und Beteiligung Geflüchteter",
         client="exchange", org="Stadt Mardergrund",
         evidence=dict(population="19.300 Einwohner", state="Landkreis Kassel"),
         decoys=["1.200 Geflüchtete"],
         body=dict(type="html_from_text", text=T67)),

    dict(n=68, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English annual-leave notice of the sender of dev2-62, with "
               "Auto-Submitted: auto-replied (vacation) and Precedence: bulk, "
               "'Automatic reply:' subject. Plain 7bit.",
         sender=("Lindqvist, Peter", "p.lindqvist@baerenfurt.de"),
         subject="Automatic reply: AW: Small municipality - joint KIV application?",
         client="vacation", content_language="en-GB", reply_to_ministry=True,
         auto_headers=[("Auto-Submitted", "auto-replied (vacation)"),
                       ("Precedence", "bulk")],
         body=dict(type="plain", text=T68, cte="7bit")),

    dict(n=69, kind="inquiry", language="de", intents=["out_of_scope"],
         population=41200, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Rehbachtal im Wetteraukreis, '41.200 Einwohner'. Asks for "
               "grants to convert a building into refugee housing: outside the "
               "programme. Plain, UTF-8 quoted-printable (HCL Notes).",
         sender=("Claudia Roos", "c.roos@rehbachtal.de"),
         subject="Zuschüsse für Gemeinschaftsunterkunft?",
         client="notes",
         evidence=dict(population="41.200 Einwohner", state="Wetteraukreis"),
         body=dict(type="plain", text=T69, cte="quoted-printable")),

    dict(n=70, kind="bounce", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic German plain-text mailer-daemon notice ('Dies ist eine "
               "automatisch erstellte Nachricht des Mailsystems', 552 5.2.2 mailbox "
               "full) from MAILER-DAEMON, single text/plain part without "
               "Auto-Submitted; the returned ministry answer (participation, bodies) "
               "is copied inline.",
         sender=("MAILER-DAEMON", "MAILER-DAEMON@mail.schwarzbachhain.de"),
         subject="Unzustellbare Nachricht: AW: Beteiligungsformate und Gremien",
         client="mailerdaemon_de",
         body=dict(type="plain", text=T70, cte="quoted-printable")),

    dict(n=71, kind="inquiry", language="de",
         intents=["programme_info", "strategy_adoption"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Storchenau, follow-up above an 'Am ... schrieb' thread with "
               "'>' and '>>': examples of adopted strategies and what 'verabschieden' "
               "means (strategy_adoption), how many municipalities were funded "
               "(programme_info). The quoted 8.350 Einwohner, Schwalm-Eder-Kreis and "
               "30.000 Euro are not labelled. Plain 8bit, format=flowed "
               "(Thunderbird).",
         sender=("Holger Sandmann", "h.sandmann@storchenau.de"),
         subject="Re: AW: KIV-Strategie Storchenau",
         parent=(2026, 11, 2, 14, 37, 1),
         client="thunderbird", reply_to_ministry=True,
         quote="Am 02.11.2026 um 14:37 schrieb",
         quoted=["8.350 Einwohner", "Schwalm-Eder-Kreis", "30.000 Euro"],
         body=dict(type="plain", text=T71, cte="8bit", flowed=True)),

    dict(n=72, kind="inquiry", language="de", intents=["funded_activities", "guideline"],
         population=8005, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Wieselbrück: '(Main-Kinzig-Kreis) | Einwohner: 8.005' on one "
               "signature line. Asks whether the guideline allows own staff costs "
               "(funded_activities) and where in the guideline it says so "
               "(guideline). Trap: 'halbe Stelle'. multipart/alternative (Gmail).",
         sender=("Frank Lohmann", "f.lohmann@wieselbrueck.de"),
         subject="Personalkosten förderfähig?",
         client="gmail",
         evidence=dict(population="Einwohner: 8.005", state="Main-Kinzig-Kreis"),
         body=dict(type="alt", text=T72, html_style="gmail")),

    dict(n=73, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English 'This mailbox is no longer monitored' notice of "
               "Distelbach (sender of dev2-46), no automation header, plain 'Re:' "
               "subject. Plain 7bit.",
         sender=("Municipality of Distelbach", "info@distelbach.de"),
         subject="Re: AW: KIV application Distelbach",
         client="webmail", content_language="en-GB", reply_to_ministry=True,
         body=dict(type="plain", text=T73, cte="7bit")),

    dict(n=74, kind="inquiry", language="de",
         intents=["application_process", "eligibility", "joint_application"],
         population=4700, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Luchsberg '(ca. 4.700 EW)' with neighbour Schlehengrund "
               "'(ca. 3.300 EW)' (not the population), 'beide im Landkreis Fulda'. "
               "Asks whether such small municipalities may take part (eligibility), "
               "and whether each files its own online application or one leads a "
               "joint procedure (joint_application, application_process). Plain "
               "8bit (Roundcube).",
         sender=("Sabrina Hofmann", "s.hofmann@luchsberg.de"),
         subject="Gemeinsamer Antrag zweier kleiner Gemeinden",
         client="roundcube",
         evidence=dict(population="ca. 4.700 EW", state="Landkreis Fulda"),
         decoys=["3.300 EW"],
         body=dict(type="plain", text=T74, cte="8bit")),

    dict(n=75, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Ederquell (sender of dev2-20): 'Danke für die Info, hab ich "
               "an den Bürgermeister weitergeleitet'. Gmail German quote 'Landesprogramm "
               "WIR <...> schrieb am Mo., 16. Nov. 2026 ...' with the ministry's "
               "answer about available funds: not labelled. multipart/alternative "
               "(Gmail).",
         sender=("Uwe Bach", "u.bach@ederquell.de"),
         subject="Re: AW: geld noch da?",
         parent=(2026, 11, 16, 10, 5, 1),
         client="gmail", reply_to_ministry=True,
         quote="Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> schrieb am Mo.",
         quoted=["Fördermittel zur Verfügung"],
         body=dict(type="alt", text=T75, html_style="gmail")),

    dict(n=76, kind="inquiry", language="de", intents=["application_status", "contact"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Holunderbach: the mayor forwards ('WG:') her treasurer's "
               "mail and asks on top for the state of the application of 8 October "
               "(application_status) and who is responsible (contact). The forwarded "
               "part (26.000 Euro, 9.150 Einwohner, Hochtaunuskreis) is not "
               "labelled. Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Vollmer, Andrea", "buergermeisterin@holunderbach.de"),
         subject="WG: KIV-Antrag - Haushaltsmittel",
         client="exchange", org="Gemeinde Holunderbach",
         quote="-----Ursprüngliche Nachricht-----",
         quoted=["26.000 Euro", "9.150 Einwohnern", "Hochtaunuskreis"],
         body=dict(type="plain", text=T76, cte="quoted-printable")),

    dict(n=77, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic closure notice of Gemeindeverwaltung Weiltalheim ('bleibt "
               "das Rathaus ... geschlossen'), no automation header, subject "
               "'Rathaus geschlossen'. Plain, UTF-8 quoted-printable.",
         sender=("Gemeindeverwaltung Weiltalheim", "rathaus@weiltalheim.de"),
         subject="Rathaus geschlossen",
         client="openxchange", reply_to_ministry=True,
         body=dict(type="plain", text=T77, cte="quoted-printable")),

    dict(n=78, kind="bounce", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic bounce with a normal-looking sender ('Gemeinde Dillwiesen "
               "<info@...>'), an 'AW:' subject and a normal Return-Path: only the "
               "body shows the delivery failure (550 5.1.1 user unknown) with the "
               "ministry answer (18 Monate, adoption) copied below. Plain, UTF-8 "
               "quoted-printable.",
         sender=("Gemeinde Dillwiesen", "info@dillwiesen.de"),
         subject="AW: Ihre Anfrage zur KIV-Förderung",
         client="webmail", return_path="info@dillwiesen.de",
         body=dict(type="plain", text=T78, cte="quoted-printable")),

    dict(n=79, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Luchsberg (sender of dev2-74) confirms receipt of the "
               "answer: 'danke, Ihre Antwort ist angekommen', 'Falls danach noch "
               "etwas offen ist, melden wir uns' - a personal receipt, not an "
               "auto-reply. Plain 8bit (Thunderbird).",
         sender=("Sabrina Hofmann", "s.hofmann@luchsberg.de"),
         subject="Re: AW: Gemeinsamer Antrag zweier kleiner Gemeinden",
         client="thunderbird", reply_to_ministry=True,
         body=dict(type="plain", text=T79, cte="8bit")),

    dict(n=80, kind="inquiry", language="en", intents=["deadline", "duration"],
         population=11500, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Weißdornhain, English: 'about 11,500 people, in Hesse'. Asks whether "
               "there is a deadline for 2027 (deadline) and how long there is to "
               "complete the strategy (duration). Trap: 'February'. Plain 8bit "
               "(Apple Mail).",
         sender=("Grace Whitfield", "g.whitfield@weissdornhain.de"),
         subject="KIV - deadline and project duration",
         client="applemail", content_language="en-GB",
         evidence=dict(population="about 11,500 people", state="in Hesse"),
         body=dict(type="plain", text=T80, cte="8bit")),
]

# --------------------------------------------------------------------------
# Message assembly
# --------------------------------------------------------------------------

def mail_date(case: dict, plus_seconds: int = 0) -> datetime:
    return case_date(case["n"]) + timedelta(seconds=plus_seconds)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1]


def file_name(case: dict) -> str:
    return f"{PREFIX}-{case['n']:02d}.eml"


def message_id(case: dict, seed: str) -> str:
    client = case["client"]
    d = mail_date(case)
    n = case["n"]
    if client == "outlook365":
        host = "FR" + str(2 + n % 4) + "P281MB" + h(seed + "host", 4).upper()
        return f"<{host}{h(seed, 12).upper()}@{host}.DEUP281.PROD.OUTLOOK.COM>"
    if client in ("exchange", "outlook2010"):
        dom = domain_of(case["sender"][1])
        return f"<{h(seed, 32).upper()}@EXCH01.{dom.split('.')[0].upper()}.LOCAL>"
    if client == "thunderbird":
        x = h(seed, 32)
        return (f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"
                f"@{domain_of(case['sender'][1])}>")
    if client == "applemail":
        x = h(seed, 32).upper()
        return (f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"
                f"@{domain_of(case['sender'][1])}>")
    if client == "gmail":
        raw = base64.b64encode(bytes.fromhex(h(seed, 48)), altchars=b"+_").decode()
        return f"<CA{raw}@mail.gmail.example>"
    if client == "notes":
        dom = domain_of(case["sender"][1])
        return (f"<OF{h(seed, 8).upper()}.{h(seed + 'b', 8).upper()}-"
                f"ONC1258{h(seed + 'c', 3).upper()}-{h(seed + 'd', 8).upper()}@{dom}>")
    if client == "postfix_bounce":
        return f"<{d.strftime('%Y%m%d%H%M%S')}.{case['body']['queue_id']}@mail.hsm.hessen.de>"
    if client == "exim_bounce":
        return f"<E1tVx{h(seed, 3)}-000{h(seed + 'x', 1)}Lc-{h(seed, 2).upper()}@relay1.hessen.de>"
    if client == "exchange_ndr":
        x = h(seed, 32)
        return (f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"
                "@FR2P281MB0733.DEUP281.PROD.OUTLOOK.COM>")
    if client == "gmail_bounce":
        return f"<{h(seed, 16)}.{n}.{h(seed + 'g', 6)}@mx.googlemail.example>"
    if client == "qmail":
        return f"<{int(d.timestamp())}.{int(h(seed, 4), 16)}.qmail@{domain_of(case['sender'][1])}>"
    if client == "ticket":
        return f"<ticket.{d.strftime('%Y%m%d%H%M%S')}.{h(seed, 8)}@{domain_of(case['sender'][1])}>"
    return f"<{d.strftime('%Y%m%d%H%M%S')}.{h(seed, 10)}@{domain_of(case['sender'][1])}>"


CLIENT_HEADERS = {
    "outlook365": [("X-Mailer", "Microsoft Outlook 16.0")],
    "exchange": [("X-Mailer", "Microsoft Outlook 16.0")],
    "outlook2010": [("X-Mailer", "Microsoft Outlook 14.0")],
    "thunderbird": [("User-Agent", "Mozilla Thunderbird")],
    "applemail": [("X-Mailer", "Apple Mail (2.3826.500.181.1.5)")],
    "gmail": [],
    "notes": [("X-Mailer", "HCL Notes Release 12.0.2 FP3 February 22, 2024")],
    "openxchange": [("X-Mailer", "Open-Xchange Mailer v7.10.6-Rev62")],
    "roundcube": [("User-Agent", "Roundcube Webmail/1.6.9")],
    "webmail": [("X-Mailer", "SOGo Mail 5.10.0")],
    "vacation": [],
    "ticket": [],
    "postfix_bounce": [],
    "exim_bounce": [],
    "exchange_ndr": [],
    "gmail_bounce": [],
    "qmail": [],
    "mailerdaemon_de": [],
}

TO_STYLES = {
    "outlook365": '"landesprogrammWIR@hsm.hessen.de" <landesprogrammWIR@hsm.hessen.de>',
    "exchange": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "outlook2010": "<landesprogrammWIR@hsm.hessen.de>",
    "gmail": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "applemail": "landesprogrammWIR@hsm.hessen.de",
}

OUTLOOK = ("outlook365", "exchange", "outlook2010")


def received(case: dict, seed: str) -> str:
    n = case["n"]
    when = format_datetime(mail_date(case, 2 + n % 5))
    client = case["client"]
    qid = "4P" + h(f"qid{seed}", 12).upper()
    if client == "postfix_bounce":
        return f"by mail.hsm.hessen.de (Postfix)\n\tid {qid}; {when}"
    if client == "exim_bounce":
        return ("from relay1.hessen.de (relay1.hessen.de [192.0.2.24])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    if client in ("gmail", "gmail_bounce"):
        return ("from mail-wm1-f49.google.example (mail-wm1-f49.google.example "
                "[198.51.100.49])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    if client == "exchange_ndr":
        return ("from FR2P281MB0733.DEUP281.PROD.OUTLOOK.COM "
                "(2603:10a6:d10:3c::12) by\n"
                " mail.hsm.hessen.de (Postfix) with ESMTPS id " + qid + ";\n"
                f" {when}")
    dom = domain_of(case["sender"][1])
    ip = f"198.51.100.{(20 + n * 3) % 250}" if n % 2 else f"203.0.113.{(10 + n * 3) % 250}"
    return (f"from mx01.{dom} (mx01.{dom} [{ip}])\n"
            f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
            f"\tfor <{MAILBOX}>; {when}")


def ministry_parent_id(case: dict) -> str:
    """Message-ID of the ministry mail that an answer refers to: the quoted one if its
    date is given (parent=(y, m, d, H, M, UTC offset)), else an earlier one that day."""
    if case.get("parent"):
        y, mo, d_, hh, mm, off = case["parent"]
        d = datetime(y, mo, d_, hh, mm, 0, tzinfo=timezone(timedelta(hours=off)))
    else:
        d = mail_date(case) - timedelta(hours=3,
                                        minutes=int(h(f"p{case['n']}", 2), 16) % 50)
    return f"<{d.strftime('%Y%m%d%H%M%S')}.{h('parent' + str(case['n']), 6)}@hsm.hessen.de>"


def original_spec(case: dict) -> tuple:
    spec = case["body"]["original"] if "original" in case["body"] else \
        case["body"]["append_original"]
    when = mail_date(case) - timedelta(minutes=spec["minutes_before"], seconds=7)
    msgid = f"<{when.strftime('%Y%m%d%H%M%S')}.{h('orig' + str(case['n']), 6)}@hsm.hessen.de>"
    return spec, when, msgid


def original_message(case: dict) -> str:
    spec, when, msgid = original_spec(case)
    name, address = spec["to"]
    return ministry_message(name, address, spec["subject"], when, msgid, spec["irt"],
                            spec["text"])


def original_headers(case: dict) -> str:
    spec, when, msgid = original_spec(case)
    name, address = spec["to"]
    return ministry_headers_only(name, address, spec["subject"], when, msgid, spec["irt"])


def build_body(case: dict, seed: str) -> tuple[list, str]:
    spec = case["body"]
    kind = spec["type"]
    if kind == "plain":
        text = spec["text"]
        if "append_original" in spec:
            text += original_message(case)
        return text_part(text, charset=spec.get("charset", "utf-8"),
                         cte=spec["cte"], flowed=spec.get("flowed", False))
    if kind == "html":
        return text_part(spec["html"], subtype="html", cte="quoted-printable")
    if kind == "html_from_text":
        return text_part(outlook_html(spec["text"]), subtype="html",
                         cte="quoted-printable")
    if kind == "alt":
        if spec["html_style"] == "gmail":
            boundary = "000000000000" + h(seed, 16)
            rich_html = gmail_html(spec["text"])
        else:
            boundary = f"_000_{h(seed, 24).upper()}_"
            rich_html = outlook_html(spec["text"])
        plain = text_part(spec["text"], cte="quoted-printable")
        rich = text_part(rich_html, subtype="html", cte="quoted-printable")
        return multipart("alternative", [plain, rich], boundary)
    if kind == "mixed_pdf":
        boundary = f"_004_{h(seed, 24).upper()}_"
        plain = text_part(spec["text"], cte="quoted-printable")
        fn = spec["filename"]
        pdf_bytes = dummy_pdf([ln.replace("ä", "ae") for ln in spec["pdf_lines"]])
        pdf = ([("Content-Type", f'application/pdf; name="{fn}"'),
                ("Content-Description", fn),
                ("Content-Disposition",
                 f'attachment; filename="{fn}"; size={len(pdf_bytes)}'),
                ("Content-Transfer-Encoding", "base64")],
               b64(pdf_bytes))
        return multipart("mixed", [plain, pdf], boundary)
    if kind == "report":
        boundary = f"{spec['queue_id']}.{int(mail_date(case).timestamp())}/mail.hsm.hessen.de"
        notice = ([("Content-Description", "Notification"),
                   ("Content-Type", "text/plain; charset=us-ascii")], spec["notice"])
        status = ([("Content-Description", "Delivery report"),
                   ("Content-Type", "message/delivery-status")], spec["status"])
        if spec["returned"] == "full":
            returned = ([("Content-Description", "Undelivered Message"),
                         ("Content-Type", "message/rfc822")], original_message(case))
        else:
            returned = ([("Content-Description", "Undelivered Message Headers"),
                         ("Content-Type", "text/rfc822-headers")],
                        original_headers(case))
        return multipart("report", [notice, status, returned], boundary,
                         params=" report-type=delivery-status;",
                         preamble="This is a MIME-encapsulated message.")
    if kind == "exchange_ndr":
        outer = f"_000_{h(seed, 24).upper()}_"
        inner = f"_001_{h(seed + 'i', 24).upper()}_"
        plain = text_part(spec["plain"], cte="quoted-printable")
        ndr_html = outlook_html(spec["plain"]).replace('lang="DE"', 'lang="de-DE"')
        rich = text_part(ndr_html, subtype="html", cte="quoted-printable")
        alt_headers, alt_body = multipart("alternative", [plain, rich], inner)
        status = ([("Content-Type", "message/delivery-status")], spec["status"])
        returned = ([("Content-Type", "message/rfc822")], original_message(case))
        return multipart("report", [(alt_headers, alt_body), status, returned], outer,
                         params=" report-type=delivery-status;")
    if kind == "gmail_report":
        outer = "000000000000" + h(seed, 16)
        inner = "000000000000" + h(seed + "i", 16)
        plain = text_part(spec["text"], cte="7bit")
        paras = "".join(f"<p>{html.escape(p, quote=False)}</p>\n"
                        for p in spec["text"].strip().split("\n\n"))
        rich_html = ('<html>\n<head></head>\n<body>\n<table cellpadding="0" '
                     'cellspacing="0" border="0"><tr><td>\n' + paras +
                     "</td></tr></table>\n</body>\n</html>\n")
        rich = text_part(rich_html, subtype="html", cte="quoted-printable")
        alt_headers, alt_body = multipart("alternative", [plain, rich], inner)
        status = ([("Content-Type", "message/delivery-status")], spec["status"])
        returned = ([("Content-Type", "message/rfc822")], original_message(case))
        return multipart("report", [(alt_headers, alt_body), status, returned], outer,
                         params=" report-type=delivery-status;")
    raise ValueError(kind)


def build_message(case: dict, seed: str) -> bytes:
    client = case["client"]
    charset = case.get("charset", "utf-8")
    headers: list[tuple[str, str]] = []

    if case.get("return_path"):
        headers.append(("Return-Path", f"<{case['return_path']}>"))
    elif case["kind"] == "bounce":
        headers.append(("Return-Path", "<>"))
    else:
        headers.append(("Return-Path", f"<{case['sender'][1]}>"))
    headers.append(("Received", received(case, seed)))

    if client == "postfix_bounce":
        headers.append(("From", "MAILER-DAEMON@mail.hsm.hessen.de (Mail Delivery System)"))
    else:
        headers.append(("From", addr(*case["sender"], charset=charset)))
    headers.append(("To", TO_STYLES.get(client, MAILBOX)))
    headers.append(("Subject", case["subject"]))
    if client in OUTLOOK:
        topic = case["subject"]
        for prefix in ("Out of Office: ", "WG: ", "AW: ", "RE: "):
            if topic.startswith(prefix):
                topic = topic[len(prefix):]
        headers.append(("Thread-Topic", topic))
        headers.append(("Thread-Index",
                        base64.b64encode(bytes.fromhex(h(seed + case["subject"], 44))).decode()))
    headers.append(("Date", format_datetime(mail_date(case))))
    headers.append(("Message-ID", message_id(case, seed)))
    if case.get("reply_to_ministry"):
        parent = ministry_parent_id(case)
        headers.append(("In-Reply-To", parent))
        headers.append(("References", parent))
    headers.extend(case.get("auto_headers", []))
    if client == "postfix_bounce":
        headers.append(("Auto-Submitted", "auto-replied"))
    if client == "exim_bounce":
        headers.append(("Auto-Submitted", "auto-replied"))
        headers.append(("X-Failed-Recipients", case["failed_recipient"]))
    if client == "exchange_ndr":
        headers.append(("Auto-Submitted", "auto-replied"))
        headers.append(("X-MS-Exchange-Message-Is-Ndr", "True"))
    headers.extend((k, v) for k, v in CLIENT_HEADERS[client] if v)
    if client == "outlook365":
        has_att = "yes" if case["body"]["type"] == "mixed_pdf" else "no"
        headers.append(("X-MS-Has-Attach", has_att))
    if client in OUTLOOK:
        headers.append(("Accept-Language", "de-DE, en-US"))
    if case.get("content_language") or client in OUTLOOK + ("thunderbird", "exchange_ndr"):
        headers.append(("Content-Language", case.get("content_language", "de-DE")))
    if case.get("org"):
        headers.append(("Organization", case["org"]))
    headers.append(("MIME-Version", "1.0"))

    body_headers, body = build_body(case, seed)
    text = render_headers(headers + body_headers, charset) + "\n" + body
    return text.replace("\n", "\r\n").encode("utf-8")


def label_of(case: dict) -> dict:
    return {
        "file": file_name(case),
        "kind": case["kind"],
        "intents": sorted(case["intents"]),
        "population": case["population"],
        "amount_eur": case["amount_eur"],
        "state": case["state"],
        "eligibility": case["eligibility"],
        "language": case["language"],
        "notes": case["notes"],
    }


def build() -> None:
    MAILDIR.mkdir(parents=True, exist_ok=True)
    wanted = {file_name(c) for c in CASES}
    for old in MAILDIR.glob(f"{PREFIX}-*.eml"):
        if old.name not in wanted:
            old.unlink()
    for case in CASES:
        (MAILDIR / file_name(case)).write_bytes(build_message(case, file_name(case)[:-4]))
    with LABELS.open("w", encoding="utf-8", newline="\n") as fh:
        for case in CASES:
            fh.write(json.dumps(label_of(case), ensure_ascii=False) + "\n")

# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

NUMBER_WORDS = {"zwanzigtausend": 20000, "elftausend": 11000}
DATE_RE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


def readable(msg) -> str:
    """The text a reader sees: text/plain if there is one, else stripped HTML."""
    body = msg.get_body(("plain", "html"))
    if body is None:
        return ""
    txt = body.get_content()
    if body.get_content_type() == "text/html":
        txt = re.sub(r"(?is)<(style|head)[^>]*>.*?</\1>", " ", txt)
        txt = re.sub(r"<[^>]+>", " ", txt)
        txt = html.unescape(txt)
    return norm(txt)


def number_of(words: str) -> int | None:
    """The number an evidence phrase states, following the README's conventions."""
    low = words.lower()
    for w, v in NUMBER_WORDS.items():
        if w in low:
            return v
    words = DATE_RE.sub(" ", words)                       # Stand-dates are no numbers
    m = re.search(r"(\d+(?:[.,]\d+)?)\s*(?:k\b|T€|Tsd\.)", words)
    if m:                                                 # 6.2k, 40 T€, 33 Tsd.
        return round(float(m.group(1).replace(",", ".")) * 1000)
    m = re.search(r"\d{1,3}(?:[., ]\d{3})+|\d+", words)   # 4.318, 23,400, 7 500
    return int(re.sub(r"[., ]", "", m.group(0))) if m else None


def expected_eligibility(pop, state):
    if state is not None and state != "Hessen":
        return "not_eligible"
    if pop is None:
        return "unknown"
    return "eligible" if pop < 50000 else "not_eligible"


def check_file(path: Path, where: str, ids: set, errors: list[str]):
    raw = path.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    if any(b > 127 for b in head):
        errors.append(f"{where}: non-ASCII byte in the header section")
    if b"\n" in raw.replace(b"\r\n", b"") or b"\r" in raw.replace(b"\r\n", b""):
        errors.append(f"{where}: bare LF or CR")
    if any(len(line) > 998 for line in raw.split(b"\r\n")):
        errors.append(f"{where}: line longer than 998 octets")
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    for part in msg.walk():
        if part.defects:
            errors.append(f"{where}: defects {part.defects}")
    for name in msg.keys():
        try:
            hv = msg[name]
        except Exception as exc:              # noqa: BLE001
            errors.append(f"{where}: header {name} unreadable: {exc}")
            continue
        if getattr(hv, "defects", None):
            errors.append(f"{where}: header {name} defects {hv.defects}")
    if MAILBOX.lower() not in str(msg["To"]).lower():
        errors.append(f"{where}: To is not the programme mailbox")
    d = parsedate_to_datetime(str(msg["Date"]))
    if (d.year, d.month) != (2026, 11) or not 2 <= d.day <= 27:
        errors.append(f"{where}: Date not within 2-27 November 2026")
    mid = str(msg["Message-ID"] or "")
    if not (mid.startswith("<") and mid.endswith(">") and "@" in mid):
        errors.append(f"{where}: bad Message-ID")
    if mid in ids:
        errors.append(f"{where}: duplicate Message-ID")
    ids.add(mid)
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            try:
                part.get_content()
            except Exception as exc:          # noqa: BLE001
                errors.append(f"{where}: text part does not decode: {exc}")
    return msg


def check_label(lab: dict, i: int, errors: list[str]) -> None:
    where = lab.get("file") or f"line {i}"
    if list(lab) != LABEL_KEYS:
        errors.append(f"{where}: keys {list(lab)}")
        return
    if lab["file"] != f"{PREFIX}-{i:02d}.eml":
        errors.append(f"{where}: out of order")
    kind, intents = lab["kind"], lab["intents"]
    if kind not in KINDS:
        errors.append(f"{where}: bad kind {kind}")
    if not isinstance(intents, list) or intents != sorted(set(intents)):
        errors.append(f"{where}: intents not a sorted unique list")
    if any(x not in INTENTS for x in intents):
        errors.append(f"{where}: unknown intent in {intents}")
    if (kind == "inquiry") != bool(intents):
        errors.append(f"{where}: intents must be non-empty exactly for inquiries")
    for key in ("population", "amount_eur"):
        v = lab[key]
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v <= 0):
            errors.append(f"{where}: bad {key} {v!r}")
    if lab["state"] is not None and lab["state"] not in STATES:
        errors.append(f"{where}: bad state {lab['state']!r}")
    if kind == "inquiry":
        exp = expected_eligibility(lab["population"], lab["state"])
        if lab["eligibility"] != exp:
            errors.append(f"{where}: eligibility {lab['eligibility']} != {exp}")
    else:
        if lab["eligibility"] is not None:
            errors.append(f"{where}: eligibility must be null for {kind}")
        if any(lab[k] is not None for k in ("population", "amount_eur", "state")):
            errors.append(f"{where}: facts must be null for {kind}")
    if lab["language"] not in ("de", "en"):
        errors.append(f"{where}: bad language")
    if not isinstance(lab["notes"], str) or not lab["notes"].strip():
        errors.append(f"{where}: empty notes")


def split_new(case: dict, text: str, where: str, errors: list[str]) -> tuple[str, str]:
    if not case.get("quote"):
        return text, ""
    marker = norm(case["quote"])
    if marker not in text:
        errors.append(f"{where}: quote marker not found")
        return text, ""
    new, quoted = text.split(marker, 1)
    return new, quoted


def check_evidence(case: dict, lab: dict, text: str, errors: list[str]) -> None:
    """Facts must come from the new text, quoted traps only from the quote,
    decoys must be in the new text and must not give the labelled value."""
    where = lab["file"]
    new, quoted = split_new(case, text, where, errors)
    for q in case.get("quoted", []):
        if norm(q) in new or norm(q) not in quoted:
            errors.append(f"{where}: quoted trap {q!r} not only in the quoted part")
    for dcy in case.get("decoys", []):
        if norm(dcy) not in new:
            errors.append(f"{where}: decoy {dcy!r} not in the new text")
        v = number_of(dcy)
        if v is not None and v in (lab["population"], lab["amount_eur"]):
            errors.append(f"{where}: decoy {dcy!r} equals a labelled fact")
    ev = case.get("evidence", {})
    for key in ("population", "amount_eur", "state"):
        value = lab[key]
        words = ev.get(key)
        if (value is None) != (words is None):
            errors.append(f"{where}: {key}={value!r} but evidence {words!r}")
            continue
        if words is None:
            continue
        if norm(words) not in new:
            errors.append(f"{where}: evidence {words!r} not in the new text")
        if key == "state":
            named = [s for s, forms in STATE_WORDS.items()
                     if any(f.lower() in words.lower() for f in forms)]
            if any(d in words for d in HESSIAN_DISTRICTS):
                named.append("Hessen")
            if value not in named:
                errors.append(f"{where}: evidence {words!r} does not give {value}")
        elif number_of(words) != value:
            errors.append(f"{where}: evidence {words!r} gives {number_of(words)}, "
                          f"label {value}")


def check_towns(errors: list[str]) -> str:
    if not MUNICIPALITIES_CSV.exists():
        return f"note: {MUNICIPALITIES_CSV} not found, town names not checked"
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as fh:
        real = {row["name"].strip().lower() for row in csv.DictReader(fh)}
    for town in TOWNS:
        if town.lower() in real:
            errors.append(f"town {town} is a real municipality")
    return f"town names checked against {MUNICIPALITIES_CSV.name}: none is real"


def validate() -> tuple[list[str], str]:
    errors: list[str] = []
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    if len(labels) != len(CASES) or len(CASES) != N_CASES:
        errors.append(f"expected {N_CASES} labels, got {len(labels)}")
    ids: set[str] = set()
    msgs, texts = {}, {}
    for i, (lab, case) in enumerate(zip(labels, CASES), 1):
        check_label(lab, i, errors)
        if case["n"] != i:
            errors.append(f"case {case['n']} at position {i}")
        if label_of(case) != lab:
            errors.append(f"{lab['file']}: labels.jsonl differs from the case data")
        path = MAILDIR / lab["file"]
        if not path.exists():
            errors.append(f"{lab['file']}: file missing")
            continue
        msg = check_file(path, lab["file"], ids, errors)
        msgs[lab["file"]] = msg
        text = readable(msg)
        texts[lab["file"]] = text
        if not text:
            errors.append(f"{lab['file']}: no readable body")
        check_evidence(case, lab, text, errors)
        if lab["kind"] in ("auto_reply", "bounce") and "Synthetic" not in lab["notes"]:
            errors.append(f"{lab['file']}: notes must mark it synthetic")
    town_note = check_towns(errors)
    corpus = []
    for m in msgs.values():
        corpus.append(str(m["From"]))
        for part in m.walk():
            if part.get_content_maintype() == "text":
                corpus.append(part.get_content())
    all_text = " ".join(corpus).lower()
    for town in TOWNS:
        t = town.lower()
        ascii_t = t.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
        if t not in all_text and ascii_t not in all_text:
            errors.append(f"town {town} listed in TOWNS but not used")

    # ---- the intended mix ----
    by_kind = {k: [l for l in labels if l["kind"] == k] for k in KINDS}
    for k, n in (("inquiry", 50), ("acknowledgement", 8), ("auto_reply", 14),
                 ("bounce", 8)):
        if len(by_kind[k]) != n:
            errors.append(f"{k}: {len(by_kind[k])} mails, expected {n}")
    inq = by_kind["inquiry"]
    if sum(len(l["intents"]) > 1 for l in inq) < 30:
        errors.append("fewer than 30 multi-intent inquiries")
    if sum(len(l["intents"]) == 3 for l in inq) < 3:
        errors.append("fewer than 3 inquiries with three intents")
    for intent in INTENTS:
        c = sum(intent in l["intents"] for l in labels)
        if c < 4:
            errors.append(f"intent {intent} used {c} times")
    en = sum(l["language"] == "en" for l in labels)
    if not 18 <= en <= 22:
        errors.append(f"{en} English mails, expected about a quarter")
    for k in KINDS:
        if {l["language"] for l in by_kind[k]} != {"de", "en"}:
            errors.append(f"{k}: expected German and English mails")
    for e in ELIGIBILITY:
        if sum(l["eligibility"] == e for l in inq) < 4:
            errors.append(f"fewer than 4 inquiries with eligibility {e}")
    if {"Rheinland-Pfalz", "Baden-Württemberg", "Sachsen"} - {l["state"] for l in inq}:
        errors.append("expected inquiries from Rheinland-Pfalz, Baden-Württemberg, Sachsen")
    if not any(l["amount_eur"] and l["amount_eur"] > 30000 for l in inq):
        errors.append("no requested amount above 30,000")

    # the fact forms this set is about (each must be the evidence of some label)
    ev_all = [c.get("evidence", {}) for c in CASES]
    pops = [e.get("population", "") for e in ev_all]
    amounts = [e.get("amount_eur", "") for e in ev_all]
    states = [e.get("state", "") for e in ev_all]
    for form in ("Einwohner: 4.318", "EW 12.345", "Einw.-Zahl ca. 9.600",
                 "gut zwanzigtausend", "knapp elftausend Einwohner",
                 "rund 7 500 Bürgerinnen und Bürgern", "a town of roughly 18,000 people",
                 "population approx. 6.2k", "home to 23,400 residents"):
        if not any(form in p for p in pops):
            errors.append(f"population form {form!r} not used as evidence")
    for form in ("Kostenschätzung: 28.400 € brutto", "ca. 40 T€", "EUR 32.000,00",
                 "€ 15k"):
        if form not in amounts:
            errors.append(f"amount form {form!r} not used as evidence")
    for form in ("hessische Kommune", "nordhessische Gemeinde",
                 "Landkreis Waldeck-Frankenberg", "Main-Taunus-Kreis",
                 "LK Darmstadt-Dieburg"):
        if form not in states:
            errors.append(f"state form {form!r} not used as evidence")
    if sum(1 for p in pops if p and DATE_RE.search(p)) < 3:
        errors.append("fewer than 3 populations with a Stand-date")
    cap_quotes = [c for c in CASES if c["kind"] == "inquiry" and c["amount_eur"] != 30000
                  and any(number_of(d) == 30000 for d in c.get("decoys", []))]
    if len(cap_quotes) < 4:
        errors.append("fewer than 4 inquiries quoting the 30,000 cap back")
    subgroup = [c for c in CASES if any(w in " ".join(c.get("decoys", [])) for w in
                                        ("Geflüchtete", "Kinder und Jugendliche", "fifth"))]
    if len(subgroup) < 3:
        errors.append("fewer than 3 subgroup traps")
    if not any("Nachbargemeinde hat 3.000 Einwohner" in d
               for c in CASES for d in c.get("decoys", [])):
        errors.append("no neighbour-only population trap")

    # inquiry shapes
    if not any(c["subject"].startswith("WG:") and c["kind"] == "inquiry" for c in CASES):
        errors.append("no forwarded 'WG:' inquiry")
    ps_inq = [c for c in CASES if c["kind"] == "inquiry" and "\nPS:" in
              c["body"].get("text", "")]
    if len(ps_inq) < 2:
        errors.append("fewer than 2 inquiries with a PS question")
    if sum(1 for c in CASES if c["kind"] == "inquiry" and c.get("quoted")) < 5:
        errors.append("fewer than 5 inquiries with quoted/forwarded traps")

    # acknowledgements
    acks = [c for c in CASES if c["kind"] == "acknowledgement"]
    if sum(1 for c in acks if c.get("quote")) < 3:
        errors.append("fewer than 3 acknowledgements quoting earlier mails")
    if not any("hat sich erledigt" in texts[file_name(c)] for c in acks):
        errors.append("no 'hat sich erledigt' acknowledgement")
    if not any("melden uns" in texts[file_name(c)] for c in acks):
        errors.append("no 'wir melden uns' acknowledgement")

    # auto-replies
    autos = [c for c in CASES if c["kind"] == "auto_reply"]
    with_header = {file_name(c): [hn for hn in AUTOMATION_HEADERS if hn in msgs[file_name(c)]]
                   for c in autos}
    if sum(1 for v in with_header.values() if not v) < 9:
        errors.append("fewer than 9 auto-replies without any automation header")
    for hn in ("Auto-Submitted", "X-Autoreply", "Precedence"):
        if not any(hn in v for v in with_header.values()):
            errors.append(f"no auto-reply with {hn}")
    for phrase in ("ab dem 16.11. wieder für Sie erreichbar",
                   "derzeit befinde ich mich im Urlaub", "wird nicht gelesen",
                   "nicht mehr aktiv", "unter der Nummer", "Elternzeit",
                   "krankheitsbedingt", "verlassen", "automatisch generierte Nachricht",
                   "Your request has been received", "out of the office",
                   "no longer monitored"):
        if not any(phrase.lower() in texts[file_name(c)].lower() for c in autos):
            errors.append(f"no auto-reply saying {phrase!r}")

    # bounces
    bounce_cases = [c for c in CASES if c["kind"] == "bounce"]
    bounces = [msgs[file_name(c)] for c in bounce_cases]

    def status_actions(m) -> list[str]:
        out = []
        for part in m.walk():
            if part.get_content_type() == "message/delivery-status":
                for block in part.get_payload():
                    if block.get("Action"):
                        out.append(str(block["Action"]).strip())
        return out
    bounce_checks = [
        ("Postfix multipart/report failed",
         lambda m: m.get_content_type() == "multipart/report"
         and "failed" in status_actions(m) and "MAILER-DAEMON" in str(m["From"])),
        ("Exim 'Mail delivery failed'",
         lambda m: str(m["Subject"]).startswith("Mail delivery failed")),
        ("Exchange 'Unzustellbar:'", lambda m: str(m["Subject"]).startswith("Unzustellbar:")),
        ("Gmail-like DSN", lambda m: str(m["Subject"]).startswith("Delivery Status Notification")
         and "multipart/alternative" in [p.get_content_type() for p in m.walk()]),
        ("qmail", lambda m: "qmail-send program" in readable(m)),
        ("delayed DSN", lambda m: "delayed" in status_actions(m)),
        ("German plain mailer-daemon",
         lambda m: m.get_content_type() == "text/plain"
         and "mailer-daemon" in str(m["From"]).lower()
         and "nicht zugestellt" in readable(m)),
        ("normal-looking From",
         lambda m: not any(w in str(m["From"]).lower()
                           for w in ("mailer-daemon", "postmaster", "mail delivery",
                                     "microsoft"))
         and str(m["Return-Path"]) != "<>"),
    ]
    for what, pred in bounce_checks:
        if not any(pred(m) for m in bounces):
            errors.append(f"missing bounce: {what}")

    def count(pred) -> int:
        return sum(1 for c in CASES if pred(c))
    mime_checks = [
        ("HTML-only", lambda c: c["body"]["type"] in ("html", "html_from_text"), 2),
        ("multipart/alternative", lambda c: c["body"]["type"] == "alt", 8),
        ("ISO-8859-1 QP", lambda c: c["body"].get("charset") == "iso-8859-1", 1),
        ("ISO-8859-15 QP", lambda c: c["body"].get("charset") == "iso-8859-15", 1),
        ("windows-1252 QP", lambda c: c["body"].get("charset") == "windows-1252", 1),
        ("base64 text", lambda c: c["body"].get("cte") == "base64", 2),
        ("7bit text", lambda c: c["body"].get("cte") == "7bit", 3),
        ("8bit text", lambda c: c["body"].get("cte") == "8bit", 3),
        ("format=flowed", lambda c: c["body"].get("flowed"), 2),
        ("UTF-8 QP text", lambda c: c["body"].get("cte") == "quoted-printable"
         and c["body"].get("charset", "utf-8") == "utf-8", 3),
        ("PDF attachment", lambda c: c["body"]["type"] == "mixed_pdf", 1),
    ]
    for what, pred, need in mime_checks:
        if count(pred) < need:
            errors.append(f"fewer than {need} {what} mails")
    for c in CASES:
        cs = c.get("charset")
        if cs and cs != "utf-8":
            hdr = (MAILDIR / file_name(c)).read_bytes().split(b"\r\n\r\n", 1)[0]
            if f"=?{cs}?".encode() not in hdr.lower():
                errors.append(f"{file_name(c)}: Subject not an {cs} encoded-word")
    return errors, town_note


def summary() -> str:
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    lines = ["kind counts:"]
    for k in KINDS:
        ks = [l for l in labels if l["kind"] == k]
        lines.append(f"  {k:16} {len(ks):3}  (de={sum(l['language'] == 'de' for l in ks)}, "
                     f"en={sum(l['language'] == 'en' for l in ks)})")
    lines.append("intent counts (inquiries):")
    for i in INTENTS:
        lines.append(f"  {i:20} {sum(i in l['intents'] for l in labels)}")
    inq = [l for l in labels if l["kind"] == "inquiry"]
    lines.append("multi-intent inquiries: %d (three intents: %d)" % (
        sum(len(l["intents"]) > 1 for l in inq), sum(len(l["intents"]) == 3 for l in inq)))
    lines.append("language: de=%d en=%d" % (
        sum(l["language"] == "de" for l in labels), sum(l["language"] == "en" for l in labels)))
    lines.append("eligibility: " + ", ".join(
        f"{e}={sum(l['eligibility'] == e for l in labels)}" for e in ELIGIBILITY))
    return "\n".join(lines)


if __name__ == "__main__":
    build()
    problems, note = validate()
    if problems:
        print("VALIDATION FAILED:", *problems, sep="\n  ")
        sys.exit(1)
    print(f"wrote {len(CASES)} mails to {MAILDIR} and {LABELS.name}; all checks passed")
    print(note)
    print(summary())
