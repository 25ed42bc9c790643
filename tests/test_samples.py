"""The understanding on the labelled shared samples (skipped without ../shared)."""

from __future__ import annotations

from assistant.evaluation import evaluate
from tests.core import pipeline
from tests.helpers import shared_dir


def test_samples_meet_the_floor() -> None:
    """Kinds are all right, no machine mail is taken for an inquiry, facts and verdicts hold."""
    result = evaluate(pipeline(), shared_dir("samples"))
    assert 1.0 == result["kind_accuracy"]
    assert 0 == result["machine_mail_taken_for_inquiry"]
    assert result["fact_accuracy"]["population"] >= 0.97
    assert result["eligibility_accuracy"] >= 0.97
    assert result["intent_micro_f1"] >= 0.85
