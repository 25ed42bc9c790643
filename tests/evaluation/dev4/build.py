#!/usr/bin/env python3
"""Build the fourth development set (dev4): informal and hard mails to the WIR/KIV mailbox.

Usage:  python3 build.py

Writes, next to this file:
  mails/dev4-01.eml ... mails/dev4-80.eml   complete RFC 5322 messages (CRLF line ends)
  labels.jsonl                               one label object per mail, in file order
Then it validates everything: every file is parsed with Python's e-mail parser, every
label is checked against the rules of shared/taxonomy.md (copied below as constants),
each fact is checked against the words of the mail's NEW text (quoted parts excluded),
decoy numbers are checked to be present in the new text and to differ from the labels,
quoted traps only below the quote marker, the invented town names are checked against
shared/data/municipalities-de.csv, each mail is checked to have the shape it claims
(run-on, phone, dialect, subject-only, one-liner), and the intended mix is checked.
Exit status 1 and a list of problems if anything fails.

Emphasis of this set: informal mail by village mayors, volunteers, trainees and phones:
lower case, no punctuation, typos, Hessian dialect, long run-on sentences whose questions
hide in indirect clauses, questions only in the subject, one-line mails, confusable intent
pairs, out-of-scope questions next to in-scope ones and out-of-scope questions phrased like
in-scope ones; facts as people really type them ("so um die 3000 Leut", "mir sin knapp
6000", "EW ca 11k", "landkreis gießen", "im Vogelsberg") with traps (club members,
refugees, a neighbour's size, a combined size, a village inside a larger municipality).

Standard library only, deterministic: running it twice gives identical bytes.
All towns, people, addresses, phone numbers and texts are invented; the set was written
without reading any mail or label of shared/samples, shared/inquiries/*, shared/questions
or tests/evaluation/heldout.
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
CET = timezone(timedelta(hours=1))          # December 2026: standard time
PREFIX = "dev4"
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
# How the writers of this set name a Hessian district: official names, the colloquial
# region name that is the district's name ("im Vogelsberg", "Wetterau", "Lahn-Dill"),
# the common abbreviation ("MKK") and a dialect spelling ("Kreis Offebach"). Matched
# case-insensitively, so "landkreis gießen" counts as well.
HESSIAN_DISTRICT_FORMS = (
    "Vogelsberg", "Wetterau", "Lahn-Dill", "MKK", "Kreis Offebach", "Landkreis Gießen",
    "district of Giessen", "Odenwaldkreis", "Schwalm-Eder-Kreis", "Kreis Bergstraße",
    "Werra-Meißner-Kreis", "Landkreis Kassel", "Main-Taunus-Kreis", "Landkreis Fulda",
    "Hochtaunuskreis",
)
# Words that name a state directly (German, English and abbreviated forms).
STATE_WORDS = {
    "Hessen": ("Hessen", "hessisch", "Hesse"),
    "Rheinland-Pfalz": ("Rheinland-Pfalz", "RLP", "Rhineland-Palatinate"),
}
AUTOMATION_HEADERS = ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
                      "X-Auto-Response-Suppress", "X-MS-Exchange-Inbox-Rules-Loop",
                      "X-Loop")
SHAPES = ("runon", "phone", "dialect", "subject", "oneliner")

# Every invented place name used in this set (own towns, villages and named
# neighbours). The validation checks that none of them is a real municipality.
TOWNS = (
    "Kuckucksau", "Wendelsgrund", "Hirtenrode", "Spatzenhain", "Mispelbach", "Obermispel",
    "Rainfarnheim", "Bachwiesen", "Quittenau", "Ohlenbach", "Reiherbach", "Gimbelsrod",
    "Dornbachtal", "Kranichrode", "Ahornbach", "Schoppenrod", "Ulmenhain", "Krebsbachtal",
    "Salbeiheim", "Mispelau", "Brunnenweiler", "Wiesenrod", "Moorhain", "Rebstockheim",
    "Ebbelsheim", "Hopfenbach", "Lerchenbühl", "Quellbach", "Habichtsrode", "Brunnenheim",
    "Erlengrund", "Hainwiesen", "Rapsfeld", "Wingertsheim", "Mühlgrund", "Taubenried",
    "Kornblumenau", "Eschenhain", "Bärlauchtal", "Wacholderbrunn", "Ramsbachtal",
    "Mohnbach", "Fuchsgrund", "Ginsterwiesen",
)

MINISTRY_SIG = """\
Mit freundlichen Grüßen
Ihr Team Landesprogramm WIR
Hessisches Ministerium für Soziales und Integration"""

MINISTRY_SIG_EN = """\
Kind regards
Your WIR programme team
Hessian Ministry of Social Affairs and Integration"""


# --------------------------------------------------------------------------
# Mail texts (invented). T01 ... T80 follow the file numbers. Quoted history
# below the new text is part of the texts; it is never labelled.
# --------------------------------------------------------------------------

T01 = """\
Hallo zusammen,

ich bin seit dem Frühjahr ehrenamtlicher Bürgermeister bei uns in Kuckucksau und
wir haben in der letzten Sitzung der Gemeindevertretung über das WIR-Programm
gesprochen weil in den letzten zwei Jahren doch einige Familien aus dem Ausland
hergezogen sind und die Vereine nicht so recht wissen wie sie auf die Leute
zugehen sollen aber wir sind halt nur so um die 3000 Leut hier im Vogelsberg und
haben keine eigene Stelle für sowas und da kam die Idee auf dass wir uns mit
Wendelsgrund zusammentun die sind mit 2400 Einwohnern noch kleiner als wir und
haben genau dasselbe Problem und deshalb wollte ich mal fragen ob wir so einen
Antrag zusammen mit dem Nachbarort stellen dürfen und wie lange wir dann Zeit
haben bis die ganze Strategie fertig sein muss weil im Gemeindevorstand alle
nebenher noch arbeiten

Grüße aus Kuckucksau
Erwin Hollstein
"""

T02 = """\
hallo kurze frage zum kiv programm wieviel geld gibts da maximal und zahlt ihr
auch essen und getränke bei den workshops oder nur den moderatoer?
danke und gruss jens
"""

T03 = """\
Gruß
Melanie
"""

T04 = """\
Dear Sir or Madam,

my name is Piotr Nowak and I am working since one year in the town hall of
Hirtenrode in the district of Giessen, we are a small town with around 7.800
inhabitant and since 2022 we have about 400 refugees from Ukraine living here
which is a lot for us, so our mayor asked me to find out if a town like us can
take part in the KIV programme and how much money we could receive maximum and
also how the application is working because I did not find a form on the
website, only some informations about the programme in german which is
difficult for me

With kind regards
Piotr Nowak
Town of Hirtenrode - Social affairs
"""

T05 = """\
Ei gude,

dange schee fer die schnelle Antwort, passt scho. Mir bespreche des jetzt
im Gemeindevorstand un melde uns dann, wenn's so weit is.

Gruß
Karl-Heinz Bieber
Gemeinde Spatzenhain
"""

T06 = """\
Gude,

isch bin de Ortsvorsteher vun Obermispel, des is en Ortsteil vun de Gemaa
Mispelbach im Odenwaldkreis, mir sin alles zamme so 4800 Seele. Jetzt hot
mer de Bojermaaster gesacht, isch soll mol frooche, ob mir als so e klaa
Gemaa do iwwerhaupt mitmache derfe bei dem KIV. Un wenn ja, wie kriet mer
dann die Leut aus de Neubausiedlung un die Zugezogene an en Disch? Die komme
net uff die Kerb un net in de Verein, die sieht mer nur beim Bäcker.

Gruß
Heiner Roth
"""

T07 = """\
Wieviel Förderung gibts eigentlich für die Sanierung vom Dorfgemeinschaftshaus?
Gruß R. Lenz
"""

T08 = """\
Hallo Frau oder Herr,

wir sind eine Stadt mit EW ca 11k und überlegen gerade ob wir das mit der
Integrationsstrategie angehen und im Haupt- und Finanzausschuss kam direkt die
Frage auf ob man mit dem Geld aus dem Programm auch eine eigene Stelle
finanzieren kann also eine Integrationsbeauftragte mit halber Stelle die das bei
uns koordiniert statt einem externen Büro und falls ja wie die dann nach TVöD
eingruppiert werden müsste und ob die Stelle befristet sein muss weil unser
Personalrat da natürlich mitreden will und wir das sauber machen wollen bevor
wir irgendwas ausschreiben

Danke schon mal
Sandra Keil
Stadtverwaltung Rainfarnheim
Haupt- und Personalamt
"""

T09 = """\
hi can we still apply this year or is the money gone? were a small town in
hesse about 5k ppl
thx

Sent from my iPhone
"""

T10_NOTICE = """\
This is the mail system at host mail.hsm.hessen.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<b.kleinschmidt@bachwiesen.de>: host mx.bachwiesen.de[198.51.100.131] said:
    550 5.1.1 <b.kleinschmidt@bachwiesen.de>: Recipient address rejected: User
    unknown in virtual mailbox table (in reply to RCPT TO command)
"""

T10_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4Q7hN23xKqz9Wd1
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Thu,  3 Dec 2026 09:14:02 +0100 (CET)

Final-Recipient: rfc822; b.kleinschmidt@bachwiesen.de
Original-Recipient: rfc822;b.kleinschmidt@bachwiesen.de
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.bachwiesen.de
Diagnostic-Code: smtp; 550 5.1.1 <b.kleinschmidt@bachwiesen.de>: Recipient
    address rejected: User unknown in virtual mailbox table
"""

T10_ORIGINAL = """\
Sehr geehrter Herr Kleinschmidt,

vielen Dank für Ihre Anfrage. Kleinere Kommunen mit weniger als 10.000
Einwohnerinnen und Einwohnern können sich im ländlichen Raum mit anderen
Kommunen abstimmen. Teilnehmende Kommunen haben 18 Monate Zeit, eine
KIV-Strategie zu entwickeln. Den Link zur Onlineantragstellung und eine
Anleitung finden Sie unter www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + "\n"

T11 = """\
Guten Morgen,

ich mache gerade meine Ausbildung zur Verwaltungsfachangestellten bei der
Gemeinde Quittenau bei uns im MKK und mein Ausbilder hat mir das Thema KIV
gegeben damit ich es im Januar im Team vorstelle und jetzt bin ich mir bei ein
paar Sachen unsicher nämlich wer da alles beteiligt werden muss also ob zum
Beispiel der Ausländerbeirat oder das Vielfaltszentrum vom Kreis dabei sein muss
und ob am Ende die Gemeindevertretung die Strategie beschließen muss oder ob das
auch der Gemeindevorstand alleine machen kann weil das in unserer Hauptsatzung
irgendwie nicht so richtig geregelt ist

Vielen Dank und liebe Grüße
Lena Albrecht
Auszubildende
Gemeinde Quittenau
"""

T12 = ""

T13 = """\
Gude mitnanner,

isch bin de Kämmerer vun de Gemaa Ohlenbach, mir sin grad mol 2100 Leut.
Wie viel krieje mer do bei eich maximal? Mir hädde gedacht so 18 Riese fer
de Moderator, reicht des odder gibt's do mehr? Un muss mer des Geld dann
aach noch versteuern? Unser Rechnungsprüfer babbelt schun widder ebbes vun
Umsatzsteuer, isch kann's nimmer höre.

Merci un Gruß
Walter Diehl
"""

T14 = """\
hallo wer is bei euch für kiv zuständig? kann ich da ma anrufen, hab ne
telefonnummer gesucht aber nix gefunden
gruß a. schäfer

Von meinem Samsung Galaxy Smartphone gesendet.
"""

T15 = """\
Hello dear team,

we are small municipality in the Wetterau with 9,400 inhabitants and since two
years many new neighbours from Ukraine came to us, about 350 persons, and we ask
ourselves how we can bring really all people together in this strategy process
because many of them do not speak german yet and they work in the day so
evening meetings in the town hall are not working well and also which
institutions we must involve for it, for example the Vielfaltszentrum of the
district or our municipal council, we want to do it right from the beginning

Best regards from Reiherbach
Olena Kravets and Thomas Weigand
Municipality of Reiherbach
"""

T16 = """\
Können Sie mir bitte den Link zum Onlineantrag schicken? Danke
B. Kraus
"""

T17 = """\
Sehr geehrte Damen und Herren,

wir haben Ende September über das Onlineportal unseren Antrag für die
KIV-Förderung gestellt beantragt hatten wir 27.500 Euro für die
Prozessmoderation und seitdem haben wir leider nichts mehr gehört weder eine
Eingangsbestätigung noch eine Nachfrage und unser Bürgermeister fragt
inzwischen jede Woche nach deshalb wollte ich mich erkundigen ob der Antrag bei
Ihnen überhaupt angekommen ist und wann wir ungefähr mit einer Entscheidung
rechnen können und wer bei Ihnen für unseren Antrag zuständig ist damit ich
mich künftig direkt an die richtige Person wenden kann

Mit freundlichen Grüßen
Ute Brenner
Stadt Gimbelsrod - Fachbereich Bürgerdienste
"""

T18 = """\
Gude,

isch hab vum Landrat gehört, mer kennt des KIV aach mit de Nachbarn zamme
mache. Mir sin nur 1800, die annern in Kranichrode sin 2300. Derfe mir als
so klaane Gemaa iwwerhaupt alaa en Andrach stelle, odder geht des nur
zamme? Un wie mecht mer des dann, stellt do jeder sein eigene Andrach
odder mir zwaa zamme aan?

Gruß aus Dornbachtal
Gerd Kaiser
"""

T19 = """\
Automatische Antwort: ich bin bis einschließlich 4.1.2027 nicht im Büro und
lese meine Mails nur unregelmäßig. In dringenden Fällen bitte ans Rathaus,
Tel. 06643 0918-0.

Gruß
Sven Euler

Von meinem iPhone gesendet
"""

T20 = """\
hallo zahlt ihr bei kiv auch dolmetscher und die saalmiete fürs bürgerhaus?
oder nur die moderation. wir sind ca 7400 einw. gruß tanja (gemeinde schoppenrod)

Gesendet mit der GMX Mail App
"""

T21 = """\
Sehr geehrte Damen und Herren,

unsere Stadt im Lahn-Dill-Kreis mit rund 14.500 Einwohnerinnen und Einwohnern
möchte sich am KIV-Programm beteiligen und im Magistrat ist jetzt die Frage
aufgekommen ob wir den Antrag zwingend noch im Dezember stellen müssen damit wir
die Mittel für dieses Jahr bekommen oder ob das auch im Januar noch reicht weil
die Stadtverordnetenversammlung erst am 21. Januar wieder tagt und außerdem
wüssten wir gern wie lange wir ab der Bewilligung Zeit haben bis die Strategie
fertig sein muss und ob sich der Zeitraum verlängern lässt falls sich die
Beteiligung wegen der Sommerferien hinzieht

Mit freundlichen Grüßen
Marco Stein
Stadt Ulmenhain - Büro des Bürgermeisters
"""

T22 = """\
Sent from my iPhone
"""

T23 = """\
Hallo,

wir sind als Gemeinde seit letztem Jahr im Dorfentwicklungsprogramm und jetzt hat
mir ein Kollege aus dem Nachbarort gesagt dass Sie da auch zuständig wären
deshalb frage ich einfach mal direkt wie hoch die Förderung für die
Dorfentwicklung bei uns für private Maßnahmen im Ortskern maximal sein kann und
bis wann wir die Anträge für das nächste Jahr beim Kreis einreichen müssen weil
wir mehrere Hausbesitzer haben die ihre Fassaden machen wollen und die wissen
wollen ob sie noch im Frühjahr anfangen können

Viele Grüße
Jürgen Marx
Gemeinde Krebsbachtal - Bauamt
"""

T24 = """\
Thank you so much, that answers all my questions. I'll pass it on to our mayor.

Best,
Aylin Demir

On Wed, 2 Dec 2026 at 10:14, Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de> wrote:
> Dear Ms Demir,
>
> thank you for your enquiry. Hessian towns and municipalities with fewer
> than 50,000 inhabitants can apply. The funding is at most 30,000 euros. Participating municipalities have 18 months to
> develop their strategy. You can apply online via
> www.integrationskompass.hessen.de, where you will also find a guide.
>
> Kind regards
> Your WIR programme team
"""

T25 = """\
Gude,

is do noch Geld im Topf fer des Johr odder is des schun all? Mir wolle nämlich
im Frühjohr aafange. Un wie viel kann mer do maximal krieje? Unser
Moderatorin hot gesacht, die mecht des fer so 35 dausend Euro, des is doch
hoffentlich drin, gell?

