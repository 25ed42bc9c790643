"""Which conversation a mail belongs to.

In this order, the first that finds one wins:

1. **References.** The Message-IDs in In-Reply-To and References (and, for a bounce, the ones in
   the returned headers) that we have stored — ours or the sender's earlier mail.
2. **Our conversation token.** The Message-IDs of the replies we send carry the conversation's
   token (:func:`new_message_id`); it finds the conversation even when our outgoing message is
   not stored (any more).
3. **Sender and subject.** The same sender address and the same subject without its "Re:",
   "AW:", "WG:", "Fwd:" prefixes, in a conversation active within the last
   ``thread_window_days`` days.

A person's mail (an inquiry or a thank-you) joins a conversation only when that conversation is
with the same sender address, or with a colleague at the same organisation (the same mail domain,
not a public mail provider): a clerk who answers for the mayor continues the mayor's inquiry,
and the conversation's facts carry over; two strangers replying to one message each get a
conversation of their own. The reply always goes to the sender of the mail it answers. Bounces
and automatic replies attach to the conversation they refer to whoever sent them; they are never
answered, so they cannot cause a reply to the wrong person.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from assistant.history.tables import conversations, messages
from assistant.parse.subject import thread_key
from assistant.values import Kind, Mail

_TOKEN_ID = re.compile(r"^<wir\.([0-9a-f]{16})\.[0-9a-z]+@([^>]+)>$", re.IGNORECASE)

# Kinds whose mail is written by a person and may only join that person's conversations.
_PERSONAL_KINDS = {Kind.INQUIRY.value, Kind.ACKNOWLEDGEMENT.value}


def normalize_subject(subject: str) -> str:
    """The subject as a thread key: reply and forward prefixes removed, case and spaces folded."""
    return thread_key(subject)


def new_token() -> str:
    """A conversation token: 16 hex digits."""
    return secrets.token_hex(8)


def new_message_id(token: str, domain: str) -> str:
    """A Message-ID for a reply in the conversation with ``token``; threading finds it again."""
    return f"<wir.{token}.{secrets.token_hex(6)}@{domain}>"


def token_of(message_id: str, domain: str) -> str | None:
    """The conversation token in one of our Message-IDs, or None for anybody else's."""
    match = _TOKEN_ID.match(message_id.strip())
    if match and match.group(2).lower() == domain.lower():
        return match.group(1).lower()
    return None


@dataclass(frozen=True, slots=True)
class ThreadMatch:
    conversation_id: int
    via: str  # references, token, subject
    referenced_message_id: int | None = None  # the stored message that was referred to
    referenced_direction: str | None = None


def _referenced_ids(mail: Mail, kind: str) -> list[str]:
    ids: list[str] = []
    if kind == Kind.BOUNCE.value:
        ids.extend(mail.returned_message_ids)
    if mail.in_reply_to:
        ids.append(mail.in_reply_to)
    ids.extend(reversed(mail.references))
    return [i[:998] for i in dict.fromkeys(i.strip() for i in ids if i and i.strip())]


# Public mail providers: two senders at one of these share no organisation.
_PUBLIC_DOMAINS = frozenset("""
gmail.com googlemail.com web.de gmx.de gmx.net gmx.at gmx.ch t-online.de freenet.de posteo.de
mailbox.org yahoo.com yahoo.de outlook.com outlook.de hotmail.com hotmail.de live.com live.de
msn.com icloud.com me.com mac.com aol.com aol.de arcor.de online.de 1und1.de ionos.de
protonmail.com proton.me tutanota.com tuta.io vodafone.de email.de kabelmail.de
""".split())


def _domain(address: str | None) -> str:
    return (address or "").rpartition("@")[2].lower()


def _same_person(kind: str, sender: str | None, conversation_sender: str | None) -> bool:
    """Whether a mail of ``kind`` from ``sender`` may join a conversation with
    ``conversation_sender``: always for machine mail; for a person, the same address or a
    colleague at the same organisation's domain."""
    if kind not in _PERSONAL_KINDS or conversation_sender is None:
        return True
    if (sender or "") == conversation_sender.lower():
        return True
    domain = _domain(sender)
    return bool(domain) and domain not in _PUBLIC_DOMAINS and \
        domain == _domain(conversation_sender)


async def find_conversation(conn: AsyncConnection, mail: Mail, kind: str, *, domain: str,
                            window_days: int, now: datetime) -> ThreadMatch | None:
    """The conversation ``mail`` (of ``kind``) belongs to, or None for a new one."""
    sender = mail.sender.address.lower() if mail.sender else None
    referenced = _referenced_ids(mail, kind)
    if referenced:
        rows = (await conn.execute(
            select(messages.c.id, messages.c.message_id, messages.c.direction,
                   messages.c.conversation_id, conversations.c.sender_address)
            .join(conversations, conversations.c.id == messages.c.conversation_id)
            .where(messages.c.message_id.in_(referenced))
            .order_by(messages.c.id.desc()))).all()
        by_id: dict[str, list] = {}
        for row in rows:
            by_id.setdefault(row.message_id, []).append(row)
        for ref in referenced:
            # Outgoing messages first: a bounce reports ours, and a reply answers ours.
            for row in sorted(by_id.get(ref, ()), key=lambda r: r.direction != "out"):
                if _same_person(kind, sender, row.sender_address):
                    return ThreadMatch(row.conversation_id, "references", row.id, row.direction)
        tokens = [t for t in (token_of(ref, domain) for ref in referenced) if t]
        if tokens:
            owners = (await conn.execute(
                select(conversations.c.id, conversations.c.token, conversations.c.sender_address)
                .where(conversations.c.token.in_(tokens)))).all()
            by_token = {owner.token: owner for owner in owners}
            for token in tokens:
                owner = by_token.get(token)
                if owner is not None and _same_person(kind, sender, owner.sender_address):
                    return ThreadMatch(owner.id, "token")
    key = normalize_subject(mail.subject)
    if sender and key:
        recent = (await conn.execute(
            select(conversations.c.id)
            .where(conversations.c.sender_address == sender,
                   conversations.c.subject_key == key,
                   conversations.c.updated_at >= now - timedelta(days=window_days))
            .order_by(conversations.c.updated_at.desc(), conversations.c.id.desc())
            .limit(1))).first()
        if recent is not None:
            return ThreadMatch(recent.id, "subject")
    return None
