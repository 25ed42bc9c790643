"""The review stage's commands: ``serve``, ``users`` and ``intents suggestions``.

``register`` only declares arguments; the web framework, the database and the knowledge are
imported inside the command functions, so that ``assistant --help`` stays fast.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli import EXIT_INPUT_ERROR, fail, keyed, record_id
from assistant.errors import AccountError, CorrectionError, SchemaError

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from assistant.settings import Settings

ROLES = ("reviewer", "admin")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="the staff web app for reviewing and sending drafts")
    p.add_argument("--host", help="address to listen on (default: ASSISTANT_WEB_HOST)")
    p.add_argument("--port", type=int, help="port to listen on (default: ASSISTANT_WEB_PORT)")
    p.add_argument("--no-sender", action="store_true",
                   help="do not run the sender in this process (run `assistant send` instead)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("users", help="staff accounts of the web app")
    users = p.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    q = users.add_parser("add", help="add an account; the password is read from the terminal "
                                     "(or the first line of standard input)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", choices=ROLES, default="reviewer")
    q.set_defaults(func=keyed(cmd_users_add))
    q = users.add_parser("password", help="set a new password (ends the account's sessions)")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(func=keyed(cmd_users_password))
    q = users.add_parser("list", help="the accounts")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=keyed(cmd_users_list))
    q = users.add_parser("deactivate", help="lock an account and end its sessions")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(func=keyed(cmd_users_deactivate))

    p = sub.add_parser("intents", help="the intent catalogue")
    intents = p.add_subparsers(dest="intents_command", required=True, metavar="ACTION")
    q = intents.add_parser(
        "suggestions", help="reviewer corrections kept as candidate examples",
        description="List the suggestions (default), or accept or dismiss them by id. Accepting "
                    "writes the sentence as a new example into intents/<id>.yaml; it counts "
                    "once the model is trained again (`assistant intents train --write`).")
    q.add_argument("action", nargs="?", choices=("list", "accept", "dismiss"), default="list")
    q.add_argument("ids", nargs="*", type=record_id, metavar="ID")
    q.add_argument("--all", action="store_true", help="list decided suggestions too")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_suggestions)
    from assistant.learning_commands import add_train

    add_train(intents)


def _with_sessions(settings: Settings,
                   work: Callable[[async_sessionmaker[AsyncSession]], Awaitable[int]]) -> int:
    from assistant.history import schema
    from assistant.history.db import create_engine, sessionmaker

    async def main() -> int:
        engine = create_engine(settings.database_url)
        try:
            try:
                await schema.ensure_current(engine, initialise_empty=True)
            except SchemaError as exc:
                return fail(str(exc), EXIT_INPUT_ERROR)
            return await work(sessionmaker(engine))
        finally:
            await engine.dispose()

    return asyncio.run(main())


def read_password(prompt: str = "Passwort: ", *, confirm: bool = True) -> str:
    """From the terminal without echo (asked twice), or the first line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Passwort wiederholen: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


# --- serve ---------------------------------------------------------------------------------------

def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from assistant import logs
    from assistant.cli import _pipeline
    from assistant.history import schema
    from assistant.history.db import create_engine, sessionmaker
    from assistant.outbound import sent_copy
    from assistant.outbound.sender import Sender
    from assistant.outbound.smtp import SmtpTransport
    from assistant.review.web import create_app

    settings.signing_key()  # SettingsError (exit 2) for a short, repetitive or placeholder key
    logs.setup(settings.log_level, getattr(settings, "log_format", "logfmt"))
    pipeline = _pipeline(settings)
    engine = create_engine(settings.database_url)

    async def check() -> None:
        try:
            await schema.ensure_current(engine, initialise_empty=True)
        finally:
            await engine.dispose()  # connections belong to this loop, not uvicorn's

    try:
        asyncio.run(check())
    except SchemaError as exc:
        return fail(str(exc), EXIT_INPUT_ERROR)
    sessions = sessionmaker(engine)
    sender = None
    if not args.no_sender:
        transport = SmtpTransport(settings.smtp_url, timeout=settings.smtp_timeout_seconds,
                                  local_hostname=settings.message_id_domain)
        sender = Sender(settings, sessions, transport, sent_copy=sent_copy.from_settings(settings))
    app = create_app(settings, sessions=sessions, pipeline=pipeline, sender=sender,
                     start_workers=True)
    config = uvicorn.Config(app, host=args.host or settings.web_host,
                            port=args.port or settings.web_port, proxy_headers=False,
                            server_header=False, log_config=None)
    uvicorn.Server(config).run()
    return 0