Gruß
Ilse Bender
Gemeinde Mispelau
"""

T26 = """\
hi, sent u an email on nov 3 about our application, no answer yet. is it
approved? who can i call about it?
thanks, k.

Get Outlook for Android
"""

T27 = """\
Hallo liebes WIR-Team,

ich bin ehrenamtlich im Helferkreis Asyl in Brunnenweiler unser Verein hat so
45 Mitglieder und wir betreuen ca 120 Geflüchtete in den beiden Unterkünften im
Ort und jetzt haben wir in der Zeitung vom WIR-Programm gelesen und uns gefragt
ob auch wir als Verein so einen Antrag stellen können oder ob das nur die
Gemeinde selber darf weil die Gemeinde leider nicht so viel Interesse zeigt und
wenn wir das machen dürften wie wir die Leute aus den Unterkünften überhaupt
beteiligen können die haben ja oft Schichtarbeit und kaum Deutsch und trauen
sich nicht in Sitzungen

Liebe Grüße
Monika Hartung
Helferkreis Asyl Brunnenweiler e.V.
"""

T28 = """\
What exactly is KIV? Never heard of it before.
Tom
"""

T29 = """\
Guten Tag,

kurze Frage aus dem Schwalm-Eder-Kreis bevor wir das in die Gemeindevertretung
geben wir sind eine Gemeinde mit EW: knapp 8.900 und bekommen gerade schon Geld
aus LEADER für unser Dorfladenprojekt und jetzt wollte der Bürgermeister wissen
ob wir die 30.000 aus Ihrem Programm zusätzlich zu der LEADER-Förderung bekommen
können oder ob sich das beißt und ob wir bei KIV einen Eigenanteil tragen
müssen oder ob das komplett übernommen wird weil unser Haushalt für das nächste
Jahr eh schon auf Kante genäht ist und die Fraktionen da genau hinschauen

Gruß
Frank Meier (Kämmerei)
Gemeinde Wiesenrod
"""

T30 = """\
Gruß
T. Becker
"""

T31 = """\
hallo nochmal, dürfen wir mit der moderation schon im januar anfangen oder
müssen wir warten bis der bescheid da ist? der moderator hätte jetzt zeit
lg sabine
"""

T32 = """\
Gude,

isch kenn des KIV bei eich nur vum Höresache. Wo steht'n des ganze genau,
gibt's do e Richtlinie odder so ebbes zum Lese? Un seit wann gibt's des
iwwerhaupt, hot do schun mol e Gemaa bei uns in de Gegend mitgemacht?

Merci
Ewald Schmitt
"""

T33 = """\
Hello,

I work in the administration of the municipality of Rebstockheim in
Rhineland-Palatinate, we are right on the border and about 6,500 residents, and
our mayor read about the KIV strategies in a newspaper from across the river
and asked me to find out whether a municipality from outside Hesse is allowed
to apply at all and if not whether we could join a joint application with our
neighbour town Salbeiheim on the other side, as we share a school and a lot of
clubs, which would make a lot of sense for both of us

Kind regards
Julia Hoffmann-Reyes
Municipality of Rebstockheim
"""

T34 = """\
Thank you for your message.

I am out of the office until 4 January 2027 with no access to email. Your
message will not be forwarded. For urgent matters please contact the town
hall at info@reiherbach.de.

Best regards
Olena Kravets
"""

T35 = """\
Hallo,

wir sind eine Stadt im Kreis Bergstraße mit so 12 500 Leuten und haben im
Sozialausschuss lange über KIV diskutiert und die meisten fanden es gut aber die
Fraktionen wollten wissen was am Ende eigentlich rauskommt also ob das nur ein
Papier ist das im Schrank verschwindet oder ob da konkrete Maßnahmen
drinstehen müssen und was nach den 18 Monaten passiert und ob die Moderation
dann auch noch die Umsetzung der ersten Projekte begleiten darf oder ob das Geld
nur für die Erarbeitung selbst gedacht ist

Viele Grüße
Kerstin Vogel
Stadt Ebbelsheim
"""

T36 = """\
gibts den antrag auch auf papier? unser bürgermeister macht nix online 🙈
gruß m.

Von meinem iPhone gesendet
"""

T37 = ""

T38 = """\
Gude,

mir sin knapp 6000 im Ort, Kreis Offebach, un wolle des mit de Strategie
mache. Jetzt die Frach: misse mir do de Ausländerbeirat un des
Vielfaltszentrum vum Kreis mit dezu nemme, odder mache mir des alaa mit de
Verwaltung? Un die Fraktione, misse die aach mit an de Disch?

Gruß
Sabine Wagner
Gemeinde Hopfenbach
"""

T39 = """\
Können wir mit 52.000 Einwohnern auch noch mitmachen?
Gruß R. Özdemir
"""

T40 = """\
Hallo,

ich bin im zweiten Ausbildungsjahr bei der Stadt und soll für unseren
Fachbereichsleiter den KIV-Antrag vorbereiten aber ehrlich gesagt weiß ich noch
nicht mal genau was KIV überhaupt ist und was das mit dem WIR-Programm zu tun hat
und dann wollte ich fragen welche Unterlagen man für den Antrag braucht und ob
es irgendwo eine Anleitung gibt wie man das Onlineformular ausfüllt und wo ich
die Förderrichtlinie finde weil mein Chef meinte da steht alles drin aber ich
finde sie auf der Seite nicht

Danke im Voraus
Niklas Kern
Stadt Lerchenbühl
"""

T41 = """\
Dies ist eine automatisch erstellte Nachricht des Mailsystems von quellbach.de.

Ihre Nachricht konnte an folgenden Empfänger nicht zugestellt werden:

    buergermeister@quellbach.de

Grund: Das Postfach des Empfängers ist voll (552 5.2.2 Mailbox full).
Die Nachricht wurde nach mehreren Zustellversuchen endgültig
zurückgewiesen.

--- Kopie der nicht zugestellten Nachricht ---

Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
An: buergermeister@quellbach.de
Datum: 14.12.2026 08:31
Betreff: Re: wie lange dauert des

Sehr geehrter Herr Bürgermeister,

vielen Dank für Ihre Anfrage. Teilnehmende Kommunen haben 18 Monate Zeit,
eine KIV-Strategie zu entwickeln und sie mit zukunftsorientierten Maßnahmen
und neuen Projekten zu untermauern. Ziel ist, die KIV-Strategie im
Kommunalparlament zu verabschieden.

""" + MINISTRY_SIG + "\n"

T42 = """\
hallo sind wir als stadt mit 49.800 einw. noch dabei oder schon zu groß? sind
im landkreis gießen
lg
"""

T43 = """\
Sehr geehrte Damen und Herren,

ich bin vor sechs Jahren aus Eritrea nach Deutschland gekommen und wohne jetzt
in Quittenau und habe im März meinen Antrag auf Einbürgerung abgegeben und
seitdem habe ich nichts gehört und meine Nachbarin hat gesagt dass das
Ministerium für Integration zuständig ist deshalb wollte ich fragen wie lange
so eine Einbürgerung normalerweise dauert und wer in Ihrem Haus mein
Ansprechpartner ist damit ich dort anrufen kann weil ich für meine Arbeit bald
einen deutschen Pass brauche und meine Chefin im Pflegeheim schon zweimal
nachgefragt hat

Mit freundlichen Grüßen
Yonas Tesfaye
"""

T44 = """\
Ei gude wie,

mir hädde do e Idee fer unser KIV: e groß internationales Fest uffem
Dorfplatz, mit Ebbelwoi un Esse aus alle Länner, damit die Leut sich endlich
mol kenne lerne. Kann mer des vun dem Geld bezahle, also Zelt, Musik un so?
Un wie kriet mer die junge Leut dezu, die hänge doch nur am Handy?

Gruß
Bernd Euler
"""

T45 = """\
Wie lange hat man für die Strategie eigentlich Zeit?
LG Jonas
"""

T46 = """\
Good afternoon,

we received now an offer from a moderation agency for our KIV process and the
price is 34.000 € including VAT, so my questions are if it is possible to
receive more than the maximum when the offer is higher, if the travel costs of
the moderators and the rent for rooms are also covered or only their fee, and
if we must make a public tender for this service or if we can give it directly
to this agency since our procurement office says different things

Many thanks
Marta Kowalczyk
Municipality of Habichtsrode
"""

T47 = """\
Vielen Dank, hat sich erledigt! Ich hab die Anleitung auf der Seite doch noch
gefunden, war nur etwas versteckt.

Viele Grüße
Niklas Kern
"""

T48 = """\
kann man auch zu dritt beantragen? also drei gemeinden, wir hätten zusammen so
9000 einwohner. geht das
gruß dieter
"""

T49 = """\
Sehr geehrte Damen und Herren,

wir sind eine Kreisstadt mit 58.300 EW und haben in mehreren Ortsteilen eine
sehr hohe Zuwanderung und nun hat unser Integrationsbüro vom KIV-Programm gehört
und ich wüsste gern ob eine Stadt unserer Größe grundsätzlich einen Antrag
stellen kann oder ob man vielleicht nur für einzelne Ortsteile beantragen
könnte die ja jeweils weit unter der Grenze liegen und wie viel Förderung es in
dem Fall pro Ortsteil oder insgesamt geben würde weil unser Oberbürgermeister das
gern noch vor der Haushaltsberatung im Februar klären möchte

Mit freundlichen Grüßen
Dr. Anja Lorenz
Stadt Brunnenheim - Integrationsbüro
"""

T50 = """\
Gude,

mir hädde gern gewusst, wie's mit unserm Andrach aussieht, den hammer im
Oktober abgeschickt, gell. Bis heit is nix komme. Un wenn der dann durch is,
wie lang hammer dann Zeit fer des ganze?

Gruß
Horst Weber
Gemeinde Erlengrund
"""

T51 = """\
Gibt es den Onlineantrag auch auf Englisch?
Grüße, S. Okoro
"""

T52 = """\
Hallo,

ich bin ehrenamtliche Integrationslotsin in Hainwiesen im Werra-Meißner-Kreis
mit ca. 3.900 Einwohnern und unser Bürgermeister hat mich gebeten mich ein
bisschen um das WIR-Programm zu kümmern weil ich die Familien gut kenne und
deshalb wollte ich fragen ob es bei Ihnen jemanden gibt mit dem man mal
telefonieren kann am besten noch bevor die Gemeindevertretung im Januar tagt
und welche Methoden sich bewährt haben wenn viele Leute nicht gut Deutsch
können und trotzdem mitreden sollen und damit meine ich vor allem die Mütter aus
den Sprachkursen

Über eine Rückmeldung würde ich mich sehr freuen
Liebe Grüße
Fatma Aydın
"""

T53 = """\
Gruß
Heike
"""

T54 = """\
hi which costs are covered by kiv? only the moderator or also catering +
rooms? thx

Sent from my Galaxy
"""

T55 = """\
Sehr geehrtes WIR-Team,

unser Kämmerer hat mich gebeten bei Ihnen nachzufragen weil wir mit unseren
knapp 16 Tsd. Einwohnern gerade den Antrag vorbereiten und im Haushalt sauber
planen müssen ob die 30.000 Euro als Brutto- oder Nettobetrag zu verstehen sind
weil wir als Gemeinde nicht vorsteuerabzugsberechtigt sind und außerdem ob der
Zuschuss bei uns als Betrieb gewerblicher Art irgendwie steuerpflichtig wird
oder ob das komplett im hoheitlichen Bereich bleibt weil die Kommunalaufsicht bei
uns gerade sehr genau hinschaut da wären wir für eine kurze Einschätzung dankbar

Freundliche Grüße
Holger Franke
Gemeinde Rapsfeld - Finanzverwaltung
"""

T56 = """\
Gude,

mir sin e klaa Gemaa in Rheinhesse, also RLP, direkt iwwerm Rhoi, um die
2500 Leit. Do hot mer aaner verzählt vun dem hessische Programm. Derfe mir do
aach mitmache, odder kenne mir uns wenigstens mit de Hesse drüwwe zammedue?

Gruß
Klaus Ott
Ortsgemeinde Wingertsheim
"""

T57 = """\
Wie viele Gemeinden haben bei KIV schon mitgemacht?
Danke, P. Wirth
"""

T58 = """\
guten abend,

ich bin ehrenamtlicher bürgermeister einer kleinen gemeinde im landkreis kassel
mit 1650 einwohnern und wir haben seit dem sommer eine neue unterkunft mit
jungen männern aus afghanistan und syrien und im dorf gibt es viel gerede aber
wenig miteinander deshalb überlegen wir mit KIV eine strategie zu machen und
ich würde gern wissen wie man da am besten die leute im dorf und die neuen
zusammenbringt ohne dass es gleich eine große versammlung mit streit wird und ob
wir den kreis und sein vielfaltszentrum dazuholen müssen und was am ende mit der
strategie passiert also ob die gemeindevertretung die beschließen muss und was
dann daraus folgt

gruß
werner kuhl
bürgermeister gemeinde mühlgrund
"""

T59 = """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht.

Die Gemeindeverwaltung Kuckucksau ist vom 24.12.2026 bis einschließlich
01.01.2027 geschlossen. Ab dem 04.01.2027 sind wir wieder für Sie da; Ihre
Nachricht wird dann bearbeitet.

Wir wünschen Ihnen frohe Weihnachten und einen guten Rutsch!

Ihre Gemeindeverwaltung Kuckucksau
(Diese Nachricht wurde automatisch versendet.)
"""

T60 = """\
gibts noch geld für kiv oder is schon alles weg??
lg
"""

T61 = """\
Hello,

I live in the village of Taubenried, roughly 900 people, which belongs to the
larger Gemeinde Kornblumenau with 7,300 inhabitants in total, and I sit on the
village advisory council (Ortsbeirat) where we would like to start something for
the many newcomers, so I wanted to ask whether the village can apply by itself
or whether it has to be the Gemeinde, when the next round for applications
opens or if we can just apply any time, and where I can read the funding
guideline, ideally in English

Thanks and best wishes
David Morgan
"""

T62 = """\
danke für die antwort! wie lange haben wir dann genau zeit, 18 monate ab wann?
und kann man das verlängern falls es länger dauert
gruß nicole

Von meinem iPhone gesendet

> Am 07.12.2026 um 11:02 schrieb Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>:
>
> Sehr geehrte Frau Lang,
>
> vielen Dank für Ihre Anfrage. Die Förderung richtet sich an alle Kommunen
> mit weniger als 50.000 Einwohnerinnen und Einwohnern und beträgt maximal
> 30.000 Euro. Teilnehmende Kommunen haben 18 Monate Zeit, eine
> KIV-Strategie zu entwickeln. Den Antrag stellen Sie online unter
> www.integrationskompass.hessen.de.
>
> Mit freundlichen Grüßen
> Ihr Team Landesprogramm WIR
"""

T63 = ""

T64 = """\
Sehr geehrte Damen und Herren,

für unsere Stadt im Main-Taunus-Kreis (EW 23.100, Stand 30.06.2026) bereiten wir
gerade den KIV-Antrag vor und im Fachdienst sind noch drei Punkte offen nämlich
welche Unterlagen wir beim Onlineantrag konkret hochladen müssen also ob ein
Beschluss der Stadtverordnetenversammlung oder ein Angebot des Moderationsbüros
schon dabei sein muss und ob wir mit dem Prozess schon im Januar starten dürfen
bevor ein Bescheid da ist und ob die Vergabe der Moderation nach UVgO
ausgeschrieben werden muss oder ob bei dem Volumen eine Direktvergabe reicht

Mit freundlichen Grüßen
i. A. Ralf Schubert
Stadt Eschenhain - Fachdienst Soziales
"""

T65 = """\
hi wir wollten 40 000 euro beantragen geht das oder is bei 30 schluss??
gruß

Gesendet mit der WEB.DE Mail App
"""

T66 = """\
Vielen Dank für die ausführliche Antwort, ich leite das so an unseren
Bürgermeister weiter.

Mit freundlichen Grüßen
i. A. Ralf Schubert
Stadt Eschenhain - Fachdienst Soziales

-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Mittwoch, 23. Dezember 2026 08:12
An: Schubert, Ralf <r.schubert@eschenhain.de>
Betreff: Re: KIV-Antrag - offene Punkte

Sehr geehrter Herr Schubert,

vielen Dank für Ihre Anfrage. Für das laufende Jahr stehen noch Fördermittel
zur Verfügung, die jetzt online beantragt werden können. Die Förderung beträgt
maximal 30.000 Euro. Den Link zur Onlineantragstellung und eine flankierende
Anleitung finden Sie unter www.integrationskompass.hessen.de.

