"""The worker on a local Maildir and the real store (SQLite and PostgreSQL): one pass, the
running loop, broken mail, give-up after repeated crashes, and a clean stop."""

from __future__ import annotations

import asyncio
import logging
import mailbox
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.budget import FlowProcess
from assistant.history.models import AuditEntry, Conversation, Draft, Message
from assistant.history.store import Store
from assistant.inbound import Incoming
from assistant.inbound.maildir import MaildirSource
from assistant.worker import Worker
from tests.worker import flows, mails
from tests.worker.flows import flow_process
from tests.worker.mails import settings


def _worker(engine: Any, database_url: str, box: Path, flow: FlowProcess,
            **extra: str) -> Worker:
    s = settings(database_url, inbox=f"maildir:{box}", **extra)
    return Worker(s, Store(engine, s), MaildirSource(box, poll_seconds=0.1), flow)


def _deliver(box: Path, *raws: bytes) -> None:
    maildir = mailbox.Maildir(box, create=True)
    for raw in raws:
        maildir.add(raw)


async def _scalar(engine: Any, query: Any) -> Any:
    async with engine.connect() as conn:
        return (await conn.execute(query)).scalar_one()


async def _kinds(engine: Any) -> dict[str | None, int]:
    async with engine.connect() as conn:
        rows = await conn.execute(select(Message.__table__.c.kind, func.count())
                                  .group_by(Message.__table__.c.kind))
        return dict(rows.all())


async def test_one_pass_stores_drafts_and_logs_a_line_per_mail(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess,
        caplog: pytest.LogCaptureFixture) -> None:
    """run_once: inquiries get drafts, an automatic reply joins its conversation without one,
    mail from our own address is only logged; one structured log line per mail."""
    box = tmp_path / "mail"
    _deliver(box, mails.inquiry(1), mails.auto_reply(1, "<inquiry-1@gemeinde1.example.org>"),
             mails.inquiry(2), mails.from_programme(1))
    with caplog.at_level(logging.INFO, logger="assistant.worker"):
        summary = await _worker(engine, database_url, box, flow).run_once()
    assert (4, 4, None) == (summary.fetched, summary.processed, summary.mailbox_error)
    assert {"inquiry": 2, "auto_reply": 1, "loop": 1} == await _kinds(engine)
    assert 2 == await _scalar(engine, select(func.count()).select_from(Draft.__table__))
    assert 2 == await _scalar(engine, select(func.count()).select_from(Conversation.__table__))
    lines = [r for r in caplog.records if r.getMessage() == "mail"]
    assert 4 == len(lines)
    first = next(r.fields for r in lines if r.fields["kind"] == "inquiry")
    assert {"message_id", "kind", "intents", "verdict", "ms"} <= set(first)
    assert first["intents"] and first["verdict"] and first["ms"] > 0
    assert all("kommune" not in str(r.fields) for r in lines)  # no addresses in the log


@pytest.fixture(scope="module")
def breaking() -> Iterator[FlowProcess]:
    process = flow_process(flows.Breaking)
    try:
        yield process
    finally:
        process.close()


@pytest.fixture(scope="module")
def pausing() -> Iterator[FlowProcess]:
    process = flow_process(flows.Pausing)
    try:
        yield process
    finally:
        process.close()


async def test_a_mail_that_breaks_the_flow_is_flagged_and_the_worker_goes_on(
        tmp_path: Path, engine: Any, database_url: str, breaking: FlowProcess) -> None:
    """An exception in the flow stores the mail as unparseable with the error; the next mail
    is processed normally."""
    box = tmp_path / "mail"
    _deliver(box, mails.inquiry(1, headers="X-Test: [break]\r\n"), mails.inquiry(2))
    worker = _worker(engine, database_url, box, breaking)
    assert 2 == (await worker.run_once()).processed
    assert {"unparseable": 1, "inquiry": 1} == await _kinds(engine)
    flagged = await _scalar(engine, select(Conversation.__table__.c.needs_staff)
                            .where(Conversation.__table__.c.error ==
                                   "ZeroDivisionError: a bug meets a strange mail"))
    assert flagged


