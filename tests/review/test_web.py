"""The web app over HTTP (Starlette's test client): sessions, roles, CSRF, cookies, the pages.

The browser tests (``test_browser.py``) check the same things where only a browser can: that
mail content is inert, keyboard use, accessibility.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from sqlalchemy import select
from starlette.routing import Mount, Route

from assistant.commands.serve import pages
from assistant.history.db import create_engine, sessionmaker
from assistant.history.models import AuditEntry, Draft, User
from assistant.web.app import PUBLIC_PATHS, public_pages, routes
from tests.review.conftest import PASSWORDS, Browser, run, seed
from tests.review.world import DURATION, hours_ago, inquiry_mail

XSS_BODY = ("Guten Tag,\n\n<script>alert('body')</script> Dürfen wir teilnehmen?\n"
            "<img src=x onerror=alert('img')> <a href=\"javascript:alert('link')\">klick</a>\n")
XSS_SUBJECT = "<script>alert('subject')</script> Frage"


def _path(route: Route) -> str:
    return re.sub(r"\{(\w+):int\}", "1", route.path)


def test_every_route_but_the_public_ones_is_guarded() -> None:
    """The routing table has no unguarded page: each endpoint carries its guard's role."""
    for route in routes(pages()):
        if isinstance(route, Mount) or route.path.startswith(PUBLIC_PATHS):
            continue
        role = getattr(route.endpoint, "guard_role", "missing")
        assert role != "missing", route.path
        assert (role is None) == (route.path in public_pages(pages())), route.path


def test_every_page_but_login_requires_a_session(browser: Browser) -> None:
    """Without a session, GETs lead to the login page and POSTs are refused or redirected."""
    for route in routes(pages()):
        if isinstance(route, Mount) or route.path.startswith(PUBLIC_PATHS) \
                or route.path in public_pages(pages()):
            continue
        path = _path(route)
        if "GET" in route.methods:
            response = browser.client.get(path, follow_redirects=False)
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/login?next="), path
        else:
            response = browser.client.post(path, data={"csrf_token": "x"},
                                           follow_redirects=False)
            assert response.status_code == 303 and "/login" in response.headers["location"]


