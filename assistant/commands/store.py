"""``assistant drafts``, ``conversations``, ``db`` and ``status``: reading the store, and
keeping its schema current."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.commands.common import (
    EXIT_NOT_FOUND,
    Subcommands,
    database_problem,
    fail,
    print_json,
    record_id,
    unavailable,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.settings import Settings

DRAFT_STATUSES = ("pending", "approved", "rejected", "sent", "failed", "answered_elsewhere")
CONVERSATION_STATUSES = ("open", "answered", "closed")


def register(sub: Subcommands) -> None:
    p = sub.add_parser("drafts", help="the stored reply drafts")
    drafts = p.add_subparsers(dest="drafts_command", required=True, metavar="ACTION")
    q = drafts.add_parser("list", help="drafts, newest first")
    q.add_argument("--status", choices=DRAFT_STATUSES)
    q.add_argument("--limit", type=int, default=100)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_drafts_list)
    q = drafts.add_parser("show", help="one draft with its text, blocks and reasons")
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_drafts_show)

    p = sub.add_parser("conversations", help="the stored conversations")
    convs = p.add_subparsers(dest="conversations_command", required=True, metavar="ACTION")
    q = convs.add_parser("list", help="conversations, most recently active first")
    q.add_argument("--status", choices=CONVERSATION_STATUSES)
    q.add_argument("--limit", type=int, default=100)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_conversations_list)
    q = convs.add_parser("show", help="one conversation with its messages")
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_conversations_show)

    p = sub.add_parser("db", help="the database schema")
    db = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    q = db.add_parser("upgrade", help="run the migrations up to this version's schema")
    q.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser("status", help="stored mail, drafts, conversations and mailbox checkpoints")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--check", action="store_true",
                   help="exit 1 unless the database answers and the inbox was polled recently "
                        "(the container health check)")
    p.set_defaults(func=cmd_status)


def _print_listing(rows: Sequence[Mapping[str, Any]], *, status_width: int,
                   when: tuple[str, str], count: tuple[str, str], empty: str) -> None:
    """Drafts and conversations as a table: id, status, a time (key, heading), a count (key,
    heading), sender and subject, flagged when staff are needed."""
    print(f"{'id':>5}  {'status':<{status_width}} {when[1]:<19} {count[1]:>5}  "
          f"{'sender':<32} subject")
    for r in rows:
        flag = " [staff]" if r["needs_staff"] else ""
        print(f"{r['id']:>5}  {r['status']:<{status_width}} {(r[when[0]] or '')[:19]:<19} "
              f"{r[count[0]]:>5}  {(r['sender'] or '–')[:32]:<32} "
              f"{(r['subject'] or '')[:60]}{flag}")
    if not rows:
        print(empty)


def cmd_drafts_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        rows = await queries.list_drafts(engine, args.status, args.limit)
        if args.format == "json":
            print_json(rows)
        else:
            _print_listing(rows, status_width=9, when=("created_at", "created (UTC)"),
                           count=("conversation", "conv."), empty="(no drafts)")
        return 0

    return with_database(settings, work)


def cmd_drafts_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        d = await queries.get_draft(engine, args.id)
        if d is None:
            return fail(f"no draft {args.id}", EXIT_NOT_FOUND)
        if args.format == "json":
            print_json(d)
            return 0
        m, u = d["message"], d["understanding"] or {}
        print(f"Draft {d['id']} · {d['status']} · conversation {d['conversation']} · "
              f"{d['created_at']}")
        print(f"In reply to: {m['sender_name'] or ''} <{m['sender']}> {m['message_id'] or ''}")
        intents = ", ".join(f"{i['id']} {i['confidence']:.2f}" for i in u.get("intents", []))
        print(f"Understood:  {u.get('kind', '–')}; intents {intents or '–'}; "
              f"eligibility {u.get('eligibility') or '–'}")
        for f in u.get("findings", []):
            print(f"  - {f['rule']}: {f['outcome']} — {f['reason_de']}")
        if d["needs_staff"]:
            print("Needs staff: " + "; ".join(d["staff_reasons"]))
        print(f"\nSubject: {d['subject']}\n")
        print(d["edited_text"] or d["text"], end="" if (d["text"] or "").endswith("\n") else "\n")
        print("\nSources: " + ", ".join(f"{b['source']}@{b['version']}" for b in d["blocks"]
                                        if b.get("source")))
        return 0

    return with_database(settings, work)


def cmd_conversations_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        rows = await queries.list_conversations(engine, args.status, args.limit)
        if args.format == "json":
            print_json(rows)
        else:
            _print_listing(rows, status_width=8, when=("updated_at", "updated (UTC)"),
                           count=("messages", "mails"), empty="(no conversations)")
        return 0

    return with_database(settings, work)


def cmd_conversations_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        c = await queries.get_conversation(engine, args.id)
        if c is None:
            return fail(f"no conversation {args.id}", EXIT_NOT_FOUND)
        if args.format == "json":
            print_json(c)
            return 0
        print(f"Conversation {c['id']} · {c['status']}"
              f"{' · needs staff' if c['needs_staff'] else ''} · {c['subject']}")
        print(f"With: {c['sender'] or '–'} ({c['municipality'] or 'municipality unknown'})")
        if c["error"]:
            print(f"Error: {c['error']}")
        for m in c["messages"]:
            arrow = "→" if m["direction"] == "out" else "←"
            draft = f" · draft {m['draft']} ({m['draft_status']})" if m["draft"] else ""
            bounce = f" · bounce of message {m['bounce_of']}" if m["bounce_of"] else ""
            print(f"\n{arrow} message {m['id']} · {m['kind'] or 'pending'} · "
                  f"{m['date'] or m['received_at']}{draft}{bounce}")
            print(f"  {m['sender'] or '–'}: {m['subject'] or ''}")
            if m["error"]:
                print(f"  error: {m['error']}")
            text = (m["text"] or "").strip()
            if text:
                print("  " + "\n  ".join(text.splitlines()[:12]))
        return 0

    return with_database(settings, work)


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import schema
    from assistant.history.store import is_transient

    async def work(engine: AsyncEngine) -> int:
        try:
            before = await schema.upgrade(engine)
        except Exception as exc:
            if is_transient(exc):
                return fail(unavailable(exc))
            raise
        if before.current == before.head:
            print(f"The database is up to date (revision {before.head}).")
        else:
            print(f"Upgraded the database from revision {before.current or '(empty)'} to "
                  f"{before.head}.")
        return 0

    return with_database(settings, work, check=False)


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        # The container's health check: any problem is exit 1 (unhealthy), in JSON too.
        problem = await database_problem(engine)
        if problem is not None:
            if args.format == "json":
                print_json({"ok": False, "problem": problem.text})
            return fail(problem.text)
        report = await queries.status(engine)
        unhealthy = _health(settings, report)
        report["ok"] = unhealthy is None
        if args.format == "json":
            print_json(report)
        else:
            _print_status(report)
        if args.check and unhealthy:
            return fail(unhealthy)
        return 0

    return with_database(settings, work, check=False)


def _health(settings: Settings, report: dict[str, Any]) -> str | None:
    """Why the configured inbox looks unhealthy (not polled recently), or None."""
    from datetime import UTC, datetime

    from assistant.inbound import parse_inbox

    inbox = parse_inbox(settings.inbox)
    if inbox.scheme in {"smtp", "lmtp"}:
        return None
    period = (settings.maildir_poll_seconds if inbox.scheme == "maildir"
              else min(settings.poll_seconds, settings.idle_seconds))
    limit = 3 * period + 60
    name = (f"maildir:{Path(inbox.path).resolve()}" if inbox.scheme == "maildir"
            else inbox.name)
    box = next((b for b in report["mailboxes"] if b["mailbox"] == name), None)
    if box is None or box["last_poll_at"] is None:
        return f"{name} has not been polled yet"
    age = (datetime.now(UTC) - datetime.fromisoformat(box["last_poll_at"])).total_seconds()
    if age > limit:
        return f"{name} was last polled {age:.0f} s ago (more than {limit:.0f} s)"
    return None


def _print_status(report: dict[str, Any]) -> None:
    kinds = ", ".join(f"{k} {n}" for k, n in report["messages_by_kind"].items()) or "none"
    drafts = ", ".join(f"{k} {n}" for k, n in report["drafts_by_status"].items()) or "none"
    print(f"Incoming mail:  {kinds}")
    print(f"Drafts:         {drafts}")
    print(f"Conversations:  {report['conversations']} "
          f"({report['conversations_needing_staff']} open and needing staff)")
    for b in report["mailboxes"]:
        cp = b["checkpoint"]
        where = f"{b['mailbox']} {b['folder']}".strip()
        mark = f"UIDVALIDITY {cp['uidvalidity']}, last UID {cp['last_uid']}; " \
            if cp["uidvalidity"] is not None else ""
        print(f"Mailbox:        {where}: {mark}last poll {b['last_poll_at'] or 'never'}"
              f"{'; fetched by ' + b['lease_owner'] if b['lease_owner'] else ''}")
    if not report["mailboxes"]:
        print("Mailbox:        not polled yet")
