"""Benchmark of the understanding stage: accuracy against a baseline, speed, memory, start-up.

Run:  .venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/understanding.py

Prints, on the labelled mails of ``tests/evaluation/`` (and ``../shared/samples`` when present):

* intent micro-F1 of the assistant versus a TF-IDF + logistic-regression classifier trained on
  the same catalogue examples (scikit-learn, one-vs-rest; its decision threshold is chosen on the
  evaluation mails themselves, which flatters the baseline);
* mails per second on one core for the bare standard-library parse (``email`` with the default
  policy, body decoded) and for the full understand-and-draft step, and their ratio
  (target: at least 1,000 mails/s, within 3x of the bare parse);
* peak memory of the full step (tracemalloc) and the process's maximum RSS;
* how long ``assistant --help`` takes to start (target: under 0.5 s).
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from email import message_from_bytes, policy
from pathlib import Path

from assistant import knowledge
from assistant.flow import Pipeline
from assistant.settings import Settings
from assistant.understand.sentences import sentences

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "tests/evaluation/dev", ROOT / "tests/evaluation/heldout",
        ROOT.parent / "shared/samples"]


def labelled() -> list[tuple[str, bytes, dict]]:
    mails = []
    for folder in SETS:
        if not (folder / "labels.jsonl").is_file():
            continue
        for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            mails.append((folder.name, (folder / "mails" / label["file"]).read_bytes(), label))
    return mails


def micro_f1(pairs: list[tuple[set[str], set[str]]]) -> float:
    tp = sum(len(p & e) for p, e in pairs)
    fp = sum(len(p - e) for p, e in pairs)
    fn = sum(len(e - p) for p, e in pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def baseline_f1(pipeline: Pipeline, inquiries: list[tuple[str, str, set[str]]]) -> float:
    """TF-IDF + logistic regression on the catalogue, best of whole-text and per-sentence."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, targets = [], []
    for intent in pipeline.knowledge.intents:
        texts.extend(intent.examples)
        targets.extend([intent.id] * len(intent.examples))
    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=1)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(max_iter=2000, C=10.0)
    model.fit(x, targets)
    classes = list(model.classes_)
    best = 0.0
    for per_sentence in (False, True):
        probabilities = []
        for subject, text, _ in inquiries:
            units = ([subject, *sentences(text)] if per_sentence else [subject + "\n" + text])
            probs = model.predict_proba(vectorizer.transform(units)).max(axis=0)
            probabilities.append(probs)
        for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
            pairs = [({classes[i] for i, p in enumerate(probs) if p >= threshold}, expected)
                     for probs, (_, _, expected) in zip(probabilities, inquiries, strict=True)]
            best = max(best, micro_f1(pairs))
    return best


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
    pipeline = Pipeline(settings, knowledge.load(settings))
    mails = labelled()
    print(f"mails: {len(mails)} from {sorted({name for name, _, _ in mails})}")

    inquiries, pairs_by_set = [], {}
    for name, raw, label in mails:
        item = pipeline.understand_only(raw)
        assert item.understanding is not None
        pairs_by_set.setdefault(name, []).append((set(item.understanding.intent_ids),
                                                  set(label["intents"])))
        if label["kind"] == "inquiry":
            inquiries.append((item.mail.subject, item.mail.new_text, set(label["intents"])))
    ours = micro_f1([p for pairs in pairs_by_set.values() for p in pairs])
    base = baseline_f1(pipeline, inquiries)
    print("\nintent micro-F1")
    for name, pairs in pairs_by_set.items():
        print(f"  assistant on {name:<10} {micro_f1(pairs):.3f}")
    print(f"  assistant, all sets      {ours:.3f}")
    print(f"  TF-IDF + LR baseline     {base:.3f}   (ratio {ours / base:.2f}x)")

    raws = [raw for _, raw, _ in mails]
    repeat = max(1, 3000 // len(raws))
    rate(pipeline.run, raws, 1)  # warm the caches
    parse_rate = rate(bare_parse, raws, repeat)
    full_rate = rate(pipeline.run, raws, repeat)
    understand_rate = rate(pipeline.understand_only, raws, repeat)
    print("\nthroughput on one core (mails/s)")
    print(f"  bare stdlib parse             {parse_rate:8.0f}")
    print(f"  parse + understand + rules    {understand_rate:8.0f}   "
          f"({parse_rate / understand_rate:.2f}x the cost of the bare parse)")
    print(f"  full understand-and-draft     {full_rate:8.0f}   "
          f"({parse_rate / full_rate:.2f}x the cost of the bare parse)")

    tracemalloc.start()
    for raw in raws:
        pipeline.run(raw)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nmemory: peak {peak / 1e6:.1f} MB allocated while processing all mails; "
          f"max RSS {rss:.0f} MB (includes scikit-learn)")

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
