"""The inbound stage: where mail comes from. One setting, ``ASSISTANT_INBOX``, names the source:

    maildir:PATH                             the local Maildir (the embedded default)
    imap://USER:PASSWORD@HOST:PORT/FOLDER    an IMAP folder (imaps:// for TLS, ?starttls=1)
    smtp://HOST:PORT, lmtp://HOST:PORT       a server the mail system delivers to

A source only moves raw bytes: it hands each new mail to a :class:`Sink` (the store, wrapped by
the worker), which commits it before the call returns, and only then marks the mail as taken on
its side (moves it to ``cur/``, to the processed IMAP folder, or answers 250). Parsing and
understanding happen later, from the stored bytes. Sources never import the store.

Errors: :class:`MailboxUnavailable` is "our side failed" (network, server, login) — the source
reconnects with a growing wait. Errors from the sink (the database is down) propagate to the
worker, which waits and starts the source again; nothing was taken from the mailbox meanwhile.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from assistant.settings import unencoded_userinfo

if TYPE_CHECKING:
    from assistant.settings import Settings


@dataclass(frozen=True, slots=True)
class Incoming:
    """One mail as the source got it: its raw bytes and where it was (``"uidvalidity:uid"``)."""

    raw: bytes
    source_ref: str | None = None


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """How far a folder has been read: the IMAP UIDVALIDITY and the last UID stored."""

    uidvalidity: int | None = None
    last_uid: int = 0


class Sink(Protocol):
    """Where a source puts mail. Every method commits before it returns."""

    async def store(self, source: str, mailbox: str, folder: str, mails: Sequence[Incoming],
                    checkpoint: Checkpoint | None = None) -> int:
        """Store the raw mails (a mail already stored is skipped) and, in the same transaction,
        the folder's new checkpoint; returns how many were new. Raises :class:`LeaseLost` when
        a checkpoint is given and this worker no longer holds the folder's lease."""

    async def checkpoint(self, mailbox: str, folder: str) -> Checkpoint: ...

    async def lease(self, mailbox: str, folder: str) -> bool:
        """Take or renew this worker's lease on the folder; False when another worker has it."""

    async def release(self, mailbox: str, folder: str) -> None: ...

    async def polled(self, mailbox: str, folder: str) -> None:
        """Record a successful look at the folder (``assistant status`` shows when)."""


class Source(Protocol):
    """A mailbox. ``name`` is its URL without the password (the checkpoint's key, in logs)."""

    name: str

    async def run(self, sink: Sink, stop: asyncio.Event) -> None:
        """Take in new mail until ``stop`` is set; reconnects by itself."""

    async def fetch_once(self, sink: Sink) -> int:
        """Take in what is there now (``assistant run --once``); returns how many were new."""


@dataclass(frozen=True, slots=True)
class InboxURL:
    scheme: str  # maildir, imap, imaps, smtp, lmtp
    path: str = ""  # maildir folder
    host: str = ""
    port: int = 0
    username: str = ""
    password: str = field(default="", repr=False)  # never in a repr, a log line or an error
    folder: str = "INBOX"
    starttls: bool = False

    @property
    def name(self) -> str:
        """The URL without the password."""
        if self.scheme == "maildir":
            return f"maildir:{self.path}"
        user = f"{self.username}@" if self.username else ""
        return f"{self.scheme}://{user}{self.host}:{self.port}"


_DEFAULT_PORTS = {"imap": 143, "imaps": 993, "smtp": 25, "lmtp": 24}


def parse_inbox(url: str) -> InboxURL:
    """Read the ``ASSISTANT_INBOX`` setting; raises ValueError with a readable reason."""
    if url.startswith("maildir:"):
        path = url.removeprefix("maildir:").removeprefix("//")
        if not path:
            raise ValueError("maildir: needs a folder, e.g. maildir:mailbox")
        return InboxURL("maildir", path=path)
    # No error message below quotes the URL or a part of it: it holds a password.
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValueError("the inbox URL cannot be read (is an IPv6 host in [brackets]?)") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"unknown inbox type {scheme or '(none)'!r}: use maildir:, imap://, "
                         "imaps://, smtp:// or lmtp://")
    if unencoded_userinfo(url, parts.netloc):
        raise ValueError(f"the {scheme}:// URL has an unencoded /, #, ? or @ in its user, password "
                         "or folder: percent-encode them (/ as %2F, # as %23, ? as %3F, @ as %40)")
    if not parts.hostname:
        raise ValueError(f"{scheme}:// needs a host")
    try:
        port = parts.port or _DEFAULT_PORTS[scheme]
    except ValueError:
        raise ValueError("the port in the inbox URL is not a number from 0 to 65535") from None
    query = parse_qs(parts.query)
    starttls = query.get("starttls", ["0"])[0].lower() in {"1", "true", "yes", "on"}
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    if scheme.startswith("imap") and not parts.username:
        raise ValueError(f"{scheme}:// needs a user: {scheme}://USER:PASSWORD@HOST:PORT/FOLDER")
    return InboxURL(scheme, host=parts.hostname, port=port,
                    username=unquote(parts.username or ""),
                    password=unquote(parts.password or ""), folder=folder, starttls=starttls)


def open_source(settings: Settings) -> Source:
    """The source the settings name (imports only the adapter that is needed)."""
    inbox = parse_inbox(settings.inbox)
    if inbox.scheme == "maildir":
        from assistant.inbound.maildir import MaildirSource

        return MaildirSource(inbox.path, poll_seconds=settings.maildir_poll_seconds)
    if inbox.scheme in {"imap", "imaps"}:
        from assistant.inbound.imap import ImapSource

        return ImapSource(inbox, settings)
    from assistant.inbound.smtp import SmtpIntake

    return SmtpIntake(inbox, settings)


class Backoff:
    """Waits that start at ``first`` seconds and double up to ``limit``, with a little jitter."""

    def __init__(self, limit: float, first: float = 1.0) -> None:
        self.first = min(first, limit)
        self.limit = limit
        self.failures = 0

    def next_delay(self) -> float:
        delay = min(self.limit, self.first * 2 ** self.failures)
        self.failures += 1
        return delay * random.uniform(0.8, 1.0)

    def reset(self) -> None:
        self.failures = 0


async def sleep_until_stopped(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep, but wake when ``stop`` is set; True when it was."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=max(seconds, 0))
    except TimeoutError:
        return False
    return True


def chunks(items: Sequence[int], size: int) -> list[list[int]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
