"""Reading the store back for the operator commands (``assistant status``, ``drafts``,
``conversations``, ``demo``). Every function returns plain dictionaries ready for JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from assistant.history.records import as_utc
from assistant.history.tables import checkpoints, conversations, drafts, messages, understandings

PENDING = "pending"  # stored, not yet processed


def _time(value: datetime | None) -> str | None:
    value = as_utc(value)
    return value.isoformat(timespec="seconds") if value else None


async def status(engine: AsyncEngine) -> dict[str, Any]:
    async with engine.connect() as conn:
        kinds = (await conn.execute(
            select(messages.c.kind, func.count())
            .where(messages.c.direction == "in").group_by(messages.c.kind))).all()
        statuses = (await conn.execute(
            select(drafts.c.status, func.count()).group_by(drafts.c.status))).all()
        count = (await conn.execute(select(func.count()).select_from(conversations))).scalar_one()
        staff = (await conn.execute(
            select(func.count()).select_from(conversations)
            .where(conversations.c.needs_staff.is_(True),
                   conversations.c.status == "open"))).scalar_one()
        boxes = (await conn.execute(select(checkpoints).order_by(checkpoints.c.id))).all()
    return {
        "messages_by_kind": {(kind or PENDING): n for kind, n in sorted(
            kinds, key=lambda r: r[0] or "")},
        "drafts_by_status": {s: n for s, n in sorted(statuses)},
        "conversations": count,
        "conversations_needing_staff": staff,
        "mailboxes": [{
            "mailbox": b.mailbox, "folder": b.folder,
            "checkpoint": {"uidvalidity": b.uidvalidity, "last_uid": b.last_uid},
            "last_poll_at": _time(b.last_poll_at),
            "lease_owner": b.lease_owner, "lease_until": _time(b.lease_until),
        } for b in boxes],
    }


async def list_drafts(engine: AsyncEngine, status: str | None = None,
                      limit: int = 100) -> list[dict[str, Any]]:
    query = (select(drafts.c.id, drafts.c.status, drafts.c.created_at, drafts.c.subject,
                    drafts.c.needs_staff, drafts.c.conversation_id, drafts.c.language,
                    messages.c.sender_address, messages.c.id.label("message"))
             .join(messages, messages.c.id == drafts.c.message_id)
             .order_by(drafts.c.id.desc()).limit(limit))
    if status:
        query = query.where(drafts.c.status == status)
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [{"id": r.id, "status": r.status, "created_at": _time(r.created_at),
             "conversation": r.conversation_id, "message": r.message,
             "sender": r.sender_address, "subject": r.subject, "language": r.language,
             "needs_staff": r.needs_staff} for r in rows]


async def get_draft(engine: AsyncEngine, draft_id: int) -> dict[str, Any] | None:
    async with engine.connect() as conn:
        d = (await conn.execute(select(drafts).where(drafts.c.id == draft_id))).first()
        if d is None:
            return None
        m = (await conn.execute(
            select(messages.c.id, messages.c.message_id, messages.c.sender_address,
                   messages.c.sender_name, messages.c.subject, messages.c.date)
            .where(messages.c.id == d.message_id))).one()
        u = (await conn.execute(
            select(understandings).where(understandings.c.message_id == d.message_id))).first()
    return {
        "id": d.id, "status": d.status, "created_at": _time(d.created_at),
        "conversation": d.conversation_id, "language": d.language, "subject": d.subject,
        "text": d.text, "edited_text": d.edited_text, "needs_staff": d.needs_staff,
        "staff_reasons": d.staff_reasons, "blocks": d.blocks,
        "knowledge_version": d.knowledge_version,
        "message": {"id": m.id, "message_id": m.message_id, "sender": m.sender_address,
                    "sender_name": m.sender_name, "subject": m.subject, "date": _time(m.date)},
        "understanding": None if u is None else {
            "kind": u.kind, "intents": u.intents, "questions": u.questions,
            "conversation_facts": u.conversation_facts,
            "abstained": u.abstained, "facts": u.facts,
            "register": u.register, "eligibility": u.eligibility,
            "eligibility_basis": u.eligibility_basis, "findings": u.findings},
    }


async def list_conversations(engine: AsyncEngine, status: str | None = None,
                             limit: int = 100) -> list[dict[str, Any]]:
    counts = (select(messages.c.conversation_id, func.count().label("n"))
              .group_by(messages.c.conversation_id).subquery())
    query = (select(conversations, counts.c.n)
             .outerjoin(counts, counts.c.conversation_id == conversations.c.id)
             .order_by(conversations.c.updated_at.desc(), conversations.c.id.desc())
             .limit(limit))
    if status:
        query = query.where(conversations.c.status == status)
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [{"id": r.id, "status": r.status, "needs_staff": r.needs_staff,
             "updated_at": _time(r.updated_at), "sender": r.sender_address,
             "municipality": r.municipality, "subject": r.subject, "messages": r.n or 0,
             "error": r.error} for r in rows]


async def get_conversation(engine: AsyncEngine, conversation_id: int) -> dict[str, Any] | None:
    async with engine.connect() as conn:
        c = (await conn.execute(
            select(conversations).where(conversations.c.id == conversation_id))).first()
        if c is None:
            return None
        rows = (await conn.execute(
            select(messages.c.id, messages.c.direction, messages.c.kind, messages.c.message_id,
                   messages.c.sender_address, messages.c.subject, messages.c.date,
                   messages.c.received_at, messages.c.new_text, messages.c.error,
                   messages.c.bounce_of_id, drafts.c.id.label("draft"),
                   drafts.c.status.label("draft_status"))
            .outerjoin(drafts, drafts.c.message_id == messages.c.id)
            .where(messages.c.conversation_id == conversation_id)
            .order_by(messages.c.id))).all()
    return {
        "id": c.id, "token": c.token, "status": c.status, "needs_staff": c.needs_staff,
        "error": c.error, "subject": c.subject, "sender": c.sender_address,
        "municipality": c.municipality, "district": c.district,
        "created_at": _time(c.created_at), "updated_at": _time(c.updated_at),
        "messages": [{
            "id": r.id, "direction": r.direction, "kind": r.kind, "message_id": r.message_id,
            "sender": r.sender_address, "subject": r.subject, "date": _time(r.date),
            "received_at": _time(r.received_at), "text": r.new_text, "error": r.error,
            "bounce_of": r.bounce_of_id, "draft": r.draft, "draft_status": r.draft_status,
        } for r in rows],
    }


async def by_sha(engine: AsyncEngine, shas: list[str]) -> dict[str, dict[str, Any]]:
    """What became of the incoming mails with these SHA-256 hashes (for ``assistant demo``)."""
    if not shas:
        return {}
    async with engine.connect() as conn:
        rows = (await conn.execute(
            select(messages.c.raw_sha256, messages.c.id, messages.c.kind, messages.c.error,
                   messages.c.conversation_id, messages.c.received_at,
                   understandings.c.intents, understandings.c.eligibility,
                   drafts.c.id.label("draft"), drafts.c.status.label("draft_status"),
                   drafts.c.needs_staff)
            .outerjoin(understandings, understandings.c.message_id == messages.c.id)
            .outerjoin(drafts, drafts.c.message_id == messages.c.id)
            .where(messages.c.direction == "in", messages.c.raw_sha256.in_(shas)))).all()
    return {r.raw_sha256: {
        "message": r.id, "kind": r.kind, "error": r.error, "conversation": r.conversation_id,
        "intents": [i["id"] for i in (r.intents or [])], "eligibility": r.eligibility,
        "draft": r.draft, "draft_status": r.draft_status, "needs_staff": r.needs_staff,
    } for r in rows}
