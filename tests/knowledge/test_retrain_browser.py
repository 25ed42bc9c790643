""""Modell neu trainieren" in headless Chromium, against a running `assistant serve`: an admin
starts the training on the page "Anliegen-Modell", sees both models' figures once it is done,
publishes the candidate, and the store's live model is the new one. The training runs with a
small configuration (10 examples per intent, 2 folds, no shipped sets) to stay fast."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.knowledge.test_browser import Served, serve
from tests.knowledge.test_retrain_page import _confirmed_mails, _live_model
from tests.review.conftest import run
from tests.review.test_browser import login

pytestmark = pytest.mark.integration


@pytest.fixture
def small(tmp_path: Path, sqlite_template: Path) -> Iterator[Served]:
    yield from serve(tmp_path, sqlite_template, retrain_sets="none", retrain_examples="10",
                     retrain_folds="2")


def test_an_admin_trains_and_publishes_a_model_in_the_browser(small: Served, page: Any,
                                                              pipeline: Any) -> None:
    """Wissen → "Modell neu trainieren" (the page Anliegen-Modell) → the button; after the
    background training the page shows the current and the new model's figures; "Neues Modell
    veröffentlichen" makes the candidate the store's live model."""
    _confirmed_mails(small.url, pipeline)
    before, publication = run(_live_model(small.url))
    login(page, small, "chef")  # type: ignore[arg-type]
    page.get_by_role("link", name="Wissen").first.click()
    page.get_by_role("link", name="Modell neu trainieren").first.click()
    page.get_by_role("button", name="Modell neu trainieren").click()
    assert "Das Training läuft im Hintergrund" in page.content()
    publish = page.get_by_role("button", name="Neues Modell veröffentlichen")
    deadline = time.monotonic() + 180
    while not publish.count():
        assert time.monotonic() < deadline, "the training did not finish within 180 s"
        time.sleep(1)
        page.reload()
    assert "Micro-F1 bisher" in page.content()
    publish.click()
    assert "Das neue Modell ist veröffentlicht" in page.content()
    model, now = run(_live_model(small.url))
    assert model != before and now > publication
