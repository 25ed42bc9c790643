"""Times as staff read them (German, Europe/Berlin), and the days staff and operators may ask
for (reports, search: ``--since``/``--until``, ``?since=``). The store keeps UTC
(:func:`assistant.history.records.as_utc`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from assistant.errors import BadDay
from assistant.history.records import as_utc

BERLIN = ZoneInfo("Europe/Berlin")
# The days a period or search may name. Python's dates end at 9999-12-31, and a period's end is
# the day after its last day; far beyond any stored mail, both ends stay computable.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def day(text: str) -> date:
    """The ISO day ``text`` names, within FIRST_DAY and LAST_DAY, or :class:`BadDay`."""
    try:
        found = date.fromisoformat(text.strip())
    except ValueError:
        raise BadDay(text, "is not a date (YYYY-MM-DD)", out_of_range=False) from None
    if not FIRST_DAY <= found <= LAST_DAY:
        raise BadDay(text, f"is not between {FIRST_DAY} and {LAST_DAY}", out_of_range=True)
    return found


def day_problem(label: str, text: str | None) -> tuple[date | None, str | None]:
    """The day of a form field (empty: None) and, when it is no usable day, what to tell staff
    (German); ``label`` names the field ("Das Anfangsdatum")."""
    if not text:
        return None, None
    try:
        return day(text), None
    except BadDay as bad:
        if bad.out_of_range:
            return None, (f"{label} muss zwischen dem {FIRST_DAY:%d.%m.%Y} und dem "
                          f"{LAST_DAY:%d.%m.%Y} liegen.")
        return None, f"{label} ist kein gültiges Datum."


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
