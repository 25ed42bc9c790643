"""The report as values: a :class:`Period`, the :class:`Report` of its figures and their JSON.

Frozen dataclasses filled by :mod:`assistant.reports.queries` and read by the formats, the
charts and the dashboard. ``Report.as_json`` is the documented shape of
``assistant report --format json``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy.sql.elements import ColumnElement

if TYPE_CHECKING:
    from assistant.rules import Limits

OUTCOMES = ("unchanged", "edited", "rejected", "elsewhere", "pending")
UNKNOWN = "unknown"
# The report's own round steps of population. The programme's limits (knowledge/programme.yaml)
# are added to them, so that no band straddles a limit that decides who may apply.
BAND_STEPS = (5_000, 20_000, 100_000)


@dataclass(frozen=True, slots=True)
class PopulationBands:
    """The bands of the inquiring municipalities' population: (key, lower bound inclusive),
    the first from 0, the last open; keys like ``<5000``, ``5000-9999``, ``>=100000``."""

    bands: tuple[tuple[str, int], ...]

    @classmethod
    def around(cls, limits: Iterable[int]) -> PopulationBands:
        """The round steps and ``limits`` as the bounds between bands."""
        bounds = sorted({*BAND_STEPS, *(int(limit) for limit in limits)} - {0})
        keys = [f"<{bounds[0]}", *(f"{low}-{high - 1}" for low, high in pairwise(bounds)),
                f">={bounds[-1]}"]
        return cls(tuple(zip(keys, [0, *bounds], strict=True)))

    @classmethod
    def for_limits(cls, limits: Limits) -> PopulationBands:
        """Bands that split at the programme's population limits: who may apply, and below
        which size the reply suggests cooperating with neighbours."""
        return cls.around((limits.cooperation_below, limits.population_below))

    @property
    def keys(self) -> tuple[str, ...]:
        """Every band's key in order, then :data:`UNKNOWN` (no population known)."""
        return (*(key for key, _ in self.bands), UNKNOWN)

    def bounds(self, key: str) -> tuple[int, int | None]:
        """(lowest, highest) population of a band; None: no upper end."""
        index = [k for k, _ in self.bands].index(key)
        upper = self.bands[index + 1][1] - 1 if index + 1 < len(self.bands) else None
        return self.bands[index][1], upper


@dataclass(frozen=True, slots=True)
class Period:
    """From ``since`` (inclusive) to ``until`` (exclusive), UTC; None means unbounded."""

    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def days(cls, first: date | None, last: date | None) -> Period:
        """The calendar days ``first`` to ``last``, both included (as ``--since/--until``)."""
        return cls(datetime.combine(first, time(), UTC) if first else None,
                   datetime.combine(last + timedelta(days=1), time(), UTC) if last else None)

    @property
    def first_day(self) -> date | None:
        return self.since.date() if self.since else None

    @property
    def last_day(self) -> date | None:
        return (self.until - timedelta(microseconds=1)).date() if self.until else None

    def as_json(self) -> dict[str, str | None]:
        first, last = self.first_day, self.last_day
        return {"since": first.isoformat() if first else None,
                "until": last.isoformat() if last else None}

    def conditions(self, column: Any) -> list[ColumnElement[bool]]:
        found = []
        if self.since is not None:
            found.append(column >= self.since)
        if self.until is not None:
            found.append(column < self.until)
        return found


@dataclass(frozen=True, slots=True)
class Quantiles:
    """Nearest-rank median and 90th percentile of response times in hours."""

    median: float | None = None
    p90: float | None = None
    count: int = 0

    def as_json(self) -> dict[str, Any]:
        def hours(value: float | None) -> float | None:
            return None if value is None else round(float(value), 1)
        return {"median": hours(self.median), "p90": hours(self.p90), "count": self.count}


@dataclass(frozen=True, slots=True)
class Outcomes:
    """What became of drafts: counts per outcome and shares of the decided ones."""

    counts: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, outcome: str) -> int:
        return self.counts.get(outcome, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def decided(self) -> int:
        return self["unchanged"] + self["edited"] + self["rejected"]

    def share(self, outcome: str) -> float | None:
        return round(self[outcome] / self.decided, 3) if self.decided else None

    def as_json(self) -> dict[str, Any]:
        values: dict[str, Any] = {o: self[o] for o in OUTCOMES}
        values.update({f"{o}_share": self.share(o) for o in ("unchanged", "edited", "rejected")})
        return values


@dataclass(frozen=True, slots=True)
class Gap:
    """A group of similar sentences the knowledge does not answer yet."""

    size: int
    examples: tuple[str, ...]
    intents: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"size": self.size, "examples": list(self.examples), "intents": list(self.intents)}


@dataclass(frozen=True)
class Report:
    period: Period
    generated_at: datetime
    inquiries: int
    conversations: int
    by_intent: dict[str, int]
    by_week: dict[str, int]
    intents_by_week: dict[str, dict[str, int]]
    co_occurring: list[tuple[str, str, int]]
    municipalities: list[tuple[str | None, str | None, int]]
    districts: list[tuple[str | None, int]]
    verdicts: dict[str, int]
    bands: PopulationBands
    population_bands: dict[str, int]
    languages: dict[str, int]
    sources: dict[str, int]
    first_response_hours: Quantiles
    response_hours_by_intent: dict[str, Quantiles]
    drafts: Outcomes
    drafts_by_intent: dict[str, Outcomes]
    needs_staff: tuple[int, int]  # (drafts, of which needing staff)
    filtered: dict[str, int]
    abstentions: int
    low_confidence: int
    gaps: list[Gap] = field(default_factory=list)

    @property
    def needs_staff_share(self) -> float | None:
        total, flagged = self.needs_staff
        return round(flagged / total, 3) if total else None

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period.as_json(),
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "inquiries": self.inquiries,
            "conversations": self.conversations,
            "by_intent": self.by_intent,
            "by_week": self.by_week,
            "intents_by_week": self.intents_by_week,
            "co_occurring": [{"intents": [a, b], "count": n} for a, b, n in self.co_occurring],
            "municipalities": [{"municipality": m, "district": d, "inquiries": n}
                               for m, d, n in self.municipalities],
            "districts": [{"district": d, "inquiries": n} for d, n in self.districts],
            "verdicts": self.verdicts,
            "population_bands": self.population_bands,
            "languages": self.languages,
            "sources": self.sources,
            "first_response_hours": self.first_response_hours.as_json(),
            "response_hours_by_intent": {k: q.as_json()
                                         for k, q in self.response_hours_by_intent.items()},
            "drafts": {"total": self.drafts.as_json(),
                       "by_intent": {k: o.as_json() for k, o in self.drafts_by_intent.items()}},
            "needs_staff": {"drafts": self.needs_staff[0], "needs_staff": self.needs_staff[1],
                            "share": self.needs_staff_share},
            "filtered": self.filtered,
            "abstentions": self.abstentions,
            "low_confidence": self.low_confidence,
            "gaps": [g.as_json() for g in self.gaps],
        }


def iso_week(day: date) -> str:
    """``2026-W07``: the ISO year and week of ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
