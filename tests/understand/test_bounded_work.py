"""Bounded work per mail in the understanding stage: compound splitting, stemming and the
patterns that used to take time with the square of a line's length — with the same results as
before for ordinary text (the old algorithms are kept here as references)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from assistant.parse import parse
from assistant.understand import intents
from assistant.understand.intents import IntentClassifier
from assistant.understand.normalize import MAX_WORD, content_tokens, stem
from tests.core import pipeline
from tests.helpers import ROOT

LABELLED = [ROOT / "tests" / "evaluation" / name for name in ("dev", "dev2", "heldout")]


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    return pipeline().understander.classifier


def _stemmed_characters(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the classifier note the length of every word it stems."""
    lengths: list[int] = []

    def counting(token: str, language: str) -> str:
        lengths.append(len(token))
        return stem(token, language)

    monkeypatch.setattr(intents, "stem", counting)
    return lengths


def test_compound_split_is_linear_in_token_length(
        classifier: IntentClassifier, monkeypatch: pytest.MonkeyPatch) -> None:
    """Splitting a 8,000-letter token stems at most four times the characters of a 2,000-letter
    one (before, every tail was stemmed: sixteen times, and 60 s for classify)."""
    lengths = _stemmed_characters(monkeypatch)
    work = {}
    for size in (2_000, 8_000):
        lengths.clear()
        rng = random.Random(size)
        token = "".join(rng.choice("abcdefghiklmnoprstuvw") for _ in range(size)) + "foerderung"
        classifier._split_compound(token)
        work[size] = sum(lengths)
    assert 0 < work[8_000] <= 4 * work[2_000]


def test_overlong_token_is_an_unknown_word_without_stemming(
        classifier: IntentClassifier, monkeypatch: pytest.MonkeyPatch) -> None:
    """A token longer than MAX_WORD (a hash, base64, a key held down) is never stemmed: it is
    one unknown word, and the question around it is still recognised."""
    lengths = _stemmed_characters(monkeypatch)
    token = "foerderung" * 100_000
    found, _ = classifier.classify(f"Wie hoch ist die Förderung? {token}", "", "de")
    assert max(lengths, default=0) <= MAX_WORD
    assert "funding_amount" in [i.id for i in found]


def _old_split(classifier: IntentClassifier, token: str) -> tuple[str, ...]:
    """The compound split as it was: every tail of the token stemmed."""
    best: tuple[str, ...] = ()
    for i in range(len(token) - 4, 3, -1):
        head = stem(token[i:], "de")
        if head not in classifier.idf:
            continue
        left = token[:i]
        for candidate in (left, left[:-1] if left.endswith("s") else None,
                          left[:-2] if left.endswith("es") else None):
            if not candidate or len(candidate) < 4:
                continue
            modifier = stem(candidate, "de")
            if modifier in classifier.idf:
                return (modifier, head)
        if not best:
            best = (head,)
    return best


def _labelled_words() -> Iterator[str]:
    for folder in LABELLED:
        for path in sorted((folder / "mails").glob("*.eml")):
            mail = parse(path.read_bytes())
            yield from content_tokens(f"{mail.subject}\n{mail.new_text}\n{mail.signature}")


def test_compound_split_is_unchanged_for_the_words_of_the_labelled_mails(
        classifier: IntentClassifier) -> None:
    """Every word of the labelled mails splits exactly as before the split was bounded."""
    words = sorted({w for w in _labelled_words() if len(w) >= 8})
    assert len(words) > 500
    assert [_old_split(classifier, w) for w in words] == \
           [classifier._split_compound(w) for w in words]
