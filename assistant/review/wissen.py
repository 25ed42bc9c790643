"""The page "Wissen" (admins): answers, notices and programme facts, edited and versioned.

Every change is a new version in the store (:mod:`assistant.history.knowledge_store`) with its
author, time and comment, in the audit log. Before anything is saved the candidate is checked by
the real loader in the web app's worker processes (:func:`knowledge_edit.check_candidate`): a
template error is shown with its line and nothing is saved; a programme number typed into a text
is refused (the facts are there for it). "Vorschau" drafts a reply to a stored or a demo mail with
the candidate. With ``ASSISTANT_FOUR_EYES`` on, a saved change waits until another admin
publishes it. "Versionen" shows a path's versions, the diff between any two, and restores one (as
a new version).
"""

from __future__ import annotations

import difflib
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from assistant.errors import Busy, KnowledgeError, OverBudget
from assistant.history import knowledge_store
from assistant.history.models import Message
from assistant.knowledge import LANGUAGES, typed_numbers
from assistant.review import knowledge_edit
from assistant.review.knowledge_edit import LANGUAGE_LABELS, Checked, Statement
from assistant.web.routing import Ctx, redirect, render

PROGRAMME = "programme.yaml"
NOTICES = {
    "gespeichert": "Die Änderung ist gespeichert und veröffentlicht; alle Prozesse nutzen sie "
                   "innerhalb weniger Sekunden.",
    "wartet": "Die Änderung ist gespeichert. Nach dem Vier-Augen-Prinzip veröffentlicht sie "
              "eine andere Administratorin oder ein anderer Administrator.",
    "veroeffentlicht": "Die Änderung ist veröffentlicht.",
    "wiederhergestellt": "Die Version ist wiederhergestellt.",
}
CHECK_SECONDS = 60.0


def _editable(path: str) -> bool:
    return (path.startswith(("answers/", "notices/")) and path.endswith(".yaml")
            and "/" not in path.split("/", 1)[1]) or path == PROGRAMME


