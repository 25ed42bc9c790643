"""Property tests: random tokens up to 1 MB and single-line mails up to 10 MB, through classify
and through the worker, end classified, stored or flagged for staff — never stuck.

The budget is the mechanism (the flow runs in a child process that is killed after
``ASSISTANT_PROCESS_SECONDS``); these tests assert the outcome, not a time. Classify runs with a
budget of 60 s and must never use it up; the worker runs with its default budget and may flag a
mail "zu aufwendig", but must store every mail and go on.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from assistant.budget import FlowProcess
from assistant.history.db import create_engine
from assistant.history.models import Conversation, Message
from assistant.history.store import Store
from assistant.inbound import Incoming
from assistant.worker import Worker
from tests.worker import flows, mails
from tests.worker.mails import settings as worker_settings

ALPHABETS = ("abcdefghijklmnopqrstuvwxyz", "äöüßaeou", "ab", "0123456789.,", "<a /=\"'>&;",
             "bitte", "A. B.", "-_>*\t", "Förderung")
WORDS = ("Wir", "fragen", "bitte", "mitteilen", "ca.", "z. B.", "12.000", "Einwohner", "Euro",
         "Förderung?", "Gemeinde", "Stadt", "Kreis", "vorab", "Dank", "4.4.7", "delay", "> ",
         "schrieb:", "<p>", "<a", "Hessen", "-----", "Von:", "Betreff:", "1.", "Antrag.")
KINDS = {"inquiry", "acknowledgement", "auto_reply", "bounce", "unparseable"}
PROPERTY = settings(max_examples=6, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _body(text: str, html: bool) -> bytes:
    if not html:
        return mails.inquiry(1, question=text)
    raw = mails.inquiry(1, question=f"<html><body><p>{text}</p></body></html>")
    return raw.replace(b"text/plain", b"text/html")


@st.composite
def token_mails(draw: st.DrawFn) -> bytes:
    """A question and one random token of up to 1 MB, as plain text or HTML."""
    rng = random.Random(draw(st.integers(0, 2 ** 32 - 1)))
    size = draw(st.one_of(st.just(1_000_000), st.integers(1, 1_000_000)))
    token = "".join(rng.choices(draw(st.sampled_from(ALPHABETS)), k=size))
    return _body(f"Wie hoch ist die Förderung? {token}", draw(st.booleans()))


@st.composite
def line_mails(draw: st.DrawFn) -> bytes:
    """A mail whose text is one line of up to 10 MB of words, numbers and markup."""
    rng = random.Random(draw(st.integers(0, 2 ** 32 - 1)))
    size = draw(st.one_of(st.just(10_000_000), st.integers(1_000_000, 10_000_000)))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    return _body(" ".join(rng.choices(words, k=size // 6)), draw(st.booleans()))


@pytest.fixture(scope="module")
def classifying() -> Iterator[FlowProcess]:
    process = flows.flow_process(flows.Classifying, process_seconds="60")
    try:
        yield process
    finally:
        process.close()


def _classified(process: FlowProcess, raw: bytes) -> None:
    outcome = asyncio.run(process.run(raw))
    assert outcome.error is None, outcome.error
    assert outcome.processed is not None and outcome.processed.understanding is not None


@PROPERTY
@given(token_mails())
def test_random_tokens_through_classify_end_classified(classifying: FlowProcess,
                                                       raw: bytes) -> None:
    """A mail with a random token of up to 1 MB is classified within the budget."""
    _classified(classifying, raw)


@PROPERTY
@given(line_mails())
def test_single_line_mails_through_classify_end_classified(classifying: FlowProcess,
                                                           raw: bytes) -> None:
    """A mail that is one line of up to 10 MB is classified within the budget."""
    _classified(classifying, raw)


_databases = itertools.count()


async def _through_worker(url: str, flow: FlowProcess, raw: bytes) -> tuple[Any, bool]:
    engine = create_engine(url)
    try:
        s = worker_settings(url)
        worker = Worker(s, Store(engine, s), None, flow)  # type: ignore[arg-type]
        await worker.store.store("test", "m", "", [Incoming(raw), Incoming(mails.inquiry(2))])
        assert 2 == await worker.process_pending()
        async with engine.connect() as conn:
            rows = (await conn.execute(select(Message.__table__.c.kind,
                                              Message.__table__.c.processed_at,
                                              Message.__table__.c.conversation_id)
                                       .order_by(Message.__table__.c.id))).all()
            needs_staff = (await conn.execute(select(Conversation.__table__.c.needs_staff).where(
                Conversation.__table__.c.id == rows[0].conversation_id))).scalar_one()
    finally:
        await engine.dispose()
    assert "inquiry" == rows[1].kind  # the worker went on with the next mail
    return rows[0], bool(needs_staff)


@PROPERTY
@given(st.one_of(token_mails(), line_mails()))
def test_huge_mails_through_the_worker_end_stored_or_flagged(
        flow: FlowProcess, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory,
        raw: bytes) -> None:
    """A mail with a 1 MB token or a 10 MB line is stored and processed, or flagged for staff;
    the mail after it is processed as usual."""
    path = tmp_path_factory.getbasetemp() / f"property-{next(_databases)}.db"
    shutil.copyfile(sqlite_template, path)
    row, needs_staff = asyncio.run(_through_worker(f"sqlite:///{path}", flow, raw))
    assert row.processed_at is not None and row.kind in KINDS
    assert row.kind != "unparseable" or needs_staff
