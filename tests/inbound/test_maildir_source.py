"""The local Maildir source: new mail is stored, then moved to cur/ with a flag, never deleted."""

from __future__ import annotations

import mailbox
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.history.models import Message
from assistant.history.store import Store
from assistant.inbound import Incoming, maildir
from assistant.inbound.maildir import FOLDER, MaildirSource
from tests.worker import mails
from tests.worker.mails import settings


def _deliver(path: Path, *raws: bytes) -> mailbox.Maildir:
    box = mailbox.Maildir(path, create=True)
    for raw in raws:
        box.add(raw)
    return box


async def _stored(engine: Any) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(Message.__table__))
                ).scalar_one()


def _files(path: Path, subdir: str) -> list[str]:
    return sorted(p.name for p in (path / subdir).iterdir() if not p.name.startswith("."))


async def test_new_mail_is_stored_and_moved_to_cur_with_the_seen_flag(
        tmp_path: Path, engine: Any, database_url: str) -> None:
    """Each mail in new/ is stored once, then renamed into cur/ with ":2,S"; nothing deleted."""
    box = tmp_path / "mail"
    _deliver(box, mails.inquiry(1), mails.inquiry(2))
    (box / "new" / ".gitkeep").touch()
    source = MaildirSource(box)
    store = Store(engine, settings(database_url))
    assert 2 == await source.fetch_once(store)
    assert 2 == await _stored(engine)
    assert [] == _files(box, "new")
    cur = _files(box, "cur")
    assert 2 == len(cur) and all(name.endswith(":2,S") for name in cur)
    assert (box / "new" / ".gitkeep").exists()
    assert 0 == await source.fetch_once(store)
    assert cur == _files(box, "cur")


async def test_unread_mail_in_cur_is_taken_and_seen_mail_is_not(
        tmp_path: Path, engine: Any, database_url: str) -> None:
    """A mail a client moved to cur/ unread is new to us; one flagged S is done."""
    box = tmp_path / "mail"
    _deliver(box)
    (box / "cur" / "100.a.host:2,F").write_bytes(mails.inquiry(1))
    (box / "cur" / "101.b.host:2,FS").write_bytes(mails.inquiry(2))
    source = MaildirSource(box)
    assert 1 == await source.fetch_once(Store(engine, settings(database_url)))
    assert ["100.a.host:2,FS", "101.b.host:2,FS"] == _files(box, "cur")


async def test_a_crash_between_commit_and_move_stores_nothing_twice(
        tmp_path: Path, engine: Any, database_url: str) -> None:
    """Mail committed but still in new/ (the worker died before the rename) is only moved."""
    box = tmp_path / "mail"
    raw = mails.inquiry(1)
    _deliver(box, raw)
    store = Store(engine, settings(database_url))
    source = MaildirSource(box)
    await store.store("maildir", source.name, FOLDER, [Incoming(raw)])
    assert 0 == await source.fetch_once(store)
    assert 1 == await _stored(engine)
    assert [] == _files(box, "new")


async def test_only_one_worker_reads_a_maildir_at_a_time(
        tmp_path: Path, engine: Any, database_url: str) -> None:
    """While one worker holds the mailbox's lease, another takes nothing from it."""
    box = tmp_path / "mail"
    _deliver(box, mails.inquiry(1))
    first, second = (Store(engine, settings(database_url)) for _ in range(2))
    source = MaildirSource(box)
    assert await first.lease(source.name, FOLDER)
    assert 0 == await source.fetch_once(second)
    assert 1 == len(_files(box, "new"))


async def test_a_maildir_is_read_in_batches_of_bounded_size(
        tmp_path: Path, engine: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are read and committed in batches of at most BATCH_BYTES (a bigger file alone);
    every mail is stored and moved."""
    small = [mails.inquiry(i, question="Wie lange läuft es?") for i in (1, 3, 4)]
    monkeypatch.setattr(maildir, "BATCH_BYTES", 2 * len(small[0]) + 10)
    path = tmp_path / "mail"
    _deliver(path, *small, mails.inquiry(2, question="x" * 5_000))
    s = settings(database_url, inbox=f"maildir:{path}")
    store = Store(engine, s)
    commits: list[int] = []
    real = store.store

    async def counting(*args: Any, **kwargs: Any) -> int:
        commits.append(len(args[3]))
        return await real(*args, **kwargs)

    monkeypatch.setattr(store, "store", counting)
    assert 4 == await MaildirSource(path).fetch_once(store)
    assert 4 == await _stored(engine) and 4 == len(_files(path, "cur"))
    assert 3 <= len(commits) and all(n <= 2 for n in commits)
