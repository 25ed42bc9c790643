"""An IMAP folder as the source (``imap://`` or ``imaps://``, ``?starttls=1``), via imapclient.

imapclient blocks, so every call runs in a thread (:meth:`ImapSource._call`); this is the only
module that talks IMAP. One full *poll* of the folder:

1. ``SELECT`` the folder and compare its UIDVALIDITY with the checkpoint stored in the database.
   A different UIDVALIDITY means the server renumbered the folder: read it again from UID 1 —
   mail already stored is recognised by the SHA-256 of its bytes, not by its Message-ID.
2. Move away what is stored but still there (a crash hit between commit and move): the UIDs up
   to the checkpoint that are not ``\\Deleted``.
3. ``UID SEARCH UID n+1:*`` — which also returns the last message when nothing is newer, so UIDs
   up to the checkpoint are dropped — and ``FETCH BODY.PEEK[]`` in batches of at most 50 mails
   and 50 MB (by ``RFC822.SIZE``; a larger mail alone) (``\\Seen`` is never touched: staff read
   the same folder). Each batch is committed with the new checkpoint in one
   transaction, and only then moved to the processed folder (``MOVE``, or ``COPY`` + ``\\Deleted``
   + ``UID EXPUNGE`` of exactly those UIDs; without UIDPLUS the copies stay flagged ``\\Deleted``
   rather than expunging anybody else's mail).

Between polls the source IDLEs when the server offers it, re-issued every
``min(idle_seconds, poll_seconds)`` with a full poll each time and after every wake-up; without
IDLE it polls every ``poll_seconds``. ``idle_check()`` returning nothing *before* its timeout means
the socket was closed (imapclient swallows the EOF): that is a lost connection, not a quiet one.
Any error reconnects with exponential backoff; one line is logged when the connection is lost
and one when it is back. Only the worker holding the folder's lease (renewed while it waits)
fetches; the others stand by.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.errors import LeaseLost, MailboxUnavailable
from assistant.inbound import (
    Backoff,
    Checkpoint,
    InboxURL,
    Incoming,
    Sink,
    chunks,
    sleep_until_stopped,
)

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from assistant.settings import Settings

log = logging.getLogger("assistant.inbound")

FETCH_BATCH = 50
# At most this much mail in memory per FETCH (by RFC822.SIZE); a larger mail is fetched alone,
# whole: it is stored raw like any other, and only its reading is bounded (assistant.parse).
FETCH_BYTES = 50_000_000
IDLE_CHECK_SECONDS = 1.0  # how often the idle loop looks at the stop flag and the lease
DELETED = b"\\Deleted"



def connect(inbox: InboxURL, timeout: float) -> IMAPClient:
    """A logged-in imapclient connection (TLS, or STARTTLS when the URL asks for it); blocking,
    so callers run it in a thread. Also used for the copy of sent replies."""
    from imapclient import IMAPClient, SocketTimeout

    client = IMAPClient(inbox.host, port=inbox.port, ssl=inbox.scheme == "imaps",
                        ssl_context=ssl.create_default_context(),
                        timeout=SocketTimeout(connect=timeout, read=timeout))
    try:
        if inbox.starttls:
            client.starttls(ssl.create_default_context())
        client.login(inbox.username, inbox.password)
    except BaseException:
        with contextlib.suppress(Exception):
            client.shutdown()
        raise
    return client

class ImapSource:
    def __init__(self, inbox: InboxURL, settings: Settings,
                 connect: Callable[[], IMAPClient] | None = None) -> None:
        self.inbox = inbox
        self.name = inbox.name
        self.folder = inbox.folder
        self.processed = settings.processed_folder
        if self.processed == self.folder:
            raise ValueError("ASSISTANT_PROCESSED_FOLDER must differ from the inbox folder")
        self.timeout = settings.mailbox_timeout_seconds
        self.wait_seconds = max(1.0, min(settings.idle_seconds, settings.poll_seconds, 600.0))
        self.lease_renew = max(0.5, settings.lease_seconds / 3)
        self.reconnect_max = settings.reconnect_max_seconds
        self._connect = connect or self._connect_imapclient
        self.capabilities: frozenset[bytes] = frozenset()

    # -- the seam: everything below talks to ``client`` only through _call -----------------

    def _connect_imapclient(self) -> IMAPClient:
        return connect(self.inbox, self.timeout)

    async def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return await asyncio.to_thread(fn, *args)
        except (OSError, EOFError) as exc:  # socket errors, timeouts, TLS errors
            raise MailboxUnavailable(f"{exc.__class__.__name__}: {exc}") from exc
        except Exception as exc:
            from imapclient.exceptions import IMAPClientError

            if isinstance(exc, IMAPClientError):
                raise MailboxUnavailable(f"{exc.__class__.__name__}: {exc}") from exc
            raise

    async def _open(self) -> Any:
        client = await self._call(self._connect)
        try:
            self.capabilities = frozenset(await self._call(client.capabilities))
            if not await self._call(client.folder_exists, self.processed):
                await self._call(client.create_folder, self.processed)
            await self._call(client.select_folder, self.folder)
        except BaseException:
            await self._close(client, polite=False)
            raise
        return client

    async def _close(self, client: Any, polite: bool = True) -> None:
        with contextlib.suppress(Exception):
            if polite:
                await asyncio.wait_for(asyncio.to_thread(client.logout), timeout=5)
                return
        with contextlib.suppress(Exception):
            await asyncio.to_thread(client.shutdown)

    # -- one full poll ---------------------------------------------------------------------

    async def poll(self, client: Any, sink: Sink) -> int:
        info = await self._call(client.select_folder, self.folder)
        uidvalidity = int(info[b"UIDVALIDITY"])
        checkpoint = await sink.checkpoint(self.name, self.folder)
        last = checkpoint.last_uid if checkpoint.uidvalidity == uidvalidity else 0
        if checkpoint.uidvalidity is not None and checkpoint.uidvalidity != uidvalidity:
            log.warning("UIDVALIDITY changed: reading the whole folder again",
                        extra={"fields": {"mailbox": self.name, "folder": self.folder,
                                          "old": checkpoint.uidvalidity, "new": uidvalidity}})
        if last > 0:
            left = await self._call(client.search, ["UID", f"1:{last}", "NOT", "DELETED"])
            if left:
                await self._move(client, sorted(left))
        found = await self._call(client.search, ["UID", f"{last + 1}:*"])
        uids = sorted(uid for uid in found if uid > last)  # `n:*` includes the last one
        stored = 0
        for batch in chunks(uids, FETCH_BATCH):
            for part in await self._by_size(client, batch):
                data = await self._call(client.fetch, part, ["BODY.PEEK[]"])
                mails = [Incoming(bytes(data[uid][b"BODY[]"]), f"{uidvalidity}:{uid}")
                         for uid in part if b"BODY[]" in data.get(uid, {})]
                stored += await sink.store("imap", self.name, self.folder, mails,
                                           Checkpoint(uidvalidity, max(part)))
                await self._move(client, part)  # only after the commit
        if not uids:
            await sink.store("imap", self.name, self.folder, [], Checkpoint(uidvalidity, last))
        return stored

    async def _by_size(self, client: Any, uids: list[int]) -> list[list[int]]:
        """``uids`` in fetches of at most FETCH_BYTES together, in order; a larger mail alone."""
        if len(uids) < 2:
            return [uids]
        sizes = await self._call(client.fetch, uids, ["RFC822.SIZE"])
        parts: list[list[int]] = [[]]
        total = 0
        for uid in uids:
            size = int(sizes.get(uid, {}).get(b"RFC822.SIZE", 0))
            if parts[-1] and total + size > FETCH_BYTES:
                parts.append([])
                total = 0
            parts[-1].append(uid)
            total += size
        return parts

    async def _move(self, client: Any, uids: Sequence[int]) -> None:
        if b"MOVE" in self.capabilities:
            await self._call(client.move, uids, self.processed)
            return
        await self._call(client.copy, uids, self.processed)
        await self._call(client.add_flags, uids, [DELETED])
        if b"UIDPLUS" in self.capabilities:
            await self._call(client.uid_expunge, uids)

    # -- waiting for news ------------------------------------------------------------------

    async def wait(self, client: Any, sink: Sink, stop: asyncio.Event) -> None:
        """Until news (IDLE), the next full poll, or ``stop``; renews the lease meanwhile."""
        deadline = time.monotonic() + self.wait_seconds
        renew_at = time.monotonic() + self.lease_renew
        idle = b"IDLE" in self.capabilities
        if idle:
            await self._call(client.idle)
        try:
            while not stop.is_set():
                now = time.monotonic()
                if now >= deadline:
                    break
                chunk = min(IDLE_CHECK_SECONDS, deadline - now)
                if idle:
                    started = time.monotonic()
                    responses = await self._call(client.idle_check, chunk)
                    if _news(responses):
                        break
                    if not responses and time.monotonic() - started < chunk / 2:
                        raise MailboxUnavailable("connection closed while idling")
                elif await sleep_until_stopped(stop, chunk):
                    break
                if time.monotonic() >= renew_at:
                    if not await sink.lease(self.name, self.folder):
                        raise LeaseLost(self.name)
                    renew_at = time.monotonic() + self.lease_renew
        except MailboxUnavailable:
            idle = False  # the connection is gone: no DONE
            raise
        finally:
            if idle:
                await self._call(client.idle_done)

    # -- the loops ---------------------------------------------------------------------------

    async def fetch_once(self, sink: Sink) -> int:
        if not await sink.lease(self.name, self.folder):
            log.info("another worker fetches from this folder",
                     extra={"fields": {"mailbox": self.name, "folder": self.folder}})
            return 0
        try:
            client = await self._open()
            try:
                return await self.poll(client, sink)
            finally:
                await self._close(client)
        finally:
            with contextlib.suppress(Exception):
                await sink.release(self.name, self.folder)

    async def run(self, sink: Sink, stop: asyncio.Event) -> None:
        backoff = Backoff(self.reconnect_max)
        lost_since: float | None = None
        standing_by = False
        try:
            while not stop.is_set():
                if not await sink.lease(self.name, self.folder):
                    if not standing_by:
                        log.info("another worker fetches from this folder; standing by",
                                 extra={"fields": {"mailbox": self.name, "folder": self.folder}})
                        standing_by = True
                    await sleep_until_stopped(stop, self.lease_renew)
                    continue
                standing_by = False
                try:
                    client = await self._open()
                except MailboxUnavailable as exc:
                    lost_since = lost_since or time.monotonic()
                    delay = backoff.next_delay()
                    log.warning("mailbox connection failed", extra={"fields": {
                        "mailbox": self.name, "error": str(exc), "attempt": backoff.failures,
                        "retry_in_s": round(delay, 1)}})
                    await sleep_until_stopped(stop, delay)
                    continue
                if lost_since is not None:
                    log.info("mailbox connection back", extra={"fields": {
                        "mailbox": self.name,
                        "down_s": round(time.monotonic() - lost_since, 1)}})
                    lost_since = None
                backoff.reset()
                try:
                    while not stop.is_set():
                        await self.poll(client, sink)
                        await self.wait(client, sink, stop)
                except MailboxUnavailable as exc:
                    lost_since = time.monotonic()
                    delay = backoff.next_delay()
                    log.warning("mailbox connection lost", extra={"fields": {
                        "mailbox": self.name, "error": str(exc), "retry_in_s": round(delay, 1)}})
                    await self._close(client, polite=False)
                    await sleep_until_stopped(stop, delay)
                    continue
                except LeaseLost:
                    log.warning("another worker has taken over this folder",
                                extra={"fields": {"mailbox": self.name, "folder": self.folder}})
                except BaseException:
                    await self._close(client, polite=False)
                    raise
                await self._close(client)
        finally:
            with contextlib.suppress(Exception):
                await sink.release(self.name, self.folder)


def _news(responses: Sequence[tuple[Any, ...]]) -> bool:
    """True for new mail; a BYE means the server is going away."""
    for response in responses:
        if response and response[0] == b"BYE":
            raise MailboxUnavailable("the server closed the connection (BYE)")
        if len(response) > 1 and response[1] in (b"EXISTS", b"RECENT"):
            return True
    return False

