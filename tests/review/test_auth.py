"""Hardening of sign-in: the proxy's user header, CSRF tokens of proxy users, and login
throttling per account and per client (through the app's HTTP test client; waits are recorded
by a fake sleep instead of slept)."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.requests import Request

from assistant.errors import SettingsError
from assistant.settings import Settings
from assistant.web.app import create_app
from tests.review.conftest import Browser, fast_passwords, make_settings

PROXY = {"trusted_user_header": "X-Remote-User", "trusted_proxies": "127.0.0.1"}
WRONG = "falsch-falsch-falsch"
CLIENT_LIMIT = 20  # ASSISTANT_LOGIN_ATTEMPTS (5) times four


def _slept(browser: Browser) -> list[float]:
    """Replace the app's sleep by one that records the waits it was asked for."""
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
    browser.client.app.state.services.auth.slowdown.sleep = sleep
    return waits


def _fail_from_this_client(browser: Browser, times: int) -> None:
    """``times`` failed logins, each for another (unknown) name: no account pauses."""
    for n in range(times):
        assert 401 == browser.login(f"niemand{n}", WRONG).status_code


def test_trusted_proxies_are_empty_by_default() -> None:
    """Out of the box no address may speak for a user or a client."""
    assert "" == Settings.load({}).trusted_proxies


def test_user_header_refused_without_trusted_proxies(review_url: str) -> None:
    """A user header without listed proxies stops the app at start-up with a clear error,
    instead of trusting every local process."""
    settings = make_settings(review_url, trusted_user_header="X-Remote-User")
    with pytest.raises(SettingsError, match="ASSISTANT_TRUSTED_PROXIES is empty"):
        create_app(settings, (), passwords=fast_passwords())


def test_malformed_trusted_proxy_is_a_settings_error(review_url: str) -> None:
    """A proxy given by name (not an address or network) is a clear settings error."""
    settings = make_settings(review_url, trusted_proxies="127.0.0.1,proxy.example")
    with pytest.raises(SettingsError, match="ASSISTANT_TRUSTED_PROXIES"):
        create_app(settings, (), passwords=fast_passwords())


def test_proxy_user_csrf_token_rotates(app_factory: Any) -> None:
    """Every page gets a new token; a token issued for another user, or one older than a
    session lasts, is refused."""
    browser = app_factory(peer="127.0.0.1", **PROXY)
    header = {"X-Remote-User": "chef"}
    first = (browser.get("/admin/users", headers=header), browser.csrf())[1]
    second = (browser.get("/admin/users", headers=header), browser.csrf())[1]
    assert first != second
    auth = browser.client.app.state.services.auth
    viewer = proxy_viewer("chef")
    assert auth.csrf_valid(viewer, "", first) and auth.csrf_valid(viewer, "", second)
    assert not auth.csrf_valid(proxy_viewer("anna"), "", first)
    issued = int(first.split(".")[0])
    auth.wall_clock = lambda: issued + 8 * 3600 + 1  # ASSISTANT_SESSION_HOURS is 8
    assert not auth.csrf_valid(viewer, "", first)


def proxy_viewer(username: str) -> Any:
    from assistant.web.auth import Viewer

    return Viewer(1, username, "reviewer", "", via_proxy=True)


def test_proxy_user_form_with_a_fresh_token_is_accepted(app_factory: Any) -> None:
    """The rotating token passes the guard in a real form post (the form's own check then
    answers 422), a made-up one does not (403)."""
    browser = app_factory(peer="127.0.0.1", **PROXY)
    header = {"X-Remote-User": "chef"}
    form = {"username": "", "role": "reviewer", "password": "x", "password_repeat": "x"}
    browser.get("/admin/users", headers=header)
    forged = browser.client.post("/admin/users", data={**form, "csrf_token": "1.x.y"},
                                 headers=header)
    assert 403 == forged.status_code
    browser.get("/admin/users", headers=header)
    assert 422 == browser.post("/admin/users", form, headers=header).status_code


