"""Fixtures of the chat tests: the web app on a fresh database, and the worker's processing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.review.test_browser import axe_source, chromium  # noqa: F401 (fixtures, shared)
from tests.site import Site, open_site


@pytest.fixture
def site(sqlite_template: Path, tmp_path: Path) -> Iterator[Site]:
    """The app with a chat limit of five questions per minute."""
    with open_site(sqlite_template, tmp_path, chat_rate_per_minute="5") as opened:
        yield opened


async def process_stored_mail(engine: Any, settings: Any) -> int:
    """What the running worker does with stored mail: claim, understand, record."""
    from assistant.history.store import Store
    from assistant.worker import Worker

    worker = Worker(settings, Store(engine, settings), source=None)  # type: ignore[arg-type]
    return await worker.process_pending()
