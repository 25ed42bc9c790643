"""Whom the reply greets: a person's name, and "Frau"/"Herr" only when the mail says which.

The name comes from the signature (the line after "Mit freundlichen Grüßen", "Gruß",
"Kind regards" …, or the closing line itself: "Gruß Bernd Hagen") or from the sender's display
name, and only when it is a person's name: two to five capitalised words, a title such as
"Dr." kept, "i. A." dropped — never an office or a town ("Hauptamt Musterdorf", "Gemeinde …",
"Info", "Rathaus", "Team …", "Bürgerservice …"). Signature and display name are merged when
they name the same person ("R. Lenz" signs, "Rainer Lenz" sends); a first name alone
("Gruß Bernd") is too familiar to greet with.

The form of address is used only when the mail states it or makes it unambiguous: "Frau" or
"Herr" before the surname anywhere in the mail (also "Hallo Frau Vollmer" in a forwarded
mail), or the person's function at the start of a signature line or after "ich bin":
"Bürgermeisterin", "Leiterin der Stabsstelle", "Integrationsbeauftragte" (Frau); "Erster
Bürgermeister", "Gemeindedirektor", "Beigeordneter" (Herr). "Vorzimmer Bürgermeister" is an
office, not the writer's function. With both kinds of cue, or none, the full name is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.values import Mail

FEMALE, MALE = "female", "male"

# Words that make a display name or signature line an office, a place or a function, not a
# person: whole words, or the end of a compound ("Hauptamt", "Bürgerbüro", "Stadtverwaltung").
_OFFICE_END = re.compile(
    r"(?:amt|ämter|aemter|verwaltung|büro|buero|stelle|kasse|kämmerei|kaemmerei|zentrale|service|"
    r"team|rathaus|gemeinde|stadt|kreis|magistrat|referat|abteilung|bereich|dienst|dienste|"
    r"sekretariat|vorstand|vorzimmer|kanzlei|info|infos|kontakt|poststelle|integration|"
    r"management|koordination|leitung|hall|office|council|department|municipality|town|city|"
    r"village|county|district|mailbox|postfach|redaktion)$", re.IGNORECASE)
_OFFICE_WORD = re.compile(
    r"^(?:info|mail|admin|noreply|no-reply|postmaster|mailer-daemon|daemon|system|support|"
    r"kommune|verein|landkreis|der|die|das|des|den|the|of|for|und|and|für|fuer|e\.\s*v\.|ev|"
    r"gmbh|ag|mbh)$", re.IGNORECASE)
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "vom", "zur", "ten", "ter", "da",
                        "di", "del", "della", "le", "la", "al", "el", "bin", "ibn", "dos", "du"})
_TITLE = re.compile(r"^(?:Prof\.?\s*Dr\.?|Dr\.?\s*Dr\.?|Dr\.?|Prof\.?)(?:\s+|$)")
_DROPPED_PREFIX = re.compile(
    r"^(?:i\.\s*A\.|i\.\s*V\.|im\s+Auftrag|in\s+Vertretung|gez\.|per\s+pro|p\.\s*p\.)\s*",
    re.IGNORECASE)
_STATED_FORM = re.compile(r"^(?P<form>Frau|Herrn?|Mrs?\.?|Ms\.?|Miss)\s+", re.IGNORECASE)
# A closing line ("Mit freundlichen Grüßen", "Gruß Bernd Hagen", "Best regards from X"): a short
# line with one of these words; a name may follow the last of them on the same line.
_CLOSING_WORD = re.compile(
    r"\b(?:gr(?:ü|ue)(?:ß|ss)(?:e|en|le)?|gru(?:ß|ss)|regards|wishes|cheers|thanks|thank\s+you|"
    r"danke|dank|mfg|lg|vg|bg|best|merci|servus|sincerely|yours|ciao|tsch(?:ü|ue)ss)\b[\s,.!]*",
    re.IGNORECASE)
_FROM_PLACE = re.compile(r"^(?:aus|from|vom|von)\s+\S+[\s,.!]*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*\.?$")
_SEGMENT = re.compile(r"\s+[–—|/-]\s+|,\s*|\s*\|\s*")
# A function at the start of a signature segment, or after "ich bin": its grammatical gender.
_ROLE = (r"(?:(?:erste[rn]?|1\.|zweite[rn]?|2\.|stellv\.|stellvertretende[rn]?|"
         r"ehrenamtliche[rn]?|hauptamtliche[rn]?)\s+)?(?P<role>[^\W\d_]+)")
_FEMALE_ROLE = re.compile(
    r"(?:meisterin|vorsteherin|leiterin|referentin|bearbeiterin|koordinatorin|managerin|"
    r"mitarbeiterin|assistentin|direktorin|präsidentin|praesidentin|landrätin|landraetin|"
    r"stadträtin|stadtraetin|kämmerin|kaemmerin|vertreterin|sprecherin|beraterin|"
    r"beauftragte|beigeordnete|auszubildende|vorsitzende|angestellte)$", re.IGNORECASE)
_MALE_ROLE = re.compile(
    r"(?:meister|vorsteher|leiter|referent|bearbeiter|koordinator|manager|mitarbeiter|"
    r"assistent|direktor|präsident|praesident|landrat|stadtrat|kämmerer|kaemmerer|vertreter|"
    r"sprecher|berater|beauftragter|beigeordneter|auszubildender|vorsitzender|angestellter)$",
    re.IGNORECASE)
# "Frau", "Herr", "Ms" … right before a surname ("Hallo Frau Dr. Vollmer").
_FORM_BEFORE = re.compile(r"\b(Frau|Herrn?|Mrs?\.?|Ms\.?|Miss)\s+(?:(?:Dr|Prof)\.\s+)*$")
_I_AM = re.compile(rf"\b(?:ich\s+bin|ich\s+arbeite\s+als|mich\s+als|ich\s+als)\s+"
                   rf"(?:(?:der|die)\s+)?{_ROLE}", re.IGNORECASE)
# A word of a name that is a function, not a name ("Bürgermeister Musterdorf", "Mayor Smith").
_ROLE_WORD = re.compile(
    r"^(?:\w*b(?:ü|ue)rgermeister(?:in)?|\w*vorsteher(?:in)?|landr(?:a|ä|ae)t(?:in)?|"
    r"\w*beauftragter?|beigeordneter?|sachbearbeiter(?:in)?|\w+leiter(?:in)?|leiterin|"
    r"referent(?:in)?|koordinator(?:in)?|mayor|officer|coordinator|manager|head|intern|deputy|"
    r"director|clerk)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Person:
    """A person to greet: the name as written (with title), and the form of address if known."""

    name: str
    surname: str
    title: str = ""
    salutation: str | None = None  # FEMALE, MALE or None

    def frame_values(self) -> dict[str, str | None]:
        """The variables of the reply frame's greeting."""
        return {"name": self.name, "surname": self.surname, "title": self.title,
                "salutation": self.salutation}


