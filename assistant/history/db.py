"""Database connection: one async engine per process, built from ``ASSISTANT_DATABASE_URL``.

The setting takes plain URLs (``sqlite:///var/assistant.db``,
``postgresql://USER:PASSWORD@HOST:PORT/DB``) and the assistant picks its own async driver
(aiosqlite, asyncpg); driver-qualified URLs (``postgresql+asyncpg://…``) are used as given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Result, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg",
                  "postgres": "postgresql+asyncpg", "postgresql+psycopg2": "postgresql+asyncpg"}


def async_url(url: str) -> URL:
    """The URL with an async driver; relative SQLite paths get their folder created."""
    parsed = make_url(url)
    drivername = _ASYNC_DRIVERS.get(parsed.drivername, parsed.drivername)
    parsed = parsed.set(drivername=drivername)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return parsed


def create_engine(url: str) -> AsyncEngine:
    target = async_url(url)
    if target.get_backend_name() == "sqlite":
        engine = create_async_engine(target, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_async_engine(target, pool_pre_ping=True, pool_size=5, max_overflow=5)


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker:  # type: ignore[type-arg]
    return async_sessionmaker(engine, expire_on_commit=False)


def rowcount(result: Result[Any]) -> int:
    """The number of rows an UPDATE or DELETE matched (``execute`` types its result as the
    general ``Result``; for these statements it is a ``CursorResult``)."""
    return cast(CursorResult[Any], result).rowcount
