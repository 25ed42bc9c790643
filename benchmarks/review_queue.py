"""Benchmark of the review queue: the page with 10,000 pending drafts.

Run:  .venv/bin/python benchmarks/review_queue.py [--drafts N] [--url DATABASE_URL]

Fills a fresh, migrated SQLite database (or the empty database ``--url`` names) with N pending
drafts (each with its conversation, inquiry message and understanding, 1–3 intents, a few
hundred municipalities, ages up to 30 days), signs in a reviewer and requests the queue through
the app: the first page, a later page, and filtered pages. Prints the best and median server
time of each (the app's ``Server-Timing`` header; target: under 200 ms, paginated).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import re
import statistics
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 15
INTENTS = ("eligibility", "funding_amount", "funded_activities", "application_process",
           "deadline", "duration", "joint_application", "participation", "stakeholders",
           "programme_info", "guideline", "contact")
PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway database


async def fill(url: str, count: int) -> None:
    """Write ``count`` pending drafts with everything the queue joins, in batches."""
    from sqlalchemy import insert

    from assistant.history import schema
    from assistant.history.db import create_engine
    from assistant.history.models import Conversation, Draft, Message, UnderstandingRecord

    rng = random.Random(7)
    engine = create_engine(url)
    await schema.upgrade(engine)
    now = datetime.now(UTC)
    towns = [f"Gemeinde {n}" for n in range(400)]
    batch = 1000
    async with engine.begin() as conn:
        for start in range(1, count + 1, batch):
            ids = range(start, min(start + batch, count + 1))
            conversations, messages, understandings, drafts = [], [], [], []
            for i in ids:
                received = now - timedelta(minutes=rng.randint(1, 30 * 24 * 60))
                town = rng.choice(towns)
                asked = rng.sample(INTENTS, rng.randint(1, 3))
                conversations.append({
                    "id": i, "token": hashlib.sha256(f"t{i}".encode()).hexdigest()[:16],
                    "subject": f"Frage {i}", "subject_key": f"frage {i}",
                    "sender_address": f"person{i}@{town.replace(' ', '').lower()}.de",
                    "municipality": town, "status": "open", "needs_staff": i % 7 == 0,
                    "created_at": received, "updated_at": received})
                raw = f"Subject: Frage {i}\n\nKönnen wir teilnehmen? ({i})\n".encode()
                messages.append({
                    "id": i, "conversation_id": i, "direction": "in", "source": "bench",
                    "raw": raw, "raw_sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw),
                    "message_id": f"<bench-{i}@example.org>", "references": [],
                    "sender_address": f"person{i}@example.org", "sender_name": f"Person {i}",
                    "recipients": [], "subject": f"Frage {i}", "received_at": received,
                    "processed_at": received, "kind": "inquiry", "language": "de",
                    "new_text": "Können wir teilnehmen?", "attachments": [], "problems": [],
                    "attempts": 1})
                understandings.append({
                    "message_id": i, "kind": "inquiry", "language": "de",
                    "intents": [{"id": a, "confidence": 0.8, "evidence": ""} for a in asked],
                    "abstained": False, "facts": {}, "findings": [], "created_at": received})
                drafts.append({
                    "message_id": i, "conversation_id": i, "status": "pending",
                    "language": "de" if i % 20 else "en", "subject": f"Re: Frage {i}",
                    "text": "Guten Tag,\n\nAntwort.\n", "blocks": [], "needs_staff": i % 7 == 0,
                    "staff_reasons": [], "created_at": received, "updated_at": received})
            await conn.execute(insert(Conversation), conversations)
            await conn.execute(insert(Message), messages)
            await conn.execute(insert(UnderstandingRecord), understandings)
            await conn.execute(insert(Draft), drafts)
    await engine.dispose()


async def add_reviewer(url: str) -> None:
    from assistant.history.db import create_engine, sessionmaker
    from assistant.web import accounts
    from assistant.web.auth import Passwords

    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        await accounts.create(db, Passwords(), "bench", "reviewer", PASSWORD, "bench")
    await engine.dispose()


def measure(url: str) -> None:
    from starlette.testclient import TestClient

    from assistant.commands.serve import staff_app
    from assistant.settings import Settings

    settings = Settings.load({"ASSISTANT_DATABASE_URL": url, "ASSISTANT_COOKIE_SECURE": "0",
                              "ASSISTANT_SECRET_KEY": "benchmark-secret-key-0123456789abcdef"})
    with TestClient(staff_app(settings), base_url="http://127.0.0.1") as client:
        login = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)  # type: ignore
        client.post("/login", data={"username": "bench", "password": PASSWORD,
                                    "csrf_token": token})
        for path in ("/", "/?seite=100", "/?anliegen=eligibility", "/?gemeinde=gemeinde+12",
                     "/?pruefbedarf=ja&alter=168"):
            times = []
            for _ in range(RUNS):
                response = client.get(path)
                assert response.status_code == 200, response.status_code
                times.append(float(response.headers["server-timing"].split("dur=")[1]))
            shown = len(re.findall(r'href="/drafts/\d+"', response.text))
            count = re.search(r'<p class="result-count" role="status">\s*(\d+)', response.text)
            print(f"GET {path:<28} {shown:>3} rows of {count.group(1) if count else '?':>5}: "
                  f"best {min(times):6.1f} ms, median {statistics.median(times):6.1f} ms "
                  "server time (target < 200 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--url", help="an empty database (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{folder}/queue.db"
        started = datetime.now(UTC)
        asyncio.run(fill(url, args.drafts))
        asyncio.run(add_reviewer(url))
        print(f"{args.drafts} pending drafts written in "
              f"{(datetime.now(UTC) - started).total_seconds():.1f} s ({url.split(':')[0]})")
        measure(url)


if __name__ == "__main__":
    main()