NOBODY: dict[str, str | None] = {"name": None, "surname": None, "title": "", "salutation": None}


def _split_title(text: str) -> tuple[str, str]:
    match = _TITLE.match(text)
    if not match:
        return "", text
    title = " ".join(w if w.endswith(".") else f"{w}." for w in
                     match.group(0).replace(".", ". ").split())
    return title, text[match.end():]


def person_name(text: str) -> tuple[str, str, str, str | None] | None:
    """(name as written, surname, title, stated form) when ``text`` is a person's name."""
    name = " ".join(text.replace('"', " ").split())
    if not name or "@" in name:
        return None
    paren_title = re.findall(r"\((Prof\.?\s*Dr\.|Dr\.|Prof\.)\)", name)
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    name = _DROPPED_PREFIX.sub("", name)
    form_match = _STATED_FORM.match(name)
    form = None
    if form_match:
        word = form_match.group("form").lower().rstrip(".")
        form = FEMALE if word in ("frau", "mrs", "ms", "miss") else MALE
        name = name[form_match.end():]
    if name.count(",") == 1:
        last, _, first = (part.strip() for part in name.partition(","))
        last_title, last = _split_title(last)
        first_title, first = _split_title(first)
        name = " ".join(filter(None, (last_title or first_title, first, last)))
    title, rest = _split_title(name)
    title = title or (paren_title[0] if paren_title else "")
    words = rest.split()
    if not 2 <= len(words) <= 5:
        return None
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if (not _NAME_WORD.match(word) or not word[0].isupper() or _OFFICE_WORD.match(word)
                or _OFFICE_END.search(word.rstrip(".")) or _ROLE_WORD.match(word)):
            return None
    surname = words[-1]
    if surname.endswith(".") or len(surname) < 2 or words[0].lower() in _PARTICLES:
        return None
    return " ".join(filter(None, (title, *words))), surname, title, form


