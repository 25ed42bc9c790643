"""``assistant history search`` and ``assistant history export``: find conversations, and write
one conversation's mails as ``.eml`` files or an mbox."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.common import (
    ACTOR,
    EXIT_INPUT_ERROR,
    EXIT_NOT_FOUND,
    Subcommands,
    fail,
    iso_day,
    record_id,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.settings import Settings


def register(sub: Subcommands) -> None:
    p = sub.add_parser("history", help="search the stored conversations and export one")
    history = p.add_subparsers(dest="history_command", required=True, metavar="ACTION")
    q = history.add_parser(
        "search", help="conversations by municipality, sender, text, intent, status, date",
        description="Conversations that match every given filter, most recently active first. "
                    "TEXT is a full-text search on PostgreSQL (words, \"a phrase\", -without) "
                    "and a substring search on SQLite.")
    q.add_argument("text", nargs="?", default="", metavar="TEXT", help="words in the mails")
    q.add_argument("--municipality", default="", help="part of the municipality or district")
    q.add_argument("--sender", default="", help="part of the sender's address or name")
    q.add_argument("--intent", default="", help="an intent id, e.g. eligibility")
    q.add_argument("--status", choices=("open", "answered", "closed"))
    q.add_argument("--since", type=iso_day, metavar="DATE", help="active on or after this day")
    q.add_argument("--until", type=iso_day, metavar="DATE", help="started on or before this day")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_search)
    q = history.add_parser("export", help="one conversation's mails as .eml files or an mbox")
    q.add_argument("id", type=record_id, metavar="ID", help="the conversation")
    q.add_argument("--format", choices=("eml", "mbox"), default="mbox")
    q.add_argument("--output", "-o", required=True, metavar="PATH",
                   help="the mbox file, or the folder for the .eml files")
    q.set_defaults(func=cmd_export)


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import search

    criteria = search.Criteria(
        municipality=args.municipality, sender=args.sender, text=args.text, intent=args.intent,
        status=args.status or "", since=args.since, until=args.until,
        per_page=max(1, args.limit))

    async def work(engine: AsyncEngine) -> int:
        async with engine.connect() as conn:
            found = await search.search(conn, criteria)
        if args.format == "json":
            print(json.dumps({"total": found.total, "conversations": [
                {"id": h.conversation_id, "subject": h.subject, "sender": h.sender,
                 "municipality": h.municipality, "district": h.district, "status": h.status,
                 "created_at": h.created_at.isoformat(), "updated_at": h.updated_at.isoformat(),
                 "messages": h.messages, "intents": list(h.intents), "purged": h.purged}
                for h in found.hits]}, ensure_ascii=False, indent=2))
            return 0
        print(f"{found.total} conversation(s)" + (f", showing {len(found.hits)}"
                                                   if found.total > len(found.hits) else ""))
        for h in found.hits:
            print(f"{h.conversation_id:>6}  {h.status:<8} {h.updated_at:%Y-%m-%d}  "
                  f"{(h.municipality or '–')[:20]:<20} {(h.sender or '(purged)')[:30]:<30} "
                  f"{h.subject[:50]}  [{', '.join(h.intents)}]")
        return 0

    return with_database(settings, work)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import export
    from assistant.history.privacy import audit

    target = Path(args.output)

    async def work(engine: AsyncEngine) -> int:
        async with engine.begin() as conn:
            found = await export.conversation(conn, args.id)
            if found is None:
                return fail(f"no conversation {args.id}", EXIT_NOT_FOUND)
            try:
                if args.format == "mbox":
                    target.write_bytes(export.mbox(found.mails))
                else:
                    target.mkdir(parents=True, exist_ok=True)
                    for mail in found.mails:
                        (target / mail.filename).write_bytes(mail.raw)
            except OSError as exc:
                return fail(f"cannot write {target}: {exc.strerror}", EXIT_INPUT_ERROR)
            await audit(conn, ACTOR, "conversation_exported", conversation_id=args.id,
                        detail={"format": args.format, "messages": len(found.mails)})
        note = (f"; {found.missing} purged message(s) could not be exported" if found.missing
                else "")
        print(f"Exported {len(found.mails)} mail(s) of conversation {args.id} to "
              f"{target}{note}.")
        return 0

    return with_database(settings, work)
