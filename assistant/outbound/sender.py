"""The sender: turns approved drafts into replies and delivers each one at most once.

One pass (:meth:`Sender.run_once`) does three things:

1. **Recover.** A reply left in ``sending`` by a sender that died (its lease ran out, or it was
   a process on this host that no longer exists) becomes ``uncertain``: it may have reached the
   mail server, so it is never sent again by itself; staff decide on the Versand page.
2. **Prepare.** Each ``approved`` draft without an outbox row gets one: the reply is composed
   (:mod:`assistant.outbound.compose`) to the address the review page showed
   (:func:`assistant.history.recipient.for_message`, the same function), its Message-ID fixed,
   its bytes stored, and the outgoing message stored in ``messages`` (direction ``out``) so that
   later bounces and answers attach to the conversation — all in one transaction. An address
   that needs a reviewer's confirmation (another domain, a chat hand-over) and whose last
   approval did not confirm it sends the draft back to the queue.
3. **Deliver** the due ``queued`` replies, each one like this::

       queued ──claim (commit)──▶ sending ──SMTP 250──▶ sent (commit)
                                     │ NotDelivered, transient ──▶ queued, later (backoff)
                                     │ NotDelivered, permanent / last attempt ──▶ failed
                                     └ DeliveryUnknown, or the process dies ──▶ uncertain

The claim is a compare-and-set UPDATE committed *before* the first byte goes to the mail server,
so two senders never hold the same reply, and a crash at any later moment leaves the row in
``sending``. The gap between the server's "250 accepted" and our commit cannot be closed by a
database — the server is not part of our transaction — so the design chooses *at most once*:
whatever is not known to have failed is never retried automatically. The window is a few
milliseconds; what falls into it is shown to staff, not sent twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from assistant.draft.placeholders import problems
from assistant.errors import CannotCompose, DeliveryUnknown, NotDelivered
from assistant.history import recipient, threads
from assistant.history.db import rowcount
from assistant.history.models import (
    AuditEntry,
    Conversation,
    Draft,
    Message,
    OutboxItem,
    utcnow,
)
from assistant.history.records import as_utc
from assistant.leases import new_owner, owner_is_dead
from assistant.logs import redact
from assistant.outbound.compose import compose
from assistant.outbound.sent_copy import SentCopy
from assistant.outbound.smtp import Transport
from assistant.settings import Settings

log = logging.getLogger(__name__)
ACTOR = "sender"
MAX_BACKOFF_SECONDS = 3600.0
def backoff(base: float, attempt: int) -> float:
    """Seconds before attempt ``attempt + 1``: base, 2×base, 4×base … at most an hour."""
    return min(base * 2 ** max(attempt - 1, 0), MAX_BACKOFF_SECONDS)


class Sender:
    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession],
                 transport: Transport, *, sent_copy: SentCopy | None = None,
                 owner: str | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        self.settings = settings
        self.sessions = sessions
        self.transport = transport
        self.sent_copy = sent_copy
        self.owner = owner or new_owner()
        self.clock = clock
        self.lease = timedelta(seconds=settings.send_lease_seconds)
        # The first programme address as configured (own_addresses is lower-cased for lookups).
        self.envelope_from = next((a.strip() for a in settings.programme_addresses.split(",")
                                   if a.strip()), "")
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Look for work now (called after an approval in the same process)."""
        self._wake.set()

    # --- the loop ----------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Send until ``stop`` is set; database and network trouble are waited out."""
        log.info("sender started", extra={"fields": {"owner": self.owner}})
        failures = 0
        while not stop.is_set():
            try:
                await self.run_once()
                failures = 0
                wait = await self._until_next_due()
            except (SQLAlchemyError, OSError) as exc:
                failures += 1
                wait = min(self.settings.send_poll_seconds * 2 ** failures, 60.0)
                log.warning("sender: database unavailable", extra={"fields": {
                    "error": redact(f"{type(exc).__name__}: {exc}".splitlines()[0]),
                    "retry_in": round(wait, 1)}})
            await self._sleep(stop, wait)
        log.info("sender stopped", extra={"fields": {"owner": self.owner}})

    async def _sleep(self, stop: asyncio.Event, seconds: float) -> None:
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waiters, timeout=max(seconds, 0.0),
                               return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            self._wake.clear()

    async def _until_next_due(self) -> float:
        async with self.sessions() as db:
            due = (await db.execute(
                select(OutboxItem.next_attempt_at).where(OutboxItem.status == "queued")
                .order_by(OutboxItem.next_attempt_at).limit(1))).scalar()
        poll = self.settings.send_poll_seconds
        if due is None:
            return poll
        return min(poll, max((as_utc(due) - self.clock()).total_seconds(), 0.0))

    async def run_once(self) -> int:
        """Recover, prepare and deliver what is due now; returns the number of replies sent."""
        await self.recover()
        await self.prepare()
        sent = 0
        async with self.sessions() as db:
            due = list((await db.execute(
                select(OutboxItem.id).where(OutboxItem.status == "queued",
                                            OutboxItem.next_attempt_at <= self.clock())
                .order_by(OutboxItem.next_attempt_at, OutboxItem.id).limit(50))).scalars())
        for item_id in due:
            sent += await self.deliver(item_id)
        return sent

    # --- 1. recover --------------------------------------------------------------------------

    async def recover(self) -> int:
        """Mark replies abandoned in ``sending`` as ``uncertain``; returns how many."""
        now = self.clock()
        marked = 0
        async with self.sessions() as db:
            rows = (await db.execute(
                select(OutboxItem.id, OutboxItem.lease_owner, OutboxItem.lease_until,
                       OutboxItem.draft_id)
                .where(OutboxItem.status == "sending"))).all()
            for row in rows:
                expired = row.lease_until is None or as_utc(row.lease_until) < now
                if not (expired or owner_is_dead(row.lease_owner, self.owner)):
                    continue
                result = await db.execute(
                    update(OutboxItem)
                    .where(OutboxItem.id == row.id, OutboxItem.status == "sending",
                           OutboxItem.lease_owner == row.lease_owner)
                    .values(status="uncertain", last_error=(
                        "Der Versand wurde unterbrochen, nachdem die Antwort dem Mailserver "
                        "übergeben wurde; ob sie ankam, ist unbekannt."))
                    .execution_options(synchronize_session=False))
                if rowcount(result) == 1:
                    marked += 1
                    await self._audit(db, "reply_uncertain", row.draft_id,
                                      {"owner": row.lease_owner})
                    log.warning("reply delivery uncertain", extra={"fields": {
                        "outbox": row.id, "previous_owner": row.lease_owner}})
            await db.commit()
        return marked

    # --- 2. prepare --------------------------------------------------------------------------

    async def prepare(self) -> int:
        """Compose and store the reply of each approved draft that has none yet."""
        async with self.sessions() as db:
            ids = list((await db.execute(
                select(Draft.id).outerjoin(OutboxItem, OutboxItem.draft_id == Draft.id)
                .where(Draft.status == "approved", OutboxItem.id.is_(None))
                .order_by(Draft.approved_at, Draft.id).limit(50))).scalars())
        prepared = 0
        for draft_id in ids:
            # IntegrityError: another sender prepared it at the same moment.
            with contextlib.suppress(IntegrityError):
                prepared += await self._prepare_one(draft_id)
        return prepared

    async def _prepare_one(self, draft_id: int) -> int:
        now = self.clock()
        async with self.sessions() as db:
            draft = await db.get(Draft, draft_id)
            if draft is None or draft.status != "approved":
                return 0
            inquiry = await db.get(Message, draft.message_id)
            conversation = await db.get(Conversation, draft.conversation_id)
            text = draft.edited_text if draft.edited_text is not None else draft.text
            blocked = problems(text)
            if blocked or inquiry is None or conversation is None:
                # Approved by some other way than the review app: back to the queue.
                await db.execute(update(Draft).where(Draft.id == draft.id).values(
                    status="pending", approved_by=None, approved_at=None,
                    second_approved_by=None, updated_at=now, revision=Draft.revision + 1))
                await self._audit(db, "reply_blocked", draft.id,
                                  {"problems": blocked or ["inquiry missing"]})
                await db.commit()
                return 0
            target = recipient.for_message(inquiry, self.settings)
            if target.needs_confirmation and not await recipient.confirmed_by_last_approval(
                    db, draft.id, target):
                # An address that needs a confirmation was approved without one (an older
                # approval, or one made some other way than the review app): back to the queue.
                await db.execute(update(Draft).where(Draft.id == draft.id).values(
                    status="pending", approved_by=None, approved_at=None,
                    second_approved_by=None, updated_at=now, revision=Draft.revision + 1))
                await self._audit(db, "reply_blocked", draft.id,
                                  {"problems": ["recipient not confirmed"]})
                await db.commit()
                return 0
            recipient_address, recipient_name = target.address, target.name
            message_id = threads.new_message_id(conversation.token,
                                                self.settings.message_id_domain)
            try:
                reply = compose(
                    message_id=message_id, sender_address=self.envelope_from,
                    sender_name=self.settings.sender_name, recipient=recipient_address or "",
                    recipient_name=recipient_name, subject=draft.subject or inquiry.subject or "",
                    inquiry_message_id=inquiry.message_id,
                    inquiry_references=list(inquiry.references or []), text=text,
                    language=draft.language, date=now)
            except CannotCompose as exc:
                await db.execute(update(Draft).where(Draft.id == draft.id)
                                 .values(status="failed", updated_at=now))
                await self._audit(db, "reply_failed", draft.id, {"error": str(exc)})
                await db.commit()
                log.error("reply cannot be composed", extra={"fields": {
                    "draft": draft.id, "error": redact(str(exc))}})
                return 0
            db.add(OutboxItem(draft_id=draft.id, message_id=reply.message_id, raw=reply.raw,
                              recipient=reply.recipient, status="queued", attempts=0,
                              next_attempt_at=now, created_at=now))
            db.add(Message(
                conversation_id=conversation.id, direction="out", source="outbox",
                raw=reply.raw, raw_sha256=hashlib.sha256(reply.raw).hexdigest(),
                size=len(reply.raw), message_id=reply.message_id,
                in_reply_to=reply.in_reply_to, references=list(reply.references),
                sender_address=reply.sender, sender_name=self.settings.sender_name,
                recipients=[{"address": reply.recipient, "name": recipient_name}],
                subject=reply.subject, date=now, received_at=now, processed_at=now,
                kind="reply", language=draft.language, new_text=reply.text))
            await self._audit(db, "reply_queued", draft.id, {"message_id": reply.message_id})
            await db.commit()
        return 1

    # --- 3. deliver --------------------------------------------------------------------------

    async def deliver(self, item_id: int) -> int:
        """Claim one due reply, hand it to the mail server, record the outcome; 1 when sent."""
        now = self.clock()
        async with self.sessions() as db:
            claimed = await db.execute(
                update(OutboxItem)
                .where(OutboxItem.id == item_id, OutboxItem.status == "queued",
                       OutboxItem.next_attempt_at <= now)
                .values(status="sending", attempts=OutboxItem.attempts + 1,
                        lease_owner=self.owner, lease_until=now + self.lease)
                .execution_options(synchronize_session=False))
            if rowcount(claimed) != 1:
                await db.rollback()
                return 0
            await db.commit()
            item = await db.get(OutboxItem, item_id)
            assert item is not None and item.raw is not None and item.recipient is not None
            attempt, draft_id, raw, to_address = item.attempts, item.draft_id, item.raw, \
                item.recipient
        fields: dict[str, Any] = {"outbox": item_id, "draft": draft_id, "attempt": attempt,
                                  "message_id": item.message_id}
        try:
            answer = await self.transport.send(self.envelope_from, [to_address], raw)
        except NotDelivered as exc:
            await self._not_delivered(item_id, draft_id, attempt, exc, fields)
            return 0
        except DeliveryUnknown as exc:
            await self._uncertain(item_id, draft_id, str(exc), fields)
            return 0
        except Exception as exc:  # noqa: BLE001 - an unknown failure may have sent it
            await self._uncertain(item_id, draft_id, f"{type(exc).__name__}: {exc}", fields)
            return 0
        await self._sent(item_id, draft_id, answer, attempt, fields)
        if self.sent_copy is not None:
            await self._copy(raw, draft_id, fields)
        return 1

    async def _finish(self, item_id: int, values: dict[str, Any], draft_values: dict[str, Any],
                      draft_id: int, action: str, detail: dict[str, Any],
                      conversation_status: str | None = None) -> bool:
        """Write the outcome of our attempt, only while the reply is still ours."""
        now = self.clock()
        # A reply recovered as uncertain by another sender while we were still waiting for the
        # server's answer is ours to record as sent, but not to reschedule.
        states = ("sending", "uncertain") if action == "reply_sent" else ("sending",)
        async with self.sessions() as db:
            result = await db.execute(
                update(OutboxItem)
                .where(OutboxItem.id == item_id, OutboxItem.lease_owner == self.owner,
                       OutboxItem.status.in_(states))
                .values(**values).execution_options(synchronize_session=False))
            if rowcount(result) != 1:
                await db.rollback()
                return False
            if draft_values:
                await db.execute(update(Draft).where(Draft.id == draft_id)
                                 .values(updated_at=now, **draft_values))
            draft = await db.get(Draft, draft_id)
            if conversation_status and draft is not None:
                await db.execute(update(Conversation)
                                 .where(Conversation.id == draft.conversation_id)
                                 .values(status=conversation_status, updated_at=now))
            if action == "reply_sent" and draft is not None:
                detail = {**detail, "approvers": [a for a in (draft.approved_by,
                                                              draft.second_approved_by) if a]}
            await self._audit(db, action, draft_id, detail)
            await db.commit()
        return True

    async def _sent(self, item_id: int, draft_id: int, answer: str, attempt: int,
                    fields: dict[str, Any]) -> None:
        now = self.clock()
        # The server has the reply. Recording that must not be lost to a passing database
        # hiccup, so it is retried for as long as our lease lasts.
        deadline = now + self.lease
        delay = 0.2
        while True:
            try:
                recorded = await self._finish(
                    item_id, {"status": "sent", "sent_at": now, "last_error": None,
                              "lease_until": None},
                    {"status": "sent", "sent_at": now}, draft_id, "reply_sent",
                    {"attempt": attempt, "answer": answer[:200]}, "answered")
                break
            except SQLAlchemyError as exc:
                if self.clock() > deadline:
                    log.error("sent, but cannot record it; it will show as uncertain",
                              extra={"fields": {**fields, "error": type(exc).__name__}})
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
        if recorded:
            log.info("reply sent", extra={"fields": fields})
        else:
            self._not_ours(fields, "sent")

    async def _not_delivered(self, item_id: int, draft_id: int, attempt: int,
                             exc: NotDelivered, fields: dict[str, Any]) -> None:
        error = str(exc)[:1000]
        if exc.permanent or attempt >= self.settings.send_attempts:
            if await self._finish(item_id, {"status": "failed", "last_error": error,
                                            "lease_until": None},
                                  {"status": "failed"}, draft_id, "reply_failed",
                                  {"attempt": attempt, "error": error}):
                log.error("reply failed", extra={"fields": {**fields, "error": redact(error),
                                                            "permanent": exc.permanent}})
            else:
                self._not_ours(fields, "failed", error)
            return
        delay = backoff(self.settings.send_retry_seconds, attempt)
        if await self._finish(item_id, {"status": "queued", "last_error": error,
                                        "lease_until": None, "next_attempt_at":
                                        self.clock() + timedelta(seconds=delay)},
                              {}, draft_id, "reply_retry", {"attempt": attempt, "error": error}):
            log.warning("reply not delivered; will retry", extra={"fields": {
                **fields, "error": redact(error), "retry_in": round(delay, 1)}})
        else:
            self._not_ours(fields, "not delivered", error)

    async def _uncertain(self, item_id: int, draft_id: int, error: str,
                         fields: dict[str, Any]) -> None:
        if await self._finish(item_id, {"status": "uncertain", "last_error": error[:1000]}, {},
                              draft_id, "reply_uncertain", {"error": error[:200]}):
            log.warning("reply delivery uncertain", extra={"fields": {**fields,
                                                                      "error": redact(error)}})
        else:
            self._not_ours(fields, "uncertain", error)

    @staticmethod
    def _not_ours(fields: dict[str, Any], outcome: str, error: str | None = None) -> None:
        """Our attempt ended, but the reply's row had changed meanwhile (another sender found
        it abandoned, or staff resolved it): nothing was recorded, so say only that."""
        extra = {"error": redact(error)} if error else {}
        log.warning("reply outcome not recorded: the reply is no longer this sender's",
                    extra={"fields": {**fields, "outcome": outcome, **extra}})

    async def _copy(self, raw: bytes, draft_id: int, fields: dict[str, Any]) -> None:
        assert self.sent_copy is not None
        action, detail = "reply_copied", {}
        try:
            await self.sent_copy.append(raw)
        except Exception as exc:  # noqa: BLE001 - a missing copy must not undo a delivery
            action, detail = "reply_copy_failed", {"error": type(exc).__name__}
            log.warning("copy to the Sent folder failed", extra={"fields": {
                **fields, "error": redact(f"{type(exc).__name__}: {exc}")}})
        with contextlib.suppress(SQLAlchemyError):
            async with self.sessions() as db:
                await self._audit(db, action, draft_id, detail)
                await db.commit()

    async def _audit(self, db: AsyncSession, action: str, draft_id: int | None,
                     detail: dict[str, Any]) -> None:
        draft = await db.get(Draft, draft_id) if draft_id is not None else None
        db.add(AuditEntry(actor=ACTOR, action=action, draft_id=draft_id,
                          conversation_id=draft.conversation_id if draft else None,
                          message_id=draft.message_id if draft else None, detail=detail))
