"""The reports and the history search in the staff web app.

    GET /reports                       the dashboard: charts and tables of a period
    GET /reports/report.json           the same figures as JSON (``assistant report`` shape)
    GET /reports/conversations.csv     one row per conversation (streamed)
    GET /history                       search conversations
    GET /history/{id}/export.mbox      one conversation's mails as an mbox
    GET /history/{id}/export.zip       … as .eml files in a ZIP archive

Every page needs a signed-in reviewer (the app's guard); exports of mails are audited. The
dashboard shows the last :data:`DEFAULT_DAYS` days unless a period is chosen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from assistant.history import export, search
from assistant.history.privacy import audit
from assistant.reports import formats, queries, rows
from assistant.reports.figures import Period, PopulationBands
from assistant.web.dates import day_problem
from assistant.web.pages import NavEntry, Page
from assistant.web.routing import PAGE_PROBLEM, Ctx, get, page_number, render

DEFAULT_DAYS = 90
STATUS_LABELS = {"open": "offen", "answered": "beantwortet", "closed": "abgeschlossen"}


def _engine(ctx: Ctx) -> Any:
    return ctx.services.sessions.kw["bind"]


def _days(params: Any) -> tuple[date | None, date | None, list[str]]:
    """``?since=`` and ``?until=`` as days (unusable ones None), and what was wrong with them."""
    since, since_problem = day_problem("Das Anfangsdatum", params.get("since"))
    until, until_problem = day_problem("Das Enddatum", params.get("until"))
    return since, until, [p for p in (since_problem, until_problem) if p]


def period_of(request: Request, today: date | None = None) -> tuple[Period, list[str]]:
    """The period of ``?since=&until=`` (days, both included), else the last 90 days; and what
    was wrong with the parameters."""
    params = request.query_params
    today = today or datetime.now(UTC).date()
    since, until, problems = _days(params)
    if "since" not in params and "until" not in params:
        since, until = today - timedelta(days=DEFAULT_DAYS - 1), today
    if since and until and since > until:
        problems.append("Das Anfangsdatum liegt nach dem Enddatum.")
        since, until = until, since
    return Period.days(since, until), problems


async def _report(ctx: Ctx, period: Period) -> Any:
    settings = ctx.services.settings
    bands = PopulationBands.for_limits(ctx.services.knowledge.pipeline.limits)
    return await queries.build(_engine(ctx), period, bands=bands,
                               low_confidence=settings.report_low_confidence,
                               gap_sample=settings.report_gap_sample,
                               gap_similarity=settings.report_gap_similarity)


def _titles(ctx: Ctx) -> dict[str, str]:
    return dict(ctx.services.knowledge.intents())


async def dashboard(request: Request, ctx: Ctx) -> Response:
    """The dashboard; with an unusable date it answers 400 and shows why (and the figures of
    the period that is left)."""
    period, problems = period_of(request)
    report = await _report(ctx, period)
    query = "&".join(f"{k}={v}" for k, v in period.as_json().items() if v)
    return await render(request, ctx, "dashboard.html", status=400 if problems else 200,
                        title="Berichte", problems=problems,
                        period=period.as_json(), query=query,
                        **formats.view(report, _titles(ctx)))


async def report_json(request: Request, ctx: Ctx) -> Response:
    period, problems = period_of(request)
    if problems:
        return JSONResponse({"error": " ".join(problems)}, status_code=400)
    return JSONResponse((await _report(ctx, period)).as_json())


async def conversations_csv(request: Request, ctx: Ctx) -> Response:
    period, problems = period_of(request)
    if problems:
        return Response(" ".join(problems), status_code=400, media_type="text/plain")
    engine = _engine(ctx)

    async def chunks() -> Any:
        async with engine.connect() as conn:
            async for chunk in formats.csv_chunks(rows.conversation_rows(conn, period),
                                                  rows.CSV_COLUMNS):
                yield chunk.encode("utf-8")

    name = "gespraeche-{since}-{until}.csv".format(**{k: v or "alle" for k, v in
                                                      period.as_json().items()})
    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="{name}"'})


def criteria_of(request: Request) -> tuple[search.Criteria, list[str]]:
    params = request.query_params
    since, until, problems = _days(params)
    status = params.get("status", "")
    page = page_number(params.get("page", ""))
    if page is None:
        problems.append(PAGE_PROBLEM)
        page = 1
    return search.Criteria(
        municipality=params.get("municipality", "")[:200], sender=params.get("sender", "")[:320],
        text=params.get("text", "")[:search.MAX_TEXT], intent=params.get("intent", "")[:50],
        status=status if status in search.STATUSES else "", since=since, until=until, page=page,
        per_page=ctx_page_size(request)), problems


def ctx_page_size(request: Request) -> int:
    return int(request.app.state.services.settings.queue_page_size)


async def history_page(request: Request, ctx: Ctx) -> Response:
    criteria, problems = criteria_of(request)
    found = None
    if not criteria.empty and not problems:
        async with _engine(ctx).connect() as conn:
            found = await search.search(conn, criteria)
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}
    return await render(request, ctx, "search.html", status=400 if problems else 200,
                        title="Gespräche suchen",
                        criteria=criteria, found=found, problems=problems,
                        intents=ctx.services.knowledge.intents(), titles=_titles(ctx),
                        status_labels=STATUS_LABELS, params=params)


async def _export(request: Request, ctx: Ctx, shape: str) -> Response:
    assert ctx.viewer is not None
    conversation_id = int(request.path_params["conversation_id"])
    async with _engine(ctx).begin() as conn:
        found = await export.conversation(conn, conversation_id)
        if found is None:
            return await render(request, ctx, "error.html", status=404,
                                title="Nicht gefunden",
                                message="Dieses Gespräch gibt es nicht.")
        if not found.mails:
            return await render(request, ctx, "error.html", status=410,
                                title="Keine Mails mehr gespeichert",
                                message="Die Mails dieses Gesprächs wurden nach Ablauf der "
                                        "Aufbewahrungsfrist gelöscht.")
        await audit(conn, ctx.viewer.actor, "conversation_exported",
                    conversation_id=conversation_id,
                    detail={"format": shape, "messages": len(found.mails)})
    if shape == "mbox":
        body, media = export.mbox(found.mails), "application/mbox"
    else:
        body, media = export.eml_zip(found), "application/zip"
    name = export.archive_name(found, shape)
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="{name}"'})


async def export_mbox(request: Request, ctx: Ctx) -> Response:
    return await _export(request, ctx, "mbox")


async def export_zip(request: Request, ctx: Ctx) -> Response:
    return await _export(request, ctx, "zip")


def routes() -> list[BaseRoute]:
    return [
        get("/reports", dashboard),
        get("/reports/report.json", report_json),
        get("/reports/conversations.csv", conversations_csv),
        get("/history", history_page),
        get("/history/{conversation_id:int}/export.mbox", export_mbox),
        get("/history/{conversation_id:int}/export.zip", export_zip),
        Mount("/reports/static", StaticFiles(packages=[("assistant.reports", "static")]),
              name="reports-static"),
    ]


PAGE = Page(package="assistant.reports", routes=routes,
            nav=(NavEntry("/reports", "Berichte"), NavEntry("/history", "Suche")))
