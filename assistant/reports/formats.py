"""The report in its four formats: text for the terminal, JSON for programs, one CSV row per
conversation for spreadsheets, and HTML — the dashboard's charts and tables as a standalone
page (the dashboard itself renders the same partial inside the staff app).

German labels of the values live here, once, for the HTML and the dashboard; the text and JSON
formats keep the ids (intent ids, ``eligible``, …) that scripts rely on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any, TextIO

import jinja2

from assistant.numerals import decimal, whole
from assistant.reports import charts
from assistant.reports.figures import OUTCOMES, UNKNOWN, PopulationBands, Report

OUTCOME_LABELS = {"unchanged": "unverändert freigegeben", "edited": "bearbeitet",
                  "rejected": "abgelehnt", "elsewhere": "anderweitig beantwortet",
                  "pending": "offen"}
VERDICT_LABELS = {"eligible": "antragsberechtigt", "not_eligible": "nicht antragsberechtigt",
                  UNKNOWN: "unbekannt"}
KIND_LABELS = {"auto_reply": "automatische Antworten", "bounce": "Unzustellbarkeitsmeldungen",
               "acknowledgement": "Dank ohne neue Frage", "loop": "eigene Mails (Schleife)",
               "unparseable": "nicht lesbar", "pending": "noch nicht verarbeitet"}
SOURCE_LABELS = {"maildir": "Postfach (Maildir)", "imap": "Postfach (IMAP)", "smtp": "SMTP",
                 "lmtp": "LMTP", "chat": "Chat", UNKNOWN: "unbekannt"}
LANGUAGE_LABELS = {"de": "Deutsch", "en": "Englisch", UNKNOWN: "unbekannt"}
ABSTAINED = "abstained"
TREND_WEEKS = 8


def band_labels(bands: PopulationBands) -> dict[str, str]:
    """``unter 5.000``, ``5.000 bis 9.999``, …, ``100.000 und mehr``, ``unbekannt``."""
    found = {}
    for key, _ in bands.bands:
        low, high = bands.bounds(key)
        found[key] = (f"unter {whole(high + 1)}" if low == 0 and high is not None
                      else f"{whole(low)} und mehr" if high is None
                      else f"{whole(low)} bis {whole(high)}")
    return {**found, UNKNOWN: "unbekannt"}


def labels(bands: PopulationBands) -> dict[str, Mapping[str, str]]:
    return {"outcome": OUTCOME_LABELS, "verdict": VERDICT_LABELS, "band": band_labels(bands),
            "kind": KIND_LABELS, "source": SOURCE_LABELS, "language": LANGUAGE_LABELS}


def _title(titles: Mapping[str, str], intent: str) -> str:
    if intent == ABSTAINED:
        return "keinem Anliegen sicher zugeordnet"
    return titles.get(intent, intent)


def view(report: Report, titles: Mapping[str, str]) -> dict[str, Any]:
    """What the figures partial (``templates/_figures.html``) shows: charts and table rows."""
    title = lambda intent: _title(titles, intent)  # noqa: E731
    by_intent = [(title(i), n) for i, n in report.by_intent.items()]
    decided = [(title(i), o) for i, o in report.drafts_by_intent.items() if o.decided]
    weeks = list(report.by_week)[-TREND_WEEKS:]
    trend = {"weeks": weeks,
             "rows": [(intent, [report.intents_by_week.get(intent, {}).get(w, 0) for w in weeks])
                      for intent in report.by_intent]}
    return {
        **number_formats(),
        "report": report,
        "intent_title": title,
        "trend": trend,
        "labels": labels(report.bands),
        "outcomes": OUTCOMES,
        "bands": list(report.bands.keys),
        "charts": {
            "weeks": charts.columns("Anfragen pro Woche", list(report.by_week.items())),
            "intents": charts.bars("Anfragen nach Anliegen", by_intent),
            "municipalities": charts.bars(
                "Kommunen mit den meisten Anfragen",
                [(m or "unbekannt", n) for m, _, n in report.municipalities]),
            "bands": charts.bars("Anfragen nach Einwohnerzahl der Kommune",
                                 [(band_labels(report.bands)[k], n) for k, n in
                                  report.population_bands.items()]),
            "outcomes": charts.stacked(
                "Was aus den Entwürfen wurde, nach Anliegen",
                [(label, o.counts) for label, o in decided],
                [(k, OUTCOME_LABELS[k]) for k in ("unchanged", "edited", "rejected")]),
            "response": charts.bars(
                "Median der Antwortzeit nach Anliegen (Stunden)",
                [(title(i), round(q.median or 0, 1))
                 for i, q in report.response_hours_by_intent.items()], unit=" h"),
        },
    }


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("assistant.reports", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def number_formats() -> dict[str, Any]:
    """``number``, ``share`` and ``hours``: the German number formats of the report pages,
    passed to the templates as functions (the staff app's environment has no such filters)."""
    def number(value: Any) -> str:
        if value is None:
            return "–"
        if isinstance(value, float) and not value.is_integer():
            return decimal(value)
        return whole(value)

    def share(value: Any) -> str:
        return "–" if value is None else f"{float(value) * 100:.0f} %"

    def hours(value: Any) -> str:
        return "–" if value is None else f"{number(value)} h"

    return {"number": number, "share": share, "hours": hours}


def as_html(report: Report, titles: Mapping[str, str]) -> str:
    """A standalone HTML page with the dashboard's charts and tables (no scripts)."""
    template = _environment().get_template("report.html")
    return template.render(**view(report, titles))


def as_json(report: Report) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2)


