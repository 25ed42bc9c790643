"""Benchmark of bounded work per mail: huge and pathological mails through classify and the worker.

Run:  .venv/bin/python benchmarks/huge_mail.py [--skip-cli]

Prints, for each mail below (built here, nothing is read from disk):

* **classify** — wall time of ``assistant classify FILE`` as a command (start-up included; the
  bar: under 5 s for the 5 MB single-line mail and the 1 MB token);
* **flow** — the time of the flow for that mail in the worker's child process
  (``assistant/budget.py``: parse, understand, rules, draft), with its outcome.

Then the mechanism itself: how long a mail that never ends holds the worker (the budget,
``ASSISTANT_PROCESS_SECONDS``, set to 2 s here) until the next mail is processed by a fresh
child; and how long a real ``assistant run`` takes to exit after SIGTERM while such a mail is in
hand (the bar: under 10 s).

Before this work, a 2,000-letter token took 3.8 s to classify, an 8,000-letter one 60 s, and a
5 MB single-line mail kept the worker busy for more than ten minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import mailbox
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.budget import FlowProcess  # noqa: E402
from tests.worker import flows, mails  # noqa: E402
from tests.worker.mails import settings  # noqa: E402

WORDS = ("Wir sind eine Gemeinde mit 12.000 Einwohnern und fragen, ob wir die Förderung "
         "beantragen können? Wie hoch ist der Zuschuss").split()


def _line(size: int) -> str:
    rng = random.Random(size)
    return " ".join(rng.choice(WORDS) for _ in range(size // 6))[:size]


def _token(size: int) -> str:
    rng = random.Random(size)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöü") for _ in range(size))


def _attachment(size: int) -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = mails.sender_of(1), mails.PROGRAMME, "Antrag"
    msg.set_content("Anbei unser Antrag. Wie lange dauert die Prüfung?")
    msg.add_attachment(random.Random(size).randbytes(size), maintype="application",
                       subtype="pdf", filename="antrag.pdf")
    return msg.as_bytes()


def _html(body: str) -> bytes:
    return mails.inquiry(1, question=body).replace(b"text/plain", b"text/html")


CASES: list[tuple[str, Callable[[], bytes]]] = [
    ("5 MB single line", lambda: mails.inquiry(1, question=_line(5_000_000))),
    ("1 MB token", lambda: mails.inquiry(1, question="Wie hoch ist die Förderung? "
                                         + _token(1_000_000))),
    ("8,000-letter token", lambda: mails.inquiry(1, question="Frist? " + _token(8_000))),
    ("10 MB single line", lambda: mails.inquiry(1, question=_line(10_000_000))),
    ("100,000 x 'bitte '", lambda: mails.inquiry(1, question="bitte " * 100_000)),
    ("100,000 x 'ca. Haus '", lambda: mails.inquiry(1, question="ca. Haus " * 100_000)),
    ("HTML, 200,000 x '<a '", lambda: _html("<a " * 200_000)),
    ("200,000 lines '> x' / 'y'", lambda: mails.inquiry(1, question="> x\r\ny\r\n" * 200_000)),
    ("Subject of 1 MB", lambda: mails.inquiry(1, subject="Förderung " * 100_000)),
    ("20 MB, base64 attachment", lambda: _attachment(15_000_000)),
]


def classify_times(folder: Path) -> dict[str, float]:
    times = {}
    for name, make in CASES:
        path = folder / "mail.eml"
        path.write_bytes(make())
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "classify", str(path)], cwd=ROOT,
                       stdout=subprocess.DEVNULL, check=True)
        times[name] = time.perf_counter() - started
    return times


async def flow_times() -> dict[str, tuple[float, str]]:
    flow = FlowProcess(settings("sqlite:///unused.db"))
    await flow.ready()
    times = {}
    try:
        for name, make in CASES:
            raw = make()
            started = time.perf_counter()
            outcome = await flow.run(raw)
            what = outcome.error.split(":")[0] if outcome.error else (
                outcome.processed.understanding.kind.value if outcome.processed
                and outcome.processed.understanding else "?")
            times[name] = (time.perf_counter() - started, what)
    finally:
        flow.close()
    return times


async def budget_overrun() -> tuple[float, float]:
    """Seconds a never-ending mail holds the flow (budget 2 s), and until the next mail's
    outcome from the fresh child."""
    flow = FlowProcess(settings("sqlite:///unused.db", process_seconds="2"), flows.Spinning)
    await flow.ready()
    try:
        started = time.perf_counter()
        await flow.run(mails.inquiry(1, headers="X-Test: [spin]\r\n"))
        held = time.perf_counter() - started
        await flow.run(mails.inquiry(2))
        return held, time.perf_counter() - started
    finally:
        flow.close()


def sigterm_exit(folder: Path) -> float:
    """Seconds from SIGTERM to the exit of `assistant run` with a never-ending mail in hand."""
    box, db = folder / "mail", folder / "worker.db"
    mailbox.Maildir(box, create=True).add(mails.inquiry(1, headers="X-Test: [spin]\r\n"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({"ASSISTANT_INBOX": f"maildir:{box}", "ASSISTANT_DATABASE_URL": f"sqlite:///{db}",
                "ASSISTANT_PROCESS_SECONDS": "600", "ASSISTANT_LEASE_SECONDS": "1200",
                "ASSISTANT_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)})
    worker = subprocess.Popen([sys.executable, "tests/worker/spinning_run.py"], cwd=ROOT,
                              env=env, start_new_session=True)
    try:
        while not flows.claimed(db):
            time.sleep(0.1)
        time.sleep(1.0)
        started = time.perf_counter()
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        return time.perf_counter() - started
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-cli", action="store_true", help="only the worker's figures")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="assistant-huge-"))
    cli = {} if args.skip_cli else classify_times(folder)
    flow = asyncio.run(flow_times())
    print(f"{'mail':28} {'classify (CLI)':>15} {'flow in child':>14}  outcome")
    for name, _ in CASES:
        seconds, what = flow[name]
        shown = f"{cli[name]:13.2f} s" if name in cli else f"{'-':>15}"
        print(f"{name:28} {shown} {seconds:12.2f} s  {what}")
    held, next_done = asyncio.run(budget_overrun())
    print(f"\nnever-ending mail, budget 2 s: flagged after {held:.2f} s; the next mail's "
          f"outcome {next_done:.2f} s after the first was handed over (fresh child)")
    print(f"SIGTERM during a never-ending mail: `assistant run` exited after "
          f"{sigterm_exit(folder):.2f} s (bar: 10 s)")


if __name__ == "__main__":
    main()
