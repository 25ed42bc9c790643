"""The flow of one mail in a child process, within a time budget (``ASSISTANT_PROCESS_SECONDS``).

A thread cannot be stopped; a process can. The worker hands the raw bytes of each stored mail
to one long-lived child process, which parses it and runs the flow (:class:`MailHandler`), and
waits at most the budget for the answer::

    worker ── raw bytes ──▶ child: parse ─▶ understand ─▶ rules ─▶ draft
           ◀── Handled ────

A child that overruns the budget is killed (SIGKILL) and a fresh one is started at once; the
mail's outcome is the error "zu aufwendig", and the worker stores the mail as unparseable,
flagged for staff. A child that dies by itself (a crash in a C extension, the kernel's OOM
killer) is replaced the same way and its mail flagged. Either way the worker goes on with the
next mail, and no mail can hold the worker: each costs at most the budget.

The child is a fresh interpreter (``python -c``, with a socket pair as its pipe), not a fork
of the worker, whose threads (database, IMAP) may hold locks at the moment of a fork; nor is it
started by multiprocessing, which would add a resource-tracker process and run the parent's main
script again in the child. It builds its own pipeline from the settings and then serves mail
after mail, so a mail costs only the exchange of its bytes and its outcome. For each mail it
also arms an alarm of the budget plus ``CHILD_GRACE_SECONDS``: should the worker be gone, a
runaway child still ends by itself; between mails it ends when the pipe closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from assistant.errors import FlowUnavailable, Interrupted, SettingsError
from assistant.values import Handled, Processed

if TYPE_CHECKING:
    from assistant.flow import Pipeline
    from assistant.settings import Settings
    from assistant.values import Thread

# How long a new child may take to load the knowledge and build its pipeline.
START_SECONDS = 120.0
CHILD_GRACE_SECONDS = 5.0
# Error texts (the part before the colon is the reason in the audit log, "processing_failed").
TOO_COSTLY = "zu aufwendig"
TOO_LARGE = "zu groß"
DIED = "Verarbeitung abgebrochen"
_FATAL_PARSE = "unparseable message"
_READY = "ready"


# -- the child's side ----------------------------------------------------------------------------

class MailHandler:
    """Parse one mail and run the flow; never raises (a failure becomes the outcome's error).

    Built once in the child. Mail larger than ``ASSISTANT_MAX_MESSAGE_BYTES`` (which only IMAP
    and Maildir can bring: the SMTP intake refuses it) is read as far as its headers only.
    """

    def __init__(self, settings: Settings) -> None:
        from assistant.history.live_knowledge import LivePipeline

        # The knowledge of the folders, or the store's current version (checked before a mail).
        self.live = LivePipeline(settings)
        self.own = frozenset(settings.own_addresses)
        self.max_bytes = settings.max_message_bytes

    @property
    def pipeline(self) -> Pipeline:
        return self.live.current()

    def __call__(self, raw: bytes, thread: Thread | None = None) -> Handled:
        from assistant.numerals import whole
        from assistant.parse import parse, parse_head

        pipeline = self.pipeline
        version = pipeline.knowledge.stamp
        mail = None
        try:
            if len(raw) > self.max_bytes:
                return Handled(parse_head(raw), error=(
                    f"{TOO_LARGE}: {whole(len(raw))} Bytes, die Grenze ist "
                    f"{whole(self.max_bytes)} (ASSISTANT_MAX_MESSAGE_BYTES); nur die "
                    "Kopfzeilen wurden gelesen, die Mail ist vollständig gespeichert"))
            mail = parse(raw)
            if mail.sender is not None and mail.sender.address.lower() in self.own:
                return Handled(mail, loop=True)
            fatal = next((p for p in mail.problems if p.startswith(_FATAL_PARSE)), None)
            if fatal is None and not mail.headers:
                fatal = "no mail headers found: not an e-mail message"
            if fatal is not None:
                return Handled(mail, error=fatal)
            return Handled(mail, pipeline.run(Processed(mail, thread=thread)),
                           knowledge_version=version)
        except Exception as exc:  # noqa: BLE001 - a bad mail must not stop the worker
            return Handled(mail, error=f"{exc.__class__.__name__}: {exc}"[:2000],
                           trace=traceback.format_exc()[-8000:])


_CHILD = "import sys; from assistant.budget import serve; serve(int(sys.argv[1]))"


def serve(fd: int) -> None:
    """The child: build the handler, then answer mail after mail until the pipe closes.

    The worker sends its module search path first, then the settings and the handler's
    factory (pickled by name, so the path must be in place to load it)."""
    # SIGINT (Ctrl-C in a terminal reaches the whole process group) and SIGTERM are the
    # worker's to handle: it ends the child when it is time. SIGALRM ends a runaway child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    conn = Connection(fd)
    try:
        sys.path[:] = conn.recv()
        settings, make_handler = conn.recv()
        handler = make_handler(settings)
    except (EOFError, OSError):  # the worker has gone
        return
    except BaseException as exc:  # noqa: BLE001 - told to the worker, which raises it
        conn.send(("failed", "".join(traceback.format_exception_only(exc)).strip()[-2000:]))
        return
    conn.send((_READY, None))
    limit = settings.process_seconds + CHILD_GRACE_SECONDS
    # A handler that takes the conversation's context gets it (tests pass simpler ones).
    takes_thread = len(inspect.signature(handler).parameters) >= 2
    while True:
        try:
            raw = conn.recv_bytes()
            thread = conn.recv()
        except (EOFError, OSError):  # the worker has gone
            return
        signal.setitimer(signal.ITIMER_REAL, limit)
        outcome = _without_raw(handler(raw, thread) if takes_thread else handler(raw))
        signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            conn.send(outcome)
        except (EOFError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - e.g. a value that cannot be pickled
            conn.send(Handled(outcome.mail, error=f"{exc.__class__.__name__}: {exc}"[:2000],
                              trace=traceback.format_exc()[-8000:]))


def _without_raw(outcome: Handled) -> Handled:
    """The outcome without the raw bytes (the worker has them): less to send back."""
    if outcome.mail is None:
        return outcome
    mail = replace(outcome.mail, raw=b"")
    processed = replace(outcome.processed, mail=mail) if outcome.processed else None
    return replace(outcome, mail=mail, processed=processed)


# -- the worker's side ---------------------------------------------------------------------------

class FlowProcess:
    """One child process that runs the flow for one mail at a time, within the budget.

    ``make_handler`` builds, in the child, the callable that turns raw bytes into an
    :class:`Handled` (a top-level name, so that it can be sent by name; tests pass their own).
    """

    def __init__(self, settings: Settings,
                 make_handler: Callable[[Settings], Callable[[bytes], Handled]] = MailHandler
                 ) -> None:
        if not settings.process_seconds > 0:
            raise SettingsError(f"ASSISTANT_PROCESS_SECONDS={settings.process_seconds} must be "
                                "more than 0")
        self.settings = settings
        self.budget = settings.process_seconds
        self.make_handler = make_handler
        self._lock = threading.Lock()  # one mail at a time
        self._process: Any = None
        self._conn: Connection | None = None
        self._ready = False
        self._interrupted = False
        self.started = 0  # children started so far (the first, and one after each kill)

    # The blocking part runs in a thread (``asyncio.to_thread``); ``interrupt`` and ``close``
    # may be called from the event loop meanwhile.

    async def run(self, raw: bytes, thread: Thread | None = None) -> Handled:
        """The outcome for one mail (with what its conversation knows, ``thread``); raises
        :class:`Interrupted` when :meth:`interrupt` ended it and :class:`FlowUnavailable` when
        no child can be started."""
        self._interrupted = False
        outcome = await asyncio.to_thread(self._exchange, raw, thread)
        if outcome.mail is None:
            return outcome
        mail = replace(outcome.mail, raw=raw)
        processed = replace(outcome.processed, mail=mail) if outcome.processed else None
        return replace(outcome, mail=mail, processed=processed)

    async def ready(self) -> None:
        """Start the child if needed and wait until it has built its pipeline; raises
        :class:`FlowUnavailable` with the child's error (e.g. broken knowledge)."""
        def wait() -> None:
            with self._lock:
                self._interrupted = False
                self._wait_ready()

        await asyncio.to_thread(wait)

    def start(self) -> None:
        """Start a child now (it loads in the background); the first mail would do it anyway."""
        with self._lock:
            if self._process is None:
                self._spawn()

    def interrupt(self) -> None:
        """End the child at once (the worker is stopping); the mail in hand gets no outcome."""
        self._interrupted = True
        process = self._process
        if process is not None:
            with contextlib.suppress(Exception):
                process.kill()

    def close(self) -> None:
        """End the child (the worker stops)."""
        self.interrupt()
        with self._lock:
            self._reap()

    def _spawn(self) -> None:
        ours, theirs = socket.socketpair()
        with theirs:
            process = subprocess.Popen([sys.executable, "-c", _CHILD, str(theirs.fileno())],
                                       stdin=subprocess.DEVNULL, pass_fds=[theirs.fileno()])
        conn = Connection(ours.detach())
        self._process, self._conn, self._ready = process, conn, False
        self.started += 1
        try:
            conn.send(list(sys.path))
            conn.send((self.settings, self.make_handler))
        except OSError:  # it died at once; _wait_ready says so
            pass

    def _reap(self) -> None:
        process, conn = self._process, self._conn
        self._process, self._conn, self._ready = None, None, False
        if conn is not None:
            conn.close()
        if process is not None:
            with contextlib.suppress(Exception):
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)

    def _wait_ready(self) -> Connection:
        if self._interrupted:
            raise Interrupted
        if self._process is None:
            self._spawn()
        conn = self._conn
        assert conn is not None
        if not self._ready:
            message: Any = None
            with contextlib.suppress(EOFError, OSError):
                if conn.poll(START_SECONDS):
                    message = conn.recv()
            if not (isinstance(message, tuple) and message[0] == _READY):
                self._reap()
                if self._interrupted:
                    raise Interrupted
                detail = message[1] if isinstance(message, tuple) else "no answer"
                raise FlowUnavailable(f"the flow process did not start: {detail}")
            self._ready = True
        return conn

    def _exchange(self, raw: bytes, thread: Thread | None = None) -> Handled:
        with self._lock:
            conn = self._wait_ready()
            try:
                conn.send_bytes(raw)
                conn.send(thread)
            except OSError:  # the idle child has died meanwhile: a fresh one takes the mail
                self._reap()
                conn = self._wait_ready()
                conn.send_bytes(raw)
                conn.send(thread)
            started = time.monotonic()
            answered = False
            with contextlib.suppress(EOFError, OSError):
                answered = conn.poll(self.budget)
                if answered:
                    return conn.recv()
            # No answer in time, or (the pipe at its end) the child died.
            process = self._process
            exitcode = None
            if answered and process is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    exitcode = process.wait(timeout=10)
            self._reap()
            if self._interrupted:
                raise Interrupted
            self._spawn()  # the next mail finds a child loading or ready
            if not answered or exitcode is None:
                return Handled(error=(
                    f"{TOO_COSTLY}: die Verarbeitung brauchte länger als {self.budget:g} s "
                    "(ASSISTANT_PROCESS_SECONDS) und wurde abgebrochen; die Mail ist "
                    "vollständig gespeichert"))
            how = f"Signal {-exitcode}" if exitcode < 0 else f"Code {exitcode}"
            return Handled(error=(
                f"{DIED}: der Verarbeitungsprozess endete nach "
                f"{time.monotonic() - started:.1f} s mit {how}; die Mail ist vollständig "
                "gespeichert"))
