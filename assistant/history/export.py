"""One conversation's mails as they were received and sent: ``.eml`` files or one mbox.

The raw bytes are exported unchanged (incoming mail as received, our replies as sent). An mbox
uses the *mboxrd* convention — each mail starts with a ``From `` line, and a body line that
begins with ``From `` (after any ``>``) gets one more ``>`` — which mail programs (Thunderbird,
mutt, Python's :mod:`mailbox`) read back exactly. Messages whose bytes were removed by the
privacy purge cannot be exported; :attr:`Exported.missing` says how many.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from assistant.history.tables import conversations, messages

_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Mail:
    message_id: int
    direction: str
    at: datetime
    sender: str | None
    raw: bytes

    @property
    def filename(self) -> str:
        """``000003-in-20260912-0814.eml``: order, direction and time, nothing personal."""
        return f"{self.message_id:06d}-{self.direction}-{self.at:%Y%m%d-%H%M}.eml"


@dataclass(frozen=True, slots=True)
class Exported:
    conversation_id: int
    subject: str
    mails: list[Mail]
    missing: int  # messages without their bytes (purged)


async def conversation(conn: AsyncConnection, conversation_id: int) -> Exported | None:
    """The conversation's mails in the order they arrived, or None when there is none."""
    found = (await conn.execute(select(conversations.c.id, conversations.c.subject)
                                .where(conversations.c.id == conversation_id))).first()
    if found is None:
        return None
    rows = (await conn.execute(
        select(messages.c.id, messages.c.direction, messages.c.received_at,
               messages.c.sender_address, messages.c.raw)
        .where(messages.c.conversation_id == conversation_id)
        .order_by(messages.c.received_at, messages.c.id))).all()
    mails = [Mail(r.id, r.direction, _utc(r.received_at), r.sender_address, bytes(r.raw))
             for r in rows if r.raw]
    return Exported(found.id, found.subject or "", mails, len(rows) - len(mails))


def mbox(mails: list[Mail]) -> bytes:
    """The mails as one mbox (mboxrd), LF line ends."""
    out = io.BytesIO()
    for mail in mails:
        sender = (mail.sender or "MAILER-DAEMON").replace(" ", "") or "MAILER-DAEMON"
        out.write(f"From {sender} {mail.at:%a %b %d %H:%M:%S %Y}\n".encode("ascii", "replace"))
        body = mail.raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        out.write(_FROM_LINE.sub(rb">\1", body))
        if not body.endswith(b"\n"):
            out.write(b"\n")
        out.write(b"\n")
    return out.getvalue()


def eml_zip(exported: Exported) -> bytes:
    """The mails as ``.eml`` files in a ZIP archive (for the browser)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for mail in exported.mails:
            archive.writestr(mail.filename, mail.raw)
    return out.getvalue()


def archive_name(exported: Exported, extension: str) -> str:
    return f"gespraech-{exported.conversation_id}.{extension}"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
