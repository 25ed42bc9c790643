#!/usr/bin/env python3
"""Build the held-out evaluation set of invented e-mails for the WIR/KIV inquiry assistant.

Usage:  python3 build.py

Writes, next to this file:
  mails/heldout-01.eml ... mails/heldout-60.eml   complete RFC 5322 messages (CRLF line ends)
  labels.jsonl                                     one label object per mail
and then validates everything (parses each file with Python's email parser,
checks every label against taxonomy.md and checks the intended mix).

This set is for measuring only; it must never be used for tuning prompts, rules
or thresholds. It has no overlap with the public sample in shared/samples.

Standard library only, deterministic: running it twice gives identical bytes.
All towns, people, addresses, phone numbers, IBANs and texts are invented.
Local phone numbers have a subscriber part starting with 0, IBANs have the
check digits 00 (never valid), IP addresses come from the RFC 5737 ranges.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import quopri
import struct
import sys
import zlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import Header
from email.parser import BytesParser
from email.utils import format_datetime, formataddr, parsedate_to_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAILDIR = HERE / "mails"
LABELS = HERE / "labels.jsonl"
PREFIX = "heldout"
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
AUTOMATION_HEADERS = ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
                      "X-Auto-Response-Suppress", "X-Loop")

MINISTRY_SIG = """\
Mit freundlichen Grüßen
Ihr Team Landesprogramm WIR
Hessisches Ministerium für Soziales und Integration"""

DISCLAIMER_DE = """\
Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte
Informationen. Wenn Sie nicht der richtige Adressat sind oder diese
E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den
Absender und vernichten Sie diese E-Mail. Das unerlaubte Kopieren sowie
die unbefugte Weitergabe dieser E-Mail sind nicht gestattet."""


# --------------------------------------------------------------------------
# Mail texts (invented). Only the text above a quote marker is "new text".
# --------------------------------------------------------------------------

T01 = """\
Hallo zusammen,

ich bin neu im Hauptamt und soll rausfinden, ob wir für dieses
Integrationsding vom Land (KIV?) in Frage kommen. Wir sind ne kleine
Gemeinde im Vogelsbergkreis mit ca. 6.300 EW, also eher ländlich, kein
Vergleich mit den großen Städten.

Meine Chefin meint, das wär nur was für Städte ab einer gewissen Größe.
Stimmt das, oder können wir die Förderung auch beantrgen?

Danke schonmal!
Jonas Wetzel

Gemeinde Eichelsgrund - Hauptamt
Schulstraße 3, 36318 Eichelsgrund
Tel. 06644 0291-14
"""

T02 = """\
Sehr geehrte Damen und Herren,

für die Sitzung des Haupt- und Finanzausschusses am 24.09.2026 bereite
ich eine Vorlage zum Thema Vielfalts- und Integrationsstrategie vor.
Eckdaten unserer Stadt: Landkreis Waldeck-Frankenberg, Einwohnerzahl:
7.412 (Stand 31.12.2025), davon 860 Personen ohne deutsche
Staatsangehörigkeit.

Im Haushaltsentwurf 2027 haben wir vorsorglich EUR 18.000,- für das
Vorhaben eingeplant. Der Ausschuss wird mit Sicherheit zwei Dinge wissen
wollen:

a) Mit welchem Zuschuss vom Land können wir höchstens rechnen?
b) Dürfen wir das Geld auch für eine App-gestützte Bürgerbefragung und
   für Übersetzungen der Fragebögen ausgeben, oder ist es an eine
   bestimmte Leistung gebunden?

Für eine kurze Rückmeldung bis Mitte nächster Woche wäre ich dankbar.

Mit freundlichen Grüßen
i. A. Melanie Trost

Stadt Orkenfels
Fachbereich 1 – Zentrale Dienste, Soziales
Am Markt 5 | 34519 Orkenfels
Telefon 05632 0715-120
www.orkenfels.de
"""

T03 = """\
Hi there,

I'm a policy intern at the town hall of Bieberstal, a small town in
Hesse, and I've been asked to put together a one-page memo on the
state's support for local integration strategies before our council
retreat.

Two things I couldn't figure out from the press coverage:

- How long has this support been around, and is there any track record,
  i.e. have other towns actually gone through it already?
- Once a town starts, how long is the whole thing supposed to take until
  the strategy is done? I'd like to give the council a realistic
  timeline.

Thanks a lot,
Priya Raman
Policy Intern, Office of the Mayor
Town of Bieberstal
"""

B04_NOTICE = """\
This is the mail system at host mail.hsm.hessen.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<s.kraft@stadtverwaltung-ulsterbach.de>: Host or domain name not found. Name
    service error for name=stadtverwaltung-ulsterbach.de type=MX: Host not
    found, try again
"""

B04_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4N1bK82xQpz9tCR
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Wed,  2 Sep 2026 09:11:40 +0200 (CEST)

Final-Recipient: rfc822; s.kraft@stadtverwaltung-ulsterbach.de
Original-Recipient: rfc822;s.kraft@stadtverwaltung-ulsterbach.de
Action: failed
Status: 5.4.4
Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error
    for name=stadtverwaltung-ulsterbach.de type=MX: Host not found, try again
"""

B04_ORIGINAL = """\
Sehr geehrte Frau Kraft,

vielen Dank für Ihre Anfrage. Die Förderung für kommunale Vielfalts- und
Integrationsstrategien (KIV) richtet sich an alle hessischen Städte und
Gemeinden mit weniger als 50.000 Einwohnerinnen und Einwohnern. Mit
14.200 Einwohnerinnen und Einwohnern ist die Stadt Ulsterbach daher
antragsberechtigt. Die Förderung beläuft sich auf maximal 30.000 Euro.

Für das laufende Jahr stehen noch Fördermittel zur Verfügung, die jetzt
online beantragt werden können. Den Link zur Onlineantragstellung und
eine Anleitung finden Sie unter www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + "\n"

T05 = """\
Hallo,

kurze Frage, weil wir intern gerade etwas unter Zeitdruck sind: wie viel
Zeit bleibt uns eigentlich noch, um den Antrag fuer die
Integrationsstrategie einzureichen? Lohnt es sich ueberhaupt, jetzt noch
anzufangen, oder ist der Topf fuer dieses Jahr schon leer und wir
sollten lieber bis naechstes Jahr warten?

Hintergrund: Unser Gemeindevorstand tagt erst am 06.10. wieder, und wir
sind als kleine Gemeinde in Nordhessen personell nicht gerade ueppig
ausgestattet.

Gruss
Dieter Hohmeier
Gemeindeverwaltung Losseborn
Tel. 05602 0384-0
"""

T06 = """\
Sehr geehrte Damen und Herren,

die Stadt Kinzigrode (Main-Kinzig-Kreis) mit ihren rund zwölftausend
Einwohnerinnen und Einwohnern möchte sich an der KIV-Förderung
beteiligen. Der Magistrat hat dem Vorhaben grundsätzlich zugestimmt,
verbindet das aber mit einer Bedingung: Der Prozess darf unsere kleine
Stabsstelle nicht über Jahre binden.

Daher meine Frage: Welche Frist gilt für die Erarbeitung der Strategie,
wenn wir einmal gestartet sind? Müssen wir z. B. innerhalb eines
Haushaltsjahres fertig werden, oder ist ein längerer Zeitraum
vorgesehen?

Mit freundlichen Grüßen

Sebastian Ruhl
Stabsstelle Bürgerbeteiligung und Integration
Magistrat der Stadt Kinzigrode
Rathausplatz 1, 63599 Kinzigrode
Tel. 06051 0822-47

""" + DISCLAIMER_DE + "\n"

T07 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 18.09.2026
abwesend. Ihre E-Mail wird nicht weitergeleitet.

In dringenden Fällen wenden Sie sich bitte an Herrn Kaltwasser,
Tel. 05632 0715-121, fb1@orkenfels.de.

Mit freundlichen Grüßen
Melanie Trost
Stadt Orkenfels
"""

T08 = """\
Sehr geehrte Damen und Herren,

wir sind eine ländliche Gemeinde im Werra-Meißner-Kreis mit knapp 2.900
Einwohnern in fünf Ortsteilen. Ehrlich gesagt fragen wir uns, ob sich so
ein Strategieprozess für einen Ort unserer Größe überhaupt lohnt und ob
das Land so kleine Kommunen dabei überhaupt im Blick hat.

Kommen wir für die Förderung grundsätzlich in Betracht? Und falls ja:
Könnten wir das Ganze mit der Nachbargemeinde Wehrgrund angehen, mit der
wir schon einen gemeinsamen Ordnungsbehördenbezirk und eine
Seniorenberatung betreiben? Allein hätten wir kaum die Leute dafür.

Mit freundlichen Grüßen

Erika Schanze
Bürgermeisterin
Gemeinde Sontrabach
Tel. 05656 0417-0
"""

T09 = """\
Liebes WIR-Team,

bei uns in Niddershausen (Wetteraukreis, knapp 30.000 Einw.) ist der
Entschluss gefallen, jetzt geht es an die Planung. Und da hakt es: Wie
kriegen wir die Leute aus dem Neubaugebiet Am Weinberg, die rund 240
Menschen in der Gemeinschaftsunterkunft und die alteingesessenen Vereine
tatsächlich an einen Tisch? Wenn wir einen Infoabend im Bürgerhaus
machen, kommen erfahrungsgemäß die üblichen fünfzehn Leute, und die
kennen wir eh alle.

Habt ihr Beispiele, was anderswo funktioniert hat? Gern auch Sachen, die
ohne großen Aufwand gehen.

Viele Grüße
Svenja Oberländer
Quartiersmanagement / Integration
Stadt Niddershausen
0 60 31 / 0 96 43-22
"""

T10 = """\
Sehr geehrte Damen und Herren,

in der Vorbereitung auf unseren KIV-Antrag kam im Magistrat die Frage
auf, mit wem wir den Prozess von Anfang an abstimmen müssen. Konkret:

- Muss die Stadtverordnetenversammlung (bzw. der Sozialausschuss)
  förmlich eingebunden werden, oder reicht ein Magistratsbeschluss?
- Welche Rolle hat das WIR-Vielfaltszentrum beim Landkreis
  Limburg-Weilburg? Müssen wir das aktiv einbeziehen?
- Und der Ausländerbeirat – formell beteiligen oder nur informieren?

Wie wir die Bürgerinnen und Bürger mitnehmen, überlegen wir uns später;
jetzt geht es erst einmal um die Gremien.

Mit freundlichen Grüßen
Ute Kolbenschlag
Büroleitung Bürgermeister
Stadt Kerkerbachau
Tel. 06431 0264-310
"""

T11 = """\
Sehr geehrte Damen und Herren,

herzlichen Dank für die schnelle und klare Auskunft. Die 18 Monate sind
für uns gut machbar; ich gebe das so an den Magistrat weiter. Sollten
sich im Laufe der Antragstellung noch Fragen ergeben, melde ich mich
gern wieder.

Mit freundlichen Grüßen

Sebastian Ruhl
Stabsstelle Bürgerbeteiligung und Integration
Magistrat der Stadt Kinzigrode
Tel. 06051 0822-47

""" + DISCLAIMER_DE + """

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Freitag, 4. September 2026 15:10
An: Ruhl, Sebastian <s.ruhl@kinzigrode.de>
Betreff: AW: Frist für die Strategieerarbeitung – Stadt Kinzigrode

Sehr geehrter Herr Ruhl,

vielen Dank für Ihre Anfrage. Teilnehmende Kommunen haben 18 Monate
Zeit, eine KIV-Strategie zu entwickeln und sie mit zukunftsorientierten
Maßnahmen und neuen Projekten zu untermauern. Ziel ist, die Strategie
anschließend im Kommunalparlament zu verabschieden.

Die Förderung beläuft sich auf maximal 30.000 Euro. Weitere Informationen
und die WIR-Förderrichtlinie finden Sie unter
www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + """

-----Ursprüngliche Nachricht-----
Von: Ruhl, Sebastian <s.ruhl@kinzigrode.de>
Gesendet: Donnerstag, 3. September 2026 10:05
An: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Betreff: Frist für die Strategieerarbeitung – Stadt Kinzigrode

Sehr geehrte Damen und Herren,

die Stadt Kinzigrode (Main-Kinzig-Kreis) mit ihren rund zwölftausend
Einwohnerinnen und Einwohnern möchte sich an der KIV-Förderung
beteiligen. [...] Welche Frist gilt für die Erarbeitung der Strategie,
wenn wir einmal gestartet sind?

Mit freundlichen Grüßen
Sebastian Ruhl
"""

T12 = """\
Sehr geehrte Damen und Herren,

ich bin Vorsitzende der Stadtverordnetenversammlung von Salzbödental und
bekomme aus den Fraktionen immer wieder dieselbe Frage gestellt, die ich
bislang nicht beantworten kann.

Laut Ihrer Pressemitteilung haben Kommunen "18 Monate Zeit". Was liegt
danach eigentlich auf dem Tisch? Muss das Ergebnis durch unser
Parlament, und was passiert, wenn eine Mehrheit es ablehnt? Einige
Kolleginnen und Kollegen befürchten, dass wir uns damit auf Jahre zu
Ausgaben verpflichten, die wir als mittelhessische Kleinstadt nicht
stemmen können. Ist das, was am Ende herauskommt, für unsere 23 500
Bürgerinnen und Bürger verbindlich, oder eher eine Richtschnur für die
weitere Arbeit?

Mit freundlichen Grüßen

Gabriele Freund
Vorsitzende der Stadtverordnetenversammlung
Stadt Salzbödental
"""

T13 = """\
Guten Tag,

unser Kämmerer gibt grundsätzlich kein Geld frei, bevor er die Regeln
schwarz auf weiß gesehen hat. Gibt es zu der Förderung für
Integrationsstrategien etwas Verbindliches zum Nachlesen, also die
offiziellen Bedingungen, Voraussetzungen usw.? Im Netz finde ich nur
Zeitungsartikel über andere Gemeinden.

Danke und viele Grüße
Tanja Möbus
Gemeinde Gilsaheim
Finanzverwaltung
Tel. 06692 0557-23

Von meinem iPad gesendet
"""

T14 = """\
Sehr geehrte Damen und Herren,

ich würde gern einmal kurz mit jemandem sprechen, der sich mit der
Förderung von Integrationsstrategien auskennt – am liebsten am Telefon,
weil sich unsere Fragen schriftlich schwer fassen lassen. Auf Ihrer
Website habe ich nur das allgemeine Bürgertelefon gefunden; dort wurde
ich zweimal „weiterverbunden“ und bin dann in einer Warteschleife
gelandet.

Gibt es eine Durchwahl oder eine Person, die ich direkt anrufen kann?
Ich bin Mo–Do zwischen 8 und 15 Uhr erreichbar unter 06126 0937-42.

Mit freundlichen Grüßen
Holger Brandau
Sachgebiet Soziales
Gemeinde Schwarzbachau
Az.: 460.12/KIV
"""

T15 = """\
Guten Tag,

vielen Dank für Ihre E-Mail. Ich bin ab dem 21.09.2026 wieder im Büro
und werde Ihre Nachricht dann bearbeiten.

In dringenden Angelegenheiten erreichen Sie die Gemeindeverwaltung
Losseborn unter 05602 0384-0 oder gemeinde@losseborn.de.

Mit freundlichen Grüßen
Dieter Hohmeier
"""

T16 = """\
Sehr geehrte Damen und Herren,

die Stadt Geraufelden (Kreis Groß-Gerau) hat am 03.06.2026 über das
Onlineportal einen Antrag auf Förderung einer KIV-Strategie eingereicht
(Vorgangsnummer im Portal: KIV-2026-0188). Beantragt wurden 25 000 Euro
für die externe Prozessmoderation.

Seitdem ist es still geworden. Ist der Antrag bei Ihnen vollständig
angekommen, und ist absehbar, wann über ihn entschieden wird? Für die
spätere Auszahlung habe ich unsere Bankverbindung vorsorglich unten
angegeben; die Eingangsbestätigung aus dem Portal hänge ich an.

Mit freundlichen Grüßen

Nicole Arnold
Fachdienst 2.3 – Soziales und Integration
Magistrat der Stadt Geraufelden
Rathausstraße 12, 64579 Geraufelden
Tel. 06152 0643-231

Bankverbindung: Stadtkasse Geraufelden
IBAN: DE00 5009 9999 0000 4471 20

""" + DISCLAIMER_DE + "\n"

T17 = """\
Sehr geehrte Damen und Herren,

unsere Gemeinde (Hochtaunuskreis, ca. 8.100 EW) möchte im Dezember zum
ersten Mal eine kleine Feier für die Neu-Eingebürgerten des Jahres
ausrichten. Die Einbürgerungsurkunden selbst händigt ja der Kreis aus.

Gibt es vom Land eine Handreichung oder eine Vorlage, wie eine solche
Einbürgerungsfeier gestaltet werden kann, und dürfen wir dafür das
Landeswappen auf die Einladungen drucken?

Mit freundlichen Grüßen
Bernd Scholl
Bürgermeister
Gemeinde Usabrunn
"""

T18 = """\
Dear WIR team,

I am the head of the newly created Office for Diversity in the Town of
Erlenbrück, Hesse. Our residents' registration office confirmed this
morning that we had exactly 50,000 registered residents on 30 June
2026 – we literally crossed the mark this spring.

