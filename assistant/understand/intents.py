"""Which questions a mail asks: a nearest-example classifier over the intent catalogue.

How it decides, in short (the README explains it for staff):

1. Every example phrasing in ``intents/<id>.yaml`` becomes a set of stems (see
   :mod:`assistant.understand.normalize`). A stem weighs more the fewer intents use it
   (inverse document frequency over intents), so "Förderung", used everywhere, counts little and
   "Laufzeit" counts a lot.
2. The mail's new text is cut into sentences; the subject counts as one more, weaker sentence.
   Each sentence is compared with every example sharing a stem with it (an inverted index keeps
   this fast); the similarity is a weighted overlap that rewards covering an example well
   without ignoring how much else the sentence says. Unknown words are mapped to a catalogue
   stem when rapidfuzz finds one a single slip away (two in long words: a letter missing, extra,
   wrong or swapped), and German compounds are split into known parts.
3. An intent's score is its best example's similarity in the sentence that matches it best;
   sentences that ask (a question mark, "bitte teilen Sie mit", "could you …", indirect
   questions such as "will wissen, ob …") count fully, statements count less, courtesy lines
   ("Vielen Dank im Voraus") not at all. An announcement ("Zwei Fragen dazu:") counts as a
   statement and makes the sentences after it count as asked. A short question that points back
   ("Wer kann da weiterhelfen?") is read together with the statement before it. The subject
   counts a little less than a question. A sentence may carry a second intent only when it
   scores close to the first.
4. The score becomes a confidence in [0, 1] through a logistic curve whose two parameters are
   fitted on labelled mails (``assistant evaluate --calibrate``) and kept in
   ``knowledge/classifier.yaml``. Intents at or above the threshold setting are returned; when
   none reaches it, the classifier abstains and the draft goes to staff.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.parse.language import detect_language
from assistant.understand.normalize import STOPWORDS, content_tokens, stem
from assistant.values import IntentScore

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[\"„»(]?[A-ZÄÖÜ0-9])")
# A full stop after these ends no sentence (folded to lower case before the lookup).
_ABBREVIATIONS = frozenset("""
ca vgl bzw ggf evtl inkl exkl usw etc nr tel dr hr fr frau herr st str bspw abs ziff az zzgl
max min rd sog u a b d h o e g i z s ff lt gem mio tsd jan feb mar apr jun jul aug sep sept
okt oct nov dez dec approx e.g i.e no vs mr mrs ms prof dipl
""".split())
_DAY_NUMBER = re.compile(r"\(?\d{1,2}\.")


def _no_sentence_end(piece: str) -> bool:
    """Whether the full stop ending ``piece`` belongs to an abbreviation or a day number."""
    last = piece.rsplit(None, 1)[-1] if piece.strip() else ""
    return (last.lower().lstrip("(").rstrip(".") in _ABBREVIATIONS
            or _DAY_NUMBER.fullmatch(last) is not None)


_COLON = re.compile(r"(?<=\w:)\s+(?=[\"„»]?[A-ZÄÖÜ][a-zäöüß])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+")
_ASKING = re.compile(
    r"\?|\bbitte\b.*\b(?:mit(?:teilen|zuteilen)|auskunft|informieren|nennen|sagen|zusenden|"
    r"schicken|erl(?:ä|ae)utern|r(?:ü|ue)ckmeldung|kontakt)|\bich\s+bitte\s+um\b|\bwir\s+bitten\s+um\b|"
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
    r"\bwould\s+be\s+(?:very\s+)?grateful\b|\b(?:we|i)\s+(?:would\s+)?need\s+(?:to\s+know|the|a|an)\b",
)
# written in lower case; is_asking lower-cases the sentence (faster than IGNORECASE)
# A sentence that announces questions ("Zwei Fragen dazu:", "Two things are unclear:") asks
# nothing itself; the sentences after it do, even without a question mark.
_ANNOUNCES = re.compile(
    r"(?:fragen?|punkte?|dinge|themen|anliegen|unklar|offen|wissen|folgendes|question|questions|"
    r"points?|things?|unclear|open|following|know|ask)\W*:$")
_ANNOUNCED_SPAN = 4
# Courtesy lines ("Vielen Dank im Voraus!", "Über eine Rückmeldung freue ich mich") ask for no
# topic; they are not scored at all.
_COURTESY = re.compile(
    r"\bim\s+voraus\b|\bvorab\b.*\bdank|\bin\s+advance\b|\b(?:freue|freuen)\s+(?:mich|uns)\b|"
    r"\b(?:mich|uns)\s+(?:sehr\s+)?freue[nr]?\b|"
    r"\b(?:ü|ue)ber\s+(?:eine|ihre)\s+(?:\w+\s+)?(?:r(?:ü|ue)ckmeldung|antwort)\b|"
    r"\blook(?:ing)?\s+forward\b|\bbedanke\b|\b(?:vielen|herzlichen|besten|lieben)\s+dank\b|"
    r"\bdanke\b|\bthanks?\b|\bmit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en\b|\bkind\s+regards\b")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|wg|fw|fwd|antw|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic map from raw similarity to confidence: 1 / (1 + exp(-slope·(s - midpoint)))."""

    slope: float = 12.0
    midpoint: float = 0.25

    def __call__(self, score: float) -> float:
        if score <= 0.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-self.slope * (score - self.midpoint)))


