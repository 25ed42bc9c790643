"""The sender against a real SMTP server (aiosmtpd): plain, STARTTLS, TLS and authentication;
the server down and up again; and the process killed right after the server accepted a reply.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from assistant.errors import NotDelivered
from assistant.history.db import sessionmaker
from assistant.history.models import OutboxItem
from assistant.outbound.sender import Sender
from assistant.outbound.smtp import SmtpTransport
from tests.helpers import ROOT
from tests.outbound.conftest import Recorder, approved_draft, parsed
from tests.review.conftest import make_settings
from tests.services import free_port

pytestmark = pytest.mark.integration


async def _items(engine: Any) -> list[OutboxItem]:
    async with sessionmaker(engine)() as db:
        return list((await db.execute(select(OutboxItem).order_by(OutboxItem.id))).scalars())


async def test_reply_reaches_the_server_with_thread_headers(engine: Any, database_url: str,
                                                            pipeline: Any,
                                                            smtp_server: Any) -> None:
    controller, recorder = smtp_server
    stored = await approved_draft(engine, database_url, pipeline)
    settings = make_settings(database_url,
                             smtp_url=f"smtp://127.0.0.1:{controller.port}")
    sender = Sender(settings, sessionmaker(engine), SmtpTransport(settings.smtp_url, timeout=5))
    assert await sender.run_once() == 1
    [raw] = recorder.messages
    msg = parsed(raw)
    assert msg["In-Reply-To"] == stored.message_id_header
    assert msg["References"].split()[-1] == stored.message_id_header
    assert msg["Subject"] == "Re: Förderung Integrationsstrategie"
    assert recorder.envelopes == [("landesprogrammWIR@hsm.hessen.de",
                                   ["buergermeisterin@rosenquell.de"])]


async def test_server_down_then_up_delivers_once(engine: Any, database_url: str,
                                                 pipeline: Any) -> None:
    """Connection refused: retried with backoff; once the server listens, exactly one copy."""
    from aiosmtpd.controller import Controller

    port = free_port()
    await approved_draft(engine, database_url, pipeline)
    settings = make_settings(database_url, smtp_url=f"smtp://127.0.0.1:{port}",
                             send_retry_seconds="0.2", send_poll_seconds="0.1")
    sender = Sender(settings, sessionmaker(engine), SmtpTransport(settings.smtp_url, timeout=5))
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop))
    await asyncio.sleep(1.0)
    [item] = await _items(engine)
    assert item.status == "queued" and item.attempts >= 2
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        for _ in range(100):
            if recorder.messages:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # time for a wrong second delivery to show up
    finally:
        stop.set()
        await task
        controller.stop()
    [item] = await _items(engine)
    assert len(recorder.messages) == 1
    assert item.status == "sent"


KILLER = """
import asyncio, os, signal, sys
from assistant.history.db import create_engine, sessionmaker
from assistant.outbound.sender import Sender
from assistant.outbound.smtp import SmtpTransport
from assistant.settings import Settings

class KilledAfterAccept(SmtpTransport):
    async def send(self, sender, recipients, data):
        answer = await super().send(sender, recipients, data)
        os.kill(os.getpid(), signal.SIGKILL)  # dies between the server's 250 and our commit
        return answer

async def main():
    settings = Settings.load()
    engine = create_engine(settings.database_url)
    sender = Sender(settings, sessionmaker(engine), KilledAfterAccept(settings.smtp_url, timeout=5))
    await sender.run_once()

