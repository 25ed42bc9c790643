"""Jobs for the worker processes of the web app in tests (:mod:`assistant.web.compute`).

They live in a module of their own so that a spawned worker process can import them by name.
Each has the shape of a job, ``fn(pipeline, *args)``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from assistant.chat.answer import Question, Reply, respond

ANSWERED = "Wie hoch ist die Förderung?"


def held_until_gate(pipeline: Any, question: Question, min_confidence: float) -> Reply:
    """A chat answer that waits until the file named by the question exists (at most 60 s)."""
    gate = Path(question.message)
    deadline = time.monotonic() + 60
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return respond(pipeline, Question(ANSWERED), min_confidence)


def wait_for_file(pipeline: Any, path: str) -> bool:
    """Work that ends when the file ``path`` exists (at most 60 s)."""
    deadline = time.monotonic() + 60
    while not Path(path).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return True


def never_ends(pipeline: Any, *args: Any) -> None:
    """Work that only a stopped process ends."""
    while True:
        time.sleep(0.1)


def process_id(pipeline: Any) -> tuple[int, bool]:
    """The process that runs the job, and whether it had a pipeline."""
    return os.getpid(), pipeline is not None


def knowledge_version(pipeline: Any) -> str:
    return str(pipeline.knowledge.version)
