"""Question units: each question a mail asks, with the intents found in it (none: unrecognised).

``understandings.questions`` holds ``[{"text", "intents": [ids], "role"}]``, written by the
worker from :attr:`assistant.values.Understanding.questions`; understandings stored before this
revision have an empty list.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("understandings") as batch:
        batch.add_column(sa.Column("questions", sa.JSON(), nullable=False,
                                   server_default=sa.text("'[]'")))


def downgrade() -> None:
    with op.batch_alter_table("understandings") as batch:
        batch.drop_column("questions")
