"""The reports' read model: ``report_inquiries`` and ``report_intents``, kept up to date.

The worker records an inquiry once and never changes what it understood; :func:`refresh` copies
what reports count — arrival time and week, source, language, verdict, population, the intents
as rows, the best confidence, and the fate of its draft — out of ``messages``,
``understandings`` and ``drafts`` for every inquiry processed since the last refresh. The JSON of
the understanding is parsed once here, by the database (``INSERT … SELECT``), instead of in
every report query.

Which inquiries are new: those processed at most :data:`OVERLAP` before the newest one already
copied, and not copied yet. The overlap covers transactions that set ``processed_at`` and
committed a little later (a worker's lease is a minute; an hour is generous); ``ON CONFLICT DO
NOTHING`` lets two reports refresh at the same time. A draft changes later (edited, approved,
sent, rejected): every change moves its ``updated_at`` (the review app, the sender and the
privacy purge all set it), so the fate of the drafts changed since the newest one copied (minus
the same overlap) is copied again. The conversation's municipality is read live.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal_column, not_, null, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from assistant.history.portable import intent_columns, week_start
from assistant.history.tables import (
    drafts,
    messages,
    report_inquiries,
    report_intents,
    understandings,
)

OVERLAP = timedelta(hours=1)
OUT_OF_SCOPE = "out_of_scope"
APPROVED_STATES = ("approved", "sent", "failed")


def draft_outcome() -> ColumnElement[str | None]:
    """A draft's fate: unchanged (approved as written), edited (approved after staff changed the
    text), rejected, elsewhere (answered outside the assistant), pending; None without a draft."""
    return case(
        (drafts.c.id.is_(None), null()),
        (drafts.c.status == "rejected", "rejected"),
        (drafts.c.status == "answered_elsewhere", "elsewhere"),
        (and_(drafts.c.status.in_(APPROVED_STATES), drafts.c.edited_text.is_(None)), "unchanged"),
        (drafts.c.status.in_(APPROVED_STATES), "edited"),
        else_="pending")


def _insert(dialect: str, table: Any) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


async def refresh(conn: AsyncConnection) -> int:
    """Copy the inquiries processed since the last refresh; returns how many. Commit after."""
    dialect = conn.dialect.name
    newest = (await conn.execute(select(func.max(report_inquiries.c.processed_at)))).scalar()
    copied = select(literal_column("1")).where(
        report_inquiries.c.message_id == messages.c.id).exists()
    new = and_(messages.c.direction == "in", messages.c.kind == "inquiry",
               messages.c.processed_at.is_not(None), not_(copied))
    if newest is not None:
        new = and_(new, messages.c.processed_at >= newest - OVERLAP)
    joined = messages.join(understandings, understandings.c.message_id == messages.c.id) \
        .outerjoin(drafts, drafts.c.message_id == messages.c.id)
    week = week_start(messages.c.received_at, dialect)

    rows = intent_columns(dialect)
    intents = (select(messages.c.id, rows.intent, func.coalesce(rows.confidence, 0.0),
                      messages.c.received_at, week, draft_outcome(), drafts.c.sent_at)
               .select_from(joined, rows.element)
               .where(new, rows.intent.is_not(None)))
    await conn.execute(
        _insert(dialect, report_intents).from_select(  # type: ignore[attr-defined]
            ["message_id", "intent", "confidence", "received_at", "week", "outcome",
             "sent_at"], intents)
        .on_conflict_do_nothing())

    best = intent_columns(dialect, "best_element")
    scope = intent_columns(dialect, "scope_element")
    asked = intent_columns(dialect, "asked_element")
    population = func.coalesce(understandings.c.facts["population"].as_integer(),
                               understandings.c.register["population"].as_integer())
    inquiries = (
        select(messages.c.id, messages.c.conversation_id, messages.c.received_at,
               messages.c.processed_at, week, func.coalesce(messages.c.source, ""),
               understandings.c.language, understandings.c.eligibility, population,
               understandings.c.abstained,
               select(func.max(best.confidence)).select_from(best.element).scalar_subquery(),
               select(literal_column("1")).select_from(scope.element)
               .where(scope.intent == OUT_OF_SCOPE).exists(),
               func.coalesce(select(func.aggregate_strings(asked.intent, " "))
                             .select_from(asked.element).scalar_subquery(), ""),
               draft_outcome(), drafts.c.needs_staff, drafts.c.sent_at, drafts.c.updated_at)
        .select_from(joined).where(new))
    result = await conn.execute(
        _insert(dialect, report_inquiries).from_select(  # type: ignore[attr-defined]
            ["message_id", "conversation_id", "received_at", "processed_at", "week", "source",
             "language", "eligibility", "population", "abstained", "best_confidence",
             "out_of_scope", "intents_asked", "outcome", "needs_staff", "sent_at",
             "draft_updated_at"],
            inquiries)
        .on_conflict_do_nothing())
    await follow_drafts(conn)
    return max(result.rowcount or 0, 0)


async def follow_drafts(conn: AsyncConnection) -> None:
    """Copy again the fate of the drafts that changed since the newest change copied."""
    newest = (await conn.execute(select(func.max(report_inquiries.c.draft_updated_at)))).scalar()
    changed = select(drafts.c.message_id)
    if newest is not None:
        changed = changed.where(drafts.c.updated_at >= newest - OVERLAP)

    def of_draft(target: Any, value: Any) -> Any:
        return select(value).select_from(drafts).where(
            drafts.c.message_id == target.c.message_id).scalar_subquery()

    ri, rt = report_inquiries, report_intents
    await conn.execute(update(ri).where(ri.c.message_id.in_(changed)).values(
        outcome=of_draft(ri, draft_outcome()), needs_staff=of_draft(ri, drafts.c.needs_staff),
        sent_at=of_draft(ri, drafts.c.sent_at),
        draft_updated_at=of_draft(ri, drafts.c.updated_at)))
    await conn.execute(update(rt).where(rt.c.message_id.in_(changed)).values(
        outcome=of_draft(rt, draft_outcome()), sent_at=of_draft(rt, drafts.c.sent_at)))


async def refresh_engine(engine: AsyncEngine) -> int:
    """:func:`refresh` in its own transaction."""
    async with engine.begin() as conn:
        return await refresh(conn)
