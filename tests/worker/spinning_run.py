"""``assistant run`` with one fault added, for the SIGTERM test: a mail that carries "[spin]"
keeps the flow busy for ever.

Run as a script (``python tests/worker/spinning_run.py [--once]``, with the checkout on
PYTHONPATH): the worker's flow process is given the handler :class:`flows.Spinning` instead of
the real one (the child loads it by name).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from assistant.budget import FlowProcess
from assistant.settings import Settings
from assistant.values import Handled
from tests.worker.flows import Spinning

_init = FlowProcess.__init__


def _spinning(self: FlowProcess, settings: Settings,
              make_handler: Callable[[Settings], Callable[[bytes], Handled]] = Spinning) -> None:
    _init(self, settings, make_handler)


FlowProcess.__init__ = _spinning  # type: ignore[method-assign]

if __name__ == "__main__":
    from assistant.commands import main

    sys.exit(main(["run", *sys.argv[1:]]))
