"""The conversation's facts: what the verdict of a follow-up rests on, with their sources.

``understandings.conversation_facts`` holds ``[{"name", "value", "message", "received"}]`` —
population, amount, municipality and state as the conversation knows them after this mail (the
latest statement of each wins), each with the Message-ID of the mail that stated it ("" for the
mail itself). Understandings stored before this revision have an empty list: their verdict used
the mail's own facts.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("understandings") as batch:
        batch.add_column(sa.Column("conversation_facts", sa.JSON(), nullable=False,
                                   server_default=sa.text("'[]'")))


def downgrade() -> None:
    with op.batch_alter_table("understandings") as batch:
        batch.drop_column("conversation_facts")
