"""Sentence splitting and asking detection (shared by the kind detection and the question units)."""

from __future__ import annotations

import pytest

from assistant.understand.sentences import is_asking, sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Gemeinde (ca. 8.500 EW) plant. Wir fragen.", ["Die Gemeinde (ca. 8.500 EW) plant.",
                                                        "Wir fragen."]),
    ("Müssen wir z. B. etwas hochladen?", ["Müssen wir z. B. etwas hochladen?"]),
    ("Der Rat tagt am 19. November. Dann sehen wir.", ["Der Rat tagt am 19. November.",
                                                       "Dann sehen wir."]),
    ("A town with approx. 7,300 inhabitants. We ask.", ["A town with approx. 7,300 inhabitants.",
                                                         "We ask."]),
])
def test_abbreviations_and_day_numbers_end_no_sentence(text: str, expected: list[str]) -> None:
    """A full stop after an abbreviation or a day number does not split the sentence."""
    assert expected == sentences(text)


def test_colon_before_capital_splits_announcement_from_question() -> None:
    """"Zwei Fragen dazu: Wie lange …?" is the announcement and the question."""
    assert ["Zwei Fragen dazu:", "Wie lange läuft das?"] == sentences(
        "Zwei Fragen dazu: Wie lange läuft das?")


@pytest.mark.parametrize("sentence", [
    "Unser Kämmerer will wissen, mit welchem Budget wir planen können.",
    "It would also help to know which member of your team handles our file.",
    "Für eine kurze Einschätzung wäre ich dankbar.",
    "We would like to know whether the funds are still available.",
])
def test_indirect_questions_ask(sentence: str) -> None:
    """Indirect questions and polite requests count as asking."""
    assert is_asking(sentence)


def test_a_stated_plan_does_not_ask() -> None:
    """"We would like to plan …" states an intention, it asks nothing."""
    assert not is_asking("We would like to plan the final council meeting accordingly.")
