"""The fitted intent model: a plain file next to the catalogue, and what it computes.

The model is one logistic regression per intent over the features of one question unit
(:mod:`assistant.understand.features`), TF-IDF weighted. It is trained by ``assistant intents
train`` (:mod:`assistant.understand.training`) and stored as ``intents/model.json``: plain JSON,
no pickled objects, readable by any language. Its keys:

``format``        ``"wir-assistant/intent-model"``, ``version`` 1
``intents``       the intent ids, in the order of the columns below
``features``      how features are made (``char_min``, ``char_max``), for the record
``vocabulary``    the feature strings, one per line (a single string joined by ``\\n``)
``idf``           the inverse document frequency of each feature (base64 of little-endian
                  float32, one per vocabulary line)
``coef``          the weights, a matrix of vocabulary × intents (base64 of little-endian
                  float16 — half precision is plenty for the weights and halves the file —,
                  row-major)
``intercept``     one number per intent
``decision``      the thresholds on the calibrated confidence: ``question`` (the best intent of
                  a question unit), ``question_more`` (further intents of the same unit) and
                  ``subject`` (an intent found in the subject line alone)
``calibration``   ``{"slope", "offset"}``: confidence = 1 / (1 + exp(-(slope · logit(p) + offset)))
``trained``       when, from which catalogue (its digest) and labelled sets, and the
                  cross-validated figures of the training run

A unit's probability for an intent is ``sigmoid(x · coef + intercept)`` where ``x`` is the unit's
TF-IDF vector (sublinear term frequency, L2-normalised), exactly as scikit-learn computed it in
training; nothing of scikit-learn is needed to use the model.
"""

from __future__ import annotations

import base64
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelError
from assistant.understand.features import features

FORMAT = "wir-assistant/intent-model"
VERSION = 1
FILENAME = "model.json"


def encode_array(values: np.ndarray, dtype: str = "<f4") -> str:
    return base64.b64encode(np.ascontiguousarray(values, dtype=dtype).tobytes()).decode("ascii")


def decode_array(text: str, shape: tuple[int, ...], dtype: str = "<f4") -> np.ndarray:
    try:
        data = np.frombuffer(base64.b64decode(text, validate=True), dtype=dtype)
    except ValueError as exc:
        raise ModelError(f"not an array: {exc}") from exc
    if data.size != math.prod(shape):
        raise ModelError(f"array of {data.size} numbers, expected {math.prod(shape)}")
    return data.reshape(shape).astype(np.float32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(x, -60.0, 60.0)))
    return result


@dataclass(frozen=True, slots=True)
class Decision:
    """Thresholds on the calibrated confidence."""

    question: float = 0.5
    question_more: float = 0.6
    subject: float = 0.7


@dataclass(frozen=True, slots=True)
class Calibration:
    """Platt scaling of the units' logits, fitted on cross-validated predictions."""

    slope: float = 1.0
    offset: float = 0.0

    def __call__(self, probabilities: np.ndarray) -> np.ndarray:
        p = np.clip(probabilities, 1e-6, 1 - 1e-6)
        logits = np.log(p / (1 - p))
        return _sigmoid(self.slope * logits + self.offset)


def choose(confidences: np.ndarray, asks: Sequence[bool], subject: Sequence[bool],
           decision: Decision) -> list[list[int]]:
    """Per unit, the columns (intents) the decision takes, best first.

    A question unit gets its best intent at ``decision.question`` or above and further intents
    at ``decision.question_more``; the subject line gets intents at ``decision.subject``; other
    units (statements, greetings …) get none.
    """
    chosen: list[list[int]] = []
    for row, is_question, is_subject in zip(confidences, asks, subject, strict=True):
        picked: list[int] = []
        if is_question:
            order = np.argsort(-row, kind="stable")
            if row[order[0]] >= decision.question:
                picked.append(int(order[0]))
            picked += [int(k) for k in order[1:] if row[k] >= decision.question_more]
        elif is_subject:
            order = np.argsort(-row, kind="stable")
            picked = [int(k) for k in order if row[k] >= decision.subject]
        chosen.append(picked)
    return chosen


