"""Decode a raw mail into headers, body text and attachments, whatever state it is in.

The standard library's ``compat32`` parser never raises on structure: it records defects and
keeps going. Headers are decoded one by one here so that a single broken header (an Exchange
Message-ID like ``<[…]@microsoft.com>``, a Cc with a trailing comma, a date nobody can read)
costs only that header, which then keeps its raw value. Body bytes are decoded with the declared
charset first and a fallback chain after it, because many mails declare the wrong one or none.
"""

from __future__ import annotations

import re
from datetime import datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import parsedate_to_datetime

from assistant.parse import limits
from assistant.parse.htmltext import html_to_text
from assistant.values import Attachment

_MSGID = re.compile(r"<[^<>\s]+>")
_SURROGATE = re.compile("[\udc80-\udcff]")
# ISO-8859-1 is decoded as its superset windows-1252, as browsers do: mails declaring latin-1
# routinely carry curly quotes and the euro sign in the 0x80-0x9f range.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                    "us-ascii": "ascii", "ascii": "ascii", "ks_c_5601-1987": "cp949",
                    "unicode-1-1-utf-7": "utf-7", "x-mac-roman": "mac_roman"}
_FALLBACKS = ("utf-8", "cp1252", "latin-1")


def decode_bytes(payload: bytes, declared: str | None, problems: list[str]) -> str:
    """Text of ``payload``: the declared charset if it fits, else utf-8, cp1252, latin-1."""
    candidates: list[str] = []
    if declared:
        name = declared.strip().strip('"').lower()
        candidates.append(_CHARSET_ALIASES.get(name, name))
    candidates.extend(c for c in _FALLBACKS if c not in candidates)
    for i, charset in enumerate(candidates):
        try:
            text = payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
        if i and declared:
            problems.append(f"body declared as {declared!r} was decoded as {charset}")
        return text
    return payload.decode("latin-1")  # pragma: no cover - latin-1 decodes every byte


def raw_8bit(value: str) -> str:
    """Headers with raw 8-bit bytes (RFC 6532 UTF-8, or legacy latin-1) reach us as surrogate
    escapes from the parser; decode them like a body without a declared charset."""
    if value.isascii() or _SURROGATE.search(value) is None:
        return value
    return decode_bytes(value.encode("ascii", "surrogateescape"), None, [])


def header_text(value: object, problems: list[str], name: str) -> str:
    """An RFC 2047-decoded header value; the raw text when decoding fails."""
    if value is None:
        return ""
    raw = raw_8bit(str(value))
    if "=?" not in raw:
        return " ".join(raw.split())
    try:
        text = str(make_header(decode_header(raw)))
    except Exception as exc:  # noqa: BLE001 - email.header raises many kinds of errors
        problems.append(f"header {name}: could not decode ({exc.__class__.__name__})")
        text = raw
    return " ".join(text.split())


