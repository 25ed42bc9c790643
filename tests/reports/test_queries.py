"""The report's figures, on SQLite and on PostgreSQL (the ``engine`` fixture runs each test on
both): every figure is counted by the database and means the same on either."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from assistant.reports import queries
from assistant.reports import rows as table
from assistant.reports.figures import Period
from tests.reports.world import BANDS, T0, add_inquiry, add_message

SETTINGS = {"low_confidence": 0.65, "gap_sample": 100, "gap_similarity": 60, "bands": BANDS}


async def build(engine: Any, period: Period | None = None) -> queries.Report:
    return await queries.build(engine, period or Period(), **SETTINGS)


async def test_inquiries_are_counted_per_intent_week_and_pair(engine: Any) -> None:
    """Intents count the inquiries that asked them; weeks are ISO weeks with zeros in between;
    pairs of intents asked together are counted once per inquiry."""
    async with engine.begin() as conn:
        first = await add_inquiry(conn, intents=[("eligibility", 0.9), ("funding_amount", 0.8)])
        await add_inquiry(conn, at=T0 + timedelta(days=1), intents=[("eligibility", 0.95)],
                          conversation_id=first.conversation_id)
        await add_inquiry(conn, at=T0 + timedelta(days=15), intents=[("deadline", 0.9)])
    report = await build(engine)
    assert 3 == report.inquiries
    assert 2 == report.conversations
    assert {"eligibility": 2, "funding_amount": 1, "deadline": 1} == report.by_intent
    assert {"2026-W10": 2, "2026-W11": 0, "2026-W12": 1} == report.by_week
    assert [("eligibility", "funding_amount", 1)] == report.co_occurring
    assert {"2026-W10": 2} == report.intents_by_week["eligibility"]


async def test_period_bounds_are_days_with_both_ends_included(engine: Any) -> None:
    """--since 2026-03-03 --until 2026-03-04 counts what arrived on those two days (UTC)."""
    async with engine.begin() as conn:
        for day in range(5):  # 2 to 6 March
            await add_inquiry(conn, at=T0 + timedelta(days=day))
    report = await build(engine, Period.days(date(2026, 3, 3), date(2026, 3, 4)))
    assert 2 == report.inquiries
    assert {"since": "2026-03-03", "until": "2026-03-04"} == report.as_json()["period"]
    assert {"2026-W10": 2} == report.by_week


async def test_places_verdicts_bands_languages_and_sources(engine: Any) -> None:
    async with engine.begin() as conn:
        await add_inquiry(conn, municipality="Lahntal", district="Landkreis Marburg-Biedenkopf",
                          eligibility="eligible", population=7000, language="de")
        await add_inquiry(conn, municipality="Lahntal", district="Landkreis Marburg-Biedenkopf",
                          eligibility="eligible", register_population=6953, language="en",
                          source="chat")
        await add_inquiry(conn, municipality="Kassel", district="Kassel",
                          eligibility="not_eligible", register_population=197_230)
        await add_inquiry(conn, municipality=None, district=None, eligibility="unknown")
    report = await build(engine)
    assert [("Lahntal", "Landkreis Marburg-Biedenkopf", 2), ("Kassel", "Kassel", 1)] \
        == report.municipalities
    assert [("Landkreis Marburg-Biedenkopf", 2), ("Kassel", 1), (None, 1)] == report.districts
    assert {"eligible": 2, "not_eligible": 1, "unknown": 1} == report.verdicts
    assert 2 == report.population_bands["5000-9999"]
    assert 1 == report.population_bands[">=100000"]
    assert 1 == report.population_bands["unknown"]
    assert {"de": 3, "en": 1} == report.languages
    assert {"mailbox": 3, "chat": 1} == report.sources


async def test_response_time_is_nearest_rank_median_and_90th_percentile(engine: Any) -> None:
    """Replies after 1…10 hours (deadline) and 48 hours (duration): of the eleven, the 6th is
    the median and the 10th the 90th percentile; per intent the same rule; unsent drafts do not
    count."""
    async with engine.begin() as conn:
        for hours in range(1, 11):
            await add_inquiry(conn, intents=[("deadline", 0.9)], draft_status="sent",
                              sent_after_hours=hours)
        await add_inquiry(conn, intents=[("duration", 0.9)], draft_status="sent",
                          sent_after_hours=48)
        await add_inquiry(conn, intents=[("deadline", 0.9)], draft_status="pending")
    report = await build(engine)
    assert {"median": 6.0, "p90": 10.0, "count": 11} == report.first_response_hours.as_json()
    assert {"median": 5.0, "p90": 9.0, "count": 10} == \
        report.response_hours_by_intent["deadline"].as_json()
    assert {"median": 48.0, "p90": 48.0, "count": 1} == \
        report.response_hours_by_intent["duration"].as_json()


async def test_draft_outcomes_and_needs_staff_share(engine: Any) -> None:
    """Unchanged, edited and rejected drafts per intent; shares of the decided ones."""
    async with engine.begin() as conn:
        await add_inquiry(conn, intents=[("deadline", 0.9)], draft_status="sent")
        await add_inquiry(conn, intents=[("deadline", 0.9)], draft_status="approved",
                          edited=True)
        await add_inquiry(conn, intents=[("deadline", 0.9)], draft_status="rejected",
                          needs_staff=True)
        await add_inquiry(conn, intents=[("contact", 0.9)], draft_status="answered_elsewhere")
        await add_inquiry(conn, intents=[("contact", 0.9)], draft_status="pending")
    report = await build(engine)
    deadline = report.drafts_by_intent["deadline"]
    assert (1, 1, 1) == (deadline["unchanged"], deadline["edited"], deadline["rejected"])
    assert 0.333 == deadline.share("unchanged")
    assert {"elsewhere": 1, "pending": 1} == {k: v for k, v in
                                              report.drafts_by_intent["contact"].counts.items()}
    assert (5, 1) == report.needs_staff
    assert 0.2 == report.needs_staff_share


async def test_filtered_mail_abstentions_and_low_confidence(engine: Any) -> None:
    """Auto-replies, bounces and thank-yous are counted apart, never as inquiries."""
    async with engine.begin() as conn:
        a = await add_inquiry(conn, intents=[], abstained=True)
        await add_inquiry(conn, intents=[("deadline", 0.55)])
        await add_inquiry(conn, intents=[("deadline", 0.95)])
        for kind in ("auto_reply", "auto_reply", "bounce", "acknowledgement"):
            await add_message(conn, a.conversation_id, kind=kind)
    report = await build(engine)
    assert 3 == report.inquiries
    assert {"auto_reply": 2, "bounce": 1, "acknowledgement": 1} == report.filtered
    assert (1, 1) == (report.abstentions, report.low_confidence)


async def test_new_inquiries_reach_the_read_model_on_the_next_report(engine: Any) -> None:
    """The read model is refreshed before each report: nothing processed is missed."""
    async with engine.begin() as conn:
        await add_inquiry(conn)
    assert 1 == (await build(engine)).inquiries
    async with engine.begin() as conn:
        await add_inquiry(conn, intents=[("contact", 0.9)])
    report = await build(engine)
    assert 2 == report.inquiries
    assert 1 == report.by_intent["contact"]


async def test_one_row_per_conversation(engine: Any) -> None:
    """The CSV rows: first inquiry's time and language, all intents, the latest verdict, the
    first reply's delay, whether a draft was edited."""
    async with engine.begin() as conn:
        first = await add_inquiry(conn, intents=[("eligibility", 0.9)], draft_status="sent",
                                  sent_after_hours=2.5, language="en", eligibility="unknown")
        await add_inquiry(conn, at=T0 + timedelta(days=2), intents=[("deadline", 0.9)],
                          conversation_id=first.conversation_id, eligibility="eligible",
                          draft_status="sent", edited=True, sent_after_hours=1)
        await add_inquiry(conn, at=T0 + timedelta(days=30), municipality="Kassel",
                          district="Kassel")
    async with engine.connect() as conn:
        rows = [row async for row in table.conversation_rows(conn, Period())]
    assert 2 == len(rows)
    row = rows[0]
    assert list(table.CSV_COLUMNS) == list(row)
    assert ("2026-03-02T09:00:00+00:00", "deadline eligibility", "eligible", "en", 2.5, "yes",
            2, 2) == (row["started"], row["intents"], row["verdict"], row["language"],
                      row["first_response_hours"], row["edited"], row["inquiries"],
                      row["drafts"])
    assert ("Kassel", "", "no") == (rows[1]["municipality"], rows[1]["first_response_hours"],
                                    rows[1]["edited"])
    async with engine.connect() as conn:
        later = [row async for row in table.conversation_rows(
            conn, Period.days(date(2026, 3, 10), None))]
    assert ["Kassel"] == [r["municipality"] for r in later]


async def test_a_draft_decided_after_a_report_counts_in_the_next(engine: Any) -> None:
    """The read model follows drafts that change later (by their updated_at)."""
    from datetime import UTC, datetime

    from sqlalchemy import update

    from assistant.history.models import Draft

    async with engine.begin() as conn:
        added = await add_inquiry(conn, intents=[("deadline", 0.9)], draft_status="pending")
    assert {"pending": 1} == (await build(engine)).drafts.counts
    async with engine.begin() as conn:
        await conn.execute(update(Draft).where(Draft.id == added.draft_id).values(
            status="sent", edited_text="Geändert.", sent_at=T0 + timedelta(hours=6),
            updated_at=datetime.now(UTC)))
    report = await build(engine)
    assert {"edited": 1} == report.drafts.counts
    assert {"edited": 1} == report.drafts_by_intent["deadline"].counts
    assert 6.0 == report.first_response_hours.median
