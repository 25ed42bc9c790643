"""Data protection (DSGVO): retention, access and erasure, each audited.

* :func:`purge` — **retention**. Conversations that were answered or closed and have seen no
  activity for ``retention_months`` lose their personal data: addresses, names, subjects, mail
  bodies, quoted text, signatures, raw mail, attachment names, the sentences kept as evidence,
  the reply texts, rejection reasons and free-text notes in the audit log. What remains are the
  counts the reports need: dates, kinds, intents with their confidence, the verdict, the
  population, the municipality (a public body, not a person), the fate of each draft. One audit
  entry per run says how many conversations and messages were purged.
* :func:`subject_access` — **access** (Art. 15): everything stored about one sender address,
  as data and as the original mails.
* :func:`erase` — **erasure** (Art. 17): the same anonymisation as the purge, at once, for every
  conversation with that sender and every message from that address; the audit log of those
  conversations is kept or deleted as ``erase_keeps_audit`` says.

The audit entries of these actions never name the address: they carry a keyed hash of it
(HMAC-SHA-256 with ``secret_key``), so that the data-protection officer can show that a given
request was handled without the log becoming a list of the people who made one.

:func:`run_if_due` is the worker's daily hook: it purges when the last purge is older than
``privacy_purge_hours``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, case, delete, func, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from assistant.history.models import (
    utcnow,
)
from assistant.history.tables import (
    audit_log,
    conversations,
    drafts,
    messages,
    outbox,
    suggestions,
    understandings,
)

if TYPE_CHECKING:
    from assistant.settings import Settings

log = logging.getLogger(__name__)


PURGE = "privacy_purge"
ACCESS = "privacy_export"
ERASE = "privacy_erase"
BATCH = 500
FINISHED = ("answered", "closed")
# Audit details that hold no personal data; every other key (free-text notes, reasons,
# addresses in errors) is dropped from the entries of purged conversations.
SAFE_AUDIT_KEYS = frozenset({
    "kind", "thread", "attempts", "outcome", "intents", "needs_staff", "limit",
    "drafts_last_24h", "changed_share", "four_eyes", "approvers", "intents_before",
    "intents_after", "assignee", "bounce_of", "was", "format", "messages", "conversations"})
# Keeps two workers from purging the same rows at once (PostgreSQL advisory lock key).
_PG_PURGE_LOCK = 0x57495205


@dataclass(frozen=True, slots=True)
class Purged:
    conversations: int
    messages: int
    cutoff: datetime | None = None


async def audit(conn: AsyncConnection, actor: str, action: str, *,
                conversation_id: int | None = None, detail: dict[str, Any] | None = None,
                at: datetime | None = None) -> None:
    await conn.execute(insert(audit_log), {"at": at or utcnow(), "actor": actor[:100],
                                           "action": action, "conversation_id": conversation_id,
                                           "detail": detail or {}})


def subject_hash(address: str, secret: str) -> str:
    """A keyed hash of an address for the audit log (the address itself is never logged).

    Refuses (:class:`~assistant.errors.SettingsError`) a key that is empty, short, repetitive
    or a placeholder: with such a key anyone could recompute the hash of a guessed address."""
    from assistant.errors import SettingsError
    from assistant.settings import secret_key_problem

    problem = secret_key_problem(secret)
    if problem:
        raise SettingsError(f"ASSISTANT_SECRET_KEY {problem}: it keys the audit log's hashes")
    return hmac.new(secret.encode(), normalise(address).encode(), hashlib.sha256).hexdigest()[:24]


def normalise(address: str) -> str:
    return address.strip().lower()


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` minus whole calendar months (the 31st becomes the month's last day)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    days = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]
    return moment.replace(year=year, month=month, day=min(moment.day, days))


# -- anonymising -------------------------------------------------------------------------------

def _clean_intents(value: Any) -> list[Any]:
    return [{"id": i.get("id"), "confidence": i.get("confidence")}
            for i in (value or []) if isinstance(i, dict)]


def _clean_facts(value: Any) -> dict[str, Any]:
    facts = dict(value or {})
    facts.pop("evidence", None)
    return facts


def _clean_blocks(value: Any) -> list[Any]:
    return [{k: v for k, v in b.items() if k != "text"} for b in (value or [])
            if isinstance(b, dict)]


def _clean_detail(value: Any) -> dict[str, Any]:
    return {k: v for k, v in (value or {}).items() if k in SAFE_AUDIT_KEYS}


async def anonymise_messages(conn: AsyncConnection, message_ids: Sequence[int]) -> None:
    """Remove the personal data of these messages and of what was made of them."""
    if not message_ids:
        return
    ids = list(message_ids)
    await conn.execute(update(messages).where(messages.c.id.in_(ids)).values(
        raw=None, sender_address=None, sender_name=None, recipients=[], subject=None,
        new_text=None, quoted_text=None, signature=None, message_id=None, in_reply_to=None,
        references=[], attachments=[], problems=[], error=None))
    rows = (await conn.execute(select(understandings.c.id, understandings.c.intents,
                                      understandings.c.facts)
                               .where(understandings.c.message_id.in_(ids)))).all()
    if rows:
        await conn.execute(
            update(understandings).where(understandings.c.id == bindparam("row_id"))
            .values(intents=bindparam("new_intents"), facts=bindparam("new_facts"),
                    kind_reason=""),
            [{"row_id": r.id, "new_intents": _clean_intents(r.intents),
              "new_facts": _clean_facts(r.facts)} for r in rows])
    draft_rows = (await conn.execute(select(drafts.c.id, drafts.c.blocks)
                                     .where(drafts.c.message_id.in_(ids)))).all()
    if draft_rows:
        await conn.execute(
            update(drafts).where(drafts.c.id == bindparam("row_id"))
            .values(text="", subject="", blocks=bindparam("new_blocks"), rejected_reason=None,
                    edited_text=case((drafts.c.edited_text.is_(None), None), else_=""),
                    updated_at=utcnow()),
            [{"row_id": r.id, "new_blocks": _clean_blocks(r.blocks)} for r in draft_rows])
        await conn.execute(update(outbox).where(outbox.c.draft_id.in_([r.id for r in draft_rows]))
                           .values(raw=None, recipient=None, last_error=None))
    await conn.execute(delete(suggestions).where(suggestions.c.message_id.in_(ids),
                                                 suggestions.c.status != "accepted"))
    await conn.execute(update(suggestions).where(suggestions.c.message_id.in_(ids))
                       .values(message_id=None))


async def anonymise_conversations(conn: AsyncConnection, conversation_ids: Sequence[int],
                                  now: datetime) -> int:
    """Remove the personal data of these conversations; returns how many messages they had."""
    if not conversation_ids:
        return 0
    ids = list(conversation_ids)
    message_ids = list((await conn.execute(
        select(messages.c.id).where(messages.c.conversation_id.in_(ids)))).scalars())
    await anonymise_messages(conn, message_ids)
    await conn.execute(update(conversations).where(conversations.c.id.in_(ids)).values(
        sender_address=None, subject="", subject_key="", error=None, purged_at=now))
    entries = (await conn.execute(select(audit_log.c.id, audit_log.c.detail)
                                  .where(audit_log.c.conversation_id.in_(ids)))).all()
    changed = [{"row_id": e.id, "new_detail": _clean_detail(e.detail)} for e in entries
               if _clean_detail(e.detail) != (e.detail or {})]
    if changed:
        await conn.execute(update(audit_log).where(audit_log.c.id == bindparam("row_id"))
                           .values(detail=bindparam("new_detail")), changed)
    return len(message_ids)


# -- retention ---------------------------------------------------------------------------------

def expired(cutoff: datetime) -> Any:
    """Conversations finished and quiet since before ``cutoff``, not purged yet."""
    last = func.coalesce(conversations.c.closed_at, conversations.c.updated_at)
    return and_(conversations.c.purged_at.is_(None), conversations.c.status.in_(FINISHED),
                last < cutoff, conversations.c.updated_at < cutoff)


async def purge(engine: AsyncEngine, settings: Settings, *, actor: str = "cli",
                now: datetime | None = None, batch: int = BATCH) -> Purged:
    """Anonymise the conversations older than the retention period, in batches of ``batch``
    (one transaction each); one audit entry for the run."""
    now = now or utcnow()
    cutoff = months_before(now, settings.retention_months)
    total_conversations = total_messages = 0
    while True:
        async with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": _PG_PURGE_LOCK})
            ids = list((await conn.execute(
                select(conversations.c.id).where(expired(cutoff))
                .order_by(conversations.c.id).limit(batch))).scalars())
            if not ids:
                break
            total_messages += await anonymise_conversations(conn, ids, now)
            total_conversations += len(ids)
    async with engine.begin() as conn:
        await audit(conn, actor, PURGE, at=now, detail={
            "conversations": total_conversations, "messages": total_messages,
            "retention_months": settings.retention_months, "cutoff": cutoff.isoformat()})
    return Purged(total_conversations, total_messages, cutoff)


async def last_purge(engine: AsyncEngine) -> datetime | None:
    async with engine.connect() as conn:
        found = (await conn.execute(select(func.max(audit_log.c.at))
                                    .where(audit_log.c.action == PURGE))).scalar()
    if isinstance(found, str):  # SQLite hands an aggregate back as text
        found = datetime.fromisoformat(found)
    return found if found is None or found.tzinfo else found.replace(tzinfo=utcnow().tzinfo)


async def run_if_due(engine: AsyncEngine, settings: Settings, *,
                     now: datetime | None = None) -> Purged | None:
    """The worker's hook: purge when the last purge is older than ``privacy_purge_hours``."""
    if settings.privacy_purge_hours <= 0:
        return None
    now = now or utcnow()
    last = await last_purge(engine)
    if last is not None and now - last < timedelta(hours=settings.privacy_purge_hours):
        return None
    result = await purge(engine, settings, actor="worker", now=now)
    log.info("privacy purge", extra={"fields": {"conversations": result.conversations,
                                                "messages": result.messages}})
    return result


