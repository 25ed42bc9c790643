"""The parser never raises: on arbitrary bytes and on mutated real mails."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.parse import parse
from assistant.understand.kind import classify_kind

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.eml"))
SEEDS = [p.read_bytes() for p in FIXTURES]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    """Any bytes give a Mail that keeps them, and a kind."""
    mail = parse(data)
    assert data == mail.raw
    classify_kind(mail)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=8)),
                                        max_size=6), st.integers(0, 10_000))
def test_mutated_real_mails(seed: bytes, edits: list[tuple[int, bytes]], cut: int) -> None:
    """Real mails with bytes overwritten and cut short still parse without an exception."""
    data = bytearray(seed)
    for at, chunk in edits:
        at %= max(len(data), 1)
        data[at:at + len(chunk)] = chunk
    mutated = bytes(data[:max(cut, 40)])
    mail = parse(mutated)
    assert mutated == mail.raw
    classify_kind(mail)


def test_raw_utf8_and_latin1_headers_are_decoded() -> None:
    """Headers with raw 8-bit bytes (RFC 6532 UTF-8, or legacy latin-1) are read as text."""
    utf8 = "From: Jürgen Müller <j@x.example>\nSubject: Frage zur Förderung\n\nText\n".encode()
    latin1 = "From: Jürgen Müller <j@x.example>\nSubject: Förderhöhe\n\nText\n".encode("latin-1")
    assert ("Frage zur Förderung", "Jürgen Müller") == (parse(utf8).subject,
                                                         parse(utf8).sender.name)
    assert "Förderhöhe" == parse(latin1).subject


def test_subject_prefixes_for_replies_and_threads() -> None:
    """Reply prefixes go for our reply's subject; threads also drop auto-reply prefixes and
    gateway tags; both fold repeats."""
    from assistant.parse.subject import thread_key, without_reply_prefixes

    assert "Frage zur KIV" == without_reply_prefixes("AW: Re[2]: WG: Frage zur KIV")
    assert "[EXTERN] Frage" == without_reply_prefixes("Re: [EXTERN] Frage")
    assert "frage zur kiv" == thread_key("Automatische Antwort: AW: [EXTERN]  Frage zur KIV")
