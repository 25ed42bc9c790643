"""The staff web app with the report, search and chat pages, on a fresh SQLite database with
three staff accounts, driven by Starlette's test client (for tests/reports and tests/chat)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.settings import Settings
from tests.core import pipeline
from tests.review.conftest import Browser, add_users, fast_passwords, make_settings, run


@dataclass
class Site:
    url: str
    settings: Settings
    browser: Browser
    app: Any

    def run(self, work: Callable[[Any], Any]) -> Any:
        """Run ``work(engine)`` (a coroutine function) on the site's database."""
        async def go() -> Any:
            from assistant.history.db import create_engine

            engine = create_engine(self.url)
            try:
                return await work(engine)
            finally:
                await engine.dispose()
        return run(go())


@contextmanager
def open_site(template: Path, folder: Path, peer: str = "testclient",
              **extra: str) -> Iterator[Site]:
    from starlette.testclient import TestClient

    from assistant.commands.serve import staff_app

    path = folder / "site.db"
    shutil.copyfile(template, path)
    url = f"sqlite:///{path}"
    run(add_users(url))
    settings = make_settings(url, **extra)
    app = staff_app(settings, pipeline=pipeline(), passwords=fast_passwords())
    with TestClient(app, base_url="http://127.0.0.1", client=(peer, 50000)) as client:
        yield Site(url, settings, Browser(client), app)
