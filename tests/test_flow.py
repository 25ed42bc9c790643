"""The engine: the stages as data, one typed value per stage result, named ends, redrafts."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from assistant import flow
from assistant.flow import STAGES, TO_VERDICT, Pipeline
from assistant.parse import parse
from assistant.values import (
    Decided,
    Drafted,
    Kind,
    Outcome,
    Processed,
    Stopped,
    Understood,
)
from tests.core import mail, pipeline
from tests.helpers import ROOT

INQUIRY = mail("Sehr geehrte Damen und Herren,\n\nwie hoch ist die Förderung maximal?\n\n"
               "Mit freundlichen Grüßen\nErika Muster")
THANKS = mail("Vielen Dank für Ihre schnelle Antwort!\n\nMit freundlichen Grüßen\nErika Muster",
              subject="AW: Frage zur KIV-Förderung")
OUT_OF_OFFICE = (ROOT / "tests" / "understand" / "kind_fixtures" /
                 "auto-exchange-automatische-antwort.eml").read_bytes()


def start(raw: bytes) -> Processed:
    return Processed(parse(raw))


def test_the_whole_flow_drafts_an_inquiry() -> None:
    """All stages turn an inquiry into a Drafted value with understanding, verdict and draft."""
    item = pipeline().run(start(INQUIRY))
    assert isinstance(item, Drafted)
    assert Kind.INQUIRY == item.understanding.kind
    assert "funding_amount" in item.understanding.intent_ids
    assert Outcome.DRAFTED == item.outcome
    assert item.draft.text


def test_an_auto_reply_ends_the_flow_with_its_named_outcome() -> None:
    """An out-of-office mail stops after the understanding: a Stopped value, no verdict, no
    draft, and the outcome says why."""
    item = pipeline().run(start(OUT_OF_OFFICE))
    assert isinstance(item, Stopped)
    assert not isinstance(item, Decided)
    assert Outcome.NOT_ANSWERED_AUTO_REPLY == item.outcome
    assert Kind.AUTO_REPLY == item.understanding.kind


def test_a_thank_you_is_not_answered() -> None:
    """A thank-you without a question ends as not answered (acknowledgement)."""
    assert Outcome.NOT_ANSWERED_ACKNOWLEDGEMENT == pipeline().run(start(THANKS)).outcome


def test_the_first_stages_alone_stop_at_the_verdict() -> None:
    """TO_VERDICT runs understanding and rules: the value is Decided, not Drafted, and has no
    outcome yet."""
    item = pipeline().run(start(INQUIRY), TO_VERDICT)
    assert isinstance(item, Decided) and not isinstance(item, Drafted)
    assert item.outcome is None


def test_no_stages_leave_the_value_as_it_was() -> None:
    """Running no stage returns the value it was given."""
    item = start(INQUIRY)
    assert item is pipeline().run(item, ())


def test_a_stage_without_its_predecessor_names_what_is_missing() -> None:
    """The drafting stage given a mail that was never decided fails with a TypeError that names
    the stage and the value it needs — a mistake in a stage list, not in a mail."""
    with pytest.raises(TypeError, match="'draft' needs Decided, not Understood"):
        pipeline().run(start(INQUIRY), (flow.understand, flow.draft))


def test_an_added_stage_runs_in_its_place() -> None:
    """A stage inserted into the list sees the previous stage's value and its result goes on to
    the next: here a stage that removes every intent, so the draft answers none."""
    seen: list[str] = []

    def forget_intents(pipeline: Pipeline, item: Processed) -> Processed:
        understood = flow.expect(item, Understood, "forget_intents")
        seen.append(type(item).__name__)
        return replace(understood, understanding=replace(understood.understanding, intents=(),
                                                                  questions=()))

    item = pipeline().run(start(INQUIRY), (flow.understand, forget_intents, flow.rules,
                                           flow.draft))
    assert ["Understood"] == seen
    assert isinstance(item, Drafted)
    assert () == item.understanding.intents
    assert not any(b.intent == "funding_amount" for b in item.draft.blocks)


def test_redraft_answers_exactly_the_chosen_intents_even_for_a_thank_you() -> None:
    """A redraft takes the mail as an inquiry asking what staff chose; the first intent keeps
    the sentence staff gave as its evidence."""
    drafted = pipeline().redraft(parse(THANKS), ["deadline", "duration"], "Bis wann?")
    assert Kind.INQUIRY == drafted.understanding.kind
    assert ("deadline", "duration") == drafted.understanding.intent_ids
    assert "Bis wann?" == drafted.understanding.intents[0].evidence
    assert {"deadline", "duration"} <= {b.intent for b in drafted.draft.blocks}


def test_the_values_cross_a_process_boundary() -> None:
    """Each stage's value survives pickling (the worker's child process sends it back)."""
    for item in (pipeline().run(start(INQUIRY)), pipeline().run(start(OUT_OF_OFFICE))):
        assert item == pickle.loads(pickle.dumps(item))  # noqa: S301 - our own bytes


def test_stages_are_listed_in_the_order_a_mail_travels() -> None:
    """STAGES is understanding, rules, draft — the flow written as data."""
    assert ["understand", "rules", "draft"] == [s.__name__ for s in STAGES]
