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
  if the message is still unprocessed and still leased to this worker
  (:mod:`assistant.history.recording`). Killed before the commit,
  nothing of it exists; after it, nothing is done again.

Database outages surface as :class:`StoreUnavailable` (the worker waits and retries); the
folder lease is checked inside :meth:`store` (:class:`~assistant.LeaseLost`).
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from assistant.errors import LeaseLost, StoreUnavailable
from assistant.history import context, records
from assistant.history.models import utcnow
from assistant.history.recording import (
    LOOP,
    UNPARSEABLE,
    Claimed,
    NotOurs,
    Recorded,
    Recording,
    audit,
    take,
)
from assistant.history.tables import checkpoints, messages
from assistant.inbound import Checkpoint, Incoming
from assistant.leases import new_owner, owner_is_dead
from assistant.values import Handled, Mail, Thread, Understood

if TYPE_CHECKING:
    from assistant.settings import Settings


# SQLSTATE classes of a lost or refused connection, and of an administrator's shutdown.
_TRANSIENT_SQLSTATES = ("08", "57P", "53")
_TRANSIENT_SQLITE = ("locked", "busy", "unable to open", "disk i/o")


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
                    await take(conn, claimed, self.owner, fields)
                    await audit(conn, [("loop_ignored", None, claimed.id, None, {})])
                    return Recorded(claimed.id, kind, None, thread="none")
                return await Recording(conn, claimed, result, kind, now, self.settings,
                                       self.owner).run(fields)
        except NotOurs:
            return None