Before I brief our mayor: does a town of exactly that size still
qualify for the KIV grant, or does the limit apply to towns below
50,000 only? And out of curiosity, how many municipalities have used
the programme so far? It would help to know whether we would be among
the first.

Kind regards,
Tomasz Wiśniewski
Head of the Office for Diversity
Town of Erlenbrück
Phone +49 6074 0219-500
"""

B19 = """\
This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  soziales@stadt-weiltalsheim.de
    host mx2.stadt-weiltalsheim.de [198.51.100.77]
    SMTP error from remote mail server after end of data:
    552 5.3.4 Message size exceeds fixed maximum message size

------ This is a copy of the message's headers. ------

Return-path: <landesprogrammWIR@hsm.hessen.de>
Received: from mail.hsm.hessen.de ([192.0.2.10])
	by relay3.hessen.de with esmtps (TLS1.3) (Exim 4.98)
	(envelope-from <landesprogrammWIR@hsm.hessen.de>)
	id 1tRb4c-0007Qm-0K
	for soziales@stadt-weiltalsheim.de; Wed, 09 Sep 2026 12:26:48 +0200
From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
To: soziales@stadt-weiltalsheim.de
Subject: =?utf-8?q?AW=3A_Unterlagen_zur_Antragstellung_KIV?=
Date: Wed, 09 Sep 2026 12:26:47 +0200
Message-ID: <20260909102647.8d13f0@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_kiv_4f2a9c"

------ The body of the message is 31457280 characters long; only the first
------ 0 or so are included here.
"""

T20 = """\
Sehr geehrte Damen und Herren,

die Stadt Semdfeld im Landkreis Darmstadt-Dieburg hatte laut
Einwohnermeldeamt zum Stichtag 30.06.2026 genau 49.999 Einwohner. Sie
können sich vorstellen, dass wir bei dieser Zahl etwas nervös sind.

1. Zählt für die Antragsberechtigung unsere Meldezahl, und sind wir
   damit (noch) dabei?
2. In Ihrer Pressemitteilung ist von maximal 30.000 Euro die Rede. Gilt
   dieser Betrag für die gesamte Laufzeit oder pro Jahr?

Mit freundlichen Grüßen
Ralf Gundlach
Leiter Amt für Soziales, Jugend und Integration
Stadt Semdfeld
Tel. 06071 0452-600
"""

T21 = """\
Guten Tag,

ich versuche seit gestern, mich durch Ihre Pressemitteilung zu klicken.
Die Links darin führen bei mir ins Leere bzw. auf die Startseite des
Integrationskompasses, und dort finde ich den Einstieg nicht.

Könnten Sie mir bitte erklären, wie wir konkret vorgehen müssen, um
das Geld zu bekommen? Gibt es ein Formular, oder läuft das alles
online, und gibt es irgendwo eine Schritt-für-Schritt-Hilfe dazu?

Außerdem bräuchte ich die Fördervoraussetzungen im Wortlaut, also das
eigentliche Regelwerk, nicht nur die Zusammenfassung aus der Presse.

Viele Grüße
Katrin Eifert
Gemeinde Kallbachtal – Bürgerbüro
"""

T22 = """\
Hello,

our municipality (some 6,800 residents, Rheingau-Taunus district) is
drafting a proposal for the KIV funding. Our draft budget is €28,500.

The council keeps asking me the same thing: can the grant pay for a
part-time coordinator employed by us, who would run the process
internally, or does it have to go to an external facilitator? Some
members also want to know whether we could spend part of it on a
printed survey sent to every household.

Best,
Jonathan Mercer
Community Development
Municipality of Aulbachtal
"""

T23 = """\
Thank you for your email.

I'm out of the office from 10 to 25 September 2026 and will not be
checking email. Your message will not be forwarded. For anything
urgent, please contact the Office of the Mayor at mayor@bieberstal.de
or +49 6409 0381-0.

Kind regards,
Priya Raman
"""

T24 = """\
Dear Sir or Madam,

I'm writing from the Town of Zwestenbach in the Marburg-Biedenkopf
district. We have decided to start a diversity and integration strategy
and I have been put in charge of designing the process.

Two things I'd really appreciate your advice on:

1. Our experience with public meetings is mixed – the same handful of
   people always turn up. How have other towns got ordinary residents,
   including newcomers and young people, to take part?
2. On the institutional side, which bodies have to be involved? I'm
   thinking of our town council, its committees, and I've heard that
   the county has a diversity centre that plays some role.

Many thanks,
Helen Fischer-Owusu
Strategy & Participation Officer
Town of Zwestenbach
"""

T25 = """\
Sehr geehrte Damen und Herren,

auf Ihre Hinweise hin (siehe unten) haben wir unseren Antrag am
29.07.2026 online eingereicht. Leider haben wir bis heute weder eine
Eingangsbestätigung per Post noch einen Bescheid erhalten.

Könnten Sie kurz nachsehen, ob der Antrag bei Ihnen angekommen ist und
wie weit die Bearbeitung ist? Und gäbe es eventuell eine direkte
Ansprechpartnerin mit Telefonnummer, an die ich mich künftig wenden
kann? Das würde uns beiden wahrscheinlich einiges an E-Mails ersparen.

Mit freundlichen Grüßen
i. A.
Florian Hebel
Gemeindeverwaltung Perfeltal
Hauptamt
Tel. 06461 0758-14
florian.hebel@perfeltal.de

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Montag, 13. Juli 2026 14:22
An: Hebel, Florian <florian.hebel@perfeltal.de>
Betreff: AW: Antragstellung und Fristen KIV

Sehr geehrter Herr Hebel,

vielen Dank für Ihre Anfrage. Mit 9.800 Einwohnerinnen und Einwohnern
ist die Gemeinde Perfeltal antragsberechtigt. Den Antrag stellen Sie
online; den Link zur Onlineantragstellung und eine Anleitung finden Sie
unter www.integrationskompass.hessen.de. Für das laufende Jahr stehen
noch Fördermittel zur Verfügung.

Da Ihre Gemeinde weniger als 10.000 Einwohnerinnen und Einwohner hat,
können Sie sich im ländlichen Raum auch mit anderen Kommunen abstimmen.

""" + MINISTRY_SIG + """

-----Ursprüngliche Nachricht-----
Von: Hebel, Florian <florian.hebel@perfeltal.de>
Gesendet: Donnerstag, 9. Juli 2026 09:05
An: landesprogrammWIR@hsm.hessen.de
Betreff: Antragstellung und Fristen KIV

Guten Tag,

die Gemeinde Perfeltal (Landkreis Marburg-Biedenkopf, 9.800 Einwohner)
möchte die KIV-Förderung beantragen. Wie gehen wir vor, und bis wann
muss der Antrag gestellt sein? Wir planen mit rund 22.000 Euro.

Florian Hebel
"""

T26 = """\
Dear WIR team,

Many thanks for your prompt and very clear answer – that settles it
for us. I have forwarded it to the mayor and the head of finance, and
we will take it from here.

With best regards from Erlenbrück,
Tomasz Wiśniewski
Head of the Office for Diversity
Town of Erlenbrück
Phone +49 6074 0219-500
"""

T27 = """\
Hallo,

kurze Frage von unterwegs, bin gleich in der Ausschusssitzung:

Bis wann müssen wir spätestens den Antrag abschicken, damit wir noch
Geld aus dem diesjährigen Topf bekommen? Und wenn wir den Zuschlag
kriegen – wie lang läuft das Ganze dann? Ich muss dem Ausschuss heute
Abend sagen, ob wir das bis zum Ende der Wahlperiode durchkriegen.

Zur Info: Olmesfeld, Schwalm-Eder-Kreis, ca. 11 Tsd. Einwohner.

Gruß
Marco Lenz
Erster Stadtrat

Von meinem iPhone gesendet
"""

T28 = """\
Sehr geehrte Damen und Herren,

seit dem 1. Juli 2026 bin ich Bürgermeisterin der Stadt Kriftelbach im
Main-Taunus-Kreis (rund 38 Tsd. Einwohnerinnen und Einwohner). Bei der
Einarbeitung bin ich in den Akten meines Vorgängers auf eine Notiz zum
Stichwort "KIV" gestoßen, leider ohne weitere Unterlagen.

Darf ich Sie bitten, mir kurz zu erläutern, worum es bei dem Programm
geht, seit wann es besteht und ob schon andere Kommunen damit
Erfahrungen gesammelt haben? Außerdem würde ich mir gern die
Förderrichtlinie selbst ansehen. Wo ist sie veröffentlicht?

Mit freundlichen Grüßen

Dr. Annette Köhler-Sayed
Bürgermeisterin der Stadt Kriftelbach
Rathausplatz 2
65830 Kriftelbach
"""

T29 = """\
Sehr geehrte Damen und Herren,

Ihre Nachricht ist bei uns eingegangen und wird unter der
Vorgangsnummer 2026-SOZ-04471 bearbeitet. Bitte geben Sie diese Nummer
bei allen Rückfragen an.

Die zuständige Stelle wird sich so bald wie möglich bei Ihnen melden.
Bitte haben Sie Verständnis dafür, dass die Bearbeitung je nach
Anliegen bis zu zehn Werktage dauern kann. Antworten auf diese E-Mail
können nicht bearbeitet werden.

Stadtverwaltung Semdfeld
Zentrale Poststelle
"""

T30 = """\
Sehr geehrte Damen und Herren,

die Gemeinde Ulsterau im Landkreis Fulda (5.600 Einwohnerinnen und
Einwohner) und unsere Nachbargemeinde Nüstgrund (ca. 4.000) überlegen,
beim Thema Integration künftig an einem Strang zu ziehen. Beide
Verwaltungen sind klein, die Vereine und Kirchengemeinden arbeiten
ohnehin schon ortsübergreifend.

Ist es im Rahmen von WIR möglich, dass zwei Kommunen den
Strategieprozess gemeinsam durchlaufen, also mit einer gemeinsamen
Moderation und abgestimmten Maßnahmen? Oder muss jede Gemeinde ihren
eigenen Prozess aufsetzen?

Mit freundlichen Grüßen
Matthias Gensler
Bürgermeister der Gemeinde Ulsterau
"""

T31 = """\
Sehr geehrte Damen und Herren,

meine Kollegin aus der Kämmerei hat mir die unten stehende Mail
geschickt; die Haushaltsfragen klären wir intern. Mich als Büroleiter
interessiert vor allem das Verfahren:

Wen müssen wir in den Prozess zwingend einbinden – reichen Verwaltung
und Gemeindevorstand, oder gehören auch die Gemeindevertretung und das
Vielfaltszentrum des Odenwaldkreises dazu? Und wer beschließt am Ende
die fertige Strategie?

Mit freundlichen Grüßen
Jan-Philipp Reuter
Büroleiter
Gemeinde Marbachsgrund

> Am 14.09.2026 um 16:47 schrieb Petra Kühnle <p.kuehnle@marbachsgrund.de>:
> 
> Hallo Jan-Philipp,
> 
> ich habe für den Haushalt 2027 erst mal 35.000 € für die
> Integrationsstrategie angesetzt, weiß aber nicht, ob das Land so viel
> übernimmt. Kannst Du beim Ministerium nachfragen, wie viel es maximal
> gibt und bis wann der Antrag raus muss? Wir haben übrigens laut
> Statistik 7.950 Einwohner, falls die das wissen wollen.
> 
> Gruß
> Petra
"""

B32_TEXT = """\
Die Nachricht hat einige oder alle Empfänger nicht erreicht.

Betreff: AW: Einbindung der Gremien im KIV-Prozess
Gesendet: 15.09.2026 16:38

Die Nachricht konnte nicht an die folgenden Empfänger übermittelt
werden:

Kolbenschlag, Ute am 15.09.2026 16:40
     Das Postfach des Empfängers ist voll und kann derzeit keine
     Nachrichten annehmen. Versuchen Sie, die Nachricht später erneut
     zu senden, oder wenden Sie sich direkt an den Empfänger.
     <EXCH01.kerkerbachau.local #554 5.2.2 mailbox full;
     STOREDRV.Deliver.Exception:QuotaExceededException>

Diagnoseinformationen für Administratoren:

Generierender Server: EXCH01.kerkerbachau.local
u.kolbenschlag@kerkerbachau.de
Remote Server returned '554 5.2.2 mailbox full;
STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'
"""

B32_STATUS = """\
Reporting-MTA: dns;EXCH01.kerkerbachau.local
Received-From-MTA: dns;mail.hsm.hessen.de
Arrival-Date: Tue, 15 Sep 2026 14:38:52 +0000

Final-Recipient: rfc822;u.kolbenschlag@kerkerbachau.de
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp;554 5.2.2 mailbox full;
 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded
X-Display-Name: Kolbenschlag, Ute
"""

B32_ORIGINAL = """\
Sehr geehrte Frau Kolbenschlag,

vielen Dank für Ihre Anfrage. Die politischen Gremien und die
WIR-Vielfaltszentren der Landkreise werden in den Strategieprozess
eingebunden. Ziel ist, die KIV-Strategie am Ende im Kommunalparlament
zu verabschieden.

An dem Prozess sollen sich neben Politik, Verwaltung und Fachleuten
idealerweise alle Bürgerinnen und Bürger vor Ort beteiligen können.

""" + MINISTRY_SIG + "\n"

T33 = """\
Guten Tag,

zwei Anliegen, die eigentlich nichts miteinander zu tun haben:

Erstens: In unseren Kitas häufen sich Elterngespräche, bei denen wir
Dolmetscher brauchen. Übernimmt das Land diese Kosten irgendwo, bzw.
gibt es einen Pool an Sprachmittlern, auf den Kommunen zugreifen
können?

Zweitens: Wir denken über eine Integrationsstrategie nach und hätten
gern vorab ein kurzes Gespräch mit der zuständigen Person bei Ihnen.
Wie erreiche ich sie am besten?

Freundliche Grüße
Sandra Becker-Yilmaz
Fachbereich Kinder, Jugend, Familie
Gemeinde Hainbachtal
Tel. 06047 0316-55
"""

T34 = """\
Sehr geehrte Damen und Herren,

wir sind eine hessische Kleinstadt mit 18.250 Einwohnern und haben von
zwei Moderationsbüros Angebote für den Strategieprozess eingeholt. Das
günstigere liegt bei 35.000 € brutto, inklusive Online-Befragung und
vier Workshops.

Können wir diese Summe komplett beantragen? Falls es eine Höchstgrenze
gibt: Dürfen wir den Rest aus eigenen Mitteln dazulegen, oder fällt der
Antrag dann ganz raus?

Mit freundlichen Grüßen
Thomas Weißenborn
Stadt Haingrund - Der Magistrat
Amt 50 (Soziales)
Tel. 06655 0731-50
"""

T35 = """\
hallo,

wir überlegen uns für die KIV-Förderung zu bewerben und ich hab ein paar
Fragen, sorry falls die schon oft gestellt wurden:
- wie stellt man den antrag, gibts da ein formular oder geht das per mail?
- wieviel gibts maximal?
- stimmt es dass man nur die Moderation bezahlt bekommt oder kann man
  auch Flyer, Raummiete usw abrechnen?

wir sind ca. 9.400 EW, falls das wichtig ist.

lg
Kim Schreiner
Gemeinde Wohrabach, Bürgerbüro
"""

T36 = """\
Super, vielen Dank! Leite ich so an die Chefin weiter.

Gruß Jonas

Von meinem iPhone gesendet

> Am 16.09.2026 um 17:12 schrieb Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>:
> 
> Sehr geehrter Herr Wetzel,
> 
> vielen Dank für Ihre Anfrage. Die KIV-Förderung richtet sich an alle
> hessischen Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen
> und Einwohnern. Mit rund 6.300 Einwohnerinnen und Einwohnern ist die
> Gemeinde Eichelsgrund daher antragsberechtigt. Kleinere Kommunen mit
> weniger als 10.000 Einwohnerinnen und Einwohnern können sich im
> ländlichen Raum zudem mit anderen Kommunen abstimmen.
> 
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
"""

T37_NEW = """\
Dear WIR team,

I'm the EU and funding officer of the Town of Ulmtalheim (approx. 14,200
inhabitants, Lahn-Dill district, Hesse). My colleague's note below sums
up where we are; I've already sorted out the budget side with him, so
just two questions from me:

Is it still realistic to get an application in for this year's funds,
or have we missed the boat? And how do we actually submit it – is there
a paper form we have to post, or is it all done online?

Best regards,
Lena Hartmann
EU & Funding Officer, Town of Ulmtalheim
"""

T37_ATTR_PLAIN = """\
On Tue, Sep 15, 2026 at 4:12 PM Markus Ebel <m.ebel@ulmtalheim.de>
wrote:"""

T37_ATTR_HTML = ("On Tue, Sep 15, 2026 at 4:12 PM Markus Ebel &lt;<a href=\"mailto:"
                 "m.ebel@ulmtalheim.de\">m.ebel@ulmtalheim.de</a>&gt; wrote:")

T37_QUOTED = """\
Lena,

before the Finance Committee meets I'd like to know how much the state
will give us at most - we've pencilled in €40,000 - and who at the
ministry we could call about the whole thing. Can you find out?

