"""Data protection: the retention purge, the Art. 15 export and the Art. 17 erasure — on SQLite
and PostgreSQL — and that reports count the same before and after a purge."""

from __future__ import annotations

import asyncio
import json
import shutil
import stat
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from assistant.commands import main
from assistant.errors import SettingsError
from assistant.history import privacy
from assistant.history.models import (
    AuditEntry,
    Conversation,
    Draft,
    Message,
    Suggestion,
    UnderstandingRecord,
)
from assistant.reports import queries
from assistant.reports import rows as table
from assistant.reports.figures import Period
from assistant.settings import Settings
from tests.reports.world import BANDS, T0, add_inquiry, add_message

NOW = datetime(2028, 6, 1, tzinfo=UTC)  # 27 months after T0
KEY = "privacy-test-key-0123456789abcdef"
SETTINGS = Settings.load({"ASSISTANT_RETENTION_MONTHS": "24", "ASSISTANT_SECRET_KEY": KEY})
ADDRESS = "erika.muster@musterbach.example"


async def old_and_new(engine: Any) -> tuple[Any, Any]:
    """A conversation closed 27 months before NOW and one closed last month."""
    async with engine.begin() as conn:
        old = await add_inquiry(conn, sender=ADDRESS, status="answered", closed_at=T0,
                                intents=[("eligibility", 0.9, "Dürfen wir als Musterbach?")],
                                eligibility="eligible", population=8000, draft_status="sent",
                                sent_after_hours=3, edited=True)
        await add_message(conn, old.conversation_id, direction="out", kind="reply",
                          sender="landesprogrammWIR@hsm.hessen.de", text="Sehr geehrte Frau …")
        await conn.execute(insert(Suggestion.__table__), [
            {"message_id": old.message_id, "sentence": "Dürfen wir als Musterbach?",
             "intent": "eligibility", "created_by": "user:anna", "status": "open",
             "created_at": T0, "origin": "intent_change"}])
        await conn.execute(insert(AuditEntry.__table__), [
            {"at": T0, "actor": "user:anna", "action": "draft_answered_elsewhere",
             "conversation_id": old.conversation_id, "message_id": old.message_id,
             "detail": {"note": "Frau Muster angerufen", "intents": ["eligibility"]}}])
        recent = await add_inquiry(conn, at=NOW - timedelta(days=40), status="closed",
                                   closed_at=NOW - timedelta(days=30), sender="b@lahntal.example")
    return old, recent


async def test_purge_removes_personal_data_of_old_conversations_only(engine: Any) -> None:
    old, recent = await old_and_new(engine)
    result = await privacy.purge(engine, SETTINGS, now=NOW)
    assert (1, 2) == (result.conversations, result.messages)
    async with engine.connect() as conn:
        conversation = (await conn.execute(select(Conversation.__table__).where(
            Conversation.id == old.conversation_id))).one()
        assert (None, "", "Musterbach") == (conversation.sender_address, conversation.subject,
                                            conversation.municipality)
        assert conversation.purged_at is not None
        for m in (await conn.execute(select(Message.__table__).where(
                Message.conversation_id == old.conversation_id))).all():
            assert (None, None, None, None, None, None) == (
                m.raw, m.sender_address, m.sender_name, m.new_text, m.signature, m.subject)
        u = (await conn.execute(select(UnderstandingRecord.__table__).where(
            UnderstandingRecord.message_id == old.message_id))).one()
        assert [{"id": "eligibility", "confidence": 0.9}] == u.intents
        assert 8000 == u.facts["population"] and "evidence" not in u.facts
        d = (await conn.execute(select(Draft.__table__).where(
            Draft.message_id == old.message_id))).one()
        assert ("", "", "sent") == (d.text, d.edited_text, d.status)
        assert all("text" not in b for b in d.blocks)
        assert 0 == (await conn.execute(select(func.count()).select_from(
            Suggestion.__table__))).scalar_one()
        note = (await conn.execute(select(AuditEntry.detail).where(
            AuditEntry.action == "draft_answered_elsewhere"))).scalar_one()
        assert {"intents": ["eligibility"]} == note
        kept = (await conn.execute(select(Conversation.sender_address).where(
            Conversation.id == recent.conversation_id))).scalar_one()
        assert "b@lahntal.example" == kept


