"""Who is asking: passwords, login throttling, sessions, CSRF tokens and the proxy header.

* Passwords are argon2id hashes (argon2-cffi); a hash made with weaker parameters is renewed at
  the next login. Unknown user names are checked against a dummy hash, so that the answer takes
  as long as for a real user.
* A session is a random token in a cookie, signed with ``ASSISTANT_SECRET_KEY`` (itsdangerous)
  and stored only as its SHA-256 in ``web_sessions``: logout and deactivating a user end it at
  once. The cookie is HttpOnly, SameSite=Lax, and Secure with the ``__Host-`` prefix unless
  ``ASSISTANT_COOKIE_SECURE`` is off. Sessions end after ``ASSISTANT_SESSION_HOURS`` idle.
* CSRF tokens are HMACs of the session token (or, on the login page, of a short-lived
  pre-login cookie), so every form carries one and nothing more needs storing. A user signed in
  by the proxy header has no session: each page gets a fresh token (time of issue, a random
  nonce and an HMAC over both and the user name), valid for ``ASSISTANT_SESSION_HOURS``.
* Failed logins are counted per account name and per client address
  (:mod:`assistant.web.throttle`): a name pauses after ``ASSISTANT_LOGIN_ATTEMPTS`` failures
  within ``ASSISTANT_LOGIN_LOCK_MINUTES`` — the same for names that do not exist, so the answers
  do not tell which names exist — and a client with four times as many is slowed down, never
  locked out: the right password of an account that is not paused still gets in.
* With ``ASSISTANT_TRUSTED_USER_HEADER`` set, a request from one of ``ASSISTANT_TRUSTED_PROXIES``
  (empty by default: the header is then refused at start-up) that carries the header is the
  named (existing, active) user: single sign-on at the proxy. Only those proxies'
  ``X-Forwarded-For`` is believed, and only when its last entry is an IP address.

Passwords never reach a log line or the audit log; failed logins for unknown names are audited
without the name, since people type their password into the name field.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, Signer
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import SettingsError
from assistant.history.models import AuditEntry, User, WebSession, utcnow
from assistant.history.records import as_utc
from assistant.settings import Settings
from assistant.web.throttle import LoginThrottle, SlowDown

ROLES = ("reviewer", "admin")
MIN_PASSWORD_LENGTH = 12
PRE_LOGIN_COOKIE = "assistant_login"


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable (German), or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein."
    if password != password.strip():
        return "Das Passwort darf nicht mit Leerzeichen beginnen oder enden."
    return None


class Passwords:
    """argon2id hashing; slow on purpose, so callers run it in a thread."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()
        self._dummy = self.hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        try:
            return self.hasher.verify(stored or self._dummy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in person as the pages see them."""

    id: int
    username: str
    role: str
    csrf: str
    via_proxy: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def actor(self) -> str:
        return f"user:{self.username}"


@dataclass(frozen=True, slots=True)
class LoginResult:
    viewer: Viewer | None
    token: str | None = None
    error: str | None = None
    status: int = 200


LOGIN_FAILED = "Benutzername oder Passwort ist falsch."
LOGIN_PAUSED = ("Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie {minutes} Minuten "
                "und versuchen Sie es dann erneut.")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


CLIENT_FACTOR = 4  # a client may fail this many times as often as one account name


def _addresses(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    nets = []
    for item in text.split(","):
        if item.strip():
            try:
                nets.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError as exc:
                raise SettingsError(f"ASSISTANT_TRUSTED_PROXIES: {exc}") from exc
    return nets


class Authenticator:
    """Sessions, logins and CSRF tokens for one app; built once from the settings."""

    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession],
                 passwords: Passwords | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        self.settings = settings
        self.sessions = sessions
        self.passwords = passwords or Passwords()
        self._key = settings.signing_key().encode()
        self._signer = Signer(self._key, salt="assistant.session")
        lock_seconds = settings.login_lock_minutes * 60
        self.throttle = LoginThrottle(settings.login_attempts, lock_seconds, clock)
        self.slowdown = SlowDown(sleep)
        self.wall_clock = wall_clock
        self._proxies = _addresses(settings.trusted_proxies)
        if settings.trusted_user_header and not self._proxies:
            raise SettingsError("ASSISTANT_TRUSTED_USER_HEADER is set, but "
                                "ASSISTANT_TRUSTED_PROXIES is empty: list the reverse proxy's "
                                "address(es), or the header would be refused")
        self.cookie_name = ("__Host-assistant_session" if settings.cookie_secure
                            else "assistant_session")

    # --- addresses and tokens -------------------------------------------------------------

    def _from_proxy(self, request: Request) -> bool:
        peer = request.client.host if request.client else ""
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in net for net in self._proxies)

    def client_address(self, request: Request) -> str:
        """The browser's address: the peer, or — for a listed proxy only — the last entry of its
        X-Forwarded-For (the one the proxy itself added) when that is an IP address."""
        peer = request.client.host if request.client else "unknown"
        forwarded = request.headers.get("x-forwarded-for")
        if forwarded and self._from_proxy(request):
            last = forwarded.split(",")[-1].strip()
            try:
                return str(ipaddress.ip_address(last))
            except ValueError:
                return peer
        return peer

    def _hmac(self, purpose: str, value: str) -> str:
        return hmac.new(self._key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    def login_csrf(self, pre_login: str) -> str:
        return self._hmac("csrf-login", pre_login)

    def check_csrf(self, expected: str, given: object) -> bool:
        return isinstance(given, str) and bool(given) and hmac.compare_digest(expected, given)

    def proxy_csrf(self, username: str) -> str:
        """A fresh token for a user signed in by the proxy header: issued-at, nonce, HMAC."""
        payload = f"{int(self.wall_clock())}.{secrets.token_urlsafe(12)}"
        return f"{payload}.{self._hmac('csrf-proxy', f'{username}:{payload}')}"

    def csrf_valid(self, viewer: Viewer | None, expected: str, given: object) -> bool:
        """Does the form's token belong to this viewer (or, without one, to the login form)?"""
        if viewer is None or not viewer.via_proxy:
            return self.check_csrf(expected, given)
        if not isinstance(given, str) or given.count(".") != 2:
            return False
        issued, nonce, mac = given.split(".")
        if not issued.isdigit():
            return False
        age = self.wall_clock() - int(issued)
        if not -60 <= age <= self.settings.session_hours * 3600:
            return False
        wanted = self._hmac("csrf-proxy", f"{viewer.username}:{issued}.{nonce}")
        return hmac.compare_digest(wanted, mac)

    # --- who is asking ----------------------------------------------------------------------

    async def viewer(self, request: Request) -> Viewer | None:
        header = self.settings.trusted_user_header
        if header and request.headers.get(header) and self._from_proxy(request):
            return await self._proxy_viewer(request.headers[header].strip())
        signed = request.cookies.get(self.cookie_name)
        if not signed:
            return None
        try:
            token = self._signer.unsign(signed).decode()
        except (BadSignature, UnicodeDecodeError):
            return None
        now = utcnow()
        async with self.sessions() as db:
            row = (await db.execute(
                select(WebSession, User).join(User, User.id == WebSession.user_id)
                .where(WebSession.token_hash == _token_hash(token)))).first()
            if row is None:
                return None
            web_session, user = row
            if not user.active or as_utc(web_session.expires_at) <= now:
                return None
            if now - as_utc(web_session.last_seen_at) > timedelta(seconds=60):
                web_session.last_seen_at = now
                web_session.expires_at = now + timedelta(hours=self.settings.session_hours)
                await db.commit()
            return Viewer(user.id, user.username, user.role, self._hmac("csrf", token))

    async def _proxy_viewer(self, username: str) -> Viewer | None:
        async with self.sessions() as db:
            user = (await db.execute(select(User).where(User.username == username))).scalar()
        if user is None or not user.active:
            return None
        return Viewer(user.id, user.username, user.role, self.proxy_csrf(user.username),
                      via_proxy=True)

    # --- logging in and out -----------------------------------------------------------------

    async def login(self, request: Request, username: str, password: str) -> LoginResult:
        """Check a login; a paused name is refused, a client over its limit waits first."""
        username = username.strip()
        client = "client:" + self.client_address(request)
        name = "name:" + username.lower()
        if self.throttle.blocked(name):
            return self._paused()
        excess = self.throttle.count(client) - self.settings.login_attempts * CLIENT_FACTOR + 1
        if excess <= 0:
            return await self._attempt(request, username, password, name, client)
        if self.slowdown.crowded(client):
            return self._paused()

        async def attempt() -> LoginResult:
            return await self._attempt(request, username, password, name, client)
        result = await self.slowdown.wait(client, excess, attempt)
        assert isinstance(result, LoginResult)
        return result

    def _paused(self) -> LoginResult:
        return LoginResult(None, error=LOGIN_PAUSED.format(
            minutes=self.settings.login_lock_minutes), status=429)

    async def _attempt(self, request: Request, username: str, password: str, name: str,
                       client: str) -> LoginResult:
        """The same steps for every name, existing or not (a dummy hash for unknown ones)."""
        if self.throttle.blocked(name):
            return self._paused()
        now = utcnow()
        async with self.sessions() as db:
            user = (await db.execute(select(User).where(User.username == username))).scalar()
            ok = await asyncio.to_thread(self.passwords.verify,
                                         user.password_hash if user else None, password)
            if user is None or not ok or not user.active:
                self.throttle.failed(name)
                self.throttle.failed(client)
                db.add(AuditEntry(actor=f"user:{user.username}" if user else "anonymous",
                                  action="login_failed", detail={"known_user": user is not None}))
                await db.commit()
                return LoginResult(None, error=LOGIN_FAILED, status=401)
            if self.passwords.needs_rehash(user.password_hash):
                user.password_hash = await asyncio.to_thread(self.passwords.hash, password)
            token = secrets.token_urlsafe(32)
            await db.execute(delete(WebSession).where(WebSession.expires_at < now))
            db.add(WebSession(token_hash=_token_hash(token), user_id=user.id, created_at=now,
                              last_seen_at=now,
                              expires_at=now + timedelta(hours=self.settings.session_hours)))
            db.add(AuditEntry(actor=f"user:{user.username}", action="login",
                              detail={"client": self.client_address(request)}))
            await db.commit()
            # The account's own success clears its counter; the client's counter stays.
            self.throttle.reset(name)
            return LoginResult(Viewer(user.id, user.username, user.role,
                                      self._hmac("csrf", token)), token=token)

    def paused_until(self, username: str) -> datetime | None:
        """When logins for this name resume (None when they are not paused)."""
        seconds = self.throttle.paused_for("name:" + username.strip().lower())
        return utcnow() + timedelta(seconds=seconds) if seconds else None

    async def logout(self, request: Request, viewer: Viewer) -> None:
        signed = request.cookies.get(self.cookie_name)
        async with self.sessions() as db:
            if signed:
                try:
                    token = self._signer.unsign(signed).decode()
                except (BadSignature, UnicodeDecodeError):
                    token = None
                if token:
                    await db.execute(delete(WebSession)
                                     .where(WebSession.token_hash == _token_hash(token)))
            db.add(AuditEntry(actor=viewer.actor, action="logout", detail={}))
            await db.commit()

    # --- cookies ----------------------------------------------------------------------------

    def set_session_cookie(self, response: Response, token: str) -> None:
        response.set_cookie(self.cookie_name, self._signer.sign(token).decode(), path="/",
                            httponly=True, samesite="lax", secure=self.settings.cookie_secure)

    def clear_session_cookie(self, response: Response) -> None:
        response.delete_cookie(self.cookie_name, path="/", httponly=True, samesite="lax",
                               secure=self.settings.cookie_secure)

    def pre_login(self, request: Request) -> tuple[str, bool]:
        """The pre-login value for the login form's CSRF token; True when it is new."""
        value = request.cookies.get(PRE_LOGIN_COOKIE, "")
        if len(value) == 43 and value.replace("-", "").replace("_", "").isalnum():
            return value, False
        return secrets.token_urlsafe(32), True

    def set_pre_login_cookie(self, response: Response, value: str) -> None:
        response.set_cookie(PRE_LOGIN_COOKIE, value, path="/", max_age=3600, httponly=True,
                            samesite="lax", secure=self.settings.cookie_secure)