class IntentModel:
    """The fitted model in memory; ``confidences`` is pure and thread-safe."""

    def __init__(self, intents: Sequence[str], vocabulary: Sequence[str], idf: np.ndarray,
                 coef: np.ndarray, intercept: np.ndarray, decision: Decision,
                 calibration: Calibration, trained: Mapping[str, Any] | None = None) -> None:
        if coef.shape != (len(vocabulary), len(intents)):
            raise ModelError(f"weights of shape {coef.shape} for {len(vocabulary)} features and "
                             f"{len(intents)} intents")
        self.intents = tuple(intents)
        self.vocabulary = tuple(vocabulary)
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)
        self.decision = decision
        self.calibration = calibration
        self.trained = dict(trained or {})

    def probabilities(self, texts: Sequence[str], language: str) -> np.ndarray:
        """Per unit and intent, the model's raw probability (units × intents)."""
        out = np.empty((len(texts), len(self.intents)), dtype=np.float32)
        index, idf = self.index, self.idf
        for row, text in enumerate(texts):
            counts = Counter(i for i in map(index.get, features(text, language)) if i is not None)
            if not counts:
                out[row] = _sigmoid(self.intercept)
                continue
            columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
            weights = tf * idf[columns]
            weights /= np.sqrt(float(weights @ weights))
            out[row] = _sigmoid(weights @ self.coef[columns] + self.intercept)
        return out

    def confidences(self, texts: Sequence[str], language: str) -> np.ndarray:
        """Per unit and intent, the calibrated confidence in [0, 1]."""
        if not texts:
            return np.zeros((0, len(self.intents)), dtype=np.float32)
        return self.calibration(self.probabilities(texts, language))


def to_json(model: IntentModel) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "intents": list(model.intents),
        "features": {"char_min": 3, "char_max": 5},
        "decision": {"question": model.decision.question,
                     "question_more": model.decision.question_more,
                     "subject": model.decision.subject},
        "calibration": {"slope": model.calibration.slope, "offset": model.calibration.offset},
        "intercept": [round(float(x), 6) for x in model.intercept],
        "trained": model.trained,
        "vocabulary": "\n".join(model.vocabulary),
        "idf": encode_array(model.idf),
        "coef": encode_array(model.coef, "<f2"),
    }


def from_json(data: Mapping[str, Any]) -> IntentModel:
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ModelError(f"not an intent model of format {FORMAT} version {VERSION}")
    try:
        intents = [str(i) for i in data["intents"]]
        vocabulary = str(data["vocabulary"]).split("\n")
        idf = decode_array(data["idf"], (len(vocabulary),))
        coef = decode_array(data["coef"], (len(vocabulary), len(intents)), "<f2")
        intercept = np.array([float(x) for x in data["intercept"]], dtype=np.float32)
        decision = Decision(**{k: float(v) for k, v in data["decision"].items()})
        calibration = Calibration(**{k: float(v) for k, v in data["calibration"].items()})
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"malformed model: {exc}") from exc
    return IntentModel(intents, vocabulary, idf, coef, intercept, decision, calibration,
                       data.get("trained"))


def load(path: Path) -> IntentModel:
    try:
        with path.open(encoding="utf-8") as fh:
            return from_json(json.load(fh))
    except OSError as exc:
        raise ModelError(f"{path}: {exc.strerror or exc}") from exc
    except (ValueError, ModelError) as exc:
        raise ModelError(f"{path}: {exc}") from exc


def dumps(model: IntentModel) -> str:
    """The model's file text; deterministic for the same model (sorted, fixed floats)."""
    return json.dumps(to_json(model), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def save(model: IntentModel, path: Path) -> None:
    """Write the model (:func:`dumps`)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(dumps(model), encoding="utf-8")
    tmp.replace(path)