async def test_each_purge_writes_one_audit_entry(engine: Any) -> None:
    await old_and_new(engine)
    await privacy.purge(engine, SETTINGS, now=NOW)
    await privacy.purge(engine, SETTINGS, now=NOW)
    async with engine.connect() as conn:
        details = (await conn.execute(select(AuditEntry.detail).where(
            AuditEntry.action == privacy.PURGE).order_by(AuditEntry.id))).scalars().all()
    assert [1, 0] == [d["conversations"] for d in details]
    assert "2026-06-01" in details[0]["cutoff"]


async def test_reports_count_the_same_after_the_purge(engine: Any) -> None:
    """Counts, verdicts, response times, draft outcomes survive; only the gaps lose text."""
    await old_and_new(engine)
    settings = {"low_confidence": 0.65, "gap_sample": 100, "gap_similarity": 60,
                "bands": BANDS}
    before = (await queries.build(engine, Period(), **settings)).as_json()
    await privacy.purge(engine, SETTINGS, now=NOW)
    after = (await queries.build(engine, Period(), **settings)).as_json()
    for figure in ("inquiries", "conversations", "by_intent", "by_week", "verdicts",
                   "population_bands", "municipalities", "first_response_hours", "drafts",
                   "filtered", "languages", "sources"):
        assert before[figure] == after[figure], figure
    async with engine.connect() as conn:
        rows = [r async for r in table.conversation_rows(conn, Period())]
    assert ["yes", "no"] == [r["purged"] for r in rows]
    assert "yes" == rows[0]["edited"]


async def test_daily_hook_runs_once_per_period(engine: Any) -> None:
    await old_and_new(engine)
    assert (await privacy.run_if_due(engine, SETTINGS, now=NOW)) is not None
    assert (await privacy.run_if_due(engine, SETTINGS, now=NOW + timedelta(hours=3))) is None
    assert (await privacy.run_if_due(engine, SETTINGS, now=NOW + timedelta(hours=25))) \
        is not None
    off = Settings.load({"ASSISTANT_PRIVACY_PURGE_HOURS": "0"})
    assert (await privacy.run_if_due(engine, off)) is None


async def test_subject_access_holds_everything_about_the_address(engine: Any) -> None:
    old, _ = await old_and_new(engine)
    async with engine.connect() as conn:
        data = await privacy.subject_access(conn, "  Erika.Muster@MUSTERBACH.example ")
    assert [old.conversation_id] == [c["id"] for c in data.conversations]
    assert 2 == len(data.messages) == len(data.mails)  # the inquiry and our reply
    assert ["eligibility"] == [i["id"] for u in data.understandings for i in u["intents"]]
    assert 1 == len(data.drafts) and 1 == len(data.suggestions) and 1 == len(data.audit)
    assert all("raw" not in m for m in data.messages)


async def test_erasure_anonymises_and_keeps_or_deletes_the_audit(engine: Any) -> None:
    old, _ = await old_and_new(engine)
    result = await privacy.erase(engine, SETTINGS, ADDRESS)
    assert (1, 2, 0) == (result.conversations, result.messages, result.audit_deleted)
    async with engine.connect() as conn:
        assert (await privacy.subject_access(conn, ADDRESS)).empty
        entry = (await conn.execute(select(AuditEntry.detail).where(
            AuditEntry.action == privacy.ERASE))).scalar_one()
        assert ADDRESS not in json.dumps(entry)
        assert privacy.subject_hash(ADDRESS, KEY) == entry["subject"]
        assert 1 == (await conn.execute(select(func.count()).select_from(
            AuditEntry.__table__).where(AuditEntry.conversation_id == old.conversation_id))
                     ).scalar_one()
    strict = Settings.load({"ASSISTANT_ERASE_KEEPS_AUDIT": "false", "ASSISTANT_SECRET_KEY": KEY})
    result = await privacy.erase(engine, strict, "b@lahntal.example")
    assert 1 == result.conversations


