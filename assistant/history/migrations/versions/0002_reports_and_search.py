"""Reports and search: the reports' read model (``report_inquiries``, ``report_intents``), an
index on ``drafts.updated_at`` (the read model follows changed drafts) and, on PostgreSQL, the
full-text index of the history search.

The read model is filled by ``assistant.reports.index.refresh`` (before each report), so this
migration only creates it. The full-text index is an expression index whose expression must stay
exactly ``assistant.history.portable.FULLTEXT_DOCUMENT``; SQLite has no such index (the search
uses LIKE there).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FULLTEXT_INDEX = "ix_messages_fulltext"
# A copy of assistant.history.portable.FULLTEXT_DOCUMENT at the time of this migration (the
# migrations never import the application).
FULLTEXT_DOCUMENT = ("to_tsvector('german'::regconfig, "
                     "coalesce(subject, '') || ' ' || coalesce(new_text, ''))")


def upgrade() -> None:
    op.create_table(
        "report_inquiries",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=True),
        sa.Column("eligibility", sa.String(length=20), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("abstained", sa.Boolean(), nullable=False),
        sa.Column("best_confidence", sa.Float(), nullable=True),
        sa.Column("out_of_scope", sa.Boolean(), nullable=False),
        sa.Column("intents_asked", sa.String(length=800), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("needs_staff", sa.Boolean(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("draft_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("message_id"),
    )
    op.create_index(op.f("ix_report_inquiries_conversation_id"), "report_inquiries",
                    ["conversation_id"], unique=False)
    op.create_index(op.f("ix_report_inquiries_draft_updated_at"), "report_inquiries",
                    ["draft_updated_at"], unique=False)
    op.create_index(op.f("ix_report_inquiries_processed_at"), "report_inquiries",
                    ["processed_at"], unique=False)
    op.create_index(op.f("ix_report_inquiries_received_at"), "report_inquiries",
                    ["received_at"], unique=False)
    op.create_table(
        "report_intents",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("intent", sa.String(length=50), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("message_id", "intent"),
    )
    op.create_index("ix_report_intents_received_intent", "report_intents",
                    ["received_at", "intent"], unique=False)
    op.create_index("ix_drafts_updated_at", "drafts", ["updated_at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {FULLTEXT_INDEX} ON messages USING gin ({FULLTEXT_DOCUMENT})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {FULLTEXT_INDEX}")
    op.drop_index("ix_drafts_updated_at", table_name="drafts")
    op.drop_index("ix_report_intents_received_intent", table_name="report_intents")
    op.drop_table("report_intents")
    op.drop_index(op.f("ix_report_inquiries_received_at"), table_name="report_inquiries")
    op.drop_index(op.f("ix_report_inquiries_processed_at"), table_name="report_inquiries")
    op.drop_index(op.f("ix_report_inquiries_draft_updated_at"), table_name="report_inquiries")
    op.drop_index(op.f("ix_report_inquiries_conversation_id"), table_name="report_inquiries")
    op.drop_table("report_inquiries")
