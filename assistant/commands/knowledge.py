"""``assistant knowledge check``: the time-bound statements of the knowledge that need staff.

A statement marked ``time_bound: true`` in ``knowledge/answers/`` or ``knowledge/notices/`` is
stated in drafts only while its ``valid_until`` lies after the day of the draft. This command
lists those without a date (drafts ask staff every time), those that have expired (the same)
and those that expire within the next days (30 by default), so that staff confirm them in
time. It exits 1 when any is undated or expired — for a daily cron job or a CI step.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from assistant.commands.common import Subcommands, iso_day

if TYPE_CHECKING:
    from assistant.knowledge import Knowledge
    from assistant.settings import Settings

WITHIN_DAYS = 30
UNDATED, EXPIRED, EXPIRING, VALID = "undated", "expired", "expiring", "valid"
# What each status means for drafts, for the text listing.
_MEANING = {
    UNDATED: "no valid_until: every draft asks staff",
    EXPIRED: "valid_until has passed: every draft asks staff",
    EXPIRING: "valid_until is near",
}


@dataclass(frozen=True, slots=True)
class Statement:
    entry: str
    file: str
    part: int
    question: str
    valid_until: date | None
    as_of: date | None
    status: str
    days_left: int | None

    def as_json(self) -> dict[str, Any]:
        return {"entry": self.entry, "file": self.file, "part": self.part,
                "question": self.question,
                "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                "as_of": self.as_of.isoformat() if self.as_of else None,
                "status": self.status, "days_left": self.days_left}


def time_bound_statements(kb: Knowledge, today: date, within: int) -> list[Statement]:
    """Every time-bound statement of the answers and notices with its status on ``today``."""
    found = []
    for folder, entries in (("answers", kb.answers), ("notices", kb.notices)):
        for stem, entry in sorted(entries.items()):
            for number, part in enumerate(entry.parts, 1):
                if not part.time_bound:
                    continue
                days_left = (part.valid_until - today).days if part.valid_until else None
                if days_left is None:
                    status = UNDATED
                elif days_left <= 0:
                    status = EXPIRED
                elif days_left <= within:
                    status = EXPIRING
                else:
                    status = VALID
                found.append(Statement(entry.id, str(kb.root / folder / f"{stem}.yaml"), number,
                                       part.question.get("de", ""), part.valid_until,
                                       part.as_of, status, days_left))
    return found


def register(sub: Subcommands) -> None:
    p = sub.add_parser("knowledge", help="check the curated knowledge")
    knowledge = p.add_subparsers(dest="knowledge_command", required=True, metavar="ACTION")
    q = knowledge.add_parser(
        "check", help="time-bound statements without a date, expired or expiring soon",
        description="Lists the time-bound statements of knowledge/answers and knowledge/notices "
                    "that have no valid_until, have expired, or expire within --within days. "
                    "Exit code 1 when any is undated or expired.")
    q.add_argument("--within", type=int, default=WITHIN_DAYS, metavar="DAYS",
                   help=f"count statements expiring within this many days (default "
                        f"{WITHIN_DAYS})")
    q.add_argument("--today", type=iso_day, metavar="DATE",
                   help="check as of this day (default: today)")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import knowledge

    today = args.today or date.today()
    within = max(args.within, 0)
    statements = time_bound_statements(knowledge.load(settings), today, within)
    listed = [s for s in statements if s.status != VALID]
    failing = any(s.status in (UNDATED, EXPIRED) for s in statements)
    if args.format == "json":
        print(json.dumps({"today": today.isoformat(), "within_days": within,
                          "time_bound": len(statements), "ok": not failing,
                          "statements": [s.as_json() for s in listed]},
                         ensure_ascii=False, indent=2))
        return 1 if failing else 0
    for s in listed:
        until = f"valid until {s.valid_until.isoformat()}" if s.valid_until else "no date"
        print(f"{s.status:<9} {s.entry} ({s.file}, part {s.part}): {s.question} — {until}; "
              f"{_MEANING[s.status]}")
    counts = {status: sum(s.status == status for s in statements)
              for status in (UNDATED, EXPIRED, EXPIRING)}
    print(f"{len(statements)} time-bound statement(s) on {today.isoformat()}: "
          f"{counts[UNDATED]} undated, {counts[EXPIRED]} expired, {counts[EXPIRING]} expiring "
          f"within {within} days (until {(today + timedelta(days=within)).isoformat()})")
    return 1 if failing else 0
