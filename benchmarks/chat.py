"""Benchmark of the chat: how long one answer takes on the server.

Run:  .venv/bin/python benchmarks/chat.py

Sends a mix of questions (public intents, a status question, an eligibility check with a town,
an English question, a long message) to ``POST /api/chat`` through the web app in process and
prints the server time the app reports (``Server-Timing``): median, 95th percentile and maximum
per kind of question (target: under 50 ms), after one question that waits for the app's worker
processes to start. Also the bare ``respond`` call without HTTP (and without the hop to a
worker process). The rate limit is switched off for the run; the database is an empty SQLite
file (answers need none).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUESTIONS = {
    "funding amount": {"message": "Wie hoch ist die maximale Förderung?"},
    "two questions": {"message": "Wie lange läuft die Förderung, und bis wann müssen wir den "
                                 "Antrag stellen?"},
    "status (handover)": {"message": "Wie ist der Stand unseres Antrags vom März?"},
    "eligibility, town": {"message": "Dürfen wir teilnehmen?", "town": "Lahntal"},
    "english": {"message": "When is the deadline for the application?"},
    "long message": {"message": ("Sehr geehrte Damen und Herren, wir sind eine Gemeinde mit "
                                 "12.000 Einwohnern im Landkreis Kassel. " * 18)
                     + "Welche Maßnahmen werden gefördert?"},
}
RUNS = 200
WORDS = ("Grüße", "Danke", "Viele", "Beste", "Gruß", "Bitte")


async def main() -> None:
    from assistant import knowledge
    from assistant.chat.answer import Question, respond
    from assistant.flow import Pipeline
    from assistant.history import schema
    from assistant.history.db import create_engine
    from assistant.settings import Settings
    from benchmarks.web_client import app_client

    folder = Path(tempfile.mkdtemp(prefix="bench-chat-"))
    url = f"sqlite:///{folder / 'chat.db'}"
    settings = Settings.load({"ASSISTANT_DATABASE_URL": url,
                              "ASSISTANT_CHAT_RATE_PER_MINUTE": "0"})
    pipeline = Pipeline(settings, knowledge.load(settings))
    engine = create_engine(url)
    await schema.upgrade(engine)
    print(f"{'question':<20} {'median':>8} {'p95':>8} {'max':>8}  (ms server time, "
          f"{RUNS} requests each; target < 50 ms)")
    async with app_client(engine, settings, pipeline) as client:
        # The answers come from the app's worker processes; the first waits for them to start.
        await client.post("/api/chat", json={"message": "Wie hoch ist die Förderung?"})
        for name, body in QUESTIONS.items():
            times = []
            for number in range(RUNS):
                # A different text each time, so that no cache of the classifier sees it twice.
                varied = {**body, "message": f"{body['message']} {WORDS[number % len(WORDS)]}"
                                             f"{number}"}
                response = await client.post("/api/chat", json=varied)
                assert response.status_code == 200, response.text
                times.append(float(response.headers["server-timing"].split("dur=")[1]))
            times.sort()
            print(f"{name:<20} {statistics.median(times):>8.2f} "
                  f"{times[int(len(times) * 0.95) - 1]:>8.2f} {times[-1]:>8.2f}")
    await engine.dispose()
    for name, body in QUESTIONS.items():
        question = Question(body["message"], None, body.get("town"), None)
        started = time.perf_counter()
        for _ in range(RUNS):
            respond(pipeline, question, settings.chat_min_confidence)
        elapsed = (time.perf_counter() - started) / RUNS * 1000
        print(f"respond() alone, {name:<20} {elapsed:6.2f} ms")


if __name__ == "__main__":
    asyncio.run(main())
