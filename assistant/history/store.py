"""The worker's operations on the store, each one transaction.

    source ─store()─▶ message (raw) ─claim()─▶ worker runs the flow ─record()─▶ processed:
                      + checkpoint,     lease                              conversation, draft,
                      one commit                                           audit in one commit

* :meth:`Store.store` inserts raw mail, skipping bytes already stored (unique SHA-256), together
  with the folder's checkpoint; the source moves the mail on the server only after this commit.
* :meth:`Store.claim` leases a few unprocessed messages to this worker (``SELECT … FOR UPDATE
  SKIP LOCKED`` on PostgreSQL, so that workers never wait for each other; SQLite has one writer
  at a time anyway) and counts an attempt for the first; each of the others is counted in the
  transaction that records the one before it. So only the mail in hand is ever charged, at no
  extra commit; :meth:`Store.give_back` returns a mail with its attempt. A crashed worker's
  leases expire after ``lease_seconds``; a restarted worker on the same host takes its dead
  predecessor's at once.
* :meth:`Store.record` writes what the flow made of one message and sets ``processed_at`` — only
  if the message is still unprocessed and still leased to this worker. Killed before the commit,
  nothing of it exists; after it, nothing is done again.

Database outages surface as :class:`StoreUnavailable` (the worker waits and retries); the
folder lease is checked inside :meth:`store` (:class:`~assistant.LeaseLost`).
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from assistant import values
from assistant.errors import LeaseLost, StoreUnavailable
from assistant.history import context, records, threads
from assistant.history.models import (
    utcnow,
)
from assistant.history.tables import (
    audit_log,
    checkpoints,
    conversations,
    drafts,
    messages,
    understandings,
)
from assistant.inbound import Checkpoint, Incoming
from assistant.leases import new_owner, owner_is_dead
from assistant.values import Decided, Drafted, Handled, Kind, Mail, Thread, Understood

if TYPE_CHECKING:
    from assistant.settings import Settings


ACTOR = "worker"
UNPARSEABLE = "unparseable"
LOOP = "loop"
# Kinds that never get a draft, and whose new conversations need nothing from staff.
_SILENT_KINDS = {Kind.ACKNOWLEDGEMENT.value, Kind.AUTO_REPLY.value, Kind.BOUNCE.value}
# SQLSTATE classes of a lost or refused connection, and of an administrator's shutdown.
_TRANSIENT_SQLSTATES = ("08", "57P", "53")
_TRANSIENT_SQLITE = ("locked", "busy", "unable to open", "disk i/o")


class _NotOurs(Exception):
    """The message was processed or taken over by another worker meanwhile."""


def is_transient(exc: BaseException) -> bool:
    """True for "the database is away" (retry later), False for errors of the statement."""
    if isinstance(exc, OperationalError) and isinstance(exc.orig, sqlite3.OperationalError):
        # SQLite reports locks and missing tables under one class; only the first is transient.
        return any(s in str(exc.orig).lower() for s in _TRANSIENT_SQLITE)
    if isinstance(exc, OperationalError | InterfaceError | OSError | ConnectionError |
                  TimeoutError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        state = str(getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", "") or "")
        return state.startswith(_TRANSIENT_SQLSTATES)
    return False


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


class Store:
    def __init__(self, engine: AsyncEngine, settings: Settings, owner: str | None = None) -> None:
        self.engine = engine
        self.settings = settings
        self.owner = owner or new_owner()
        self.lease_span = timedelta(seconds=settings.lease_seconds)
        self._postgres = engine.dialect.name == "postgresql"

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        try:
            async with self.engine.begin() as conn:
                yield conn
        except Exception as exc:
            if is_transient(exc):
                raise StoreUnavailable(f"{exc.__class__.__name__}: {exc}".splitlines()[0]) from exc
            raise

    async def thread_context(self, mail: Mail) -> Thread | None:
        """What the conversation ``mail`` joins knows so far (:mod:`assistant.history.context`);
        None for a mail that opens a new conversation."""
        async with self.transaction() as conn:
            return await context.thread_context(
                conn, mail, domain=self.settings.message_id_domain,
                window_days=self.settings.thread_window_days, now=utcnow())

    def _insert(self, table: Any) -> Any:
        return (postgresql.insert if self._postgres else sqlite.insert)(table)

    # -- the sources' side (assistant.inbound.Sink) -----------------------------------------

    async def store(self, source: str, mailbox: str, folder: str, mails: Sequence[Incoming],
                    checkpoint: Checkpoint | None = None) -> int:
        now = utcnow()
        rows: dict[str, dict[str, Any]] = {}
        for mail in mails:
            sha = hashlib.sha256(mail.raw).hexdigest()
            rows.setdefault(sha, {"direction": "in", "source": source[:200],
                                  "source_ref": records.clean(mail.source_ref, 200),
                                  "raw": mail.raw, "raw_sha256": sha, "size": len(mail.raw),
                                  "received_at": now})
        async with self.transaction() as conn:
            if checkpoint is not None:
                result = await conn.execute(
                    update(checkpoints)
                    .where(checkpoints.c.mailbox == mailbox, checkpoints.c.folder == folder,
                           checkpoints.c.lease_owner == self.owner)
                    .values(uidvalidity=checkpoint.uidvalidity, last_uid=checkpoint.last_uid,
                            last_poll_at=now))
                if result.rowcount != 1:
                    raise LeaseLost(f"{mailbox} {folder}")
            if not rows:
                return 0
            known = set((await conn.execute(
                select(messages.c.raw_sha256)
                .where(messages.c.direction == "in", messages.c.raw_sha256.in_(list(rows)))
            )).scalars())
            new = [row for sha, row in rows.items() if sha not in known]
            if new:
                await conn.execute(
                    self._insert(messages).on_conflict_do_nothing(
                        index_elements=["direction", "raw_sha256"]), new)
            return len(new)

    async def checkpoint(self, mailbox: str, folder: str) -> Checkpoint:
        async with self.transaction() as conn:
            row = (await conn.execute(
                select(checkpoints.c.uidvalidity, checkpoints.c.last_uid)
                .where(checkpoints.c.mailbox == mailbox, checkpoints.c.folder == folder))).first()
        return Checkpoint(row.uidvalidity, row.last_uid or 0) if row else Checkpoint()

    async def _ensure_checkpoint(self, conn: AsyncConnection, mailbox: str, folder: str) -> None:
        await conn.execute(
            self._insert(checkpoints).on_conflict_do_nothing(index_elements=["mailbox", "folder"]),
            {"mailbox": mailbox[:300], "folder": folder[:300], "last_uid": 0})

    async def lease(self, mailbox: str, folder: str) -> bool:
        now = utcnow()
        async with self.transaction() as conn:
            await self._ensure_checkpoint(conn, mailbox, folder)
            result = await conn.execute(
                update(checkpoints)
                .where(checkpoints.c.mailbox == mailbox, checkpoints.c.folder == folder,
                       or_(checkpoints.c.lease_owner.is_(None),
                           checkpoints.c.lease_owner == self.owner,
                           checkpoints.c.lease_until < now))
                .values(lease_owner=self.owner, lease_until=now + self.lease_span))
            return result.rowcount == 1

    async def release(self, mailbox: str, folder: str) -> None:
        async with self.transaction() as conn:
            await conn.execute(
                update(checkpoints)
                .where(checkpoints.c.mailbox == mailbox, checkpoints.c.folder == folder,
                       checkpoints.c.lease_owner == self.owner)
                .values(lease_owner=None, lease_until=None))

    async def polled(self, mailbox: str, folder: str) -> None:
        async with self.transaction() as conn:
            await self._ensure_checkpoint(conn, mailbox, folder)
            await conn.execute(
                update(checkpoints)
                .where(checkpoints.c.mailbox == mailbox, checkpoints.c.folder == folder)
                .values(last_poll_at=utcnow()))

    # -- the worker's side -----------------------------------------------------------------

    async def claim(self, limit: int = 10) -> list[Claimed]:
        """Lease up to ``limit`` unprocessed messages to this worker, oldest first, and count an
        attempt for the first: the mail the worker takes in hand now. Each of the others is
        counted when the one before it is recorded (``record(…, then=…)``), so a worker that
        dies in a mail has charged that mail only. ``Claimed.attempts`` includes the attempt
        in hand."""
        now = utcnow()
        candidates = (
            select(messages.c.id)
            .where(messages.c.direction == "in", messages.c.processed_at.is_(None),
                   or_(messages.c.lease_until.is_(None), messages.c.lease_until < now,
                       messages.c.lease_owner == self.owner))
            .order_by(messages.c.id).limit(limit))
        if self._postgres:
            candidates = candidates.with_for_update(skip_locked=True)
        async with self.transaction() as conn:
            rows = sorted((await conn.execute(
                update(messages)
                .where(messages.c.id.in_(candidates.scalar_subquery()))
                .values(lease_owner=self.owner, lease_until=now + self.lease_span)
                .returning(messages.c.id, messages.c.raw, messages.c.attempts,
                           messages.c.source))).all(), key=lambda r: r.id)
            if rows:
                await self._charge(conn, rows[0].id)
        return [Claimed(r.id, r.raw or b"", r.attempts + 1, r.source) for r in rows]

    async def _charge(self, conn: AsyncConnection, message_id: int) -> None:
        """Count the attempt of the mail taken in hand now, and renew its lease: it lasts
        ``lease_seconds`` from here, longer than the worker's budget for the mail."""
        await conn.execute(
            update(messages)
            .where(messages.c.id == message_id, messages.c.lease_owner == self.owner,
                   messages.c.processed_at.is_(None))
            .values(attempts=messages.c.attempts + 1, lease_until=utcnow() + self.lease_span))

    async def charge(self, claimed: Claimed) -> None:
        """Count the attempt of a claimed mail now (when the record before it could not)."""
        async with self.transaction() as conn:
            await self._charge(conn, claimed.id)

    async def give_back(self, claimed: Claimed) -> None:
        """Return a claimed message unprocessed, and its attempt with it: the worker stopped
        during it (not the mail's fault)."""
        async with self.transaction() as conn:
            await conn.execute(
                update(messages)
                .where(messages.c.id == claimed.id, messages.c.lease_owner == self.owner,
                       messages.c.processed_at.is_(None), messages.c.attempts > 0)
                .values(lease_owner=None, lease_until=None, attempts=messages.c.attempts - 1))

    async def release_claims(self) -> None:
        """Give back this worker's leases on messages it has not processed (on shutdown)."""
        async with self.transaction() as conn:
            await conn.execute(
                update(messages)
                .where(messages.c.lease_owner == self.owner, messages.c.processed_at.is_(None))
                .values(lease_owner=None, lease_until=None))

    async def release_dead_leases(self) -> int:
        """Free the leases of earlier workers on this host that have died (e.g. SIGKILL)."""
        host = self.owner.partition(":")[0]
        pattern = host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ":%"
        async with self.transaction() as conn:
            owners = set((await conn.execute(
                select(messages.c.lease_owner).distinct()
                .where(messages.c.direction == "in", messages.c.processed_at.is_(None),
                       messages.c.lease_owner.like(pattern, escape="\\")))).scalars())
            owners |= set((await conn.execute(
                select(checkpoints.c.lease_owner).distinct()
                .where(checkpoints.c.lease_owner.like(pattern, escape="\\")))).scalars())
            dead = [o for o in owners if o and owner_is_dead(o, self.owner)]
            if dead:
                await conn.execute(update(messages).where(messages.c.lease_owner.in_(dead))
                                   .values(lease_owner=None, lease_until=None))
                await conn.execute(update(checkpoints).where(checkpoints.c.lease_owner.in_(dead))
                                   .values(lease_owner=None, lease_until=None))
        return len(dead)

    async def record(self, claimed: Claimed, result: Handled,
                     then: Claimed | None = None) -> Recorded | None:
        """Write what the flow made of ``claimed`` in one transaction, which also counts the
        attempt of ``then``, the claimed mail the worker takes in hand next; None when it was
        no longer ours to record (another worker took it over after our lease expired; then
        nothing is written, the count of ``then`` neither)."""
        now = utcnow()
        mail, processed = result.mail, result.processed
        understanding = processed.understanding if isinstance(processed, Understood) else None
        if result.error is not None or (understanding is None and not result.loop):
            kind = UNPARSEABLE
        else:
            kind = LOOP if result.loop else understanding.kind.value  # type: ignore[union-attr]
        fields: dict[str, Any] = records.message_fields(mail) if mail is not None else {}
        fields.update(kind=kind, processed_at=now, lease_owner=None, lease_until=None,
                      error=records.clean(result.error))
        try:
            async with self.transaction() as conn:
                if then is not None:
                    await self._charge(conn, then.id)
                if result.loop:
                    await self._take(conn, claimed, fields)
                    await self._audit(conn, [("loop_ignored", None, claimed.id, None, {})])
                    return Recorded(claimed.id, kind, None, thread="none")
                return await _Recording(self, conn, claimed, result, kind, now).run(fields)
        except _NotOurs:
            return None

    async def _take(self, conn: AsyncConnection, claimed: Claimed,
                    fields: dict[str, Any]) -> None:
        """Mark the message processed, if it is still unprocessed and leased to us; else roll
        the whole record back. On PostgreSQL this waits for a worker that holds the row."""
        taken = await conn.execute(
            update(messages)
            .where(messages.c.id == claimed.id, messages.c.processed_at.is_(None),
                   messages.c.lease_owner == self.owner)
            .values(**fields))
        if taken.rowcount != 1:
            raise _NotOurs

    async def _audit(self, conn: AsyncConnection,
                     entries: list[tuple[str, int | None, int | None, int | None, dict]]) -> None:
        now = utcnow()
        await conn.execute(insert(audit_log), [
            {"at": now, "actor": ACTOR, "action": action, "conversation_id": conv,
             "message_id": msg, "draft_id": draft, "detail": records.clean_json(detail)}
            for action, conv, msg, draft, detail in entries])


