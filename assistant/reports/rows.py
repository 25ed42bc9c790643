"""One row per conversation, for spreadsheets: ``assistant report --format csv`` and the
dashboard's CSV download.

The rows come from the reports' read model (:mod:`assistant.reports.index`) and the live
conversations and drafts: when the conversation started, its municipality and district, every
intent asked in it, the verdict of its latest inquiry, the language of its first, how many
hours until the first reply was sent, whether a draft was edited or rejected, its status, and
whether its personal data has been purged. They are streamed: the table may hold every
conversation of several years.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from assistant.history.portable import hours_between
from assistant.history.tables import conversations, drafts
from assistant.history.tables import report_inquiries as inquiries
from assistant.history.tables import report_intents as intents
from assistant.reports import index
from assistant.reports.figures import Period

CSV_COLUMNS: Sequence[str] = (
    "conversation", "started", "last_activity", "status", "source", "municipality", "district",
    "intents", "verdict", "language", "inquiries", "drafts", "first_response_hours", "edited",
    "rejected", "purged")


async def conversation_rows(conn: AsyncConnection, period: Period) -> AsyncIterator[dict]:
    """One row per conversation whose first inquiry arrived in the period, oldest first.
    Refreshes the read model first (and commits), like the report."""
    await index.refresh(conn)
    await conn.commit()
    dialect = conn.dialect.name
    first = (select(inquiries.c.conversation_id,
                    func.min(inquiries.c.message_id).label("first_id"),
                    func.max(inquiries.c.message_id).label("last_id"),
                    func.min(inquiries.c.received_at).label("started"),
                    func.count().label("inquiries"))
             .where(inquiries.c.conversation_id.is_not(None))
             .group_by(inquiries.c.conversation_id).subquery("first_inquiry"))
    asked = (select(inquiries.c.conversation_id, intents.c.intent)
             .select_from(inquiries.join(intents,
                                         intents.c.message_id == inquiries.c.message_id))
             .distinct().subquery("asked"))
    conversation_intents = (
        select(asked.c.conversation_id,
               func.aggregate_strings(asked.c.intent, " ").label("intents"))
        .group_by(asked.c.conversation_id).subquery("conversation_intents"))
    replies = (select(drafts.c.conversation_id,
                      func.min(drafts.c.sent_at).label("first_sent"),
                      func.count().label("drafts"),
                      func.max(case((drafts.c.edited_text.is_not(None), 1), else_=0))
                      .label("edited"),
                      func.max(case((drafts.c.status == "rejected", 1), else_=0))
                      .label("rejected"))
               .group_by(drafts.c.conversation_id).subquery("replies"))
    first_i = inquiries.alias("first_i")
    last_i = inquiries.alias("last_i")
    query = (
        select(conversations.c.id, first.c.started, conversations.c.updated_at,
               conversations.c.status, first_i.c.source, conversations.c.municipality,
               conversations.c.district, conversation_intents.c.intents,
               last_i.c.eligibility, first_i.c.language, first.c.inquiries, replies.c.drafts,
               hours_between(replies.c.first_sent, first.c.started, dialect).label("hours"),
               replies.c.edited, replies.c.rejected, conversations.c.purged_at)
        .select_from(
            conversations.join(first, first.c.conversation_id == conversations.c.id)
            .join(first_i, first_i.c.message_id == first.c.first_id)
            .join(last_i, last_i.c.message_id == first.c.last_id)
            .outerjoin(conversation_intents,
                       conversation_intents.c.conversation_id == conversations.c.id)
            .outerjoin(replies, replies.c.conversation_id == conversations.c.id))
        .where(*period.conditions(first.c.started))
        .order_by(conversations.c.id))
    result = await conn.stream(query)
    async for row in result:
        yield {
            "conversation": row.id,
            "started": _iso(row.started),
            "last_activity": _iso(row.updated_at),
            "status": row.status,
            "source": row.source or "",
            "municipality": row.municipality or "",
            "district": row.district or "",
            "intents": " ".join(sorted(set((row.intents or "").split()))),
            "verdict": row.eligibility or "",
            "language": row.language or "",
            "inquiries": row.inquiries,
            "drafts": row.drafts or 0,
            "first_response_hours": "" if row.hours is None else round(float(row.hours), 1),
            "edited": "yes" if row.edited else "no",
            "rejected": "yes" if row.rejected else "no",
            "purged": "yes" if row.purged_at is not None else "no",
        }


def _iso(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):  # SQLite hands back aggregated timestamps as text
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")
