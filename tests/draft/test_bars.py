"""The caseworker's bars over every mail of the development sets: no mail labelled not
eligible is told it may apply, no cooperation hint after a refusal, no rule figure or sentence
of the notices and answers twice, no office greeted by name."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from assistant.values import Drafted
from tests.core import pipeline, run
from tests.helpers import ROOT

SETS = ("dev", "dev2", "dev3", "dev4")
OFFICE = re.compile(r"amt\b|gemeinde|stadt|rathaus|verwaltung|team|\binfo|büro|magistrat|"
                    r"service|kontakt|office|council|municipality|department", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?;])\s+")


@lru_cache(maxsize=1)
def drafted() -> tuple[tuple[dict, Drafted], ...]:
    items = []
    for name in SETS:
        folder = ROOT / "tests" / "evaluation" / name
        for line in (folder / "labels.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                item = run((folder / "mails" / label["file"]).read_bytes())
                if isinstance(item, Drafted):
                    items.append((label, item))
    return tuple(items)


def figures() -> list[str]:
    programme = pipeline().knowledge.programme
    return [f"{n:,}".replace(",", sep) for n in (
        programme["eligibility"]["population_below"], programme["eligibility"]["cooperation_below"],
        programme["funding"]["max_amount_eur"]) for sep in (".", ",")]


def test_no_mail_labelled_not_eligible_is_called_eligible() -> None:
    """0 drafts with the verdict eligible for a mail labelled not_eligible."""
    wrong = [label["file"] for label, item in drafted() if label["eligibility"] == "not_eligible"
             and item.verdict is not None and item.verdict.eligibility.value == "eligible"]
    assert [] == wrong


def test_no_cooperation_hint_after_not_eligible() -> None:
    """0 cooperation hints in a draft whose verdict or label is not_eligible."""
    wrong = [label["file"] for label, item in drafted() if item.draft is not None
             and "notice.cooperation" in [b.source for b in item.draft.blocks]
             and "not_eligible" in (label["eligibility"], item.verdict.eligibility.value)]
    assert [] == wrong


@pytest.mark.parametrize("check", ["figure", "sentence"])
def test_nothing_said_twice(check: str) -> None:
    """No rule figure (population limit, cooperation limit, cap) and no sentence of the
    notices and answers stands twice in a draft (a town of exactly the figure aside)."""
    wrong = []
    for label, item in drafted():
        if item.draft is None:
            continue
        body = " ".join(b.text for b in item.draft.blocks if not b.gap)
        if check == "figure":
            own = {f"{item.verdict.population:,}".replace(",", sep) for sep in ".,"} \
                if item.verdict and item.verdict.population else set()
            if any(body.count(f) > 1 + (f in own) for f in figures()):
                wrong.append(label["file"])
        else:
            sentences = [s.lower() for s in SENTENCE.split(body) if len(s.split()) > 3]
            if len(sentences) != len(set(sentences)):
                wrong.append(label["file"])
    assert [] == wrong


def test_no_office_is_greeted_by_name() -> None:
    """0 greetings whose name holds an office word (Hauptamt, Gemeinde, Team, Info, …)."""
    wrong = [(label["file"], item.draft.greeting) for label, item in drafted()
             if item.draft is not None and OFFICE.search(item.draft.greeting)]
    assert [] == wrong