Markus
"""

T38 = """\
Guten Tag,

vielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen erhalten und
unter der Ticketnummer 20260917-0412 erfasst.

Eine Mitarbeiterin oder ein Mitarbeiter des Bürgerservice wird sich
schnellstmöglich bei Ihnen melden. Bitte lassen Sie die Ticketnummer im
Betreff stehen, wenn Sie auf diese Nachricht antworten.

Ihr Bürgerservice der Stadt Kriftelbach
Telefon 06192 0844-0 | Mo–Fr 8–16 Uhr
"""

T39 = """\
Sehr geehrte Damen und Herren,

haben Sie vielen Dank für die ausführliche Antwort – damit konnten wir
im Magistrat schon einiges klären.

Eine Sache beschäftigt mich seitdem aber doch noch: Bei uns leben viele
ältere Menschen, die wir mit Online-Umfragen kaum erreichen, und
gleichzeitig viele junge Familien, die abends keine Zeit für
Veranstaltungen haben. Haben Sie Ideen oder Beispiele, wie man beide
Gruppen in die Erarbeitung einbeziehen kann, ohne dass es beim üblichen
Abend im Bürgerhaus bleibt?

Mit freundlichen Grüßen
Carina Lotz
Stadt Emsfelden, Amt für Soziales

Am 15.09.26 um 11:20 schrieb Landesprogramm WIR:
> Sehr geehrte Frau Lotz,
>
> vielen Dank für Ihre Anfrage. Die Förderung für kommunale Vielfalts-
> und Integrationsstrategien (KIV) richtet sich an alle hessischen
> Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen und
> Einwohnern; die Stadt Emsfelden ist mit 14.900 Einwohnerinnen und
> Einwohnern daher antragsberechtigt. Die Förderung beläuft sich auf
> maximal 30.000 Euro. Teilnehmende Kommunen haben 18 Monate Zeit, eine
> KIV-Strategie zu entwickeln.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
> Hessisches Ministerium für Soziales und Integration
>
> Am 11.09.26 um 09:02 schrieb Carina Lotz:
>> Guten Tag,
>>
>> die Stadt Emsfelden im Lahn-Dill-Kreis hat 14.900 Einwohner. Können
>> wir die KIV-Förderung beantragen, wie viel Geld gibt es und wie lange
>> läuft ein Projekt?
>>
>> Carina Lotz
"""

T40 = """\
Guten Tag,

meine Mail von letzter Woche ist mit der unten stehenden Fehlermeldung
zurückgekommen. Ich versuche es jetzt mit der Adresse aus der
Pressemitteilung. Kommt das hier so bei Ihnen an, und ist das die
richtige Stelle für Fragen zur KIV-Förderung? Falls es eine
Telefonnummer gibt, unter der ich jemanden erreiche, wäre ich dafür
auch dankbar. Meine eigentlichen Fragen schicke ich gern noch einmal,
sobald ich weiß, dass ich hier richtig bin.

Viele Grüße
Sabine Gottschalk
Gemeindeverwaltung Itterau
Tel. 05631 0277-30

-----Ursprüngliche Nachricht-----
Von: Microsoft Outlook <postmaster@itterau.de>
Gesendet: Freitag, 11. September 2026 10:02
An: Gottschalk, Sabine <s.gottschalk@itterau.de>
Betreff: Unzustellbar: Anfrage KIV-Förderung Gemeinde Itterau

Die Nachricht hat einige oder alle Empfänger nicht erreicht.

Betreff: Anfrage KIV-Förderung Gemeinde Itterau
Gesendet: 11.09.2026 10:01

Die Nachricht konnte nicht an die folgenden Empfänger übermittelt
werden:

landesprogramm.wir@hsm.hessen.de am 11.09.2026 10:02
     550 5.1.1 <landesprogramm.wir@hsm.hessen.de>: Recipient address
     rejected: User unknown in virtual mailbox table

-----Ursprüngliche Nachricht-----
Von: Gottschalk, Sabine <s.gottschalk@itterau.de>
Gesendet: Freitag, 11. September 2026 10:01
An: landesprogramm.wir@hsm.hessen.de
Betreff: Anfrage KIV-Förderung Gemeinde Itterau

Guten Tag,

wir sind eine Gemeinde mit 4.700 Einwohnern im Landkreis
Waldeck-Frankenberg. Bis wann muss ein Antrag gestellt werden, und wie
viel Geld gibt es höchstens? Wir rechnen mit Kosten von etwa 26.000 Euro.

Sabine Gottschalk
"""

B41_TEXT = """\

** Address not found **

Your message wasn't delivered to m.gensler@ulsterau-net.de because the address couldn't be found, or is unable to receive mail.

Learn more here: https://support.google.com/mail/?p=NoSuchUser

The response was:

550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser
"""

B41_STATUS = """\
Reporting-MTA: dns; googlemail.com
Arrival-Date: Fri, 18 Sep 2026 02:15:03 -0700 (PDT)
X-Original-Message-ID: <20260918091458.77c1e0@hsm.hessen.de>

Final-Recipient: rfc822; m.gensler@ulsterau-net.de
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
 not exist. Please try double-checking the recipient's email address for typos
 or unnecessary spaces. For more information, go to
 https://support.google.com/mail/?p=NoSuchUser
Last-Attempt-Date: Fri, 18 Sep 2026 02:15:04 -0700 (PDT)
"""

B41_ORIGINAL = """\
Sehr geehrter Herr Bürgermeister Gensler,

vielen Dank für Ihre Anfrage. Kleinere Kommunen mit weniger als 10.000
Einwohnerinnen und Einwohnern können sich im ländlichen Raum mit anderen
Kommunen abstimmen. Mit 5.600 Einwohnerinnen und Einwohnern gehört die
Gemeinde Ulsterau dazu.

Weitere Informationen und die WIR-Förderrichtlinie finden Sie unter
www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + "\n"

T42 = """\
Good afternoon,

we (Town of Lumbach, Giessen district, pop. 21,300) are about to start
our strategy process and I'm mapping out who needs to be at the table.

Is it mandatory to bring in the county's WIR diversity centre, or is it
optional? We've never worked with them before. And at the end of the
process, does the strategy need a formal vote in the town council, or
is it enough if the mayor's office signs it off?

Thanks in advance,
Daniel Okafor
Town of Lumbach - Mayor's Office
"""

T43_NEW = """\
Hallo zusammen,

danke nochmal für Ihre Antwort von Anfang des Monats. Inzwischen hat
die Gemeindevertretung grünes Licht gegeben, und jetzt kommen die
praktischen Fragen:

Ab wann läuft eigentlich die Uhr – ab der Bewilligung oder ab der
Beauftragung der Moderation? Und was genau muss am Ende vorliegen,
damit das Projekt als abgeschlossen gilt: ein Beschluss der
Gemeindevertretung über die Strategie, oder reicht ein
Abschlussbericht?

Viele Grüße
Nils Brückner
Gemeinde Kinzbach
"""

T43_ATTR_PLAIN = """\
Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> schrieb am Mi., 2.
Sept. 2026 um 14:03 Uhr:"""

T43_ATTR_HTML = ("Landesprogramm WIR &lt;<a href=\"mailto:landesprogrammWIR@hsm.hessen.de\">"
                 "landesprogrammWIR@hsm.hessen.de</a>&gt; schrieb am Mi., 2. Sept. 2026 "
                 "um 14:03 Uhr:")

T43_QUOTED = """\
Sehr geehrter Herr Brückner,

vielen Dank für Ihre Anfrage. Die KIV-Förderung richtet sich an alle
hessischen Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen
und Einwohnern; mit 8.700 Einwohnerinnen und Einwohnern ist die
Gemeinde Kinzbach antragsberechtigt. Die Förderung beläuft sich auf
maximal 30.000 Euro.

""" + MINISTRY_SIG + """

Am Mo., 31. Aug. 2026 um 09:15 Uhr schrieb Nils Brückner <
n.brueckner@kinzbach.de>:

> Guten Tag, die Gemeinde Kinzbach im Main-Kinzig-Kreis (8.700 EW) hat
> Interesse an der KIV-Förderung. Sind wir antragsberechtigt, und wie
> hoch ist der Zuschuss?
>
> Nils Brückner
"""

T44 = """\
Sehr geehrte Damen und Herren,

ich bin Anwärterin im gehobenen Verwaltungsdienst bei der Stadt
Nesselborn und schreibe im Rahmen meines Studiums eine Projektarbeit
über kommunale Integrationspolitik. Mein Ausbildungsleiter hat mich auf
Ihr Programm hingewiesen.

Für den Einleitungsteil bräuchte ich ein paar Eckdaten: Seit wann
unterstützt das Land kleinere Städte und Gemeinden bei solchen
Strategien, und wie viele Kommunen sind bislang in den Genuss der
Förderung gekommen?

Vielen Dank und freundliche Grüße
Lara Jankowski
Stadt Nesselborn, Ausbildungsbereich
"""

T45 = """\
Hello,

Thank you for your message. I'm on annual leave until Monday,
5 October 2026, and won't be reading email before then.

If your enquiry can't wait, my colleague Jakob Brandl
(j.brandl@zwestenbach.de, +49 6421 0573-12) will be happy to help.

Best wishes,
Helen Fischer-Owusu
"""

H46 = """\
<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta name="Generator" content="Microsoft Word 14 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;margin-bottom:.0001pt;font-size:11.0pt;font-family:"Calibri","sans-serif";}
table.MsoNormalTable
	{font-size:10.0pt;font-family:"Times New Roman","serif";}
span.E-MailFormatvorlage17
	{mso-style-type:personal-compose;font-family:"Calibri","sans-serif";color:windowtext;}
@page WordSection1
	{size:612.0pt 792.0pt;margin:70.85pt 70.85pt 2.0cm 70.85pt;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="DE" link="blue" vlink="purple">
<div class="WordSection1">
<p class="MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">mit Bescheid vom 14.07.2026 wurde unserer Gemeinde die Förderung für die Entwicklung einer Vielfalts- und Integrationsstrategie bewilligt &#8211; herzlichen Dank dafür! Die Moderation ist beauftragt, die erste Rechnung liegt uns vor. Bisher ist allerdings noch kein Geld bei uns eingegangen.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Können Sie mir sagen, wann mit der Auszahlung zu rechnen ist, oder fehlt von unserer Seite noch etwas? Zur Zuordnung hier die Eckdaten:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr>
<td width="220" valign="top" style="width:165.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Zuwendungsempfänger<o:p></o:p></b></p></td>
<td width="340" valign="top" style="width:255.0pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">Gemeinde Warmetal, Landkreis Kassel<o:p></o:p></p></td>
</tr>
<tr>
<td width="220" valign="top" style="width:165.0pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Aktenzeichen<o:p></o:p></b></p></td>
<td width="340" valign="top" style="width:255.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">II 4 &#8211; 54b 16.02/0311<o:p></o:p></p></td>
</tr>
<tr>
<td width="220" valign="top" style="width:165.0pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Einwohner (31.12.2025)<o:p></o:p></b></p></td>
<td width="340" valign="top" style="width:255.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">8.950<o:p></o:p></p></td>
</tr>
<tr>
<td width="220" valign="top" style="width:165.0pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Beantragte und bewilligte Summe<o:p></o:p></b></p></td>
<td width="340" valign="top" style="width:255.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">24.000,00&nbsp;&euro;<o:p></o:p></p></td>
</tr>
<tr>
<td width="220" valign="top" style="width:165.0pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Bankverbindung<o:p></o:p></b></p></td>
<td width="340" valign="top" style="width:255.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">IBAN DE00&nbsp;5205&nbsp;0353&nbsp;0001&nbsp;2345&nbsp;67<o:p></o:p></p></td>
</tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Mit freundlichen Grüßen<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0">
<tr>
<td style="padding:0cm 11.25pt 0cm 0cm;border-right:solid #70AD47 1.5pt"><p class="MsoNormal"><b><span style="font-size:10.0pt;color:#375623">Rainer Vogt</span></b><span style="font-size:10.0pt"><br>Finanzverwaltung &amp; Gemeindekasse<o:p></o:p></span></p></td>
<td style="padding:0cm 0cm 0cm 11.25pt"><p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">Gemeindeverwaltung Warmetal&nbsp;&middot; Kirchweg&nbsp;4&nbsp;&middot; 34379&nbsp;Warmetal<br>Tel.&nbsp;05673&nbsp;0529-40&nbsp;&middot; <a href="mailto:r.vogt@warmetal.de">r.vogt@warmetal.de</a><o:p></o:p></span></p></td>
</tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><span style="font-size:7.5pt;color:gray">Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.<o:p></o:p></span></p>
</div>
</body>
</html>
"""

T47 = """\
Dear Sir or Madam,

I'm contacting you from the Town of Taubergrund in the Main-Tauber
district (Baden-Württemberg). We are only a few kilometres from the
Hessian border and many of our residents commute to the Frankfurt area.
We have a population of about 9,300.

Would a town like ours be able to take part in your KIV funding, given
that we are just across the state line? And if so, how much could we
receive?

Kind regards,
Sophie Marchetti
Integration Coordinator, Town of Taubergrund
"""

T48 = """\
Sehr geehrte Damen und Herren,

heute ist der Bewilligungsbescheid über 24.500 Euro bei uns eingegangen.
Im Namen der Gemeinde Dörnbachtal und unserer knapp 2.900
Einwohnerinnen und Einwohner möchte ich mich herzlich für die
Unterstützung und die geduldige Beratung in den vergangenen Monaten
bedanken. Gemeinsam mit unserer Nachbargemeinde Wehrgrund starten wir
im Oktober mit der Auftaktveranstaltung.

Mit herzlichen Grüßen aus dem Werra-Meißner-Kreis

Karl-Heinz Appel
Bürgermeister
Gemeinde Dörnbachtal
"""

T49 = """\
Sehr geehrte Damen und Herren,

der Markt Kahlbrunn liegt im Landkreis Aschaffenburg, nur wenige
Kilometer von der hessischen Landesgrenze entfernt. Viele unserer
7.900 Einwohnerinnen und Einwohner arbeiten in Hanau oder anderswo im
Main-Kinzig-Kreis, und unsere Vereine sind eng mit denen auf der
hessischen Seite verflochten.

Könnten wir als Kommune in dieser Grenzlage trotzdem an der
KIV-Förderung teilnehmen?

Mit freundlichen Grüßen
Andreas Hock
Geschäftsleitung
Markt Kahlbrunn
"""

T50 = """\
Sehr geehrte Damen und Herren,

unsere Gemeinde Neißaue (Landkreis Görlitz, Sachsen, rund 3.100
Einwohner) pflegt seit 1991 eine Partnerschaft mit der hessischen
Gemeinde Eichelsgrund. Bei unserem letzten Treffen kam die Idee auf, das
Thema Integration gemeinsam anzugehen.

Wäre es möglich, dass wir uns zusammen mit Eichelsgrund um die
KIV-Förderung bewerben, und könnten wir als sächsische Gemeinde dabei
überhaupt Antragsteller sein?

Mit freundlichen Grüßen
Uwe Kretschmar
Bürgermeister der Gemeinde Neißaue
"""

B51_NOTICE = """\
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

<poststelle@markt-kahlbrunn.de>: connect to
    mx.markt-kahlbrunn.de[203.0.113.88]:25: Connection timed out
"""

B51_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4N7mQ20Zr4z9tLw
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Wed, 23 Sep 2026 12:41:17 +0200 (CEST)

Final-Recipient: rfc822; poststelle@markt-kahlbrunn.de
Original-Recipient: rfc822;poststelle@markt-kahlbrunn.de
Action: delayed
Status: 4.4.1
Diagnostic-Code: X-Postfix; connect to mx.markt-kahlbrunn.de[203.0.113.88]:25:
    Connection timed out
Will-Retry-Until: Mon, 28 Sep 2026 12:41:17 +0200 (CEST)
"""

T52 = """\
Guten Tag,

ich bin in der Verbandsgemeindeverwaltung für die Ortsgemeinde
Gelbachhöhe im Rhein-Lahn-Kreis zuständig. Unser Ortsbürgermeister hat
in der Zeitung von der KIV-Förderung gelesen und möchte, dass wir uns
das genauer ansehen.

Wo finde ich die Förderrichtlinie im Volltext, und wie läuft die
Antragstellung ab – gibt es dafür ein Portal oder ein Formular?

Mit freundlichen Grüßen
Ines Hartung
Verbandsgemeindeverwaltung, Fachbereich 1 – Zentrale Dienste
"""

T53 = """\
Sehr geehrte Damen und Herren,

drei kleine Gemeinden im Landkreis Hersfeld-Rotenburg (wir in Solzgrund
mit 4.300 Einwohnern, dazu Aulatal und Geisbach; zusammen rund 9.000
Menschen) überlegen, eine Integrationsstrategie gemeinsam zu
entwickeln.

Zwei Fragen dazu:

1. Geht das überhaupt – ein Prozess, eine Moderation, drei Kommunen?
2. Wie beteiligt man in so einem Verbund die Bürgerinnen und Bürger,
   ohne dass die Leute aus dem kleinsten Ort das Gefühl haben, es werde
   über ihre Köpfe hinweg entschieden? Reicht eine gemeinsame
   Auftaktveranstaltung, oder braucht es Formate in jedem Ort?

