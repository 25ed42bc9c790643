"""The IMAP source against a real Dovecot and the real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.history.models import Message
from assistant.history.store import Store
from assistant.inbound import parse_inbox
from assistant.inbound.imap import ImapSource
from tests.conftest import IMAP_PASSWORD, IMAP_USER
from tests.services import DovecotServer
from tests.worker import mails
from tests.worker.mails import settings

pytestmark = pytest.mark.integration


def _source(dovecot: DovecotServer, database_url: str, folder: str = "INBOX",
            **extra: str) -> tuple[ImapSource, Any]:
    url = dovecot.url(IMAP_USER, IMAP_PASSWORD, folder)
    s = settings(database_url, inbox=url, **extra)
    return ImapSource(parse_inbox(url), s), s


async def _stored(engine: Any) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(Message.__table__))
                ).scalar_one()


def _folder(dovecot: DovecotServer, folder: str) -> dict[int, Any]:
    client = dovecot.client(IMAP_USER, IMAP_PASSWORD)
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        return client.fetch(uids, ["FLAGS", "BODY.PEEK[]"]) if uids else {}
    finally:
        client.logout()


async def test_mail_is_stored_then_moved_without_being_marked_seen(
        dovecot: DovecotServer, engine: Any, database_url: str) -> None:
    """fetch_once stores every mail, moves it to the processed folder, and never sets \\Seen."""
    dovecot.append(IMAP_USER, IMAP_PASSWORD, [mails.inquiry(i) for i in range(3)])
    source, s = _source(dovecot, database_url)
    store = Store(engine, s)
    assert 3 == await source.fetch_once(store)
    assert 3 == await _stored(engine)
    assert {} == _folder(dovecot, "INBOX")
    moved = _folder(dovecot, "Processed")
    assert 3 == len(moved)
    assert all(b"\\Seen" not in data[b"FLAGS"] for data in moved.values())
    assert 0 == await source.fetch_once(store)
    checkpoint = await store.checkpoint(source.name, "INBOX")
    assert checkpoint.uidvalidity and 3 == checkpoint.last_uid


async def test_idle_picks_up_a_new_mail(dovecot: DovecotServer, engine: Any,
                                        database_url: str) -> None:
    """While the source idles, a mail appended by someone else is stored within seconds."""
    source, s = _source(dovecot, database_url)
    store = Store(engine, s)
    stop = asyncio.Event()
    task = asyncio.create_task(source.run(store, stop))
    try:
        await asyncio.sleep(0.5)
        await asyncio.to_thread(dovecot.append, IMAP_USER, IMAP_PASSWORD, [mails.inquiry(1)])
        for _ in range(100):
            if await _stored(engine) == 1:
                break
            await asyncio.sleep(0.05)
        assert 1 == await _stored(engine)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)


async def test_a_renumbered_folder_is_read_again_without_duplicates(
        dovecot: DovecotServer, engine: Any, database_url: str) -> None:
    """Deleting and recreating the folder gives it a new UIDVALIDITY: the source reads it from
    the start and stores only the mail it has not stored yet."""
    client = dovecot.client(IMAP_USER, IMAP_PASSWORD)
    client.create_folder("Anfragen")
    client.logout()
    dovecot.append(IMAP_USER, IMAP_PASSWORD, [mails.inquiry(1)], folder="Anfragen")
    source, s = _source(dovecot, database_url, folder="Anfragen")
    store = Store(engine, s)
    assert 1 == await source.fetch_once(store)
    before = await store.checkpoint(source.name, "Anfragen")
    client = dovecot.client(IMAP_USER, IMAP_PASSWORD)
    client.delete_folder("Anfragen")
    client.create_folder("Anfragen")
    client.logout()
    # The same mail comes back (e.g. restored from a backup), together with a new one.
    dovecot.append(IMAP_USER, IMAP_PASSWORD, [mails.inquiry(1), mails.inquiry(2)],
                   folder="Anfragen")
    assert 1 == await source.fetch_once(store)
    after = await store.checkpoint(source.name, "Anfragen")
    assert before.uidvalidity != after.uidvalidity
    assert 2 == await _stored(engine)
