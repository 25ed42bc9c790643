"""The mail worker: from the inquiry mailbox to stored conversations and drafts, exactly once.

Two tasks share one event loop (a third applies the retention rule once a day):

    fetcher:   source.run()  ─ raw mail ─▶ store.store()  (commit, then the source lets go)
                                               │ wakes
    processor: store.claim() ─▶ child process: parse ─▶ flow ─▶ store.record()
                                (assistant.budget, at most ASSISTANT_PROCESS_SECONDS)

The fetcher only moves bytes; the processor only reads the database. So a mail is either still
in the mailbox, or stored raw and waiting, or processed — each state committed before the next
begins — and a worker killed at any moment is simply started again (see ``store``). Several
workers may run against one PostgreSQL database: one of them fetches per folder (a lease), all
of them process.

Mail that cannot be parsed or understood is recorded as ``unparseable``, flagged for staff with
the error, and the worker carries on; mail from our own addresses is a loop and only logged.
Parsing and the flow run in a child process with a time budget (:mod:`assistant.budget`): a
mail that needs longer is recorded as unparseable ("zu aufwendig") and the child replaced, so
that no mail can hold the worker. An attempt is counted for the mail in hand only, before it is
parsed (not for the other mails claimed with it), and a mail that has used up
``ASSISTANT_PROCESS_ATTEMPTS`` (the worker died while processing it) is flagged without being
parsed again. A lost database is waited for (exponential backoff), as is a lost mailbox (in the
source). On SIGTERM or SIGINT the worker lets the mail in hand finish within
``STOP_GRACE_SECONDS`` (else it ends the child and gives the mail back), gives back its leases
and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.budget import FlowProcess
from assistant.errors import (
    FlowUnavailable,
    Interrupted,
    MailboxUnavailable,
    SettingsError,
    StoreUnavailable,
)
from assistant.history import privacy
from assistant.history.store import Claimed, Recorded, Store
from assistant.inbound import Backoff, Checkpoint, Incoming, Source, sleep_until_stopped
from assistant.parse import parse_head
from assistant.values import Decided, Handled, Understood

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Sequence

    from assistant.settings import Settings
    from assistant.values import Thread

log = logging.getLogger("assistant.worker")

# Mails leased per claim (one commit for several); an attempt is counted only for the mail in
# hand (see Store.claim).
CLAIM_BATCH = 10
# After SIGTERM: how long the mail in hand may still take, and then the tasks; together well
# inside the ten seconds container runtimes wait before SIGKILL.
STOP_GRACE_SECONDS = 3.0
SHUTDOWN_GRACE_SECONDS = 5.0


class _WakingSink:
    """The store as the sources see it; new mail wakes the processor at once."""

    def __init__(self, store: Store, wake: asyncio.Event) -> None:
        self.store_ = store
        self.wake = wake

    async def store(self, source: str, mailbox: str, folder: str, mails: Sequence[Incoming],
                    checkpoint: Checkpoint | None = None) -> int:
        stored = await self.store_.store(source, mailbox, folder, mails, checkpoint)
        if stored:
            self.wake.set()
        return stored

    async def checkpoint(self, mailbox: str, folder: str) -> Checkpoint:
        return await self.store_.checkpoint(mailbox, folder)

    async def lease(self, mailbox: str, folder: str) -> bool:
        return await self.store_.lease(mailbox, folder)

    async def release(self, mailbox: str, folder: str) -> None:
        await self.store_.release(mailbox, folder)

    async def polled(self, mailbox: str, folder: str) -> None:
        await self.store_.polled(mailbox, folder)


class _Database:
    """Logs one line when the database goes away and one when it is back."""

    def __init__(self) -> None:
        self.down_since: float | None = None

    def down(self, exc: Exception, retry_in: float) -> None:
        if self.down_since is None:
            self.down_since = time.monotonic()
            log.warning("database unavailable", extra={"fields": {
                "error": str(exc)[:300], "retry_in_s": round(retry_in, 1)}})

    def up(self) -> None:
        if self.down_since is not None:
            log.info("database back", extra={"fields": {
                "down_s": round(time.monotonic() - self.down_since, 1)}})
            self.down_since = None


@dataclass(frozen=True, slots=True)
class Summary:
    fetched: int
    processed: int
    mailbox_error: str | None = None


class Worker:
    """``flow`` runs the flow of one mail: by default a :class:`FlowProcess` of the worker's
    own (its child process builds the pipeline from the settings), ended by :meth:`close` and
    at the end of :meth:`run`."""

    def __init__(self, settings: Settings, store: Store, source: Source,
                 flow: FlowProcess | None = None) -> None:
        if settings.process_seconds >= settings.lease_seconds:
            # Another worker would take the mail over while this one still works on it.
            raise SettingsError(f"ASSISTANT_PROCESS_SECONDS ({settings.process_seconds:g}) must "
                                f"be less than ASSISTANT_LEASE_SECONDS "
                                f"({settings.lease_seconds:g})")
        self.settings = settings
        self.store = store
        self.source = source
        self.flow = flow if flow is not None else FlowProcess(settings)
        self._own_flow = flow is None
        self.wake = asyncio.Event()
        self.sink = _WakingSink(store, self.wake)
        self.database = _Database()
        self.backoff_limit = settings.reconnect_max_seconds

    def close(self) -> None:
        """End the flow's child process (if the worker started it; a flow passed in is the
        caller's)."""
        if self._own_flow:
            self.flow.close()

    # -- one mail --------------------------------------------------------------------------

    async def understand(self, claimed: Claimed, stop: asyncio.Event | None = None) -> Handled:
        """What the flow makes of the mail, within the budget; never raises for a bad mail.

        A mail that has used up its attempts (the worker died while processing it) is flagged
        without being parsed again: parsing may be what killed it. Raises :class:`Interrupted`
        when ``stop`` ended the mail in hand, :class:`FlowUnavailable` when no child starts.
        """
        if claimed.attempts > self.settings.process_attempts:
            return Handled(None, error=f"gave up after {claimed.attempts - 1} attempts that did "
                                      "not finish (the worker or the database stopped while "
                                      "processing this mail)")
        thread = await self._thread(claimed)
        handled = await self._run_flow(claimed.raw, thread, stop)
        if handled.error is not None:
            fields = {"message": claimed.id, "error": handled.error.split(":", 1)[0][:100]}
            if handled.trace:
                fields["exc"] = handled.trace
            log.warning("processing failed; flagged for staff", extra={"fields": fields})
        return handled

    async def _thread(self, claimed: Claimed) -> Thread | None:
        """What the mail's conversation already knows (its facts, what our last reply asked
        for, what our replies said), read before the flow: only the mail's headers are parsed
        here, so a mail of any size costs little. A mail whose headers cannot be read has no
        conversation context (the flow flags it); the store's outages propagate."""
        try:
            head = parse_head(claimed.raw)
        except Exception:  # noqa: BLE001 - a bad mail gets no context; the flow flags it
            return None
        return await self.store.thread_context(head)

    async def _run_flow(self, raw: bytes, thread: Thread | None,
                        stop: asyncio.Event | None) -> Handled:
        running = asyncio.ensure_future(self.flow.run(raw, thread))
        if stop is None:
            return await running
        stopping = asyncio.ensure_future(stop.wait())
        try:
            done, _ = await asyncio.wait({running, stopping},
                                         return_when=asyncio.FIRST_COMPLETED)
            if running not in done:
                done, _ = await asyncio.wait({running}, timeout=STOP_GRACE_SECONDS)
                if running not in done:
                    self.flow.interrupt()
            return await running
        finally:
            stopping.cancel()

    async def process(self, claimed: Claimed, stop: asyncio.Event | None = None,
                      then: Claimed | None = None) -> Recorded | None:
        """Run the flow for ``claimed`` and record the result; the record also counts the
        attempt of ``then``, the claimed mail to be taken in hand next."""
        started = time.perf_counter()
        try:
            result = await self.understand(claimed, stop)
        except (Interrupted, FlowUnavailable) as exc:
            with contextlib.suppress(StoreUnavailable):
                await self.store.give_back(claimed)
            if isinstance(exc, Interrupted):
                log.info("stopped during a mail; given back", extra={"fields": {
                    "message": claimed.id}})
            raise
        try:
            recorded = await self.store.record(claimed, result, then)
        except StoreUnavailable:
            raise
        except Exception as exc:  # e.g. a value the database refuses
            log.error("cannot store the result; storing the mail as unparseable", exc_info=True,
                      extra={"fields": {"message": claimed.id, "error": exc.__class__.__name__}})
            result = Handled(None, error=f"cannot store the result: {exc.__class__.__name__}")
            recorded = await self.store.record(claimed, result, then)
        if recorded is None and then is not None:
            await self.store.charge(then)
        self._log(claimed, result, recorded, (time.perf_counter() - started) * 1000)
        return recorded

    def _log(self, claimed: Claimed, result: Handled, recorded: Recorded | None,
             ms: float) -> None:
        processed = result.processed
        understanding = processed.understanding if isinstance(processed, Understood) else None
        verdict = processed.verdict if isinstance(processed, Decided) else None
        fields = {
            "message_id": result.mail.message_id if result.mail else None,
            "stored_id": claimed.id,
            "kind": recorded.kind if recorded else None,
            "intents": list(understanding.intent_ids) if understanding else [],
            "verdict": verdict.eligibility.value if verdict else None,
            "outcome": processed.outcome.value if processed and processed.outcome else None,
            "conversation": recorded.conversation_id if recorded else None,
            "thread": recorded.thread if recorded else None,
            "draft": recorded.draft_id if recorded else None,
            "ms": round(ms, 1),
        }
        if recorded is None:
            log.info("mail already processed by another worker", extra={"fields": fields})
        elif recorded.note:
            log.warning("mail", extra={"fields": {**fields, "note": recorded.note}})
        else:
            log.info("mail", extra={"fields": fields})

    async def process_pending(self, stop: asyncio.Event | None = None) -> int:
        """Process stored mail until none is left (or ``stop``); returns how many."""
        done = 0
        while stop is None or not stop.is_set():
            claimed = await self.store.claim(CLAIM_BATCH)
            self.database.up()
            if not claimed:
                break
            for index, item in enumerate(claimed):
                if stop is not None and stop.is_set():
                    if index:  # its attempt was counted with the mail before it
                        await self.store.give_back(item)
                    break
                then = claimed[index + 1] if index + 1 < len(claimed) else None
                try:
                    await self.process(item, stop, then)
                except Interrupted:
                    break
                done += 1
        if stop is not None and stop.is_set():
            with contextlib.suppress(StoreUnavailable):
                await self.store.release_claims()
        return done

    # -- the loops -------------------------------------------------------------------------

    async def run_once(self, stop: asyncio.Event | None = None) -> Summary:
        """Take in what the mailbox has now, process everything stored, return."""
        await self.store.release_dead_leases()
        fetched, error = 0, None
        try:
            fetched = await self.source.fetch_once(self.sink)
        except MailboxUnavailable as exc:
            error = str(exc)
            log.error("mailbox unavailable", extra={"fields": {"mailbox": self.source.name,
                                                               "error": error}})
        processed = await self.process_pending(stop)
        return Summary(fetched, processed, error)

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop``: fetch and process; waits out database and mailbox outages."""
        self.flow.start()  # the child loads the knowledge meanwhile
        try:
            await self._run(stop)
        finally:
            self.close()
        log.info("worker stopped", extra={"fields": {"mailbox": self.source.name}})

    async def _run(self, stop: asyncio.Event) -> None:
        await self._until_database(stop, self.store.release_dead_leases)
        log.info("worker started", extra={"fields": {"mailbox": self.source.name,
                                                     "owner": self.store.owner}})
        tasks: list[asyncio.Task[Any]] = [
            asyncio.create_task(self._fetcher(stop), name="fetcher"),
            asyncio.create_task(self._processor(stop), name="processor"),
            # The retention rule: personal data of long-closed conversations is purged
            # once per ASSISTANT_PRIVACY_PURGE_HOURS (errors are logged, never fatal).
            asyncio.create_task(privacy.purge_periodically(self.store.engine, self.settings,
                                                           stop), name="privacy")]
        stopping: asyncio.Task[Any] = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait([*tasks, stopping], return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        _, late = await asyncio.wait(tasks, timeout=STOP_GRACE_SECONDS + SHUTDOWN_GRACE_SECONDS)
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        stopping.cancel()
        with contextlib.suppress(Exception):
            await self.store.release_claims()
        for task in done:
            if task is not stopping and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]

    async def _until_database(self, stop: asyncio.Event,
                              action: Callable[[], Awaitable[object]]) -> None:
        backoff = Backoff(self.backoff_limit)
        while not stop.is_set():
            try:
                await action()
                self.database.up()
                return
            except StoreUnavailable as exc:
                delay = backoff.next_delay()
                self.database.down(exc, delay)
                await sleep_until_stopped(stop, delay)

    async def _processor(self, stop: asyncio.Event) -> None:
        backoff = Backoff(self.backoff_limit)
        while not stop.is_set():
            self.wake.clear()
            try:
                await self.process_pending(stop)
            except StoreUnavailable as exc:
                delay = backoff.next_delay()
                self.database.down(exc, delay)
                await sleep_until_stopped(stop, delay)
                continue
            except FlowUnavailable as exc:
                delay = backoff.next_delay()
                log.error("cannot start the flow process", extra={"fields": {
                    "error": str(exc)[-2000:], "retry_in_s": round(delay, 1)}})
                await sleep_until_stopped(stop, delay)
                continue
            backoff.reset()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_first(self.wake, stop), self.settings.pending_poll_seconds)

    async def _fetcher(self, stop: asyncio.Event) -> None:
        backoff = Backoff(self.backoff_limit)
        while not stop.is_set():
            try:
                await self.source.run(self.sink, stop)
                backoff.reset()
            except StoreUnavailable as exc:
                delay = backoff.next_delay()
                self.database.down(exc, delay)
                await sleep_until_stopped(stop, delay)
            except Exception as exc:  # e.g. the SMTP port is taken
                delay = backoff.next_delay()
                expected = isinstance(exc, OSError | MailboxUnavailable)
                log.error("mail source failed", exc_info=not expected, extra={"fields": {
                    "mailbox": self.source.name, "error": str(exc), "retry_in_s": round(delay, 1)}})
                await sleep_until_stopped(stop, delay)


async def _first(*events: asyncio.Event) -> None:
    waits = [asyncio.create_task(e.wait()) for e in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()


def install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, _on_signal, stop, signum)


def _on_signal(stop: asyncio.Event, signum: int) -> None:
    if not stop.is_set():
        log.info("stopping", extra={"fields": {
            "signal": signal.Signals(signum).name, "grace_s": STOP_GRACE_SECONDS}})
    stop.set()
