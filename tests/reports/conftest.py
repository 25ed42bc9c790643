"""Fixtures of the report tests: the staff app with a signed-in reviewer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site import Site, open_site


@pytest.fixture
def site(sqlite_template: Path, tmp_path: Path) -> Iterator[Site]:
    with open_site(sqlite_template, tmp_path) as opened:
        opened.browser.login("anna")
        yield opened
