"""``assistant serve`` (the staff web app, the chat and the sender in one process) and
``assistant send`` (the sender alone, for setups that run the web app elsewhere).

This is where the web app and the sender are put together: the web shell
(:mod:`assistant.web`) gets its pages (:func:`pages`), the pipeline, the database sessions and
the sender, each built from the settings here.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from assistant.commands.common import Subcommands, with_database

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
    from starlette.applications import Starlette

    from assistant.outbound.sender import Sender
    from assistant.settings import Settings
    from assistant.web.pages import Page


def register(sub: Subcommands) -> None:
    p = sub.add_parser("serve", help="the staff web app for reviewing and sending drafts")
    p.add_argument("--host", help="address to listen on (default: ASSISTANT_WEB_HOST)")
    p.add_argument("--port", type=int, help="port to listen on (default: ASSISTANT_WEB_PORT)")
    p.add_argument("--no-sender", action="store_true",
                   help="do not run the sender in this process (run `assistant send` instead)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("send", help="deliver approved replies over SMTP")
    p.add_argument("--once", action="store_true",
                   help="send what is due now and exit (prints what happened)")
    p.set_defaults(func=cmd_send)


def pages() -> tuple[Page, ...]:
    """The page modules of the web app, in the order of the header's links."""
    from assistant.chat import web as chat
    from assistant.reports import web as reports
    from assistant.review import web as review

    return (review.PAGE, reports.PAGE, chat.PAGE)


def staff_app(settings: Settings, **parts: Any) -> Starlette:
    """The web app with all its pages; ``parts`` go to :func:`assistant.web.app.create_app`
    (sessions, pipeline, sender, …)."""
    from assistant.web.app import create_app

    return create_app(settings, pages(), **parts)


def sender_for(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> Sender:
    """The sender with the SMTP transport and the sent-folder copy the settings name."""
    from assistant.outbound import sent_copy
    from assistant.outbound.sender import Sender
    from assistant.outbound.smtp import SmtpTransport

    transport = SmtpTransport(settings.smtp_url, timeout=settings.smtp_timeout_seconds,
                              local_hostname=settings.message_id_domain)
    return Sender(settings, sessions, transport, sent_copy=sent_copy.from_settings(settings))


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from assistant import knowledge, logs
    from assistant.flow import Pipeline
    from assistant.history.db import create_engine, sessionmaker
    from assistant.history.live_knowledge import load_from_store

    settings.signing_key()  # SettingsError (exit 2) for a short, repetitive or placeholder key
    logs.setup(settings.log_level, settings.log_format)
    loaded: list[knowledge.Knowledge] = []

    async def ready(engine: AsyncEngine) -> int:
        # The schema is checked (and an empty database set up) before this; an empty store
        # gets the folders' knowledge.
        loaded.append(await load_from_store(sessionmaker(engine), settings)
                      if settings.knowledge_source == "store" else knowledge.load(settings))
        return 0

    problem = with_database(settings, ready, initialise=True)
    if problem:
        return problem
    # A new engine: the checking one's connections belonged to its own event loop.
    sessions = sessionmaker(create_engine(settings.database_url))
    pipeline = Pipeline(settings, loaded[0])
    sender = None if args.no_sender else sender_for(settings, sessions)
    app = staff_app(settings, sessions=sessions, pipeline=pipeline, sender=sender,
                    start_workers=True)
    config = uvicorn.Config(app, host=args.host or settings.web_host,
                            port=args.port or settings.web_port, proxy_headers=False,
                            server_header=False, log_config=None)
    uvicorn.Server(config).run()
    return 0


def cmd_send(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import logs

    logs.setup(settings.log_level, settings.log_format)

    async def work(engine: AsyncEngine) -> int:
        import asyncio
        import signal

        from assistant.history.db import sessionmaker

        sender = sender_for(settings, sessionmaker(engine))
        if args.once:
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

    return with_database(settings, work)
