"""Times as the store keeps them (UTC) and as staff read them (German, Europe/Berlin)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; the store writes UTC, so say so."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def local(moment: datetime | None) -> str:
    """``24.11.2025, 14:05`` in Berlin time, or a dash."""
    moment = as_utc(moment)
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M") if moment else "–"


def iso(moment: datetime | None) -> str:
    moment = as_utc(moment)
    return moment.isoformat(timespec="seconds") if moment else ""


def waited(since: datetime | None, now: datetime) -> str:
    """How long something has waited, in German words: ``3 Tage``, ``5 Std.``, ``12 Min.``."""
    since = as_utc(since)
    if since is None:
        return "–"
    delta = max(now - since, timedelta(0))
    if delta >= timedelta(days=2):
        return f"{delta.days} Tage"
    hours = int(delta.total_seconds() // 3600)
    if hours >= 1:
        return f"{hours} Std."
    return f"{int(delta.total_seconds() // 60)} Min."
