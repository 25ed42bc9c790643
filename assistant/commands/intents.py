"""``assistant intents``: the intent catalogue — reviewers' suggestions for it, and fitting the
intent model to it (``intents train``; ``evaluate --cross`` measures it the same way)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.commands.common import (
    ACTOR,
    EXIT_INPUT_ERROR,
    Subcommands,
    fail,
    print_json,
    record_id,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.history.models import Suggestion
    from assistant.settings import Settings



def register(sub: Subcommands) -> None:
    p = sub.add_parser("intents", help="the intent catalogue")
    intents = p.add_subparsers(dest="intents_command", required=True, metavar="ACTION")
    q = intents.add_parser(
        "suggestions", help="reviewer corrections kept as candidate examples",
        description="List the suggestions (default), or accept or dismiss them by id. Accepting "
                    "writes the sentence as a new example into intents/<id>.yaml; it counts "
                    "once the model is trained again (`assistant intents train --write`).")
    q.add_argument("action", nargs="?", choices=("list", "accept", "dismiss"), default="list")
    q.add_argument("ids", nargs="*", type=record_id, metavar="ID")
    q.add_argument("--all", action="store_true", help="list decided suggestions too")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_suggestions)

    q = intents.add_parser(
        "train", help="fit the intent model from the catalogue and labelled mails",
        description="Fits the intent model (intents/model.json) on the catalogue, the project's "
                    "development sets and the labelled folders given (default: the shared sets "
                    "beside the checkout); the thresholds come from leave-one-folder-out "
                    "predictions. Needs scikit-learn (`pip install -e '.[train]'`).")
    q.add_argument("--labelled", nargs="*", metavar="DIR",
                   help="labelled folders by other writers (held out in turn for tuning)")
    q.add_argument("--always", nargs="*", metavar="DIR",
                   help="labelled folders only trained on (default: tests/evaluation/dev*)")
    q.add_argument("--c", type=float, default=30.0, help="inverse regularisation strength")
    q.add_argument("--write", action="store_true", help="save the model to intents/model.json")
    q.set_defaults(func=cmd_train)


# -- suggestions -------------------------------------------------------------------------------

def cmd_suggestions(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.errors import CorrectionError
    from assistant.history.db import sessionmaker
    from assistant.review import corrections

    if args.action != "list" and not args.ids:
        return fail(f"`assistant intents suggestions {args.action}` needs at least one ID",
                    EXIT_INPUT_ERROR)

    async def work(engine: AsyncEngine) -> int:
        failed = False
        async with sessionmaker(engine)() as db:
            if args.action == "list":
                rows = await corrections.listing(db, None if args.all else "open")
                _print_suggestions(rows, args.format)
                return 0
            for suggestion_id in args.ids:
                try:
                    if args.action == "accept":
                        done = await corrections.accept(db, suggestion_id, ACTOR)
                        if done.written:
                            print(f"{suggestion_id}: added as an example to {done.path} in "
                                  "the store (published)")
                        else:
                            print(f"{suggestion_id}: already an example in {done.path}; "
                                  "marked accepted")
                    else:
                        await corrections.dismiss(db, suggestion_id, ACTOR)
                        print(f"{suggestion_id}: dismissed")
                except CorrectionError as exc:
                    failed = True
                    print(f"assistant: {suggestion_id}: {exc}", file=sys.stderr)
        if args.action == "accept":
            print("Run `assistant evaluate DIR` to see whether accuracy moved.")
        return EXIT_INPUT_ERROR if failed else 0

    return with_database(settings, work, initialise=True)


def _print_suggestions(rows: list[Suggestion], fmt: str) -> None:
    data: list[dict[str, Any]] = [
        {"id": s.id, "intent": s.intent, "sentence": s.sentence, "origin": s.origin,
         "status": s.status, "created_by": s.created_by,
         "created_at": s.created_at.isoformat() if s.created_at else None} for s in rows]
    if fmt == "json":
        print_json(data)
        return
    if not data:
        print("no suggestions")
        return
    for d in data:
        print(f"{d['id']:>5}  {d['status']:<9} {d['intent']:<20} {d['origin']:<14} "
              f"{d['sentence'][:80]}")


# -- the model ---------------------------------------------------------------------------------

def folders(paths: list[str] | None, default: tuple[Path, ...]) -> list[Path]:
    """The labelled folders named (default: ``default``); each must have a labels.jsonl."""
    chosen = [Path(p) for p in paths] if paths is not None else list(default)
    missing = [str(f) for f in chosen if not (f / "labels.jsonl").is_file()]
    if missing:
        raise SystemExit(f"assistant: no labels.jsonl in {', '.join(missing)}")
    return chosen


def say(text: str) -> None:
    """Progress on stderr (the figures go to stdout)."""
    print(text, file=sys.stderr, flush=True)


def cmd_train(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import knowledge as loader
    from assistant.understand import labelled, training
    from assistant.understand.labelled import DEVELOPMENT_SETS, SHARED_SETS
    from assistant.understand.model import FILENAME, save

    intents = loader.read_intents(Path(settings.intents_dir))
    catalogue = {i.id: list(i.examples) for i in intents}
    always = folders(args.always, DEVELOPMENT_SETS)
    folds = folders(args.labelled, SHARED_SETS)
    samples = []
    for folder in [*always, *folds]:
        samples += labelled.samples(folder, domain=settings.message_id_domain,
                                    addresses=settings.own_addresses)
    started = time.monotonic()
    fold_names = [labelled.group_name(f) for f in folds]
    always_names = [labelled.group_name(f) for f in always]
    # Thresholds are tuned on the writers' folds held out in turn (the development sets only
    # trained on); without shared folds, on the development sets themselves.
    tune, keep = (fold_names, always_names) if fold_names else (always_names, [])
    model, report = training.train(
        catalogue, samples, training.Params(c=args.c),
        trained={"catalogue": loader.catalogue_digest(intents),
                 "date": time.strftime("%Y-%m-%d"),
                 "sets": always_names + fold_names,
                 "examples": sum(len(e) for e in catalogue.values()),
                 "labelled_inquiries": len(samples)},
        tune_groups=tune, always=keep,
        progress=lambda group: say(f"  training without {group} …"))
    summary: dict[str, Any] = {
        "cross_validated_micro_f1": round(report.micro_f1, 4),
        "cross_validated_macro_f1": round(report.macro_f1, 4),
        "per_group": {g: round(v, 4) for g, v in report.per_group.items()},
        "decision": {"question": model.decision.question,
                     "question_more": model.decision.question_more,
                     "subject": model.decision.subject},
        "seconds": round(time.monotonic() - started, 1)}
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if args.write:
        target = Path(settings.intents_dir) / FILENAME
        save(model, target)
        say(f"written to {target}")
    return 0