async def purge_periodically(engine: AsyncEngine, settings: Settings, stop: asyncio.Event,
                             check_seconds: float = 3600.0) -> None:
    """Until ``stop``: look every ``check_seconds`` whether a purge is due and run it. Database
    errors are logged and tried again at the next check."""
    from assistant.inbound import sleep_until_stopped

    while not stop.is_set():
        try:
            await run_if_due(engine, settings)
        except Exception as exc:  # never let the purge stop the worker
            log.error("privacy purge failed; trying again later", exc_info=True,
                      extra={"fields": {"error": exc.__class__.__name__}})
        await sleep_until_stopped(stop, check_seconds)


# -- one person's data -------------------------------------------------------------------------

@dataclass(frozen=True)
class SubjectData:
    """Everything stored about one sender address."""

    address: str
    conversations: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    understandings: list[dict[str, Any]] = field(default_factory=list)
    drafts: list[dict[str, Any]] = field(default_factory=list)
    outbox: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    mails: list[tuple[str, bytes]] = field(default_factory=list)  # (file name, raw)

    @property
    def empty(self) -> bool:
        return not (self.conversations or self.messages)


def _row(row: Any, leave_out: tuple[str, ...] = ("raw",)) -> dict[str, Any]:
    values = dict(row._mapping)
    for name in leave_out:
        values.pop(name, None)
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}


