"""Question units: every question a mail asks, wherever it hides, and nothing else."""

from __future__ import annotations

import pytest

from assistant.understand.questions import Role, units


def questions(text: str, subject: str = "") -> list[str]:
    return [u.text for u in units(text, subject) if u.asks]


def roles(text: str, subject: str = "") -> list[str]:
    return [u.role.value for u in units(text, subject)]


@pytest.mark.parametrize(("text", "expected"), [
    # A chat line without punctuation: a verb or a question word at its start asks.
    ("müssen wir nen eigenanteil bringen", ["müssen wir nen eigenanteil bringen"]),
    ("ab wieviel einwohnern is man raus", ["ab wieviel einwohnern is man raus"]),
    ("how do we apply and is there a deadline", ["how do we apply", "is there a deadline"]),
    # An indirect question inside a long sentence is cut out of the story around it.
    ("Ich bin seit 2016 Bürgermeister und wollte mal fragen, ob wir das mit dem Nachbarort "
     "zusammen machen dürfen und bis wann das fertig sein muss.",
     ["ob wir das mit dem Nachbarort zusammen machen dürfen", "bis wann das fertig sein muss."]),
    # Two questions joined by "und"; the second may start with its verb and a demonstrative.
    ("Können wir uns bewerben, und würde dieser Betrag in voller Höhe gefördert?",
     ["Können wir uns bewerben", "würde dieser Betrag in voller Höhe gefördert?"]),
    ("Wie hoch ist der Zuschuss und muss die Moderation ausgeschrieben werden?",
     ["Wie hoch ist der Zuschuss", "muss die Moderation ausgeschrieben werden?"]),
])
def test_questions_are_found_wherever_they_hide(text: str, expected: list[str]) -> None:
    """Direct, unpunctuated, indirect and coordinated questions each become one unit."""
    assert expected == questions(text)


def test_a_short_piece_stays_with_its_sentence() -> None:
    """"wo finde ich sie?" means nothing alone: it stays with the question before it."""
    assert ["Gibt es eine neuere Fassung, und wenn ja wo finde ich sie?"] == questions(
        "Gibt es eine neuere Fassung, und wenn ja wo finde ich sie?")


@pytest.mark.parametrize("sentence", [
    "Wie besprochen melden wir uns, sobald der Gemeindevorstand entschieden hat.",
    "Sollten danach noch Fragen auftauchen, schreibe ich Ihnen einfach.",
    "Ob wir den Antrag noch stellen, entscheidet der Gemeindevorstand am Montag.",
])
def test_a_sentence_that_tells_is_no_question(sentence: str) -> None:
    """A verb or "wie"/"ob" at the start of a sentence ending in a full stop tells."""
    assert [] == [u for u in units(sentence, terse=False) if u.asks]


def test_greeting_courtesy_and_closing_are_no_questions() -> None:
    """Greeting, thanks in advance, a request for a reply in general and the closing ask
    nothing (taxonomy: a courtesy line asking for a reply has no intent)."""
    text = ("Sehr geehrte Damen und Herren,\n\nwie lange läuft das Projekt?\n\n"
            "Für eine Rückmeldung wäre ich dankbar.\nVielen Dank im Voraus!\n\n"
            "Mit freundlichen Grüßen")
    assert ["greeting", "question", "courtesy", "courtesy", "closing"] == roles(text)


def test_announcement_asks_nothing_but_the_list_after_it_does() -> None:
    """"Zwei Fragen dazu:" is an announcement; the items of the list are the questions."""
    text = "Zwei Fragen dazu:\n1. Wie lange läuft das?\n2. Wer ist Ansprechpartner?"
    assert ["announcement", "question", "question"] == roles(text)


def test_a_stated_population_asks_nothing() -> None:
    """A statement of facts is a statement, not a question."""
    assert ["statement", "question"] == roles(
        "Wir haben 7.450 Einwohner. Können wir mitmachen?")


def test_subject_alone_is_the_question() -> None:
    """A mail whose text asks nothing asks what its subject asks."""
    found = units("Gruß\nMarco", "Förderrichtlinie KIV")
    assert [("Förderrichtlinie KIV", Role.QUESTION)] == [
        (u.text, u.role) for u in found if u.from_subject]


def test_subject_of_a_mail_that_asks_is_context() -> None:
    """A subject without a question mark above a text that asks is no question of its own."""
    found = units("Wie lange läuft das Projekt?", "Laufzeit")
    assert Role.SUBJECT == found[-1].role


def test_generic_and_reply_subjects_are_left_out() -> None:
    """"Frage" and "AW: …" say nothing about the topic."""
    assert all(not u.from_subject for u in units("Wie lange?", "Frage"))
    assert all(not u.from_subject for u in units("Wie lange?", "AW: Laufzeit"))


def test_terse_statements_count_as_questions_only_when_nothing_asks() -> None:
    """One or two bare statements ("Förderrichtlinie KIV bitte") are the question; the kind
    detection asks without that rule."""
    assert ["Förderrichtlinie KIV"] == questions("Förderrichtlinie KIV")
    assert [] == [u for u in units("Förderrichtlinie KIV", terse=False) if u.asks]


def test_units_stay_bounded_on_a_huge_line() -> None:
    """A unit is cut at a bounded length, whatever the line."""
    found = units("wort " * 50_000)
    assert all(len(u.text) <= 600 for u in found)
