"""Where the sender's town lies: every sign of a federal state in a mail, weighed.

A mail to a Hessian programme names Hessen often without lying there: "auf der hessischen
Seite", "mit der hessischen Nachbarstadt", "das hessische Programm", "ist das Programm nur für
Kommunen in Hessen?". So each sign is read in its context and has a weight:

* a **statement** about the sender's own town — "wir sind eine Gemeinde in Bayern", "als
  hessische Kommune", "the town of X in Hesse", "(Rheinland-Pfalz)" after the town or district,
  "also RLP"; or its negation, "wir liegen nicht in Hessen";
* a named **district** (the register knows every Landkreis and its state) or a **region** of one
  state ("in Rheinhessen", "im Vogelsberg", "in Unterfranken");
* a **kind** of municipality some states have and others do not ("Ortsgemeinde",
  "Verbandsgemeinde", "Samtgemeinde"; not "Markt", which Hessian Marktgemeinden use too): it
  casts doubt on the programme's state but names no state by itself;
* a mere **mention** of a state.

Mentions as neighbours, partners, colleagues, the programme, "the other side", or the state's
municipalities in general are context and count for nothing. Statements decide first, then
districts and regions (when they disagree, the one outside the programme's state wins: the
verdict must never call a town eligible that something places elsewhere), then mentions; a
kind of municipality outweighs a mere mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.understand.register import Register

STATES = {
    "Baden-Württemberg": r"baden-w(?:ü|ue)rttemberg\w*|baden-wuerttemberg|baden-württemberg",
    "Bayern": r"bayerns?|bayerisch\w*|bavaria\w*",
    "Berlin": r"berlin(?!er\s+platz)",
    "Brandenburg": r"brandenburg(?:isch\w*)?",
    "Bremen": r"bremen",
    "Hamburg": r"hamburg",
    "Hessen": r"(?:nord|süd|sued|mittel|ost|west|ober)?hessens?|(?:nord|süd|sued|mittel|ost|west)?"
              r"hessisch\w*|hesse|hessian",
    "Mecklenburg-Vorpommern": r"mecklenburg-vorpommern",
    "Niedersachsen": r"niedersachsens?|niedersächsisch\w*|lower\s+saxony",
    "Nordrhein-Westfalen": r"nordrhein-westfalen|\bnrw\b|north\s+rhine-westphalia",
    "Rheinland-Pfalz": r"rheinland-pfalz|rheinland-pfälzisch\w*|rhineland-palatinate|rlp",
    "Saarland": r"saarland|saarländisch\w*",
    "Sachsen": r"(?<!nieder)(?<!nieder-)sachsen(?!-anhalt)|(?<!nieder)sächsisch\w*|"
               r"(?<!lower\s)saxony",
    "Sachsen-Anhalt": r"sachsen-anhalt|saxony-anhalt",
    "Schleswig-Holstein": r"schleswig-holstein\w*",
    "Thüringen": r"th(?:ü|ue)ringens?|th(?:ü|ue)ringisch\w*|thuringia\w*|th(?:ü|ue)ringer",
}
STATE_NAMES = list(STATES)
STATE_PATTERN = re.compile(
    "|".join(rf"\b(?P<s{i}>{rx})\b" for i, rx in enumerate(STATES.values())), re.IGNORECASE)
# The same names run on lower-cased text, where a word start that no state name can begin with
# is skipped at once (much faster than a case-insensitive alternation tried at every position).
STATE_LOWER = re.compile(
    r"\b(?=[bhlmnorstw])(?:"
    + "|".join(rf"(?P<s{i}>{rx})\b" for i, rx in enumerate(STATES.values())) + ")")

# A town abroad: its state is the country's German name. Countries are named in mails mostly
# as where people come from ("Familien aus Syrien"), so only a statement counts ("eine Gemeinde
# in den Niederlanden", "a town in Austria").
COUNTRIES = {
    "Österreich": r"(?:ö|oe)sterreich|austria", "Schweiz": r"(?:der\s+)?schweiz|switzerland",
    "Niederlande": r"(?:den\s+)?niederlanden?|the\s+netherlands|netherlands",
    "Frankreich": r"frankreich|france", "Polen": r"polen|poland",
    "Belgien": r"belgien|belgium", "Luxemburg": r"luxemburg|luxembourg",
    "Dänemark": r"d(?:ä|ae)nemark|denmark", "Tschechien": r"tschechien|czechia|czech\s+republic",
    "Italien": r"italien|italy",
}
COUNTRY_NAMES = list(COUNTRIES)
COUNTRY_STATEMENT = re.compile(
    r"\b(?:(?:gemeinde|stadt|kommune|kleinstadt|ort|dorf|town|village|municipality|city|we|wir)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:sind\s+|are\s+|liegen\s+|lie\s+|is\s+)?(?:in|im)\s+(?:the\s+)?)"
    r"(?:" + "|".join(rf"(?P<c{i}>{rx})" for i, rx in enumerate(COUNTRIES.values())) + r")\b",
    re.IGNORECASE)

# Regions that lie in one state only (regions across a border — Odenwald, Rhön, Spessart,
# Westerwald, Eifel, Allgäu, Harz — name no state).
REGIONS = {
    "Hessen": r"vogelsberg|wetterau|rheingau|taunus|hintertaunus|schwalm|knüll|kellerwald|"
              r"waldecker\s+land|burgwald|kinzigtal|lahn-dill|gießener\s+land|marburger\s+land",
    "Rheinland-Pfalz": r"rheinhessen|rheinhesse|rhoihesse|(?<!rheinland-)pfalz|südpfalz|"
                       r"vorderpfalz|westpfalz|nordpfalz|hunsrück|hunsrueck|vulkaneifel|naheland",
    "Bayern": r"unterfranken|oberfranken|mittelfranken|oberbayern|niederbayern|oberpfalz|"
              r"chiemgau|altmühltal",
    "Baden-Württemberg": r"schwarzwald|hohenlohe|kraichgau|schwäbische\s+alb",
    "Nordrhein-Westfalen": r"sauerland|siegerland|münsterland|ruhrgebiet|ostwestfalen|"
                           r"bergisches\s+land|niederrhein",
    "Niedersachsen": r"emsland|ostfriesland|lüneburger\s+heide|weserbergland|solling",
    "Sachsen": r"erzgebirge|oberlausitz",
    "Brandenburg": r"uckermark|prignitz|spreewald",
    "Sachsen-Anhalt": r"altmark",
    "Mecklenburg-Vorpommern": r"mecklenburg(?!-)",
}
REGION_NAMES = list(REGIONS)
REGION_PATTERN = re.compile(
    "|".join(rf"\b(?P<r{i}>{rx})\b(?!-)" for i, rx in enumerate(REGIONS.values())),
    re.IGNORECASE)

# Kinds of municipality and offices that exist only in some states.
KINDS = {
    r"ortsgemeinde\w*": ("Rheinland-Pfalz",),
    r"verbandsgemeinde\w*": ("Rheinland-Pfalz", "Sachsen-Anhalt"),
    r"samtgemeinde\w*": ("Niedersachsen",),
    r"ortsbürgermeister(?:in)?|ortsbuergermeister(?:in)?": (
        "Rheinland-Pfalz", "Niedersachsen", "Sachsen-Anhalt", "Brandenburg", "Sachsen",
        "Mecklenburg-Vorpommern", "Schleswig-Holstein", "Nordrhein-Westfalen", "Thüringen"),
    r"verwaltungsgemeinschaft\w*": ("Bayern", "Sachsen", "Sachsen-Anhalt", "Thüringen"),
    r"große\s+kreisstadt|grosse\s+kreisstadt": ("Baden-Württemberg", "Bayern", "Sachsen"),
}
KIND_PATTERN = re.compile("|".join(rf"\b(?P<k{i}>{rx})\b" for i, rx in enumerate(KINDS)),
                          re.IGNORECASE)
KIND_STATES = list(KINDS.values())

DISTRICT = re.compile(
    r"(?:(?P<pre>(?i:(?:land)?kreis(?:es)?|district\s+of)|LK|Lkr\.)\s*:?\s+"
    r"(?P<name1>[A-ZÄÖÜ][\w\-äöüß]+(?:[\- ][A-ZÄÖÜ][\w\-äöüß]+)?))"
    r"|(?P<name2>[A-ZÄÖÜ][\w\-äöüß]*-?[Kk]reis(?:es)?)\b"
    r"|(?P<name3>[A-ZÄÖÜ][\w\-äöüß]+(?:-[A-ZÄÖÜ][\w\-äöüß]+)*)\s+(?:district|county)\b")

# Context that makes a place someone else's: neighbours, partners, colleagues, the programme,
# the other side of a border, the state's municipalities in general.
_CONTEXT_BEFORE = re.compile(
    r"(?:nachbar\w*|neighbou?r\w*|partner\w*|grenze\s+zu|border\w*|angrenzend\w*|grenz\w+\s+an|"
    r"gegen(?:ü|ue)ber|across|jenseits|dr(?:ü|ue)ben|dr(?:ü|ue)wwe|kolleg\w*|colleague\w*|"
    r"bekannte\w*|ministerium|ministry|landesregierung|land(?:es)?programm\w*|landesmittel|"
    r"des\s+landes|state\s+programme|programme\s+of|programm\w*|au(?:ß|ss)er|other\s+than|"
    r"andere[mnrs]?|other|mit\s+(?:de[mnr]?|einer?|den)|with\s+(?:the|a)|nach|towards?|"
    r"vun\s+dem|von\s+dem|(?<!in\s)(?<!im\s)(?:einer|einem|eines)|zwischen|between|nahe|"
    r"n(?:ä|ae)he|near|close\s+to|unweit)\W+(?:[\w-]+\W+){0,3}$"
    # bordering on it: "wir liegen direkt an Hessen"
    r"|\ban\s+$"
    # the state's municipalities in general: "nur für Kommunen in Hessen"
    r"|\b(?:kommunen|st(?:ä|ae)dte|gemeinden|municipalities|towns|cities|communities)\s+"
    r"(?:in|aus|from|of|outside|au(?:ß|ss)erhalb)\s+(?:the\s+state\s+of\s+)?$", re.IGNORECASE)
# Near a district or region only neighbours, partners and colleagues make it someone else's.
_NEAR_CONTEXT = re.compile(
    r"(?:nachbar\w*|neighbou?r\w*|partner\w*|angrenzend\w*|grenz\w*|border\w*|"
    r"gegen(?:ü|ue)ber|across|jenseits|dr(?:ü|ue)ben|kolleg\w*|colleague\w*|bekannte\w*|"
    r"zwischen|between)\W+(?:[\w-]+\W+){0,4}$", re.IGNORECASE)
_CONTEXT_AFTER = re.compile(
    r"^\W*(?:[\w-]+\W+){0,2}?(?:seite|side|nachbar\w*|neighbou?r\w*|partner\w*|programm\w*|"
    r"programme|program|kolleg\w*|colleague|kommunen|st(?:ä|ae)dte|gemeinden|municipalities|"
    r"towns|landesregierung|ministerium|ministry|next\s+door|dr(?:ü|ue)ben|dr(?:ü|ue)wwe|"
    r"across|grenze|border|angrenz\w*|grenz(?:t|en))\b", re.IGNORECASE)
# A statement about the sender's own town.
_OWN_NOUN_BEFORE = re.compile(
    r"(?:\b(?:wir|we|we're|ich|i|unsere?[mnrs]?|our|mir)\b[^.!?\n]{0,60}?"
    r"|\b(?:gemeinde|stadt|kommune|kleinstadt|ort|dorf|markt\w*|town|village|municipality|city|"
    r"district|(?:land)?kreis\w*|gemaa)\b[^.!?\n]{0,60}?)"
    r"\b(?:in|im|aus|from|of)\s+(?:the\s+state\s+of\s+|dem\s+bundesland\s+|bundesland\s+)?$"
    r"|\([^()\n]{0,60}$|\balso\s+$|\bbundesland\s*:?\s*$", re.IGNORECASE)
_OWN_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:wir\s+(?:sind|als)|als|bin|sind|we\s+are|we're|unsere?[mnrs]?|our)\s+"
    r"(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_OWN_ADJECTIVE_AFTER = re.compile(
    r"^\s*(?:gemeinde|stadt|kommune|kleinstadt|mittelstadt|landgemeinde|ort|dorf|town|"
    r"municipality|village|city|st(?:ä|ae)dten|kommunen|gemeinden)\b", re.IGNORECASE)
# "wir liegen nicht in Hessen", "we are not in Hesse", "keine hessische Gemeinde": the sender's
# own only with a first person in the sentence ("a town outside Hesse" asks in general).
_NEGATED_BEFORE = re.compile(
    r"\b(?:nicht|not|keine?[mnrs]?|au(?:ß|ss)erhalb|outside)\s+(?:in\s+|im\s+|of\s+)?$",
    re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:wir|we|we're|ich|i|unsere?[mnrs]?|our|mir|uns|us)\b",
                           re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Signal:
    """One sign of where the town lies: ``states`` it points to (a kind of municipality may
    exist in several), how it was found, and the words."""

    kind: str  # "statement", "negation", "district", "region", "kind" or "mention"
    states: tuple[str, ...]
    evidence: str


@dataclass(frozen=True, slots=True)
class Place:
    """The sender's state as the mail shows it (``strong``: not by a mere mention), or evidence
    that the town is not in the programme's state although no state is named: it says so
    (``outside``) or names a kind of municipality that state does not have (``doubt``)."""

    state: str | None = None
    evidence: str = ""
    strong: bool = False
    outside: str = ""
    doubt: str = ""


def _window(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before and after a place, within its sentence, lines joined."""
    before = text[max(0, start - 90):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:
        before = before[ends[-1]:]
    after = text[end:end + 50]
    stop = _SENTENCE_END.search(after)
    after = after[:stop.start()] if stop else after
    return before.replace("\n", " "), after.replace("\n", " ")


def _context(before: str, after: str) -> bool:
    return bool(_CONTEXT_BEFORE.search(before) or _CONTEXT_AFTER.match(after))


def _state_signals(text: str) -> list[tuple[int, Signal]]:
    lowered = text.lower()
    # Lower-casing keeps the offsets for all but a few exotic letters; those take the slow path.
    matches = (STATE_LOWER.finditer(lowered) if len(lowered) == len(text)
               else STATE_PATTERN.finditer(text))
    found = []
    for match in matches:
        start, end = match.span()
        # part of a web or mail address ("www.integrationskompass.hessen.de"), not a place
        if text[start - 1:start] in (".", "@", "/") or (text[end:end + 1] == "."
                                                       and text[end + 1:end + 2].isalnum()):
            continue
        word = text[start:end]
        if word.lower() == "rlp" and not word.isupper():
            continue
        state = STATE_NAMES[int((match.lastgroup or "s0")[1:])]
        before, after = _window(text, start, end)
        adjective = bool(re.search(r"(?:isch\w*|ian)$", word, re.IGNORECASE))
        if _NEGATED_BEFORE.search(before):
            if _FIRST_PERSON.search(before):
                found.append((start, Signal("negation", (state,), word)))
            continue
        if _context(before, after):
            continue
        elif (_OWN_ADJECTIVE_BEFORE.search(before) and _OWN_ADJECTIVE_AFTER.match(after)
              if adjective else _OWN_NOUN_BEFORE.search(before)):
            found.append((start, Signal("statement", (state,), word)))
        else:
            found.append((start, Signal("mention", (state,), word)))
    return found


def district_names(text: str) -> list[tuple[int, str]]:
    """The districts a text names, with where: "Landkreis Fulda", "Vogelsbergkreis",
    "LK Gießen", "the Main-Kinzig district"; a genitive ("des Wetteraukreises") as the
    district."""
    lowered = text.lower()
    if not any(word in lowered for word in ("kreis", "district", "county", "lk ", "lkr.")):
        return []
    found = []
    for match in DISTRICT.finditer(text):
        name = match.group("name1") or match.group("name2") or match.group("name3")
        if name:
            found.append((match.start(), re.sub(r"([Kk]reis)es$", r"\1", name)))
    return found


# Mails in lower case: "landkreis hersfeld-rotenburg" (only names the register knows count).
_LOWER_DISTRICT = re.compile(r"\b(?:land)?kreis\s+([a-zäöü][\w\-äöüß]+)")


def _district_signals(text: str, register: Register,
                      named: list[tuple[int, str]]) -> list[tuple[int, Signal]]:
    found = []
    lower = [(m.start(1), m.group(1)) for m in _LOWER_DISTRICT.finditer(text)]
    for start, name in [*named, *lower]:
        state = None
        for candidate in (name, name.split(" ")[0]):
            state = register.district_state(candidate)
            if state:
                break
        if not state:
            continue
        before, _ = _window(text, start, start + len(name))
        if not _NEAR_CONTEXT.search(before):
            found.append((start, Signal("district", (state,), name)))
    return found


# Cheap first looks (substrings of the lower-cased text) before the fuller patterns.
_COUNTRY_HINT = re.compile(r"sterreich|austria|schweiz|switzerland|niederland|netherlands|"
                           r"frankreich|france|polen|poland|belgi|luxemb|nemark|denmark|"
                           r"tschech|czech|italien|italy")
_KIND_HINT = ("ortsgemeinde", "verbandsgemeinde", "samtgemeinde", "ortsb", "verwaltungsgemein",
              "kreisstadt")
_REGION_HINT = re.compile("|".join(REGIONS.values()).replace(r"(?<!rheinland-)", ""))


def _pattern_signals(text: str) -> list[tuple[int, Signal]]:
    found: list[tuple[int, Signal]] = []
    lowered = text.lower()
    if _COUNTRY_HINT.search(lowered):
        found += _country_signals(text)
    if _REGION_HINT.search(lowered):
        found += _region_signals(text)
    if any(hint in lowered for hint in _KIND_HINT):
        found += _kind_signals(text)
    return found


def _country_signals(text: str) -> list[tuple[int, Signal]]:
    found = []
    for match in COUNTRY_STATEMENT.finditer(text.replace("\n", " ")):
        group = match.lastgroup or "c0"
        before, _ = _window(text, *match.span(group))
        if not _NEAR_CONTEXT.search(before):
            country = COUNTRY_NAMES[int(group[1:])]
            found.append((match.start(group), Signal("statement", (country,), match.group(group))))
    return found


def _region_signals(text: str) -> list[tuple[int, Signal]]:
    found = []
    for match in REGION_PATTERN.finditer(text):
        before, _ = _window(text, *match.span())
        if not _NEAR_CONTEXT.search(before):
            state = REGION_NAMES[int((match.lastgroup or "r0")[1:])]
            found.append((match.start(), Signal("region", (state,), match.group(0))))
    return found


def _kind_signals(text: str) -> list[tuple[int, Signal]]:
    found = []
    for match in KIND_PATTERN.finditer(text):
        before, _ = _window(text, *match.span())
        if not _NEAR_CONTEXT.search(before):
            states = KIND_STATES[int((match.lastgroup or "k0")[1:])]
            found.append((match.start(), Signal("kind", states, match.group(0))))
    return found


def signals(text: str, register: Register | None = None,
            named: list[tuple[int, str]] | None = None) -> list[Signal]:
    """Every sign of a state in ``text``, in the order they stand (districts need the
    register; ``named``: the text's districts when already found)."""
    found = _state_signals(text) + _pattern_signals(text)
    if register is not None:
        found += _district_signals(text, register,
                                   district_names(text) if named is None else named)
    return [signal for _, signal in sorted(found, key=lambda pair: pair[0])]


def _pick(candidates: list[Signal], home: str | None) -> Signal:
    """The first of equally weighty signs, unless one outside the home state disagrees."""
    outside = [s for s in candidates if home and s.states[0] != home]
    if outside and len({s.states[0] for s in candidates}) > 1:
        return outside[0]
    return candidates[0]


def weigh(found: list[Signal], home: str | None) -> Place:
    """The place the signals show (see the module's docstring for the order)."""
    statements = [s for s in found if s.kind == "statement"]
    located = [s for s in found if s.kind in ("district", "region")]
    if statements or located:
        chosen = _pick(statements or located, home)
        return Place(chosen.states[0], chosen.evidence, strong=True)
    negations = [s for s in found if s.kind == "negation" and home and s.states[0] == home]
    if negations:
        return Place(outside=negations[0].evidence)
    kinds = [s for s in found if s.kind == "kind" and home and home not in s.states]
    if kinds:
        return Place(doubt=kinds[0].evidence)
    mentions = [s for s in found if s.kind == "mention"]
    if mentions:
        chosen = _pick(mentions, home)
        return Place(chosen.states[0], chosen.evidence)
    return Place()


def place(text: str, register: Register | None = None, home: str | None = None,
          named: list[tuple[int, str]] | None = None) -> Place:
    """Where the sender's town lies, as far as ``text`` shows it."""
    return weigh(signals(text, register, named), home)
