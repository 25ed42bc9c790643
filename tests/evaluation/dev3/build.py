#!/usr/bin/env python3
"""Build the third development set (dev3): 30 invented conversations with the WIR/KIV mailbox.

Usage:  python3 build.py

Writes, next to this file:
  mails/dev3-NN-P.eml   one complete RFC 5322 message (CRLF) per mail that the programme
                        RECEIVED; NN = conversation 01-30, P = position 1-4 in it
  labels.jsonl          one label object per mail, ordered by conversation and position
Then it validates everything and exits with status 1 and a list of problems if a check fails:
every file parses without defects, every label follows shared/taxonomy.md and the thread
conventions, the thread keys are recomputed from the per-mail labels, the Message-ID chains
(In-Reply-To, References, the answer returned in a bounce) are consistent, facts are backed by
words of the mail's NEW text, our answers state only press-release facts and the town's own
figures, every pattern is present where it is tagged, and the invented town names are checked
against shared/data/municipalities-de.csv.

The programme's own answers are not files: the assistant sends them. They are data here
(ANSWERS of each conversation); later mails quote them and refer to them. Their Message-IDs
have the assistant's form <wir.TOKEN.RANDOM@hsm.hessen.de>: TOKEN is the conversation token
(16 hex digits, here "d3" followed by the zero-padded conversation number), RANDOM 12 hex
digits. Their subject is the assistant's "Re: <subject without prefixes>".

Written without reading any mail or label of shared/inquiries/threads (only its README).
Standard library only, deterministic: running it twice gives identical bytes.
All towns, people, addresses, phone numbers and texts are invented.
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
PRESS_RELEASE = HERE.parents[3] / "shared" / "programme-press-release.de.txt"
MAILBOX = "landesprogrammWIR@hsm.hessen.de"
OUR_NAME = "Landesprogramm WIR"
OUR_DOMAIN = "hsm.hessen.de"
CET = timezone(timedelta(hours=1))          # November and December 2026: standard time
PREFIX = "dev3"

KINDS = ("inquiry", "acknowledgement", "auto_reply", "bounce")
INTENTS = (
    "eligibility", "funding_amount", "funded_activities", "application_process",
    "deadline", "duration", "joint_application", "participation", "stakeholders",
    "strategy_adoption", "programme_info", "guideline", "contact",
    "application_status", "out_of_scope",
)
ELIGIBILITY = ("eligible", "not_eligible", "unknown")
LABEL_KEYS = ["file", "kind", "intents", "population", "amount_eur", "state",
              "eligibility", "language", "notes", "thread", "position", "needs_reply",
              "thread_population", "thread_state", "thread_eligibility"]
STATES = ("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg",
          "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen",
          "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt",
          "Schleswig-Holstein", "Thüringen")
# Districts named in this set, with their state (cross-checked against the register).
DISTRICTS = {
    "Wetteraukreis": "Hessen", "Vogelsbergkreis": "Hessen", "Landkreis Kassel": "Hessen",
    "Landkreis Marburg-Biedenkopf": "Hessen", "Main-Kinzig-Kreis": "Hessen",
    "Hochtaunuskreis": "Hessen", "Landkreis Limburg-Weilburg": "Hessen",
    "Landkreis Gießen": "Hessen", "Kreis Bergstraße": "Hessen",
    "Schwalm-Eder-Kreis": "Hessen", "Landkreis Hersfeld-Rotenburg": "Hessen",
    "Odenwaldkreis": "Hessen", "Lahn-Dill-Kreis": "Hessen",
    "Landkreis Waldeck-Frankenberg": "Hessen", "Landkreis Fulda": "Hessen",
    "Werra-Meißner-Kreis": "Hessen",
    "Rhein-Hunsrück-Kreis": "Rheinland-Pfalz", "Landkreis Miltenberg": "Bayern",
}
# Words that name a state directly.
STATE_WORDS = {"Hessen": ("Hessen", "hessisch", "Hesse")}

# Every invented place name of this set. The validation checks that none of them is a real
# municipality and that each is used.
TOWNS = (
    "Haselgrund", "Kranichsfeld", "Buchenhain", "Wacholderau", "Hunsrückhöhe",
    "Ahornhausen", "Lohbachtal", "Ginsterheim", "Quellenrode", "Birkenstedt",
    "Eschwiesen", "Kiebitzau", "Mooswiesen", "Ulmenbrück", "Dachsgrund", "Rotbuchenau",
    "Efeuhain", "Kastanienrode", "Flachsbachtal", "Hopfengrund", "Taubenhain", "Finkenau",
    "Krähenbrunn", "Sandbachrode", "Wolfsbachtal", "Weißenquell", "Erlenried",
    "Kirchwiesel", "Hasenwinkel", "Schwalmwiesen", "Haferbrunn",
)

# Facts of the press release that our answers may state (numbers as integers).
PRESS_NUMBERS = {2018, 30000, 50000, 10000, 18, 27}
ASK_POPULATION = {
    "de": "Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns "
          "bitte ihre aktuelle Einwohnerzahl mit.",
    "en": "So that we can check whether your municipality is eligible, please let us know "
          "its current number of inhabitants.",
}
SIG = {
    "de": "Mit freundlichen Grüßen\nIhr Team Landesprogramm WIR\n"
          "Hessisches Ministerium für Soziales und Integration",
    "en": "Kind regards\nYour WIR programme team\n"
          "Hessian Ministry for Social Affairs and Integration",
}

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def h(seed: str, n: int = 40) -> str:
    """Deterministic hex string derived from seed."""
    out, i = "", 0
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


def text_part(text: str, subtype: str = "plain", charset: str = "utf-8",
              cte: str = "quoted-printable", flowed: bool = False) -> tuple[list, str]:
    params = "; format=flowed" if flowed else ""
    headers = [("Content-Type", f'text/{subtype}; charset="{charset}"{params}'),
               ("Content-Transfer-Encoding", cte)]
    if cte in ("7bit", "8bit"):
        assert cte == "8bit" or is_ascii(text), "7bit part with non-ASCII text"
        assert charset == "utf-8" or is_ascii(text), "8bit only for UTF-8 here"
        body = text
    elif cte == "quoted-printable":
        body = qp(text, charset)
    elif cte == "base64":                  # canonical form is CRLF before encoding
        body = base64.encodebytes(text.replace("\n", "\r\n").encode(charset)).decode("ascii")
    else:
        raise ValueError(cte)
    return headers, body


def multipart(subtype: str, parts: list[tuple[list, str]], boundary: str,
              params: str = "", preamble: str = "") -> tuple[list, str]:
    headers = [("Content-Type", f'multipart/{subtype};{params}\n\tboundary="{boundary}"')]
    out = preamble + ("\n" if preamble else "")
    for ph, pb in parts:
        if not pb.endswith("\n"):
            pb += "\n"
        out += f"--{boundary}\n" + render_headers(ph) + "\n" + pb + "\n"
    out += f"--{boundary}--\n"
    return headers, out


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


# --------------------------------------------------------------------------
# Dates in the formats the mail clients write
# --------------------------------------------------------------------------

DE_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
DE_DAYS_ABBR = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")
DE_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember")
DE_MONTHS_ABBR = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.",
                  "Okt.", "Nov.", "Dez.")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def de_long(d: datetime) -> str:            # Outlook: Dienstag, 3. November 2026 10:14
    return f"{DE_DAYS[d.weekday()]}, {d.day}. {DE_MONTHS[d.month - 1]} {d.year} {d:%H:%M}"


def en_clock(d: datetime) -> str:
    hour = d.hour % 12 or 12
    return f"{hour}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


def en_long(d: datetime) -> str:            # Outlook: Tuesday, November 3, 2026 10:14 AM
    return f"{EN_DAYS[d.weekday()]}, {EN_MONTHS[d.month - 1]} {d.day}, {d.year} {en_clock(d)}"


def when_of(spec: str, seed: str) -> datetime:
    """'11-02 09:14' -> 2 November 2026, 09:14 CET, with deterministic seconds."""
    md, hm = spec.split(" ")
    month, day = (int(x) for x in md.split("-"))
    hour, minute = (int(x) for x in hm.split(":"))
    return datetime(2026, month, day, hour, minute, int(h("s" + seed, 4), 16) % 60,
                    tzinfo=CET)


# --------------------------------------------------------------------------
# Constructors for the conversation data
# --------------------------------------------------------------------------
# A mail the programme received:
#   pos      position among the FILES of the conversation (1-4)
#   when     "MM-DD HH:MM" (CET, 2026)
#   who      key into the conversation's PEOPLE (decides address and mail client)
#   text     the NEW text, signature included; the quote of the parent is added by the
#            client's quoting style (and never labelled)
#   parent   "A<m>": our answer to the mail at position m; "M<m>": the sender's own earlier
#            mail at position m (a "Nachtrag", or a mail sent again); None for a first mail
#   pat      the patterns this position shows (checked structurally by validate())
#   ev       for each fact, the literal words of the new text it comes from
#   decoys   words of the new text that must NOT become a fact


def Q(pos, when, who, text, intents, elig, notes, *, pop=None, amount=None, state=None,
      ev=None, decoys=(), parent=None, pat=(), cc=(), subject=None, lang=None):
    return dict(pos=pos, when=when, who=who, kind="inquiry", text=text,
                intents=sorted(intents), population=pop, amount_eur=amount, state=state,
                eligibility=elig, notes=notes, ev=ev or {}, decoys=list(decoys),
                parent=parent, pat=tuple(pat), cc=list(cc), subject=subject, lang=lang)


def ACK(pos, when, who, text, notes, *, parent, pat=("d",), decoys=(), cc=(), lang=None):
    return dict(pos=pos, when=when, who=who, kind="acknowledgement", text=text, intents=[],
                population=None, amount_eur=None, state=None, eligibility=None,
                notes=notes, ev={}, decoys=list(decoys), parent=parent, pat=tuple(pat),
                cc=list(cc), subject=None, lang=lang)


def AUTO(pos, when, who, text, notes, *, parent, system, subject=None, pat=("f",),
         lang=None):
    return dict(pos=pos, when=when, who=who, kind="auto_reply", text=text, intents=[],
                population=None, amount_eur=None, state=None, eligibility=None,
                notes=notes, ev={}, decoys=[], parent=parent, pat=tuple(pat), cc=[],
                subject=subject, lang=lang, system=system)


def BOUNCE(pos, when, notes, *, answer, system, diagnostic, status):
    return dict(pos=pos, when=when, who=None, kind="bounce", text="", intents=[],
                population=None, amount_eur=None, state=None, eligibility=None,
                notes=notes, ev={}, decoys=[], parent=None, pat=("bounce",), cc=[],
                subject="Undelivered Mail Returned to Sender", lang="en", system=system,
                answer=answer, diagnostic=diagnostic, status=status)


def A(when, body, asks=()):
    """Our answer: greeting and paragraphs; the signature is added at build time.
    asks: what the answer asks the municipality for ("population", "district")."""
    return dict(when=when, body=body, asks=tuple(asks))


def P(name, address, client, charset="utf-8"):
    return dict(name=name, addr=address, client=client, charset=charset)


# --------------------------------------------------------------------------
# The 30 conversations
# --------------------------------------------------------------------------

THREADS: list[dict] = []

# ---- 01 Haselgrund: (a) population given after our request, then thanks restating it ----
THREADS.append(dict(
    n=1, town="Haselgrund", lang="de", expect=(6480, None, "eligible"),
    people={"keller": P("Keller, Anna", "a.keller@haselgrund.de", "outlook365")},
    subject="Anfrage KIV-Förderung Gemeinde Haselgrund",
    mails=[
        Q(1, "11-02 09:14", "keller", """\
Sehr geehrte Damen und Herren,

in der letzten Dienstversammlung der Bürgermeister im Kreis wurde die
KIV-Förderung aus dem Landesprogramm WIR vorgestellt. Unser Bürgermeister hat
mich gebeten zu klären, ob sich die Gemeinde Haselgrund dafür bewerben kann.

Und eine zweite Frage: Müssen wir als Gemeinde einen Eigenanteil aufbringen,
oder trägt das Land die Kosten der Moderation vollständig?

Mit freundlichen Grüßen

Anna Keller
Hauptamt

Gemeinde Haselgrund
Kirchstraße 4
36399 Haselgrund
Tel. 06644 0871-12
""", ["eligibility", "funding_amount"], "unknown",
          "Gemeinde Haselgrund asks whether it may apply and whether it must contribute "
          "own money (own share = funding_amount by the borderline convention). No "
          "population; 'im Kreis' names no district, so state null and verdict unknown. "
          "Traps: postcode 36399, phone.",
          decoys=["36399"]),
        Q(2, "11-04 08:51", "keller", """\
Sehr geehrte Damen und Herren,

vielen Dank. Die Gemeinde Haselgrund hat 6.480 Einwohnerinnen und Einwohner
(Stand 30.06.2026).

Mit freundlichen Grüßen

Anna Keller
Hauptamt

Gemeinde Haselgrund
Kirchstraße 4
36399 Haselgrund
Tel. 06644 0871-12
""", ["eligibility"], "eligible",
          "Only supplies the population our answer asked for: thread convention 1, "
          "inquiry with eligibility. 6.480 below 50,000; state null in this mail. Trap: "
          "the Stand-date.",
          pop=6480, ev={"population": "6.480 Einwohnerinnen und Einwohner"},
          parent="A1", pat=("a",)),
        ACK(3, "11-06 13:30", "keller", """\
Sehr geehrte Damen und Herren,

herzlichen Dank für die schnelle Rückmeldung! Dann ist Haselgrund mit seinen
6.480 Einwohnerinnen und Einwohnern ja im Rennen. Ich gebe das so an unseren
Bürgermeister weiter, er bringt das Thema in den Gemeindevorstand ein.

Mit freundlichen Grüßen
Anna Keller
""", "Thanks only. It restates the population (6.480) but asks nothing and supplies "
             "nothing new: acknowledgement by the taxonomy ('only thanks / confirms, asks "
             "nothing new'); as a non-inquiry all facts are null, so thread_population "
             "keeps 6480 from position 2.",
            parent="A2", pat=("d", "ackpop"), decoys=["6.480 Einwohnerinnen"]),
    ],
    answers={
        1: A("11-03 10:22", """\
Guten Tag Anna Keller,

vielen Dank für Ihre Nachricht.

Die Förderung für Kommunale Integrations- und Vielfaltsstrategien (KIV) richtet \
sich an alle hessischen Städte und Gemeinden mit weniger als 50.000 \
Einwohnerinnen und Einwohnern.

Die Förderung für eine KIV-Strategie beläuft sich auf maximal 30.000 €.

Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns \
bitte ihre aktuelle Einwohnerzahl mit.

Bei weiteren Fragen sind wir gern für Sie da.""", asks=("population",)),
        2: A("11-05 11:05", """\
Sehr geehrte Frau Keller,

vielen Dank für die Angabe. Mit 6.480 Einwohnerinnen und Einwohnern liegt \
Haselgrund deutlich unter der Grenze von 50.000; die Gemeinde kann die \
KIV-Förderung also beantragen.

Da Ihre Gemeinde weniger als 10.000 Einwohnerinnen und Einwohner hat, noch ein \
Hinweis: Kleinere Kommunen können sich im ländlichen Raum mit anderen Kommunen \
abstimmen.

Den Antrag stellen Sie online; den Link und eine Anleitung finden Sie auf \
www.integrationskompass.hessen.de."""),
    },
))

# ---- 02 Kranichsfeld: district in the first mail, population after our own-wording request ----
THREADS.append(dict(
    n=2, town="Kranichsfeld", lang="de", expect=(21350, "Hessen", "eligible"),
    people={"wolf": P("Tobias Wolf", "tobias.wolf@kranichsfeld.de", "thunderbird")},
    subject="Teilnahme am Programm WIR / KIV",
    mails=[
        Q(1, "11-03 14:07", "wolf", """\
Guten Tag,

die Stadt Kranichsfeld im Wetteraukreis überlegt, eine Integrations- und
Vielfaltsstrategie zu erarbeiten. Bevor wir das in die Gremien geben: Können
wir uns überhaupt um die KIV-Förderung bewerben?

Mich würde außerdem interessieren, wie viele Kommunen bisher schon
mitgemacht haben.

Viele Grüße
Tobias Wolf

--
Stadt Kranichsfeld
Fachdienst Soziales, Integration und Ehrenamt
Marktplatz 1, 61200 Kranichsfeld
""", ["eligibility", "programme_info"], "unknown",
          "Stadt Kranichsfeld in the Wetteraukreis (district implies Hessen) asks whether "
          "it may apply and how many municipalities took part so far (programme_info). No "
          "population: unknown.",
          state="Hessen", ev={"state": "Wetteraukreis"}, decoys=["61200"]),
        Q(2, "11-05 10:12", "wolf", """\
Guten Tag,

Kranichsfeld hat aktuell 21.350 Einwohner (Stand: 31.12.2025, laut
Statistischem Landesamt).

Viele Grüße
Tobias Wolf

--
Stadt Kranichsfeld
Fachdienst Soziales, Integration und Ehrenamt
Marktplatz 1, 61200 Kranichsfeld
""", ["eligibility"], "eligible",
          "Supplies the population our answer asked for in its own words (convention 1). "
          "State not named again in this mail (null); the thread keeps Hessen from "
          "position 1. Trap: the Stand-date.",
          pop=21350, ev={"population": "21.350 Einwohner"}, parent="A1", pat=("a",)),
    ],
    answers={
        1: A("11-04 09:40", """\
Sehr geehrter Herr Wolf,

vielen Dank für Ihr Interesse am Landesprogramm WIR.

Antragsberechtigt sind hessische Städte und Gemeinden mit weniger als 50.000 \
Einwohnerinnen und Einwohnern. Wie viele Menschen leben derzeit in \
Kranichsfeld? Sobald wir die Zahl kennen, geben wir Ihnen gern Bescheid.

Seit 2018 unterstützt das Programm auch kleine hessische Städte und Gemeinden \
bei der Entwicklung ihrer Vielfalts- und Integrationsstrategien; insgesamt \
haben bereits 27 Kommunen von der Förderung profitiert.""", asks=("population",)),
    },
))

# ---- 03 Buchenhain: (b) district instead of population, then (a) the population ----
THREADS.append(dict(
    n=3, town="Buchenhain", lang="de", expect=(3874, "Hessen", "eligible"),
    people={"sommer": P("Miriam Sommer", "m.sommer@buchenhain.de", "roundcube")},
    subject="KIV-Förderung – kleine Gemeinde",
    mails=[
        Q(1, "11-04 11:30", "sommer", """\
Sehr geehrte Damen und Herren,

wir sind eine kleine Gemeinde und würden gern eine Integrationsstrategie
erarbeiten. Ist Buchenhain antragsberechtigt?

Unsere Nachbargemeinde hat ebenfalls Interesse. Wäre es möglich, dass wir das
Vorhaben gemeinsam angehen und zusammen einen Antrag stellen?

Freundliche Grüße
Miriam Sommer
Gemeindeverwaltung Buchenhain
Bürgerbüro
""", ["eligibility", "joint_application"], "unknown",
          "Gemeinde Buchenhain asks whether it may apply and whether it can apply "
          "together with its neighbour (joint_application). 'kleine Gemeinde' gives no "
          "number: unknown."),
        Q(2, "11-06 10:48", "sommer", """\
Sehr geehrte Damen und Herren,

danke für die Antwort. Buchenhain gehört zum Vogelsbergkreis, wir sind also
eine hessische Gemeinde.

