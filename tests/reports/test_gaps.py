"""What the knowledge does not cover yet: uncertain inquiries' sentences grouped by similarity."""

from __future__ import annotations

from assistant.reports.gaps import Uncertain, cluster, doubtful_sentences

LOW = 0.65


def abstained(number: int, text: str) -> Uncertain:
    return Uncertain(number, text, [], True)


def test_similar_questions_form_one_group_with_examples() -> None:
    """Different wording of the same question lands in one group; its size counts inquiries."""
    items = [
        abstained(1, "Guten Tag,\n\nkönnen wir mit den Mitteln Sprachkurse für Geflüchtete "
                     "bezahlen?\n\nGrüße"),
        abstained(2, "Dürfen wir von dem Geld Sprachkurse für Geflüchtete finanzieren?"),
        abstained(3, "Wird der Umbau des Bürgerhauses gefördert?"),
        abstained(4, "Gibt es eine Förderung für den Umbau unseres Bürgerhauses?"),
        abstained(5, "Wann tagt der Kreistag?"),
    ]
    groups = cluster(items, low_confidence=LOW, similarity=60)
    assert [2, 2, 1] == [g.size for g in groups]
    assert ("können wir mit den Mitteln Sprachkurse für Geflüchtete bezahlen?",
            "Dürfen wir von dem Geld Sprachkurse für Geflüchtete finanzieren?") \
        == groups[0].examples
    assert ("abstained",) == groups[0].intents


def test_out_of_scope_and_low_confidence_use_their_evidence() -> None:
    """An out-of-scope or low-confidence intent names the sentence that carried it; a sure
    intent of the same inquiry does not count."""
    item = Uncertain(7, "Wie hoch ist die Förderung? Und zahlen Sie Fahrräder?", [
        {"id": "funding_amount", "confidence": 0.97, "evidence": "Wie hoch ist die Förderung?"},
        {"id": "out_of_scope", "confidence": 0.8, "evidence": "Und zahlen Sie Fahrräder?"}],
        False)
    assert (["Und zahlen Sie Fahrräder?"], ["out_of_scope"]) == doubtful_sentences(item, LOW)
    unsure = Uncertain(8, "…", [{"id": "deadline", "confidence": 0.52,
                                "evidence": "Bis wann   geht das?"}], False)
    assert (["Bis wann geht das?"], ["deadline"]) == doubtful_sentences(unsure, LOW)


def test_abstained_inquiries_contribute_their_questions() -> None:
    """Without evidence, the questions of the text are taken (statements only when none)."""
    item = abstained(9, "Wir sind eine kleine Gemeinde. Können Vereine selbst beantragen? "
                        "Gilt das auch für Kirchen?")
    found, _ = doubtful_sentences(item, LOW)
    assert ["Können Vereine selbst beantragen?", "Gilt das auch für Kirchen?"] == found
    statement = abstained(10, "Bitte rufen Sie uns zurück. Danke.")
    assert ["Bitte rufen Sie uns zurück."] == doubtful_sentences(statement, LOW)[0]


def test_one_inquiry_counts_once_per_group() -> None:
    """Two similar sentences of one inquiry make a group of size 1, not 2."""
    item = abstained(11, "Können Vereine direkt einen Antrag stellen? Dürfen Vereine direkt "
                         "einen Antrag stellen?")
    groups = cluster([item], low_confidence=LOW, similarity=60)
    assert [1] == [g.size for g in groups]
    assert 2 == len(groups[0].examples)


def test_sentences_without_content_words_are_left_out() -> None:
    assert [] == cluster([abstained(12, "Hallo?")], low_confidence=LOW, similarity=60)