@dataclass(frozen=True, slots=True)
class Tuning:
    statement_weight: float = 0.3
    subject_weight: float = 0.7
    second_intent_ratio: float = 0.9
    unknown_word_weight: float = 1.0
    coverage_power: float = 0.6
    top_k: int = 2
    centroid_weight: float = 0.3
    announced_weight: float = 1.0
    thin_question: int = 2


def sentences(text: str) -> list[str]:
    """The sentences of a mail text: paragraphs, list items and sentence ends split it.

    A full stop after an abbreviation ("ca.", "z. B.", "approx.") or a day number ("am 19.
    November") ends no sentence. A colon before a capitalised word does: "Zwei Fragen dazu: Wie
    lange …?" becomes the announcement and the question.
    """
    return [unit.text for unit in _units(text)]


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str
    paragraph: int


def _units(text: str) -> list[_Unit]:
    out: list[_Unit] = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        items: list[list[str]] = []
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            if _LIST_ITEM.match(line) or not items:
                items.append([_LIST_ITEM.sub("", line).strip()])
            else:
                items[-1].append(line.strip())
        for item in items:
            joined = " ".join(item)
            pieces: list[str] = []
            for piece in _SENTENCE_END.split(joined):
                if pieces and _no_sentence_end(pieces[-1]):
                    pieces[-1] = f"{pieces[-1]} {piece}"
                else:
                    pieces.append(piece)
            for piece in pieces:
                out.extend(_Unit(part.strip(), number) for part in _COLON.split(piece)
                           if part.strip())
    return out


def is_asking(sentence: str) -> bool:
    return "?" in sentence or _ASKING.search(sentence.lower()) is not None


