"""Shared fixtures: real servers and fresh databases (a new world per test).

* ``postgres`` — one private PostgreSQL cluster for the session (:class:`PostgresCluster`);
  tests get their own database in it, so they never see each other's rows.
* ``dovecot`` — a private Dovecot per test with the user ``worker``/``secret``
  (:class:`DovecotServer`; ``dovecot.kill()``/``.start()`` for outage tests).
* ``database_url`` — a migrated, empty database, once on SQLite and once on PostgreSQL
  (parametrized: every test that uses it runs against both).
* ``engine`` — an async SQLAlchemy engine on ``database_url``.
* ``environ`` — the settings a test passes to ``assistant.commands.main`` in place of the
  process environment (fixtures fill it in).

The server fixtures skip their tests when the Debian packages are missing.
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.services import DovecotServer, PostgresCluster, dovecot_binary, postgres_binaries

IMAP_USER = "worker"
IMAP_PASSWORD = "secret"
PG_TEMPLATE = "assistant_template"
_numbers = itertools.count(1)


def _migrate(url: str) -> None:
    """Migrate, and import the checkout's knowledge into the store (as `assistant db upgrade`
    does), once for the template that every test's database is copied from."""
    from assistant.history import schema
    from assistant.history.db import create_engine, sessionmaker
    from assistant.history.live_knowledge import seed
    from assistant.settings import Settings

    async def run() -> None:
        engine = create_engine(url)
        try:
            await schema.upgrade(engine)
            await seed(sessionmaker(engine), Settings.load({}))
        finally:
            await engine.dispose()

    asyncio.run(run())


@pytest.fixture
def environ() -> dict[str, str]:
    """The environment the commands read their settings from in this test (empty: defaults)."""
    return {}


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A private PostgreSQL cluster for the whole session, with a migrated template database."""
    if postgres_binaries() is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql)")
    cluster = PostgresCluster()
    try:
        cluster.start()
        _migrate(cluster.create_database(PG_TEMPLATE))
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    """A private Dovecot with the user ``worker`` (password ``secret``), fresh for each test."""
    if dovecot_binary() is None:
        pytest.skip("Dovecot is not installed (Debian package dovecot-imapd)")
    server = DovecotServer()
    server.add_user(IMAP_USER, IMAP_PASSWORD)
    try:
        server.start()
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    _migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database: SQLite in the test's folder, or a new PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "assistant.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database(f"test_{next(_numbers)}", template=PG_TEMPLATE)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator:
    from assistant.history.db import create_engine

    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()