def test_login_sets_a_httponly_samesite_cookie(app_factory: Any) -> None:
    """With ASSISTANT_COOKIE_SECURE on (the default), the cookie is also Secure and __Host-."""
    browser = app_factory(cookie_secure="1", base_url="https://127.0.0.1")
    response = browser.login("anna")
    cookie = response.headers["set-cookie"]
    assert response.status_code == 303
    assert cookie.startswith("__Host-assistant_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" in cookie
    assert "Path=/" in cookie


def test_wrong_password_is_refused_without_saying_which_part(browser: Browser) -> None:
    response = browser.login("anna", "falsch-falsch-falsch")
    assert response.status_code == 401
    assert "Benutzername oder Passwort ist falsch." in response.text
    unknown = browser.login("niemand", "falsch-falsch-falsch")
    assert unknown.status_code == 401
    assert "Benutzername oder Passwort ist falsch." in unknown.text


def test_logins_pause_after_repeated_failures(browser: Browser) -> None:
    """After five failures even the right password is refused for a while."""
    for _ in range(5):
        assert browser.login("anna", "falsch-falsch-falsch").status_code == 401
    paused = browser.login("anna")
    assert paused.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in paused.text


def test_post_without_valid_csrf_token_is_refused(browser: Browser, review_url: str,
                                                  pipeline: Any) -> None:
    """A forged form (no token, wrong token, other origin) changes nothing."""
    [stored] = run(seed(review_url, pipeline, inquiry_mail()))
    browser.login("anna")
    path = f"/drafts/{stored.draft_id}/reject"
    data = {"revision": "0", "reason": "gefälscht"}
    assert browser.client.post(path, data=data).status_code == 403
    assert browser.client.post(path, data={**data, "csrf_token": "0" * 64}).status_code == 403
    browser.get(f"/drafts/{stored.draft_id}")
    other_site = browser.client.post(path, data={**data, "csrf_token": browser.csrf()},
                                     headers={"origin": "https://evil.example"})
    assert other_site.status_code == 403
    assert _status(review_url, stored.draft_id) == "pending"
    assert browser.post(path, data).status_code == 303
    assert _status(review_url, stored.draft_id) == "rejected"


def test_login_form_needs_its_token(browser: Browser) -> None:
    """Login CSRF: a login posted from elsewhere (no pre-login cookie) is refused."""
    response = browser.client.post("/login", data={"username": "anna",
                                                   "password": PASSWORDS["anna"],
                                                   "csrf_token": "abc"})
    assert response.status_code == 403


def _status(url: str, draft_id: int) -> str:
    async def read() -> str:
        engine = create_engine(url)
        async with sessionmaker(engine)() as db:
            status = (await db.execute(select(Draft.status).where(Draft.id == draft_id))).scalar()
        await engine.dispose()
        return str(status)
    return run(read())


def test_logout_ends_the_session_on_the_server(browser: Browser) -> None:
    """A copy of the cookie taken before logout no longer works afterwards."""
    browser.login("anna")
    cookie = dict(browser.client.cookies)
    browser.get("/")
    assert browser.post("/logout").status_code == 303
    browser.client.cookies.update(cookie)
    assert browser.client.get("/", follow_redirects=False).status_code == 303


def test_reviewer_cannot_reach_admin_pages(browser: Browser) -> None:
    browser.login("anna")
    for path in ("/admin/users", "/admin/suggestions"):
        assert browser.get(path).status_code == 403
    browser.get("/")
    assert browser.post("/admin/knowledge/reload").status_code == 403
    assert browser.post("/admin/users", {"username": "eve", "role": "admin",
                                         "password": "x" * 20,
                                         "password_repeat": "x" * 20}).status_code == 403


def test_admin_adds_a_user_with_errors_tied_to_fields(app_factory: Any) -> None:
    browser = app_factory()
    browser.login("chef")
    browser.get("/admin/users")
    short = browser.post("/admin/users", {"username": "dora", "role": "reviewer",
                                          "password": "kurz", "password_repeat": "kurz"})
    assert short.status_code == 422
    assert 'aria-describedby="password-error"' in short.text
    assert 'id="password-error"' in short.text
    ok = browser.post("/admin/users", {"username": "dora", "role": "reviewer",
                                       "password": "dora-password-12",
                                       "password_repeat": "dora-password-12"})
    assert ok.status_code == 303
    assert browser.login("dora", "dora-password-12").status_code == 303


def test_passwords_are_never_logged(browser: Browser, review_url: str,
                                    caplog: pytest.LogCaptureFixture) -> None:
    """Neither log records nor the audit log contain a password, right or wrong."""
    wrong = "geheim-falsch-7391"
    with caplog.at_level(logging.DEBUG, logger="assistant"), caplog.at_level(logging.INFO):
        browser.login("anna", wrong)
        browser.login(wrong, wrong)  # a password typed into the name field
        browser.login("anna")
    # Database drivers log query parameters at DEBUG; the assistant runs at INFO or above.
    text = "\n".join(r.getMessage() + str(getattr(r, "fields", "")) for r in caplog.records
                     if r.levelno >= logging.INFO or r.name.startswith("assistant"))

    async def audit() -> str:
        engine = create_engine(review_url)
        async with sessionmaker(engine)() as db:
            rows = (await db.execute(select(AuditEntry.actor, AuditEntry.detail))).all()
            hashes = list((await db.execute(select(User.password_hash))).scalars())
        await engine.dispose()
        assert all(h.startswith("$argon2id$") for h in hashes)
        return repr(rows)

    stored = run(audit())
    for secret in (wrong, PASSWORDS["anna"]):
        assert secret not in text
        assert secret not in stored


def test_trusted_proxy_header(app_factory: Any) -> None:
    """The SSO header signs in a known, active user, but only when a listed proxy sent it."""
    header = {"X-Remote-User": "anna"}
    proxied = app_factory(trusted_user_header="X-Remote-User", trusted_proxies="127.0.0.1",
                          peer="127.0.0.1")
    page = proxied.client.get("/", headers=header, follow_redirects=False)
    assert page.status_code == 200 and "Angemeldet als <strong>anna</strong>" in page.text
    unknown = proxied.client.get("/", headers={"X-Remote-User": "mallory"},
                                 follow_redirects=False)
    assert unknown.status_code == 303
    direct = app_factory(trusted_user_header="X-Remote-User", trusted_proxies="127.0.0.1",
                         peer="192.0.2.7")
    assert direct.client.get("/", headers=header, follow_redirects=False).status_code == 303
    off = app_factory(peer="127.0.0.1")
    assert off.client.get("/", headers=header, follow_redirects=False).status_code == 303


def test_queue_lists_oldest_first_with_counts_filters_and_badge(browser: Browser,
                                                                review_url: str,
                                                                pipeline: Any) -> None:
    old, _new = run(seed(review_url, pipeline, inquiry_mail(subject="Alte Frage"),
                        inquiry_mail(DURATION, subject="Neue Frage",
                                     sender="Jonas Weber <weber@musterbach.de>")))
    run(_received(review_url, old.message_id, 72))
    browser.login("anna")
    page = browser.get("/").text
    assert page.index("Alte Frage") < page.index("Neue Frage")
    assert f'href="/drafts/{old.draft_id}"' in page
    assert "<strong>2</strong> offene Entwürfe" in page
    assert "<strong>1</strong> warten länger als 48 Stunden" in page
    assert page.count("wartet über 48 Std.") == 1
    filtered = browser.get("/?anliegen=duration").text
    assert "Neue Frage" in filtered and "Alte Frage" not in filtered
    by_town = browser.get("/?gemeinde=rosenq").text
    assert "Alte Frage" in by_town and "Neue Frage" not in by_town
    by_age = browser.get("/?alter=48").text
    assert "Alte Frage" in by_age and "Neue Frage" not in by_age
    assert "Neue Frage" in browser.get("/?sprache=de&pruefbedarf=&anliegen=bogus").text


async def _received(url: str, message_id: int, hours: float) -> None:
    from sqlalchemy import update

    from assistant.history.models import Message

    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(update(Message).where(Message.id == message_id)
                           .values(received_at=hours_ago(hours)))
    await engine.dispose()


def test_queue_pages(app_factory: Any, review_url: str, pipeline: Any) -> None:
    run(seed(review_url, pipeline, *[inquiry_mail(DURATION, subject=f"Frage {n}",
                                                  sender=f"P {n} <p{n}@a.de>")
                                     for n in range(3)]))
    browser = app_factory(queue_page_size="2")
    browser.login("anna")
    first = browser.get("/").text
    assert "Seite 1 von 2" in first and "Frage 2" not in first
    second = browser.get("/?seite=2").text
    assert "Frage 2" in second and "Frage 0" not in second


def test_inquiry_page_shows_mail_html_as_text(browser: Browser, review_url: str,
                                              pipeline: Any) -> None:
    """Script, image and javascript: links from the body and subject come out escaped."""
    raw = inquiry_mail(XSS_BODY, subject=XSS_SUBJECT, html="<p><script>alert(2)</script></p>",
                       attachment=("antrag <b>.pdf", b"%PDF-1.4"))
    [stored] = run(seed(review_url, pipeline, raw))
    browser.login("anna")
    for path in (f"/drafts/{stored.draft_id}", f"/conversations/{stored.conversation_id}", "/"):
        page = browser.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert 'href="javascript:' not in page, path
        assert "&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;" in page, path
    page = browser.get(f"/drafts/{stored.draft_id}").text
    assert "antrag &lt;b&gt;.pdf" in page  # attachments are listed, escaped


def test_inquiry_page_shows_understanding_and_sources(browser: Browser, review_url: str,
                                                      pipeline: Any) -> None:
    [stored] = run(seed(review_url, pipeline, inquiry_mail()))
    browser.login("anna")
    page = browser.get(f"/drafts/{stored.draft_id}").text
    assert '<label for="text">Antwortentwurf</label>' in page
    assert "Antragsberechtigung" in page and "in der Mail genannt" in page
    # The eligibility question is answered by the verdict's notice (no answer block repeats it).
    assert "notice.eligible" in page and "notice.cooperation" in page
    assert "Vier-Augen-Prinzip" in page
    assert "Freigeben und senden" in page and ">Ablehnen<" in page


def test_inquiry_page_shows_every_rule_check(browser: Browser, review_url: str,
                                            pipeline: Any) -> None:
    """The page lists every rule that ran with its outcome (the rule trace), also the ones
    that found nothing: here the cap rule, since the mail names no amount."""
    [stored] = run(seed(review_url, pipeline, inquiry_mail()))
    browser.login("anna")
    page = browser.get(f"/drafts/{stored.draft_id}").text
    assert "Geprüfte Regeln" in page
    assert "Einwohnergrenze geprüft: 6.450 Einwohner (laut Mail) liegen unter der Grenze" in page
    assert "Förderhöchstbetrag geprüft (ohne Befund): Kein Betrag genannt." in page


def test_approve_through_the_form_wakes_the_sender(app_factory: Any, review_url: str,
                                                   pipeline: Any) -> None:
    woken: list[bool] = []

    class Sender:
        def wake(self) -> None:
            woken.append(True)

        async def run(self, stop: Any) -> None:
            await stop.wait()

    browser = app_factory(sender=Sender(), four_eyes="0")
    [stored] = run(seed(review_url, pipeline, inquiry_mail(DURATION)))
    browser.login("anna")
    page = browser.get(f"/drafts/{stored.draft_id}").text
    text = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    import html

    response = browser.post(f"/drafts/{stored.draft_id}/approve",
                            {"revision": "0", "text": html.unescape(text)})
    assert response.status_code == 303 and woken == [True]
    assert _status(review_url, stored.draft_id) == "approved"


def test_refused_approval_keeps_the_text_and_ties_the_error(browser: Browser, review_url: str,
                                                             pipeline: Any) -> None:
    [stored] = run(seed(review_url, pipeline, inquiry_mail(DURATION)))
    browser.login("anna")
    browser.get(f"/drafts/{stored.draft_id}")
    response = browser.post(f"/drafts/{stored.draft_id}/approve",
                            {"revision": "0", "text": "Guten Tag ,\n\nMein eigener Text."})
    assert response.status_code == 422
    assert "Mein eigener Text." in response.text
    assert 'aria-invalid="true"' in response.text and 'id="text-error"' in response.text
    assert "In der Anrede fehlt der Name" in response.text


def test_security_headers(browser: Browser) -> None:
    response = browser.get("/login")
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["server-timing"].startswith("app;dur=")


def test_health_and_metrics(browser: Browser, review_url: str, pipeline: Any) -> None:
    run(seed(review_url, pipeline, inquiry_mail()))
    assert browser.get("/healthz").json() == {"status": "ok"}
    metrics = browser.get("/metrics").text
    assert 'assistant_mails_processed_total{kind="inquiry"} 1.0' in metrics
    assert "assistant_drafts_pending 1.0" in metrics
    assert "assistant_oldest_pending_age_seconds" in metrics
    assert "assistant_send_failures_total 0.0" in metrics


def test_failed_and_uncertain_replies_are_shown_and_resolved(app_factory: Any, review_url: str,
                                                             pipeline: Any) -> None:
    """A permanent failure appears in the header badge and on the Versand page and can be sent
    again; an uncertain reply is resent only with the check ticked, or confirmed as sent."""
    from assistant.outbound.sender import Sender
    from tests.outbound.conftest import FakeTransport
    from tests.review.conftest import make_settings

    failed, uncertain = run(seed(review_url, pipeline,
                                 inquiry_mail(DURATION, sender="A B <ab@a.de>"),
                                 inquiry_mail(DURATION, sender="C D <cd@c.de>")))

    async def approve_and_send(script: list[str]) -> None:
        from sqlalchemy import update

        from assistant.history.models import Draft, utcnow

        engine = create_engine(review_url)
        async with engine.begin() as conn:
            await conn.execute(update(Draft).values(status="approved", approved_by="anna",
                                                    approved_at=utcnow()))
        sender = Sender(make_settings(review_url, send_retry_seconds="0"),
                        sessionmaker(engine), FakeTransport(script))
        await sender.prepare()
        await sender.run_once()
        await engine.dispose()

    run(approve_and_send(["refused", "unknown"]))
    browser = app_factory()
    browser.login("anna")
    page = browser.get("/sending").text
    assert "2 Probleme" in page
    assert "Versand fehlgeschlagen" in page and "Zustellung ungewiss" in page
    items = [int(i) for i in re.findall(r'id="item-(\d+)"', page)]
    assert len(items) == 2
    refused = browser.post(f"/sending/{items[1]}/retry")  # uncertain, box not ticked
    assert refused.status_code == 422 and "zweimal" in refused.text
    assert browser.post(f"/sending/{items[1]}/confirm").status_code == 303
    browser.get("/sending")
    assert browser.post(f"/sending/{items[0]}/retry").status_code == 303
    page = browser.get("/sending").text
    assert "wartet auf Versand" in page and "badge-danger" not in page
    assert _status(review_url, uncertain.draft_id) == "sent"
    assert _status(review_url, failed.draft_id) == "approved"
