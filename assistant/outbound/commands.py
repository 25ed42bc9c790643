"""``assistant send``: the sender on its own, for setups that run the web app elsewhere
(``assistant serve`` runs a sender in its own process unless given ``--no-sender``).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import TYPE_CHECKING

from assistant.cli import EXIT_INPUT_ERROR
from assistant.errors import SchemaError

if TYPE_CHECKING:
    from assistant.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("send", help="deliver approved replies over SMTP")
    p.add_argument("--once", action="store_true",
                   help="send what is due now and exit (prints what happened)")
    p.set_defaults(func=cmd_send)


def cmd_send(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import logs

    logs.setup(settings.log_level, getattr(settings, "log_format", "logfmt"))
    return asyncio.run(_send(settings, once=args.once))


async def _send(settings: Settings, *, once: bool) -> int:
    from assistant.history import schema
    from assistant.history.db import create_engine, sessionmaker
    from assistant.outbound import sent_copy
    from assistant.outbound.sender import Sender
    from assistant.outbound.smtp import SmtpTransport

    engine = create_engine(settings.database_url)
    try:
        try:
            await schema.ensure_current(engine, initialise_empty=False)
        except SchemaError as exc:
            print(f"assistant: {exc}", file=sys.stderr)
            return EXIT_INPUT_ERROR
        transport = SmtpTransport(settings.smtp_url, timeout=settings.smtp_timeout_seconds,
                                  local_hostname=settings.message_id_domain)
        sender = Sender(settings, sessionmaker(engine), transport,
                        sent_copy=sent_copy.from_settings(settings))
        if once:
            recovered = await sender.recover()
            sent = await sender.run_once()
            print(f"sent {sent} repl{'y' if sent == 1 else 'ies'}"
                  + (f"; {recovered} marked uncertain" if recovered else ""))
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await sender.run(stop)
        return 0
    finally:
        await engine.dispose()
