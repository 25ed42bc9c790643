"""The chat end to end in a real headless Chromium (Debian's package, driven by Playwright)
against ``assistant serve`` in its own process: a question answered with its source, a status
question handed over and found in the staff queue after the worker's pass, the rate limit, the
page without JavaScript, and the accessibility of the chat page and the dashboard (axe-core).
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.chat.conftest import process_stored_mail
from tests.helpers import ROOT
from tests.review.conftest import PASSWORDS, SECRET, add_users, make_settings, run
from tests.review.test_browser import _serious_violations
from tests.services import free_port, serving

pytestmark = pytest.mark.integration

ARTIFACTS = ROOT / "test-artifacts"
LIMIT = 6
STATUS = "Wie ist der Stand unseres Antrags vom 3. März?"


@dataclass
class Live:
    base: str
    url: str


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Live]:
    """``assistant serve`` on a fresh database with staff accounts, chat limit ``LIMIT``."""
    folder = tmp_path_factory.mktemp("chat-live")
    db = folder / "assistant.db"
    shutil.copyfile(sqlite_template, db)
    url = f"sqlite:///{db}"
    run(add_users(url))
    env = {**os.environ, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
           "ASSISTANT_COOKIE_SECURE": "0", "ASSISTANT_CHAT_RATE_PER_MINUTE": str(LIMIT),
           "ASSISTANT_TRUSTED_PROXIES": "127.0.0.1",
           "ASSISTANT_SMTP_URL": f"smtp://127.0.0.1:{free_port()}"}
    with serving(env, folder / "serve.log") as base:
        yield Live(base, url)


_clients = itertools.count(10)


def _visitor(chromium: Any, javascript: bool) -> Any:
    """A visitor's page; each is a client of its own (the app trusts X-Forwarded-For from
    127.0.0.1, listed as the proxy, which gives it its own address), so the tests' rate limits
    do not mix."""
    context = chromium.new_context(
        locale="de-DE", viewport={"width": 1200, "height": 900}, java_script_enabled=javascript,
        extra_http_headers={"X-Forwarded-For": f"192.0.2.{next(_clients)}"})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def visitor(chromium: Any) -> Iterator[Any]:
    page = _visitor(chromium, javascript=True)
    yield page
    page.context.close()


@pytest.fixture
def visitor_without_javascript(chromium: Any) -> Iterator[Any]:
    page = _visitor(chromium, javascript=False)
    yield page
    page.context.close()


def ask(page: Any, question: str) -> None:
    page.get_by_label("Ihre Frage").fill(question)
    page.get_by_role("button", name="Frage stellen").click()


def test_question_is_answered_with_its_source(visitor: Any, live: Live) -> None:
    """With JavaScript the answer appears below without reloading the page."""
    visitor.goto(live.base + "/chat")
    requests: list[str] = []
    visitor.on("request", lambda r: requests.append(f"{r.method} {r.url}"))
    ask(visitor, "Wie hoch ist die maximale Förderung?")
    entry = visitor.locator(".chat-entry").last
    entry.get_by_text("30.000 Euro").wait_for()
    assert "answer.funding_amount" in entry.locator(".chat-source").inner_text()
    assert f"POST {live.base}/api/chat" in requests
    assert not any(r.startswith("GET") and r.endswith("/chat") for r in requests)
    assert "" == visitor.get_by_label("Ihre Frage").input_value()
    ARTIFACTS.mkdir(exist_ok=True)
    visitor.screenshot(path=str(ARTIFACTS / "chat-answer.png"), full_page=True)


def test_question_is_answered_without_javascript(visitor_without_javascript: Any,
                                                 live: Live) -> None:
    """The same form, posted: the server renders the answer with its source."""
    page = visitor_without_javascript
    page.goto(live.base + "/chat")
    ask(page, "Wie lange läuft die Förderung?")
    page.wait_for_load_state()
    entry = page.locator(".chat-entry")
    assert "18 Monate" in entry.inner_text()
    assert "answer.duration" in entry.locator(".chat-source").inner_text()


def test_status_question_becomes_an_inquiry_in_the_staff_queue(visitor: Any, live: Live,
                                                               chromium: Any) -> None:
    """The chat offers the handover; the address goes with the question into the store; after
    the worker's pass the inquiry is in the review queue."""
    visitor.goto(live.base + "/chat")
    ask(visitor, STATUS)
    handover = visitor.locator(".chat-entry .chat-handover").last
    handover.get_by_role("heading", name="Diese Frage beantworten unsere").wait_for()
    handover.get_by_label("Ihre E-Mail-Adresse").fill("kaemmerei@lahntal.example")
    handover.get_by_role("button", name="Frage an das Team senden").click()
    visitor.get_by_role("status").get_by_text("kaemmerei@lahntal.example").wait_for()
    visitor.screenshot(path=str(ARTIFACTS / "chat-handover.png"), full_page=True)

    settings = make_settings(live.url)

    async def work() -> int:
        from assistant.history.db import create_engine

        engine = create_engine(live.url)
        try:
            return await process_stored_mail(engine, settings)
        finally:
            await engine.dispose()
    assert 1 == run(work())

    staff = chromium.new_context(locale="de-DE").new_page()
    staff.goto(live.base + "/login")
    staff.get_by_label("Benutzername").fill("anna")
    staff.get_by_label("Passwort").fill(PASSWORDS["anna"])
    staff.get_by_role("button", name="Anmelden").click()
    staff.wait_for_url(live.base + "/")
    row = staff.locator("table.queue tbody tr", has_text="Chat-Anfrage")
    assert "kaemmerei@lahntal.example" in row.inner_text()
    assert "Stand eines Antrags" in row.inner_text()
    staff.context.close()


def test_rate_limit_tells_the_visitor_to_wait(visitor: Any, live: Live) -> None:
    visitor.goto(live.base + "/chat")
    for number in range(LIMIT):
        ask(visitor, f"Wie hoch ist die maximale Förderung? ({number})")
        visitor.locator(".chat-entry").nth(number).wait_for()
    ask(visitor, "Und wie lange läuft sie?")
    alert = visitor.get_by_role("alert")
    alert.wait_for()
    assert "Bitte warten Sie" in alert.inner_text()
    assert LIMIT == visitor.locator(".chat-entry").count()


def test_chat_page_and_dashboard_are_accessible(visitor: Any, live: Live, chromium: Any,
                                                axe_source: str) -> None:
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation."""
    visitor.goto(live.base + "/chat")
    ask(visitor, STATUS)
    visitor.locator(".chat-handover").last.wait_for()
    found = {"chat": _serious_violations(visitor, axe_source)}
    staff = chromium.new_context(locale="de-DE").new_page()
    staff.goto(live.base + "/login")
    staff.get_by_label("Benutzername").fill("ben")
    staff.get_by_label("Passwort").fill(PASSWORDS["ben"])
    staff.get_by_role("button", name="Anmelden").click()
    staff.wait_for_url(live.base + "/")
    staff.goto(live.base + "/reports?since=&until=")
    staff.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    found["dashboard"] = _serious_violations(staff, axe_source)
    staff.goto(live.base + "/history?text=Antrag")
    found["search"] = _serious_violations(staff, axe_source)
    staff.context.close()
    assert {"chat": [], "dashboard": [], "search": []} == found
