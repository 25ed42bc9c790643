"""``assistant users``: the staff accounts of the web app."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from assistant.commands.common import (
    ACTOR,
    EXIT_INPUT_ERROR,
    Subcommands,
    fail,
    keyed,
    print_json,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

    from assistant.settings import Settings
    from assistant.web.auth import Passwords

ROLES = ("reviewer", "admin")


def register(sub: Subcommands) -> None:
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


def read_password(prompt: str = "Passwort: ", *, confirm: bool = True) -> str:
    """From the terminal without echo (asked twice), or the first line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Passwort wiederholen: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _with_password(settings: Settings, prompt: str, done: str,
                   change: Callable[[AsyncSession, Passwords, str], Awaitable[object]]) -> int:
    """Read a new password (before the database is opened), then ``change(db, passwords,
    password)``; a refused change (a short password, a taken name) is exit 2."""
    from assistant.errors import AccountError
    from assistant.history.db import sessionmaker
    from assistant.web.auth import Passwords

    try:
        password = read_password(prompt)
    except (ValueError, EOFError, KeyboardInterrupt) as exc:
        return fail(f"no password: {exc}", EXIT_INPUT_ERROR)

    async def work(engine: AsyncEngine) -> int:
        async with sessionmaker(engine)() as db:
            try:
                await change(db, Passwords(), password)
            except AccountError as exc:
                return fail(exc.message, EXIT_INPUT_ERROR)
        print(done)
        return 0

    return with_database(settings, work, initialise=True)


def cmd_users_add(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.web import accounts

    return _with_password(
        settings, "Passwort: ", f"added {args.name} ({args.role})",
        lambda db, passwords, password: accounts.create(db, passwords, args.name, args.role,
                                                        password, ACTOR))


def cmd_users_password(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.web import accounts

    return _with_password(
        settings, "Neues Passwort: ", f"password of {args.name} changed; their sessions have ended",
        lambda db, passwords, password: accounts.set_password(db, passwords, args.name, password,
                                                              ACTOR))


def cmd_users_list(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history.db import sessionmaker
    from assistant.web import accounts

    async def work(engine: AsyncEngine) -> int:
        async with sessionmaker(engine)() as db:
            users = await accounts.listing(db)
        rows = [{"name": u.username, "role": u.role, "active": u.active,
                 "created_at": u.created_at.isoformat() if u.created_at else None}
                for u in users]
        if args.format == "json":
            print_json(rows)
        else:
            for r in rows:
                print(f"{r['name']:<30} {r['role']:<9} {'active' if r['active'] else 'locked'}")
        return 0

    return with_database(settings, work, initialise=True)


def cmd_users_deactivate(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from assistant.history.db import sessionmaker
    from assistant.history.models import User
    from assistant.web import accounts

    async def work(engine: AsyncEngine) -> int:
        async with sessionmaker(engine)() as db:
            user = (await db.execute(select(User).where(User.username == args.name))).scalar()
            if user is None:
                return fail(f"no user named {args.name}", EXIT_INPUT_ERROR)
            await accounts.update(db, user.id, role=user.role, active=False, actor=ACTOR)
        print(f"deactivated {args.name}")
        return 0

    return with_database(settings, work, initialise=True)
