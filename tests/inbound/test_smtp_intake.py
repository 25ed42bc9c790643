"""The SMTP/LMTP intake with a real aiosmtpd server and the real store: only the programme's
addresses, a size limit, and 250 only after the mail is committed."""

from __future__ import annotations

import asyncio
import smtplib
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from sqlalchemy import select

from assistant.history.models import Message
from assistant.history.store import Store
from assistant.inbound import Checkpoint, Incoming, parse_inbox
from assistant.inbound.smtp import SmtpIntake
from tests.services import free_port
from tests.worker import mails
from tests.worker.mails import PROGRAMME, settings

SIZE_LIMIT = 20_000


class TimedStore:
    """The store, noting when each commit returned."""

    def __init__(self, store: Store) -> None:
        self.inner = store
        self.committed: list[float] = []
        self.down = False

    async def store(self, source: str, mailbox: str, folder: str, mails: Sequence[Incoming],
                    checkpoint: Checkpoint | None = None) -> int:
        if self.down:
            raise ConnectionRefusedError("database down")
        stored = await self.inner.store(source, mailbox, folder, mails, checkpoint)
        self.committed.append(time.monotonic())
        return stored


@pytest.fixture(params=["smtp", "lmtp"])
async def intake(request: pytest.FixtureRequest, engine: Any,
                 database_url: str) -> AsyncIterator[tuple[str, int, TimedStore]]:
    port = free_port()
    url = f"{request.param}://127.0.0.1:{port}"
    s = settings(database_url, inbox=url, max_message_bytes=str(SIZE_LIMIT),
                 programme_addresses=f"{PROGRAMME}, kiv@hsm.hessen.de")
    sink = TimedStore(Store(engine, s))
    server = await SmtpIntake(parse_inbox(url), s).start(sink)
    try:
        yield request.param, port, sink
    finally:
        server.close()
        await server.wait_closed()


def _client(protocol: str, port: int) -> smtplib.SMTP:
    if protocol == "lmtp":
        return smtplib.LMTP("127.0.0.1", port, timeout=10)
    return smtplib.SMTP("127.0.0.1", port, timeout=10)


def _send(protocol: str, port: int, recipients: list[str], raw: bytes,
          sender: str = "a@gemeinde.example.org") -> tuple[dict, float]:
    client = _client(protocol, port)
    try:
        refused = client.sendmail(sender, recipients, raw)
        return refused, time.monotonic()
    finally:
        client.quit()


async def _rows(engine: Any) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(select(Message.__table__.c.raw))).scalars())


async def test_mail_for_the_programme_is_stored_before_250(
        intake: tuple[str, int, TimedStore], engine: Any) -> None:
    """The mail is committed before the server says 250; a Return-Path records the sender."""
    protocol, port, sink = intake
    raw = mails.inquiry(1)
    refused, answered = await asyncio.to_thread(_send, protocol, port,
                                                [PROGRAMME, "KIV@hsm.hessen.de"], raw)
    assert {} == refused
    [stored] = await _rows(engine)
    assert stored == b"Return-Path: <a@gemeinde.example.org>\r\n" + raw
    assert sink.committed and sink.committed[0] < answered


async def test_other_recipients_are_refused(intake: tuple[str, int, TimedStore],
                                            engine: Any) -> None:
    """Not an open relay: any other address gets 550 and nothing is stored."""
    protocol, port, _ = intake
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        await asyncio.to_thread(_send, protocol, port, ["someone@example.org"], mails.inquiry(1))
    assert 550 == refused.value.recipients["someone@example.org"][0]
    assert [] == await _rows(engine)


async def test_too_large_mail_is_refused(intake: tuple[str, int, TimedStore],
                                         engine: Any) -> None:
    """Mail above ASSISTANT_MAX_MESSAGE_BYTES gets 552 and is not stored."""
    protocol, port, _ = intake
    big = mails.inquiry(1) + b"x" * (SIZE_LIMIT + 1) + b"\r\n"
    with pytest.raises((smtplib.SMTPDataError, smtplib.SMTPSenderRefused,
                        smtplib.SMTPServerDisconnected)) as error:
        await asyncio.to_thread(_send, protocol, port, [PROGRAMME], big)
    if hasattr(error.value, "smtp_code"):
        assert 552 == error.value.smtp_code
    assert [] == await _rows(engine)


async def test_store_unavailable_answers_try_again_later(
        intake: tuple[str, int, TimedStore], engine: Any) -> None:
    """When the mail cannot be stored the sender is told 451, so its server keeps it."""
    protocol, port, sink = intake
    sink.down = True
    with pytest.raises(smtplib.SMTPDataError) as error:
        await asyncio.to_thread(_send, protocol, port, [PROGRAMME], mails.inquiry(1))
    assert 451 == error.value.smtp_code
    assert [] == await _rows(engine)


async def test_a_bounce_with_a_null_sender_is_accepted(intake: tuple[str, int, TimedStore],
                                                       engine: Any) -> None:
    """Bounces come from the null sender <>; they are taken in (and later shown, not answered)."""
    protocol, port, _ = intake
    refused, _ = await asyncio.to_thread(_send, protocol, port, [PROGRAMME],
                                         mails.bounce(1, "<x@hsm.hessen.de>"), "")
    assert {} == refused
    [stored] = await _rows(engine)
    assert stored.startswith(b"Return-Path: <>\r\n")


def _commands(protocol: str, port: int, *lines: str) -> list[int]:
    """The reply codes to ``lines``, sent after the greeting."""
    client = _client(protocol, port)
    try:
        client.ehlo() if protocol == "smtp" else client.docmd("LHLO", "test")
        return [client.docmd(line)[0] for line in lines]
    finally:
        client.quit()


SYNTAX_ERROR = 501


async def test_smtp_refuses_unclosed_mail_from(intake: tuple[str, int, TimedStore]) -> None:
    """"MAIL FROM:<a@b.de" without its closing bracket is a syntax error (501); the same
    address written correctly is accepted."""
    protocol, port, _ = intake
    codes = await asyncio.to_thread(_commands, protocol, port, "MAIL FROM:<a@b.de",
                                    "MAIL FROM:<a@b.de>")
    assert [SYNTAX_ERROR, 250] == codes


@pytest.mark.parametrize("lines", [
    ["MAIL FROM:a@b.de"], ["MAIL FROM:<a@b.de>x"], ["MAIL FROM:<a@b.de> <c@d.de>"],
    ["MAIL FROM:<a@b.de>", f"RCPT TO:<{PROGRAMME}"]])
async def test_smtp_refuses_malformed_paths(intake: tuple[str, int, TimedStore],
                                            lines: list[str]) -> None:
    """A bare address, text glued to the path, a second path, and an unclosed RCPT TO are
    syntax errors."""
    protocol, port, _ = intake
    codes = await asyncio.to_thread(_commands, protocol, port, *lines)
    assert SYNTAX_ERROR == codes[-1]


@pytest.mark.parametrize("path", ["<>", "<a@b.de> SIZE=1000", '<"a b"@c.de>', " <a@b.de>"])
async def test_smtp_accepts_well_formed_paths(intake: tuple[str, int, TimedStore],
                                              path: str) -> None:
    """The null sender, parameters after the path, a quoted local part and a space after the
    colon are accepted."""
    protocol, port, _ = intake
    assert [250] == await asyncio.to_thread(_commands, protocol, port, f"MAIL FROM:{path}")
