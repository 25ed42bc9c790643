"""The migrations: they build exactly the models' schema, and the worker refuses an old one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, text

from assistant.commands import main
from assistant.errors import SchemaError
from assistant.history import schema
from assistant.history.db import create_engine
from assistant.history.models import Base


def _declared(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Compare what the models can declare: expression indexes that a migration creates on
    purpose (e.g. PostgreSQL's full-text index) are not in the models."""
    if type_ == "index" and reflected and compare_to is None:
        return all(isinstance(e, Column) for e in obj.expressions)
    return True


def _differences(connection: Any) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_object": _declared})
    return compare_metadata(context, Base.metadata)


async def test_migrations_build_the_models_schema(engine: Any) -> None:
    """After `db upgrade` the database matches models.py exactly: a column added to a model
    without a migration fails here."""
    async with engine.connect() as conn:
        assert [] == await conn.run_sync(_differences)
    assert schema.SchemaState.CURRENT == (await schema.status(engine)).state


async def test_empty_database_is_initialised_by_the_worker(tmp_path: Path) -> None:
    """A fresh machine needs no extra step: an empty database gets the schema."""
    engine = create_engine(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert schema.SchemaState.EMPTY == (await schema.ensure_current(engine)).state
        assert schema.SchemaState.CURRENT == (await schema.status(engine)).state
    finally:
        await engine.dispose()


async def test_old_schema_is_refused_with_a_clear_message(engine: Any) -> None:
    """A database at an older revision stops the worker with the command that fixes it."""
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = :old"),
                           {"old": "0000_older"})
    with pytest.raises(SchemaError, match="does not know"):
        await schema.ensure_current(engine)


async def test_behind_schema_names_the_upgrade_command(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """When the code has a newer head than the database, the message says `assistant db
    upgrade`."""
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        await schema.upgrade(engine)
        real_head = schema.head_revision()
        monkeypatch.setattr(schema, "head_revision", lambda: "9999_future")
        monkeypatch.setattr(schema.ScriptDirectory, "walk_revisions",
                            lambda self: [type("R", (), {"revision": real_head})()])
        with pytest.raises(SchemaError, match="assistant db upgrade"):
            await schema.ensure_current(engine)
    finally:
        await engine.dispose()


def test_run_on_a_foreign_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           environ: dict[str, str]) -> None:
    """`assistant run --once` on tables without a schema version explains and exits 2."""
    import sqlite3

    path = tmp_path / "foreign.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE something (id INTEGER)")
    environ["ASSISTANT_DATABASE_URL"] = f"sqlite:///{path}"
    environ["ASSISTANT_INBOX"] = f"maildir:{tmp_path / 'mail'}"
    assert 2 == main(["run", "--once"], environ)
    assert "no schema version" in capsys.readouterr().err


def test_db_upgrade_command(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            environ: dict[str, str]) -> None:
    """`assistant db upgrade` creates the schema, and says so; a second run has nothing to do."""
    environ["ASSISTANT_DATABASE_URL"] = f"sqlite:///{tmp_path / 'a.db'}"
    assert 0 == main(["db", "upgrade"], environ)
    assert "Upgraded the database from revision (empty)" in capsys.readouterr().out
    assert 0 == main(["db", "upgrade"], environ)
    assert "up to date" in capsys.readouterr().out
    assert 0 == main(["status", "--format", "json"], environ)
    assert 0 == json.loads(capsys.readouterr().out)["conversations"]


def test_migrations_ship_inside_the_package() -> None:
    """The migration scripts are package data (pyproject.toml), so a wheel can upgrade too."""
    import tomllib

    config = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["assistant.history"]
    assert {"migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"} <= set(patterns)
    assert list((schema.MIGRATIONS / "versions").glob("0001_*.py"))
