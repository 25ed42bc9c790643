"""``assistant knowledge check|export|import``: the curated knowledge, its dates and its copies.

``export DIR`` writes the store's published knowledge to ``DIR/knowledge`` and ``DIR/intents``
byte for byte (for review in git); ``import DIR`` checks those folders with the loader, shows
the unified diff against the store and publishes the changes as one new publication
(``--dry-run``: only show). An export followed by an import changes nothing.

``check``: the time-bound statements of the knowledge that need staff.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.commands.common import (
    ACTOR,
    EXIT_INPUT_ERROR,
    Subcommands,
    database_problem,
    fail,
    iso_day,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.knowledge import Knowledge
    from assistant.settings import Settings

KNOWLEDGE_CHOICES = ("folders", "store")

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


def add_knowledge_option(p: Any) -> None:
    """``--knowledge folders|store`` of the commands that run the flow without a worker."""
    p.add_argument("--knowledge", choices=KNOWLEDGE_CHOICES, default="folders",
                   help="read the knowledge from the folders (default: reproducible, no "
                        "database) or from the store's published version "
                        "(ASSISTANT_DATABASE_URL)")


def load_knowledge(settings: Settings, where: str) -> Knowledge:
    """The knowledge of the folders, or the store's published version. Raises
    :class:`KnowledgeError` (a broken file, an empty store) or :class:`SchemaError`/the
    driver's error (the database)."""
    import asyncio

    from assistant import knowledge
    from assistant.errors import KnowledgeError, SchemaError

    if where == "folders":
        return knowledge.load(settings)

    async def read() -> Knowledge:
        from assistant.history import knowledge_store
        from assistant.history.db import create_engine, sessionmaker
        from assistant.knowledge.source import Source

        engine = create_engine(settings.database_url)
        try:
            problem = await database_problem(engine)
            if problem is not None:
                raise SchemaError(problem.text)
            async with sessionmaker(engine)() as db:
                texts, number = await knowledge_store.published_texts(db)
        finally:
            await engine.dispose()
        if number == 0:
            raise KnowledgeError("the store holds no knowledge yet: run `assistant db upgrade`")
        return knowledge.load_source(Source(texts, "store", Path(settings.knowledge_dir),
                                            Path(settings.intents_dir), published=number))

    return asyncio.run(read())


def register(sub: Subcommands) -> None:
    p = sub.add_parser("knowledge", help="check, export and import the curated knowledge")
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
    add_knowledge_option(q)
    q.set_defaults(func=cmd_check)
    q = knowledge.add_parser(
        "export", help="write the store's knowledge to DIR/knowledge and DIR/intents",
        description="Writes the published knowledge of the store byte for byte into "
                    "DIR/knowledge and DIR/intents (e.g. a checkout, for review in git); files "
                    "of the knowledge tree there that the store does not hold are removed. The "
                    "municipality register is no part of it.")
    q.add_argument("dir", metavar="DIR")
    q.set_defaults(func=cmd_export)
    q = knowledge.add_parser(
        "import", help="publish DIR/knowledge and DIR/intents in the store, showing the diff",
        description="Checks DIR/knowledge and DIR/intents with the loader (a broken file is "
                    "refused, naming file and line), prints the unified diff against the "
                    "store's published knowledge and publishes the changes as one new version. "
                    "Exit code 2 when the folders are refused.")
    q.add_argument("dir", metavar="DIR")
    q.add_argument("--dry-run", action="store_true", help="only show the diff")
    q.add_argument("--comment", default="", help="the versions' comment (default: the folder)")
    q.set_defaults(func=cmd_import)


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import knowledge

    today = args.today or date.today()
    within = max(args.within, 0)
    del knowledge
    statements = time_bound_statements(load_knowledge(settings, args.knowledge), today, within)
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


def _tree_folders(folder: Path) -> tuple[Path, Path]:
    return folder / "knowledge", folder / "intents"


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import knowledge_store
    from assistant.history.db import sessionmaker
    from assistant.knowledge.source import read_folders, target, write_tree

    knowledge_dir, intents_dir = _tree_folders(Path(args.dir))

    async def work(engine: AsyncEngine) -> int:
        async with sessionmaker(engine)() as db:
            texts, number = await knowledge_store.published_texts(db)
        if number == 0:
            return fail("the store holds no knowledge yet: run `assistant db upgrade`")
        stale = []
        if knowledge_dir.is_dir() and intents_dir.is_dir():
            stale = [target(name, knowledge_dir, intents_dir)
                     for name in read_folders(knowledge_dir, intents_dir) if name not in texts]
        written = write_tree(texts, knowledge_dir, intents_dir)
        for path in stale:
            path.unlink()
        print(f"Exported publication {number}: {len(written)} files to {knowledge_dir} and "
              f"{intents_dir}" + (f"; removed {len(stale)} the store does not hold"
                                  if stale else "") + ".")
        return 0

    return with_database(settings, work)


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.errors import KnowledgeError
    from assistant.history import knowledge_store
    from assistant.history.db import sessionmaker
    from assistant.knowledge import load_source, read_register
    from assistant.knowledge.source import from_folders

    knowledge_dir, intents_dir = _tree_folders(Path(args.dir))
    try:
        source = from_folders(knowledge_dir, intents_dir)
        load_source(source, register=read_register(Path(settings.knowledge_dir)))
    except KnowledgeError as exc:
        return fail(f"refused, nothing imported: {exc}", EXIT_INPUT_ERROR)
    comment = args.comment.strip() or f"import of {args.dir}"

    async def work(engine: AsyncEngine) -> int:
        async with sessionmaker(engine)() as db:
            found = await knowledge_store.import_texts(db, source.texts, actor=ACTOR,
                                                       comment=comment, dry_run=args.dry_run)
            number = await knowledge_store.publication(db)
        for change in found:
            print(change.diff, end="" if change.diff.endswith("\n") else "\n")
        if not found:
            print(f"No change: the store holds this knowledge (publication {number}).")
        elif args.dry_run:
            print(f"{len(found)} file(s) would change (dry run: nothing imported).")
        else:
            print(f"{len(found)} file(s) changed: published as publication {number}.")
        return 0

    return with_database(settings, work)
