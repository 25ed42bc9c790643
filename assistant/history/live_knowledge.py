"""The knowledge a long-running process uses, current within seconds of a publication.

With ``ASSISTANT_KNOWLEDGE_SOURCE=store`` the worker's flow process, the web app and its worker
processes read the knowledge from the store (:mod:`assistant.history.knowledge_store`). Each
keeps the knowledge it loaded and, before a piece of work it does anyway (a mail, a chat answer,
a redraft), asks the store for the publication counter — one small query, at most every
``ASSISTANT_KNOWLEDGE_POLL_SECONDS`` — and loads the published texts when the counter moved. A
publication that the loader refuses (it cannot be published through the web app or an import,
which check first) is logged and the process keeps the knowledge it has.

A store without knowledge is seeded from the folders by the first process that finds it so
(the same as ``assistant db upgrade`` does).
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from assistant.errors import KnowledgeError
from assistant.history import knowledge_store
from assistant.history.db import create_engine, sessionmaker
from assistant.knowledge import Knowledge, load, load_source
from assistant.knowledge.source import Source, read_folders
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.flow import Pipeline

log = logging.getLogger(__name__)


Sessions = async_sessionmaker[AsyncSession]


async def seed(sessions: Sessions, settings: Settings) -> bool:
    """Import the folders into an empty store (True when this call did)."""
    async with sessions() as db:
        if await knowledge_store.publication(db) > 0:
            return False
        texts = read_folders(Path(settings.knowledge_dir), Path(settings.intents_dir))
        load_source(Source(texts, "folders", Path(settings.knowledge_dir),
                           Path(settings.intents_dir)))  # refuse a broken seed
        seeded = await knowledge_store.seed(db, texts)
    if seeded:
        log.info("knowledge seeded from the folders", extra={"fields": {"files": len(texts)}})
    return seeded


async def store_source(sessions: Sessions, settings: Settings) -> Source:
    """The published tree (seeding an empty store first)."""
    async with sessions() as db:
        texts, number = await knowledge_store.published_texts(db)
    if number == 0:
        await seed(sessions, settings)
        async with sessions() as db:
            texts, number = await knowledge_store.published_texts(db)
    return Source(texts, "store", Path(settings.knowledge_dir), Path(settings.intents_dir),
                  published=number)


async def publication(sessions: Sessions) -> int:
    async with sessions() as db:
        return await knowledge_store.publication(db)


async def load_from_store(sessions: Sessions, settings: Settings) -> Knowledge:
    """The published knowledge, parsed off the event loop."""
    source = await store_source(sessions, settings)
    return await asyncio.to_thread(load_source, source)


class LiveKnowledge:
    """The current knowledge for a process without an event loop of its own (the flow process,
    the web app's worker processes): it runs its queries on a private loop and engine."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.poll = max(settings.knowledge_poll_seconds, 0.0)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._engine: AsyncEngine | None = None
        if settings.knowledge_source == "store":
            self._loop = asyncio.new_event_loop()
            self._engine = create_engine(settings.database_url)
            self._sessions = sessionmaker(self._engine)
            self.knowledge = self._loop.run_until_complete(self._load())
        else:
            self.knowledge = load(settings)
        self._checked = time.monotonic()
        self._refused: int | None = None

    async def _load(self) -> Knowledge:
        return load_source(await store_source(self._sessions, self.settings))

    def current(self) -> Knowledge:
        """The knowledge to use now: reloaded when a new version has been published."""
        if self._loop is None or time.monotonic() - self._checked < self.poll:
            return self.knowledge
        self._checked = time.monotonic()
        try:
            number = self._loop.run_until_complete(publication(self._sessions))
        except Exception as exc:  # noqa: BLE001 - the store is away: go on with what we have
            log.warning("knowledge version not checked", extra={"fields": {
                "error": str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}})
            return self.knowledge
        if number in (self.knowledge.published, self._refused):
            return self.knowledge
        try:
            self.knowledge = self._loop.run_until_complete(self._load())
            log.info("knowledge reloaded", extra={"fields": {
                "publication": self.knowledge.published, "version": self.knowledge.version}})
        except KnowledgeError as exc:
            self._refused = number
            log.error("published knowledge refused; the previous stays in use",
                      extra={"fields": {"publication": number, "error": str(exc)[:500]}})
        return self.knowledge

    def close(self) -> None:
        if self._loop is not None and self._engine is not None:
            self._loop.run_until_complete(self._engine.dispose())
            self._loop.close()
            self._loop = None


class LivePipeline:
    """The flow's pipeline on the current knowledge (rebuilt when the knowledge changed)."""

    def __init__(self, settings: Settings) -> None:
        from assistant.flow import Pipeline

        self.settings = settings
        self.live = LiveKnowledge(settings)
        self._pipeline = Pipeline(settings, self.live.knowledge)

    def current(self) -> Pipeline:
        from assistant.flow import Pipeline

        knowledge = self.live.current()
        if knowledge is not self._pipeline.knowledge:
            self._pipeline = Pipeline(self.settings, knowledge)
        return self._pipeline
