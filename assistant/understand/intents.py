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
   stem when rapidfuzz finds one within a small edit distance (typos), and German compounds are
   split into known parts.
3. An intent's score is its best example's similarity in the sentence that matches it best;
   sentences that ask (a question mark, "bitte teilen Sie mit", "could you …") count fully,
   statements count less. A sentence may carry a second intent only when it scores close to
   the first.
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

from rapidfuzz import fuzz, process

from assistant.parse.language import detect_language
from assistant.understand.normalize import STOPWORDS, content_tokens, stem
from assistant.values import IntentScore

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[\"„»(]?[A-ZÄÖÜ0-9])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+")
_ASKING = re.compile(
    r"\?|\bbitte\b.*\b(?:mit(?:teilen|zuteilen)|auskunft|informieren|nennen|sagen|zusenden|"
    r"schicken|erl(?:ä|ae)utern|r(?:ü|ue)ckmeldung|kontakt)|\bich\s+bitte\s+um\b|\bwir\s+bitten\s+um\b|"
    r"\b(?:w(?:ü|ue)rden?|m(?:ö|oe)chten?)\s+(?:gern|gerne)?\s*(?:wissen|erfahren)\b|"
    r"\bw(?:ü|ue)rde(?:n)?\s+(?:mich|uns)\s+(?:sehr\s+)?(?:über|ueber)\b|\bfragen?\s*:|"
    r"\b(?:habe|h(?:ä|ae)tte|haben|h(?:ä|ae)tten)\s+(?:\w+\s+){0,2}fragen?\b|"
    r"\b(?:eine|folgende|zwei|drei|einige|paar|weitere|kurze)\s+(?:\w+\s+)?fragen?\b|"
    r"\b(?:please|kindly)\s+(?:let|tell|send|advise|inform|confirm|explain)\b|"
    r"\b(?:could|would|can)\s+you\b|\bi\s+would\s+(?:like|appreciate)\b|"
    r"\bwe\s+would\s+(?:like|appreciate)\b|\bi\s+wonder\b|\bwondering\b|\bquestions?\s*:|"
    r"\b(?:a|one|two|three|few|following|quick|further)\s+(?:\w+\s+)?questions?\b",
    re.IGNORECASE,
)
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
    statement_weight: float = 0.2
    subject_weight: float = 1.0
    second_intent_ratio: float = 0.9
    unknown_word_weight: float = 1.0
    coverage_power: float = 0.6
    top_k: int = 2
    centroid_weight: float = 0.3


def sentences(text: str) -> list[str]:
    """The sentences of a mail text: paragraphs, list items and sentence ends split it."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
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
            out.extend(s.strip() for s in _SENTENCE_END.split(joined) if s.strip())
    return out


def is_asking(sentence: str) -> bool:
    return _ASKING.search(sentence) is not None


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
            match = process.extractOne(s, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
            if match is not None and abs(len(match[0]) - len(s)) <= 2:
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
            for intent_id, centroid in self.centroids.items():
                dot = sum(qw * centroid.get(s, 0.0) for s, qw in query.items())
                cos = dot / (q_len * self.centroid_norms[intent_id]) if dot else 0.0
                best[intent_id] = (1 - cw) * best.get(intent_id, 0.0) + cw * cos
        return best

    def raw_scores(self, text: str, subject: str, language: str) -> dict[str, tuple[float, str]]:
        """Per intent: the best weighted sentence score and that sentence."""
        result: dict[str, tuple[float, str]] = {}
        units: list[tuple[str, float]] = []
        for sentence in sentences(text):
            weight = 1.0 if is_asking(sentence) else self.tuning.statement_weight
            units.append((sentence, weight))
        subject = subject.strip()
        if subject and not _REPLY_PREFIX.match(subject):
            units.append((subject, self.tuning.subject_weight))
        for sentence, weight in units:
            scores = self.sentence_scores(sentence, language)
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