""" + MINISTRY_SIG + "\n"

T67 = """\
Guten Tag,

ich bin seit Oktober neu in der Verwaltung unserer Gemeinde im Landkreis Fulda
mit gut 5.200 Einwohnern und habe in den Akten gesehen dass hier vor ein paar
Jahren schon mal etwas mit dem WIR-Programm lief aber ich finde keinen Bescheid
und keine Abrechnung und wollte deshalb fragen ob unsere Gemeinde damals
tatsächlich gefördert wurde und ob wir jetzt trotzdem noch einmal einen Antrag
stellen dürfen oder ob man nur einmal gefördert werden kann weil meine Vorgängerin
leider schon in Rente ist und niemand mehr so genau Bescheid weiß

Viele Grüße
Jana Pfeiffer
Gemeinde Bärlauchtal
"""

T68 = """\
Wo steht denn die Förderrichtlinie online?
Gruß K. Brandt
"""

T69 = """\
Hi,

quick one from a town of approx. 13.2k residents in the Hochtaunuskreis, our
council committee asked me to clarify before they decide on joining KIV whether
the strategy has to be voted on by the full town council at the end or just
noted by the committee, and which bodies besides the council need to be part of
the process, for instance the foreigners' advisory board or the district's
diversity centre, since we want to set up the steering group correctly from the
start

Thanks,
Chris Baumann-Leigh
Town of Wacholderbrunn
"""

T70 = """\
Gude,

isch hab in de Zeitung gelese vum WIR-Programm. Was is des genau, des KIV?
Un kenne mir do mitmache? Mir sin e Gemaa im Lahn-Dill mit so
dreidausendvierhunnert Leut.

Gruß
Manfred Schneider
Gemeinde Ramsbachtal
"""

T71 = """\
was passiert eigentlich nach den 18 monaten? muss die strategie dann
beschlossen werden und müssen wir die dann auch umsetzen
"""

T72 = """\
This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  info@kranichrode.de
    host mx.kranichrode.de [203.0.113.45]
    SMTP error from remote mail server after RCPT TO:<info@kranichrode.de>:
    550 5.7.1 Mailbox disabled for this recipient

------ This is a copy of the message, including all the headers. ------

Return-path: <landesprogrammWIR@hsm.hessen.de>
Received: from mail.hsm.hessen.de ([192.0.2.10])
	by relay1.hessen.de with esmtps (TLS1.3) (Exim 4.97.1)
	(envelope-from <landesprogrammWIR@hsm.hessen.de>)
	id 1tZk4R-0007Qs-2F
	for info@kranichrode.de; Mon, 28 Dec 2026 10:41:07 +0100
From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
To: info@kranichrode.de
Subject: Re: zamme mit de nachbarn?
Date: Mon, 28 Dec 2026 10:41:05 +0100
Message-ID: <wir.d4a71c02e95b3f48.5kq2w8x0mz7d@hsm.hessen.de>
Content-Language: de
X-Auto-Response-Suppress: All
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Sehr geehrte Damen und Herren,

Kommunen mit weniger als 10.000 Einwohnerinnen und Einwohnern koennen sich
im laendlichen Raum mit anderen Kommunen abstimmen. Den Link zur
Onlineantragstellung finden Sie unter www.integrationskompass.hessen.de.

Mit freundlichen Gruessen
Ihr Team Landesprogramm WIR
"""

T73 = """\
Hallo,

bei uns im Ort mit 4.750 EW gibt es seit diesem Jahr einen ehrenamtlichen
Deutschkurs im Dorfgemeinschaftshaus der richtig gut läuft aber die Lehrerin
macht das bisher umsonst und jetzt hat jemand in der Gemeindevertretung
vorgeschlagen das über KIV zu finanzieren deshalb wollte ich fragen ob man aus
dem Programm auch so einen Kurs und das Material bezahlen kann oder ob das eher
etwas für die Volkshochschule oder das Bundesprogramm für Integrationskurse ist
und wie man da dann an das Geld rankommt

Gruß
Petra Heil
Gemeinde Mohnbach
"""

T74 = """\
Von meinem iPhone gesendet
"""

T75 = """\
hello our town has 62k residents, too big for kiv right? is there any other
programme for towns our size?
cheers

Sent from my Galaxy
"""

T76 = """\
Dange, des war's, gell? Un en gude Rutsch!

Manfred Schneider
"""

T77 = """\
Sehr geehrte Damen und Herren,

unser KIV-Antrag über 22.800 € wurde im Oktober bewilligt und der Moderator hat
inzwischen die Auftaktveranstaltung gemacht und schickt uns jetzt die erste
Rechnung deshalb wollte ich nachfragen wann das Geld für unseren Antrag bei uns
eingeht und ob es grundsätzlich möglich ist Abschlagszahlungen oder einen
Vorschuss zu bekommen oder ob immer erst am Ende nach dem Verwendungsnachweis
ausgezahlt wird weil unser Haushalt das sonst vorfinanzieren muss was bei der
aktuellen Kassenlage ehrlich gesagt schwierig wird und unserem Kämmerer schon
graue Haare macht

Mit freundlichen Grüßen
Sabine Krug
Gemeinde Fuchsgrund - Finanzen
"""

T78 = """\
Vielen Dank für Ihre Nachricht!

Ich bin vom 28.12.2026 bis zum 11.01.2027 im Urlaub und kann Ihre E-Mail
erst danach lesen. Sie wird nicht weitergeleitet. In dringenden Fällen
erreichen Sie die Gemeindeverwaltung Ginsterwiesen unter 06691 0744-0.

Freundliche Grüße
Ulrike Sommer
"""

T79 = """\
Alles klar, passt scho, merci! Dann mache mir des so.

Sabine Wagner
"""

T80_NOTICE = """\
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

<p.nowak@hirtenrode.de>: host mx.hirtenrode.de[198.51.100.64] said: 452
    4.2.2 Mailbox full, try again later (in reply to RCPT TO command)
"""

T80_STATUS = """\
Reporting-MTA: dns; mail.hsm.hessen.de
X-Postfix-Queue-ID: 4Q9tB51zPmz7Fh4
X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de
Arrival-Date: Wed, 30 Dec 2026 07:55:12 +0100 (CET)

Final-Recipient: rfc822; p.nowak@hirtenrode.de
Original-Recipient: rfc822;p.nowak@hirtenrode.de
Action: delayed
Status: 4.2.2
Remote-MTA: dns; mx.hirtenrode.de
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full, try again later
Will-Retry-Until: Mon,  4 Jan 2027 07:55:12 +0100 (CET)
"""


# --------------------------------------------------------------------------
# Building blocks for messages
# --------------------------------------------------------------------------

def h(seed: str, n: int = 40) -> str:
    """Deterministic hex string derived from seed."""
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def uuid_of(seed: str, upper: bool = False) -> str:
    x = h(seed, 32)
    x = x.upper() if upper else x
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"


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


def render_header(name: str, value: str) -> str:
    if "\n" in value:                      # already folded by hand
        return f"{name}: {value}"
    if is_ascii(value):
        return fold_ascii(name, value)
    enc = Header(value, "utf-8", header_name=name).encode(linesep="\n", maxlinelen=78)
    return f"{name}: {enc}"


def render_headers(headers: list[tuple[str, str]]) -> str:
    return "".join(render_header(k, v) + "\n" for k, v in headers)


def addr(name: str | None, address: str) -> str:
    if not name:
        return address
    return formataddr((name, address), charset="utf-8")


def qp(text: str) -> str:
    out = quopri.encodestring(text.encode("utf-8"), quotetabs=False).decode("ascii")
    return out if out.endswith("\n") else out + "\n"


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def text_part(text: str, subtype: str = "plain", cte: str = "8bit", flowed: bool = False,
              quoted_charset: bool = True) -> tuple[list, str]:
    params = "; format=flowed" if flowed else ""
    cs = '"utf-8"' if quoted_charset else "utf-8"
    headers = [("Content-Type", f"text/{subtype}; charset={cs}{params}"),
               ("Content-Transfer-Encoding", cte)]
    if cte in ("7bit", "8bit"):
        if cte == "7bit":
            assert is_ascii(text), "7bit part with non-ASCII text"
        body = text
    elif cte == "quoted-printable":
        body = qp(text)
    elif cte == "base64":
        # canonical form of text is CRLF before encoding (RFC 2045)
        body = b64(text.replace("\n", "\r\n").encode("utf-8"))
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
        lines = [html.escape(line, quote=False) for line in para.split("\n")]
        paras.append('<p class="MsoNormal">' + "<br>\n".join(lines) + "<o:p></o:p></p>")
    body = '\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'.join(paras)
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n'
        "<head>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\n"
        "p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}\n"
        "--></style>\n"
        "</head>\n"
        '<body lang="DE" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n'
        f"{body}\n"
        "</div>\n"
        "</body>\n"
        "</html>\n"
    )


def gmail_html(text: str) -> str:
    """Gmail-like HTML: one div per line of the new text."""
    lines = text.rstrip("\n").split("\n")
    out = '<div dir="ltr">' + "".join(
        f"<div>{html.escape(x, quote=False) or '<br>'}</div>" for x in lines) + "</div>"
    return out.replace("</div>", "</div>\n") + "\n"


def mobile_html(text: str) -> str:
    """HTML of a phone mail app (Samsung Email, Outlook for Android): divs with dir=auto."""
    lines = text.rstrip("\n").split("\n")
    body = "".join(f'<div dir="auto">{html.escape(x, quote=False) or "<br>"}</div>\n'
                   for x in lines)
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=UTF-8"></head><body>\n' + body + "</body></html>\n")


def ministry_message(to_name: str | None, to_addr: str, subject: str, when: datetime,
                     msgid: str, in_reply_to: str, text: str) -> str:
    """A complete earlier answer of ours (returned inside bounces), shaped like the
    assistant's replies: X-Auto-Response-Suppress and multipart/alternative."""
    headers = [
        ("Return-Path", f"<{MAILBOX}>"),
        ("From", f"Landesprogramm WIR <{MAILBOX}>"),
        ("To", addr(to_name, to_addr)),
        ("Subject", subject),
        ("Date", format_datetime(when)),
        ("Message-ID", msgid),
        ("In-Reply-To", in_reply_to),
        ("References", in_reply_to),
        ("Content-Language", "de"),
        ("X-Auto-Response-Suppress", "All"),
        ("MIME-Version", "1.0"),
    ]
    paras = "".join(f"<p>{html.escape(p_, quote=False)}</p>\n"
                    for p_ in text.strip().split("\n\n"))
    rich = "<!DOCTYPE html>\n<html lang=\"de\"><body>\n" + paras + "</body></html>\n"
    ph, pb = multipart("alternative", [text_part(text, cte="quoted-printable"),
                                       text_part(rich, subtype="html",
                                                 cte="quoted-printable")],
                       f"==============={int(h(msgid, 15), 16)}==")
    return render_headers(headers + ph) + "\n" + pb


def ministry_headers_only(to_name: str | None, to_addr: str, subject: str,
                          when: datetime, msgid: str, in_reply_to: str) -> str:
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
        ("References", in_reply_to),
        ("Content-Language", "de"),
        ("X-Auto-Response-Suppress", "All"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "multipart/alternative;\n"
                         f' boundary="==============={int(h(msgid, 15), 16)}=="'),
    ])


# Working days of December 2026 (four mails each); phone and dialect mails are
# written in the evening, a few of them at the weekend (WHEN overrides).
WORKDAYS = (1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 28, 29, 30)
EVENING_SHAPES = ("phone", "dialect")


