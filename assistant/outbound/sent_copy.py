"""A copy of each sent reply in an IMAP "Sent" folder, so staff see it in their mail client.

``ASSISTANT_SENT_FOLDER`` names the folder on the inbox's IMAP server (``Sent``), or is a whole
``imap[s]://USER:PASSWORD@HOST:PORT/FOLDER`` URL of its own. imapclient is blocking, so its
calls run in a thread. The copy is made after the reply is recorded as sent; when it fails, the
reply still counts as sent and the failure is logged and audited (a copy is a convenience, a
second delivery would be a mistake).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Protocol

from assistant.errors import SettingsError
from assistant.inbound import InboxURL, parse_inbox
from assistant.inbound.imap import connect
from assistant.settings import Settings


class SentCopy(Protocol):
    async def append(self, raw: bytes) -> None: ...


class ImapSentCopy:
    def __init__(self, target: InboxURL, folder: str, *, timeout: float = 30.0) -> None:
        self.target = target
        self.folder = folder
        self.timeout = timeout

    async def append(self, raw: bytes) -> None:
        await asyncio.to_thread(self._append, raw)

    def _append(self, raw: bytes) -> None:
        from imapclient.imapclient import SEEN

        client = connect(self.target, self.timeout)
        try:
            if not client.folder_exists(self.folder):
                client.create_folder(self.folder)
            client.append(self.folder, raw, flags=[SEEN])
            client.logout()
        finally:
            with contextlib.suppress(Exception):
                client.shutdown()


def from_settings(settings: Settings) -> SentCopy | None:
    """The configured Sent folder, or None."""
    folder = settings.sent_folder.strip()
    if not folder:
        return None
    if "://" in folder:
        try:
            target = parse_inbox(folder)
        except ValueError as exc:
            raise SettingsError(f"ASSISTANT_SENT_FOLDER: {exc}") from exc
        if not target.scheme.startswith("imap"):
            raise SettingsError("ASSISTANT_SENT_FOLDER must be a folder name or an imap:// URL")
        return ImapSentCopy(target, target.folder)
    try:
        inbox = parse_inbox(settings.inbox)
    except ValueError as exc:
        raise SettingsError(f"ASSISTANT_INBOX: {exc}") from exc
    if not inbox.scheme.startswith("imap"):
        raise SettingsError("ASSISTANT_SENT_FOLDER names a folder, but the inbox is not on an "
                            "IMAP server: give a whole imap://USER:PASSWORD@HOST:PORT/FOLDER URL")
    return ImapSentCopy(inbox, folder)