async def test_erasure_reaches_the_address_in_other_conversations(engine: Any) -> None:
    """A colleague's reply in someone else's conversation is erased; that conversation
    keeps its own sender."""
    async with engine.begin() as conn:
        theirs = await add_inquiry(conn, sender="chef@lahntal.example")
        mine = await add_message(conn, theirs.conversation_id, sender=ADDRESS,
                                 text="Ich ergänze: wir haben 7.000 Einwohner.")
    await privacy.erase(engine, SETTINGS, ADDRESS)
    async with engine.connect() as conn:
        message = (await conn.execute(select(Message.__table__).where(Message.id == mine))
                   ).one()
        owner = (await conn.execute(select(Conversation.sender_address).where(
            Conversation.id == theirs.conversation_id))).scalar_one()
    assert (None, None) == (message.sender_address, message.new_text)
    assert "chef@lahntal.example" == owner


def test_months_before_keeps_the_day_or_takes_the_month_end() -> None:
    assert datetime(2026, 2, 28, tzinfo=UTC) == privacy.months_before(
        datetime(2028, 2, 29, tzinfo=UTC), 24)
    assert datetime(2024, 2, 29, 5, tzinfo=UTC) == privacy.months_before(
        datetime(2024, 3, 31, 5, tzinfo=UTC), 1)


@pytest.fixture
def cli_store(sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              environ: dict[str, str]) -> str:
    from assistant.history.db import create_engine

    path = tmp_path / "assistant.db"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"

    async def fill() -> None:
        engine = create_engine(url)
        await old_and_new(engine)
        await engine.dispose()

    asyncio.run(fill())
    environ["ASSISTANT_DATABASE_URL"] = url
    environ["ASSISTANT_SECRET_KEY"] = KEY
    monkeypatch.chdir(tmp_path)
    return url


def test_cli_export_writes_data_and_mails(cli_store: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          environ: dict[str, str]) -> None:
    target = tmp_path / "auskunft.zip"
    assert 0 == main(["privacy", "export", ADDRESS, "--output", str(target)], environ)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        document = json.loads(archive.read("export.json"))
    assert "LIESMICH.txt" in names and 2 == len([n for n in names if n.startswith("mails/")])
    assert ADDRESS == document["address"] and 1 == len(document["conversations"])
    assert "2 message(s)" in capsys.readouterr().out


def test_cli_erase_needs_yes(cli_store: str, capsys: pytest.CaptureFixture[str],
                             environ: dict[str, str]) -> None:
    assert 1 == main(["privacy", "erase", ADDRESS], environ)
    assert "run again with --yes" in capsys.readouterr().out
    assert 0 == main(["privacy", "erase", ADDRESS, "--yes"], environ)
    assert "Erased the personal data in 1 conversation(s)" in capsys.readouterr().out


async def _conversations_with(url: str, address: str) -> int:
    """How many conversations still name ``address``."""
    from assistant.history.db import create_engine

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(select(func.count()).select_from(Conversation).where(
                Conversation.sender_address == address))).scalar_one()
    finally:
        await engine.dispose()


def test_erase_refuses_empty_key(cli_store: str, capsys: pytest.CaptureFixture[str],
                                 environ: dict[str, str]) -> None:
    """With an empty key the audit's address hash could be recomputed by anyone: erase stops
    with exit 2 before it touches anything, and says why."""
    environ["ASSISTANT_SECRET_KEY"] = ""
    assert 2 == main(["privacy", "erase", ADDRESS, "--yes"], environ)
    assert "ASSISTANT_SECRET_KEY is not set" in capsys.readouterr().err
    assert 1 == asyncio.run(_conversations_with(cli_store, ADDRESS))


