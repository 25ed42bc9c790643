"""``assistant classify``, ``draft`` and ``evaluate``: the pure flow on mail files, without
mailbox or database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.commands.common import EXIT_INPUT_ERROR, Subcommands, fail
from assistant.commands.knowledge import add_knowledge_option, load_knowledge

if TYPE_CHECKING:
    from assistant.flow import Pipeline
    from assistant.settings import Settings
    from assistant.values import Processed


def register(sub: Subcommands) -> None:
    p = sub.add_parser("classify", help="kind, intents, facts and verdict of mails")
    p.add_argument("files", nargs="+", metavar="FILE", help="mail files (.eml); - for stdin")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_knowledge_option(p)
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("draft", help="the reply draft for one mail")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_knowledge_option(p)
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser("evaluate", help="measure the understanding on labelled mails")
    p.add_argument("folder", metavar="DIR", nargs="?", help="folder with mails/ and labels.jsonl")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--cross", nargs="*", metavar="DIR",
                   help="leave-one-writer-out over these labelled folders (default: the shared "
                        "sets beside the checkout), beside a TF-IDF baseline")
    p.add_argument("--always", nargs="*", metavar="DIR",
                   help="with --cross: folders only trained on (default: tests/evaluation/dev*)")
    p.add_argument("--jobs", type=int, default=1, help="with --cross: folds in parallel")
    p.add_argument("--threads", action="store_true",
                   help="replay DIR's conversations through the worker into a fresh store "
                        "(needs-reply recall and precision, the conversation's verdict)")
    add_knowledge_option(p)
    p.set_defaults(func=cmd_evaluate)


def pipeline_for(settings: Settings, where: str = "folders") -> Pipeline:
    """The flow with this checkout's knowledge, or the store's (``where``: ``--knowledge``); a
    KnowledgeError names a broken file."""
    from assistant.flow import Pipeline

    return Pipeline(settings, load_knowledge(settings, where))


def _read_inputs(paths: Sequence[str]) -> list[tuple[str, bytes | None]]:
    items: list[tuple[str, bytes | None]] = []
    for path in paths:
        if path == "-":
            items.append((path, sys.stdin.buffer.read()))
            continue
        try:
            items.append((path, Path(path).read_bytes()))
        except OSError as exc:
            print(f"assistant: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            items.append((path, None))
    return items


def classification(path: str, item: Processed) -> dict[str, Any]:
    """The JSON object ``classify --format json`` prints for one mail (README, the contract)."""
    from assistant.values import Decided, Understood

    if not isinstance(item, Understood):
        raise TypeError("classification needs an understood mail")
    u = item.understanding
    verdict = item.verdict if isinstance(item, Decided) else None
    inquiry = u.kind.value == "inquiry"
    reg = u.register
    return {
        "file": path,
        "kind": u.kind.value,
        "intents": [{"id": i.id, "confidence": i.confidence} for i in u.intents] if inquiry else [],
        "questions": [{"text": q.text, "intents": list(q.intents)} for q in u.questions]
        if inquiry else [],
        "facts": {"population": u.facts.population, "amount_eur": u.facts.amount_eur,
                  "municipality": u.facts.municipality, "state": u.facts.state} if inquiry
        else {"population": None, "amount_eur": None, "municipality": None, "state": None},
        "register": {"ags": reg.ags, "name": reg.name, "district": reg.district,
                     "state": reg.state, "population": reg.population}
        if reg and inquiry else None,
        "eligibility": verdict.eligibility.value if verdict and inquiry else None,
        "eligibility_basis": verdict.basis if verdict and inquiry else None,
        "language": u.language,
    }


def cmd_classify(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.flow import TO_VERDICT
    from assistant.parse import parse
    from assistant.values import Processed

    pipeline = pipeline_for(settings, args.knowledge)
    failed = False
    rows = []
    for path, raw in _read_inputs(args.files):
        if raw is None:
            failed = True
            continue
        result = classification(path, pipeline.run(Processed(parse(raw)), TO_VERDICT))
        if args.format == "json":
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            rows.append(result)
    if args.format != "json":
        print(f"{'file':<36} {'kind':<16} {'intents':<44} {'pop.':>7} {'verdict':<13} lang")
        for r in rows:
            intents = ", ".join(f"{i['id']} {i['confidence']:.2f}" for i in r["intents"]) or "–"
            pop = r["facts"]["population"] or (r["register"] or {}).get("population") or ""
            print(f"{r['file'][-36:]:<36} {r['kind']:<16} {intents[:44]:<44} {pop!s:>7} "
                  f"{r['eligibility'] or '–':<13} {r['language']}")
    return EXIT_INPUT_ERROR if failed else 0


def draft_json(path: str, item: Processed) -> dict[str, Any]:
    """The JSON object ``draft --format json`` prints: the classification, the verdict's
    reasons and the draft's blocks with their sources."""
    from assistant.values import Decided, Drafted

    d = item.draft if isinstance(item, Drafted) else None
    return {
        "file": path,
        "outcome": item.outcome.value if item.outcome else None,
        "understanding": classification(path, item),
        "verdict_reasons": [{"rule": f.rule, "outcome": f.outcome, "reason": f.reason_de}
                            for f in (item.verdict.findings if isinstance(item, Decided)
                                      else ())],
        "checks": [{"rule": f.rule, "outcome": f.outcome, "fired": f.fired,
                    "reason": f.reason_de}
                   for f in (item.verdict.checks if isinstance(item, Decided) else ())],
        "draft": None if d is None else {
            "language": d.language, "subject": d.subject, "text": d.text,
            "needs_staff": d.needs_staff, "staff_reasons": list(d.staff_reasons),
            "blocks": [{"kind": b.kind, "intent": b.intent, "source": b.source,
                        "version": b.version, "gap": b.gap, "text": b.text} for b in d.blocks],
        },
    }


