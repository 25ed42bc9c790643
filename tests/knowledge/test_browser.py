"""The issue's first bar in headless Chromium: an admin edits "Förderhöhe" on the page "Wissen",
a separate `assistant draft --knowledge store` process drafts the new sentence, and restoring the
previous version removes it again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.knowledge.test_store import amount_mail
from tests.review.conftest import SECRET, add_users, run
from tests.review.test_browser import login
from tests.services import serving

pytestmark = pytest.mark.integration
SENTENCE = "Den Antrag stellen Sie bitte online."


class Served:
    def __init__(self, base: str, url: str) -> None:
        self.base, self.url = base, url


@pytest.fixture
def live(tmp_path: Path, sqlite_template: Path) -> Iterator[Served]:
    """`assistant serve` (four eyes off) on a database whose store holds the knowledge."""
    yield from serve(tmp_path, sqlite_template)


def serve(tmp_path: Path, sqlite_template: Path, **settings: str) -> Iterator[Served]:
    """Run `assistant serve` with the given settings (``retrain_folds="2"`` →
    ``ASSISTANT_RETRAIN_FOLDS=2``) until the generator is closed."""
    db = tmp_path / "assistant.db"
    shutil.copyfile(sqlite_template, db)
    url = f"sqlite:///{db}"
    run(add_users(url))
    env = {**os.environ, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
           "ASSISTANT_COOKIE_SECURE": "0", "ASSISTANT_FOUR_EYES": "false",
           "ASSISTANT_WEB_CPU_WORKERS": "1",
           **{f"ASSISTANT_{k.upper()}": v for k, v in settings.items()}}
    with serving(env, tmp_path / "serve.log", "--no-sender") as base:
        yield Served(base, url)


def _draft(url: str, mail: Path) -> str:
    """The draft of a separate `assistant draft --knowledge store` process."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "draft", str(mail), "--knowledge", "store",
         "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "ASSISTANT_DATABASE_URL": url}, timeout=120)
    return json.loads(done.stdout)["draft"]["text"]


def test_edit_in_the_browser_reaches_a_separate_draft_and_restore_removes_it(
        live: Served, page: Any, tmp_path: Path) -> None:
    """Wissen → Förderhöhe → a sentence added to "Text (Deutsch)", "Kommentar", "Speichern": a
    separate draft process uses it; Versionen → "Diese Version wiederherstellen" on the
    previous version removes it again."""
    mail = amount_mail(tmp_path)
    login(page, live, "chef")  # type: ignore[arg-type]
    page.get_by_role("link", name="Wissen").first.click()
    page.get_by_role("link", name="Förderhöhe", exact=True).click()
    german = page.get_by_label("Text (Deutsch)")
    german.fill(german.input_value() + " " + SENTENCE)
    page.get_by_label("Kommentar").fill("Hinweis auf den Online-Antrag")
    page.get_by_role("button", name="Speichern").click()
    assert "gespeichert und veröffentlicht" in page.content()
    assert SENTENCE in _draft(live.url, mail)

    page.goto(live.base + "/admin/wissen/versionen?pfad=answers/funding_amount.yaml")
    page.get_by_role("button", name="Diese Version wiederherstellen (Version 1)").click()
    assert "wiederhergestellt" in page.content()
    assert SENTENCE not in _draft(live.url, mail)


def test_a_template_error_is_shown_with_its_line_and_nothing_is_saved(
        live: Served, page: Any, tmp_path: Path) -> None:
    """A broken placeholder is shown on the edit page with its line; the store is unchanged."""
    login(page, live, "chef")  # type: ignore[arg-type]
    page.goto(live.base + "/admin/wissen/eintrag?pfad=answers/funding_amount.yaml")
    german = page.get_by_label("Text (Deutsch)")
    german.fill(german.input_value().replace("| eur }}", "| eur }"))
    page.get_by_label("Kommentar").fill("kaputt")
    page.get_by_role("button", name="Speichern").click()
    alert = page.get_by_role("alert").inner_text()
    assert "funding_amount.yaml, line" in alert and "de:" in alert
    page.goto(live.base + "/admin/wissen/versionen?pfad=answers/funding_amount.yaml")
    assert "Keine ältere Version." in page.content()
    assert "Die Förderung" in _draft(live.url, amount_mail(tmp_path))
