"""Labelled folders of mails, read for training and evaluation.

A labelled folder holds ``mails/*.eml`` and ``labels.jsonl`` (one object per mail: ``file``,
``kind``, ``intents``, ``population``, ``amount_eur``, ``state``, ``eligibility``, ``language``),
as in the shared samples. Each folder is one *group* — one writer — for cross-validation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.parse import parse
from assistant.understand import asked_text
from assistant.understand.followup import supplies_requested
from assistant.understand.questions import units
from assistant.understand.training import Sample
from assistant.values import Mail

_ROOT = Path(__file__).resolve().parent.parent.parent
# The project's own development sets: always trained on, never held out (only in a checkout).
DEVELOPMENT_SETS = tuple(_ROOT / "tests" / "evaluation" / name
                         for name in ("dev", "dev2", "dev3", "dev4"))
# The shared labelled sets by other writers, when the checkout has them beside it.
SHARED_SETS = tuple(sorted(p for group in ("inquiries", "questions")
                           for p in (_ROOT.parent / "shared" / group).glob("*")
                           if (p / "labels.jsonl").is_file()))


@dataclass(frozen=True, slots=True)
class Labelled:
    folder: Path
    label: dict[str, Any]
    mail: Mail

    @property
    def name(self) -> str:
        return str(self.label["file"])


def read_labels(folder: Path) -> list[dict[str, Any]]:
    with (folder / "labels.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def mails(folder: Path) -> Iterator[Labelled]:
    for label in read_labels(folder):
        yield Labelled(folder, label, parse((folder / "mails" / label["file"]).read_bytes()))


def group_name(folder: Path) -> str:
    """The group of a folder: its name, with its parent's for the parts of a shared set
    ("inquiries/formal")."""
    folder = folder.resolve()
    return f"{folder.parent.name}/{folder.name}"


def samples(folder: Path, *, domain: str, addresses: Sequence[str]) -> list[Sample]:
    """The labelled inquiries of a folder as training samples (the other kinds are skipped).

    ``domain`` and ``addresses`` are the programme's own, to recognise replies to our answers.
    """
    group = group_name(folder)
    out = []
    for item in mails(folder):
        if item.label["kind"] != "inquiry":
            continue
        mail = item.mail
        supplied = frozenset({"eligibility"}) if supplies_requested(
            mail, domain=domain, addresses=addresses) else frozenset()
        out.append(Sample(units(asked_text(mail), mail.subject), mail.language,
                          frozenset(item.label["intents"]) - supplied, group, supplied,
                          item.name))
    return out