def _signature_lines(mail: Mail) -> list[tuple[str, list[str]]]:
    """(candidate name line, the lines after it), from the closing line of the signature or of
    the end of the new text on."""
    for lines in (mail.signature.splitlines(), mail.new_text.splitlines()[-8:]):
        lines = [line.strip() for line in lines if line.strip()]
        # The last closing line: "Danke für die Antwort." may stand above "Viele Grüße".
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            closings = list(_CLOSING_WORD.finditer(line)) if len(line.split()) <= 7 else []
            if not closings and line != "--":
                continue
            rest = _FROM_PLACE.sub("", line[closings[-1].end():]).strip(" ,") if closings else ""
            following = lines[index + 1:index + 5]
            found = [(rest, following)] if rest else []
            for offset, candidate in enumerate(following[:3]):
                if not _DROPPED_PREFIX.sub("", candidate).strip():
                    continue  # "Im Auftrag" on a line of its own
                found.append((candidate, following[offset + 1:]))
            return found
    return []


def _role_gender(role: str) -> str | None:
    if _FEMALE_ROLE.search(role):
        return FEMALE
    if _MALE_ROLE.search(role):
        return MALE
    return None


def _cues(mail: Mail, surname: str, after_name: list[str]) -> set[str]:
    cues: set[str] = set()
    everything = mail.text + "\n" + mail.signature
    at = everything.find(surname)
    while at >= 0:
        end = at + len(surname)
        form = _FORM_BEFORE.search(everything[max(0, at - 24):at])
        if form and not everything[end:end + 1].isalnum():
            cues.add(FEMALE if form.group(1).lower().rstrip(".") in ("frau", "mrs", "ms", "miss")
                     else MALE)
        at = everything.find(surname, end)
    for line in after_name[:3]:
        for segment in _SEGMENT.split(line):
            match = re.match(_ROLE, segment.strip(), re.IGNORECASE)
            gender = _role_gender(match.group("role")) if match else None
            if gender:
                cues.add(gender)
    for match in _I_AM.finditer(mail.new_text):
        gender = _role_gender(match.group("role"))
        if gender:
            cues.add(gender)
    return cues


def addressee(mail: Mail) -> Person | None:
    """The person the reply greets, or None ("Sehr geehrte Damen und Herren")."""
    signed: tuple[tuple[str, str, str, str | None], list[str]] | None = None
    for line, after in _signature_lines(mail):
        parsed = person_name(line)
        if parsed:
            signed = (parsed, after)
            break
    display = person_name(mail.sender.name) if mail.sender and mail.sender.name else None
    after_name: list[str] = signed[1] if signed else []
    if display and not signed:
        # "werner kuhl" signs in lower case: the display name's person, with the lines after.
        after_name = next((after for line, after in _signature_lines(mail)
                           if line.casefold() == display[0].casefold()), [])
    if signed and display and signed[0][1].casefold() == display[1].casefold():
        # The same person: the fuller name (a first name rather than an initial), any title.
        sig, disp = signed[0], display
        fuller = disp if _initial(sig[0], sig[2]) and not _initial(disp[0], disp[2]) else sig
        title = sig[2] or disp[2]
        name = fuller[0] if fuller[2] or not title else f"{title} {fuller[0]}"
        chosen = (name, fuller[1], title, sig[3] or disp[3])
    elif signed:
        chosen = signed[0]
    elif display:
        chosen = display
    else:
        return None
    name, surname, title, stated = chosen
    cues = {stated} if stated else _cues(mail, surname, after_name)
    salutation = next(iter(cues)) if len(cues) == 1 else None
    return Person(name=name, surname=surname, title=title, salutation=salutation)


def _initial(name: str, title: str) -> bool:
    words = name[len(title):].split() if title and name.startswith(title) else name.split()
    return bool(words) and words[0].endswith(".") and len(words[0]) <= 3


def greeting_name(display: str) -> str | None:
    """A person's name for the greeting from a display name, or None for organisations."""
    parsed = person_name(display)
    return parsed[0] if parsed else None