asyncio.run(main())
"""


async def test_killed_after_the_server_accepted_is_not_sent_again(
        engine: Any, database_url: str, pipeline: Any, smtp_server: Any, tmp_path: Path) -> None:
    """SIGKILL right after the 250: on restart the reply is 'uncertain', never re-sent; staff
    see it on the Versand page."""
    controller, recorder = smtp_server
    await approved_draft(engine, database_url, pipeline)
    env = {**os.environ, "ASSISTANT_DATABASE_URL": database_url,
           "ASSISTANT_SMTP_URL": f"smtp://127.0.0.1:{controller.port}",
           "PYTHONPATH": str(ROOT)}
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    done = await asyncio.to_thread(subprocess.run, [sys.executable, str(script)], env=env,
                                   cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert len(recorder.messages) == 1
    [item] = await _items(engine)
    assert item.status == "sending"
    # The restart: `assistant send --once` on the same host sees the dead owner at once.
    restart = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "assistant", "send", "--once"], env=env, cwd=ROOT,
        capture_output=True, timeout=60, text=True)
    assert restart.returncode == 0, restart.stderr
    assert "1 marked uncertain" in restart.stdout
    await asyncio.sleep(0.3)
    [item] = await _items(engine)
    assert item.status == "uncertain"
    assert len(recorder.messages) == 1


class _Auth:
    def __init__(self) -> None:
        self.seen: list[tuple[bytes, bytes]] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult

        self.seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret/pw")


def _certificate(folder: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.mark.parametrize("mode", ["auth", "starttls", "smtps"])
async def test_tls_and_authentication(mode: str, tmp_path: Path) -> None:
    """smtp:// with AUTH, smtp://…?starttls=1 and smtps:// (certificate checked via cafile)."""
    import ssl

    from aiosmtpd.controller import Controller

    recorder, auth = Recorder(), _Auth()
    port = free_port()
    kwargs: dict[str, Any] = {"authenticator": auth, "auth_require_tls": mode != "auth"}
    url = f"smtp://wir%40hsm:s3cret%2Fpw@127.0.0.1:{port}"
    if mode != "auth":
        cert, key = _certificate(tmp_path)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if mode == "starttls":
            kwargs["tls_context"] = context
            kwargs["require_starttls"] = True
            url += f"?starttls=1&cafile={cert}"
        else:
            kwargs["server_kwargs"] = {"ssl": context}
            url = url.replace("smtp://", "smtps://") + f"?cafile={cert}"
    if mode == "smtps":
        controller = Controller(recorder, hostname="127.0.0.1", port=port,
                                authenticator=auth, auth_require_tls=False,
                                ssl_context=kwargs["server_kwargs"]["ssl"])
    else:
        controller = Controller(recorder, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        transport = SmtpTransport(url, timeout=5)
        answer = await transport.send("landesprogrammWIR@hsm.hessen.de", ["a@b.de"],
                                      b"Subject: t\r\n\r\nhallo\r\n")
        assert answer.startswith("250")
        assert auth.seen == [(b"wir@hsm", b"s3cret/pw")]
        assert len(recorder.messages) == 1
        wrong = SmtpTransport(url.replace("s3cret%2Fpw", "falsch"), timeout=2)
        with pytest.raises(NotDelivered):  # refused (535) or given up: certainly not delivered
            await wrong.send("landesprogrammWIR@hsm.hessen.de", ["a@b.de"], b"x\r\n")
        assert len(recorder.messages) == 1
    finally:
        controller.stop()


async def test_copy_goes_to_the_imap_sent_folder(engine: Any, database_url: str, pipeline: Any,
                                                 dovecot: Any) -> None:
    """With ASSISTANT_SENT_FOLDER, the sent reply lands in that folder on the inbox's server."""
    from imapclient import IMAPClient

    from assistant.outbound import sent_copy
    from tests.outbound.conftest import FakeTransport

    if not database_url.startswith("sqlite"):
        pytest.skip("the copy does not depend on the database")
    await approved_draft(engine, database_url, pipeline)
    settings = make_settings(database_url, sent_folder="Sent",
                             inbox=f"imap://worker:secret@127.0.0.1:{dovecot.port}/INBOX")
    transport = FakeTransport()
    sender = Sender(settings, sessionmaker(engine), transport,
                    sent_copy=sent_copy.from_settings(settings))
    assert await sender.run_once() == 1

    def fetch() -> list[bytes]:
        with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
            client.login("worker", "secret")
            client.select_folder("Sent")
            found = client.search(["ALL"])
            return [data[b"BODY[]"] for data in client.fetch(found, ["BODY[]"]).values()]

    copies = await asyncio.to_thread(fetch)
    assert len(copies) == 1
    assert parsed(copies[0])["Message-ID"] == parsed(transport.delivered[0])["Message-ID"]
