"""End to end in a real headless Chromium (Debian's package, driven by Playwright) against
``assistant serve`` in its own process, with a real SMTP server (aiosmtpd) receiving the replies.

The world: three stored inquiries — a question about the duration (the oldest; one reviewer
suffices), an eligibility question (four-eyes), and a mail full of HTML and script — and three
accounts. Screenshots of the queue and the inquiry page are kept in ``test-artifacts/``.
axe-core (npm, ``tests/review/package.json``) checks accessibility; the test skips when it is
not installed and npm is not there to install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.outbound.conftest import Recorder, parsed
from tests.review.conftest import PASSWORDS, SECRET, add_users, run, seed
from tests.review.test_web import XSS_BODY, XSS_SUBJECT
from tests.review.world import DURATION, hours_ago, inquiry_mail
from tests.services import free_port, serving

pytestmark = pytest.mark.integration

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class Live:
    base: str
    recorder: Recorder
    drafts: dict[str, Any]
    log: Path


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path,
         pipeline: Any) -> Iterator[Live]:
    """``assistant serve`` on a seeded database, with its sender talking to aiosmtpd."""
    from aiosmtpd.controller import Controller

    folder = tmp_path_factory.mktemp("live")
    db = folder / "assistant.db"
    shutil.copyfile(sqlite_template, db)
    url = f"sqlite:///{db}"
    run(add_users(url))
    duration, = run(seed(url, pipeline, inquiry_mail(
        DURATION, subject="AW: Laufzeit der Förderung",
        sender="Jonas Weber <weber@musterbach.de>"), received_at=hours_ago(80)))
    eligibility, xss, foreign = run(seed(
        url, pipeline, inquiry_mail(),
        inquiry_mail(XSS_BODY, subject=XSS_SUBJECT, sender="Max Muster <max@beispiel.de>"),
        inquiry_mail(DURATION, subject="Laufzeit", sender="Jonas Weber <weber@musterbach.de>",
                     reply_to="Kasse <kasse@rechenzentrum-extern.example>")))
    recorder = Recorder()
    smtp_port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = {**os.environ, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
           "ASSISTANT_COOKIE_SECURE": "0", "ASSISTANT_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
           "ASSISTANT_SEND_POLL_SECONDS": "0.5", "ASSISTANT_LOG_LEVEL": "INFO"}
    log = folder / "serve.log"
    try:
        with serving(env, log) as base:
            yield Live(base, recorder, {"duration": duration, "eligibility": eligibility,
                                        "xss": xss, "foreign": foreign}, log)
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (Debian package chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


def login(page: Any, live: Live, name: str) -> None:
    page.goto(live.base + "/login")
    page.get_by_label("Benutzername").fill(name)
    page.get_by_label("Passwort").fill(PASSWORDS[name])
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(live.base + "/")


def wait_for(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        time.sleep(0.05)


def test_reviewer_edits_and_approves_the_oldest_draft(page: Any, live: Live) -> None:
    """Log in, open the oldest draft from the queue, edit a block, approve: the SMTP server
    gets the reply in the thread, and the conversation shows it sent by that reviewer."""
    ARTIFACTS.mkdir(exist_ok=True)
    login(page, live, "anna")
    page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
    page.locator("table.queue tbody tr").first.get_by_role("link").click()
    page.get_by_role("heading", level=1, name="AW: Laufzeit der Förderung").wait_for()
    page.screenshot(path=str(ARTIFACTS / "inquiry.png"), full_page=True)
    editor = page.get_by_label("Antwortentwurf")
    text = editor.input_value()
    assert "18 Monate" in text
    editor.fill(text.replace("18 Monate", "achtzehn Monate"))
    page.get_by_role("button", name="Freigeben und senden").click()
    page.get_by_text("Der Entwurf ist freigegeben").wait_for()
    wait_for(lambda: len(live.recorder.messages) == 1)
    msg = parsed(live.recorder.messages[0])
    inquiry_id = live.drafts["duration"].message_id_header
    assert msg["In-Reply-To"] == inquiry_id
    assert msg["References"].split()[-1] == inquiry_id
    assert msg["Subject"] == "Re: Laufzeit der Förderung"
    assert "achtzehn Monate" in msg.get_body(("plain",)).get_content()
    page.get_by_role("link", name="Ganzes Gespräch mit Verlauf ansehen").click()

    def shows_sent() -> bool:
        page.reload()
        return "freigegeben von anna" in page.locator(".reply-state").all_inner_texts()[0] \
            if page.locator(".reply-state").count() else False

    wait_for(shows_sent)
    page.screenshot(path=str(ARTIFACTS / "conversation.png"), full_page=True)
    state = page.locator(".reply-state").inner_text()
    assert state.startswith("gesendet")
    trail = page.locator("table.audit").inner_text()
    assert "Antwort gesendet" in trail and "anna" in trail


def test_four_eyes_blocks_self_approval(page: Any, live: Live) -> None:
    """An eligibility draft approved once by anna cannot be approved by anna again; ben can."""
    draft_id = live.drafts["eligibility"].draft_id
    login(page, live, "anna")
    page.goto(f"{live.base}/drafts/{draft_id}")
    page.get_by_role("button", name="Freigeben und senden").click()
    page.get_by_text("Ihre Freigabe ist gespeichert").wait_for()
    page.get_by_role("button", name="Freigeben und senden").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "andere Person" in alert.inner_text()
    sent_before = len(live.recorder.messages)
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(f"{live.base}/login?hinweis=abgemeldet")
    login(page, live, "ben")
    page.goto(f"{live.base}/drafts/{draft_id}")
    assert "Erste Freigabe: anna" in page.locator("#four-eyes").inner_text()
    page.get_by_role("button", name="Freigeben und senden").click()
    page.get_by_text("Der Entwurf ist freigegeben").wait_for()
    wait_for(lambda: len(live.recorder.messages) == sent_before + 1)


def test_reply_to_on_another_domain_is_shown_and_confirmed(page: Any, live: Live) -> None:
    """The inquiry page shows the Reply-To address on another domain as where the reply goes;
    approving without ticking the confirmation is refused; ticked, the reply reaches exactly
    that address."""
    draft_id = live.drafts["foreign"].draft_id
    login(page, live, "anna")
    page.goto(f"{live.base}/drafts/{draft_id}")
    shown = page.locator("#reply-recipient")
    assert "kasse@rechenzentrum-extern.example" in shown.inner_text()
    assert "andere Domain" in shown.inner_text()
    page.screenshot(path=str(ARTIFACTS / "inquiry-reply-to.png"), full_page=True)
    sent_before = len(live.recorder.messages)
    page.get_by_role("button", name="Freigeben und senden").click()
    assert "kasse@rechenzentrum-extern.example" in page.get_by_role("alert").inner_text()
    page.get_by_label("Ich habe geprüft").check()
    page.get_by_role("button", name="Freigeben und senden").click()
    page.get_by_text("Der Entwurf ist freigegeben").wait_for()
    wait_for(lambda: len(live.recorder.messages) == sent_before + 1)
    assert ["kasse@rechenzentrum-extern.example"] == live.recorder.envelopes[-1][1]


def test_mail_html_is_inert_in_the_browser(chromium: Any, live: Live) -> None:
    """Script, onerror image and javascript: link in body and subject: no dialog, no request —
    even with the Content-Security-Policy switched off, so escaping alone must hold."""
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    try:
        login(page, live, "anna")
        draft = live.drafts["xss"]
        for path in (f"/drafts/{draft.draft_id}", f"/conversations/{draft.conversation_id}",
                     "/"):
            page.goto(live.base + path)
            for summary in page.locator("summary").all():
                summary.click()
            page.wait_for_timeout(300)
        page.goto(f"{live.base}/drafts/{draft.draft_id}")
        assert page.get_by_text("<script>alert('body')</script>", exact=False).count() >= 1
        assert page.locator("a[href^='javascript:']").count() == 0
        assert page.locator("main img").count() == 0
    finally:
        context.close()
    assert dialogs == []
    allowed = {"/login", "/", "/static/style.css", f"/drafts/{draft.draft_id}",
               f"/conversations/{draft.conversation_id}"}
    unexpected = [u for u in requests
                  if not u.startswith(live.base) or u[len(live.base):].split("?")[0] not in allowed]
    assert unexpected == []


def test_session_cookie_is_httponly_and_samesite(page: Any, live: Live) -> None:
    login(page, live, "anna")
    [cookie] = [c for c in page.context.cookies() if c["name"].endswith("assistant_session")]
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    assert "assistant_session" not in page.evaluate("document.cookie")


def test_reviewer_cannot_open_admin_pages(page: Any, live: Live) -> None:
    login(page, live, "anna")
    response = page.goto(live.base + "/admin/users")
    assert response.status == 403
    assert page.get_by_role("heading", name="Keine Berechtigung").is_visible()


def test_login_with_the_keyboard_alone(page: Any, live: Live) -> None:
    """The first Tab reaches the skip link; Tab and Enter are enough to log in."""
    page.goto(live.base + "/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == "username":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("anna")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "password"
    page.keyboard.type(PASSWORDS["anna"])
    page.keyboard.press("Enter")
    page.wait_for_url(live.base + "/")
    outline = page.evaluate(
        "() => { const a = document.querySelector('table.queue a, main a'); a.focus();"
        " return getComputedStyle(a).outlineStyle; }")
    assert outline == "solid"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("axe-core is not installed and npm is not available")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=AXE.parents[2],
                              capture_output=True, timeout=300)
        if done.returncode != 0 or not AXE.exists():
            pytest.skip(f"npm could not install axe-core: {done.stderr.decode()[-300:]}")
    return AXE.read_text(encoding="utf-8")


def _serious_violations(page: Any, axe_source: str) -> list[str]:
    page.evaluate(axe_source)  # evaluated through DevTools: the page's CSP does not apply
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_accessibility_of_login_queue_and_inquiry(page: Any, live: Live,
                                                  axe_source: str) -> None:
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation on the main pages."""
    page.goto(live.base + "/login")
    found = {"login": _serious_violations(page, axe_source)}
    login(page, live, "anna")
    found["queue"] = _serious_violations(page, axe_source)
    page.goto(f"{live.base}/drafts/{live.drafts['xss'].draft_id}")
    found["inquiry"] = _serious_violations(page, axe_source)
    page.goto(f"{live.base}/conversations/{live.drafts['xss'].conversation_id}")
    found["conversation"] = _serious_violations(page, axe_source)
    assert found == {"login": [], "queue": [], "inquiry": [], "conversation": []}
