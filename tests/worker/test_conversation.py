"""The conversation remembers: facts carried from mail to mail with their source, a reply that
supplies what we asked for continues the inquiry, a correction flips the verdict, a colleague
continues the mayor's conversation, a follow-up's draft does not repeat what was sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from assistant.budget import FlowProcess
from assistant.history.models import Draft, Message, UnderstandingRecord
from assistant.history.store import Store
from assistant.inbound import Incoming
from assistant.inbound.maildir import MaildirSource
from assistant.worker import Worker
from tests.worker.mails import _mail, settings

TOWN = "gemeinde-rosenquell.example.org"
FIRST_ID = "<q1@gemeinde-rosenquell.example.org>"


def _worker(engine: Any, database_url: str, tmp_path: Path, flow: FlowProcess) -> Worker:
    s = settings(database_url, inbox=f"maildir:{tmp_path / 'mail'}")
    return Worker(s, Store(engine, s), MaildirSource(tmp_path / "mail"), flow)


def _write(body: str, *, message_id: str, sender: str = f"Erika Muster <e.muster@{TOWN}>",
           subject: str = "Förderung KIV", reply_to: str | None = None) -> bytes:
    headers = f"In-Reply-To: {reply_to}\r\nReferences: {reply_to}\r\n" if reply_to else ""
    return _mail(sender, ("AW: " if reply_to else "") + subject, body, message_id, headers)


async def _process(worker: Worker, raw: bytes) -> int:
    await worker.store.store("test", "m", "", [Incoming(raw)])
    await worker.process_pending()
    async with worker.store.engine.connect() as conn:
        return (await conn.execute(select(Message.__table__.c.id)
                                   .order_by(Message.__table__.c.id.desc()))).scalars().first()


async def _understanding(engine: Any, message_id: int) -> Any:
    async with engine.connect() as conn:
        return (await conn.execute(select(UnderstandingRecord.__table__).where(
            UnderstandingRecord.__table__.c.message_id == message_id))).first()


async def _draft(engine: Any, message_id: int) -> Any:
    async with engine.connect() as conn:
        return (await conn.execute(select(Draft.__table__).where(
            Draft.__table__.c.message_id == message_id))).first()


async def _send_all(engine: Any) -> None:
    """Staff approved and sent every draft so far (what the conversation context reads)."""
    async with engine.begin() as conn:
        await conn.execute(update(Draft.__table__).values(status="sent"))


async def test_population_we_asked_for_continues_the_inquiry(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess) -> None:
    """Our reply asked for the population; the answer "Wir haben 7.450 Einwohner." (no quote,
    no question) is an inquiry about eligibility and gets the verdict on the population it
    supplies; the understanding records the fact with its source."""
    worker = _worker(engine, database_url, tmp_path, flow)
    first = await _process(worker, _write(
        "Sehr geehrte Damen und Herren,\r\n\r\nkann die Gemeinde Rosenquell im "
        "Vogelsbergkreis an der KIV-Förderung teilnehmen?\r\n\r\nMit freundlichen Grüßen\r\n"
        "Erika Muster", message_id=FIRST_ID))
    asked = await _draft(engine, first)
    assert "notice.ask_population" in [b["source"] for b in asked.blocks]
    await _send_all(engine)
    second = await _process(worker, _write("Wir haben 7.450 Einwohner.\r\n\r\nGruß\r\nE. Muster",
                                           message_id="<q2@x>", reply_to=FIRST_ID))
    understanding = await _understanding(engine, second)
    assert ("inquiry", "eligible") == (understanding.kind, understanding.eligibility)
    facts = {f["name"]: f for f in understanding.conversation_facts}
    assert 7450 == facts["population"]["value"] and "" == facts["population"]["message"]
    assert ("Hessen", FIRST_ID) == (facts["state"]["value"], facts["state"]["message"])
    reply = await _draft(engine, second)
    assert "Vielen Dank für die Angabe" in reply.text and "7.450" in reply.text


async def test_a_correction_replaces_the_figure_and_flips_the_verdict(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess) -> None:
    """25.300 Einwohner, then "52.300, nicht 25.300": the latest statement wins and the verdict
    becomes not eligible."""
    worker = _worker(engine, database_url, tmp_path, flow)
    first = await _process(worker, _write(
        "Die Stadt Rosenquell im Vogelsbergkreis hat 25.300 Einwohner. Ist sie "
        "antragsberechtigt?", message_id=FIRST_ID))
    assert "eligible" == (await _understanding(engine, first)).eligibility
    await _send_all(engine)
    second = await _process(worker, _write(
        "Entschuldigung, ich habe mich vertippt: Rosenquell hat 52.300 Einwohner, nicht 25.300.",
        message_id="<q2@x>", reply_to=FIRST_ID))
    understanding = await _understanding(engine, second)
    assert "not_eligible" == understanding.eligibility
    assert 52300 == {f["name"]: f["value"] for f in understanding.conversation_facts}[
        "population"]


async def test_a_colleague_continues_with_the_facts_of_the_conversation(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess) -> None:
    """The mayor states the population; the clerk (same town's domain) asks a new question:
    her mail joins the conversation and its verdict rests on the mayor's figure."""
    worker = _worker(engine, database_url, tmp_path, flow)
    first = await _process(worker, _write(
        "Rosenquell im Vogelsbergkreis hat 6.100 Einwohner. Wie hoch ist die Förderung?",
        message_id=FIRST_ID, sender=f"Bürgermeister <bm@{TOWN}>"))
    second = await _process(worker, _write(
        "Eine Frage noch: Wie lange läuft das Projekt?", message_id="<q2@x>",
        sender=f"Hauptamt <hauptamt@{TOWN}>", reply_to=FIRST_ID))
    async with engine.connect() as conn:
        conversations = (await conn.execute(select(Message.__table__.c.conversation_id).where(
            Message.__table__.c.id.in_([first, second])))).scalars().all()
    assert 1 == len(set(conversations))
    understanding = await _understanding(engine, second)
    assert "eligible" == understanding.eligibility
    assert 6100 == {f["name"]: f["value"] for f in understanding.conversation_facts}[
        "population"]


async def test_a_follow_up_does_not_repeat_what_was_sent(
        tmp_path: Path, engine: Any, database_url: str, flow: FlowProcess) -> None:
    """The cooperation hint went out with the first reply; the draft for a follow-up about
    participation does not repeat it."""
    worker = _worker(engine, database_url, tmp_path, flow)
    first = await _process(worker, _write(
        "Rosenquell im Vogelsbergkreis hat 6.100 Einwohner. Sind wir antragsberechtigt?",
        message_id=FIRST_ID))
    assert "notice.cooperation" in [b["source"] for b in (await _draft(engine, first)).blocks]
    await _send_all(engine)
    second = await _process(worker, _write(
        "Wie können wir die Bürgerinnen und Bürger beteiligen?", message_id="<q2@x>",
        reply_to=FIRST_ID))
    sources = [b["source"] for b in (await _draft(engine, second)).blocks]
    assert "answer.participation" in sources and "notice.cooperation" not in sources
