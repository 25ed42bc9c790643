"""Sentence splitting, asking detection and sentence weights of the intent classifier."""

from __future__ import annotations

import pytest

from assistant.understand.intents import IntentClassifier
from assistant.understand.sentences import is_asking, sentences

CATALOGUE = {
    "duration": ["Wie lange läuft das Projekt?", "How long does the project run?"],
    "contact": ["Wer ist Ihr Ansprechpartner?", "Who can we call?"],
    "out_of_scope": ["Wer hilft bei der Anerkennung ausländischer Führerscheine?"],
}


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    return IntentClassifier(CATALOGUE, threshold=0.5)


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


def test_announcement_weighs_as_statement_and_lends_weight_to_what_follows(
        classifier: IntentClassifier) -> None:
    """The announcement counts as a statement; the list after it counts as asked."""
    weights = dict(classifier.weighted_sentences(
        "Folgende Punkte sind noch offen:\n- Laufzeit des Projekts\n- Ansprechpartner"))
    assert weights["Folgende Punkte sind noch offen:"] == classifier.tuning.statement_weight
    assert weights["Laufzeit des Projekts"] == classifier.tuning.announced_weight
    assert weights["Ansprechpartner"] == classifier.tuning.announced_weight


def test_courtesy_lines_are_not_scored(classifier: IntentClassifier) -> None:
    """Thanks in advance and "I look forward to your reply" carry no intent."""
    weighted = classifier.weighted_sentences(
        "Wie lange läuft das Projekt?\n\nÜber eine kurze Rückmeldung würde ich mich freuen.\n"
        "Vielen Dank im Voraus!")
    assert ["Wie lange läuft das Projekt?"] == [s for s, _ in weighted]


def test_typo_is_one_slip_but_another_word_is_not(classifier: IntentClassifier) -> None:
    """A one-letter typo maps to the catalogue stem; a word two edits away stays unknown."""
    assert classifier._map_token("ansprechpatner", "de") == ("ansprechpartn",)
    assert classifier._map_token("prokelt", "de")[0].startswith("?")


def test_short_question_pointing_back_reads_the_statement_before(
        classifier: IntentClassifier) -> None:
    """"Wissen Sie, wer da hilft?" after a statement is scored with that statement's topic."""
    raw = classifier.raw_scores(
        "Bei uns wird ein ausländischer Führerschein nicht anerkannt.\n\nWissen Sie, wer da hilft?",
        "", "de")
    assert "out_of_scope" in raw
