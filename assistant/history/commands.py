"""The worker's and the store's commands: ``run``, ``demo``, ``drafts``, ``conversations``,
``db`` and ``status``.

``register`` only declares arguments; everything heavy (SQLAlchemy, the knowledge, the mail
libraries) is imported inside the command functions, so that ``assistant --help`` stays fast.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli import EXIT_FAILURE, EXIT_INPUT_ERROR, EXIT_NOT_FOUND, fail, record_id

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("run", help="the mail worker: read the inbox, store and draft")
    p.add_argument("--once", action="store_true",
                   help="process what is there now and exit (0 on success)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="drop the demo inquiries into the local Maildir and run once")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("drafts", help="the stored reply drafts")
    drafts = p.add_subparsers(dest="drafts_command", required=True, metavar="ACTION")
    q = drafts.add_parser("list", help="drafts, newest first")
    q.add_argument("--status", choices=("pending", "approved", "rejected", "sent", "failed",
                                        "answered_elsewhere"))
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
    q.add_argument("--status", choices=("open", "answered", "closed"))
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


def _with_engine(settings: Settings, work: Callable[[AsyncEngine], Awaitable[int]]) -> int:
    from assistant.history.db import create_engine

    async def main() -> int:
        engine = create_engine(settings.database_url)
        try:
            return await work(engine)
        finally:
            await engine.dispose()

    return asyncio.run(main())


async def _ready(engine: AsyncEngine, initialise: bool) -> tuple[str | None, bool]:
    """(None, False) when the schema is usable, else (what to print, whether it is transient)."""
    from assistant.history import schema
    from assistant.history.store import is_transient

    try:
        await schema.ensure_current(engine, initialise_empty=initialise)
    except schema.SchemaError as exc:
        return str(exc), False
    except Exception as exc:
        if is_transient(exc):
            return f"the database is unavailable: {str(exc).splitlines()[0]}", True
        raise
    return None, False


# -- run and demo -----------------------------------------------------------------------------

def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import logs

    logs.setup(settings.log_level, settings.log_format)
    return asyncio.run(_run(settings, once=args.once))


async def _run(settings: Settings, *, once: bool) -> int:
    from assistant.budget import FlowUnavailable
    from assistant.history.db import create_engine
    from assistant.history.store import Store, StoreUnavailable
    from assistant.inbound import Backoff, open_source, sleep_until_stopped
    from assistant.worker import Worker, install_signal_handlers

    try:
        source = open_source(settings)
    except ValueError as exc:
        return fail(f"ASSISTANT_INBOX: {exc}", EXIT_INPUT_ERROR)
    stop = asyncio.Event()
    install_signal_handlers(stop)
    engine = create_engine(settings.database_url)
    try:
        backoff = Backoff(settings.reconnect_max_seconds)
        while True:
            problem, transient = await _ready(engine, initialise=True)
            if problem is None:
                break
            if once or not transient:
                return fail(problem, EXIT_FAILURE if transient else EXIT_INPUT_ERROR)
            delay = backoff.next_delay()
            logging.getLogger("assistant.worker").warning(
                "database unavailable", extra={"fields": {"error": problem,
                                                          "retry_in_s": round(delay, 1)}})
            if await sleep_until_stopped(stop, delay):
                return 0
        worker = Worker(settings, None, Store(engine, settings), source)
        try:
            # The flow's child process loads the knowledge: a broken knowledge folder stops
            # the worker here, as a configuration problem.
            await worker.flow.ready()
            if not once:
                await worker.run(stop)
                return 0
            summary = await worker.run_once(stop)
        except FlowUnavailable as exc:
            return fail(str(exc), EXIT_INPUT_ERROR)
        except StoreUnavailable as exc:
            return fail(f"the database is unavailable: {exc}")
        finally:
            worker.close()
        return EXIT_FAILURE if summary.mailbox_error else 0
    finally:
        await engine.dispose()


def demo_mails(settings: Settings, maildir: Path) -> list[Path]:
    from assistant.settings import ROOT

    for folder in (maildir / "demo", ROOT / "mailbox" / "demo"):
        found = sorted(folder.glob("*.eml"))
        if found:
            return found
    return []


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.inbound import parse_inbox

    inbox = parse_inbox(settings.inbox)
    if inbox.scheme != "maildir":
        return fail("the demo uses the local Maildir: unset ASSISTANT_INBOX or set it to "
                     "maildir:PATH", EXIT_INPUT_ERROR)
    maildir = Path(inbox.path).resolve()
    files = demo_mails(settings, maildir)
    if not files:
        return fail(f"no demo mails in {maildir / 'demo'}", EXIT_INPUT_ERROR)
    return asyncio.run(_demo(settings, maildir, files))


async def _demo(settings: Settings, maildir: Path, files: list[Path]) -> int:
    import hashlib
    import mailbox

    from assistant import logs
    from assistant.history import queries
    from assistant.history.db import create_engine
    from assistant.history.store import Store
    from assistant.inbound.maildir import MaildirSource
    from assistant.worker import Worker

    logs.setup("WARNING", settings.log_format)
    engine = create_engine(settings.database_url)
    try:
        problem, _ = await _ready(engine, initialise=True)
        if problem:
            return fail(problem)
        raws = {f: f.read_bytes() for f in files}
        shas = {f: hashlib.sha256(raw).hexdigest() for f, raw in raws.items()}
        earlier = set(await queries.by_sha(engine, list(shas.values())))
        box = mailbox.Maildir(maildir, factory=None, create=True)
        source = MaildirSource(maildir, settings.maildir_poll_seconds)
        # Mail waiting in the Maildir from an interrupted run is not delivered a second time.
        earlier |= {hashlib.sha256(path.read_bytes()).hexdigest() for _, path in source.pending()}
        delivered = [f for f in files if shas[f] not in earlier]
        for f in delivered:
            box.add(raws[f])
        worker = Worker(settings, None, Store(engine, settings), source)
        try:
            summary = await worker.run_once()
        finally:
            worker.close()
        results = await queries.by_sha(engine, list(shas.values()))
    finally:
        await engine.dispose()
    print(f"Delivered {len(delivered)} demo mail(s) into {maildir / 'new'} "
          f"({len(files) - len(delivered)} stored by an earlier run) and processed "
          f"{summary.processed} stored mail(s); database {_shown_db(settings)}.\n")
    for f in files:
        r = results.get(shas[f], {})
        intents = ", ".join(r.get("intents") or []) or "–"
        if r.get("draft"):
            what = f"draft {r['draft']} ({r['draft_status']}" + \
                   (", needs staff)" if r.get("needs_staff") else ")")
        elif r.get("kind") == "unparseable":
            what = "flagged for staff: " + (r.get("error") or "")[:40]
        elif r.get("kind") is None:
            what = "not processed yet"
        else:
            what = "no reply (shown in its conversation)"
        print(f"  {f.name:<14} {r.get('kind') or '–':<16} {intents[:40]:<40} "
              f"{r.get('eligibility') or '–':<13} {what}")
    print("\nNext: assistant drafts list · assistant drafts show ID · "
          "assistant conversations list · assistant status")
    return 0


def _shown_db(settings: Settings) -> str:
    from assistant.settings import mask

    return mask(settings.database_url)


# -- reading the store -------------------------------------------------------------------------

def _read(settings: Settings, work: Callable[[AsyncEngine], Awaitable[int]]) -> int:
    async def guarded(engine: AsyncEngine) -> int:
        problem, _ = await _ready(engine, initialise=False)
        if problem:
            return fail(problem)
        return await work(engine)

    return _with_engine(settings, guarded)


def _json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_drafts_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        rows = await queries.list_drafts(engine, args.status, args.limit)
        if args.format == "json":
            _json(rows)
            return 0
        print(f"{'id':>5}  {'status':<9} {'created (UTC)':<19} {'conv.':>5}  "
              f"{'sender':<32} subject")
        for r in rows:
            flag = " [staff]" if r["needs_staff"] else ""
            print(f"{r['id']:>5}  {r['status']:<9} {(r['created_at'] or '')[:19]:<19} "
                  f"{r['conversation']:>5}  {(r['sender'] or '–')[:32]:<32} "
                  f"{r['subject'][:60]}{flag}")
        if not rows:
            print("(no drafts)")
        return 0

    return _read(settings, work)


def cmd_drafts_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        d = await queries.get_draft(engine, args.id)
        if d is None:
            return fail(f"no draft {args.id}", EXIT_NOT_FOUND)
        if args.format == "json":
            _json(d)
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
        return 0

    return _read(settings, work)


def cmd_conversations_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        rows = await queries.list_conversations(engine, args.status, args.limit)
        if args.format == "json":
            _json(rows)
            return 0
        print(f"{'id':>5}  {'status':<8} {'updated (UTC)':<19} {'mails':>5}  "
              f"{'sender':<32} subject")
        for r in rows:
            flag = " [staff]" if r["needs_staff"] else ""
            print(f"{r['id']:>5}  {r['status']:<8} {(r['updated_at'] or '')[:19]:<19} "
                  f"{r['messages']:>5}  {(r['sender'] or '–')[:32]:<32} "
                  f"{(r['subject'] or '')[:60]}{flag}")
        if not rows:
            print("(no conversations)")
        return 0

    return _read(settings, work)


def cmd_conversations_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        c = await queries.get_conversation(engine, args.id)
        if c is None:
            return fail(f"no conversation {args.id}", EXIT_NOT_FOUND)
        if args.format == "json":
            _json(c)
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

    return _read(settings, work)


# -- operations --------------------------------------------------------------------------------

def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import schema
    from assistant.history.store import is_transient

    async def work(engine: AsyncEngine) -> int:
        try:
            before = await schema.upgrade(engine)
        except Exception as exc:
            if is_transient(exc):
                return fail(f"the database is unavailable: {str(exc).splitlines()[0]}")
            raise
        if before.current == before.head:
            print(f"The database is up to date (revision {before.head}).")
        else:
            print(f"Upgraded the database from revision {before.current or '(empty)'} to "
                  f"{before.head}.")
        return 0

    return _with_engine(settings, work)


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import queries

    async def work(engine: AsyncEngine) -> int:
        problem, _ = await _ready(engine, initialise=False)
        if problem:
            if args.format == "json":
                _json({"ok": False, "problem": problem})
            return fail(problem)
        report = await queries.status(engine)
        unhealthy = _health(settings, report)
        report["ok"] = unhealthy is None
        if args.format == "json":
            _json(report)
        else:
            _print_status(report)
        if args.check and unhealthy:
            return fail(unhealthy)
        return 0

    return _with_engine(settings, work)


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
