"""The page "Anliegen-Modell" (admins): "Modell neu trainieren", the figures before and after,
and "Neues Modell veröffentlichen" or "Verwerfen".

Starting gathers, in the web process, what the training needs — the catalogue and the live
model as published, the store's confirmed mails, the labelled folders present — and hands it
to the background process (:class:`assistant.web.compute.Background`; the job is
:func:`assistant.review.retraining.run`). A task of the web process waits for it and keeps the
result in the store (:mod:`assistant.history.trainings`): the candidate a draft version of
``intents/model.json``, the figures in the audit log. Nothing changes the model in use until an
admin publishes the candidate — under the four-eyes rule someone other than who started the
training — after the loader has checked it against the live knowledge; then every process
picks it up like any knowledge change.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import Busy, KnowledgeError, OverBudget
from assistant.history import trainings
from assistant.history.confirmed import CONFIRMED, confirmed_mails
from assistant.history.models import Draft, KnowledgeRecord, Message
from assistant.knowledge import catalogue_digest
from assistant.review import knowledge_edit, retraining
from assistant.settings import Settings
from assistant.understand.labelled import DEVELOPMENT_SETS, SHARED_SETS, group_name
from assistant.web.routing import Ctx, redirect, render

log = logging.getLogger(__name__)
NOTICES = {
    "gestartet": "Das Training läuft im Hintergrund; laden Sie diese Seite in einigen Minuten "
                 "neu.",
    "veroeffentlicht": "Das neue Modell ist veröffentlicht; alle Prozesse nutzen es innerhalb "
                       "weniger Sekunden.",
    "verworfen": "Das neue Modell ist verworfen; das bisherige bleibt in Gebrauch.",
}
CHECK_SECONDS = 120.0
# The tasks that wait for a training (kept so that they are not collected while they run).
_WAITING: set[asyncio.Task[None]] = set()


def labelled_sets(settings: Settings) -> tuple[list[str], list[str]]:
    """(held out in turn, only trained on): the labelled folders the training uses."""
    chosen = settings.retrain_sets.strip()
    if chosen.lower() == "none":
        return [], []
    if chosen:
        return [p.strip() for p in chosen.split(",") if p.strip()], []
    present = [str(p) for p in DEVELOPMENT_SETS if (p / "labels.jsonl").is_file()]
    return [str(p) for p in SHARED_SETS], present


async def _confirmed_count(ctx: Ctx) -> int:
    async with ctx.services.sessions() as db:
        return (await db.execute(select(func.count(Draft.id))
                                 .join(Message, Message.id == Draft.message_id)
                                 .where(Draft.status.in_(CONFIRMED),
                                        Message.raw.is_not(None)))).scalar_one()


async def _page(request: Request, ctx: Ctx, *, status: int = 200,
                error: str | None = None) -> Response:
    settings = ctx.services.settings
    await ctx.services.knowledge.refresh()
    kb = ctx.services.knowledge.pipeline.knowledge
    async with ctx.services.sessions() as db:
        training = await trainings.latest(db, settings.retrain_seconds)
        candidate = None
        if training is not None and training.record_id is not None:
            candidate = await db.get(KnowledgeRecord, training.record_id)
    held, always = labelled_sets(settings)
    viewer = ctx.staff
    own = candidate is not None and candidate.author == viewer.username
    return await render(
        request, ctx, "modell.html", status=status, title="Anliegen-Modell", error=error,
        trained=kb.intent_model.trained, stale=kb.model_stale, live=kb.published is not None,
        training=training, candidate=candidate, confirmed=await _confirmed_count(ctx),
        held_sets=[group_name(Path(p)) for p in held],
        always_sets=[group_name(Path(p)) for p in always],
        folds=settings.retrain_folds, budget_minutes=round(settings.retrain_seconds / 60),
        may_publish=candidate is not None and not (settings.four_eyes and own),
        running=training is not None and training.state == trainings.RUNNING,
        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def page(request: Request, ctx: Ctx) -> Response:
    return await _page(request, ctx)


def _failure(exc: BaseException, budget: float) -> str:
    if isinstance(exc, retraining.Refused):
        return str(exc)
    if isinstance(exc, FutureTimeout | TimeoutError):
        return (f"Das Training hat sein Zeitbudget ({budget:.0f} s, ASSISTANT_RETRAIN_SECONDS) "
                "überschritten und wurde abgebrochen.")
    if isinstance(exc, asyncio.CancelledError):
        return "Das Training wurde abgebrochen (der Webprozess wurde beendet)."
    if isinstance(exc, ImportError):
        return ("scikit-learn ist in dieser Installation nicht vorhanden "
                "(pip install '.[train]').")
    return f"Das Training ist fehlgeschlagen: {type(exc).__name__}: {exc}"[:2000]


async def _wait(ctx: Ctx, run: int, future: asyncio.Future[Any], actor: str) -> None:
    """Keep the training's result (or why it failed) in the store."""
    sessions = ctx.services.sessions
    try:
        result = await future
    except BaseException as exc:  # every end of the job is recorded, a cancellation too
        if not isinstance(exc, retraining.Refused):
            log.error("model training failed", extra={"fields": {
                "run": run, "error": f"{type(exc).__name__}: {exc}"[:300]}})
        try:
            async with sessions() as db:
                await trainings.fail(db, run, _failure(exc,
                                                       ctx.services.settings.retrain_seconds))
        except Exception as store_error:  # noqa: BLE001 - shutting down: the budget ends it
            log.warning("model training's end not recorded", extra={"fields": {
                "run": run, "error": str(store_error)[:200]}})
        if isinstance(exc, asyncio.CancelledError):
            raise
        return
    async with sessions() as db:
        await trainings.finish(db, run, result.model, result.figures, actor)
    log.info("model training finished", extra={"fields": {
        "run": run, "before": result.figures["before"], "after": result.figures["after"]}})