Freundliche Grüße
Miriam Sommer
Gemeindeverwaltung Buchenhain
Bürgerbüro
""", ["eligibility"], "unknown",
          "Answers our request for the population with the district instead (pattern b): "
          "still convention 1, eligibility. Vogelsbergkreis and 'hessische Gemeinde' give "
          "Hessen; without a population the verdict stays unknown.",
          state="Hessen", ev={"state": "Vogelsbergkreis"}, parent="A1", pat=("b",)),
        Q(3, "11-10 14:16", "sommer", """\
Hallo,

laut unserem Einwohnermeldeamt sind es 3.874 Einwohnerinnen und Einwohner
(Hauptwohnsitz).

Grüße
Miriam Sommer
""", ["eligibility"], "eligible",
          "Second request answered with the population only (convention 1). State not "
          "repeated (null); thread: 3874 / Hessen / eligible.",
          pop=3874, ev={"population": "3.874 Einwohnerinnen und Einwohner"}, parent="A2",
          pat=("a",)),
    ],
    answers={
        1: A("11-05 09:05", """\
Guten Tag Miriam Sommer,

vielen Dank für Ihre Nachricht.

Die Förderung für Kommunale Integrations- und Vielfaltsstrategien (KIV) richtet \
sich an alle hessischen Städte und Gemeinden mit weniger als 50.000 \
Einwohnerinnen und Einwohnern.

Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen und Einwohnern können \
sich im ländlichen Raum mit anderen Kommunen abstimmen.

Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns \
bitte ihre aktuelle Einwohnerzahl mit.

Bei weiteren Fragen sind wir gern für Sie da.""", asks=("population",)),
        2: A("11-09 08:55", """\
Sehr geehrte Frau Sommer,

vielen Dank. Dass Buchenhain in Hessen liegt, ist die erste Voraussetzung. \
Entscheidend ist daneben die Einwohnerzahl: Gefördert werden Städte und \
Gemeinden mit weniger als 50.000 Einwohnerinnen und Einwohnern. Können Sie uns \
noch sagen, wie viele Menschen in Buchenhain gemeldet sind?""", asks=("population",)),
    },
))

# ---- 04 Wacholderau: Ortsgemeinde in Rheinland-Pfalz; (b) district -> not eligible; (c) ----
THREADS.append(dict(
    n=4, town="Wacholderau", lang="de", expect=(None, "Rheinland-Pfalz", "not_eligible"),
    people={"schaefer": P("Schäfer, Holger", "holger.schaefer@vg-hunsrueckhoehe.de",
                          "exchange")},
    subject="Förderprogramm KIV – Anfrage Ortsgemeinde Wacholderau",
    mails=[
        Q(1, "11-05 13:40", "schaefer", """\
Sehr geehrte Damen und Herren,

die Ortsgemeinde Wacholderau, die von unserer Verbandsgemeindeverwaltung
betreut wird, ist auf Ihr Förderprogramm für kommunale Integrations- und
Vielfaltsstrategien aufmerksam geworden.

Wir hätten zwei Fragen:
1. Kann die Ortsgemeinde einen Antrag stellen?
2. In welcher Höhe wird gefördert?

Mit freundlichen Grüßen
Im Auftrag
Holger Schäfer

Verbandsgemeindeverwaltung Hunsrückhöhe
Fachbereich 1 – Zentrale Dienste
Tel.: 06762 0409-211

Diese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind, informieren Sie bitte den Absender und löschen Sie
diese E-Mail.
""", ["eligibility", "funding_amount"], "unknown",
          "A Verbandsgemeinde administration asks for its Ortsgemeinde Wacholderau: may it "
          "apply, how much funding. 'Ortsgemeinde'/'Verbandsgemeinde' point to "
          "Rheinland-Pfalz, but no state or district is named, so state null and verdict "
          "unknown by the samples convention. Disclaimer below the signature.",
          decoys=["1. Kann", "2. In welcher"]),
        Q(2, "11-09 09:20", "schaefer", """\
Sehr geehrte Damen und Herren,

die Ortsgemeinde Wacholderau liegt im Rhein-Hunsrück-Kreis.

Mit freundlichen Grüßen
Im Auftrag
Holger Schäfer

Verbandsgemeindeverwaltung Hunsrückhöhe
Fachbereich 1 – Zentrale Dienste
Tel.: 06762 0409-211

Diese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind, informieren Sie bitte den Absender und löschen Sie
diese E-Mail.
""", ["eligibility"], "not_eligible",
          "Answers our request for district and population with the district only "
          "(pattern b, convention 1). Rhein-Hunsrück-Kreis lies in Rheinland-Pfalz: not "
          "eligible without any population.",
          state="Rheinland-Pfalz", ev={"state": "Rhein-Hunsrück-Kreis"}, parent="A1",
          pat=("b", "outside")),
        Q(3, "11-11 15:02", "schaefer", """\
Sehr geehrte Damen und Herren,

schade, aber verständlich. Eine Idee noch: Einige unserer Ortsgemeinden
grenzen direkt an hessische Nachbarkommunen. Wäre es möglich, dass
Wacholderau sich an einem gemeinsamen Vorhaben mit einer hessischen Gemeinde
beteiligt, die dann den Antrag stellt?

Mit freundlichen Grüßen
Im Auftrag
Holger Schäfer

Verbandsgemeindeverwaltung Hunsrückhöhe
Fachbereich 1 – Zentrale Dienste

Diese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind, informieren Sie bitte den Absender und löschen Sie
diese E-Mail.
""", ["joint_application"], "unknown",
          "New question (pattern c): may the town join a project of a Hessian neighbour "
          "that applies = joint_application (applying together with neighbouring "
          "municipalities). Trap: 'hessische Nachbarkommunen' describes the neighbours, not "
          "the sender's town, so state null and the per-mail verdict unknown; the thread "
          "stays Rheinland-Pfalz / not_eligible.",
          parent="A2", pat=("c",), decoys=["hessische Nachbarkommunen"]),
    ],
    answers={
        1: A("11-06 10:30", """\
Sehr geehrter Herr Schäfer,

vielen Dank für Ihre Anfrage.

Die Förderung für KIV beläuft sich auf maximal 30.000 Euro. Sie richtet sich an \
hessische Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen und \
Einwohnern.

Damit wir Ihre Anfrage einordnen können: In welchem Landkreis liegt die \
Ortsgemeinde Wacholderau, und wie viele Einwohnerinnen und Einwohner hat sie?""",
             asks=("population", "district")),
        2: A("11-10 11:15", """\
Sehr geehrter Herr Schäfer,

vielen Dank für die Information. Die KIV-Förderung gehört zum Landesprogramm \
WIR des Landes Hessen und richtet sich an hessische Städte und Gemeinden. Da \
Wacholderau im Rhein-Hunsrück-Kreis und damit in Rheinland-Pfalz liegt, ist \
eine Förderung leider nicht möglich."""),
    },
))

# ---- 05 Ahornhausen: a Bavarian municipality (named district), thanks after the refusal ----
THREADS.append(dict(
    n=5, town="Ahornhausen", lang="de", expect=(2900, "Bayern", "not_eligible"),
    people={"brandl": P("Lukas Brandl", "l.brandl@ahornhausen.de", "gmail")},
    subject="Frage zur Förderung KIV",
    mails=[
        Q(1, "11-06 16:25", "brandl", """\
Grüß Gott,

ich bin Bürgermeister der Gemeinde Ahornhausen im Landkreis Miltenberg. Wir
haben knapp 2.900 Einwohner und liegen direkt an der Landesgrenze, viele
Familien arbeiten auf der hessischen Seite. Ein Kollege aus dem Odenwald hat
mir von Ihrem Programm erzählt.

Können wir uns als Gemeinde bewerben? Und was genau wird da gefördert –
Personal, Veranstaltungen oder etwas anderes?

Mit freundlichen Grüßen
Lukas Brandl
Erster Bürgermeister
Gemeinde Ahornhausen
""", ["eligibility", "funded_activities"], "not_eligible",
          "Gemeinde Ahornhausen, Landkreis Miltenberg (Bayern), 'knapp 2.900 Einwohner'. "
          "Asks whether it may apply and what is funded. Outside Hessen: not eligible. "
          "Traps: 'auf der hessischen Seite' (where people work) and 'aus dem Odenwald' "
          "(a region, not the Odenwaldkreis) do not make the town Hessian.",
          pop=2900, state="Bayern",
          ev={"population": "2.900 Einwohner", "state": "Landkreis Miltenberg"},
          decoys=["hessischen Seite", "aus dem Odenwald"], pat=("outside",)),
        ACK(2, "11-10 07:58", "brandl", """\
Sehr geehrte Damen und Herren,

schade, aber vielen Dank für die schnelle und klare Auskunft!

Mit freundlichen Grüßen
Lukas Brandl
""", "Thanks for the refusal; asks nothing.", parent="A1"),
    ],
    answers={
        1: A("11-09 09:50", """\
Sehr geehrter Herr Brandl,

vielen Dank für Ihr Interesse. Die KIV-Förderung ist Teil des Landesprogramms \
WIR des Landes Hessen und richtet sich an hessische Städte und Gemeinden mit \
weniger als 50.000 Einwohnerinnen und Einwohnern. Da Ahornhausen im Landkreis \
Miltenberg in Bayern liegt, kann die Gemeinde leider keinen Antrag stellen.

Zu Ihrer zweiten Frage: Gefördert wird eine externe Prozessmoderation, die die \
Kommune bei der Entwicklung ihrer Strategie begleitet, zum Beispiel bei der \
Bestandsanalyse bereits bestehender Angebote oder mit Befragungstools."""),
    },
))

# ---- 06 Lohbachtal: eligible town, (c) new question on participation ----
THREADS.append(dict(
    n=6, town="Lohbachtal", lang="de", expect=(8150, "Hessen", "eligible"),
    people={"neumann": P("Katrin Neumann", "k.neumann@lohbachtal.de", "applemail")},
    subject="KIV – Laufzeit und Antragsberechtigung",
    mails=[
        Q(1, "11-09 10:33", "neumann", """\
Sehr geehrte Damen und Herren,

die Stadt Lohbachtal (Landkreis Marburg-Biedenkopf, 8.150 Einwohner) möchte
sich um die KIV-Förderung bewerben. Sind wir antragsberechtigt, und wie lange
hätten wir für die Erarbeitung der Strategie Zeit?

Viele Grüße
Katrin Neumann
Stadt Lohbachtal – Sozialamt
""", ["duration", "eligibility"], "eligible",
          "Stadt Lohbachtal, Landkreis Marburg-Biedenkopf, 8.150 inhabitants: asks about "
          "eligibility and the time available (duration).",
          pop=8150, state="Hessen",
          ev={"population": "8.150 Einwohner", "state": "Landkreis Marburg-Biedenkopf"}),
        Q(2, "11-11 09:47", "neumann", """\
Guten Morgen,

danke für die Infos! Wir überlegen gerade, wie wir möglichst viele Menschen
erreichen, auch die, die sonst nie zu Bürgerversammlungen kommen. Welche
Beteiligungsformate haben sich in anderen Kommunen bewährt?

Viele Grüße
Katrin Neumann
Stadt Lohbachtal – Sozialamt
""", ["participation"], "unknown",
          "New question on another topic (pattern c): formats for involving citizens = "
          "participation. No facts of its own: unknown (the thread stays eligible).",
          parent="A1", pat=("c",)),
    ],
    answers={
        1: A("11-10 13:20", """\
Guten Tag Katrin Neumann,

vielen Dank für Ihre Nachricht.

Nach Ihren Angaben hat Lohbachtal 8.150 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Teilnehmende Kommunen haben 18 Monate Zeit, eine KIV-Strategie zu entwickeln \
und sie mit zukunftsorientierten Maßnahmen und neuen Projekten zu untermauern.

Da Ihre Kommune weniger als 10.000 Einwohnerinnen und Einwohner hat, ein \
Hinweis: Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen und \
Einwohnern können sich im ländlichen Raum mit anderen Kommunen abstimmen.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 07 Ginsterheim: (h) correction eligible -> not eligible, then thanks ----
THREADS.append(dict(
    n=7, town="Ginsterheim", lang="de", expect=(58400, None, "not_eligible"),
    people={"becker": P("Becker, Jürgen", "j.becker@ginsterheim.de", "outlook2010",
                        charset="iso-8859-1")},
    subject="KIV-Förderung - Stadt Ginsterheim",
    mails=[
        Q(1, "11-10 08:45", "becker", """\
Sehr geehrte Damen und Herren,

die Stadt Ginsterheim (38.400 Einwohner) plant, im kommenden Jahr eine
Integrations- und Vielfaltsstrategie zu erarbeiten. Für die externe
Moderation rechnen wir mit Kosten von ca. 28.000 Euro.

Können wir uns bewerben, und würde dieser Betrag in voller Höhe gefördert?

Mit freundlichen Grüßen
i. A. Jürgen Becker

Stadt Ginsterheim
Amt für Soziales und Integration
Rathausplatz 3
""", ["eligibility", "funding_amount"], "eligible",
          "Stadt Ginsterheim, 38.400 inhabitants (a typo, corrected at position 2). Planned "
          "cost 'ca. 28.000 Euro' = amount_eur. Asks eligibility and whether the full sum "
          "is funded.",
          pop=38400, amount=28000,
          ev={"population": "38.400 Einwohner", "amount_eur": "ca. 28.000 Euro"}),
        Q(2, "11-12 11:58", "becker", """\
Sehr geehrte Damen und Herren,

leider muss ich meine Angabe korrigieren: Die Stadt Ginsterheim hat 58.400
Einwohner, nicht 38.400 - da ist mir beim Abschreiben ein Tippfehler
passiert. Ich bitte um Entschuldigung. Ändert das etwas an Ihrer Einschätzung?

Mit freundlichen Grüßen
i. A. Jürgen Becker

Stadt Ginsterheim
Amt für Soziales und Integration
Rathausplatz 3
""", ["eligibility"], "not_eligible",
          "Correction of the population (pattern h, conventions 1 and 2): 58.400 is the "
          "population, the negated 38.400 the old typo. Flips the thread from eligible to "
          "not_eligible.",
          pop=58400, ev={"population": "58.400\nEinwohner"}, decoys=["nicht 38.400"],
          parent="A1", pat=("h",)),
        ACK(3, "11-16 08:20", "becker", """\
Sehr geehrte Damen und Herren,

vielen Dank für die Klarstellung, dann hat sich das Thema für uns leider
erledigt.

Mit freundlichen Grüßen
i. A. Jürgen Becker
""", "Thanks after the refusal; 'hat sich erledigt', asks nothing.", parent="A2"),
    ],
    answers={
        1: A("11-11 10:10", """\
Sehr geehrter Herr Becker,

vielen Dank für Ihre Anfrage. Mit 38.400 Einwohnerinnen und Einwohnern liegt \
Ginsterheim unter der Grenze von 50.000; die Stadt kann die KIV-Förderung \
grundsätzlich beantragen.

Die Förderung beläuft sich auf maximal 30.000 Euro. Die von Ihnen genannten \
rund 28.000 Euro für die externe Moderation liegen innerhalb dieses Rahmens."""),
        2: A("11-13 09:30", """\
Sehr geehrter Herr Becker,

vielen Dank für die Korrektur. Die KIV-Förderung richtet sich an Kommunen mit \
weniger als 50.000 Einwohnerinnen und Einwohnern. Mit 58.400 Einwohnerinnen und \
Einwohnern ist eine Förderung für Ginsterheim daher leider nicht möglich."""),
    },
))

