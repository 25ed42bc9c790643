"""The facts a mail states: population, a requested amount, the municipality and its state.

Only the new text is read (the quoted history repeats our own answers and their numbers). Each
extractor looks for a number *with its unit* — "12.000 Einwohner", "ca. 8.500 EW", "rund 45 Tsd.
Einwohnerinnen", "population of 51,000", "38.500 Euro", "EUR 20.000,-" — so phone numbers,
postcodes, IBANs, file numbers, dates and years never qualify: they carry no such unit. Numbers
that describe a subgroup ("davon 7.300 mit ausländischer Staatsangehörigkeit") and the programme's
own cap quoted back ("Gilt die Obergrenze von 30.000 Euro …") are recognised and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.understand import places, whose
from assistant.understand.normalize import fold
from assistant.understand.register import Register

_NUMBER_WORDS = {
    "ein": 1, "eins": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwoelf": 12,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fuenfzehn": 15, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreissig": 30, "dreißig": 30,
    "vierzig": 40, "fuenfzig": 50, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50,
}

_NUM = r"\b(?:\d{1,3}(?:[.,\u202f\u00a0 ’']\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_WORDNUM = (r"(?:\b[a-zäöüß]*?(?:ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|"
            r"zwölf|zwoelf|zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig)[a-zäöüß]*[td]ausend"
            r"[a-zäöüß]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"fifteen|twenty|thirty|forty|fifty)\s+thousand)")
_THOUSAND = r"(?:\s*(?:tsd\.?|tausend|k\b|thousand|t(?=€|eur\b)))"
_POP_UNIT = (r"(?:einwohner(?:innen|\*innen|:innen|_innen|innen)?(?:\s+und\s+einwohner(?:n)?)?|"
             r"einwohnern|ew\b|einw\.?|bürger(?:innen)?\s+und\s+bürger(?:n)?|bürger\*innen|"
             r"bürgerinnen|bewohner(?:innen)?(?:\s+und\s+bewohner(?:n)?)?|menschen|seelen?|"
             r"personen|inhabitants?|residents|citizens|people|ppl|leute[n]?|leut|leit)\b")
# Number words ("zwölftausend") are rare and costly to look for: a second, fuller pattern is
# used only when the text has "tausend" or "thousand" in it.
_POPULATION_DIGITS = re.compile(rf"(?P<num>{_NUM})(?P<k>{_THOUSAND})?[\s-]*(?P<unit>{_POP_UNIT})",
                                re.IGNORECASE)
_POPULATION = [
    re.compile(rf"(?P<num>{_NUM}|{_WORDNUM})(?P<k>{_THOUSAND})?[\s-]*(?P<unit>{_POP_UNIT})",
               re.IGNORECASE),
    re.compile(rf"(?:einwohnerzahl|einwohnerstand|bevölkerung|bevoelkerungszahl|population|"
               rf"einwohner(?:innen|\*innen|:innen|_innen)?(?=\s*[:(])|\bew\b|\beinw\.?(?:-?zahl)?)"
               rf"(?:\s*\([^()\n]{{0,30}}\))?"
               rf"(?:\s+\w+){{0,4}}?\s*(?:von|:|liegt\s+bei|beträgt|betraegt|of|is|=|at)?\s*"
               rf"(?:ca\.?|rund|etwa|knapp|gut|about|approx\.?|approximately|around|some|nearly|"
               rf"almost|just\s+under|just\s+over)?\s*(?P<num>{_NUM}|{_WORDNUM})(?P<k>{_THOUSAND})?",
               re.IGNORECASE),
]
# A cheap first look: no population word, no population.
_POPULATION_HINT = re.compile(
    r"einw|\bew\b|b(?:ü|ue)rger|bewohner|menschen|seele|personen|inhabit|resident|citizen|people|"
    r"population|bev(?:ö|oe)lkerung|\bppl\b|\bleut|\bleit\b", re.IGNORECASE)
_POPULATION_NAMED = re.compile(
    r"einwohnerzahl|einwohnerstand|bev(?:ö|oe)lkerung|population|"
    r"einwohner(?:innen|\*innen|:innen|_innen)?\s*[:(]|\bew\b|\beinw\b")
_SUBGROUP_BEFORE = re.compile(
    r"(?:davon|darunter|of\s+whom|of\s+which|including|among\s+them|unter\s+ihnen)"
    r"\s+(?:\w+\s+){0,2}$"
    # a neighbour's figure is not ours: "unsere Nachbargemeinde hat 3.000 Einwohner"
    r"|(?:nachbar\w*|neighbou?ring\s+\w+|partner(?:gemeinde|stadt|kommune)\w*)"
    r"\s+(?:[\w()-]+\s+){0,4}$", re.IGNORECASE)
_SUBGROUP_AFTER = re.compile(
    r"^\s*(?:mit|with|aus|from|haben|have|sind|are|stammen|kommen|ohne)\s+"
    r"(?:\w+\s+){0,3}?(?:migration|ausl(?:ä|ae)nd|fl(?:ü|ue)cht|zugewandert|nichtdeutsch|"
    r"foreign|refugee|non-german|einwanderungs|anderer\s+staats|deutscher\s+staats|"
    r"\w*staatsangeh)", re.IGNORECASE)
_PEOPLE_NEEDS_CONTEXT = re.compile(
    r"^(?:menschen|people|seelen?|citizens|personen|ppl|leute[n]?|leut|leit)$", re.IGNORECASE)
# Words that make "Menschen", "Leute" (and the dialect "Leit", "Seele") the town's people: living
# there, counting, being (also in dialect: "mir sin"), the town itself.
# "Leute", "ppl", dialect "Leit", "Seele": the town's people only where the sentence says the
# sender's place is that many ("mir sin 2.100 Leut", "a small town … about 5k ppl").
_FOLK = re.compile(r"^(?:ppl|leute[n]?|leut|leit|seele)$", re.IGNORECASE)
_FOLK_CONTEXT = re.compile(
    r"\b(?:wir\s+sind|mir\s+sin|mir\s+sinn|we\s+are|we're|were\s+a|sind\s+wir|gemeinde|gemaa|"
    r"stadt|kommune|town|village|municipality|dorf|im\s+ort|hier\s+im|bei\s+uns)\b",
    re.IGNORECASE)
_PEOPLE_CONTEXT = re.compile(
    r"\b(?:leben|wohnen|lebten|z(?:ä|ae)hlt|z(?:ä|ae)hlen|hat|haben|sind|sin|sinn|live|living|"
    r"home\s+to|gemeinde|gemaa|stadt|kommune|town|municipality|city|ort|dorf|village|we're|were|"
    r"we\s+are)\b", re.IGNORECASE)

_AMOUNT = [
    re.compile(rf"(?P<num>{_NUM})(?P<k>{_THOUSAND})?\s*(?:,-|,--|\.-)?\s*(?:€|euro\b|eur\b)",
               re.IGNORECASE),
    re.compile(rf"(?:€|\beur\b|\beuro\b)\s*(?P<num>{_NUM})(?P<k>{_THOUSAND})?", re.IGNORECASE),
]
_CAP_CONTEXT = re.compile(
    r"obergrenze|höchst|hoechst|maximal|\bmax\b|bis\s+zu|förderhöchst|up\s+to|maximum|"
    r"\bcap\b|ceiling|pressemitteilung|press\s+release|genannten|angegebenen|mentioned|"
    r"h(?:ö|oe)chstens|at\s+most|limit", re.IGNORECASE)

_MUNICIPALITY = re.compile(
    r"(?P<kind>Gemeinde|Stadt|Marktgemeinde|Markt(?:es)?|Kreisstadt|Hansestadt|Kommune|"
    r"Ortsgemeinde|Verbandsgemeinde|Samtgemeinde|Gemeindeverwaltung|"
    r"Stadtverwaltung|Magistrat\s+der\s+Stadt|Gemeindevorstand\s+der\s+Gemeinde|"
    r"[Mm]unicipality\s+of|[Tt]own\s+of|[Cc]ity\s+of|[Vv]illage\s+of)\s+"
    r"(?P<name>(?:(?:Bad|Sankt|St\.)\s+)?[A-ZÄÖÜ][\w\-äöüß]+)"
    r"(?P<suffix>\s+(?:am|an\s+der|a\.\s*d\.|vor\s+der)\s+(?P<river>[A-ZÄÖÜ][\w\-äöüß]+)"
    r"|\s+\((?!(?:Land)?[Kk]reis)[A-ZÄÖÜ][\w.]+\)|\s+v\.\s*d\.\s*[A-ZÄÖÜ]\w+)?")
# Without the register's river and region names: what "an der …" after a town never is.
_NOT_A_RIVER = re.compile(r"kiv|wir\b|f(?:ö|oe)rder|programm|strateg|antrag|projekt|teilnahme|"
                          r"ausschreibung|aktion|initiative", re.IGNORECASE)
# Another person's town: "ein Kollege aus der Stadt X", "a friend from the town of X".
_SOMEONE_ELSES = re.compile(
    r"(?:kolleg\w*|colleague\w*|bekannte\w*|freund\w*|friend\w*)\s+(?:\w+\s+){0,2}"
    r"(?:aus|von|from|in|bei|at)\s+(?:der|dem|den|the|a)?\s*$", re.IGNORECASE)
_NOT_A_NAME = frozenset({
    "Verwaltung", "Hessen", "Deutschland", "Integration", "Vielfalt", "Sie", "Ihr", "Ihre", "Und",
    "Mit", "Der", "Die", "Das", "Wir", "Im", "In", "Mein", "Unser", "Unsere", "Kreis", "Landkreis",
    "Stadt", "Gemeinde", "Kommune", "Bürgermeister", "Bürgermeisterin", "Frankfurt-Rhein-Main",
})
_NEIGHBOUR = re.compile(r"(?:nachbar\w*|partner\w*|neighbou?r\w*|benachbarte\w*|umliegende\w*|"
                        r"mit\s+den|mit\s+der|zusammen\s+mit|gemeinsam\s+mit|together\s+with|"
                        r"and\s+the|sowie\s+der|sowie\s+die|wie\s+die)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Found:
    value: object
    evidence: str


def _to_int(num: str, thousand: bool) -> int | None:
    raw = num.strip()
    word = raw.lower()
    if re.fullmatch(_WORDNUM, word, re.IGNORECASE):
        return _word_number(word)
    cleaned = re.sub(r"[\u202f\u00a0 ’']", "", raw)
    if thousand:
        # "45 Tsd.", "53,6 Tsd." (German decimal comma), "53.6k"
        value = float(cleaned.replace(".", "").replace(",", ".")) if "," in cleaned \
            else float(cleaned)
        return round(value * 1000)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", cleaned):
        return int(re.sub(r"[.,]", "", cleaned))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+,\d{1,2}", cleaned):
        return int(re.sub(r"[.,]", "", cleaned.rsplit(",", 1)[0]))
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    if re.fullmatch(r"\d+,\d{1,2}", cleaned):  # "20000,00"
        return int(cleaned.split(",")[0])
    return None


def _below_thousand(word: str) -> int:
    """"zweihundert" 200, "dreiundzwanzig" 23, "vierhundertfünfzig" 450, "zwölf" 12; 0 if
    not a number word."""
    hundreds = 0
    if "hundert" in word:
        head, _, word = word.partition("hundert")
        hundreds = _NUMBER_WORDS.get(head or "ein", 0) * 100
    if "und" in word:
        ones, _, tens = word.partition("und")
        rest = _NUMBER_WORDS.get(ones, 0) + _NUMBER_WORDS.get(tens, 0)
    else:
        rest = _NUMBER_WORDS.get(word, 0)
    return hundreds + rest


def _word_number(word: str) -> int | None:
    # Hessian dialect writes "dreidausendvierhunnert".
    word = word.replace(" thousand", "tausend").replace("dausend", "tausend").replace(
        "hunnert", "hundert")
    head, _, tail = word.partition("tausend")
    if not head:
        return None
    thousands = _below_thousand(head)
    if not thousands:
        return None
    return thousands * 1000 + _below_thousand(tail)


def population(text: str) -> Found | None:
    """The population the text states for the sender's municipality, if any: only from a
    sentence about the municipality (:mod:`assistant.understand.whose`), never from a job
    application."""
    if not _POPULATION_HINT.search(text) or whose.JOB_APPLICATION.search(text):
        return None
    candidates: list[tuple[int, int, str, int]] = []
    lowered = text.lower()
    patterns = list(_POPULATION)
    if "ausend" not in lowered and "thousand" not in lowered:
        patterns[0] = _POPULATION_DIGITS
    if not _POPULATION_NAMED.search(lowered):
        patterns = patterns[:1]
    for rank, pattern in enumerate(patterns):
        for match in pattern.finditer(text):
            value = _to_int(match.group("num"), bool(match.group("k")))
            if value is None or value < 50 or value > 5_000_000:
                continue
            before = text[max(0, match.start() - 40):match.start()]
            after = text[match.end():match.end() + 60]
            unit = match.groupdict().get("unit") or ""
            people = bool(unit and _PEOPLE_NEEDS_CONTEXT.match(unit))
            if _SUBGROUP_BEFORE.search(before) or _SUBGROUP_AFTER.match(after) \
                    or whose.someone_elses(text, match.start(), match.end(), people):
                continue
            if people:
                sentence = text[max(0, match.start() - 80):match.end() + 40]
                context = _FOLK_CONTEXT if _FOLK.match(unit) else _PEOPLE_CONTEXT
                # "Weißdornhain (about 11,500 people, in Hesse)": a figure in parentheses after
                # the town's name is its population, too.
                if not context.search(sentence) and "(" not in before[-25:]:
                    continue
            candidates.append((rank, match.start(), match.group(0), value))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[1], c[0]))
    _, _, evidence, value = candidates[0]
    return Found(value, evidence)


_DEFINITE = re.compile(r"\b(?:die|diese|der|den|the|these|this|those)\s+(?:€\s*)?$",
                       re.IGNORECASE)


def amount(text: str, cap: int) -> Found | None:
    """A sum in euros the sender plans or asks for; the programme's cap quoted back is not."""
    if "€" not in text and "eur" not in text.lower():
        return None
    for pattern_match in sorted((m for p in _AMOUNT for m in p.finditer(text)),
                                key=lambda m: m.start()):
        value = _to_int(pattern_match.group("num"), bool(pattern_match.group("k")))
        if value is None or value < 100:
            continue
        before = text[max(0, pattern_match.start() - 60):pattern_match.start()]
        # The programme's cap quoted back ("maximal 30.000 Euro", "die 30.000 Euro") is no sum
        # the sender asks for.
        if value == cap and (_CAP_CONTEXT.search(before + pattern_match.group(0))
                             or _DEFINITE.search(before)):
            continue
        return Found(value, pattern_match.group(0))
    return None


