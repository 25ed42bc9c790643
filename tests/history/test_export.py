"""One conversation's mails as an mbox or as .eml files, unchanged."""

from __future__ import annotations

import asyncio
import io
import mailbox
import re
import shutil
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from assistant.commands import main
from assistant.history import export
from assistant.history.db import create_engine
from tests.reports.world import T0, add_inquiry, add_message

TRICKY = (b"From: Erika Muster <e@musterbach.example>\r\nSubject: =?utf-8?q?F=C3=B6rderung?=\r\n"
          b"Message-ID: <t1@musterbach.example>\r\n\r\nFrom the start:\r\n>From quoted\r\n"
          b"F\xc3\xb6rderung?\r\n")


@pytest.fixture
def conversation(sqlite_template: Path, tmp_path: Path, environ: dict[str, str]) -> int:
    path = tmp_path / "assistant.db"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"
    environ["ASSISTANT_DATABASE_URL"] = url

    async def fill() -> int:
        engine = create_engine(url)
        async with engine.begin() as conn:
            c = await add_inquiry(conn)
            await add_message(conn, c.conversation_id, at=T0 + timedelta(hours=1), raw=TRICKY)
            await add_message(conn, c.conversation_id, at=T0 + timedelta(hours=2),
                              direction="out", kind="reply", raw=b"Subject: Re\r\n\r\nAntwort\r\n")
        await engine.dispose()
        return c.conversation_id

    return asyncio.run(fill())


def test_mbox_reads_back_to_the_same_mails(conversation: int, tmp_path: Path,
                                           environ: dict[str, str]) -> None:
    """mboxrd: a body line starting with "From " (or ">From ") gets one more ">" and is read
    back unchanged; the order is the order of arrival."""
    target = tmp_path / "c.mbox"
    assert 0 == main(["history", "export", str(conversation), "--output", str(target)], environ)
    box = mailbox.mbox(target)
    mails = [m.as_bytes().replace(b"\r\n", b"\n") for m in box]
    assert 3 == len(mails)
    assert b"Subject: =?utf-8?q?F=C3=B6rderung?=" in mails[1]
    # Python's mbox reader keeps the escaping; mboxrd's reader removes one ">" per line.
    read_back = re.sub(rb"(?m)^>(>*From )", rb"\1", box[1].get_payload(decode=True))
    assert TRICKY.split(b"\r\n\r\n", 1)[1].replace(b"\r\n", b"\n") == read_back


def test_mbox_escapes_from_lines() -> None:
    mail = export.Mail(1, "in", T0, "e@musterbach.example", TRICKY)
    data = export.mbox([mail])
    assert data.startswith(b"From e@musterbach.example Mon Mar 02 09:00:00 2026\n")
    assert b"\n>From the start:\n>>From quoted\n" in data


def test_eml_files_are_the_raw_bytes(conversation: int, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     environ: dict[str, str]) -> None:
    folder = tmp_path / "eml"
    assert 0 == main(["history", "export", str(conversation), "--format", "eml",
                      "--output", str(folder)], environ)
    files = sorted(folder.iterdir())
    assert 3 == len(files)
    assert TRICKY == files[1].read_bytes()
    assert files[2].name.endswith("-out-20260302-1100.eml")
    assert "Exported 3 mail(s)" in capsys.readouterr().out


def test_zip_for_the_browser_holds_the_eml_files() -> None:
    exported = export.Exported(5, "Frage", [export.Mail(1, "in", T0, None, TRICKY)], 0)
    with zipfile.ZipFile(io.BytesIO(export.eml_zip(exported))) as archive:
        assert [TRICKY] == [archive.read(n) for n in archive.namelist()]
    assert "gespraech-5.zip" == export.archive_name(exported, "zip")


def test_unknown_conversation_exits_3(conversation: int, tmp_path: Path,
                                      environ: dict[str, str]) -> None:
    assert 3 == main(["history", "export", "999", "--output", str(tmp_path / "x.mbox")], environ)
