"""A chat question answered by the understanding and the knowledge, without any I/O."""

from __future__ import annotations

import pytest

from assistant.chat.answer import NO_QUESTION, STAFF_ONLY, UNCLEAR, UNSURE, Question, respond
from tests.core import pipeline

SURE = 0.65

CASES = [
    # (question, intents answered, handover reasons)
    (Question("Wie hoch ist die maximale Förderung?"), ["funding_amount"], []),
    (Question("Wie ist der Stand unseres Antrags?"), [], [STAFF_ONLY]),
    (Question("Wie ist der Stand unseres Antrags? Wie hoch ist die maximale Förderung?"),
     ["funding_amount"], [STAFF_ONLY]),
    (Question("Vielen Dank für die schnelle Antwort!"), [], [NO_QUESTION]),
]


@pytest.mark.parametrize(("question", "intents", "reasons"), CASES,
                         ids=[c[0].message[:30] for c in CASES])
def test_answers_and_handover(question: Question, intents: list[str],
                              reasons: list[str]) -> None:
    reply = respond(pipeline(), question, SURE)
    assert intents == [a.intent for a in reply.answers]
    assert reasons == list(reply.reasons)
    assert reply.handover == bool(set(reasons) - {NO_QUESTION})


def test_a_question_outside_the_programme_is_handed_over_never_answered() -> None:
    """"Können wir Fahrräder für den Bauhof kaufen?" is out of scope (or not placed at all):
    the chat answers nothing from the knowledge and offers the question to staff."""
    reply = respond(pipeline(), Question("Können wir Fahrräder für den Bauhof kaufen?"), SURE)
    assert [] == list(reply.answers)
    assert reply.handover
    assert set(reply.reasons) <= {UNCLEAR, UNSURE, STAFF_ONLY} and reply.reasons


def test_each_answer_names_its_knowledge_entry_and_version() -> None:
    reply = respond(pipeline(), Question("Wie hoch ist die maximale Förderung?"), SURE)
    [answer] = reply.answers
    assert ("answer.funding_amount", "1") == (answer.source, answer.version)
    assert "30.000 Euro" in answer.text


def test_a_town_given_in_the_form_gets_the_eligibility_check() -> None:
    """The register's population decides; the verdict says which basis it used."""
    reply = respond(pipeline(), Question("Können wir mitmachen?", town="Kassel"), SURE)
    assert reply.eligibility is not None
    assert ("not_eligible", "register", "Kassel") == (
        reply.eligibility.verdict, reply.eligibility.basis, reply.eligibility.town)
    assert "notice.not_eligible_population" in [a.source for a in reply.answers]


def test_a_stated_population_gets_the_check_too() -> None:
    reply = respond(pipeline(), Question("Dürfen wir teilnehmen?", population=8000), SURE)
    assert reply.eligibility is not None and "eligible" == reply.eligibility.verdict
    assert {"notice.eligible", "notice.cooperation"} <= {a.source for a in reply.answers}


def test_the_answer_is_in_the_language_of_the_question() -> None:
    reply = respond(pipeline(), Question("How long does the project run?"), SURE)
    assert "en" == reply.language
    assert ["duration"] == [a.intent for a in reply.answers]
    assert "months" in reply.answers[0].text
    german = respond(pipeline(), Question("When is the deadline?", language="de"), SURE)
    assert "de" == german.language


def test_low_confidence_is_not_answered_but_handed_over() -> None:
    """An intent below the chat's confidence is offered to staff instead of answered."""
    reply = respond(pipeline(), Question("Wie hoch ist die maximale Förderung?"), 1.01)
    assert [] == list(reply.answers)
    assert reply.handover and "low_confidence" in reply.reasons


def test_an_unconfirmed_time_bound_answer_is_handed_over() -> None:
    """While the dated "funds are still available" statement has no valid_until, a deadline
    question is offered to staff, never answered with it."""
    reply = respond(pipeline(), Question("When is the deadline for the application?"), SURE)
    assert [] == [a.intent for a in reply.answers]
    assert [STAFF_ONLY] == list(reply.reasons)
