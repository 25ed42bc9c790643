"""The store's operations on SQLite and PostgreSQL: raw mail in once, claims, one-transaction
records with threading, loops, bounces, the daily draft limit and broken mail."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select, update

from assistant.errors import LeaseLost
from assistant.history.models import (
    AuditEntry,
    Conversation,
    Draft,
    MailboxCheckpoint,
    Message,
    UnderstandingRecord,
)
from assistant.history.store import Claimed, Store
from assistant.history.threads import new_message_id
from assistant.inbound import Checkpoint, Incoming
from assistant.leases import new_owner
from assistant.parse import parse
from assistant.values import Handled, Processed
from tests.core import pipeline
from tests.worker import mails
from tests.worker.mails import settings

MAILBOX, FOLDER = "imap://worker@127.0.0.1:143", "INBOX"


def _store(engine: Any, url: str, owner: str | None = None, **extra: str) -> Store:
    return Store(engine, settings(url, **extra), owner=owner)


def _result(raw: bytes) -> Handled:
    mail = parse(raw)
    return Handled(mail, pipeline().run(Processed(mail)), knowledge_version="test")


async def _count(engine: Any, table: Any, *where: Any) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(table.__table__)
                                   .where(*where))).scalar_one()


async def _ingest_and_record(store: Store, *raws: bytes) -> list[Any]:
    await store.store("test", MAILBOX, FOLDER, [Incoming(r) for r in raws])
    out = []
    for claimed in await store.claim(len(raws)):
        out.append(await store.record(claimed, _result(claimed.raw)))
    return out


async def test_storing_the_same_bytes_twice_keeps_one_row(engine: Any, database_url: str) -> None:
    """The SHA-256 of the raw bytes makes storing idempotent: the second time stores nothing."""
    store = _store(engine, database_url)
    raw = mails.inquiry(1)
    assert 1 == await store.store("test", MAILBOX, FOLDER, [Incoming(raw), Incoming(raw)])
    assert 0 == await store.store("test", MAILBOX, FOLDER, [Incoming(raw)])
    assert 1 == await _count(engine, Message)


async def test_checkpoint_is_written_only_by_the_lease_holder(engine: Any,
                                                               database_url: str) -> None:
    """Mail and checkpoint are committed together, and only by the worker holding the lease."""
    first, second = _store(engine, database_url), _store(engine, database_url)
    assert await first.lease(MAILBOX, FOLDER)
    assert not await second.lease(MAILBOX, FOLDER)
    with pytest.raises(LeaseLost):
        await second.store("imap", MAILBOX, FOLDER, [Incoming(mails.inquiry(1))],
                           Checkpoint(7, 1))
    assert 0 == await _count(engine, Message)
    await first.store("imap", MAILBOX, FOLDER, [Incoming(mails.inquiry(1))], Checkpoint(7, 1))
    assert Checkpoint(7, 1) == await second.checkpoint(MAILBOX, FOLDER)
    await first.release(MAILBOX, FOLDER)
    assert await second.lease(MAILBOX, FOLDER)


async def test_expired_lease_is_taken_over(engine: Any, database_url: str) -> None:
    """A lease not renewed in time passes to the next worker that asks."""
    first, second = _store(engine, database_url), _store(engine, database_url)
    assert await first.lease(MAILBOX, FOLDER)
    async with engine.begin() as conn:
        await conn.execute(update(MailboxCheckpoint.__table__).values(
            lease_until=datetime(2000, 1, 1, tzinfo=UTC)))
    assert await second.lease(MAILBOX, FOLDER)


async def test_leases_of_a_dead_worker_on_this_host_are_freed(engine: Any,
                                                             database_url: str) -> None:
    """A worker killed with SIGKILL leaves leases; its successor on the host frees them at once."""
    host = new_owner().partition(":")[0]
    dead = f"{host}:{2 ** 22 + 12345}:abcdef"  # beyond pid_max: no such process
    ghost = _store(engine, database_url, owner=dead)
    await ghost.store("test", MAILBOX, FOLDER, [Incoming(mails.inquiry(1))])
    assert 1 == len(await ghost.claim())
    assert await ghost.lease(MAILBOX, FOLDER)
    successor = _store(engine, database_url)
    assert [] == await successor.claim()
    assert 1 == await successor.release_dead_leases()
    assert 1 == len(await successor.claim())
    assert await successor.lease(MAILBOX, FOLDER)


async def test_leases_of_a_live_worker_are_kept(engine: Any, database_url: str) -> None:
    """A worker that still runs (here: this test's parent process) keeps its leases."""
    alive = f"{new_owner().partition(':')[0]}:{os.getppid()}:abcdef"
    other = _store(engine, database_url, owner=alive)
    await other.store("test", MAILBOX, FOLDER, [Incoming(mails.inquiry(1))])
    assert 1 == len(await other.claim())
    assert 0 == await _store(engine, database_url).release_dead_leases()


async def test_two_workers_claim_disjoint_messages(engine: Any, database_url: str) -> None:
    """Claims never overlap, count an attempt for the mail taken in hand first (the others when
    they are taken in hand), and a worker may claim its own lease again."""
    first, second = _store(engine, database_url), _store(engine, database_url)
    await first.store("test", MAILBOX, FOLDER, [Incoming(mails.inquiry(i)) for i in range(5)])
    a = await first.claim(3)
    b = await second.claim(3)
    assert 3 == len(a) and 2 == len(b)
    assert set() == {c.id for c in a} & {c.id for c in b}
    assert {1} == {c.attempts for c in a + b}
    assert [2, 1, 1] == [c.attempts for c in await first.claim(3)]


async def test_an_inquiry_is_recorded_in_one_go(engine: Any, database_url: str) -> None:
    """Understanding, draft, conversation and audit are written and the mail marked processed."""
    store = _store(engine, database_url)
    [recorded] = await _ingest_and_record(store, mails.inquiry(1))
    assert "inquiry" == recorded.kind and recorded.draft_id and recorded.conversation_id
    async with engine.connect() as conn:
        message = (await conn.execute(select(Message.__table__))).one()
        draft = (await conn.execute(select(Draft.__table__))).one()
        conversation = (await conn.execute(select(Conversation.__table__))).one()
        actions = set((await conn.execute(select(AuditEntry.__table__.c.action))).scalars())
    assert message.processed_at is not None and message.lease_owner is None
    assert "<inquiry-1@gemeinde1.example.org>" == message.message_id
    assert "kommune1@gemeinde1.example.org" == message.sender_address
    assert "pending" == draft.status and draft.text and draft.blocks
    assert "test" == draft.knowledge_version
    assert ("open", "frage zur kiv-förderung (1)") == (conversation.status,
                                                       conversation.subject_key)
    assert {"mail_processed", "draft_created"} == actions
    assert 1 == await _count(engine, UnderstandingRecord)


async def test_a_message_is_recorded_only_once(engine: Any, database_url: str) -> None:
    """Recording a message that is already processed does nothing and says so (None)."""
    store = _store(engine, database_url)
    await store.store("test", MAILBOX, FOLDER, [Incoming(mails.inquiry(1))])
    [claimed] = await store.claim()
    assert await store.record(claimed, _result(claimed.raw)) is not None
    assert await store.record(claimed, _result(claimed.raw)) is None
    assert 1 == await _count(engine, Draft)


async def test_a_message_taken_over_by_another_worker_is_not_recorded(
        engine: Any, database_url: str) -> None:
    """After its lease expired and another worker claimed the mail, the first one's result is
    dropped."""
    first, second = _store(engine, database_url), _store(engine, database_url)
    await first.store("test", MAILBOX, FOLDER, [Incoming(mails.inquiry(1))])
    [claimed] = await first.claim()
    async with engine.begin() as conn:
        await conn.execute(update(Message.__table__).values(lease_owner=second.owner))
    assert await first.record(claimed, _result(claimed.raw)) is None
    assert 0 == await _count(engine, Draft)


async def test_mail_from_our_own_address_is_a_loop(engine: Any, database_url: str) -> None:
    """A loop is marked processed with kind "loop", gets no conversation and no draft."""
    store = _store(engine, database_url)
    await store.store("test", MAILBOX, FOLDER, [Incoming(mails.from_programme(1))])
    [claimed] = await store.claim()
    recorded = await store.record(claimed, Handled(parse(claimed.raw), loop=True))
    assert ("loop", None) == (recorded.kind, recorded.conversation_id)
    assert 0 == await _count(engine, Conversation)
    assert 1 == await _count(engine, AuditEntry, AuditEntry.__table__.c.action == "loop_ignored")


async def test_reply_joins_the_conversation_it_references(engine: Any, database_url: str) -> None:
    """A thank-you that references the sender's inquiry joins its conversation, without draft."""
    store = _store(engine, database_url)
    [first] = await _ingest_and_record(store, mails.inquiry(1))
    [thanks] = await _ingest_and_record(
        store, mails.acknowledgement(1, "<inquiry-1@gemeinde1.example.org>"))
    assert ("acknowledgement", "references") == (thanks.kind, thanks.thread)
    assert first.conversation_id == thanks.conversation_id
    assert thanks.draft_id is None


async def test_another_senders_reply_gets_its_own_conversation(engine: Any,
                                                               database_url: str) -> None:
    """Two people replying to the same message are never merged into one conversation."""
    store = _store(engine, database_url)
    [first] = await _ingest_and_record(store, mails.inquiry(1))
    [other] = await _ingest_and_record(store, mails.inquiry(
        2, headers="In-Reply-To: <inquiry-1@gemeinde1.example.org>\r\n"))
    assert other.conversation_id != first.conversation_id
    assert "new" == other.thread


@pytest.mark.parametrize(("first", "colleague", "joins"), [
    ("buergermeister@rosenquell.example.org", "hauptamt@rosenquell.example.org", True),
    ("anna.beispiel@gmail.com", "bert.beispiel@gmail.com", False),
])
async def test_a_colleague_at_the_same_organisation_continues_the_conversation(
        engine: Any, database_url: str, first: str, colleague: str, joins: bool) -> None:
    """A clerk who answers for the mayor (same mail domain) continues the mayor's conversation;
    two people at a public mail provider share no organisation."""
    store = _store(engine, database_url)
    [mayor] = await _ingest_and_record(store, mails.inquiry(1, sender=first))
    [clerk] = await _ingest_and_record(store, mails.inquiry(
        2, sender=colleague, headers="In-Reply-To: <inquiry-1@gemeinde1.example.org>\r\n"))
    assert joins == (clerk.conversation_id == mayor.conversation_id)


async def test_our_token_finds_the_conversation(engine: Any, database_url: str) -> None:
    """A reply to one of our Message-IDs finds its conversation by the token in it."""
    store = _store(engine, database_url)
    [first] = await _ingest_and_record(store, mails.inquiry(1))
    async with engine.connect() as conn:
        token = (await conn.execute(select(Conversation.__table__.c.token))).scalar_one()
    ours = new_message_id(token, "hsm.hessen.de")
    [reply] = await _ingest_and_record(store, mails.inquiry(
        1, subject="Noch eine Frage", question="Und wer ist unser Ansprechpartner?",
        headers=f"In-Reply-To: {ours}\r\n"))
    assert (first.conversation_id, "token") == (reply.conversation_id, reply.thread)


@pytest.mark.parametrize(("subject", "days_ago", "joins"), [
    ("AW: Frage zur KIV-Förderung (1)", 3, True),
    ("WG: Re: [EXTERN] frage zur kiv-förderung (1)", 29, True),
    ("AW: Frage zur KIV-Förderung (1)", 31, False),
    ("Eine ganz andere Frage", 1, False),
])
async def test_same_sender_and_subject_within_the_window(
        engine: Any, database_url: str, subject: str, days_ago: int, joins: bool) -> None:
    """Without references, sender and normalized subject join a conversation of the last 30
    days."""
    store = _store(engine, database_url)
    [first] = await _ingest_and_record(store, mails.inquiry(1))
    async with engine.begin() as conn:
        await conn.execute(update(Conversation.__table__).values(
            updated_at=datetime.now(UTC) - timedelta(days=days_ago)))
    [reply] = await _ingest_and_record(store, mails.inquiry(
        1, subject=subject, question="Welche Unterlagen brauchen wir für den Antrag?"))
    assert joins == (reply.conversation_id == first.conversation_id)


async def test_bounce_is_attached_to_the_outgoing_message(engine: Any, database_url: str) -> None:
    """A bounce names our reply in its returned headers: it joins that conversation, points at
    the reply, and flags the conversation for staff; no draft."""
    store = _store(engine, database_url)
    [first] = await _ingest_and_record(store, mails.inquiry(1))
    ours = new_message_id("0123456789abcdef", "hsm.hessen.de")
    async with engine.begin() as conn:
        out = (await conn.execute(insert(Message.__table__).returning(Message.__table__.c.id), {
            "direction": "out", "source": "outbox", "raw_sha256": "0" * 64, "message_id": ours,
            "conversation_id": first.conversation_id, "kind": "reply"})).scalar_one()
        await conn.execute(update(Conversation.__table__).values(status="answered"))
    [recorded] = await _ingest_and_record(store, mails.bounce(1, ours))
    assert ("bounce", first.conversation_id, None) == (recorded.kind, recorded.conversation_id,
                                                       recorded.draft_id)
    async with engine.connect() as conn:
        bounce_of = (await conn.execute(select(Message.__table__.c.bounce_of_id)
                                        .where(Message.__table__.c.id == recorded.message_id)
                                        )).scalar_one()
        conversation = (await conn.execute(select(Conversation.__table__))).one()
    assert out == bounce_of
    assert (True, "open") == (conversation.needs_staff, conversation.status)


async def test_an_auto_reply_without_a_conversation_is_filed_closed(engine: Any,
                                                                    database_url: str) -> None:
    """An automatic reply that refers to nothing we know is kept, in a closed conversation."""
    store = _store(engine, database_url)
    [recorded] = await _ingest_and_record(store, mails.auto_reply(1, "<unknown@x.example>"))
    assert ("auto_reply", None) == (recorded.kind, recorded.draft_id)
    async with engine.connect() as conn:
        status = (await conn.execute(select(Conversation.__table__.c.status))).scalar_one()
    assert "closed" == status


async def test_daily_draft_limit_per_sender(engine: Any, database_url: str) -> None:
    """Beyond the per-sender daily limit an inquiry gets no draft, and staff are asked."""
    store = _store(engine, database_url, drafts_per_sender_per_day="2")
    same = "viel@schreiber.example.org"
    results = await _ingest_and_record(store, *[mails.inquiry(
        i, sender=same, subject=f"Frage {i}") for i in range(3)])
    assert [None, None, "draft_limit"] == [r.note for r in results]
    assert [True, True, False] == [r.draft_id is not None for r in results]
    assert 1 == await _count(engine, AuditEntry,
                             AuditEntry.__table__.c.action == "draft_limit_reached")
    async with engine.connect() as conn:
        flagged = (await conn.execute(select(Conversation.__table__.c.needs_staff).where(
            Conversation.__table__.c.id == results[2].conversation_id))).scalar_one()
    assert flagged


async def test_broken_mail_is_kept_and_flagged_for_staff(engine: Any, database_url: str) -> None:
    """A mail the flow could not handle keeps its raw bytes and opens a conversation for staff
    with the error."""
    store = _store(engine, database_url)
    raw = b"\x00\xff garbage that is not a mail \x00"
    await store.store("test", MAILBOX, FOLDER, [Incoming(raw)])
    [claimed] = await store.claim()
    recorded = await store.record(claimed, Handled(parse(raw), error="ValueError: boom"))
    assert "unparseable" == recorded.kind
    async with engine.connect() as conn:
        message = (await conn.execute(select(Message.__table__))).one()
        conversation = (await conn.execute(select(Conversation.__table__))).one()
    assert (raw, "ValueError: boom") == (message.raw, message.error)
    assert hashlib.sha256(raw).hexdigest() == message.raw_sha256
    assert (True, "ValueError: boom", "open") == (conversation.needs_staff, conversation.error,
                                                   conversation.status)


async def test_strange_values_are_stored(engine: Any, database_url: str) -> None:
    """NUL characters and an overlong subject do not make the record fail (PostgreSQL refuses
    NUL in text)."""
    store = _store(engine, database_url)
    raw = mails.inquiry(1, subject="Frage " + "x" * 1200 + "\x00").replace(
        b"Sehr geehrte", b"Sehr\x00 geehrte")
    [recorded] = await _ingest_and_record(store, raw)
    assert recorded is not None and "inquiry" == recorded.kind


async def test_claim_result_type(engine: Any, database_url: str) -> None:
    """A claim returns the raw bytes as stored, oldest first."""
    store = _store(engine, database_url)
    raws = [mails.inquiry(i) for i in range(3)]
    await store.store("test", MAILBOX, FOLDER, [Incoming(r) for r in raws])
    claimed = await store.claim(10)
    assert raws == [c.raw for c in claimed]
    assert all(isinstance(c, Claimed) for c in claimed)
