"""Login throttling: failures counted per account name and per client, and a slow-down.

Both counters are sliding windows of ``ASSISTANT_LOGIN_LOCK_MINUTES`` kept in memory, and they
work the same for every name, existing or not, so that no answer and no waiting time tells
which names exist. Nothing but time resets a client's counter (another account's successful
login does not); an account's own successful login clears that account's counter.

* An **account name** with ``ASSISTANT_LOGIN_ATTEMPTS`` failures in the window is paused: its
  logins are refused until the oldest of those failures leaves the window.
* A **client** (its address; behind a listed proxy, the address the proxy reports) with four
  times as many failures is *slowed down, not locked out*: each further attempt waits (half a
  second, doubling per failure beyond the limit, at most :data:`MAX_DELAY` seconds), one attempt
  of that client at a time — and then the password is checked as usual, so a person behind the
  same address (an office's proxy) still gets in with the right password. Beyond
  :data:`MAX_WAITING` attempts waiting at once, the client is told to come back later.

The counters live in the web process (run one), bounded to :data:`MAX_KEYS` keys; only keys
whose window has passed are forgotten to make room, so flooding with new names never resets a
counter that still matters.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

MAX_DELAY = 8.0
FIRST_DELAY = 0.5
MAX_WAITING = 5
MAX_KEYS = 100_000


class LoginThrottle:
    """Failures per key within a sliding window of ``window_seconds``."""

    def __init__(self, attempts: int, window_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts = attempts
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        stamps = self._failures.get(key)
        if stamps is None:
            return deque()
        cutoff = self.clock() - self.window
        while stamps and stamps[0] <= cutoff:
            stamps.popleft()
        if not stamps:
            del self._failures[key]
        return stamps

    def count(self, key: str) -> int:
        """Failures of ``key`` within the window."""
        return len(self._recent(key))

    def blocked(self, key: str, attempts: int | None = None) -> bool:
        return self.count(key) >= (attempts or self.attempts)

    def paused_for(self, key: str, attempts: int | None = None) -> float:
        """Seconds until ``key`` is no longer blocked (0 when it is not)."""
        limit = attempts or self.attempts
        stamps = self._recent(key)
        if len(stamps) < limit:
            return 0.0
        return max(stamps[-limit] + self.window - self.clock(), 0.0)

    def failed(self, key: str) -> None:
        if key not in self._failures and len(self._failures) >= MAX_KEYS:
            self._forget_expired()
        self._failures.setdefault(key, deque()).append(self.clock())

    def reset(self, key: str) -> None:
        self._failures.pop(key, None)

    def _forget_expired(self) -> None:
        for key in list(self._failures):
            self._recent(key)


class SlowDown:
    """Makes a client's attempts wait, one at a time (see the module docstring)."""

    def __init__(self, sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        self.sleep = sleep
        self._waiting: dict[str, int] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    @staticmethod
    def delay(excess: int) -> float:
        """The wait for a client ``excess`` failures beyond its limit (1 for the first)."""
        return min(FIRST_DELAY * 2 ** max(excess - 1, 0), MAX_DELAY)

    def crowded(self, key: str) -> bool:
        """True when too many attempts of this client wait already."""
        return self._waiting.get(key, 0) >= MAX_WAITING

    async def wait(self, key: str, excess: int, then: Callable[[], Awaitable[object]]) -> object:
        """Wait the client's turn and its delay, then run ``then`` (still holding the turn)."""
        self._waiting[key] = self._waiting.get(key, 0) + 1
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                await self.sleep(self.delay(excess))
                return await then()
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
                self._locks.pop(key, None)