def case_date(case: dict) -> datetime:
    """Deterministic date (CET): the case's `when` (day, hour, minute, second) if given,
    else the n-th slot of four per working day."""
    n = case["n"]
    x = int(h(f"time{n}", 8), 16)
    if case.get("when"):
        day, hh, mm, ss = case["when"]
        return datetime(2026, 12, day, hh, mm, ss, tzinfo=CET)
    day = WORKDAYS[(n - 1) // 4]
    if case.get("shape") in EVENING_SHAPES:
        hour = 18 + x % 5
    else:
        hour = 7 + 2 * ((n - 1) % 4) + x % 2
    return datetime(2026, 12, day, hour, (x >> 4) % 60, (x >> 12) % 60, tzinfo=CET)

# --------------------------------------------------------------------------
# The 80 cases. Each case holds the mail's data and its label.
#   shape:    for inquiries, what makes the mail hard (see SHAPES; checked below)
#   client:   decides Message-ID style, client headers and MIME structure
#   body:     how the MIME structure is built (see build_body)
#   evidence: for each fact, the literal words of the NEW text it comes from
#   decoys:   numbers/words in the NEW text that must NOT become a fact (traps)
#   quote:    first line of the quoted part (never labelled)
#   quoted:   strings that occur only in that part (traps that must stay unlabelled)
#   ooscope:  for inquiries with out_of_scope, "pure" or "mixed" and what it is about
# --------------------------------------------------------------------------

NULL_FACTS = dict(population=None, amount_eur=None, state=None, eligibility=None)
NO_FACTS = dict(population=None, amount_eur=None, state=None, eligibility="unknown")

CASES = [
    dict(n=1, kind="inquiry", language="de", shape="runon",
         intents=["duration", "joint_application"],
         population=3000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Kuckucksau, volunteer mayor, one run-on sentence of ~130 words "
               "without a full stop. 'so um die 3000 Leut' is the population, 'im "
               "Vogelsberg' names the Vogelsbergkreis (Hessen). Questions as indirect "
               "clauses: 'ob wir so einen Antrag zusammen mit dem Nachbarort stellen "
               "dürfen' = joint_application, 'wie lange wir dann Zeit haben bis die "
               "ganze Strategie fertig sein muss' = duration (time to finish, not a "
               "deadline). Trap: neighbour Wendelsgrund 'mit 2400 Einwohnern'. Plain, "
               "UTF-8 quoted-printable (webmail).",
         sender=("Erwin Hollstein", "erwin.hollstein@t-online.example"),
         subject="WIR Programm Anfrage", client="webmail",
         evidence=dict(population="so um die 3000 Leut", state="im Vogelsberg"),
         decoys=["mit 2400 Einwohnern"],
         body=dict(type="plain", text=T01, cte="quoted-printable")),

    dict(n=2, kind="inquiry", language="de", shape="phone",
         intents=["funded_activities", "funding_amount"], **NO_FACTS,
         notes="Phone mail, all lower case, no commas, typo 'moderatoer'. 'wieviel geld "
               "gibts da maximal' = funding_amount; 'zahlt ihr auch essen und getränke "
               "bei den workshops oder nur den moderatoer' asks whether catering is an "
               "eligible cost = funded_activities. No facts. multipart/alternative "
               "(Gmail app).",
         sender=("Jens Kaufmann", "jens.kaufmann87@gmail.example"),
         subject="kiv frage", client="gmail",
         body=dict(type="alt", text=T02, html_style="gmail")),

    dict(n=3, kind="inquiry", language="de", shape="subject",
         intents=["deadline"], **NO_FACTS,
         notes="Question only in the subject ('Bis wann kann man KIV noch "
               "beantragen?' = deadline); the body is 'Gruß' and a first name. No "
               "facts. Plain 8bit (webmail).",
         sender=("Melanie Graf", "melanie.graf@web.example"),
         subject="Bis wann kann man KIV noch beantragen?", client="webmail",
         body=dict(type="plain", text=T03, cte="8bit")),

    dict(n=4, kind="inquiry", language="en", shape="runon",
         intents=["application_process", "eligibility", "funding_amount"],
         population=7800, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Town of Hirtenrode, non-native English run-on (German thousands dot "
               "'around 7.800 inhabitant', 'informations'). 'in the district of "
               "Giessen' names the Landkreis Gießen (Hessen). Indirect questions: 'if a "
               "town like us can take part' = eligibility, 'how much money we could "
               "receive maximum' = funding_amount, 'how the application is working' = "
               "application_process. Traps: 'about 400 refugees' (subgroup), 'since "
               "2022'. multipart/alternative (Outlook).",
         sender=("Nowak, Piotr", "p.nowak@hirtenrode.de"),
         subject="Question about KIV programme", client="outlook365",
         content_language="en-GB", org="Stadt Hirtenrode",
         evidence=dict(population="around 7.800 inhabitant",
                       state="district of Giessen"),
         decoys=["about 400 refugees", "since 2022"],
         body=dict(type="alt", text=T04, html_style="outlook")),

    dict(n=5, kind="acknowledgement", language="de", **NULL_FACTS, intents=[],
         notes="Gemeinde Spatzenhain, dialect thank-you ('dange schee fer die schnelle "
               "Antwort, passt scho') announcing that they will get back ('melde uns "
               "dann'): nothing new asked. Reply headers (In-Reply-To our answer). "
               "Plain 8bit (Thunderbird).",
         sender=("Karl-Heinz Bieber", "k.bieber@spatzenhain.de"),
         subject="Re: Anfrage KIV Gemeinde Spatzenhain", client="thunderbird",
         reply_to_ministry=True,
         body=dict(type="plain", text=T05, cte="8bit")),

    dict(n=6, kind="inquiry", language="de", shape="dialect",
         intents=["eligibility", "participation"],
         population=4800, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Strong Hessian dialect (Odenwald): the Ortsvorsteher of Obermispel, an "
               "Ortsteil of the Gemeinde Mispelbach 'im Odenwaldkreis'. 'mir sin alles "
               "zamme so 4800 Seele' is the whole municipality, so it is the "
               "population. 'ob mir als so e klaa Gemaa do iwwerhaupt mitmache derfe' "
               "= eligibility; 'wie kriet mer dann die Leut aus de Neubausiedlung un "
               "die Zugezogene an en Disch' = participation. Plain, UTF-8 "
               "quoted-printable (webmail).",
         sender=("Heiner Roth", "heiner.roth@web.example"),
         subject="Frag wege dem WIR Programm", client="webmail",
         evidence=dict(population="so 4800 Seele", state="Odenwaldkreis"),
         body=dict(type="plain", text=T06, cte="quoted-printable")),

    dict(n=7, kind="inquiry", language="de", shape="oneliner",
         intents=["out_of_scope"], **NO_FACTS,
         ooscope=("pure", "another programme (village hall renovation)"),
         notes="One-liner phrased like a funding_amount question, but it asks about "
               "funding for renovating the Dorfgemeinschaftshaus, which is not this "
               "programme's funding: out_of_scope only. No facts. Plain 8bit "
               "(webmail).",
         sender=("Rainer Lenz", "r.lenz@gmx.example"),
         subject="Frage Förderung", client="webmail",
         body=dict(type="plain", text=T07, cte="8bit")),

    dict(n=8, kind="inquiry", language="de", shape="runon",
         intents=["funded_activities", "out_of_scope"],
         population=11000, amount_eur=None, state=None, eligibility="eligible",
         notes="Stadt Rainfarnheim, run-on from the personnel office. 'EW ca 11k' = "
               "11000; no state named. 'ob man mit dem Geld ... auch eine eigene Stelle "
               "finanzieren kann' asks whether staff costs are eligible = "
               "funded_activities; 'wie die dann nach TVöD eingruppiert werden müsste "
               "und ob die Stelle befristet sein muss' are employment rules = "
               "out_of_scope (borderline table). Plain, UTF-8 quoted-printable "
               "(Outlook/Exchange).",
         sender=("Keil, Sandra", "s.keil@rainfarnheim.de"),
         subject="Integrationsstrategie - eigene Stelle?", client="exchange",
         org="Stadt Rainfarnheim",
         evidence=dict(population="EW ca 11k"),
         ooscope=("mixed", "hiring and employment rules"),
         body=dict(type="plain", text=T08, cte="quoted-printable")),

    dict(n=9, kind="inquiry", language="en", shape="phone",
         intents=["deadline"],
         population=5000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Phone mail, lower case, 'were' for 'we're'. 'can we still apply this "
               "year or is the money gone' = deadline only: the size and state are "
               "given, but whether they may apply is not asked (the verdict is still "
               "given, as for every inquiry). 'about 5k ppl' = 5000, 'in hesse' = "
               "Hessen. Plain, UTF-8 quoted-printable (iPhone), sent on a Saturday.",
         sender=("Ben Carter", "ben.carter@icloud.example"),
         subject="kiv", client="iphone", when=(5, 16, 48, 12),
         evidence=dict(population="about 5k ppl", state="hesse"),
         body=dict(type="plain", text=T09, cte="quoted-printable")),

    dict(n=10, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Postfix non-delivery report (550 5.1.1 user unknown): "
               "multipart/report; report-type=delivery-status with text/plain notice, "
               "message/delivery-status (Action: failed) and the complete returned "
               "ministry answer as message/rfc822 (10.000 Einwohner, 18 Monate: not "
               "labelled).",
         sender=None, subject="Undelivered Mail Returned to Sender",
         client="postfix_bounce", when=(3, 9, 14, 5),
         body=dict(type="report", notice=T10_NOTICE, status=T10_STATUS,
                   returned="full", queue_id="4Q7hN23xKqz9Wd1",
                   original=dict(to=("Bernd Kleinschmidt", "b.kleinschmidt@bachwiesen.de"),
                                 subject="Re: KIV zusammen mit der Nachbargemeinde",
                                 minutes_before=1,
                                 irt="<20261201163311.5e2a7c@bachwiesen.de>",
                                 text=T10_ORIGINAL))),

    dict(n=11, kind="inquiry", language="de", shape="runon",
         intents=["stakeholders", "strategy_adoption"],
         population=None, amount_eur=None, state="Hessen", eligibility="unknown",
         notes="Gemeinde Quittenau, a trainee (Auszubildende); run-on without a full "
               "stop. 'bei uns im MKK' is the usual abbreviation of the "
               "Main-Kinzig-Kreis (Hessen). 'ob ... der Ausländerbeirat oder das "
               "Vielfaltszentrum vom Kreis dabei sein muss' = stakeholders; 'ob am Ende "
               "die Gemeindevertretung die Strategie beschließen muss' = "
               "strategy_adoption (confusable pair). No population. "
               "multipart/alternative (Outlook).",
         sender=("Albrecht, Lena", "l.albrecht@quittenau.de"),
         subject="Frage zu KIV (Gremien)", client="outlook365", org="Gemeinde Quittenau",
         evidence=dict(state="im MKK"),
         body=dict(type="alt", text=T11, html_style="outlook")),

    dict(n=12, kind="inquiry", language="de", shape="subject",
         intents=["guideline"], **NO_FACTS,
         notes="Question only in the lower-case subject ('richtlinie KIV wo finde ich "
               "die' = guideline); the body is empty. No facts. Plain 7bit, empty "
               "body (webmail).",
         sender=("Dennis Ruppel", "dennis.ruppel@gmx.example"),
         subject="richtlinie KIV wo finde ich die", client="webmail",
         body=dict(type="plain", text=T12, cte="7bit")),

    dict(n=13, kind="inquiry", language="de", shape="dialect",
         intents=["funding_amount", "out_of_scope"],
         population=2100, amount_eur=18000, state=None, eligibility="eligible",
         notes="Gemeinde Ohlenbach, the treasurer in strong dialect. 'mir sin grad "
               "mol 2100 Leut' = population; 'so 18 Riese fer de Moderator' (slang: "
               "18 thousand euros) is the planned amount. 'Wie viel krieje mer do ... "
               "maximal' and 'gibt's do mehr' = funding_amount; 'muss mer des Geld "
               "dann aach noch versteuern' = taxation = out_of_scope. No state. Plain "
               "8bit, format=flowed (Thunderbird).",
         sender=("Walter Diehl", "w.diehl@ohlenbach.de"),
         subject="Geld fer KIV", client="thunderbird",
         evidence=dict(population="mir sin grad mol 2100 Leut",
                       amount_eur="so 18 Riese"),
         ooscope=("mixed", "taxation"),
         body=dict(type="plain", text=T13, cte="8bit", flowed=True)),

    dict(n=14, kind="inquiry", language="de", shape="phone",
         intents=["contact"], **NO_FACTS,
         notes="Phone mail, lower case: 'wer is bei euch für kiv zuständig? kann ich da "
               "ma anrufen' = contact. No facts. multipart/alternative (Samsung "
               "Email) with its device line.",
         sender=("Andrea Schäfer", "andrea.schaefer@t-online.example"),
         subject="kiv", client="samsung",
         body=dict(type="alt", text=T14, html_style="mobile")),

    dict(n=15, kind="inquiry", language="en", shape="runon",
         intents=["participation", "stakeholders"],
         population=9400, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Municipality of Reiherbach, non-native English run-on by two writers. "
               "'9,400 inhabitants'; 'in the Wetterau' names the Wetteraukreis "
               "(Hessen). 'how we can bring really all people together in this "
               "strategy process' = participation; 'which institutions we must "
               "involve ... the Vielfaltszentrum of the district or our municipal "
               "council' = stakeholders. Trap: 'about 350 persons' from Ukraine "
               "(subgroup). multipart/alternative (Gmail).",
         sender=("Olena Kravets", "o.kravets@reiherbach.de"),
         subject="KIV - how to involve everybody", client="gmail",
         content_language="en-GB",
         evidence=dict(population="9,400 inhabitants", state="in the Wetterau"),
         decoys=["about 350 persons"],
         body=dict(type="alt", text=T15, html_style="gmail")),

    dict(n=16, kind="inquiry", language="de", shape="oneliner",
         intents=["application_process"], **NO_FACTS,
         notes="One-liner request 'Können Sie mir bitte den Link zum Onlineantrag "
               "schicken?' = application_process (how/where to apply). No facts. "
               "Plain 8bit (webmail).",
         sender=("Bettina Kraus", "b.kraus@web.example"),
         subject="Link", client="webmail",
         body=dict(type="plain", text=T16, cte="8bit")),

    dict(n=17, kind="inquiry", language="de", shape="runon",
         intents=["application_status", "contact"],
         population=None, amount_eur=27500, state=None, eligibility="unknown",
         notes="Stadt Gimbelsrod, formal words but one run-on sentence. 'beantragt "
               "hatten wir 27.500 Euro' = amount. 'ob der Antrag bei Ihnen überhaupt "
               "angekommen ist und wann wir ... mit einer Entscheidung rechnen können' "
               "= application_status; 'wer bei Ihnen für unseren Antrag zuständig ist' "
               "= contact. No population, no state. multipart/alternative (Outlook).",
         sender=("Brenner, Ute", "u.brenner@gimbelsrod.de"),
         subject="KIV-Antrag vom September", client="exchange", org="Stadt Gimbelsrod",
         evidence=dict(amount_eur="beantragt hatten wir 27.500 Euro"),
         body=dict(type="alt", text=T17, html_style="outlook")),

    dict(n=18, kind="inquiry", language="de", shape="dialect",
         intents=["eligibility", "joint_application"],
         population=1800, amount_eur=None, state=None, eligibility="eligible",
         notes="Dornbachtal, strong dialect ('Andrach' = Antrag). 'Mir sin nur 1800' "
               "has no unit but states the size of the own municipality = population. "
               "Trap: the neighbour 'die annern in Kranichrode sin 2300'. 'Derfe mir "
               "als so klaane Gemaa iwwerhaupt alaa en Andrach stelle' = eligibility; "
               "'odder geht des nur zamme? ... stellt do jeder sein eigene Andrach "
               "odder mir zwaa zamme aan' = joint_application. No state. Plain, UTF-8 "
               "quoted-printable (webmail).",
         sender=("Gerd Kaiser", "gerd.kaiser@dornbachtal.de"),
         subject="zamme mit de nachbarn?", client="webmail",
         evidence=dict(population="Mir sin nur 1800"),
         decoys=["sin 2300"],
         body=dict(type="plain", text=T18, cte="quoted-printable")),

    dict(n=19, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic out-of-office typed on a phone, WITHOUT any automation "
               "header and with a plain 'Re:' subject: recognisable only by the text "
               "('Automatische Antwort: ich bin bis einschließlich 4.1.2027 nicht im "
               "Büro'). Plain, UTF-8 quoted-printable (iPhone).",
         sender=("Sven Euler", "s.euler@ahornbach.de"),
         subject="Re: Anfrage WIR-Programm Ahornbach", client="iphone",
         reply_to_ministry=True, when=(22, 19, 4, 31),
         body=dict(type="plain", text=T19, cte="quoted-printable")),

    dict(n=20, kind="inquiry", language="de", shape="phone",
         intents=["funded_activities"],
         population=7400, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Schoppenrod, phone mail in lower case. 'zahlt ihr bei kiv "
               "auch dolmetscher und die saalmiete' asks whether these costs are "
               "eligible = funded_activities. 'wir sind ca 7400 einw.' = population. "
               "No state. Plain, UTF-8 quoted-printable (GMX app).",
         sender=("Tanja Roth", "tanja.r@gmx.example"),
         subject="kiv kosten", client="gmx_app",
         evidence=dict(population="ca 7400 einw."),
         body=dict(type="plain", text=T20, cte="quoted-printable")),

    dict(n=21, kind="inquiry", language="de", shape="runon",
         intents=["deadline", "duration"],
         population=14500, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Ulmenhain, 'im Lahn-Dill-Kreis', 'rund 14.500 Einwohnerinnen und "
               "Einwohnern'. Confusable pair in one sentence: 'ob wir den Antrag "
               "zwingend noch im Dezember stellen müssen ... oder ob das auch im "
               "Januar noch reicht' = deadline; 'wie lange wir ab der Bewilligung Zeit "
               "haben ... und ob sich der Zeitraum verlängern lässt' = duration. Trap: "
               "'am 21. Januar'. Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Stein, Marco", "m.stein@ulmenhain.de"),
         subject="KIV Antrag Dezember oder Januar", client="exchange",
         org="Stadt Ulmenhain",
         evidence=dict(population="rund 14.500 Einwohnerinnen und Einwohnern",
                       state="Lahn-Dill-Kreis"),
         decoys=["am 21. Januar"],
         body=dict(type="plain", text=T21, cte="quoted-printable")),

    dict(n=22, kind="inquiry", language="en", shape="subject",
         intents=["eligibility"], **NO_FACTS,
         notes="Question only in the subject ('Can a Landkreis apply for KIV funding "
               "too?'): whether a district may apply = eligibility (borderline table), "
               "verdict unknown. No district is named, so no state. Body is only "
               "'Sent from my iPhone'. Plain, UTF-8 quoted-printable (iPhone).",
         sender=("Sam Whitfield", "sam.whitfield@icloud.example"),
         subject="Can a Landkreis apply for KIV funding too?", client="iphone",
         body=dict(type="plain", text=T22, cte="quoted-printable")),

    dict(n=23, kind="inquiry", language="de", shape="runon",
         intents=["out_of_scope"], **NO_FACTS,
         ooscope=("pure", "another programme (Dorfentwicklung)"),
         notes="Gemeinde Krebsbachtal, building office. Phrased like funding_amount "
               "('wie hoch die Förderung ... maximal sein kann') and deadline ('bis "
               "wann wir die Anträge für das nächste Jahr ... einreichen müssen'), but "
               "both are about the Dorfentwicklung programme for private facades: "
               "out_of_scope only. No facts. Plain, UTF-8 base64 (webmail).",
         sender=("Jürgen Marx", "bauamt@krebsbachtal.de"),
         subject="Förderung Dorfentwicklung", client="webmail",
         body=dict(type="plain", text=T23, cte="base64")),

    dict(n=24, kind="acknowledgement", language="en", intents=[], **NULL_FACTS,
         notes="Salbeiheim, English thank-you ('that answers all my questions') above "
               "our quoted English answer (Gmail 'On ... wrote:' with '>' lines). The "
               "quoted 50,000 inhabitants, 30,000 euros and 18 months are not "
               "labelled. multipart/alternative (Gmail).",
         sender=("Aylin Demir", "a.demir@salbeiheim.de"),
         subject="Re: KIV funding for Salbeiheim", client="gmail",
         reply_to_ministry=True, parent=(2026, 12, 2, 10, 14, 1),
         quote="On Wed, 2 Dec 2026 at 10:14", quoted=["30,000 euros", "18 months"],
         body=dict(type="alt", text=T24, html_style="gmail")),

    dict(n=25, kind="inquiry", language="de", shape="dialect",
         intents=["deadline", "funding_amount"],
         population=None, amount_eur=35000, state=None, eligibility="unknown",
         notes="Gemeinde Mispelau, dialect. 'is do noch Geld im Topf fer des Johr' = "
               "whether money is still available = deadline; 'wie viel kann mer do "
               "maximal krieje' = funding_amount. 'fer so 35 dausend Euro' (dialect "
               "'dausend') is the planned amount, above the cap. No population. Plain "
               "8bit (Thunderbird).",
         sender=("Ilse Bender", "i.bender@mispelau.de"),
         subject="Is noch Geld do?", client="thunderbird",
         evidence=dict(amount_eur="so 35 dausend Euro"),
         body=dict(type="plain", text=T25, cte="8bit")),

    dict(n=26, kind="inquiry", language="en", shape="phone",
         intents=["application_status", "contact"],
         **NO_FACTS,
         notes="Phone mail in lower case. 'is it approved?' about their own "
               "application = application_status; 'who can i call about it?' = "
               "contact. Trap: 'nov 3' is a date. No facts. multipart/alternative "
               "(Outlook for Android).",
         sender=("Kevin Brandt", "kbrandt@outlook.example"),
         subject="our kiv application", client="outlook_android",
         body=dict(type="alt", text=T26, html_style="mobile")),

    dict(n=27, kind="inquiry", language="de", shape="runon",
         intents=["eligibility", "participation"],
         **NO_FACTS,
         notes="Volunteer of the Helferkreis Asyl Brunnenweiler (an association). 'ob "
               "auch wir als Verein so einen Antrag stellen können oder ob das nur die "
               "Gemeinde selber darf' = eligibility of an association (borderline "
               "table), verdict unknown; 'wie wir die Leute aus den Unterkünften "
               "überhaupt beteiligen können' = participation. Traps: 'so 45 "
               "Mitglieder' (club members) and 'ca 120 Geflüchtete' (refugees) are not "
               "the population. multipart/alternative (Gmail).",
         sender=("Monika Hartung", "helferkreis.brunnenweiler@gmail.example"),
         subject="Dürfen Vereine mitmachen?", client="gmail",
         decoys=["so 45 Mitglieder", "ca 120 Geflüchtete"],
         body=dict(type="alt", text=T27, html_style="gmail")),

    dict(n=28, kind="inquiry", language="en", shape="oneliner",
         intents=["programme_info"], **NO_FACTS,
         notes="One-liner 'What exactly is KIV?' = programme_info. No facts. "
               "multipart/alternative (Gmail).",
         sender=("Tom Ashworth", "tom.ashworth@gmail.example"),
         subject="KIV?", client="gmail",
         body=dict(type="alt", text=T28, html_style="gmail")),

    dict(n=29, kind="inquiry", language="de", shape="runon",
         intents=["funding_amount", "out_of_scope"],
         population=8900, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Wiesenrod, 'aus dem Schwalm-Eder-Kreis', 'EW: knapp 8.900'. "
               "'ob wir die 30.000 aus Ihrem Programm zusätzlich zu der "
               "LEADER-Förderung bekommen können' = combining with another programme "
               "= out_of_scope; 'ob wir bei KIV einen Eigenanteil tragen müssen' = "
               "funding_amount (own share). The cap quoted back ('die 30.000') is no "
               "amount. Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Meier, Frank", "f.meier@wiesenrod.de"),
         subject="KIV und LEADER", client="exchange", org="Gemeinde Wiesenrod",
         evidence=dict(population="EW: knapp 8.900", state="Schwalm-Eder-Kreis"),
         decoys=["die 30.000"],
         ooscope=("mixed", "combining with another programme (LEADER)"),
         body=dict(type="plain", text=T29, cte="quoted-printable")),

    dict(n=30, kind="inquiry", language="de", shape="subject",
         intents=["application_status"], **NO_FACTS,
         notes="Question only in the subject ('Antrag Gemeinde Moorhain "
               "eingegangen?' = application_status); the body is 'Gruß' and an "
               "initial. No population, no state. Plain 8bit (webmail).",
         sender=("Thomas Becker", "t.becker@moorhain.de"),
         subject="Antrag Gemeinde Moorhain eingegangen?", client="webmail",
         body=dict(type="plain", text=T30, cte="8bit")),

    dict(n=31, kind="inquiry", language="de", shape="phone",
         intents=["deadline"], **NO_FACTS,
         notes="Phone mail in lower case: 'dürfen wir mit der moderation schon im "
               "januar anfangen oder müssen wir warten bis der bescheid da ist' = when "
               "they may start = deadline (borderline table), not duration and not "
               "application_status. No facts. multipart/alternative (Gmail app).",
         sender=("Sabine Lutz", "sabine.lutz@gmail.example"),
         subject="anfangen vor bescheid?", client="gmail",
         body=dict(type="alt", text=T31, html_style="gmail")),

    dict(n=32, kind="inquiry", language="de", shape="dialect",
         intents=["guideline", "programme_info"],
         **NO_FACTS,
         notes="Dialect. 'Wo steht'n des ganze genau, gibt's do e Richtlinie' = "
               "guideline; 'seit wann gibt's des iwwerhaupt, hot do schun mol e Gemaa "
               "bei uns in de Gegend mitgemacht' = since when / who took part = "
               "programme_info. No facts. Plain, UTF-8 quoted-printable (webmail).",
         sender=("Ewald Schmitt", "ewald.schmitt@t-online.example"),
         subject="KIV", client="webmail",
         body=dict(type="plain", text=T32, cte="quoted-printable")),

    dict(n=33, kind="inquiry", language="en", shape="runon",
         intents=["eligibility", "joint_application"],
         population=6500, amount_eur=None, state="Rheinland-Pfalz",
         eligibility="not_eligible",
         notes="Municipality of Rebstockheim 'in Rhineland-Palatinate', 'about 6,500 "
               "residents'. 'whether a municipality from outside Hesse is allowed to "
               "apply' = eligibility (not eligible: another state; 'Hesse' here does "
               "not make it Hessian); 'whether we could join a joint application with "
               "our neighbour town Salbeiheim' = joint_application. "
               "multipart/alternative (Outlook).",
         sender=("Hoffmann-Reyes, Julia", "j.hoffmann-reyes@rebstockheim.de"),
         subject="KIV - municipality from Rhineland-Palatinate", client="outlook365",
         content_language="en-GB",
         evidence=dict(population="about 6,500 residents",
                       state="Rhineland-Palatinate"),
         body=dict(type="alt", text=T33, html_style="outlook")),

    dict(n=34, kind="auto_reply", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic vacation responder of the writer of dev4-15 (Gmail, 'I am out "
               "of the office until 4 January 2027'), its own subject 'Out of office', "
               "with Auto-Submitted; not an Exchange out-of-office, which our "
               "X-Auto-Response-Suppress would stop. multipart/alternative (Gmail).",
         sender=("Olena Kravets", "o.kravets@reiherbach.de"),
         subject="Out of office", client="gmail", content_language="en-GB",
         reply_to_ministry=True, when=(23, 10, 2, 44),
         auto_headers=[("Auto-Submitted", "auto-replied")],
         body=dict(type="alt", text=T34, html_style="gmail")),

    dict(n=35, kind="inquiry", language="de", shape="runon",
         intents=["funded_activities", "strategy_adoption"],
         population=12500, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Ebbelsheim 'im Kreis Bergstraße' 'mit so 12 500 Leuten' (space "
               "as thousands separator). 'was am Ende eigentlich rauskommt ... und was "
               "nach den 18 Monaten passiert' = result and what comes after = "
               "strategy_adoption (the 18 months are quoted back, not a duration "
               "question); 'ob die Moderation dann auch noch die Umsetzung der ersten "
               "Projekte begleiten darf oder ob das Geld nur für die Erarbeitung "
               "selbst gedacht ist' = what the money may pay for = funded_activities. "
               "Plain, UTF-8 quoted-printable (Apple Mail).",
         sender=("Kerstin Vogel", "k.vogel@ebbelsheim.de"),
         subject="Was kommt bei KIV raus?", client="applemail",
         evidence=dict(population="mit so 12 500 Leuten", state="Kreis Bergstraße"),
         decoys=["nach den 18 Monaten"],
         body=dict(type="plain", text=T35, cte="quoted-printable")),

    dict(n=36, kind="inquiry", language="de", shape="phone",
         intents=["application_process"], **NO_FACTS,
         notes="Phone mail with an emoji, sent on a Sunday evening: 'gibts den antrag "
               "auch auf papier?' = application_process (how to apply, forms). No "
               "facts. Plain, UTF-8 quoted-printable (iPhone).",
         sender=("Martina Fink", "martina.fink@icloud.example"),
         subject="antrag papier", client="iphone", when=(13, 21, 37, 9),
         body=dict(type="plain", text=T36, cte="quoted-printable")),

    dict(n=37, kind="inquiry", language="de", shape="subject",
         intents=["funding_amount"], **NO_FACTS,
         notes="Question only in the subject ('Eigenanteil bei KIV?'): own share = "
               "funding_amount (borderline table). Empty body. Plain 7bit (webmail).",
         sender=("Peter Wolf", "p.wolf@t-online.example"),
         subject="Eigenanteil bei KIV?", client="webmail",
         body=dict(type="plain", text=T37, cte="7bit")),

    dict(n=38, kind="inquiry", language="de", shape="dialect",
         intents=["stakeholders"],
         population=6000, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Hopfenbach, dialect. 'mir sin knapp 6000 im Ort' = "
               "population; 'Kreis Offebach' is the dialect spelling of the Kreis "
               "Offenbach (Hessen). 'misse mir do de Ausländerbeirat un des "
               "Vielfaltszentrum vum Kreis mit dezu nemme ... Un die Fraktione, misse "
               "die aach mit an de Disch?' = which bodies must be involved = "
               "stakeholders (not participation: no citizens' formats asked). Plain "
               "8bit (Thunderbird).",
         sender=("Sabine Wagner", "s.wagner@hopfenbach.de"),
         subject="Ausländerbeirat un Kreis?", client="thunderbird",
         evidence=dict(population="mir sin knapp 6000", state="Kreis Offebach"),
         body=dict(type="plain", text=T38, cte="8bit")),

    dict(n=39, kind="inquiry", language="de", shape="oneliner",
         intents=["eligibility"],
         population=52000, amount_eur=None, state=None, eligibility="not_eligible",
         notes="One-liner 'Können wir mit 52.000 Einwohnern auch noch mitmachen?' = "
               "eligibility; 52,000 is at or above 50,000, so not eligible. No state. "
               "Plain 8bit (webmail).",
         sender=("Rana Özdemir", "rana.oezdemir@web.example"),
         subject="Frage", client="webmail",
         evidence=dict(population="52.000 Einwohnern"),
         body=dict(type="plain", text=T39, cte="8bit")),

    dict(n=40, kind="inquiry", language="de", shape="runon",
         intents=["application_process", "guideline", "programme_info"],
         **NO_FACTS,
         notes="Stadt Lerchenbühl, a second-year trainee. Run-on with three indirect "
               "questions: 'was KIV überhaupt ist und was das mit dem WIR-Programm zu "
               "tun hat' = programme_info; 'welche Unterlagen man für den Antrag "
               "braucht und ob es irgendwo eine Anleitung gibt' = application_process "
               "(the guide belongs to the application); 'wo ich die Förderrichtlinie "
               "finde' = guideline. No facts. Plain, UTF-8 quoted-printable (Outlook).",
         sender=("Kern, Niklas", "n.kern@lerchenbuehl.de"),
         subject="Fragen zum KIV-Antrag", client="outlook365", org="Stadt Lerchenbühl",
         body=dict(type="plain", text=T40, cte="quoted-printable")),

    dict(n=41, kind="bounce", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic German plain-text mailer-daemon notice (552 5.2.2 mailbox "
               "full) from MAILER-DAEMON, single text/plain part without "
               "Auto-Submitted; the returned ministry answer (18 Monate, "
               "Kommunalparlament) is copied inline.",
         sender=("MAILER-DAEMON", "MAILER-DAEMON@mail.quellbach.de"),
         subject="Unzustellbare Nachricht: Re: wie lange dauert des",
         client="mailerdaemon_de",
         body=dict(type="plain", text=T41, cte="quoted-printable")),

    dict(n=42, kind="inquiry", language="de", shape="phone",
         intents=["eligibility"],
         population=49800, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Phone mail in lower case: 'sind wir als stadt mit 49.800 einw. noch "
               "dabei oder schon zu groß?' = eligibility; just below 50,000, so "
               "eligible. 'im landkreis gießen' (lower case) names a Hessian "
               "district. multipart/alternative (Samsung Email).",
         sender=("Lisa Hahn", "lisa.hahn@gmx.example"),
         subject="zu groß?", client="samsung",
         evidence=dict(population="49.800 einw.", state="landkreis gießen"),
         body=dict(type="alt", text=T42, html_style="mobile")),

    dict(n=43, kind="inquiry", language="de", shape="runon",
         intents=["out_of_scope"], **NO_FACTS,
         ooscope=("pure", "a citizen's private matter (naturalisation)"),
         notes="A citizen of Quittenau about his naturalisation: phrased like "
               "duration ('wie lange so eine Einbürgerung normalerweise dauert'), "
               "application_status ('seitdem habe ich nichts gehört') and contact "
               "('wer in Ihrem Haus mein Ansprechpartner ist'), but all of it is his "
               "private matter, not the programme: out_of_scope only. No facts. "
               "multipart/alternative (Gmail).",
         sender=("Yonas Tesfaye", "yonas.tesfaye@gmail.example"),
         subject="Frage wegen Einbürgerung", client="gmail",
         body=dict(type="alt", text=T43, html_style="gmail")),

    dict(n=44, kind="inquiry", language="de", shape="dialect",
         intents=["funded_activities", "participation"],
         **NO_FACTS,
         notes="Dialect ('Ei gude wie'). 'Kann mer des vun dem Geld bezahle, also "
               "Zelt, Musik un so?' = whether a festival is an eligible cost = "
               "funded_activities; 'wie kriet mer die junge Leut dezu' = "
               "participation. No facts. Plain, UTF-8 quoted-printable (webmail).",
         sender=("Bernd Euler", "bernd.euler@t-online.example"),
         subject="Fest fer KIV", client="webmail",
         body=dict(type="plain", text=T44, cte="quoted-printable")),

    dict(n=45, kind="inquiry", language="de", shape="oneliner",
         intents=["duration"], **NO_FACTS,
         notes="One-liner 'Wie lange hat man für die Strategie eigentlich Zeit?' = "
               "duration. No facts. multipart/alternative (Gmail app).",
         sender=("Jonas Weiß", "jonas.weiss@gmail.example"),
         subject="Zeit", client="gmail",
         body=dict(type="alt", text=T45, html_style="gmail")),

    dict(n=46, kind="inquiry", language="en", shape="runon",
         intents=["funded_activities", "funding_amount", "out_of_scope"],
         population=None, amount_eur=34000, state=None, eligibility="unknown",
         notes="Municipality of Habichtsrode, non-native English. An offer of '34.000 € "
               "including VAT' (German thousands dot; above the cap). 'if it is "
               "possible to receive more than the maximum' = funding_amount; 'if the "
               "travel costs of the moderators and the rent for rooms are also covered' "
               "= funded_activities; 'if we must make a public tender' = procurement = "
               "out_of_scope. No population. multipart/alternative (Outlook).",
         sender=("Kowalczyk, Marta", "m.kowalczyk@habichtsrode.de"),
         subject="Offer for moderation - questions", client="outlook365",
         content_language="en-GB",
         evidence=dict(amount_eur="34.000 € including VAT"),
         ooscope=("mixed", "procurement"),
         body=dict(type="alt", text=T46, html_style="outlook")),

    dict(n=47, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="The trainee of dev4-40 writes again before any answer: 'Vielen Dank, "
               "hat sich erledigt! Ich hab die Anleitung ... gefunden' - nothing asked "
               "any more. No quote. Plain, UTF-8 quoted-printable (Outlook).",
         sender=("Kern, Niklas", "n.kern@lerchenbuehl.de"),
         subject="Nachtrag: Fragen zum KIV-Antrag", client="outlook365",
         org="Stadt Lerchenbühl",
         body=dict(type="plain", text=T47, cte="quoted-printable")),

    dict(n=48, kind="inquiry", language="de", shape="phone",
         intents=["joint_application"], **NO_FACTS,
         notes="Phone mail in lower case: 'kann man auch zu dritt beantragen? also "
               "drei gemeinden' = joint_application. Trap: 'wir hätten zusammen so "
               "9000 einwohner' is the combined size of three municipalities, not the "
               "population of the sender's municipality: population null, verdict "
               "unknown. multipart/alternative (Gmail app).",
         sender=("Dieter Sauer", "dieter.sauer@gmail.example"),
         subject="zu dritt?", client="gmail",
         decoys=["zusammen so 9000 einwohner"],
         body=dict(type="alt", text=T48, html_style="gmail")),

    dict(n=49, kind="inquiry", language="de", shape="runon",
         intents=["eligibility", "funding_amount"],
         population=58300, amount_eur=None, state=None, eligibility="not_eligible",
         notes="Stadt Brunnenheim, a Kreisstadt 'mit 58.300 EW' (over the limit). 'ob "
               "eine Stadt unserer Größe grundsätzlich einen Antrag stellen kann oder "
               "ob man vielleicht nur für einzelne Ortsteile beantragen könnte' = "
               "eligibility; 'wie viel Förderung es in dem Fall pro Ortsteil oder "
               "insgesamt geben würde' = funding_amount. No state named. "
               "multipart/alternative (Outlook).",
         sender=("Lorenz, Dr. Anja", "a.lorenz@brunnenheim.de"),
         subject="KIV für Ortsteile einer Kreisstadt?", client="exchange",
         org="Stadt Brunnenheim",
         evidence=dict(population="58.300 EW"),
         body=dict(type="alt", text=T49, html_style="outlook")),

    dict(n=50, kind="inquiry", language="de", shape="dialect",
         intents=["application_status", "duration"],
         **NO_FACTS,
         notes="Gemeinde Erlengrund, dialect. 'wie's mit unserm Andrach aussieht, den "
               "hammer im Oktober abgeschickt' = application_status; 'wenn der dann "
               "durch is, wie lang hammer dann Zeit fer des ganze' = duration. No "
               "facts. Plain, UTF-8 quoted-printable (webmail).",
         sender=("Horst Weber", "h.weber@erlengrund.de"),
         subject="Unser Andrach", client="webmail",
         body=dict(type="plain", text=T50, cte="quoted-printable")),

    dict(n=51, kind="inquiry", language="de", shape="oneliner",
         intents=["application_process"], **NO_FACTS,
         notes="One-liner in German 'Gibt es den Onlineantrag auch auf Englisch?' = "
               "application_process (language de: the mail is German although it asks "
               "about English). No facts. Plain 8bit (webmail).",
         sender=("Samuel Okoro", "s.okoro@web.example"),
         subject="Onlineantrag Englisch", client="webmail",
         body=dict(type="plain", text=T51, cte="8bit")),

    dict(n=52, kind="inquiry", language="de", shape="runon",
         intents=["contact", "participation"],
         population=3900, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Volunteer integration guide in Hainwiesen 'im Werra-Meißner-Kreis mit "
               "ca. 3.900 Einwohnern'. 'ob es bei Ihnen jemanden gibt mit dem man mal "
               "telefonieren kann' = contact; 'welche Methoden sich bewährt haben wenn "
               "viele Leute nicht gut Deutsch können' = participation. The courtesy "
               "line 'Über eine Rückmeldung würde ich mich sehr freuen' adds no "
               "intent. multipart/alternative (Gmail).",
         sender=("Fatma Aydın", "fatma.aydin@gmail.example"),
         subject="WIR-Programm Hainwiesen", client="gmail",
         evidence=dict(population="ca. 3.900 Einwohnern", state="Werra-Meißner-Kreis"),
         body=dict(type="alt", text=T52, html_style="gmail")),

    dict(n=53, kind="inquiry", language="de", shape="subject",
         intents=["eligibility"], **NO_FACTS,
         notes="Question only in the subject ('Können auch Vereine den KIV-Antrag "
               "stellen?'): whether an association may apply = eligibility, verdict "
               "unknown. Body 'Gruß' and a first name. Plain 8bit (webmail).",
         sender=("Heike Strauch", "heike.strauch@t-online.example"),
         subject="Können auch Vereine den KIV-Antrag stellen?", client="webmail",
         body=dict(type="plain", text=T53, cte="8bit")),

    dict(n=54, kind="inquiry", language="en", shape="phone",
         intents=["funded_activities"], **NO_FACTS,
         notes="Phone mail in lower case: 'which costs are covered by kiv? only the "
               "moderator or also catering + rooms?' = funded_activities (not "
               "funding_amount: no sum asked). No facts. multipart/alternative "
               "(Samsung Email, English device line).",
         sender=("Joe Mensah", "joe.mensah@gmail.example"),
         subject="costs", client="samsung", content_language="en-GB",
         body=dict(type="alt", text=T54, html_style="mobile")),

    dict(n=55, kind="inquiry", language="de", shape="runon",
         intents=["funding_amount", "out_of_scope"],
         population=16000, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Rapsfeld, finance office. 'mit unseren knapp 16 Tsd. "
               "Einwohnern' = 16000. 'ob die 30.000 Euro als Brutto- oder "
               "Nettobetrag zu verstehen sind' = gross or net = funding_amount (the "
               "cap quoted back is no amount); 'ob der Zuschuss ... steuerpflichtig "
               "wird' = taxation = out_of_scope. 'da wären wir für eine kurze "
               "Einschätzung dankbar' is a courtesy line. No state. Plain, UTF-8 "
               "quoted-printable (Exchange).",
         sender=("Franke, Holger", "h.franke@rapsfeld.de"),
         subject="KIV brutto/netto und Steuer", client="exchange",
         org="Gemeinde Rapsfeld",
         evidence=dict(population="knapp 16 Tsd. Einwohnern"),
         decoys=["die 30.000 Euro"],
         ooscope=("mixed", "taxation"),
         body=dict(type="plain", text=T55, cte="quoted-printable")),

    dict(n=56, kind="inquiry", language="de", shape="dialect",
         intents=["eligibility", "joint_application"],
         population=2500, amount_eur=None, state="Rheinland-Pfalz",
         eligibility="not_eligible",
         notes="Ortsgemeinde Wingertsheim in Rhenish-Hessian dialect: 'in Rheinhesse, "
               "also RLP' - Rheinhessen lies in Rheinland-Pfalz, so neither "
               "'Rheinhesse' nor 'hessische Programm' nor 'mit de Hesse' makes it "
               "Hessian: not eligible. 'um die 2500 Leit'. 'Derfe mir do aach "
               "mitmache' = eligibility; 'kenne mir uns wenigstens mit de Hesse "
               "drüwwe zammedue' = joint_application. Plain, UTF-8 quoted-printable "
               "(webmail).",
         sender=("Klaus Ott", "k.ott@wingertsheim.de"),
         subject="Mitmache vun driwwe?", client="webmail",
         evidence=dict(population="um die 2500 Leit", state="RLP"),
         body=dict(type="plain", text=T56, cte="quoted-printable")),

    dict(n=57, kind="inquiry", language="de", shape="oneliner",
         intents=["programme_info"], **NO_FACTS,
         notes="One-liner 'Wie viele Gemeinden haben bei KIV schon mitgemacht?' = "
               "programme_info. No facts. Plain 8bit (webmail).",
         sender=("Paul Wirth", "p.wirth@gmx.example"),
         subject="KIV Teilnehmer", client="webmail",
         body=dict(type="plain", text=T57, cte="8bit")),

    dict(n=58, kind="inquiry", language="de", shape="runon",
         intents=["participation", "stakeholders", "strategy_adoption"],
         population=1650, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Mühlgrund, volunteer mayor typing everything in lower case, "
               "one run-on sentence. 'im landkreis kassel' (Hessen), 'mit 1650 "
               "einwohnern'. 'wie man da am besten die leute im dorf und die neuen "
               "zusammenbringt' = participation; 'ob wir den kreis und sein "
               "vielfaltszentrum dazuholen müssen' = stakeholders; 'ob die "
               "gemeindevertretung die beschließen muss und was dann daraus folgt' = "
               "strategy_adoption. Plain 8bit (Thunderbird).",
         sender=("Werner Kuhl", "werner.kuhl@web.example"),
         subject="kiv für unser dorf", client="thunderbird",
         evidence=dict(population="mit 1650 einwohnern", state="landkreis kassel"),
         body=dict(type="plain", text=T58, cte="8bit")),

    dict(n=59, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic Christmas-closure notice of the Gemeindeverwaltung "
               "Kuckucksau ('vom 24.12.2026 bis einschließlich 01.01.2027 "
               "geschlossen'), 'Automatische Antwort:' subject and Auto-Submitted. "
               "Plain, UTF-8 quoted-printable (webmail).",
         sender=("Gemeindeverwaltung Kuckucksau", "info@kuckucksau.de"),
         subject="Automatische Antwort: Re: WIR Programm Anfrage", client="webmail",
         reply_to_ministry=True, when=(28, 9, 12, 40),
         auto_headers=[("Auto-Submitted", "auto-replied")],
         body=dict(type="plain", text=T59, cte="quoted-printable")),

    dict(n=60, kind="inquiry", language="de", shape="phone",
         intents=["deadline"], **NO_FACTS,
         notes="Phone mail on a Saturday: 'gibts noch geld für kiv oder is schon alles "
               "weg??' = whether money is still available = deadline. No facts. "
               "multipart/alternative (Gmail app).",
         sender=("Steffi Krämer", "steffi.kraemer@gmail.example"),
         subject="geld noch da?", client="gmail", when=(19, 14, 22, 3),
         body=dict(type="alt", text=T60, html_style="gmail")),

    dict(n=61, kind="inquiry", language="en", shape="runon",
         intents=["deadline", "eligibility", "guideline"],
         population=7300, amount_eur=None, state=None, eligibility="eligible",
         notes="A member of the Ortsbeirat of the village Taubenried ('roughly 900 "
               "people'), which belongs to the Gemeinde Kornblumenau 'with 7,300 "
               "inhabitants in total': the municipality's population is 7300, the "
               "village is a part. 'whether the village can apply by itself or whether "
               "it has to be the Gemeinde' = eligibility; 'when the next round for "
               "applications opens or if we can just apply any time' = deadline; "
               "'where I can read the funding guideline' = guideline. No state. "
               "multipart/alternative (Gmail).",
         sender=("David Morgan", "david.morgan.tb@gmail.example"),
         subject="Can our village apply?", client="gmail", content_language="en-GB",
         evidence=dict(population="7,300 inhabitants"),
         decoys=["roughly 900 people"],
         body=dict(type="alt", text=T61, html_style="gmail")),

    dict(n=62, kind="inquiry", language="de", shape="phone",
         intents=["duration"], **NO_FACTS,
         notes="Phone reply that starts with thanks ('danke für die antwort!') but "
               "asks something new: 'wie lange haben wir dann genau zeit, 18 monate ab "
               "wann? und kann man das verlängern' = duration, so inquiry, not "
               "acknowledgement. Our quoted answer (50.000 Einwohner, 30.000 Euro) is "
               "not labelled. Plain, UTF-8 quoted-printable (iPhone).",
         sender=("Nicole Lang", "nicole.lang@icloud.example"),
         subject="Re: KIV Frage", client="iphone",
         reply_to_ministry=True, parent=(2026, 12, 7, 11, 2, 1),
         quote="Am 07.12.2026 um 11:02 schrieb",
         quoted=["50.000 Einwohnerinnen", "30.000 Euro"],
         body=dict(type="plain", text=T62, cte="quoted-printable")),

    dict(n=63, kind="inquiry", language="de", shape="subject",
         intents=["contact"], **NO_FACTS,
         notes="Question only in the subject ('KIV - Ansprechpartner / "
               "Telefonnummer?' = contact); empty body. Plain 7bit (webmail).",
         sender=("Oliver Jung", "o.jung@gmx.example"),
         subject="KIV - Ansprechpartner / Telefonnummer?", client="webmail",
         body=dict(type="plain", text=T63, cte="7bit")),

    dict(n=64, kind="inquiry", language="de", shape="runon",
         intents=["application_process", "deadline", "out_of_scope"],
         population=23100, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Stadt Eschenhain 'im Main-Taunus-Kreis (EW 23.100, Stand "
               "30.06.2026)'. 'welche Unterlagen wir beim Onlineantrag konkret "
               "hochladen müssen' = what the application must contain = "
               "application_process; 'ob wir mit dem Prozess schon im Januar starten "
               "dürfen bevor ein Bescheid da ist' = deadline; 'ob die Vergabe der "
               "Moderation nach UVgO ausgeschrieben werden muss' = procurement = "
               "out_of_scope. Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Schubert, Ralf", "r.schubert@eschenhain.de"),
         subject="KIV-Antrag - offene Punkte", client="exchange", org="Stadt Eschenhain",
         evidence=dict(population="EW 23.100, Stand 30.06.2026",
                       state="Main-Taunus-Kreis"),
         ooscope=("mixed", "procurement"),
         body=dict(type="plain", text=T64, cte="quoted-printable")),

    dict(n=65, kind="inquiry", language="de", shape="phone",
         intents=["funding_amount"],
         population=None, amount_eur=40000, state=None, eligibility="unknown",
         notes="Phone mail: 'wir wollten 40 000 euro beantragen geht das oder is bei "
               "30 schluss??' = funding_amount; 40 000 (space separator) is the "
               "requested amount, above the cap; 'bei 30' is the cap quoted back. "
               "Plain, UTF-8 quoted-printable (WEB.DE app).",
         sender=("Marc Vogt", "marc.vogt@web.example"),
         subject="40000 möglich?", client="webde_app",
         evidence=dict(amount_eur="40 000 euro"),
         decoys=["bei 30"],
         body=dict(type="plain", text=T65, cte="quoted-printable")),

    dict(n=66, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Stadt Eschenhain (writer of dev4-64) thanks and forwards our answer "
               "to the mayor; Outlook '-----Ursprüngliche Nachricht-----' quote with "
               "30.000 Euro (not labelled). Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Schubert, Ralf", "r.schubert@eschenhain.de"),
         subject="AW: KIV-Antrag - offene Punkte", client="exchange",
         org="Stadt Eschenhain", reply_to_ministry=True,
         parent=(2026, 12, 23, 8, 12, 1),
         quote="-----Ursprüngliche Nachricht-----", quoted=["30.000 Euro"],
         body=dict(type="plain", text=T66, cte="quoted-printable")),

    dict(n=67, kind="inquiry", language="de", shape="runon",
         intents=["application_status", "eligibility"],
         population=5200, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Bärlauchtal 'im Landkreis Fulda mit gut 5.200 Einwohnern'. "
               "'ob unsere Gemeinde damals tatsächlich gefördert wurde' asks about a "
               "decision on an earlier application of their own = application_status "
               "(case-specific, not programme_info); 'ob wir jetzt trotzdem noch "
               "einmal einen Antrag stellen dürfen' = eligibility. Plain, UTF-8 "
               "quoted-printable (Outlook).",
         sender=("Pfeiffer, Jana", "j.pfeiffer@baerlauchtal.de"),
         subject="Früherer WIR-Antrag / erneuter Antrag", client="outlook365",
         org="Gemeinde Bärlauchtal",
         evidence=dict(population="gut 5.200 Einwohnern", state="Landkreis Fulda"),
         body=dict(type="plain", text=T67, cte="quoted-printable")),

    dict(n=68, kind="inquiry", language="de", shape="oneliner",
         intents=["guideline"], **NO_FACTS,
         notes="One-liner 'Wo steht denn die Förderrichtlinie online?' = guideline "
               "(not application_process). No facts. Plain 8bit (webmail).",
         sender=("Karin Brandt", "k.brandt@t-online.example"),
         subject="Förderrichtlinie", client="webmail",
         body=dict(type="plain", text=T68, cte="8bit")),

    dict(n=69, kind="inquiry", language="en", shape="runon",
         intents=["stakeholders", "strategy_adoption"],
         population=13200, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Town of Wacholderbrunn, 'approx. 13.2k residents in the "
               "Hochtaunuskreis'. 'whether the strategy has to be voted on by the full "
               "town council at the end' = strategy_adoption; 'which bodies besides "
               "the council need to be part of the process' = stakeholders. Plain, "
               "UTF-8 quoted-printable (Apple Mail).",
         sender=("Chris Baumann-Leigh", "c.baumann-leigh@wacholderbrunn.de"),
         subject="KIV - council vote and bodies", client="applemail",
         content_language="en-GB",
         evidence=dict(population="approx. 13.2k residents", state="Hochtaunuskreis"),
         body=dict(type="plain", text=T69, cte="quoted-printable")),

    dict(n=70, kind="inquiry", language="de", shape="dialect",
         intents=["eligibility", "programme_info"],
         population=3400, amount_eur=None, state="Hessen", eligibility="eligible",
         notes="Gemeinde Ramsbachtal, dialect. 'Was is des genau, des KIV?' = "
               "programme_info; 'kenne mir do mitmache?' = eligibility. 'so "
               "dreidausendvierhunnert Leut' is the population in dialect words "
               "(3400); 'im Lahn-Dill' names the Lahn-Dill-Kreis (Hessen). Plain, "
               "UTF-8 quoted-printable (webmail).",
         sender=("Manfred Schneider", "m.schneider@ramsbachtal.de"),
         subject="WIR-Programm aus de Zeitung", client="webmail",
         evidence=dict(population="so dreidausendvierhunnert Leut",
                       state="im Lahn-Dill"),
         body=dict(type="plain", text=T70, cte="quoted-printable")),

    dict(n=71, kind="inquiry", language="de", shape="phone",
         intents=["strategy_adoption"], **NO_FACTS,
         notes="Phone mail, lower case, no greeting: 'was passiert eigentlich nach den "
               "18 monaten? muss die strategie dann beschlossen werden und müssen wir "
               "die dann auch umsetzen' = what comes after and adoption = "
               "strategy_adoption (not duration). No facts. multipart/alternative "
               "(Gmail app).",
         sender=("Yvonne Seibert", "yvonne.seibert@gmail.example"),
         subject="nach 18 monaten", client="gmail",
         decoys=["nach den 18 monaten"],
         body=dict(type="alt", text=T71, html_style="gmail")),

    dict(n=72, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Exim 'Mail delivery failed' (550 5.7.1 mailbox disabled), "
               "single text/plain part with a full copy of the returned ministry "
               "answer (10.000 Einwohner: not labelled); Auto-Submitted and "
               "X-Failed-Recipients.",
         sender=("Mail Delivery System", "Mailer-Daemon@relay1.hessen.de"),
         subject="Mail delivery failed: returning message to sender",
         client="exim_bounce", failed_recipient="info@kranichrode.de",
         when=(28, 10, 41, 9),
         body=dict(type="plain", text=T72, cte="7bit")),

    dict(n=73, kind="inquiry", language="de", shape="runon",
         intents=["funded_activities", "out_of_scope"],
         population=4750, amount_eur=None, state=None, eligibility="eligible",
         notes="Gemeinde Mohnbach 'mit 4.750 EW'. 'ob man aus dem Programm auch so "
               "einen Kurs und das Material bezahlen kann' = funded_activities; 'oder "
               "ob das eher etwas für die Volkshochschule oder das Bundesprogramm für "
               "Integrationskurse ist und wie man da dann an das Geld rankommt' = "
               "another programme = out_of_scope. No state. Plain 8bit (webmail).",
         sender=("Petra Heil", "p.heil@mohnbach.de"),
         subject="Deutschkurs über KIV?", client="webmail",
         evidence=dict(population="4.750 EW"),
         ooscope=("mixed", "another programme (integration courses)"),
         body=dict(type="plain", text=T73, cte="8bit")),

    dict(n=74, kind="inquiry", language="de", shape="subject",
         intents=["application_process"], **NO_FACTS,
         notes="Question only in the subject ('Gibt es für den Onlineantrag eine "
               "Anleitung?' = the guide = application_process, not guideline); the "
               "body is only 'Von meinem iPhone gesendet'. Plain, UTF-8 "
               "quoted-printable (iPhone).",
         sender=("Laura Keller", "laura.keller@icloud.example"),
         subject="Gibt es für den Onlineantrag eine Anleitung?", client="iphone",
         body=dict(type="plain", text=T74, cte="quoted-printable")),

    dict(n=75, kind="inquiry", language="en", shape="phone",
         intents=["eligibility", "out_of_scope"],
         population=62000, amount_eur=None, state=None, eligibility="not_eligible",
         notes="Phone mail on a Sunday: 'our town has 62k residents, too big for kiv "
               "right?' = eligibility (not eligible); 'is there any other programme "
               "for towns our size?' = another programme = out_of_scope. No state. "
               "multipart/alternative (Samsung Email).",
         sender=("Mark Fletcher", "mark.fletcher@gmail.example"),
         subject="too big?", client="samsung", content_language="en-GB",
         when=(27, 20, 15, 52),
         evidence=dict(population="62k residents"),
         ooscope=("mixed", "another programme"),
         body=dict(type="alt", text=T75, html_style="mobile")),

    dict(n=76, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Ramsbachtal (writer of dev4-70) in dialect: 'Dange, des "
               "war's, gell?' - the question mark belongs to the tag 'gell', nothing "
               "is asked. Plain, UTF-8 quoted-printable (webmail).",
         sender=("Manfred Schneider", "m.schneider@ramsbachtal.de"),
         subject="Re: WIR-Programm aus de Zeitung", client="webmail",
         reply_to_ministry=True,
         body=dict(type="plain", text=T76, cte="quoted-printable")),

    dict(n=77, kind="inquiry", language="de", shape="runon",
         intents=["application_status", "out_of_scope"],
         population=None, amount_eur=22800, state=None, eligibility="unknown",
         notes="Gemeinde Fuchsgrund, finance. 'unser KIV-Antrag über 22.800 €' = the "
               "requested amount. 'wann das Geld für unseren Antrag bei uns eingeht' "
               "= the payment of their own application = application_status; 'ob es "
               "grundsätzlich möglich ist Abschlagszahlungen oder einen Vorschuss zu "
               "bekommen' = payment modalities in general = out_of_scope (borderline: "
               "payment dates). Plain, UTF-8 quoted-printable (Exchange).",
         sender=("Krug, Sabine", "s.krug@fuchsgrund.de"),
         subject="Auszahlung KIV", client="exchange", org="Gemeinde Fuchsgrund",
         evidence=dict(amount_eur="KIV-Antrag über 22.800 €"),
         ooscope=("mixed", "payment modalities"),
         body=dict(type="plain", text=T77, cte="quoted-printable")),

    dict(n=78, kind="auto_reply", language="de", intents=[], **NULL_FACTS,
         notes="Synthetic vacation notice ('vom 28.12.2026 bis zum 11.01.2027 im "
               "Urlaub'), WITHOUT any automation header and with an ordinary 'Re:' "
               "subject: recognisable only by the text. Plain 8bit (webmail).",
         sender=("Ulrike Sommer", "u.sommer@ginsterwiesen.de"),
         subject="Re: Fragen zur Beteiligung", client="webmail",
         reply_to_ministry=True,
         body=dict(type="plain", text=T78, cte="8bit")),

    dict(n=79, kind="acknowledgement", language="de", intents=[], **NULL_FACTS,
         notes="Gemeinde Hopfenbach (writer of dev4-38): 'Alles klar, passt scho, "
               "merci! Dann mache mir des so.' - dialect thanks, nothing asked. Plain "
               "8bit (Thunderbird).",
         sender=("Sabine Wagner", "s.wagner@hopfenbach.de"),
         subject="Re: Ausländerbeirat un Kreis?", client="thunderbird",
         reply_to_ministry=True,
         body=dict(type="plain", text=T79, cte="8bit")),

    dict(n=80, kind="bounce", language="en", intents=[], **NULL_FACTS,
         notes="Synthetic Postfix delay warning ('THIS IS A WARNING ONLY', 452 4.2.2 "
               "mailbox full): multipart/report with message/delivery-status (Action: "
               "delayed) and only the headers of our answer as text/rfc822-headers. "
               "Still a bounce (delivery status notification), never to be answered.",
         sender=None, subject="Delayed Mail (still being retried)",
         client="postfix_bounce", when=(30, 12, 1, 17),
         body=dict(type="report", notice=T80_NOTICE, status=T80_STATUS,
                   returned="headers", queue_id="4Q9tB51zPmz7Fh4",
                   original=dict(to=("Piotr Nowak", "p.nowak@hirtenrode.de"),
                                 subject="Re: Question about KIV programme",
                                 minutes_before=246,
                                 irt="case:4"))),
]

CASE_BY_N = {c["n"]: c for c in CASES}


def mail_date(case: dict, plus_seconds: int = 0) -> datetime:
    return case_date(case) + timedelta(seconds=plus_seconds)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1]