def parse_date(value: str, problems: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        problems.append(f"header Date: unreadable date {value[:60]!r}")
        return None


def message_ids(value: str) -> tuple[str, ...]:
    return tuple(_MSGID.findall(value or ""))


_VALID_MSGID = re.compile(r"<[^<>@\s\[\]()]+@[^<>@\s]+>")


def check_message_id(value: str | None, problems: list[str]) -> None:
    if value and not _VALID_MSGID.fullmatch(value):
        problems.append(f"header Message-ID: not RFC 5322 syntax, kept raw ({value[:80]!r})")


def first_message_id(value: str) -> str | None:
    ids = message_ids(value)
    if ids:
        return ids[0]
    value = (value or "").strip()
    return value or None


def _filename(part: Message, problems: list[str]) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001 - malformed RFC 2231 parameters
        problems.append("attachment with an unreadable file name")
        return None
    return header_text(name, problems, "filename") if name else None


def _payload(part: Message, problems: list[str]) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:  # noqa: BLE001
        problems.append(f"part {part.get_content_type()}: cannot decode ({exc})")
        return b""
    if isinstance(data, bytes):
        return data
    return b""


class Body:
    """What the walk over the MIME tree found."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments: list[Attachment] = []
        self.dsn_actions: list[str] = []
        self.returned_ids: list[str] = []
        self.embedded: list[str] = []


def walk(msg: Message, problems: list[str]) -> Body:
    body = Body()
    _walk(msg, problems, body, depth=0, inside_attached=False)
    return body


def _walk(part: Message, problems: list[str], body: Body, depth: int,
          inside_attached: bool) -> None:
    if depth > 20:
        problems.append("MIME tree nested deeper than 20 levels; the rest was skipped")
        return
    for defect in getattr(part, "defects", ()):
        problems.append(f"{part.get_content_type()}: {defect.__class__.__name__}")
    ctype = part.get_content_type()
    if part.is_multipart():
        payload = part.get_payload()
        if ctype == "message/delivery-status" and isinstance(payload, list):
            for block in payload:
                action = str(block.get("Action") or "") if isinstance(block, Message) else None
                if action:
                    body.dsn_actions.append(str(action).strip().lower())
            return
        if ctype in ("message/rfc822", "message/global") and isinstance(payload, list):
            inner = payload[0] if payload else None
            if isinstance(inner, Message):
                body.returned_ids.extend(message_ids(str(inner.get("Message-ID", ""))))
                # Then the mails the returned one answered: a bounce of a reply that is not
                # stored (any more) still finds its conversation through them.
                for name in ("In-Reply-To", "References"):
                    body.returned_ids.extend(reversed(message_ids(str(inner.get(name, "")))))
                subject = header_text(inner.get("Subject"), problems, "Subject")
                body.attachments.append(Attachment(subject or None, ctype, len(inner.as_bytes())
                                                   if _safe_len(inner) else 0))
                _walk(inner, problems, body, depth + 1, inside_attached=True)
            return
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message):
                    _walk(sub, problems, body, depth + 1, inside_attached)
        return
    disposition = str(part.get("Content-Disposition") or "").split(";")[0].strip().lower()
    filename = _filename(part, problems)
    data = _payload(part, problems)
    if ctype.startswith("multipart/"):
        # A multipart whose boundary never appears: its body is all the text there is.
        ctype = "text/plain"
    _check_transfer_encoding(part, problems)
    if ctype == "text/rfc822-headers":
        text = decode_bytes(data, part.get_content_charset(), problems)
        body.returned_ids.extend(message_ids(_header_value(text, "message-id")))
        return
    if ctype == "message/delivery-status":
        text = decode_bytes(data, "utf-8", problems)
        body.dsn_actions.extend(a.lower() for a in re.findall(r"(?im)^action:\s*(\S+)", text))
        return
    is_text = ctype in ("text/plain", "text/html") and disposition != "attachment"
    if is_text and not filename and not inside_attached:
        try:
            charset = part.get_content_charset()
        except Exception:  # noqa: BLE001
            charset = None
        text = decode_bytes(data, charset, problems)
        (body.plain if ctype == "text/plain" else body.html).append(text)
        return
    if inside_attached and is_text and not filename:
        text = decode_bytes(data, part.get_content_charset(), problems)
        text = html_to_text(limits.html(text, problems)) if ctype == "text/html" else text
        body.embedded.append(text[:limits.MAX_TEXT_CHARS])
        return
    body.attachments.append(Attachment(filename, ctype, len(data)))


def _check_transfer_encoding(part: Message, problems: list[str]) -> None:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding == "base64":
        payload = part.get_payload()
        if isinstance(payload, str):
            compact = "".join(payload.split())
            if len(compact) % 4 or re.search(r"[^A-Za-z0-9+/=]", compact):
                problems.append(f"part {part.get_content_type()}: damaged or truncated base64")


def _safe_len(msg: Message) -> bool:
    try:
        msg.as_bytes()
    except Exception:  # noqa: BLE001
        return False
    return True


def _header_value(text: str, name: str) -> str:
    match = re.search(rf"(?im)^{name}:\s*(.+)$", text)
    return match.group(1) if match else ""


def body_text(body: Body, problems: list[str]) -> str:
    """The readable body: the plain part, unless it is empty or a stub next to richer HTML."""
    plain = "\n".join(t for t in body.plain if t.strip())
    html = "\n".join(html_to_text(limits.html(t, problems)) for t in body.html if t.strip())
    if plain and (not html or len(plain.strip()) * 3 >= len(html.strip())):
        return plain
    return html or plain


def parse_message(data: bytes) -> Message:
    return message_from_bytes(data, policy=compat32)
