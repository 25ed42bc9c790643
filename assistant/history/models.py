"""The store's tables: conversations, messages, understandings, drafts, the outbox, mailbox
checkpoints, staff users and their web sessions, intent suggestions and the audit log.

One inbound mail is one ``messages`` row from the moment it is received (raw bytes kept, unique
by their SHA-256), and is *processed* — understood, drafted, attached to its conversation — in
one later transaction that sets ``processed_at``. That split is what makes the worker exactly-once:
a crash before the first commit leaves the mail on the server, a crash after it leaves an
unprocessed row that the next run picks up, and nothing is ever done twice.

Personal data (addresses, names, bodies, raw bytes) sits in clearly named columns so that the
privacy purge can blank them and keep the counts reports need.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    subject: Mapped[str] = mapped_column(String(500), default="")
    subject_key: Mapped[str] = mapped_column(String(500), default="", index=True)
    sender_address: Mapped[str | None] = mapped_column(String(320), index=True)
    municipality: Mapped[str | None] = mapped_column(String(200))
    district: Mapped[str | None] = mapped_column(String(200))
    # open: waiting for staff; answered: a reply was sent; closed: nothing more to do
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    needs_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(Text)
    assigned_to: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    purged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    messages: Mapped[list[Message]] = relationship(back_populates="conversation",
                                                   order_by="Message.id")


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("direction", "raw_sha256", name="uq_messages_direction_sha"),
        Index("ix_messages_unprocessed", "direction", "processed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"),
                                                        index=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    source: Mapped[str] = mapped_column(String(200), default="")  # mailbox, smtp, chat, web
    source_ref: Mapped[str | None] = mapped_column(String(200))  # e.g. IMAP "uidvalidity:uid"
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    raw_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sender_address: Mapped[str | None] = mapped_column(String(320), index=True)
    sender_name: Mapped[str | None] = mapped_column(String(300))
    recipients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    subject: Mapped[str | None] = mapped_column(String(998))
    date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                  index=True)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # inquiry, acknowledgement, auto_reply, bounce; "unparseable" when processing failed;
    # "loop" for mail from our own addresses; "reply" for our outgoing mail
    kind: Mapped[str | None] = mapped_column(String(20), index=True)
    language: Mapped[str | None] = mapped_column(String(5))
    new_text: Mapped[str | None] = mapped_column(Text)
    quoted_text: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(Text)
    attachments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    problems: Mapped[list[Any]] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    bounce_of_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    # The worker that has claimed this stored mail for processing ("host:pid:random") and until
    # when; another worker takes it over after that (see assistant/history/store.py).
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    conversation: Mapped[Conversation | None] = relationship(back_populates="messages")
    understanding: Mapped[UnderstandingRecord | None] = relationship(back_populates="message",
                                                                     uselist=False)


class UnderstandingRecord(Base):
    __tablename__ = "understandings"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    kind_reason: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(5), default="de")
    intents: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{id, confidence, evidence}]
    abstained: Mapped[bool] = mapped_column(Boolean, default=False)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    register: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    eligibility: Mapped[str | None] = mapped_column(String(20))
    eligibility_basis: Mapped[str | None] = mapped_column(String(20))
    findings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # [{text, intents: [ids], role}]: each question the mail asks (no intents: unrecognised)
    questions: Mapped[list[Any]] = mapped_column(JSON, default=list,
                                                 server_default=text("'[]'"))
    # [{name, value, message, received}]: the conversation's facts after this mail, each with
    # the Message-ID of the mail that stated it ("" for this mail); the verdict used these
    conversation_facts: Mapped[list[Any]] = mapped_column(JSON, default=list,
                                                          server_default=text("'[]'"))
    knowledge_version: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    message: Mapped[Message] = relationship(back_populates="understanding")


class Draft(Base):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    # pending, approved, rejected, sent, failed, answered_elsewhere
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    language: Mapped[str] = mapped_column(String(5), default="de")
    subject: Mapped[str] = mapped_column(String(998), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # as the assistant wrote it
    edited_text: Mapped[str | None] = mapped_column(Text)  # as staff changed it
    blocks: Mapped[list[Any]] = mapped_column(JSON, default=list)
    needs_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    staff_reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    knowledge_version: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    edited_by: Mapped[str | None] = mapped_column(String(100))
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    second_approved_by: Mapped[str | None] = mapped_column(String(100))
    rejected_reason: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Raised by every change staff make; a change is saved only against the revision the
    # person saw, so two reviewers never overwrite each other unnoticed.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class OutboxItem(Base):
    """An approved reply on its way. The Message-ID is fixed before the first attempt."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"), unique=True)
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    recipient: Mapped[str | None] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Which sender process holds the lease ("host:pid:random"), for operators reading the table.
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class MailboxCheckpoint(Base):
    __tablename__ = "mailbox_checkpoints"
    __table_args__ = (UniqueConstraint("mailbox", "folder"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(300))  # the inbox URL without its password
    folder: Mapped[str] = mapped_column(String(300), default="")
    # IMAP UIDs and UIDVALIDITY are unsigned 32-bit numbers: too large for a signed INTEGER.
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_poll_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="reviewer")  # reviewer or admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WebSession(Base):
    """A signed-in browser. The cookie holds the token; only its SHA-256 is stored."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Suggestion(Base):
    """A reviewer's correction, kept as a candidate example for the intent catalogue."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    sentence: Mapped[str] = mapped_column(Text)
    intent: Mapped[str] = mapped_column(String(50))
    created_by: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, accepted, dismissed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # intent_change (the reviewer chose other intents) or block_rewrite (rewrote an answer)
    origin: Mapped[str] = mapped_column(String(20), default="")
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))  # "worker", "sender", "user:NAME", "cli"
    action: Mapped[str] = mapped_column(String(50), index=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"),
                                                        index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id"))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ReportInquiry(Base):
    """The reports' read model: one row per processed inquiry with the figures reports count,
    copied out of ``messages``, ``understandings`` (their JSON parsed once) and ``drafts`` by
    :mod:`assistant.reports.index`, so that a report over years of mail is a few GROUP BYs on a
    narrow table. The draft's fate is copied again whenever the draft changes (its
    ``updated_at``). Holds no personal data; the privacy purge leaves it alone."""

    __tablename__ = "report_inquiries"

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"),
                                            primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    week: Mapped[date] = mapped_column(Date)  # the Monday (UTC) of received_at
    source: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str | None] = mapped_column(String(5))
    eligibility: Mapped[str | None] = mapped_column(String(20))
    population: Mapped[int | None] = mapped_column(Integer)  # stated, else the register's
    abstained: Mapped[bool] = mapped_column(Boolean, default=False)
    best_confidence: Mapped[float | None] = mapped_column(Float)
    out_of_scope: Mapped[bool] = mapped_column(Boolean, default=False)
    # The intent ids it asked, separated by spaces (any order): intents asked together are
    # counted by grouping on this instead of joining report_intents with itself.
    intents_asked: Mapped[str] = mapped_column(String(800), default="")
    # The draft's fate: unchanged, edited, rejected, elsewhere, pending (None: no draft).
    outcome: Mapped[str | None] = mapped_column(String(12))
    needs_staff: Mapped[bool | None] = mapped_column(Boolean)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    draft_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                              index=True)


