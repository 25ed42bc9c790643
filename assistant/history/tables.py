"""The store's tables as SQLAlchemy Core tables, one name each, for the modules that write SQL
expressions rather than ORM queries: the worker's store, threading, search, export, privacy,
the reports' read model and queries. The ORM classes in :mod:`assistant.history.models` are
the one declaration; these are their ``__table__``."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from assistant.history.models import (
    AuditEntry,
    Conversation,
    Draft,
    MailboxCheckpoint,
    Message,
    OutboxItem,
    ReportInquiry,
    ReportIntent,
    Suggestion,
    UnderstandingRecord,
)

conversations = cast(Table, Conversation.__table__)
messages = cast(Table, Message.__table__)
understandings = cast(Table, UnderstandingRecord.__table__)
drafts = cast(Table, Draft.__table__)
outbox = cast(Table, OutboxItem.__table__)
checkpoints = cast(Table, MailboxCheckpoint.__table__)
suggestions = cast(Table, Suggestion.__table__)
audit_log = cast(Table, AuditEntry.__table__)
report_inquiries = cast(Table, ReportInquiry.__table__)
report_intents = cast(Table, ReportIntent.__table__)
