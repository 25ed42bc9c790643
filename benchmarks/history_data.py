"""A large, realistic store for the report and dashboard benchmarks, written with PostgreSQL's
COPY (a few seconds for 100,000 conversations instead of minutes of INSERTs).

Two years of conversations up to today: one inquiry each (15 % with a follow-up), one to three
intents with confidences, 5 % abstentions, verdicts, populations and Hessian municipalities from the
register, drafts in every state with send times, and 10 % auto-replies and bounces. Not a
module of the assistant: the benchmarks import it, nothing else does.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

ROOT = Path(__file__).resolve().parent.parent
INTENTS = ("eligibility", "funding_amount", "funded_activities", "application_process",
           "deadline", "duration", "joint_application", "participation", "stakeholders",
           "strategy_adoption", "programme_info", "guideline", "contact", "application_status",
           "out_of_scope")
QUESTIONS = (
    "Können wir mit den Mitteln auch Sprachkurse für Geflüchtete bezahlen?",
    "Dürfen wir einen Integrationslotsen für die Kita einstellen?",
    "Gibt es eine Förderung für den Umbau unseres Bürgerhauses?",
    "Wie sieht es mit der Förderung von Fahrrädern für Geflüchtete aus?",
    "Können Vereine direkt einen Antrag stellen?",
    "Ist eine Kombination mit Bundesmitteln möglich?",
    "Wer hilft uns beim Ausfüllen des Verwendungsnachweises?",
)
WEEKS = 104
# Two years up to today, so that "the last 90 days" of the dashboard hold the newest tenth.
START = (datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
         - timedelta(weeks=WEEKS))


def _towns() -> list[tuple[str, str, int]]:
    with (ROOT / "knowledge/register/municipalities-de.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["state"] == "Hessen"]
    return [(r["name"], r["district"], int(r["population"])) for r in rows]


async def seed(engine: AsyncEngine, conversations: int = 100_000, seed_value: int = 5) -> dict:
    """Fill an empty, migrated PostgreSQL database; returns how many rows of each table."""
    rnd = random.Random(seed_value)
    towns = _towns()
    conv_rows: list[tuple] = []
    msg_rows: list[tuple] = []
    und_rows: list[tuple] = []
    draft_rows: list[tuple] = []
    message_id = draft_id = 0
    span = WEEKS * 7 * 24 * 3600
    for cid in range(1, conversations + 1):
        at = START + timedelta(seconds=rnd.randrange(span))
        town, district, population = rnd.choice(towns)
        sender = f"person{cid}@{town.lower().replace(' ', '-')}.example"
        status = rnd.choices(("open", "answered", "closed"), (1, 6, 3))[0]
        conv_rows.append((cid, f"{cid:016x}", "Frage zur Förderung", "frage zur förderung",
                          sender, town, district, status, False, at, at + timedelta(days=2),
                          at + timedelta(days=3) if status != "open" else None))
        for follow_up in range(2 if rnd.random() < 0.15 else 1):
            message_id += 1
            received = at + timedelta(days=4 * follow_up, minutes=rnd.randrange(600))
            abstained = rnd.random() < 0.05
            asked = [] if abstained else rnd.sample(INTENTS, rnd.choice((1, 1, 1, 2, 2, 3)))
            question = rnd.choice(QUESTIONS)
            body = f"Sehr geehrte Damen und Herren,\n\n{question}\n\nMit freundlichen Grüßen"
            raw = f"From: {sender}\r\nSubject: Frage\r\n\r\n{body}\r\n".encode()
            msg_rows.append((message_id, cid, "in", "chat" if rnd.random() < 0.1 else "mailbox",
                             raw, hashlib.sha256(raw + str(message_id).encode()).hexdigest(),
                             len(raw), f"<m{message_id}@example.org>", sender, "Person",
                             "Frage", received, received, "inquiry", "de", body, "[]", "[]",
                             "[]", "[]", 1))
            confidences = [round(rnd.uniform(0.5, 1.0), 3) for _ in asked]
            stated = population if rnd.random() < 0.4 else None
            verdict = ("eligible" if population < 50_000 else "not_eligible") \
                if rnd.random() < 0.7 else "unknown"
            und_rows.append((message_id, message_id, "inquiry", "asks",
                             "en" if rnd.random() < 0.05 else "de",
                             json.dumps([{"id": i, "confidence": c, "evidence": question}
                                         for i, c in zip(asked, confidences, strict=True)]),
                             abstained,
                             json.dumps({"population": stated, "amount_eur": None,
                                         "municipality": town, "state": "Hessen",
                                         "evidence": []}),
                             json.dumps({"ags": "06000000", "name": town, "kind": "Gemeinde",
                                         "district": district, "state": "Hessen",
                                         "population": population, "ambiguous": False}),
                             verdict, "register", "[]", "bench", received))
            draft_id += 1
            state = rnd.choices(("pending", "sent", "rejected", "answered_elsewhere"),
                                (1, 8, 1, 0.5))[0]
            edited = state == "sent" and rnd.random() < 0.3
            sent = received + timedelta(hours=rnd.expovariate(1 / 20)) if state == "sent" \
                else None
            draft_rows.append((draft_id, message_id, cid, state, "de", "Re: Frage",
                               "Sehr geehrte Damen und Herren, …", "… geändert" if edited else None,
                               "[]", rnd.random() < 0.2, "[]", "bench", received, received, sent,
                               0))
        if rnd.random() < 0.1:
            message_id += 1
            kind = rnd.choice(("auto_reply", "bounce", "acknowledgement"))
            raw = f"Subject: Abwesend {message_id}\r\n\r\nAbwesend".encode()
            msg_rows.append((message_id, cid, "in", "mailbox", raw,
                             hashlib.sha256(raw).hexdigest(), len(raw), None, sender, None,
                             "Abwesend", at, at, kind, "de", "Abwesend", "[]", "[]", "[]",
                             "[]", 1))
    async with engine.begin() as conn:
        raw_conn = await conn.get_raw_connection()
        pg: Any = raw_conn.driver_connection
        await pg.copy_records_to_table(
            "conversations", records=conv_rows,
            columns=["id", "token", "subject", "subject_key", "sender_address", "municipality",
                     "district", "status", "needs_staff", "created_at", "updated_at",
                     "closed_at"])
        await pg.copy_records_to_table(
            "messages", records=msg_rows,
            columns=["id", "conversation_id", "direction", "source", "raw", "raw_sha256",
                     "size", "message_id", "sender_address", "sender_name", "subject", "date",
                     "received_at", "kind", "language", "new_text", "references", "recipients",
                     "attachments", "problems", "attempts"])
        await pg.copy_records_to_table(
            "understandings", records=und_rows,
            columns=["id", "message_id", "kind", "kind_reason", "language", "intents",
                     "abstained", "facts", "register", "eligibility", "eligibility_basis",
                     "findings", "knowledge_version", "created_at"])
        await pg.copy_records_to_table(
            "drafts", records=draft_rows,
            columns=["id", "message_id", "conversation_id", "status", "language", "subject",
                     "text", "edited_text", "blocks", "needs_staff", "staff_reasons",
                     "knowledge_version", "created_at", "updated_at", "sent_at", "revision"])
        for table in ("conversations", "messages", "understandings", "drafts"):
            # The table names are the constants of this loop, not input.
            statement = (f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                         f"(SELECT max(id) FROM {table}))")
            await conn.execute(text(statement))
        await conn.execute(text("UPDATE messages SET processed_at = received_at"))
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE"))
    return {"conversations": len(conv_rows), "messages": len(msg_rows),
            "understandings": len(und_rows), "drafts": len(draft_rows)}
