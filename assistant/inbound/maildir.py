"""The local Maildir: the embedded default source (``maildir:PATH``), no server needed.

New mail is every message in ``new/``, and every message in ``cur/`` without the seen flag (a
mail client may have moved it there unread). It is read and committed in batches of at most 50
files and 50 MB (a larger file alone): a huge mail is stored whole like any other, only its
reading is bounded (``assistant.parse.limits``). After its raw bytes are committed to the store,
the message is renamed into ``cur/`` with the ``S`` flag — never deleted, so the Maildir keeps
everything it ever received. A crash between the commit and the rename stores nothing twice: the
next look finds the same bytes already stored and only renames the file.

Reading uses the standard library's :class:`mailbox.Maildir`. The flags are read from the file
names (``KEY:2,FLAGS``) so that a look at a Maildir with thousands of old mails parses none of
them; files whose names start with a dot (``.gitkeep``) are not mail.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mailbox
import os
from pathlib import Path

from assistant.errors import LeaseLost
from assistant.inbound import Incoming, Sink, sleep_until_stopped

log = logging.getLogger("assistant.inbound")

PROCESSED_FLAG = "S"
FOLDER = ""  # a Maildir source has one folder; the checkpoint key is the path
_BATCH = 50
# At most this much mail read into memory per commit; a larger mail is read alone, whole.
BATCH_BYTES = 50_000_000


class MaildirSource:
    def __init__(self, path: str | os.PathLike[str], poll_seconds: float = 2.0) -> None:
        self.path = Path(path).resolve()
        self.name = f"maildir:{self.path}"
        self.poll_seconds = poll_seconds
        self.maildir = mailbox.Maildir(self.path, factory=None, create=True)
        for subdir in ("tmp", "new", "cur"):  # e.g. a checkout whose empty folders were lost
            (self.path / subdir).mkdir(mode=0o700, exist_ok=True)

    def pending(self) -> list[tuple[str, Path]]:
        """(key, file) of the messages not yet taken in, in the order of their names."""
        colon = self.maildir.colon
        found = []
        for subdir in ("new", "cur"):
            with os.scandir(self.path / subdir) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or not entry.is_file():
                        continue
                    key, _, info = entry.name.partition(colon)
                    flags = info[2:] if info.startswith("2,") else ""
                    if subdir == "new" or PROCESSED_FLAG not in flags:
                        found.append((key, Path(entry.path)))
        return sorted(found)

    def mark(self, key: str, path: Path) -> None:
        """Rename the message into cur/ with the processed flag (never delete it)."""
        colon = self.maildir.colon
        _, _, info = path.name.partition(colon)
        flags = set(info[2:]) if info.startswith("2,") else set()
        target = self.path / "cur" / f"{key}{colon}2,{''.join(sorted(flags | {PROCESSED_FLAG}))}"
        with contextlib.suppress(FileNotFoundError):  # someone else has moved it meanwhile
            os.replace(path, target)

    async def fetch_once(self, sink: Sink) -> int:
        try:
            return await self._fetch(sink)
        finally:
            with contextlib.suppress(Exception):
                await sink.release(self.name, FOLDER)

    async def _fetch(self, sink: Sink) -> int:
        if not await sink.lease(self.name, FOLDER):
            log.info("another worker reads this mailbox", extra={"fields": {"mailbox": self.name}})
            return 0
        pending = await asyncio.to_thread(self.pending)
        stored = 0
        for batch in await asyncio.to_thread(_batches, pending):
            mails, taken = [], []
            for key, path in batch:
                try:
                    mails.append(Incoming(path.read_bytes(), source_ref=key))
                except FileNotFoundError:
                    continue
                taken.append((key, path))
            if not await sink.lease(self.name, FOLDER):
                raise LeaseLost(self.name)
            stored += await sink.store("maildir", self.name, FOLDER, mails)
            for key, path in taken:  # only after the commit
                await asyncio.to_thread(self.mark, key, path)
        await sink.polled(self.name, FOLDER)
        return stored

    async def run(self, sink: Sink, stop: asyncio.Event) -> None:
        try:
            while not stop.is_set():
                try:
                    await self._fetch(sink)
                except LeaseLost:
                    log.warning("another worker has taken over this mailbox",
                                extra={"fields": {"mailbox": self.name}})
                except OSError as exc:
                    log.warning("cannot read the mailbox",
                                extra={"fields": {"mailbox": self.name, "error": str(exc)}})
                if await sleep_until_stopped(stop, self.poll_seconds):
                    break
        finally:
            with contextlib.suppress(Exception):
                await sink.release(self.name, FOLDER)


def _batches(pending: list[tuple[str, Path]]) -> list[list[tuple[str, Path]]]:
    """The pending messages in batches of at most _BATCH files and BATCH_BYTES together, in
    order; a larger file alone."""
    batches: list[list[tuple[str, Path]]] = [[]]
    total = 0
    for item in pending:
        try:
            size = item[1].stat().st_size
        except FileNotFoundError:
            size = 0
        if batches[-1] and (len(batches[-1]) >= _BATCH or total + size > BATCH_BYTES):
            batches.append([])
            total = 0
        batches[-1].append(item)
        total += size
    return [batch for batch in batches if batch]
