#!/usr/bin/env python3
"""Build the development set of invented e-mails for the WIR/KIV inquiry assistant.

Usage:  python3 build.py

Writes, next to this file:
  mails/dev-01.eml ... mails/dev-70.eml   complete RFC 5322 messages (CRLF line ends)
  labels.jsonl                             one label object per mail, in file order
and, as a second output, eight demo mails for newcomers:
  ../../../mailbox/demo/demo-01.eml ... demo-08.eml
Then it validates everything: every file is parsed with Python's e-mail parser, every
label is checked against ../../../../shared/taxonomy.md's rules (copied below as
constants), the facts are checked against the new text of each mail, and the intended
mix is checked. Exit status 1 and a list of problems if anything fails.

Standard library only, deterministic: running it twice gives identical bytes.
All towns, people, addresses, phone numbers, IBANs, file numbers and texts are invented;
the towns were checked against the official municipality list and do not exist.
Labelling conventions: those of shared/samples/README.md (only the new text counts).
"""
from __future__ import annotations

import base64
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
DEMODIR = HERE.parents[2] / "mailbox" / "demo"
MAILBOX = "landesprogrammWIR@hsm.hessen.de"
CEST = timezone(timedelta(hours=2))

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
    "Main-Kinzig-Kreis", "Main-Taunus-Kreis", "Odenwaldkreis", "Kreis Offenbach",
    "Rheingau-Taunus-Kreis", "Wetteraukreis", "Landkreis Gießen", "Lahn-Dill-Kreis",
    "Limburg-Weilburg", "Marburg-Biedenkopf", "Vogelsbergkreis", "Landkreis Fulda",
    "Hersfeld-Rotenburg", "Landkreis Kassel", "Schwalm-Eder-Kreis",
    "Waldeck-Frankenberg", "Werra-Meißner-Kreis", "Werra-Meißner district",
    "Kassel district",
)
# Words that name a state directly (German and English forms).
STATE_WORDS = {
    "Hessen": ("Hessen", "hessisch", "Hesse"),
    "Bayern": ("Bayern", "bayerisch", "Bavaria"),
    "Niedersachsen": ("Niedersachsen", "niedersächsisch", "Lower Saxony"),
    "Thüringen": ("Thüringen", "thüringisch", "Thuringia"),
    "Nordrhein-Westfalen": ("Nordrhein-Westfalen", "North Rhine-Westphalia"),
}
AUTOMATION_HEADERS = ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
                      "X-Auto-Response-Suppress", "X-MS-Exchange-Inbox-Rules-Loop",
                      "X-Loop", "X-OTRS-Loop")

MINISTRY_SIG = """\
Mit freundlichen Grüßen
Ihr Team Landesprogramm WIR
Hessisches Ministerium für Soziales und Integration"""


# --------------------------------------------------------------------------
# Mail texts of the development set (invented). The names T01 ... T70 follow
# the file numbers. Quoted history below the new text is part of the texts.
# --------------------------------------------------------------------------

T01 = """\
Sehr geehrte Damen und Herren,

ich bin im Hauptamt der Gemeinde Eichelsgrund für Fördermittel zuständig.
Unser Bürgermeister hat in der Zeitung vom Landesprogramm WIR gelesen und
möchte wissen, ob sich eine Bewerbung für uns überhaupt lohnt.

Eichelsgrund liegt im Vogelsbergkreis und hat 12.000 Einwohner, verteilt
auf die Kerngemeinde und fünf Ortsteile. Kommen wir mit dieser Größe für
die Förderung einer Vielfalts- und Integrationsstrategie in Frage, oder
ist das Angebot eher für Städte gedacht?

Mit freundlichen Grüßen
Im Auftrag

Simone Reuß
Hauptamt – Fördermittelmanagement
Gemeindeverwaltung Eichelsgrund
Schulstraße 3, 36318 Eichelsgrund
Tel. 06641 0453-27 | Fax 06641 0453-99
Az. 022-14/2026
"""

T02 = """\
Hallo zusammen,

ich mach es kurz, weil morgen Haushaltsberatung ist: Unser Kämmerer will
wissen, mit welchem Budget wir für so eine Integrationsstrategie planen
können, wenn wir bei Ihnen einen Antrag stellen. Also ganz grob – was
käme da vom Land, damit wir das im Haushalsplan 2027 richtig einstellen?

Und gibts bei Ihnen jemand, den ich kurz anrufen kann? Per Telefon geht
sowas bei mir meistens schneller als per Mail.

Danke und Gruß
Jens Ortmüller
Finanzverwaltung

Gemeindekasse Brunnwetter
IBAN: DE41 5139 0000 0071 2204 18
Tel. 06033 0219-40
"""

T03 = """\
Dear WIR team,

My name is Tom Gallagher and I work for the town of Kranichsau, a small
rural municipality in the Werra-Meißner district of Hesse with approx.
7,300 inhabitants. I moved here from Ireland three years ago and now look
after our newcomers' network in the town hall.

Two questions came up in our last team meeting:

- Is a town of our size able to take part in the KIV funding at all, or
  is it meant for bigger places?
- Two neighbouring villages are in a very similar situation. Would it be
  possible to team up with them rather than each of us going it alone?

Many thanks in advance,
Tom

Tom Gallagher
Newcomers' Network | Town of Kranichsau
Phone +49 5651 0388-40
"""

T04_NOTICE = """\
This is the mail system at host mail.hsm.hessen.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<j.sommer@jossaue.de>: host jossaue-de.mail.protection.example.net[203.0.113.61]
    said: 550 5.4.1 Recipient address rejected: Access denied.
    [AM4PEPF00027A5C.eurprd04.prod.example.net] (in reply to RCPT TO command)
"""

T04_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4N0bT41qQmz9sW2
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Fri,  2 Oct 2026 11:07:40 +0200 (CEST)

Final-Recipient: rfc822; j.sommer@jossaue.de
Original-Recipient: rfc822;j.sommer@jossaue.de
Action: failed
Status: 5.4.1
Remote-MTA: dns; jossaue-de.mail.protection.example.net
Diagnostic-Code: smtp; 550 5.4.1 Recipient address rejected: Access denied.
    [AM4PEPF00027A5C.eurprd04.prod.example.net]
"""

T04_ORIGINAL = """\
Sehr geehrte Frau Sommer,

vielen Dank für Ihre Anfrage. Die Förderung für kommunale Vielfalts- und
Integrationsstrategien (KIV) richtet sich an alle hessischen Städte und
Gemeinden mit weniger als 50.000 Einwohnerinnen und Einwohnern und beträgt
maximal 30.000 Euro. Gefördert wird eine externe Prozessmoderation.

Weitere Informationen und die WIR-Förderrichtlinie finden Sie unter
www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + "\n"

T05 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Wiesecktal (Landkreis Gießen, ca. 8.500 EW) möchte 2027 mit
einer Integrationsstrategie starten. Wir haben bereits Angebote eingeholt
und kommen insgesamt auf 35.000 € – darin stecken die Begleitung durch
ein externes Moderationsbüro (ca. 22.000 €), die Übersetzung unserer
Fragebögen in sechs Sprachen, Kinderbetreuung während der Workshops und
ein kleines Abschlussfest auf dem Dorfplatz.

Uns interessiert zweierlei: Welche dieser Posten lassen sich über das
Programm überhaupt abrechnen? Und bekommen wir die 35.000 € komplett
erstattet, oder müssen wir mit weniger rechnen?

Mit freundlichen Grüßen

Andrea Kuhl
Sachgebiet Soziales, Senioren und Integration
Gemeindeverwaltung Wiesecktal
Rathausplatz 1, 35418 Wiesecktal
Telefon 06404 0276-33
"""

T06 = """\
Guten Tag,

wir sind eine mittelhessische Kleinstadt mit rund zwölftausend
Einwohnerinnen und Einwohnern und wollen uns um die KIV-Förderung
bewerben. Dass man danach 18 Monate Zeit für die Strategie hat, habe ich
der Pressemitteilung schon entnommen – darum geht es mir nicht.

Meine Frage ist eine andere: Bis wann muss der Antrag spätestens bei
Ihnen sein? Unser Stadtparlament tagt erst wieder am 19. November. Lohnt
sich das dann für dieses Jahr überhaupt noch, oder ist der Topf bis
dahin leer?

Viele Grüße
Katrin Velte
Stadt Falkenrode – Fachdienst Jugend, Soziales und Integration
Tel. 06421 0377-610
"""

T07 = """\
Guten Tag,

vielen Dank für Ihre Nachricht. Ich bin vom 05.10. bis einschließlich
16.10.2026 nicht im Büro. Ihre E-Mail wird nicht weitergeleitet.

In dringenden Fällen wenden Sie sich bitte an Herrn Lotz,
Tel. 06641 0453-20, hauptamt@eichelsgrund.de.

Mit freundlichen Grüßen
Simone Reuß
Gemeindeverwaltung Eichelsgrund
"""

T08 = """\
Sehr geehrte Damen und Herren,

der Gemeindevorstand hat grünes Licht gegeben, dass wir einen Antrag für
eine Integrationsstrategie vorbereiten. Jetzt geht es an die
Zeitplanung, und dabei hakt es an einer Stelle:

Wie viel Zeit haben wir, um den ganzen Prozess durchzuziehen – von der
Auftaktveranstaltung bis zur fertigen Strategie? Müssen wir bis zum
Jahresende 2027 durch sein, oder dürfen die Workshops auch bis weit ins
Jahr 2028 laufen? Wir möchten ungern einen Zeitplan aufstellen, der
hinterher nicht zur Förderung passt.

Freundliche Grüße
Benedikt Sauer
Bürgermeisterbüro
Gemeinde Perfwiesen
"""

T09 = """\
Sehr geehrte Damen und Herren,

in der Stadt Aartalheim (Main-Taunus-Kreis) kommen zu
Bürgerversammlungen erfahrungsgemäß immer dieselben dreißig, vierzig
Leute. Bei der geplanten Integrationsstrategie wollen wir das anders
machen: Wir möchten möglichst viele unserer 23 500 Bürgerinnen und
Bürger erreichen, auch die rund 4.100 Menschen ohne deutschen Pass, von
denen wir im Rathaus bisher kaum etwas hören.

Haben Sie Tipps, wie man das praktisch hinbekommt? Was hat in anderen
Kommunen funktioniert, wenn man auch Leute gewinnen will, die keine Lust
auf lange Sitzungen im Rathaus haben?

Mit freundlichen Grüßen

Dr. Johanna Wirth
Stabsstelle Stadtentwicklung
Magistrat der Stadt Aartalheim
Tel. 06192 0518-305
"""

T10 = """\
Sehr geehrte Damen und Herren,

bei uns gibt es gerade eine kleine Grundsatzdiskussion, die Sie
vielleicht schnell auflösen können. Unser Ausländerbeirat möchte von
Anfang an offiziell am Strategieprozess beteiligt werden, der Haupt- und
Finanzausschuss ebenso, und in der letzten Sitzung hat jemand
eingeworfen, dass auch unser Landkreis, der Kreis Offenbach, mitreden
müsse.

Wer muss denn nun formal eingebunden werden? Ist das Vielfaltszentrum
beim Kreis Pflicht, oder können wir das halten, wie wir wollen? Um die
Einbindung der Bürgerschaft geht es mir ausdrücklich nicht, die haben
wir schon geplant.

Beste Grüße
Markus Tannert
Büroleitung
Gemeinde Weiltalrode
"""

T11 = """\
Liebes Team des Landesprogramms WIR,

herzlichen Dank für die ausführliche Antwort – das war genau das, was
wir brauchten. Ich gebe die Informationen an den Gemeindevorstand
weiter; der Antrag wird dann voraussichtlich im November gestellt.

Mit freundlichen Grüßen
Heike Mohr
Gemeinde Amselried – Hauptamt
Tel. 06044 0625-12

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Dienstag, 6. Oktober 2026 14:22
An: Mohr, Heike <h.mohr@amselried.de>
Betreff: AW: Fragen zur KIV-Förderung

Sehr geehrte Frau Mohr,

vielen Dank für Ihre Anfrage. Die Förderung richtet sich an hessische
Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen und
Einwohnern; mit 9.400 Einwohnerinnen und Einwohnern ist die Gemeinde
Amselried antragsberechtigt. Kommunen mit weniger als 10.000
Einwohnerinnen und Einwohnern können sich im ländlichen Raum mit anderen
Kommunen abstimmen.

Die Förderung beträgt maximal 30.000 Euro. Für die Entwicklung der
KIV-Strategie haben die Kommunen 18 Monate Zeit. Den Antrag stellen Sie
online; den Link zur Onlineantragstellung und eine Anleitung finden Sie
unter www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + """

-----Ursprüngliche Nachricht-----
Von: Mohr, Heike <h.mohr@amselried.de>
Gesendet: Montag, 5. Oktober 2026 09:03
An: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Betreff: Fragen zur KIV-Förderung

Guten Morgen,

wir sind eine Gemeinde im Wetteraukreis mit 9.400 Einwohnern. Können wir
die KIV-Förderung beantragen, wie viel gibt es, und wie lange läuft das?

Heike Mohr
"""

T12 = """\
Sehr geehrte Damen und Herren,

zunächst ein paar Eckdaten zu uns:

  Gemeinde:       Haunegrund
  Landkreis:      Hersfeld-Rotenburg
  Einwohnerzahl:  7.412 (Stand 30.06.2026)

In der Gemeindevertretung wurde gefragt, was am Ende eigentlich
"rauskommt", wenn wir so eine Strategie entwickeln. Ist das ein Papier,
das man abheftet? Muss das Ganze von der Gemeindevertretung beschlossen
werden, und hat es danach irgendwelche Folgen für unsere Arbeit vor Ort?

Für eine kurze Einschätzung wäre ich dankbar.

Mit freundlichen Grüßen
Uwe Schmitt
Bürgermeister der Gemeinde Haunegrund
"""

T13 = """\
Guten Tag,

ich bin seit dieser Woche neu als Integrationsbeauftragte bei der Stadt
Usabrunn und versuche gerade, mir einen Überblick zu verschaffen. Die
WIR-Förderrichtlinie liegt mir vor, die habe ich schon durchgearbeitet.

Was mir noch fehlt, ist das Drumherum: Wofür steht KIV genau, seit wann
werden kleinere Kommunen dabei unterstützt, und haben schon viele Städte
und Gemeinden mitgemacht? Ich möchte meinem Fachbereichsleiter nächste
Woche kurz berichten.

Viele Grüße
Selin Arslan
Stadt Usabrunn
Fachbereich 2 – Soziales und Integration
"""

T14 = """\
Hello,

I'm a master's student and currently doing an internship with the town
of Gilsaheim, a small town in Hesse. My supervisor asked me to write a
one-page summary of the WIR programme for the mayor.

Two things I couldn't work out from the press coverage:

1) What is the idea behind the programme, and how long has the KIV
   strand been running?
2) Is there an official document setting out the funding rules? If so,
   where can I find it?

Thanks a lot!
Lukas Meinhardt
Intern, Mayor's Office, Town of Gilsaheim
"""

T15 = """\
Sehr geehrte Damen und Herren,

für eine Vorlage an den Magistrat benötige ich die „WIR-Förderrichtlinie“
in der aktuell gültigen Fassung. Auf den Internetseiten des Ministeriums
habe ich nur die Pressemitteilung gefunden – gibt es die Richtlinie
irgendwo zum Herunterladen, und wo stehen die übrigen Informationen dazu?

Vielen Dank im Voraus.

Mit freundlichen Grüßen
i. A. Gabriele Weisbrod
Magistrat der Stadt Ulsterau
Hauptverwaltung – Zentrale Dienste
Tel. 06681 0742-110
"""

T16 = """\
Thanks for your email.

I'm on parental leave until 30 November 2026 and won't be reading my
emails. For anything related to the newcomers' network, please contact
the town hall at info@kranichsau.de or call +49 5651 0388-0.

Best wishes,
Tom Gallagher
"""

T17 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Antreftal mit gut 4.100 Einwohnerinnen und Einwohnern
überlegt, sich um die KIV-Förderung zu bewerben. Einen Antrag haben wir
noch nicht gestellt – bevor wir das tun, würde unser Bürgermeister gern
einmal mit jemandem aus Ihrem Haus sprechen, der das Programm gut kennt.

Gibt es eine feste Ansprechperson mit Durchwahl? Oder kann man einen
Termin für ein kurzes Gespräch ausmachen, gern auch per Telefon- oder
Videokonferenz?

Mit freundlichen Grüßen
Petra Haas
Vorzimmer des Bürgermeisters
Gemeinde Antreftal
Tel. 06691 0263-11
"""

T18 = """\
Sehr geehrte Damen und Herren,

am 4. August 2026 haben wir über das Onlineportal unseren Antrag auf
Förderung einer Integrationsstrategie eingereicht; beantragt haben wir
rund 12.500 Euro für die externe Moderation. Die Eingangsbestätigung
hänge ich Ihnen zur Zuordnung an.

Seitdem ist es still geworden. Ist der Antrag bei Ihnen vollständig
angekommen, und ist absehbar, wann darüber entschieden wird? Das
Moderationsbüro würde gern im Januar loslegen.

Mit freundlichen Grüßen
Im Auftrag

Frank Ide
Ordnungs- und Sozialamt
Gemeinde Twisteaue · Landkreis Kassel
Unser Zeichen: Az. 40-312/2026
Tel. 05673 0916-31
"""

T19 = """\
Dear Sir or Madam,

Our municipality, Orkebrueck, submitted its KIV application through the
online portal on 17 July 2026. Apart from the automatic confirmation we
have not heard anything since.

Could you let us know where things stand and whether anything is
missing on our side? It would also help to know which member of your
team is handling our file and how best to reach them, as I would prefer
to clear up any open points by phone.

