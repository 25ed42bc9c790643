"""``assistant report`` in its four formats, and the charts' text alternatives."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from assistant.commands import main
from assistant.reports import charts
from tests.reports.world import T0, add_inquiry, add_message

JSON_KEYS = {"inquiries", "by_intent", "by_week", "verdicts", "first_response_hours", "gaps"}


@pytest.fixture
def store(sqlite_template: Path, tmp_path: Path, environ: dict[str, str]) -> str:
    """A migrated SQLite database with three inquiries and an auto-reply, named by the
    environment as the CLI reads it."""
    path = tmp_path / "assistant.db"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"

    async def fill() -> None:
        from assistant.history.db import create_engine

        engine = create_engine(url)
        async with engine.begin() as conn:
            a = await add_inquiry(conn, intents=[("eligibility", 0.9), ("funding_amount", 0.8)],
                                  eligibility="eligible", population=8000, draft_status="sent",
                                  sent_after_hours=4)
            await add_inquiry(conn, at=T0 + timedelta(days=9), intents=[], abstained=True,
                              text="Zahlen Sie auch <b>Fahrräder</b> für Geflüchtete?")
            await add_inquiry(conn, at=T0 + timedelta(days=40), intents=[("deadline", 0.9)])
            await add_message(conn, a.conversation_id, kind="auto_reply")
        await engine.dispose()

    asyncio.run(fill())
    environ["ASSISTANT_DATABASE_URL"] = url
    return url


def test_json_has_the_documented_keys(store: str, capsys: pytest.CaptureFixture[str],
                                      environ: dict[str, str]) -> None:
    assert 0 == main(["report", "--format", "json"], environ)
    data = json.loads(capsys.readouterr().out)
    assert JSON_KEYS <= set(data)
    assert 3 == data["inquiries"]
    assert {"median": 4.0, "p90": 4.0, "count": 1} == data["first_response_hours"]
    assert [{"size": 1, "examples": ["Zahlen Sie auch <b>Fahrräder</b> für Geflüchtete?"],
             "intents": ["abstained"]}] == data["gaps"]
    assert {"auto_reply": 1} == data["filtered"]


def test_since_and_until_limit_the_period(store: str, capsys: pytest.CaptureFixture[str],
                                          environ: dict[str, str]) -> None:
    assert 0 == main(["report", "--format", "json", "--since", "2026-03-02",
                      "--until", "2026-03-15"], environ)
    assert 2 == json.loads(capsys.readouterr().out)["inquiries"]


def test_csv_has_one_row_per_conversation(store: str, tmp_path: Path,
                                          environ: dict[str, str]) -> None:
    target = tmp_path / "rows.csv"
    assert 0 == main(["report", "--format", "csv", "--output", str(target)], environ)
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert 3 == len(rows)
    assert ("eligibility funding_amount", "eligible", "4.0") == (
        rows[0]["intents"], rows[0]["verdict"], rows[0]["first_response_hours"])


def test_text_report_names_every_section(store: str, capsys: pytest.CaptureFixture[str],
                                         environ: dict[str, str]) -> None:
    assert 0 == main(["report"], environ)
    out = capsys.readouterr().out
    for heading in ("Inquiries per intent", "Inquiries per week", "Municipalities",
                    "Verdicts", "Hours from arrival to sent reply", "Drafts:",
                    "What the knowledge does not cover yet"):
        assert heading in out


def test_html_report_has_charts_with_text_and_escapes_mail_text(
        store: str, capsys: pytest.CaptureFixture[str], environ: dict[str, str]) -> None:
    """Charts are inline SVG with a title and a description; mail text shows as text."""
    assert 0 == main(["report", "--format", "html"], environ)
    page = capsys.readouterr().out
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 6
    assert page.count("<desc id=") == 6
    assert "<script" not in page
    assert "&lt;b&gt;Fahrräder&lt;/b&gt;" in page and "<b>Fahrräder</b>" not in page
    assert "Antragsberechtigung" in page  # intent titles from the catalogue


@pytest.mark.parametrize("arguments", [["--since", "2026-13-01"],
                                       ["--since", "2026-03-10", "--until", "2026-03-01"]])
def test_bad_dates_are_refused_with_exit_code_2(store: str, arguments: list[str],
                                                environ: dict[str, str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        code = main(["report", *arguments], environ)
        raise SystemExit(code)
    assert 2 == stopped.value.code


def test_report_on_an_empty_database_is_all_zeros(sqlite_template: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  environ: dict[str, str]) -> None:
    path = tmp_path / "empty.db"
    shutil.copyfile(sqlite_template, path)
    environ["ASSISTANT_DATABASE_URL"] = f"sqlite:///{path}"
    assert 0 == main(["report", "--format", "json"], environ)
    data = json.loads(capsys.readouterr().out)
    assert (0, {}, [], None) == (data["inquiries"], data["by_intent"], data["gaps"],
                                 data["first_response_hours"]["median"])


def test_chart_description_lists_the_largest_values_and_escapes_labels() -> None:
    svg = str(charts.bars("Anliegen", [("<Frist>", 3), ("Höhe", 12), ("Dauer", 1)]))
    assert "<desc" in svg and "Höhe: 12; &lt;Frist&gt;: 3; Dauer: 1." in svg
    assert "<Frist>" not in svg
    assert 'role="img"' in svg and "aria-labelledby" in svg


def test_column_chart_describes_the_period_and_its_peak() -> None:
    svg = str(charts.columns("Anfragen pro Woche", [("2026-W10", 2), ("2026-W11", 5)]))
    assert "2 Zeitabschnitte von 2026-W10 bis 2026-W11, zusammen 7; am meisten in 2026-W11 " \
           "(5)." in svg


def test_population_bands_split_at_the_programmes_limits() -> None:
    """The bands come from the programme's limits: another limit moves the bounds, so that no
    band straddles the line between who may and who may not apply."""
    from assistant.reports.figures import PopulationBands
    from assistant.reports.formats import band_labels

    ours = PopulationBands.around((10_000, 50_000))
    other = PopulationBands.around((15_000, 30_000))
    assert ["<5000", "5000-9999", "10000-19999", "20000-49999", "50000-99999", ">=100000",
            "unknown"] == list(ours.keys)
    assert ("15000-19999", 15_000) in other.bands and ("20000-29999", 20_000) in other.bands
    assert ("30000-99999", 30_000) in other.bands
    assert "30.000 bis 99.999" == band_labels(other)["30000-99999"]
    assert "unter 5.000" == band_labels(other)["<5000"]