Mit freundlichen Grüßen
Hannelore Wenk
Bürgermeisterin der Gemeinde Solzgrund
"""

T54 = """\
Dear Sender,

Thank you for contacting the Town of Ulmtalheim. Your message has been
received and logged under reference number CS-2026-18834.

A member of staff will respond within five working days. Please quote
the reference number in the subject line of any further correspondence
about this matter.

Town of Ulmtalheim | Citizen Services
"""

H55 = """\
<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
a:link, span.MsoHyperlink
	{color:#0563C1;text-decoration:underline;}
div.WordSection1
	{page:WordSection1;}
--></style>
</head>
<body lang="DE" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Ihre Antwort zur KIV-Förderung (unten) haben wir an unseren Fachbereich weitergegeben &#8211; dafür nochmals herzlichen Dank.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Heute habe ich ein ganz anderes Anliegen: In unseren Ortsteilen gibt es kaum Busverbindungen, und viele Geflüchtete kommen deshalb nicht zu den Beratungsstellen in der Kernstadt. Fördert das Land die Anschaffung eines Bürgerbusses oder einen Fahrdienst für diesen Zweck, und falls ja, wo wäre so etwas zu beantragen?<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Mit freundlichen Grüßen<o:p></o:p></p>
<p class="MsoNormal">Friederike Sauer<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
<tr>
<td style="padding:0cm 5.4pt 0cm 0cm"><p class="MsoNormal"><b><span style="font-size:9.0pt;color:#1F3864">Stadt Erlenmühl</span></b><span style="font-size:9.0pt;color:#1F3864"><br>Der Magistrat &#8211; Büro des Bürgermeisters<br>Marktstraße&nbsp;1&nbsp;|&nbsp;35428&nbsp;Erlenmühl<br>Telefon&nbsp;06403&nbsp;0691-102<o:p></o:p></span></p></td>
</tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>Von:</b> Landesprogramm WIR &lt;landesprogrammWIR@hsm.hessen.de&gt; <br>
<b>Gesendet:</b> Mittwoch, 9. September 2026 11:48<br>
<b>An:</b> Sauer, Friederike &lt;f.sauer@erlenmuehl.de&gt;<br>
<b>Betreff:</b> AW: KIV-Förderung Stadt Erlenmühl<o:p></o:p></p>
</div>
</div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Sehr geehrte Frau Sauer,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">vielen Dank für Ihre Anfrage. Die KIV-Förderung richtet sich an alle hessischen Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen und Einwohnern; mit 27.400 Einwohnerinnen und Einwohnern ist die Stadt Erlenmühl antragsberechtigt. Gefördert wird eine externe Prozessmoderation, die Sie zum Beispiel bei der Bestandsanalyse bestehender Angebote oder bei Befragungstools begleitet. Die Förderung beläuft sich auf maximal 30.000&nbsp;Euro.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Den Antrag stellen Sie online; den Link und eine Anleitung finden Sie unter <a href="https://www.integrationskompass.hessen.de">www.integrationskompass.hessen.de</a>.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Mit freundlichen Grüßen<br>Ihr Team Landesprogramm WIR<br>Hessisches Ministerium für Soziales und Integration<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>Von:</b> Sauer, Friederike &lt;f.sauer@erlenmuehl.de&gt; <br>
<b>Gesendet:</b> Montag, 7. September 2026 15:31<br>
<b>An:</b> landesprogrammWIR@hsm.hessen.de<br>
<b>Betreff:</b> KIV-Förderung Stadt Erlenmühl<o:p></o:p></p>
</div>
</div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Guten Tag, die Stadt Erlenmühl im Landkreis Gießen (27.400 Einwohner) interessiert sich für die KIV-Förderung. Sind wir antragsberechtigt, was genau wird gefördert, wie viel gibt es und wie stellen wir den Antrag? Wir kalkulieren mit rund 29.000&nbsp;&euro;.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Friederike Sauer<o:p></o:p></p>
</div>
</body>
</html>
"""

T56 = """\
Sehr geehrte Damen und Herren,

ich versuche seit Tagen, unseren Antrag im Onlineportal abzuschicken,
und scheitere jedes Mal am letzten Schritt. Die Fehlermeldung kopiere
ich unten ein, so wie unser IT-Dienstleister sie mir weitergeleitet
hat.

Können wir den Antrag in diesem Fall auch als PDF per E-Mail an Sie
schicken? Ich habe Sorge, dass uns sonst die Zeit davonläuft – gibt es
einen Termin, bis zu dem der Antrag spätestens eingegangen sein muss?
Und gibt es jemanden, den ich wegen des Portals direkt anrufen kann?

Mit freundlichen Grüßen
Christoph Seibel
Gemeinde Weidelbach (Landkreis Offenbach)
Tel. 06074 0618-25

---------- Weitergeleitete Nachricht ----------
Von: Service-Desk KommunalIT <servicedesk@kommunalit-kreisof.de>
Datum: 22.09.2026, 15:02
Betreff: Ticket #88213 - Fehler Onlineantrag
An: c.seibel@weidelbach.de

Hallo Herr Seibel,

anbei der Fehlertext aus dem Browser-Protokoll. Der Fehler liegt nicht
an unserer Infrastruktur; bitte wenden Sie sich an den Portalbetreiber.

  Fehler beim Absenden des Formulars
  Fehlercode: 502 / SESSION_TOKEN_EXPIRED
  Zeitpunkt: 22.09.2026 14:31:07
  Vorgang: KIV-ANTRAG-ENTWURF-7731
  Bitte versuchen Sie es später erneut.

Ticket #88213 wird hiermit geschlossen.
Ihr Service-Desk KommunalIT
"""

T57 = """\
Liebes WIR-Team,

die Unterlagen und der Link zur Anleitung sind angekommen, vielen Dank!
Ich habe alles an unsere Projektgruppe weitergegeben, die sich am
Donnerstag zum ersten Mal trifft. Wir melden uns, wenn es konkret wird.

Viele Grüße aus Niddershausen
Svenja Oberländer
Quartiersmanagement / Integration
Stadt Niddershausen
"""

T58 = """\
Guten Tag,

kurze Nachfrage zu unserem Antrag (eingereicht am 17.08.2026, siehe
Verlauf unten): Der Bewilligungsbescheid ist bei uns noch nicht
angekommen. Ist er schon raus, oder fehlt noch etwas von uns? Der
Magistrat möchte den Auftrag an das Moderationsbüro erst nach Erhalt
vergeben.

Beste Grüße
Oliver Stumpf
Stadt Wohrafeld – Fachdienst Soziales
Tel. 06421 0498-77

""" + DISCLAIMER_DE + """

-----Original Message-----
From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Sent: Tuesday, August 11, 2026 9:30 AM
To: Stumpf, Oliver <o.stumpf@wohrafeld.de>
Subject: AW: Förderhöhe und Antragstellung KIV

Sehr geehrter Herr Stumpf,

die Förderung für KIV beläuft sich auf maximal 30.000 Euro. Ihr
geplantes Budget von 32.000 Euro liegt daher über der
Förderhöchstgrenze. Den Antrag stellen Sie online; den Link zur
Onlineantragstellung und eine Anleitung finden Sie unter
www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + """

-----Original Message-----
From: Stumpf, Oliver <o.stumpf@wohrafeld.de>
Sent: Monday, August 10, 2026 2:14 PM
To: landesprogrammWIR@hsm.hessen.de
Subject: Förderhöhe und Antragstellung KIV

Guten Tag,

die Stadt Wohrafeld (16.300 Einwohner, Landkreis Marburg-Biedenkopf)
plant eine Integrationsstrategie mit einem Budget von 32.000 Euro. Wie
viel davon übernimmt das Land, und wie stellen wir den Antrag?

Oliver Stumpf
"""

B59 = """\
Dies ist eine automatisch erzeugte Nachricht des Mailservers
mx1.aulatal.de.

Ihre Nachricht konnte an einen oder mehrere Empfänger nicht zugestellt
werden. Es handelt sich um einen dauerhaften Fehler; weitere
Zustellversuche werden nicht unternommen.

Empfänger:   buergermeister@aulatal.de
Grund:       Benutzer unbekannt
             (550 5.1.1 <buergermeister@aulatal.de>: Recipient address
             rejected: User unknown in local recipient table)

Bitte prüfen Sie die Adresse. Bei Rückfragen wenden Sie sich an
postmaster@aulatal.de.

----- Kopie der ursprünglichen Nachricht -----

Return-Path: <landesprogrammWIR@hsm.hessen.de>
From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
To: Hannelore Wenk <buergermeisterin@solzgrund.de>
Cc: buergermeister@aulatal.de, buergermeister@geisbach.de
Subject: AW: Gemeinsame Integrationsstrategie dreier Gemeinden
Date: Tue, 29 Sep 2026 06:54:31 +0200
Message-ID: <20260929045431.2b6e19@hsm.hessen.de>

Sehr geehrte Frau Bürgermeisterin Wenk,

vielen Dank für Ihre Anfrage. Kleinere Kommunen mit weniger als 10.000
Einwohnerinnen und Einwohnern können sich im ländlichen Raum mit anderen
Kommunen abstimmen; mit 4.300 Einwohnerinnen und Einwohnern gehört die
Gemeinde Solzgrund dazu.

An dem Prozess sollen sich idealerweise alle Bürgerinnen und Bürger vor
Ort beteiligen können, etwa bei Auftaktveranstaltungen, Strategie- bzw.
Planungsworkshops oder an runden Tischen.

""" + MINISTRY_SIG + "\n"

T60 = """\
Moin aus Nidderhain,

zwei Sachen:

Dürften wir von dem KIV-Geld auch eine Übersetzung unserer
Gemeinde-Website in Arabisch, Ukrainisch und Türkisch bezahlen, wenn das
in der Strategie als Maßnahme rauskommt? Oder geht das Geld nur an die
Moderation?

Und ganz andere Baustelle: Unser Bürgermeister fragt, ob es für Vereine,
die Geflüchtete als Übungsleiter einsetzen, eine Ehrenamtspauschale vom
Land gibt. Wissen Sie da was?

Danke & Gruß
Jens Diehl
Gemeinde Nidderhain
"""


# --------------------------------------------------------------------------
# The 60 cases. Each case holds the mail's data and its label.
#   date: (day in September 2026, hour, minute, second), CEST (+0200)
#   client: decides Message-ID style, Received line and client headers
#   body: how the MIME structure is built (see build_body)
# --------------------------------------------------------------------------

def inquiry(n, language, intents, population, amount_eur, state, eligibility, notes, **kw):
    return dict(n=n, kind="inquiry", language=language, intents=intents,
                population=population, amount_eur=amount_eur, state=state,
                eligibility=eligibility, notes=notes, **kw)


def other(n, kind, language, notes, **kw):
    return dict(n=n, kind=kind, language=language, intents=[], population=None,
                amount_eur=None, state=None, eligibility=None, notes=notes, **kw)


CASES = [
    inquiry(1, "de", ["eligibility"], 6300, None, "Hessen", "eligible",
            "Gemeinde Eichelsgrund. Colloquial ('ne kleine Gemeinde', 'wär') with the "
            "typo 'beantrgen'. 'ca. 6.300 EW'; Vogelsbergkreis implies Hessen. Asks "
            "only whether a small municipality may apply (no cooperation question, so "
            "no joint_application). Postcode and phone in the signature. Plain 8bit "
            "(Roundcube).",
            sender=("Jonas Wetzel", "j.wetzel@eichelsgrund.de"),
            subject="Förderung Integrationsstrategie – kommen wir in Frage?",
            date=(1, 8, 52, 17), client="roundcube",
            body=dict(type="plain", text=T01, cte="8bit")),

    inquiry(2, "de", ["funded_activities", "funding_amount"], 7412, 18000, "Hessen",
            "eligible",
            "Stadt Orkenfels. 'Einwohnerzahl: 7.412 (Stand 31.12.2025)'; '860 Personen "
            "ohne deutsche Staatsangehörigkeit' is a subgroup, not the population. "
            "Planned 'EUR 18.000,-'. Landkreis Waldeck-Frankenberg implies Hessen. Asks "
            "the maximum grant and whether an app-based survey and translations may be "
            "paid. Traps: committee date 24.09.2026, 'Haushaltsentwurf 2027', 'bis "
            "Mitte nächster Woche' is a reply wish, not a deadline question. "
            "multipart/related (Outlook multipart/alternative plus an inline PNG logo).",
            sender=("Trost, Melanie", "m.trost@orkenfels.de"),
            subject="Zuschuss und förderfähige Ausgaben KIV – Vorlage HFA 24.09.",
            date=(1, 11, 37, 2), client="outlook365",
            body=dict(type="related", text=T02)),

    inquiry(3, "en", ["duration", "programme_info"], None, None, "Hessen", "unknown",
            "Town of Bieberstal, English, policy intern. 'a small town in Hesse' gives "
            "the state. Confusable pair in one mail: 'How long has this support been "
            "around ... have other towns gone through it' (programme_info) versus 'how "
            "long is the whole thing supposed to take' (duration). No population. "
            "Plain 7bit (Thunderbird, format=flowed).",
            sender=("Priya Raman", "p.raman@bieberstal.de"),
            subject="Questions on the KIV support for a council memo",
            date=(1, 15, 4, 39), client="thunderbird", content_language="en-US",
            body=dict(type="plain", text=T03, cte="7bit", flowed=True)),

    other(4, "bounce", "en",
          "Postfix non-delivery report, multipart/report; report-type=delivery-status "
          "with text/plain notice, message/delivery-status (5.4.4, host not found) and "
          "the complete returned ministry answer as message/rfc822. The returned "
          "answer mentions 14.200 Einwohner and 30.000 Euro: not labelled. Carries "
          "Auto-Submitted.",
          sender=None, subject="Undelivered Mail Returned to Sender",
          date=(2, 9, 12, 5), client="postfix_bounce",
          body=dict(type="postfix_report", notice=B04_NOTICE, status=B04_STATUS,
                    queue_id="4N1bK82xQpz9tCR",
                    original=dict(to=("Sabine Kraft", "s.kraft@stadtverwaltung-ulsterbach.de"),
                                  subject="AW: KIV-Förderung Stadt Ulsterbach",
                                  when=(2, 9, 11, 38),
                                  msgid="20260902071138.e04a51@hsm.hessen.de",
                                  text=B04_ORIGINAL))),

    inquiry(5, "de", ["deadline"], None, None, "Hessen", "unknown",
            "Gemeinde Losseborn. Written without umlauts (fuer, ueberhaupt, Gruss). "
            "Asks 'wie viel Zeit bleibt uns ... den Antrag ... einzureichen' and "
            "whether the money for this year is gone: deadline, not duration, despite "
            "'wie viel Zeit'. 'kleine Gemeinde in Nordhessen' gives Hessen but no "
            "population. Council date 06.10. is context. Plain 7bit (webmail).",
            sender=("Dieter Hohmeier", "d.hohmeier@losseborn.de"),
            subject="Antrag Integrationsstrategie - reicht die Zeit noch?",
            date=(2, 13, 48, 51), client="webmail",
            body=dict(type="plain", text=T05, cte="7bit")),

    inquiry(6, "de", ["duration"], 12000, None, "Hessen", "eligible",
            "Stadt Kinzigrode. Population in words: 'rund zwölftausend Einwohnerinnen "
            "und Einwohnern'. Main-Kinzig-Kreis implies Hessen. Uses the word 'Frist' "
            "but asks how long the strategy work may take once started: duration, not "
            "deadline. Legal disclaimer below the signature. Plain, UTF-8 "
            "quoted-printable (Outlook/Exchange).",
            sender=("Ruhl, Sebastian", "s.ruhl@kinzigrode.de"),
            subject="Frist für die Strategieerarbeitung – Stadt Kinzigrode",
            date=(3, 10, 5, 44), client="exchange", org="Magistrat der Stadt Kinzigrode",
            body=dict(type="plain", text=T06, cte="quoted-printable")),

    other(7, "auto_reply", "de",
          "Outlook out-of-office of the sender of heldout-02 ('Automatische Antwort: "
          "AW: ...') with Auto-Submitted: auto-replied and X-Auto-Response-Suppress. "
          "Mentions a date and a phone number. multipart/alternative.",
          sender=("Trost, Melanie", "m.trost@orkenfels.de"),
          subject="Automatische Antwort: AW: Zuschuss und förderfähige Ausgaben KIV – "
                  "Vorlage HFA 24.09.",
          date=(3, 10, 26, 11), client="outlook365",
          reply_to_ministry="20260903082544.51c0d7@hsm.hessen.de",
          auto_headers=[("Auto-Submitted", "auto-replied"),
                        ("X-Auto-Response-Suppress", "All")],
          body=dict(type="alt", text=T07)),

    inquiry(8, "de", ["eligibility", "joint_application"], 2900, None, "Hessen",
            "eligible",
            "Gemeinde Sontrabach. 'knapp 2.900 Einwohnern'; Werra-Meißner-Kreis implies "
            "Hessen. Asks whether so small a municipality qualifies at all and whether "
            "it may work with the neighbouring Gemeinde Wehrgrund. ISO-8859-1 body in "
            "base64 and ISO-8859-1 encoded-word Subject (Outlook 2010).",
            sender=("Erika Schanze", "buergermeisterin@sontrabach.de"),
            subject="Förderfähigkeit kleiner Gemeinden / Zusammenarbeit mit Nachbarort",
            date=(3, 14, 33, 20), client="outlook2010", charset="iso-8859-1",
            org="Gemeindeverwaltung Sontrabach",
            body=dict(type="plain", text=T08, cte="base64", charset="iso-8859-1")),

    inquiry(9, "de", ["participation"], 30000, None, "Hessen", "eligible",
            "Stadt Niddershausen. 'knapp 30.000 Einw.'; Wetteraukreis implies Hessen. "
            "Asks how to get new residents, the shared accommodation and old clubs "
            "'an einen Tisch' without using the words Beteiligung or Methode. 'rund "
            "240 Menschen in der Gemeinschaftsunterkunft' and 'fünfzehn Leute' are not "
            "the population. Odd phone format. UTF-8 base64 body (Open-Xchange).",
            sender=("Svenja Oberländer", "s.oberlaender@niddershausen.de"),
            subject="Wie kriegen wir alle an einen Tisch?",
            date=(4, 9, 17, 26), client="openxchange",
            body=dict(type="plain", text=T09, cte="base64")),

    inquiry(10, "de", ["stakeholders"], None, None, "Hessen", "unknown",
            "Stadt Kerkerbachau. Asks which bodies must be involved "
            "(Stadtverordnetenversammlung, Sozialausschuss, Ausländerbeirat) and the "
            "role of the WIR-Vielfaltszentrum of Landkreis Limburg-Weilburg (implies "
            "Hessen). Explicitly defers citizen participation ('überlegen wir uns "
            "später'), so no participation intent. No population. Plain 8bit "
            "(Thunderbird).",
            sender=("Kolbenschlag, Ute", "u.kolbenschlag@kerkerbachau.de"),
            subject="Einbindung der Gremien im KIV-Prozess",
            date=(4, 11, 58, 3), client="thunderbird",
            body=dict(type="plain", text=T10, cte="8bit")),

    other(11, "acknowledgement", "de",
          "Stadt Kinzigrode (sender of heldout-06) thanks for the answer and asks "
          "nothing; 'Sollten sich ... noch Fragen ergeben, melde ich mich' is not a "
          "question. New text repeats 'Die 18 Monate'. Quotes the ministry answer and "
          "the first mail Outlook-style ('-----Ursprüngliche Nachricht-----', twice) "
          "with 18 Monate, 30.000 Euro and zwölftausend Einwohner. UTF-8 "
          "quoted-printable.",
          sender=("Ruhl, Sebastian", "s.ruhl@kinzigrode.de"),
          subject="AW: Frist für die Strategieerarbeitung – Stadt Kinzigrode",
          date=(7, 8, 21, 9), client="exchange", org="Magistrat der Stadt Kinzigrode",
          reply_to_ministry="20260904131002.0d7a9e@hsm.hessen.de",
          body=dict(type="plain", text=T11, cte="quoted-printable")),

    inquiry(12, "de", ["strategy_adoption"], 23500, None, "Hessen", "eligible",
            "Stadt Salzbödental, chair of the town parliament. 'unsere 23 500 "
            "Bürgerinnen und Bürger' (space as thousands separator); 'mittelhessische "
            "Kleinstadt' gives Hessen. Quotes '18 Monate Zeit' from the press release "
            "(not a question about duration, not a fact) and asks what lies on the "
            "table afterwards, whether parliament must adopt it and whether it is "
            "binding. multipart/alternative (Outlook).",
            sender=("Gabriele Freund", "g.freund@salzboedental.de"),
            subject="Frage aus den Fraktionen: Was passiert am Ende des KIV-Prozesses?",
            date=(7, 10, 44, 56), client="outlook365",
            body=dict(type="alt", text=T12)),

    inquiry(13, "de", ["guideline"], None, None, None, "unknown",
            "Gemeinde Gilsaheim. Asks for the binding rules 'schwarz auf weiß' to read "
            "without saying Richtlinie. No population, no state. Sent from an iPad, "
            "UTF-8 quoted-printable.",
            sender=("Tanja Möbus", "t.moebus@gilsaheim.de"),
            subject="Regeln zur Förderung schriftlich?",
            date=(7, 16, 2, 31), client="ipad",
            body=dict(type="plain", text=T13, cte="quoted-printable")),

    inquiry(14, "de", ["contact"], None, None, None, "unknown",
            "Gemeinde Schwarzbachau. Wants a direct phone number or person; gives own "
            "office hours and number. File number 'Az.: 460.12/KIV' in the signature "
            "is not a fact. No population, no state. windows-1252 quoted-printable "
            "body with „“ and – and windows-1252 encoded-word Subject (Outlook 2010).",
            sender=("Brandau, Holger", "h.brandau@schwarzbachau.de"),
            subject="Telefonische Rückfrage – Ansprechpartner gesucht",
            date=(8, 9, 9, 47), client="outlook2010", charset="windows-1252",
            body=dict(type="plain", text=T14, cte="quoted-printable",
                      charset="windows-1252")),

    other(15, "auto_reply", "de",
          "SYNTHETIC: out-of-office of the sender of heldout-05 without any automation "
          "header and with an ordinary 'AW:' subject; recognisable only by the text "
          "('Ich bin ab dem 21.09.2026 wieder im Büro'). UTF-8 quoted-printable.",
          sender=("Dieter Hohmeier", "d.hohmeier@losseborn.de"),
          subject="AW: Antrag Integrationsstrategie - reicht die Zeit noch?",
          date=(8, 11, 30, 14), client="webmail",
          reply_to_ministry="20260908092958.6a3f01@hsm.hessen.de",
          body=dict(type="plain", text=T15, cte="quoted-printable")),

    inquiry(16, "de", ["application_status"], None, 25000, "Hessen", "unknown",
            "Stadt Geraufelden (Kreis Groß-Gerau implies Hessen). Application of "
            "03.06.2026, portal number KIV-2026-0188, requested '25 000 Euro' (space "
            "separator). Asks whether it arrived complete and when a decision comes. "
            "Traps: IBAN, postcode, phone, disclaimer; bank details for the payment do "
            "not make it a payment question only. No population. multipart/mixed with "
            "a dummy PDF receipt.",
            sender=("Arnold, Nicole", "n.arnold@geraufelden.de"),
            subject="Sachstand Antrag KIV-2026-0188 – Stadt Geraufelden",
            date=(8, 14, 55, 38), client="exchange", org="Magistrat der Stadt Geraufelden",
            body=dict(type="mixed_pdf", text=T16,
                      filename="Eingangsbestaetigung_KIV-2026-0188.pdf",
                      pdf_lines=[
                          "Eingangsbestaetigung Onlineantrag - DUMMY, frei erfunden",
                          "Landesprogramm WIR - Kommunale Vielfalts- und Integrationsstrategie",
                          "Vorgangsnummer: KIV-2026-0188",
                          "Antragsteller: Magistrat der Stadt Geraufelden",
                          "Eingang: 03.06.2026, 09:47 Uhr",
                          "Beantragte Summe: 25.000,00 EUR",
                      ])),

    inquiry(17, "de", ["out_of_scope"], 8100, None, "Hessen", "eligible",
            "Gemeinde Usabrunn. Asks for a guide for a naturalisation ceremony and "
            "whether the state coat of arms may be printed: not covered by the "
            "programme. 'ca. 8.100 EW'; Hochtaunuskreis implies Hessen; the rule still "
            "gives eligible. Plain 8bit (Thunderbird).",
            sender=("Bernd Scholl", "buergermeister@usabrunn.de"),
            subject="Einbürgerungsfeier – gibt es eine Handreichung?",
            date=(9, 8, 40, 22), client="thunderbird",
            body=dict(type="plain", text=T17, cte="8bit")),

    inquiry(18, "en", ["eligibility", "programme_info"], 50000, None, "Hessen",
            "not_eligible",
            "Town of Erlenbrück, English. Edge case: 'exactly 50,000 registered "
            "residents' is not below 50,000, so not eligible. 'Hesse' gives the state. "
            "Also asks how many municipalities have used the programme. Date '30 June "
            "2026' is a trap. Sender name with ś (UTF-8 encoded-word). "
            "multipart/alternative (Outlook).",
            sender=("Wiśniewski, Tomasz", "t.wisniewski@erlenbrueck.de"),
            subject="KIV grant – does a town of exactly 50,000 still qualify?",
            date=(9, 10, 13, 5), client="outlook365", content_language="en-US",
            body=dict(type="alt", text=T18, lang="EN-US")),

    other(19, "bounce", "en",
          "Exim 'Mail delivery failed' as a single text/plain part: 552 5.3.4 message "
          "too big; only the returned message's headers are copied. Carries "
          "Auto-Submitted and X-Failed-Recipients.",
          sender=("Mail Delivery System", "Mailer-Daemon@relay3.hessen.de"),
          subject="Mail delivery failed: returning message to sender",
          date=(9, 12, 27, 51), client="exim_bounce",
          failed_recipient="soziales@stadt-weiltalsheim.de",
          body=dict(type="plain", text=B19, cte="7bit", charset="us-ascii")),

    inquiry(20, "de", ["eligibility", "funding_amount"], 49999, None, "Hessen",
            "eligible",
            "Stadt Semdfeld. Edge case 'genau 49.999 Einwohner' is below 50,000, so "
            "eligible. Landkreis Darmstadt-Dieburg implies Hessen. Asks whether the "
            "registration figure counts and whether the cap 'maximal 30.000 Euro' is "
            "per year or in total: the cap quoted back is not an amount. Stichtag "
            "30.06.2026 is a trap. UTF-8 quoted-printable (Exchange).",
            sender=("Gundlach, Ralf", "r.gundlach@semdfeld.de"),
            subject="Antragsberechtigung bei 49.999 Einwohnern - Stadt Semdfeld",
            date=(10, 9, 36, 12), client="exchange", org="Magistrat der Stadt Semdfeld",
            body=dict(type="plain", text=T20, cte="quoted-printable")),

    inquiry(21, "de", ["application_process", "guideline"], None, None, None, "unknown",
            "Gemeinde Kallbachtal. Links in the press release do not work; asks how to "
            "proceed 'um das Geld zu bekommen' (form or online, step-by-step help) and "
            "for 'das eigentliche Regelwerk' in full (guideline). No population, no "
            "state. Plain 8bit (Thunderbird).",
            sender=("Katrin Eifert", "buergerbuero@kallbachtal.de"),
            subject="Wie stelle ich den Antrag? Links funktionieren nicht",
            date=(10, 13, 20, 40), client="thunderbird",
            body=dict(type="plain", text=T21, cte="8bit")),

    inquiry(22, "en", ["funded_activities"], 6800, 28500, "Hessen", "eligible",
            "Municipality of Aulbachtal, English. 'some 6,800 residents'; "
            "'Rheingau-Taunus district' implies Hessen; draft budget '€28,500'. Asks "
            "whether the grant may pay an internal part-time coordinator or must go to "
            "an external facilitator, and a printed household survey: funded "
            "activities only, although a budget is named (no funding_amount). UTF-8 "
            "quoted-printable (Apple Mail).",
            sender=("Jonathan Mercer", "j.mercer@aulbachtal.de"),
            subject="KIV grant - internal coordinator or external facilitator?",
            date=(10, 16, 48, 7), client="applemail", content_language="en-GB",
            body=dict(type="plain", text=T22, cte="quoted-printable")),

    other(23, "auto_reply", "en",
          "English out-of-office of the sender of heldout-03 ('Automatic reply: AW: "
          "...') with Auto-Submitted: auto-replied and X-Autoreply. Plain 7bit.",
          sender=("Priya Raman", "p.raman@bieberstal.de"),
          subject="Automatic reply: AW: Questions on the KIV support for a council memo",
          date=(11, 8, 5, 33), client="outlook365", content_language="en-US",
          reply_to_ministry="20260911060452.9e2b44@hsm.hessen.de",
          auto_headers=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")],
          body=dict(type="plain", text=T23, cte="7bit")),

    inquiry(24, "en", ["participation", "stakeholders"], None, None, "Hessen", "unknown",
            "Town of Zwestenbach, English. Two numbered questions: how other towns got "
            "ordinary residents to take part (participation) and which bodies have to "
            "be involved, incl. the county's diversity centre (stakeholders). "
            "'Marburg-Biedenkopf district' implies Hessen. No population. "
            "multipart/alternative (Outlook).",
            sender=("Helen Fischer-Owusu", "h.fischer-owusu@zwestenbach.de"),
            subject="Participation and bodies in the KIV process – Town of Zwestenbach",
            date=(11, 10, 51, 29), client="outlook365", content_language="en-GB",
            body=dict(type="alt", text=T24, lang="EN-GB")),

    inquiry(25, "de", ["application_status", "contact"], None, None, None, "unknown",
            "Gemeinde Perfeltal. New text: application submitted online on 29.07.2026, "
            "asks whether it arrived and how far processing is, and for a direct "
            "contact person with phone number. Long Outlook history below "
            "('-----Ursprüngliche Nachricht-----' twice): the ministry's July answer "
            "and the first mail with 9.800 Einwohner, Landkreis Marburg-Biedenkopf, "
            "22.000 Euro, application process and deadline questions: none of it is "
            "labelled. UTF-8 quoted-printable (Outlook).",
            sender=("Hebel, Florian", "florian.hebel@perfeltal.de"),
            subject="AW: Antragstellung und Fristen KIV",
            date=(11, 14, 19, 55), client="outlook365",
            reply_to_ministry="20260713122204.3c81fa@hsm.hessen.de",
            references_extra=["20260709070511.a9d2c4@perfeltal.de"],
            body=dict(type="plain", text=T25, cte="quoted-printable")),

    other(26, "acknowledgement", "en",
          "Town of Erlenbrück (sender of heldout-18) thanks for the answer and will "
          "'take it from here'; no question, nothing quoted. 'RE:' subject. UTF-8 "
          "quoted-printable.",
          sender=("Wiśniewski, Tomasz", "t.wisniewski@erlenbrueck.de"),
          subject="RE: KIV grant – does a town of exactly 50,000 still qualify?",
          date=(14, 9, 3, 48), client="outlook365", content_language="en-US",
          reply_to_ministry="20260911133015.f1e8d2@hsm.hessen.de",
          body=dict(type="plain", text=T26, cte="quoted-printable")),

    inquiry(27, "de", ["deadline", "duration"], 11000, None, "Hessen", "eligible",
            "Stadt Olmesfeld, sent from an iPhone in a hurry. Asks until when the "
            "application must be sent to get this year's money (deadline) and how long "
            "the project then runs (duration). 'ca. 11 Tsd. Einwohner'; "
            "Schwalm-Eder-Kreis implies Hessen. UTF-8 quoted-printable.",
            sender=("Marco Lenz", "m.lenz@olmesfeld.de"),
            subject="Antrag + Laufzeit?",
            date=(14, 11, 42, 16), client="iphone",
            body=dict(type="plain", text=T27, cte="quoted-printable")),

    inquiry(28, "de", ["guideline", "programme_info"], 38000, None, "Hessen", "eligible",
            "Stadt Kriftelbach, newly elected mayor. 'rund 38 Tsd. Einwohnerinnen und "
            "Einwohner'; Main-Taunus-Kreis implies Hessen. Asks what the programme is "
            "about, since when it exists and whether others have experience "
            "(programme_info), and where the Förderrichtlinie is published "
            "(guideline). Date '1. Juli 2026' is a trap. ISO-8859-1 quoted-printable "
            "body and ISO-8859-1 encoded-word Subject.",
            sender=("Köhler-Sayed, Annette (Dr.)", "buergermeisterin@kriftelbach.de"),
            subject="Fragen zum Programm KIV und zur Förderrichtlinie",
            date=(14, 15, 26, 3), client="outlook2010", charset="iso-8859-1",
            org="Magistrat der Stadt Kriftelbach",
            body=dict(type="plain", text=T28, cte="quoted-printable",
                      charset="iso-8859-1")),

    other(29, "auto_reply", "de",
          "SYNTHETIC: ticket-system receipt of Stadtverwaltung Semdfeld (after the "
          "ministry answered heldout-20) without any automation header, ordinary "
          "'AW:' subject that contains '49.999 Einwohnern'. Recognisable only by the "
          "text ('Ihre Nachricht ist bei uns eingegangen und wird unter der "
          "Vorgangsnummer ... bearbeitet'). ISO-8859-15 quoted-printable body; "
          "Subject and From are plain ASCII.",
          sender=("Stadtverwaltung Semdfeld", "poststelle@semdfeld.de"),
          subject="AW: Antragsberechtigung bei 49.999 Einwohnern - Stadt Semdfeld",
          date=(15, 7, 58, 42), client="ticketsys", charset="iso-8859-15",
          reply_to_ministry="20260915055812.7b90c3@hsm.hessen.de",
          body=dict(type="plain", text=T29, cte="quoted-printable",
                    charset="iso-8859-15")),

    inquiry(30, "de", ["joint_application"], 5600, None, "Hessen", "eligible",
            "Gemeinde Ulsterau. '5.600 Einwohnerinnen und Einwohner'; the neighbour "
            "Nüstgrund's 'ca. 4.000' is not the population. Landkreis Fulda implies "
            "Hessen. Asks whether two municipalities may run the process together; "
            "eligibility itself is not asked. multipart/alternative (Outlook).",
            sender=("Gensler, Matthias", "buergermeister@ulsterau.de"),
            subject="Gemeinsamer Strategieprozess mit der Nachbargemeinde Nüstgrund",
            date=(15, 10, 34, 18), client="outlook365",
            body=dict(type="alt", text=T30)),

    inquiry(31, "de", ["stakeholders", "strategy_adoption"], None, None, "Hessen",
            "unknown",
            "Gemeinde Marbachsgrund. New text asks whom to involve (Gemeindevertretung, "
            "Vielfaltszentrum des Odenwaldkreises, implies Hessen) and who adopts the "
            "finished strategy. Below, an Apple-Mail quote ('Am 14.09.2026 um 16:47 "
            "schrieb ...:' with '> ') of a colleague asking about the maximum, the "
            "deadline, '35.000 €' and '7.950 Einwohner': not labelled; the new text "
            "even says the budget questions are settled internally. UTF-8 "
            "quoted-printable.",
            sender=("Jan-Philipp Reuter", "jp.reuter@marbachsgrund.de"),
            subject="Einbindung und Beschluss – Integrationsstrategie Marbachsgrund",
            date=(15, 13, 11, 37), client="applemail",
            body=dict(type="plain", text=T31, cte="quoted-printable")),

    other(32, "bounce", "de",
          "Exchange non-delivery report in German ('Unzustellbar: AW: ...', mailbox "
          "full 554 5.2.2): multipart/report with a multipart/alternative German "
          "text/HTML notice, message/delivery-status and the returned ministry answer "
          "to heldout-10 as message/rfc822. From Microsoft Outlook system address, no "
          "Auto-Submitted.",
          sender=("Microsoft Outlook",
                  "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@kerkerbachau.de"),
          subject="Unzustellbar: AW: Einbindung der Gremien im KIV-Prozess",
          date=(15, 16, 40, 2), client="exchange_ndr",
          body=dict(type="exchange_ndr", text=B32_TEXT, status=B32_STATUS,
                    original=dict(to=("Kolbenschlag, Ute", "u.kolbenschlag@kerkerbachau.de"),
                                  subject="AW: Einbindung der Gremien im KIV-Prozess",
                                  when=(15, 16, 38, 49),
                                  msgid="20260915143849.c27e5a@hsm.hessen.de",
                                  text=B32_ORIGINAL))),

    inquiry(33, "de", ["contact", "out_of_scope"], None, None, None, "unknown",
            "Gemeinde Hainbachtal. Two unrelated requests: whether the state pays "
            "interpreters for parent talks in day-care centres (out of scope) and how "
            "to reach the responsible person for a talk about a strategy (contact). No "
            "population, no state. Plain 8bit (Roundcube).",
            sender=("Sandra Becker-Yilmaz", "s.becker-yilmaz@hainbachtal.de"),
            subject="Zwei Anliegen: Dolmetscherkosten Kita / Gespräch zur "
                    "Integrationsstrategie",
            date=(16, 9, 25, 10), client="roundcube",
            body=dict(type="plain", text=T33, cte="8bit")),

    inquiry(34, "de", ["funding_amount"], 18250, 35000, "Hessen", "eligible",
            "Stadt Haingrund. 'hessische Kleinstadt mit 18.250 Einwohnern'. Offer of "
            "'35.000 €' is above the cap; asks whether the whole sum can be requested "
            "and whether the rest may be co-funded. ISO-8859-15 quoted-printable body "
            "(€ as 0xA4) and ISO-8859-15 encoded-word Subject containing €.",
            sender=("Weißenborn, Thomas", "t.weissenborn@haingrund.de"),
            subject="Förderhöhe bei 35.000 € Angebot",
            date=(16, 11, 3, 54), client="outlook2010", charset="iso-8859-15",
            org="Magistrat der Stadt Haingrund",
            body=dict(type="plain", text=T34, cte="quoted-printable",
                      charset="iso-8859-15")),

    inquiry(35, "de", ["application_process", "funded_activities", "funding_amount"],
            9400, None, None, "eligible",
            "Gemeinde Wohrabach. Lower-case, colloquial list with 'gibts' and "
            "'wieviel'; Subject 'Foerderhoehe' without umlauts. Three questions: how "
            "to apply (form or e-mail), the maximum, and whether only the moderation "
            "or also flyers and room rent are paid. 'ca. 9.400 EW'; no state named, "
            "so eligible by the rule. Plain 8bit (webmail).",
            sender=("Kim Schreiner", "buergerbuero@wohrabach.de"),
            subject="Fragen zu Antrag + Foerderhoehe",
            date=(16, 14, 47, 6), client="webmail",
            body=dict(type="plain", text=T35, cte="8bit")),

    other(36, "acknowledgement", "de",
          "Gemeinde Eichelsgrund (sender of heldout-01) thanks from an iPhone; "
          "quotes the ministry answer Apple-style ('Am 16.09.2026 um 17:12 schrieb "
          "...:' with '> ') including 6.300 Einwohner and the cooperation hint. "
          "UTF-8 quoted-printable.",
          sender=("Jonas Wetzel", "j.wetzel@eichelsgrund.de"),
          subject="Re: AW: Förderung Integrationsstrategie – kommen wir in Frage?",
          date=(17, 7, 31, 25), client="iphone",
          reply_to_ministry="20260916151209.44de8b@hsm.hessen.de",
          body=dict(type="plain", text=T36, cte="quoted-printable")),

    inquiry(37, "en", ["application_process", "deadline"], 14200, None, "Hessen",
            "eligible",
            "Town of Ulmtalheim, English. 'approx. 14,200 inhabitants, Lahn-Dill "
            "district, Hesse'. Asks whether it is still realistic to apply for this "
            "year's funds and whether to post a paper form or apply online. Gmail "
            "reply ('On Tue, Sep 15, 2026 at 4:12 PM ... wrote:', wrapped) quoting a "
            "colleague who asks about the maximum, '€40,000' and whom to call: not "
            "labelled. Gmail multipart/alternative with gmail_quote blockquote.",
            sender=("Lena Hartmann", "l.hartmann@ulmtalheim.de"),
            subject="KIV application – still time this year? How to submit?",
            date=(17, 10, 22, 44), client="gmail",
            body=dict(type="gmail", text=T37_NEW, attr_plain=T37_ATTR_PLAIN,
                      attr_html=T37_ATTR_HTML, quoted=T37_QUOTED)),

    other(38, "auto_reply", "de",
          "Ticket-system receipt of the Bürgerservice of Stadt Kriftelbach "
          "('[Ticket#20260917-0412] AW: ...') with Auto-Submitted: auto-generated, "
          "X-Loop, Precedence: bulk and X-Auto-Response-Suppress. Plain 8bit.",
          sender=("Bürgerservice Stadt Kriftelbach", "service@kriftelbach.de"),
          subject="[Ticket#20260917-0412] AW: Fragen zum Programm KIV und zur "
                  "Förderrichtlinie",
          date=(17, 12, 9, 8), client="zammad",
          reply_to_ministry="20260917100852.5e17ab@hsm.hessen.de",
          auto_headers=[("Auto-Submitted", "auto-generated"), ("X-Loop", "yes"),
                        ("Precedence", "bulk"), ("X-Auto-Response-Suppress", "All")],
          body=dict(type="plain", text=T38, cte="8bit")),

    inquiry(39, "de", ["participation"], None, None, None, "unknown",
            "Stadt Emsfelden. A thank-you that ends with a new question: how to "
            "involve older people and young families beyond the usual evening event "
            "(participation). Thunderbird quote ('Am 15.09.26 um 11:20 schrieb ...:' "
            "with '>' and '>>') of the ministry answer and the first mail, with "
            "eligibility, 30.000 Euro, 18 Monate, 14.900 Einwohner and Lahn-Dill-Kreis: "
            "not labelled, so population and state are null. Plain 8bit, "
            "format=flowed.",
            sender=("Carina Lotz", "c.lotz@emsfelden.de"),
            subject="Re: AW: Anfrage KIV-Förderung Stadt Emsfelden",
            date=(17, 15, 53, 19), client="thunderbird",
            reply_to_ministry="20260915092011.d8b6c2@hsm.hessen.de",
            references_extra=["20260911070233.1f4e9a@emsfelden.de"],
            body=dict(type="plain", text=T39, cte="8bit", flowed=True)),

    inquiry(40, "de", ["contact"], None, None, None, "unknown",
            "Gemeinde Itterau. Forwards an Outlook non-delivery report of her first "
            "mail (typo address) and asks whether this is the right place and for a "
            "phone number; says she will resend her actual questions later. The "
            "forwarded NDR text (550 5.1.1) and her quoted first mail (4.700 "
            "Einwohner, Landkreis Waldeck-Frankenberg, deadline, maximum, 26.000 Euro) "
            "are not labelled. Kind inquiry despite the bounce text. 'WG:' subject, "
            "UTF-8 quoted-printable (Outlook).",
            sender=("Gottschalk, Sabine", "s.gottschalk@itterau.de"),
            subject="WG: Unzustellbar: Anfrage KIV-Förderung Gemeinde Itterau",
            date=(18, 9, 44, 30), client="exchange", org="Gemeindeverwaltung Itterau",
            body=dict(type="plain", text=T40, cte="quoted-printable")),

    other(41, "bounce", "en",
          "Gmail-like 'Delivery Status Notification (Failure)' from Mail Delivery "
          "Subsystem ('** Address not found **', 550 5.1.1): multipart/report with "
          "multipart/alternative text/HTML, message/delivery-status and the returned "
          "ministry answer as message/rfc822 (5.600 Einwohner). Auto-Submitted.",
          sender=("Mail Delivery Subsystem", "mailer-daemon@googlemail.com"),
          subject="Delivery Status Notification (Failure)",
          date=(18, 11, 15, 4), client="gmail_dsn",
          body=dict(type="gmail_dsn", text=B41_TEXT, status=B41_STATUS,
                    original=dict(to=("Matthias Gensler", "m.gensler@ulsterau-net.de"),
                                  subject="AW: Gemeinsamer Strategieprozess mit der "
                                          "Nachbargemeinde Nüstgrund",
                                  when=(18, 11, 14, 58),
                                  msgid="20260918091458.77c1e0@hsm.hessen.de",
                                  text=B41_ORIGINAL))),

    inquiry(42, "en", ["stakeholders", "strategy_adoption"], 21300, None, "Hessen",
            "eligible",
            "Town of Lumbach, English. 'Giessen district' (Landkreis Gießen, spelt "
            "without ß) implies Hessen; 'pop. 21,300'. Asks whether the county's WIR "
            "diversity centre must be involved and whether the strategy needs a "
            "council vote. Plain 7bit (Thunderbird).",
            sender=("Daniel Okafor", "d.okafor@lumbach.de"),
            subject="County diversity centre and council vote - KIV",
            date=(18, 13, 58, 41), client="thunderbird", content_language="en-GB",
            body=dict(type="plain", text=T42, cte="7bit")),

    inquiry(43, "de", ["duration", "strategy_adoption"], None, None, None, "unknown",
            "Gemeinde Kinzbach. Asks from when 'die Uhr läuft' (duration, without the "
            "word Laufzeit) and what must exist at the end, a council resolution or a "
            "final report (strategy_adoption). Gmail reply with the wrapped German "
            "attribution '... schrieb am Mi., 2. Sept. 2026 um 14:03 Uhr:' (wrapped after "
            "'Mi., 2.') quoting "
            "the ministry answer (8.700 Einwohner, 30.000 Euro) and a nested first "
            "mail (Main-Kinzig-Kreis): not labelled. Gmail multipart/alternative.",
            sender=("Nils Brückner", "n.brueckner@kinzbach.de"),
            subject="Re: KIV-Förderung Gemeinde Kinzbach",
            date=(21, 8, 47, 13), client="gmail",
            reply_to_ministry="20260902120321.b6a4f0@hsm.hessen.de",
            body=dict(type="gmail", text=T43_NEW, attr_plain=T43_ATTR_PLAIN,
                      attr_html=T43_ATTR_HTML, quoted=T43_QUOTED)),

    inquiry(44, "de", ["programme_info"], None, None, None, "unknown",
            "Stadt Nesselborn, civil-service trainee writing a paper. Asks since when "
            "the state supports smaller towns and how many municipalities have been "
            "funded. No population, no state. UTF-8 quoted-printable (Open-Xchange).",
            sender=("Lara Jankowski", "l.jankowski@nesselborn.de"),
            subject="Projektarbeit – Eckdaten zum Programm WIR/KIV",
            date=(21, 11, 20, 50), client="openxchange",
            body=dict(type="plain", text=T44, cte="quoted-printable")),

    other(45, "auto_reply", "en",
          "SYNTHETIC: English vacation notice of the sender of heldout-24 without any "
          "automation header and with an ordinary 'Re: AW:' subject; recognisable only "
          "by the text ('I'm on annual leave until Monday, 5 October 2026'). Plain "
          "7bit.",
          sender=("Helen Fischer-Owusu", "h.fischer-owusu@zwestenbach.de"),
          subject="Re: AW: Participation and bodies in the KIV process – Town of "
                  "Zwestenbach",
          date=(21, 14, 6, 27), client="webmail",
          reply_to_ministry="20260921120549.3aa7d1@hsm.hessen.de",
          body=dict(type="plain", text=T45, cte="7bit")),

    inquiry(46, "de", ["application_status"], 8950, 24000, "Hessen", "eligible",
            "Gemeinde Warmetal. Grant approved on 14.07.2026, asks when the money is "
            "paid out or whether something is missing (payment = application_status). "
            "Facts only inside an HTML table: 'Einwohner (31.12.2025) | 8.950', "
            "'Beantragte und bewilligte Summe | 24.000,00&nbsp;&euro;', 'Gemeinde "
            "Warmetal, Landkreis Kassel' (implies Hessen). Traps: Aktenzeichen, IBAN, "
            "postcode. HTML-only Word/Outlook 2010 style, windows-1252 "
            "quoted-printable, tables, &nbsp; and entities, disclaimer.",
            sender=("Vogt, Rainer", "r.vogt@warmetal.de"),
            subject="Auszahlung KIV-Förderung – Bescheid vom 14.07.2026",
            date=(22, 9, 31, 16), client="outlook2010", charset="windows-1252",
            body=dict(type="html", html=H46, charset="windows-1252")),

    inquiry(47, "en", ["eligibility", "funding_amount"], 9300, None,
            "Baden-Württemberg", "not_eligible",
            "Town of Taubergrund, English. 'Main-Tauber district (Baden-Württemberg)': "
            "outside Hessen, so not eligible although 'population of about 9,300' is "
            "small. 'Hessian border' and 'Frankfurt area' are traps for the state. "
            "Asks whether it may take part and how much. UTF-8 quoted-printable "
            "(Outlook).",
            sender=("Sophie Marchetti", "s.marchetti@taubergrund.de"),
            subject="KIV funding for a town just across the state line?",
            date=(22, 12, 12, 58), client="outlook365", content_language="en-GB",
            body=dict(type="plain", text=T47, cte="quoted-printable")),

    other(48, "acknowledgement", "de",
          "Mayor of Gemeinde Dörnbachtal thanks for the approval notice; mentions "
          "'24.500 Euro', 'knapp 2.900 Einwohnerinnen und Einwohner', the neighbour "
          "Wehrgrund and Werra-Meißner-Kreis, but asks nothing: all facts null. "
          "multipart/alternative (Outlook).",
          sender=("Appel, Karl-Heinz", "buergermeister@doernbachtal.de"),
          subject="Bewilligungsbescheid KIV – herzlichen Dank",
          date=(22, 15, 37, 22), client="outlook365",
          body=dict(type="alt", text=T48)),

    inquiry(49, "de", ["eligibility"], 7900, None, "Bayern", "not_eligible",
            "Markt Kahlbrunn in Landkreis Aschaffenburg, which lies in Bayern (state "
            "given only by the district). '7.900 Einwohnerinnen und Einwohner'. Traps: "
            "'hessischen Landesgrenze', 'hessischen Seite', Hanau and the Hessian "
            "Main-Kinzig-Kreis are named but are not the municipality's district. "
            "Not eligible. UTF-8 quoted-printable (Exchange).",
            sender=("Hock, Andreas", "a.hock@markt-kahlbrunn.de"),
            subject="Teilnahme an KIV für Kommune in Grenzlage?",
            date=(23, 8, 58, 3), client="exchange", org="Markt Kahlbrunn",
            body=dict(type="plain", text=T49, cte="quoted-printable")),

    inquiry(50, "de", ["eligibility", "joint_application"], 3100, None, "Sachsen",
            "not_eligible",
            "Gemeinde Neißaue (Landkreis Görlitz, Sachsen), 'rund 3.100 Einwohner'. "
            "Asks whether it can apply together with its Hessian partner municipality "
            "Eichelsgrund and whether a Saxon municipality may be an applicant. "
            "'hessischen Gemeinde' describes the partner; '1991' is a trap. Not "
            "eligible. Plain 8bit (Thunderbird).",
            sender=("Uwe Kretschmar", "buergermeister@neissaue.de"),
            subject="Gemeinsame KIV-Bewerbung mit hessischer Partnergemeinde?",
            date=(23, 11, 46, 35), client="thunderbird",
            body=dict(type="plain", text=T50, cte="8bit")),

    other(51, "bounce", "en",
          "Postfix 'Delayed Mail (still being retried)' warning: multipart/report with "
          "Action: delayed, Status 4.4.1 and text/rfc822-headers. Still kind bounce "
          "although nothing failed yet. Auto-Submitted.",
          sender=None, subject="Delayed Mail (still being retried)",
          date=(23, 17, 20, 46), client="postfix_bounce",
          body=dict(type="postfix_report", notice=B51_NOTICE, status=B51_STATUS,
                    queue_id="4N7mQ20Zr4z9tLw", headers_only=True,
                    original=dict(to=("Markt Kahlbrunn", "poststelle@markt-kahlbrunn.de"),
                                  subject="AW: Teilnahme an KIV für Kommune in Grenzlage?",
                                  when=(23, 12, 41, 17),
                                  msgid="20260923104117.0c5d3b@hsm.hessen.de",
                                  text=""))),

    inquiry(52, "de", ["application_process", "guideline"], None, None,
            "Rheinland-Pfalz", "not_eligible",
            "Ortsgemeinde Gelbachhöhe in the Rhein-Lahn-Kreis, which lies in "
            "Rheinland-Pfalz (state given only by the district; 'Verbandsgemeinde' is "
            "an institutional hint, not used). Asks where the full guideline is and "
            "how to apply (portal or form). Not eligible though eligibility is not "
            "asked. windows-1252 base64 body and windows-1252 encoded-word Subject.",
            sender=("Ines Hartung", "i.hartung@vg-gelbachhoehe.de"),
            subject="Förderrichtlinie und Antragsweg KIV",
            date=(24, 9, 14, 9), client="outlook2010", charset="windows-1252",
            body=dict(type="plain", text=T52, cte="base64", charset="windows-1252")),

    inquiry(53, "de", ["joint_application", "participation"], 4300, None, "Hessen",
            "eligible",
            "Gemeinde Solzgrund. 'wir in Solzgrund mit 4.300 Einwohnern'; 'zusammen "
            "rund 9.000 Menschen' for three municipalities is not the population. "
            "Landkreis Hersfeld-Rotenburg implies Hessen. Asks whether three "
            "municipalities may share one process and how to involve citizens of all "
            "villages. UTF-8 quoted-printable (Apple Mail).",
            sender=("Hannelore Wenk", "buergermeisterin@solzgrund.de"),
            subject="Gemeinsame Integrationsstrategie dreier Gemeinden",
            date=(24, 13, 29, 50), client="applemail",
            cc=[("Bürgermeister Aulatal", "buergermeister@aulatal.de")],
            body=dict(type="plain", text=T53, cte="quoted-printable")),

    other(54, "auto_reply", "en",
          "SYNTHETIC: English ticket receipt of the Citizen Services of the Town of "
          "Ulmtalheim (reference CS-2026-18834) without any automation header; "
          "recognisable only by the text. multipart/alternative.",
          sender=("Town of Ulmtalheim Citizen Services", "citizen-services@ulmtalheim.de"),
          subject="[CS-2026-18834] Re: AW: KIV application – still time this year? "
                  "How to submit?",
          date=(24, 16, 3, 15), client="ticketsys", content_language="en",
          reply_to_ministry="20260924140301.e92c17@hsm.hessen.de",
          body=dict(type="alt", text=T54, lang="EN-US")),

    inquiry(55, "de", ["out_of_scope"], None, None, None, "unknown",
            "Stadt Erlenmühl. Reply to an old KIV thread (subject still 'AW: "
            "KIV-Förderung ...'), but the new text asks whether the state funds a "
            "citizens' bus or transport service for refugees and 'wo wäre so etwas zu "
            "beantragen': out of scope, not application_process. The quoted Outlook "
            "history (HTML 'Von:/Gesendet:/An:/Betreff:' blocks) has 27.400 "
            "Einwohner, Landkreis Gießen, 29.000 € and KIV answers: not labelled. "
            "HTML-only Outlook/Word, UTF-8 quoted-printable, signature table.",
            sender=("Sauer, Friederike", "f.sauer@erlenmuehl.de"),
            subject="AW: KIV-Förderung Stadt Erlenmühl",
            date=(25, 10, 8, 57), client="outlook365",
            reply_to_ministry="20260909094801.71fb0e@hsm.hessen.de",
            body=dict(type="html", html=H55)),

    inquiry(56, "de", ["application_process", "contact", "deadline"], None, None,
            "Hessen", "unknown",
            "Gemeinde Weidelbach (Landkreis Offenbach implies Hessen). Forwards an "
            "error report from the IT service desk (portal error 502 / "
            "SESSION_TOKEN_EXPIRED, ticket numbers, timestamps) and asks whether the "
            "application may be sent as PDF by e-mail, whether there is a closing "
            "date, and whom to call about the portal. No population. UTF-8 "
            "quoted-printable (Roundcube).",
            sender=("Christoph Seibel", "c.seibel@weidelbach.de"),
            subject="Onlineantrag lässt sich nicht absenden – Fehlermeldung",
            date=(25, 13, 44, 21), client="roundcube",
            body=dict(type="plain", text=T56, cte="quoted-printable")),

    other(57, "acknowledgement", "de",
          "Stadt Niddershausen (sender of heldout-09) confirms receipt of documents "
          "and the link, written by a person ('Wir melden uns, wenn es konkret "
          "wird'); looks like a receipt but is not automatic. windows-1252 "
          "quoted-printable body and windows-1252 encoded-word From.",
          sender=("Svenja Oberländer", "s.oberlaender@niddershausen.de"),
          subject="AW: Wie kriegen wir alle an einen Tisch?",
          date=(28, 9, 19, 40), client="outlook2010", charset="windows-1252",
          reply_to_ministry="20260925113307.8f02d6@hsm.hessen.de",
          body=dict(type="plain", text=T57, cte="quoted-printable",
                    charset="windows-1252")),

    inquiry(58, "de", ["application_status"], None, None, None, "unknown",
            "Stadt Wohrafeld. German text, English Outlook quote headers "
            "('-----Original Message-----', From/Sent/To/Subject, twice). New text: "
            "application of 17.08.2026, approval notice not received, is it out or is "
            "something missing. The quoted part (30.000 Euro, 32.000 Euro budget, "
            "16.300 Einwohner, Landkreis Marburg-Biedenkopf, funding amount and "
            "application questions) is not labelled. Disclaimer. UTF-8 "
            "quoted-printable (Outlook).",
            sender=("Stumpf, Oliver", "o.stumpf@wohrafeld.de"),
            subject="RE: AW: Förderhöhe und Antragstellung KIV",
            date=(28, 14, 2, 33), client="outlook365", content_language="de-DE",
            reply_to_ministry="20260811073012.2c7b95@hsm.hessen.de",
            body=dict(type="plain", text=T58, cte="quoted-printable")),

    other(59, "bounce", "de",
          "German plain-text mailer-daemon bounce (550 5.1.1 Benutzer unbekannt) with "
          "an inline copy of the returned ministry answer to heldout-53 (4.300 "
          "Einwohner, cooperation, participation formats): not labelled. No "
          "Auto-Submitted. UTF-8 8bit.",
          sender=("Mail Delivery System", "MAILER-DAEMON@mx1.aulatal.de"),
          subject="Nachricht nicht zustellbar: AW: Gemeinsame Integrationsstrategie "
                  "dreier Gemeinden",
          date=(29, 6, 55, 2), client="bounce_de",
          body=dict(type="plain", text=B59, cte="8bit")),

    inquiry(60, "de", ["funded_activities", "out_of_scope"], None, None, None, "unknown",
            "Gemeinde Nidderhain. 'Moin', colloquial. Asks whether KIV money may pay a "
            "website translation that comes out of the strategy as a measure "
            "(funded_activities) and, 'ganz andere Baustelle', about a state "
            "volunteer allowance for clubs (out of scope). No population, no state. "
            "Plain 8bit (Roundcube).",
            sender=("Jens Diehl", "j.diehl@nidderhain.de"),
            subject="Website-Übersetzung über KIV? + Frage Ehrenamtspauschale",
            date=(30, 10, 37, 48), client="roundcube",
            body=dict(type="plain", text=T60, cte="8bit")),
]


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


def addr(name: str | None, address: str, charset: str = "utf-8") -> str:
    if not name:
        return address
    return formataddr((name, address), charset=charset)


def render_headers(headers: list[tuple[str, str]], charset: str = "utf-8") -> str:
    return "".join(render_header(k, v, charset) + "\n" for k, v in headers)


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
        else:
            assert charset == "utf-8", "8bit parts are only written as UTF-8"
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


def outlook_html(text: str, lang: str = "DE", extra: str = "") -> str:
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
        "\t{margin:0cm;font-size:11.0pt;font-family:\"Aptos\",sans-serif;}\n"
        "a:link, span.MsoHyperlink {color:#467886;text-decoration:underline;}\n"
        "div.WordSection1 {page:WordSection1;}\n"
        "--></style>\n"
        "</head>\n"
        f'<body lang="{lang}" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n'
        f"{body}\n{extra}"
        "</div>\n"
        "</body>\n"
        "</html>\n"
    )


