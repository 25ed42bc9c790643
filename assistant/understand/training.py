"""Training the intent model from the catalogue and labelled mails (needs scikit-learn).

What is learned, and from what:

* **Units, not mails.** The model scores one question unit at a time
  (:mod:`assistant.understand.questions`). The catalogue's example phrasings are units with one
  intent each. A labelled mail says which intents it asks, not which sentence asks which: each of
  its intents is given to the unit that a first model (trained on the catalogue and the mails
  with a single question) finds most likely for it (questions preferred to the subject, the
  subject to statements) — multiple-instance learning in one round. Statements, greetings,
  closings and courtesy lines that got no intent become examples of "no intent" (with a lower
  weight), so that a stated population or a story sentence does not pull an intent.
* **One logistic regression per intent** (scikit-learn's liblinear, L2, ``C``) over TF-IDF
  weighted features (:mod:`assistant.understand.features`).
* **Confidence and thresholds from held-out predictions.** The labelled mails come in groups
  (one per labelled folder, i.e. per writer); each group is predicted by a model trained without
  it. On those predictions a Platt curve maps the units' probabilities to a confidence that
  means what it says (the reliability table shows it), and the thresholds of
  :class:`~assistant.understand.model.Decision` are chosen to maximise micro-F1.

Intents that the conversation supplies (a reply that gives the population we asked for
completes ``eligibility``) are not taught to the model: the understanding adds them by rule.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.parse.language import detect_language
from assistant.understand.features import features
from assistant.understand.model import Calibration, Decision, IntentModel, choose
from assistant.understand.questions import Role, Unit

# Weight of each role when a mail's intents are given to its units (the unit with the highest
# probability times this weight gets the intent).
_ASSIGN_WEIGHT = {Role.QUESTION: 1.0, Role.SUBJECT: 0.6, Role.STATEMENT: 0.3}
_NEGATIVE_ROLES = frozenset({Role.STATEMENT, Role.ANNOUNCEMENT, Role.SUBJECT, Role.GREETING,
                             Role.CLOSING, Role.COURTESY})
_GRID_QUESTION = tuple(round(float(x), 2) for x in np.arange(0.10, 0.75, 0.05))
_GRID_MORE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_GRID_SUBJECT = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


@dataclass(frozen=True, slots=True)
class Params:
    c: float = 30.0
    negative_weight: float = 0.3
    # An intent is also given to every other unit of the mail whose probability reaches this
    # share of the best unit's (1.0: only the best).
    assign_ratio: float = 1.0
    # Weight of question units that got no intent as examples of "no intent" (0: left out).
    unassigned_question_weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Sample:
    """A labelled inquiry: its units, language, the intents it asks and its group (writer).

    ``supplied`` are intents the conversation supplies by rule (not learned); they count in
    the evaluation but are not taught to the model.
    """

    units: tuple[Unit, ...]
    language: str
    intents: frozenset[str]
    group: str
    supplied: frozenset[str] = frozenset()
    name: str = ""


@dataclass
class Fitted:
    """The learned part of a model before calibration and thresholds."""

    intents: tuple[str, ...]
    vocabulary: list[str]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def model(self, decision: Decision | None = None,
              calibration: Calibration | None = None,
              trained: Mapping[str, Any] | None = None) -> IntentModel:
        return IntentModel(self.intents, self.vocabulary, self.idf, self.coef, self.intercept,
                           decision or Decision(), calibration or Calibration(), trained)


@dataclass
class Report:
    """Figures of the cross-validated predictions of a training run."""

    micro_f1: float
    macro_f1: float
    per_group: dict[str, float] = field(default_factory=dict)
    per_intent: dict[str, float] = field(default_factory=dict)
    reliability: list[dict[str, float]] = field(default_factory=list)


def _fit_rows(texts: Sequence[str], languages: Sequence[str], labels: Sequence[frozenset[str]],
              weights: Sequence[float], intents: Sequence[str], params: Params) -> Fitted:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, lowercase=False)
    x = vectorizer.fit_transform([features(t, lang) for t, lang in zip(texts, languages,
                                                                       strict=True)])
    w = np.asarray(weights, dtype=float)
    coef = np.zeros((x.shape[1], len(intents)), dtype=np.float32)
    intercept = np.zeros(len(intents), dtype=np.float32)
    for column, intent in enumerate(intents):
        y = np.array([intent in label for label in labels])
        if y.all() or not y.any():
            intercept[column] = 10.0 if y.all() else -10.0
            continue
        fitted = LogisticRegression(C=params.c, solver="liblinear").fit(x, y, sample_weight=w)
        coef[:, column] = fitted.coef_[0]
        intercept[column] = fitted.intercept_[0]
    vocabulary = [""] * len(vectorizer.vocabulary_)
    for feature, index in vectorizer.vocabulary_.items():
        vocabulary[index] = feature
    return Fitted(tuple(intents), vocabulary, vectorizer.idf_.astype(np.float32), coef, intercept)


def catalogue_rows(catalogue: Mapping[str, Sequence[str]]
                   ) -> tuple[list[str], list[str], list[frozenset[str]]]:
    texts, languages, labels = [], [], []
    for intent, examples in catalogue.items():
        for example in examples:
            texts.append(example)
            languages.append(detect_language(example, default="de"))
            labels.append(frozenset({intent}))
    return texts, languages, labels


def fit(catalogue: Mapping[str, Sequence[str]], samples: Sequence[Sample],
        params: Params = Params()) -> Fitted:
    """Fit the unit model on the catalogue and labelled mails (see the module docstring)."""
    intents = tuple(catalogue)
    texts, languages, labels = catalogue_rows(catalogue)
    weights = [1.0] * len(texts)
    several: list[Sample] = []
    for sample in samples:
        questions = [u for u in sample.units if u.asks]
        if not sample.intents:
            continue
        if len(sample.units) == 1 or (len(questions) == 1 and all(
                u.asks or u.role is Role.SUBJECT for u in sample.units)):
            texts.append(questions[0].text if questions else sample.units[0].text)
            languages.append(sample.language)
            labels.append(sample.intents)
            weights.append(1.0)
        else:
            several.append(sample)
    first = _fit_rows(texts, languages, labels, weights, intents, params).model()
    for sample in several:
        probabilities = first.probabilities([u.text for u in sample.units], sample.language)
        role_weight = np.array([_ASSIGN_WEIGHT.get(u.role, 0.05) for u in sample.units])
        given: list[set[str]] = [set() for _ in sample.units]
        for intent in sample.intents:
            column = intents.index(intent)
            scores = probabilities[:, column] * role_weight
            best = int(np.argmax(scores))
            given[best].add(intent)
            if params.assign_ratio < 1.0:
                for k in np.nonzero(scores >= params.assign_ratio * scores[best])[0]:
                    if sample.units[int(k)].asks:
                        given[int(k)].add(intent)
        for unit, label in zip(sample.units, given, strict=True):
            weight = 1.0 if label else (
                params.negative_weight if unit.role in _NEGATIVE_ROLES
                else params.unassigned_question_weight)
            if weight > 0:
                texts.append(unit.text)
                languages.append(sample.language)
                labels.append(frozenset(label))
                weights.append(weight)
    return _fit_rows(texts, languages, labels, weights, intents, params)


def predict(model: IntentModel, sample: Sample) -> set[str]:
    """The intents the model (with its calibration and decision) finds in a labelled mail."""
    from assistant.understand.intents import unit_probabilities

    confidences = model.calibration(unit_probabilities(model, sample.units, sample.language))
    return set(mail_intents(model, confidences, sample.units)) | set(sample.supplied)


def mail_intents(model: IntentModel, confidences: np.ndarray, units: Sequence[Unit]
                 ) -> dict[str, float]:
    """Intent → confidence for a mail, from its units' confidences and the model's decision."""
    chosen = choose(confidences, [u.asks for u in units], [u.role is Role.SUBJECT for u in units],
                    model.decision)
    found: dict[str, float] = {}
    for row, columns in zip(confidences, chosen, strict=True):
        for column in columns:
            intent = model.intents[column]
            found[intent] = max(found.get(intent, 0.0), float(row[column]))
    return found


def micro_f1(pairs: Iterable[tuple[set[str], set[str]]]) -> float:
    tp = fp = fn = 0
    for predicted, expected in pairs:
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(pairs: Sequence[tuple[set[str], set[str]]], intents: Sequence[str]) -> float:
    scores = [f for f in per_intent_f1(pairs, intents).values()]
    return sum(scores) / len(scores) if scores else 0.0


def per_intent_f1(pairs: Sequence[tuple[set[str], set[str]]], intents: Sequence[str]
                  ) -> dict[str, float]:
    out = {}
    for intent in intents:
        tp = sum(intent in p and intent in e for p, e in pairs)
        fp = sum(intent in p and intent not in e for p, e in pairs)
        fn = sum(intent not in p and intent in e for p, e in pairs)
        if tp + fp + fn:
            out[intent] = 2 * tp / (2 * tp + fp + fn)
    return out


# -- held-out predictions, calibration, thresholds ---------------------------------------------
Predictions = list[tuple[Sample, np.ndarray]]


def held_out(catalogue: Mapping[str, Sequence[str]], samples: Sequence[Sample],
             params: Params = Params(), groups: Sequence[str] | None = None,
             always: Iterable[str] = (), progress: Callable[[str], None] | None = None
             ) -> Predictions:
    """Raw unit probabilities of every sample of ``groups`` from a model trained without its
    group (leave one group out); groups named in ``always`` are only ever trained on."""
    from assistant.understand.intents import unit_probabilities

    keep = set(always)
    names = [g for g in (groups or sorted({s.group for s in samples})) if g not in keep]
    out: Predictions = []
    for group in names:
        if progress:
            progress(group)
        fitted = fit(catalogue, [s for s in samples if s.group != group], params).model()
        for sample in samples:
            if sample.group == group:
                out.append((sample, unit_probabilities(fitted, sample.units, sample.language)))
    return out


def _best_question(probabilities: np.ndarray, units: Sequence[Unit]) -> np.ndarray | None:
    rows = [i for i, u in enumerate(units) if u.asks]
    return probabilities[rows].max(axis=0) if rows else None


def calibrate(predictions: Predictions, intents: Sequence[str]) -> Calibration:
    """Platt scaling: logistic regression of "intent asked" on the logit of the best question
    unit's probability, over the held-out predictions."""
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for sample, probabilities in predictions:
        best = _best_question(probabilities, sample.units)
        if best is None:
            continue
        for column, intent in enumerate(intents):
            p = min(max(float(best[column]), 1e-6), 1 - 1e-6)
            if p < 0.01:
                continue
            xs.append(math.log(p / (1 - p)))
            ys.append(intent in sample.intents)
    if len(set(ys)) < 2:
        return Calibration()
    fitted = LogisticRegression(C=1e4).fit(np.array(xs).reshape(-1, 1), np.array(ys))
    return Calibration(slope=round(float(fitted.coef_[0][0]), 6),
                       offset=round(float(fitted.intercept_[0]), 6))


