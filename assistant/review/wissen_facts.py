"""The programme facts on the page "Wissen": typed fields (number, date, e-mail, URL, address)
for the values of ``programme.yaml``, each showing the answers and notices that use it.

A change is checked by the real loader like any text (the rules read their thresholds here),
saved as a new version with a required comment and, under the four-eyes rule, published by a
second admin. After saving, the page names the entries that use a changed fact.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import KnowledgeError
from assistant.history import knowledge_store
from assistant.review import knowledge_edit
from assistant.review.wissen import PROGRAMME, _check
from assistant.web.routing import Ctx, redirect, render

FIELD = "fakt:"


async def _page(request: Request, ctx: Ctx, *, status: int = 200, error: str | None = None,
                values: dict[str, str] | None = None, comment: str = "",
                changed: list[str] | None = None) -> Response:
    async with ctx.services.sessions() as db:
        live = await knowledge_store.live_records(db)
    record = live.get(PROGRAMME)
    if record is None or record.text is None:
        return redirect("/admin/wissen")
    uses = {p: r.text for p, r in live.items()
            if r.text is not None and p.startswith(("answers/", "notices/", "templates/"))}
    facts = knowledge_edit.facts(record.text, uses)
    return await render(request, ctx, "wissen_fakten.html", status=status,
                        title="Programmfakten", facts=facts, record=record, error=error,
                        values=values or {}, comment=comment, changed=changed or [],
                        field=FIELD)


async def page(request: Request, ctx: Ctx) -> Response:
    changed = [k for k in request.query_params.get("geaendert", "").split(",") if k]
    return await _page(request, ctx, changed=changed)


async def submit(request: Request, ctx: Ctx) -> Response:
    viewer = ctx.staff
    assert ctx.form is not None
    values = {str(k)[len(FIELD):]: v for k, v in ctx.form.items()
              if str(k).startswith(FIELD) and isinstance(v, str)}
    comment = ctx.text("kommentar").strip()
    async with ctx.services.sessions() as db:
        record = (await knowledge_store.live_records(db)).get(PROGRAMME)
    if record is None or record.text is None:
        return redirect("/admin/wissen")
    again: dict[str, Any] = {"values": values, "comment": comment}
    if ctx.text("basis") != str(record.number):
        return await _page(request, ctx, status=409, error="Inzwischen hat jemand anderes die "
                           "Programmfakten geändert. Bitte neu laden.", **again)
    try:
        text, changed = knowledge_edit.with_facts(record.text, values)
    except KnowledgeError as exc:
        return await _page(request, ctx, status=422, error=str(exc), **again)
    if not changed:
        return await _page(request, ctx, status=422, error="Es gibt keine Änderung zu "
                           "speichern.", **again)
    if not comment:
        return await _page(request, ctx, status=422, error="Bitte beschreiben Sie die Änderung "
                           "im Feld „Kommentar“.", **again)
    checked = await _check(ctx, PROGRAMME, text, None)
    if checked.error:
        return await _page(request, ctx, status=422, error=f"Die Fakten können so nicht "
                           f"verwendet werden: {checked.error}", **again)
    four_eyes = ctx.services.settings.four_eyes
    async with ctx.services.sessions() as db:
        await knowledge_store.save(db, PROGRAMME, text, author=viewer.actor, comment=comment,
                                   publish=not four_eyes)
    await ctx.services.knowledge.refresh(force=True)
    return redirect("/admin/wissen/fakten", geaendert=",".join(changed))
