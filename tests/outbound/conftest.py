"""Fixtures of the outbound tests: approved drafts in a fresh database (SQLite and PostgreSQL,
through ``database_url`` of tests/conftest.py), a fake transport for unit tests, and a real
aiosmtpd server for integration tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import update

from assistant.errors import DeliveryUnknown, NotDelivered
from assistant.history.models import Draft, utcnow
from tests.review.conftest import make_settings, pipeline  # noqa: F401 - fixture
from tests.review.world import DURATION, inquiry_mail, store_inquiry


@dataclass
class FakeTransport:
    """Answers with a script of outcomes: "ok", "down", "refused", "unknown"."""

    script: list[str] = field(default_factory=list)
    delivered: list[bytes] = field(default_factory=list)
    envelopes: list[list[str]] = field(default_factory=list)  # RCPT TO of each delivery
    calls: int = 0

    async def send(self, sender: str, recipients: list[str], data: bytes) -> str:
        self.calls += 1
        outcome = self.script.pop(0) if self.script else "ok"
        if outcome == "down":
            raise NotDelivered("ConnectionRefusedError: [Errno 111] Connect call failed")
        if outcome == "refused":
            raise NotDelivered("550 5.1.1 <x@y.de>: Recipient address rejected", permanent=True)
        if outcome == "unknown":
            raise DeliveryUnknown("SMTPServerDisconnected: Connection lost")
        self.delivered.append(data)
        self.envelopes.append(list(recipients))
        return "250 OK"


async def approved_draft(engine: Any, url: str, pipe: Any, raw: bytes | None = None,
                         *, text: str | None = None) -> Any:
    """A stored inquiry whose draft a reviewer has approved."""
    stored = await store_inquiry(engine, make_settings(url), pipe,
                                 raw or inquiry_mail(DURATION))
    values: dict[str, Any] = {"status": "approved", "approved_by": "anna",
                              "approved_at": utcnow()}
    if text is not None:
        values["edited_text"] = text
    async with engine.begin() as conn:
        await conn.execute(update(Draft).where(Draft.id == stored.draft_id).values(**values))
    return stored


def parsed(raw: bytes) -> EmailMessage:
    return message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


class Recorder:
    """An aiosmtpd handler that keeps every accepted message."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.received = asyncio.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.original_content or envelope.content)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Any, Recorder]]:
    """A real SMTP server (aiosmtpd) on a free loopback port."""
    from aiosmtpd.controller import Controller

    from tests.services import free_port

    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, recorder
    finally:
        controller.stop()
