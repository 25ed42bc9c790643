"""Robustness on real-world mail: ../shared/corpus (skipped when absent).

Every mail parses and gets a kind without an exception, and every mail that its source labels a
bounce or a vacation auto-reply is recognised as such — never taken for an inquiry.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.parse import parse
from assistant.understand.kind import classify_kind
from assistant.values import Kind
from tests.helpers import SHARED, shared_dir

CORPUS = SHARED / "corpus"


def _all_mails() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*/mails/**/*") if p.is_file())


def _labelled(source: str) -> list[tuple[str, dict]]:
    path = CORPUS / source / "labels.json"
    if not path.is_file():
        return []
    return sorted(json.loads(path.read_text(encoding="utf-8")).items())


def test_every_corpus_mail_parses_and_gets_a_kind() -> None:
    """No real-world mail makes the parser or the kind detection raise."""
    corpus = shared_dir("corpus")
    mails = _all_mails()
    assert len(mails) > 300, f"expected the whole corpus under {corpus}"
    for path in mails:
        raw = path.read_bytes()
        mail = parse(raw)
        assert mail.raw == raw
        kind, reason = classify_kind(mail)
        assert isinstance(kind, Kind) and reason


BOUNCES = [(f"flufl-bounce/mails/{name}", label) for name, label in _labelled("flufl-bounce")
           if label.get("bounce") is True]
SISIMAI = _labelled("sisimai-set-of-emails")
SISIMAI_BOUNCES = [(f"sisimai-set-of-emails/mails/{name}", label) for name, label in SISIMAI
                   if label.get("bounce") is True]
VACATIONS = [(f"sisimai-set-of-emails/mails/{name}", label) for name, label in SISIMAI
             if "vacation" in label.get("reasons", [])]


@pytest.mark.parametrize(("path", "label"), BOUNCES + SISIMAI_BOUNCES,
                         ids=[p for p, _ in BOUNCES + SISIMAI_BOUNCES])
def test_labelled_bounces_are_bounces(path: str, label: dict) -> None:
    """A mail its source calls a bounce is kind bounce."""
    mail = parse(shared_dir("corpus").joinpath(path).read_bytes())
    assert Kind.BOUNCE == classify_kind(mail)[0]


@pytest.mark.parametrize(("path", "label"), VACATIONS, ids=[p for p, _ in VACATIONS])
def test_labelled_vacation_replies_are_auto_replies(path: str, label: dict) -> None:
    """A vacation notice its source labels as such is kind auto_reply."""
    mail = parse(shared_dir("corpus").joinpath(path).read_bytes())
    assert Kind.AUTO_REPLY == classify_kind(mail)[0]