# ---- 08 Quellenrode: (h) correction not eligible -> eligible (HCL Notes, HTML only) ----
THREADS.append(dict(
    n=8, town="Quellenrode", lang="de", expect=(13900, None, "eligible"),
    people={"roth": P("Martina Roth", "Martina.Roth@quellenrode.de", "notes")},
    subject="Anfrage KIV",
    mails=[
        Q(1, "11-11 14:12", "roth", """\
Sehr geehrte Damen und Herren,

die Stadt Quellenrode mit 63.900 Einwohnern interessiert sich für eine
Förderung zur Entwicklung einer Integrationsstrategie. Sind wir
antragsberechtigt? Und über welchen Zeitraum läuft so ein Projekt?

Mit freundlichen Grüßen

Martina Roth
Stadt Quellenrode
Stabsstelle Integration
""", ["duration", "eligibility"], "not_eligible",
          "Stadt Quellenrode with 63.900 inhabitants (a typo, corrected at position 2): "
          "asks eligibility and how long a project runs (duration). 50,000 or more: not "
          "eligible.",
          pop=63900, ev={"population": "63.900 Einwohnern"}),
        Q(2, "11-13 09:05", "roth", """\
Sehr geehrte Damen und Herren,

da ist mir ein Fehler unterlaufen: Quellenrode hat 13.900 Einwohner, nicht
63.900. Können wir uns dann doch bewerben?

Mit freundlichen Grüßen

Martina Roth
Stadt Quellenrode
Stabsstelle Integration
""", ["eligibility"], "eligible",
          "Correction (pattern h, conventions 1 and 2): 13.900, the negated 63.900 is the "
          "typo. Flips the thread from not_eligible to eligible. Notes 'Antwort:' prefix.",
          pop=13900, ev={"population": "13.900 Einwohner"}, decoys=["nicht\n63.900"],
          parent="A1", pat=("h",)),
    ],
    answers={
        1: A("11-12 15:40", """\
Guten Tag Martina Roth,

vielen Dank für Ihre Nachricht.

Nach Ihren Angaben hat Quellenrode 63.900 Einwohnerinnen und Einwohner. Die \
KIV-Förderung richtet sich an Kommunen mit weniger als 50.000 Einwohnerinnen und \
Einwohnern; eine Förderung ist daher nach den uns vorliegenden Angaben leider \
nicht möglich.

Teilnehmende Kommunen haben 18 Monate Zeit, eine KIV-Strategie zu entwickeln \
und sie mit zukunftsorientierten Maßnahmen und neuen Projekten zu untermauern.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 09 Birkenstedt (English): (a) population after the assistant's request, thanks ----
THREADS.append(dict(
    n=9, town="Birkenstedt", lang="en", expect=(12740, None, "eligible"),
    people={"okafor": P("Daniel Okafor", "d.okafor@birkenstedt.de", "thunderbird")},
    subject="KIV funding - eligibility question",
    mails=[
        Q(1, "11-12 10:20", "okafor", """\
Dear Sir or Madam,

I work as integration officer for the municipality of Birkenstedt and I am
preparing a proposal for our council. Could you tell me whether Birkenstedt
is eligible for the KIV funding line, and what the maximum grant is?

Best regards,
Daniel Okafor
Integration Officer
Municipality of Birkenstedt
""", ["eligibility", "funding_amount"], "unknown",
          "English. Municipality of Birkenstedt asks about eligibility and the maximum "
          "grant. No population, no state: unknown."),
        Q(2, "11-16 09:12", "okafor", """\
Dear WIR team,

thank you. Birkenstedt has 12,740 inhabitants (as of 30 September 2026).

Best regards,
Daniel Okafor
Integration Officer
Municipality of Birkenstedt
""", ["eligibility"], "eligible",
          "English reply that only supplies the population asked for (convention 1). "
          "Trap: the reference date.",
          pop=12740, ev={"population": "12,740 inhabitants"}, parent="A1", pat=("a",)),
        ACK(3, "11-18 14:30", "okafor", """\
Dear WIR team,

many thanks, that is all I needed for the council paper.

Best regards,
Daniel
""", "English thanks only.", parent="A2"),
    ],
    answers={
        1: A("11-13 11:02", """\
Dear Daniel Okafor,

Thank you for your message.

Funding for municipal integration and diversity strategies (KIV) is open to all \
towns and municipalities in Hesse with fewer than 50,000 inhabitants.

Funding for a KIV strategy amounts to a maximum of 30,000 euros.

So that we can check whether your municipality is eligible, please let us know \
its current number of inhabitants.

If you have any further questions, please do not hesitate to contact us.""",
             asks=("population",)),
        2: A("11-17 10:45", """\
Dear Mr Okafor,

Thank you for the figure. With 12,740 inhabitants Birkenstedt is below the \
limit of 50,000, so the municipality can apply for KIV funding. Applications \
are made online; you will find the link and an accompanying guide at \
www.integrationskompass.hessen.de."""),
    },
))

# ---- 10 Eschwiesen (English): (e) thanks + question, (f) vacation notice, late thanks ----
THREADS.append(dict(
    n=10, town="Eschwiesen", lang="en", expect=(17500, "Hessen", "eligible"),
    people={"carter": P("Emily Carter", "e.carter@eschwiesen.de", "outlook_en")},
    subject="Application for KIV funding - Town of Eschwiesen",
    mails=[
        Q(1, "11-13 09:55", "carter", """\
Hello,

I am contacting you on behalf of the Town of Eschwiesen in Hesse
(approx. 17,500 residents). We would like to apply for KIV funding.

How do we submit an application, and is there a deadline we need to keep in
mind?

Kind regards,
Emily Carter
Project Coordinator, Diversity & Integration
Town of Eschwiesen
""", ["application_process", "deadline"], "eligible",
          "English. Town of Eschwiesen 'in Hesse', 'approx. 17,500 residents'. Asks how to "
          "apply and about a deadline. Eligibility is not asked, but the facts give a "
          "verdict.",
          pop=17500, state="Hessen",
          ev={"population": "approx. 17,500 residents", "state": "in Hesse"}),
        Q(2, "11-17 13:40", "carter", """\
Hello,

Thank you so much for the quick reply, that's very helpful and we will look
at the online form this week. Just one more thing: where can I find the
funding guideline itself? I'd like to read it before we start.

Kind regards,
Emily
""", ["guideline"], "unknown",
          "English thank-you that ends with one more question (pattern e): where the "
          "funding guideline is = guideline. No facts of its own.",
          parent="A1", pat=("e",)),
        AUTO(3, "11-18 09:21", "carter", """\
Thank you for your email. I am out of the office until Wednesday, 25 November
2026, with limited access to e-mail. For urgent matters please contact
integration@eschwiesen.de.

Emily Carter
""", "Synthetic vacation notice of the mail provider (English, 'Out of Office:' "
             "subject, Auto-Submitted and X-Autoreply headers) answering our answer to "
             "position 2.",
             parent="A2", system="hoster_vacation"),
        ACK(4, "11-26 10:05", "carter", """\
Hello,

sorry for the late reply, I was away last week. Thank you for the link to the
guideline, we have everything we need now.

Kind regards,
Emily
""", "English thanks eight days after the vacation notice (pattern f); replies to our "
             "answer, not to the auto-reply.", parent="A2", pat=("d", "f")),
    ],
    answers={
        1: A("11-16 10:15", """\
Dear Emily Carter,

Thank you for your message.

Applications are made online. At www.integrationskompass.hessen.de you will \
find the link to the online application together with an accompanying guide.

Funds are still available for the current year and can be applied for online \
now. You will find the link to the online application at \
www.integrationskompass.hessen.de.

If you have any further questions, please do not hesitate to contact us."""),
        2: A("11-18 09:20", """\
Dear Ms Carter,

The WIR funding guideline and further information are available on \
www.integrationskompass.hessen.de."""),
    },
))

# ---- 11 Kiebitzau (English): (g) a colleague gives the population AND asks a new question ----
THREADS.append(dict(
    n=11, town="Kiebitzau", lang="en", expect=(4100, "Hessen", "eligible"),
    people={"raman": P("Priya Raman", "p.raman@kiebitzau.de", "gmail"),
            "eberhardt": P("Jonas Eberhardt", "j.eberhardt@kiebitzau.de", "gmail")},
    subject="Question about the KIV programme",
    mails=[
        Q(1, "11-16 15:05", "raman", """\
Hello,

I coordinate the volunteer integration network in Kiebitzau and also work
part-time for the municipality. Our volunteers would like to start a
diversity strategy process. Can our association apply for the funding
itself, or does the application have to come from the municipality? And
which bodies would have to be involved in the process?

Thank you and best wishes,
Priya Raman
Integration Network Kiebitzau / Municipality of Kiebitzau
""", ["eligibility", "stakeholders"], "unknown",
          "English. Whether an association may apply = eligibility (borderline "
          "convention), which bodies must be involved = stakeholders. No facts: unknown."),
        Q(2, "11-18 11:22", "eberhardt", """\
Dear WIR team,

I am answering for my colleague Priya Raman, who is on a training course
this week. Kiebitzau has roughly 4,100 residents and belongs to the
Werra-Meißner-Kreis.

Since we are so small: could we prepare the strategy together with our
neighbouring municipalities?

Best regards,
Jonas Eberhardt
Head of Administration, Municipality of Kiebitzau
""", ["eligibility", "joint_application"], "eligible",
          "A colleague from another address of the same town answers (pattern g). He "
          "supplies population and district our answer asked for (convention 1: "
          "eligibility) AND asks a new question (joint_application, pattern c).",
          pop=4100, state="Hessen",
          ev={"population": "roughly 4,100 residents", "state": "Werra-Meißner-Kreis"},
          parent="A1", pat=("g", "c", "popq")),
        ACK(3, "11-20 08:40", "eberhardt", """\
Thank you, we will talk to our neighbours about it.

Jonas
""", "English one-line thanks from the colleague.", parent="A2"),
    ],
    answers={
        1: A("11-17 09:30", """\
Dear Ms Raman,

Thank you for your message. KIV funding is aimed at towns and municipalities \
in Hesse with fewer than 50,000 inhabitants, so the application would come from \
the municipality. The political bodies and the WIR diversity centres \
(WIR-Vielfaltszentren) of the districts are involved in the process; ideally \
all citizens can take part as well.

To tell you whether Kiebitzau qualifies, could you let us know how many people \
live in the municipality and which district it belongs to?""",
             asks=("population", "district")),
        2: A("11-19 10:05", """\
Dear Mr Eberhardt,

Thank you. With roughly 4,100 residents in the Werra-Meißner-Kreis, Kiebitzau \
is below the limit of 50,000 inhabitants and can apply. Smaller municipalities \
with fewer than 10,000 inhabitants in rural areas can coordinate with other \
municipalities."""),
    },
))

# ---- 12 Mooswiesen: (f) vacation notice, (c) the real answer nine days later ----
THREADS.append(dict(
    n=12, town="Mooswiesen", lang="de", expect=(14200, "Hessen", "eligible"),
    people={"haas": P("Stefanie Haas", "stefanie.haas@mooswiesen.de", "openxchange")},
    subject="Fördermittel KIV 2026",
    mails=[
        Q(1, "11-17 10:40", "haas", """\
Sehr geehrte Damen und Herren,

die Gemeinde Mooswiesen (Main-Kinzig-Kreis, 14.200 EW) möchte noch in
diesem Jahr einen Antrag auf KIV-Förderung stellen. Stehen dafür noch Mittel
zur Verfügung? Und wie hoch ist die Förderung maximal?

Mit freundlichen Grüßen
Stefanie Haas
Gemeinde Mooswiesen
Fachbereich Bürgerdienste
""", ["deadline", "funding_amount"], "eligible",
          "Gemeinde Mooswiesen, Main-Kinzig-Kreis, '14.200 EW'. Asks whether money is "
          "still available this year (deadline) and the maximum (funding_amount). Trap: "
          "2026 in the subject.",
          pop=14200, state="Hessen",
          ev={"population": "14.200 EW", "state": "Main-Kinzig-Kreis"}),
        AUTO(2, "11-18 09:11", "haas", """\
Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 26.11.2026 nicht im
Dienst. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden
Sie sich bitte an buergerdienste@mooswiesen.de.

Stefanie Haas
""", "Synthetic vacation notice of the groupware ('Abwesenheitsnotiz:' subject, "
             "Auto-Submitted) answering our answer.",
             parent="A1", system="ox_vacation"),
        Q(3, "11-27 08:35", "haas", """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Antwort, ich war in den letzten Tagen nicht im Haus.
Bevor wir den Online-Antrag ausfüllen: Welche Unterlagen müssen wir
beifügen, und gibt es Vorlagen, die wir vorab ausfüllen sollten?

Mit freundlichen Grüßen
Stefanie Haas
Gemeinde Mooswiesen
Fachbereich Bürgerdienste
""", ["application_process"], "unknown",
          "The real answer nine days after the vacation notice (pattern f), replying to our "
          "answer. New question (pattern c): what the application must contain = "
          "application_process.",
          parent="A1", pat=("f", "c")),
    ],
    answers={
        1: A("11-18 09:10", """\
Guten Tag Stefanie Haas,

vielen Dank für Ihre Nachricht.

Für das laufende Jahr stehen noch Fördermittel zur Verfügung, die jetzt online \
beantragt werden können. Den Link zur Onlineantragstellung finden Sie auf \
www.integrationskompass.hessen.de.

Die Förderung für eine KIV-Strategie beläuft sich auf maximal 30.000 €.

Nach Ihren Angaben hat Mooswiesen 14.200 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 13 Ulmenbrück: (f) auto-reply recognisable only by its text, (a) population, thanks ----
THREADS.append(dict(
    n=13, town="Ulmenbrück", lang="de", expect=(5730, None, "eligible"),
    people={"fischer": P("Fischer, Ralf", "r.fischer@ulmenbrueck.de", "exchange")},
    subject="Antragsberechtigung Gemeinde Ulmenbrück",
    mails=[
        Q(1, "11-18 13:15", "fischer", """\
Sehr geehrte Damen und Herren,

die Gemeinde Ulmenbrück interessiert sich für die Förderung einer
kommunalen Integrations- und Vielfaltsstrategie. Ist unsere Gemeinde
antragsberechtigt? Und wo können wir die Förderrichtlinie nachlesen?

Mit freundlichen Grüßen
Ralf Fischer
Gemeinde Ulmenbrück – Der Gemeindevorstand
""", ["eligibility", "guideline"], "unknown",
          "Gemeinde Ulmenbrück asks eligibility and where the guideline is. No facts: "
          "unknown."),
        AUTO(2, "11-19 09:46", "fischer", """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre E-Mail. Ich bin vom 19.11. bis einschließlich 27.11.2026
nicht im Büro und kann Ihre Nachricht erst danach bearbeiten. In dringenden
Angelegenheiten erreichen Sie die Gemeindeverwaltung unter 06633 0450-0.

Mit freundlichen Grüßen
Ralf Fischer
""", "Synthetic autoresponder of the mail provider WITHOUT any automation header and "
             "with an ordinary 'Re:' subject: recognisable only by its text.",
             parent="A1", system="plain_autoresponder",
             subject="Re: Antragsberechtigung Gemeinde Ulmenbrück"),
        Q(3, "11-30 08:10", "fischer", """\
Sehr geehrte Damen und Herren,

entschuldigen Sie die späte Rückmeldung, ich war im Urlaub. Ulmenbrück hat
5.730 Einwohner.

Mit freundlichen Grüßen
Ralf Fischer
Gemeinde Ulmenbrück – Der Gemeindevorstand
""", ["eligibility"], "eligible",
          "Eleven days after the auto-reply (pattern f) the population our answer asked "
          "for (pattern a, convention 1).",
          pop=5730, ev={"population": "5.730 Einwohner"}, parent="A1", pat=("f", "a")),
        ACK(4, "12-02 07:55", "fischer", """\
Vielen Dank, das hilft uns weiter!

Mit freundlichen Grüßen
Ralf Fischer
""", "Thanks only.", parent="A3"),
    ],
    answers={
        1: A("11-19 09:45", """\
Guten Tag Ralf Fischer,

vielen Dank für Ihre Nachricht.

Die Förderung für Kommunale Integrations- und Vielfaltsstrategien (KIV) richtet \
sich an alle hessischen Städte und Gemeinden mit weniger als 50.000 \
Einwohnerinnen und Einwohnern.

Weitere Informationen und die WIR-Förderrichtlinie finden Sie auf der Website \
www.integrationskompass.hessen.de.

Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns \
bitte ihre aktuelle Einwohnerzahl mit.

Bei weiteren Fragen sind wir gern für Sie da.""", asks=("population",)),
        3: A("12-01 10:30", """\
Sehr geehrter Herr Fischer,

vielen Dank. Mit 5.730 Einwohnerinnen und Einwohnern kann Ulmenbrück die \
KIV-Förderung beantragen. Da die Gemeinde weniger als 10.000 Einwohnerinnen und \
Einwohner hat, ein Hinweis: Kleinere Kommunen können sich im ländlichen Raum mit \
anderen Kommunen abstimmen."""),
    },
))

# ---- 14 Dachsgrund: (g) a colleague supplies the population (a) ----
THREADS.append(dict(
    n=14, town="Dachsgrund", lang="de", expect=(7020, "Hessen", "eligible"),
    people={"lorenz": P("Lorenz, Birgit", "b.lorenz@dachsgrund.de", "outlook365"),
            "yilmaz": P("Yilmaz, Cem", "c.yilmaz@dachsgrund.de", "outlook365")},
    subject="Förderung Integrationsstrategie – Gemeinde Dachsgrund",
    mails=[
        Q(1, "11-19 11:50", "lorenz", """\
Sehr geehrte Damen und Herren,

kann die Gemeinde Dachsgrund (Landkreis Kassel) Fördermittel für eine
Integrations- und Vielfaltsstrategie beantragen? Und wie läuft die
Antragstellung ab – gibt es ein Formular?

Mit freundlichen Grüßen
Birgit Lorenz
Gemeinde Dachsgrund – Hauptverwaltung
""", ["application_process", "eligibility"], "unknown",
          "Gemeinde Dachsgrund, Landkreis Kassel (Hessen). Asks eligibility and how to "
          "apply. No population: unknown.",
          state="Hessen", ev={"state": "Landkreis Kassel"}),
        Q(2, "11-23 08:40", "yilmaz", """\
Sehr geehrte Damen und Herren,

Frau Lorenz ist diese Woche nicht im Haus, daher antworte ich für sie:
Dachsgrund hat 7.020 Einwohnerinnen und Einwohner (Stand 30.09.2026).

Mit freundlichen Grüßen
Cem Yilmaz
Gemeinde Dachsgrund – Hauptverwaltung
""", ["eligibility"], "eligible",
          "A colleague (other address, same town, Cc to the first sender) answers for her "
          "(pattern g) and only gives the population asked for (pattern a, convention 1). "
          "Trap: Stand-date.",
          pop=7020, ev={"population": "7.020 Einwohnerinnen und Einwohner"}, parent="A1",
          pat=("g", "a"), cc=["lorenz"]),
    ],
    answers={
        1: A("11-20 10:00", """\
Guten Tag Birgit Lorenz,

vielen Dank für Ihre Nachricht.

Die Förderung für Kommunale Integrations- und Vielfaltsstrategien (KIV) richtet \
sich an alle hessischen Städte und Gemeinden mit weniger als 50.000 \
Einwohnerinnen und Einwohnern.

Der Antrag wird online gestellt. Auf www.integrationskompass.hessen.de finden \
Sie den Link zur Onlineantragstellung inklusive einer flankierenden Anleitung.

Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns \
bitte ihre aktuelle Einwohnerzahl mit.

Bei weiteren Fragen sind wir gern für Sie da.""", asks=("population",)),
    },
))

# ---- 15 Rotbuchenau: (g) the mayor asks a new question (c), the clerk thanks (d) ----
DISCLAIMER_15 = """\
--
Diese Nachricht ist ausschließlich für den bezeichneten Adressaten bestimmt.
Sollten Sie nicht der vorgesehene Empfänger sein, unterrichten Sie bitte den
Absender und vernichten Sie diese Nachricht."""
THREADS.append(dict(
    n=15, town="Rotbuchenau", lang="de", expect=(26300, "Hessen", "eligible"),
    people={"kraus": P("Kraus, Melanie", "melanie.kraus@rotbuchenau.de", "exchange"),
            "weber": P("Dr. Weber, Thomas", "buergermeister@rotbuchenau.de", "exchange")},
    subject="KIV-Antrag Stadt Rotbuchenau",
    mails=[
        Q(1, "11-20 14:25", "kraus", """\
Sehr geehrte Damen und Herren,

die Stadt Rotbuchenau (rund 26.300 Einwohnerinnen und Einwohner,
Hochtaunuskreis) möchte einen Antrag auf KIV-Förderung stellen. Können wir
den Antrag schon jetzt einreichen, und wo finden wir das Antragsformular?

Mit freundlichen Grüßen
Melanie Kraus
Stadt Rotbuchenau
Hauptamt – Sachgebiet Soziales

""" + DISCLAIMER_15 + "\n", ["application_process", "deadline"], "eligible",
          "Stadt Rotbuchenau, 'rund 26.300', Hochtaunuskreis. Whether they may apply now "
          "(deadline) and where the form is (application_process). Disclaimer.",
          pop=26300, state="Hessen",
          ev={"population": "26.300 Einwohnerinnen und Einwohner",
              "state": "Hochtaunuskreis"}),
        Q(2, "11-24 17:05", "weber", """\
Sehr geehrte Damen und Herren,

Frau Kraus hat mir Ihre Antwort vorgelegt, ich schalte mich kurz ein. Müssen
wir das WIR-Vielfaltszentrum des Kreises schon von Beginn an einbinden? Und
welche politischen Gremien müssen beteiligt werden – reicht der Magistrat?

Mit freundlichen Grüßen
Dr. Thomas Weber
Bürgermeister der Stadt Rotbuchenau

""" + DISCLAIMER_15 + "\n", ["stakeholders"], "unknown",
          "The mayor (other address, same town, Cc the clerk) replies to our answer "
          "(pattern g) with a new question (pattern c): which bodies must be involved = "
          "stakeholders. No facts of its own.",
          parent="A1", pat=("g", "c"), cc=["kraus"]),
        ACK(3, "11-26 08:15", "kraus", """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Antworten an mich und an Herrn Bürgermeister Dr. Weber.
Damit haben wir alles, was wir für den Antrag brauchen.

Mit freundlichen Grüßen
Melanie Kraus
Stadt Rotbuchenau
Hauptamt – Sachgebiet Soziales

""" + DISCLAIMER_15 + "\n",
            "The clerk thanks (she has access to the mayor's mail); replies to our answer "
            "to position 2.", parent="A2"),
    ],
    answers={
        1: A("11-23 09:20", """\
Guten Tag Melanie Kraus,

vielen Dank für Ihre Nachricht.

Der Antrag wird online gestellt. Auf www.integrationskompass.hessen.de finden \
Sie den Link zur Onlineantragstellung inklusive einer flankierenden Anleitung.

Für das laufende Jahr stehen noch Fördermittel zur Verfügung, die jetzt online \
beantragt werden können. Den Link zur Onlineantragstellung finden Sie auf \
www.integrationskompass.hessen.de.

Nach Ihren Angaben hat Rotbuchenau 26.300 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Bei weiteren Fragen sind wir gern für Sie da."""),
        2: A("11-25 11:00", """\
Sehr geehrter Herr Dr. Weber,

vielen Dank für Ihre Nachricht. In den Strategieprozess werden die politischen \
Gremien und die WIR-Vielfaltszentren der Landkreise eingebunden. Ziel ist, dass \
die KIV-Strategie am Ende im Kommunalparlament verabschiedet wird."""),
    },
))

# ---- 16 Efeuhain: (j) Outlook forward of the mayor's questions, "bitte um Beantwortung" ----
THREADS.append(dict(
    n=16, town="Efeuhain", lang="de", expect=(9850, "Hessen", "eligible"),
    people={"brenner": P("Brenner, Julia", "j.brenner@efeuhain.de", "outlook365"),
            "hofmann": P("Hofmann, Dieter", "d.hofmann@efeuhain.de", "outlook365")},
    subject="WG: Fragen zum WIR-Programm",
    mails=[
        Q(1, "11-23 10:05", "brenner", """\
Sehr geehrte Damen und Herren,

unten finden Sie die Fragen unseres Bürgermeisters zur KIV-Förderung, bitte
um Beantwortung.

Mit freundlichen Grüßen
Julia Brenner
Gemeinde Efeuhain – Vorzimmer Bürgermeister

________________________________
Von: Hofmann, Dieter <d.hofmann@efeuhain.de>
Gesendet: Freitag, 20. November 2026 17:12
An: Brenner, Julia <j.brenner@efeuhain.de>
Betreff: Fragen zum WIR-Programm

Liebe Frau Brenner,

bitte fragen Sie beim Land nach, bevor ich das Thema in die
Gemeindevertretung bringe:

- Was genau wird gefördert – nur die Moderation oder auch Sachkosten wie
  Raummiete und Verpflegung?
- Wie lange läuft die Förderung?
- Bekommen wir als Gemeinde mit 9.850 Einwohnern (Landkreis
  Limburg-Weilburg) die vollen 30.000 Euro?

Danke und Gruß
Dieter Hofmann
Bürgermeister
""", ["duration", "funded_activities", "funding_amount"], "eligible",
          "Outlook forward (pattern j) with 'bitte um Beantwortung': the forwarded mail is "
          "the request and its facts count (convention 3). Which costs are eligible = "
          "funded_activities, how long = duration, whether they get the full sum = "
          "funding_amount. 9.850 inhabitants, Landkreis Limburg-Weilburg. '30.000 Euro' is "
          "the cap quoted back: amount null.",
          pop=9850, state="Hessen",
          ev={"population": "9.850 Einwohnern", "state": "Landkreis\nLimburg-Weilburg"},
          decoys=["30.000 Euro"], pat=("j",), cc=["hofmann"]),
        ACK(2, "11-25 08:30", "brenner", """\
Sehr geehrte Damen und Herren,

herzlichen Dank, ich habe Ihre Antwort an Herrn Hofmann weitergeleitet.

Mit freundlichen Grüßen
Julia Brenner
Gemeinde Efeuhain – Vorzimmer Bürgermeister
""", "Thanks only; says the answer was passed on.", parent="A1"),
    ],
    answers={
        1: A("11-24 14:30", """\
Sehr geehrte Frau Brenner,

gern beantworten wir die Fragen von Herrn Bürgermeister Hofmann:

Gefördert wird eine externe Prozessmoderation. Sie begleitet die Gemeinde zum \
Beispiel bei der Bestandsanalyse bereits bestehender Angebote oder mit \
Befragungstools, schlägt Beteiligungsinstrumente vor und bringt den \
Strategieprozess inner- und außerhalb der Verwaltung voran. Welche Kosten im \
Einzelnen förderfähig sind, regelt die WIR-Förderrichtlinie auf \
www.integrationskompass.hessen.de.

Teilnehmende Kommunen haben 18 Monate Zeit, ihre KIV-Strategie zu entwickeln.

Die Förderung beläuft sich auf maximal 30.000 Euro. Mit 9.850 Einwohnerinnen \
und Einwohnern gehört Efeuhain zu den antragsberechtigten Kommunen; da die \
Gemeinde weniger als 10.000 Einwohnerinnen und Einwohner hat, kann sie sich im \
ländlichen Raum außerdem mit anderen Kommunen abstimmen."""),
    },
))

# ---- 17 Kastanienrode: (j) Thunderbird forward, vacation notice, population + new question ----
THREADS.append(dict(
    n=17, town="Kastanienrode", lang="de", expect=(3350, None, "eligible"),
    people={"petri": P("Sandra Petri", "s.petri@kastanienrode.de", "thunderbird")},
    subject="Fwd: KIV-Förderung für Kastanienrode?",
    mails=[
        Q(1, "11-24 09:15", "petri", """\
Guten Tag,

ich leite Ihnen die Anfrage unseres Bürgermeisters weiter und bitte um
Beantwortung.

Viele Grüße
Sandra Petri
Gemeinde Kastanienrode, Bürgerbüro



-------- Weitergeleitete Nachricht --------
Betreff: \tKIV-Förderung für Kastanienrode?
Datum: \tMon, 23 Nov 2026 18:44:10 +0100
Von: \tRüdiger Alt <r.alt@kastanienrode.de>
An: \tSandra Petri <s.petri@kastanienrode.de>



Hallo Sandra,

ich habe in der Zeitung von der KIV-Förderung gelesen. Kannst du beim
Ministerium nachfragen, ob eine kleine Gemeinde wie unsere da mitmachen
kann? Und seit wann gibt es das Programm eigentlich, haben schon andere
Gemeinden bei uns in der Gegend mitgemacht?

Gruß
Rüdiger
""", ["eligibility", "programme_info"], "unknown",
          "Thunderbird forward (pattern j) with 'bitte um Beantwortung'; the questions are "
          "only in the forwarded part (convention 3): may a small municipality take part "
          "(eligibility), since when / who took part (programme_info). No facts: unknown.",
          pat=("j",)),
        AUTO(2, "11-25 10:51", "petri", """\
Guten Tag,

ich bin bis zum 1. Dezember nicht im Büro. Ihre Nachricht wird nach meiner
Rückkehr bearbeitet. In dringenden Fällen wenden Sie sich bitte an das
Bürgerbüro unter buergerbuero@kastanienrode.de.

Sandra Petri
""", "Synthetic Sieve vacation reply ('Auto:' subject, 'Auto-Submitted: auto-replied') "
             "answering our answer.", parent="A1", system="sieve_vacation"),
        Q(3, "12-02 11:20", "petri", """\
Guten Tag,

danke für Ihre Antwort und entschuldigen Sie die Verzögerung. Kastanienrode
hat 3.350 Einwohnerinnen und Einwohner.

Herr Alt fragt außerdem, ob wir den Antrag zusammen mit unseren beiden
Nachbargemeinden stellen könnten, die ähnlich klein sind.

Viele Grüße
Sandra Petri
Gemeinde Kastanienrode, Bürgerbüro
""", ["eligibility", "joint_application"], "eligible",
          "A week after the vacation notice (pattern f): the population our answer asked "
          "for (convention 1: eligibility) plus a new question put indirectly, without a "
          "question mark: applying with the neighbours = joint_application (pattern c).",
          pop=3350, ev={"population": "3.350 Einwohnerinnen und Einwohner"},
          decoys=["beiden\nNachbargemeinden"], parent="A1", pat=("f", "c", "popq")),
    ],
    answers={
        1: A("11-25 10:50", """\
Guten Tag Sandra Petri,

vielen Dank für Ihre Nachricht.

Die Förderung für Kommunale Integrations- und Vielfaltsstrategien (KIV) richtet \
sich an alle hessischen Städte und Gemeinden mit weniger als 50.000 \
Einwohnerinnen und Einwohnern.

KIV steht für Kommunale Integrations- und Vielfaltsstrategien. Seit 2018 \
unterstützt das Landesprogramm WIR auch kleine hessische Städte und Gemeinden \
auf lokaler Ebene bei der Entwicklung ihrer Vielfalts- und \
Integrationsstrategien. Insgesamt haben bereits 27 Kommunen von der Förderung \
profitiert.

Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns \
bitte ihre aktuelle Einwohnerzahl mit.

Bei weiteren Fragen sind wir gern für Sie da.""", asks=("population",)),
    },
))

# ---- 18 Flachsbachtal: a "Nachtrag" with the facts before our answer, then thanks ----
THREADS.append(dict(
    n=18, town="Flachsbachtal", lang="de", expect=(11400, "Hessen", "eligible"),
    people={"vogt": P("Lena Vogt", "lena.vogt@flachsbachtal.de", "roundcube")},
    subject="Frage zur KIV-Förderung",
    mails=[
        Q(1, "11-25 09:10", "vogt", """\
Sehr geehrte Damen und Herren,

wir möchten in Flachsbachtal eine Integrationsstrategie mit möglichst
breiter Beteiligung erarbeiten. Kann unsere Gemeinde an der KIV-Förderung
teilnehmen? Und wie bindet man die Bürgerinnen und Bürger am besten ein?

Freundliche Grüße
Lena Vogt
Gemeinde Flachsbachtal – Fachbereich Jugend, Senioren, Integration
""", ["eligibility", "participation"], "unknown",
          "Gemeinde Flachsbachtal asks eligibility and how to involve citizens. No facts. "
          "Not answered itself: the Nachtrag at position 2 supersedes it (convention 5)."),
        Q(2, "11-25 11:42", "vogt", """\
Nachtrag zu meiner Mail von heute früh: Ich habe vergessen zu erwähnen, dass
Flachsbachtal 11.400 Einwohnerinnen und Einwohner hat und zum Landkreis
Gießen gehört.

Freundliche Grüße
Lena Vogt
Gemeinde Flachsbachtal – Fachbereich Jugend, Senioren, Integration
""", ["eligibility"], "eligible",
          "'Nachtrag' replying to her own unanswered mail: adds the missing facts to her "
          "eligibility question (convention 1). Her quoted first mail is ignored.",
          pop=11400, state="Hessen",
          ev={"population": "11.400 Einwohnerinnen und Einwohner",
              "state": "Landkreis\nGießen"},
          parent="M1", pat=("nachtrag",)),
        ACK(3, "11-27 09:00", "vogt", """\
Vielen Dank für die ausführliche Antwort!

Freundliche Grüße
Lena Vogt
""", "Thanks only.", parent="A2"),
    ],
    answers={
        2: A("11-26 10:25", """\
Guten Tag Lena Vogt,

vielen Dank für Ihre Nachricht.

Nach Ihren Angaben hat Flachsbachtal 11.400 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

An dem Prozess und der Erarbeitung von Handlungsempfehlungen sollen sich – \
neben Politik, Verwaltung und Fachleuten – idealerweise alle Bürgerinnen und \
Bürger vor Ort beteiligen können. Ob bei Auftaktveranstaltungen, Strategie- \
bzw. Planungsworkshops oder an runden Tischen: Niedrigschwellige Methoden und \
Beteiligungsmöglichkeiten im Landesprogramm WIR sind zahlreich. Die geförderte \
externe Prozessmoderation schlägt dafür auch passende Beteiligungsinstrumente \
vor.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 19 Hopfengrund: amount above the cap; a Nachtrag with the district and a new question ----
THREADS.append(dict(
    n=19, town="Hopfengrund", lang="de", expect=(12900, "Hessen", "eligible"),
    people={"schmitt": P("Schmitt, Werner", "w.schmitt@hopfengrund.de", "outlook2010",
                         charset="windows-1252")},
    subject="Förderhöhe KIV – Angebot Moderation",
    mails=[
        Q(1, "11-26 08:50", "schmitt", """\
Sehr geehrte Damen und Herren,

die Gemeinde Hopfengrund (12.900 Einwohner) hat für die externe
Prozessmoderation ein Angebot über 36.000 € eingeholt. Wird dieser Betrag
vollständig gefördert, oder gibt es eine Obergrenze?

Mit freundlichen Grüßen
Werner Schmitt
Gemeinde Hopfengrund
Finanzverwaltung
""", ["funding_amount"], "eligible",
          "Gemeinde Hopfengrund, 12.900 inhabitants, offer of 36.000 € (above the cap). "
          "Asks whether it is fully funded. Superseded by the Nachtrag at position 2.",
          pop=12900, amount=36000,
          ev={"population": "12.900 Einwohner", "amount_eur": "36.000 €"}),
        Q(2, "11-26 14:20", "schmitt", """\
Sehr geehrte Damen und Herren,

noch ein Nachtrag zu meiner Anfrage von heute Morgen: Hopfengrund liegt im
Kreis Bergstraße. Außerdem wüssten wir gern, wo wir die Anleitung für den
Online-Antrag finden.

Mit freundlichen Grüßen
Werner Schmitt
Gemeinde Hopfengrund
Finanzverwaltung
""", ["application_process"], "unknown",
          "'Nachtrag' to his own unanswered mail: adds the district (Hessen) and a new "
          "question (where the guide to the online application is = application_process). "
          "His first mail did not ask about eligibility, so no eligibility intent. No "
          "population in this mail: per-mail verdict unknown; the thread is "
          "12900 / Hessen / eligible. The last mail: not answered in this set.",
          state="Hessen", ev={"state": "Kreis Bergstraße"}, parent="M1",
          pat=("nachtrag",)),
    ],
    answers={},
))

# ---- 20 Taubenhain: our answer bounces (mailbox full), she asks again ----
THREADS.append(dict(
    n=20, town="Taubenhain", lang="de", expect=(4700, "Hessen", "eligible"),
    people={"sauer": P("Marion Sauer", "m.sauer@taubenhain.de", "thunderbird")},
    subject="Was passiert nach der Strategieentwicklung?",
    mails=[
        Q(1, "11-27 15:30", "sauer", """\
Guten Tag,

die Gemeinde Taubenhain (Schwalm-Eder-Kreis, rund 4.700 Einwohner) denkt
über eine KIV-Strategie nach. In unserer Gemeindevertretung kam die Frage
auf, was am Ende der 18 Monate eigentlich herauskommt: Muss die Strategie
förmlich beschlossen werden, und was passiert danach mit ihr?

Viele Grüße
Marion Sauer
Gemeinde Taubenhain
""", ["strategy_adoption"], "eligible",
          "Gemeinde Taubenhain, Schwalm-Eder-Kreis, 'rund 4.700 Einwohner'. Asks whether "
          "the strategy must be adopted and what follows = strategy_adoption. Trap: "
          "'18 Monate' repeated from the programme.",
          pop=4700, state="Hessen",
          ev={"population": "4.700 Einwohner", "state": "Schwalm-Eder-Kreis"},
          decoys=["18 Monate"]),
        BOUNCE(2, "11-30 09:41", "Synthetic Postfix bounce of the town's mail server: our "
               "answer to position 1 could not be delivered (552 5.2.2 mailbox full). "
               "multipart/report with message/delivery-status and the returned answer as "
               "message/rfc822, which is never labelled.",
               answer=1, system="postfix_remote",
               diagnostic="smtp; 552 5.2.2 <m.sauer@taubenhain.de> Quota exceeded "
                          "(mailbox for user is full)",
               status="5.2.2"),
        Q(3, "12-03 10:05", "sauer", """\
Guten Tag,

ich hatte Ihnen am vergangenen Freitag geschrieben (siehe unten). Unser
Postfach war einige Tage voll, daher ist eine Antwort von Ihnen womöglich
nicht angekommen. Könnten Sie mir bitte noch einmal mitteilen, ob die
Strategie am Ende förmlich beschlossen werden muss?

Viele Grüße
Marion Sauer
Gemeinde Taubenhain
""", ["strategy_adoption"], "unknown",
          "Sent again as a reply to her own first mail after our answer bounced: repeats "
          "the strategy_adoption question. Her quoted first mail (with 4.700 and the "
          "district) is ignored: per-mail facts null, unknown.",
          parent="M1", pat=("resend",)),
    ],
    answers={
        1: A("11-30 09:40", """\
Guten Tag Marion Sauer,

vielen Dank für Ihre Nachricht.

Ziel ist, die KIV-Strategie im Kommunalparlament zu verabschieden. Untermauert \
mit zukunftsorientierten Maßnahmen und neuen Projekten bietet sie dann eine \
wichtige Grundlage für die weitere Integrations- und Teilhabearbeit vor Ort.

Nach Ihren Angaben hat Taubenhain 4.700 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Da Ihre Kommune weniger als 10.000 Einwohnerinnen und Einwohner hat, ein \
Hinweis: Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen und \
Einwohnern können sich im ländlichen Raum mit anderen Kommunen abstimmen.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 21 Finkenau: application status; our answer is rejected as spam, he asks again ----
THREADS.append(dict(
    n=21, town="Finkenau", lang="de", expect=(None, None, "unknown"),
    people={"brandt": P("Jan Brandt", "j.brandt@finkenau.de", "applemail")},
    subject="Stand unseres KIV-Antrags",
    mails=[
        Q(1, "11-30 11:10", "brandt", """\
Sehr geehrte Damen und Herren,

die Stadt Finkenau hat am 14.10.2026 online einen Antrag auf KIV-Förderung
gestellt (Vorgangsnummer WIR-KIV-2026-0387). Können Sie uns sagen, wie weit
die Prüfung ist und wann wir mit einem Bescheid rechnen können?

Gibt es bei Ihnen eine feste Ansprechperson für unseren Antrag, die wir bei
Rückfragen direkt anrufen können?

Mit freundlichen Grüßen
Jan Brandt
Stadt Finkenau – Amt für Familie und Soziales
""", ["application_status", "contact"], "unknown",
          "Stadt Finkenau asks about the state of its submitted application "
          "(application_status) and for a contact person to phone (contact). Traps: date "
          "and file number. No facts: unknown.",
          decoys=["WIR-KIV-2026-0387"]),
        BOUNCE(2, "12-01 11:31", "Synthetic Postfix bounce of the ministry's own relay: the "
               "town's server rejected our answer as spam (554 5.7.1). multipart/report "
               "with the returned answer as message/rfc822, never labelled.",
               answer=1, system="postfix_relay",
               diagnostic="smtp; 554 5.7.1 <j.brandt@finkenau.de>: Message rejected, "
                          "classified as spam",
               status="5.7.1"),
        Q(3, "12-04 09:15", "brandt", """\
Sehr geehrte Damen und Herren,

unsere IT hat mir mitgeteilt, dass unser Mailserver in dieser Woche eine
Nachricht von Ihrer Adresse irrtümlich als Spam abgewiesen hat. Der Filter
ist inzwischen angepasst. Könnten Sie Ihre Antwort zum Stand unseres Antrags
(Vorgangsnummer WIR-KIV-2026-0387) bitte noch einmal schicken?

Mit freundlichen Grüßen
Jan Brandt
Stadt Finkenau – Amt für Familie und Soziales
""", ["application_status"], "unknown",
          "Sent again as a reply to his own first mail after our answer was rejected: asks "
          "for the answer about the state of the application again = application_status "
          "(the contact question is not repeated).",
          decoys=["WIR-KIV-2026-0387"], parent="M1", pat=("resend",)),
    ],
    answers={
        1: A("12-01 11:30", """\
Sehr geehrter Herr Brandt,

vielen Dank für Ihre Nachricht. Ihr Antrag mit der Vorgangsnummer \
WIR-KIV-2026-0387 liegt uns vor und wird derzeit bearbeitet. Sobald die Prüfung \
abgeschlossen ist, melden wir uns bei Ihnen.

Rückfragen beantworten wir gern per E-Mail unter landesprogrammWIR@hsm.hessen.de; \
bitte geben Sie dabei die Vorgangsnummer an."""),
    },
))

# ---- 22 Krähenbrunn: dialect; our own-wording request, "mir sin 4300 leut", thanks ----
THREADS.append(dict(
    n=22, town="Krähenbrunn", lang="de", expect=(4300, "Hessen", "eligible"),
    people={"stumpf": P("Erwin Stumpf", "erwin.stumpf@kraehenbrunn.de", "webmail")},
    subject="wir programm",
    mails=[
        Q(1, "12-01 19:48", "stumpf", """\
hallo,

ich bin der ehrenamtliche bürgermeister von krähenbrunn. hab im kreistag
was vom wir programm gehört. kann unser dorf da mitmachen?

gruß erwin stumpf
""", ["eligibility"], "unknown",
          "Informal, lower case: the honorary mayor of Krähenbrunn asks whether the "
          "village can take part. 'im kreistag' names no district: unknown."),
        Q(2, "12-03 20:30", "stumpf", """\
jo also mir sin 4300 leut, landkreis hersfeld-rotenburg. reicht des?

gruß erwin
""", ["eligibility"], "eligible",
          "Dialect reply with exactly what our answer asked for (pattern a, convention 1): "
          "'mir sin 4300 leut' = population 4300, 'landkreis hersfeld-rotenburg' = Hessen. "
          "'reicht des?' only asks whether that is enough: still eligibility.",
          pop=4300, state="Hessen",
          ev={"population": "4300 leut", "state": "landkreis hersfeld-rotenburg"},
          parent="A1", pat=("a", "dialect")),
        ACK(3, "12-07 07:12", "stumpf", """\
suuper, dange! do mache mer mit.

erwin
""", "Dialect thanks ('do mache mer mit' = we will take part); asks nothing.",
            parent="A2", pat=("d", "dialect")),
    ],
    answers={
        1: A("12-02 09:15", """\
Sehr geehrter Herr Stumpf,

vielen Dank für Ihr Interesse. Die KIV-Förderung im Landesprogramm WIR richtet \
sich an hessische Städte und Gemeinden mit weniger als 50.000 Einwohnerinnen \
und Einwohnern. Damit wir Ihnen eine klare Antwort geben können: Wie viele \
Menschen leben in Krähenbrunn, und zu welchem Landkreis gehört die Gemeinde?""",
             asks=("population", "district")),
        2: A("12-04 10:10", """\
Sehr geehrter Herr Stumpf,

ja, das reicht: Mit 4.300 Einwohnerinnen und Einwohnern im Landkreis \
Hersfeld-Rotenburg kann Krähenbrunn die KIV-Förderung beantragen. Kleinere \
Kommunen mit weniger als 10.000 Einwohnerinnen und Einwohnern können sich im \
ländlichen Raum außerdem mit anderen Kommunen abstimmen. Den Antrag stellen Sie \
online über www.integrationskompass.hessen.de; dort gibt es auch eine \
Anleitung."""),
    },
))

# ---- 23 Sandbachrode: iPhone; (c) a new question in dialect ----
THREADS.append(dict(
    n=23, town="Sandbachrode", lang="de", expect=(2600, "Hessen", "eligible"),
    people={"hagen": P("Bernd Hagen", "buergermeister@sandbachrode.de", "iphone")},
    subject="KIV Förderung",
    mails=[
        Q(1, "12-02 12:40", "hagen", """\
Guten Tag,

Gemeinde Sandbachrode, ca. 2.600 Einwohner, Odenwaldkreis. Wie viel Geld
gibt es bei der KIV-Förderung und bis wann müssen wir den Antrag stellen?

Gruß Bernd Hagen
Bürgermeister

Von meinem iPhone gesendet
""", ["deadline", "funding_amount"], "eligible",
          "Terse mayor's mail from a phone: Sandbachrode, 'ca. 2.600 Einwohner', "
          "Odenwaldkreis. How much money (funding_amount), until when to apply (deadline).",
          pop=2600, state="Hessen",
          ev={"population": "2.600 Einwohner", "state": "Odenwaldkreis"}),
        Q(2, "12-04 18:55", "hagen", """\
Danke! Un wie krieje mer die Leit do hi? Bei uns kimmt jo kaaner zu so
Veranstaltunge. Habt ihr do Tipps?

Gruß Bernd

Von meinem iPhone gesendet
""", ["participation"], "unknown",
          "Dialect follow-up with a new question (pattern c): how to get people to come "
          "= participation. No facts.",
          parent="A1", pat=("c", "dialect")),
    ],
    answers={
        1: A("12-03 09:00", """\
Guten Tag Bernd Hagen,

vielen Dank für Ihre Nachricht.

Die Förderung für eine KIV-Strategie beläuft sich auf maximal 30.000 €.

Für das laufende Jahr stehen noch Fördermittel zur Verfügung, die jetzt online \
beantragt werden können. Den Link zur Onlineantragstellung finden Sie auf \
www.integrationskompass.hessen.de.

Nach Ihren Angaben hat Sandbachrode 2.600 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Da Ihre Kommune weniger als 10.000 Einwohnerinnen und Einwohner hat, ein \
Hinweis: Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen und \
Einwohnern können sich im ländlichen Raum mit anderen Kommunen abstimmen.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 24 Wolfsbachtal: (e) thanks with one more question at the end ----
THREADS.append(dict(
    n=24, town="Wolfsbachtal", lang="de", expect=(19800, "Hessen", "eligible"),
    people={"sommerfeld": P("Sommerfeld, Nina", "n.sommerfeld@wolfsbachtal.de",
                            "outlook365")},
    subject="Förderrichtlinie und Antrag KIV",
    mails=[
        Q(1, "12-03 10:30", "sommerfeld", """\
Sehr geehrte Damen und Herren,

die Stadt Wolfsbachtal (19.800 Einwohner, Lahn-Dill-Kreis) bereitet einen
Antrag auf KIV-Förderung vor. Wo finden wir die aktuelle Förderrichtlinie,
und wie stellen wir den Antrag?

Mit freundlichen Grüßen
Nina Sommerfeld
Stadt Wolfsbachtal – Integrationsbeauftragte
""", ["application_process", "guideline"], "eligible",
          "Stadt Wolfsbachtal, 19.800, Lahn-Dill-Kreis: where the guideline is and how to "
          "apply.",
          pop=19800, state="Hessen",
          ev={"population": "19.800 Einwohner", "state": "Lahn-Dill-Kreis"}),
        Q(2, "12-07 11:05", "sommerfeld", """\
Sehr geehrte Damen und Herren,

vielen Dank für die rasche und ausführliche Antwort, das hilft uns sehr
weiter. Eine Frage hätte ich noch: Dürfen wir mit der Moderation schon
beginnen, bevor der Bescheid da ist?

Mit freundlichen Grüßen
Nina Sommerfeld
Stadt Wolfsbachtal – Integrationsbeauftragte
""", ["deadline"], "unknown",
          "Thanks, then one more question at the end (pattern e): whether they may start "
          "before the decision = deadline (borderline convention).",
          parent="A1", pat=("e",)),
    ],
    answers={
        1: A("12-04 09:35", """\
Sehr geehrte Frau Sommerfeld,

vielen Dank für Ihre Anfrage. Die WIR-Förderrichtlinie und weitere \
Informationen finden Sie auf www.integrationskompass.hessen.de. Dort ist auch \
der Link zur Onlineantragstellung, zusammen mit einer Anleitung, die Sie durch \
den Antrag führt.

Mit 19.800 Einwohnerinnen und Einwohnern gehört Wolfsbachtal zu den \
antragsberechtigten Kommunen."""),
    },
))

# ---- 25 Weißenquell: (e) a PS question below the signature, then thanks ----
THREADS.append(dict(
    n=25, town="Weißenquell", lang="de", expect=(31200, None, "eligible"),
    people={"krueger": P("Tanja Krüger", "t.krueger@weissenquell.de", "gmail")},
    subject="Förderfähige Kosten KIV",
    mails=[
        Q(1, "12-04 08:20", "krueger", """\
Guten Tag,

die Stadt Weißenquell (rund 31.200 Einwohnerinnen und Einwohner) plant einen
KIV-Prozess. Uns interessiert, welche Kosten förderfähig sind: Dürfen wir
neben der Moderation auch Dolmetscherkosten und Raummieten für die
Workshops abrechnen?

Viele Grüße
Tanja Krüger
Stadt Weißenquell | Fachstelle Integration
Tel. 06441 0778-30
""", ["funded_activities"], "eligible",
          "Stadt Weißenquell, 'rund 31.200': which kinds of cost are eligible "
          "(interpreters, rooms) = funded_activities.",
          pop=31200, ev={"population": "31.200 Einwohnerinnen und Einwohner"}),
        Q(2, "12-08 13:10", "krueger", """\
Guten Tag,

herzlichen Dank für die Auskunft, dann schauen wir in die Richtlinie.

Viele Grüße
Tanja Krüger
Stadt Weißenquell | Fachstelle Integration
Tel. 06441 0778-30

PS: Wie viel Zeit haben wir insgesamt für die Erarbeitung der Strategie?
""", ["duration"], "unknown",
          "Thanks, and a question in a PS below the signature (pattern e): how much time "
          "= duration.",
          parent="A1", pat=("e", "ps")),
        ACK(3, "12-10 08:45", "krueger", """\
Danke schön, das passt gut in unsere Planung.

Viele Grüße
Tanja Krüger
""", "Thanks only.", parent="A2"),
    ],
    answers={
        1: A("12-07 10:00", """\
Guten Tag Tanja Krüger,

vielen Dank für Ihre Nachricht.

Das Landesprogramm WIR fördert eine externe Prozessmoderation. Sie begleitet \
Städte und Gemeinden beispielsweise bei der Bestandsanalyse bereits bestehender \
Angebote oder bei Befragungstools, schlägt Beteiligungsinstrumente vor und \
bringt vor allem den Strategieentwicklungsprozess inner- und außerhalb der \
Verwaltung voran. Die Einzelheiten regelt die WIR-Förderrichtlinie, die Sie auf \
www.integrationskompass.hessen.de finden.

Nach Ihren Angaben hat Weißenquell 31.200 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Bei weiteren Fragen sind wir gern für Sie da."""),
        2: A("12-09 09:25", """\
Sehr geehrte Frau Krüger,

teilnehmende Kommunen haben 18 Monate Zeit, eine KIV-Strategie zu entwickeln \
und sie mit zukunftsorientierten Maßnahmen und neuen Projekten zu untermauern."""),
    },
))

# ---- 26 Erlenried: the population only as context for an unrelated question ----
THREADS.append(dict(
    n=26, town="Erlenried", lang="de", expect=(4950, None, "eligible"),
    people={"maier": P("Maier, Stefan", "s.maier@erlenried.de", "exchange")},
    subject="WIR-Förderrichtlinie",
    mails=[
        Q(1, "12-07 09:25", "maier", """\
Sehr geehrte Damen und Herren,

wo finden wir die aktuelle WIR-Förderrichtlinie? Auf den Seiten des
Ministeriums bin ich bisher nicht fündig geworden.

Mit freundlichen Grüßen
Stefan Maier
Gemeinde Erlenried – Ordnungs- und Sozialamt
""", ["guideline"], "unknown",
          "Gemeinde Erlenried only asks where the funding guideline is. No facts."),
        Q(2, "12-09 14:00", "maier", """\
Sehr geehrte Damen und Herren,

vielen Dank, ich habe die Richtlinie gefunden.

Zur Einordnung: Wir sind eine Gemeinde mit 4.950 Einwohnern und möchten die
Prozessmoderation an ein Büro aus der Region vergeben. Müssen wir dafür
nach Vergaberecht ausschreiben, oder reicht es, drei Vergleichsangebote
einzuholen?

Mit freundlichen Grüßen
Stefan Maier
Gemeinde Erlenried – Ordnungs- und Sozialamt
""", ["out_of_scope"], "eligible",
          "Our answer asked for nothing; the population is only context for a new, "
          "unrelated question (pattern c): procurement law = out_of_scope. NOT a "
          "completion, so no eligibility intent. The fact still counts: population 4950, "
          "per-mail verdict eligible. Trap: 'drei Vergleichsangebote'.",
          pop=4950, ev={"population": "4.950 Einwohnern"},
          decoys=["drei Vergleichsangebote"], parent="A1", pat=("c", "context")),
    ],
    answers={
        1: A("12-08 10:45", """\
Guten Tag Stefan Maier,

vielen Dank für Ihre Nachricht.

Weitere Informationen und die WIR-Förderrichtlinie finden Sie auf der Website \
www.integrationskompass.hessen.de.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 27 Kirchwiesel: application status; (g) the treasury asks about payment and tax ----
THREADS.append(dict(
    n=27, town="Kirchwiesel", lang="de", expect=(None, None, "unknown"),
    people={"arnold": P("Arnold, Petra", "p.arnold@kirchwiesel.de", "outlook365"),
            "goebel": P("Goebel, Frank", "f.goebel@kirchwiesel.de", "outlook365")},
    subject="Sachstand KIV-Antrag Gemeinde Kirchwiesel",
    mails=[
        Q(1, "12-08 13:35", "arnold", """\
Sehr geehrte Damen und Herren,

die Gemeinde Kirchwiesel hat Ende Oktober ihren Antrag auf KIV-Förderung
online eingereicht. Eine Eingangsbestätigung haben wir erhalten, seitdem
aber nichts mehr gehört. Können Sie uns sagen, wie der Stand ist?

Mit freundlichen Grüßen
Petra Arnold
Gemeinde Kirchwiesel – Hauptamt
""", ["application_status"], "unknown",
          "Gemeinde Kirchwiesel asks about the state of its submitted application. No "
          "facts."),
        Q(2, "12-10 10:15", "goebel", """\
Sehr geehrte Damen und Herren,

Frau Arnold hat mir Ihre Antwort weitergegeben; ich bin in der Kämmerei für
die Haushaltsplanung zuständig. Zwei Fragen dazu: Wird der Zuschuss nach
dem Bescheid in einer Summe oder in Raten ausgezahlt? Und ist die Förderung
bei uns umsatzsteuerlich relevant?

Mit freundlichen Grüßen
Frank Goebel
Gemeinde Kirchwiesel – Kämmerei
""", ["out_of_scope"], "unknown",
          "A colleague of the treasury (other address, same town, Cc the first sender) "
          "replies to our answer (pattern g) with new questions (pattern c): payment "
          "modalities and VAT = out_of_scope by the borderline convention (payment dates, "
          "taxation), not application_status.",
          decoys=["Zwei Fragen"], parent="A1", pat=("g", "c"), cc=["arnold"]),
    ],
    answers={
        1: A("12-09 11:20", """\
Sehr geehrte Frau Arnold,

vielen Dank für Ihre Nachricht. Der Antrag der Gemeinde Kirchwiesel liegt uns \
vor und ist in Bearbeitung. Sobald die Prüfung abgeschlossen ist, erhalten Sie \
von uns Nachricht."""),
    },
))

# ---- 28 Hasenwinkel: contact, then (c) strategy adoption ----
THREADS.append(dict(
    n=28, town="Hasenwinkel", lang="de", expect=(9100, "Hessen", "eligible"),
    people={"reuter": P("Claudia Reuter", "c.reuter@hasenwinkel.de", "thunderbird")},
    subject="Ansprechpartner KIV",
    mails=[
        Q(1, "12-09 08:55", "reuter", """\
Guten Tag,

ich bin in der Gemeinde Hasenwinkel (9.100 Einwohner, Landkreis
Waldeck-Frankenberg) neu für das Thema Integration zuständig. Gibt es bei
Ihnen eine Ansprechperson, mit der ich einmal telefonieren könnte, bevor wir
einen Antrag vorbereiten?

Viele Grüße
Claudia Reuter
Gemeinde Hasenwinkel
""", ["contact"], "eligible",
          "Gemeinde Hasenwinkel, 9.100, Landkreis Waldeck-Frankenberg, asks for a contact "
          "person to phone = contact.",
          pop=9100, state="Hessen",
          ev={"population": "9.100 Einwohner", "state": "Landkreis\nWaldeck-Frankenberg"}),
        Q(2, "12-11 10:30", "reuter", """\
Guten Tag,

danke, dann gern per Mail: Was passiert am Ende mit der Strategie? Muss die
Gemeindevertretung sie beschließen, und ist sie danach verbindlich?

Viele Grüße
Claudia Reuter
Gemeinde Hasenwinkel
""", ["strategy_adoption"], "unknown",
          "New question on another topic (pattern c): adoption of the strategy = "
          "strategy_adoption.",
          parent="A1", pat=("c",)),
    ],
    answers={
        1: A("12-10 09:40", """\
Guten Tag Claudia Reuter,

vielen Dank für Ihre Nachricht.

Rückfragen interessierter Kommunen beantworten wir gern per E-Mail unter \
landesprogrammWIR@hsm.hessen.de.

Nach Ihren Angaben hat Hasenwinkel 9.100 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Da Ihre Kommune weniger als 10.000 Einwohnerinnen und Einwohner hat, ein \
Hinweis: Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen und \
Einwohnern können sich im ländlichen Raum mit anderen Kommunen abstimmen.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))

# ---- 29 Schwalmwiesen: (a) 50.012 -> not eligible, then a question without a figure ----
THREADS.append(dict(
    n=29, town="Schwalmwiesen", lang="de", expect=(50012, None, "not_eligible"),
    people={"hartmann": P("Felix Hartmann", "f.hartmann@schwalmwiesen.de", "applemail")},
    subject="KIV – Antragsberechtigung Stadt Schwalmwiesen",
    mails=[
        Q(1, "12-10 14:40", "hartmann", """\
Sehr geehrte Damen und Herren,

kann die Stadt Schwalmwiesen einen Antrag auf KIV-Förderung stellen? Und
vielleicht eine naive Frage: Was genau ist KIV, und seit wann gibt es das?

Mit besten Grüßen
Felix Hartmann
Stadt Schwalmwiesen – Büro des Oberbürgermeisters
""", ["eligibility", "programme_info"], "unknown",
          "Stadt Schwalmwiesen asks eligibility and what KIV is (programme_info). "
          "'Oberbürgermeister' hints at a larger town but gives no number: unknown."),
        Q(2, "12-14 09:20", "hartmann", """\
Sehr geehrte Damen und Herren,

laut Melderegister hat Schwalmwiesen 50.012 Einwohnerinnen und Einwohner
(Stand 30.11.2026).

Mit besten Grüßen
Felix Hartmann
Stadt Schwalmwiesen – Büro des Oberbürgermeisters
""", ["eligibility"], "not_eligible",
          "Only the population our answer asked for (pattern a, convention 1): 50.012 is at "
          "or above 50,000, so not eligible. Trap: Stand-date.",
          pop=50012, ev={"population": "50.012 Einwohnerinnen und Einwohner"},
          parent="A1", pat=("a",)),
        Q(3, "12-16 08:50", "hartmann", """\
Sehr geehrte Damen und Herren,

das ist ärgerlich knapp. Zählen bei der Grenze auch die Nebenwohnsitze mit?
Nur mit Hauptwohnsitz lägen wir deutlich darunter.

Mit besten Grüßen
Felix Hartmann
Stadt Schwalmwiesen – Büro des Oberbürgermeisters
""", ["eligibility"], "unknown",
          "Asks which residents count for the limit = eligibility, but states no figure "
          "('deutlich darunter'): per-mail unknown; the thread stays 50012 / "
          "not_eligible.",
          parent="A2"),
    ],
    answers={
        1: A("12-11 10:10", """\
Sehr geehrter Herr Hartmann,

vielen Dank für Ihre Anfrage. KIV steht für Kommunale Integrations- und \
Vielfaltsstrategien; seit 2018 unterstützt das Landesprogramm WIR damit auch \
kleine hessische Städte und Gemeinden bei der Entwicklung ihrer Vielfalts- und \
Integrationsstrategien.

Ob Schwalmwiesen antragsberechtigt ist, hängt von der Einwohnerzahl ab: Die \
Förderung richtet sich an Kommunen mit weniger als 50.000 Einwohnerinnen und \
Einwohnern. Wie viele Einwohnerinnen und Einwohner hat Ihre Stadt?""",
             asks=("population",)),
        2: A("12-15 11:15", """\
Sehr geehrter Herr Hartmann,

vielen Dank. Mit 50.012 Einwohnerinnen und Einwohnern liegt Schwalmwiesen \
leider knapp über der Grenze: Die KIV-Förderung richtet sich an Kommunen mit \
weniger als 50.000 Einwohnerinnen und Einwohnern, eine Förderung ist daher \
nicht möglich."""),
    },
))

# ---- 30 Haferbrunn: a ticket system acknowledges our answer; (e) thanks + question ----
THREADS.append(dict(
    n=30, town="Haferbrunn", lang="de", expect=(8600, "Hessen", "eligible"),
    people={"service": P("Bürgerservice Haferbrunn", "buergerservice@haferbrunn.de",
                         "znuny")},
    subject="[Ticket#2026121110000087] Beteiligung und Gremien bei KIV",
    mails=[
        Q(1, "12-11 11:05", "service", """\
Sehr geehrte Damen und Herren,

die Gemeinde Haferbrunn (Landkreis Fulda, 8.600 Einwohner) überlegt, eine
KIV-Strategie zu erarbeiten. Welche Stellen müssen wir in den Prozess
einbinden? Und muss die fertige Strategie von der Gemeindevertretung
beschlossen werden?

Mit freundlichen Grüßen
Petra Lang
Gemeinde Haferbrunn – Bürgerservice
""", ["stakeholders", "strategy_adoption"], "eligible",
          "Sent from the town's ticket system: Gemeinde Haferbrunn, Landkreis Fulda, "
          "8.600. Which bodies to involve (stakeholders), adoption by the council "
          "(strategy_adoption). Trap: the ticket number in the subject.",
          pop=8600, state="Hessen",
          ev={"population": "8.600 Einwohner", "state": "Landkreis Fulda"}),
        AUTO(2, "12-14 10:21", "service", """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Sie wurde unter der Ticketnummer
2026121110000087 erfasst und wird von unserem Bürgerservice bearbeitet.
Bitte antworten Sie nicht auf diese automatisch erzeugte E-Mail.

Ihr Bürgerservice der Gemeinde Haferbrunn
""", "Synthetic receipt of the town's ticket system for our answer (Auto-Submitted, "
             "X-Loop, Precedence: bulk, ticket number in the subject).",
             parent="A1", system="ticket", pat=("ticket",),
             subject="[Ticket#2026121110000087] Eingangsbestätigung: Beteiligung und "
                     "Gremien bei KIV"),
        Q(3, "12-16 15:30", "service", """\
Sehr geehrte Damen und Herren,

vielen Dank für die ausführliche Antwort, die wir an den Gemeindevorstand
weitergegeben haben. Zum Schluss noch eine kurze Frage: Welche Kommunen
haben bisher schon eine KIV-Strategie mit Ihrer Förderung erarbeitet?

Mit freundlichen Grüßen
Petra Lang
Gemeinde Haferbrunn – Bürgerservice
""", ["programme_info"], "unknown",
          "Thanks, then one more question at the end (pattern e): which municipalities "
          "took part = programme_info. Replies to our answer, not to the ticket receipt.",
          parent="A1", pat=("e",)),
    ],
    answers={
        1: A("12-14 10:20", """\
Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht.

In den Strategieprozess werden die politischen Gremien und die \
WIR-Vielfaltszentren der Landkreise eingebunden. Daneben sollen sich neben \
Politik, Verwaltung und Fachleuten idealerweise alle Bürgerinnen und Bürger vor \
Ort beteiligen können.

Ziel ist, die KIV-Strategie im Kommunalparlament zu verabschieden. Untermauert \
mit zukunftsorientierten Maßnahmen und neuen Projekten bietet sie dann eine \
wichtige Grundlage für die weitere Integrations- und Teilhabearbeit vor Ort.

Nach Ihren Angaben hat Haferbrunn 8.600 Einwohnerinnen und Einwohner. Damit \
liegt die Einwohnerzahl unter der Grenze von 50.000, und Ihre Kommune gehört \
grundsätzlich zum Kreis der antragsberechtigten Kommunen.

Da Ihre Kommune weniger als 10.000 Einwohnerinnen und Einwohner hat, ein \
Hinweis: Kleinere Kommunen mit weniger als 10.000 Einwohnerinnen und \
Einwohnern können sich im ländlichen Raum mit anderen Kommunen abstimmen.

Bei weiteren Fragen sind wir gern für Sie da."""),
    },
))


# --------------------------------------------------------------------------
# Mail clients: MIME shape, quoting style, reply prefix, Message-ID, headers
# --------------------------------------------------------------------------

CLIENTS = {
    "outlook365": dict(desc="Outlook 365, multipart/alternative, underscore quote header",
                       mime="alt_outlook", quote="outlook_de", reply="AW",
                       headers=[("X-Mailer", "Microsoft Outlook 16.0")]),
    "outlook_en": dict(desc="English Outlook (IMAP), multipart/alternative, 'From:/Sent:' "
                            "quote header",
                       mime="alt_outlook", quote="outlook_en", reply="RE",
                       headers=[("X-Mailer", "Microsoft Outlook 16.0")]),
    "exchange": dict(desc="Outlook 2016, multipart/alternative, '-----Ursprüngliche "
                          "Nachricht-----'",
                     mime="alt_outlook", quote="original_de", reply="AW",
                     headers=[("X-Mailer", "Microsoft Outlook 16.0")]),
    "outlook2010": dict(desc="Outlook 2010 plain text, quoted-printable, "
                             "'-----Ursprüngliche Nachricht-----' with [mailto:]",
                        mime="plain_qp", quote="original_mailto", reply="AW",
                        headers=[("X-Mailer", "Microsoft Outlook 14.0")]),
    "thunderbird": dict(desc="Thunderbird plain 8bit format=flowed, 'Am … schrieb …:' / "
                             "'On … wrote:'",
                        mime="plain_flowed", quote="thunderbird", reply="Re",
                        headers=[("User-Agent", "Mozilla Thunderbird")]),
    "applemail": dict(desc="Apple Mail, multipart/alternative, '> Am … schrieb …:'",
                      mime="alt_apple", quote="apple", reply="Re",
                      headers=[("X-Mailer", "Apple Mail (2.3826.500.181.1.5)")]),
    "iphone": dict(desc="iPhone Mail plain text, quoted-printable",
                   mime="plain_qp", quote="apple", reply="Re",
                   headers=[("X-Mailer", "iPhone Mail (22B91)")]),
    "gmail": dict(desc="Gmail-like (Workspace), multipart/alternative, 'Am … um … schrieb' / "
                       "'On … wrote:'",
                  mime="alt_gmail", quote="gmail", reply="Re", headers=[]),
    "roundcube": dict(desc="Roundcube plain text, quoted-printable, 'Am …, schrieb …:'",
                      mime="plain_qp", quote="roundcube", reply="Re",
                      headers=[("User-Agent", "Roundcube Webmail/1.6.9")]),
    "notes": dict(desc="HCL Notes, HTML only, Notes quote header block",
                  mime="html_notes", quote="notes", reply="Antwort",
                  headers=[("X-Mailer", "HCL Notes Release 12.0.2 FP3 February 22, 2024")]),
    "openxchange": dict(desc="Open-Xchange, base64 text body, '> … hat am … geschrieben:'",
                        mime="plain_b64", quote="ox", reply="Re",
                        headers=[("X-Mailer", "Open-Xchange Mailer v7.10.6-Rev62")]),
    "webmail": dict(desc="provider webmail, plain 8bit, 'Gesendet: … Von: … An: … Betreff:'",
                    mime="plain_8bit", quote="webmail", reply="Re", headers=[]),
    "znuny": dict(desc="Znuny ticket system, plain text, quoted-printable",
                  mime="plain_qp", quote="znuny", reply="RE",
                  headers=[("X-Mailer", "Znuny Mail Service")]),
}
OUTLOOKS = ("outlook365", "outlook_en", "exchange", "outlook2010")

AUTO_SYSTEMS = {
    "hoster_vacation": dict(prefix="Out of Office: ", cte="7bit",
                            headers=[("Auto-Submitted", "auto-replied"),
                                     ("X-Autoreply", "yes")],
                            desc="plain 7bit"),
    "ox_vacation": dict(prefix="Abwesenheitsnotiz: ", cte="quoted-printable",
                        headers=[("Auto-Submitted", "auto-replied")],
                        desc="plain quoted-printable"),
    "plain_autoresponder": dict(prefix=None, cte="8bit", headers=[],
                                desc="plain 8bit, no automation header"),
    "sieve_vacation": dict(prefix="Auto: ", cte="quoted-printable",
                           headers=[("Auto-Submitted", "auto-replied (vacation)")],
                           desc="plain quoted-printable"),
    "ticket": dict(prefix=None, cte="quoted-printable",
                   headers=[("Auto-Submitted", "auto-replied"),
                            ("X-Loop", "buergerservice@haferbrunn.de"),
                            ("Precedence", "bulk")],
                   desc="plain quoted-printable"),
}

_PREFIX_RE = re.compile(r"^\s*(?:(?:re|aw|wg|fw|fwd|antwort)\s*:\s*)+", re.IGNORECASE)
_TOPIC_RE = re.compile(r"^\s*(?:(?:re|aw|wg|fw|fwd|antwort|automatische antwort|"
                       r"automatic reply|out of office|abwesenheitsnotiz|auto|"
                       r"eingangsbestätigung)\s*:\s*|\[ticket#\d+\]\s*)+", re.IGNORECASE)


def our_subject(subject: str) -> str:
    """The assistant's reply subject: one 'Re:', earlier reply prefixes removed."""
    return "Re: " + _PREFIX_RE.sub("", subject).strip()


def topic(subject: str) -> str:
    return _TOPIC_RE.sub("", subject).strip().casefold()


def client_reply_subject(client: str, subject: str) -> str:
    style = CLIENTS[client]["reply"]
    if style == "AW":                      # German Outlook replaces one known prefix
        return "AW: " + re.sub(r"^(?:re|aw)\s*:\s*", "", subject, flags=re.IGNORECASE)
    if style == "RE":                      # English Outlook, Znuny
        return "RE: " + re.sub(r"^re\s*:\s*", "", subject, flags=re.IGNORECASE)
    if style == "Antwort":
        return "Antwort: " + subject
    return subject if re.match(r"^re\s*:", subject, re.IGNORECASE) else "Re: " + subject


def mail_id(client: str, address: str, seed: str, when: datetime) -> str:
    dom = address.rsplit("@", 1)[1]
    if client == "outlook365":
        host = "FR" + str(2 + int(h(seed, 2), 16) % 4) + "P281MB" + h(seed + "host", 4).upper()
        return f"<{host}{h(seed, 12).upper()}@{host}.DEUP281.PROD.OUTLOOK.COM>"
    if client in ("exchange", "outlook2010", "outlook_en"):
        return f"<{h(seed, 8)}$${h(seed + 'b', 8)}$${h(seed + 'c', 8)}@{dom}>".replace(
            "$$", "$")
    if client in ("thunderbird", "applemail", "iphone"):
        x = h(seed, 32)
        if client != "thunderbird":
            x = x.upper()
        return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@{dom}>"
    if client == "gmail":
        raw = base64.b64encode(bytes.fromhex(h(seed, 48)), altchars=b"+_").decode()
        return f"<CA{raw}@mail.gmail.example>"
    if client == "notes":
        return (f"<OF{h(seed, 8).upper()}.{h(seed + 'b', 8).upper()}-"
                f"ONC1258{h(seed + 'c', 3).upper()}-{h(seed + 'd', 8).upper()}@{dom}>")
    if client == "openxchange":
        return f"<{int(h(seed, 7), 16)}.{int(h(seed + 'b', 5), 16)}@{dom}>"
    if client == "roundcube":
        return f"<{h(seed, 32)}@{dom}>"
    if client == "znuny":
        return f"<{when.strftime('%Y%m%d%H%M%S')}.{int(h(seed, 6), 16)}@{dom}>"
    return f"<{when.strftime('%Y%m%d%H%M%S')}.{h(seed, 10)}@{dom}>"


def answer_id(n: int, m: int) -> str:
    return f"<wir.d3{n:014d}.{h(f'answer{n}.{m}', 12)}@{OUR_DOMAIN}>"


# --------------------------------------------------------------------------
# Quoting styles
# --------------------------------------------------------------------------


def prefixed(text: str) -> str:
    return "\n".join(("> " + ln) if ln else ">" for ln in text.rstrip("\n").split("\n"))


def quote_parts(client: str, lang: str, src: dict) -> tuple[list[str], str, str]:
    """(attribution or header lines, quoted text, mode) for the quote of src."""
    d, name, address = src["date"], src["from_name"], src["from_addr"]
    to = f"{src['to_name']} <{src['to_addr']}>" if src["to_name"] else src["to_addr"]
    style = CLIENTS[client]["quote"]
    if style == "outlook_de":
        return (["________________________________", f"Von: {name} <{address}>",
                 f"Gesendet: {de_long(d)}", f"An: {to}", f"Betreff: {src['subject']}"],
                src["text"], "plain")
    if style == "outlook_en":
        return (["________________________________", f"From: {name} <{address}>",
                 f"Sent: {en_long(d)}", f"To: {to}", f"Subject: {src['subject']}"],
                src["text"], "plain")
    if style == "original_de":
        return (["-----Ursprüngliche Nachricht-----", f"Von: {name} <{address}> ",
                 f"Gesendet: {de_long(d)}", f"An: {to}", f"Betreff: {src['subject']}"],
                src["text"], "plain")
    if style == "original_mailto":
        return (["-----Ursprüngliche Nachricht-----", f"Von: {name} [mailto:{address}] ",
                 f"Gesendet: {de_long(d)}", f"An: {to}", f"Betreff: {src['subject']}"],
                src["text"], "plain")
    if style == "thunderbird":
        if lang == "en":
            line = f"On {d.month}/{d.day}/{d:%y} {en_clock(d)}, {name} wrote:"
        else:
            line = f"Am {d:%d.%m.%Y} um {d:%H:%M} schrieb {name}:"
        return [line], src["text"], "prefix"
    if style == "apple":
        return ([f"Am {d:%d.%m.%Y} um {d:%H:%M} schrieb {name} <{address}>:"], src["text"],
                "inside")
    if style == "gmail":
        if lang == "en":
            lines = [f"On {EN_DAYS[d.weekday()][:3]}, {EN_MONTHS[d.month - 1][:3]} {d.day}, "
                     f"{d.year} at {en_clock(d)} {name} <", f"{address}> wrote:"]
        else:
            lines = [f"Am {DE_DAYS_ABBR[d.weekday()]}, {d.day}. "
                     f"{DE_MONTHS_ABBR[d.month - 1]} {d.year} um {d:%H:%M} Uhr schrieb "
                     f"{name} <", f"{address}>:"]
        return lines, src["text"], "prefix"
    if style == "roundcube":
        return [f"Am {d:%d.%m.%Y} {d:%H:%M}, schrieb {name}:"], src["text"], "prefix"
    if style == "ox":
        return ([f"{name} <{address}> hat am {d.day}. {DE_MONTHS[d.month - 1]} {d.year} um "
                 f"{d:%H:%M} geschrieben:"], src["text"], "inside")
    if style == "webmail":
        return ([f"Gesendet: {DE_DAYS[d.weekday()]}, {d:%d}. {DE_MONTHS[d.month - 1]} "
                 f"{d.year} um {d:%H:%M} Uhr", f'Von: "{name}" <{address}>', f"An: {to}",
                 f"Betreff: {src['subject']}"], src["text"], "plain")
    if style == "znuny":
        return [f"{d:%d.%m.%Y} {d:%H:%M} - {name} schrieb:"], src["text"], "prefix"
    if style == "notes":
        return ([f'Von:\t"{name}" <{address}>', f"An:\t{to}",
                 f"Datum:\t{d:%d.%m.%Y} {d:%H:%M}", f"Betreff:\t{src['subject']}"],
                src["text"], "plain")
    raise ValueError(style)


def plain_with_quote(new: str, q: tuple | None) -> str:
    if q is None:
        return new
    head, text, mode = q
    new = new.rstrip("\n") + "\n\n"
    if mode == "plain":
        return new + "\n".join(head) + "\n\n" + text.rstrip("\n") + "\n"
    if mode == "prefix":
        return new + "\n".join(head) + "\n" + prefixed(text) + "\n"
    return new + prefixed("\n".join(head) + "\n\n" + text) + "\n"      # inside


# --------------------------------------------------------------------------
# HTML renderings
# --------------------------------------------------------------------------


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
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n"
        "\t{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}\n"
        "div.WordSection1 {page:WordSection1;}\n--></style>\n</head>\n"
        '<body lang="DE" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
        f'<div class="WordSection1">\n{body}\n</div>\n</body>\n</html>\n'
    )


def divs(text: str) -> str:
    return "\n".join(f"<div>{html.escape(x, quote=False) or '<br>'}</div>"
                     for x in text.rstrip("\n").split("\n"))


def gmail_html(new: str, q: tuple | None) -> str:
    out = f'<div dir="ltr">\n{divs(new)}\n</div>\n'
    if q:
        head, text, _ = q
        out += ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                + html.escape(" ".join(head), quote=False) + "<br></div>\n"
                '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                'border-left:1px solid rgb(204,204,204);padding-left:1ex">\n'
                + divs(text) + "\n</blockquote></div>\n")
    return out


def apple_html(new: str, q: tuple | None) -> str:
    out = ('<html><head><meta http-equiv="content-type" content="text/html; '
           'charset=utf-8"></head><body style="overflow-wrap: break-word; '
           '-webkit-nbsp-mode: space; line-break: after-white-space;">\n' + divs(new) + "\n")
    if q:
        head, text, _ = q
        out += ('<div><br><blockquote type="cite">\n<div>'
                + html.escape(" ".join(head), quote=False) + "</div><br>\n"
                + divs(text) + "\n</blockquote></div>\n")
    return out + "</body></html>\n"


def notes_html(new: str, q: tuple | None) -> str:
    def br(text: str) -> str:
        return "<br>\n".join(html.escape(x, quote=False) for x in text.rstrip("\n").split("\n"))
    out = ('<html><body>\n<font size="2" face="sans-serif">' + br(new) + "</font>\n")
    if q:
        head, text, _ = q
        rows = "".join(
            f'<tr valign="top"><td><font size="1" color="#5f5f5f" face="sans-serif">'
            f'{html.escape(k, quote=False)}</font></td><td><font size="1" '
            f'face="sans-serif">{html.escape(v.strip(), quote=False)}</font></td></tr>\n'
            for k, v in (line.split("\t", 1) for line in head))
        out += ('<br><br><br>\n<table width="100%" style="border-collapse:collapse;">\n'
                + rows + "</table>\n<br>\n<br>\n<tt><font size=\"2\">" + br(text)
                + "</font></tt>\n")
    return out + "</body></html>\n"


# --------------------------------------------------------------------------
# Resolving the conversations: dates, subjects, Message-IDs, references
# --------------------------------------------------------------------------


def file_name(t: dict, m: dict) -> str:
    return f"{PREFIX}-{t['n']:02d}-{m['pos']}.eml"


def resolve(t: dict) -> None:
    """Fill in the computed fields of a conversation (idempotent)."""
    if t.get("_resolved"):
        return
    n = t["n"]
    for m in t["mails"]:
        m["lang"] = m["lang"] or t["lang"]
        m["date"] = when_of(m["when"], f"{n}.{m['pos']}")
        if m["kind"] != "bounce":
            p = t["people"][m["who"]]
            m["from_name"], m["from_addr"], m["client"] = p["name"], p["addr"], p["client"]
            m["charset"] = p["charset"]
            m["to_name"], m["to_addr"] = OUR_NAME, MAILBOX     # when the mail is quoted
    by_pos = {m["pos"]: m for m in t["mails"]}
    for pos, a in t["answers"].items():
        q = by_pos[pos]
        a["pos"] = pos
        a["date"] = when_of(a["when"], f"a{n}.{pos}")
        a["id"] = answer_id(n, pos)
        a["text"] = a["body"] + "\n\n" + SIG[t["lang"]]
        a["from_name"], a["from_addr"] = OUR_NAME, MAILBOX
        a["to_name"], a["to_addr"] = q["from_name"], q["from_addr"]
    for m in t["mails"]:
        seed = file_name(t, m)[:-4]
        parent = None
        if m["parent"]:
            kind, k = m["parent"][0], int(m["parent"][1:])
            parent = t["answers"][k] if kind == "A" else by_pos[k]
        m["parent_obj"] = parent
        if m["kind"] == "bounce":
            m["id"] = (f"<{m['date'].strftime('%Y%m%d%H%M%S')}.{h(seed, 10).upper()}@"
                       f"{bounce_host(t, m)}>")
            m["refs"] = []
        else:
            m["id"] = mail_id(m["client"], m["from_addr"], seed, m["date"])
            m["refs"] = (parent["refs"] + [parent["id"]]) if parent else []
        if m["pos"] in t["answers"]:
            a = t["answers"][m["pos"]]
            a["refs"] = m["refs"] + [m["id"]]
        if m["subject"] is None:
            if m["pos"] == 1:
                m["subject"] = t["subject"]
            elif m["kind"] == "auto_reply":
                m["subject"] = AUTO_SYSTEMS[m["system"]]["prefix"] + parent["subject"]
            else:
                m["subject"] = client_reply_subject(m["client"], parent["subject"])
        if m["pos"] in t["answers"]:
            t["answers"][m["pos"]]["subject"] = our_subject(m["subject"])
    t["_resolved"] = True


def bounce_host(t: dict, m: dict) -> str:
    if m["system"] == "postfix_remote":
        answer = t["answers"][m["answer"]]
        return "mx01." + answer["to_addr"].rsplit("@", 1)[1]
    return "mail." + OUR_DOMAIN


# --------------------------------------------------------------------------
# Rendering the files
# --------------------------------------------------------------------------


def received(address: str, seed: str, when: datetime, client: str) -> str:
    dom = address.rsplit("@", 1)[1]
    qid = "4" + h("qid" + seed, 11).upper()
    stamp = format_datetime(when + timedelta(seconds=3))
    if client == "gmail":
        src = "mail-wr1-f41.google.example (mail-wr1-f41.google.example [198.51.100.41])"
    elif client == "outlook365":
        src = ("mail-fr2deu01on2107.outbound.protection.outlook.example "
               "(mail-fr2deu01on2107.outbound.protection.outlook.example [203.0.113.107])")
    else:
        ip = int(h("ip" + dom, 2), 16) % 200 + 20
        src = f"mx01.{dom} (mx01.{dom} [192.0.2.{ip}])"
    return (f"from {src}\n\tby mail.hsm.hessen.de (Postfix) with ESMTPS id {qid}\n"
            f"\tfor <{MAILBOX}>; {stamp}")


TO_STYLES = {
    "outlook365": f'"{MAILBOX}" <{MAILBOX}>',
    "exchange": f"Landesprogramm WIR <{MAILBOX}>",
    "outlook2010": f"<{MAILBOX}>",
    "gmail": f"Landesprogramm WIR <{MAILBOX}>",
    "applemail": f"Landesprogramm WIR <{MAILBOX}>",
}


def person_body(m: dict, seed: str) -> tuple[list, str]:
    client = m["client"]
    q = None
    if m["parent_obj"] is not None and m["kind"] != "auto_reply":
        q = quote_parts(client, m["lang"], m["parent_obj"])
    if m["kind"] == "auto_reply":
        return text_part(m["text"], cte=AUTO_SYSTEMS[m["system"]]["cte"])
    plain = plain_with_quote(m["text"], q)
    mime = CLIENTS[client]["mime"]
    if mime == "plain_qp":
        return text_part(plain, charset=m["charset"])
    if mime == "plain_flowed":
        return text_part(plain, cte="8bit", flowed=True)
    if mime == "plain_8bit":
        return text_part(plain, cte="8bit")
    if mime == "plain_b64":
        return text_part(plain, cte="base64")
    if mime == "html_notes":
        return text_part(notes_html(m["text"], q), subtype="html")
    if mime == "alt_outlook":
        boundary = f"_000_{h(seed, 24).upper()}_"
        rich = outlook_html(plain)
    elif mime == "alt_gmail":
        boundary = "000000000000" + h(seed, 16)
        rich = gmail_html(m["text"], q)
    elif mime == "alt_apple":
        boundary = f"Apple-Mail={h(seed, 8).upper()}-{h(seed + 'b', 4).upper()}"
        rich = apple_html(m["text"], q)
    else:
        raise ValueError(mime)
    return multipart("alternative", [text_part(plain), text_part(rich, subtype="html")],
                     boundary)


def answer_message(t: dict, a: dict) -> str:
    """Our answer as the assistant sends it (returned inside a bounce)."""
    lang = t["lang"]
    headers = [
        ("Return-Path", f"<{MAILBOX}>"),
        ("From", addr(OUR_NAME, MAILBOX)),
        ("To", addr(a["to_name"], a["to_addr"])),
        ("Subject", a["subject"]),
        ("Date", format_datetime(a["date"])),
        ("Message-ID", a["id"]),
        ("In-Reply-To", a["refs"][-1]),
        ("References", " ".join(a["refs"])),
        ("Content-Language", lang),
        ("X-Auto-Response-Suppress", "All"),
        ("MIME-Version", "1.0"),
    ]
    paragraphs = [p for p in a["text"].split("\n\n") if p.strip()]
    body = "\n".join("<p>" + "<br>\n".join(html.escape(x) for x in p.split("\n")) + "</p>"
                     for p in paragraphs)
    rich = (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"></head>\n'
            f"<body>\n{body}\n</body></html>\n")
    bh, bb = multipart("alternative", [text_part(a["text"]), text_part(rich, subtype="html")],
                       "===============" + str(int(h(a["id"], 12), 16)).zfill(19) + "==")
    return render_headers(headers + bh) + "\n" + bb


def bounce_body(t: dict, m: dict, seed: str) -> tuple[list, str]:
    a = t["answers"][m["answer"]]
    host = bounce_host(t, m)
    qid = h("bq" + seed, 11).upper()
    arrival = format_datetime(a["date"] + timedelta(seconds=2))
    rcpt = a["to_addr"]
    if m["system"] == "postfix_remote":
        reason = (f"<{rcpt}>: host mail.{rcpt.rsplit('@', 1)[1]}[private/dovecot-lmtp] said:\n"
                  f"    552 5.2.2 <{rcpt}> Quota exceeded (mailbox for user is full) (in\n"
                  "    reply to end of DATA command)")
        remote = f"mail.{rcpt.rsplit('@', 1)[1]}"
    else:
        ip = int(h("ip" + rcpt.rsplit("@", 1)[1], 2), 16) % 200 + 20
        reason = (f"<{rcpt}>: host mx01.{rcpt.rsplit('@', 1)[1]}[192.0.2.{ip}] said: 554\n"
                  f"    5.7.1 <{rcpt}>: Message rejected, classified as spam (in reply to\n"
                  "    end of DATA command)")
        remote = f"mx01.{rcpt.rsplit('@', 1)[1]}"
    notice = (f"This is the mail system at host {host}.\n\n"
              "I'm sorry to have to inform you that your message could not\n"
              "be delivered to one or more recipients. It's attached below.\n\n"
              "For further assistance, please send mail to postmaster.\n\n"
              "If you do so, please include this problem report. You can\n"
              "delete your own text from the attached returned message.\n\n"
              "                   The mail system\n\n" + reason + "\n")
    status = (f"Reporting-MTA: dns; {host}\n"
              f"X-Postfix-Queue-ID: {qid}\n"
              f"X-Postfix-Sender: rfc822; {MAILBOX}\n"
              f"Arrival-Date: {arrival}\n\n"
              f"Final-Recipient: rfc822; {rcpt}\n"
              f"Original-Recipient: rfc822;{rcpt}\n"
              "Action: failed\n"
              f"Status: {m['status']}\n"
              f"Remote-MTA: dns; {remote}\n"
              f"Diagnostic-Code: {m['diagnostic']}\n")
    parts = [([("Content-Description", "Notification"),
               ("Content-Type", "text/plain; charset=us-ascii")], notice),
             ([("Content-Description", "Delivery report"),
               ("Content-Type", "message/delivery-status")], status),
             ([("Content-Description", "Undelivered Message"),
               ("Content-Type", "message/rfc822")], answer_message(t, a))]
    boundary = f"{qid}.{int(m['date'].timestamp())}/{host}"
    return multipart("report", parts, boundary, params=" report-type=delivery-status;",
                     preamble="This is a MIME-encapsulated message.")


def build_message(t: dict, m: dict) -> bytes:
    seed = file_name(t, m)[:-4]
    headers: list[tuple[str, str]] = []
    if m["kind"] == "bounce":
        host = bounce_host(t, m)
        headers += [
            ("Return-Path", "<>"),
            ("Received", f"by {host} (Postfix)\n\tid {h('bq' + seed, 11).upper()}; "
                         f"{format_datetime(m['date'])}"),
            ("From", f"MAILER-DAEMON@{host} (Mail Delivery System)"),
            ("To", MAILBOX),
            ("Subject", m["subject"]),
            ("Date", format_datetime(m["date"])),
            ("Message-ID", m["id"]),
            ("Auto-Submitted", "auto-replied"),
            ("MIME-Version", "1.0"),
        ]
        bh, bb = bounce_body(t, m, seed)
        return (render_headers(headers + bh) + "\n" + bb).replace("\n", "\r\n").encode()

    client, charset = m["client"], m["charset"]
    headers.append(("Return-Path", f"<{m['from_addr']}>"))
    headers.append(("Received", received(m["from_addr"], seed, m["date"], client)))
    headers.append(("From", addr(m["from_name"], m["from_addr"], charset)))
    headers.append(("To", TO_STYLES.get(client, MAILBOX)))
    if m["cc"]:
        people = t["people"]
        headers.append(("Cc", ", ".join(addr(people[c]["name"], people[c]["addr"], charset)
                                        for c in m["cc"])))
    headers.append(("Subject", m["subject"]))
    if client in OUTLOOKS:
        headers.append(("Thread-Topic", topic_of_outlook(m["subject"])))
        headers.append(("Thread-Index", base64.b64encode(
            bytes.fromhex(h(f"ti{t['n']}", 44) + h(seed, 10 * (m["pos"] - 1)))).decode()))
    headers.append(("Date", format_datetime(m["date"])))
    headers.append(("Message-ID", m["id"]))
    if m["parent_obj"] is not None:
        headers.append(("In-Reply-To", m["parent_obj"]["id"]))
        headers.append(("References", "\n ".join(m["refs"]) if len(m["refs"]) > 1
                        else m["refs"][0]))
    if m["kind"] == "auto_reply":
        headers.extend(AUTO_SYSTEMS[m["system"]]["headers"])
    if client == "thunderbird" and m["pos"] == 1 and m["subject"].startswith("Fwd:"):
        fwd = mail_id("thunderbird", m["from_addr"], seed + "fwd", m["date"])
        headers.append(("X-Forwarded-Message-Id", fwd))
    headers.extend(CLIENTS[client]["headers"])
    if client in OUTLOOKS or client == "thunderbird":
        headers.append(("Content-Language", "en-GB" if m["lang"] == "en" else "de-DE"))
    headers.append(("MIME-Version", "1.0"))
    bh, bb = person_body(m, seed)
    text = render_headers(headers + bh, charset) + "\n" + bb
    return text.replace("\n", "\r\n").encode("utf-8")


def topic_of_outlook(subject: str) -> str:
    return re.sub(r"^(?:(?:AW|RE|WG|Re|Fwd)\s*:\s*)+", "", subject)


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------


def verdict(pop, state) -> str:
    if state is not None and state != "Hessen":
        return "not_eligible"
    if pop is None:
        return "unknown"
    return "eligible" if pop < 50000 else "not_eligible"


def labels_of(t: dict) -> list[dict]:
    out, pop, state = [], None, None
    for m in t["mails"]:
        if m["population"] is not None:
            pop = m["population"]
        if m["state"] is not None:
            state = m["state"]
        client = CLIENTS[m["client"]]["desc"] if m["kind"] != "bounce" else ""
        if m["kind"] == "auto_reply":
            client = AUTO_SYSTEMS[m["system"]]["desc"]
        notes = m["notes"] + (f" [{client}]" if client else "")
        out.append({
            "file": file_name(t, m),
            "kind": m["kind"],
            "intents": list(m["intents"]),
            "population": m["population"],
            "amount_eur": m["amount_eur"],
            "state": m["state"],
            "eligibility": m["eligibility"],
            "language": m["lang"],
            "notes": notes,
            "thread": f"{t['n']:02d}",
            "position": m["pos"],
            "needs_reply": m["kind"] == "inquiry",
            "thread_population": pop,
            "thread_state": state,
            "thread_eligibility": verdict(pop, state),
        })
    return out


def build() -> None:
    MAILDIR.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for t in THREADS:
        resolve(t)
        for m in t["mails"]:
            wanted.add(file_name(t, m))
            (MAILDIR / file_name(t, m)).write_bytes(build_message(t, m))
    for old in MAILDIR.glob(f"{PREFIX}-*.eml"):
        if old.name not in wanted:
            old.unlink()
    with LABELS.open("w", encoding="utf-8", newline="\n") as fh:
        for t in THREADS:
            for lab in labels_of(t):
                fh.write(json.dumps(lab, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

NUMBER_RE = re.compile(r"\d+(?:[.,]\d{3})*")
DATE_RE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
THANKS = ("dank", "thank", "danke", "dange")
EXPECTED_KINDS = {"inquiry": 61, "acknowledgement": 12, "auto_reply": 5, "bounce": 2}
N_THREADS, N_MAILS, N_ENGLISH = 30, 80, 12


def numbers_in(text: str) -> set[int]:
    return {int(re.sub(r"[.,]", "", x)) for x in NUMBER_RE.findall(text)}


def number_of(words: str) -> int | None:
    """The number an evidence phrase states (Stand-dates are no numbers)."""
    words = DATE_RE.sub(" ", words)
    m = re.search(r"\d{1,3}(?:[.,]\d{3})+|\d+", words)
    return int(re.sub(r"[.,]", "", m.group(0))) if m else None


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


def unquoted(text: str) -> str:
    return norm(re.sub(r"(?m)^(?:> ?)+", "", text))


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
        for name in part:
            try:
                hv = part[name]
            except Exception as exc:          # noqa: BLE001
                errors.append(f"{where}: header {name} unreadable: {exc}")
                continue
            if getattr(hv, "defects", None):
                errors.append(f"{where}: header {name} defects {hv.defects}")
        if part.get_content_maintype() == "text":
            try:
                part.get_content()
            except Exception as exc:          # noqa: BLE001
                errors.append(f"{where}: text part does not decode: {exc}")
    if MAILBOX.lower() not in str(msg["To"]).lower():
        errors.append(f"{where}: To is not the programme mailbox")
    d = parsedate_to_datetime(str(msg["Date"]))
    if (d.year, d.month) not in ((2026, 11), (2026, 12)):
        errors.append(f"{where}: Date not in November or December 2026")
    mid = str(msg["Message-ID"] or "")
    if not (mid.startswith("<") and mid.endswith(">") and "@" in mid):
        errors.append(f"{where}: bad Message-ID")
    if mid in ids:
        errors.append(f"{where}: duplicate Message-ID")
    ids.add(mid)
    return msg


def check_label(lab: dict, errors: list[str]) -> None:
    where = lab.get("file", "?")
    if list(lab) != LABEL_KEYS:
        errors.append(f"{where}: keys {list(lab)}")
        return
    kind, intents = lab["kind"], lab["intents"]
    if kind not in KINDS:
        errors.append(f"{where}: bad kind {kind}")
    if not isinstance(intents, list) or intents != sorted(set(intents)):
        errors.append(f"{where}: intents not a sorted unique list")
    if any(x not in INTENTS for x in intents):
        errors.append(f"{where}: unknown intent in {intents}")
    if (kind == "inquiry") != bool(intents):
        errors.append(f"{where}: intents must be non-empty exactly for inquiries")
    for key in ("population", "amount_eur", "thread_population"):
        v = lab[key]
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v <= 0):
            errors.append(f"{where}: bad {key} {v!r}")
    for key in ("state", "thread_state"):
        if lab[key] is not None and lab[key] not in STATES:
            errors.append(f"{where}: bad {key} {lab[key]!r}")
    if kind == "inquiry":
        exp = verdict(lab["population"], lab["state"])
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
    if lab["needs_reply"] is not (kind == "inquiry"):
        errors.append(f"{where}: needs_reply must be true exactly for inquiries")
    if lab["thread_eligibility"] not in ELIGIBILITY:
        errors.append(f"{where}: thread_eligibility must be one of {ELIGIBILITY}")
    if lab["file"] != f"{PREFIX}-{lab['thread']}-{lab['position']}.eml":
        errors.append(f"{where}: file name does not match thread and position")


def recompute_thread_keys(labels: list[dict], errors: list[str]) -> None:
    """thread_* from the per-mail labels alone, as the threads README defines them."""
    pop = state = None
    current = None
    for lab in labels:
        if lab["thread"] != current:
            current, pop, state, expected_pos = lab["thread"], None, None, 1
        if lab["position"] != expected_pos:
            errors.append(f"{lab['file']}: position {lab['position']}, expected {expected_pos}")
        expected_pos += 1
        if lab["population"] is not None:
            pop = lab["population"]
        if lab["state"] is not None:
            if state is not None and lab["state"] != state:
                errors.append(f"{lab['file']}: the thread contradicts its own state")
            state = lab["state"]
        want = (pop, state, verdict(pop, state))
        got = (lab["thread_population"], lab["thread_state"], lab["thread_eligibility"])
        if got != want:
            errors.append(f"{lab['file']}: thread keys {got}, recomputed {want}")


def check_towns(errors: list[str]) -> str:
    if not MUNICIPALITIES_CSV.exists():
        errors.append(f"{MUNICIPALITIES_CSV} not found: town names cannot be checked")
        return ""
    real, districts = set(), {}
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            real.add(row["name"].strip().lower())
            real.add(row["official_name"].split(",")[0].strip().lower())
            districts[row["district"]] = row["state"]
    for town in TOWNS:
        if town.lower() in real:
            errors.append(f"town {town} is a real municipality")
    for district, state in DISTRICTS.items():
        official = district if district in districts else "Landkreis " + \
            district.removeprefix("Kreis ")
        if districts.get(official) != state:
            errors.append(f"district {district}: the register says {districts.get(official)}")
    return (f"{len(TOWNS)} town names checked against {MUNICIPALITIES_CSV.name}: none is "
            f"real; {len(DISTRICTS)} districts match their state there")


def check_evidence(t: dict, m: dict, lab: dict, text: str, errors: list[str]) -> None:
    where = lab["file"]
    new = norm(m["text"])
    if m["kind"] != "bounce" and new not in norm(text):
        errors.append(f"{where}: the new text is not in the readable body")
    for key in ("population", "amount_eur", "state"):
        value, words = lab[key], m["ev"].get(key)
        if (value is None) != (words is None):
            errors.append(f"{where}: {key}={value!r} but evidence {words!r}")
            continue
        if words is None:
            continue
        if norm(words) not in new:
            errors.append(f"{where}: evidence {words!r} not in the new text")
        if key == "state":
            named = {s for s, forms in STATE_WORDS.items()
                     if any(f.lower() in words.lower() for f in forms)}
            named |= {s for d, s in DISTRICTS.items() if d.lower() in norm(words).lower()}
            if value not in named:
                errors.append(f"{where}: evidence {words!r} does not give {value}")
        elif number_of(words) != value:
            errors.append(f"{where}: evidence {words!r} gives {number_of(words)}, "
                          f"label {value}")
    for dcy in m["decoys"]:
        if norm(dcy) not in new:
            errors.append(f"{where}: decoy {dcy!r} not in the new text")
        v = number_of(dcy)
        if v is not None and v in (lab["population"], lab["amount_eur"]) and \
                m["kind"] == "inquiry":
            errors.append(f"{where}: decoy {dcy!r} equals a labelled fact")


def message_ids(value) -> list[str]:
    return re.findall(r"<[^<>]+>", str(value or ""))


def validate() -> tuple[list[str], str]:
    errors: list[str] = []
    for t in THREADS:
        resolve(t)
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    expected = [lab for t in THREADS for lab in labels_of(t)]
    if labels != expected:
        errors.append("labels.jsonl differs from the conversation data")
    for lab in labels:
        check_label(lab, errors)
    recompute_thread_keys(labels, errors)
    by_file = {lab["file"]: lab for lab in labels}
    town_note = check_towns(errors)

    press = numbers_in(PRESS_RELEASE.read_text("utf-8")) if PRESS_RELEASE.exists() else set()
    if not PRESS_NUMBERS <= press:
        errors.append(f"numbers {sorted(PRESS_NUMBERS - press)} are not in the press release")

    ids: set[str] = set()
    all_text = []
    tags: dict[str, set[int]] = {}
    counts = {"ask_assistant": 0, "ask_own": 0}
    for t in THREADS:
        n, mails, answers = t["n"], t["mails"], t["answers"]
        if [m["pos"] for m in mails] != list(range(1, len(mails) + 1)):
            errors.append(f"thread {n}: positions not 1..{len(mails)}")
        if n != THREADS.index(t) + 1:
            errors.append(f"thread {n}: out of order")
        if not 2 <= len(mails) <= 4:
            errors.append(f"thread {n}: {len(mails)} mails")
        msgs, texts = {}, {}
        for m in mails:
            fn = file_name(t, m)
            path = MAILDIR / fn
            if not path.exists():
                errors.append(f"{fn}: file missing")
                continue
            msg = check_file(path, fn, ids, errors)
            msgs[m["pos"]], texts[m["pos"]] = msg, readable(msg)
            all_text.append(texts[m["pos"]] + " " + str(msg["From"]))
            if str(msg["Message-ID"]) != m["id"]:
                errors.append(f"{fn}: Message-ID differs from the data")
            check_evidence(t, m, by_file[fn], texts[m["pos"]], errors)
            if m["kind"] in ("auto_reply", "bounce") and "Synthetic" not in m["notes"]:
                errors.append(f"{fn}: notes must mark it synthetic")
        if len(msgs) != len(mails):
            continue
        labs = [by_file[file_name(t, m)] for m in mails]
        last = labs[-1]
        if (last["thread_population"], last["thread_state"],
                last["thread_eligibility"]) != t["expect"]:
            errors.append(f"thread {n}: ends with {last['thread_population']}, "
                          f"{last['thread_state']}, {last['thread_eligibility']}, expected "
                          f"{t['expect']}")

        # ---- dates ----
        dates = [m["date"] for m in mails]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            errors.append(f"thread {n}: dates do not increase")
        for m in mails:
            if m["kind"] in ("inquiry", "acknowledgement") and m["date"].weekday() > 4:
                errors.append(f"{file_name(t, m)}: written on a weekend")
        for pos, a in answers.items():
            if a["date"].weekday() > 4:
                errors.append(f"thread {n}: our answer {pos} dated on a weekend")
            if not a["date"] > mails[pos - 1]["date"]:
                errors.append(f"thread {n}: answer {pos} not after the mail it answers")
            later = [m for m in mails if m["parent_obj"] is a or
                     (m["kind"] == "bounce" and m["answer"] == pos)]
            if not later:
                errors.append(f"thread {n}: answer {pos} is referred to by no file")
            for m in later:
                if not m["date"] > a["date"]:
                    errors.append(f"{file_name(t, m)}: dated before the answer it refers to")
                if m["kind"] in ("auto_reply", "bounce") and \
                        m["date"] - a["date"] > timedelta(minutes=5):
                    errors.append(f"{file_name(t, m)}: not within minutes of our answer")
            if mails[pos - 1]["kind"] != "inquiry":
                errors.append(f"thread {n}: answer to position {pos}, which needs none")

        # ---- Message-ID chains ----
        known = {m["id"]: m for m in mails}
        known.update({a["id"]: a for a in answers.values()})
        for m in mails:
            fn, msg = file_name(t, m), msgs[m["pos"]]
            irt, refs = message_ids(msg["In-Reply-To"]), message_ids(msg["References"])
            if m["pos"] == 1 or m["kind"] == "bounce":
                if irt or refs:
                    errors.append(f"{fn}: must have neither In-Reply-To nor References")
                continue
            if len(irt) != 1 or irt[0] not in known:
                errors.append(f"{fn}: In-Reply-To {irt} is not one mail of this thread")
                continue
            parent = known[irt[0]]
            if parent["date"] >= m["date"]:
                errors.append(f"{fn}: replies to a later mail")
            if refs != parent["refs"] + [parent["id"]]:
                errors.append(f"{fn}: References are not the parent's plus the parent")
            if parent in mails and parent.get("from_addr") != m["from_addr"]:
                errors.append(f"{fn}: replies to somebody else's mail")
            if m["kind"] == "auto_reply" and parent not in answers.values():
                errors.append(f"{fn}: an auto-reply must answer our answer")
            if (m["kind"] in ("inquiry", "acknowledgement") and parent in answers.values()
                    and norm(unquoted(parent["text"])) not in unquoted(texts[m["pos"]])):
                errors.append(f"{fn}: does not really quote our answer")
        for pos, a in answers.items():
            q = mails[pos - 1]
            if a["refs"] != q["refs"] + [q["id"]]:
                errors.append(f"thread {n}: answer {pos} References inconsistent")
        for m in mails:
            if m["kind"] != "bounce":
                continue
            fn, msg = file_name(t, m), msgs[m["pos"]]
            returned = [p for p in msg.walk() if p.get_content_type() == "message/rfc822"]
            if msg.get_content_type() != "multipart/report" or len(returned) != 1:
                errors.append(f"{fn}: not a multipart/report with one returned message")
                continue
            inner = returned[0].get_payload()[0]
            a = answers[m["answer"]]
            if str(inner["Message-ID"]) != a["id"] or \
                    message_ids(inner["In-Reply-To"]) != [mails[m["answer"] - 1]["id"]]:
                errors.append(f"{fn}: the returned message is not our answer")
            if norm(a["text"]) not in norm(readable(inner)):
                errors.append(f"{fn}: the returned answer's text differs")
            actions = [str(b.get("Action", "")) for p in msg.walk()
                       if p.get_content_type() == "message/delivery-status"
                       for b in p.get_payload()]
            if "failed" not in actions:
                errors.append(f"{fn}: no failed action in the delivery status")
        # every inquiry but the last is answered (possibly bounced) or superseded
        for m in mails[:-1]:
            if m["kind"] != "inquiry" or m["pos"] in answers:
                continue
            if not any(x["parent"] == f"M{m['pos']}" and "nachtrag" in x["pat"]
                       for x in mails):
                errors.append(f"{file_name(t, m)}: inquiry neither answered nor superseded")
        if mails[-1]["pos"] in answers:
            errors.append(f"thread {n}: the last mail must not have an answer")

        # ---- subjects and senders ----
        topics = {topic(m["subject"]) for m in mails if m["kind"] != "bounce"}
        topics |= {topic(a["subject"]) for a in answers.values()}
        if len(topics) != 1:
            errors.append(f"thread {n}: subjects change topic: {sorted(topics)}")
        for m in mails[1:]:
            if m["kind"] != "bounce" and topic(m["subject"]) == m["subject"].casefold():
                errors.append(f"{file_name(t, m)}: follow-up without a prefix")
        domains = {m["from_addr"].rsplit("@", 1)[1] for m in mails if m["kind"] != "bounce"}
        if len(domains) != 1:
            errors.append(f"thread {n}: senders of several domains {sorted(domains)}")
        if any(m["lang"] != t["lang"] for m in mails if m["kind"] != "bounce"):
            errors.append(f"thread {n}: a person's mail in another language")

        # ---- our answers: press-release facts and the town's own figures only ----
        own: set[int] = set()              # the town's figures up to the answered mail
        for m in mails:
            own |= numbers_in(m["text"])
            if m["pos"] in answers:
                stray = numbers_in(answers[m["pos"]]["text"]) - PRESS_NUMBERS - own
                if stray:
                    errors.append(f"thread {n}: answer {m['pos']} states numbers "
                                  f"{sorted(stray)} of no press release or town figure")
        for pos, a in answers.items():
            phrase = ASK_POPULATION[t["lang"]]
            has_phrase = norm(phrase) in norm(a["text"])
            if a["asks"]:
                if has_phrase:
                    counts["ask_assistant"] += 1
                elif "?" in a["text"]:
                    counts["ask_own"] += 1
                else:
                    errors.append(f"thread {n}: answer {pos} asks for nothing recognisable")
            elif has_phrase or "?" in a["body"]:
                errors.append(f"thread {n}: answer {pos} asks something but asks=()")

        # ---- patterns, checked where they are tagged ----
        seen_intents: set[str] = set()
        for m, lab in zip(mails, labs, strict=True):
            fn = file_name(t, m)
            parent = m["parent_obj"]
            p_answer = parent if parent in answers.values() else None
            prev = labs[m["pos"] - 2] if m["pos"] > 1 else None
            for tag in m["pat"]:
                tags.setdefault(tag, set()).add(n)
                ok = True
                if tag == "a":
                    ok = (lab["intents"] == ["eligibility"] and lab["population"] is not None
                          and p_answer is not None and "population" in p_answer["asks"])
                elif tag == "b":
                    ok = (lab["kind"] == "inquiry" and lab["state"] is not None
                          and lab["population"] is None and p_answer is not None
                          and bool(p_answer["asks"]))
                elif tag == "c":
                    ok = (lab["kind"] == "inquiry" and parent is not None
                          and bool(set(lab["intents"]) - seen_intents))
                elif tag == "d":
                    ok = lab["kind"] == "acknowledgement" and p_answer is not None
                elif tag == "e":
                    low = m["text"].lower()
                    first_q = low.find("?")
                    thanks = min((low.find(w) for w in THANKS if w in low), default=-1)
                    ok = (lab["kind"] == "inquiry" and p_answer is not None
                          and 0 <= thanks < first_q)
                elif tag == "f":
                    autos = [x for x in mails if x["kind"] == "auto_reply"
                             and x["parent_obj"] is p_answer and "f" in x["pat"]]
                    if m["kind"] == "auto_reply":
                        ok = any(x["parent_obj"] is p_answer and x["kind"] != "auto_reply"
                                 and x["date"] - m["date"] >= timedelta(days=5)
                                 for x in mails)
                    else:
                        ok = bool(autos) and all(m["date"] - x["date"] >= timedelta(days=5)
                                                 for x in autos)
                elif tag == "g":
                    ok = (m["from_addr"] != mails[0]["from_addr"]
                          and m["from_addr"].rsplit("@", 1)[1]
                          == mails[0]["from_addr"].rsplit("@", 1)[1])
                elif tag == "h":
                    old = prev["thread_population"] if prev else None
                    ok = (lab["population"] is not None and old is not None
                          and prev["thread_eligibility"] != lab["thread_eligibility"]
                          and f"nicht {old:,}".replace(",", ".") in norm(m["text"]))
                    tags.setdefault("h:" + prev["thread_eligibility"] + ">"
                                    + lab["thread_eligibility"], set()).add(n)
                elif tag == "j":
                    low = norm(m["text"]).lower()
                    ok = (m["pos"] == 1 and re.match(r"^(WG|Fwd):", m["subject"]) is not None
                          and "bitte um beantwortung" in low
                          and ("betreff:" in low and "von:" in low))
                elif tag == "popq":
                    ok = ("eligibility" in lab["intents"] and len(lab["intents"]) > 1
                          and lab["population"] is not None and p_answer is not None
                          and "population" in p_answer["asks"])
                elif tag == "context":
                    ok = (lab["kind"] == "inquiry" and lab["population"] is not None
                          and "eligibility" not in lab["intents"] and p_answer is not None
                          and not p_answer["asks"])
                elif tag == "ackpop":
                    ok = (lab["kind"] == "acknowledgement" and prev is not None
                          and prev["thread_population"] in numbers_in(m["text"]))
                elif tag == "nachtrag":
                    k = int(m["parent"][1:]) if m["parent"] and m["parent"][0] == "M" else 0
                    ok = (k > 0 and k not in answers and "nachtrag" in m["text"].lower())
                elif tag == "resend":
                    k = int(m["parent"][1:]) if m["parent"] and m["parent"][0] == "M" else 0
                    ok = any(x["kind"] == "bounce" and x["answer"] == k for x in mails)
                elif tag == "outside":
                    ok = lab["thread_state"] not in (None, "Hessen") and \
                        lab["thread_eligibility"] == "not_eligible"
                elif tag == "ps":
                    ok = re.search(r"\nPS:[^\n]*\?", m["text"]) is not None
                elif tag == "ticket":
                    ok = m["kind"] == "auto_reply" and "[Ticket#" in m["subject"]
                elif tag == "bounce":
                    ok = m["kind"] == "bounce"
                elif tag == "dialect":
                    ok = m["text"] != m["text"].replace("mer ", "").replace("mir ", "")
                else:
                    errors.append(f"{fn}: unknown pattern tag {tag}")
                if not ok:
                    errors.append(f"{fn}: pattern ({tag}) not shown")
            seen_intents |= set(lab["intents"])
        if t["lang"] == "en":
            tags.setdefault("i", set()).add(n)

    # ---- coverage of the patterns and the mix ----
    for tag in "abcdefghij":
        if len(tags.get(tag, ())) < 2:
            errors.append(f"pattern ({tag}) in fewer than two threads")
    for tag in ("h:eligible>not_eligible", "h:not_eligible>eligible", "popq", "context",
                "ackpop", "nachtrag", "resend", "outside", "ps", "dialect", "ticket"):
        if not tags.get(tag):
            errors.append(f"no thread shows {tag}")
    if counts["ask_assistant"] != counts["ask_own"] or counts["ask_assistant"] < 5:
        errors.append(f"answers asking for the population: {counts['ask_assistant']} in the "
                      f"assistant's wording, {counts['ask_own']} in own words (want halves)")
    if not any("mir sin 4300 leut" in x for x in all_text):
        errors.append("no 'mir sin 4300 leut'")
    if not any("Ortsgemeinde" in m["text"] and t["expect"][1] == "Rheinland-Pfalz"
               for t in THREADS for m in t["mails"]):
        errors.append("no Ortsgemeinde outside Hessen")
    if len(THREADS) != N_THREADS or len(labels) != N_MAILS:
        errors.append(f"{len(THREADS)} threads, {len(labels)} mails; expected "
                      f"{N_THREADS} and {N_MAILS}")
    for kind, want in EXPECTED_KINDS.items():
        got = sum(lab["kind"] == kind for lab in labels)
        if got != want:
            errors.append(f"{kind}: {got} mails, expected {want}")
    en = sum(lab["language"] == "en" for lab in labels)
    if en != N_ENGLISH:
        errors.append(f"{en} English mails, expected {N_ENGLISH}")
    for intent in INTENTS:
        c = sum(intent in lab["intents"] for lab in labels)
        if c < 2:
            errors.append(f"intent {intent} used {c} times")
    joined = " ".join(all_text).lower()
    for town in TOWNS:
        if town.lower() not in joined:
            errors.append(f"town {town} listed in TOWNS but not used")
    return errors, town_note


# --------------------------------------------------------------------------
# Summary (the figures of README.md)
# --------------------------------------------------------------------------


def summary() -> str:
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    out = ["kinds:"]
    for k in KINDS:
        ks = [lab for lab in labels if lab["kind"] == k]
        out.append(f"  {k:16} {len(ks):3}  (de={sum(x['language'] == 'de' for x in ks)}, "
                   f"en={sum(x['language'] == 'en' for x in ks)})")
    inq = [lab for lab in labels if lab["kind"] == "inquiry"]
    out.append(f"multi-intent inquiries: {sum(len(x['intents']) > 1 for x in inq)}")
    out.append("intents:")
    for i in sorted(INTENTS, key=lambda i: -sum(i in x["intents"] for x in labels)):
        out.append(f"  {i:20} {sum(i in x['intents'] for x in labels)}")
    out.append("per-mail eligibility (inquiries): " + ", ".join(
        f"{e}={sum(x['eligibility'] == e for x in inq)}" for e in ELIGIBILITY))
    out.append("thread_eligibility (all mails): " + ", ".join(
        f"{e}={sum(x['thread_eligibility'] == e for x in labels)}" for e in ELIGIBILITY))
    sizes = [len(t["mails"]) for t in THREADS]
    out.append("threads by size: " + ", ".join(f"{k} mails: {sizes.count(k)}"
                                               for k in (2, 3, 4)))
    out.append("conversations:")
    short = {"inquiry": "Q", "acknowledgement": "ack", "auto_reply": "auto",
             "bounce": "bounce"}
    for t in THREADS:
        pats = []
        for m in t["mails"]:
            for p in m["pat"]:
                if p not in pats:
                    pats.append(p)
        if t["lang"] == "en":
            pats.append("i")
        pop, state, elig = t["expect"]
        clients = sorted({CLIENTS[p["client"]]["desc"].split(",")[0]
                          for p in t["people"].values()})
        out.append(f"| {t['n']:02d} | {t['town']} | {', '.join(pats)} | "
                   + " → ".join(short[m["kind"]] for m in t["mails"])
                   + f" | {pop} / {state} / {elig} | {t['lang']} | {'; '.join(clients)} |")
    return "\n".join(out)


if __name__ == "__main__":
    build()
    problems, note = validate()
    if problems:
        print("VALIDATION FAILED:", *problems, sep="\n  ")
        sys.exit(1)
    print(f"wrote {sum(len(t['mails']) for t in THREADS)} mails in {len(THREADS)} "
          f"conversations to {MAILDIR} and {LABELS.name}; all checks passed")
    print(note)
    print(summary())