Kind regards,
Nadia Osei
Grants Officer
Municipality of Orkebrueck
Phone: +49 6421 0744-18
"""

T20 = """\
This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  s.roth@salzboedental.de
    retry timeout exceeded

------ This is a copy of the message's headers. ------

Return-path: <landesprogrammWIR@hsm.hessen.de>
Received: from mail.hsm.hessen.de ([192.0.2.10])
	by relay1.hessen.de with esmtps (TLS1.3) (Exim 4.97.1)
	(envelope-from <landesprogrammWIR@hsm.hessen.de>)
	id 1tRb3K-0007Qs-0H
	for s.roth@salzboedental.de; Mon, 05 Oct 2026 08:12:40 +0200
From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
To: Stefanie Roth <s.roth@salzboedental.de>
Subject: =?utf-8?q?AW=3A_F=C3=B6rderf=C3=A4hige_Kosten_KIV?=
Date: Mon, 05 Oct 2026 08:12:38 +0200
Message-ID: <20261005061238.7c41d2@hsm.hessen.de>
In-Reply-To: <20261001143307.5a8e1f@salzboedental.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable
"""

T21 = """\
Hallo,

bei uns in Emsbachau (Hochtaunuskreis) leben knapp 9000 Menschen, und
unsere beiden Kitas platzen aus allen Nähten. Viele Eltern sprechen kaum
Deutsch. Die Erzieherinnen würden gern Elternabende mit Dolmetschern
anbieten und einen Deutschkurs für Mütter direkt in der Kita
organisieren.

Gibt es beim Land einen Fördertopf für solche Elternkurse bzw. für
Dolmetscherkosten in Kitas? Und wo müssten wir so etwas beantragen?

Viele Grüße
Claudia Krenzer
Fachbereich Kinderbetreuung
Gemeinde Emsbachau
"""

T22 = """\
Sehr geehrte Damen und Herren,

ich habe eine etwas spitzfindige Frage. Die Stadt Hirschwiesen im
Main-Kinzig-Kreis hatte laut Einwohnermeldeamt zum Stichtag 30.06.2026
exakt 50.000 Einwohnerinnen und Einwohner – keine Person mehr, keine
weniger. In der Pressemitteilung heißt es, die Förderung richte sich an
Kommunen mit weniger als 50.000 Einwohnerinnen und Einwohnern.

Fallen wir damit schon heraus, oder zählt ein anderer Stichtag, etwa die
Zahl des Statistischen Landesamts? Die liegt bei uns nämlich ein wenig
niedriger.

Mit freundlichen Grüßen
Oliver Jäckel
Amt für Stadtentwicklung und Integration
Stadt Hirschwiesen
Tel. 06051 0837-402
"""

T23 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Modaubrunn (Landkreis Darmstadt-Dieburg) hat derzeit 49.999
Einwohner. Ja, wirklich - unser Meldeamt hat extra zweimal nachgezählt.
Wir wachsen allerdings, weil gerade ein Neubaugebiet bezogen wird.

Zwei Fragen dazu:

1. Dürfen wir mit dieser Zahl einen Antrag stellen, oder wird es
   kritisch, wenn wir während der Laufzeit die 50.000 überschreiten?
2. Wie hoch fällt die Förderung für eine Gemeinde unserer Größe aus?
   Hängt die Summe von der Einwohnerzahl ab?

Mit freundlichen Grüßen
Rainer Bickel
Gemeindeverwaltung Modaubrunn - Sozialamt
Tel. 06154 0719-52
"""

T24 = """\
Sehr geehrte Damen und Herren,

ich befinde mich bis zum 26.10.2026 im Urlaub. Ihre Nachricht wird in
dieser Zeit weder gelesen noch weitergeleitet. Ab dem 27.10. bin ich
wieder für Sie da.

Bei dringenden Anliegen erreichen Sie das Team des Fachdienstes unter
fachdienst50@falkenrode.de oder Tel. 06421 0377-600.

Freundliche Grüße
Katrin Velte
"""

T25 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Rabenquell im Schwalm-Eder-Kreis hat genau 10.000 Einwohner.
Gemeinsam mit unserer Nachbargemeinde Wolfsbrunnau (rund 6.000
Einwohner) möchten wir eine Integrationsstrategie entwickeln; Bauhof und
Standesamt betreiben wir schon seit Jahren zusammen.

Ist eine solche Zusammenarbeit für uns überhaupt vorgesehen, obwohl wir
nicht unter 10.000 Einwohnern liegen? Und wenn wir es gemeinsam machen:
Muss die fertige Strategie dann in beiden Gemeindevertretungen
beschlossen werden, oder genügt ein gemeinsamer Beschluss?

Mit freundlichen Grüßen

Gerhard Möller
Bürgermeister der Gemeinde Rabenquell
Tel. 05681 0922-10
"""

H26 = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
--></style>
</head>
<body lang="DE" link="#0563C1" vlink="#954F72">
<div class="WordSection1">
<p class="MsoNormal">Guten Tag,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Krebsmühl ist eine Gemeinde im Landkreis Waldeck-Frankenberg
mit 9.999&nbsp;Einwohnerinnen und Einwohnern (Stand 31.12.2025). Gemeinsam mit
unseren beiden Nachbargemeinden &ndash; die kleinere hat rund 5.200&nbsp;Einwohner
&ndash; würden wir gern eine Vielfalts- und Integrationsstrategie erarbeiten;
die drei Bürgermeister sind sich einig.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Dazu zwei Fragen:<o:p></o:p></p>
<p class="MsoNormal">&nbsp;&nbsp;&nbsp;&bull;&nbsp;Ist so ein Zusammenschluss kleiner
Gemeinden im Programm m&ouml;glich?<o:p></o:p></p>
<p class="MsoNormal">&nbsp;&nbsp;&nbsp;&bull;&nbsp;Wie läuft dann die Antragstellung
praktisch ab &ndash; müssen wir z.&nbsp;B. eine Kooperationsvereinbarung mit
hochladen, und wer von uns füllt den Onlineantrag aus?<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Mit freundlichen Grüßen<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0"
 style="border-collapse:collapse">
<tr>
<td width="260" valign="top" style="border-right:solid #2E75B6 1.0pt;padding:0cm 8pt 0cm 0cm">
<p class="MsoNormal"><b><span style="color:#2E75B6">Annette Vaupel</span></b><o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:9.0pt">Hauptamt&nbsp;/&nbsp;Fördermittel</span><o:p></o:p></p>
</td>
<td valign="top" style="padding:0cm 0cm 0cm 8pt">
<p class="MsoNormal"><span style="font-size:9.0pt">Gemeindeverwaltung Krebsmühl<br>
Am Anger&nbsp;4&nbsp;&middot;&nbsp;34537&nbsp;Krebsmühl<br>
Tel.&nbsp;05621&nbsp;0488-21<br>
<a href="mailto:a.vaupel@krebsmuehl.de">a.vaupel@krebsmuehl.de</a></span><o:p></o:p></p>
</td>
</tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
</div>
</body>
</html>
"""

T27 = """\
Grüß Gott,

ich arbeite in der Verwaltung des Marktes Rottachfeld in Bayern (rund
6.300 Einwohner). Eine Kollegin aus unserer hessischen Partnergemeinde
hat mir vom WIR-Programm erzählt und ganz begeistert von ihrer
Integrationsstrategie berichtet.

Können auch Gemeinden aus anderen Bundesländern mitmachen, oder ist das
Programm ausschließlich für hessische Kommunen gedacht?

Mit freundlichen Grüßen
Veronika Huber
Markt Rottachfeld – Hauptverwaltung
Tel. 08341 0653-14
"""

T28 = """\
Dear WIR team,

Thank you so much for your detailed reply, it was really helpful. I have
shared it with our mayor and we will discuss the next steps in the
social affairs committee later this month.

All the best,
Grace Mbeki
Integration Coordinator, Municipality of Sinnwiesen

On Mon, 5 Oct 2026 at 10:31, Landesprogramm WIR
<landesprogrammWIR@hsm.hessen.de> wrote:
> Sehr geehrte Frau Mbeki,
>
> vielen Dank für Ihre Anfrage. Das WIR-Programm fördert eine externe
> Prozessmoderation, die Städte und Gemeinden zum Beispiel bei der
> Bestandsanalyse bestehender Angebote oder bei Befragungstools begleitet
> und Beteiligungsinstrumente vorschlägt. Die Förderung beträgt maximal
> 30.000 Euro; die Kommunen haben 18 Monate Zeit, eine KIV-Strategie zu
> entwickeln.
>
> An dem Prozess sollen sich neben Politik, Verwaltung und Fachleuten
> idealerweise alle Bürgerinnen und Bürger beteiligen können, etwa bei
> Auftaktveranstaltungen, Planungsworkshops oder an runden Tischen.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
>
> On Thu, 1 Oct 2026 at 16:02, Grace Mbeki <g.mbeki@sinnwiesen.de> wrote:
>> Dear Sir or Madam,
>>
>> Sinnwiesen has about 14,800 residents. What exactly does the KIV
>> funding pay for, how much is available, and how can we involve our
>> residents?
>>
>> Grace Mbeki
"""

T29 = """\
Sehr geehrte Damen und Herren,

wir sind eine kleine Gemeinde in Niedersachsen, direkt an der Grenze zu
Nordhessen, mit ca. 3.800 Einwohnern. Viele unserer Vereine arbeiten eng
mit den hessischen Nachbarorten zusammen, und auch bei der Integration
von Geflüchteten stimmen wir uns mit ihnen ab.

Könnten wir als Gemeinde aus Niedersachsen ebenfalls eine Förderung für
eine Integrationsstrategie bekommen? Und falls ja: Über welche
Größenordnung reden wir da finanziell?

Mit freundlichen Grüßen
Dirk Wedemeyer
Gemeindedirektor
Gemeinde Schedebrück
Tel. 05541 0377-0
"""

T30 = """\
Dear WIR team,

I'm the deputy mayor of Suhlenried, a village of around 4,600 residents
in Thuringia, right on the state border. Just across the river is the
Werra-Meißner district, and we already share a fire brigade and a school
bus service with the Hessian municipality next door.

Our neighbours are planning to apply for KIV funding. Could we join
their strategy as a partner municipality, or even apply ourselves? Or is
that ruled out because we are not in Hesse?

Kind regards,
Jana Lindqvist-Rhode
Deputy Mayor, Suhlenried
"""

T31 = """\
Sehr geehrte Damen und Herren,

die Stadt Sieghöfen in Nordrhein-Westfalen (rund 45 Tsd. Einwohner) ist
über einen Fachartikel auf Ihr WIR-Programm aufmerksam geworden. Wir
sind gerade dabei, ein kommunales Integrationskonzept aufzusetzen, und
würden die Begleitung gern über Ihr Programm finanzieren.

Könnten Sie mir sagen, wie man bei Ihnen einen Antrag stellt und welche
Unterlagen dafür nötig sind? Und wo kann ich die Förderrichtlinie
nachlesen?

Mit freundlichen Grüßen
Tobias Kemper
Kommunales Integrationszentrum
Stadt Sieghöfen
Tel. 02732 0591-226
"""

T32_PLAIN = """\
Ihre Nachricht an l.brandl@zwestengrund.de konnte nicht zugestellt werden.

l.brandl wurde in zwestengrund.de nicht gefunden.

Lena Brandl
Office 365
l.brandl@zwestengrund.de
    Aktion erforderlich        Empfänger

Unbekannter Empfänger

Behebung des Problems

Der Empfänger existiert möglicherweise nicht mehr, oder die Adresse
wurde falsch geschrieben. Prüfen Sie die Adresse und versuchen Sie es
erneut, oder wenden Sie sich auf einem anderen Weg an den Empfänger.

Weitere Informationen für E-Mail-Administratoren
Diagnoseinformationen für Administratoren:

Generierender Server: FR3P281MB0419.DEUP281.PROD.OUTLOOK.COM

l.brandl@zwestengrund.de
Remoteserver hat '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
l.brandl@zwestengrund.de not found by SMTP address lookup' zurückgegeben.
"""

T32_STATUS = """\
Reporting-MTA: dns;FR3P281MB0419.DEUP281.PROD.OUTLOOK.COM
Received-From-MTA: dns;mail.hsm.hessen.de
Arrival-Date: Wed, 14 Oct 2026 13:48:02 +0000

Final-Recipient: rfc822;l.brandl@zwestengrund.de
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
 l.brandl@zwestengrund.de not found by SMTP address lookup
"""

T32_ORIGINAL = """\
Sehr geehrte Frau Brandl,

vielen Dank für Ihre Anfrage. Die Förderung für KIV beläuft sich auf
maximal 30.000 Euro und richtet sich an alle Kommunen mit weniger als
50.000 Einwohnerinnen und Einwohnern; mit 27.000 Einwohnerinnen und
Einwohnern kann die Stadt Zwestengrund daher einen Antrag stellen.

""" + MINISTRY_SIG + "\n"

T33 = """\
Dear Madam or Sir,

I head the integration office of the town of Kerkerbachhain in Hesse.
We have a population of 51,000, so I realise we are slightly above the
figure mentioned in the press release. Is that limit applied strictly,
or is there some flexibility for towns that are only just above it?

Also, for my briefing to the council: how many municipalities have
received KIV funding so far, and since when has the programme been
supporting smaller towns?

With kind regards,
Dr. Ayşe Demirtaş
Head of Integration Office
Town of Kerkerbachhain
Phone +49 6431 0912-500
"""

T34 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Wetschaftsau (Landkreis Marburg-Biedenkopf, ca. 18.700
Einwohner) möchte sich im kommenden Jahr bewerben. In der
Pressemitteilung steht, die Förderung belaufe sich auf maximal 30.000
Euro. Dazu eine Verständnisfrage aus unserer Kämmerei:

Sind die 30.000 Euro pro Jahr gemeint oder für das gesamte Vorhaben? Und
ist das ein Festbetrag, oder müssen wir einen Eigenanteil einplanen?

Mit freundlichen Grüßen
Sven Dörrbecker
Kämmerei
Gemeinde Wetschaftsau
Tel. 06423 0561-40
"""

T35 = """\
Hi there,

We're a small team at the town of Ellerbrück putting together the budget for
a diversity strategy. Our current draft totals €18,000: roughly two
thirds for an external facilitator, the rest for translating a resident
survey, childcare during evening workshops and renting the community
hall.

Would all of that be covered, or only the facilitation? And is €18,000 a
sensible figure to ask for, or does the programme pay a fixed sum?

Cheers,
Emily Nakamura
Community Development, Town of Ellerbrück
"""

T36 = """\
Ich werde ab  09.10.2026 nicht im Büro sein. Ich kehre zurück am
19.10.2026.

Ich werde Ihre Nachricht nach meiner Rückkehr beantworten. In dringenden
Fällen wenden Sie sich bitte an meine Stellvertreterin, Frau Beate
Rüdiger (b.ruediger@haunegrund.de).
"""

T37 = """\
Sehr geehrte Damen und Herren,

wir bereiten gerade den Antrag für unsere Vielfaltsstrategie vor und
skizzieren den Ablauf. Zwei Punkte sind noch offen:

a) Wie holen wir die Bürgerinnen und Bürger konkret ins Boot? Reicht
   eine große Auftaktveranstaltung, oder sollte man lieber mehrere
   kleinere Formate in den Stadtteilen einplanen?

b) Wer muss von Amts wegen dabei sein? Wir denken an die
   Stadtverordnetenversammlung und den Magistrat – aber wie ist es mit
   dem WIR-Vielfaltszentrum unseres Landkreises, des Wetteraukreises?
   Muss das eingebunden werden, und in welcher Form?

Mit freundlichen Grüßen
Miriam Schäfer-Nolte
Fachbereich Soziales
Stadt Nidderfels
Tel. 06187 0332-41
"""

T38 = """\
Liebe Kolleginnen und Kollegen,

als eine von vielen kleinen hessischen Städten (knapp 15.000 Einwohner)
haben wir großes Interesse an der KIV-Förderung. In der Pressemitteilung
ist von 18 Monaten die Rede. Unser Stadtverordnetenvorsteher fragt, was
passiert, wenn wir es in dieser Zeit nicht schaffen – kann man
verlängern?

Außerdem: Muss die Strategie am Ende zwingend von der
Stadtverordnetenversammlung beschlossen werden, oder reicht ein
Magistratsbeschluss?

Herzliche Grüße aus Lerchenhöh
Ingrid Weppler
Stabsstelle Bürgermeister
"""

T39 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre schnelle Antwort, das hilft uns sehr weiter!

Beim Lesen ist mir noch eine Sache eingefallen: Müssen wir dem
Onlineantrag schon einen Beschluss der Gemeindevertretung beifügen, oder
können wir den nachreichen? Die nächste Sitzung ist erst im Dezember.

Viele Grüße
Sabrina Fenchel
Gemeinde Ulfatal – Hauptamt
Tel. 06644 0382-15

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Donnerstag, 8. Oktober 2026 11:40
An: Fenchel, Sabrina <s.fenchel@ulfatal.de>
Betreff: AW: KIV-Förderung für Ulfatal?

Sehr geehrte Frau Fenchel,

vielen Dank für Ihre Anfrage. Die Förderung richtet sich an alle
hessischen Kommunen mit weniger als 50.000 Einwohnerinnen und
Einwohnern; mit 12.400 Einwohnerinnen und Einwohnern ist die Gemeinde
Ulfatal antragsberechtigt. Die Förderung beträgt maximal 30.000 Euro.

Für das laufende Jahr stehen noch Fördermittel zur Verfügung, die jetzt
online beantragt werden können. Den Link zur Onlineantragstellung und
eine Anleitung finden Sie unter www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + """

