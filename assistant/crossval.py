"""``assistant evaluate --cross``: how the understanding does on writers it was never tuned on.

Leave one writer out: each labelled folder given as a fold is in turn held out; the intent model
is trained — thresholds and calibration included, by the same inner cross-validation as
``assistant intents train`` — on the catalogue, the always-trained folders (the project's own
development sets) and the other folds, and measured on the held-out fold through the real
understanding (kind, question units, the follow-up rule). A TF-IDF + logistic-regression
baseline gets exactly the same protocol: trained on the same catalogue and mails (each mail's
subject and text as one document), its threshold chosen by the same inner folds, never on the
held-out fold.

Reported per fold and averaged: micro-F1, macro-F1, per-intent F1, for the assistant and the
baseline; and a reliability table of the held-out predictions (confidence band → observed
precision), which shows that a confidence means what it says.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from assistant.knowledge import Knowledge, catalogue_digest
from assistant.settings import Settings
from assistant.understand import asked_text, labelled, training
from assistant.understand.training import BANDS, Params, Sample

_BASELINE_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)


@dataclass
class Fold:
    name: str
    mails: int
    assistant: dict[str, float]
    baseline: dict[str, float]
    per_intent: dict[str, float]
    baseline_per_intent: dict[str, float]
    reliability: list[tuple[float, int]]
    decision: dict[str, float]


# What a forked worker needs; set once in the parent before the pool starts.
_STATE: dict[str, Any] = {}


def _scores(pairs: Sequence[tuple[set[str], set[str]]], intents: Sequence[str]
            ) -> dict[str, float]:
    return {"micro_f1": training.micro_f1(pairs), "macro_f1": training.macro_f1(pairs, intents)}


def _baseline_fit(catalogue: dict[str, list[str]], documents: Sequence[tuple[str, frozenset[str]]]
                  ) -> Callable[[str], dict[str, float]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [e for examples in catalogue.values() for e in examples]
    labels = [frozenset({i}) for i, examples in catalogue.items() for _ in examples]
    texts += [d for d, _ in documents]
    labels += [y for _, y in documents]
    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))
    x = vectorizer.fit_transform(texts)
    models = {}
    for intent in catalogue:
        y = np.array([intent in label for label in labels])
        models[intent] = LogisticRegression(C=10.0, solver="liblinear").fit(x, y)

    def predict(text: str) -> dict[str, float]:
        row = vectorizer.transform([text])
        return {i: float(m.predict_proba(row)[0, 1]) for i, m in models.items()}
    return predict


def document(item: labelled.Labelled) -> str:
    """What the baseline reads of a mail: its subject and text as one document."""
    return f"{item.mail.subject}\n{asked_text(item.mail)}"


Documents = dict[str, list[tuple[str, frozenset[str]]]]


def baseline(catalogue: dict[str, list[str]], documents: Documents, tune: Sequence[str]
             ) -> tuple[Callable[[str], dict[str, float]], float]:
    """The TF-IDF baseline fitted on the catalogue and every group of ``documents``, with its
    threshold chosen on the groups of ``tune``, each predicted by a fit without it."""
    held: list[tuple[dict[str, float], set[str]]] = []
    for inner in tune:
        predict = _baseline_fit(catalogue, [d for g, docs in documents.items() if g != inner
                                            for d in docs])
        held += [(predict(d), set(y)) for d, y in documents[inner]]
    threshold = max(_BASELINE_GRID, key=lambda t: training.micro_f1(
        ({i for i, p in probs.items() if p >= t}, y) for probs, y in held)) if held else 0.3
    return _baseline_fit(catalogue, [d for docs in documents.values() for d in docs]), threshold


def _run_fold(index: int) -> Fold:
    state = _STATE
    folds: list[str] = state["folds"]
    name = folds[index]
    catalogue: dict[str, list[str]] = state["catalogue"]
    samples: dict[str, list[Sample]] = state["samples"]
    items: dict[str, list[labelled.Labelled]] = state["items"]
    always: list[str] = state["always"]
    knowledge: Knowledge = state["knowledge"]
    settings: Settings = state["settings"]
    intents = tuple(catalogue)
    others = [f for f in folds if f != name]
    train = [s for g in others + always for s in samples[g]]
    model, _ = training.train(catalogue, train, state["params"],
                              trained={"catalogue": catalogue_digest(knowledge.intents)},
                              tune_groups=others, always=always)
    from assistant.flow import Pipeline, understand
    from assistant.parse import parse
    from assistant.values import Processed, Understood

    pipeline = Pipeline(settings, replace(knowledge, intent_model=model))
    pairs, base_pairs = [], []
    by_name = {s.name: s for s in samples[name]}
    reliability = [[0, 0] for _ in BANDS[:-1]]
    # The baseline: trained on the same mails, threshold from the same inner folds.
    documents = {g: [(document(i), frozenset(i.label["intents"])) for i in items[g]
                     if i.label["kind"] == "inquiry"] for g in others + always}
    predict, threshold = baseline(catalogue, documents, others)
    for item in items[name]:
        processed = pipeline.run(Processed(parse(item.mail.raw)), (understand,))
        u = processed.understanding if isinstance(processed, Understood) else None
        expected = set(item.label["intents"])
        inquiry = u is not None and u.kind.value == "inquiry"
        pairs.append((set(u.intent_ids) if inquiry and u else set(), expected))
        base = {i for i, p in predict(document(item)).items() if p >= threshold} \
            if inquiry else set()
        base_pairs.append((base, expected))
        sample = by_name.get(item.name)
        if sample is None:
            continue
        confidences = model.confidences([q.text for q in sample.units], sample.language)
        rows = [k for k, q in enumerate(sample.units) if q.asks]
        if not rows:
            continue
        best = confidences[rows].max(axis=0)
        for column, intent in enumerate(intents):
            for band, (low, high) in enumerate(itertools.pairwise(BANDS)):
                if low <= float(best[column]) < high:
                    reliability[band][0] += 1
                    reliability[band][1] += intent in expected
    return Fold(name=name, mails=len(items[name]), assistant=_scores(pairs, intents),
                baseline=_scores(base_pairs, intents),
                per_intent=training.per_intent_f1(pairs, intents),
                baseline_per_intent=training.per_intent_f1(base_pairs, intents),
                reliability=[(n, hits) for n, hits in reliability],
                decision={"question": model.decision.question,
                          "question_more": model.decision.question_more,
                          "subject": model.decision.subject, "baseline_threshold": threshold})


def cross_validate(knowledge: Knowledge, settings: Settings, folds: Sequence[Path],
                   always: Sequence[Path], params: Params | None = None, jobs: int = 1,
                   progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Leave each fold out in turn; see the module docstring."""
    catalogue = {i.id: list(i.examples) for i in knowledge.intents}
    names = [labelled.group_name(f) for f in folds]
    always_names = [labelled.group_name(f) for f in always]
    samples, items = {}, {}
    for folder, name in zip([*folds, *always], [*names, *always_names], strict=True):
        samples[name] = labelled.samples(folder, domain=settings.message_id_domain,
                                         addresses=settings.own_addresses)
        items[name] = list(labelled.mails(folder))
    _STATE.update(folds=names, catalogue=catalogue, samples=samples, items=items,
                  always=always_names, knowledge=knowledge, settings=settings,
                  params=params or Params())
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = []
            for fold in pool.imap(_run_fold, range(len(names))):
                if progress:
                    progress(fold.name)
                results.append(fold)
    else:
        results = []
        for index in range(len(names)):
            results.append(_run_fold(index))
            if progress:
                progress(results[-1].name)
    return summarise(results, list(catalogue))


