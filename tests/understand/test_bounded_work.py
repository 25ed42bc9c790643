"""Bounded work per mail in the understanding stage: compound splitting, stemming and the
patterns that used to take time with the square of a line's length — with the same results as
before for ordinary text (the old algorithms are kept here as references)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parse import parse
from assistant.understand import intents, sentences
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


def _old_pattern(alone: re.Pattern[str], rest: re.Pattern[str], word: str) -> re.Pattern[str]:
    """The pattern as it was: ``\bword\b.*…`` one alternative of the rest, tried at every
    occurrence of the word."""
    anchored = rf"(?m:^)(?>.*?\b{word}\b)"
    assert alone.pattern.startswith(anchored)
    return re.compile(rest.pattern + "|" + alone.pattern.replace(anchored, rf"\b{word}\b"))


_PIECES = ["bitte", "vorab", "mitteilen", "auskunft", "dank", "danke", "kontakt", "sagen", "x",
           "abitte", "bittex", "vorabx", "dankbar", "im voraus", "?", "\n", ".", ",", " "]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
@settings(max_examples=400, deadline=None)
def test_line_anchored_patterns_find_what_the_old_ones_found(text: str) -> None:
    """"bitte … mitteilen" and "vorab … Dank", looked for on their own from the line's first
    "bitte" / "vorab", are found in the same texts as by the old single patterns."""
    old_asking = _old_pattern(sentences._PLEASE_TELL, sentences._ASKING, "bitte")
    assert (old_asking.search(text) is not None) == sentences._asks(text, text), text
    old_courtesy = _old_pattern(intents._THANKS_BEFOREHAND, intents._COURTESY, "vorab")
    assert (old_courtesy.search(text) is not None) == intents._courteous(text), text


def _old_units(text: str) -> list[str]:
    """The sentences as the old code cut them: pieces after an abbreviation concatenated one
    by one onto the sentence before."""
    out = []
    for paragraph in sentences._PARAGRAPH_BREAK.split(text):
        items: list[list[str]] = []
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            if not items or sentences._LIST_ITEM.match(line):
                items.append([sentences._LIST_ITEM.sub("", line).strip()])
            else:
                items[-1].append(line.strip())
        for item in items:
            pieces: list[str] = []
            for piece in sentences._SENTENCE_END.split(" ".join(item)):
                if pieces and sentences._no_sentence_end(pieces[-1]):
                    pieces[-1] = f"{pieces[-1]} {piece}"
                else:
                    pieces.append(piece)
            for piece in pieces:
                parts = sentences._COLON.split(piece) if ":" in piece else (piece,)
                out.extend(part.strip() for part in parts if part.strip())
    return out


_SENTENCE_PIECES = ["ca.", "z.", "B.", "Wir", "fragen", "19.", "November.", "Haus.", "Frage:",
                    "Wie", "lange?", "Dr.", "Müller", "- ", "1.", "\n", "\n\n", "approx.", "A"]


@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map(" ".join))
@settings(max_examples=400, deadline=None)
def test_sentences_are_cut_as_before(text: str) -> None:
    """Joining the pieces after abbreviations once, not one by one, cuts the same sentences."""
    sentences.units.cache_clear()
    assert _old_units(text) == sentences.sentences(text)
