"""The scoring of the intent classifier: the Naive Bayes contrast and the shared sentences."""

from __future__ import annotations

import pytest

from assistant.understand.intents import IntentClassifier, Tuning
from assistant.understand.kind import classify_kind
from assistant.understand.sentences import is_asking, units

CATALOGUE = {
    "duration": ["Wie lange läuft das Projekt?", "Wie lange ist die Laufzeit?",
                 "How long does the project run?"],
    "contact": ["Wer ist Ihr Ansprechpartner für das Projekt?", "Who can we call?"],
    "out_of_scope": ["Gibt es Zuschüsse für unsere Kita?", "Wer fördert den Sportverein?"],
}


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    return IntentClassifier(CATALOGUE, threshold=0.5)


def test_contrast_is_a_probability_over_all_intents(classifier: IntentClassifier) -> None:
    """The Naive Bayes contrast gives every intent a probability; they sum to one."""
    posterior = classifier.contrast(["laufzeit"])
    assert set(CATALOGUE) == set(posterior)
    assert 1.0 == pytest.approx(sum(posterior.values()))


def test_contrast_favours_the_intent_that_uses_the_stem(classifier: IntentClassifier) -> None:
    """A stem only one intent's examples use makes that intent the most probable."""
    posterior = classifier.contrast(["laufzeit"])
    assert "duration" == max(posterior, key=posterior.__getitem__)


def test_unknown_words_lean_to_out_of_scope(classifier: IntentClassifier) -> None:
    """A word the catalogue never uses points to the catch-all intent."""
    posterior = classifier.contrast(["?feuerwehrfest"])
    assert "out_of_scope" == max(posterior, key=posterior.__getitem__)


def test_contrast_of_no_stems_is_empty(classifier: IntentClassifier) -> None:
    """A sentence without content words has no contrast."""
    assert {} == classifier.contrast([])


def test_contrast_counts_in_the_sentence_score() -> None:
    """With the contrast switched on, a topic word lifts its intent above the others more."""
    plain = IntentClassifier(CATALOGUE, 0.5, tuning=Tuning(nb_weight=0.0))
    mixed = IntentClassifier(CATALOGUE, 0.5)
    sentence = "Wie lange ist die Laufzeit?"
    without = plain.sentence_scores(sentence, "de")
    with_contrast = mixed.sentence_scores(sentence, "de")
    assert with_contrast["duration"] - with_contrast["contact"] > 0
    assert without["duration"] > without.get("contact", 0.0)


def test_subject_and_question_find_the_intent(classifier: IntentClassifier) -> None:
    """raw_scores still names the sentence that carries each intent."""
    raw = classifier.raw_scores("Wie lange läuft das Projekt?", "Laufzeit", "de")
    assert "Wie lange läuft das Projekt?" == raw["duration"][1]


def test_units_know_whether_they_ask() -> None:
    """Each unit carries its asking flag, the same as is_asking on its text."""
    text = "Wir planen ein Projekt.\n\nWie lange läuft es?\nBitte nennen Sie uns die Frist."
    found = units(text)
    assert [is_asking(u.text) for u in found] == [u.asking for u in found]
    assert [False, True, True] == [u.asking for u in found]


def test_units_are_cut_once_per_text() -> None:
    """The kind detection and the classifier share the cut sentences of one text."""
    text = "Gibt es eine Frist?\n\nDanke."
    assert units(text) is units(text)


def test_kind_uses_the_shared_asking_flags() -> None:
    """A mail whose only sentence asks is an inquiry, read through the shared units."""
    from assistant.parse import parse

    raw = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: Frage\r\n\r\n"
           b"Vielen Dank! Wie lange l\xc3\xa4uft das Projekt?\r\n")
    kind, _ = classify_kind(parse(raw))
    assert "inquiry" == kind.value


def test_two_questions_joined_by_und_are_both_found() -> None:
    """'Bis wann …, und wie stellt man …?' asks for the deadline and the procedure."""
    from tests.core import mail, pipeline

    item = pipeline().understand_only(mail(
        "Bis wann muss der Antrag spätestens bei Ihnen eingereicht sein, und wie läuft die "
        "Antragstellung über das Onlineportal ab?", subject="Frage"))
    assert item.understanding is not None
    assert {"deadline", "application_process"} <= set(item.understanding.intent_ids)
