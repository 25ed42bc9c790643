"""Recording what the flow made of one claimed mail (:meth:`assistant.history.store.Store.record`):
the conversation it belongs to, its understanding, its draft and the audit entries, written in
the one transaction that marks the message processed — and only while it is still leased to the
recording worker (:func:`take`), so that nothing is ever recorded twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from assistant import values
from assistant.history import records, threads
from assistant.history.db import rowcount
from assistant.history.models import utcnow
from assistant.history.tables import audit_log, conversations, drafts, messages, understandings
from assistant.values import Decided, Drafted, Handled, Kind, Understood

if TYPE_CHECKING:
    from assistant.settings import Settings

ACTOR = "worker"
UNPARSEABLE = "unparseable"
LOOP = "loop"
# Kinds that never get a draft, and whose new conversations need nothing from staff.
SILENT_KINDS = {Kind.ACKNOWLEDGEMENT.value, Kind.AUTO_REPLY.value, Kind.BOUNCE.value}


class NotOurs(Exception):
    """The message was processed or taken over by another worker meanwhile."""


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    raw: bytes
    attempts: int
    source: str


@dataclass(frozen=True, slots=True)
class Recorded:
    message_id: int
    kind: str
    conversation_id: int | None
    draft_id: int | None = None
    thread: str = "new"  # references, token, subject, new, none
    note: str | None = None  # draft_limit, …



async def take(conn: AsyncConnection, claimed: Claimed, owner: str,
               fields: dict[str, Any]) -> None:
    """Mark the message processed, if it is still unprocessed and leased to ``owner``; else
    roll the whole record back. On PostgreSQL this waits for a worker that holds the row."""
    taken = await conn.execute(
        update(messages)
        .where(messages.c.id == claimed.id, messages.c.processed_at.is_(None),
               messages.c.lease_owner == owner)
        .values(**fields))
    if rowcount(taken) != 1:
        raise NotOurs


async def audit(conn: AsyncConnection,
                entries: list[tuple[str, int | None, int | None, int | None, dict]]) -> None:
    now = utcnow()
    await conn.execute(insert(audit_log), [
        {"at": now, "actor": ACTOR, "action": action, "conversation_id": conv,
         "message_id": msg, "draft_id": draft, "detail": records.clean_json(detail)}
        for action, conv, msg, draft, detail in entries])


class Recording:
    """The part of :meth:`Store.record` after the message is ours: thread, understanding,
    draft, audit — in the transaction ``conn``, for the worker ``owner``."""

    def __init__(self, conn: AsyncConnection, claimed: Claimed, result: Handled, kind: str,
                 now: datetime, settings: Settings, owner: str) -> None:
        self.conn, self.claimed, self.result = conn, claimed, result
        self.kind, self.now = kind, now
        self.settings, self.owner = settings, owner
        self.audit: list[tuple[str, int | None, int | None, int | None, dict]] = []

    async def run(self, fields: dict[str, Any]) -> Recorded:
        conn, mail, processed = self.conn, self.result.mail, self.result.processed
        found = None
        if mail is not None:
            found = await threads.find_conversation(
                conn, mail, self.kind, domain=self.settings.message_id_domain,
                window_days=self.settings.thread_window_days, now=self.now)
        understanding = processed.understanding if isinstance(processed, Understood) else None
        verdict = processed.verdict if isinstance(processed, Decided) else None
        conversation_id = await self._conversation(found)
        bounce_of = (found.referenced_message_id if found and self.kind == Kind.BOUNCE.value
                     and found.referenced_direction == "out" else None)
        # Taking the message last-but-not-least keeps one statement per record; if it is not
        # ours any more, the conversation written above is rolled back with everything else.
        await take(conn, self.claimed, self.owner, {
            **fields, "conversation_id": conversation_id, "bounce_of_id": bounce_of})
        if understanding is not None:
            await conn.execute(insert(understandings), {
                "message_id": self.claimed.id, "created_at": self.now,
                **records.understanding_row(understanding, verdict, self.result.knowledge_version)})
        draft_id, note = None, None
        if isinstance(processed, Drafted) and self.kind == "inquiry":
            draft_id, note = await self._draft(conversation_id, processed.draft)
        detail: dict[str, Any] = {
            "kind": self.kind, "thread": found.via if found else "new",
            "attempts": self.claimed.attempts,
            "outcome": processed.outcome.value if processed and processed.outcome else None,
            "intents": list(understanding.intent_ids) if understanding else []}
        self.audit.insert(0, ("mail_processed", conversation_id, self.claimed.id, None, detail))
        if self.kind == UNPARSEABLE:
            error = (self.result.error or "").split(":", 1)[0]
            self.audit.append(("processing_failed", conversation_id, self.claimed.id, None,
                               {"error": error[:100]}))
        if bounce_of is not None:
            self.audit.append(("bounce_received", conversation_id, self.claimed.id, None,
                               {"bounce_of": bounce_of}))
        await audit(conn, self.audit)
        return Recorded(self.claimed.id, self.kind, conversation_id, draft_id,
                        found.via if found else "new", note)

    async def _conversation(self, found: threads.ThreadMatch | None) -> int:
        mail, kind = self.result.mail, self.kind
        processed = self.result.processed
        understanding = processed.understanding if isinstance(processed, Understood) else None
        error = records.clean(self.result.error)
        draft = processed.draft if isinstance(processed, Drafted) else None
        needs_staff = kind == UNPARSEABLE or bool(draft and draft.needs_staff)
        values: dict[str, Any] = {"updated_at": self.now}
        if found is not None:
            if kind in (Kind.INQUIRY.value, UNPARSEABLE):
                values.update(status="open", closed_at=None)
            if kind == Kind.BOUNCE.value and found.referenced_direction == "out":
                values.update(status="open", closed_at=None, needs_staff=True)
            if needs_staff:
                values["needs_staff"] = True
            if error:
                values["error"] = error
            municipality, district = records.place(understanding)
            if municipality:
                values["municipality"] = func.coalesce(conversations.c.municipality,
                                                       municipality)
                values["district"] = func.coalesce(conversations.c.district, district)
            await self.conn.execute(update(conversations)
                                    .where(conversations.c.id == found.conversation_id)
                                    .values(**values))
            return found.conversation_id
        municipality, district = records.place(understanding)
        silent = kind in SILENT_KINDS
        subject = mail.subject if mail else ""
        row = {
            "token": threads.new_token(),
            "subject": records.clean(subject, 500) or "",
            "subject_key": threads.normalize_subject(subject),
            "sender_address": records.clean(mail.sender.address.lower(), 320)
            if mail and mail.sender else None,
            "municipality": municipality, "district": district,
            "status": "closed" if silent else "open",
            "closed_at": self.now if silent else None,
            "needs_staff": needs_staff, "error": error,
            "created_at": self.now, "updated_at": self.now,
        }
        result = await self.conn.execute(insert(conversations).returning(conversations.c.id), row)
        return int(result.scalar_one())

    async def _draft(self, conversation_id: int, draft: values.Draft
                     ) -> tuple[int | None, str | None]:
        sender = (self.result.mail.sender.address.lower()
                  if self.result.mail and self.result.mail.sender else None)
        limit = self.settings.drafts_per_sender_per_day
        if sender:
            recent = (await self.conn.execute(
                select(func.count()).select_from(
                    drafts.join(messages, messages.c.id == drafts.c.message_id))
                .where(and_(messages.c.sender_address == sender,
                            drafts.c.created_at >= self.now - timedelta(days=1))))).scalar_one()
            if recent >= limit:
                await self.conn.execute(update(conversations)
                                        .where(conversations.c.id == conversation_id)
                                        .values(needs_staff=True))
                self.audit.append(("draft_limit_reached", conversation_id, self.claimed.id, None,
                                   {"limit": limit, "drafts_last_24h": recent}))
                return None, "draft_limit"
        row = records.draft_row(draft, self.result.knowledge_version)
        result = await self.conn.execute(insert(drafts).returning(drafts.c.id), {
            **row, "message_id": self.claimed.id, "conversation_id": conversation_id,
            "created_at": self.now, "updated_at": self.now})
        draft_id = int(result.scalar_one())
        self.audit.append(("draft_created", conversation_id, self.claimed.id, draft_id,
                           {"needs_staff": draft.needs_staff}))
        return draft_id, None
