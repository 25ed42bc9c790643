"""The sender with a fake transport, on SQLite and PostgreSQL: preparing, retrying, failing,
and never sending a reply twice."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from assistant.history.db import sessionmaker
from assistant.history.models import AuditEntry, Conversation, Draft, Message, OutboxItem
from assistant.history.threads import token_of
from assistant.leases import owner_is_dead
from assistant.logs import redact
from assistant.outbound.sender import Sender, backoff
from tests.outbound.conftest import FakeTransport, approved_draft, parsed
from tests.review.conftest import make_settings


def _sender(engine: Any, url: str, transport: FakeTransport, **extra: str) -> Sender:
    settings = make_settings(url, send_retry_seconds="0", **extra)
    return Sender(settings, sessionmaker(engine), transport)


async def _outbox(engine: Any) -> list[OutboxItem]:
    async with sessionmaker(engine)() as db:
        return list((await db.execute(select(OutboxItem).order_by(OutboxItem.id))).scalars())


async def _actions(engine: Any) -> list[str]:
    async with sessionmaker(engine)() as db:
        return list((await db.execute(select(AuditEntry.action).where(
            AuditEntry.actor == "sender").order_by(AuditEntry.id))).scalars())


async def test_approved_draft_is_sent_once_in_its_thread(engine: Any, database_url: str,
                                                         pipeline: Any) -> None:
    """One delivery; the outgoing message is stored with our Message-ID in the conversation;
    draft sent, conversation answered, audit names the approver."""
    stored = await approved_draft(engine, database_url, pipeline)
    transport = FakeTransport()
    sender = _sender(engine, database_url, transport)
    assert await sender.run_once() == 1
    assert await sender.run_once() == 0
    [item] = await _outbox(engine)
    [raw] = transport.delivered
    msg = parsed(raw)
    assert (item.status, item.attempts, item.message_id) == ("sent", 1, msg["Message-ID"])
    assert msg["In-Reply-To"] == stored.message_id_header
    async with sessionmaker(engine)() as db:
        out = (await db.execute(select(Message).where(Message.direction == "out"))).scalar_one()
        draft = await db.get(Draft, stored.draft_id)
        conversation = await db.get(Conversation, stored.conversation_id)
        sent = (await db.execute(select(AuditEntry).where(
            AuditEntry.action == "reply_sent"))).scalar_one()
    assert (out.message_id, out.conversation_id, out.kind) == (item.message_id,
                                                               stored.conversation_id, "reply")
    assert token_of(out.message_id, "hsm.hessen.de") == conversation.token
    assert (draft.status, conversation.status) == ("sent", "answered")
    assert sent.detail["approvers"] == ["anna"]


async def test_retry_reuses_the_message_id_and_bytes(engine: Any, database_url: str,
                                                     pipeline: Any) -> None:
    """The server is down twice, then up: three attempts, one delivery, the same bytes."""
    await approved_draft(engine, database_url, pipeline)
    transport = FakeTransport(["down", "down", "ok"])
    sender = _sender(engine, database_url, transport)
    for _ in range(3):
        await sender.run_once()
    [item] = await _outbox(engine)
    assert (item.status, item.attempts, transport.calls) == ("sent", 3, 3)
    assert transport.delivered == [item.raw]
    assert await _actions(engine) == ["reply_queued", "reply_retry", "reply_retry", "reply_sent"]


async def test_backoff_waits_before_the_next_attempt(engine: Any, database_url: str,
                                                     pipeline: Any) -> None:
    await approved_draft(engine, database_url, pipeline)
    transport = FakeTransport(["down"])
    sender = Sender(make_settings(database_url, send_retry_seconds="600"), sessionmaker(engine),
                    transport)
    await sender.run_once()
    await sender.run_once()  # not due yet
    [item] = await _outbox(engine)
    assert (item.status, transport.calls) == ("queued", 1)
    assert backoff(30, 1) == 30 and backoff(30, 3) == 120 and backoff(30, 20) == 3600


async def test_permanent_refusal_fails_for_good(engine: Any, database_url: str,
                                                pipeline: Any) -> None:
    stored = await approved_draft(engine, database_url, pipeline)
    transport = FakeTransport(["refused"])
    sender = _sender(engine, database_url, transport)
    await sender.run_once()
    await sender.run_once()
    [item] = await _outbox(engine)
    async with sessionmaker(engine)() as db:
        draft = await db.get(Draft, stored.draft_id)
    assert (item.status, transport.calls, draft.status) == ("failed", 1, "failed")
    assert "550" in (item.last_error or "")


async def test_attempts_run_out(engine: Any, database_url: str, pipeline: Any) -> None:
    await approved_draft(engine, database_url, pipeline)
    transport = FakeTransport(["down"] * 5)
    sender = _sender(engine, database_url, transport, send_attempts="3")
    for _ in range(5):
        await sender.run_once()
    [item] = await _outbox(engine)
    assert (item.status, item.attempts, transport.calls) == ("failed", 3, 3)


async def test_unknown_outcome_is_never_retried(engine: Any, database_url: str,
                                                pipeline: Any) -> None:
    """Connection lost after the data went out: uncertain, and left for staff."""
    await approved_draft(engine, database_url, pipeline)
    transport = FakeTransport(["unknown", "ok"])
    sender = _sender(engine, database_url, transport)
    for _ in range(3):
        await sender.run_once()
    [item] = await _outbox(engine)
    assert (item.status, transport.calls, transport.delivered) == ("uncertain", 1, [])


async def test_a_crashed_attempt_becomes_uncertain_not_resent(engine: Any, database_url: str,
                                                              pipeline: Any) -> None:
    """A reply left in 'sending' (the process died after the server accepted it) is marked
    uncertain once its lease has run out, and is not sent again."""
    await approved_draft(engine, database_url, pipeline)
    first = _sender(engine, database_url, FakeTransport())
    await first.prepare()
    [item] = await _outbox(engine)
    async with engine.begin() as conn:  # what a claim followed by SIGKILL leaves behind
        await conn.execute(update(OutboxItem).where(OutboxItem.id == item.id).values(
            status="sending", attempts=1, lease_owner="elsewhere:1:abc",
            lease_until=first.clock() + timedelta(seconds=300)))
    transport = FakeTransport()
    second = _sender(engine, database_url, transport)
    await second.run_once()
    assert [i.status for i in await _outbox(engine)] == ["sending"]  # the lease still holds
    second.clock = lambda: first.clock() + timedelta(seconds=301)
    await second.run_once()
    assert [i.status for i in await _outbox(engine)] == ["uncertain"]
    assert transport.calls == 0
    assert "reply_uncertain" in await _actions(engine)


async def test_dead_owner_on_this_host_is_recognised_at_once(engine: Any, database_url: str,
                                                             pipeline: Any) -> None:
    import subprocess
    import sys

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    me = Sender(make_settings(database_url), sessionmaker(engine), FakeTransport())
    host = me.owner.partition(":")[0]
    assert owner_is_dead(f"{host}:{finished.stdout.strip()}:abc", me.owner)
    assert not owner_is_dead(f"{host}:1:abc", me.owner)  # alive (or not ours to judge)
    assert not owner_is_dead(f"otherhost:{finished.stdout.strip()}:abc", me.owner)


async def test_two_senders_never_send_the_same_reply(engine: Any, database_url: str,
                                                     pipeline: Any) -> None:
    import asyncio

    for n in range(4):
        await approved_draft(engine, database_url, pipeline)
        del n
    transport = FakeTransport()
    senders = [_sender(engine, database_url, transport) for _ in range(2)]
    await asyncio.gather(*(s.run_once() for s in senders))
    await asyncio.gather(*(s.run_once() for s in senders))
    items = await _outbox(engine)
    assert [i.status for i in items] == ["sent"] * 4
    assert len(transport.delivered) == 4 == len({bytes(d) for d in transport.delivered})


async def test_placeholder_in_an_approved_draft_sends_it_back(engine: Any, database_url: str,
                                                              pipeline: Any) -> None:
    """A draft approved with a gap (not through the review app) returns to the queue."""
    stored = await approved_draft(engine, database_url, pipeline,
                                  text="Guten Tag Frau Weber,\n\n[[BITTE ERGÄNZEN: Frist]]\n")
    transport = FakeTransport()
    await _sender(engine, database_url, transport).run_once()
    async with sessionmaker(engine)() as db:
        draft = await db.get(Draft, stored.draft_id)
    assert (draft.status, transport.calls, await _outbox(engine)) == ("pending", 0, [])


async def test_reply_to_is_honoured_but_never_our_own_address(engine: Any, database_url: str,
                                                              pipeline: Any) -> None:
    from tests.review.world import DURATION, inquiry_mail

    await approved_draft(engine, database_url, pipeline, inquiry_mail(
        DURATION, reply_to="Sekretariat <sekretariat@rosenquell.de>"))
    await approved_draft(engine, database_url, pipeline, inquiry_mail(
        DURATION, sender="Ulla Roth <roth@b.de>", reply_to="landesprogrammWIR@hsm.hessen.de"))
    transport = FakeTransport()
    await _sender(engine, database_url, transport).run_once()
    recipients = sorted(parsed(raw)["To"].addresses[0].addr_spec for raw in transport.delivered)
    assert recipients == ["roth@b.de", "sekretariat@rosenquell.de"]


def test_redact_removes_addresses() -> None:
    """The one redaction of log texts: an address in angle brackets (as SMTP servers quote a
    recipient) becomes "<address>", not "<<address>>"; a bare one too."""
    assert redact("550 <x.y@gemeinde.de>: unknown") == "550 <address>: unknown"
    assert redact("no reply to anna@gemeinde.de.") == "no reply to <address>."


@pytest.mark.parametrize("url", ["smtp://localhost:25", "smtps://u:p%40w@mail.example:465",
                                 "smtp://mail.example:587?starttls=1&verify=0"])
def test_smtp_urls(url: str) -> None:
    from assistant.outbound.smtp import SmtpTarget

    target = SmtpTarget.parse(url)
    assert target.host in ("localhost", "mail.example")
    if url.startswith("smtps"):
        assert (target.use_tls, target.password, target.port) == (True, "p@w", 465)
    if "starttls" in url:
        assert (target.start_tls, target.verify) == (True, False)


@pytest.mark.parametrize("url", ["http://x", "smtp://", "smtps://h?starttls=1"])
def test_bad_smtp_urls(url: str) -> None:
    from assistant.errors import SettingsError
    from assistant.outbound.smtp import SmtpTarget

    with pytest.raises(SettingsError):
        SmtpTarget.parse(url)


def _bounce(original_message_id: str) -> bytes:
    """A delivery status notification (RFC 3464) that returns the headers of our reply."""
    return (
        "From: MAILER-DAEMON@rosenquell.de\r\nTo: landesprogrammWIR@hsm.hessen.de\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <bounce-1@rosenquell.de>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.rosenquell.de"
        "\r\n\r\nFinal-Recipient: rfc822; weg@rosenquell.de\r\nAction: failed\r\n"
        "Status: 5.1.1\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"From: landesprogrammWIR@hsm.hessen.de\r\nMessage-ID: {original_message_id}\r\n"
        "Subject: Re: Frage\r\n\r\n--B--\r\n").encode()


async def test_a_later_bounce_attaches_to_the_conversation(engine: Any, database_url: str,
                                                           pipeline: Any) -> None:
    """The outgoing message is stored with our Message-ID, so the worker attaches a bounce of
    it to the conversation (and to the reply it reports)."""
    from tests.review.world import store_inquiry

    stored = await approved_draft(engine, database_url, pipeline)
    await _sender(engine, database_url, FakeTransport()).run_once()
    [item] = await _outbox(engine)
    bounce = await store_inquiry(engine, make_settings(database_url), pipeline,
                                 _bounce(item.message_id))
    async with sessionmaker(engine)() as db:
        row = await db.get(Message, bounce.message_id)
        out = (await db.execute(select(Message).where(Message.direction == "out"))).scalar_one()
    assert (row.kind, row.conversation_id, row.bounce_of_id) == (
        "bounce", stored.conversation_id, out.id)
