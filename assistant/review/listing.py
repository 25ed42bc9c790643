"""The queue: pending drafts, oldest mail first, with filters, counts and a waiting badge.

Filters come from the query string (so a filtered queue can be bookmarked and the back button
works): intent, municipality (part of the name), needs_staff, language and a minimum age. The
page shows the counts of all pending drafts, of those needing staff and of those waiting longer
than ``ASSISTANT_WAIT_BADGE_HOURS``, and pages through the matches ``ASSISTANT_QUEUE_PAGE_SIZE``
at a time. Three queries per page, whatever the size of the queue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Text, and_, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from assistant.history.models import Conversation, Draft, Message, UnderstandingRecord, utcnow
from assistant.history.recipient import HANDOVER_SOURCE
from assistant.history.records import as_utc
from assistant.web.dates import waited
from assistant.web.routing import PAGE_PROBLEM, Ctx, page_number, render

AGES = {"": "alle", "24": "älter als 1 Tag", "48": "älter als 2 Tage", "168": "älter als 1 Woche"}
NEEDS_STAFF = {"": "alle", "ja": "nur mit Prüfbedarf", "nein": "nur ohne Prüfbedarf"}
LANGUAGES = {"": "alle", "de": "Deutsch", "en": "Englisch"}


@dataclass(frozen=True, slots=True)
class QueueFilter:
    intent: str = ""
    municipality: str = ""
    needs_staff: str = ""
    language: str = ""
    age: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, params: Mapping[str, str], intents: Sequence[str]) -> QueueFilter:
        """Read the filters; unknown values are ignored rather than trusted."""
        def pick(name: str, allowed: Any) -> str:
            value = params.get(name, "")
            return value if value in allowed else ""
        page = page_number(params.get("seite", "")) or 1
        return cls(intent=pick("anliegen", intents),
                   municipality=" ".join(params.get("gemeinde", "").split())[:100],
                   needs_staff=pick("pruefbedarf", NEEDS_STAFF),
                   language=pick("sprache", LANGUAGES), age=pick("alter", AGES), page=page)

    def query(self, page: int | None = None) -> dict[str, str]:
        """The query-string parameters of this filter (for links to other pages)."""
        values = {"anliegen": self.intent, "gemeinde": self.municipality,
                  "pruefbedarf": self.needs_staff, "sprache": self.language, "alter": self.age}
        values = {k: v for k, v in values.items() if v}
        if page and page > 1:
            values["seite"] = str(page)
        return values

    @property
    def active(self) -> bool:
        return bool(self.query())


@dataclass(frozen=True, slots=True)
class Entry:
    draft_id: int
    conversation_id: int
    received_at: datetime | None
    subject: str
    sender: str
    municipality: str
    intents: tuple[str, ...]
    language: str
    needs_staff: bool
    first_approval_by: str | None
    assigned_to: str | None
    waiting: bool
    unconfirmed_address: bool = False  # a chat hand-over: the address was typed, not confirmed


@dataclass(frozen=True, slots=True)
class Queue:
    entries: tuple[Entry, ...]
    pending: int
    needs_staff: int
    waiting: int
    matching: int
    page: int
    pages: int
    filter: QueueFilter = field(default_factory=QueueFilter)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(f: QueueFilter, now: datetime) -> list[Any]:
    found: list[Any] = [Draft.status == "pending"]
    if f.intent:
        # Intent ids are plain words; in the stored JSON each stands in double quotes.
        found.append(cast(UnderstandingRecord.intents, Text).like(f'%"{f.intent}"%'))
    if f.municipality:
        pattern = f"%{_escape_like(f.municipality.lower())}%"
        found.append(func.lower(Conversation.municipality).like(pattern, escape="\\"))
    if f.needs_staff:
        found.append(Draft.needs_staff.is_(f.needs_staff == "ja"))
    if f.language:
        found.append(Draft.language == f.language)
    if f.age:
        found.append(Message.received_at < now - timedelta(hours=int(f.age)))
    return found


def _joined(query: Any) -> Any:
    return (query.select_from(Draft)
            .join(Message, Message.id == Draft.message_id)
            .join(Conversation, Conversation.id == Draft.conversation_id)
            .outerjoin(UnderstandingRecord, UnderstandingRecord.message_id == Draft.message_id))


async def load(db: AsyncSession, f: QueueFilter, *, now: datetime, page_size: int,
               badge_hours: int) -> Queue:
    badge_cutoff = now - timedelta(hours=badge_hours)
    totals = (await db.execute(
        select(func.count(Draft.id),
               func.coalesce(func.sum(case((Draft.needs_staff.is_(True), 1), else_=0)), 0),
               func.coalesce(func.sum(case((Message.received_at < badge_cutoff, 1), else_=0)), 0))
        .select_from(Draft).join(Message, Message.id == Draft.message_id)
        .where(Draft.status == "pending"))).one()
    conditions = _conditions(f, now)
    if f.active:
        matching = (await db.execute(_joined(select(func.count(Draft.id)))
                                     .where(and_(*conditions)))).scalar_one()
    else:
        matching = totals[0]
    pages = max(1, -(-matching // page_size))
    page = min(f.page, pages)
    rows = (await db.execute(
        _joined(select(Draft.id, Draft.conversation_id, Message.received_at, Message.subject,
                       Message.sender_name, Message.sender_address, Conversation.municipality,
                       UnderstandingRecord.intents, Draft.language, Draft.needs_staff,
                       Draft.approved_by, Conversation.assigned_to, Message.source))
        .where(and_(*conditions))
        .order_by(Message.received_at, Draft.id)
        .limit(page_size).offset((page - 1) * page_size))).all()
    entries = []
    for row in rows:
        received = as_utc(row.received_at)
        intents = tuple(str(i.get("id")) for i in (row.intents or [])
                        if isinstance(i, dict) and i.get("id"))
        entries.append(Entry(
            draft_id=row.id, conversation_id=row.conversation_id, received_at=received,
            subject=row.subject or "(ohne Betreff)",
            sender=row.sender_name or row.sender_address or "unbekannt",
            municipality=row.municipality or "", intents=intents, language=row.language,
            needs_staff=bool(row.needs_staff), first_approval_by=row.approved_by,
            assigned_to=row.assigned_to,
            waiting=received is not None and received < badge_cutoff,
            unconfirmed_address=row.source == HANDOVER_SOURCE))
    return Queue(entries=tuple(entries), pending=totals[0], needs_staff=int(totals[1]),
                 waiting=int(totals[2]), matching=matching, page=page, pages=pages, filter=f)


NOTICES = {
    "abgelehnt": "Der Entwurf wurde abgelehnt.",
    "freigegeben": "Der Entwurf ist freigegeben und wird gesendet.",
    "anderweitig": "Die Anfrage ist als anderweitig beantwortet markiert.",
}


async def queue_page(request: Request, ctx: Ctx) -> Response:
    """The queue of pending drafts, oldest first."""
    services = ctx.services
    if page_number(request.query_params.get("seite", "")) is None:
        return await render(request, ctx, "error.html", status=400, title="Ungültige Seite",
                            message=PAGE_PROBLEM)
    intents = services.knowledge.intents()
    f = QueueFilter.from_query(request.query_params, [i for i, _ in intents])
    now = utcnow()
    async with services.sessions() as db:
        queue = await load(db, f, now=now, page_size=services.settings.queue_page_size,
                           badge_hours=services.settings.wait_badge_hours)
    titles = dict(intents)
    return await render(
        request, ctx, "queue.html", title="Warteschlange", queue=queue, intents=intents,
        titles=titles, ages=AGES, needs_staff_options=NEEDS_STAFF, languages=LANGUAGES,
        badge_hours=services.settings.wait_badge_hours, now=now,
        waited=lambda since: waited(since, now), urlencode=urlencode,
        notice=NOTICES.get(request.query_params.get("hinweis", "")))
