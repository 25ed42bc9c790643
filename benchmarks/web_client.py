"""A signed-in reviewer's HTTP client on the staff web app, in process (httpx2's ASGI
transport, no network): for the benchmarks that time pages by the app's ``Server-Timing``."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

USER, PASSWORD = "bench", "bench-password-123"


@asynccontextmanager
async def app_client(engine: Any, settings: Any, pipeline: Any = None) -> AsyncIterator[Any]:
    """A client of the app (not signed in)."""
    import httpx2
    from argon2 import PasswordHasher

    from assistant.commands.serve import staff_app
    from assistant.web.auth import Passwords

    key = settings.secret_key or "bench-secret-0123456789abcdefghijkl"
    settings = replace(settings, secret_key=key, cookie_secure=False)
    passwords = Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    app = staff_app(settings, engine=engine, passwords=passwords, pipeline=pipeline)
    transport = httpx2.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        client.passwords = passwords  # type: ignore[attr-defined]
        yield client


@asynccontextmanager
async def signed_in_client(engine: Any, settings: Any) -> AsyncIterator[Any]:
    from assistant.history.db import sessionmaker
    from assistant.web import accounts

    async with app_client(engine, settings) as client:
        async with sessionmaker(engine)() as db:
            await accounts.create(db, client.passwords, USER, "reviewer", PASSWORD, "bench")
        form = await client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert token, "no login form"
        done = await client.post("/login", data={"csrf_token": token.group(1), "username": USER,
                                                 "password": PASSWORD, "next": "/"})
        assert done.status_code == 303, done.status_code
        yield client
