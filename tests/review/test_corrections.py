"""Corrections kept as suggestions, and accepted ones written into the intent catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assistant.errors import CorrectionError
from assistant.review.corrections import (
    append_example,
    question_sentence,
    rewritten_blocks,
    sentences,
)
from tests.helpers import ROOT


@pytest.fixture
def intents_dir(tmp_path: Path) -> Path:
    target = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", target)
    return target


def test_append_keeps_everything_else_byte_for_byte(intents_dir: Path) -> None:
    """The new example is one added line; comments, order and quoting stay as they were."""
    path = intents_dir / "duration.yaml"
    before = path.read_text(encoding="utf-8")
    written_path, written = append_example(intents_dir, "duration",
                                           'Wie lange dürfen wir "uns" Zeit lassen?')
    after = path.read_text(encoding="utf-8")
    assert (written_path, written) == (path, True)
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ['  - "Wie lange dürfen wir \\"uns\\" Zeit lassen?"']
    assert after.replace(added[0] + "\n", "", 1) == before
    data = yaml.safe_load(after)
    assert data["examples"][-1] == 'Wie lange dürfen wir "uns" Zeit lassen?'


def test_append_before_a_following_key(tmp_path: Path) -> None:
    """When other keys follow the examples, the new one still lands in the list."""
    path = tmp_path / "demo.yaml"
    path.write_text("id: demo\ntitle: Demo\ndescription: d\nexamples:\n  - \"eins\"\n"
                    "  # a comment\n  - zwei\nnotes: kept\n", encoding="utf-8")
    append_example(tmp_path, "demo", "drei")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["examples"] == ["eins", "zwei", "drei"]
    assert data["notes"] == "kept"
    assert "# a comment" in path.read_text(encoding="utf-8")


def test_an_example_already_there_is_not_added_twice(intents_dir: Path) -> None:
    path = intents_dir / "duration.yaml"
    first = yaml.safe_load(path.read_text(encoding="utf-8"))["examples"][0]
    before = path.read_text(encoding="utf-8")
    assert append_example(intents_dir, "duration", first)[1] is False
    assert path.read_text(encoding="utf-8") == before


def test_unknown_intent_is_refused(intents_dir: Path) -> None:
    with pytest.raises(CorrectionError):
        append_example(intents_dir, "no_such_intent", "Satz")
    with pytest.raises(CorrectionError):
        append_example(intents_dir, "../settings", "Satz")


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
