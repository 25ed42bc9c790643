"""The IMAP source against a fake client (the ``connect`` seam): the protocol corner cases that a
real server does not produce on demand."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Sequence
from typing import Any

import pytest

from assistant.errors import MailboxUnavailable
from assistant.inbound import Checkpoint, Incoming, imap, parse_inbox
from assistant.inbound.imap import ImapSource
from tests.worker import mails
from tests.worker.mails import settings

URL = "imap://worker:secret@127.0.0.1:1143/INBOX"


class FakeIMAP:
    """Enough of IMAPClient for the source: one folder with UIDs, a processed folder."""

    def __init__(self, messages: dict[int, bytes], uidvalidity: int = 7,
                 capabilities: Sequence[bytes] = (b"IMAP4REV1", b"IDLE", b"MOVE", b"UIDPLUS"),
                 idle_responses: Sequence[Any] = ()) -> None:
        self.messages = dict(messages)
        self.deleted: set[int] = set()
        self.uidvalidity = uidvalidity
        self.caps = tuple(capabilities)
        self.processed: list[bytes] = []
        self.calls: list[tuple[str, Any]] = []
        self.idle_responses = list(idle_responses)
        self.dead = False

    def _log(self, name: str, arg: Any = None) -> None:
        if self.dead:
            raise OSError("connection reset")
        self.calls.append((name, arg))

    def capabilities(self) -> tuple[bytes, ...]:
        self._log("capabilities")
        return self.caps

    def folder_exists(self, folder: str) -> bool:
        self._log("folder_exists", folder)
        return True

    def select_folder(self, folder: str) -> dict[bytes, Any]:
        self._log("select_folder", folder)
        return {b"UIDVALIDITY": self.uidvalidity, b"EXISTS": len(self.messages)}

    def search(self, criteria: list[str]) -> list[int]:
        self._log("search", " ".join(criteria))
        low, _, high = criteria[1].partition(":")
        uids = sorted(self.messages)
        if high == "*":
            found = [u for u in uids if u >= int(low)]
            # RFC 3501: "n:*" always matches the highest UID, even below n.
            return found or uids[-1:]
        found = [u for u in uids if int(low) <= u <= int(high)]
        if "DELETED" in criteria:
            found = [u for u in found if u not in self.deleted]
        return found

    def fetch(self, uids: list[int], parts: list[str]) -> dict[int, dict[bytes, Any]]:
        if ["RFC822.SIZE"] == parts:
            self._log("fetch_size", tuple(uids))
            return {u: {b"RFC822.SIZE": len(self.messages[u])} for u in uids
                    if u in self.messages}
        self._log("fetch", tuple(uids))
        assert ["BODY.PEEK[]"] == parts
        return {u: {b"BODY[]": self.messages[u]} for u in uids if u in self.messages}

    def move(self, uids: list[int], folder: str) -> None:
        self._log("move", tuple(uids))
        for u in uids:
            self.processed.append(self.messages.pop(u))

    def copy(self, uids: list[int], folder: str) -> None:
        self._log("copy", tuple(uids))
        self.processed.extend(self.messages[u] for u in uids)

    def add_flags(self, uids: list[int], flags: list[bytes]) -> None:
        self._log("add_flags", (tuple(uids), tuple(flags)))
        self.deleted.update(uids)

    def uid_expunge(self, uids: list[int]) -> None:
        self._log("uid_expunge", tuple(uids))
        for u in uids:
            self.messages.pop(u)
            self.deleted.discard(u)

    def idle(self) -> None:
        self._log("idle")

    def idle_check(self, timeout: float) -> list[Any]:
        self._log("idle_check", timeout)
        if self.idle_responses:
            return self.idle_responses.pop(0)
        return []  # returns at once: what imapclient does on a closed socket

    def idle_done(self) -> None:
        self._log("idle_done")

    def logout(self) -> None:
        self.calls.append(("logout", None))

    def shutdown(self) -> None:
        self.calls.append(("shutdown", None))


class FakeSink:
    """The store's interface in memory, with the same SHA-256 deduplication."""

    def __init__(self, checkpoint: Checkpoint | None = None) -> None:
        self.stored: dict[str, bytes] = {}
        self.saved = checkpoint or Checkpoint()
        self.fail = False
        self.leased = True

    async def store(self, source: str, mailbox: str, folder: str, mails: Sequence[Incoming],
                    checkpoint: Checkpoint | None = None) -> int:
        if self.fail:
            raise RuntimeError("database down")
        new = 0
        for m in mails:
            sha = hashlib.sha256(m.raw).hexdigest()
            new += sha not in self.stored
            self.stored[sha] = m.raw
        if checkpoint is not None:
            self.saved = checkpoint
        return new

    async def checkpoint(self, mailbox: str, folder: str) -> Checkpoint:
        return self.saved

    async def lease(self, mailbox: str, folder: str) -> bool:
        return self.leased

    async def release(self, mailbox: str, folder: str) -> None:
        pass

    async def polled(self, mailbox: str, folder: str) -> None:
        pass