def test_export_refuses_a_placeholder_or_repeated_key(cli_store: str, tmp_path: Path,
                                                      environ: dict[str, str]) -> None:
    """The .env.example placeholder and 40 identical characters are no keys: no archive."""
    target = tmp_path / "auskunft.zip"
    for key in ("change-me-to-64-hex-characters", "x" * 40):
        environ["ASSISTANT_SECRET_KEY"] = key
        assert 2 == main(["privacy", "export", ADDRESS, "--output", str(target)], environ)
    assert not target.exists()


def test_subject_hash_refuses_a_weak_key() -> None:
    """Whoever calls it, the audit hash is never keyed with a short key."""
    with pytest.raises(SettingsError):
        privacy.subject_hash(ADDRESS, "k")


def test_cli_purge_and_dry_run(cli_store: str, capsys: pytest.CaptureFixture[str],
                               environ: dict[str, str]) -> None:
    """Both commands say what they found (nothing in these rows is 24 months old today)."""
    assert 0 == main(["privacy", "purge", "--dry-run"], environ)
    assert "would be purged" in capsys.readouterr().out
    assert 0 == main(["privacy", "purge"], environ)
    assert "Purged the personal data of" in capsys.readouterr().out


def test_cli_refuses_what_is_no_address(cli_store: str, environ: dict[str, str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["privacy", "export", "not an address"], environ)
    assert 2 == stopped.value.code


def test_privacy_export_never_writes_to_cwd(cli_store: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            environ: dict[str, str]) -> None:
    """Without --output the archive goes to exports/ next to the SQLite database, readable by
    its owner only (0600) — never into the working directory."""
    elsewhere = tmp_path / "working-directory"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert 0 == main(["privacy", "export", ADDRESS], environ)
    assert [] == list(elsewhere.iterdir())
    archives = list((tmp_path / "exports").glob("auskunft-*.zip"))
    assert 1 == len(archives)
    assert 0o600 == stat.S_IMODE(archives[0].stat().st_mode)
    assert 0o700 == stat.S_IMODE((tmp_path / "exports").stat().st_mode)
    assert [] == list((tmp_path / "exports").glob(".auskunft-*"))


def test_privacy_export_goes_to_the_export_dir_setting(cli_store: str, tmp_path: Path,
                                                       environ: dict[str, str]) -> None:
    """ASSISTANT_EXPORT_DIR names the folder for archives without --output."""
    environ["ASSISTANT_EXPORT_DIR"] = str(tmp_path / "auskuenfte")
    assert 0 == main(["privacy", "export", ADDRESS], environ)
    assert 1 == len(list((tmp_path / "auskuenfte").glob("auskunft-*.zip")))


def test_privacy_export_with_a_database_server_needs_a_place(
        capsys: pytest.CaptureFixture[str], environ: dict[str, str]) -> None:
    """With PostgreSQL and neither --output nor ASSISTANT_EXPORT_DIR the command says so and
    exits 2 before it reads anything."""
    environ["ASSISTANT_DATABASE_URL"] = "postgresql://nobody@127.0.0.1:1/none"
    environ["ASSISTANT_SECRET_KEY"] = KEY
    assert 2 == main(["privacy", "export", ADDRESS], environ)
    assert "--output or set ASSISTANT_EXPORT_DIR" in capsys.readouterr().err


def test_privacy_export_file_is_private(cli_store: str, tmp_path: Path,
                                        environ: dict[str, str]) -> None:
    """An archive named with --output is readable by its owner only, too."""
    target = tmp_path / "auskunft.zip"
    assert 0 == main(["privacy", "export", ADDRESS, "--output", str(target)], environ)
    assert 0o600 == stat.S_IMODE(target.stat().st_mode)


def test_gitignore_covers_exports() -> None:
    """The repository ignores the export folder and archives, so none is committed by mistake."""
    ignored = (Path(__file__).resolve().parents[2] / ".gitignore").read_text("utf-8").split()
    assert {"var/", "exports/", "auskunft-*.zip"} <= set(ignored)
