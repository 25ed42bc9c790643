"""The operator commands as a user runs them: run --once, demo, drafts, conversations, status."""

from __future__ import annotations

import json
import mailbox
import shutil
from pathlib import Path

import pytest

from assistant.commands import main
from tests.helpers import ROOT
from tests.worker import mails

DEMO = sorted((ROOT / "mailbox" / "demo").glob("*.eml"))


@pytest.fixture
def env(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch,
        environ: dict[str, str]) -> Path:
    """A Maildir inbox in the test's folder and a fresh database, via the environment."""
    box = tmp_path / "mail"
    environ["ASSISTANT_INBOX"] = f"maildir:{box}"
    environ["ASSISTANT_DATABASE_URL"] = database_url
    environ["ASSISTANT_LOG_FORMAT"] = "json"
    monkeypatch.chdir(ROOT)
    return box


def _deliver(box: Path, *raws: bytes) -> None:
    maildir = mailbox.Maildir(box, create=True)
    for raw in raws:
        maildir.add(raw)


def _json(capsys: pytest.CaptureFixture[str], environ: dict[str, str], *argv: str) -> object:
    capsys.readouterr()
    assert 0 == main(list(argv), environ)
    return json.loads(capsys.readouterr().out)


def test_run_once_then_read_back(env: Path, capsys: pytest.CaptureFixture[str],
                                 environ: dict[str, str]) -> None:
    """`run --once` exits 0 after processing; drafts, conversations and status show the result."""
    _deliver(env, mails.inquiry(1), mails.auto_reply(2), b"\x00\x01 not a mail at all")
    assert 0 == main(["run", "--once"], environ)
    log = [json.loads(line) for line in capsys.readouterr().err.splitlines()
           if line.startswith("{")]
    assert 3 == len([e for e in log if e["event"] == "mail"])

    status = _json(capsys, environ, "status", "--format", "json")
    assert {"inquiry": 1, "auto_reply": 1, "unparseable": 1} == status["messages_by_kind"]
    assert {"pending": 1} == status["drafts_by_status"]
    assert 3 == status["conversations"]
    [box] = status["mailboxes"]
    assert box["mailbox"] == f"maildir:{env.resolve()}" and box["last_poll_at"]

    [draft] = _json(capsys, environ, "drafts", "list", "--status", "pending", "--format", "json")
    shown = _json(capsys, environ, "drafts", "show", str(draft["id"]), "--format", "json")
    assert shown["text"] and shown["understanding"]["kind"] == "inquiry"
    assert 0 == main(["drafts", "show", str(draft["id"])], environ)
    assert "Subject: Re: Frage zur KIV-Förderung (1)" in capsys.readouterr().out

    conversations = _json(capsys, environ, "conversations", "list", "--format", "json")
    assert 3 == len(conversations)
    broken = next(c for c in conversations if c["error"])
    assert broken["needs_staff"]
    detail = _json(capsys, environ, "conversations", "show", str(broken["id"]), "--format", "json")
    assert "unparseable" == detail["messages"][0]["kind"]
    assert 0 == main(["conversations", "show", str(broken["id"])], environ)
    assert "error:" in capsys.readouterr().out


def test_missing_ids_exit_3(env: Path, capsys: pytest.CaptureFixture[str],
                            environ: dict[str, str]) -> None:
    """Unknown draft or conversation ids say so and exit 3."""
    assert 3 == main(["drafts", "show", "999"], environ)
    assert 3 == main(["conversations", "show", "999"], environ)
    assert "no draft 999" in capsys.readouterr().err


def test_status_check_needs_a_recent_poll(env: Path, capsys: pytest.CaptureFixture[str],
                                          environ: dict[str, str]) -> None:
    """The health check fails before the first poll and passes right after one."""
    assert 1 == main(["status", "--check"], environ)
    assert "has not been polled yet" in capsys.readouterr().err
    assert 0 == main(["run", "--once"], environ)
    assert 0 == main(["status", "--check"], environ)


def test_demo_delivers_processes_and_prints(tmp_path: Path, env: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            environ: dict[str, str]) -> None:
    """`assistant demo` drops the demo mails into the Maildir, processes them and prints one
    line per mail; run again it delivers nothing twice."""
    demo = env / "demo"
    demo.mkdir(parents=True)
    files = DEMO or []
    if files:
        for f in files:
            shutil.copy(f, demo / f.name)
    else:  # the demo mails are not written yet: two of our own stand in
        (demo / "demo-01.eml").write_bytes(mails.inquiry(1))
        (demo / "demo-02.eml").write_bytes(mails.auto_reply(2))
    count = len(list(demo.glob("*.eml")))
    assert 0 == main(["demo"], environ)
    out = capsys.readouterr().out
    assert f"Delivered {count} demo mail(s)" in out
    assert "draft 1 (pending" in out
    assert count == sum(1 for line in out.splitlines() if line.strip().startswith("demo-"))
    assert 0 == main(["demo"], environ)
    assert "Delivered 0 demo mail(s)" in capsys.readouterr().out
    status = _json(capsys, environ, "status", "--format", "json")
    assert count == sum(status["messages_by_kind"].values())