def file_name(case: dict) -> str:
    return f"{PREFIX}-{case['n']:02d}.eml"


def message_id(case: dict, seed: str | None = None) -> str:
    seed = seed or file_name(case)[:-4]
    client = case["client"]
    d = mail_date(case)
    n = case["n"]
    if client in ("outlook365", "outlook_android"):
        host = "FR" + str(2 + n % 4) + "P281MB" + h(seed + "host", 4).upper()
        return f"<{host}{h(seed, 12).upper()}@{host}.DEUP281.PROD.OUTLOOK.COM>"
    if client == "exchange":
        dom = domain_of(case["sender"][1])
        return f"<{h(seed, 32).upper()}@EXCH01.{dom.split('.')[0].upper()}.LOCAL>"
    if client == "thunderbird":
        return f"<{uuid_of(seed)}@{domain_of(case['sender'][1])}>"
    if client in ("applemail", "iphone"):
        return f"<{uuid_of(seed, upper=True)}@{domain_of(case['sender'][1])}>"
    if client == "gmail":
        raw = base64.b64encode(bytes.fromhex(h(seed, 48)), altchars=b"+_").decode()
        return f"<CA{raw}@mail.gmail.example>"
    if client == "samsung":
        return f"<{h(seed, 16)}.{h(seed + 's', 8)}@email.android.example>"
    if client in ("gmx_app", "webde_app"):
        app = "gmx" if client == "gmx_app" else "webde"
        return (f"<trinity-{uuid_of(seed)}-{int(d.timestamp()) * 1000 + n}"
                f"@3c-app-{app}-bap{10 + n % 40}>")
    if client == "postfix_bounce":
        return f"<{d.strftime('%Y%m%d%H%M%S')}.{case['body']['queue_id']}@mail.hsm.hessen.de>"
    if client == "exim_bounce":
        return f"<E1tZk{h(seed, 3)}-000{h(seed + 'x', 1)}Qs-{h(seed, 2).upper()}@relay1.hessen.de>"
    return f"<{d.strftime('%Y%m%d%H%M%S')}.{h(seed, 10)}@{domain_of(case['sender'][1])}>"


