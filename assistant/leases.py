"""Lease owners: who holds a claimed row (a message being processed, a reply being sent).

An owner is ``host:pid:random``. When a process restarts, it can tell at once that a lease of an
earlier process on the same host is abandoned — no need to wait for the lease to expire — and
only then; leases of other hosts always run out by time.
"""

from __future__ import annotations

import os
import socket


def new_owner() -> str:
    """This process's name in leases: ``host:pid:random``."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{os.urandom(3).hex()}"


def owner_is_dead(owner: str | None, me: str) -> bool:
    """True for an earlier process on this host that no longer runs (or whose pid we now have,
    as in a restarted container)."""
    if not owner or owner == me:
        return False
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != me.partition(":")[0] or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in {"Z", "X"}
    except (OSError, IndexError):
        return False