async def overview(request: Request, ctx: Ctx) -> Response:
    """The list: answers under their intent's title, notices, facts, waiting changes."""
    kb = ctx.services.knowledge.pipeline.knowledge
    async with ctx.services.sessions() as db:
        live = await knowledge_store.live_records(db)
        # A candidate model waits on its own page ("Anliegen-Modell").
        waiting = [r for r in await knowledge_store.drafts(db) if r.path.endswith(".yaml")]
    titles = {i.id: i.title for i in kb.intents}

    def row(folder: str, stem: str, entry: Any) -> dict[str, Any]:
        path = f"{folder}/{stem}.yaml"
        record = live.get(path)
        return {"path": path, "id": entry.id, "title": titles.get(entry.intent or "", stem),
                "version": record.number if record else None,
                "changed": record.created_at if record else None,
                "dated": [p.valid_until for p in entry.parts if p.time_bound]}

    answers = sorted((row("answers", s, e) for s, e in kb.answers.items()),
                     key=lambda r: r["title"])
    notices = [row("notices", s, e) for s, e in sorted(kb.notices.items())]
    return await render(request, ctx, "wissen.html", title="Wissen", answers=answers,
                        notices=notices, waiting=waiting, live=kb.published is not None,
                        programme=live.get(PROGRAMME),
                        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def _mails(ctx: Ctx) -> list[tuple[int, str]]:
    async with ctx.services.sessions() as db:
        rows = (await db.execute(
            select(Message.id, Message.subject, Message.sender_address)
            .where(Message.direction == "in", Message.raw.is_not(None))
            .order_by(Message.id.desc()).limit(20))).all()
    return [(r.id, f"{r.subject or '(ohne Betreff)'} – {r.sender_address or '?'}") for r in rows]


async def _raw(ctx: Ctx, choice: str, path: str) -> bytes | None:
    """The preview's mail: a stored one by id, else the demo mail for the entry."""
    if choice.isdigit():
        async with ctx.services.sessions() as db:
            message = await db.get(Message, int(choice))
        if message is not None and message.raw:
            return message.raw
    kb = ctx.services.knowledge.pipeline.knowledge
    entry = kb.answers.get(path.removeprefix("answers/").removesuffix(".yaml"))
    if entry is not None and entry.intent:
        intent = kb.intent(entry.intent)
        return knowledge_edit.demo_mail(intent.title, intent.examples[0])
    return knowledge_edit.demo_mail("Anfrage", "Können wir an dem Programm teilnehmen?")


async def _current(ctx: Ctx, path: str) -> Any:
    async with ctx.services.sessions() as db:
        return (await knowledge_store.live_records(db)).get(path)


async def _edit_page(request: Request, ctx: Ctx, path: str, *, status: int = 200,
                     parts: list[Statement] | None = None, error: str | None = None,
                     checked: Checked | None = None, comment: str = "",
                     mail: str = "demo") -> Response:
    record = await _current(ctx, path)
    if record is None or record.text is None:
        return await render(request, ctx, "error.html", status=404, title="Nicht gefunden",
                            message="Diesen Eintrag gibt es im Wissen nicht.")
    kb = ctx.services.knowledge.pipeline.knowledge
    entry = kb.entry(next((e.id for s, e in (*kb.answers.items(), *kb.notices.items())
                           if path.endswith(f"/{s}.yaml")), None))
    title = kb.intent(entry.intent).title if entry and entry.intent else path
    return await render(
        request, ctx, "wissen_eintrag.html", status=status, title=f"Wissen: {title}",
        heading=title, entry_path=path, record=record, error=error, checked=checked,
        parts=parts or knowledge_edit.statements(record.text), labels=LANGUAGE_LABELS,
        languages=LANGUAGES, comment=comment, mails=await _mails(ctx), mail=mail)


async def edit(request: Request, ctx: Ctx) -> Response:
    path = request.query_params.get("pfad", "")
    if not _editable(path) or path == PROGRAMME:
        return redirect("/admin/wissen/fakten") if path == PROGRAMME else redirect(
            "/admin/wissen")
    return await _edit_page(request, ctx, path)


def _submitted(ctx: Ctx, count: int) -> list[Statement]:
    return [Statement(texts={lang: ctx.text(f"{lang}_{n}") for lang in LANGUAGES},
                      time_bound=ctx.text(f"time_bound_{n}") == "1",
                      valid_until=ctx.text(f"valid_until_{n}"), as_of=ctx.text(f"as_of_{n}"))
            for n in range(count)]


async def _check(ctx: Ctx, path: str, text: str, raw: bytes | None) -> Checked:
    kb = ctx.services.knowledge.pipeline.knowledge
    entry = kb.answers.get(path.removeprefix("answers/").removesuffix(".yaml")) \
        if path.startswith("answers/") else None
    try:
        return await ctx.services.knowledge.run(
            knowledge_edit.check_candidate, path, text, raw, entry.intent if entry else None,
            budget=CHECK_SECONDS)
    except (Busy, OverBudget):
        return Checked(error="Die Prüfung ist gerade nicht möglich (ausgelastet); bitte gleich "
                             "noch einmal versuchen.")


def _numbers(ctx: Ctx, parts: list[Statement]) -> str | None:
    programme = ctx.services.knowledge.pipeline.knowledge.programme
    typed = sorted({n for p in parts for t in p.texts.values() for n in typed_numbers(t,
                                                                                       programme)})
    if not typed:
        return None
    return (f"Im Text steht eine Zahl des Programms ({', '.join(typed)}). Bitte den Wert aus "
            "den Programmfakten einsetzen, z. B. {{ p.funding.max_amount_eur | eur }}, damit "
            "jede Antwort einer Änderung folgt.")


async def submit(request: Request, ctx: Ctx) -> Response:
    """"Vorschau" or "Speichern" of the edit form."""
    viewer = ctx.staff
    path = ctx.text("pfad")
    record = await _current(ctx, path)
    if not _editable(path) or record is None or record.text is None:
        return redirect("/admin/wissen")
    count = len(knowledge_edit.statements(record.text))
    parts, comment, mail = _submitted(ctx, count), ctx.text("kommentar").strip(), ctx.text("mail")
    again: dict[str, Any] = {"parts": parts, "comment": comment, "mail": mail}
    if ctx.text("basis") != str(record.number):
        return await _edit_page(request, ctx, path, status=409, error=(
            "Inzwischen hat jemand anderes diesen Eintrag geändert. Bitte die aktuelle Fassung "
            "neu laden."), **again)
    try:
        text = knowledge_edit.with_statements(record.text, parts)
    except (KnowledgeError, ValueError) as exc:
        return await _edit_page(request, ctx, path, status=422, error=f"Ungültige Eingabe: {exc}",
                                **again)
    numbers = _numbers(ctx, parts)
    preview = ctx.text("aktion") == "vorschau"
    checked = await _check(ctx, path, text, await _raw(ctx, mail, path) if preview else None)
    error = checked.error and f"Der Text kann so nicht verwendet werden: {checked.error}"
    if preview or error or numbers or not comment:
        problem = error or numbers or (None if preview else
                                       "Bitte beschreiben Sie die Änderung im Feld „Kommentar“.")
        return await _edit_page(request, ctx, path, status=422 if problem else 200,
                                error=problem, checked=checked, **again)
    if text == record.text:
        return await _edit_page(request, ctx, path, status=422,
                                error="Es gibt keine Änderung zu speichern.", **again)
    four_eyes = ctx.services.settings.four_eyes
    async with ctx.services.sessions() as db:
        await knowledge_store.save(db, path, text, author=viewer.actor, comment=comment,
                                   publish=not four_eyes)
    await ctx.services.knowledge.refresh(force=True)
    return redirect("/admin/wissen", hinweis="wartet" if four_eyes else "gespeichert")


async def publish(request: Request, ctx: Ctx) -> Response:
    """A second admin publishes a waiting change (four eyes)."""
    viewer = ctx.staff
    record_id = ctx.number("version")
    try:
        async with ctx.services.sessions() as db:
            await knowledge_store.publish(db, record_id or 0, viewer.actor,
                                          four_eyes=ctx.services.settings.four_eyes)
    except KnowledgeError as exc:
        return await render(request, ctx, "error.html", status=422, title="Nicht veröffentlicht",
                            message=str(exc))
    await ctx.services.knowledge.refresh(force=True)
    return redirect("/admin/wissen", hinweis="veroeffentlicht")


async def versions(request: Request, ctx: Ctx) -> Response:
    path = request.query_params.get("pfad", "")
    async with ctx.services.sessions() as db:
        found = await knowledge_store.versions(db, path)
        live = (await knowledge_store.live_records(db)).get(path)
    if not found or not _editable(path):
        return await render(request, ctx, "error.html", status=404, title="Nicht gefunden",
                            message="Diesen Eintrag gibt es im Wissen nicht.")
    by_number = {r.number: r for r in found}
    a, b = request.query_params.get("a", ""), request.query_params.get("b", "")
    diff = None
    if a.isdigit() and b.isdigit() and int(a) in by_number and int(b) in by_number:
        diff = "".join(difflib.unified_diff(
            (by_number[int(a)].text or "").splitlines(keepends=True),
            (by_number[int(b)].text or "").splitlines(keepends=True),
            f"Version {a}", f"Version {b}")) or "(keine Unterschiede)"
    return await render(request, ctx, "wissen_versionen.html", title=f"Versionen: {path}",
                        entry_path=path, versions=found, live=live, diff=diff, a=a, b=b,
                        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def restore(request: Request, ctx: Ctx) -> Response:
    """"Diese Version wiederherstellen": a new version with the old text, checked first."""
    viewer = ctx.staff
    async with ctx.services.sessions() as db:
        old = await knowledge_store.record(db, ctx.number("version") or 0)
    if old is None or old.text is None or not _editable(old.path):
        return redirect("/admin/wissen")
    checked = await _check(ctx, old.path, old.text, None)
    if checked.error:
        return await render(request, ctx, "error.html", status=422, title="Nicht wiederhergestellt",
                            message=f"Diese Version passt nicht mehr zum übrigen Wissen: "
                                    f"{checked.error}")
    four_eyes = ctx.services.settings.four_eyes
    async with ctx.services.sessions() as db:
        await knowledge_store.save(db, old.path, old.text, author=viewer.actor,
                                   comment=f"Version {old.number} wiederhergestellt",
                                   publish=not four_eyes, action="knowledge_restored")
    await ctx.services.knowledge.refresh(force=True)
    if four_eyes:
        return redirect("/admin/wissen", hinweis="wartet")
    return redirect("/admin/wissen/versionen", pfad=old.path, hinweis="wiederhergestellt")