async def start(request: Request, ctx: Ctx) -> Response:
    """"Modell neu trainieren"."""
    viewer = ctx.staff
    settings = ctx.services.settings
    box = ctx.services.knowledge
    if box.background.busy:
        return await _page(request, ctx, status=409,
                           error="Es läuft bereits ein Training; bitte warten.")
    await box.refresh(force=True)
    kb = box.pipeline.knowledge
    if kb.source is None or trainings.MODEL not in kb.source.texts:
        return await _page(request, ctx, status=422,
                           error="Das Modell in Gebrauch ist nicht lesbar; kein Training.")
    async with ctx.services.sessions() as db:
        confirmed = await confirmed_mails(db)
    held, always = labelled_sets(settings)
    try:
        async with ctx.services.sessions() as db:
            run = await trainings.start(db, viewer.actor, settings.retrain_seconds)
    except KnowledgeError as exc:
        return await _page(request, ctx, status=409, error=str(exc))
    spec = retraining.Spec(
        catalogue={i.id: list(i.examples) for i in kb.intents},
        catalogue_digest=catalogue_digest(kb.intents),
        current_model=kb.source.texts[trainings.MODEL], confirmed=confirmed,
        held_out_sets=held, always_sets=always, domain=settings.message_id_domain,
        addresses=settings.own_addresses, folds=max(settings.retrain_folds, 2),
        examples=max(settings.retrain_examples, 0), run=run, started_by=viewer.actor)
    try:
        future = box.background.start(retraining.run, spec, budget=settings.retrain_seconds)
    except Busy:
        async with ctx.services.sessions() as db:
            await trainings.fail(db, run, "Es lief bereits ein Training in diesem Prozess.")
        return await _page(request, ctx, status=409,
                           error="Es läuft bereits ein Training; bitte warten.")
    task = asyncio.create_task(_wait(ctx, run, future, viewer.actor))
    _WAITING.add(task)
    task.add_done_callback(_WAITING.discard)
    return redirect("/admin/wissen/modell", hinweis="gestartet")


async def publish(request: Request, ctx: Ctx) -> Response:
    """"Neues Modell veröffentlichen": checked against the live knowledge first."""
    viewer = ctx.staff
    try:
        async with ctx.services.sessions() as db:
            row = await trainings.candidate(db, ctx.number("version") or 0)
            text = row.text or ""
        checked = await ctx.services.knowledge.run(
            knowledge_edit.check_candidate, trainings.MODEL, text, None, None,
            budget=CHECK_SECONDS)
        if checked.error:
            raise KnowledgeError(f"Das neue Modell passt nicht zum Wissen in Gebrauch: "
                                 f"{checked.error}")
        async with ctx.services.sessions() as db:
            await trainings.publish(db, row.id, viewer.actor,
                                    four_eyes=ctx.services.settings.four_eyes)
    except (Busy, OverBudget):
        return await _page(request, ctx, status=503, error=(
            "Die Prüfung des Modells ist gerade nicht möglich (ausgelastet); bitte gleich noch "
            "einmal versuchen."))
    except KnowledgeError as exc:
        return await _page(request, ctx, status=422,
                           error=f"{exc} Das bisherige Modell bleibt in Gebrauch.")
    await ctx.services.knowledge.refresh(force=True)
    return redirect("/admin/wissen/modell", hinweis="veroeffentlicht")


async def discard(request: Request, ctx: Ctx) -> Response:
    viewer = ctx.staff
    try:
        async with ctx.services.sessions() as db:
            await trainings.discard(db, ctx.number("version") or 0, viewer.actor)
    except KnowledgeError as exc:
        return await _page(request, ctx, status=422, error=str(exc))
    return redirect("/admin/wissen/modell", hinweis="verworfen")