class ReportIntent(Base):
    """One intent an inquiry asked (the JSON list of ``understandings.intents`` as rows)."""

    __tablename__ = "report_intents"
    __table_args__ = (Index("ix_report_intents_received_intent", "received_at", "intent"),)

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"),
                                            primary_key=True)
    intent: Mapped[str] = mapped_column(String(50), primary_key=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    week: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(12))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# The reports' read model copies a draft's fate again when ``updated_at`` moves (see
# assistant.reports.index); this index finds the recently changed drafts.
Index("ix_drafts_updated_at", Draft.__table__.c.updated_at)


class KnowledgeRecord(Base):
    """One version of one text of the knowledge tree (``answers/funding_amount.yaml``,
    ``intents/model.json``, …; see :mod:`assistant.knowledge.source`).

    Versions of a path are numbered from 1 and never changed: an edit, a restore or an import
    adds one. A version is a ``draft`` until it is published (at once, or by a second admin under
    the four-eyes rule), then ``published`` with the number of the publication it went live
    with; the path's live text is its published version with the highest publication.
    ``text`` None records that an import removed the file. A draft that another version
    replaced before it was published is ``discarded``."""

    __tablename__ = "knowledge_records"
    __table_args__ = (UniqueConstraint("path", "number", name="uq_knowledge_path_number"),
                      Index("ix_knowledge_path_status", "path", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(200))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="draft")
    published_by: Mapped[str | None] = mapped_column(String(100))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    publication: Mapped[int | None] = mapped_column(Integer, index=True)


class KnowledgeState(Base):
    """One row: the number of the knowledge's latest publication. Every process that reads the
    knowledge from the store polls it (one cheap query) and reloads when it moved."""

    __tablename__ = "knowledge_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
