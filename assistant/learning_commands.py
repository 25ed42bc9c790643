"""``assistant intents train`` and ``assistant evaluate --cross``: fit and measure the model."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.settings import Settings

_ROOT = Path(__file__).resolve().parent.parent
# The project's own development sets: always trained on, never held out.
DEVELOPMENT_SETS = tuple(_ROOT / "tests" / "evaluation" / name
                         for name in ("dev", "dev2", "dev3", "dev4"))
# The shared labelled sets by other writers, when the checkout has them beside it.
SHARED_SETS = tuple(sorted(p for group in ("inquiries", "questions")
                           for p in (_ROOT.parent / "shared" / group).glob("*")
                           if (p / "labels.jsonl").is_file()))


def _folders(paths: list[str] | None, default: tuple[Path, ...]) -> list[Path]:
    folders = [Path(p) for p in paths] if paths is not None else list(default)
    missing = [str(f) for f in folders if not (f / "labels.jsonl").is_file()]
    if missing:
        raise SystemExit(f"assistant: no labels.jsonl in {', '.join(missing)}")
    return folders


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def cmd_train(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import knowledge as loader
    from assistant.understand import labelled, training
    from assistant.understand.model import FILENAME, save

    intents = loader.read_intents(Path(settings.intents_dir))
    catalogue = {i.id: list(i.examples) for i in intents}
    always = _folders(args.always, DEVELOPMENT_SETS)
    folds = _folders(args.labelled, SHARED_SETS)
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
        progress=lambda group: _say(f"  training without {group} …"))
    summary = {"cross_validated_micro_f1": round(report.micro_f1, 4),
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
        _say(f"written to {target}")
    return 0


def cmd_cross(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import crossval, knowledge

    folds = _folders(args.folders, SHARED_SETS)
    always = _folders(args.always, DEVELOPMENT_SETS)
    result: dict[str, Any] = crossval.cross_validate(
        knowledge.load(settings), settings, folds, always, jobs=args.jobs,
        progress=lambda fold: _say(f"  {fold} measured"))
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.format == "json"
          else crossval.format_text(result))
    return 0


def add_train(intents: Any) -> None:
    """``intents train`` in the ``intents`` command group."""
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