def cmd_draft(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.parse import parse
    from assistant.values import Drafted, Processed, Understood

    pipeline = pipeline_for(settings, args.knowledge)
    [(path, raw)] = _read_inputs([args.file])
    if raw is None:
        return EXIT_INPUT_ERROR
    item = pipeline.run(Processed(parse(raw)))
    if args.format == "json":
        print(json.dumps(draft_json(path, item), ensure_ascii=False, indent=2))
        return 0
    if not isinstance(item, Drafted):
        kind = item.understanding.kind.value if isinstance(item, Understood) else "?"
        print(f"No reply: this mail is of kind {kind} ({item.outcome}).")
        return 0
    if item.draft.needs_staff:
        print("# needs staff: " + "; ".join(item.draft.staff_reasons), file=sys.stderr)
    print(f"Subject: {item.draft.subject}\n")
    print(item.draft.text, end="")
    return 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    if args.threads:
        from assistant import replay

        folder = Path(args.folder or "")
        if not (folder / "labels.jsonl").is_file():
            return fail(f"{folder} has no labels.jsonl", EXIT_INPUT_ERROR)
        result = replay.replay(folder, settings)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.format == "json"
              else replay.format_text(result))
        return 0
    if args.cross is not None:
        return _cross(args, settings)
    from assistant import evaluation

    if args.folder is None:
        return fail("evaluate needs a folder (or --cross)", EXIT_INPUT_ERROR)
    pipeline = pipeline_for(settings, args.knowledge)
    folder = Path(args.folder)
    if not (folder / "labels.jsonl").is_file():
        return fail(f"{folder} has no labels.jsonl", EXIT_INPUT_ERROR)
    result = evaluation.evaluate(pipeline, folder)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(evaluation.format_text(result))
    return 0


def _cross(args: argparse.Namespace, settings: Settings) -> int:
    """``evaluate --cross``: leave one writer's folder out at a time (:mod:`assistant.crossval`)."""
    from assistant import crossval
    from assistant.commands.intents import folders, say
    from assistant.understand.labelled import DEVELOPMENT_SETS, SHARED_SETS

    held_out = folders(args.cross or None, SHARED_SETS)
    always = folders(args.always, DEVELOPMENT_SETS)
    result: dict[str, Any] = crossval.cross_validate(
        load_knowledge(settings, args.knowledge), settings, held_out, always, jobs=args.jobs,
        progress=lambda fold: say(f"  {fold} measured"))
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.format == "json"
          else crossval.format_text(result))
    return 0
