"""One whole conversation as the worker handles it: mail, draft, follow-up, draft (README).

Run:  .venv/bin/python benchmarks/conversation.py

The two mails go through the real worker — its flow process, the store (a fresh SQLite file in
a temporary folder), the threading and the conversation's facts — exactly as mail from the
inbox does. Between them, staff approve and send the first draft; here that is recorded in the
store (status ``sent``) instead of going through the web app and an SMTP server, since only
what the store knows about the conversation matters for the second draft.
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select, update

from assistant.budget import FlowProcess
from assistant.history import schema
from assistant.history.db import create_engine
from assistant.history.store import Store
from assistant.history.tables import drafts, messages, understandings
from assistant.inbound import Incoming
from assistant.inbound.maildir import MaildirSource
from assistant.settings import Settings
from assistant.worker import Worker

FIRST = (
    "From: Erika Muster <e.muster@gemeinde-rosenquell.example.org>\r\n"
    "To: landesprogrammWIR@hsm.hessen.de\r\n"
    "Subject: KIV-Förderung\r\n"
    "Message-ID: <anfrage-1@gemeinde-rosenquell.example.org>\r\n"
    "Date: Mon, 02 Nov 2026 09:12:00 +0100\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Sehr geehrte Damen und Herren,\r\n\r\n"
    "kann die Gemeinde Rosenquell an der KIV-Förderung teilnehmen? Und wie lange hätten wir\r\n"
    "für die Strategie Zeit?\r\n\r\n"
    "Mit freundlichen Grüßen\r\nErika Muster\r\nHauptamt\r\n")
SECOND = (
    "From: Erika Muster <e.muster@gemeinde-rosenquell.example.org>\r\n"
    "To: landesprogrammWIR@hsm.hessen.de\r\n"
    "Subject: AW: KIV-Förderung\r\n"
    "Message-ID: <anfrage-2@gemeinde-rosenquell.example.org>\r\n"
    "In-Reply-To: <anfrage-1@gemeinde-rosenquell.example.org>\r\n"
    "References: <anfrage-1@gemeinde-rosenquell.example.org>\r\n"
    "Date: Tue, 03 Nov 2026 10:40:00 +0100\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Guten Tag,\r\n\r\n"
    "wir haben 7.450 Einwohnerinnen und Einwohner und liegen im Vogelsbergkreis.\r\n"
    "Können wir auch Kosten für eine externe Moderation abrechnen?\r\n\r\n"
    "Viele Grüße\r\nErika Muster\r\n")


async def conversation() -> list[tuple[str, str]]:
    """The mails and the drafts the worker made for them, in order."""
    with tempfile.TemporaryDirectory(prefix="assistant-conversation-") as tmp:
        url = f"sqlite:///{tmp}/store.db"
        settings = replace(Settings.load({}), database_url=url, inbox=f"maildir:{tmp}/mail")
        engine = create_engine(url)
        await schema.ensure_current(engine, initialise_empty=True)
        store = Store(engine, settings)
        worker = Worker(settings, store, MaildirSource(Path(tmp) / "mail"), FlowProcess(settings))
        shown: list[tuple[str, str]] = []
        try:
            for raw in (FIRST, SECOND):
                await store.store("example", "example", "", [Incoming(raw.encode())])
                await worker.process_pending()
                async with engine.begin() as conn:
                    message_id = (await conn.execute(
                        select(messages.c.id).order_by(messages.c.id.desc()))).scalars().first()
                    draft = (await conn.execute(select(drafts).where(
                        drafts.c.message_id == message_id))).first()
                    record = (await conn.execute(select(understandings).where(
                        understandings.c.message_id == message_id))).first()
                    # Staff approve and send the draft (see the module docstring).
                    await conn.execute(update(drafts).values(status="sent"))
                body = raw.split("\r\n\r\n", 1)[1].replace("\r\n", "\n")
                facts = "; ".join(f"{f['name']} = {f['value']} ({f['message'] or 'this mail'})"
                                  for f in record.conversation_facts or [])
                staff = "yes — " + "; ".join(draft.staff_reasons) if draft.needs_staff else "no"
                shown.append(("Mail", body))
                shown.append((f"Draft (kind {record.kind}, verdict {record.eligibility}; "
                              f"conversation facts: {facts or 'none'}; needs staff: {staff})",
                              draft.text))
        finally:
            worker.close()
            await engine.dispose()
    return shown


def main() -> None:
    for title, text in asyncio.run(conversation()):
        print(f"--- {title}\n{text.rstrip()}\n")


if __name__ == "__main__":
    main()
