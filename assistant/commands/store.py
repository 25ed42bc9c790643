"""``assistant drafts``, ``conversations``, ``db`` and ``status``: reading the store, and
keeping its schema current."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.commands.common import (
    EXIT_INPUT_ERROR,
    EXIT_NOT_FOUND,
    Command,
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


def _list_and_show(sub: Subcommands, name: str, help: str, statuses: tuple[str, ...],
                   listed: str, shown: str, list_command: Command, show_command: Command) -> None:
    """``assistant NAME list`` (``--status``, ``--limit``) and ``assistant NAME show ID``."""
    p = sub.add_parser(name, help=help)
    actions = p.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")
    q = actions.add_parser("list", help=listed)
    q.add_argument("--status", choices=statuses)
    q.add_argument("--limit", type=int, default=100)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=list_command)
    q = actions.add_parser("show", help=shown)
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=show_command)


def register(sub: Subcommands) -> None:
    _list_and_show(sub, "drafts", "the stored reply drafts", DRAFT_STATUSES,
                   "drafts, newest first", "one draft with its text, blocks and reasons",
                   cmd_drafts_list, cmd_drafts_show)
    _list_and_show(sub, "conversations", "the stored conversations", CONVERSATION_STATUSES,
                   "conversations, most recently active first",
                   "one conversation with its messages", cmd_conversations_list,
                   cmd_conversations_show)

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


Fetch = Callable[..., Awaitable[Any]]


def _listing(settings: Settings, args: argparse.Namespace, fetch: Fetch, **table: Any) -> int:
    """``… list``: the rows ``fetch(engine, status, limit)`` finds, as JSON or a table."""
    async def work(engine: AsyncEngine) -> int:
        rows = await fetch(engine, args.status, args.limit)
        if args.format == "json":
            print_json(rows)
        else:
            _print_listing(rows, **table)
        return 0

    return with_database(settings, work)


def _showing(settings: Settings, args: argparse.Namespace, what: str, fetch: Fetch,
             show: Callable[[dict[str, Any]], None]) -> int:
    """``… show ID``: the record ``fetch(engine, id)`` finds, as JSON or text; exit 3 when
    there is none."""
    async def work(engine: AsyncEngine) -> int:
        found = await fetch(engine, args.id)
        if found is None:
            return fail(f"no {what} {args.id}", EXIT_NOT_FOUND)
        if args.format == "json":
            print_json(found)
        else:
            show(found)
        return 0

    return with_database(settings, work)


def cmd_drafts_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    return _listing(settings, args, queries.list_drafts, status_width=9,
                    when=("created_at", "created (UTC)"), count=("conversation", "conv."),
                    empty="(no drafts)")


def cmd_conversations_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    return _listing(settings, args, queries.list_conversations, status_width=8,
                    when=("updated_at", "updated (UTC)"), count=("messages", "mails"),
                    empty="(no conversations)")


def cmd_drafts_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    return _showing(settings, args, "draft", queries.get_draft, _print_draft)


def cmd_conversations_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    return _showing(settings, args, "conversation", queries.get_conversation,
                    _print_conversation)


def _print_draft(d: dict[str, Any]) -> None:
    m, u = d["message"], d["understanding"] or {}
    print(f"Draft {d['id']} · {d['status']} · conversation {d['conversation']} · "
          f"{d['created_at']}")
    print(f"In reply to: {m['sender_name'] or ''} <{m['sender']}> {m['message_id'] or ''}")
    intents = ", ".join(f"{i['id']} {i['confidence']:.2f}" for i in u.get("intents", []))
    print(f"Understood:  {u.get('kind', '–')}; intents {intents or '–'}; "
          f"eligibility {u.get('eligibility') or '–'}")
    for f in u.get("findings", []):
        print(f"  - {f['rule']}: {f['outcome']} — {f['reason_de']}")
    for q in u.get("questions") or []:
        print(f"Question:    „{q.get('text', '')}“ → "
              f"{', '.join(q.get('intents') or []) or 'not recognised (a gap)'}")
    for f in u.get("conversation_facts") or []:
        source = f"from {f['message']} ({(f.get('received') or '')[:10]})" \
            if f.get("message") else "stated in this mail"
        print(f"Fact:        {f['name']} = {f['value']}, {source}")
    if d["needs_staff"]:
        print("Needs staff: " + "; ".join(d["staff_reasons"]))
    print(f"\nSubject: {d['subject']}\n")
    print(d["edited_text"] or d["text"], end="" if (d["text"] or "").endswith("\n") else "\n")
    print("\nSources: " + ", ".join(f"{b['source']}@{b['version']}" for b in d["blocks"]
                                    if b.get("source")))


def _print_conversation(c: dict[str, Any]) -> None:
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


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.errors import KnowledgeError
    from assistant.history import schema
    from assistant.history.db import sessionmaker
    from assistant.history.live_knowledge import seed
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
        try:
            seeded = await seed(sessionmaker(engine), settings)
        except KnowledgeError as exc:
            return fail(f"the knowledge was not imported into the empty store: {exc}",
                        EXIT_INPUT_ERROR)
        if seeded:
            print(f"Imported the knowledge of {settings.knowledge_dir} and "
                  f"{settings.intents_dir} into the empty store (publication 1).")
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
