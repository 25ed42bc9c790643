"""Benchmark: from a reviewer's click on "Freigeben und senden" to the reply in the SMTP
server's hands.

Run:  .venv/bin/python benchmarks/approve_send.py [--replies N]

Stores N inquiries through the worker's store and the real pipeline (SQLite in a temporary
folder), starts a real SMTP server (aiosmtpd) on a loopback port and ``assistant serve`` in its
own process (web app and sender together, as in production), signs in a reviewer over HTTP,
and approves the drafts one by one: each time from sending the approval form until the SMTP
server has received the reply. Prints the median, 90th percentile and worst (target: under 1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "benchmark-secret-key-0123456789abcdef"  # noqa: S105 - a throwaway database
PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway database
DURATION = ("Guten Tag,\n\nwie lange läuft die Förderung eigentlich? Wie viele Monate haben wir "
            "für die Strategie Zeit?\n\nViele Grüße\nJonas Weber\n")


class Inbox:
    """aiosmtpd handler: notes when each message arrived."""

    def __init__(self) -> None:
        self.arrived: list[float] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.arrived.append(time.perf_counter())
        return "250 OK"


async def prepare(url: str, count: int) -> list[int]:
    from assistant import knowledge
    from assistant.flow import Pipeline
    from assistant.history import schema
    from assistant.history.db import create_engine, sessionmaker
    from assistant.settings import Settings
    from assistant.web import accounts
    from assistant.web.auth import Passwords
    from tests.review.world import inquiry_mail, store_inquiry

    settings = Settings.load({"ASSISTANT_DATABASE_URL": url})
    pipeline = Pipeline(settings, knowledge.load(settings))
    engine = create_engine(url)
    await schema.upgrade(engine)
    drafts = []
    for n in range(count):
        stored = await store_inquiry(engine, settings, pipeline, inquiry_mail(
            DURATION, sender=f"Person {n} <person{n}@gemeinde{n}.de>"))
        drafts.append(stored.draft_id)
    async with sessionmaker(engine)() as db:
        await accounts.create(db, Passwords(), "bench", "reviewer", PASSWORD, "bench")
    await engine.dispose()
    return drafts


def main() -> None:
    from aiosmtpd.controller import Controller

    from tests.services import free_port

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/approve.db"
        drafts = asyncio.run(prepare(url, args.replies))
        inbox = Inbox()
        smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
        smtp.start()
        port = free_port()
        env = {**os.environ, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
               "ASSISTANT_COOKIE_SECURE": "0", "ASSISTANT_LOG_LEVEL": "WARNING",
               "ASSISTANT_SMTP_URL": f"smtp://127.0.0.1:{smtp.port}"}
        server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port",
                                   str(port)], cwd=ROOT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            opener = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            for _ in range(300):
                try:
                    opener.open(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)

            def form(path: str, fields: dict[str, str]) -> str:
                page = opener.open(base + path).read().decode()
                token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore
                data = urllib.parse.urlencode({"csrf_token": token, **fields}).encode()
                return data.decode()

            login = form("/login", {"username": "bench", "password": PASSWORD, "next": "/"})
            opener.open(base + "/login", login.encode())
            waits = []
            for draft_id in drafts:
                page = opener.open(f"{base}/drafts/{draft_id}").read().decode()
                token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore
                data = urllib.parse.urlencode({"csrf_token": token, "revision": "0"}).encode()
                before = len(inbox.arrived)
                started = time.perf_counter()
                opener.open(f"{base}/drafts/{draft_id}/approve", data)
                while len(inbox.arrived) == before:
                    if time.perf_counter() - started > 10:
                        raise TimeoutError(f"draft {draft_id}: no reply within 10 s")
                    time.sleep(0.001)
                waits.append((inbox.arrived[before] - started) * 1000)
        finally:
            server.terminate()
            server.wait(timeout=30)
            smtp.stop()
    waits.sort()
    p90 = waits[max(0, int(len(waits) * 0.9) - 1)]
    print(f"approve -> reply at the SMTP server, {len(waits)} replies: median "
          f"{statistics.median(waits):.0f} ms, p90 {p90:.0f} ms, worst {waits[-1]:.0f} ms "
          "(target < 1000 ms)")


if __name__ == "__main__":
    main()
