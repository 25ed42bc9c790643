"""Short one-line questions, as typed into the chat, get the intent they ask about."""

from __future__ import annotations

import pytest

from tests.core import mail, understanding


@pytest.mark.parametrize(("question", "intent"), [
    ("How much funding can we get?", "funding_amount"),
    ("Wie viel Geld gibt es?", "funding_amount"),
    ("Who can apply?", "eligibility"),
    ("What can the money be used for?", "funded_activities"),
    ("Is there a deadline?", "deadline"),
    ("Can we apply together with our neighbours?", "joint_application"),
    ("Wie lange läuft das Projekt?", "duration"),
    ("Wo finde ich die Förderrichtlinie?", "guideline"),
])
def test_short_question(question: str, intent: str) -> None:
    """The one intent asked is found, and a generic subject ('Question') adds none."""
    understood = understanding(mail(question, subject="Question", sender="a@example.org"))
    assert [intent] == list(understood.intent_ids)
