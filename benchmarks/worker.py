"""Benchmark of the mail worker: from a local Dovecot into SQLite, end to end.

Run:  .venv/bin/python benchmarks/worker.py [--mails 2000] [--samples 40] [--memory-mails 10000]

Starts a private Dovecot (Debian package ``dovecot-imapd``; as root, like the tests) and prints:

* **throughput** — ``--mails`` mixed mails (inquiries, automatic replies, thank-yous) appended
  to the IMAP inbox, then one worker pass (``Worker.run_once``: fetch, store raw, move, parse,
  understand, draft, record) pinned to one CPU core: mails per second (target: at least 200);
* **latency** — ``assistant run`` idling on the inbox (IDLE); one mail appended at a time, the
  time from the APPEND until its draft is in the database: median and p95 over ``--samples``
  mails (target: p95 under 1 s; Dovecot announces new mail after about 0.5 s);
* **memory and scaling** — ``assistant run --once`` over ``--memory-mails`` mails: the peak RSS
  of the worker and its flow process together (target: under 150 MB) and the processing time per
  mail in blocks of 1,000 stored mails (it must not grow with the number already stored).

The flow of each mail runs in the worker's child process (``assistant/budget.py``); the
throughput pass waits until that child has loaded the knowledge before it starts the clock, as
it always built the pipeline before.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.history import schema  # noqa: E402
from assistant.history.db import create_engine  # noqa: E402
from assistant.history.store import Store  # noqa: E402
from assistant.inbound import parse_inbox  # noqa: E402
from assistant.inbound.imap import ImapSource  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.worker import Worker  # noqa: E402
from tests.services import DovecotServer  # noqa: E402
from tests.worker import mails  # noqa: E402

USER, PASSWORD = "bench", "bench"


def _env(inbox: str, database_url: str) -> dict[str, str]:
    return {"ASSISTANT_INBOX": inbox, "ASSISTANT_DATABASE_URL": database_url,
            "ASSISTANT_DRAFTS_PER_SENDER_PER_DAY": "100000", "ASSISTANT_LOG_FORMAT": "json",
            "ASSISTANT_LOG_LEVEL": "INFO"}


async def throughput(dovecot: DovecotServer, folder: Path, count: int) -> float:
    """Mails per second of one in-process worker pass on one core."""
    dovecot.append(USER, PASSWORD, mails.mixed(count), folder="INBOX")
    inbox = dovecot.url(USER, PASSWORD)
    url = f"sqlite:///{folder / 'throughput.db'}"
    settings = Settings.load(_env(inbox, url))
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    engine = create_engine(url)
    worker = None
    try:
        await schema.ensure_current(engine)
        worker = Worker(settings, Store(engine, settings),
                        ImapSource(parse_inbox(inbox), settings))
        await worker.flow.ready()  # the child (on the same core) has built its pipeline
        started = time.perf_counter()
        summary = await worker.run_once()
        elapsed = time.perf_counter() - started
    finally:
        if worker is not None:
            worker.close()
        await engine.dispose()
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
    assert summary.processed == count, summary
    return count / elapsed


def _drafts(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT count(*) FROM drafts").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def latency(dovecot: DovecotServer, folder: Path, samples: int) -> list[float]:
    """Seconds from APPEND to stored draft while the worker idles, one mail at a time."""
    db = folder / "latency.db"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")},
           **_env(dovecot.url(USER, PASSWORD, "Latency"), f"sqlite:///{db}")}
    client = dovecot.client(USER, PASSWORD)
    client.create_folder("Latency")
    worker = subprocess.Popen([sys.executable, "-m", "assistant", "run"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        client.append("Latency", mails.inquiry(10 ** 6))  # warm-up: start-up and first poll
        while _drafts(db) < 1:
            time.sleep(0.05)
        for i in range(samples):
            time.sleep(1.2)  # the worker is idling again
            before = _drafts(db)
            started = time.perf_counter()
            client.append("Latency", mails.inquiry(2 * 10 ** 6 + i))
            while _drafts(db) == before:
                time.sleep(0.005)
            times.append(time.perf_counter() - started)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        client.logout()
    return times


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines()
                        if line.startswith("VmRSS:")))
    except (OSError, StopIteration):
        return 0


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the flow process of the worker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def memory(dovecot: DovecotServer, folder: Path, count: int) -> tuple[float, list[float]]:
    """Peak RSS in MB of `assistant run --once` and its flow process over ``count`` mails, and
    the mean processing time per mail (ms) for each block of 1,000."""
    client = dovecot.client(USER, PASSWORD)
    client.create_folder("Memory")
    client.logout()
    dovecot.append(USER, PASSWORD, mails.mixed(count), folder="Memory")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")},
           **_env(dovecot.url(USER, PASSWORD, "Memory"), f"sqlite:///{folder / 'memory.db'}")}
    log = folder / "memory.log"
    peak = 0
    with log.open("wb") as out:
        worker = subprocess.Popen([sys.executable, "-m", "assistant", "run", "--once"],
                                  cwd=ROOT, env=env, stdout=out, stderr=out)
        while worker.poll() is None:
            peak = max(peak, sum(_rss_kb(pid) for pid in (worker.pid, *_children(worker.pid))))
            time.sleep(0.1)
    assert worker.returncode == 0, log.read_text()[-2000:]
    per_mail = [json.loads(line)["ms"] for line in log.read_text().splitlines()
                if line.startswith("{") and '"event": "mail"' in line]
    assert len(per_mail) == count, len(per_mail)
    blocks = [statistics.fmean(per_mail[i:i + 1000]) for i in range(0, count, 1000)]
    return peak / 1024, blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=2000)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--memory-mails", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    dovecot = DovecotServer()
    dovecot.add_user(USER, PASSWORD)
    dovecot.start()
    try:
        rate = asyncio.run(throughput(dovecot, folder, args.mails))
        print(f"throughput   {rate:7.0f} mails/s  ({args.mails} mails, Dovecot -> SQLite, "
              "one core; target >= 200)")
        times = sorted(latency(dovecot, folder, args.samples))
        p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
        print(f"latency      median {statistics.median(times):.3f} s, p95 {p95:.3f} s, "
              f"max {times[-1]:.3f} s  (APPEND during IDLE -> draft stored, "
              f"{len(times)} mails; target p95 < 1 s)")
        peak, blocks = memory(dovecot, folder, args.memory_mails)
        print(f"memory       peak RSS {peak:.0f} MB over {args.memory_mails} mails, worker and "
              "flow process together (target < 150 MB)")
        print("per mail     " + ", ".join(f"{b:.2f}" for b in blocks)
              + " ms  (mean processing time per block of 1,000 stored mails)")
    finally:
        dovecot.destroy()


if __name__ == "__main__":
    main()
