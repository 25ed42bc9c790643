"""Flow handlers for the worker's tests. They run in the flow's child process, a fresh
interpreter that loads them by name: the real handler with one fault added for mails that carry
a marker in their bytes."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.budget import FlowProcess, MailHandler
from assistant.flow import STAGES
from assistant.values import Handled, Processed
from tests.worker.mails import settings

if TYPE_CHECKING:
    from collections.abc import Sequence

    from assistant.flow import Stage
    from assistant.settings import Settings

def flow_process(handler: type = MailHandler, **extra: str) -> FlowProcess:
    """A flow process with the given handler and settings (the database is not its business:
    it reads the knowledge from the folders unless told otherwise)."""
    extra.setdefault("knowledge_source", "folders")
    return FlowProcess(settings("sqlite:///unused.db", **extra), handler)


SPIN = b"[spin]"
BREAK = b"[break]"
DIE = b"[die]"
PAUSE = b"[pause]"


class Spinning(MailHandler):
    """Keeps the CPU busy for ever on a marked mail (a mail that needs pathological time)."""

    def __call__(self, raw: bytes) -> Handled:
        while SPIN in raw:
            pass
        return super().__call__(raw)


class Breaking(MailHandler):
    """The flow raises on a marked mail (a bug that meets a strange mail)."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        real = self.pipeline.run

        def run(item: Processed, stages: Sequence[Stage] = STAGES) -> Processed:
            if BREAK in item.mail.raw:
                raise ZeroDivisionError("a bug meets a strange mail")
            return real(item, stages)

        self.pipeline.run = run  # type: ignore[method-assign]


class Dying(MailHandler):
    """The child process is killed on a marked mail (a crash in C code, the OOM killer)."""

    def __call__(self, raw: bytes) -> Handled:
        if DIE in raw:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().__call__(raw)


class Pausing(MailHandler):
    """Every mail takes half a second longer (a slow mail within the budget)."""

    def __call__(self, raw: bytes) -> Handled:
        time.sleep(0.5 if PAUSE in raw else 0)
        return super().__call__(raw)


class Classifying:
    """What ``assistant classify`` does with a mail, as an outcome: parse and understand."""

    def __init__(self, settings: Settings) -> None:
        from assistant import knowledge
        from assistant.flow import Pipeline

        self.pipeline = Pipeline(settings, knowledge.load(settings))

    def __call__(self, raw: bytes) -> Handled:
        from assistant.flow import TO_VERDICT
        from assistant.parse import parse

        item = self.pipeline.run(Processed(parse(raw)), TO_VERDICT)
        return Handled(item.mail, item)


def claimed(db: Path) -> bool:
    """Whether a worker on the SQLite file ``db`` has taken a mail in hand (read-only, so it
    can be asked while the worker runs in another process)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return bool(conn.execute("SELECT count(*) FROM messages WHERE attempts > 0")
                        .fetchone()[0])
    except sqlite3.OperationalError:
        return False
