"""Bounded work per mail in the understanding stage: features, stemming and the patterns that
used to take time with the square of a line's length — with the same results as before for
ordinary text (the old algorithms are kept here as references)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.understand import features as feature_module
from assistant.understand import questions, sentences
from assistant.understand.features import features
from assistant.understand.normalize import MAX_WORD, stem
from tests.core import pipeline


def test_features_are_bounded_per_token() -> None:
    """A token of 8,000 letters gives no more features than one of 2,000 (a token over the
    feature limit is no word): the cost of a unit grows with its words, not their length."""
    rng = random.Random(7)
    sizes = {}
    for size in (2_000, 8_000):
        token = "".join(rng.choice("abcdefghiklmnoprstuvw") for _ in range(size))
        sizes[size] = len(features(f"Wie hoch ist die Förderung {token}", "de"))
    assert sizes[8_000] == sizes[2_000]


def test_overlong_token_is_an_unknown_word_without_stemming(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A token longer than MAX_WORD (a hash, base64, a key held down) is never stemmed, and the
    question around it is still recognised."""
    lengths: list[int] = []

    def counting(token: str, language: str) -> str:
        lengths.append(len(token))
        return stem(token, language)

    monkeypatch.setattr(feature_module, "stem", counting)
    token = "foerderung" * 100_000
    found = pipeline().understander.classifier.classify(
        f"Wie hoch ist die Förderung? {token}", "", "de")
    assert max(lengths, default=0) <= MAX_WORD
    assert "funding_amount" in [i.id for i in found.intents]


def _old_pattern(alone: re.Pattern[str], rest: re.Pattern[str], word: str) -> re.Pattern[str]:
    """The pattern as it was: ``\bword\b.*…`` one alternative of the rest, tried at every
    occurrence of the word."""
    anchored = rf"(?m:^)(?>.*?\b{word}\b)"
    assert alone.pattern.startswith(anchored)
    return re.compile(rest.pattern + "|" + alone.pattern.replace(anchored, rf"\b{word}\b"),
                      rest.flags)


_PIECES = ["bitte", "vorab", "mitteilen", "auskunft", "dank", "danke", "kontakt", "sagen", "x",
           "abitte", "bittex", "vorabx", "dankbar", "im voraus", "?", "\n", ".", ",", " "]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
@settings(max_examples=400, deadline=None)
def test_line_anchored_patterns_find_what_the_old_ones_found(text: str) -> None:
    """"bitte … mitteilen" and "vorab … Dank", looked for on their own from the line's first
    "bitte" / "vorab", are found in the same texts as by the old single patterns."""
    old_asking = _old_pattern(sentences._PLEASE_TELL, sentences._ASKING, "bitte")
    assert (old_asking.search(text) is not None) == sentences._asks(text, text), text
    old_courtesy = _old_pattern(questions._THANKS_BEFOREHAND, questions._COURTESY, "vorab")
    assert (old_courtesy.search(text) is not None) == questions._courteous(text), text


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