CLIENT_HEADERS = {
    "outlook365": [("X-Mailer", "Microsoft Outlook 16.0")],
    "exchange": [("X-Mailer", "Microsoft Outlook 16.0")],
    "thunderbird": [("User-Agent", "Mozilla Thunderbird")],
    "applemail": [("X-Mailer", "Apple Mail (2.3826.500.181.1.5)")],
    "iphone": [("X-Mailer", "iPhone Mail (22C152)")],
    "gmail": [],
    "samsung": [],
    "outlook_android": [],
    "gmx_app": [],
    "webde_app": [],
    "webmail": [("User-Agent", "Roundcube Webmail/1.6.9")],
    "postfix_bounce": [],
    "exim_bounce": [],
    "mailerdaemon_de": [],
}

TO_STYLES = {
    "outlook365": '"landesprogrammWIR@hsm.hessen.de" <landesprogrammWIR@hsm.hessen.de>',
    "exchange": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "gmail": "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>",
    "applemail": "landesprogrammWIR@hsm.hessen.de",
    "iphone": "landesprogrammWIR@hsm.hessen.de",
    "samsung": "landesprogrammWIR@hsm.hessen.de",
    "outlook_android": '"landesprogrammWIR@hsm.hessen.de" <landesprogrammWIR@hsm.hessen.de>',
}