async def test_a_mail_that_keeps_killing_the_worker_is_given_up(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess) -> None:
    """After ASSISTANT_PROCESS_ATTEMPTS claims without a result the mail goes to staff."""
    box = tmp_path / "mail"
    worker = _worker(engine, database_url, box, flow, process_attempts="2")
    await worker.store.store("test", "m", "", [Incoming(mails.inquiry(1))])
    for _ in range(2):  # two workers that died while processing it
        await worker.store.claim()
    assert 1 == await worker.process_pending()
    assert {"unparseable": 1} == await _kinds(engine)
    error = await _scalar(engine, select(Message.__table__.c.error))
    assert error.startswith("gave up after 2 attempts")


async def test_running_worker_picks_up_new_mail_and_stops_cleanly(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess,
        caplog: pytest.LogCaptureFixture) -> None:
    """The loop takes mail delivered while it runs; after stop it releases its leases."""
    box = tmp_path / "mail"
    _deliver(box)
    worker = _worker(engine, database_url, box, flow)
    stop = asyncio.Event()
    with caplog.at_level(logging.INFO):
        task = asyncio.create_task(worker.run(stop))
        await asyncio.sleep(0.3)
        _deliver(box, mails.inquiry(1))
        for _ in range(100):
            if await _scalar(engine, select(func.count()).select_from(Draft.__table__)):
                break
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(task, 10)
    assert 1 == await _scalar(engine, select(func.count()).select_from(Draft.__table__))
    assert "worker stopped" in caplog.text
    leases = await _scalar(engine, select(func.count()).select_from(Message.__table__)
                           .where(Message.__table__.c.lease_owner.is_not(None)))
    assert 0 == leases


async def test_stop_finishes_the_mail_in_hand_and_leaves_the_rest(
        tmp_path: Path, engine: Any, database_url: str, pausing: FlowProcess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop during a mail that finishes within the grace lets that mail be recorded; the
    others stay for the next run, unleased and without an attempt counted."""
    box = tmp_path / "mail"
    worker = _worker(engine, database_url, box, pausing)
    await worker.store.store("test", "m", "", [
        Incoming(mails.inquiry(i, headers="X-Test: [pause]\r\n")) for i in range(3)])
    stop = asyncio.Event()
    real = pausing.run

    async def stopping(raw: bytes, thread: Any = None) -> Any:
        stop.set()  # SIGTERM arrives just as the mail is handed to the flow
        return await real(raw, thread)

    monkeypatch.setattr(pausing, "run", stopping)
    assert 1 == await worker.process_pending(stop)
    assert {"inquiry": 1, None: 2} == await _kinds(engine)
    async with engine.connect() as conn:
        attempts = (await conn.execute(select(Message.__table__.c.attempts)
                                       .order_by(Message.__table__.c.id))).scalars().all()
    assert [1, 0, 0] == attempts
    leased = await _scalar(engine, select(func.count()).select_from(Message.__table__)
                           .where(Message.__table__.c.lease_owner.is_not(None)))
    assert 0 == leased


async def test_audit_has_one_processing_entry_per_mail(tmp_path: Path, engine: Any,
                                                      database_url: str,
                                                      flow: FlowProcess) -> None:
    """Every processed mail leaves exactly one "mail_processed" audit entry."""
    box = tmp_path / "mail"
    _deliver(box, *mails.mixed(12))
    await _worker(engine, database_url, box, flow).run_once()
    assert 12 == await _scalar(engine, select(func.count()).select_from(AuditEntry.__table__)
                               .where(AuditEntry.__table__.c.action == "mail_processed"))


async def test_running_worker_applies_the_retention_rule(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess) -> None:
    """A running worker purges once when a purge is due, and audits it as the worker."""
    box = tmp_path / "mail"
    _deliver(box)
    worker = _worker(engine, database_url, box, flow)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    purges = select(AuditEntry.__table__.c.actor).where(
        AuditEntry.__table__.c.action == "privacy_purge")
    for _ in range(100):
        async with engine.connect() as conn:
            actors = (await conn.execute(purges)).scalars().all()
        if actors:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 10)
    assert ["worker"] == actors
