"""What every command module shares: exit codes, argument types, the database preamble, tables.

Nothing here imports more than the standard library at module level: the command modules
import this while ``assistant --help`` builds its parser, and heavy libraries (SQLAlchemy,
asyncio, the knowledge) are imported inside the functions that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.settings import Settings

# Exit codes of every command: 1 a failure, 2 bad input or configuration, 3 not found.
EXIT_FAILURE = 1
EXIT_INPUT_ERROR = 2
EXIT_NOT_FOUND = 3
# Who the audit log names for what a command did.
ACTOR = "cli"

Command = Callable[[argparse.Namespace, "Settings"], int]
# ``argparse``'s sub-command registry (its class is private).
Subcommands = Any


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    """Say what went wrong on stderr and return the exit code."""
    print(f"assistant: {message}", file=sys.stderr)
    return code


def keyed(command: Command) -> Command:
    """A command that needs a fit ``ASSISTANT_SECRET_KEY`` (it signs, keys hashes, or prepares
    accounts for the web app that does): with a short, repetitive or placeholder key it stops
    (exit 2) before it asks for or changes anything."""
    def run(args: argparse.Namespace, settings: Settings) -> int:
        settings.signing_key()
        return command(args, settings)

    run.__name__ = command.__name__
    return run


def iso_day(text: str) -> date:
    """An argument type for --since/--until and the like: an ISO date (YYYY-MM-DD) that a
    period may name (argparse then stops with the reason and exit code 2)."""
    from assistant.errors import BadDay
    from assistant.web.dates import day

    try:
        return day(text)
    except BadDay as bad:
        raise argparse.ArgumentTypeError(str(bad)) from None


def record_id(text: str) -> int:
    """An argument type for ids of stored records: a whole number from 1 to the largest id the
    database can hold (argparse then stops with the reason and exit code 2)."""
    from assistant.history import MAX_ID

    digits = text.strip().lstrip("0")
    if not digits.isascii() or not digits.isdigit() or len(digits) > len(str(MAX_ID)) \
            or int(digits) > MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number from 1 to "
                                         f"{MAX_ID})")
    return int(digits)


# -- the database preamble ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Problem:
    """Why the database cannot be used: ``transient`` when it is away (try again later: exit
    1), else its schema does not fit this code (a configuration problem: exit 2)."""

    text: str
    transient: bool

    @property
    def exit_code(self) -> int:
        return EXIT_FAILURE if self.transient else EXIT_INPUT_ERROR


async def database_problem(engine: AsyncEngine, *, initialise: bool = False) -> Problem | None:
    """None when the schema is usable (an empty database gets it when ``initialise``)."""
    from assistant.errors import SchemaError
    from assistant.history import schema
    from assistant.history.store import is_transient

    try:
        await schema.ensure_current(engine, initialise_empty=initialise)
    except SchemaError as exc:
        return Problem(str(exc), transient=False)
    except Exception as exc:
        if is_transient(exc):
            return Problem(unavailable(exc), transient=True)
        raise
    return None


def unavailable(exc: BaseException) -> str:
    """What to say when the database is away (the first line of the driver's error)."""
    return f"the database is unavailable: {str(exc).splitlines()[0]}"


def with_database(settings: Settings, work: Callable[[AsyncEngine], Awaitable[int]], *,
                  initialise: bool = False, check: bool = True) -> int:
    """``work(engine)`` in a fresh event loop with an engine of its own, disposed afterwards.

    With ``check`` the schema is checked first (and created in an empty database when
    ``initialise``): a database that is away stops the command with exit code 1, a schema
    that does not fit with exit code 2, each with the reason on stderr."""
    import asyncio

    from assistant.history.db import create_engine

    async def main() -> int:
        engine = create_engine(settings.database_url)
        try:
            if check:
                problem = await database_problem(engine, initialise=initialise)
                if problem is not None:
                    return fail(problem.text, problem.exit_code)
            return await work(engine)
        finally:
            await engine.dispose()

    return asyncio.run(main())


# -- output ------------------------------------------------------------------------------------

def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))