def _source(client: Any, **extra: str) -> ImapSource:
    """A source on ``client`` as if it had just connected (capabilities known)."""
    source = ImapSource(parse_inbox(URL), settings("sqlite://", inbox=URL, **extra),
                        connect=lambda: client)
    source.capabilities = frozenset(client.caps)
    return source


async def test_the_last_message_returned_by_n_star_is_not_fetched_again() -> None:
    """`UID SEARCH UID n+1:*` answers the last UID when nothing is newer; it is dropped."""
    client = FakeIMAP({5: mails.inquiry(5)})
    sink = FakeSink(Checkpoint(7, 5))
    client.deleted.add(5)  # stored and flagged earlier: not a leftover either
    assert 0 == await _source(client).poll(client, sink)
    assert [] == [c for c in client.calls if c[0] in ("fetch", "move")]
    assert Checkpoint(7, 5) == sink.saved


async def test_new_mail_is_fetched_stored_then_moved() -> None:
    """New UIDs are fetched with BODY.PEEK[], committed with the checkpoint, then moved."""
    client = FakeIMAP({3: mails.inquiry(3), 4: mails.inquiry(4)})
    sink = FakeSink(Checkpoint(7, 2))
    assert 2 == await _source(client).poll(client, sink)
    assert Checkpoint(7, 4) == sink.saved
    names = [c[0] for c in client.calls]
    assert names.index("fetch") < names.index("move")
    assert {} == client.messages and 2 == len(client.processed)


