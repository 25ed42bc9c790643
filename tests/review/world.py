"""A small world for the review and outbound tests: inquiries stored the way the worker stores
them (through :class:`assistant.history.store.Store` and the real pipeline), staff accounts, and
mails built from a few lines of text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from assistant.history.store import Recorded, Store
from assistant.inbound import Incoming
from assistant.parse import parse
from assistant.values import Handled, Processed

_numbers = itertools.count(1)

INQUIRY = ("Sehr geehrte Damen und Herren,\n\nwir sind die Gemeinde Rosenquell mit 6.450 "
           "Einwohnern. Kann eine Gemeinde unserer Größe die Förderung für eine "
           "Integrationsstrategie beantragen?\n\nMit freundlichen Grüßen\nElisabeth Hartung\n")
DURATION = ("Guten Tag,\n\nwie lange läuft die Förderung eigentlich? Wie viele Monate haben wir "
            "für die Strategie Zeit?\n\nViele Grüße\nJonas Weber\n")


def inquiry_mail(body: str = INQUIRY, *, subject: str = "Förderung Integrationsstrategie",
                 sender: str = "Elisabeth Hartung <buergermeisterin@rosenquell.de>",
                 reply_to: str | None = None, references: str | None = None,
                 date: datetime | None = None, html: str | None = None,
                 attachment: tuple[str, bytes] | None = None) -> bytes:
    """A mail to the programme, unique each time (its own Message-ID)."""
    n = next(_numbers)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "landesprogrammWIR@hsm.hessen.de"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2026, 10, 12, 9, 14, tzinfo=UTC))
    msg["Message-ID"] = f"<inquiry-{n}-{id(msg)}@rosenquell.de>"
    if references:
        msg["References"] = references
        msg["In-Reply-To"] = references.split()[-1]
    if reply_to:
        msg["Reply-To"] = reply_to
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    if attachment is not None:
        msg.add_attachment(attachment[1], maintype="application", subtype="pdf",
                           filename=attachment[0])
    return msg.as_bytes()


@dataclass(frozen=True)
class Stored:
    message_id: int
    conversation_id: int
    draft_id: int | None
    message_id_header: str | None


async def store_inquiry(engine: AsyncEngine, settings: Any, pipeline: Any, raw: bytes,
                        *, received_at: datetime | None = None) -> Stored:
    """Store and process one mail exactly as the worker does; returns its ids."""
    store = Store(engine, settings)
    await store.store("test", "test", "INBOX", [Incoming(raw, None)])
    claimed = await store.claim(limit=100)
    recorded: Recorded | None = None
    for item in claimed:
        mail = parse(item.raw)
        thread = await store.thread_context(mail)
        result = Handled(mail, pipeline.run(Processed(mail, thread=thread)),
                         knowledge_version=pipeline.knowledge.version)
        got = await store.record(item, result)
        if item.raw == raw:
            recorded = got
    assert recorded is not None, "the mail was not stored (already there?)"
    if received_at is not None:
        from sqlalchemy import update

        from assistant.history.models import Message

        async with engine.begin() as conn:
            await conn.execute(update(Message).where(Message.id == recorded.message_id)
                               .values(received_at=received_at))
    return Stored(recorded.message_id, recorded.conversation_id or 0, recorded.draft_id,
                  parse(raw).message_id)


def hours_ago(hours: float) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)
