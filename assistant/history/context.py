"""What a conversation knows before its next mail: the thread context the flow gets.

The worker reads it before it runs the flow of a stored mail (``Store.thread_context``): the
conversation the mail joins is found the way the record will find it
(:func:`assistant.history.threads.find_conversation`), and from the mails stored in it so far

* the facts: for each of population, amount, municipality and state the latest statement, with
  the Message-ID and arrival of the mail that made it (a correction replaces the earlier value);
* the register entry found for the conversation's municipality;
* whether our last sent reply asked for the population (``notice.ask_population`` among its
  blocks): then a mail that states a population, a state or a district continues the inquiry;
* the knowledge entries our sent replies used, so that a follow-up's draft does not repeat a
  notice that was already given.

Only facts each mail stated itself are read (``understandings.facts``), never the quoted history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from assistant.history import threads
from assistant.history.tables import drafts, messages, understandings
from assistant.values import Kind, Mail, RegisterEntry, SourcedFact, Thread

FACTS = ("population", "amount_eur", "municipality", "state")
# Replies that reached the municipality (or are on their way to it).
SENT = ("approved", "sent")
ASKS_FOR_FACTS = "notice.ask_population"


async def thread_context(conn: AsyncConnection, mail: Mail, *, domain: str, window_days: int,
                         now: datetime) -> Thread | None:
    """The context of the conversation ``mail`` joins, or None for a new conversation."""
    found = await threads.find_conversation(conn, mail, Kind.INQUIRY.value, domain=domain,
                                            window_days=window_days, now=now)
    if found is None:
        return None
    return await conversation_context(conn, found.conversation_id)


async def conversation_context(conn: AsyncConnection, conversation_id: int,
                               before: int | None = None) -> Thread:
    """What conversation ``conversation_id`` knows; with ``before`` (a stored message's id),
    only what it knew when that message came (a staff redraft of an earlier mail)."""
    earlier = [] if before is None else [messages.c.id < before]
    rows = (await conn.execute(
        select(messages.c.id, messages.c.message_id, messages.c.received_at,
               understandings.c.facts, understandings.c.register)
        .join(understandings, understandings.c.message_id == messages.c.id)
        .where(messages.c.conversation_id == conversation_id,
               messages.c.direction == "in", *earlier)
        .order_by(messages.c.received_at, messages.c.id))).all()
    known: dict[str, SourcedFact] = {}
    register: RegisterEntry | None = None
    for row in rows:
        stated: dict[str, Any] = row.facts or {}
        for name in FACTS:
            value = stated.get(name)
            if isinstance(value, int | str) and value not in ("", None):
                known[name] = SourcedFact(name, value, row.message_id or f"#{row.id}",
                                          row.received_at.isoformat() if row.received_at else "")
        if row.register:
            register = _register(row.register)
    replies = (await conn.execute(
        select(drafts.c.blocks)
        .where(drafts.c.conversation_id == conversation_id, drafts.c.status.in_(SENT),
               *([] if before is None else [drafts.c.message_id < before]))
        .order_by(drafts.c.updated_at, drafts.c.id))).all()
    said = frozenset(str(b["source"]) for reply in replies for b in (reply.blocks or [])
                     if isinstance(b, dict) and b.get("source"))
    last = replies[-1].blocks if replies else []
    asked = any(isinstance(b, dict) and b.get("source") == ASKS_FOR_FACTS for b in last or [])
    return Thread(facts=tuple(known[n] for n in FACTS if n in known), register=register,
                  asked_for_facts=asked, said=said)


def _register(data: dict[str, Any]) -> RegisterEntry | None:
    try:
        return RegisterEntry(ags=str(data["ags"]), name=str(data["name"]),
                             kind=str(data.get("kind", "")), district=str(data["district"]),
                             state=str(data["state"]), population=int(data["population"]),
                             ambiguous=bool(data.get("ambiguous", False)))
    except (KeyError, TypeError, ValueError):
        return None
