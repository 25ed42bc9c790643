"""The chat does not hold up the rest of the web app: its answers are computed in worker
processes with a time budget and a bounded queue (:mod:`assistant.web.compute`).

A 2,000-character question used to be classified on the event loop and made ``/healthz`` wait
4.4 s. These tests check the mechanism, not a timing: while an answer is held in its worker,
other requests are served; an answer past its budget is stopped; too many waiting are refused.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from assistant.chat import web as chat_web
from tests import jobs
from tests.site import Site, open_site

WAIT_SECONDS = 30


def wait_until(condition: Any, seconds: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chat answers wait for a gate file named by the question."""
    monkeypatch.setattr(chat_web, "respond", jobs.held_until_gate)


@pytest.fixture
def site(sqlite_template: Path, tmp_path: Path) -> Iterator[Site]:
    with open_site(sqlite_template, tmp_path, chat_rate_per_minute="0") as opened:
        yield opened


def in_flight(site: Site) -> int:
    return int(site.app.state.services.knowledge.work.in_flight)


def test_chat_does_not_block_healthz(site: Site, held: None, tmp_path: Path) -> None:
    """While a chat answer is being computed, /healthz and the queue page are answered: the work
    does not run on the event loop."""
    gate = tmp_path / "gate"
    client = site.browser.client
    site.browser.login("anna")
    with ThreadPoolExecutor(3) as threads:
        try:
            asked = threads.submit(client.post, "/api/chat", json={"message": str(gate)})
            wait_until(lambda: in_flight(site) == 1)
            health = threads.submit(client.get, "/healthz").result(timeout=WAIT_SECONDS)
            queue = threads.submit(client.get, "/").result(timeout=WAIT_SECONDS)
            assert (200, 200) == (health.status_code, queue.status_code)
            assert not asked.done() and 1 == in_flight(site)
        finally:
            gate.touch()
        answer = asked.result(timeout=WAIT_SECONDS)
    assert 200 == answer.status_code
    assert "funding_amount" == answer.json()["answers"][0]["intent"]


def test_chat_answer_past_its_budget_is_offered_to_staff(sqlite_template: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer still computing after its budget is stopped; the visitor is offered the
    handover ("unclear"), and the next question is answered by a fresh worker."""
    with open_site(sqlite_template, tmp_path, chat_rate_per_minute="0",
                   chat_answer_seconds="0.5", web_cpu_workers="1") as site:
        client = site.browser.client
        monkeypatch.setattr(chat_web, "respond", jobs.never_ends)
        stopped = client.post("/api/chat", json={"message": "Wie hoch ist die Förderung?"})
        assert 200 == stopped.status_code
        assert {"handover": True, "handover_reasons": ["unclear"], "answers": []} == {
            k: stopped.json()[k] for k in ("handover", "handover_reasons", "answers")}
        monkeypatch.undo()
        again = client.post("/api/chat", json={"message": "Wie hoch ist die Förderung?"})
        assert "funding_amount" == again.json()["answers"][0]["intent"]


def test_chat_answers_503_when_too_many_wait(sqlite_template: Path, tmp_path: Path,
                                             held: None) -> None:
    """With every worker busy and no room to wait, a question gets 503 with Retry-After at
    once (JSON) or the page says so (form)."""
    gate = tmp_path / "gate"
    with open_site(sqlite_template, tmp_path, chat_rate_per_minute="0", web_cpu_workers="1",
                   web_cpu_queue="0") as site, ThreadPoolExecutor(1) as threads:
        client = site.browser.client
        try:
            asked = threads.submit(client.post, "/api/chat", json={"message": str(gate)})
            wait_until(lambda: in_flight(site) == 1)
            refused = client.post("/api/chat", json={"message": "Noch eine Frage?"})
            assert 503 == refused.status_code and "retry-after" in refused.headers
            assert "try again" in refused.json()["error"]
            site.browser.get("/chat")
            page = site.browser.post("/chat", {"message": "Noch eine Frage?"})
            assert 503 == page.status_code and "sehr viele Fragen" in page.text
        finally:
            gate.touch()
        assert 200 == asked.result(timeout=WAIT_SECONDS).status_code
