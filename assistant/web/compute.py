"""CPU-bound work of the web app — chat answers, redrafts — in a few worker processes.

The understanding is pure Python. On the event loop, a question that keeps the classifier busy
for seconds held up every other request of the process: the staff pages, ``/healthz`` and the
sender share it. In a thread it would still hold the interpreter lock most of the time. So the
work runs in ``ASSISTANT_WEB_CPU_WORKERS`` processes (pebble's ``ProcessPool``, started with
*spawn*: a fresh interpreter, nothing inherited from the server's threads), each with its own
pipeline loaded from the settings when it starts (with the knowledge from the store, it checks
for a new publication before each job: :mod:`assistant.history.live_knowledge`); the web process
only sends the job and awaits the answer. The pool starts with the first job (``assistant
serve`` starts it at once).

Limits:

* **A time budget per job.** A job still running after its budget is stopped — its process is
  killed and replaced — and the caller gets :class:`OverBudget`.
* **Bounded waiting.** At most ``workers + ASSISTANT_WEB_CPU_QUEUE`` jobs run or wait at once;
  one more gets :class:`Busy` at once instead of queueing without end.

Threads are no alternative here: besides the interpreter lock, the pipeline is not
thread-safe (the Snowball stemmers keep state per instance), and a thread cannot be stopped.

A job is a module-level function ``fn(pipeline, *args)`` whose arguments and result can be
pickled, e.g. :func:`assistant.chat.answer.respond`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from assistant.errors import Busy, OverBudget
from assistant.settings import Settings

log = logging.getLogger(__name__)

WORKER_NICENESS = 10
# The pipeline of a worker process (set by its initializer; None in the web process).
_pipeline: Any = None


def _start_worker(settings: Settings) -> None:
    """Initializer of each worker process: load the pipeline once (Ctrl-C is the server's).
    Workers run at a lower priority, so that on a busy machine the web process — staff pages,
    /healthz, the sender — gets the processor first."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICENESS)
    from assistant.history.live_knowledge import LivePipeline

    _pipeline = LivePipeline(settings)


def _job(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    # The store's current knowledge: a new publication is loaded before the job.
    return fn(_pipeline.current(), *args)


def _ready() -> bool:
    return _pipeline is not None


class WorkPool:
    """Runs ``fn(pipeline, *args)`` off the event loop, within a budget (see the module)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.workers = max(settings.web_cpu_workers, 1)
        self.capacity = self.workers + max(settings.web_cpu_queue, 0)
        self._pool: Any = None
        self._lock = threading.Lock()
        self.in_flight = 0
        self.over_budget = 0

    def _current(self) -> Any:
        with self._lock:
            if self._pool is None:
                import multiprocessing

                from pebble import ProcessPool

                self._pool = ProcessPool(max_workers=self.workers, initializer=_start_worker,
                                         initargs=(self.settings,),
                                         context=multiprocessing.get_context("spawn"))
            return self._pool

    def start(self) -> None:
        """Start the worker processes now (they load the knowledge in the background)."""
        pool = self._current()
        for _ in range(self.workers):
            pool.schedule(_ready)

    async def run(self, fn: Callable[..., Any], *args: Any, budget: float) -> Any:
        """``fn(pipeline, *args)`` in a worker; :class:`Busy` or :class:`OverBudget` when it
        cannot be done now or in time."""
        if self.in_flight >= self.capacity:
            raise Busy
        self.in_flight += 1
        try:
            future = self._current().schedule(_job, args=(fn, args), timeout=budget)
            return await asyncio.wrap_future(future)
        except FutureTimeout as exc:
            self.over_budget += 1
            log.warning("work over budget; stopped", extra={"fields": {
                "job": getattr(fn, "__name__", "?"), "budget_s": budget}})
            raise OverBudget from exc
        except Exception as exc:
            from pebble import ProcessExpired

            if not isinstance(exc, ProcessExpired):
                raise
            log.error("worker process died", extra={"fields": {
                "job": getattr(fn, "__name__", "?"), "error": str(exc)[:200]}})
            raise OverBudget from exc
        finally:
            self.in_flight -= 1

    def restart(self) -> None:
        """Replace the workers (after the knowledge was reloaded): the next job starts new ones,
        which load the knowledge afresh. Jobs running in the old ones are stopped."""
        with self._lock:
            old, self._pool = self._pool, None
        if old is not None:
            old.stop()
            threading.Thread(target=old.join, name="work-pool-join", daemon=True).start()

    def close(self, timeout: float = 10.0) -> None:
        """Stop the worker processes and wait for them (at most ``timeout`` seconds)."""
        with self._lock:
            old, self._pool = self._pool, None
        if old is not None:
            old.stop()
            try:
                old.join(timeout)
            except TimeoutError:
                log.warning("work pool did not stop in time")


def _run_niced(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICENESS)
    return fn(*args)


class Background:
    """One long job at a time (retraining the intent model) in a process of its own, so that it
    never holds up the event loop nor the worker processes of chat answers and redrafts. The
    process starts with the job (spawn) and a job past its budget is killed with it."""

    def __init__(self) -> None:
        self._pool: Any = None
        self._lock = threading.Lock()
        self._future: Any = None

    @property
    def busy(self) -> bool:
        return self._future is not None and not self._future.done()

    def start(self, fn: Callable[..., Any], *args: Any, budget: float) -> asyncio.Future[Any]:
        """``fn(*args)`` in the background process; :class:`Busy` while a job runs. The
        returned future fails with :class:`TimeoutError` when the budget ran out."""
        with self._lock:
            if self.busy:
                raise Busy
            if self._pool is None:
                import multiprocessing

                from pebble import ProcessPool

                self._pool = ProcessPool(max_workers=1,
                                         context=multiprocessing.get_context("spawn"))
            self._future = self._pool.schedule(_run_niced, args=(fn, args), timeout=budget)
            return asyncio.wrap_future(self._future)

    def close(self, timeout: float = 10.0) -> None:
        """Stop a running job and the process."""
        with self._lock:
            old, self._pool = self._pool, None
        if old is not None:
            old.stop()
            with contextlib.suppress(TimeoutError):
                old.join(timeout)