async def _subject_ids(conn: AsyncConnection, address: str) -> tuple[list[int], list[int]]:
    """(conversation ids, message ids) of everything about ``address``: its conversations with
    all their messages (our replies too), and its messages in other conversations."""
    conversation_ids = list((await conn.execute(
        select(conversations.c.id)
        .where(func.lower(conversations.c.sender_address) == address)
        .order_by(conversations.c.id))).scalars())
    message_ids = list((await conn.execute(
        select(messages.c.id)
        .where(or_(func.lower(messages.c.sender_address) == address,
                   messages.c.conversation_id.in_(conversation_ids)))
        .order_by(messages.c.id))).scalars())
    return conversation_ids, message_ids


async def subject_access(conn: AsyncConnection, address: str) -> SubjectData:
    """Everything stored about ``address`` (Art. 15)."""
    address = normalise(address)
    conversation_ids, message_ids = await _subject_ids(conn, address)

    async def rows(table: Any, condition: Any, leave_out: tuple[str, ...] = ("raw",)) -> list:
        result = await conn.execute(select(table).where(condition).order_by(table.c.id))
        return [_row(r, leave_out) for r in result.all()]

    message_rows = (await conn.execute(select(messages).where(messages.c.id.in_(message_ids))
                                       .order_by(messages.c.id))).all()
    draft_rows = await rows(drafts, drafts.c.message_id.in_(message_ids))
    return SubjectData(
        address=address,
        conversations=await rows(conversations, conversations.c.id.in_(conversation_ids)),
        messages=[_row(r, ("raw", "lease_owner", "lease_until")) for r in message_rows],
        understandings=await rows(understandings, understandings.c.message_id.in_(message_ids)),
        drafts=draft_rows,
        outbox=await rows(outbox, outbox.c.draft_id.in_([d["id"] for d in draft_rows]),
                          ("raw", "lease_owner", "lease_until")),
        suggestions=await rows(suggestions, suggestions.c.message_id.in_(message_ids), ()),
        audit=await rows(audit_log, or_(audit_log.c.conversation_id.in_(conversation_ids),
                                        audit_log.c.message_id.in_(message_ids)), ()),
        mails=[(f"{r.id:06d}-{r.direction}.eml", bytes(r.raw)) for r in message_rows if r.raw],
    )


@dataclass(frozen=True, slots=True)
class Erased:
    conversations: int
    messages: int
    audit_deleted: int


async def erase(engine: AsyncEngine, settings: Settings, address: str, *,
                actor: str = "cli") -> Erased:
    """Remove the personal data about ``address`` (Art. 17) in one transaction; audited."""
    address = normalise(address)
    now = utcnow()
    async with engine.begin() as conn:
        conversation_ids, message_ids = await _subject_ids(conn, address)
        in_conversations = list((await conn.execute(
            select(messages.c.id).where(messages.c.conversation_id.in_(conversation_ids))))
            .scalars())
        await anonymise_conversations(conn, conversation_ids, now)
        await anonymise_messages(conn, [m for m in message_ids if m not in set(in_conversations)])
        deleted = 0
        if not settings.erase_keeps_audit:
            result = await conn.execute(delete(audit_log).where(or_(
                audit_log.c.conversation_id.in_(conversation_ids),
                audit_log.c.message_id.in_(message_ids))))
            deleted = max(result.rowcount or 0, 0)
        await audit(conn, actor, ERASE, detail={
            "subject": subject_hash(address, settings.secret_key),
            "conversations": len(conversation_ids), "messages": len(message_ids),
            "audit_kept": settings.erase_keeps_audit, "audit_deleted": deleted})
    return Erased(len(conversation_ids), len(message_ids), deleted)
