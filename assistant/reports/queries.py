"""The one query layer of the reports: ``assistant report`` and the dashboard both call
:func:`build` for the figures of a period (and :mod:`assistant.reports.rows` for one row per
conversation).

Every figure is an aggregate query that counts in the database — SQLAlchemy Core, the same on
SQLite and PostgreSQL (the dialect differences live in :mod:`assistant.history.portable`) — on
the reports' read model (:mod:`assistant.reports.index`: one narrow row per inquiry and one per
intent asked), joined with the live tables for what can still change (a draft's fate, the
conversation's municipality). Where one figure is a sum over another's groups (inquiries per
intent over the intents per week, pairs of intents over the combinations asked), Python adds up
the few grouped rows. On PostgreSQL the queries
run side by side on :data:`CONNECTIONS` connections. The period is the arrival time of the
inquiries (UTC); ``until`` is exclusive.

What counts:

* an *inquiry* is an incoming message the understanding classified as ``inquiry`` (auto-replies,
  bounces, thank-yous and our own loops are counted apart, as *filtered*);
* the *response time* of an inquiry is from its arrival to the sending of the reply drafted for
  it; median and 90th percentile are nearest-rank percentiles to a tenth of an hour (the
  database counts the replies per tenth of an hour);
* a draft is *unchanged* when it was approved as the assistant wrote it, *edited* when staff
  changed the text first, *rejected*, *elsewhere* (answered outside the assistant) or *pending*.

None of these need a name, an address or a text, so the figures survive the privacy purge. Only
the knowledge gaps read sentences; purged inquiries simply drop out of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, or_, select, text, true
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from assistant.history.portable import POSTGRESQL, as_date, hours_between
from assistant.history.tables import conversations, messages
from assistant.history.tables import report_inquiries as inquiries
from assistant.history.tables import report_intents as intents
from assistant.reports import gaps, index
from assistant.reports.figures import (
    UNKNOWN,
    Outcomes,
    Period,
    PopulationBands,
    Quantiles,
    Report,
    iso_week,
)

# Incoming mail that is no inquiry: counted apart, never answered.
FILTERED_KINDS = ("acknowledgement", "auto_reply", "bounce", "loop", "unparseable")
TOP_MUNICIPALITIES = 20
TOP_PAIRS = 15
MAX_WEEKS = 530  # ten years of zero-filled weeks at most
CONNECTIONS = 3
# Sorting and hashing 100,000 rows in memory instead of on disk (PostgreSQL, per query).
WORK_MEM = "32MB"


def _band(bands: PopulationBands) -> ColumnElement[str]:
    population = inquiries.c.population
    return case(*((population >= lower, key) for key, lower in reversed(bands.bands)),
                else_=UNKNOWN)


class Queries:
    """The queries of one period on one connection; each returns grouped rows."""

    def __init__(self, conn: AsyncConnection, period: Period, low_confidence: float) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.period = period
        self.low_confidence = low_confidence

    def inquiry(self) -> ColumnElement[bool]:
        """Inquiries that arrived in the period."""
        return and_(true(), *self.period.conditions(inquiries.c.received_at))

    def asked(self) -> ColumnElement[bool]:
        """Intents of the inquiries that arrived in the period."""
        return and_(true(), *self.period.conditions(intents.c.received_at))

    def low_confident(self) -> ColumnElement[bool]:
        """Not abstained, but no intent reaches the report's low-confidence level."""
        return and_(inquiries.c.abstained.is_(False),
                    or_(inquiries.c.best_confidence.is_(None),
                        inquiries.c.best_confidence < self.low_confidence))

    def uncertain(self) -> ColumnElement[bool]:
        """The inquiries of the knowledge gaps: abstained, out of scope or low-confidence."""
        return or_(inquiries.c.abstained.is_(True), inquiries.c.out_of_scope.is_(True),
                   self.low_confident())

    async def grouped(self, sub: Any, *keys: str) -> list[tuple[Any, ...]]:
        """``SELECT keys, count(*) FROM sub GROUP BY keys ORDER BY count DESC, keys``."""
        columns = [sub.c[k] for k in keys]
        count = func.count().label("n")
        query = select(*columns, count).group_by(*columns).order_by(count.desc(), *columns)
        return [tuple(row) for row in (await self.conn.execute(query)).all()]

    async def counts(self) -> dict[str, int]:
        """Inquiries, their conversations, abstentions and low-confidence ones, in one scan."""
        def flagged(condition: ColumnElement[bool]) -> Any:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
        row = (await self.conn.execute(
            select(func.count(), func.count(func.distinct(inquiries.c.conversation_id)),
                   flagged(inquiries.c.abstained.is_(True)), flagged(self.low_confident()))
            .where(self.inquiry()))).one()
        return dict(zip(("inquiries", "conversations", "abstentions", "low_confidence"),
                        (int(v or 0) for v in row), strict=True))

    async def profile(self, bands: PopulationBands) -> list[tuple[Any, ...]]:
        """(verdict, language, source, population band, n): the inquiries' profile."""
        return await self.grouped(
            select(inquiries.c.eligibility, inquiries.c.language, inquiries.c.source,
                   _band(bands).label("band")).where(self.inquiry()).subquery(),
            "eligibility", "language", "source", "band")

    async def weeks(self) -> list[tuple[Any, ...]]:
        return await self.grouped(select(inquiries.c.week).where(self.inquiry()).subquery(),
                                  "week")

    async def intents(self) -> list[tuple[Any, ...]]:
        """(intent, week, n)."""
        return await self.grouped(
            select(intents.c.intent, intents.c.week).where(self.asked()).subquery(),
            "intent", "week")

    async def combinations(self) -> list[tuple[Any, ...]]:
        """(intents asked, n) of the inquiries that asked more than one intent."""
        return await self.grouped(
            select(inquiries.c.intents_asked)
            .where(self.inquiry(), inquiries.c.intents_asked.contains(" ")).subquery(),
            "intents_asked")

    async def places(self) -> list[tuple[Any, ...]]:
        """(municipality, district, n)."""
        return await self.grouped(
            select(conversations.c.municipality, conversations.c.district)
            .select_from(inquiries.join(conversations,
                                        conversations.c.id == inquiries.c.conversation_id))
            .where(self.inquiry()).subquery(), "municipality", "district")

    async def filtered(self) -> list[tuple[Any, ...]]:
        """Incoming mail that is no inquiry, by kind (``pending``: not processed yet)."""
        return await self.grouped(
            select(func.coalesce(messages.c.kind, "pending").label("kind"))
            .where(messages.c.direction == "in",
                   or_(messages.c.kind.is_(None), messages.c.kind.in_(FILTERED_KINDS)),
                   *self.period.conditions(messages.c.received_at)).subquery(), "kind")

    async def drafts_total(self) -> list[tuple[Any, ...]]:
        """(outcome, needs_staff, n) of the inquiries' drafts."""
        return await self.grouped(
            select(inquiries.c.outcome, inquiries.c.needs_staff)
            .where(self.inquiry(), inquiries.c.outcome.is_not(None)).subquery(),
            "outcome", "needs_staff")

    async def drafts_by_intent(self) -> list[tuple[Any, ...]]:
        """(intent, outcome, n)."""
        return await self.grouped(
            select(intents.c.intent, intents.c.outcome)
            .where(self.asked(), intents.c.outcome.is_not(None)).subquery(),
            "intent", "outcome")

    async def response_total(self) -> Quantiles:
        rows = (select(hours_between(inquiries.c.sent_at, inquiries.c.received_at,
                                     self.dialect).label("hours"))
                .where(self.inquiry(), inquiries.c.sent_at.is_not(None)).subquery())
        return (await self.quantiles(rows, grouped=False)).get(None, Quantiles())

    async def response_by_intent(self) -> dict[str | None, Quantiles]:
        rows = (select(intents.c.intent,
                       hours_between(intents.c.sent_at, intents.c.received_at,
                                     self.dialect).label("hours"))
                .where(self.asked(), intents.c.sent_at.is_not(None)).subquery())
        return await self.quantiles(rows, grouped=True)

    async def quantiles(self, rows: Any, grouped: bool) -> dict[str | None, Quantiles]:
        """Nearest-rank median and 90th percentile of ``rows.c.hours`` (per ``rows.c.intent``
        when ``grouped``), to a tenth of an hour: the database counts the replies per tenth of
        an hour, Python walks the few hundred counts."""
        keys = [rows.c.intent] if grouped else []
        tenths = cast(func.round(rows.c.hours * 10), Integer).label("tenths")
        counted = select(*keys, tenths).subquery()
        found: dict[str | None, list[tuple[int, int]]] = {}
        for row in await self.grouped(counted, *(["intent"] if grouped else []), "tenths"):
            key = row[0] if grouped else None
            found.setdefault(key, []).append((int(row[-2]), int(row[-1])))
        return {key: _nearest_rank(counts) for key, counts in found.items()}


