"""Benchmark: does the staff app stay responsive while the public chat is busy?

Run:  .venv/bin/python benchmarks/responsiveness.py [--seconds 10] [--workers 2 1]

Stores a few pending drafts (SQLite in a temporary folder), starts ``assistant serve`` in its
own process as in production (web app, sender, the worker processes of
``ASSISTANT_WEB_CPU_WORKERS``), signs in a reviewer and then, for each load, keeps N chat
questions of the maximal length (``ASSISTANT_CHAT_MAX_CHARS``) in flight for a few seconds while
a prober asks for ``/healthz`` and the queue page ``/`` ten times a second. Prints the probes'
wall-clock latency seen by the client (median, 95th percentile, worst; targets: p95 under
100 ms with 20 questions in flight, ``/healthz`` under 500 ms with 10) and what became of the
questions (answered, offered to staff after the time budget, refused as busy).

Two kinds of question: ``words`` (2,000 characters of ordinary sentences) and ``one token``
(2,000 letters without a space, which keeps today's classifier busy for seconds: the worst
case of the security review). ``--workers`` measures with other values of
``ASSISTANT_WEB_CPU_WORKERS``.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import re
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "benchmark-secret-key-0123456789"  # noqa: S105 - a throwaway database
PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway database
MAX_CHARS = 2000
SENTENCE = ("Sehr geehrte Damen und Herren, wir sind eine Gemeinde mit 12.000 Einwohnern im "
            "Landkreis Kassel und möchten wissen, welche Maßnahmen gefördert werden. ")
LOADS = (10, 20)
KINDS = ("words", "one token")
PROBE_EVERY = 0.1


def question(kind: str, rng: random.Random) -> str:
    if kind == "words":
        text = SENTENCE * (MAX_CHARS // len(SENTENCE) + 1)
        return (text[:MAX_CHARS - 6] + f" {rng.randrange(10**4):04d}?")[:MAX_CHARS]
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(MAX_CHARS))


async def prepare(url: str) -> None:
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
    for n in range(30):
        await store_inquiry(engine, settings, pipeline,
                            inquiry_mail(sender=f"Person {n} <person{n}@gemeinde{n}.de>"))
    async with sessionmaker(engine)() as db:
        await accounts.create(db, Passwords(), "bench", "reviewer", PASSWORD, "bench")
    await engine.dispose()


async def sign_in(client: Any) -> None:
    page = await client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "no login form"
    done = await client.post("/login", data={"csrf_token": token.group(1), "username": "bench",
                                             "password": PASSWORD, "next": "/"})
    assert done.status_code == 303, done.status_code


async def load(client: Any, kind: str, in_flight: int, seconds: float) -> dict[str, Any]:
    """Keep ``in_flight`` questions going for ``seconds`` while probing; the figures."""
    rng = random.Random(in_flight)
    outcomes: dict[str, int] = {"answered": 0, "offered to staff": 0, "busy (503)": 0}
    chat_ms: list[float] = []
    probes: dict[str, list[float]] = {"/healthz": [], "/": []}
    stop = time.monotonic() + seconds

    async def asker() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            response = await client.post("/api/chat", json={"message": question(kind, rng)},
                                         timeout=120)
            chat_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code == 503:
                outcomes["busy (503)"] += 1
                await asyncio.sleep(1)
            elif response.json().get("handover_reasons") == ["unclear"] and kind != "words":
                outcomes["offered to staff"] += 1
            else:
                outcomes["answered"] += 1

    async def prober() -> None:
        await asyncio.sleep(0.5)  # let the questions reach the workers
        while time.monotonic() < stop:
            for path, times in probes.items():
                started = time.perf_counter()
                response = await client.get(path, timeout=60)
                assert response.status_code == 200, (path, response.status_code)
                times.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(PROBE_EVERY)

    await asyncio.gather(prober(), *(asker() for _ in range(in_flight)))
    return {"probes": probes, "outcomes": outcomes, "chat_ms": chat_ms}


def quantiles(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, math.ceil(len(times) * 0.95) - 1)]  # nearest rank
    return f"{statistics.median(times):6.1f} {p95:7.1f} {times[-1]:7.1f}"


async def measure(base: str, seconds: float, kinds: list[str], loads: list[int]) -> None:
    import httpx2

    limits = httpx2.Limits(max_connections=100, max_keepalive_connections=100)
    async with httpx2.AsyncClient(base_url=base, limits=limits) as client:
        await sign_in(client)
        # The worker processes load the knowledge at startup; wait for the first answer.
        await client.post("/api/chat", json={"message": "Wie hoch ist die Förderung?"},
                          timeout=120)
        for kind in kinds:
            for in_flight in loads:
                figures = await load(client, kind, in_flight, seconds)
                for path, times in figures["probes"].items():
                    print(f"  {kind:<10} {in_flight:>3} in flight  {path:<9} {len(times):>4} "
                          f"probes  {quantiles(times)}")
                done = ", ".join(f"{n} {what}" for what, n in figures["outcomes"].items())
                print(f"  {'':<10} {'':>3}            chat: {done}; median "
                      f"{statistics.median(figures['chat_ms']):.0f} ms")


def main() -> None:
    from tests.services import free_port

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each load")
    parser.add_argument("--workers", type=int, nargs="+", default=[2],
                        help="values of ASSISTANT_WEB_CPU_WORKERS to measure")
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    parser.add_argument("--loads", type=int, nargs="+", default=list(LOADS),
                        help="questions in flight")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/responsive.db"
        asyncio.run(prepare(url))
        for workers in args.workers:
            port = free_port()
            env = {**os.environ, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
                   "ASSISTANT_COOKIE_SECURE": "0", "ASSISTANT_LOG_LEVEL": "ERROR",
                   "ASSISTANT_CHAT_RATE_PER_MINUTE": "0",
                   "ASSISTANT_CHAT_MAX_CHARS": str(MAX_CHARS),
                   "ASSISTANT_WEB_CPU_WORKERS": str(workers),
                   "ASSISTANT_SMTP_URL": f"smtp://127.0.0.1:{free_port()}"}
            server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port",
                                       str(port)], cwd=ROOT, env=env)
            base = f"http://127.0.0.1:{port}"
            try:
                wait_for(base)
                print(f"ASSISTANT_WEB_CPU_WORKERS={workers}: probe latency in ms "
                      "(median, p95, worst)")
                asyncio.run(measure(base, args.seconds, args.kinds, args.loads))
            finally:
                server.terminate()
                server.wait(timeout=60)


def wait_for(base: str) -> None:
    import urllib.request

    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError("assistant serve did not start")


if __name__ == "__main__":
    main()
