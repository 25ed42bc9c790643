"""Whose figure a number of people is: the sender's municipality, or someone else's.

"12.000 Einwohner" is the town's population only in a sentence about the town. Mails also
give the figures of their district ("Der Landkreis hat 230.000 Einwohner"), of a part of the
town ("das Dorf Taubenried, roughly 900 people, which belongs to the Gemeinde …"), of a
school or a club, of refugees taken in, of a neighbour ("die sind mit 2.400 Einwohnern noch
kleiner als wir"), of several municipalities together ("drei Gemeinden, wir hätten zusammen so
9.000 Einwohner"), of an event ("Zum Workshop kamen 200 Menschen"), or — in a job application —
of a town the writer worked for before ("in meiner bisherigen Tätigkeit … eine Stadt mit 35.000
Einwohnern"). :func:`someone_elses` reads the sentence around a figure and says whose it is
when it is not the sender's municipality.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n|\n\s*[-•*]\s")

# Up to a few words right after the figure, not into the next clause ("und", "and").
_NEXT = r"^\s*(?:(?!und\b|and\b|but\b|aber\b)[\w.-]+\s+){0,3}?"
_SUBJECT = r"\b(?:der|die|das|unser|unsere|unseren|dieser|diese|the|our|this|mein|my)\s+"

# (reason, pattern before the figure within its sentence, pattern after it)
_OTHERS: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    # the district as the subject: "Der Landkreis hat …", "Im Kreis leben …"
    # (not "die Gemeinde im Main-Kinzig-Kreis hat …": there the town is the subject)
    ("district", re.compile(
        _SUBJECT + r"(?:(?:land)?kreis\w*|district|county)\b[^,;]{0,40}?\b(?:hat|zählt|umfasst|"
        r"has|counts|is\s+home\s+to|with|mit)\b[^,;]{0,20}$"
        r"|\b(?:im|in\s+unserem|in\s+the|in\s+our)\s+(?:land)?kreis(?:gebiet)?\s+(?:leben|"
        r"wohnen|live)\b[^,;]{0,20}$", re.IGNORECASE), None),
    # a part of the municipality, or a figure followed by the whole it belongs to
    ("part", re.compile(
        r"\b(?:im|in|der|das|unser|unserem|ihr|ihrem|dieser|diesem|the|our|its|their|this)\s+"
        r"(?:ortsteil|stadtteil|ortsbezirk|quartier|neighbou?rhood)\b(?:\s+[\w-]+){0,2}?\s+"
        r"(?:mit|with|hat|has|haben|leben|wohnen|live|z(?:ä|ae)hlt)\b[^,;]{0,15}$",
        re.IGNORECASE), re.compile(
        r"^[^.;]{0,40}?\b(?:belongs?\s+to|geh(?:ö|oe)r(?:t|en)\s+zu[mr]?|part\s+of)\s+"
        r"(?:the\s+|der\s+|die\s+|dem\s+)?(?:larger\s+|gr(?:ö|oe)(?:ß|ss)eren\s+)?(?:gemeinde|"
        r"municipality|town|stadt|kommune|city)\b", re.IGNORECASE)),
    # a school, a kindergarten, a club, a parish as the subject
    ("institution", re.compile(
        _SUBJECT + r"\w*(?:schule|school|kita|kindergarten|verein|club|association|"
        r"kirchengemeinde|parish|jugendzentrum|feuerwehr|unternehmen|company)\w*\s+"
        r"(?:hat|haben|zählt|has|have|with|mit|besuchen|attend)\b[^,;]{0,15}$",
        re.IGNORECASE), None),
    # refugees and newcomers taken in
    ("refugees", None, re.compile(
        _NEXT + r"(?:gefl(?:ü|ue)chtet\w*|fl(?:ü|ue)chtling\w*|asyl\w*|aufgenommen|"
        r"untergebracht|zugewiesen|refugees?|asylum|taken\s+in|arrived|aus\s+der\s+ukraine|"
        r"from\s+(?:the\s+)?ukraine)\b", re.IGNORECASE)),
    # a neighbour compared with us, or the others
    ("neighbour", re.compile(
        r"\b(?:die\s+annern|die\s+anderen|the\s+others?|unsere?\s+nachbar\w*)\b[^.;]{0,30}$",
        re.IGNORECASE), re.compile(
        r"^[^.;]{0,30}?\b(?:kleiner|gr(?:ö|oe)(?:ß|ss)er|smaller|bigger|larger)\s+(?:als|than)\s+"
        r"(?:wir|uns|we|us)\b", re.IGNORECASE)),
    # an event's attendance
    ("event", re.compile(
        r"\b(?:kamen|gekommen|came|attended|besuchten|nahmen)\s+(?:\w+\s+){0,2}$",
        re.IGNORECASE), re.compile(
        _NEXT + r"(?:teilgenommen|kamen|gekommen|attended|came|took\s+part)\b",
        re.IGNORECASE)),
)
_SEVERAL = re.compile(r"\b(?:gemeinden|kommunen|st(?:ä|ae)dte|municipalities|towns|"
                      r"zu\s+dritt|zu\s+zweit|zu\s+viert|beide\s+\w+|both)\b", re.IGNORECASE)
# Several municipalities' figure: "zusammen so 9.000", "together have 12,000", "combined
# population of 15,000".
_TOGETHER_BEFORE = re.compile(r"\b(?:zusammen|gemeinsam|together|combined|addiert)\b"
                              r"(?:\s+[\w.]+){0,3}\s*$", re.IGNORECASE)
_TOGETHER_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:zusammen|together|combined)\b",
                             re.IGNORECASE)
# A former post: the figure is the writer's past, not the sender's town.
_FORMER = re.compile(
    r"\bin\s+meine[mr]\s+(?:bisherigen|fr(?:ü|ue)heren|vorherigen|letzten|ehemaligen)\s+"
    r"(?:t(?:ä|ae)tigkeit|stelle|position|funktion|job)|\b(?:bei|f(?:ü|ue)r)\s+meine[mn]\s+"
    r"(?:fr(?:ü|ue)heren|ehemaligen|letzten|vorherigen)\s+arbeitgeber|\b(?:war|arbeitete)\s+ich\s+"
    r"(?:zuvor|vorher|fr(?:ü|ue)her)\b|\bin\s+my\s+(?:previous|former|last)\s+(?:job|position|"
    r"role|post)|\bi\s+(?:previously|formerly)\s+worked|\bmy\s+former\s+employer",
    re.IGNORECASE)
# A job application: the writer is a person applying for a post, not a municipality.
JOB_APPLICATION = re.compile(
    r"\b(?:lebenslauf|curriculum\s+vitae|initiativbewerbung|bewerbung\s+(?:als|um\s+die\s+"
    r"stelle)|bewerbe\s+mich\s+(?:hiermit\s+)?(?:als|um\s+die\s+stelle)|my\s+cv|my\s+resume|"
    r"apply(?:ing)?\s+for\s+the\s+(?:position|job|post)\s+(?:as|of))\b", re.IGNORECASE)


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the figure's sentence before and after it (lines joined)."""
    head = text[max(0, start - 250):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    before = head[ends[-1]:] if ends else head
    tail = text[end:end + 250]
    stop = _SENTENCE_END.search(tail)
    after = tail[:stop.start()] if stop else tail
    return " ".join(before.split()) + " ", " " + " ".join(after.split())


# A place named as part of a larger municipality: "the village of X, …, which belongs to the
# larger Gemeinde Y", "X, ein Ortsteil der Gemeinde Y".
PART_OF = re.compile(
    r"^[^.;]{0,80}?\b(?:belongs?\s+to|geh(?:ö|oe)r(?:t|en)\s+zu[mr]?|part\s+of|ortsteil\s+"
    r"(?:von|der|vun))\s+(?:the\s+|der\s+|die\s+|dem\s+|de\s+)?(?:larger\s+|"
    r"gr(?:ö|oe)(?:ß|ss)eren\s+)?(?:gemeinde|gemaa|municipality|town|stadt|kommune|city)\b",
    re.IGNORECASE)

# Refugees and event-goers are counted as people ("Menschen", "Personen"), never as
# "Einwohner": those reasons apply to people only.
_PEOPLE_ONLY = frozenset({"refugees", "event"})


def someone_elses(text: str, start: int, end: int, people: bool = True) -> str | None:
    """Whose the figure at ``text[start:end]`` is when not the sender's municipality's: a
    reason ("district", "part", "institution", "refugees", "neighbour", "event", "together",
    "former"), or None. ``people``: the figure counts people ("Menschen"), not inhabitants."""
    before, after = sentence_around(text, start, end)
    for reason, before_pattern, after_pattern in _OTHERS:
        if reason in _PEOPLE_ONLY and not people:
            continue
        if (before_pattern and before_pattern.search(before)) or (
                after_pattern and after_pattern.search(after)):
            return reason
    if _SEVERAL.search(before + after) and (_TOGETHER_BEFORE.search(before)
                                            or _TOGETHER_AFTER.match(after)):
        return "together"
    # A former post is named close to its figure (a run-on sentence may go on to the present).
    if _FORMER.search(before[-120:] + after[:60]):
        return "former"
    return None
