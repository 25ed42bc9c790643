"""The history search on SQLite and PostgreSQL (full-text search there): each filter alone and
together, paging, and purged conversations."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from assistant.history.search import Criteria, search
from tests.reports.world import T0, add_inquiry


async def fill(engine: Any) -> dict[str, int]:
    async with engine.begin() as conn:
        lahntal = await add_inquiry(
            conn, municipality="Lahntal", district="Landkreis Marburg-Biedenkopf",
            sender="buergermeister@lahntal.example", intents=[("eligibility", 0.9)],
            text="Wir möchten Sprachkurse für Geflüchtete anbieten. Ist das förderfähig?")
        kassel = await add_inquiry(
            conn, at=T0 + timedelta(days=20), municipality="Kassel", district="Kassel",
            sender="integration@kassel.example", intents=[("deadline", 0.9)], status="closed",
            text="Bis wann müssen wir den Antrag für das Bürgerhaus einreichen?")
        await add_inquiry(conn, at=T0 + timedelta(days=40), municipality="Lahnau",
                          district="Lahn-Dill-Kreis", sender="info@lahnau.example",
                          intents=[("funding_amount", 0.9)], text="Wie hoch ist die Förderung?")
    return {"lahntal": lahntal.conversation_id, "kassel": kassel.conversation_id}


async def ids(engine: Any, **criteria: Any) -> list[int]:
    async with engine.connect() as conn:
        found = await search(conn, Criteria(**criteria))
    return sorted(h.conversation_id for h in found.hits)


async def test_each_filter_finds_its_conversations(engine: Any) -> None:
    known = await fill(engine)
    assert [known["lahntal"]] == await ids(engine, municipality="lahntal")
    assert [known["lahntal"]] == await ids(engine, municipality="Marburg")  # the district
    assert [known["kassel"]] == await ids(engine, sender="KASSEL.example")
    assert [known["kassel"]] == await ids(engine, intent="deadline")
    assert [known["kassel"]] == await ids(engine, status="closed")
    assert [known["kassel"]] == await ids(engine, since=date(2026, 3, 20),
                                          until=date(2026, 3, 25))


async def test_text_search_matches_words_of_the_mails(engine: Any) -> None:
    """Every word must occur; on PostgreSQL the German stemmer also finds other word forms."""
    known = await fill(engine)
    assert [known["lahntal"]] == await ids(engine, text="Sprachkurse Geflüchtete")
    assert [known["kassel"]] == await ids(engine, text="Bürgerhaus")
    assert [] == await ids(engine, text="Sprachkurse Bürgerhaus")


async def test_stemming_on_postgresql(engine: Any) -> None:
    """On PostgreSQL "Anträge" finds "Antrag", a phrase must match in order, and -word
    excludes."""
    if engine.dialect.name != "postgresql":
        return
    known = await fill(engine)
    assert [known["kassel"]] == await ids(engine, text="Anträge")
    assert [known["kassel"]] == await ids(engine, text='"Antrag für das Bürgerhaus"')
    assert [] == await ids(engine, text="Sprachkurse -Geflüchtete")


async def test_filters_combine_and_results_are_paged(engine: Any) -> None:
    await fill(engine)
    assert [] == await ids(engine, municipality="Lahntal", intent="deadline")
    async with engine.connect() as conn:
        first = await search(conn, Criteria(municipality="lahn", per_page=1))
        second = await search(conn, Criteria(municipality="lahn", per_page=1, page=2))
    assert (2, 2) == (first.total, first.pages)
    assert ["Lahnau"] == [h.municipality for h in first.hits]  # most recently active first
    assert ["Lahntal"] == [h.municipality for h in second.hits]
    assert ("eligibility",) == second.hits[0].intents and 1 == second.hits[0].messages


async def test_like_wildcards_in_the_input_are_literal(engine: Any) -> None:
    await fill(engine)
    assert [] == await ids(engine, municipality="%")
    assert [] == await ids(engine, sender="_")
