"""Benchmark of the live knowledge: what polling the publication counter and loading a new
publication cost a process that reads the knowledge from the store.

Run:  .venv/bin/python benchmarks/knowledge_reload.py [DATABASE_URL]

On a fresh SQLite file (or the given database, which must be migrated and seeded) it prints the
median and maximum time of one counter poll (the query every process makes at most every
``ASSISTANT_KNOWLEDGE_POLL_SECONDS``), and of loading and building the pipeline after a
publication (what the next mail, chat answer or page waits once; target: well under the 5 s in
which a publication must reach every process).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

POLLS = 500
RELOADS = 5


def main() -> None:
    from assistant.history import knowledge_store, schema
    from assistant.history.db import create_engine, sessionmaker
    from assistant.history.live_knowledge import LivePipeline, seed
    from assistant.settings import Settings

    url = sys.argv[1] if len(sys.argv) > 1 else \
        f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-knowledge-')) / 'k.db'}"
    settings = Settings.load({"ASSISTANT_DATABASE_URL": url,
                              "ASSISTANT_KNOWLEDGE_POLL_SECONDS": "0"})

    async def prepare() -> None:
        engine = create_engine(url)
        await schema.upgrade(engine)
        await seed(sessionmaker(engine), settings)
        await engine.dispose()

    asyncio.run(prepare())
    live = LivePipeline(settings)
    polls = []
    for _ in range(POLLS):
        started = time.perf_counter()
        live.current()
        polls.append((time.perf_counter() - started) * 1000)
    print(f"counter poll:       median {statistics.median(polls):7.2f} ms, max "
          f"{max(polls):7.2f} ms ({POLLS} polls)")
    path = "answers/funding_amount.yaml"
    original = live.current().knowledge.source.texts[path]  # type: ignore[union-attr]

    async def publish(number: int) -> None:
        engine = create_engine(url)
        async with sessionmaker(engine)() as db:
            await knowledge_store.save(db, path, original.replace("maximal", f"maximal{number}"),
                                       author="bench", comment="bench", publish=True)
        await engine.dispose()

    reloads = []
    for number in range(RELOADS):
        asyncio.run(publish(number))
        started = time.perf_counter()
        assert f"maximal{number}" in live.current().knowledge.source.texts[path]  # type: ignore
        reloads.append(time.perf_counter() - started)
    print(f"load a publication: median {statistics.median(reloads):7.2f} s,  max "
          f"{max(reloads):7.2f} s  ({RELOADS} publications; the pipeline rebuilt each time)")


if __name__ == "__main__":
    main()
