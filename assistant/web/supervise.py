"""Supervision of the sender inside ``assistant serve``.

The sender waits out database and network trouble itself; anything else it raises would end
its task silently while the web app looked healthy. :class:`Supervised` runs it, and when it
fails (or returns without being asked to stop) logs the error, waits — 1 s, doubling up to a
minute, starting over after a run of a minute or more — and starts it again. Its state is what
``/healthz`` and ``/metrics`` report:

    running ──fails──▶ restarting (last error, restarts counted) ──after the wait──▶ running
       └──── stop ────▶ stopped
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from assistant.logs import redact

log = logging.getLogger(__name__)

RUNNING, RESTARTING, STOPPED = "running", "restarting", "stopped"


class Service(Protocol):
    """A long-running part of the process (the sender): runs until ``stop`` is set; ``wake``
    asks it to look for work at once."""

    async def run(self, stop: asyncio.Event) -> None: ...

    def wake(self) -> None: ...


class Supervised:
    """Runs ``work(stop)`` until ``stop`` is set, restarting it with backoff when it fails."""

    def __init__(self, name: str, work: Callable[[asyncio.Event], Awaitable[None]], *,
                 first_wait: float = 1.0, max_wait: float = 60.0, settled: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.work = work
        self.first_wait, self.max_wait, self.settled = first_wait, max_wait, settled
        self.clock = clock
        self.state = RUNNING
        self.restarts = 0
        self.last_error: str | None = None  # the exception's type: no text leaves the log

    @property
    def up(self) -> bool:
        return self.state == RUNNING

    def health(self) -> dict[str, Any]:
        """The state for /healthz: no message text (it may quote data), only the error type."""
        found: dict[str, Any] = {"state": self.state, "restarts": self.restarts}
        if self.last_error:
            found["last_error"] = self.last_error
        return found

    async def run(self, stop: asyncio.Event) -> None:
        wait = self.first_wait
        while not stop.is_set():
            self.state = RUNNING
            started = self.clock()
            try:
                await self.work(stop)
                if stop.is_set():
                    break
                self.last_error, detail = "Ended", "it returned without being asked to stop"
            except Exception as exc:  # noqa: BLE001 - whatever it was, restart it
                self.last_error = type(exc).__name__
                first_line = f"{type(exc).__name__}: {exc}".splitlines()[0]
                detail = redact(first_line)[:300]
            if self.clock() - started >= self.settled:
                wait = self.first_wait  # it had run well for a while: start the backoff over
            self.state = RESTARTING
            self.restarts += 1
            log.error(f"{self.name} failed; restarting", extra={"fields": {
                "error": detail, "restart_in": round(wait, 1), "restarts": self.restarts}})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)
            wait = min(wait * 2, self.max_wait)
        self.state = STOPPED