async def test_big_mails_are_fetched_in_parts_of_bounded_size(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """By RFC822.SIZE, a batch is fetched in parts of at most FETCH_BYTES (a bigger mail
    alone), each committed with its checkpoint and then moved; all are stored."""
    small = {uid: mails.inquiry(uid, question="Wie lange läuft es?") for uid in (1, 3, 4)}
    monkeypatch.setattr(imap, "FETCH_BYTES", 2 * len(small[1]) + 10)
    client = FakeIMAP({**small, 2: mails.inquiry(2, question="x" * 5_000)})
    sink = FakeSink()
    assert 4 == await _source(client).poll(client, sink)
    assert [(1,), (2,), (3, 4)] == [c[1] for c in client.calls if c[0] == "fetch"]
    assert [(1,), (2,), (3, 4)] == [c[1] for c in client.calls if c[0] == "move"]
    assert Checkpoint(7, 4) == sink.saved


async def test_nothing_is_moved_when_the_store_fails() -> None:
    """A mail is moved only after its commit: a failing store leaves it in the folder."""
    client = FakeIMAP({1: mails.inquiry(1)})
    sink = FakeSink()
    sink.fail = True
    with pytest.raises(RuntimeError):
        await _source(client).poll(client, sink)
    assert [1] == list(client.messages) and [] == client.processed


async def test_stored_mail_left_in_the_folder_is_moved_on_the_next_poll() -> None:
    """UIDs up to the checkpoint still in the folder (crash before the move) are moved, not
    fetched."""
    client = FakeIMAP({1: mails.inquiry(1), 2: mails.inquiry(2)})
    sink = FakeSink(Checkpoint(7, 2))
    assert 0 == await _source(client).poll(client, sink)
    assert ("move", (1, 2)) in client.calls
    assert not any(c[0] == "fetch" for c in client.calls)


async def test_changed_uidvalidity_rescans_and_deduplicates_by_content(
        caplog: pytest.LogCaptureFixture) -> None:
    """A new UIDVALIDITY reads the folder from UID 1; bytes already stored are not new."""
    known, fresh = mails.inquiry(1), mails.inquiry(2)
    client = FakeIMAP({1: known, 2: fresh}, uidvalidity=99)
    sink = FakeSink(Checkpoint(7, 40))
    sink.stored[hashlib.sha256(known).hexdigest()] = known
    with caplog.at_level(logging.WARNING):
        assert 1 == await _source(client).poll(client, sink)
    assert Checkpoint(99, 2) == sink.saved
    assert "UIDVALIDITY changed" in caplog.text


@pytest.mark.parametrize(("capabilities", "expunged"), [
    ((b"IMAP4REV1", b"UIDPLUS"), True),
    ((b"IMAP4REV1",), False),
])
async def test_without_move_copy_flag_and_expunge_only_our_uids(
        capabilities: tuple[bytes, ...], expunged: bool) -> None:
    """Without MOVE: COPY, \\Deleted and UID EXPUNGE of exactly those UIDs; without UIDPLUS the
    copies stay flagged (a plain EXPUNGE would remove other clients' deleted mail)."""
    client = FakeIMAP({1: mails.inquiry(1)}, capabilities=capabilities)
    source = _source(client)
    await source.poll(client, FakeSink())
    names = [c[0] for c in client.calls]
    assert "move" not in names
    assert ("copy", (1,)) in client.calls
    assert ("add_flags", ((1,), (b"\\Deleted",))) in client.calls
    assert expunged == ("uid_expunge" in names)
    # Flagged copies are not moved again on the next poll.
    client.calls.clear()
    await source.poll(client, FakeSink(Checkpoint(7, 1)))
    assert "copy" not in [c[0] for c in client.calls]


async def test_idle_check_returning_at_once_is_a_broken_link() -> None:
    """idle_check() answering [] long before its timeout means the socket closed."""
    client = FakeIMAP({})
    source = _source(client)
    with pytest.raises(MailboxUnavailable, match="closed while idling"):
        await source.wait(client, FakeSink(), asyncio.Event())
    assert "idle_done" not in [c[0] for c in client.calls]


async def test_idle_wakes_on_exists_and_ends_with_done() -> None:
    """An EXISTS during IDLE ends the wait (DONE sent), so that a full poll follows."""
    client = FakeIMAP({}, idle_responses=[[(b"OK", b"Still here")], [(3, b"EXISTS")]])
    source = _source(client)
    await source.wait(client, FakeSink(), asyncio.Event())
    assert "idle_done" == client.calls[-1][0]


async def test_bye_during_idle_is_a_broken_link() -> None:
    """A BYE from the server (shutdown) during IDLE reconnects."""
    client = FakeIMAP({}, idle_responses=[[(b"BYE", b"Server shutting down.")]])
    source = _source(client)
    with pytest.raises(MailboxUnavailable, match="BYE"):
        await source.wait(client, FakeSink(), asyncio.Event())


async def test_run_reconnects_after_a_broken_link_and_logs_it(
        caplog: pytest.LogCaptureFixture) -> None:
    """A lost connection is logged once, the source reconnects with backoff, and logs when
    the connection is back; mail that arrived meanwhile is fetched."""
    first = FakeIMAP({1: mails.inquiry(1)})
    second = FakeIMAP({2: mails.inquiry(2)})
    clients = [first, second]
    source = ImapSource(parse_inbox(URL), settings("sqlite://", inbox=URL,
                                                   reconnect_max_seconds="0.05"),
                        connect=lambda: clients.pop(0) if clients else second)
    sink, stop = FakeSink(), asyncio.Event()
    with caplog.at_level(logging.INFO):
        task = asyncio.create_task(source.run(sink, stop))
        for _ in range(200):
            if len(sink.stored) == 2:
                break
            await asyncio.sleep(0.01)
        stop.set()
        await asyncio.wait_for(task, 5)
    assert 2 == len(sink.stored)
    assert "mailbox connection lost" in caplog.text
    assert "mailbox connection back" in caplog.text
    assert "secret" not in caplog.text


async def test_failed_connects_back_off() -> None:
    """Connection failures are retried with a growing wait, not in a busy loop."""
    attempts: list[float] = []

    def refuse() -> Any:
        attempts.append(0.0)
        raise ConnectionRefusedError("refused")

    source = ImapSource(parse_inbox(URL), settings("sqlite://", inbox=URL,
                                                   reconnect_max_seconds="0.2"), connect=refuse)
    stop = asyncio.Event()
    task = asyncio.create_task(source.run(FakeSink(), stop))
    await asyncio.sleep(0.5)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert 2 <= len(attempts) <= 6


def test_inbox_urls() -> None:
    """The inbox setting's forms, with percent-encoded user, password and folder."""
    imap = parse_inbox("imaps://a%40b.de:p%3Ass@mail.example.org/Anfragen%20KIV?starttls=0")
    assert ("imaps", "a@b.de", "p:ss", "mail.example.org", 993, "Anfragen KIV") == (
        imap.scheme, imap.username, imap.password, imap.host, imap.port, imap.folder)
    assert "imaps://a@b.de@mail.example.org:993" == imap.name
    assert parse_inbox("imap://u:p@h:1143?starttls=1").starttls
    assert ("lmtp", 24) == (parse_inbox("lmtp://127.0.0.1").scheme,
                            parse_inbox("lmtp://127.0.0.1").port)
    assert "maildir:mailbox" == parse_inbox("maildir:mailbox").name
    for bad in ("pop3://x", "imap://host/INBOX", "maildir:", "smtp://"):
        with pytest.raises(ValueError):
            parse_inbox(bad)
