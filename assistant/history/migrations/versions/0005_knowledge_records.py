"""The knowledge in the store: versioned texts of the knowledge tree and the publication counter.

``knowledge_records`` holds every version of every text of ``knowledge/`` and ``intents/``
(``answers/<id>.yaml``, ``intents/model.json``, …) with author, time, comment and status;
``knowledge_state`` the number of the latest publication, which every process polls. The folders
are the seed: ``assistant db upgrade`` (and a worker or web app that finds the store empty)
imports them as publication 1.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knowledge_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("published_by", sa.String(length=100), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("publication", sa.Integer(), nullable=True),
        sa.UniqueConstraint("path", "number", name="uq_knowledge_path_number"),
    )
    op.create_index("ix_knowledge_path_status", "knowledge_records", ["path", "status"])
    op.create_index("ix_knowledge_records_publication", "knowledge_records", ["publication"])
    op.create_table(
        "knowledge_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("publication", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.execute("INSERT INTO knowledge_state (id, publication, changed_at) "
               "VALUES (1, 0, CURRENT_TIMESTAMP)")


def downgrade() -> None:
    op.drop_table("knowledge_state")
    op.drop_index("ix_knowledge_records_publication", table_name="knowledge_records")
    op.drop_index("ix_knowledge_path_status", table_name="knowledge_records")
    op.drop_table("knowledge_records")
