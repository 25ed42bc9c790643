"""Retraining the intent model from the web app: the training data and the job.

The job (:func:`run`) runs in a background process of its own (:class:`assistant.web.compute.
Background`), never on the event loop or in the worker processes of chat answers and redrafts.
It gets everything it needs in a :class:`Spec` — the catalogue and the live model as published
in the store, the store's confirmed mails (:mod:`assistant.history.confirmed`), the labelled
folders present — and returns the candidate model's file text with the figures.

**What is measured.** The labelled mails fall into groups: each labelled folder is one (a
writer), and the store's confirmed mails are split by conversation into ``folds`` groups. Each
held-out group is predicted by a candidate trained without it (calibration and thresholds from
those predictions, as ``assistant intents train`` does), and by the current model as it is; both
are scored with the same function on the same mails. The project's development sets, where
present, are only trained on, never held out (without any other group they are held out in
turn). The current model may have been trained on some of these mails (the shipped sets): its
figure there is then optimistic.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import TrainingRefused as Refused
from assistant.history.confirmed import Confirmed
from assistant.understand import asked_text, labelled, training
from assistant.understand.followup import supplies_requested
from assistant.understand.questions import units
from assistant.understand.training import Sample

STORE_GROUP = "gespeichert"
__all__ = ["Refused", "Result", "Spec", "run", "store_samples"]


@dataclass(frozen=True)
class Spec:
    """What one training needs (pickled into the background process)."""

    catalogue: Mapping[str, Sequence[str]]
    catalogue_digest: str
    current_model: str  # the live intents/model.json
    confirmed: Sequence[Confirmed]
    held_out_sets: Sequence[str]  # labelled folders held out in turn
    always_sets: Sequence[str]  # labelled folders only trained on
    domain: str
    addresses: Sequence[str]
    folds: int = 5
    examples: int = 0  # at most this many examples per intent (0: all)
    run: int = 0
    started_by: str = ""
    params: training.Params = field(default_factory=training.Params)


@dataclass(frozen=True)
class Result:
    model: str  # the candidate's intents/model.json
    figures: dict[str, Any]


def store_samples(confirmed: Sequence[Confirmed], *, intents: Sequence[str], domain: str,
                  addresses: Sequence[str], folds: int) -> list[Sample]:
    """The store's confirmed mails as training samples, their conversations dealt round-robin
    into ``folds`` groups (a conversation stays in one); intents no longer in the catalogue are
    dropped, and one the conversation supplies by rule is not taught."""
    from assistant.parse import parse

    known = set(intents)
    conversations = sorted({c.conversation_id for c in confirmed})
    count = max(min(folds, len(conversations)), 1)
    group = {cid: f"{STORE_GROUP}/{n % count + 1}" for n, cid in enumerate(conversations)}
    out = []
    for item in confirmed:
        mail = parse(item.raw)
        supplied = frozenset({"eligibility"}) if supplies_requested(
            mail, domain=domain, addresses=addresses) else frozenset()
        asked = frozenset(i for i in item.intents if i in known) - supplied
        if not asked and not supplied:
            continue
        out.append(Sample(units(asked_text(mail), mail.subject), mail.language, asked,
                          group[item.conversation_id], supplied, f"message {item.message_id}"))
    return out


def _scores(report: training.Report) -> dict[str, float]:
    return {"micro_f1": round(report.micro_f1, 4), "macro_f1": round(report.macro_f1, 4)}


def measure_current(model_text: str, samples: Sequence[Sample]) -> training.Report:
    """The current model's figures on ``samples``, scored as the candidate's are."""
    from assistant.understand.intents import unit_probabilities
    from assistant.understand.model import from_json

    model = from_json(json.loads(model_text))
    predictions = [(s, unit_probabilities(model, s.units, s.language)) for s in samples]
    return training.evaluate(predictions, model.intents, model.calibration, model.decision)


def run(spec: Spec) -> Result:
    """Train the candidate and measure it and the current model (see the module docstring)."""
    from assistant.understand.model import dumps

    started = time.monotonic()
    catalogue = {i: list(e)[:spec.examples] if spec.examples > 0 else list(e)
                 for i, e in spec.catalogue.items()}
    from_store = store_samples(spec.confirmed, intents=list(catalogue), domain=spec.domain,
                               addresses=spec.addresses, folds=spec.folds)
    samples = list(from_store)
    held = sorted({s.group for s in from_store})
    always = []
    for folder in spec.held_out_sets:
        samples += labelled.samples(Path(folder), domain=spec.domain, addresses=spec.addresses)
        held.append(labelled.group_name(Path(folder)))
    for folder in spec.always_sets:
        samples += labelled.samples(Path(folder), domain=spec.domain, addresses=spec.addresses)
        always.append(labelled.group_name(Path(folder)))
    if not held:
        held, always = always, []
    measured = [s for s in samples if s.group in held]
    if not measured:
        raise Refused("Es gibt keine bestätigten Mails und keine gelabelten Sätze, an denen "
                      "sich ein neues Modell messen ließe.")
    model, report = training.train(
        catalogue, samples, spec.params, tune_groups=held, always=always,
        trained={"catalogue": spec.catalogue_digest, "date": time.strftime("%Y-%m-%d"),
                 "sets": held + always, "examples": sum(len(e) for e in catalogue.values()),
                 "labelled_inquiries": len(samples), "store_mails": len(from_store),
                 "run": spec.run, "trained_by": spec.started_by})
    before = measure_current(spec.current_model, measured)
    mails = {g: sum(s.group == g for s in measured) for g in held}
    figures = {
        "before": _scores(before), "after": _scores(report),
        "folds": [{"group": g, "mails": mails[g],
                   "before": round(before.per_group.get(g, 0.0), 4),
                   "after": round(report.per_group.get(g, 0.0), 4)} for g in held],
        "held_out_mails": len(measured), "store_mails": len(from_store),
        "held_out": held, "always": always,
        "examples": sum(len(e) for e in catalogue.values()),
        "decision": {"question": model.decision.question,
                     "question_more": model.decision.question_more,
                     "subject": model.decision.subject},
        "seconds": round(time.monotonic() - started, 1)}
    return Result(dumps(model), figures)
