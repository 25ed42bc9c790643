"""The knowledge in the store: seeded from the folders, exported and imported byte for byte,
versioned, published (under four eyes), and the same drafts as the folders for the same texts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from assistant.commands import main
from assistant.errors import KnowledgeError
from assistant.history import knowledge_store
from assistant.knowledge.source import read_folders
from tests.helpers import ROOT
from tests.review.conftest import in_session

MAIL = ROOT / "tests" / "evaluation" / "heldout" / "mails" / "heldout-01.eml"
AMOUNT = "answers/funding_amount.yaml"


@pytest.fixture
def env(database_url: str, environ: dict[str, str]) -> dict[str, str]:
    environ["ASSISTANT_DATABASE_URL"] = database_url
    return environ


def test_db_upgrade_seeds_an_empty_store(tmp_path: Path, environ: dict[str, str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`db upgrade` on an empty database imports the folders as publication 1, once."""
    environ["ASSISTANT_DATABASE_URL"] = url = f"sqlite:///{tmp_path / 'a.db'}"
    assert main(["db", "upgrade"], environ) == 0
    assert "into the empty store (publication 1)" in capsys.readouterr().out
    assert main(["db", "upgrade"], environ) == 0
    assert "empty store" not in capsys.readouterr().out
    texts, number = in_session(url, knowledge_store.published_texts)
    assert number == 1
    assert texts == read_folders(ROOT / "knowledge", ROOT / "intents")


def test_export_then_import_changes_nothing(env: dict[str, str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """An export is byte for byte the folders, and importing it back reports no change."""
    assert main(["knowledge", "export", str(tmp_path)], env) == 0
    for name, text in read_folders(ROOT / "knowledge", ROOT / "intents").items():
        folder = "intents" if name.startswith("intents/") else "knowledge"
        path = tmp_path / folder / name.removeprefix("intents/")
        assert path.read_bytes() == text.encode("utf-8"), name
    capsys.readouterr()
    assert main(["knowledge", "import", str(tmp_path)], env) == 0
    assert "No change" in capsys.readouterr().out
    assert in_session(env["ASSISTANT_DATABASE_URL"], knowledge_store.publication) == 1


def test_import_shows_the_diff_and_publishes(env: dict[str, str], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A changed answer is shown as a unified diff; --dry-run keeps the store, import
    publishes it as a new version."""
    main(["knowledge", "export", str(tmp_path)], env)
    path = tmp_path / "knowledge" / AMOUNT
    path.write_text(path.read_text("utf-8").replace("auf maximal", "auf höchstens"), "utf-8")
    capsys.readouterr()
    assert main(["knowledge", "import", str(tmp_path), "--dry-run"], env) == 0
    out = capsys.readouterr().out
    assert "+  Die Förderung für eine KIV-Strategie beläuft sich auf höchstens" in out
    assert in_session(env["ASSISTANT_DATABASE_URL"], knowledge_store.publication) == 1
    assert main(["knowledge", "import", str(tmp_path), "--comment", "Wortwahl"], env) == 0
    texts, number = in_session(env["ASSISTANT_DATABASE_URL"], knowledge_store.published_texts)
    assert number == 2 and "auf höchstens" in texts[AMOUNT]


def test_import_refuses_a_broken_template_naming_file_and_line(
        env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A template error is refused with the file and its line; nothing is imported."""
    main(["knowledge", "export", str(tmp_path)], env)
    path = tmp_path / "knowledge" / AMOUNT
    path.write_text(path.read_text("utf-8").replace("| eur }}.", "| eur }.", 1), "utf-8")
    assert main(["knowledge", "import", str(tmp_path)], env) == 2
    err = capsys.readouterr().err
    assert "funding_amount.yaml, line 6: de:" in err
    assert in_session(env["ASSISTANT_DATABASE_URL"], knowledge_store.publication) == 1


def test_store_and_folders_give_the_same_draft(env: dict[str, str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """`draft --knowledge store` on the seeded store drafts exactly what the folders draft."""
    assert main(["draft", str(MAIL), "--format", "json"], env) == 0
    from_folders = json.loads(capsys.readouterr().out)
    assert main(["draft", str(MAIL), "--format", "json", "--knowledge", "store"], env) == 0
    assert json.loads(capsys.readouterr().out) == from_folders


def amount_mail(folder: Path) -> Path:
    """A mail that asks for the funding amount."""
    path = folder / "amount.eml"
    path.write_bytes(
        "From: Amt Musterstadt <amt@musterstadt.de>\nTo: landesprogrammWIR@hsm.hessen.de\n"
        "Subject: Förderhöhe\nMessage-ID: <q1@musterstadt.de>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\nSehr geehrte Damen und Herren,\n\nwie "
        "hoch ist die maximale Förderung für eine KIV-Strategie?\n\nMit freundlichen "
        "Grüßen\nErika Muster\n".encode())
    return path


def test_draft_from_the_store_uses_a_saved_version(env: dict[str, str], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A version saved and published in the store is what `--knowledge store` drafts with;
    the folders still draft the shipped text."""
    original = (ROOT / "knowledge" / AMOUNT).read_text("utf-8")

    async def edit(db: Any) -> None:
        await knowledge_store.save(db, AMOUNT, original.replace(
            "de: >-\n", "de: >-\n  Neu im Text.\n", 1), author="user:anna",
            comment="Satz ergänzt", publish=True)

    in_session(env["ASSISTANT_DATABASE_URL"], edit)
    mail = str(amount_mail(tmp_path))
    assert main(["draft", mail, "--format", "json", "--knowledge", "store"], env) == 0
    assert "Neu im Text. Die Förderung" in json.loads(capsys.readouterr().out)["draft"]["text"]
    assert main(["draft", mail, "--format", "json"], env) == 0
    assert "Neu im Text." not in json.loads(capsys.readouterr().out)["draft"]["text"]


def test_four_eyes_keeps_the_authors_publication_out(database_url: str) -> None:
    """Under four eyes a saved version waits as a draft; its author cannot publish it, a second
    admin can, and only then the counter moves."""
    async def work(db: Any) -> tuple[int, int]:
        saved = await knowledge_store.save(db, AMOUNT, "changed", author="user:anna",
                                           comment="Test", publish=False)
        before = await knowledge_store.publication(db)
        with pytest.raises(KnowledgeError, match="Vier-Augen"):
            await knowledge_store.publish(db, saved.record.id, "user:anna", four_eyes=True)
        after = await knowledge_store.publish(db, saved.record.id, "user:bert", four_eyes=True)
        return before, after

    assert in_session(database_url, work) == (1, 2)


def test_a_change_needs_a_comment(database_url: str) -> None:
    """Saving without a comment is refused and adds no version."""
    async def work(db: Any) -> int:
        with pytest.raises(KnowledgeError, match="comment"):
            await knowledge_store.save(db, AMOUNT, "x", author="user:anna", comment=" ",
                                       publish=True)
        return len(await knowledge_store.versions(db, AMOUNT))

    assert in_session(database_url, work) == 1


def test_export_removes_files_the_store_no_longer_holds(env: dict[str, str],
                                                        tmp_path: Path) -> None:
    """A file in the export folder that is no part of the store's knowledge is removed, so that
    export then import stays a round trip."""
    shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge")
    (tmp_path / "intents").mkdir()
    (tmp_path / "knowledge" / "notices" / "old.yaml").write_text("id: old\n", "utf-8")
    assert main(["knowledge", "export", str(tmp_path)], env) == 0
    assert not (tmp_path / "knowledge" / "notices" / "old.yaml").exists()
    assert (tmp_path / "knowledge" / "register" / "municipalities-de.csv").exists()
