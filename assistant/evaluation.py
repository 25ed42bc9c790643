"""``assistant evaluate``: measure the understanding against labelled mails.

A labelled folder holds ``mails/*.eml`` and ``labels.jsonl`` (one object per mail: ``file``,
``kind``, ``intents``, ``population``, ``amount_eur``, ``state``, ``eligibility``,
``language``), as in the shared samples. The report gives kind accuracy, per-intent precision,
recall and F1, micro and macro F1, the intents most often confused with each other, fact and
eligibility accuracy, and every miss. ``--cross`` (:mod:`assistant.crossval`) measures on writers
the model never saw.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.flow import TO_VERDICT, Pipeline
from assistant.parse import parse
from assistant.values import Decided, Processed, Understood

FACTS = ("population", "amount_eur", "state")


@dataclass
class Report:
    total: int = 0
    kind_correct: int = 0
    language_correct: int = 0
    eligibility_correct: int = 0
    fact_correct: Counter[str] = field(default_factory=Counter)
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    machine_as_inquiry: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def prf(self, intent: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[intent], self.fp[intent], self.fn[intent]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self, intents: list[str]) -> dict[str, Any]:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        micro_p = tp / (tp + fp) if tp + fp else 1.0
        micro_r = tp / (tp + fn) if tp + fn else 1.0
        micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
        present = [i for i in intents if self.tp[i] + self.fn[i] + self.fp[i]]
        macro = sum(self.prf(i)[2] for i in present) / len(present) if present else 0.0
        n = max(self.total, 1)
        return {
            "mails": self.total,
            "kind_accuracy": self.kind_correct / n,
            "machine_mail_taken_for_inquiry": self.machine_as_inquiry,
            "intent_micro_f1": micro,
            "intent_micro_precision": micro_p,
            "intent_micro_recall": micro_r,
            "intent_macro_f1": macro,
            "per_intent": {i: dict(zip(("precision", "recall", "f1"), self.prf(i), strict=True))
                           | {"support": self.tp[i] + self.fn[i]} for i in present},
            "fact_accuracy": {f: self.fact_correct[f] / n for f in FACTS},
            "eligibility_accuracy": self.eligibility_correct / n,
            "language_accuracy": self.language_correct / n,
            "confusions": [{"expected": a, "predicted": b, "count": c}
                           for (a, b), c in self.confusions.most_common(10)],
            "misses": self.misses,
        }


def read_labels(folder: Path) -> list[dict[str, Any]]:
    with (folder / "labels.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _progress(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    show = len(items) >= 50 and sys.stderr.isatty()
    for index, item in enumerate(items, 1):
        if show and (index % 10 == 0 or index == len(items)):
            done = int(30 * index / len(items))
            sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {index}/{len(items)}")
            sys.stderr.flush()
        yield item
    if show:
        sys.stderr.write("\n")


def evaluate(pipeline: Pipeline, folder: Path) -> dict[str, Any]:
    labels = read_labels(folder)
    report = Report()
    for label in _progress(labels):
        raw = (folder / "mails" / label["file"]).read_bytes()
        item = pipeline.run(Processed(parse(raw)), TO_VERDICT)
        if not isinstance(item, Understood):
            raise TypeError(f"{label['file']}: the flow did not understand the mail")
        u = item.understanding
        verdict = item.verdict if isinstance(item, Decided) else None
        report.total += 1
        kind = u.kind.value
        predicted = set(u.intent_ids)
        expected = set(label["intents"])
        facts = {"population": u.facts.population, "amount_eur": u.facts.amount_eur,
                 "state": u.facts.state} if kind == "inquiry" else dict.fromkeys(FACTS)
        eligibility = verdict.eligibility.value if verdict else None
        report.kind_correct += kind == label["kind"]
        report.language_correct += u.language == label.get("language", u.language)
        report.eligibility_correct += eligibility == label["eligibility"]
        if kind == "inquiry" and label["kind"] in ("auto_reply", "bounce"):
            report.machine_as_inquiry += 1
        for fact in FACTS:
            report.fact_correct[fact] += facts[fact] == label.get(fact)
        for i in predicted & expected:
            report.tp[i] += 1
        for i in predicted - expected:
            report.fp[i] += 1
        for i in expected - predicted:
            report.fn[i] += 1
        for missed in expected - predicted:
            for extra in predicted - expected:
                report.confusions[(missed, extra)] += 1
        wrong = [name for name, ok in (
            ("kind", kind == label["kind"]), ("intents", predicted == expected),
            ("eligibility", eligibility == label["eligibility"]),
            *((f, facts[f] == label.get(f)) for f in FACTS)) if not ok]
        if wrong:
            report.misses.append({
                "file": label["file"], "wrong": wrong,
                "expected": {"kind": label["kind"], "intents": sorted(expected),
                             "eligibility": label["eligibility"],
                             **{f: label.get(f) for f in FACTS}},
                "predicted": {"kind": kind, "intents": sorted(predicted),
                              "eligibility": eligibility, **facts},
            })
    return report.as_dict([i.id for i in pipeline.knowledge.intents])


def format_text(result: dict[str, Any]) -> str:
    lines = [
        f"mails: {result['mails']}",
        f"kind accuracy: {result['kind_accuracy']:.3f}"
        f"   (machine mail taken for an inquiry: {result['machine_mail_taken_for_inquiry']})",
        f"intent micro-F1: {result['intent_micro_f1']:.3f}"
        f"   (precision {result['intent_micro_precision']:.3f},"
        f" recall {result['intent_micro_recall']:.3f})   macro-F1: {result['intent_macro_f1']:.3f}",
        "facts exact: " + ", ".join(f"{k} {v:.3f}" for k, v in result["fact_accuracy"].items()),
        f"eligibility exact: {result['eligibility_accuracy']:.3f}"
        f"   language: {result['language_accuracy']:.3f}",
        "",
        f"{'intent':<22}{'prec':>7}{'recall':>8}{'F1':>7}{'n':>5}",
    ]
    for intent, m in result["per_intent"].items():
        lines.append(f"{intent:<22}{m['precision']:>7.2f}{m['recall']:>8.2f}{m['f1']:>7.2f}"
                     f"{m['support']:>5}")
    if result["confusions"]:
        lines += ["", "most confused (expected → predicted instead):"]
        lines += [f"  {c['expected']} → {c['predicted']}: {c['count']}"
                  for c in result["confusions"]]
    if result["misses"]:
        lines += ["", f"misses ({len(result['misses'])}):"]
        for miss in result["misses"]:
            detail = "; ".join(f"{w}: expected {miss['expected'].get(w)!r}, got "
                               f"{miss['predicted'].get(w)!r}" for w in miss["wrong"])
            lines.append(f"  {miss['file']}: {detail}")
    return "\n".join(lines)