def _scored(predictions: Predictions, calibration: Calibration
            ) -> list[tuple[Sample, np.ndarray]]:
    return [(s, calibration(p)) for s, p in predictions]


# Thresholds whose micro-F1 is this close to the best are as good: the middle of that plateau is
# taken, so that a flat optimum does not pick its edge by chance.
PLATEAU = 0.003


def tune(predictions: Predictions, intents: Sequence[str], calibration: Calibration
         ) -> Decision:
    """The thresholds with the best micro-F1 on the held-out predictions: for each threshold of a
    question's best intent the best other two, then the middle one of the near-best."""
    scored = _scored(predictions, calibration)
    shell = IntentModel(intents, [], np.zeros(0, np.float32), np.zeros((0, len(intents)),
                        np.float32), np.zeros(len(intents), np.float32), Decision(), calibration)
    by_question: dict[float, tuple[float, Decision]] = {}
    for q, more, subj in itertools.product(_GRID_QUESTION, _GRID_MORE, _GRID_SUBJECT):
        if more < q:
            continue
        shell.decision = Decision(q, more, subj)
        f1 = micro_f1((set(mail_intents(shell, c, s.units)) | set(s.supplied), set(s.intents))
                      for s, c in scored)
        if f1 > by_question.get(q, (-1.0, Decision()))[0] + 1e-9:
            by_question[q] = (f1, Decision(q, more, subj))
    best = max(f1 for f1, _ in by_question.values())
    plateau = sorted(q for q, (f1, _) in by_question.items() if f1 >= best - PLATEAU)
    return by_question[plateau[len(plateau) // 2]][1]


def evaluate(predictions: Predictions, intents: Sequence[str], calibration: Calibration,
             decision: Decision) -> Report:
    shell = IntentModel(intents, [], np.zeros(0, np.float32), np.zeros((0, len(intents)),
                        np.float32), np.zeros(len(intents), np.float32), decision, calibration)
    pairs: list[tuple[set[str], set[str]]] = []
    groups: dict[str, list[tuple[set[str], set[str]]]] = {}
    bands = [[0, 0] for _ in BANDS[:-1]]
    for sample, confidences in _scored(predictions, calibration):
        found = mail_intents(shell, confidences, sample.units)
        pair = (set(found) | set(sample.supplied), set(sample.intents))
        pairs.append(pair)
        groups.setdefault(sample.group, []).append(pair)
        best = _best_question(confidences, sample.units)
        if best is None:
            continue
        for column, intent in enumerate(intents):
            value = float(best[column])
            for band, (low, high) in enumerate(itertools.pairwise(BANDS)):
                if low <= value < high:
                    bands[band][0] += 1
                    bands[band][1] += intent in sample.intents
    reliability = [{"from": low, "to": min(high, 1.0), "candidates": n,
                    "precision": (hits / n) if n else 0.0}
                   for (low, high), (n, hits) in zip(itertools.pairwise(BANDS), bands,
                                                    strict=True)]
    return Report(micro_f1=micro_f1(pairs), macro_f1=macro_f1(pairs, intents),
                  per_group={g: micro_f1(p) for g, p in sorted(groups.items())},
                  per_intent=per_intent_f1(pairs, intents), reliability=reliability)


def train(catalogue: Mapping[str, Sequence[str]], samples: Sequence[Sample],
          params: Params = Params(), trained: Mapping[str, Any] | None = None,
          tune_groups: Sequence[str] | None = None, always: Iterable[str] = (),
          progress: Callable[[str], None] | None = None) -> tuple[IntentModel, Report]:
    """The shipped model: calibration and thresholds from held-out predictions over the labelled
    groups (``always``: groups only trained on, never held out), then fitted on everything."""
    intents = tuple(catalogue)
    predictions = held_out(catalogue, samples, params, tune_groups, always, progress)
    calibration = calibrate(predictions, intents)
    decision = tune(predictions, intents, calibration)
    report = evaluate(predictions, intents, calibration, decision)
    if progress:
        progress("all")
    fitted = fit(catalogue, samples, params)
    meta = dict(trained or {})
    meta["cross_validated"] = {"micro_f1": round(report.micro_f1, 4),
                               "macro_f1": round(report.macro_f1, 4),
                               "per_group": {g: round(v, 4) for g, v in report.per_group.items()},
                               "reliability": report.reliability}
    meta["params"] = {"c": params.c, "negative_weight": params.negative_weight}
    return fitted.model(decision, calibration, meta), report
