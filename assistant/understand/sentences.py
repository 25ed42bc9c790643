"""The sentences of a mail text, and whether each one asks something.

Kind detection and the intent classifier both read a mail sentence by sentence; :func:`units`
cuts the text once (cached for the last few texts) and marks each sentence that asks — a question
mark, a request ("bitte teilen Sie mit", "could you …"), an indirect question ("ich wollte
fragen, ob …"). Paragraphs and list items split sentences; a full stop after an abbreviation
("ca.", "z. B.", "approx.") or a day number ("am 19. November") does not; a colon before a
capitalised word does ("Zwei Fragen dazu: Wie lange …?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[\"„»(]?[A-ZÄÖÜ0-9])")
# A full stop after these ends no sentence (folded to lower case before the lookup).
_ABBREVIATIONS = frozenset("""
ca vgl bzw ggf evtl inkl exkl usw etc nr tel dr hr fr frau herr st str bspw abs ziff az zzgl
max min rd sog u a b d h o e g i z s ff lt gem mio tsd jan feb mar apr jun jul aug sep sept
okt oct nov dez dec approx e.g i.e no vs mr mrs ms prof dipl
""".split())
_DAY_NUMBER = re.compile(r"\(?\d{1,2}\.")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _no_sentence_end(piece: str) -> bool:
    """Whether the full stop ending ``piece`` belongs to an abbreviation or a day number."""
    last = piece.rsplit(None, 1)[-1] if piece.strip() else ""
    return (last.lower().lstrip("(").rstrip(".") in _ABBREVIATIONS
            or _DAY_NUMBER.fullmatch(last) is not None)


_COLON = re.compile(r"(?<=\w:)\s+(?=[\"„»]?[A-ZÄÖÜ][a-zäöüß])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+")
# "bitte … mitteilen": looked for on its own, in text with "bitte", from the start of a line and
# taking only the line's first "bitte" (an atomic group). Tried at every "bitte", as part of
# _ASKING, it took time with the square of a long line's length.
_PLEASE_TELL = re.compile(
    r"(?m:^)(?>.*?\bbitte\b).*\b(?:mit(?:teilen|zuteilen)|auskunft|informieren|nennen|sagen|"
    r"zusenden|schicken|erl(?:ä|ae)utern|r(?:ü|ue)ckmeldung|kontakt)")
# Requests and questions without a question mark. Written in lower case and matched against the
# lower-cased sentence (much faster than case-insensitive matching).
_ASKING = re.compile(
    r"\?|\bich\s+bitte\s+um\b|\bwir\s+bitten\s+um\b|"
    r"\b(?:w(?:ü|ue)rden?|m(?:ö|oe)chten?)\s+(?:gern|gerne)?\s*(?:wissen|erfahren)\b|"
    r"\bw(?:ü|ue)rde(?:n)?\s+(?:mich|uns)\s+(?:sehr\s+)?(?:über|ueber)\b|\bfragen?\s*:|"
    r"\b(?:habe|h(?:ä|ae)tte|haben|h(?:ä|ae)tten)\s+(?:\w+\s+){0,2}fragen?\b|"
    r"\b(?:eine|folgende|zwei|drei|einige|paar|weitere|kurze)\s+(?:\w+\s+)?fragen?\b|"
    r"\b(?:please|kindly)\s+(?:let|tell|send|advise|inform|confirm|explain)\b|"
    r"\b(?:could|would|can)\s+you\b|\b(?:i|we)\s+would\s+appreciate\b|"
    # "We would like to plan …" states a plan; "we would like to know …" asks.
    r"\b(?:i|we)(?:\s+would|'d)\s+like\s+(?:to\s+(?:know|ask|request|find\s+out|learn|check|"
    r"clarify|confirm|understand|hear|receive|get|enquire|inquire|discuss|speak|talk)|"
    r"(?:some|more|further|any)\s|information|details|advice|a\s+copy)\b|\bi\s+wonder\b|\bwondering\b|\bquestions?\s*:|"
    r"\b(?:a|one|two|three|few|following|quick|further)\s+(?:\w+\s+)?questions?\b|"
    # Indirect questions and requests: "will wissen, mit welchem Budget …", "unklar ist, ob …",
    # "it would help to know which …", "für eine Einschätzung wäre ich dankbar".
    r"\b(?:wissen|erfahren|kl(?:ä|ae)ren|fragt|fragen|unklar|unsicher|nicht\s+sicher|interessiert"
    r"(?:\s+(?:mich|uns))?)\b,?\s+(?:\w+\s+){0,2}?(?:ob|wie|wann|was|welche[mnrs]?|wo|wof(?:ü|ue)r|"
    r"womit|wohin|wer|wen|wem|wieviel|warum|weshalb|inwieweit|inwiefern)\b|"
    r"\b(?:w(?:ä|ae)re|w(?:ä|ae)ren)\s+(?:ich|wir)\s+(?:\w+\s+)?dankbar\b|"
    r"\b(?:ben(?:ö|oe)tige|ben(?:ö|oe)tigen|br(?:ä|ae)uchte|br(?:ä|ae)uchten)\s+(?:ich|wir)\b|"
    r"\b(?:know|find\s+out|learn|understand|clarify|ask(?:ed|ing)?|unclear|not\s+sure|wonder(?:ing)?)"
    r"\s+(?:\w+\s+)?(?:whether|if|how|what|which|when|where|who|why)\b|"
    r"\bwould\s+be\s+(?:very\s+)?grateful\b|"
    r"\b(?:we|i)\s+(?:would\s+)?need\s+(?:to\s+know|the|a|an)\b",
)


def sentences(text: str) -> list[str]:
    """The sentences of a mail text: paragraphs, list items and sentence ends split it.

    A full stop after an abbreviation ("ca.", "z. B.", "approx.") or a day number ("am 19.
    November") ends no sentence. A colon before a capitalised word does: "Zwei Fragen dazu: Wie
    lange …?" becomes the announcement and the question.
    """
    return [unit.text for unit in units(text)]


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence (or list item, or announcement) of a mail text."""

    text: str
    paragraph: int
    lowered: str
    asking: bool


@lru_cache(maxsize=8)
def units(text: str) -> tuple[Unit, ...]:
    """The sentences of ``text`` with their paragraph number and whether each asks.

    Cached for the last few texts: the kind detection and the intent classifier read the same
    mail text, and the sentences are cut and examined once.
    """
    out: list[Unit] = []
    for number, paragraph in enumerate(_PARAGRAPH_BREAK.split(text)):
        items: list[list[str]] = []
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            if not items or _LIST_ITEM.match(line):
                items.append([_LIST_ITEM.sub("", line).strip()])
            else:
                items[-1].append(line.strip())
        for item in items:
            joined = " ".join(item)
            # Pieces after an abbreviation join the one before; collected as lists and joined
            # once, so that a long run of abbreviations costs linear time, not quadratic.
            runs: list[list[str]] = []
            for piece in _SENTENCE_END.split(joined):
                if runs and _no_sentence_end(runs[-1][-1]):
                    runs[-1].append(piece)
                else:
                    runs.append([piece])
            for run in runs:
                piece = " ".join(run)
                parts = _COLON.split(piece) if ":" in piece else (piece,)
                for part in parts:
                    part = part.strip()
                    if part:
                        lowered = part.lower()
                        out.append(Unit(part, number, lowered, _asks(part, lowered)))
    return tuple(out)


def _asks(sentence: str, lowered: str) -> bool:
    return "?" in sentence or _ASKING.search(lowered) is not None or (
        "bitte" in lowered and _PLEASE_TELL.search(lowered) is not None)


def is_asking(sentence: str) -> bool:
    """Whether a sentence asks: a question mark, a request, an indirect question."""
    return _asks(sentence, sentence.lower())
