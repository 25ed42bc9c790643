"""The web app's worker processes for CPU-bound work (:mod:`assistant.web.compute`)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assistant.errors import Busy, OverBudget
from assistant.settings import Settings
from assistant.web.compute import WorkPool
from tests import jobs

BUDGET = 30.0


def pool_of(workers: int, queue: int = 32) -> WorkPool:
    settings = Settings.load({"ASSISTANT_WEB_CPU_WORKERS": str(workers),
                              "ASSISTANT_WEB_CPU_QUEUE": str(queue),
                              "ASSISTANT_KNOWLEDGE_SOURCE": "folders"})
    return WorkPool(settings)


@pytest.fixture
async def pool() -> AsyncIterator[WorkPool]:
    work = pool_of(1)
    yield work
    await asyncio.to_thread(work.close)


async def test_job_runs_in_another_process_with_its_own_pipeline(pool: WorkPool) -> None:
    """A job runs in a worker process that loaded the pipeline itself."""
    pid, has_pipeline = await pool.run(jobs.process_id, budget=BUDGET)
    assert pid != os.getpid() and has_pipeline


async def test_job_past_its_budget_is_stopped_and_the_worker_replaced(pool: WorkPool) -> None:
    """A job still running after its budget raises OverBudget; its process is replaced, and
    the next job runs in a new one."""
    before, _ = await pool.run(jobs.process_id, budget=BUDGET)
    with pytest.raises(OverBudget):
        await pool.run(jobs.never_ends, budget=0.3)
    after, _ = await pool.run(jobs.process_id, budget=BUDGET)
    assert before != after and 1 == pool.over_budget and 0 == pool.in_flight


async def test_more_jobs_than_workers_and_queue_are_refused_at_once(tmp_path: Path) -> None:
    """Beyond workers + queue jobs in flight, one more gets Busy without waiting."""
    work = pool_of(1, queue=1)
    gate = tmp_path / "gate"
    try:
        running = [asyncio.create_task(work.run(jobs.wait_for_file, str(gate), budget=BUDGET))
                   for _ in range(2)]
        await asyncio.sleep(0)
        with pytest.raises(Busy):
            await work.run(jobs.process_id, budget=BUDGET)
        gate.touch()
        assert [True, True] == await asyncio.gather(*running)
        assert 0 == work.in_flight
    finally:
        gate.touch()
        await asyncio.to_thread(work.close)


async def test_restart_replaces_the_workers(pool: WorkPool) -> None:
    """After a restart (a knowledge reload) jobs run in new worker processes."""
    before, _ = await pool.run(jobs.process_id, budget=BUDGET)
    await asyncio.to_thread(pool.restart)
    after, _ = await pool.run(jobs.process_id, budget=BUDGET)
    assert before != after
