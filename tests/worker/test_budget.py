"""Bounded work per mail in the worker: the flow's child process and its time budget
(``ASSISTANT_PROCESS_SECONDS``), the attempt counter and the poison guard, huge mails; and a real
``assistant run`` stopped by SIGTERM in the middle of a mail that never ends."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from assistant.budget import FlowProcess
from assistant.errors import SettingsError
from assistant.history.models import AuditEntry, Conversation, Draft, Message, utcnow
from assistant.history.store import Store
from assistant.inbound import Incoming
from assistant.values import Handled
from assistant.worker import Worker
from tests.helpers import ROOT
from tests.worker import flows, mails
from tests.worker.flows import flow_process
from tests.worker.mails import settings

m = Message.__table__


@pytest.fixture(scope="module")
def spinning() -> Iterator[FlowProcess]:
    process = flow_process(flows.Spinning, process_seconds="1")
    try:
        yield process
    finally:
        process.close()


@pytest.fixture(scope="module")
def dying() -> Iterator[FlowProcess]:
    process = flow_process(flows.Dying)
    try:
        yield process
    finally:
        process.close()


def _worker(engine: Any, database_url: str, flow: Any, **extra: str) -> Worker:
    s = settings(database_url, **extra)
    return Worker(s, Store(engine, s), None, flow)  # type: ignore[arg-type]


async def _store(worker: Worker, *raws: bytes) -> None:
    await worker.store.store("test", "m", "", [Incoming(raw) for raw in raws])


async def _messages(engine: Any) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(
            select(m.c.id, m.c.kind, m.c.error, m.c.attempts, m.c.processed_at, m.c.lease_owner,
                   m.c.sender_address, m.c.subject, m.c.conversation_id).order_by(m.c.id))).all())


async def _needs_staff(engine: Any, conversation_id: int) -> bool:
    async with engine.connect() as conn:
        return bool((await conn.execute(select(Conversation.__table__.c.needs_staff).where(
            Conversation.__table__.c.id == conversation_id))).scalar_one())


async def _drafted(engine: Any) -> set[int]:
    async with engine.connect() as conn:
        return set((await conn.execute(select(Draft.__table__.c.message_id))).scalars())


async def test_mail_over_the_budget_is_flagged_too_costly_and_the_next_is_processed(
        engine: Any, database_url: str, spinning: FlowProcess) -> None:
    """A mail that keeps the flow busy beyond the budget is stored unparseable, "zu aufwendig",
    flagged for staff (and audited with that reason); the child is replaced and the next mail
    gets its draft."""
    worker = _worker(engine, database_url, spinning)
    await _store(worker, mails.inquiry(1, headers="X-Test: [spin]\r\n"), mails.inquiry(2))
    await spinning.ready()
    started = spinning.started
    assert 2 == await worker.process_pending()
    slow, normal = await _messages(engine)
    assert "unparseable" == slow.kind and slow.error.startswith("zu aufwendig: ")
    assert await _needs_staff(engine, slow.conversation_id)
    assert "inquiry" == normal.kind and {normal.id} == await _drafted(engine)
    assert started + 1 == spinning.started
    async with engine.connect() as conn:
        detail = (await conn.execute(select(AuditEntry.__table__.c.detail).where(
            AuditEntry.__table__.c.action == "processing_failed"))).scalar_one()
    assert {"error": "zu aufwendig"} == detail


async def test_child_that_dies_is_replaced_and_its_mail_flagged(
        engine: Any, database_url: str, dying: FlowProcess) -> None:
    """A child killed in the middle of a mail (a crash, the OOM killer) flags that mail with
    how it ended; a fresh child takes the next mail."""
    worker = _worker(engine, database_url, dying)
    await _store(worker, mails.inquiry(1, headers="X-Test: [die]\r\n"), mails.inquiry(2))
    assert 2 == await worker.process_pending()
    died, normal = await _messages(engine)
    assert died.error.startswith("Verarbeitung abgebrochen: ") and "Signal 9" in died.error
    assert await _needs_staff(engine, died.conversation_id)
    assert "inquiry" == normal.kind


class Hanging:
    """A flow that never answers: the worker dies (is cancelled) in the middle of the mail."""

    def __init__(self) -> None:
        self.started = asyncio.Event()

    async def run(self, raw: bytes, thread: object = None) -> Handled:
        self.started.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    def close(self) -> None:
        pass


async def _die_during_first_mail(engine: Any, database_url: str) -> None:
    """A worker (with its own lease owner) that takes the oldest mail and dies in it; then
    its lease runs out."""
    hanging = Hanging()
    worker = _worker(engine, database_url, hanging)
    task = asyncio.create_task(worker.process_pending())
    await asyncio.wait_for(hanging.started.wait(), 30)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    async with engine.begin() as conn:
        await conn.execute(update(m).values(lease_until=utcnow() - timedelta(hours=1)))


async def test_batch_mates_keep_their_attempts(engine: Any, database_url: str,
                                               flow: FlowProcess) -> None:
    """Workers that die three times in the first mail charge only that mail: it is given up
    after ASSISTANT_PROCESS_ATTEMPTS (2), the mails stored with it get their drafts."""
    worker = _worker(engine, database_url, flow, process_attempts="2")
    await _store(worker, mails.inquiry(1), mails.inquiry(2), mails.inquiry(3))
    for _ in range(3):
        await _die_during_first_mail(engine, database_url)
    assert [3, 0, 0] == [row.attempts for row in await _messages(engine)]
    assert 3 == await worker.process_pending()
    poison, second, third = await _messages(engine)
    assert poison.error.startswith("gave up after 3 attempts")
    assert ("inquiry", "inquiry") == (second.kind, third.kind)
    assert {second.id, third.id} == await _drafted(engine)


class Refusing:
    """A flow that must not be asked: counts the mails it is given."""

    def __init__(self) -> None:
        self.asked = 0

    async def run(self, raw: bytes, thread: object = None) -> Handled:
        self.asked += 1
        return Handled(error="asked")

    def close(self) -> None:
        pass


async def test_the_mail_taken_in_hand_gets_a_fresh_lease(engine: Any, database_url: str,
                                                         flow: FlowProcess) -> None:
    """Claimed with others, a mail's lease is renewed when it is taken in hand (its attempt
    counted), so it outlasts the budget even after the mails before it took long."""
    worker = _worker(engine, database_url, flow, lease_seconds="30")
    await _store(worker, mails.inquiry(1), mails.inquiry(2))
    first, second = await worker.store.claim()
    async with engine.begin() as conn:  # the first mail took long: the batch's lease runs out
        await conn.execute(update(m).values(lease_until=utcnow() + timedelta(seconds=1)))
    result = await worker.understand(first)
    await worker.store.record(first, result, then=second)
    async with engine.connect() as conn:
        until = (await conn.execute(select(m.c.lease_until).where(m.c.id == second.id))
                 ).scalar_one()
    remaining = (until.replace(tzinfo=None) - utcnow().replace(tzinfo=None)).total_seconds()
    assert 25 < remaining <= 30


def test_budget_must_be_shorter_than_the_lease() -> None:
    """A budget as long as the lease would let another worker take the mail meanwhile: the
    worker refuses to start, naming both settings."""
    with pytest.raises(SettingsError, match=r"ASSISTANT_PROCESS_SECONDS .* ASSISTANT_LEASE"):
        Worker(settings("sqlite:///unused.db", process_seconds="60", lease_seconds="60"),
               None, None, Refusing())  # type: ignore[arg-type]


async def test_poison_guard_runs_before_parsing(engine: Any, database_url: str) -> None:
    """A mail that has used up its attempts is flagged for staff without being parsed again:
    parsing may be what killed the worker each time."""
    refusing = Refusing()
    worker = _worker(engine, database_url, refusing, process_attempts="2")
    await _store(worker, mails.inquiry(1))
    for _ in range(2):  # two workers died while processing it
        await worker.store.claim()
    assert 1 == await worker.process_pending()
    [row] = await _messages(engine)
    assert 0 == refusing.asked
    assert ("unparseable", None) == (row.kind, row.sender_address)
    assert row.error.startswith("gave up after 2 attempts")
    assert await _needs_staff(engine, row.conversation_id)


def _single_line(size: int) -> bytes:
    words = ("Wir sind eine Gemeinde mit 12.000 Einwohnern und fragen, ob wir die Förderung "
             "beantragen können? Wie hoch ist der Zuschuss").split()
    line = " ".join(words[i % len(words)] for i in range(size // 6))[:size]
    return mails.inquiry(7, question=line)


async def test_huge_mails_are_stored_and_the_worker_goes_on(
        engine: Any, database_url: str, flow: FlowProcess) -> None:
    """A 5 MB single-line mail and a mail with a 1 MB token are stored as inquiries (their
    text cut, the cut noted), and the next mail gets its draft."""
    worker = _worker(engine, database_url, flow)
    token = mails.inquiry(8, question="Wie hoch ist die Förderung? " + "x" * 1_000_000)
    await _store(worker, _single_line(5_000_000), token, mails.inquiry(9))
    assert 3 == await worker.process_pending()
    line, long_token, normal = await _messages(engine)
    assert ("inquiry", "inquiry", "inquiry") == (line.kind, long_token.kind, normal.kind)
    assert normal.id in await _drafted(engine)


async def test_mail_over_the_size_limit_is_read_as_far_as_its_headers(
        engine: Any, database_url: str) -> None:
    """A mail larger than ASSISTANT_MAX_MESSAGE_BYTES (IMAP and Maildir cannot refuse it) is
    stored whole, its sender and subject read, and flagged for staff "zu groß"."""
    small = flow_process(max_message_bytes="100000")
    try:
        worker = _worker(engine, database_url, small)
        await _store(worker, mails.inquiry(1, question="x" * 200_000))
        assert 1 == await worker.process_pending()
    finally:
        small.close()
    [row] = await _messages(engine)
    assert ("unparseable", mails.sender_of(1)) == (row.kind, row.sender_address)
    assert row.subject.startswith("Frage zur KIV-Förderung") and row.error.startswith("zu groß: ")
    assert await _needs_staff(engine, row.conversation_id)


# -- SIGTERM during a mail that never ends, with a real `assistant run` ------------------------

STOP_BAR_SECONDS = 10


@pytest.mark.integration
def test_sigterm_stops_worker_during_slow_mail(tmp_path: Path) -> None:
    """`assistant run` busy in a mail that never ends (budget 600 s) exits 0 within 10 s of
    SIGTERM, ends its child process and gives the mail back unprocessed, without charging
    it an attempt."""
    box, db, log = tmp_path / "mail", tmp_path / "worker.db", tmp_path / "worker.log"
    import mailbox

    mailbox.Maildir(box, create=True).add(mails.inquiry(1, headers="X-Test: [spin]\r\n"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({"ASSISTANT_INBOX": f"maildir:{box}", "ASSISTANT_DATABASE_URL": f"sqlite:///{db}",
                "ASSISTANT_PROCESS_SECONDS": "600", "ASSISTANT_LEASE_SECONDS": "1200",
                "ASSISTANT_LOG_FORMAT": "json",
                "PYTHONPATH": str(ROOT)})
    with log.open("wb") as out:
        worker = subprocess.Popen([sys.executable, "tests/worker/spinning_run.py"], cwd=ROOT,
                                  env=env, stdout=out, stderr=out, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while not flows.claimed(db) and worker.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(0.5)  # the flow is spinning now
            worker.send_signal(signal.SIGTERM)
            code = worker.wait(timeout=STOP_BAR_SECONDS)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    events = [json.loads(line)["event"] for line in log.read_text().splitlines()
              if line.startswith("{")]
    assert 0 == code, log.read_text()[-3000:]
    assert "stopped during a mail; given back" in events and "worker stopped" in events
    with sqlite3.connect(db) as conn:
        assert [(None, 0, None)] == conn.execute(
            "SELECT processed_at, attempts, lease_owner FROM messages").fetchall()
