"""The ``assistant`` command: every sub-command, one module per group.

    understanding   classify, draft, evaluate   the flow on mail files (no mailbox, no database)
    config          config                      the settings in effect
    worker          run, demo                   the mail worker
    store           drafts, conversations,      reading the store; its schema
                    db, status
    serve           serve, send                 the web app (with the sender), the sender alone
    users           users                       staff accounts of the web app
    intents         intents suggestions|train   the intent catalogue and its model
    knowledge       knowledge check             time-bound statements that need staff
    report          report                      the figures of a period
    history         history search|export       finding and exporting conversations
    privacy         privacy purge|export|erase  retention and the data subject's rights

Each module has ``register(subparsers)``, which only declares arguments, and a ``cmd_…``
function per command that takes the parsed arguments and the settings and returns the exit code
(:mod:`assistant.commands.common`: 1 a failure, 2 bad input or configuration, 3 not found).
These modules are the composition roots of the command line: they build the pipeline, the
store, the sources and the sender from the settings and hand them to the parts that use them.
Heavy libraries (asyncio, SQLAlchemy, Starlette, the knowledge) are imported inside the command
functions, so that ``assistant --help`` stays fast; a test checks what building the parser
imports.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence

from assistant.commands import (
    config,
    history,
    intents,
    knowledge,
    privacy,
    report,
    serve,
    store,
    understanding,
    users,
    worker,
)
from assistant.commands.common import EXIT_INPUT_ERROR, fail

# In the order ``assistant --help`` lists them.
GROUPS = (understanding, config, worker, store, serve, users, intents, knowledge, report, history,
          privacy)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Inquiry assistant of the Hessian WIR programme (KIV funding line).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Run one command; ``environ`` replaces the process environment for the settings (tests
    pass theirs instead of changing the process's)."""
    args = build_parser().parse_args(argv)
    from assistant.errors import ConfigurationError
    from assistant.settings import Settings

    try:
        settings = Settings.load(environ)
        return int(args.func(args, settings) or 0)
    except ConfigurationError as exc:
        return fail(str(exc), EXIT_INPUT_ERROR)
    except BrokenPipeError:
        return 0