def _nearest_rank(counts: list[tuple[int, int]]) -> Quantiles:
    """Median and 90th percentile (nearest rank) of values given as (tenths, how often)."""
    ordered = sorted(counts)
    total = sum(n for _, n in ordered)
    wanted = {"median": -(-total // 2), "p90": -(-total * 9 // 10)}
    found: dict[str, float] = {}
    seen = 0
    for tenths, n in ordered:
        seen += n
        for name, rank in wanted.items():
            if name not in found and seen >= rank:
                found[name] = tenths / 10
    return Quantiles(found.get("median"), found.get("p90"), total)


Task = Callable[[Queries], Awaitable[Any]]


def _tasks(gap_sample: int, bands: PopulationBands) -> dict[str, Task]:
    """Every query of the report, the slowest first (they start first when run side by side)."""
    return {
        "response_by_intent": Queries.response_by_intent,
        "drafts_by_intent": Queries.drafts_by_intent,
        "combinations": Queries.combinations,
        "drafts_total": Queries.drafts_total,
        "response_total": Queries.response_total,
        "places": Queries.places,
        "intents": Queries.intents,
        "gaps": lambda q: gaps.candidates(q, gap_sample),
        "profile": lambda q: q.profile(bands),
        "counts": Queries.counts,
        "weeks": Queries.weeks,
        "filtered": Queries.filtered,
    }


async def _run(engine: AsyncEngine, period: Period, low_confidence: float,
               tasks: dict[str, Task], connections: int) -> dict[str, Any]:
    waiting = list(tasks.items())
    results: dict[str, Any] = {}

    async def worker() -> None:
        async with engine.connect() as conn:
            if conn.dialect.name == POSTGRESQL:
                await conn.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
            q = Queries(conn, period, low_confidence)
            while waiting:
                name, task = waiting.pop(0)
                results[name] = await task(q)

    await asyncio.gather(*(worker() for _ in range(max(1, min(connections, len(waiting))))))
    return results


def _sums(rows: Sequence[tuple[Any, ...]], position: int) -> dict[Any, int]:
    """Counts per value at ``position`` of grouped rows (their last item is the count)."""
    found: dict[Any, int] = {}
    for row in rows:
        found[row[position]] = found.get(row[position], 0) + int(row[-1])
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _pairs(combinations: Sequence[tuple[Any, ...]]) -> list[tuple[str, str, int]]:
    """Intents asked together: each pair of a combination's intents, summed over the
    combinations, the most frequent first."""
    found: dict[tuple[str, str], int] = {}
    for asked, n in combinations:
        names = sorted(set(str(asked).split()))
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                found[(first, second)] = found.get((first, second), 0) + int(n)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(a, b, n) for (a, b), n in ranked[:TOP_PAIRS]]


def _known(counts: dict[Any, int]) -> dict[str, int]:
    return {(k if k not in (None, "") else UNKNOWN): n for k, n in counts.items()}


def _weeks(period: Period, found: dict[date, int]) -> dict[str, int]:
    """Inquiries per ISO week, every week from the period's first to its last (an open end: the
    data's) with zeros where nothing arrived."""
    first = period.first_day or min(found, default=None)
    last = period.last_day or max(found, default=None)
    days = set(found)
    if first is not None and last is not None:
        day = first - timedelta(days=first.weekday())
        while day <= last and len(days) < MAX_WEEKS:
            days.add(day)
            day += timedelta(days=7)
    return {iso_week(day): found.get(day, 0) for day in sorted(days)}


async def build(engine: AsyncEngine, period: Period, *, bands: PopulationBands,
                low_confidence: float, gap_sample: int, gap_similarity: int,
                now: datetime | None = None, connections: int | None = None) -> Report:
    """Every figure of the report for ``period``, the population in ``bands``; refreshes the
    read model first."""
    await index.refresh_engine(engine)
    if connections is None:
        connections = CONNECTIONS if engine.dialect.name == POSTGRESQL else 1
    r = await _run(engine, period, low_confidence, _tasks(gap_sample, bands), connections)
    intents_by_week: dict[str, dict[str, int]] = {}
    for intent, week, n in sorted(r["intents"], key=lambda row: (row[0], as_date(row[1]))):
        intents_by_week.setdefault(intent, {})[iso_week(as_date(week))] = int(n)
    outcomes_by_intent: dict[str, dict[str, int]] = {}
    for intent, outcome, n in r["drafts_by_intent"]:
        outcomes_by_intent.setdefault(intent, {})[outcome] = int(n)
    by_intent_hours = sorted(r["response_by_intent"].items(),
                             key=lambda kv: (-kv[1].count, str(kv[0])))
    in_band = _sums(r["profile"], 3)
    places = [row for row in r["places"] if row[0] is not None]
    return Report(
        period=period, generated_at=now or datetime.now(UTC),
        inquiries=r["counts"]["inquiries"], conversations=r["counts"]["conversations"],
        by_intent=_sums(r["intents"], 0),
        by_week=_weeks(period, {as_date(w): int(n) for w, n in r["weeks"]}),
        intents_by_week=intents_by_week,
        co_occurring=_pairs(r["combinations"]),
        municipalities=[(m, d, int(n)) for m, d, n in places[:TOP_MUNICIPALITIES]],
        districts=list(_sums(r["places"], 1).items()),
        verdicts=_known(_sums(r["profile"], 0)), languages=_known(_sums(r["profile"], 1)),
        sources=_known(_sums(r["profile"], 2)),
        bands=bands, population_bands={key: in_band.get(key, 0) for key in bands.keys},
        first_response_hours=r["response_total"],
        response_hours_by_intent={str(k): q for k, q in by_intent_hours},
        drafts=Outcomes(_sums(r["drafts_total"], 0)),
        drafts_by_intent={k: Outcomes(v) for k, v in outcomes_by_intent.items()},
        needs_staff=(sum(int(row[-1]) for row in r["drafts_total"]),
                     sum(int(row[-1]) for row in r["drafts_total"] if row[1])),
        filtered=dict(_sums(r["filtered"], 0)), abstentions=r["counts"]["abstentions"],
        low_confidence=r["counts"]["low_confidence"],
        gaps=gaps.cluster(r["gaps"], low_confidence=low_confidence, similarity=gap_similarity),
    )