OUTLOOK = ("outlook365", "exchange", "outlook_android")


def received(case: dict, seed: str) -> str:
    n = case["n"]
    when = format_datetime(mail_date(case, 2 + n % 5))
    client = case["client"]
    qid = "4Q" + h(f"qid{seed}", 12).upper()
    if client == "postfix_bounce":
        return f"by mail.hsm.hessen.de (Postfix)\n\tid {qid}; {when}"
    if client == "exim_bounce":
        return ("from relay1.hessen.de (relay1.hessen.de [192.0.2.24])\n"
                f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
                f"\tfor <{MAILBOX}>; {when}")
    dom = domain_of(case["sender"][1])
    ip = f"198.51.100.{(20 + n * 3) % 250}" if n % 2 else f"203.0.113.{(10 + n * 3) % 250}"
    return (f"from mx01.{dom} (mx01.{dom} [{ip}])\n"
            f"\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
            f"\tfor <{MAILBOX}>; {when}")


def parent_date(case: dict) -> datetime:
    """Date of the ministry mail an answer refers to: the quoted one if its date is
    given (parent=(y, m, d, H, M, UTC offset)), else one about three hours earlier."""
    if case.get("parent"):
        y, mo, d_, hh, mm, off = case["parent"]
        return datetime(y, mo, d_, hh, mm, 0, tzinfo=timezone(timedelta(hours=off)))
    return mail_date(case) - timedelta(hours=3, minutes=int(h(f"p{case['n']}", 2), 16) % 50)


def ministry_id(seed: str) -> str:
    """Message-ID of one of our answers, in the assistant's form: wir.TOKEN.RANDOM, with
    TOKEN = 'd4' and 14 hex digits (the conversation token the assistant keeps)."""
    return f"<wir.d4{h('token' + seed, 14)}.{h('rand' + seed, 12)}@hsm.hessen.de>"


def ministry_parent_id(case: dict) -> str:
    return ministry_id(f"parent{case['n']}")


def original_spec(case: dict) -> tuple:
    spec = case["body"]["original"]
    when = mail_date(case) - timedelta(minutes=spec["minutes_before"], seconds=7)
    msgid = ministry_id(f"orig{case['n']}")
    irt = spec["irt"]
    if irt.startswith("case:"):
        irt = message_id(CASE_BY_N[int(irt[5:])])
    return spec, when, msgid, irt


def original_message(case: dict) -> str:
    spec, when, msgid, irt = original_spec(case)
    return ministry_message(*spec["to"], spec["subject"], when, msgid, irt, spec["text"])


def original_headers(case: dict) -> str:
    spec, when, msgid, irt = original_spec(case)
    return ministry_headers_only(*spec["to"], spec["subject"], when, msgid, irt)


# Clients that send a paragraph as one long line (the transfer encoding wraps it);
# the texts above are wrapped by hand for reading, so they are unwrapped for these.
LONG_LINE_CLIENTS = ("outlook365", "exchange", "outlook_android", "gmail", "applemail",
                     "iphone", "samsung", "gmx_app", "webde_app")
UNWRAP_AT = 60
SIGN_OFFS = ("danke", "gruß", "gruss", "lg", "thx", "thanks", "cheers")


