"""Corrections kept as suggestions, and accepted ones added to the intent catalogue's text."""

from __future__ import annotations

import pytest
import yaml

from assistant.errors import CorrectionError
from assistant.review.corrections import (
    question_sentence,
    rewritten_blocks,
    sentences,
    with_example,
)
from tests.helpers import ROOT

DURATION = (ROOT / "intents" / "duration.yaml").read_text(encoding="utf-8")


def test_append_keeps_everything_else_byte_for_byte() -> None:
    """The new example is one added line; comments, order and quoting stay as they were."""
    after = with_example(DURATION, "intents/duration.yaml",
                         'Wie lange dürfen wir "uns" Zeit lassen?')
    assert after is not None
    added = [line for line in after.splitlines() if line not in DURATION.splitlines()]
    assert added == ['  - "Wie lange dürfen wir \\"uns\\" Zeit lassen?"']
    assert after.replace(added[0] + "\n", "", 1) == DURATION
    data = yaml.safe_load(after)
    assert data["examples"][-1] == 'Wie lange dürfen wir "uns" Zeit lassen?'


def test_append_before_a_following_key() -> None:
    """When other keys follow the examples, the new one still lands in the list."""
    text = ("id: demo\ntitle: Demo\ndescription: d\nexamples:\n  - \"eins\"\n"
            "  # a comment\n  - zwei\nnotes: kept\n")
    after = with_example(text, "demo.yaml", "drei")
    assert after is not None
    data = yaml.safe_load(after)
    assert data["examples"] == ["eins", "zwei", "drei"]
    assert data["notes"] == "kept"
    assert "# a comment" in after


def test_an_example_already_there_is_not_added_twice() -> None:
    """A sentence that is an example already changes nothing."""
    first = yaml.safe_load(DURATION)["examples"][0]
    assert with_example(DURATION, "intents/duration.yaml", first) is None


def test_a_text_without_examples_is_refused() -> None:
    """An intent text without a list of examples is refused, not rewritten."""
    with pytest.raises(CorrectionError, match="examples"):
        with_example("id: demo\ntitle: Demo\n", "demo.yaml", "Satz")


def test_sentences_and_question() -> None:
    text = "Guten Tag,\nwir sind klein. Dürfen wir mitmachen? Danke!"
    assert sentences(text) == ["Guten Tag,", "wir sind klein.", "Dürfen wir mitmachen?"]
    assert question_sentence(text) == "Dürfen wir mitmachen?"


def test_rewritten_blocks() -> None:
    """Only answer blocks whose text is no longer in the draft count as rewritten."""
    blocks = [{"kind": "answer", "intent": "duration", "text": "Es sind 18 Monate."},
              {"kind": "answer", "intent": "deadline", "text": "Die Frist steht noch nicht fest."},
              {"kind": "notice", "intent": None, "text": "Hinweis."}]
    edited = "Guten Tag,\nDie Frist   steht noch\nnicht fest.\nEs sind achtzehn Monate."
    assert [b["intent"] for b in rewritten_blocks(blocks, edited)] == ["duration"]