def gmail_lines_html(text: str) -> str:
    out = []
    for line in text.strip("\n").split("\n"):
        out.append("<div>" + (html.escape(line, quote=False) if line else "<br>") + "</div>")
    return "\n".join(out)


def gmail_quote_html(text: str) -> str:
    lines = text.rstrip("\n").split("\n")
    out = []
    i = 0
    while i < len(lines):
        if lines[i].startswith(">"):
            block = []
            while i < len(lines) and lines[i].startswith(">"):
                line = lines[i][1:]
                block.append(line[1:] if line.startswith(" ") else line)
                i += 1
            out.append('<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                       'border-left:1px solid rgb(204,204,204);padding-left:1ex">\n'
                       + gmail_quote_html("\n".join(block)) + "\n</blockquote>")
        else:
            line = lines[i]
            out.append((html.escape(line, quote=False) + "<br>") if line else "<br>")
            i += 1
    return "\n".join(out)


def quote_lines(text: str) -> str:
    return "\n".join(("> " + line) if line else ">"
                     for line in text.rstrip("\n").split("\n")) + "\n"


def tiny_png(width: int = 120, height: int = 40) -> bytes:
    """A small, valid PNG (a green bar on white) made with zlib only."""
    rows = b""
    for y in range(height):
        row = bytearray([0])               # filter type 0
        for x in range(width):
            if 8 <= y < 32 and 6 <= x < 114 and not (14 <= y < 26 and 20 <= x < 100):
                row += bytes((0x37, 0x56, 0x23))
            else:
                row += bytes((0xFF, 0xFF, 0xFF))
        rows += bytes(row)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def dummy_pdf(lines: list[str]) -> bytes:
    """A tiny, valid one-page PDF with invented text."""
    stream = "BT\n/F1 11 Tf\n72 770 Td\n16 TL\n"
    stream += "".join(f"({ln}) Tj T*\n" for ln in lines) + "ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Title (Eingangsbestaetigung DUMMY) /Producer (heldout build.py) >>",
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