def test_success_does_not_reset_other_client_counter(browser: Browser) -> None:
    """Failures of this client for other names still count after anna signs in from it: the
    next attempts are slowed down."""
    waits = _slept(browser)
    _fail_from_this_client(browser, CLIENT_LIMIT - 1)
    assert 303 == browser.login("anna").status_code
    assert [] == waits
    assert 401 == browser.login("niemand-x", WRONG).status_code
    browser.client.cookies.clear()
    browser.login("ben")
    assert [0.5] == waits


def test_locked_client_allows_correct_password(browser: Browser) -> None:
    """A client over its limit (an office behind an unlisted proxy) is slowed down, and the
    right password of an account that is not paused still signs in."""
    waits = _slept(browser)
    _fail_from_this_client(browser, CLIENT_LIMIT)
    assert 401 == browser.login("ben", WRONG).status_code
    assert 303 == browser.login("anna").status_code
    assert [0.5, 1.0] == waits


def test_slow_down_grows_and_has_a_ceiling() -> None:
    """The wait doubles with each failure beyond the client's limit, up to a ceiling."""
    from assistant.web.throttle import MAX_DELAY, SlowDown

    assert [0.5, 1.0, 2.0, 4.0, MAX_DELAY, MAX_DELAY] == [SlowDown.delay(n)
                                                          for n in (1, 2, 3, 4, 5, 9)]


def test_paused_account_stays_paused_whatever_the_client(browser: Browser) -> None:
    """Five failures pause the name; its right password is refused until the window passes."""
    for _ in range(5):
        assert 401 == browser.login("anna", WRONG).status_code
    assert 429 == browser.login("anna").status_code


def test_existing_and_unknown_names_expire_alike(browser: Browser) -> None:
    """After the window, four old failures no longer count — for an existing name exactly as
    for an unknown one (a wait does not tell which names exist)."""
    throttle = browser.client.app.state.services.auth.throttle
    now = [1000.0]
    throttle.clock = lambda: now[0]
    for name in ("anna", "niemand"):
        for _ in range(4):
            assert 401 == browser.login(name, WRONG).status_code
    now[0] += 15 * 60 + 1  # ASSISTANT_LOGIN_LOCK_MINUTES
    answers = [browser.login(name, WRONG).status_code for name in ("anna", "niemand")]
    answers += [browser.login(name, WRONG).status_code for name in ("anna", "niemand")]
    assert [401, 401, 401, 401] == answers


def test_made_up_forwarded_for_gets_no_fresh_counter(app_factory: Any) -> None:
    """From an address that is not a listed proxy, X-Forwarded-For is ignored: changing it
    does not start a new counter."""
    browser = app_factory(peer="192.0.2.7", trusted_proxies="127.0.0.1")
    waits = _slept(browser)
    for n in range(CLIENT_LIMIT):
        browser.get("/login")
        response = browser.post("/login", {"username": f"niemand{n}", "password": WRONG},
                                headers={"x-forwarded-for": f"203.0.113.{n}"})
        assert 401 == response.status_code
    browser.get("/login")
    browser.post("/login", {"username": "anna", "password": WRONG},
                 headers={"x-forwarded-for": "198.51.100.1"})
    assert [0.5] == waits


def _request(peer: str, forwarded: str) -> Request:
    return Request({"type": "http", "client": (peer, 1),
                    "headers": [(b"x-forwarded-for", forwarded.encode())]})


def test_forwarded_client_address_only_from_a_listed_proxy(app_factory: Any) -> None:
    """A listed proxy's last X-Forwarded-For entry is the client; anyone else is their peer
    address, and so is a proxy's entry that is no IP address."""
    auth = app_factory(peer="127.0.0.1", trusted_proxies="127.0.0.1"
                       ).client.app.state.services.auth
    assert "203.0.113.9" == auth.client_address(_request("127.0.0.1", "10.9.9.9, 203.0.113.9"))
    assert "192.0.2.1" == auth.client_address(_request("192.0.2.1", "203.0.113.9"))
    assert "127.0.0.1" == auth.client_address(_request("127.0.0.1", "made-up"))


def test_loopback_is_no_proxy_by_default(browser: Browser) -> None:
    """Without listed proxies, X-Forwarded-For from loopback is not believed either."""
    auth = browser.client.app.state.services.auth
    assert "127.0.0.1" == auth.client_address(_request("127.0.0.1", "203.0.113.9"))
