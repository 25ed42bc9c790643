"""The parse stage: raw bytes in, one normalized :class:`~assistant.values.Mail` out.

``parse`` never raises: whatever part of a broken mail can be read is used, each problem is
recorded on ``Mail.problems``, and ``Mail.raw`` keeps the bytes exactly as they came.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.numerals import whole
from assistant.parse import addresses, limits
from assistant.parse.language import detect_language
from assistant.parse.mime import (
    body_text,
    check_message_id,
    first_message_id,
    header_text,
    message_ids,
    parse_date,
    parse_message,
    raw_8bit,
    walk,
)
from assistant.parse.quotes import first_quoted, split_reply
from assistant.values import Mail

__all__ = ["normalize_newlines", "parse", "parse_head"]

_MBOX_FROM = re.compile(rb"^From [^\r\n]*\r?\n")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:wg|fw|fwd|tr|weitergeleitet)\s*:", re.IGNORECASE)


def _forwarded(subject: str, quoted: str) -> str:
    """The forwarded mail's own text when this mail forwards one, else ""."""
    if not quoted.strip():
        return ""
    first = first_quoted(quoted)
    if first is None or not (first.forward or _FORWARD_SUBJECT.match(subject)):
        return ""
    return first.text


def normalize_newlines(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def parse(raw: bytes) -> Mail:
    """Read one mail. Never raises; problems are listed on the result."""
    problems: list[str] = []
    unframed = _MBOX_FROM.sub(b"", raw, count=1) if raw.startswith(b"From ") else raw
    data = normalize_newlines(unframed)
    try:
        msg = parse_message(data)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for arbitrary bytes
        problems.append(f"unparseable message ({exc.__class__.__name__})")
        text = limits.text(data.decode("utf-8", errors="replace"), problems)
        split = split_reply(text)
        return Mail(raw=raw, sender=None, recipients=(), reply_to=(), subject="", date=None,
                    message_id=None, in_reply_to=None, references=(), headers=(),
                    content_type="text/plain", text=text, new_text=split.new_text,
                    quoted=split.quoted, signature=split.signature,
                    language=detect_language(split.new_text), problems=tuple(problems))

    headers: list[tuple[str, str]] = []
    raw_headers: list[tuple[str, str]] = []
    items = list(msg.raw_items())
    if len(items) > limits.MAX_HEADERS:
        problems.append(f"nur die ersten {whole(limits.MAX_HEADERS)} von "
                        f"{whole(len(items))} Kopfzeilen gelesen")
    for name, value in items[:limits.MAX_HEADERS]:
        value = limits.header(str(value), name, problems)
        raw_headers.append((name.lower(), value))
        headers.append((name.lower(), header_text(value, problems, name)))
    first: dict[str, str] = {}
    for name, value in headers:
        first.setdefault(name, value)
    raw_first: dict[str, str] = {}
    for name, value in raw_headers:
        raw_first.setdefault(name, value)

    # Addresses are split on the raw header (assistant.parse.addresses): decoding first would
    # turn an encoded "Hofmann, Jürgen" into two addresses, or an encoded name into an address.
    senders = addresses.read(raw_8bit(raw_first.get("from", "")), "From", problems)
    reply_to = addresses.read(raw_8bit(raw_first.get("reply-to", "")), "Reply-To", problems)
    recipients = tuple(
        addr for name in ("to", "cc")
        for value in (v for k, v in raw_headers if k == name)
        for addr in addresses.read(raw_8bit(value), name.title(), problems))
    try:
        content_type = msg.get_content_type()
        report_type = msg.get_param("report-type") if content_type == "multipart/report" else None
    except Exception:  # noqa: BLE001
        content_type, report_type = "text/plain", None
        problems.append("unreadable Content-Type")

    body = walk(msg, problems)
    text = body_text(body, problems).replace("\r\n", "\n").replace("\r", "\n")
    text = limits.text(text.replace("\u00a0", " "), problems)
    split = split_reply(text)
    quoted = "\n\n".join(q for q in (split.quoted, *body.embedded) if q.strip())
    language = detect_language(split.new_text or text)
    message_id = first_message_id(first.get("message-id", ""))
    check_message_id(message_id, problems)
    subject = first.get("subject", "")[:limits.MAX_SUBJECT_CHARS]
    return Mail(
        raw=raw,
        sender=senders[0] if senders else None,
        recipients=recipients,
        reply_to=reply_to,
        subject=subject,
        date=parse_date(first.get("date", ""), problems),
        message_id=message_id,
        in_reply_to=first_message_id(first.get("in-reply-to", "")) if "in-reply-to" in first
        else None,
        references=message_ids(first.get("references", "")),
        headers=tuple(headers),
        content_type=content_type,
        text=text,
        new_text=split.new_text,
        quoted=quoted,
        signature=split.signature,
        language=language,
        attachments=tuple(body.attachments),
        report_type=str(report_type).lower() if report_type else None,
        dsn_actions=tuple(body.dsn_actions),
        returned_message_ids=tuple(dict.fromkeys(body.returned_ids)),
        problems=tuple(dict.fromkeys(problems)),
        forwarded=_forwarded(subject, split.quoted),
    )


def parse_head(raw: bytes) -> Mail:
    """Only the header block of a mail (for mail too large to read whole): sender, subject,
    Message-ID and references, so that staff see who wrote and the thread is found; no text.
    ``raw`` is kept whole."""
    mail = parse(limits.head(raw))
    return replace(mail, raw=raw)
