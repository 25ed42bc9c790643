"""Rows for the report, search and privacy tests, written straight into the store's tables.

Reports count what the worker and the staff app leave behind; building those rows through the
whole pipeline for every case would hide what a test is about. :func:`add_inquiry` writes one
processed inquiry (conversation, message, understanding, draft) with exactly the fields a test
names; ``tests/review/world.py`` is the way through the real pipeline when that matters.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from assistant import knowledge
from assistant.history.models import Conversation, Draft, Message, UnderstandingRecord
from assistant.reports.figures import PopulationBands
from assistant.rules import Limits
from assistant.settings import Settings

_numbers = itertools.count(1)
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
# The population bands of this checkout's programme (split at its limits).
BANDS = PopulationBands.for_limits(Limits.from_programme(knowledge.read_programme(
    Settings.load({}))))


@dataclass(frozen=True)
class Added:
    conversation_id: int
    message_id: int
    draft_id: int | None


async def add_conversation(conn: AsyncConnection, *, sender: str = "a@musterbach.example",
                           municipality: str | None = "Musterbach",
                           district: str | None = "Landkreis Kassel", status: str = "open",
                           at: datetime = T0, closed_at: datetime | None = None,
                           subject: str = "Frage zur Förderung") -> int:
    n = next(_numbers)
    result = await conn.execute(insert(Conversation.__table__).returning(Conversation.id), {
        "token": f"{n:016x}", "subject": subject, "subject_key": subject.casefold(),
        "sender_address": sender, "municipality": municipality, "district": district,
        "status": status, "needs_staff": False, "created_at": at, "updated_at": closed_at or at,
        "closed_at": closed_at})
    return int(result.scalar_one())


async def add_message(conn: AsyncConnection, conversation_id: int | None, *, kind: str = "inquiry",
                      at: datetime = T0, sender: str = "a@musterbach.example",
                      text: str = "Wie hoch ist die Förderung?", source: str = "mailbox",
                      direction: str = "in", subject: str = "Frage zur Förderung",
                      raw: bytes | None = None) -> int:
    n = next(_numbers)
    raw = raw if raw is not None else (
        f"From: Erika Muster <{sender}>\r\nTo: landesprogrammWIR@hsm.hessen.de\r\n"
        f"Subject: {subject}\r\nMessage-ID: <m{n}@example.org>\r\n\r\n{text}\r\n").encode()
    result = await conn.execute(insert(Message.__table__).returning(Message.id), {
        "conversation_id": conversation_id, "direction": direction, "source": source,
        "raw": raw, "raw_sha256": hashlib.sha256(raw + str(n).encode()).hexdigest(),
        "size": len(raw), "message_id": f"<m{n}@example.org>", "sender_address": sender,
        "sender_name": "Erika Muster", "subject": subject, "received_at": at,
        "processed_at": at, "kind": kind, "language": "de", "new_text": text,
        "quoted_text": "> earlier", "signature": "Erika Muster\nGemeinde Musterbach",
        "references": [], "recipients": [{"address": "landesprogrammWIR@hsm.hessen.de",
                                          "name": ""}],
        "attachments": [], "problems": []})
    return int(result.scalar_one())


async def add_inquiry(conn: AsyncConnection, *, at: datetime = T0,
                      intents: Sequence[tuple[str, float] | tuple[str, float, str]] = (
                          ("funding_amount", 0.9),),
                      abstained: bool = False, eligibility: str | None = "unknown",
                      language: str = "de", population: int | None = None,
                      register_population: int | None = None,
                      municipality: str | None = "Musterbach",
                      district: str | None = "Landkreis Kassel", source: str = "mailbox",
                      draft_status: str | None = "pending", edited: bool = False,
                      sent_after_hours: float | None = None, needs_staff: bool = False,
                      conversation_id: int | None = None, sender: str = "a@musterbach.example",
                      text: str = "Wie hoch ist die Förderung?", status: str = "open",
                      closed_at: datetime | None = None) -> Added:
    """One processed inquiry with its understanding and (unless ``draft_status`` is None) draft."""
    if conversation_id is None:
        conversation_id = await add_conversation(conn, sender=sender, municipality=municipality,
                                                 district=district, status=status, at=at,
                                                 closed_at=closed_at)
    message_id = await add_message(conn, conversation_id, at=at, sender=sender, text=text,
                                   source=source)
    await conn.execute(insert(UnderstandingRecord.__table__), {
        "message_id": message_id, "kind": "inquiry", "kind_reason": "asks", "language": language,
        "intents": [{"id": i[0], "confidence": i[1], "evidence": i[2] if len(i) > 2 else text}
                    for i in intents],
        "abstained": abstained,
        "facts": {"population": population, "amount_eur": None, "municipality": municipality,
                  "state": None, "evidence": [["municipality", municipality or ""]]},
        "register": None if register_population is None else {
            "ags": "06611000", "name": municipality, "kind": "Gemeinde", "district": district,
            "state": "Hessen", "population": register_population, "ambiguous": False},
        "eligibility": eligibility, "eligibility_basis": "stated" if population else None,
        "findings": [], "knowledge_version": "test", "created_at": at})
    draft_id = None
    if draft_status is not None:
        sent_at = at + timedelta(hours=sent_after_hours) if sent_after_hours is not None else None
        result = await conn.execute(insert(Draft.__table__).returning(Draft.id), {
            "message_id": message_id, "conversation_id": conversation_id, "status": draft_status,
            "language": language, "subject": "Re: Frage zur Förderung",
            "text": "Sehr geehrte Frau Muster,\n\nText.\n",
            "edited_text": "Sehr geehrte Frau Muster,\n\nAnderer Text.\n" if edited else None,
            "blocks": [{"kind": "answer", "text": "Text.", "source": "answer.x", "version": "1",
                        "intent": i[0], "gap": False} for i in intents],
            "needs_staff": needs_staff, "staff_reasons": ["gap: x"] if needs_staff else [],
            "knowledge_version": "test", "created_at": at, "updated_at": at,
            "sent_at": sent_at, "revision": 0})
        draft_id = int(result.scalar_one())
    return Added(conversation_id, message_id, draft_id)


def settings_values(**overrides: Any) -> dict[str, Any]:
    values = {"low_confidence": 0.65, "gap_sample": 1000, "gap_similarity": 60}
    values.update(overrides)
    return values
