"""Questions per client and minute (and hand-overs per client and hour): a sliding window kept
in memory.

A client is its address (behind a trusted proxy: the address the proxy reports), kept only as a
keyed hash and only as long as its window lasts. The limit holds per process; run one web
process, or put a limit in the reverse proxy as well.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0
MAX_CLIENTS = 50_000  # beyond this many clients in one window, the oldest are forgotten


class RateLimiter:
    """At most ``per_minute`` hits per client within ``window`` seconds (default: a minute)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic,
                 window: float = WINDOW_SECONDS) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.window = window
        self._salt = secrets.token_bytes(16)
        self._hits: dict[bytes, deque[float]] = {}

    def _key(self, client: str) -> bytes:
        return hashlib.blake2b(client.encode(), key=self._salt, digest_size=16).digest()

    def hit(self, client: str) -> float:
        """Count one question of ``client``; 0 when allowed, else the seconds until it would be
        (nothing is counted then)."""
        if self.per_minute <= 0:
            return 0.0
        now = self.clock()
        key = self._key(client)
        hits = self._hits.get(key)
        if hits is None:
            if len(self._hits) >= MAX_CLIENTS:
                self._forget(now)
            hits = self._hits[key] = deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return max(hits[0] + self.window - now, 0.001)
        hits.append(now)
        return 0.0

    def _forget(self, now: float) -> None:
        for key in [k for k, h in self._hits.items() if not h or h[-1] <= now - self.window]:
            del self._hits[key]
        while len(self._hits) >= MAX_CLIENTS:
            del self._hits[next(iter(self._hits))]