def state(text: str, home: str | None = None) -> Found | None:
    """A federal state the text names as the sender's own (by a statement or a mere mention;
    neighbours, partners and the programme's state as such are not the sender's)."""
    found = places.place(text, home=home)
    return Found(found.state, found.evidence) if found.state else None


def districts(text: str) -> list[str]:
    return [name for _, name in places.district_names(text)]


def district_state(text: str, register: Register,
                   named: list[str] | None = None) -> Found | None:
    """The state implied by a district (Landkreis) the text names (``named``: the text's
    districts when already found)."""
    for name in districts(text) if named is None else named:
        for candidate in (name, name.split(" ")[0]):
            found = register.district_state(candidate)
            if found:
                return Found(found, name)
    return None


def municipality(text: str, suffixes: frozenset[str] | None = None,
                 signature: str = "") -> Found | None:
    """The sender's own town: the most often named — a name in the signature (the tail of
    ``text``) counts three times —, neighbours, partners and colleagues' towns excluded.

    "an der Lahn" after a name belongs to it only when the register knows such a suffix
    (``suffixes``: folded first words, e.g. "lahn", "main"), so "die Gemeinde Musterhausen an
    der KIV-Förderung" names Musterhausen."""
    counts: dict[str, list[int]] = {}
    signed_from = len(text) - len(signature) if signature else len(text) + 1
    for match in _MUNICIPALITY.finditer(text):
        name = match.group("name").strip()
        if name.split()[0] in _NOT_A_NAME or name.endswith(("kreis", "Kreis")):
            continue
        before = text[max(0, match.start() - 40):match.start()]
        if _NEIGHBOUR.search(before[-30:]) or _SOMEONE_ELSES.search(before) \
                or whose.PART_OF.match(" ".join(text[match.end():match.end() + 120].split())):
            continue
        river = match.group("river")
        suffix = match.group("suffix") or ""
        if river and (_NOT_A_RIVER.search(river) if suffixes is None
                      else fold(river) not in suffixes):
            suffix = ""
        name = f"{name}{suffix}".strip()
        weight = 3 if match.start() >= signed_from else 1
        counts.setdefault(name, []).extend([match.start()] * weight)
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0]))
    return Found(best[0], best[0])
