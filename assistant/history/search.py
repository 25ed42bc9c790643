"""Finding conversations: by municipality, sender, text, intent, status and date.

One query builds the conditions on ``conversations`` (a message condition as ``EXISTS`` on the
conversation's messages), counts the matches and reads one page of them, most recently active
first. The text search is PostgreSQL's full-text search (German stemming, the GIN index of
migration 0002, ``websearch_to_tsquery`` syntax) on PostgreSQL and a substring match of every
word on SQLite; it searches the subject and the new text of each message, not the quoted
history. Purged conversations still match by municipality, intent, status and date — their
texts and addresses are gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from assistant.history.portable import escape_like, fulltext_match, intent_columns
from assistant.history.tables import conversations, messages, understandings

STATUSES = ("open", "answered", "closed")
MAX_PER_PAGE = 200
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class Criteria:
    """What to look for; empty fields do not filter. Dates are days (UTC), both included."""

    municipality: str = ""
    sender: str = ""
    text: str = ""
    intent: str = ""
    status: str = ""
    since: date | None = None
    until: date | None = None
    page: int = 1
    per_page: int = 50

    @property
    def empty(self) -> bool:
        return not any((self.municipality.strip(), self.sender.strip(), self.text.strip(),
                        self.intent, self.status, self.since, self.until))


@dataclass(frozen=True, slots=True)
class Hit:
    conversation_id: int
    subject: str
    sender: str | None
    municipality: str | None
    district: str | None
    status: str
    created_at: datetime
    updated_at: datetime
    messages: int
    intents: tuple[str, ...] = ()
    purged: bool = False


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    page: int = 1
    per_page: int = 50

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _like(column: Any, text: str) -> ColumnElement[bool]:
    return column.ilike(f"%{escape_like(text.strip())}%", escape="\\")


def conditions(criteria: Criteria, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE conditions on ``conversations`` for ``criteria``."""
    found: list[ColumnElement[bool]] = []
    in_conversation = messages.c.conversation_id == conversations.c.id
    if criteria.municipality.strip():
        found.append(or_(_like(conversations.c.municipality, criteria.municipality),
                         _like(conversations.c.district, criteria.municipality)))
    if criteria.sender.strip():
        found.append(or_(
            _like(conversations.c.sender_address, criteria.sender),
            select(literal_column("1")).select_from(messages).where(
                in_conversation, or_(_like(messages.c.sender_address, criteria.sender),
                                     _like(messages.c.sender_name, criteria.sender))).exists()))
    if criteria.text.strip():
        found.append(select(literal_column("1")).select_from(messages).where(
            in_conversation, messages.c.direction == "in",
            fulltext_match(criteria.text.strip()[:MAX_TEXT], dialect)).exists())
    if criteria.intent:
        cols = intent_columns(dialect)
        found.append(select(literal_column("1")).select_from(
            messages.join(understandings, understandings.c.message_id == messages.c.id),
            cols.element).where(in_conversation, cols.intent == criteria.intent).exists())
    if criteria.status:
        found.append(conversations.c.status == criteria.status)
    if criteria.since:
        found.append(conversations.c.updated_at >= datetime.combine(criteria.since, time(), UTC))
    if criteria.until:
        found.append(conversations.c.created_at < datetime.combine(
            criteria.until + timedelta(days=1), time(), UTC))
    return found


async def search(conn: AsyncConnection, criteria: Criteria) -> SearchResult:
    """One page of the conversations that match, most recently active first."""
    dialect = conn.dialect.name
    where = and_(*conditions(criteria, dialect)) if not criteria.empty else and_(True)
    per_page = max(1, min(criteria.per_page, MAX_PER_PAGE))
    page = max(1, criteria.page)
    total = int((await conn.execute(
        select(func.count()).select_from(conversations).where(where))).scalar_one())
    rows = (await conn.execute(
        select(conversations).where(where)
        .order_by(conversations.c.updated_at.desc(), conversations.c.id.desc())
        .limit(per_page).offset((page - 1) * per_page))).all()
    ids = [r.id for r in rows]
    counts: dict[int, int] = {}
    asked: dict[int, list[str]] = {}
    if ids:
        counts = {cid: n for cid, n in (await conn.execute(
            select(messages.c.conversation_id, func.count())
            .where(messages.c.conversation_id.in_(ids))
            .group_by(messages.c.conversation_id))).all()}
        cols = intent_columns(dialect)
        for cid, intent in (await conn.execute(
                select(messages.c.conversation_id, cols.intent)
                .select_from(messages.join(understandings,
                                           understandings.c.message_id == messages.c.id),
                             cols.element)
                .where(messages.c.conversation_id.in_(ids))
                .order_by(messages.c.id))).all():
            if intent and intent not in asked.setdefault(cid, []):
                asked[cid].append(intent)
    hits = [Hit(conversation_id=r.id, subject=r.subject or "", sender=r.sender_address,
                municipality=r.municipality, district=r.district, status=r.status,
                created_at=_utc(r.created_at), updated_at=_utc(r.updated_at),
                messages=counts.get(r.id, 0), intents=tuple(asked.get(r.id, ())),
                purged=r.purged_at is not None) for r in rows]
    return SearchResult(total=total, hits=hits, page=page, per_page=per_page)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
