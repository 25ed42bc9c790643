"""Fault tests of the worker as a real process against real Dovecot and PostgreSQL: SIGKILL at
random moments, the mail server killed while idling, the database stopped, two workers at once.

Each test ends by counting: mail in the database, drafts, audit entries and the mail left on
the server, so that "nothing lost, nothing twice" is checked, not assumed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import ProgrammingError

from assistant.history.db import create_engine
from assistant.history.models import AuditEntry, Draft, Message
from tests.conftest import IMAP_PASSWORD, IMAP_USER, PG_TEMPLATE
from tests.helpers import ROOT
from tests.services import DovecotServer, PostgresCluster, postgres_binaries
from tests.worker import mails

pytestmark = pytest.mark.integration

KILLS = 10
MAILS = 500


class WorkerProcess:
    """``assistant run`` in its own process group; its log goes to a file."""

    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.log = log
        self.handle = log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant", "run", *args], cwd=ROOT, env=env,
            stdout=self.handle, stderr=self.handle, start_new_session=True)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.handle.close()

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=60)
        self.handle.close()
        return code

    def events(self) -> list[dict[str, Any]]:
        lines = self.log.read_text(errors="replace").splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]


def _env(database_url: str, dovecot: DovecotServer, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({
        "ASSISTANT_DATABASE_URL": database_url,
        "ASSISTANT_INBOX": dovecot.url(IMAP_USER, IMAP_PASSWORD),
        "ASSISTANT_LOG_FORMAT": "json",
        "ASSISTANT_LEASE_SECONDS": "10",
        "ASSISTANT_PROCESS_SECONDS": "5",  # the budget must be shorter than the lease
        "ASSISTANT_RECONNECT_MAX_SECONDS": "1",
        "ASSISTANT_POLL_SECONDS": "5",
        "ASSISTANT_PENDING_POLL_SECONDS": "0.5",
        "ASSISTANT_DRAFTS_PER_SENDER_PER_DAY": "1000",
    })
    env.update({f"ASSISTANT_{k.upper()}": v for k, v in extra.items()})
    return env


async def _counts(database_url: str) -> dict[str, int]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            m = Message.__table__
            total = (await conn.execute(select(func.count()).select_from(m))).scalar_one()
            done = (await conn.execute(select(func.count()).select_from(m)
                                       .where(m.c.processed_at.is_not(None)))).scalar_one()
            inquiries = (await conn.execute(select(func.count()).select_from(m)
                                            .where(m.c.kind == "inquiry"))).scalar_one()
            drafts = (await conn.execute(select(func.count()).select_from(Draft.__table__))
                      ).scalar_one()
            drafted = (await conn.execute(select(func.count(Draft.__table__.c.message_id
                                                            .distinct())))).scalar_one()
            audits = (await conn.execute(
                select(func.count()).select_from(AuditEntry.__table__)
                .where(AuditEntry.__table__.c.action == "mail_processed"))).scalar_one()
            shas = (await conn.execute(select(func.count(m.c.raw_sha256.distinct())))
                    ).scalar_one()
    finally:
        await engine.dispose()
    return {"messages": total, "processed": done, "inquiries": inquiries, "drafts": drafts,
            "drafted_messages": drafted, "audits": audits, "distinct_raw": shas}


async def _wait_for(condition: Callable[[dict[str, int]], bool], database_url: str,
                    timeout: float) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            counts = await _counts(database_url)
        except ProgrammingError:  # the worker has not created the tables yet
            counts = {"processed": 0}
        if condition(counts) or time.monotonic() > deadline:
            return counts
        await asyncio.sleep(0.2)


def _folder_sizes(dovecot: DovecotServer) -> tuple[int, int, int]:
    """(mails in INBOX, mails in Processed, distinct Message-IDs in Processed)."""
    client = dovecot.client(IMAP_USER, IMAP_PASSWORD)
    try:
        inbox = len(client.search(["NOT", "DELETED"])) if client.select_folder(
            "INBOX", readonly=True) else 0
        if not client.folder_exists("Processed"):
            return inbox, 0, 0
        client.select_folder("Processed", readonly=True)
        uids = client.search(["ALL"])
        ids = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
        distinct = {tuple(v.values())[-1] for v in ids.values()}
        return inbox, len(uids), len(distinct)
    finally:
        client.logout()


def _assert_exactly_once(counts: dict[str, int], dovecot: DovecotServer, total: int) -> None:
    expected_inquiries = sum(1 for i in range(total) if i % 7 != 3 and i % 11 != 5)
    assert total == counts["messages"] == counts["processed"] == counts["distinct_raw"]
    assert total == counts["audits"]  # every mail recorded once
    assert expected_inquiries == counts["inquiries"]
    assert counts["inquiries"] == counts["drafts"] == counts["drafted_messages"]
    assert (0, total, total) == _folder_sizes(dovecot)


@pytest.fixture(params=["sqlite", "postgresql"])
def fault_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database for a worker process: a SQLite file, or a database in the session cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'faults.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database(f"faults_{os.getpid()}_{random.randrange(10 ** 9)}",
                                   template=PG_TEMPLATE)


async def test_sigkill_at_random_moments_loses_nothing_and_repeats_nothing(
        dovecot: DovecotServer, fault_db: str, tmp_path: Path) -> None:
    """500 mails; the worker is killed with SIGKILL at random moments at least 10 times and
    started again: exactly 500 stored messages, one draft per inquiry, nothing twice, and
    every mail moved to the processed folder exactly once."""
    dovecot.append(IMAP_USER, IMAP_PASSWORD, mails.mixed(MAILS))
    env = _env(fault_db, dovecot)
    rng = random.Random(20260907)
    log = tmp_path / "worker.log"
    progress = []
    for _ in range(KILLS):
        worker = WorkerProcess(env, log)
        await asyncio.sleep(rng.uniform(0.4, 2.2))
        worker.kill()
        progress.append((await _counts(fault_db))["processed"])
    final = WorkerProcess(env, log, "--once")
    assert 0 == final.process.wait(timeout=180)
    final.handle.close()
    counts = await _counts(fault_db)
    _assert_exactly_once(counts, dovecot, MAILS)
    assert progress[0] < MAILS  # the kills did hit the work, not an idle worker only


async def test_mail_server_killed_while_idling_is_reconnected(
        dovecot: DovecotServer, database_url: str, tmp_path: Path) -> None:
    """Dovecot dies (its whole process group) while the worker idles; mail delivered while it
    was down is picked up after it is back; the log says lost and back."""
    dovecot.append(IMAP_USER, IMAP_PASSWORD, [mails.inquiry(1)])
    worker = WorkerProcess(_env(database_url, dovecot), tmp_path / "worker.log")
    try:
        assert 1 == (await _wait_for(lambda c: c["processed"] == 1, database_url, 30))[
            "processed"]
        await asyncio.sleep(1.0)  # idling now
        dovecot.kill()
        await asyncio.sleep(2.0)
        # An MTA delivers into the Maildir meanwhile (as Dovecot's LDA would).
        new = dovecot.root / "mail" / IMAP_USER / "new"
        (new / "1800000000.M1P1.test").write_bytes(mails.inquiry(2))
        os.chown(new / "1800000000.M1P1.test", dovecot.uid, dovecot.gid)
        dovecot.start()
        counts = await _wait_for(lambda c: c["processed"] == 2, database_url, 30)
        assert 2 == counts["processed"] == counts["drafts"]
    finally:
        assert 0 == worker.stop()
    events = [e["event"] for e in worker.events()]
    assert "mailbox connection lost" in events
    assert "mailbox connection back" in events
    assert "worker stopped" == events[-1]
    assert (0, 2, 2) == _folder_sizes(dovecot)


@pytest.mark.skipif(postgres_binaries() is None, reason="PostgreSQL is not installed")
async def test_database_outage_is_waited_out(dovecot: DovecotServer, tmp_path: Path) -> None:
    """PostgreSQL stops for a while: the worker waits, takes nothing from the mailbox that it
    could not store, and carries on when the database is back."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        url = cluster.create_database("outage")
        dovecot.append(IMAP_USER, IMAP_PASSWORD, mails.mixed(20))
        worker = WorkerProcess(_env(url, dovecot), tmp_path / "worker.log")
        try:
            assert 20 == (await _wait_for(lambda c: c["processed"] == 20, url, 60))["processed"]
            cluster.stop()
            dovecot.append(IMAP_USER, IMAP_PASSWORD, mails.mixed(40)[20:])
            await asyncio.sleep(4.0)
            inbox, processed, _ = _folder_sizes(dovecot)
            assert (20, 20) == (inbox, processed)  # nothing moved that is not stored
            cluster.start()
            counts = await _wait_for(lambda c: c["processed"] == 40, url, 60)
        finally:
            assert 0 == worker.stop()
        _assert_exactly_once(counts, dovecot, 40)
        events = [e["event"] for e in worker.events()]
        assert "database unavailable" in events and "database back" in events
    finally:
        cluster.destroy()


@pytest.mark.skipif(postgres_binaries() is None, reason="PostgreSQL is not installed")
async def test_two_workers_share_one_database_and_inbox_without_duplicates(
        dovecot: DovecotServer, postgres: PostgresCluster, tmp_path: Path) -> None:
    """Two workers against one PostgreSQL database and one IMAP inbox: one fetches at a time,
    both process, and every mail is stored, drafted and moved exactly once."""
    url = postgres.create_database("two_workers", template=PG_TEMPLATE)
    dovecot.append(IMAP_USER, IMAP_PASSWORD, mails.mixed(300))
    env = _env(url, dovecot)
    workers = [WorkerProcess(env, tmp_path / f"worker{i}.log") for i in range(2)]
    try:
        counts = await _wait_for(lambda c: c["processed"] == 300, url, 120)
    finally:
        codes = [w.stop() for w in workers]
    assert [0, 0] == codes
    _assert_exactly_once(counts, dovecot, 300)
    processed = [e["stored_id"] for w in workers for e in w.events() if e["event"] == "mail"]
    assert sorted(set(processed)) == sorted(processed) and 300 == len(processed)