-----Ursprüngliche Nachricht-----
Von: Fenchel, Sabrina <s.fenchel@ulfatal.de>
Gesendet: Mittwoch, 7. Oktober 2026 15:12
An: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Betreff: KIV-Förderung für Ulfatal?

Hallo,

Ulfatal (Vogelsbergkreis) hat 12.400 Einwohner. Können wir uns bewerben,
wie viel Geld gibt es und ist für 2026 noch etwas übrig?

Sabrina Fenchel
"""

T40 = """\
Guten Tag,

danke für die Infos und den Link zur Anleitung – ist alles angekommen.
Ich habe es gleich an unseren Bürgermeister weitergeleitet.

Schöne Grüße aus Aulabrunn
Martina Eifert
Gemeindeverwaltung Aulabrunn
"""

T41 = """\
Sehr geehrte Damen und Herren,

ich hatte Ihnen am 28. September schon einmal geschrieben, aber meine
Mail ist als unzustellbar zurückgekommen (siehe unten) – offenbar hatte
ich mich bei der Adresse vertippt. Ich hoffe, diesmal klappt es.

Wir haben im Juli unseren KIV-Antrag online eingereicht und seitdem
nichts mehr gehört. Können Sie mir sagen, wie der Stand ist? Und falls
es schneller geht: Unter welcher Nummer erreiche ich die zuständige
Sachbearbeitung am besten telefonisch?

Mit freundlichen Grüßen
Jürgen Wissner
Gemeinde Erlenhöhe

-------- Weitergeleitete Nachricht --------
Betreff: Undelivered Mail Returned to Sender
Datum: Mon, 28 Sep 2026 10:02:17 +0200 (CEST)
Von: Mail Delivery System <MAILER-DAEMON@mail.erlenhoehe.de>
An: j.wissner@erlenhoehe.de

This is the mail system at host mail.erlenhoehe.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<landesprogrammwir@hsm.hesen.de>: Host or domain name not found. Name
    service error for name=hsm.hesen.de type=MX: Host not found, try again

------ Original message ------
Subject: Nachfrage KIV-Antrag Gemeinde Erlenhöhe
From: Jürgen Wissner <j.wissner@erlenhoehe.de>
To: landesprogrammwir@hsm.hesen.de
Date: Mon, 28 Sep 2026 10:02:11 +0200

Sehr geehrte Damen und Herren,

die Gemeinde Erlenhöhe (ca. 6.900 Einwohner, Landkreis Limburg-Weilburg)
hat am 22. Juli 2026 eine Förderung über 24.000 Euro beantragt. Bis wann
können wir mit einer Entscheidung rechnen?

Jürgen Wissner
"""

T42 = """\
Hallo zusammen,

danke nochmal für Ihre Infos vom September, die haben wir im
Fachausschuss vorgestellt. Inzwischen ist eine neue Frage aufgetaucht:
Welche Rolle spielt eigentlich der Landkreis? Muss das WIR-Vielfaltszentrum
beteiligt werden, und ab welchem Zeitpunkt? Und müssen unsere vier
Ortsbeiräte formal eingebunden werden, oder reicht die
Stadtverordnetenversammlung?

Viele Grüße
Jonas Feick
Stadt Wohrahain

Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> schrieb am Di., 1.
Sept. 2026 um 09:12 Uhr:

> Sehr geehrter Herr Feick,
>
> vielen Dank für Ihre Anfrage. Mit 14.200 Einwohnerinnen und Einwohnern
> kann die Stadt Wohrahain die KIV-Förderung beantragen. Die Förderung
> beläuft sich auf maximal 30.000 Euro; gefördert wird eine externe
> Prozessmoderation. Teilnehmende Kommunen haben 18 Monate Zeit, eine
> KIV-Strategie zu entwickeln.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
>
"""

T43 = """\
Dear WIR team,

Thanks again for your helpful reply. Our council approved the
application last night, so we are moving on to planning, and two more
questions have come up:

- How long do we have for the whole process once the funding is
  approved? Our facilitator suggested a two-year timeline.
- Are there particular bodies we have to involve, for example the
  district's diversity centre or our foreigners' advisory council, and
  in what role?

Best,
Marco Rinaldi
Town of Gründelbach

On Thu, 17 Sep 2026 at 15:40, Landesprogramm WIR
<landesprogrammWIR@hsm.hessen.de> wrote:
> Sehr geehrter Herr Rinaldi,
>
> vielen Dank für Ihre Anfrage. Die Förderung richtet sich an alle
> hessischen Kommunen mit weniger als 50.000 Einwohnerinnen und
> Einwohnern; mit 32.000 Einwohnerinnen und Einwohnern kann Gründelbach
> daher einen Antrag stellen. Die Förderung beträgt maximal 30.000 Euro.
> Den Antrag stellen Sie online über www.integrationskompass.hessen.de.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
>
> On Tue, 15 Sep 2026 at 11:02, Marco Rinaldi <m.rinaldi@gruendelbach.de>
> wrote:
>> Dear Sir or Madam,
>>
>> Gründelbach (Lahn-Dill district, population about 32,000) would like
>> to apply for KIV funding. Are we eligible, how much can we get and
>> how do we apply?
>>
>> Marco Rinaldi
"""

T44 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Ihre Anfrage wurde unter der Nummer
2026101610000217 erfasst und an die zuständige Fachabteilung
weitergeleitet.

Bitte geben Sie diese Nummer bei allen Rückfragen im Betreff an. Wir
bemühen uns, Ihr Anliegen innerhalb von fünf Werktagen zu bearbeiten.

Dies ist eine automatisch erstellte Nachricht. Bitte antworten Sie nicht
direkt auf diese E-Mail.

Ihr Bürgerservice
Stadt Nidderfels
"""

T45 = """\
Hallo Frau Baumann, hallo WIR-Team,

wir sind mittlerweile mitten in der Planung und hätten noch eine
praktische Frage zu den Kosten: Dürfen wir aus den Fördermitteln auch
die Miete für das Bürgerhaus, die Verpflegung bei den Workshops und
Honorare für Sprachmittlerinnen bezahlen? Oder ist das Geld
ausschließlich für das Moderationsbüro gedacht?

Danke und viele Grüße
Thomas Reinhold
Gemeinde Schwarzenried

Am 14.08.2026 um 16:05 schrieb Landesprogramm WIR:
> Sehr geehrter Herr Reinhold,
>
> vielen Dank für Ihre Anfrage. Die KIV-Förderung richtet sich an
> hessische Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen
> und Einwohnern und beläuft sich auf maximal 30.000 Euro. Für das
> laufende Jahr stehen noch Fördermittel zur Verfügung, die jetzt online
> beantragt werden können.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
>
> Am 12.08.2026 um 09:47 schrieb Thomas Reinhold:
>> Guten Tag,
>>
>> die Gemeinde Schwarzenried (ca. 6.800 Einwohner) plant Kosten von
>> 28.000 Euro. Können wir das beantragen, und bis wann?
>>
>> Thomas Reinhold
"""

