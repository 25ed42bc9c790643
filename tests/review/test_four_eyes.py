"""The four-eyes rule: which drafts need a second reviewer."""

from __future__ import annotations

from assistant.review.four_eyes import Sensitive, changed_share, reasons
from tests.core import pipeline

ANSWER = [{"kind": "answer", "intent": "duration", "source": "answer.duration", "text": "x"}]


def _reasons(**kwargs: object) -> list[str]:
    values: dict = {"needs_staff": False, "blocks": ANSWER, "intents": ["duration"],
                    "original": "Text", "edited": None, "heavy_edit_share": 0.3,
                    "sensitive": Sensitive.of(pipeline().knowledge)}
    values.update(kwargs)
    return reasons(**values)  # type: ignore[arg-type]


def test_plain_answer_needs_one_reviewer() -> None:
    """A draft about the duration, unedited and not flagged, needs no second person."""
    assert _reasons() == []


def test_needs_staff_needs_two() -> None:
    assert "fachlichen Prüfung" in _reasons(needs_staff=True)[0]


def test_money_and_eligibility_need_two() -> None:
    """Eligibility or amount questions, or their notices, need two people."""
    assert _reasons(intents=["funding_amount"])
    assert _reasons(intents=[], blocks=[{"kind": "notice", "source": "notice.not_eligible_state"}])


def test_what_needs_two_is_marked_in_the_knowledge() -> None:
    """The knowledge marks the money and eligibility texts (`four_eyes: true`): the answers to
    eligibility and funding_amount and their notices, not the cooperation hint."""
    sensitive = Sensitive.of(pipeline().knowledge)
    assert {"eligibility", "funding_amount"} == sensitive.intents
    assert {"notice.eligible", "notice.not_eligible_population", "notice.not_eligible_state",
            "notice.cap", "notice.ask_population"} <= sensitive.sources
    assert "notice.cooperation" not in sensitive.sources


def test_heavy_edit_needs_two_and_light_edit_does_not() -> None:
    original = "Teilnehmende Kommunen haben 18 Monate Zeit, eine KIV-Strategie zu entwickeln."
    light = original.replace("18 Monate", "achtzehn Monate")
    heavy = "Bitte rufen Sie uns an, wir besprechen das gern am Telefon."
    assert _reasons(original=original, edited=light) == []
    assert "stark bearbeitet" in _reasons(original=original, edited=heavy)[0]


def test_changed_share() -> None:
    assert changed_share("abc", None) == 0.0
    assert changed_share("abc", "abc") == 0.0
    assert changed_share("abc", "xyz") == 1.0
