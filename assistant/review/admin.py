"""The admin pages: staff accounts, reviewer suggestions for the intent catalogue, and
reloading the knowledge after programme staff changed it. Only the ``admin`` role gets here
(the routing table says so; :mod:`assistant.web.routing` enforces it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import AccountError, CorrectionError
from assistant.history.models import AuditEntry, Message, Suggestion
from assistant.review import corrections
from assistant.web import accounts
from assistant.web.accounts import ROLE_LABELS
from assistant.web.routing import Ctx, redirect, render

NOTICES = {
    "angelegt": "Das Konto wurde angelegt.",
    "geaendert": "Das Konto wurde geändert.",
    "uebernommen": "Der Vorschlag wurde als neues Beispiel in den Katalog übernommen.",
    "schon_da": "Dieses Beispiel stand schon im Katalog; der Vorschlag ist erledigt.",
    "verworfen": "Der Vorschlag wurde verworfen.",
    "neu_geladen": "Das Wissen wurde neu geladen.",
}
ORIGIN_LABELS = {corrections.INTENT_CHANGE: "anderes Anliegen gewählt",
                 corrections.BLOCK_REWRITE: "Antwortbaustein umgeschrieben"}


async def _users_page(request: Request, ctx: Ctx, *, status: int = 200,
                      error: AccountError | None = None,
                      form: dict[str, Any] | None = None) -> Response:
    async with ctx.services.sessions() as db:
        users = await accounts.listing(db)
    auth = ctx.services.auth
    paused = {u.username: until for u in users
              if (until := auth.paused_until(u.username)) is not None}
    return await render(request, ctx, "admin_users.html", status=status, title="Benutzer",
                        users=users, roles=ROLE_LABELS, error=error, form=form or {},
                        paused=paused,
                        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def users_page(request: Request, ctx: Ctx) -> Response:
    return await _users_page(request, ctx)


async def add_user(request: Request, ctx: Ctx) -> Response:
    assert ctx.viewer is not None
    username, role = ctx.text("username"), ctx.text("role")
    password, repeat = ctx.text("password"), ctx.text("password_repeat")
    form = {"username": username, "role": role}
    if password != repeat:
        return await _users_page(request, ctx, status=422, form=form, error=AccountError(
            "Die beiden Passwörter stimmen nicht überein.", "password_repeat"))
    try:
        async with ctx.services.sessions() as db:
            await accounts.create(db, ctx.services.auth.passwords, username, role, password,
                                  ctx.viewer.actor)
    except AccountError as exc:
        return await _users_page(request, ctx, status=422, form=form, error=exc)
    return redirect("/admin/users", hinweis="angelegt")


async def update_user(request: Request, ctx: Ctx) -> Response:
    assert ctx.viewer is not None
    try:
        async with ctx.services.sessions() as db:
            await accounts.update(db, request.path_params["user_id"], role=ctx.text("role"),
                                  active=ctx.text("active") == "1", actor=ctx.viewer.actor,
                                  self_id=ctx.viewer.id)
    except AccountError as exc:
        return await _users_page(request, ctx, status=422, error=exc)
    return redirect("/admin/users", hinweis="geaendert")


async def _suggestions_page(request: Request, ctx: Ctx, *, status: int = 200,
                            error: str | None = None) -> Response:
    async with ctx.services.sessions() as db:
        open_rows = (await db.execute(
            select(Suggestion, Message.conversation_id)
            .outerjoin(Message, Message.id == Suggestion.message_id)
            .where(Suggestion.status == "open")
            .order_by(Suggestion.created_at, Suggestion.id))).all()
        decided = list((await db.execute(
            select(Suggestion).where(Suggestion.status != "open")
            .order_by(Suggestion.decided_at.desc(), Suggestion.id.desc()).limit(20))).scalars())
    return await render(request, ctx, "admin_suggestions.html", status=status,
                        title="Vorschläge für den Anliegen-Katalog", open_rows=open_rows,
                        decided=decided, titles=dict(ctx.services.knowledge.intents()),
                        origins=ORIGIN_LABELS, error=error,
                        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def suggestions_page(request: Request, ctx: Ctx) -> Response:
    return await _suggestions_page(request, ctx)


async def accept_suggestion(request: Request, ctx: Ctx) -> Response:
    assert ctx.viewer is not None
    try:
        async with ctx.services.sessions() as db:
            accepted = await corrections.accept(db, request.path_params["suggestion_id"],
                                                ctx.viewer.actor)
    except CorrectionError as exc:
        return await _suggestions_page(request, ctx, status=422, error=str(exc))
    return redirect("/admin/suggestions", hinweis="uebernommen" if accepted.written
                    else "schon_da")


async def dismiss_suggestion(request: Request, ctx: Ctx) -> Response:
    assert ctx.viewer is not None
    try:
        async with ctx.services.sessions() as db:
            await corrections.dismiss(db, request.path_params["suggestion_id"], ctx.viewer.actor)
    except CorrectionError as exc:
        return await _suggestions_page(request, ctx, status=422, error=str(exc))
    return redirect("/admin/suggestions", hinweis="verworfen")


async def reload_knowledge(request: Request, ctx: Ctx) -> Response:
    """Read intents/ and knowledge/ again; a broken file keeps the old knowledge in use."""
    from assistant.errors import KnowledgeError

    assert ctx.viewer is not None
    try:
        pipeline = await ctx.services.knowledge.reload()
    except KnowledgeError as exc:
        return await _suggestions_page(
            request, ctx, status=422,
            error=f"Das Wissen konnte nicht geladen werden; das bisherige bleibt in Gebrauch. "
                  f"Fehler: {exc}")
    async with ctx.services.sessions() as db:
        db.add(AuditEntry(actor=ctx.viewer.actor, action="knowledge_reloaded",
                          detail={"version": pipeline.knowledge.version}))
        await db.commit()
    return redirect("/admin/suggestions", hinweis="neu_geladen")
