"""SQL expressions that mean the same on SQLite and PostgreSQL, for queries that aggregate in
the database (the reports, the history search).

The store keeps a message's intents as a JSON list in ``understandings.intents``
(``[{"id", "confidence", "evidence"}]``). :func:`intent_columns` unnests that list into one row per
(message, intent) — ``json_each`` on SQLite, ``json_array_elements`` on PostgreSQL — so that
counting by intent is a ``GROUP BY``, not a Python loop over rows. The other helpers hide the
two dialects' date arithmetic: hours between two timestamps, the Monday of a timestamp's week,
and the full-text match of the history search.

Timestamps are stored in UTC (SQLite keeps them as text without the zone); weeks are UTC weeks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    and_,
    cast,
    func,
    literal_column,
    true,
    type_coerce,
)
from sqlalchemy.sql.elements import ColumnElement

from assistant.history.tables import messages, understandings

POSTGRESQL = "postgresql"
# The text search configuration of the full-text search and the indexed expression: the query
# must use exactly this text (literals, not parameters) for PostgreSQL to use the index.
FULLTEXT_CONFIG = "german"
FULLTEXT_DOCUMENT = (f"to_tsvector('{FULLTEXT_CONFIG}'::regconfig, "
                     "coalesce(messages.subject, '') || ' ' || coalesce(messages.new_text, ''))")


@dataclass(frozen=True, slots=True)
class IntentColumns:
    """The intents of ``understandings`` as a table function: put ``element`` in the FROM list
    after ``understandings`` (it refers to that row), then use the columns."""

    element: Any
    intent: ColumnElement[str]
    confidence: ColumnElement[float]
    evidence: ColumnElement[str]


def intent_columns(dialect: str, name: str = "intent_element") -> IntentColumns:
    unnest = func.json_array_elements if dialect == POSTGRESQL else func.json_each
    element = unnest(understandings.c.intents).table_valued(
        "value", joins_implicitly=True).alias(name)
    value = type_coerce(element.c.value, JSON)
    return IntentColumns(element, value["id"].as_string(), value["confidence"].as_float(),
                         value["evidence"].as_string())


def hours_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[Any]:
    """``later - earlier`` in hours, as a floating-point number."""
    if dialect == POSTGRESQL:
        return cast(func.extract("epoch", later - earlier), Float) / literal_column("3600.0")
    return (func.julianday(later) - func.julianday(earlier)) * literal_column("24.0")


def week_start(moment: Any, dialect: str) -> ColumnElement[Any]:
    """The Monday (UTC) of the week of ``moment``: a date on PostgreSQL, ``YYYY-MM-DD`` text on
    SQLite. :func:`as_date` reads both. Constants are literals, not parameters, so that the
    same expression in SELECT and GROUP BY is recognised as the same on PostgreSQL."""
    if dialect == POSTGRESQL:
        return cast(func.date_trunc(literal_column("'week'"),
                                    func.timezone(literal_column("'UTC'"), moment)), Date)
    return func.date(moment, literal_column("'weekday 0'"), literal_column("'-6 days'"))


def as_date(value: Any) -> date:
    """A value of :func:`week_start` as a :class:`datetime.date`."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def fulltext_match(query: str, dialect: str) -> ColumnElement[bool]:
    """Messages whose subject or new text matches ``query`` (the quoted history is left out, so
    that a search does not find every earlier mail of a thread again).

    PostgreSQL: full-text search with German stemming in ``websearch_to_tsquery`` syntax (words,
    "a phrase", -excluded, or), served by the GIN index of migration 0002 — the expression here
    must stay exactly the index's. SQLite: every word as a case-insensitive substring.
    """
    if dialect == POSTGRESQL:
        return literal_column(FULLTEXT_DOCUMENT).op("@@")(
            func.websearch_to_tsquery(literal_column(f"'{FULLTEXT_CONFIG}'::regconfig"), query))
    words = [w for w in query.replace('"', " ").split() if w and not w.startswith("-")]
    document = func.coalesce(messages.c.subject, "") + " " + func.coalesce(messages.c.new_text,
                                                                          "")
    if not words:
        return true()
    return and_(*(document.ilike(f"%{escape_like(w)}%", escape="\\") for w in words))


def escape_like(text: str) -> str:
    """``text`` with the LIKE wildcards escaped (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
