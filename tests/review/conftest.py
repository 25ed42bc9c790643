"""Fixtures of the review tests: a migrated SQLite database with staff accounts, the pipeline,
and a Starlette test client that can log in.

Passwords are hashed with cheap argon2 parameters here (the production parameters take about
0.15 s per hash, which adds up over many logins).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from assistant.settings import Settings

SECRET = "test-secret-key-0123456789abcdef"
PASSWORDS = {"anna": "anna-password-123", "ben": "ben-password-1234", "chef": "chef-password-123"}
ROLES = {"anna": "reviewer", "ben": "reviewer", "chef": "admin"}


def make_settings(url: str, **extra: str) -> Settings:
    env = {"ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
           "ASSISTANT_COOKIE_SECURE": "0"}
    env.update({f"ASSISTANT_{k.upper()}": v for k, v in extra.items()})
    return Settings.load(env)


def fast_passwords() -> Any:
    from assistant.web.auth import Passwords

    return Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture(scope="session")
def pipeline() -> Any:
    """The real pipeline on the checkout's knowledge, loaded once."""
    from assistant import knowledge
    from assistant.flow import Pipeline

    settings = Settings.load({})
    return Pipeline(settings, knowledge.load(settings))


@pytest.fixture
def review_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A migrated SQLite database (the migrations of assistant.history) with three accounts."""
    path = tmp_path / "review.db"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"
    run(add_users(url))
    return url


async def add_users(url: str) -> None:
    from assistant.history.db import create_engine, sessionmaker
    from assistant.web import accounts

    engine = create_engine(url)
    try:
        async with sessionmaker(engine)() as db:
            for name, password in PASSWORDS.items():
                await accounts.create(db, fast_passwords(), name, ROLES[name], password, "test")
    finally:
        await engine.dispose()


def run(coro: Any) -> Any:
    """Run a coroutine from a synchronous test, in a thread of its own: the TestClient and
    Playwright may already run an event loop in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def in_session(url: str, work: Any) -> Any:
    """``await work(db)`` in a session on ``url``, from a synchronous test (see :func:`run`)."""
    from assistant.history.db import create_engine, sessionmaker

    async def go() -> Any:
        engine = create_engine(url)
        try:
            async with sessionmaker(engine)() as db:
                return await work(db)
        finally:
            await engine.dispose()

    return run(go())


async def seed(url: str, pipeline: Any, *raws: bytes, **kwargs: Any) -> list[Any]:
    from assistant.history.db import create_engine
    from tests.review.world import store_inquiry

    engine = create_engine(url)
    try:
        settings = make_settings(url)
        return [await store_inquiry(engine, settings, pipeline, raw, **kwargs) for raw in raws]
    finally:
        await engine.dispose()


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Browser:
    """A TestClient with helpers for forms (the CSRF token is read from the last page)."""

    client: Any
    last: str = ""

    def get(self, path: str, **kwargs: Any) -> Any:
        response = self.client.get(path, **kwargs)
        self.last = response.text
        return response

    def csrf(self) -> str:
        match = CSRF.search(self.last)
        assert match, "no form on the last page"
        return match.group(1)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        form = {"csrf_token": self.csrf(), **(data or {})}
        kwargs.setdefault("follow_redirects", False)
        response = self.client.post(path, data=form, **kwargs)
        if response.status_code != 303:
            self.last = response.text
        return response

    def login(self, name: str, password: str | None = None) -> Any:
        self.get("/login")
        return self.post("/login", {"username": name, "password": password or PASSWORDS[name],
                                    "next": "/"})


@pytest.fixture
def app_factory(review_url: str, pipeline: Any) -> Iterator[Any]:
    """Builds apps (and their test clients) on the review database."""
    from starlette.testclient import TestClient

    from assistant.commands.serve import staff_app

    clients: list[Any] = []

    def build(sender: Any = None, base_url: str = "http://127.0.0.1",
              peer: str = "testclient", **extra: str) -> Browser:
        settings = make_settings(review_url, **extra)
        app = staff_app(settings, pipeline=pipeline, passwords=fast_passwords(), sender=sender)
        client = TestClient(app, base_url=base_url, client=(peer, 50000))
        client.__enter__()
        clients.append(client)
        return Browser(client)

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def browser(app_factory: Any) -> Browser:
    return app_factory()