def unwrap(text: str) -> str:
    """Join a hand-wrapped line (at least UNWRAP_AT characters) with the next line of
    the same paragraph; quoted lines ('>'), header lines of a quote, sign-offs typed
    on a line of their own and short lines (greetings, signatures) stay as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        prev = out[-1] if out else ""
        if (len(prev) >= UNWRAP_AT and line.strip() and not prev.startswith(">")
                and not line.startswith(">") and not prev.startswith(("Von:", "On "))
                and not line.lower().startswith(SIGN_OFFS)):
            out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def body_text(case: dict) -> str:
    text = case["body"]["text"]
    return unwrap(text) if case["client"] in LONG_LINE_CLIENTS else text


def build_body(case: dict, seed: str) -> tuple[list, str]:
    spec = case["body"]
    kind = spec["type"]
    apple = case["client"] == "iphone"
    if kind == "plain":
        return text_part(body_text(case), cte=spec["cte"], flowed=spec.get("flowed", False),
                         quoted_charset=not apple)
    if kind == "alt":
        style = spec["html_style"]
        text = body_text(case)
        if style == "gmail":
            boundary = "000000000000" + h(seed, 16)
            rich_html = gmail_html(text)
        elif style == "mobile":
            boundary = "--_com.android.email_" + str(int(h(seed, 12), 16))
            rich_html = mobile_html(text)
        else:
            boundary = f"_000_{h(seed, 24).upper()}_"
            rich_html = outlook_html(text)
        plain = text_part(text, cte="quoted-printable")
        rich = text_part(rich_html, subtype="html", cte="quoted-printable")
        return multipart("alternative", [plain, rich], boundary)
    if kind == "report":
        boundary = f"{spec['queue_id']}.{int(mail_date(case).timestamp())}/mail.hsm.hessen.de"
        notice = ([("Content-Description", "Notification"),
                   ("Content-Type", "text/plain; charset=us-ascii")], spec["notice"])
        label = "Delivery report" if spec["returned"] == "full" else "Delivery report"
        status = ([("Content-Description", label),
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
    raise ValueError(kind)


def build_message(case: dict, seed: str) -> bytes:
    client = case["client"]
    headers: list[tuple[str, str]] = []

    if case["kind"] == "bounce":
        headers.append(("Return-Path", "<>"))
    else:
        headers.append(("Return-Path", f"<{case['sender'][1]}>"))
    headers.append(("Received", received(case, seed)))

    if client == "postfix_bounce":
        headers.append(("From", "MAILER-DAEMON@mail.hsm.hessen.de (Mail Delivery System)"))
    else:
        headers.append(("From", addr(*case["sender"])))
    headers.append(("To", TO_STYLES.get(client, MAILBOX)))
    headers.append(("Subject", case["subject"]))
    if client in OUTLOOK:
        topic = case["subject"]
        for prefix in ("AW: ", "RE: ", "Re: "):
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
    headers.extend(CLIENT_HEADERS[client])
    if client in OUTLOOK:
        headers.append(("Accept-Language", "de-DE, en-US"))
    if case.get("content_language") or client in ("outlook365", "exchange", "thunderbird"):
        headers.append(("Content-Language", case.get("content_language", "de-DE")))
    if case.get("org"):
        headers.append(("Organization", case["org"]))
    headers.append(("Mime-Version", "1.0 (1.0)") if client == "iphone"
                   else ("MIME-Version", "1.0"))

    body_headers, body = build_body(case, seed)
    text = render_headers(headers + body_headers) + "\n" + body
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

# Numbers written as words in this set (dialect included).
NUMBER_WORDS = {"dreidausendvierhunnert": 3400}
DATE_RE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# Multipliers as people type them: 11k, 16 Tsd., 35 dausend, 18 Riese (slang: thousand euros).
THOUSANDS_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:k\b|Tsd\.|dausend|tausend|thousand|Riese)",
                          re.IGNORECASE)
DEVICE_LINES = ("Von meinem iPhone gesendet", "Sent from my iPhone",
                "Von meinem Samsung Galaxy Smartphone gesendet.", "Sent from my Galaxy",
                "Get Outlook for Android", "Gesendet mit der GMX Mail App",
                "Gesendet mit der WEB.DE Mail App")
# Hessian dialect words a reader recognises (lower case, whole words or phrases).
DIALECT_MARKERS = ("isch", "mir sin", "gell", "aach", "ebbes", "klaa", "klaane", "gemaa",
                   "mer", "hammer", "kenne", "derfe", "misse", "un", "odder", "iwwerhaupt",
                   "zamme", "zammedue", "gude", "dange", "krieje", "kriet", "hädde", "fer",
                   "vun", "vum", "dezu", "alaa", "leut", "leit", "frooche", "gesacht",
                   "hot", "mol", "nimmer", "babbelt", "widder", "schun", "andrach",
                   "eich", "uffem", "uff", "länner", "disch", "frach", "nemme", "wolle",
                   "mache", "seele", "heit", "verzählt", "drüwwe", "aaner", "rhoi")
INDIRECT_WORDS = (" ob ", " wie ", " wann ", " welche ", " was ", " wer ", " wo ",
                  " whether ", " if ", " how ", " which ", " when ", " where ")
ABBREVIATIONS = ("ca.", "bzw.", "z.B.", "Dr.", "i. A.", "e.V.", "Tsd.", "einw.", "approx.")


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
    return txt


def number_of(words: str) -> int | None:
    """The number an evidence phrase states, following the labelling conventions."""
    low = words.lower()
    for w, v in NUMBER_WORDS.items():
        if w in low:
            return v
    words = DATE_RE.sub(" ", words)                       # Stand-dates are no numbers
    m = THOUSANDS_RE.search(words)
    if m:                                                 # 11k, 13.2k, 16 Tsd., 18 Riese
        return round(float(m.group(1).replace(",", ".")) * 1000)
    m = re.search(r"\d{1,3}(?:[., ]\d{3})+|\d+", words)   # 7.800, 9,400, 12 500
    return int(re.sub(r"[., ]", "", m.group(0))) if m else None


def states_named(words: str) -> list[str]:
    """The states that words name: a state word (whole word) or a Hessian district form."""
    named = [s for s, forms in STATE_WORDS.items()
             if any(re.search(rf"(?<![\w-]){re.escape(f)}", words, re.IGNORECASE)
                    for f in forms)]
    if any(d.lower() in words.lower() for d in HESSIAN_DISTRICT_FORMS):
        named.append("Hessen")
    return named


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
    if (d.year, d.month) != (2026, 12):
        errors.append(f"{where}: Date not in December 2026")
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
    """The new text and the quoted part (both normalised)."""
    text = norm(text)
    if not case.get("quote"):
        return text, ""
    marker = norm(case["quote"])
    if marker not in text:
        errors.append(f"{where}: quote marker not found")
        return text, ""
    new, quoted = text.split(marker, 1)
    return new, quoted


def core_lines(case: dict, text: str) -> list[str]:
    """Non-empty lines of the new text without quote and device signature lines."""
    if case.get("quote"):
        cut = text.find(case["quote"])
        text = text[:cut] if cut >= 0 else text
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s and s not in DEVICE_LINES and not s.startswith(">"):
            out.append(s)
    return out


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
            if value not in states_named(words):
                errors.append(f"{where}: evidence {words!r} does not give {value}")
        elif number_of(words) != value:
            errors.append(f"{where}: evidence {words!r} gives {number_of(words)}, "
                          f"label {value}")
    # an inquiry without a state must not name a state or a Hessian district
    if lab["kind"] == "inquiry" and lab["state"] is None:
        named = states_named(case["subject"] + " " + new)
        if named:
            errors.append(f"{where}: state null but the text names {named}")


def check_shape(case: dict, text: str, errors: list[str]) -> None:
    """Each inquiry has the shape it claims."""
    where = file_name(case)
    shape = case.get("shape")
    if case["kind"] != "inquiry":
        if shape:
            errors.append(f"{where}: only inquiries have a shape")
        return
    if shape not in SHAPES:
        errors.append(f"{where}: bad shape {shape!r}")
        return
    lines = core_lines(case, text)
    core = " ".join(lines)
    words = core.split()
    if shape == "runon":
        paras = [norm(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
        para = max(paras, key=lambda p: len(p.split()))
        n_words = len(para.split())
        stripped = para
        for abbr in ABBREVIATIONS:
            stripped = stripped.replace(abbr, "")
        stops = len(re.findall(r"[A-Za-zÄÖÜäöüß)]\.(?=\s|$)", stripped))
        if not 80 <= n_words <= 200:
            errors.append(f"{where}: run-on paragraph has {n_words} words")
        if stops > 1 or "?" in para:
            errors.append(f"{where}: run-on has {stops} full stops or a question mark")
        if not any(w in f" {para.lower()} " for w in INDIRECT_WORDS):
            errors.append(f"{where}: run-on without an indirect question")
    elif shape == "phone":
        if any(c.isupper() for c in core):
            errors.append(f"{where}: phone mail is not all lower case")
        if len(words) > 60:
            errors.append(f"{where}: phone mail has {len(words)} words")
    elif shape == "dialect":
        low = f" {re.sub(r'[^a-zäöüß ]', ' ', core.lower())} "
        found = {m for m in DIALECT_MARKERS if f" {m} " in low}
        if len(found) < 8:
            errors.append(f"{where}: only {len(found)} dialect markers {sorted(found)}")
    elif shape == "subject":
        if len(lines) > 2 or len(words) > 3 or "?" in core:
            errors.append(f"{where}: body of a subject-only mail says something")
        if "?" not in case["subject"] and len(case["subject"].split()) < 4:
            errors.append(f"{where}: subject too short to carry the question")
    elif shape == "oneliner":
        if not lines or "?" not in lines[0] or len(lines) > 2 or \
                (len(lines) == 2 and len(lines[1].split()) > 4):
            errors.append(f"{where}: not a one-line question")



def check_towns(errors: list[str]) -> str:
    if not MUNICIPALITIES_CSV.exists():
        return f"note: {MUNICIPALITIES_CSV} not found, town names not checked"
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as fh:
        real = {row["name"].strip().lower() for row in csv.DictReader(fh)}
    for town in TOWNS:
        if town.lower() in real:
            errors.append(f"town {town} is a real municipality")
    return (f"{len(TOWNS)} town names checked against {MUNICIPALITIES_CSV.name}: "
            "none is real")


def status_actions(m) -> list[str]:
    out = []
    for part in m.walk():
        if part.get_content_type() == "message/delivery-status":
            for block in part.get_payload():
                if block.get("Action"):
                    out.append(str(block["Action"]).strip())
    return out


def check_mix(labels: list[dict], msgs: dict, texts: dict, errors: list[str]) -> None:
    by_kind = {k: [lab for lab in labels if lab["kind"] == k] for k in KINDS}
    for k, n in (("inquiry", 66), ("acknowledgement", 6), ("auto_reply", 4), ("bounce", 4)):
        if len(by_kind[k]) != n:
            errors.append(f"{k}: {len(by_kind[k])} mails, expected {n}")
    inq_cases = [c for c in CASES if c["kind"] == "inquiry"]
    for shape, n in (("runon", 25), ("phone", 15), ("dialect", 10), ("subject", 8),
                     ("oneliner", 8)):
        got = sum(c.get("shape") == shape for c in inq_cases)
        if got != n:
            errors.append(f"shape {shape}: {got} mails, expected {n}")
    inq = by_kind["inquiry"]
    if sum(len(lab["intents"]) > 1 for lab in inq) < 30:
        errors.append("fewer than 30 multi-intent inquiries")
    if sum(len(lab["intents"]) == 3 for lab in inq) < 5:
        errors.append("fewer than 5 inquiries with three intents")
    if any(len(lab["intents"]) > 3 for lab in inq):
        errors.append("an inquiry with more than 3 intents")
    for intent in INTENTS:
        c = sum(intent in lab["intents"] for lab in labels)
        if c < 4:
            errors.append(f"intent {intent} used {c} times")
    en = sum(lab["language"] == "en" for lab in labels)
    if not 14 <= en <= 18:
        errors.append(f"{en} English mails, expected about a fifth")
    for k in KINDS:
        if {lab["language"] for lab in by_kind[k]} != {"de", "en"}:
            errors.append(f"{k}: expected German and English mails")
    for shape in ("runon", "phone", "oneliner", "subject"):
        if not any(c["language"] == "en" and c.get("shape") == shape for c in inq_cases):
            errors.append(f"no English {shape} inquiry")
    for e in ELIGIBILITY:
        if sum(lab["eligibility"] == e for lab in inq) < 4:
            errors.append(f"fewer than 4 inquiries with eligibility {e}")
    if sum(1 for lab in inq if lab["state"] not in (None, "Hessen")) < 2:
        errors.append("fewer than 2 inquiries from another state")
    if sum(1 for lab in inq if (lab["population"] or 0) >= 50000) < 3:
        errors.append("fewer than 3 inquiries at or above 50,000")
    if sum(1 for lab in inq if (lab["amount_eur"] or 0) > 30000) < 3:
        errors.append("fewer than 3 requested amounts above 30,000")

    # out of scope: pure ones phrased like in-scope questions, and mixed ones
    for c in inq_cases:
        has = "out_of_scope" in c["intents"]
        if has != bool(c.get("ooscope")):
            errors.append(f"{file_name(c)}: ooscope given iff out_of_scope")
        elif has and (c["ooscope"][0] == "pure") != (c["intents"] == ["out_of_scope"]):
            errors.append(f"{file_name(c)}: ooscope pure/mixed does not match the intents")
    oos = [c["ooscope"] for c in inq_cases if c.get("ooscope")]
    if sum(o[0] == "pure" for o in oos) < 3 or sum(o[0] == "mixed" for o in oos) < 6:
        errors.append("expected at least 3 pure and 6 mixed out-of-scope inquiries")
    for topic in ("taxation", "employment", "procurement", "another programme", "private"):
        if not any(topic in o[1] for o in oos):
            errors.append(f"no out-of-scope question about {topic}")

    # the fact forms this set is about (each must be the evidence of some label)
    ev_all = [c.get("evidence", {}) for c in CASES]
    for key, forms in (
            ("population", ("so um die 3000 Leut", "mir sin knapp 6000", "EW ca 11k",
                            "Mir sin nur 1800", "dreidausendvierhunnert",
                            "approx. 13.2k", "about 5k ppl", "12 500", "16 Tsd.")),
            ("amount_eur", ("so 18 Riese", "35 dausend Euro", "40 000 euro")),
            ("state", ("landkreis gießen", "im Vogelsberg", "in the Wetterau", "im MKK",
                       "Kreis Offebach", "RLP"))):
        used = [e.get(key, "") for e in ev_all]
        for form in forms:
            if not any(form in u for u in used):
                errors.append(f"{key} form {form!r} not used as evidence")
    decoys = " | ".join(d for c in CASES for d in c.get("decoys", []))
    for trap in ("Mitglieder", "Geflüchtete", "refugees", "2400 Einwohnern", "sin 2300",
                 "zusammen so 9000", "roughly 900 people", "die 30.000"):
        if trap not in decoys:
            errors.append(f"no decoy {trap!r}")

    # acknowledgements, auto-replies, bounces
    ack_text = " ".join(texts[lab["file"]] for lab in by_kind["acknowledgement"])
    for phrase in ("dange", "passt scho", "hat sich erledigt", "gell?", "melde uns"):
        if phrase not in ack_text:
            errors.append(f"no acknowledgement saying {phrase!r}")
    autos = [lab["file"] for lab in by_kind["auto_reply"]]
    no_header = [f for f in autos if not any(hn in msgs[f] for hn in AUTOMATION_HEADERS)]
    if len(no_header) < 2 or len(no_header) == len(autos):
        errors.append("expected some auto-replies with and some without automation headers")
    bounces = [msgs[lab["file"]] for lab in by_kind["bounce"]]
    bounce_checks = [
        ("Postfix failed", lambda m: "failed" in status_actions(m)),
        ("Postfix delayed", lambda m: "delayed" in status_actions(m)),
        ("Exim", lambda m: str(m["Subject"]).startswith("Mail delivery failed")),
        ("German plain mailer-daemon",
         lambda m: m.get_content_type() == "text/plain"
         and "nicht zugestellt" in readable(m)),
    ]
    for what, pred in bounce_checks:
        if not any(pred(m) for m in bounces):
            errors.append(f"missing bounce: {what}")

    # MIME variety
    def count(pred) -> int:
        return sum(1 for c in CASES if pred(c))
    for what, pred, need in (
            ("multipart/alternative", lambda c: c["body"]["type"] == "alt", 20),
            ("iPhone", lambda c: c["client"] == "iphone", 5),
            ("Samsung/Outlook-for-Android", lambda c: c["body"].get("html_style") == "mobile",
             4),
            ("base64 text", lambda c: c["body"].get("cte") == "base64", 1),
            ("format=flowed", lambda c: c["body"].get("flowed"), 1),
            ("empty body", lambda c: c["body"].get("text") == "", 3),
            ("8bit text", lambda c: c["body"].get("cte") == "8bit", 10),
            ("UTF-8 QP text", lambda c: c["body"].get("cte") == "quoted-printable", 10)):
        if count(pred) < need:
            errors.append(f"fewer than {need} {what} mails")


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
        if not text.strip() and case.get("shape") != "subject":
            errors.append(f"{lab['file']}: no readable body")
        check_evidence(case, lab, text, errors)
        check_shape(case, text, errors)
        if lab["kind"] in ("auto_reply", "bounce") and "Synthetic" not in lab["notes"]:
            errors.append(f"{lab['file']}: notes must mark it synthetic")
        if case.get("reply_to_ministry") and parent_date(case) >= mail_date(case):
            errors.append(f"{lab['file']}: our answer is not older than the reply")
    town_note = check_towns(errors)
    corpus = " ".join([str(m["From"]) + " " + texts[f] for f, m in msgs.items()]
                      + [c["subject"] for c in CASES]).lower()
    for town in TOWNS:
        t = town.lower()
        ascii_t = t.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
        if t not in corpus and ascii_t not in corpus:
            errors.append(f"town {town} listed in TOWNS but not used")
    if not errors:
        check_mix(labels, msgs, texts, errors)
    return errors, town_note


def summary() -> str:
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    lines = ["kind counts:"]
    for k in KINDS:
        ks = [lab for lab in labels if lab["kind"] == k]
        lines.append(f"  {k:16} {len(ks):3}  (de={sum(lab['language'] == 'de' for lab in ks)}, "
                     f"en={sum(lab['language'] == 'en' for lab in ks)})")
    lines.append("inquiry shapes:")
    for s in SHAPES:
        cs = [c for c in CASES if c.get("shape") == s]
        lines.append(f"  {s:16} {len(cs):3}  (de={sum(c['language'] == 'de' for c in cs)}, "
                     f"en={sum(c['language'] == 'en' for c in cs)})")
    lines.append("intent counts:")
    for i in INTENTS:
        lines.append(f"  {i:20} {sum(i in lab['intents'] for lab in labels)}")
    inq = [lab for lab in labels if lab["kind"] == "inquiry"]
    lines.append("inquiries by number of intents: " + ", ".join(
        f"{n}: {sum(len(lab['intents']) == n for lab in inq)}" for n in (1, 2, 3)))
    lines.append("language: de=%d en=%d" % (
        sum(lab["language"] == "de" for lab in labels),
        sum(lab["language"] == "en" for lab in labels)))
    lines.append("eligibility (inquiries): " + ", ".join(
        f"{e}={sum(lab['eligibility'] == e for lab in inq)}" for e in ELIGIBILITY))
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