class IntentClassifier:
    """Built once from the catalogue; ``classify`` is pure and thread-safe."""

    def __init__(self, catalogue: Mapping[str, Sequence[str]], threshold: float,
                 calibration: Calibration | None = None, tuning: Tuning | None = None) -> None:
        self.threshold = threshold
        self.calibration = calibration or Calibration()
        self.tuning = tuning or Tuning()
        self.intent_ids = tuple(catalogue)
        raw: list[tuple[str, list[str]]] = []
        surface: set[str] = set()
        for intent_id, examples in catalogue.items():
            for example in examples:
                lang = detect_language(example, default="de")
                words = content_tokens(example)
                surface.update(words)
                raw.append((intent_id, [stem(w, lang) for w in words]))
        df: dict[str, set[str]] = defaultdict(set)
        for intent_id, stems in raw:
            for s in stems:
                df[s].add(intent_id)
        n = len(self.intent_ids)
        self.idf = {s: math.log((n + 1) / (len(ids) + 0.5)) for s, ids in df.items()}
        self.vocabulary = tuple(sorted(self.idf))
        self.surface = frozenset(surface)
        self.example_intent: list[str] = []
        self.example_norm: list[float] = []
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for intent_id, stems in raw:
            unique = set(stems)
            if not unique:
                continue
            index = len(self.example_intent)
            self.example_intent.append(intent_id)
            weights = {s: self.idf[s] for s in unique}
            self.example_norm.append(sum(w * w for w in weights.values()))
            for s, w in weights.items():
                self.postings[s].append((index, w))
        self._token_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        # Each intent's profile: the summed weights of its examples' stems.
        self.centroids: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for intent_id, stems in raw:
            for s in set(stems):
                self.centroids[intent_id][s] += self.idf[s]
        self.centroid_norms = {i: math.sqrt(sum(w * w for w in c.values())) or 1.0
                               for i, c in self.centroids.items()}
        # The profiles as postings (stem → intents with normalised weight), so that a sentence
        # touches only the intents that share a stem with it.
        self.centroid_postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for intent_id, centroid in self.centroids.items():
            for s, w in centroid.items():
                self.centroid_postings[s].append((intent_id, w / self.centroid_norms[intent_id]))

    # -- words to catalogue stems -------------------------------------------------------------
    def _map_token(self, token: str, language: str) -> tuple[str, ...]:
        key = (token, language)
        cached = self._token_cache.get(key)
        if cached is not None:
            return cached
        result = self._lookup(token, language)
        if len(self._token_cache) < 200_000:
            self._token_cache[key] = result
        return result

    def _lookup(self, token: str, language: str) -> tuple[str, ...]:
        s = stem(token, language)
        if s in self.idf:
            return (s,)
        other = stem(token, "en" if language == "de" else "de")
        if other in self.idf:
            return (other,)
        if len(token) >= 8:
            parts = self._split_compound(token)
            if parts:
                return parts
        if len(s) >= 5:
            # A typo is one slip (two in long words): a letter missing, extra, wrong or swapped.
            # A real word two letters away from a catalogue stem ("Betracht", "beacht") is not.
            slips = 1 if len(s) < 9 else 2
            match = process.extractOne(s, self.vocabulary, scorer=OSA.distance,
                                       score_cutoff=slips)
            if match is not None and match[0][:1] == s[:1]:
                return (match[0],)
        return ("?" + s,)

    def _split_compound(self, token: str) -> tuple[str, ...]:
        """Split a German compound into a known head and a known modifier, if possible."""
        best: tuple[str, ...] = ()
        for i in range(len(token) - 4, 3, -1):
            head = stem(token[i:], "de")
            if head not in self.idf:
                continue
            left = token[:i]
            for candidate in (left, left[:-1] if left.endswith("s") else None,
                              left[:-2] if left.endswith("es") else None):
                if not candidate or len(candidate) < 4:
                    continue
                modifier = stem(candidate, "de")
                if modifier in self.idf:
                    return (modifier, head)
            if not best:
                best = (head,)
        return best

    def _known_stem_count(self, sentence: str, language: str) -> int:
        """How many different catalogue stems a sentence uses (its content words we know)."""
        found: set[str] = set()
        for token in content_tokens(sentence):
            if token not in STOPWORDS:
                found.update(s for s in self._map_token(token, language) if not s.startswith("?"))
        return len(found)

    # -- scoring ------------------------------------------------------------------------------
    def sentence_scores(self, sentence: str, language: str) -> dict[str, float]:
        """Best similarity per intent for one sentence (raw, before calibration)."""
        query: dict[str, float] = {}
        for token in content_tokens(sentence):
            if token in STOPWORDS:
                continue
            for s in self._map_token(token, language):
                if s.startswith("?"):
                    query.setdefault(s, self.tuning.unknown_word_weight)
                else:
                    query[s] = self.idf[s]
        if not query:
            return {}
        q_norm = sum(w * w for w in query.values())
        dots: dict[int, float] = defaultdict(float)
        for s, qw in query.items():
            for index, ew in self.postings.get(s, ()):
                dots[index] += qw * ew
        per_intent: dict[str, list[float]] = defaultdict(list)
        power = self.tuning.coverage_power
        for index, dot in dots.items():
            e_norm = self.example_norm[index]
            coverage = dot / e_norm
            precision = dot / q_norm
            per_intent[self.example_intent[index]].append(
                (coverage ** power) * (precision ** (1.0 - power)))
        k = self.tuning.top_k
        best = {intent_id: sum(sorted(scores, reverse=True)[:k]) / k
                for intent_id, scores in per_intent.items()}
        if self.tuning.centroid_weight:
            cw = self.tuning.centroid_weight
            q_len = math.sqrt(q_norm)
            cosines: dict[str, float] = defaultdict(float)
            for s, qw in query.items():
                for intent_id, w in self.centroid_postings.get(s, ()):
                    cosines[intent_id] += qw * w / q_len
            for intent_id in self.centroids:
                best[intent_id] = ((1 - cw) * best.get(intent_id, 0.0)
                                   + cw * cosines.get(intent_id, 0.0))
        return best

    def weighted_sentences(self, text: str) -> list[tuple[str, float]]:
        """Each sentence with its weight: asking sentences count fully, statements less.

        An announcement ("Folgende Fragen haben wir:") counts as a statement, and the sentences
        of its paragraph and the next few after it count as asked.
        """
        units: list[tuple[str, float]] = []
        announced_until = -1
        announced_paragraph = -1
        for index, unit in enumerate(_units(text)):
            lowered = unit.text.lower()
            if "?" not in unit.text and _COURTESY.search(lowered):
                continue
            if _ANNOUNCES.search(lowered[-60:]) or (unit.text.endswith(":")
                                                    and is_asking(unit.text)):
                units.append((unit.text, self.tuning.statement_weight))
                announced_until = index + _ANNOUNCED_SPAN
                announced_paragraph = unit.paragraph
                continue
            if is_asking(unit.text):
                weight = 1.0
            elif index <= announced_until or unit.paragraph == announced_paragraph:
                weight = self.tuning.announced_weight
            else:
                weight = self.tuning.statement_weight
            units.append((unit.text, weight))
        return units

    def raw_scores(self, text: str, subject: str, language: str) -> dict[str, tuple[float, str]]:
        """Per intent: the best weighted sentence score and that sentence."""
        result: dict[str, tuple[float, str]] = {}
        units = self.weighted_sentences(text)
        subject = subject.strip()
        subject_unit = bool(subject) and not _REPLY_PREFIX.match(subject)
        if subject_unit:
            units.append((subject, self.tuning.subject_weight))
        previous = ""
        for index, (sentence, weight) in enumerate(units):
            scored_text = sentence
            # A short question pointing back ("Wer kann da weiterhelfen?", "Is there money for
            # that?") is read together with the statement before it, which names the topic.
            if (index < len(units) - (1 if subject_unit else 0) and weight >= 1.0 and previous
                    and self._known_stem_count(sentence, language) <= self.tuning.thin_question):
                scored_text = f"{previous} {sentence}"
            previous = sentence if weight < 1.0 else ""
            scores = self.sentence_scores(scored_text, language)
            if not scores:
                continue
            top = max(scores.values())
            for intent_id, score in scores.items():
                if score < top * self.tuning.second_intent_ratio:
                    continue
                weighted = score * weight
                if weighted > result.get(intent_id, (0.0, ""))[0]:
                    result[intent_id] = (weighted, sentence)
        return result

    def classify(self, text: str, subject: str, language: str
                 ) -> tuple[tuple[IntentScore, ...], bool]:
        """Intents asked (confidence ≥ threshold, best first) and whether it abstained."""
        scored = [IntentScore(intent_id, round(self.calibration(score), 3), sentence)
                  for intent_id, (score, sentence) in self.raw_scores(text, subject,
                                                                       language).items()]
        chosen = sorted((s for s in scored if s.confidence >= self.threshold),
                        key=lambda s: (-s.confidence, s.id))
        return tuple(chosen), not chosen
