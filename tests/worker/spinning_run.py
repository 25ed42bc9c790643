"""``assistant run`` with one fault added, for the SIGTERM test: a mail that carries "[spin]"
keeps the flow busy for ever.

Run as a script (``python tests/worker/spinning_run.py [--once]``, with the checkout on
PYTHONPATH). The fault is patched in at this script's top level; the flow's child process has it
too, because multiprocessing's ``spawn`` starts a child by running the main script's top level
again (under the name ``__mp_main__``).
"""

from __future__ import annotations

import sys

from assistant.budget import MailHandler, Outcome
from tests.worker.flows import SPIN

_handle = MailHandler.__call__


def _spinning(self: MailHandler, raw: bytes) -> Outcome:
    while SPIN in raw:
        pass
    return _handle(self, raw)


MailHandler.__call__ = _spinning  # type: ignore[method-assign]

if __name__ == "__main__":
    from assistant.cli import main

    sys.exit(main(["run", *sys.argv[1:]]))
