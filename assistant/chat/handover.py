"""A chat question handed over to staff: stored as an incoming mail with source ``chat``.

The visitor's question, their e-mail address and what they said about their municipality
become a plain-text mail from that address to the programme, with a Message-ID of our own and
the header ``X-Assistant-Channel: chat``. It is stored through the store's intake
(:meth:`assistant.history.store.Store.store`, the same call the mailbox sources use); the worker
then processes it exactly like mail — understanding, draft, conversation, review queue — and
the reply goes to the address the visitor left.

The address is checked strictly (one address, no display name, no line breaks): it becomes a
header of the mail, so nothing in it may be able to add another one. Nobody has confirmed that
it belongs to the visitor, so nothing is ever sent to it by itself: the review app marks the
inquiry "Adresse nicht bestätigt", and approving its reply needs the reviewer to confirm the
address explicitly (:mod:`assistant.history.recipient`).

Hand-overs are limited per e-mail address (``ASSISTANT_CHAT_HANDOVERS_PER_ADDRESS_PER_DAY``,
counted in the store, so across processes and restarts); the web layer limits them per client
as well. The stored mail carries a keyed hash of the address (``source_ref``, HMAC with
``ASSISTANT_SECRET_KEY``, the same as the audit log's) to count by — never the address itself.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING

from assistant.errors import BadAddress, HandoverLimited
from assistant.history.recipient import HANDOVER_SOURCE
from assistant.numerals import whole

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.settings import Settings

SOURCE = HANDOVER_SOURCE  # "chat": the review app marks these "Adresse nicht bestätigt"
MAILBOX = "chat"
CHANNEL_HEADER = "X-Assistant-Channel"
MAX_ADDRESS = 254
# One plain address with a dotted domain (the OpenAPI description states the same pattern).
ADDRESS_PATTERN = (r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                   r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_ADDRESS = re.compile(ADDRESS_PATTERN)
_SUBJECT_WORDS = 10


ADDRESS_WINDOW = timedelta(days=1)


def address_ref(address: str, settings: Settings) -> str:
    """What a hand-over's stored mail is counted by: a keyed hash of the address."""
    from assistant.history.privacy import subject_hash

    return f"{SOURCE}:{subject_hash(address, settings.signing_key())}"


async def _check_address_limit(engine: AsyncEngine, settings: Settings, ref: str,
                               now: datetime) -> None:
    from sqlalchemy import and_, func, select

    from assistant.history.models import Message
    from assistant.history.records import as_utc

    limit = settings.chat_handovers_per_address_per_day
    if limit <= 0:
        return
    since = now - ADDRESS_WINDOW
    async with engine.connect() as conn:
        count, oldest = (await conn.execute(
            select(func.count(Message.id), func.min(Message.received_at))
            .where(and_(Message.direction == "in", Message.source == SOURCE,
                        Message.source_ref == ref, Message.received_at >= since)))).one()
    if count >= limit:
        oldest = as_utc(oldest) or now
        raise HandoverLimited("address", (oldest + ADDRESS_WINDOW - now).total_seconds())


def checked_address(text: str) -> str:
    """The address as given, stripped; raises :class:`BadAddress` unless it is one plain
    address ``local@domain.tld``."""
    address = text.strip()
    if not address or len(address) > MAX_ADDRESS or not _ADDRESS.match(address):
        raise BadAddress(text)
    try:
        Address(addr_spec=address)
    except (ValueError, IndexError) as exc:
        raise BadAddress(text) from exc
    return address


def _place(town: str | None, population: int | None, language: str) -> str:
    """What the visitor said about their municipality, worded so that the understanding reads
    it like a mail's ("12.000 Einwohner")."""
    if language == "en":
        parts = [f"Municipality: {town}" if town else "",
                 f"population of {whole(population, 'en')}" if population else ""]
    else:
        parts = [f"Gemeinde {town}" if town else "",
                 f"{whole(population)} Einwohner" if population else ""]
    return ", ".join(p for p in parts if p)


def compose(message: str, address: str, *, town: str | None, population: int | None,
            language: str, recipient: str, domain: str, now: datetime | None = None) -> bytes:
    """The mail the worker will read: from the visitor, to the programme."""
    text = message.strip()
    words = " ".join(text.split()[:_SUBJECT_WORDS])
    mail = EmailMessage()
    mail["From"] = Address(addr_spec=checked_address(address))
    mail["To"] = recipient
    mail["Subject"] = ("Chat question: " if language == "en" else "Chat-Anfrage: ") + \
        (words[:80] + ("…" if len(words) > 80 else ""))
    mail["Date"] = format_datetime(now or datetime.now(UTC))
    mail["Message-ID"] = f"<chat.{secrets.token_hex(8)}@{domain}>"
    mail["Content-Language"] = language
    mail[CHANNEL_HEADER] = SOURCE
    place = _place(town, population, language)
    mail.set_content(text + ("\n\n" + place if place else "") + "\n", cte="8bit")
    return mail.as_bytes()


async def hand_over(engine: AsyncEngine, settings: Settings, message: str, address: str, *,
                    town: str | None = None, population: int | None = None,
                    language: str = "de") -> int:
    """Store the question as incoming mail; returns 1 (stored) — the worker takes it from here.
    Raises :class:`HandoverLimited` when the address has had its hand-overs for the day."""
    from assistant.history.models import utcnow
    from assistant.history.store import Store
    from assistant.inbound import Incoming

    address = checked_address(address)
    ref = address_ref(address, settings)
    await _check_address_limit(engine, settings, ref, utcnow())
    recipient = settings.own_addresses[0] if settings.own_addresses else "programme@localhost"
    raw = compose(message, address, town=town, population=population, language=language,
                  recipient=recipient, domain=settings.message_id_domain)
    return await Store(engine, settings).store(SOURCE, MAILBOX, "", [Incoming(raw, ref)])
