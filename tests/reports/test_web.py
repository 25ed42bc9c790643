"""The dashboard, the history search and the exports in the staff web app."""

from __future__ import annotations

import csv
import io
import mailbox
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from assistant.history.models import AuditEntry
from tests.reports.world import add_inquiry, add_message
from tests.site import Site

RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)


async def fill(engine: Any) -> int:
    async with engine.begin() as conn:
        a = await add_inquiry(conn, at=RECENT, intents=[("eligibility", 0.9)],
                              eligibility="eligible", population=8000, draft_status="sent",
                              sent_after_hours=5, municipality="Lahntal",
                              text="Dürfen wir als <Lahntal> teilnehmen?")
        await add_inquiry(conn, at=RECENT - timedelta(days=200), intents=[("deadline", 0.9)])
        await add_message(conn, a.conversation_id, at=RECENT, kind="auto_reply")
    return a.conversation_id


def test_dashboard_shows_the_last_90_days_with_charts_and_tables(site: Site) -> None:
    site.run(fill)
    page = site.browser.get("/reports")
    assert 200 == page.status_code
    html = page.text
    assert "Berichte über die Anfragen" in html
    assert html.count('role="img"') == 6 and "<desc id=" in html
    assert "<strong>1</strong> Anfragen" in html  # the older inquiry is outside 90 days
    assert "Antragsberechtigung" in html and "Lahntal" in html
    assert 'href="/reports/static/reports.css"' in html
    assert "app;dur=" in page.headers["server-timing"]


def test_dashboard_period_and_bad_dates(site: Site) -> None:
    site.run(fill)
    everything = site.browser.get("/reports?since=&until=")
    assert "<strong>2</strong> Anfragen" in everything.text
    bad = site.browser.get("/reports?since=gestern")
    assert 400 == bad.status_code and "kein gültiges Datum" in bad.text


def test_json_and_csv_downloads(site: Site) -> None:
    site.run(fill)
    data = site.browser.get("/reports/report.json?since=2000-01-01").json()
    assert 2 == data["inquiries"] and {"auto_reply": 1} == data["filtered"]
    response = site.browser.get("/reports/conversations.csv?since=2000-01-01")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert ["eligibility", "deadline"] == [r["intents"] for r in rows]


def test_reports_need_a_session(site: Site) -> None:
    site.browser.client.cookies.clear()
    response = site.browser.client.get("/reports", follow_redirects=False)
    assert 303 == response.status_code and response.headers["location"].startswith("/login")


def test_search_page_finds_and_links_conversations(site: Site) -> None:
    conversation = site.run(fill)
    empty = site.browser.get("/history")
    assert "gefunden" not in empty.text and 'role="search"' in empty.text
    page = site.browser.get("/history?text=teilnehmen&intent=eligibility")
    assert "1 Gespräch gefunden" in page.text
    assert f'href="/conversations/{conversation}"' in page.text
    assert f'href="/history/{conversation}/export.mbox"' in page.text
    assert "0 Gespräche gefunden" in site.browser.get("/history?municipality=Frankfurt").text


def test_exports_are_downloads_and_audited(site: Site) -> None:
    conversation = site.run(fill)
    response = site.browser.get(f"/history/{conversation}/export.mbox")
    assert "application/mbox" == response.headers["content-type"]
    path = site.url.removeprefix("sqlite:///") + ".mbox"
    with open(path, "wb") as fh:
        fh.write(response.content)
    assert 2 == len(mailbox.mbox(path))
    archive = site.browser.get(f"/history/{conversation}/export.zip")
    assert 2 == len(zipfile.ZipFile(io.BytesIO(archive.content)).namelist())
    assert 404 == site.browser.get("/history/999/export.zip").status_code

    async def entries(engine: Any) -> list[Any]:
        async with engine.connect() as conn:
            return list((await conn.execute(select(AuditEntry.actor, AuditEntry.detail).where(
                AuditEntry.action == "conversation_exported"))).all())
    assert [("user:anna", "mbox"), ("user:anna", "zip")] == [
        (actor, detail["format"]) for actor, detail in site.run(entries)]