# --------------------------------------------------------------------------
# Message assembly
# --------------------------------------------------------------------------

def sept(day: int, hour: int, minute: int, second: int) -> datetime:
    return datetime(2026, 9, day, hour, minute, second, tzinfo=CEST)


def mail_date(case: dict, plus_seconds: int = 0) -> datetime:
    return sept(*case["date"]) + timedelta(seconds=plus_seconds)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1]


def seed_of(case: dict) -> str:
    return f"{PREFIX}-{case['n']:02d}"


def message_id(case: dict) -> str:
    seed = seed_of(case)
    client = case["client"]
    d = mail_date(case)
    dom = domain_of(case["sender"][1]) if case.get("sender") else "mail.hsm.hessen.de"
    if client == "outlook365":
        host = "FR" + str(3 + case["n"] % 4) + "P281MB" + h(seed + "host", 4).upper()
        return f"<{host}{h(seed, 12).upper()}@{host}.DEUP281.PROD.OUTLOOK.COM>"
    if client in ("exchange", "outlook2010"):
        return f"<{h(seed, 32).upper()}@EXCH01.{dom.split('.')[0].upper()}.LOCAL>"
    if client == "thunderbird":
        x = h(seed, 32)
        return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@{dom}>"
    if client in ("applemail", "iphone", "ipad"):
        x = h(seed, 32).upper()
        return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@{dom}>"
    if client == "gmail":
        token = base64.b64encode(bytes.fromhex(h(seed, 54))).decode().rstrip("=")
        return f"<CA{token}@mail.gmail.com>"
    if client == "openxchange":
        return f"<{int(h(seed, 8), 16) % 900000000 + 100000000}.{int(h(seed + 'b', 4), 16)}." \
               f"{int(d.timestamp())}{h(seed, 3)}@ox.{dom}>"
    if client == "roundcube":
        return f"<{h(seed, 32)}@{dom}>"
    if client == "zammad":
        return f"<zammad.ticket.id.{int(h(seed, 6), 16) % 90000 + 10000}." \
               f"{h(seed, 8)}@{dom}>"
    if client == "ticketsys":
        return f"<{d.strftime('%Y%m%d%H%M%S')}.ticket.{h(seed, 12)}@{dom}>"
    if client == "postfix_bounce":
        return f"<{d.strftime('%Y%m%d%H%M%S')}.{case['body']['queue_id']}@mail.hsm.hessen.de>"
    if client == "exim_bounce":
        return f"<E1tRb9Q-0007{h(seed, 2).upper()}-3K@relay3.hessen.de>"
    if client == "exchange_ndr":
        x = h(seed, 32)
        return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@EXCH01.kerkerbachau.local>"
    if client == "gmail_dsn":
        x = h(seed, 22)
        return f"<{x[:8]}.{x[8:16]}.{x[16:21]}.{int(x[21], 16)}f41.GMR@mx.google.com>"
    return f"<{d.strftime('%Y%m%d%H%M%S')}.{h(seed, 10)}@{dom}>"


