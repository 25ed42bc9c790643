"""Every long-running process uses the store's current knowledge: a publication reaches the
worker's flow process and the web app's worker processes within seconds, without a restart."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from assistant.budget import FlowProcess
from assistant.history import knowledge_store
from assistant.history.db import create_engine, sessionmaker
from assistant.settings import Settings
from assistant.web.compute import WorkPool
from tests.helpers import ROOT
from tests.knowledge.test_store import AMOUNT, amount_mail

ORIGINAL = (ROOT / "knowledge" / AMOUNT).read_text("utf-8")
SENTENCE = "Dieser Satz ist neu."
# A publication must reach a process within this many seconds (the bar).
WITHIN = 5.0


def _settings(url: str) -> Settings:
    return Settings.load({"ASSISTANT_DATABASE_URL": url, "ASSISTANT_KNOWLEDGE_SOURCE": "store",
                          "ASSISTANT_KNOWLEDGE_POLL_SECONDS": "1",
                          "ASSISTANT_WEB_CPU_WORKERS": "1"})


async def _publish(url: str, text: str) -> None:
    engine = create_engine(url)
    try:
        async with sessionmaker(engine)() as db:
            await knowledge_store.save(db, AMOUNT, text, author="user:anna",
                                       comment="Test", publish=True)
    finally:
        await engine.dispose()


def _with_sentence() -> str:
    return ORIGINAL.replace("de: >-\n", f"de: >-\n  {SENTENCE}\n", 1)


async def _until(check: Any) -> float:
    """Seconds until ``check()`` (awaited) is true, at most WITHIN plus a little."""
    started = time.monotonic()
    while time.monotonic() - started < WITHIN + 1:
        if await check():
            return time.monotonic() - started
        await asyncio.sleep(0.2)
    return float("inf")


async def test_the_flow_process_drafts_with_a_new_publication(database_url: str,
                                                              tmp_path: Path) -> None:
    """The worker's flow process drafts with an answer published while it runs, within 5 s,
    and records the publication in the draft's knowledge version."""
    flow = FlowProcess(_settings(database_url))
    raw = amount_mail(tmp_path).read_bytes()
    try:
        first = await flow.run(raw)
        assert SENTENCE not in first.processed.draft.text
        assert first.knowledge_version.endswith("@1")
        await _publish(database_url, _with_sentence())

        async def drafted() -> bool:
            handled = await flow.run(raw)
            return SENTENCE in handled.processed.draft.text \
                and handled.knowledge_version.endswith("@2")

        assert await _until(drafted) <= WITHIN
        assert flow.started == 1  # no restart
    finally:
        flow.close()


def _draft_text(pipeline: Any, raw: bytes) -> str:
    from assistant.parse import parse
    from assistant.values import Processed

    return pipeline.run(Processed(parse(raw))).draft.text


async def test_the_web_worker_processes_use_a_new_publication(database_url: str,
                                                              tmp_path: Path) -> None:
    """A job in the web app's worker processes (chat answers, redrafts) uses an answer
    published while the pool runs, within 5 s."""
    pool = WorkPool(_settings(database_url))
    raw = amount_mail(tmp_path).read_bytes()
    try:
        assert SENTENCE not in await pool.run(_draft_text, raw, budget=60)
        await _publish(database_url, _with_sentence())

        async def drafted() -> bool:
            return SENTENCE in await pool.run(_draft_text, raw, budget=60)

        assert await _until(drafted) <= WITHIN
    finally:
        await asyncio.to_thread(pool.close)


async def test_a_refused_publication_keeps_the_knowledge_in_use(database_url: str,
                                                                tmp_path: Path) -> None:
    """A published text the loader refuses (written past the checks) is logged; the process
    keeps drafting with the knowledge it has."""
    from assistant.history.live_knowledge import LivePipeline

    live = await asyncio.to_thread(LivePipeline, _settings(database_url))
    raw = amount_mail(tmp_path).read_bytes()
    await _publish(database_url, ORIGINAL.replace("| eur }}.", "| eur }.", 1))
    time.sleep(1.1)
    pipeline = await asyncio.to_thread(live.current)
    assert pipeline.knowledge.published == 1
    assert "Die Förderung" in _draft_text(pipeline, raw)
