"""Fixtures of the worker tests: the flow's child processes, started once per module (a child
loads the knowledge, about a second) and ended afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.budget import FlowProcess
from tests.worker.flows import flow_process


@pytest.fixture(scope="module")
def flow() -> Iterator[FlowProcess]:
    """The real flow, in its child process."""
    process = flow_process()
    try:
        yield process
    finally:
        process.close()