CLIENT_HEADERS = {
    "outlook365": [("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")],
    "exchange": [("X-Mailer", "Microsoft Outlook 16.0")],
    "outlook2010": [("X-Mailer", "Microsoft Outlook 14.0")],
    "thunderbird": [("User-Agent", "Mozilla Thunderbird")],
    "applemail": [("X-Mailer", "Apple Mail (2.3826.400.131.1.6)")],
    "iphone": [("X-Mailer", "iPhone Mail (22G86)")],
    "ipad": [("X-Mailer", "iPad Mail (22G86)")],
    "gmail": [],
    "openxchange": [("X-Mailer", "Open-Xchange Mailer v8.27.61")],
    "roundcube": [("User-Agent", "Roundcube Webmail/1.6.9")],
    "webmail": [("X-Mailer", "SOGo Mail 5.11.2")],
    "zammad": [("X-Mailer", "Zammad Mail Service")],
    "ticketsys": [],
    "postfix_bounce": [],
    "exim_bounce": [],
    "exchange_ndr": [],
    "gmail_dsn": [],
    "bounce_de": [],
}

TO_STYLES = {
    "outlook365": '"landesprogrammWIR@hsm.hessen.de" <landesprogrammWIR@hsm.hessen.de>',
    "exchange": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "outlook2010": "<landesprogrammWIR@hsm.hessen.de>",
    "exchange_ndr": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "gmail_dsn": "landesprogrammWIR@hsm.hessen.de",
}

OUTLOOK_LIKE = ("outlook365", "exchange", "outlook2010")


