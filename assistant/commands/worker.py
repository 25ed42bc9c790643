"""``assistant run`` (the mail worker) and ``assistant demo`` (the demo mails, processed once).

The worker is put together here, the composition root: the mailbox source, the store and the
flow's child process are built from the settings and handed to :class:`assistant.worker.Worker`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.common import (
    EXIT_FAILURE,
    EXIT_INPUT_ERROR,
    Subcommands,
    database_problem,
    fail,
    unavailable,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.inbound import Source
    from assistant.settings import Settings


def register(sub: Subcommands) -> None:
    p = sub.add_parser("run", help="the mail worker: read the inbox, store and draft")
    p.add_argument("--once", action="store_true",
                   help="process what is there now and exit (0 on success)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="drop the demo inquiries into the local Maildir and run once")
    p.set_defaults(func=cmd_demo)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import logs
    from assistant.inbound import open_source

    logs.setup(settings.log_level, settings.log_format)
    try:
        source = open_source(settings)
    except ValueError as exc:
        return fail(f"ASSISTANT_INBOX: {exc}", EXIT_INPUT_ERROR)

    async def work(engine: AsyncEngine) -> int:
        # Waiting for the database is part of the worker's job: it may start before it.
        return await _run(settings, engine, source, once=args.once)

    return with_database(settings, work, check=False)


async def _run(settings: Settings, engine: AsyncEngine, source: Source, *, once: bool) -> int:
    import asyncio
    import logging

    from assistant.errors import FlowUnavailable, StoreUnavailable
    from assistant.history.store import Store
    from assistant.inbound import Backoff, sleep_until_stopped
    from assistant.worker import Worker, install_signal_handlers

    stop = asyncio.Event()
    install_signal_handlers(stop)
    backoff = Backoff(settings.reconnect_max_seconds)
    while True:
        problem = await database_problem(engine, initialise=True)
        if problem is None:
            break
        if once or not problem.transient:
            return fail(problem.text, problem.exit_code)
        delay = backoff.next_delay()
        logging.getLogger("assistant.worker").warning(
            "database unavailable", extra={"fields": {"error": problem.text,
                                                      "retry_in_s": round(delay, 1)}})
        if await sleep_until_stopped(stop, delay):
            return 0
    worker = Worker(settings, Store(engine, settings), source)
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
        return fail(unavailable(exc))
    finally:
        worker.close()
    return EXIT_FAILURE if summary.mailbox_error else 0


def demo_mails(maildir: Path) -> list[Path]:
    """The demo's mails: ``demo/`` in the Maildir, else the checkout's ``mailbox/demo/``."""
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
    files = demo_mails(maildir)
    if not files:
        return fail(f"no demo mails in {maildir / 'demo'}", EXIT_INPUT_ERROR)

    async def work(engine: AsyncEngine) -> int:
        return await _demo(settings, engine, maildir, files)

    return with_database(settings, work, initialise=True)


async def _demo(settings: Settings, engine: AsyncEngine, maildir: Path,
                files: list[Path]) -> int:
    import hashlib
    import mailbox

    from assistant import logs
    from assistant.history import queries
    from assistant.history.store import Store
    from assistant.inbound.maildir import MaildirSource
    from assistant.settings import mask
    from assistant.worker import Worker

    logs.setup("WARNING", settings.log_format)
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
    worker = Worker(settings, Store(engine, settings), source)
    try:
        summary = await worker.run_once()
    finally:
        worker.close()
    results = await queries.by_sha(engine, list(shas.values()))
    print(f"Delivered {len(delivered)} demo mail(s) into {maildir / 'new'} "
          f"({len(files) - len(delivered)} stored by an earlier run) and processed "
          f"{summary.processed} stored mail(s); database {mask(settings.database_url)}.\n")
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
