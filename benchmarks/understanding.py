"""Benchmark of the understanding stage: accuracy against a baseline, speed, memory, start-up.

Run:  .venv/bin/pip install -e '.[train]' && .venv/bin/python benchmarks/understanding.py

Prints:

* intent micro-F1 of the shipped assistant and of a TF-IDF + logistic-regression baseline trained
  on exactly what the shipped model was trained on (the catalogue and the labelled sets named in
  ``intents/model.json``), its threshold chosen by leave-one-set-out predictions on those sets —
  never on the mails it is measured on. Measured on ``../shared/samples`` and
  ``tests/evaluation/heldout`` (never fitted); the development sets are shown too, marked as
  fitted. The figure on writers the model never saw is ``assistant evaluate --cross`` (README);
* mails per second on one core for the bare standard-library parse (``email`` with the default
  policy, body decoded) and for the full understand-and-draft step, and their ratio
  (target: within 3x of the bare parse);
* peak memory of the full step (tracemalloc) and the process's maximum RSS;
* how long ``assistant --help`` takes to start (target: under 0.5 s).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from email import message_from_bytes, policy
from pathlib import Path

from assistant import crossval, flow, knowledge
from assistant.flow import Pipeline
from assistant.parse import parse
from assistant.settings import Settings
from assistant.understand import labelled
from assistant.understand.training import micro_f1
from assistant.values import Processed, Understood

ROOT = Path(__file__).resolve().parent.parent
MEASURED = [ROOT.parent / "shared" / "samples", ROOT / "tests" / "evaluation" / "heldout"]


def training_folders(model_sets: list[str]) -> list[Path]:
    """The labelled folders the shipped model was trained on (its ``trained.sets``)."""
    candidates = [ROOT / "tests" / "evaluation" / p.split("/")[-1] for p in model_sets] + [
        ROOT.parent / "shared" / p for p in model_sets]
    return [c for c in candidates if (c / "labels.jsonl").is_file()
            and labelled.group_name(c) in model_sets]


def rate(function, items: list[bytes], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for raw in items:
            function(raw)
    return repeat * len(items) / (time.perf_counter() - start)


def bare_parse(raw: bytes) -> str:
    msg = message_from_bytes(raw, policy=policy.default)
    body = msg.get_body(("plain", "html"))
    return body.get_content() if body is not None else ""


def main() -> None:
    settings = Settings.load({})
    loaded = knowledge.load(settings)
    pipeline = Pipeline(settings, loaded)
    catalogue = {i.id: list(i.examples) for i in loaded.intents}
    fitted_on = training_folders(list(loaded.intent_model.trained.get("sets", [])))
    documents = {labelled.group_name(f): [(crossval.document(i), frozenset(i.label["intents"]))
                                          for i in labelled.mails(f)
                                          if i.label["kind"] == "inquiry"] for f in fitted_on}
    predict, threshold = crossval.baseline(
        catalogue, documents, [g for g in documents if not g.startswith("evaluation/")])
    print(f"baseline trained on the catalogue and {len(documents)} labelled sets; "
          f"threshold {threshold} chosen on held-out sets")
    mails: list[tuple[str, bytes, dict]] = []
    print("\nintent micro-F1          assistant  baseline")
    for folder in [*MEASURED, *fitted_on]:
        if not (folder / "labels.jsonl").is_file():
            continue
        ours, base = [], []
        for item in labelled.mails(folder):
            understood = pipeline.run(Processed(parse(item.mail.raw)), (flow.understand,))
            assert isinstance(understood, Understood)
            u = understood.understanding
            inquiry = u.kind.value == "inquiry"
            expected = set(item.label["intents"])
            ours.append((set(u.intent_ids) if inquiry else set(), expected))
            base.append(({i for i, p in predict(crossval.document(item)).items()
                          if p >= threshold} if inquiry else set(), expected))
            mails.append((folder.name, item.mail.raw, item.label))
        role = "never fitted" if folder in MEASURED else "fitted"
        print(f"  {labelled.group_name(folder):<22} {micro_f1(ours):.3f}     "
              f"{micro_f1(base):.3f}   ({role})")

    raws = [raw for _, raw, _ in mails]
    repeat = max(1, 3000 // len(raws))

    def full(raw: bytes) -> object:
        return pipeline.run(Processed(parse(raw)))

    def to_verdict(raw: bytes) -> object:
        return pipeline.run(Processed(parse(raw)), flow.TO_VERDICT)

    rate(full, raws, 1)  # warm the caches
    parse_rate = rate(bare_parse, raws, repeat)
    full_rate = rate(full, raws, repeat)
    understand_rate = rate(to_verdict, raws, repeat)
    print("\nthroughput on one core (mails/s)")
    print(f"  bare stdlib parse             {parse_rate:8.0f}")
    print(f"  parse + understand + rules    {understand_rate:8.0f}   "
          f"({parse_rate / understand_rate:.2f}x the cost of the bare parse)")
    print(f"  full understand-and-draft     {full_rate:8.0f}   "
          f"({parse_rate / full_rate:.2f}x the cost of the bare parse)")

    tracemalloc.start()
    for raw in raws:
        full(raw)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nmemory: peak {peak / 1e6:.1f} MB allocated while processing all mails; "
          f"max RSS {rss:.0f} MB (includes scikit-learn for the baseline)")

    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True,
                       check=True)
        times.append(time.perf_counter() - start)
    print(f"\n`assistant --help` start-up: median {statistics.median(times) * 1000:.0f} ms "
          "(target < 500 ms)")


if __name__ == "__main__":
    main()