H46 = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
table.Eckdaten td {border:solid #BFBFBF 1.0pt;padding:2pt 6pt;font-size:10.0pt;}
--></style>
</head>
<body lang="DE" link="#0563C1" vlink="#954F72">
<div class="WordSection1">
<p class="MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">die Stadt Rodautal möchte noch in diesem Jahr einen Antrag auf
Förderung einer kommunalen Vielfalts- und Integrationsstrategie stellen. Unsere
Eckdaten habe ich Ihnen unten zusammengestellt.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="Eckdaten" border="1" cellspacing="0" cellpadding="0"
 style="border-collapse:collapse;border:none">
<tr><td><b>Kommune</b></td><td>Stadt Rodautal</td></tr>
<tr><td><b>Landkreis</b></td><td>Rheingau-Taunus-Kreis</td></tr>
<tr><td><b>Einwohner (31.12.2025)</b></td><td>31.250</td></tr>
<tr><td><b>Ansprechpartnerin</b></td><td>Carina Heß, Amt&nbsp;50</td></tr>
<tr><td><b>Geplanter Start</b></td><td>01.03.2027</td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Folgende Fragen haben wir:<o:p></o:p></p>
<p class="MsoNormal">1.&nbsp;&nbsp;Welche Unterlagen müssen wir beim Onlineantrag
hochladen?<o:p></o:p></p>
<p class="MsoNormal">2.&nbsp;&nbsp;Reicht es, wenn der Antrag bis zum 30.11. eingeht,
oder gibt es einen früheren Stichtag?<o:p></o:p></p>
<p class="MsoNormal">3.&nbsp;&nbsp;Wo kann ich die Förderrichtlinie als Dokument
herunterladen?<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Vielen Dank und freundliche Grüße<o:p></o:p></p>
<p class="MsoNormal">Carina Heß<o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">Magistrat der Stadt
Rodautal&nbsp;|&nbsp;Amt für Soziales und Integration&nbsp;|&nbsp;Tel.&nbsp;06124&nbsp;0871-503</span><o:p></o:p></p>
</div>
</body>
</html>
"""

T47_NOTICE = """\
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

<a.kuhl@wiesecktal.de>: connect to mx01.wiesecktal.de[203.0.113.77]:25:
    Connection timed out
"""

T47_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4N3cK80vVqz9sY1
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Mon, 19 Oct 2026 08:55:12 +0200 (CEST)

Final-Recipient: rfc822; a.kuhl@wiesecktal.de
Original-Recipient: rfc822;a.kuhl@wiesecktal.de
Action: delayed
Status: 4.4.1
Will-Retry-Until: Sat, 24 Oct 2026 08:55:12 +0200 (CEST)
Diagnostic-Code: X-Postfix; connect to mx01.wiesecktal.de[203.0.113.77]:25:
    Connection timed out
"""

T48 = """\
Sehr geehrte Damen und Herren,

die Stadt Elbbachtal im Lahn-Dill-Kreis (gut 27.000 Einwohner) würde
gern noch in diesem Herbst mit einer Integrationsstrategie beginnen. Im
Haushaltsentwurf haben wir dafür vorsorglich 25.000 € eingestellt.

Unser Kämmerer möchte zweierlei wissen: Ist für 2026 überhaupt noch Geld
„im Topf“, oder kommen wir zu spät? Und wie viel gibt das Land maximal
dazu – reichen unsere 25.000 € als Ansatz?

Mit freundlichen Grüßen
Dieter Wagner
Stadt Elbbachtal – Fachbereich Finanzen
Tel. 02771 0492-130
"""

T49 = """\
Hello WIR team,

How do you get people to actually show up? In our town of roughly 16,400
people, every public meeting on integration attracts the same twenty or
so faces. For our planned strategy we would love to hear from young
people, shift workers and families who have only just arrived - ideally
without making them sit through a two-hour evening session at the town
hall. What approaches have worked elsewhere?

Separately, and probably not your area: our volunteers run a weekly
German conversation cafe and are looking for a small grant for books and
materials. Is there state money for that sort of thing?

Best regards,
Hannah Whitfield
Neighbourhood Coordinator, Town of Taubenwiesen
"""

T50 = """\
Dear Sir or Madam,

Our local football club in Quellenried would like to offer free
memberships and kit to children from refugee families, and the club
chair has asked the municipality for help with the costs.

Is there a state funding scheme for integration through sport, and if
so, how would the club apply for it?

Kind regards,
Peter O'Donnell
Sports and Leisure Office, Municipality of Quellenried
"""

T51 = """\
Hi,

Thanks for your message. I'm away from my desk until Monday 19 October
with no access to email. If your message is urgent, please contact our
front office at info@ellerbrueck.de.

Kind regards,
Emily
"""

T52 = """\
Hallo,

wir sind die Gemeinde Seemental im Landkreis Fulda, ca. 5.200 Einw., und
wollen eine Integrationsstrategie angehen. Zwei Sachen:

Kann man mit dem Fördergeld auch unser jährliches Fest der Kulturen
bezahlen, oder muss das Geld komplett in die Begleitung des Prozesses
fließen?

Und etwas ganz anderes: Mehrere Geflüchtete bei uns würden gern als
Busfahrer arbeiten, aber ihr Führerschein wird hier nicht anerkannt.
Wissen Sie, wer da weiterhelfen kann?

Gruß
Bernd Hohmann
Gemeinde Seemental, Ordnungsamt
"""

T53 = """\
Dear colleagues,

Our working group has started preparing a KIV application, and I am
trying to explain the process to our councillors. What exactly should
we have in hand at the end of the 18 months - a written strategy, an
action plan, or both? Does the municipal council have to vote on it?

And along the way, are there bodies we are expected to bring in, such
as the district's WIR diversity centre?

Many thanks,
Oliver Grant
Working Group Diversity, Kellerwaldhausen
"""

T54 = """\
Liebes WIR-Team,

danke für das nette Telefonat heute Vormittag, das hat mir sehr
geholfen. Wie besprochen melden wir uns, sobald der Gemeindevorstand
entschieden hat. Sollten danach noch Fragen auftauchen, schreibe ich
Ihnen einfach.

Herzliche Grüße
Anke Jüngst
Gemeinde Fuldenrode
Tel. 06655 0218-30
"""

T55 = """\
Sehr geehrte Damen und Herren,

in unserer kleinen nordhessischen Gemeinde soll im Frühjahr die
Auftaktveranstaltung für unsere Integrationsstrategie stattfinden. Wir
überlegen gerade, wie wir die Leute erreichen, die sonst nie zu solchen
Abenden kommen – Schichtarbeiter, junge Familien, Menschen, die erst
seit Kurzem hier wohnen. Welche Formate würden Sie empfehlen?

Am liebsten würden wir das einmal direkt mit jemandem von Ihnen
durchsprechen. Könnten wir einen Telefontermin vereinbaren, und wer
wäre dafür die richtige Ansprechperson?

Mit freundlichen Grüßen
Heiko Stöhr
Gemeinde Mardertal
Bürgermeisterbüro
"""

T56 = """\
Sehr geehrte Damen und Herren,

am 21.08.2026 haben wir für die Stadt Birkenhainau mit ihren 14.950
Einwohnern die KIV-Förderung online beantragt (Antragsnummer
KIV-2026-0291). Ihre Kollegin Frau Becker meinte im September am
Telefon, wir hätten nach etwa sechs Wochen einen Bescheid.

Die sechs Wochen sind inzwischen um. Ist der Bescheid schon unterwegs,
oder fehlt noch etwas? Unser Moderationsbüro hält uns den Termin für den
Auftakt nur noch bis Ende Oktober frei.

Mit freundlichen Grüßen
Christina Lorenz
Magistrat der Stadt Birkenhainau
Amt für Familie und Soziales
Tel. 06031 0655-241
"""

T57 = """\
Hi. This is the qmail-send program at mx2.lindelbrueck.de.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<integration@lindelbrueck.de>:
203.0.113.88 does not like recipient.
Remote host said: 550 5.1.1 <integration@lindelbrueck.de>... User unknown
Giving up on 203.0.113.88.

--- Below this line is a copy of the message.

"""

T57_ORIGINAL = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Anfrage. An dem Prozess sollen sich neben Politik,
Verwaltung und Fachleuten idealerweise alle Bürgerinnen und Bürger vor
Ort beteiligen können, zum Beispiel bei Auftaktveranstaltungen,
Strategie- und Planungsworkshops oder an runden Tischen.

""" + MINISTRY_SIG + "\n"

T58 = """\
Dear WIR team,

We received the approval notice for our KIV project on 2 September -
thank you! Two things are still unclear to us:

First, the first payment has not reached our account yet. Could you
check whether it has been released? Our treasury account is
DE27 5139 0000 0082 4401 93 (Municipality of Brachtgrund).

Second, from which date do the 18 months run - the date of the approval
notice, or the day our facilitator starts work? We would like to plan
the final council meeting accordingly.

Kind regards,
Samuel Adeyemi
Finance Department, Municipality of Brachtgrund
Phone +49 6032 0741-22
"""

T59 = """\
Sehr geehrte Damen und Herren,

in Kerbachsried leben derzeit rund 900 Einwohnerinnen und Einwohner mit
Migrationshintergrund, die meisten sind in den letzten drei Jahren zu
uns gekommen. Bei insgesamt 11.800 Menschen ist das für eine Gemeinde im
Landkreis Limburg-Weilburg eine spürbare Veränderung, und wir möchten
das Zusammenleben bewusst gestalten.

Kommen wir für die KIV-Förderung in Betracht? Und wenn ja: Hat das Zeit
bis zum Frühjahr, oder sollten wir uns beeilen, weil die Mittel sonst
vergeben sind?

Mit freundlichen Grüßen
Klaus-Peter Jung
Bürgermeister
Gemeinde Kerbachsried
"""

T60 = """\
Guten Tag,

Ihre Anfrage wurde unter der Nummer 2026-0047113 erfasst. Eine
Mitarbeiterin oder ein Mitarbeiter wird sich schnellstmöglich bei Ihnen
melden.

Bitte beachten Sie: Dieses Postfach wird automatisch verwaltet.
Antworten auf diese Nachricht werden dem Vorgang zugeordnet.

Mit freundlichen Grüßen
Ihr Servicecenter der Gemeinde Modaubrunn
"""

T61 = """\
Guten Tag,

unsere Gemeinde hat rund 6.100 Einwohner und liegt sehr ländlich. Wir
würden die Integrationsstrategie gern zusammen mit zwei
Nachbargemeinden angehen, weil viele Angebote (Tafel, Sprachcafé,
Jugendarbeit) ohnehin gemeinsam laufen.

Ist so ein gemeinsames Vorgehen im Programm vorgesehen? Und bekommen wir
dann mehr Zeit als eine einzelne Kommune? Drei Gemeindevertretungen
unter einen Hut zu bringen, dauert erfahrungsgemäß.

Mit freundlichen Grüßen
Ramona Dietz
Gemeinde Sinnbachsgrund
Tel. 06056 0711-12
"""

T62 = """\
Moin aus Hohenwetter,

kurze Frage: Ist für diese Jahr bei der KIV-Förderung noch was zu holen,
oder sind die Mittel schon weg? Und falls noch was da ist – wie kommen
wir an den Antrag ran, gibts da ein Formular zum Ausdrucken oder läuft
alles online?

Und mal ganz doof gefragt: Was genau ist KIV eigentlich, und gibts das
schon länger? Ich hab bisher nur den Zeitungsartikel gelesen.

Hintergrund: Wir sind eine Gemeinde im Werra-Meißner-Kreis und haben
das Thema seit dem Frühjahr auf der Liste, aber erst jetzt Luft dafür.

Gruß
Sebastian Rehm
Gemeinde Hohenwetter
"""

T63 = """\
Sehr geehrte Damen und Herren,

herzlichen Dank für den Zuwendungsbescheid vom 9. Oktober, der heute
bei uns eingegangen ist. Wir freuen uns sehr und starten wie geplant am
12. November mit der Auftaktveranstaltung im Dorfgemeinschaftshaus.

Mit freundlichen Grüßen

Helga Rauch
Bürgermeisterin
Gemeinde Dornbachau
Lindenplatz 2 - 35117 Dornbachau
Tel. 06451 0238-0 - Fax 06451 0238-19
Az. 51-207/2026
"""

T64 = """\
Guten Tag,

steht in der WIR-Förderrichtlinie eigentlich drin, ob man auch
Verpflegung und Raummiete für die Workshops abrechnen kann? Ich würde
das gern selbst nachlesen, finde die Richtlinie aber nirgends. Können
Sie mir sagen, wo ich sie bekomme?

Danke und viele Grüße
Lisa Marquardt
Gemeinde Fasanenried
"""

T65 = """\
Sehr geehrte Damen und Herren,

die Stadt Haselgrund (Landkreis Gießen, gut 21.000 Einwohner) überlegt,
sich für die KIV-Förderung zu bewerben. Bevor wir in die Politik gehen,
würde ich gern etwas über die Erfahrungen anderer Kommunen wissen:

- Wie viele Kommunen haben bisher mitgemacht?
- Wie haben die anderen die Menschen vor Ort beteiligt – eher mit
  großen Veranstaltungen oder mit kleinen Runden in den Stadtteilen?
- Und was passiert nach dem Prozess: Werden die Strategien tatsächlich
  beschlossen, und was folgt dann daraus?

Mit freundlichen Grüßen
Nicole Bauer
Stadt Haselgrund
Büro für Integration und Ehrenamt
Tel. 06403 0773-281
"""

T66 = """\
Dear sender,

This is an automated confirmation. Your request has been received and
logged under reference number SR-2026-118834. A member of our team will
respond within three working days.

Please do not reply to this message. To add information to your
request, start a new message and include the reference number in the
subject line.

Municipality of Orkebrueck - Citizen Service Desk
"""

T67 = """\
Hallo,

unser Bürgermeister möchte ab nächstem Jahr einmal im Jahr eine kleine
Einbürgerungsfeier im Rathaus ausrichten, so wie es einige größere
Städte machen. Gibts dafür vom Land irgendwelche Zuschüsse oder einen
Leitfaden, wie man so eine Feier organisiert? Ich hab auf der
Landesseite nix gefunden.

Vielen dank schonmal
Yvonne Pfeifer
Gemeinde Kupferhain, Standesamt
"""

T68_NOTICE = """\
Dies ist eine automatisch erzeugte Nachricht des Mailservers
mx.erzbachtal.de.

Ihre Nachricht konnte nicht zugestellt werden.

  Empfänger:  m.gerlach@erzbachtal.de
  Grund:      Die Nachricht wurde vom Inhaltsfilter des Empfängers
              abgewiesen (554 5.7.1 Message rejected by content filter).

Die ursprüngliche Nachricht finden Sie im Anhang. Bitte wenden Sie sich
bei Fragen an postmaster@erzbachtal.de.
"""

T68_ORIGINAL = """\
Sehr geehrter Herr Gerlach,

vielen Dank für Ihre Anfrage. Teilnehmende Kommunen haben 18 Monate
Zeit, eine KIV-Strategie zu entwickeln und sie mit zukunftsorientierten
Maßnahmen und neuen Projekten zu untermauern. Ziel ist, die
KIV-Strategie im Kommunalparlament zu verabschieden.

""" + MINISTRY_SIG + "\n"

T69 = """\
Sehr geehrte Damen und Herren,

die Stadt Mühlwetter im Kreis Groß-Gerau hat 38.600 Einwohnerinnen und
Einwohner, davon ca. 9.200 mit ausländischem Pass. Wir möchten eine
Vielfalts- und Integrationsstrategie entwickeln und haben dafür
EUR 20.000,- im Haushalt vorgesehen.

Ich habe drei Fragen:

1. Sind wir als Stadt dieser Größe antragsberechtigt?
2. Deckt die Förderung die gesamten EUR 20.000,- ab, oder gibt es eine
   Quote?
3. Was genau wird finanziert – nur die Moderation, oder auch eine
   Online-Befragung, die wir extern vergeben würden?

Mit freundlichen Grüßen
Fatma Yılmaz
Leiterin der Stabsstelle Integration
Magistrat der Stadt Mühlwetter
Tel. 06152 0384-117
"""

T70 = """\
Sehr geehrte Damen und Herren,

ganz herzlichen Dank für die schnelle und freundliche Rückmeldung und
die Anleitung zum Onlineantrag. Ob wir den Antrag noch in diesem Jahr
stellen, entscheidet der Gemeindevorstand am kommenden Montag; ich gebe
Ihnen dann Bescheid.

Ihnen ein schönes Wochenende!

Reinhard Stamm
Gemeinde Bornwiesen
"""

# --------------------------------------------------------------------------
# Demo mails for newcomers (mailbox/demo). Invented like everything else.
# --------------------------------------------------------------------------

D01 = """\
Sehr geehrte Damen und Herren,

ich bin Bürgermeisterin der Gemeinde Rosenquell im Odenwaldkreis. Bei
uns leben 6.450 Einwohnerinnen und Einwohner in vier Ortsteilen, und in
den letzten Jahren sind viele Familien neu zu uns gezogen – aus anderen
Teilen Deutschlands ebenso wie aus dem Ausland.

Wir würden gern gemeinsam mit unseren Vereinen, der Kirchengemeinde und
den Schulen eine Vorstellung davon entwickeln, wie gutes Zusammenleben
in Rosenquell aussehen kann. Kann eine Gemeinde unserer Größe die
Förderung für eine Vielfalts- und Integrationsstrategie beantragen?

Über eine kurze Rückmeldung freue ich mich.

Mit freundlichen Grüßen
Elisabeth Hartung
Bürgermeisterin der Gemeinde Rosenquell
Tel. 06063 0417-10
"""

D02 = """\
Dear WIR team,

I work in the mayor's office of Hainbuchenrode, a town of about 18,200
people in the Main-Kinzig district of Hesse. We have just started
thinking about a local diversity and integration strategy, and I have
been asked to find out a few basics before our next staff meeting:

1. How much funding can a town like ours receive?
2. What can the money be used for - only an external facilitator, or
   other costs as well?
3. How do we apply, and is there any guidance for filling in the
   application?

Thank you very much for your help.

Best regards,
Rebecca Holloway
Policy Officer, Mayor's Office
Town of Hainbuchenrode
Phone +49 6181 0533-214
"""

D03 = """\
Sehr geehrte Damen und Herren,

die Stadt Ahlenbrunn im Kreis Offenbach hat 62.300 Einwohnerinnen und
Einwohner. Wir arbeiten seit einigen Jahren mit einem
Integrationskonzept und möchten es nun zu einer umfassenden
Vielfaltsstrategie weiterentwickeln.

Ist eine Stadt unserer Größe im Programm WIR für die KIV-Förderung
antragsberechtigt? Falls nicht, wären wir für einen Hinweis dankbar, an
wen wir uns stattdessen wenden können.

Mit freundlichen Grüßen
Dr. Markus Lehnert
Leiter des Amtes für Integration und Vielfalt
Magistrat der Stadt Ahlenbrunn
Tel. 06103 0866-400
"""

D04 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Kelstertal hat am 3. September 2026 über das Onlineportal
einen Antrag auf Förderung einer Vielfalts- und Integrationsstrategie
gestellt (Antragsnummer KIV-2026-0342).

Könnten Sie mir sagen, wie weit die Bearbeitung ist und wann wir
ungefähr mit einer Entscheidung rechnen können? Wir würden das
Moderationsbüro gern rechtzeitig informieren.

Vielen Dank und freundliche Grüße
Tanja Roth
Hauptamt, Gemeinde Kelstertal
Tel. 06128 0392-21
"""

D05 = """\
Liebes WIR-Team,

in Eschenquell (Vogelsbergkreis) möchten wir bei unserer künftigen
Integrationsstrategie möglichst viele Menschen mitnehmen – nicht nur
die, die ohnehin in Vereinen und Gremien aktiv sind, sondern auch
Jugendliche, ältere Menschen und Familien, die erst kurz hier leben.

Welche Beteiligungsformate haben sich in anderen Kommunen bewährt? Wir
denken an einen Auftakt im Bürgerhaus, sind aber offen für Ideen.

Herzliche Grüße aus dem Vogelsberg
Jan Oberländer
Gemeinde Eschenquell – Jugend, Senioren und Integration
"""

D06 = """\
Dear Sir or Madam,

I recently joined the town of Gelsterbach as integration coordinator.
Our councillors have heard about the WIR programme and asked me to give
a short presentation on it at their next meeting.

Could you tell me a little about the background of the KIV funding line
- since when it has existed and how many municipalities have taken part
so far? And who would be the best person to contact if questions come
up during the meeting?

Kind regards,
Daniela Costa
Integration Coordinator, Town of Gelsterbach
"""

D07 = """\
Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 23. Oktober 2026 im Urlaub und lese in dieser
Zeit keine E-Mails. Ihre Nachricht wird nicht weitergeleitet.

In dringenden Fällen erreichen Sie das Vorzimmer unter
Tel. 06063 0417-0 oder rathaus@rosenquell.de.

Mit freundlichen Grüßen
Elisabeth Hartung
Bürgermeisterin der Gemeinde Rosenquell
"""

D08_NOTICE = """\
This is the mail system at host mail.hsm.hessen.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<info@bieberwiesen.de>: host mx.bieberwiesen.de[198.51.100.142] said: 550
    5.1.1 <info@bieberwiesen.de>: Recipient address rejected: User unknown
    in local recipient table (in reply to RCPT TO command)
"""

D08_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4N5fR21kLmz9sZ7
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Thu, 15 Oct 2026 10:21:44 +0200 (CEST)

Final-Recipient: rfc822; info@bieberwiesen.de
Original-Recipient: rfc822;info@bieberwiesen.de
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.bieberwiesen.de
Diagnostic-Code: smtp; 550 5.1.1 <info@bieberwiesen.de>: Recipient address
    rejected: User unknown in local recipient table
"""

D08_ORIGINAL = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Anfrage. Die WIR-Förderrichtlinie und weitere
Informationen finden Sie auf der Website www.integrationskompass.hessen.de.
Dort steht auch der Link zur Onlineantragstellung mit einer begleitenden
Anleitung bereit.

""" + MINISTRY_SIG + "\n"

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


def oct26(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute, second, tzinfo=CEST)

# --------------------------------------------------------------------------
# The 70 cases. Each case holds the mail's data and its label.
#   date: (day in October 2026, hour, minute, second), CEST (+0200)
#   client: decides Message-ID style and client headers
#   body: how the MIME structure is built (see build_body)
#   evidence: for each fact, the literal words of the new text it comes from
#   quote: the first line of the quoted/forwarded part (not labelled)
#   quoted: strings that occur only in that part (traps that must stay unlabelled)
# --------------------------------------------------------------------------

NULL_FACTS = dict(population=None, amount_eur=None, state=None, eligibility=None)

CASES = [
    dict(n=1, kind="inquiry", language="de", intents=["eligibility"],
         population=12000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Eichelsgrund. '12.000 Einwohner'; Vogelsbergkreis implies "
               "Hessen. Asks whether a municipality of this size comes into "
               "question ('in Frage kommen', no 'antragsberechtigt'). Traps: "
               "postcode, phone/fax and 'Az. 022-14/2026' in the signature. Plain "
               "text, UTF-8 quoted-printable (Outlook/Exchange).",
         sender=("Reuß, Simone", "s.reuss@eichelsgrund.de"),
         subject="Anfrage Förderung Vielfaltsstrategie - Gemeinde Eichelsgrund",
         date=(1, 8, 47, 13), client="exchange", org="Gemeindeverwaltung Eichelsgrund",
         evidence=dict(population="12.000 Einwohner", state="Vogelsbergkreis"),
         body=dict(type="plain", text=T01, cte="quoted-printable")),

    dict(n=2, kind="inquiry", language="de", intents=["contact", "funding_amount"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Brunnwetter, colloquial with typos ('Haushalsplan', "
               "'gibts'). 'Mit welchem Budget ... planen' = funding amount without "
               "the usual keywords; asks for someone to call = contact. Traps: "
               "'Haushaltsplan 2027' is a year, the IBAN of the Gemeindekasse in "
               "the signature is no amount. No population, no state. Plain 8bit "
               "(Roundcube).",
         sender=("Jens Ortmüller", "j.ortmueller@brunnwetter.de"),
         subject="Budget für Integrationsstrategie?",
         date=(1, 13, 5, 42), client="roundcube",
         body=dict(type="plain", text=T02, cte="8bit")),

    dict(n=3, kind="inquiry", language="en",
         intents=["eligibility", "joint_application"],
         population=7300, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Town of Kranichsau, English. 'approx. 7,300 inhabitants' (comma as "
               "thousands separator, line break after 'approx.'); 'Werra-Meißner "
               "district of Hesse'. Asks whether a town this size can take part "
               "and whether it may team up with two neighbouring villages. "
               "multipart/alternative (Outlook).",
         sender=("Gallagher, Tom", "t.gallagher@kranichsau.de"),
         subject="KIV funding - small town, joint approach with neighbours?",
         date=(1, 15, 22, 7), client="outlook365", content_language="en-GB",
         evidence=dict(population="approx. 7,300 inhabitants", state="Hesse"),
         body=dict(type="alt", text=T03, html_style="outlook")),

    dict(n=4, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Postfix non-delivery report: multipart/report; "
               "report-type=delivery-status with text/plain, message/delivery-status "
               "(Action: failed, 550 5.4.1 access denied) and the complete returned "
               "ministry answer as message/rfc822 (it mentions 50.000 "
               "Einwohnerinnen und Einwohner and 30.000 Euro, not labelled).",
         sender=None, subject="Undelivered Mail Returned to Sender",
         date=(2, 11, 7, 52), client="postfix_bounce",
         body=dict(type="report", notice=T04_NOTICE, status=T04_STATUS,
                   returned="full", queue_id="4N0bT41qQmz9sW2",
                   original=dict(to=("Jana Sommer", "j.sommer@jossaue.de"),
                                 subject="AW: KIV-Förderung Gemeinde Jossaue",
                                 when=(2, 11, 7, 38),
                                 msgid="<20261002090738.3c9e51@hsm.hessen.de>",
                                 irt="<20260929101544.77ab0c@jossaue.de>",
                                 text=T04_ORIGINAL))),

    dict(n=5, kind="inquiry", language="de",
         intents=["funded_activities", "funding_amount"],
         population=8500, amount_eur=35000, state="Hessen", eligibility="eligible",
         notes="Gemeinde Wiesecktal. 'ca. 8.500 EW'; Landkreis Gießen implies "
               "Hessen. Total of '35.000 €' (above the cap) is the planned sum; "
               "'ca. 22.000 €' for the moderation is only a share of it. Asks which "
               "cost items are eligible and whether the full sum is refunded. "
               "Postcode in signature. Plain, UTF-8 quoted-printable (Outlook).",
         sender=("Kuhl, Andrea", "a.kuhl@wiesecktal.de"),
         subject="Förderfähige Kosten und Förderhöhe - Gemeinde Wiesecktal",
         date=(2, 14, 31, 26), client="outlook365",
         evidence=dict(population="ca. 8.500 EW", amount_eur="35.000 €",
                       state="Landkreis Gießen"),
         body=dict(type="plain", text=T05, cte="quoted-printable")),

    dict(n=6, kind="inquiry", language="de", intents=["deadline"],
         population=12000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Falkenrode. Population in words: 'rund zwölftausend "
               "Einwohnerinnen und Einwohnern'; 'mittelhessische Kleinstadt' "
               "names the state. Asks by when the application must arrive and "
               "whether money is left this year. Confusable with duration: the "
               "'18 Monate' are quoted from the press release and explicitly not "
               "asked about; '19. November' is a council date. Plain 8bit "
               "(Thunderbird).",
         sender=("Katrin Velte", "k.velte@falkenrode.de"),
         subject="Antragsfrist KIV 2026",
         date=(2, 16, 10, 55), client="thunderbird",
         evidence=dict(population="rund zwölftausend", state="mittelhessische"),
         body=dict(type="plain", text=T06, cte="8bit")),

    dict(n=7, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic Exchange inbox-rule out-of-office of the sender of "
               "dev-01: X-Auto-Response-Suppress: All and "
               "X-MS-Exchange-Inbox-Rules-Loop, but no Auto-Submitted; subject "
               "'Automatische Antwort: AW: ...'. multipart/alternative.",
         sender=("Reuß, Simone", "s.reuss@eichelsgrund.de"),
         subject="Automatische Antwort: AW: Anfrage Förderung Vielfaltsstrategie - "
                 "Gemeinde Eichelsgrund",
         date=(5, 10, 2, 31), client="exchange", org="Gemeindeverwaltung Eichelsgrund",
         reply_to_ministry="20261005080224.19d3a7@hsm.hessen.de",
         auto_headers=[("X-Auto-Response-Suppress", "All"),
                       ("X-MS-Exchange-Inbox-Rules-Loop", "s.reuss@eichelsgrund.de")],
         body=dict(type="alt", text=T07, html_style="outlook")),

    dict(n=8, kind="inquiry", language="de", intents=["duration"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Perfwiesen. Asks how much time the whole process may "
               "take and whether it must be finished by the end of 2027 "
               "(duration, confusable with deadline: no question about when to "
               "apply). 'Auftaktveranstaltung' and 'Workshops' are context, not a "
               "participation question. No population, no state. Body is UTF-8 "
               "base64.",
         sender=("Benedikt Sauer", "b.sauer@perfwiesen.de"),
         subject="Zeitplanung Integrationsstrategie",
         date=(5, 11, 20, 4), client="openxchange",
         body=dict(type="plain", text=T08, cte="base64")),

    dict(n=9, kind="inquiry", language="de", intents=["participation"],
         population=23500, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Aartalheim. 'unsere 23 500 Bürgerinnen und Bürger' (space as "
               "thousands separator); 'rund 4.100 Menschen ohne deutschen Pass' "
               "is a subgroup, 'dreißig, vierzig Leute' are numbers in words. "
               "Main-Taunus-Kreis implies Hessen. Asks how to reach people beyond "
               "the usual meeting-goers (no word 'Beteiligung'). "
               "multipart/alternative (Outlook).",
         sender=("Dr. Johanna Wirth", "j.wirth@aartalheim.de"),
         subject="Wie erreichen wir mehr Menschen?",
         date=(5, 14, 46, 18), client="outlook365",
         evidence=dict(population="23 500 Bürgerinnen und Bürger",
                       state="Main-Taunus-Kreis"),
         body=dict(type="alt", text=T09, html_style="outlook")),

    dict(n=10, kind="inquiry", language="de", intents=["stakeholders"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Weiltalrode. Asks which bodies must formally be involved "
               "(Ausländerbeirat, committee, the Vielfaltszentrum of 'unser "
               "Landkreis, der Kreis Offenbach', which implies Hessen). Says "
               "explicitly that citizen participation is not the question "
               "(participation is a trap). No population. Plain 8bit.",
         sender=("Markus Tannert", "m.tannert@weiltalrode.de"),
         subject="Wer muss formal beteiligt werden?",
         date=(6, 9, 12, 40), client="webmail",
         evidence=dict(state="Kreis Offenbach"),
         body=dict(type="plain", text=T10, cte="8bit")),

    dict(n=11, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Amselried thanks for the answer; 'Antrag ... im November' "
               "is a plan, not a question. Long Outlook-style quoted history "
               "('-----Ursprüngliche Nachricht-----' twice) with 9.400 Einwohner, "
               "Wetteraukreis, 30.000 Euro, 18 Monate and her old questions: none "
               "of it is labelled. Plain, UTF-8 quoted-printable.",
         sender=("Mohr, Heike", "h.mohr@amselried.de"),
         subject="AW: Fragen zur KIV-Förderung",
         date=(7, 8, 30, 51), client="outlook365",
         reply_to_ministry="20261006122211.5f0ab3@hsm.hessen.de",
         references_extra=["20261005070301.c4d2e9@amselried.de"],
         quote="-----Ursprüngliche Nachricht-----",
         quoted=["9.400 Einwohnern", "Wetteraukreis", "30.000 Euro"],
         body=dict(type="plain", text=T11, cte="quoted-printable")),

    dict(n=12, kind="inquiry", language="de", intents=["strategy_adoption"],
         population=7412, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Haunegrund. Key-value block 'Einwohnerzahl:  7.412 (Stand "
               "30.06.2026)' and 'Landkreis: Hersfeld-Rotenburg' (implies Hessen). "
               "Asks what comes out at the end, whether the council must adopt it "
               "and what follows. The date is no fact. Plain, UTF-8 "
               "quoted-printable (Apple Mail).",
         sender=("Uwe Schmitt", "buergermeister@haunegrund.de"),
         subject="Was kommt am Ende heraus?",
         date=(7, 10, 55, 2), client="applemail",
         evidence=dict(population="Einwohnerzahl: 7.412", state="Hersfeld-Rotenburg"),
         body=dict(type="plain", text=T12, cte="quoted-printable")),

    dict(n=13, kind="inquiry", language="de", intents=["programme_info"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Stadt Usabrunn, new integration officer. Asks what KIV stands "
               "for, since when smaller municipalities are supported and how many "
               "took part. Trap for guideline: she already has the "
               "Förderrichtlinie and does not ask for it. No population, no state. "
               "Plain 8bit.",
         sender=("Selin Arslan", "s.arslan@usabrunn.de"),
         subject="Hintergrund KIV",
         date=(7, 15, 40, 29), client="thunderbird",
         body=dict(type="plain", text=T13, cte="8bit")),

    dict(n=14, kind="inquiry", language="en", intents=["guideline", "programme_info"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Town of Gilsaheim, intern writing in English. 'a small town in "
               "Hesse' gives the state. Asks about the idea of the programme and "
               "since when the KIV strand runs, and where the official funding "
               "rules are (guideline without the word). No population. Plain 7bit.",
         sender=("Lukas Meinhardt", "praktikum@gilsaheim.de"),
         subject="WIR programme - background and funding rules",
         date=(8, 9, 5, 33), client="webmail",
         evidence=dict(state="Hesse"),
         body=dict(type="plain", text=T14, cte="7bit")),

    dict(n=15, kind="inquiry", language="de", intents=["guideline"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Stadt Ulsterau. Asks for the current WIR-Förderrichtlinie as a "
               "download and where the other information is. Mentions the press "
               "release but asks nothing about the programme itself (not "
               "programme_info). No population, no state. windows-1252 "
               "quoted-printable body (typographic quotes and dash) and "
               "windows-1252 encoded-word Subject and From (Outlook 2010).",
         sender=("Weisbrod, Gabriele", "g.weisbrod@ulsterau.de"),
         subject="„WIR-Förderrichtlinie“ – aktuelle Fassung?",
         date=(8, 11, 18, 45), client="outlook2010", charset="windows-1252",
         org="Magistrat der Stadt Ulsterau",
         body=dict(type="plain", text=T15, cte="quoted-printable",
                   charset="windows-1252")),

    dict(n=16, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English out-of-office (parental leave) of the sender of "
               "dev-03, sent by a Sieve vacation filter: 'Auto: Re: ...' subject, "
               "Auto-Submitted: auto-replied (vacation) and Precedence: bulk. "
               "Plain 7bit.",
         sender=("Tom Gallagher", "t.gallagher@kranichsau.de"),
         subject="Auto: Re: KIV funding - small town, joint approach with neighbours?",
         date=(8, 16, 45, 10), client="vacation",
         reply_to_ministry="20261008144458.2ea7c1@hsm.hessen.de",
         auto_headers=[("Auto-Submitted", "auto-replied (vacation)"),
                       ("Precedence", "bulk")],
         body=dict(type="plain", text=T16, cte="7bit")),

    dict(n=17, kind="inquiry", language="de", intents=["contact"],
         population=4100, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Antreftal. 'gut 4.100 Einwohnerinnen und Einwohnern'; no "
               "state or district named (eligible by the rule). Asks for a contact "
               "person with direct line or an appointment. Confusable with "
               "application_status: 'Einen Antrag haben wir noch nicht gestellt'. "
               "Plain, UTF-8 quoted-printable.",
         sender=("Petra Haas", "vorzimmer@antreftal.de"),
         subject="Ansprechperson KIV-Förderung",
         date=(9, 8, 52, 14), client="exchange",
         evidence=dict(population="gut 4.100 Einwohnerinnen und Einwohnern"),
         body=dict(type="plain", text=T17, cte="quoted-printable")),

    dict(n=18, kind="inquiry", language="de", intents=["application_status"],
         population=None, amount_eur=12500, state="Hessen", eligibility="unknown",
         notes="Gemeinde Twisteaue (Landkreis Kassel in the signature, implies "
               "Hessen). Application of 4 August 2026, requested 'rund 12.500 "
               "Euro'; asks whether it arrived complete and when a decision comes. "
               "Trap: 'Az. 40-312/2026' and phone. No population. multipart/mixed "
               "with a dummy PDF (receipt) attachment.",
         sender=("Ide, Frank", "f.ide@twisteaue.de"),
         subject="Sachstand KIV-Antrag vom 04.08.2026 - Gemeinde Twisteaue",
         date=(9, 10, 14, 37), client="exchange", org="Gemeinde Twisteaue",
         evidence=dict(amount_eur="rund 12.500 Euro", state="Landkreis Kassel"),
         body=dict(type="mixed_pdf", text=T18,
                   filename="Eingangsbestaetigung_KIV-2026-0388.pdf",
                   pdf_lines=["Eingangsbestaetigung Onlineantrag - DUMMY / Testdaten",
                              "Landesprogramm WIR - KIV",
                              "Antragsnummer: KIV-2026-0388",
                              "Antragsteller: Gemeinde Twisteaue",
                              "Eingang: 04.08.2026, 11:02 Uhr",
                              "Dieses Dokument ist frei erfunden."])),

    dict(n=19, kind="inquiry", language="en",
         intents=["application_status", "contact"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Municipality of Orkebrück (written 'Orkebrueck'), English. "
               "Application of 17 July 2026: asks where things stand and whether "
               "anything is missing, and which team member handles the file and "
               "how to reach them by phone. No population, no state. Plain 7bit.",
         sender=("Nadia Osei", "n.osei@orkebrueck.de"),
         subject="KIV application Orkebrueck - status and contact",
         date=(9, 13, 33, 50), client="outlook365", content_language="en-GB",
         body=dict(type="plain", text=T19, cte="7bit")),

    dict(n=20, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Exim 'Mail delivery failed' after retry timeout, single "
               "text/plain part with a copy of the returned message's headers "
               "only. Auto-Submitted and X-Failed-Recipients headers.",
         sender=("Mail Delivery System", "Mailer-Daemon@relay1.hessen.de"),
         subject="Mail delivery failed: returning message to sender",
         date=(9, 14, 2, 19), client="exim_bounce",
         failed_recipient="s.roth@salzboedental.de",
         body=dict(type="plain", text=T20, cte="7bit")),

    dict(n=21, kind="inquiry", language="de", intents=["out_of_scope"],
         population=9000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Emsbachau. 'knapp 9000 Menschen' (no separator); "
               "Hochtaunuskreis implies Hessen. Asks for state money for "
               "parents' German courses and interpreters in day-care centres: "
               "outside the programme. 'Dolmetscher' is no funded_activities "
               "question, 'wo beantragen' refers to that other funding. Plain 8bit.",
         sender=("Claudia Krenzer", "kita@emsbachau.de"),
         subject="Fördertopf für Elternkurse in der Kita?",
         date=(9, 15, 27, 3), client="webmail",
         evidence=dict(population="knapp 9000 Menschen", state="Hochtaunuskreis"),
         body=dict(type="plain", text=T21, cte="8bit")),

    dict(n=22, kind="inquiry", language="de", intents=["eligibility"],
         population=50000, amount_eur=None, state="Hessen", eligibility="not_eligible",
         notes="Stadt Hirschwiesen, Main-Kinzig-Kreis. Edge case: 'exakt 50.000 "
               "Einwohnerinnen und Einwohner' is not below 50,000, so not "
               "eligible; the limit '50.000' is also quoted from the press release "
               "and a lower, unstated statistical figure is mentioned. "
               "Plain, UTF-8 quoted-printable (Outlook).",
         sender=("Jäckel, Oliver", "o.jaeckel@hirschwiesen.de"),
         subject="Einwohnergrenze 50.000 - zählen wir noch?",
         date=(12, 8, 41, 27), client="outlook365",
         evidence=dict(population="exakt 50.000 Einwohnerinnen und Einwohner",
                       state="Main-Kinzig-Kreis"),
         body=dict(type="plain", text=T22, cte="quoted-printable")),

    dict(n=23, kind="inquiry", language="de",
         intents=["eligibility", "funding_amount"],
         population=49999, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Modaubrunn, Landkreis Darmstadt-Dieburg. Edge case: "
               "'49.999 Einwohner' (line break inside) is just below the limit. "
               "Asks whether it may still apply when growing past 50.000 during "
               "the 'Laufzeit' (eligibility, not duration) and how high the "
               "funding is. ISO-8859-1 quoted-printable body and ISO-8859-1 "
               "encoded-word Subject and From.",
         sender=("Rainer Bickel", "r.bickel@modaubrunn.de"),
         subject="Antragsberechtigung und Förderhöhe bei 49.999 Einwohnern",
         date=(12, 10, 6, 11), client="outlook2010", charset="iso-8859-1",
         evidence=dict(population="49.999 Einwohner", state="Darmstadt-Dieburg"),
         body=dict(type="plain", text=T23, cte="quoted-printable",
                   charset="iso-8859-1")),

    dict(n=24, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic vacation notice of the sender of dev-06 with an "
               "ordinary 'AW:' subject and no automation header at all: "
               "recognisable only by the text. Plain 8bit.",
         sender=("Katrin Velte", "k.velte@falkenrode.de"),
         subject="AW: Antragsfrist KIV 2026",
         date=(12, 11, 30, 44), client="thunderbird",
         reply_to_ministry="20261012093039.b81f4e@hsm.hessen.de",
         body=dict(type="plain", text=T24, cte="8bit")),

    dict(n=25, kind="inquiry", language="de",
         intents=["joint_application", "strategy_adoption"],
         population=10000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Rabenquell, Schwalm-Eder-Kreis. Edge case: 'genau 10.000 "
               "Einwohner' (not below 10,000, but below 50,000, so eligible); the "
               "neighbour Wolfsbrunnau's 'rund 6.000 Einwohner' is not the "
               "population. Asks whether joint work is possible although not below "
               "10,000 (joint_application, not eligibility) and whether both "
               "councils must adopt the strategy. Plain 8bit.",
         sender=("Gerhard Möller", "buergermeister@rabenquell.de"),
         subject="Gemeinsame Strategie mit Nachbargemeinde",
         date=(12, 14, 15, 36), client="thunderbird",
         evidence=dict(population="genau 10.000 Einwohner", state="Schwalm-Eder-Kreis"),
         body=dict(type="plain", text=T25, cte="8bit")),

    dict(n=26, kind="inquiry", language="de",
         intents=["application_process", "joint_application"],
         population=9999, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Krebsmühl, Landkreis Waldeck-Frankenberg. Edge case: "
               "'9.999&nbsp;Einwohnerinnen und Einwohnern' just below 10,000; a "
               "neighbour's 'rund 5.200 Einwohner' is not the population. Asks "
               "whether a group of small municipalities is possible and how the "
               "application works (agreement upload, who fills in the form). "
               "HTML-only Outlook style: Word HTML, &nbsp;, entities, signature "
               "table, quoted-printable.",
         sender=("Vaupel, Annette", "a.vaupel@krebsmuehl.de"),
         subject="Kooperation mit Nachbargemeinden - Antragstellung",
         date=(12, 16, 2, 58), client="outlook365",
         evidence=dict(population="9.999 Einwohnerinnen und Einwohnern",
                       state="Waldeck-Frankenberg"),
         body=dict(type="html", html=H26)),

    dict(n=27, kind="inquiry", language="de", intents=["eligibility"],
         population=6300, amount_eur=None, state="Bayern", eligibility="not_eligible",
         notes="Markt Rottachfeld 'in Bayern' ('rund 6.300 Einwohner'): outside "
               "Hessen, so not eligible despite the size. Trap: 'unserer "
               "hessischen Partnergemeinde' names Hessen for another town. Asks "
               "whether towns from other states may take part. Plain 8bit.",
         sender=("Veronika Huber", "v.huber@rottachfeld.de"),
         subject="WIR-Programm auch für Gemeinden außerhalb Hessens?",
         date=(13, 9, 10, 22), client="applemail",
         evidence=dict(population="rund 6.300 Einwohner", state="in Bayern"),
         body=dict(type="plain", text=T27, cte="8bit")),

    dict(n=28, kind="acknowledgement", language="en", intents=[], **NULL_FACTS,
         notes="Municipality of Sinnwiesen thanks in English for the ministry's "
               "answer and asks nothing new. Quotes that German answer and her own "
               "first mail ('On ... wrote:' with '>' and '>>'): funded "
               "activities, 30.000 Euro, 18 Monate and 'about 14,800 residents' "
               "are not labelled. Language is that of the new text (en). "
               "Plain 8bit (Gmail-like wrapping of the attribution line).",
         sender=("Grace Mbeki", "g.mbeki@sinnwiesen.de"),
         subject="Re: AW: KIV funding - questions from Sinnwiesen",
         date=(13, 10, 48, 5), client="thunderbird", content_language="en-US",
         reply_to_ministry="20261005083109.e6a2f4@hsm.hessen.de",
         quote="On Mon, 5 Oct 2026 at 10:31",
         quoted=["about 14,800 residents", "30.000 Euro"],
         body=dict(type="plain", text=T28, cte="8bit")),

    dict(n=29, kind="inquiry", language="de",
         intents=["eligibility", "funding_amount"],
         population=3800, amount_eur=None, state="Niedersachsen",
         eligibility="not_eligible",
         notes="Gemeinde Schedebrück 'in Niedersachsen' ('ca. 3.800 Einwohnern'), "
               "bordering Nordhessen: not eligible because of the state although "
               "small. Traps: 'Nordhessen' and 'hessischen Nachbarorten' are "
               "neighbours, not the town's state. Asks whether it may get funding "
               "and how much. Plain, UTF-8 quoted-printable.",
         sender=("Dirk Wedemeyer", "gemeindedirektor@schedebrueck.de"),
         subject="Förderung auch für Gemeinden aus Niedersachsen?",
         date=(13, 12, 26, 40), client="exchange",
         evidence=dict(population="ca. 3.800 Einwohnern", state="in Niedersachsen"),
         body=dict(type="plain", text=T29, cte="quoted-printable")),

    dict(n=30, kind="inquiry", language="en",
         intents=["eligibility", "joint_application"],
         population=4600, amount_eur=None, state="Thüringen",
         eligibility="not_eligible",
         notes="Village of Suhlenried 'in Thuringia' (state Thüringen), 'around "
               "4,600 residents'. Traps: the neighbouring Werra-Meißner district and "
               "'Hesse' are named, but the town lies in Thuringia, so not eligible. "
               "Asks whether it may join a Hessian neighbour's strategy as partner "
               "or apply itself. Plain 8bit.",
         sender=("Jana Lindqvist-Rhode", "j.lindqvist-rhode@suhlenried.de"),
         subject="Cross-border partner in a KIV strategy?",
         date=(13, 14, 55, 17), client="thunderbird", content_language="en-GB",
         evidence=dict(population="around 4,600 residents", state="Thuringia"),
         body=dict(type="plain", text=T30, cte="8bit")),

    dict(n=31, kind="inquiry", language="de",
         intents=["application_process", "guideline"],
         population=45000, amount_eur=None, state="Nordrhein-Westfalen",
         eligibility="not_eligible",
         notes="Stadt Sieghöfen 'in Nordrhein-Westfalen' with 'rund 45 Tsd. "
               "Einwohner' (45000): below 50,000 but outside Hessen, so not "
               "eligible although eligibility is not asked. Asks how to apply, "
               "which documents and where the guideline is. Plain 8bit.",
         sender=("Tobias Kemper", "t.kemper@sieghoefen.de"),
         subject="Antragstellung WIR-Programm",
         date=(13, 16, 20, 8), client="webmail",
         evidence=dict(population="rund 45 Tsd. Einwohner",
                       state="in Nordrhein-Westfalen"),
         body=dict(type="plain", text=T31, cte="8bit")),

    dict(n=32, kind="bounce", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic Exchange Online NDR in German, subject 'Unzustellbar: "
               "...': multipart/report with a multipart/alternative German notice "
               "(550 5.1.10 RESOLVER.ADR.RecipientNotFound), message/delivery-status "
               "and the returned ministry answer as message/rfc822 (27.000 "
               "Einwohner, 30.000 Euro: not labelled).",
         sender=("Microsoft Outlook",
                 "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@zwestengrund.de"),
         subject="Unzustellbar: AW: Förderhöhe und Antragsberechtigung",
         date=(14, 15, 48, 5), client="exchange_ndr",
         body=dict(type="exchange_ndr", plain=T32_PLAIN, status=T32_STATUS,
                   original=dict(to=("Lena Brandl", "l.brandl@zwestengrund.de"),
                                 subject="AW: Förderhöhe und Antragsberechtigung",
                                 when=(14, 15, 47, 58),
                                 msgid="<20261014134758.0be7d2@hsm.hessen.de>",
                                 irt="<FR3P281MB0419A1B2C3D4@FR3P281MB0419.DEUP281."
                                     "PROD.OUTLOOK.COM>",
                                 text=T32_ORIGINAL))),

    dict(n=33, kind="inquiry", language="en", intents=["eligibility", "programme_info"],
         population=51000, amount_eur=None, state="Hessen", eligibility="not_eligible",
         notes="Town of Kerkerbachhain 'in Hesse', 'a population of 51,000': above "
               "the limit, asks whether it is applied strictly; also how many "
               "municipalities were funded and since when. Sender name with "
               "non-Latin-1 characters (ş). multipart/alternative (Outlook).",
         sender=("Dr. Ayşe Demirtaş", "a.demirtas@kerkerbachhain.de"),
         subject="KIV - population threshold and programme background",
         date=(14, 9, 30, 46), client="outlook365", content_language="en-GB",
         evidence=dict(population="population of 51,000", state="Hesse"),
         body=dict(type="alt", text=T33, html_style="outlook")),

    dict(n=34, kind="inquiry", language="de", intents=["funding_amount"],
         population=18700, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Wetschaftsau, Landkreis Marburg-Biedenkopf, 'ca. 18.700 "
               "Einwohner' (line break inside). The cap 'maximal 30.000 Euro' is "
               "quoted back from the press release, so amount_eur is null. Asks "
               "whether the 30.000 are per year or in total and about an own "
               "share. Plain 8bit.",
         sender=("Sven Dörrbecker", "kaemmerei@wetschaftsau.de"),
         subject="Verständnisfrage zur Förderhöhe",
         date=(14, 11, 2, 9), client="roundcube",
         evidence=dict(population="ca. 18.700 Einwohner", state="Marburg-Biedenkopf"),
         body=dict(type="plain", text=T34, cte="8bit")),

    dict(n=35, kind="inquiry", language="en",
         intents=["funded_activities", "funding_amount"],
         population=None, amount_eur=18000, state=None, eligibility="unknown",
         notes="Town of Ellerbrück, English. Planned budget '€18,000' (euro sign "
               "first, comma separator); 'two thirds' is a share. Asks whether "
               "translation, childcare and hall rent are covered besides the "
               "facilitator, and whether the programme pays a fixed sum. No "
               "population, no state. Plain, UTF-8 quoted-printable (Apple Mail).",
         sender=("Emily Nakamura", "e.nakamura@ellerbrueck.de"),
         subject="Budget question - KIV diversity strategy",
         date=(14, 13, 15, 31), client="applemail", content_language="en-GB",
         evidence=dict(amount_eur="€18,000"),
         body=dict(type="plain", text=T35, cte="quoted-printable")),

    dict(n=36, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic HCL Notes absence notice of the sender of dev-12: "
               "subject 'Abwesenheitsnotiz: ...', Auto-Submitted: auto-replied, "
               "Notes' stilted wording. Plain, UTF-8 quoted-printable.",
         sender=("Uwe Schmitt", "buergermeister@haunegrund.de"),
         subject="Abwesenheitsnotiz: AW: Was kommt am Ende heraus?",
         date=(14, 16, 5, 12), client="notes",
         reply_to_ministry="20261014140507.4d19be@hsm.hessen.de",
         auto_headers=[("Auto-Submitted", "auto-replied")],
         body=dict(type="plain", text=T36, cte="quoted-printable")),

    dict(n=37, kind="inquiry", language="de", intents=["participation", "stakeholders"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Stadt Nidderfels. Two lettered questions: how to involve citizens "
               "(one big kick-off or several small formats) and which bodies must "
               "take part, incl. the Vielfaltszentrum of 'unseres Landkreises, des "
               "Wetteraukreises' (implies Hessen). No population. Plain 8bit.",
         sender=("Miriam Schäfer-Nolte", "m.schaefer-nolte@nidderfels.de"),
         subject="Beteiligung und Gremien im KIV-Prozess",
         date=(15, 8, 58, 0), client="thunderbird",
         evidence=dict(state="Wetteraukreis"),
         body=dict(type="plain", text=T37, cte="8bit")),

    dict(n=38, kind="inquiry", language="de",
         intents=["duration", "strategy_adoption"],
         population=15000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Lerchenhöh (only in the closing line). 'kleinen hessischen "
               "Städten (knapp 15.000 Einwohner)'. '18 Monaten' is quoted from the "
               "press release; asks whether one can extend (duration) and whether "
               "the council must adopt the strategy or the Magistrat suffices. "
               "Plain 8bit.",
         sender=("Ingrid Weppler", "i.weppler@lerchenhoeh.de"),
         subject="Verlängerung und Beschluss",
         date=(15, 10, 40, 35), client="openxchange",
         evidence=dict(population="knapp 15.000 Einwohner", state="hessischen"),
         body=dict(type="plain", text=T38, cte="8bit")),

    dict(n=39, kind="inquiry", language="de", intents=["application_process"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Ulfatal: a thank-you that ends with a new question "
               "(must the council resolution be attached to the online application "
               "or can it follow) -> inquiry. Long Outlook-style quoted history with "
               "12.400 Einwohner, Vogelsbergkreis, 30.000 Euro, eligibility and "
               "deadline questions: not labelled, so facts null. Plain, UTF-8 "
               "quoted-printable.",
         sender=("Fenchel, Sabrina", "s.fenchel@ulfatal.de"),
         subject="AW: KIV-Förderung für Ulfatal?",
         date=(15, 12, 11, 27), client="outlook365",
         reply_to_ministry="20261008094011.a7c3d0@hsm.hessen.de",
         references_extra=["20261007131205.88f1b2@ulfatal.de"],
         quote="-----Ursprüngliche Nachricht-----",
         quoted=["12.400 Einwohner", "Vogelsbergkreis", "30.000 Euro"],
         body=dict(type="plain", text=T39, cte="quoted-printable")),

    dict(n=40, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Aulabrunn confirms receipt of the information and the "
               "link; nothing asked. Short, 'Re:' subject, plain 8bit.",
         sender=("Martina Eifert", "m.eifert@aulabrunn.de"),
         subject="Re: AW: Unterlagen KIV-Antrag",
         date=(15, 14, 37, 49), client="thunderbird",
         reply_to_ministry="20261015102203.61c0e8@hsm.hessen.de",
         body=dict(type="plain", text=T40, cte="8bit")),

    dict(n=41, kind="inquiry", language="de",
         intents=["application_status", "contact"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Erlenhöhe forwards its own bounced mail (Postfix notice "
               "'Host or domain name not found' for a mistyped address) and asks "
               "again: state of the July application and a phone number of the "
               "responsible clerk. The forwarded part (6.900 Einwohner, Landkreis "
               "Limburg-Weilburg, 24.000 Euro, 'Bis wann ...') is not labelled. "
               "Kind inquiry, not bounce. Plain 8bit (Thunderbird forward).",
         sender=("Jürgen Wissner", "j.wissner@erlenhoehe.de"),
         subject="Fwd: Undelivered Mail Returned to Sender",
         date=(15, 16, 3, 16), client="thunderbird",
         quote="-------- Weitergeleitete Nachricht --------",
         quoted=["6.900 Einwohner", "Limburg-Weilburg", "24.000 Euro"],
         body=dict(type="plain", text=T41, cte="8bit")),

    dict(n=42, kind="inquiry", language="de", intents=["stakeholders"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Stadt Wohrahain, thanks plus a new question: role of the district, "
               "whether the WIR-Vielfaltszentrum and the Ortsbeiräte must be "
               "involved. No district named in the new text ('der Landkreis'), so "
               "state null. Gmail-style quote with the attribution line wrapped "
               "('... schrieb am Di., 1.' / 'Sept. 2026 um 09:12 Uhr:'); the quoted "
               "14.200 Einwohner, 30.000 Euro and 18 Monate are not labelled. "
               "multipart/alternative (Gmail).",
         sender=("Jonas Feick", "jonas.feick.wohrahain@gmail.example"),
         subject="Re: AW: Fragen zur KIV-Förderung - Stadt Wohrahain",
         date=(16, 9, 17, 2), client="gmail",
         reply_to_ministry="20260901071205.3e8b14@hsm.hessen.de",
         quote="Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> schrieb am Di.",
         quoted=["14.200 Einwohnerinnen", "30.000 Euro", "18 Monate"],
         body=dict(type="alt", text=T42, html_style="gmail")),

    dict(n=43, kind="inquiry", language="en", intents=["duration", "stakeholders"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Town of Gründelbach, English follow-up: how long the process may "
               "take once approved ('two-year timeline' is the facilitator's idea), "
               "and which bodies must be involved. English 'On ... wrote:' quote "
               "two levels deep: the ministry's German answer (32.000 Einwohner, "
               "30.000 Euro, application) and his first mail (population about "
               "32,000, Lahn-Dill district): not labelled. Plain 8bit.",
         sender=("Marco Rinaldi", "m.rinaldi@gruendelbach.de"),
         subject="Re: AW: KIV funding for Gründelbach",
         date=(16, 10, 25, 39), client="thunderbird", content_language="en-GB",
         reply_to_ministry="20260917134012.d2f6a8@hsm.hessen.de",
         quote="On Thu, 17 Sep 2026 at 15:40",
         quoted=["population about 32,000", "Lahn-Dill district", "30.000 Euro"],
         body=dict(type="plain", text=T43, cte="8bit")),

    dict(n=44, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic ticket-system receipt of Stadt Nidderfels ('Ihre Anfrage "
               "wurde unter der Nummer ... erfasst') with Auto-Submitted, "
               "Precedence: bulk and X-Loop; ticket number in the subject.",
         sender=("Bürgerservice Stadt Nidderfels", "buergerservice@nidderfels.de"),
         subject="[Ticket#2026101610000217] Eingangsbestätigung: AW: Beteiligung "
                 "und Gremien im KIV-Prozess",
         date=(16, 11, 58, 21), client="ticket",
         reply_to_ministry="20261016095812.7b2e90@hsm.hessen.de",
         auto_headers=[("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"),
                       ("X-Loop", "buergerservice@nidderfels.de")],
         body=dict(type="plain", text=T44, cte="quoted-printable")),

    dict(n=45, kind="inquiry", language="de", intents=["funded_activities"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Schwarzenried, follow-up: may the funds pay for hall "
               "rent, catering and language mediators, or only the moderation "
               "office. Quote 'Am 14.08.2026 um 16:05 schrieb ...:' with '>' and a "
               "nested '>>' mail: 6.800 Einwohner, 28.000 Euro, eligibility and "
               "deadline are not labelled. Plain 8bit, format=flowed (Thunderbird).",
         sender=("Thomas Reinhold", "t.reinhold@schwarzenried.de"),
         subject="Re: AW: KIV-Antrag Schwarzenried",
         date=(16, 13, 44, 52), client="thunderbird",
         reply_to_ministry="20260814140533.5c7d1a@hsm.hessen.de",
         references_extra=["20260812074701.9a0b3c@schwarzenried.de"],
         quote="Am 14.08.2026 um 16:05 schrieb",
         quoted=["6.800 Einwohner", "28.000 Euro"],
         body=dict(type="plain", text=T45, cte="8bit", flowed=True)),

    dict(n=46, kind="inquiry", language="de",
         intents=["application_process", "deadline", "guideline"],
         population=31250, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Rodautal. Facts only in an HTML table: 'Einwohner "
               "(31.12.2025) | 31.250' and 'Landkreis | Rheingau-Taunus-Kreis'. "
               "Three numbered questions: documents to upload, whether 30.11. is "
               "in time, where to download the guideline. Dates are no facts. "
               "HTML-only (Outlook/Word HTML with a table and &nbsp;), "
               "quoted-printable.",
         sender=("Heß, Carina", "c.hess@rodautal.de"),
         subject="KIV-Antrag Stadt Rodautal - Unterlagen, Frist, Richtlinie",
         date=(16, 15, 20, 13), client="outlook365",
         evidence=dict(population="31.250", state="Rheingau-Taunus-Kreis"),
         body=dict(type="html", html=H46)),

    dict(n=47, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Postfix 'Delayed Mail (still being retried)' warning: "
               "multipart/report with Action: delayed, Status 4.4.1 and "
               "text/rfc822-headers. Still kind bounce although the mail may "
               "arrive later.",
         sender=None, subject="Delayed Mail (still being retried)",
         date=(19, 12, 55, 30), client="postfix_bounce",
         body=dict(type="report", notice=T47_NOTICE, status=T47_STATUS,
                   returned="headers", queue_id="4N3cK80vVqz9sY1",
                   original=dict(to=("Kuhl, Andrea", "a.kuhl@wiesecktal.de"),
                                 subject="AW: Förderfähige Kosten und Förderhöhe - "
                                         "Gemeinde Wiesecktal",
                                 when=(19, 8, 55, 10),
                                 msgid="<20261019065510.2f4e8a@hsm.hessen.de>",
                                 irt="<FR5P281MB0A1B2C3D4E5F@FR5P281MB0A1B.DEUP281."
                                     "PROD.OUTLOOK.COM>",
                                 text=""))),

    dict(n=48, kind="inquiry", language="de", intents=["deadline", "funding_amount"],
         population=27000, amount_eur=25000, state="Hessen", eligibility="eligible",
         notes="Stadt Elbbachtal im Lahn-Dill-Kreis, 'gut 27.000 Einwohner'. "
               "'25.000 €' set aside in the draft budget is the planned sum. Asks "
               "whether money is still 'im Topf' for 2026 and how much the state "
               "pays at most. windows-1252 quoted-printable body (€, typographic "
               "quotes, dash) and windows-1252 encoded-word Subject.",
         sender=("Dieter Wagner", "d.wagner@elbbachtal.de"),
         subject="Noch Mittel für 2026? – Förderhöhe KIV",
         date=(19, 9, 34, 57), client="outlook2010", charset="windows-1252",
         evidence=dict(population="gut 27.000 Einwohner", amount_eur="25.000 €",
                       state="Lahn-Dill-Kreis"),
         body=dict(type="plain", text=T48, cte="quoted-printable",
                   charset="windows-1252")),

    dict(n=49, kind="inquiry", language="en", intents=["out_of_scope", "participation"],
         population=16400, amount_eur=None, state=None, eligibility="eligible",
         notes="Town of Taubenwiesen, English. 'roughly 16,400 people'; 'twenty or "
               "so faces' is no number fact; no state named. Asks how to get "
               "young people, shift workers and newcomers to take part "
               "(participation, no keyword), and separately about a small grant "
               "for a volunteer conversation cafe (out of scope). "
               "multipart/alternative (Outlook).",
         sender=("Hannah Whitfield", "h.whitfield@taubenwiesen.de"),
         subject="Reaching more residents + a separate question",
         date=(19, 11, 10, 24), client="outlook365", content_language="en-GB",
         evidence=dict(population="roughly 16,400 people"),
         body=dict(type="alt", text=T49, html_style="outlook")),

    dict(n=50, kind="inquiry", language="en", intents=["out_of_scope"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Municipality of Quellenried, English. Asks about state funding for "
               "integration through sport for a football club and how the club "
               "would apply: outside the programme ('apply' is not "
               "application_process). No population, no state. Plain 7bit.",
         sender=("Peter O'Donnell", "p.odonnell@quellenried.de"),
         subject="Funding for refugee children in sports clubs?",
         date=(19, 14, 22, 6), client="webmail",
         body=dict(type="plain", text=T50, cte="7bit")),

    dict(n=51, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English out-of-office of the sender of dev-35 with a "
               "plain 'Re:' subject and no automation header: recognisable only "
               "by the text. Plain 7bit.",
         sender=("Emily Nakamura", "e.nakamura@ellerbrueck.de"),
         subject="Re: Budget question - KIV diversity strategy",
         date=(16, 17, 31, 40), client="applemail",
         reply_to_ministry="20261016153127.c90e13@hsm.hessen.de",
         body=dict(type="plain", text=T51, cte="7bit")),

    dict(n=52, kind="inquiry", language="de",
         intents=["funded_activities", "out_of_scope"],
         population=5200, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Seemental im Landkreis Fulda, 'ca. 5.200 Einw.'. Asks "
               "whether the funds may pay for the yearly 'Fest der Kulturen' "
               "(funded activities) and, 'etwas ganz anderes', who helps with "
               "recognising refugees' driving licences (out of scope; 'wer da "
               "weiterhelfen kann' is not contact). Plain 8bit.",
         sender=("Bernd Hohmann", "ordnungsamt@seemental.de"),
         subject="Zwei Fragen",
         date=(20, 8, 45, 33), client="webmail",
         evidence=dict(population="ca. 5.200 Einw.", state="Landkreis Fulda"),
         body=dict(type="plain", text=T52, cte="8bit")),

    dict(n=53, kind="inquiry", language="en",
         intents=["stakeholders", "strategy_adoption"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Working group in Kellerwaldhausen, English. Asks what should exist "
               "at the end and whether the council must vote on it, and which "
               "bodies (the district's WIR diversity centre) to bring in. 'the 18 "
               "months' is quoted from the programme, not a duration question. No "
               "population, no state. Plain 7bit.",
         sender=("Oliver Grant", "o.grant@kellerwaldhausen.de"),
         subject="What do we end up with?",
         date=(20, 10, 12, 48), client="thunderbird", content_language="en-GB",
         body=dict(type="plain", text=T53, cte="7bit")),

    dict(n=54, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Fuldenrode thanks for a phone call; 'melden uns, sobald' "
               "and 'Sollten ... Fragen auftauchen' announce, but ask nothing. "
               "multipart/alternative (Outlook).",
         sender=("Jüngst, Anke", "a.juengst@fuldenrode.de"),
         subject="Telefonat heute",
         date=(20, 11, 50, 15), client="outlook365",
         body=dict(type="alt", text=T54, html_style="outlook")),

    dict(n=55, kind="inquiry", language="de", intents=["contact", "participation"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Mardertal ('kleinen nordhessischen Gemeinde' names the "
               "state). Asks which formats reach people who never come to such "
               "evenings (participation) and for a phone appointment and the right "
               "contact person. No population. Plain, UTF-8 quoted-printable.",
         sender=("Heiko Stöhr", "buergermeisterbuero@mardertal.de"),
         subject="Auftaktveranstaltung - Beratung gewünscht",
         date=(20, 14, 5, 2), client="exchange",
         evidence=dict(state="nordhessischen"),
         body=dict(type="plain", text=T55, cte="quoted-printable")),

    dict(n=56, kind="inquiry", language="de", intents=["application_status"],
         population=14950, amount_eur=None, state=None, eligibility="eligible",
         notes="Stadt Birkenhainau 'mit ihren 14.950 Einwohnern' (line break "
               "inside), no state named. Application of 21.08.2026 "
               "(KIV-2026-0291): asks whether the decision is on its way. A "
               "colleague's name (Frau Becker) is no contact question; 'bis Ende "
               "Oktober' is the facilitator's date, not a deadline question. "
               "Plain, UTF-8 quoted-printable.",
         sender=("Lorenz, Christina", "c.lorenz@birkenhainau.de"),
         subject="Antrag KIV-2026-0291 - wann kommt der Bescheid?",
         date=(20, 15, 33, 28), client="exchange", org="Magistrat der Stadt Birkenhainau",
         evidence=dict(population="14.950 Einwohnern"),
         body=dict(type="plain", text=T56, cte="quoted-printable")),

    dict(n=57, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic qmail 'failure notice' from MAILER-DAEMON: a single "
               "text/plain part without multipart/report and without "
               "Auto-Submitted; the copy of the returned ministry answer "
               "(participation formats) follows inline.",
         sender=(None, "MAILER-DAEMON@mx2.lindelbrueck.de"),
         subject="failure notice",
         date=(21, 7, 12, 3), client="qmail",
         body=dict(type="plain", text=T57, cte="7bit",
                   append_original=dict(
                       to=(None, "integration@lindelbrueck.de"),
                       subject="AW: Beteiligungsformate",
                       when=(21, 7, 11, 58),
                       msgid="<20261021051158.6d3a2f@hsm.hessen.de>",
                       irt="<20261019154402.1c2d3e@lindelbrueck.de>",
                       text=T57_ORIGINAL))),

    dict(n=58, kind="inquiry", language="en", intents=["application_status", "duration"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Municipality of Brachtgrund, English. Approval received; asks "
               "whether the first payment has been released (application_status) "
               "and from which date the 18 months run (duration). Trap: an IBAN in "
               "the new text; 'final council meeting' is context. No population, "
               "no state. Plain 7bit.",
         sender=("Samuel Adeyemi", "s.adeyemi@brachtgrund.de"),
         subject="KIV project Brachtgrund - payment and timeline",
         date=(21, 9, 26, 41), client="outlook365", content_language="en-GB",
         body=dict(type="plain", text=T58, cte="7bit")),

    dict(n=59, kind="inquiry", language="de", intents=["deadline", "eligibility"],
         population=11800, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Kerbachsried, Landkreis Limburg-Weilburg. Subgroup trap "
               "first: 'rund 900 Einwohnerinnen und Einwohner mit "
               "Migrationshintergrund' is not the population; the total is "
               "'insgesamt 11.800 Menschen'. Asks whether it qualifies and whether "
               "waiting until spring is fine or money runs out. Plain 8bit.",
         sender=("Klaus-Peter Jung", "buergermeister@kerbachsried.de"),
         subject="KIV-Förderung für Kerbachsried?",
         date=(21, 10, 58, 7), client="thunderbird",
         evidence=dict(population="insgesamt 11.800 Menschen",
                       state="Limburg-Weilburg"),
         body=dict(type="plain", text=T59, cte="8bit")),

    dict(n=60, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic ticket-system receipt of Gemeinde Modaubrunn ('Ihre "
               "Anfrage wurde unter der Nummer 2026-0047113 erfasst') with an "
               "ordinary 'AW:' subject and no automation header: recognisable "
               "only by the text. Plain 8bit.",
         sender=("Servicecenter Gemeinde Modaubrunn", "service@modaubrunn.de"),
         subject="AW: Antragsberechtigung und Förderhöhe bei 49.999 Einwohnern",
         date=(21, 12, 40, 9), client="ticket",
         reply_to_ministry="20261021104003.e1f7a5@hsm.hessen.de",
         body=dict(type="plain", text=T60, cte="8bit")),

    dict(n=61, kind="inquiry", language="de", intents=["duration", "joint_application"],
         population=6100, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Sinnbachsgrund, 'rund 6.100 Einwohner', rural, no state "
               "named. Asks whether a joint approach with two neighbours is "
               "foreseen and whether that gives more time than for a single "
               "municipality. Body is UTF-8 base64 (Apple Mail).",
         sender=("Ramona Dietz", "r.dietz@sinnbachsgrund.de"),
         subject="Gemeinsam mit Nachbargemeinden - mehr Zeit?",
         date=(21, 14, 19, 55), client="applemail",
         evidence=dict(population="rund 6.100 Einwohner"),
         body=dict(type="plain", text=T61, cte="base64")),

    dict(n=62, kind="inquiry", language="de",
         intents=["application_process", "deadline", "programme_info"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Hohenwetter, very colloquial with typos ('diese Jahr', "
               "'gibts'). Asks whether money is still available this year, how "
               "to get the application (form to print or online) and what KIV "
               "is and since when it exists. "
               "Werra-Meißner-Kreis implies Hessen. No population. Plain 8bit.",
         sender=("Sebastian Rehm", "s.rehm@hohenwetter.de"),
         subject="KIV noch was zu holen?",
         date=(21, 16, 2, 37), client="roundcube",
         evidence=dict(state="Werra-Meißner-Kreis"),
         body=dict(type="plain", text=T62, cte="8bit")),

    dict(n=63, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Dornbachau thanks for the funding notice and announces "
               "the kick-off; nothing asked. Signature with postcode, phone/fax and "
               "'Az. 51-207/2026'. ISO-8859-1 quoted-printable body and ISO-8859-1 "
               "encoded-word Subject.",
         sender=("Helga Rauch", "buergermeisterin@dornbachau.de"),
         subject="AW: Zuwendungsbescheid für die Gemeinde Dornbachau",
         date=(22, 9, 8, 30), client="outlook2010", charset="iso-8859-1",
         body=dict(type="plain", text=T63, cte="quoted-printable",
                   charset="iso-8859-1")),

    dict(n=64, kind="inquiry", language="de", intents=["funded_activities", "guideline"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Fasanenried. Asks whether catering and room rent can be "
               "charged (asked via the guideline) and where to get the guideline. "
               "No population, no state. Plain 8bit.",
         sender=("Lisa Marquardt", "l.marquardt@fasanenried.de"),
         subject="Richtlinie - Verpflegung und Raummiete?",
         date=(22, 10, 31, 4), client="openxchange",
         body=dict(type="plain", text=T64, cte="8bit")),

    dict(n=65, kind="inquiry", language="de",
         intents=["participation", "programme_info", "strategy_adoption"],
         population=21000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Haselgrund (Landkreis Gießen, 'gut 21.000 Einwohner'). Three "
               "bullet questions: how many municipalities took part, how others "
               "involved residents, and whether strategies are adopted and what "
               "follows. multipart/alternative (Outlook).",
         sender=("Bauer, Nicole", "n.bauer@haselgrund.de"),
         subject="Erfahrungen anderer Kommunen mit KIV",
         date=(22, 12, 17, 19), client="outlook365",
         evidence=dict(population="gut 21.000 Einwohner", state="Landkreis Gießen"),
         body=dict(type="alt", text=T65, html_style="outlook")),

    dict(n=66, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic English service-desk receipt (reference SR-2026-118834) of "
               "Orkebrück with a 'RE:' subject and no automation header: "
               "recognisable only by the text. Plain 7bit.",
         sender=("Service Desk Orkebrueck", "servicedesk@orkebrueck.de"),
         subject="RE: KIV application Orkebrueck - status and contact",
         date=(22, 13, 50, 42), client="ticket",
         reply_to_ministry="20261022115036.0f8d4b@hsm.hessen.de",
         body=dict(type="plain", text=T66, cte="7bit")),

    dict(n=67, kind="inquiry", language="de", intents=["out_of_scope"],
         population=None, amount_eur=None, state=None, eligibility="unknown",
         notes="Gemeinde Kupferhain, colloquial with typos ('nix', 'Vielen dank "
               "schonmal'). Asks about state grants or a guide for a "
               "naturalisation ceremony: out of scope; 'Leitfaden' is not the "
               "guideline intent. No population, no state. Plain 8bit.",
         sender=("Yvonne Pfeifer", "standesamt@kupferhain.de"),
         subject="Einbürgerungsfeier",
         date=(22, 15, 5, 18), client="webmail",
         body=dict(type="plain", text=T67, cte="8bit")),

    dict(n=68, kind="bounce", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic German non-delivery notice from postmaster (content "
               "filter, 554 5.7.1) as multipart/mixed: text/plain (UTF-8 "
               "quoted-printable) plus the returned ministry answer (18 Monate, "
               "adoption) as message/rfc822. No Auto-Submitted.",
         sender=("Postmaster", "postmaster@erzbachtal.de"),
         subject="Zustellung fehlgeschlagen: AW: Laufzeit und Beschluss der Strategie",
         date=(23, 8, 22, 46), client="postmaster_de",
         body=dict(type="bounce_mixed", notice=T68_NOTICE,
                   original=dict(to=("Gerlach, Martin", "m.gerlach@erzbachtal.de"),
                                 subject="AW: Laufzeit und Beschluss der Strategie",
                                 when=(23, 8, 22, 31),
                                 msgid="<20261023062231.b5e0c7@hsm.hessen.de>",
                                 irt="<20261020112740.4e9f1d@erzbachtal.de>",
                                 text=T68_ORIGINAL))),

    dict(n=69, kind="inquiry", language="de",
         intents=["eligibility", "funded_activities", "funding_amount"],
         population=38600, amount_eur=20000, state="Hessen", eligibility="eligible",
         notes="Stadt Mühlwetter im Kreis Groß-Gerau, '38.600 Einwohnerinnen und "
               "Einwohner, davon ca. 9.200 mit ausländischem Pass' (subgroup). "
               "'EUR 20.000,-' planned (twice). Three numbered questions: "
               "eligibility, whether the full sum is covered, what is financed "
               "(moderation, online survey). Sender name with ı. Plain, UTF-8 "
               "quoted-printable.",
         sender=("Fatma Yılmaz", "f.yilmaz@muehlwetter.de"),
         subject="Drei Fragen zur KIV-Förderung - Stadt Mühlwetter",
         date=(23, 10, 45, 0), client="outlook365",
         evidence=dict(population="38.600 Einwohnerinnen und Einwohner",
                       amount_eur="EUR 20.000,-", state="Groß-Gerau"),
         body=dict(type="plain", text=T69, cte="quoted-printable")),

    dict(n=70, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Bornwiesen thanks for the reply and the guide; 'Ob wir "
               "den Antrag ... stellen, entscheidet der Gemeindevorstand' is an "
               "indirect 'ob' clause, not a question. Body is UTF-8 base64.",
         sender=("Reinhard Stamm", "r.stamm@bornwiesen.de"),
         subject="Re: Ihre Anfrage zur KIV-Förderung",
         date=(23, 13, 15, 55), client="openxchange",
         reply_to_ministry="20261022141509.3a6c8e@hsm.hessen.de",
         body=dict(type="plain", text=T70, cte="base64")),
]

# --------------------------------------------------------------------------
# The 8 demo mails (mailbox/demo). Not labelled files, but the same data
# shape, so that the build can check them too.
# --------------------------------------------------------------------------

DEMO = [
    dict(n=1, kind="inquiry", language="de", intents=["eligibility"],
         sender=("Elisabeth Hartung", "buergermeisterin@rosenquell.de"),
         subject="Förderung einer Integrationsstrategie für Rosenquell",
         date=(12, 9, 14, 22), client="thunderbird",
         body=dict(type="plain", text=D01, cte="8bit")),
    dict(n=2, kind="inquiry", language="en",
         intents=["application_process", "funded_activities", "funding_amount"],
         sender=("Holloway, Rebecca", "r.holloway@hainbuchenrode.de"),
         subject="KIV funding - a few first questions from Hainbuchenrode",
         date=(12, 14, 40, 9), client="outlook365", content_language="en-GB",
         body=dict(type="alt", text=D02, html_style="outlook")),
    dict(n=3, kind="inquiry", language="de", intents=["eligibility"],
         sender=("Lehnert, Markus (Dr.)", "m.lehnert@ahlenbrunn.de"),
         subject="KIV-Förderung für die Stadt Ahlenbrunn?",
         date=(13, 10, 5, 47), client="exchange", org="Magistrat der Stadt Ahlenbrunn",
         body=dict(type="plain", text=D03, cte="quoted-printable")),
    dict(n=4, kind="inquiry", language="de", intents=["application_status"],
         sender=("Tanja Roth", "t.roth@kelstertal.de"),
         subject="Stand unseres Antrags KIV-2026-0342",
         date=(13, 15, 22, 31), client="applemail",
         body=dict(type="plain", text=D04, cte="quoted-printable")),
    dict(n=5, kind="inquiry", language="de", intents=["participation"],
         sender=("Jan Oberländer", "j.oberlaender@eschenquell.de"),
         subject="Ideen für die Bürgerbeteiligung",
         date=(14, 8, 50, 16), client="roundcube",
         body=dict(type="plain", text=D05, cte="8bit")),
    dict(n=6, kind="inquiry", language="en", intents=["contact", "programme_info"],
         sender=("Daniela Costa", "d.costa@gelsterbach.de"),
         subject="Background on the WIR programme for our council",
         date=(14, 11, 37, 52), client="webmail",
         body=dict(type="plain", text=D06, cte="7bit")),
    dict(n=7, kind="auto_reply", language="de", intents=[],
         sender=("Elisabeth Hartung", "buergermeisterin@rosenquell.de"),
         subject="Automatische Antwort: AW: Förderung einer Integrationsstrategie "
                 "für Rosenquell",
         date=(15, 10, 22, 5), client="outlook365",
         reply_to_ministry="20261015082158.7e2a41@hsm.hessen.de",
         auto_headers=[("Auto-Submitted", "auto-replied"),
                       ("X-Auto-Response-Suppress", "All")],
         body=dict(type="alt", text=D07, html_style="outlook")),
    dict(n=8, kind="bounce", language="en", intents=[],
         sender=None, subject="Undelivered Mail Returned to Sender",
         date=(15, 10, 21, 58), client="postfix_bounce",
         body=dict(type="report", notice=D08_NOTICE, status=D08_STATUS,
                   returned="full", queue_id="4N5fR21kLmz9sZ7",
                   original=dict(to=(None, "info@bieberwiesen.de"),
                                 subject="AW: Wo finde ich die Förderrichtlinie?",
                                 when=(15, 10, 21, 44),
                                 msgid="<20261015082144.91c4d7@hsm.hessen.de>",
                                 irt="<20261014153012.2b7f0e@bieberwiesen.de>",
                                 text=D08_ORIGINAL))),
]


# --------------------------------------------------------------------------
# Message assembly
# --------------------------------------------------------------------------

def mail_date(case: dict, plus_seconds: int = 0) -> datetime:
    return oct26(*case["date"]) + timedelta(seconds=plus_seconds)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1]


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
        return f"<CA{raw}@mail.gmail.com>"
    if client == "notes":
        dom = domain_of(case["sender"][1])
        return (f"<OF{h(seed, 8).upper()}.{h(seed + 'b', 8).upper()}-"
                f"ONC1258{h(seed + 'c', 3).upper()}-{h(seed + 'd', 8).upper()}@{dom}>")
    if client == "postfix_bounce":
        return f"<{d.strftime('%Y%m%d%H%M%S')}.{case['body']['queue_id']}@mail.hsm.hessen.de>"
    if client == "exim_bounce":
        return f"<E1tRq{h(seed, 3)}-000{h(seed + 'x', 1)}Hd-{h(seed, 2).upper()}@relay1.hessen.de>"
    if client == "exchange_ndr":
        x = h(seed, 32)
        return (f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"
                "@FR3P281MB0419.DEUP281.PROD.OUTLOOK.COM>")
    if client == "qmail":
        return f"<{int(d.timestamp())}.{int(h(seed, 4), 16)}.qmail@mx2.lindelbrueck.de>"
    if client == "ticket":
        return f"<ticket.{d.strftime('%Y%m%d%H%M%S')}.{h(seed, 8)}@{domain_of(case['sender'][1])}>"
    return f"<{d.strftime('%Y%m%d%H%M%S')}.{h(seed, 10)}@{domain_of(case['sender'][1])}>"


CLIENT_HEADERS = {
    "outlook365": [("X-MS-Has-Attach", ""), ("X-Mailer", "Microsoft Outlook 16.0")],
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
    "qmail": [],
    "postmaster_de": [],
}

TO_STYLES = {
    "outlook365": '"landesprogrammWIR@hsm.hessen.de" <landesprogrammWIR@hsm.hessen.de>',
    "exchange": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "outlook2010": "<landesprogrammWIR@hsm.hessen.de>",
    "gmail": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
}

OUTLOOK = ("outlook365", "exchange", "outlook2010")


def received(case: dict, seed: str) -> str:
    n = case["n"]
    when = format_datetime(mail_date(case, 2 + n % 5))
    client = case["client"]
    qid = "4N" + h(f"qid{seed}", 12).upper()
    if client == "postfix_bounce":
        return f"by mail.hsm.hessen.de (Postfix)\n\tid {qid}; {when}"
    if client == "exim_bounce":
        return ("from relay1.hessen.de (relay1.hessen.de [192.0.2.24])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    if client == "gmail":
        return ("from mail-ej1-f54.google.example (mail-ej1-f54.google.example "
                "[198.51.100.54])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    if client == "exchange_ndr":
        return ("from FR3P281MB0419.DEUP281.PROD.OUTLOOK.COM "
                "(2603:10a6:d10:5a::11) by\n"
                " mail.hsm.hessen.de (Postfix) with ESMTPS id " + qid + ";\n"
                f" {when}")
    dom = domain_of(case["sender"][1])
    ip = f"198.51.100.{20 + n * 3}" if n % 2 else f"203.0.113.{10 + n * 3}"
    return (f"from mx01.{dom} (mx01.{dom} [{ip}])\n"
            f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
            f"\tfor <{MAILBOX}>; {when}")


def original_message(spec: dict) -> str:
    name, address = spec["to"]
    return ministry_message(name, address, spec["subject"], oct26(*spec["when"]),
                            spec["msgid"], spec["irt"], spec["text"])


def build_body(case: dict, seed: str) -> tuple[list, str]:
    spec = case["body"]
    kind = spec["type"]
    if kind == "plain":
        text = spec["text"]
        if "append_original" in spec:
            text += original_message(spec["append_original"])
        return text_part(text, charset=spec.get("charset", "utf-8"),
                         cte=spec["cte"], flowed=spec.get("flowed", False))
    if kind == "html":
        return text_part(spec["html"], subtype="html", cte="quoted-printable")
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
        pdf_bytes = dummy_pdf(spec["pdf_lines"])
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
        o = spec["original"]
        if spec["returned"] == "full":
            returned = ([("Content-Description", "Undelivered Message"),
                         ("Content-Type", "message/rfc822")], original_message(o))
        else:
            returned = ([("Content-Description", "Undelivered Message Headers"),
                         ("Content-Type", "text/rfc822-headers")],
                        ministry_headers_only(o["to"][0], o["to"][1], o["subject"],
                                              oct26(*o["when"]), o["msgid"], o["irt"]))
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
        returned = ([("Content-Type", "message/rfc822")],
                    original_message(spec["original"]))
        return multipart("report", [(alt_headers, alt_body), status, returned], outer,
                         params=" report-type=delivery-status;")
    if kind == "bounce_mixed":
        boundary = f"----=_NDR_{h(seed, 20)}"
        notice = text_part(spec["notice"], cte="quoted-printable")
        attached = ([("Content-Type", "message/rfc822"),
                     ("Content-Description", "Unzustellbare Nachricht"),
                     ("Content-Disposition", "attachment")],
                    original_message(spec["original"]))
        return multipart("mixed", [notice, attached], boundary)
    raise ValueError(kind)


def build_message(case: dict, seed: str) -> bytes:
    client = case["client"]
    charset = case.get("charset", "utf-8")
    headers: list[tuple[str, str]] = []

    if case["kind"] == "bounce":
        headers.append(("Return-Path", "<>"))
    else:
        headers.append(("Return-Path", f"<{case['sender'][1]}>"))
    headers.append(("Received", received(case, seed)))

    if client == "postfix_bounce":
        headers.append(("From", "MAILER-DAEMON@mail.hsm.hessen.de (Mail Delivery System)"))
    else:
        headers.append(("From", addr(*case["sender"], charset=charset)))
    headers.append(("To", TO_STYLES.get(client, MAILBOX)))
    for cc_name, cc_addr in case.get("cc", []):
        headers.append(("Cc", addr(cc_name, cc_addr)))
    headers.append(("Subject", case["subject"]))
    if client in OUTLOOK:
        topic = case["subject"]
        for prefix in ("Automatische Antwort: ", "AW: ", "RE: "):
            if topic.startswith(prefix):
                topic = topic[len(prefix):]
        headers.append(("Thread-Topic", topic))
        headers.append(("Thread-Index",
                        base64.b64encode(bytes.fromhex(h(seed + case["subject"], 44))).decode()))
    headers.append(("Date", format_datetime(mail_date(case))))
    headers.append(("Message-ID", message_id(case, seed)))
    if case.get("reply_to_ministry"):
        parent = f"<{case['reply_to_ministry']}>"
        refs = [f"<{r}>" for r in case.get("references_extra", [])] + [parent]
        headers.append(("In-Reply-To", parent))
        headers.append(("References", "\n ".join(refs) if len(refs) > 1 else refs[0]))
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


def dev_name(case: dict) -> str:
    return f"dev-{case['n']:02d}.eml"


def demo_name(case: dict) -> str:
    return f"demo-{case['n']:02d}.eml"


def label_of(case: dict) -> dict:
    return {
        "file": dev_name(case),
        "kind": case["kind"],
        "intents": sorted(case["intents"]),
        "population": case["population"],
        "amount_eur": case["amount_eur"],
        "state": case["state"],
        "eligibility": case["eligibility"],
        "language": case["language"],
        "notes": case["notes"],
    }


def write_dir(directory: Path, prefix: str, cases: list[dict], namer) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    wanted = {namer(c) for c in cases}
    for old in directory.glob(f"{prefix}-*.eml"):
        if old.name not in wanted:
            old.unlink()
    for case in cases:
        (directory / namer(case)).write_bytes(build_message(case, namer(case)[:-4]))


def build() -> None:
    write_dir(MAILDIR, "dev", CASES, dev_name)
    with LABELS.open("w", encoding="utf-8", newline="\n") as fh:
        for case in CASES:
            fh.write(json.dumps(label_of(case), ensure_ascii=False) + "\n")
    write_dir(DEMODIR, "demo", DEMO, demo_name)

# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

NUMBER_WORDS = {"zwölftausend": 12000, "dreitausend": 3000}


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
    low = words.lower()
    for w, v in NUMBER_WORDS.items():
        if w in low:
            return v
    m = re.search(r"(\d+(?:,\d+)?)\s*Tsd\.", words)
    if m:
        return round(float(m.group(1).replace(",", ".")) * 1000)
    m = re.search(r"\d{1,3}(?:[., ]\d{3})+|\d+", words)
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
    if (d.year, d.month) != (2026, 10) or d.day > 23:
        errors.append(f"{where}: Date not within 1-23 October 2026")
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
    if lab["file"] != f"dev-{i:02d}.eml":
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


def check_evidence(case: dict, lab: dict, text: str, errors: list[str]) -> None:
    """Facts must come from the new text, quoted traps only from the quote."""
    where = lab["file"]
    new, quoted = text, ""
    if case.get("quote"):
        marker = norm(case["quote"])
        if marker not in text:
            errors.append(f"{where}: quote marker not found")
        else:
            new, quoted = text.split(marker, 1)
    for q in case.get("quoted", []):
        if norm(q) in new or norm(q) not in quoted:
            errors.append(f"{where}: quoted trap {q!r} not only in the quoted part")
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


def validate() -> list[str]:
    errors: list[str] = []
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    if len(labels) != len(CASES) or len(CASES) != 70:
        errors.append(f"expected 70 labels, got {len(labels)}")
    ids: set[str] = set()
    msgs = {}
    for i, (lab, case) in enumerate(zip(labels, CASES), 1):
        check_label(lab, i, errors)
        if case["n"] != i:
            errors.append(f"case {case['n']} at position {i}")
        path = MAILDIR / lab["file"]
        if not path.exists():
            errors.append(f"{lab['file']}: file missing")
            continue
        msg = check_file(path, lab["file"], ids, errors)
        msgs[lab["file"]] = msg
        text = readable(msg)
        if lab["kind"] != "bounce" and not text:
            errors.append(f"{lab['file']}: no readable body")
        check_evidence(case, lab, text, errors)
        if lab["kind"] in ("auto_reply", "bounce") and "Synthetic" not in lab["notes"]:
            errors.append(f"{lab['file']}: notes must mark it synthetic")

    # ---- the intended mix ----
    by_kind = {k: [l for l in labels if l["kind"] == k] for k in KINDS}
    for k, n in (("inquiry", 50), ("acknowledgement", 6), ("auto_reply", 8),
                 ("bounce", 6)):
        if len(by_kind[k]) != n:
            errors.append(f"{k}: {len(by_kind[k])} mails, expected {n}")
    inq = by_kind["inquiry"]
    if sum(len(l["intents"]) > 1 for l in inq) < 20:
        errors.append("fewer than 20 multi-intent inquiries")
    if not any(len(l["intents"]) == 3 for l in inq):
        errors.append("no inquiry with three intents")
    for intent in INTENTS:
        c = sum(intent in l["intents"] for l in labels)
        if c < 5:
            errors.append(f"intent {intent} used {c} times")
    en = sum(l["language"] == "en" for l in labels)
    if not 15 <= en <= 21:
        errors.append(f"{en} English mails, expected about a quarter")
    pops = {l["population"] for l in inq}
    for edge in (50000, 49999, 10000, 9999):
        if edge not in pops:
            errors.append(f"no inquiry with population {edge}")
    states = {l["state"] for l in inq}
    for st in ("Hessen", "Bayern", "Niedersachsen", "Thüringen", "Nordrhein-Westfalen"):
        if st not in states:
            errors.append(f"no inquiry from {st}")
    if not any(l["amount_eur"] and l["amount_eur"] > 30000 for l in inq):
        errors.append("no requested amount above 30,000")
    if not any(l["population"] is None for l in inq):
        errors.append("expected inquiries without population")
    for e in ELIGIBILITY:
        if not any(l["eligibility"] == e for l in inq):
            errors.append(f"no inquiry with eligibility {e}")

    acks = [c for c in CASES if c["kind"] == "acknowledgement"]
    if sum(1 for c in acks if c.get("quote")) < 2:
        errors.append("fewer than 2 acknowledgements quoting an earlier answer")
    if not any(c["language"] == "en" for c in acks):
        errors.append("no English acknowledgement")

    autos = [c for c in CASES if c["kind"] == "auto_reply"]
    plain_autos = [c for c in autos
                   if not any(hn in msgs[dev_name(c)] for hn in AUTOMATION_HEADERS)]
    if len(plain_autos) < 4:
        errors.append(f"only {len(plain_autos)} auto-replies without automation header")
    if not any(str(msgs[dev_name(c)].get("X-Auto-Response-Suppress")) == "All"
               and "X-MS-Exchange-Inbox-Rules-Loop" in msgs[dev_name(c)] for c in autos):
        errors.append("no Exchange-style auto-reply with both MS headers")
    if not any(c["subject"].startswith("Abwesenheitsnotiz:") for c in autos):
        errors.append("no 'Abwesenheitsnotiz:' auto-reply")
    if {c["language"] for c in autos} != {"de", "en"}:
        errors.append("auto-replies must be German and English")
    if not any("Ihre Anfrage wurde unter der Nummer" in readable(msgs[dev_name(c)])
               for c in autos):
        errors.append("no ticket receipt 'Ihre Anfrage wurde unter der Nummer'")

    bounces = [msgs[dev_name(c)] for c in CASES if c["kind"] == "bounce"]

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
        ("delayed DSN", lambda m: "delayed" in status_actions(m)),
        ("plain MAILER-DAEMON bounce",
         lambda m: m.get_content_type() == "text/plain"
         and "mailer-daemon" in str(m["From"]).lower()),
        ("postmaster with message/rfc822",
         lambda m: "postmaster" in str(m["From"]).lower()
         and any(p.get_content_type() == "message/rfc822" for p in m.walk())),
    ]
    for what, pred in bounce_checks:
        if not any(pred(m) for m in bounces):
            errors.append(f"missing bounce: {what}")

    def count(pred) -> int:
        return sum(1 for c in CASES if pred(c))
    mime_checks = [
        ("HTML-only", lambda c: c["body"]["type"] == "html"),
        ("multipart/alternative", lambda c: c["body"]["type"] == "alt"),
        ("ISO-8859-1 QP", lambda c: c["body"].get("charset") == "iso-8859-1"),
        ("windows-1252 QP", lambda c: c["body"].get("charset") == "windows-1252"),
        ("base64 text", lambda c: c["body"].get("cte") == "base64"),
        ("7bit text", lambda c: c["body"].get("cte") == "7bit"),
        ("8bit text", lambda c: c["body"].get("cte") == "8bit"),
        ("UTF-8 QP text", lambda c: c["body"].get("cte") == "quoted-printable"
         and c["body"].get("charset", "utf-8") == "utf-8"),
        ("PDF attachment", lambda c: c["body"]["type"] == "mixed_pdf"),
    ]
    for what, pred in mime_checks:
        if count(pred) < 1:
            errors.append(f"no {what} mail")
    for c in CASES:
        if c.get("charset") in ("iso-8859-1", "windows-1252"):
            raw_subject = msgs[dev_name(c)].get("Subject")
            hdr = (MAILDIR / dev_name(c)).read_bytes().split(b"\r\n\r\n", 1)[0]
            if f"=?{c['charset']}?".encode() not in hdr.lower() or not raw_subject:
                errors.append(f"{dev_name(c)}: Subject not an {c['charset']} encoded-word")

    # ---- demo mails ----
    demo_ids: set[str] = set()
    for c in DEMO:
        path = DEMODIR / demo_name(c)
        if not path.exists():
            errors.append(f"demo {path.name}: missing")
            continue
        m = check_file(path, f"demo {path.name}", demo_ids, errors)
        if c["kind"] != "bounce" and not readable(m):
            errors.append(f"demo {path.name}: no readable body")
    dk = [c["kind"] for c in DEMO]
    if (len(DEMO), dk.count("inquiry"), dk.count("auto_reply"), dk.count("bounce")) != (8, 6, 1, 1):
        errors.append("demo mix must be 6 inquiries, 1 auto-reply, 1 bounce")
    if not any(len(c["intents"]) > 1 for c in DEMO):
        errors.append("demo: no multi-intent inquiry")
    if {"de", "en"} - {c["language"] for c in DEMO if c["kind"] == "inquiry"}:
        errors.append("demo: inquiries must be German and English")
    return errors


def summary() -> str:
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    lines = ["kind counts:"]
    for k in KINDS:
        lines.append(f"  {k:16} {sum(l['kind'] == k for l in labels)}")
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
    problems = validate()
    if problems:
        print("VALIDATION FAILED:", *problems, sep="\n  ")
        sys.exit(1)
    print(f"wrote {len(CASES)} mails to {MAILDIR} and {LABELS.name}, "
          f"{len(DEMO)} demo mails to {DEMODIR}; all checks passed")
    print(summary())
