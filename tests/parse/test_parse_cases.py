"""The parser against one fixture per MIME form and quote style (cases.yaml beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.parse import parse

HERE = Path(__file__).parent / "fixtures"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def _case_id(case: dict) -> str:
    return case["file"].removesuffix(".eml")


@pytest.fixture(params=CASES, ids=_case_id)
def case(request: pytest.FixtureRequest) -> dict:
    return request.param


def test_headers_are_decoded(case: dict) -> None:
    """Subject, sender and Message-ID come out decoded, whatever the encoding or damage."""
    mail = parse((HERE / case["file"]).read_bytes())
    assert case["subject"] == mail.subject
    assert mail.sender is not None
    assert case["sender_address"].lower() == mail.sender.address.lower()
    if case.get("sender_name") is not None:
        assert case["sender_name"] == mail.sender.name
    if case.get("message_id"):
        assert case["message_id"] == mail.message_id


def test_new_text_holds_only_what_the_sender_writes_now(case: dict) -> None:
    """The expected sentences are in the new text; quotes, signatures and codes are not."""
    mail = parse((HERE / case["file"]).read_bytes())
    for expected in case.get("new_text_contains") or []:
        assert expected in mail.new_text, f"{expected!r} missing from:\n{mail.new_text}"
    for unexpected in case.get("new_text_excludes") or []:
        assert unexpected not in mail.new_text, f"{unexpected!r} found in:\n{mail.new_text}"
    for quoted in case.get("quoted_contains") or []:
        assert quoted in mail.quoted


def test_threading_headers_and_attachments(case: dict) -> None:
    """In-Reply-To, References and the attachment list match the mail."""
    mail = parse((HERE / case["file"]).read_bytes())
    assert case.get("in_reply_to") == mail.in_reply_to
    assert list(case.get("references") or []) == list(mail.references)
    expected = [(a["filename"], a["content_type"]) for a in case.get("attachments") or []]
    actual = [(a.filename, a.content_type) for a in mail.attachments
              if a.content_type not in ("message/rfc822",)]
    assert expected == actual


def test_language_and_problems(case: dict) -> None:
    """The language is detected; a broken mail says what was wrong and keeps its bytes."""
    raw = (HERE / case["file"]).read_bytes()
    mail = parse(raw)
    assert case["language"] == mail.language
    assert raw == mail.raw
    if case.get("broken"):
        assert mail.problems, "a broken mail must record its problems"
