"""The review commands: ``assistant users`` and ``assistant intents suggestions``, and the admin
page for suggestions."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from assistant.commands import main
from assistant.history.db import create_engine, sessionmaker
from assistant.history.models import Suggestion
from tests.helpers import ROOT
from tests.review.conftest import SECRET, Browser, run, seed
from tests.review.world import inquiry_mail


@pytest.fixture
def env(review_url: str, tmp_path: Path, environ: dict[str, str]) -> dict[str, Any]:
    """The CLI's environment: the review database and a copy of the intent catalogue."""
    intents = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", intents)
    environ["ASSISTANT_DATABASE_URL"] = review_url
    environ["ASSISTANT_INTENTS_DIR"] = str(intents)
    environ["ASSISTANT_SECRET_KEY"] = SECRET
    return {"url": review_url, "intents": intents}


async def _suggest(url: str, sentence: str, intent: str) -> int:
    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        row = Suggestion(sentence=sentence, intent=intent, created_by="anna",
                         origin="intent_change")
        db.add(row)
        await db.commit()
        await engine.dispose()
        return row.id


async def _published(url: str) -> dict[str, str]:
    from assistant.history import knowledge_store

    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        texts, _ = await knowledge_store.published_texts(db)
    await engine.dispose()
    return texts


def test_users_add_reads_the_password_from_stdin(env: dict[str, Any],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 environ: dict[str, str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("dora-password-12\n"))
    assert main(["users", "add", "dora", "--role", "admin"], environ) == 0
    assert main(["users", "list", "--format", "json"], environ) == 0
    out = capsys.readouterr().out
    assert "dora-password-12" not in out
    users = json.loads(out[out.index("["):])
    assert {"name": "dora", "role": "admin", "active": True} == {
        k: v for k, v in next(u for u in users if u["name"] == "dora").items() if k != "created_at"}


def test_users_add_refuses_a_short_password(env: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str],
                                            environ: dict[str, str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kurz\n"))
    assert main(["users", "add", "dora"], environ) == 2
    assert "mindestens 12 Zeichen" in capsys.readouterr().err


def test_suggestions_list_accept_dismiss(env: dict[str, Any], capsys: pytest.CaptureFixture[str],
                                         environ: dict[str, str]) -> None:
    """Accepting adds the example to intents/<id>.yaml in the store (never the folder) and says
    so; dismissing does not."""
    keep = run(_suggest(env["url"], "Wie lange haben wir Zeit für die Strategie?", "duration"))
    drop = run(_suggest(env["url"], "Danke für alles!", "contact"))
    assert main(["intents", "suggestions"], environ) == 0
    listed = capsys.readouterr().out
    assert "Wie lange haben wir Zeit" in listed and "Danke für alles!" in listed
    assert main(["intents", "suggestions", "accept", str(keep)], environ) == 0
    assert "added as an example to" in capsys.readouterr().out
    assert main(["intents", "suggestions", "dismiss", str(drop)], environ) == 0
    texts = run(_published(env["url"]))
    examples = yaml.safe_load(texts["intents/duration.yaml"])["examples"]
    assert examples[-1] == "Wie lange haben wir Zeit für die Strategie?"
    assert "Danke für alles!" not in texts["intents/contact.yaml"]
    assert (env["intents"] / "duration.yaml").read_text("utf-8") == \
        (ROOT / "intents" / "duration.yaml").read_text("utf-8")
    assert main(["intents", "suggestions", "accept", str(keep)], environ) == 2  # not open any more


def test_admin_page_accepts_a_suggestion(app_factory: Any, env: dict[str, Any],
                                         pipeline: Any) -> None:
    run(seed(env["url"], pipeline, inquiry_mail()))
    suggestion = run(_suggest(env["url"], "Bis wann läuft das Ganze?", "duration"))
    browser: Browser = app_factory(intents_dir=str(env["intents"]))
    browser.login("chef")
    page = browser.get("/admin/suggestions").text
    assert "Bis wann läuft das Ganze?" in page
    assert browser.post(f"/admin/suggestions/{suggestion}/accept").status_code == 303
    assert "Bis wann läuft das Ganze?" in run(_published(env["url"]))["intents/duration.yaml"]
    assert "Bis wann läuft das Ganze?" not in (env["intents"] / "duration.yaml").read_text("utf-8")

    async def status() -> str:
        engine = create_engine(env["url"])
        async with sessionmaker(engine)() as db:
            value = (await db.execute(select(Suggestion.status))).scalar_one()
        await engine.dispose()
        return value

    assert run(status()) == "accepted"
    browser.get("/admin/suggestions")
    assert browser.post("/admin/knowledge/reload").status_code == 303
