"""Which questions a mail asks: nearest catalogue examples plus a Naive Bayes contrast.

How it decides, in short (the README explains it for staff):

1. Every example phrasing in ``intents/<id>.yaml`` becomes a set of stems (see
   :mod:`assistant.understand.normalize`). A stem weighs more the fewer intents use it
   (inverse document frequency over intents), so "Förderung", used everywhere, counts little and
   "Laufzeit" counts a lot. At load time the catalogue also gives, per stem and intent, how
   often that intent's examples use the stem (Naive Bayes, add-alpha smoothed): "Laufzeit"
   points to ``duration``, "Kita" to ``out_of_scope``. A word the catalogue never uses points
   a little more to ``out_of_scope``, the intent for everything else.
2. The mail's new text is cut into sentences (once per mail, shared with the kind detection);
   the subject counts as one more, weaker sentence. Unknown words are mapped to a catalogue
   stem when rapidfuzz finds one a single slip away (two in long words: a letter missing,
   extra, wrong or swapped), and German compounds are split into known parts.
3. A sentence's score for an intent mixes three readings of the same stems:
   * nearest examples: the weighted overlap with the intent's two best examples (an inverted
     index touches only examples sharing a stem), rewarding covering an example well without
     ignoring how much else the sentence says;
   * the intent's profile: the cosine with all its examples' stems summed (weight 0.3);
   * the contrast: the Naive Bayes probability of the intent given the sentence's stems,
     softened by a temperature of 2, so words typical of *other* intents count against it
     (weight 0.3 of the total).
   ``Tuning`` holds these weights; they were chosen on ``tests/evaluation/dev``.
4. An intent's score is its best score in the sentence that matches it best; sentences that
   ask (a question mark, "bitte teilen Sie mit", "could you …", indirect questions such as
   "will wissen, ob …") count fully, statements count less, courtesy lines ("Vielen Dank im
   Voraus") not at all. An announcement ("Zwei Fragen dazu:") counts as a statement and makes
   the sentences after it count as asked. A short question that points back ("Wer kann da
   weiterhelfen?") is read together with the statement before it. The subject counts a little
   less than a question. A sentence may carry a second intent only when it scores close to the
   first.
5. The score becomes a confidence in [0, 1] through a logistic curve whose two parameters are
   fitted on labelled mails (``assistant evaluate --calibrate``) and kept in
   ``knowledge/classifier.yaml``. Intents at or above the threshold setting are returned; when
   none reaches it, the classifier abstains and the draft goes to staff.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.parse.language import detect_language
from assistant.parse.subject import REPLY_PREFIXES
from assistant.understand.normalize import MAX_WORD, content_tokens, stem
from assistant.understand.sentences import units
from assistant.values import IntentScore

# A sentence that announces questions ("Zwei Fragen dazu:", "Two things are unclear:") asks
# nothing itself; the sentences after it do, even without a question mark.
_ANNOUNCES = re.compile(
    r"(?:fragen?|punkte?|dinge|themen|anliegen|unklar|offen|wissen|folgendes|question|questions|"
    r"points?|things?|unclear|open|following|know|ask)\W*:$")
_ANNOUNCED_SPAN = 4
# Courtesy lines ("Vielen Dank im Voraus!", "Über eine Rückmeldung freue ich mich") ask for no
# topic; they are not scored at all. "vorab … Dank" is looked for on its own, from the line's
# first "vorab" (see ``sentences._PLEASE_TELL``: linear time on a long line).
_THANKS_BEFOREHAND = re.compile(r"(?m:^)(?>.*?\bvorab\b).*\bdank")
_COURTESY = re.compile(
    r"\bim\s+voraus\b|\bin\s+advance\b|\b(?:freue|freuen)\s+(?:mich|uns)\b|"
    r"\b(?:mich|uns)\s+(?:sehr\s+)?freue[nr]?\b|"
    r"\b(?:ü|ue)ber\s+(?:eine|ihre)\s+(?:\w+\s+)?(?:r(?:ü|ue)ckmeldung|antwort)\b|"
    r"\blook(?:ing)?\s+forward\b|\bbedanke\b|\b(?:vielen|herzlichen|besten|lieben)\s+dank\b|"
    r"\bdanke\b|\bthanks?\b|\bmit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en\b|\bkind\s+regards\b")
# The catch-all intent: words the catalogue never uses point to it a little more.
_OTHER = "out_of_scope"
# Stemming shortens a German word by at most a few suffixes ("-lichkeiten", "-ern") and folded
# umlauts: a compound's tail longer than the longest catalogue stem plus this cannot stem to one.
_STEM_SLACK = 20


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
    # The catalogue contrast (Naive Bayes over stems, see ``_NaiveBayes``).
    nb_weight: float = 0.3
    nb_alpha: float = 0.5
    nb_temperature: float = 2.0
    nb_unknown_boost: float = 3.0
    # "Bis wann muss der Antrag eingereicht sein, und wie stellt man ihn?" asks two things:
    # such a question is also scored clause by clause.
    split_clauses: bool = True


_CLAUSE = re.compile(
    r",\s+(?:und|oder|sowie|and|or)\s+(?=(?:wie|wann|wo|wer|was|welche\w*|ob|warum|wieso|"
    r"wieviel|bis\s+wann|how|when|where|who|what|which|whether)\b)", re.IGNORECASE)


def _clauses(unit: tuple[str, float]) -> list[tuple[str, float]]:
    """The unit, and for a question that joins two questions, each of them as well."""
    sentence, weight = unit
    if weight < 1.0:
        return [unit]
    parts = [p.strip(" ,;") for p in _CLAUSE.split(sentence)]
    parts = [p for p in parts if len(p.split()) >= 3]
    if len(parts) < 2:
        return [unit]
    return [unit, *((p, weight) for p in parts)]


def _courteous(lowered: str) -> bool:
    return _COURTESY.search(lowered) is not None or (
        "vorab" in lowered and _THANKS_BEFOREHAND.search(lowered) is not None)


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
        self._token_cache: dict[str, dict[str, tuple[str, ...]]] = {}
        self._longest_part = max((len(s) for s in self.idf), default=0) + _STEM_SLACK
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
        self._build_tables()
        self._build_contrast(raw)

    def _build_tables(self) -> None:
        """The same indexes in the shape the scoring loop reads fastest."""
        power = self.tuning.coverage_power
        self._idf_squared = {s: w * w for s, w in self.idf.items()}
        self._example_postings = {s: tuple(index for index, _ in posting)
                                  for s, posting in self.postings.items()}
        self._example_inverse = [norm ** -power for norm in self.example_norm]
        position = {intent_id: n for n, intent_id in enumerate(self.intent_ids)}
        self._centroid_rows: dict[str, tuple[float, ...]] = {}
        for s, posting in self.centroid_postings.items():
            row = [0.0] * len(self.intent_ids)
            for intent_id, w in posting:
                row[position[intent_id]] = self.idf[s] * w
            self._centroid_rows[s] = tuple(row)

    def _build_contrast(self, raw: list[tuple[str, list[str]]]) -> None:
        """Naive Bayes over stems: log P(stem | intent), from how often each intent's examples
        use the stem (add-alpha smoothing). A word the catalogue never uses is likelier for
        ``out_of_scope``, the intent for everything else, by ``nb_unknown_boost``."""
        alpha = self.tuning.nb_alpha
        position = {intent_id: n for n, intent_id in enumerate(self.intent_ids)}
        counts: dict[str, list[float]] = {}
        totals = [0.0] * len(self.intent_ids)
        for intent_id, stems in raw:
            column = position[intent_id]
            for s in set(stems):
                counts.setdefault(s, [0.0] * len(self.intent_ids))[column] += 1.0
                totals[column] += 1.0
        size = len(counts) + 1
        denominators = [math.log(total + alpha * size) for total in totals]
        self.nb_log: dict[str, tuple[float, ...]] = {
            s: tuple(math.log(c + alpha) - d for c, d in zip(row, denominators, strict=True))
            for s, row in counts.items()}
        boost = {intent_id: self.tuning.nb_unknown_boost for intent_id in self.intent_ids
                 if intent_id == _OTHER}
        self.nb_unknown = tuple(math.log(alpha * boost.get(intent_id, 1.0)) - d
                                for intent_id, d in zip(self.intent_ids, denominators,
                                                        strict=True))

    def contrast(self, stems: Sequence[str]) -> dict[str, float]:
        """P(intent | sentence) under Naive Bayes with a uniform prior, softened by
        ``nb_temperature`` (the log-likelihoods are divided by it before normalising)."""
        if not stems:
            return {}
        return dict(zip(self.intent_ids, self._posterior(stems), strict=True))

    def _posterior(self, stems: Iterable[str]) -> list[float]:
        nb_log, unknown = self.nb_log, self.nb_unknown
        logs = [sum(column) for column in zip(*[nb_log.get(s, unknown) for s in stems],
                                              strict=True)]
        top = max(logs)
        scale = 1.0 / self.tuning.nb_temperature
        exps = [math.exp((x - top) * scale) for x in logs]
        total = sum(exps)
        return [e / total for e in exps]

    # -- words to catalogue stems -------------------------------------------------------------
    def _map_token(self, token: str, language: str) -> tuple[str, ...]:
        """The catalogue stems a folded token stands for, or ("?stem",) when none."""
        cache = self._token_cache.setdefault(language, {})
        mapped = cache.get(token)
        if mapped is None:
            mapped = self._lookup(token, language)
            if len(cache) < 100_000 and len(token) <= MAX_WORD:
                cache[token] = mapped
        return mapped

    def _lookup(self, token: str, language: str) -> tuple[str, ...]:
        if len(token) > MAX_WORD:  # no word: a hash, base64, a key held down
            return ("?" + token[:MAX_WORD],)
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
        """Split a German compound into a known head and a known modifier, if possible.

        Heads are tried from the shortest tail on; only tails and modifiers that could stem to
        a catalogue stem are stemmed, so the work per token is bounded whatever its length.
        """
        best: tuple[str, ...] = ()
        longest = self._longest_part
        for i in range(len(token) - 4, max(3, len(token) - longest - 1), -1):
            head = stem(token[i:], "de")
            if head not in self.idf:
                continue
            left = token[:i]
            for candidate in (left, left[:-1] if left.endswith("s") else None,
                              left[:-2] if left.endswith("es") else None):
                if not candidate or len(candidate) < 4 or len(candidate) > longest:
                    continue
                modifier = stem(candidate, "de")
                if modifier in self.idf:
                    return (modifier, head)
            if not best:
                best = (head,)
        return best

    def _query(self, sentence: str, language: str) -> dict[str, float]:
        """A sentence's catalogue stems with their weights; unknown words as "?stem"."""
        query: dict[str, float] = {}
        cache = self._token_cache.setdefault(language, {})
        for token in content_tokens(sentence):
            mapped = cache.get(token)
            if mapped is None:
                mapped = self._lookup(token, language)
                if len(cache) < 100_000 and len(token) <= MAX_WORD:
                    cache[token] = mapped
            for s in mapped:
                if s[0] == "?":
                    query.setdefault(s, self.tuning.unknown_word_weight)
                else:
                    query[s] = self.idf[s]
        return query

    def _known_stem_count(self, sentence: str, language: str) -> int:
        """How many different catalogue stems a sentence uses (its content words we know)."""
        return sum(1 for s in self._query(sentence, language) if s[0] != "?")

    # -- scoring ------------------------------------------------------------------------------
    def sentence_scores(self, sentence: str, language: str) -> dict[str, float]:
        """Best similarity per intent for one sentence (raw, before calibration)."""
        return self._scores(self._query(sentence, language))

    def _scores(self, query: Mapping[str, float]) -> dict[str, float]:
        if not query:
            return {}
        tuning = self.tuning
        q_norm = 0.0
        for qw in query.values():
            q_norm += qw * qw
        # Overlap with each example sharing a stem: the sum of idf² over the shared stems (a
        # query stem and an example stem both weigh their idf; unknown words match nothing).
        dots: dict[int, float] = {}
        get = dots.get
        for s in query:
            posting = self._example_postings.get(s)
            if posting is not None:
                weight = self._idf_squared[s]
                for index in posting:
                    dots[index] = get(index, 0.0) + weight
        # coverage^p · precision^(1-p) = dot / (|example|^p · |query|^(1-p)): each intent's
        # k best examples, averaged.
        k = tuning.top_k
        inverse, example_intent = self._example_inverse, self.example_intent
        knn: dict[str, float] = {}
        if k == 1:
            for index, dot in dots.items():
                value = dot * inverse[index]
                intent_id = example_intent[index]
                if value > knn.get(intent_id, 0.0):
                    knn[intent_id] = value
        else:
            tops: dict[str, list[float]] = {}
            for index, dot in dots.items():
                value = dot * inverse[index]
                scores = tops.get(example_intent[index])
                if scores is None:
                    tops[example_intent[index]] = [value]
                elif len(scores) < k:
                    scores.append(value)
                    scores.sort(reverse=True)
                elif value > scores[-1]:
                    scores[-1] = value
                    scores.sort(reverse=True)
            knn = {intent_id: sum(scores) / k for intent_id, scores in tops.items()}
        scale = q_norm ** (tuning.coverage_power - 1.0)
        cw, nw = tuning.centroid_weight, tuning.nb_weight
        if not cw and not nw:
            return {intent_id: value * scale for intent_id, value in knn.items()}
        # The profiles' cosine and the Naive Bayes posterior cover every intent.
        rows = [self._centroid_rows[s] for s in query if s in self._centroid_rows]
        cosines = [sum(column) for column in zip(*rows, strict=True)] if rows else None
        posterior = self._posterior(query) if nw else None
        q_len = math.sqrt(q_norm)
        best: dict[str, float] = {}
        for n, intent_id in enumerate(self.intent_ids):
            value = (1.0 - cw) * knn.get(intent_id, 0.0) * scale
            if cosines is not None:
                value += cw * cosines[n] / q_len
            if posterior is not None:
                value = (1.0 - nw) * value + nw * posterior[n]
            best[intent_id] = value
        return best

    def weighted_sentences(self, text: str) -> list[tuple[str, float]]:
        """Each sentence with its weight: asking sentences count fully, statements less.

        An announcement ("Folgende Fragen haben wir:") counts as a statement, and the sentences
        of its paragraph and the next few after it count as asked.
        """
        weighted: list[tuple[str, float]] = []
        announced_until = -1
        announced_paragraph = -1
        for index, unit in enumerate(units(text)):
            lowered = unit.lowered
            if "?" not in unit.text and _courteous(lowered):
                continue
            if (unit.text.endswith(":") and unit.asking) or _ANNOUNCES.search(lowered[-60:]):
                weighted.append((unit.text, self.tuning.statement_weight))
                announced_until = index + _ANNOUNCED_SPAN
                announced_paragraph = unit.paragraph
                continue
            if unit.asking:
                weight = 1.0
            elif index <= announced_until or unit.paragraph == announced_paragraph:
                weight = self.tuning.announced_weight
            else:
                weight = self.tuning.statement_weight
            weighted.append((unit.text, weight))
        return weighted

    def raw_scores(self, text: str, subject: str, language: str) -> dict[str, tuple[float, str]]:
        """Per intent: the best weighted sentence score and that sentence."""
        result: dict[str, tuple[float, str]] = {}
        weighted = self.weighted_sentences(text)
        if self.tuning.split_clauses:
            weighted = [part for unit in weighted for part in _clauses(unit)]
        subject = subject.strip()
        subject_unit = bool(subject) and not REPLY_PREFIXES.match(subject)
        if subject_unit:
            weighted.append((subject, self.tuning.subject_weight))
        last_body = len(weighted) - (1 if subject_unit else 0)
        ratio = self.tuning.second_intent_ratio
        previous: dict[str, float] = {}
        for index, (sentence, weight) in enumerate(weighted):
            query = self._query(sentence, language)
            # A short question pointing back ("Wer kann da weiterhelfen?", "Is there money for
            # that?") is read together with the statement before it, which names the topic.
            scored = query
            if index < last_body and weight >= 1.0 and previous and sum(
                    1 for s in query if s[0] != "?") <= self.tuning.thin_question:
                scored = previous | query
            previous = query if weight < 1.0 else {}
            scores = self._scores(scored)
            if not scores:
                continue
            floor = max(scores.values()) * ratio
            for intent_id, score in scores.items():
                if score < floor:
                    continue
                weighted_score = score * weight
                if weighted_score > result.get(intent_id, (0.0, ""))[0]:
                    result[intent_id] = (weighted_score, sentence)
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