# --- users -----------------------------------------------------------------------------------

def cmd_users_add(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.review import accounts
    from assistant.review.auth import Passwords

    try:
        password = read_password()
    except (ValueError, EOFError, KeyboardInterrupt) as exc:
        return fail(f"no password: {exc}", EXIT_INPUT_ERROR)

    async def work(sessions: async_sessionmaker[AsyncSession]) -> int:
        async with sessions() as db:
            try:
                await accounts.create(db, Passwords(), args.name, args.role, password, "cli")
            except AccountError as exc:
                return fail(exc.message, EXIT_INPUT_ERROR)
        print(f"added {args.name} ({args.role})")
        return 0

    return _with_sessions(settings, work)


def cmd_users_password(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.review import accounts
    from assistant.review.auth import Passwords

    try:
        password = read_password("Neues Passwort: ")
    except (ValueError, EOFError, KeyboardInterrupt) as exc:
        return fail(f"no password: {exc}", EXIT_INPUT_ERROR)

    async def work(sessions: async_sessionmaker[AsyncSession]) -> int:
        async with sessions() as db:
            try:
                await accounts.set_password(db, Passwords(), args.name, password, "cli")
            except AccountError as exc:
                return fail(exc.message, EXIT_INPUT_ERROR)
        print(f"password of {args.name} changed; their sessions have ended")
        return 0

    return _with_sessions(settings, work)


def cmd_users_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.review import accounts

    async def work(sessions: async_sessionmaker[AsyncSession]) -> int:
        async with sessions() as db:
            users = await accounts.listing(db)
        rows = [{"name": u.username, "role": u.role, "active": u.active,
                 "created_at": u.created_at.isoformat() if u.created_at else None}
                for u in users]
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print(f"{r['name']:<30} {r['role']:<9} {'active' if r['active'] else 'locked'}")
        return 0

    return _with_sessions(settings, work)


def cmd_users_deactivate(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from assistant.history.models import User
    from assistant.review import accounts

    async def work(sessions: async_sessionmaker[AsyncSession]) -> int:
        async with sessions() as db:
            user = (await db.execute(select(User).where(User.username == args.name))).scalar()
            if user is None:
                return fail(f"no user named {args.name}", EXIT_INPUT_ERROR)
            await accounts.update(db, user.id, role=user.role, active=False, actor="cli")
        print(f"deactivated {args.name}")
        return 0

    return _with_sessions(settings, work)


# --- intents suggestions ---------------------------------------------------------------------

def cmd_suggestions(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.review import corrections

    if args.action != "list" and not args.ids:
        return fail(f"`assistant intents suggestions {args.action}` needs at least one ID",
                     EXIT_INPUT_ERROR)

    async def work(sessions: async_sessionmaker[AsyncSession]) -> int:
        failed = False
        async with sessions() as db:
            if args.action == "list":
                rows = await corrections.listing(db, None if args.all else "open")
                _print_suggestions(rows, args.format)
                return 0
            for suggestion_id in args.ids:
                try:
                    if args.action == "accept":
                        done = await corrections.accept(db, suggestion_id, "cli",
                                                        Path(settings.intents_dir))
                        if done.written:
                            print(f"{suggestion_id}: added as an example to {done.path}")
                        else:
                            print(f"{suggestion_id}: already an example in {done.path}; "
                                  "marked accepted")
                    else:
                        await corrections.dismiss(db, suggestion_id, "cli")
                        print(f"{suggestion_id}: dismissed")
                except CorrectionError as exc:
                    failed = True
                    print(f"assistant: {suggestion_id}: {exc}", file=sys.stderr)
        if args.action == "accept":
            print("Run `assistant evaluate DIR` to see whether accuracy moved.")
        return EXIT_INPUT_ERROR if failed else 0

    return _with_sessions(settings, work)


def _print_suggestions(rows: list[Any], fmt: str) -> None:
    data = [{"id": s.id, "intent": s.intent, "sentence": s.sentence, "origin": s.origin,
             "status": s.status, "created_by": s.created_by,
             "created_at": s.created_at.isoformat() if s.created_at else None} for s in rows]
    if fmt == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not data:
        print("no suggestions")
        return
    for d in data:
        print(f"{d['id']:>5}  {d['status']:<9} {d['intent']:<20} {d['origin']:<14} "
              f"{d['sentence'][:80]}")