def summarise(results: Sequence[Fold], intents: Sequence[str]) -> dict[str, Any]:
    def mean(key: str, which: str) -> float:
        return sum(getattr(f, which)[key] for f in results) / len(results)

    bands: list[list[float]] = [[0, 0] for _ in BANDS[:-1]]
    for fold in results:
        for band, (n, hits) in enumerate(fold.reliability):
            bands[band][0] += n
            bands[band][1] += hits
    per_intent = {i: [f.per_intent[i] for f in results if i in f.per_intent] for i in intents}
    base_intent = {i: [f.baseline_per_intent[i] for f in results if i in f.baseline_per_intent]
                   for i in intents}
    return {
        "folds": [{"fold": f.name, "mails": f.mails, "assistant": f.assistant,
                   "baseline": f.baseline, "decision": f.decision} for f in results],
        "average": {"assistant": {"micro_f1": mean("micro_f1", "assistant"),
                                  "macro_f1": mean("macro_f1", "assistant")},
                    "baseline": {"micro_f1": mean("micro_f1", "baseline"),
                                 "macro_f1": mean("macro_f1", "baseline")}},
        "per_intent": {i: {"assistant": sum(v) / len(v), "baseline":
                           sum(base_intent[i]) / len(base_intent[i]) if base_intent[i] else 0.0}
                       for i, v in per_intent.items() if v},
        "reliability": [{"from": low, "to": min(high, 1.0), "candidates": n,
                         "precision": hits / n if n else None}
                        for (low, high), (n, hits) in zip(itertools.pairwise(BANDS), bands,
                                                         strict=True)],
    }


def format_text(result: dict[str, Any]) -> str:
    lines = ["leave-one-writer-out (each fold measured by a model that never saw it)", "",
             f"{'fold':<24}{'mails':>6}{'micro-F1':>10}{'macro-F1':>10}"
             f"{'baseline micro':>16}{'macro':>8}"]
    for f in result["folds"]:
        lines.append(f"{f['fold']:<24}{f['mails']:>6}{f['assistant']['micro_f1']:>10.3f}"
                     f"{f['assistant']['macro_f1']:>10.3f}{f['baseline']['micro_f1']:>16.3f}"
                     f"{f['baseline']['macro_f1']:>8.3f}")
    avg = result["average"]
    lines.append(f"{'average':<24}{'':>6}{avg['assistant']['micro_f1']:>10.3f}"
                 f"{avg['assistant']['macro_f1']:>10.3f}{avg['baseline']['micro_f1']:>16.3f}"
                 f"{avg['baseline']['macro_f1']:>8.3f}")
    lines += ["", f"{'intent (F1, mean over folds)':<32}{'assistant':>10}{'baseline':>10}"]
    for intent, v in result["per_intent"].items():
        lines.append(f"{intent:<32}{v['assistant']:>10.3f}{v['baseline']:>10.3f}")
    lines += ["", "reliability of the held-out confidences (best question unit per intent):",
              f"{'confidence':<14}{'candidates':>11}{'precision':>11}"]
    for band in result["reliability"]:
        precision = "–" if band["precision"] is None else f"{band['precision']:.2f}"
        lines.append(f"{band['from']:.1f}–{band['to']:.1f}{'':<7}{band['candidates']:>11}"
                     f"{precision:>11}")
    return "\n".join(lines)
