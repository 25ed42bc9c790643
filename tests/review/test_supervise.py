"""The sender inside ``assistant serve`` is supervised: restarted with backoff after a failure,
its state in /healthz and /metrics (:mod:`assistant.web.supervise`)."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

import pytest

from assistant.web.supervise import RESTARTING, RUNNING, STOPPED, Supervised

WAIT_SECONDS = 20


class CrashingSender:
    """A sender whose first ``crashes`` runs fail at once; then it runs until stopped."""

    def __init__(self, crashes: int) -> None:
        self.crashes = crashes
        self.started = 0
        self.running = threading.Event()

    def wake(self) -> None:
        pass

    async def run(self, stop: asyncio.Event) -> None:
        self.started += 1
        if self.started <= self.crashes:
            raise RuntimeError("SMTP refused <kaemmerei@lahntal.de>")
        self.running.set()
        await stop.wait()


def wait_until(condition: Any) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_sender_task_is_restarted_after_crash(app_factory: Any,
                                              caplog: pytest.LogCaptureFixture) -> None:
    """A sender that raises is restarted; while it waits for the restart /healthz answers 503
    saying so, afterwards 200 with the restart counted — and the log has the error without the
    address it quoted."""
    sender = CrashingSender(crashes=1)
    with caplog.at_level(logging.ERROR, logger="assistant.web.supervise"):
        browser = app_factory(sender=sender)
        wait_until(lambda: sender.started >= 1)
        down = browser.client.get("/healthz")
        assert 503 == down.status_code
        assert {"status": "error", "sender": {"state": RESTARTING, "restarts": 1,
                                              "last_error": "RuntimeError"}} == down.json()
        wait_until(sender.running.is_set)
        up = browser.client.get("/healthz")
        assert 200 == up.status_code
        assert {"state": RUNNING, "restarts": 1, "last_error": "RuntimeError"} == \
            up.json()["sender"]
    [line] = [r for r in caplog.records if r.getMessage() == "sender failed; restarting"]
    assert "RuntimeError: SMTP refused <address>" == line.fields["error"]  # type: ignore[attr-defined]
    metrics = browser.client.get("/metrics").text
    assert "assistant_sender_up 1.0" in metrics
    assert "assistant_sender_restarts_total 1.0" in metrics


def test_healthz_without_a_sender_in_this_process(browser: Any) -> None:
    """`assistant serve --no-sender`: /healthz says nothing about a sender and is 200."""
    response = browser.client.get("/healthz")
    assert (200, {"status": "ok"}) == (response.status_code, response.json())
    assert "assistant_sender_up" not in browser.client.get("/metrics").text


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_backoff_doubles_and_starts_over_after_a_settled_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits between restarts double (capped); a run that lasted `settled` resets them."""
    clock = Clock()
    waits: list[float] = []
    runs = iter([0.0, 0.0, 0.0, 5.0, 0.0])  # how long each run lasts before it fails
    stop = asyncio.Event()

    async def work(stop_: asyncio.Event) -> None:
        lasted = next(runs, None)
        if lasted is None:
            stop.set()
            return
        clock.now += lasted
        raise OSError("down")

    supervised = Supervised("work", work, first_wait=0.001, max_wait=0.004, settled=5.0,
                            clock=clock)
    original = asyncio.wait_for

    async def record(awaitable: Any, timeout: float) -> Any:
        waits.append(timeout)
        return await original(awaitable, timeout)

    monkeypatch.setattr(asyncio, "wait_for", record)
    await supervised.run(stop)
    monkeypatch.undo()
    assert [0.001, 0.002, 0.004, 0.001, 0.002] == waits
    assert (STOPPED, 5) == (supervised.state, supervised.restarts)


async def test_work_that_returns_unasked_is_restarted() -> None:
    """Work that ends without being asked to stop counts as a failure and is started again."""
    calls = 0
    stop = asyncio.Event()

    async def work(stop_: asyncio.Event) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            stop.set()

    supervised = Supervised("work", work, first_wait=0.001)
    await supervised.run(stop)
    assert (2, 1, "Ended") == (calls, supervised.restarts, supervised.last_error)


async def test_stop_during_the_wait_ends_at_once() -> None:
    """A stop while waiting to restart ends the supervision without another start."""
    stop = asyncio.Event()
    calls = 0

    async def work(stop_: asyncio.Event) -> None:
        nonlocal calls
        calls += 1
        asyncio.get_running_loop().call_later(0.05, stop.set)
        raise RuntimeError("boom")

    supervised = Supervised("work", work, first_wait=60.0)
    await asyncio.wait_for(supervised.run(stop), timeout=5)
    assert (1, STOPPED) == (calls, supervised.state)