async def write_csv(rows: AsyncIterator[dict[str, Any]], columns: Any, out: TextIO) -> None:
    """One line per conversation, written to ``out`` piece by piece."""
    async for chunk in csv_chunks(rows, columns):
        out.write(chunk)


async def csv_chunks(rows: AsyncIterator[dict[str, Any]], columns: Any,
                     every: int = 500) -> AsyncIterator[str]:
    """The CSV as pieces of ``every`` lines, for a streamed HTTP response."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    pending = 0
    async for row in rows:
        writer.writerow(row)
        pending += 1
        if pending >= every:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def as_text(report: Report) -> str:
    """A plain-text report for the terminal (ids, not labels: it is read next to the JSON)."""
    lines: list[str] = []
    add = lines.append
    period = report.period.as_json()
    add(f"Report {period['since'] or 'start'} to {period['until'] or 'today'} "
        f"(generated {report.generated_at:%Y-%m-%d %H:%M} UTC)")
    add(f"Inquiries: {report.inquiries} in {report.conversations} conversations; "
        f"abstained {report.abstentions}, low confidence {report.low_confidence}")
    add("Filtered out: " + (", ".join(f"{k} {n}" for k, n in report.filtered.items()) or "none"))
    _section(lines, "Inquiries per intent", report.by_intent.items())
    _section(lines, "Inquiries per week", report.by_week.items())
    _section(lines, "Intents asked together",
             ((f"{a} + {b}", n) for a, b, n in report.co_occurring))
    _section(lines, "Municipalities (most inquiries)",
             ((f"{m} ({d})" if d else str(m), n) for m, d, n in report.municipalities))
    _section(lines, "Districts", ((d or UNKNOWN, n) for d, n in report.districts))
    _section(lines, "Verdicts", report.verdicts.items())
    _section(lines, "Population of the municipality", report.population_bands.items())
    _section(lines, "Languages", report.languages.items())
    _section(lines, "Sources", report.sources.items())
    q = report.first_response_hours.as_json()
    add("")
    add(f"Hours from arrival to sent reply: median {q['median']}, 90th percentile {q['p90']} "
        f"({q['count']} replies)")
    for intent, quantiles in report.response_hours_by_intent.items():
        v = quantiles.as_json()
        add(f"  {intent:<22} median {v['median']:>7}  p90 {v['p90']:>7}  ({v['count']})")
    total, flagged = report.needs_staff
    add("")
    add(f"Drafts: {total}, needing staff {flagged} ({_pct(report.needs_staff_share)})")
    add(f"  {'':<22} " + " ".join(f"{o:>10}" for o in OUTCOMES) + "  unchanged share")
    for intent, outcomes in [("all", report.drafts), *report.drafts_by_intent.items()]:
        add(f"  {intent:<22} " + " ".join(f"{outcomes[o]:>10}" for o in OUTCOMES)
            + f"  {_pct(outcomes.share('unchanged')):>8}")
    add("")
    add("What the knowledge does not cover yet (similar uncertain questions):")
    for number, gap in enumerate(report.gaps, 1):
        add(f"  {number:>2}. {gap.size} inquiries ({', '.join(gap.intents) or '–'})")
        for example in gap.examples:
            add(f"      “{example}”")
    if not report.gaps:
        add("  none")
    return "\n".join(lines) + "\n"


def _section(lines: list[str], heading: str, items: Any) -> None:
    rows = [(str(k), v) for k, v in items]
    lines.append("")
    lines.append(f"{heading}:")
    if not rows:
        lines.append("  none")
    width = max((len(k) for k, _ in rows), default=0)
    for key, value in rows:
        lines.append(f"  {key:<{width}}  {value:>7}")


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"