class _Recording:
    """The part of :meth:`Store.record` after the message is ours: thread, understanding,
    draft, audit."""

    def __init__(self, store: Store, conn: AsyncConnection, claimed: Claimed, result: Handled,
                 kind: str, now: datetime) -> None:
        self.store, self.conn, self.claimed, self.result = store, conn, claimed, result
        self.kind, self.now = kind, now
        self.settings = store.settings
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
        await self.store._take(conn, self.claimed, {
            **fields, "conversation_id": conversation_id, "bounce_of_id": bounce_of})
        if understanding is not None:
            await conn.execute(insert(understandings), {
                "message_id": self.claimed.id, "created_at": self.now,
                **records.understanding_row(understanding, verdict, self._knowledge_version())})
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
        await self.store._audit(conn, self.audit)
        return Recorded(self.claimed.id, self.kind, conversation_id, draft_id,
                        found.via if found else "new", note)

    def _knowledge_version(self) -> str:
        return self.result.knowledge_version

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
        silent = kind in _SILENT_KINDS
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
        row = records.draft_row(draft, self._knowledge_version())
        result = await self.conn.execute(insert(drafts).returning(drafts.c.id), {
            **row, "message_id": self.claimed.id, "conversation_id": conversation_id,
            "created_at": self.now, "updated_at": self.now})
        draft_id = int(result.scalar_one())
        self.audit.append(("draft_created", conversation_id, self.claimed.id, draft_id,
                           {"needs_staff": draft.needs_staff}))
        return draft_id, None
