"""``assistant report``: the figures of a period as text, JSON, CSV or a standalone HTML page."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from assistant.commands.common import EXIT_INPUT_ERROR, Subcommands, fail, iso_day, with_database

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.settings import Settings


def register(sub: Subcommands) -> None:
    p = sub.add_parser(
        "report", help="what municipalities ask about and how well the drafts serve them",
        description="Figures of the inquiries that arrived in a period (UTC): per intent and "
                    "week, municipalities, verdicts, response times, draft quality and the "
                    "questions the knowledge does not cover yet. --format csv writes one row "
                    "per conversation instead.")
    p.add_argument("--since", type=iso_day, metavar="DATE", help="first day (YYYY-MM-DD), included")
    p.add_argument("--until", type=iso_day, metavar="DATE", help="last day (YYYY-MM-DD), included")
    p.add_argument("--format", choices=("text", "csv", "json", "html"), default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    if args.since and args.until and args.since > args.until:
        return fail("--since is after --until", EXIT_INPUT_ERROR)
    out: TextIO = sys.stdout
    if args.output:
        try:
            out = open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            return fail(f"cannot write {args.output}: {exc.strerror}", EXIT_INPUT_ERROR)

    async def work(engine: AsyncEngine) -> int:
        return await _report(args, settings, engine, out)

    try:
        return with_database(settings, work)
    finally:
        if out is not sys.stdout:
            out.close()


def intent_titles(settings: Settings) -> dict[str, str]:
    """German titles of the intents for the HTML report; ids when the catalogue has an error."""
    from pathlib import Path

    from assistant import knowledge
    from assistant.errors import KnowledgeError

    try:
        return {i.id: i.title for i in knowledge.read_intents(Path(settings.intents_dir))}
    except KnowledgeError as exc:
        print(f"assistant: {exc} (intent ids shown instead of titles)", file=sys.stderr)
        return {}


async def _report(args: argparse.Namespace, settings: Settings, engine: AsyncEngine,
                  out: TextIO) -> int:
    from assistant import knowledge
    from assistant.reports import formats, queries, rows
    from assistant.reports.figures import Period, PopulationBands
    from assistant.rules import Limits

    period = Period.days(args.since, args.until)
    if args.format == "csv":
        async with engine.connect() as conn:
            await formats.write_csv(rows.conversation_rows(conn, period), rows.CSV_COLUMNS, out)
        return 0
    bands = PopulationBands.for_limits(Limits.from_programme(knowledge.read_programme(settings)))
    report = await queries.build(
        engine, period, bands=bands, low_confidence=settings.report_low_confidence,
        gap_sample=settings.report_gap_sample, gap_similarity=settings.report_gap_similarity)
    if args.format == "json":
        out.write(formats.as_json(report) + "\n")
    elif args.format == "html":
        out.write(formats.as_html(report, intent_titles(settings)))
    else:
        out.write(formats.as_text(report))
    return 0
