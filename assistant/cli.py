"""The ``assistant`` command. Imports are lazy so that ``assistant --help`` starts fast."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.flow import Pipeline, Processed
    from assistant.settings import Settings

# Exit codes of every command: 1 a failure, 2 bad input or configuration, 3 not found.
EXIT_FAILURE = 1
EXIT_INPUT_ERROR = 2
EXIT_NOT_FOUND = 3

# Modules that add their own sub-commands: each has ``register(subparsers)``, which only
# declares arguments (imports of heavy libraries happen inside the command functions, so that
# ``assistant --help`` stays fast).
COMMAND_MODULES: tuple[str, ...] = ("assistant.history.commands", "assistant.review.commands",
                                    "assistant.outbound.commands", "assistant.reports.commands",
                                    "assistant.history.search_commands",
                                    "assistant.history.privacy_commands",
                                    "assistant.knowledge_commands")


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    """Say what went wrong on stderr and return the exit code (for the command modules)."""
    print(f"assistant: {message}", file=sys.stderr)
    return code


def keyed(command: Callable[[argparse.Namespace, Settings], int]
          ) -> Callable[[argparse.Namespace, Settings], int]:
    """A command that needs a fit ``ASSISTANT_SECRET_KEY`` (it signs, keys hashes, or prepares
    accounts for the web app that does): with a short, repetitive or placeholder key it stops
    (exit 2) before it asks for or changes anything."""
    def run(args: argparse.Namespace, settings: Settings) -> int:
        settings.signing_key()
        return command(args, settings)

    run.__name__ = command.__name__
    return run


def iso_day(text: str) -> date:
    """An argument type for --since/--until and the like: an ISO date (YYYY-MM-DD) that a
    period may name (argparse then stops with the reason and exit code 2)."""
    from assistant.review.dates import BadDay, day

    try:
        return day(text)
    except BadDay as bad:
        raise argparse.ArgumentTypeError(str(bad)) from None


def record_id(text: str) -> int:
    """An argument type for ids of stored records: a whole number from 1 to the largest id the
    database can hold (argparse then stops with the reason and exit code 2)."""
    from assistant.history import MAX_ID

    digits = text.strip().lstrip("0")
    if not digits.isascii() or not digits.isdigit() or len(digits) > len(str(MAX_ID)) \
            or int(digits) > MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number from 1 to "
                                         f"{MAX_ID})")
    return int(digits)


def _pipeline(settings: Settings) -> Pipeline:
    from assistant import knowledge
    from assistant.flow import Pipeline

    return Pipeline(settings, knowledge.load(settings))


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
    u, verdict = item.understanding, item.verdict
    assert u is not None
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
    pipeline = _pipeline(settings)
    failed = False
    rows = []
    for path, raw in _read_inputs(args.files):
        if raw is None:
            failed = True
            continue
        result = classification(path, pipeline.understand_only(raw))
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
    d = item.draft
    return {
        "file": path,
        "outcome": item.outcome.value if item.outcome else None,
        "understanding": classification(path, item),
        "verdict_reasons": [{"rule": f.rule, "outcome": f.outcome, "reason": f.reason_de}
                            for f in (item.verdict.findings if item.verdict else ())],
        "draft": None if d is None else {
            "language": d.language, "subject": d.subject, "text": d.text,
            "needs_staff": d.needs_staff, "staff_reasons": list(d.staff_reasons),
            "blocks": [{"kind": b.kind, "intent": b.intent, "source": b.source,
                        "version": b.version, "gap": b.gap, "text": b.text} for b in d.blocks],
        },
    }


def cmd_draft(args: argparse.Namespace, settings: Settings) -> int:
    pipeline = _pipeline(settings)
    [(path, raw)] = _read_inputs([args.file])
    if raw is None:
        return EXIT_INPUT_ERROR
    item = pipeline.run(raw)
    if args.format == "json":
        print(json.dumps(draft_json(path, item), ensure_ascii=False, indent=2))
        return 0
    if item.draft is None:
        kind = item.understanding.kind.value if item.understanding else "?"
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
            print(f"assistant: {folder} has no labels.jsonl", file=sys.stderr)
            return EXIT_INPUT_ERROR
        result = replay.replay(folder, settings)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.format == "json"
              else replay.format_text(result))
        return 0
    if args.cross is not None:
        from assistant.learning_commands import cmd_cross

        args.folders = args.cross or None
        return cmd_cross(args, settings)
    from assistant import evaluation

    if args.folder is None:
        print("assistant: evaluate needs a folder (or --cross)", file=sys.stderr)
        return EXIT_INPUT_ERROR
    pipeline = _pipeline(settings)
    folder = Path(args.folder)
    if not (folder / "labels.jsonl").is_file():
        print(f"assistant: {folder} has no labels.jsonl", file=sys.stderr)
        return EXIT_INPUT_ERROR
    result = evaluation.evaluate(pipeline, folder)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(evaluation.format_text(result))
    return 0


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    if args.format == "markdown":
        # The defaults, not this environment's values: the table in the README.
        from assistant.settings import defaults_table

        print(defaults_table())
        return 0
    for name, value, help_text in settings.describe():
        print(f"{name}={value}\n    {help_text}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Inquiry assistant of the Hessian WIR programme (KIV funding line).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("classify", help="kind, intents, facts and verdict of mails")
    p.add_argument("files", nargs="+", metavar="FILE", help="mail files (.eml); - for stdin")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("draft", help="the reply draft for one mail")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
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
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("config", help="show the settings (secrets masked)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="markdown: the table of all settings with their defaults (README)")
    p.set_defaults(func=cmd_config)

    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from assistant.knowledge import KnowledgeError
    from assistant.settings import Settings, SettingsError

    try:
        settings = Settings.load()
        return int(args.func(args, settings) or 0)
    except (SettingsError, KnowledgeError) as exc:
        print(f"assistant: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
