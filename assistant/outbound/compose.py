"""The reply as a mail: headers that keep it in the municipality's thread, and its two parts.

* ``From``: the programme's first address (``ASSISTANT_PROGRAMME_ADDRESSES``) with
  ``ASSISTANT_SENDER_NAME``; ``To``: the address the caller passes — the sender passes the one
  the reviewer saw (:func:`assistant.history.recipient.for_message`: the inquiry's first usable
  Reply-To that is not our own, else its From address).
* ``Subject``: ``Re: <subject>`` — earlier "Re:", "AW:", "WG:" … prefixes are not stacked.
* ``In-Reply-To`` and ``References``: the inquiry's Message-ID, after the inquiry's own
  references (the oldest kept first when the list is long).
* ``Message-ID``: on ``ASSISTANT_MESSAGE_ID_DOMAIN``, carrying the conversation token
  (:func:`assistant.history.threads.new_message_id`), so that answers to our reply and bounces of
  it find the conversation again. It is made once, before the first attempt, and the stored bytes
  are sent unchanged on every retry.
* ``Date``, ``MIME-Version``, ``Content-Language``, ``X-Auto-Response-Suppress`` (no
  out-of-office replies to us), and a ``multipart/alternative`` body: UTF-8 text/plain plus a
  simple HTML part whose text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

from assistant.draft import reply_subject
from assistant.errors import CannotCompose

MAX_REFERENCES = 20


@dataclass(frozen=True, slots=True)
class Reply:
    message_id: str
    sender: str
    recipient: str
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    date: datetime
    text: str
    raw: bytes


def references_for(inquiry_id: str | None, earlier: Sequence[str]) -> tuple[str, ...]:
    """The References of a reply: the inquiry's references, then the inquiry itself."""
    chain = [r for r in dict.fromkeys([*earlier, *([inquiry_id] if inquiry_id else [])]) if r]
    if len(chain) > MAX_REFERENCES:
        chain = [chain[0], *chain[-(MAX_REFERENCES - 1):]]
    return tuple(chain)


def html_part(text: str, language: str) -> str:
    """A minimal HTML rendering of the plain text: paragraphs and line breaks, all escaped."""
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in p.strip().split("\n"))
                     + "</p>" for p in paragraphs)
    return (f'<!doctype html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8">'
            f"</head>\n<body>\n{body}\n</body></html>\n")


def _address(text: str, what: str) -> Address:
    name, address = parseaddr(text)
    if "@" not in address or any(c in address for c in "\r\n<>"):
        raise CannotCompose(f"{what}: no usable address in {text!r}")
    local, _, domain = address.rpartition("@")
    try:
        return Address(display_name=name, username=local, domain=domain)
    except (ValueError, IndexError) as exc:
        raise CannotCompose(f"{what}: {exc}") from exc


def compose(*, message_id: str, sender_address: str, sender_name: str, recipient: str,
            recipient_name: str, subject: str, inquiry_message_id: str | None,
            inquiry_references: Sequence[str], text: str, language: str,
            date: datetime) -> Reply:
    """The reply's bytes and the headers worth storing beside them."""
    if not text.strip():
        raise CannotCompose("empty reply text")
    to = _address(recipient, "recipient")
    if recipient_name and not to.display_name:
        to = Address(display_name=recipient_name, username=to.username, domain=to.domain)
    sender = _address(sender_address, "sender")
    sender = Address(display_name=sender_name, username=sender.username, domain=sender.domain)
    references = references_for(inquiry_message_id, inquiry_references)
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = reply_subject(subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if inquiry_message_id:
        msg["In-Reply-To"] = inquiry_message_id
    if references:
        msg["References"] = " ".join(references)
    msg["Content-Language"] = language
    msg["X-Auto-Response-Suppress"] = "All"
    body = text.replace("\r\n", "\n")
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html_part(body, language), subtype="html", charset="utf-8",
                        cte="quoted-printable")
    return Reply(message_id=message_id, sender=sender.addr_spec, recipient=to.addr_spec,
                 subject=str(msg["Subject"]), in_reply_to=inquiry_message_id,
                 references=references, date=date, text=body, raw=msg.as_bytes())