def received(case: dict) -> str:
    n = case["n"]
    when = format_datetime(mail_date(case, 3 + n % 5))
    qid = "4N" + h(f"qid{n}", 13).upper()
    client = case["client"]
    if client == "postfix_bounce":
        return f"by mail.hsm.hessen.de (Postfix)\n\tid {case['body']['queue_id']}; {when}"
    if client == "exim_bounce":
        return ("from relay3.hessen.de (relay3.hessen.de [192.0.2.27])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    if client == "gmail_dsn":
        return ("from mail-sor-f69.google.com (mail-sor-f69.google.com [198.51.100.169])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    dom = domain_of(case["sender"][1])
    if client == "exchange_ndr":
        dom = "kerkerbachau.de"
    ip = f"198.51.100.{30 + n * 3}" if n % 2 else f"203.0.113.{12 + n * 3}"
    return (f"from mx01.{dom} (mx01.{dom} [{ip}])\n"
            f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
            f"\tfor <{MAILBOX}>; {when}")


def ministry_message(orig: dict, headers_only: bool = False) -> str:
    """An earlier answer of the ministry, returned inside a bounce."""
    headers = [
        ("Return-Path", f"<{MAILBOX}>"),
        ("From", f"Landesprogramm WIR <{MAILBOX}>"),
        ("To", addr(*orig["to"])),
        ("Subject", orig["subject"]),
        ("Date", format_datetime(sept(*orig["when"]))),
        ("Message-ID", f"<{orig['msgid']}>"),
        ("MIME-Version", "1.0"),
    ]
    if headers_only:
        return render_headers(headers + [
            ("Content-Type", 'text/plain; charset="utf-8"'),
            ("Content-Transfer-Encoding", "quoted-printable")])
    ph, pb = text_part(orig["text"], cte="quoted-printable")
    return render_headers(headers + ph) + "\n" + pb


def ndr_html(text: str, lang: str) -> str:
    paras = "".join(
        "<p>" + "<br>\n".join(html.escape(line.strip(), quote=False)
                              for line in para.split("\n")) + "</p>\n"
        for para in text.strip("\n").split("\n\n"))
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=utf-8"></head>\n<body lang="{lang}" style="font-family:'
            f'Segoe UI,Arial,sans-serif;font-size:10pt">\n{paras}</body></html>\n')


def build_body(case: dict) -> tuple[list, str]:
    spec = case["body"]
    seed = seed_of(case)
    kind = spec["type"]
    if kind == "plain":
        return text_part(spec["text"], charset=spec.get("charset", "utf-8"),
                         cte=spec["cte"], flowed=spec.get("flowed", False))
    if kind == "html":
        return text_part(spec["html"], subtype="html",
                         charset=spec.get("charset", "utf-8"), cte="quoted-printable")
    if kind == "alt":
        boundary = f"_000_{h(seed, 24).upper()}_"
        plain = text_part(spec["text"], cte="quoted-printable")
        rich = text_part(outlook_html(spec["text"], spec.get("lang", "DE")),
                         subtype="html", cte="quoted-printable")
        return multipart("alternative", [plain, rich], boundary)
    if kind == "related":
        cid = "image001.png@01DD1B7E.6A2C3F10"
        img = (f'<p class="MsoNormal"><img width="120" height="40" '
               f'style="width:1.25in;height:.4166in" id="Grafik_x0020_1" '
               f'src="cid:{cid}" alt="Logo"><o:p></o:p></p>\n')
        inner = multipart("alternative", [
            text_part(spec["text"], cte="quoted-printable"),
            text_part(outlook_html(spec["text"], extra=img), subtype="html",
                      cte="quoted-printable")], f"_000_{h(seed, 24).upper()}_")
        png = ([("Content-Type", 'image/png; name="image001.png"'),
                ("Content-Description", "image001.png"),
                ("Content-Disposition",
                 f'inline; filename="image001.png"; size={len(tiny_png())}'),
                ("Content-ID", f"<{cid}>"),
                ("Content-Transfer-Encoding", "base64")], b64(tiny_png()))
        return multipart("related", [inner, png], f"_004_{h(seed, 24).upper()}_",
                         params=' type="multipart/alternative";')
    if kind == "gmail":
        plain_text = (spec["text"].rstrip("\n") + "\n\n" + spec["attr_plain"] + "\n\n"
                      + quote_lines(spec["quoted"]))
        rich = ('<div dir="ltr">' + gmail_lines_html(spec["text"]) + "</div><br>\n"
                '<div class="gmail_quote gmail_quote_container"><div dir="ltr" '
                f'class="gmail_attr">{spec["attr_html"]}<br></div>\n'
                '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                'border-left:1px solid rgb(204,204,204);padding-left:1ex">\n'
                + gmail_quote_html(spec["quoted"]) + "\n</blockquote></div>\n")
        boundary = f"000000000000{h(seed, 16)}"
        return multipart("alternative", [
            text_part(plain_text, charset="UTF-8", cte="quoted-printable"),
            text_part(rich, subtype="html", charset="UTF-8", cte="quoted-printable")],
            boundary)
    if kind == "mixed_pdf":
        boundary = f"_004_{h(seed, 24).upper()}_"
        plain = text_part(spec["text"], cte="quoted-printable")
        fn = spec["filename"]
        pdf = dummy_pdf(spec["pdf_lines"])
        att = ([("Content-Type", f'application/pdf; name="{fn}"'),
                ("Content-Description", fn),
                ("Content-Disposition", f'attachment; filename="{fn}"; size={len(pdf)}'),
                ("Content-Transfer-Encoding", "base64")], b64(pdf))
        return multipart("mixed", [plain, att], boundary)
    if kind == "postfix_report":
        boundary = f"{spec['queue_id']}.{int(mail_date(case).timestamp())}/mail.hsm.hessen.de"
        notice = ([("Content-Description", "Notification"),
                   ("Content-Type", "text/plain; charset=us-ascii")], spec["notice"])
        status = ([("Content-Description", "Delivery report"),
                   ("Content-Type", "message/delivery-status")], spec["status"])
        if spec.get("headers_only"):
            returned = ([("Content-Description", "Undelivered Message Headers"),
                         ("Content-Type", "text/rfc822-headers")],
                        ministry_message(spec["original"], headers_only=True))
        else:
            returned = ([("Content-Description", "Undelivered Message"),
                         ("Content-Type", "message/rfc822")],
                        ministry_message(spec["original"]))
        return multipart("report", [notice, status, returned], boundary,
                         params=" report-type=delivery-status;",
                         preamble="This is a MIME-encapsulated message.")
    if kind in ("exchange_ndr", "gmail_dsn"):
        lang = "DE" if kind == "exchange_ndr" else "EN"
        alt = multipart("alternative", [
            text_part(spec["text"], cte="quoted-printable"),
            text_part(ndr_html(spec["text"], lang), subtype="html",
                      cte="quoted-printable")], f"_alt_{h(seed, 20)}")
        status = ([("Content-Type", "message/delivery-status")], spec["status"])
        returned = ([("Content-Type", "message/rfc822")], ministry_message(spec["original"]))
        if kind == "exchange_ndr":
            boundary = f"_000_{h(seed + 'ndr', 28).upper()}_"
        else:
            boundary = f"000000000000{h(seed + 'dsn', 16)}"
        return multipart("report", [alt, status, returned], boundary,
                         params=" report-type=delivery-status;")
    raise ValueError(kind)


def build_message(case: dict) -> bytes:
    client = case["client"]
    charset = case.get("charset", "utf-8")
    headers: list[tuple[str, str]] = []

    if case["kind"] == "bounce":
        headers.append(("Return-Path", "<>"))
    else:
        headers.append(("Return-Path", f"<{case['sender'][1]}>"))
    headers.append(("Received", received(case)))

    if client == "postfix_bounce":
        headers.append(("From", "MAILER-DAEMON@mail.hsm.hessen.de (Mail Delivery System)"))
    else:
        headers.append(("From", addr(*case["sender"], charset=charset)))
    headers.append(("To", TO_STYLES.get(client, MAILBOX)))
    for cc_name, cc_addr in case.get("cc", []):
        headers.append(("Cc", addr(cc_name, cc_addr)))
    headers.append(("Subject", case["subject"]))
    if client in OUTLOOK_LIKE:
        topic = case["subject"]
        for prefix in ("Automatische Antwort: ", "Automatic reply: ", "AW: ", "RE: ",
                       "WG: "):
            if topic.startswith(prefix):
                topic = topic[len(prefix):]
        headers.append(("Thread-Topic", topic))
        headers.append(("Thread-Index",
                        base64.b64encode(bytes.fromhex(h(case["subject"], 44))).decode()))
    headers.append(("Date", format_datetime(mail_date(case))))
    headers.append(("Message-ID", message_id(case)))
    if case.get("reply_to_ministry"):
        parent = f"<{case['reply_to_ministry']}>"
        refs = [f"<{r}>" for r in case.get("references_extra", [])] + [parent]
        headers.append(("In-Reply-To", parent))
        headers.append(("References", "\n ".join(refs) if len(refs) > 1 else refs[0]))
    orig = case["body"].get("original")
    if orig and client in ("exchange_ndr", "gmail_dsn"):
        headers.append(("In-Reply-To", f"<{orig['msgid']}>"))
        headers.append(("References", f"<{orig['msgid']}>"))
    headers.extend(case.get("auto_headers", []))
    if client in ("postfix_bounce", "gmail_dsn"):
        headers.append(("Auto-Submitted", "auto-replied"))
    if client == "exim_bounce":
        headers.append(("Auto-Submitted", "auto-replied"))
        headers.append(("X-Failed-Recipients", case["failed_recipient"]))
    for name, value in CLIENT_HEADERS[client]:
        if name == "X-MS-Has-Attach":
            value = "yes" if case["body"]["type"] == "mixed_pdf" else "no"
        if name == "X-MS-TNEF-Correlator":
            continue
        headers.append((name, value))
    if client in OUTLOOK_LIKE:
        headers.append(("Accept-Language", "de-DE, en-US"))
    if case.get("content_language") or client in OUTLOOK_LIKE + ("thunderbird",
                                                                "exchange_ndr"):
        headers.append(("Content-Language", case.get("content_language", "de-DE")))
    if case.get("org"):
        headers.append(("Organization", case["org"]))
    headers.append(("MIME-Version", "1.0"))

    body_headers, body = build_body(case)
    text = render_headers(headers + body_headers, charset) + "\n" + body
    return text.replace("\n", "\r\n").encode("utf-8")


def label_of(case: dict) -> dict:
    return {
        "file": f"{PREFIX}-{case['n']:02d}.eml",
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
    wanted = {f"{PREFIX}-{c['n']:02d}.eml" for c in CASES}
    for old in MAILDIR.glob(f"{PREFIX}-*.eml"):
        if old.name not in wanted:
            old.unlink()
    for case in CASES:
        (MAILDIR / f"{PREFIX}-{case['n']:02d}.eml").write_bytes(build_message(case))
    with LABELS.open("w", encoding="utf-8", newline="\n") as fh:
        for case in CASES:
            fh.write(json.dumps(label_of(case), ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

def expected_eligibility(pop, state):
    if state is not None and state != "Hessen":
        return "not_eligible"
    if pop is None:
        return "unknown"
    return "eligible" if pop < 50000 else "not_eligible"


GERMAN_STATES = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)


def validate() -> list[str]:
    errors: list[str] = []
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    if len(labels) != 60:
        errors.append(f"expected 60 labels, got {len(labels)}")
    if [c["n"] for c in CASES] != list(range(1, 61)):
        errors.append("cases are not numbered 1..60 in order")
    dates = [mail_date(c) for c in CASES]
    if dates != sorted(dates):
        errors.append("mails are not in date order")
    ids = set()
    parser = BytesParser(policy=policy.default)
    parsed = {}
    for i, lab in enumerate(labels, 1):
        f = lab.get("file")
        where = f or f"line {i}"
        if list(lab) != LABEL_KEYS:
            errors.append(f"{where}: keys {list(lab)}")
            continue
        if f != f"{PREFIX}-{i:02d}.eml":
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
        if len(intents) > 3:
            errors.append(f"{where}: more than three intents")
        for key in ("population", "amount_eur"):
            v = lab[key]
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v <= 0):
                errors.append(f"{where}: bad {key} {v!r}")
        if lab["state"] is not None and lab["state"] not in GERMAN_STATES:
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

        path = MAILDIR / f
        if not path.exists():
            errors.append(f"{where}: file missing")
            continue
        raw = path.read_bytes()
        head = raw.split(b"\r\n\r\n", 1)[0]
        if any(b > 127 for b in head):
            errors.append(f"{where}: non-ASCII byte in the header section")
        if b"\n" in raw.replace(b"\r\n", b"") or b"\r" in raw.replace(b"\r\n", b""):
            errors.append(f"{where}: bare LF or CR")
        if any(len(line) > 998 for line in raw.split(b"\r\n")):
            errors.append(f"{where}: line longer than 998 octets")
        msg = parser.parsebytes(raw)
        parsed[f] = msg
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
        if (d.year, d.month) != (2026, 9):
            errors.append(f"{where}: Date not in September 2026")
        mid = str(msg["Message-ID"] or "")
        if not (mid.startswith("<") and mid.endswith(">") and "@" in mid):
            errors.append(f"{where}: bad Message-ID")
        if mid in ids:
            errors.append(f"{where}: duplicate Message-ID")
        ids.add(mid)
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                try:
                    content = part.get_content()
                except Exception as exc:          # noqa: BLE001
                    errors.append(f"{where}: text part does not decode: {exc}")
                    continue
                if "\ufffd" in content:
                    errors.append(f"{where}: replacement character after decoding")
        if kind != "bounce":
            body = msg.get_body(("plain", "html"))
            if body is None or not body.get_content().strip():
                errors.append(f"{where}: no readable body")
        subj = str(msg["Subject"])
        case = CASES[i - 1]
        if subj != case["subject"]:
            errors.append(f"{where}: Subject does not round-trip: {subj!r}")

    # ---- the intended mix -------------------------------------------------
    by_kind = {k: [l for l in labels if l["kind"] == k] for k in KINDS}
    for k, n in (("inquiry", 42), ("acknowledgement", 5), ("auto_reply", 7), ("bounce", 6)):
        if len(by_kind[k]) != n:
            errors.append(f"{k}: {len(by_kind[k])} mails, expected {n}")
    langs = [l["language"] for l in labels]
    if langs.count("en") != 15:
        errors.append(f"languages: de={langs.count('de')} en={langs.count('en')}")
    for intent in INTENTS:
        c = sum(intent in l["intents"] for l in labels)
        if c < 4:
            errors.append(f"intent {intent} used {c} times, expected at least 4")
    multi = sum(len(l["intents"]) > 1 for l in by_kind["inquiry"])
    if multi < 15:
        errors.append(f"multi-intent inquiries: {multi}, expected at least 15")
    inq = by_kind["inquiry"]
    if not any(l["population"] == 50000 for l in inq):
        errors.append("missing the edge population 50,000")
    if not any(l["population"] == 49999 for l in inq):
        errors.append("missing the edge population 49,999")
    outside = {l["state"] for l in inq if l["state"] not in (None, "Hessen")}
    if outside != {"Bayern", "Baden-Württemberg", "Sachsen", "Rheinland-Pfalz"}:
        errors.append(f"states outside Hessen: {sorted(outside)}")
    if not any(l["amount_eur"] and l["amount_eur"] > 30000 for l in inq):
        errors.append("expected a requested amount above 30,000")
    if not any(l["population"] is None for l in inq):
        errors.append("expected inquiries without population")

    # auto replies: some flagged by headers, at least four recognisable only by text
    flagged = 0
    for l in by_kind["auto_reply"]:
        m = parsed.get(l["file"])
        if m is None:
            continue
        has = [x for x in AUTOMATION_HEADERS if x in m]
        if has:
            flagged += 1
            if "SYNTHETIC" in l["notes"]:
                errors.append(f"{l['file']}: marked synthetic but carries {has}")
        elif "SYNTHETIC" not in l["notes"]:
            errors.append(f"{l['file']}: header-less auto reply not marked SYNTHETIC")
    if len(by_kind["auto_reply"]) - flagged < 4:
        errors.append("expected at least four auto replies without automation headers")
    if flagged < 2:
        errors.append("expected auto replies with automation headers too")

    # bounce forms
    bounce_clients = sorted(CASES[int(l["file"][8:10]) - 1]["client"] for l in by_kind["bounce"])
    if bounce_clients != sorted(["postfix_bounce", "postfix_bounce", "exim_bounce",
                                 "exchange_ndr", "gmail_dsn", "bounce_de"]):
        errors.append(f"bounce forms: {bounce_clients}")
    if not any("Action: delayed" in c["body"].get("status", "") for c in CASES):
        errors.append("missing the delayed DSN")

    # MIME variety
    def count(pred) -> int:
        return sum(1 for c in CASES if pred(c))
    charsets = set()
    for m in parsed.values():
        for part in m.walk():
            if part.get_content_maintype() == "text":
                charsets.add((part.get_content_charset() or "").lower())
    for cs in ("iso-8859-1", "iso-8859-15", "windows-1252", "utf-8", "us-ascii"):
        if cs not in charsets:
            errors.append(f"no text part in {cs}")
    checks = [
        ("HTML-only", lambda c: c["body"]["type"] == "html", 2),
        ("multipart/alternative (Outlook)", lambda c: c["body"]["type"] == "alt", 5),
        ("Gmail multipart/alternative", lambda c: c["body"]["type"] == "gmail", 2),
        ("multipart/related", lambda c: c["body"]["type"] == "related", 1),
        ("PDF attachment", lambda c: c["body"]["type"] == "mixed_pdf", 1),
        ("base64 text", lambda c: c["body"].get("cte") == "base64", 3),
        ("encoded-word subject in a legacy charset",
         lambda c: c.get("charset", "utf-8") != "utf-8" and not is_ascii(c["subject"]), 5),
    ]
    for what, pred, n in checks:
        if count(pred) < n:
            errors.append(f"{what}: {count(pred)}, expected at least {n}")
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
    lines.append("language: de=%d en=%d (inquiries: de=%d en=%d)" % (
        sum(l["language"] == "de" for l in labels), sum(l["language"] == "en" for l in labels),
        sum(l["language"] == "de" for l in inq), sum(l["language"] == "en" for l in inq)))
    lines.append("eligibility: " + ", ".join(
        f"{e}={sum(l['eligibility'] == e for l in labels)}" for e in ELIGIBILITY))
    return "\n".join(lines)


if __name__ == "__main__":
    build()
    problems = validate()
    if problems:
        print("VALIDATION FAILED:", *problems, sep="\n  ")
        sys.exit(1)
    print(f"wrote {len(CASES)} mails to {MAILDIR} and {LABELS.name}; all checks passed")
    print(summary())
