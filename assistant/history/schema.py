"""The database schema's version: run the migrations, and check them before the worker starts.

The migrations live in ``migrations/versions/`` inside the package, so an installed wheel can
upgrade its database without a checkout. Alembic is configured in code (no ``alembic.ini``): the
connection is handed to ``migrations/env.py`` through ``Config.attributes``.

A database is in one of four states (:class:`SchemaState`): empty (nothing created yet; the
worker initialises it itself so that a fresh machine needs no extra step), current, behind
(``assistant db upgrade`` is needed and the worker refuses to start) or unknown (tables without a
version, or a version this code does not know, e.g. written by a newer release).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from assistant.errors import SchemaError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Any constant works; it only keeps two processes from migrating one PostgreSQL database at once.
_PG_MIGRATION_LOCK = 0x57495201


class SchemaState(StrEnum):
    EMPTY = "empty"
    CURRENT = "current"
    BEHIND = "behind"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def _status(connection: Connection) -> SchemaStatus:
    head = head_revision()
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        state = SchemaState.UNKNOWN if tables else SchemaState.EMPTY
    elif current == head:
        state = SchemaState.CURRENT
    else:
        script = ScriptDirectory.from_config(_config())
        known = {rev.revision for rev in script.walk_revisions()}
        state = SchemaState.BEHIND if current in known else SchemaState.UNKNOWN
    return SchemaStatus(state, current, head)


def _upgrade(connection: Connection, revision: str) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                           {"key": _PG_MIGRATION_LOCK})
    command.upgrade(_config(connection), revision)


async def status(engine: AsyncEngine) -> SchemaStatus:
    async with engine.connect() as conn:
        return await conn.run_sync(_status)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> SchemaStatus:
    """Run the migrations up to ``revision``; returns the status before."""
    before = await status(engine)
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade, revision)
    return before


async def ensure_current(engine: AsyncEngine, *, initialise_empty: bool = True) -> SchemaStatus:
    """Make sure the schema is the one this code expects, or raise :class:`SchemaError`.

    An empty database is initialised (when ``initialise_empty``); any other mismatch is left
    for an operator, because migrating a production database is a decision, not a side effect.
    """
    found = await status(engine)
    if found.state is SchemaState.CURRENT:
        return found
    if found.state is SchemaState.EMPTY and initialise_empty:
        await upgrade(engine)
        return found
    if found.state is SchemaState.EMPTY:
        raise SchemaError("the database is empty: run `assistant db upgrade`")
    if found.state is SchemaState.BEHIND:
        raise SchemaError(
            f"the database schema is at revision {found.current}, this version of the assistant "
            f"needs {found.head}: run `assistant db upgrade` (back up the database first)")
    if found.current is None:
        raise SchemaError(
            "the database has tables but no schema version (not created by the assistant's "
            "migrations): use an empty database, or run `assistant db upgrade` on a copy")
    raise SchemaError(
        f"the database schema is at revision {found.current}, which this version of the "
        f"assistant does not know (it needs {found.head}): was it upgraded by a newer release?")
