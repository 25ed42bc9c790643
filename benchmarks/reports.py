"""Benchmark of the reports on a large store: 100,000 conversations on PostgreSQL.

Run:  .venv/bin/python benchmarks/reports.py [--conversations N] [--url postgresql://…]

Without ``--url`` it starts a private PostgreSQL cluster on a loopback port in a temporary
folder (``tests/services.py``, Debian package ``postgresql``), migrates an empty database, fills
it with two years of generated conversations (``benchmarks/history_data.py``) and prints:

* the one-time fill of the reports' read model (what the first report after the upgrade does);
* the whole report (every figure and the knowledge gaps) for all conversations and for the
  last 90 days: the best and median of five runs (target: under 2 s);
* the one-row-per-conversation CSV for all conversations (rows per second);
* the dashboard page, ``GET /reports`` through the staff web app with a signed-in reviewer,
  server time as the app measures it (target: under 300 ms), for its default period (the last
  90 days) and for all two years;
* the history search (full text, PostgreSQL's index) for a word and a phrase.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.history_data import START, WEEKS, seed

RUNS = 5


async def timed(work: Callable[[], Awaitable[Any]], runs: int = RUNS) -> tuple[float, float]:
    """(best, median) wall time in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        await work()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


async def main(url: str, conversations: int) -> None:
    from assistant.history import schema
    from assistant.history.db import create_engine
    from assistant.reports import index, queries
    from assistant.reports import rows as table
    from assistant.settings import Settings

    settings = Settings.load({"ASSISTANT_DATABASE_URL": url})
    engine = create_engine(url)
    await schema.upgrade(engine)
    started = time.perf_counter()
    counts = await seed(engine, conversations)
    print(f"seeded {counts} in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    copied = await index.refresh_engine(engine)
    print(f"read model filled once (after an upgrade): {copied} inquiries in "
          f"{time.perf_counter() - started:.1f} s")

    async def report(period: queries.Period) -> queries.Report:
        return await queries.build(engine, period,
                                   low_confidence=settings.report_low_confidence,
                                   gap_sample=settings.report_gap_sample,
                                   gap_similarity=settings.report_gap_similarity)

    everything = queries.Period()
    end = START + timedelta(weeks=WEEKS)
    recent = queries.Period(end - timedelta(days=90), end)
    result = await report(everything)
    print(f"report: {result.inquiries} inquiries in {result.conversations} conversations, "
          f"{len(result.by_week)} weeks, {len(result.gaps)} gap groups")
    for name, period in (("all conversations", everything), ("last 90 days", recent)):
        best, median = await timed(lambda p=period: report(p))
        print(f"report over {name}: best {best:.0f} ms, median {median:.0f} ms "
              f"(target < 2000 ms)")

    async def csv_rows() -> int:
        async with engine.connect() as conn:
            return sum([1 async for _ in table.conversation_rows(conn, everything)])

    started = time.perf_counter()
    rows = await csv_rows()
    elapsed = time.perf_counter() - started
    print(f"CSV: {rows} rows in {elapsed * 1000:.0f} ms ({rows / elapsed:,.0f} rows/s)")

    await dashboard(engine, settings)
    await search(engine)
    await engine.dispose()


async def dashboard(engine: Any, settings: Any) -> None:
    """``GET /reports`` through the app; the server time of the ``Server-Timing`` header."""
    from benchmarks.web_client import signed_in_client

    async with signed_in_client(engine, settings) as client:
        for path in ("/reports", "/reports?since=&until="):
            times = []
            for _ in range(RUNS):
                response = await client.get(path)
                assert response.status_code == 200, response.status_code
                times.append(float(response.headers["server-timing"].split("dur=")[1]))
            print(f"dashboard {path}: best {min(times):.0f} ms, median "
                  f"{statistics.median(times):.0f} ms server time (target < 300 ms)")


async def search(engine: Any) -> None:
    from assistant.history import search as history_search

    for words in ("Sprachkurse", '"Bürgerhauses" Umbau'):
        async def run(w: str = words) -> Any:
            async with engine.connect() as conn:
                return await history_search.search(conn, history_search.Criteria(text=w))
        found = await run()
        best, median = await timed(run)
        print(f"history search {words!r}: {found.total} conversations, best {best:.0f} ms, "
              f"median {median:.0f} ms")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a private one)")
    args = parser.parse_args()
    if args.url:
        asyncio.run(main(args.url, args.conversations))
        return
    from tests.services import PostgresCluster

    cluster = PostgresCluster()
    try:
        cluster.start()
        asyncio.run(main(cluster.create_database("bench"), args.conversations))
    finally:
        cluster.destroy()


if __name__ == "__main__":
    cli()
