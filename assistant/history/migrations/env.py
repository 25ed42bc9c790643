"""Alembic's entry point, configured in code (there is no alembic.ini).

:mod:`assistant.history.schema` passes an open connection in ``config.attributes`` and runs the
migrations in ``versions/`` inside that connection's transaction. The models are given only for
``alembic revision --autogenerate``-style comparisons; the migration scripts never import them.
"""

from __future__ import annotations

from alembic import context

from assistant.history.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    raise RuntimeError("run the migrations with `assistant db upgrade`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite changes most columns only by copying the table ("batch" mode).
    render_as_batch=context.config.attributes.get(
        "render_as_batch", connection.dialect.name == "sqlite"),
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
