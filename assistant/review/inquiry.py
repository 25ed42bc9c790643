"""One inquiry: the mail, what the assistant understood and why, the draft editor, the actions.

The mail's new text and its quoted history are shown as text (the history collapsed in a
``<details>``); the mail's HTML is never rendered. Attachments are listed, not offered for
download. The understanding shows the kind, the intents with their confidence and evidence, each
fact with where it came from (stated in the mail, or from the municipality register), and the
verdict with its reasons. The draft sits in one text field labelled "Antwortentwurf", with the
knowledge source of each block listed beside it and every reason that stops an approval.

The POST handlers call :mod:`assistant.review.decisions` and redirect back (303) with a message
code; a refusal renders the page again with the person's text kept and the error tied to the
field it concerns.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from assistant import rules
from assistant.draft import placeholders
from assistant.errors import Refused
from assistant.history import recipient
from assistant.history.models import (
    Conversation,
    Draft,
    Message,
    OutboxItem,
    UnderstandingRecord,
    User,
)
from assistant.review import corrections, decisions
from assistant.review.decisions import current_text
from assistant.review.four_eyes import Sensitive
from assistant.web.auth import Viewer
from assistant.web.routing import Ctx, redirect, render

# Why the reviewer should look at where the reply goes
# (:func:`assistant.history.recipient.for_message`).
RECIPIENT_WARNINGS = {
    "other_address": "Die Antwort geht nicht an die Absenderadresse, sondern an die Adresse aus "
                     "„Reply-To“.",
    "other_domain": "Die Antwortadresse liegt in einer anderen Domain als die Absenderadresse. "
                    "Bitte prüfen Sie, ob sie zur anfragenden Stelle gehört.",
    "name_has_address": "Ein angezeigter Name enthält eine andere E-Mail-Adresse als die, an die "
                        "die Antwort tatsächlich geht.",
    "unused": "„Reply-To“ nennt weitere Adressen; die Antwort geht nur an die erste.",
    "reply_to_unusable": "„Reply-To“ enthält keine brauchbare Adresse; die Antwort geht an die "
                         "Absenderadresse.",
    "line_break": "Ein Name im Absender oder in „Reply-To“ enthielt einen Zeilenumbruch (ein "
                  "Versuch, weitere Empfänger einzuschleusen). Der Name wurde verworfen.",
    "handover": "Adresse nicht bestätigt: Sie wurde im öffentlichen Chat eingegeben, niemand "
                "hat bestätigt, dass sie der fragenden Person gehört.",
    "no_address": "Für diese Anfrage gibt es keine Adresse, an die eine Antwort sicher gehen "
                  "kann.",
}
KIND_LABELS = {
    "inquiry": "Anfrage",
    "acknowledgement": "Dank oder Bestätigung",
    "auto_reply": "automatische Antwort",
    "bounce": "Unzustellbarkeitsmeldung",
    "unparseable": "nicht lesbar",
    "reply": "unsere Antwort",
}
ELIGIBILITY_LABELS = {
    "eligible": "antragsberechtigt",
    "not_eligible": "nicht antragsberechtigt",
    "unknown": "nicht zu entscheiden",
}
BASIS_LABELS = {
    "stated": "nach der Angabe in der Mail",
    "register": "nach dem Gemeindeverzeichnis",
}
# The funding rules as the rule trace names them ("Bundesland geprüft: …").
RULE_LABELS = {
    rules.state.NAME: "Bundesland",
    rules.population_limit.NAME: "Einwohnergrenze",
    rules.cooperation.NAME: "Abstimmung mit anderen Kommunen",
    rules.cap.NAME: "Förderhöchstbetrag",
}
FACT_LABELS = {
    "population": "Einwohnerzahl",
    "amount_eur": "Genannte Fördersumme",
    "municipality": "Gemeinde",
    "state": "Bundesland",
}
REGISTER_FIELDS = {"population": "population", "municipality": "name", "state": "state"}
NOTICES = {
    "gespeichert": "Ihre Änderungen am Antwortentwurf sind gespeichert.",
    "unveraendert": "Der Antwortentwurf war unverändert; es gab nichts zu speichern.",
    "erste_freigabe": "Ihre Freigabe ist gespeichert. Nach dem Vier-Augen-Prinzip muss nun eine "
                      "zweite Person den Entwurf freigeben.",
    "freigegeben": "Der Entwurf ist freigegeben. Die Antwort wird jetzt gesendet.",
    "neu_entworfen": "Der Entwurf wurde für die gewählten Anliegen neu erstellt.",
    "zugewiesen": "Die Zuständigkeit wurde geändert.",
}


def _facts(understanding: UnderstandingRecord | None) -> list[dict[str, Any]]:
    """Each fact with its value and where it came from: the mail, or the register."""
    if understanding is None:
        return []
    facts: Mapping[str, Any] = understanding.facts or {}
    register: Mapping[str, Any] = understanding.register or {}
    evidence: dict[str, str] = {}
    raw_evidence = facts.get("evidence") or []
    if isinstance(raw_evidence, Mapping):
        evidence = {str(k): str(v) for k, v in raw_evidence.items()}
    else:
        for pair in raw_evidence:
            if isinstance(pair, list | tuple) and len(pair) == 2:
                evidence[str(pair[0])] = str(pair[1])
    earlier = {str(f.get("name")): f for f in (understanding.conversation_facts or [])
               if isinstance(f, Mapping) and f.get("message")}
    rows = []
    for name, label in FACT_LABELS.items():
        stated = facts.get(name)
        if stated not in (None, ""):
            rows.append({"label": label, "value": stated, "source": "stated",
                         "evidence": evidence.get(name, "")})
        elif name in earlier:
            # Known from an earlier mail of the conversation: the verdict used it.
            fact = earlier[name]
            rows.append({"label": label, "value": fact.get("value"), "source": "thread",
                         "evidence": str(fact.get("message") or ""),
                         "received": str(fact.get("received") or "")[:10]})
        elif name in REGISTER_FIELDS and register.get(REGISTER_FIELDS[name]) not in (None, ""):
            rows.append({"label": label, "value": register.get(REGISTER_FIELDS[name]),
                         "source": "register", "evidence": ""})
    return rows


def _questions(understanding: UnderstandingRecord | None,
               titles: Mapping[str, str]) -> list[dict[str, Any]]:
    """The mail's questions, each with the titles of the intents found in it (none: for
    staff to answer)."""
    if understanding is None:
        return []
    out = []
    for question in understanding.questions or []:
        if not isinstance(question, Mapping):
            continue
        out.append({"text": str(question.get("text") or ""),
                    "supplied": question.get("role") == "supplied",
                    "intents": [titles.get(str(i), str(i)) for i in question.get("intents") or []]})
    return out


def _blocks(draft: Draft, text: str) -> list[dict[str, Any]]:
    body = " ".join(text.split())
    shown = []
    for block in draft.blocks or []:
        if not isinstance(block, Mapping):
            continue
        kept = " ".join(str(block.get("text", "")).split()) in body
        shown.append({**block, "kept": kept})
    return shown


async def _context(ctx: Ctx, draft_id: int) -> dict[str, Any] | None:
    async with ctx.services.sessions() as db:
        draft = await db.get(Draft, draft_id)
        if draft is None:
            return None
        message = await db.get(Message, draft.message_id)
        conversation = await db.get(Conversation, draft.conversation_id)
        understanding = (await db.execute(select(UnderstandingRecord).where(
            UnderstandingRecord.message_id == draft.message_id))).scalar()
        earlier = list((await db.execute(
            select(Message).where(Message.conversation_id == draft.conversation_id,
                                  Message.id != draft.message_id)
            .order_by(Message.received_at, Message.id))).scalars())
        outbox = (await db.execute(select(OutboxItem).where(OutboxItem.draft_id == draft.id))
                  ).scalar()
        users = list((await db.execute(select(User.username).where(User.active.is_(True))
                                       .order_by(User.username))).scalars())
    return {"draft": draft, "message": message, "conversation": conversation,
            "understanding": understanding, "earlier": earlier, "outbox": outbox, "users": users}


async def _render(request: Request, ctx: Ctx, draft_id: int, *, status: int = 200,
                  error: Refused | None = None, text: str | None = None,
                  form_values: Mapping[str, Any] | None = None) -> Response:
    data = await _context(ctx, draft_id)
    if data is None:
        return await render(request, ctx, "error.html", status=404, title="Nicht gefunden",
                            message="Diesen Entwurf gibt es nicht.")
    draft: Draft = data["draft"]
    understanding: UnderstandingRecord | None = data["understanding"]
    message: Message | None = data["message"]
    settings = ctx.services.settings
    shown_text = text if text is not None else current_text(draft)
    intents = ctx.services.knowledge.intents()
    titles = dict(intents)
    understood = [{"id": str(i.get("id")), "title": titles.get(str(i.get("id")), i.get("id")),
                   "confidence": float(i.get("confidence") or 0),
                   "evidence": str(i.get("evidence") or "")}
                  for i in (understanding.intents if understanding else [])
                  if isinstance(i, Mapping)]
    chosen = [b.get("intent") for b in (draft.blocks or []) if isinstance(b, Mapping)
              and b.get("intent")] or [i["id"] for i in understood]
    target = recipient.for_message(message, settings) if message is not None else None
    return await render(
        request, ctx, "inquiry.html", status=status, target=target,
        recipient_warnings=RECIPIENT_WARNINGS, confirm_field=decisions.CONFIRM_FIELD,
        title=(message.subject if message and message.subject else "Anfrage ohne Betreff"),
        **data, text=shown_text, blocks=_blocks(draft, shown_text),
        problems=placeholders.problems(current_text(draft)),
        four_eyes=decisions.second_reviewer_reasons(draft, understanding, settings,
                                                    _sensitive(ctx)),
        understood=understood, facts=_facts(understanding), intents=intents, chosen=chosen,
        questions=_questions(understanding, titles),
        sentences=corrections.sentences(message.new_text or "") if message else [],
        kind_labels=KIND_LABELS, eligibility_labels=ELIGIBILITY_LABELS,
        basis_labels=BASIS_LABELS, rule_labels=RULE_LABELS,
        status_labels=decisions.STATUS_LABELS,
        error=error, form=form_values or {},
        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def page(request: Request, ctx: Ctx) -> Response:
    """The inquiry page."""
    return await _render(request, ctx, request.path_params["draft_id"])


def _sensitive(ctx: Ctx) -> Sensitive:
    """What the knowledge marks as money or eligibility (the four-eyes rule)."""
    return Sensitive.of(ctx.services.knowledge.pipeline.knowledge)


def _revision(ctx: Ctx) -> int:
    revision = ctx.number("revision")
    if revision is None:
        raise Refused(decisions.STALE)
    return revision


async def save(request: Request, ctx: Ctx) -> Response:
    """Store the edited text beside the original."""
    draft_id = request.path_params["draft_id"]
    text = ctx.text("text")
    try:
        async with ctx.services.sessions() as db:
            changed = await decisions.save_edit(db, draft_id, _revision(ctx), text, ctx.staff)
    except Refused as refused:
        return await _render(request, ctx, draft_id, status=422, error=refused, text=text)
    return redirect(f"/drafts/{draft_id}", hinweis="gespeichert" if changed else "unveraendert")


async def approve(request: Request, ctx: Ctx) -> Response:
    """Approve (and with it send) the text as it stands in the editor (without a text field:
    the stored text)."""
    draft_id = request.path_params["draft_id"]
    text = ctx.text("text") if ctx.form is not None and "text" in ctx.form else None
    confirmed = ctx.text(decisions.CONFIRM_FIELD) or None
    try:
        async with ctx.services.sessions() as db:
            outcome = await decisions.approve(db, draft_id, _revision(ctx), text, ctx.staff,
                                              ctx.services.settings, _sensitive(ctx), confirmed)
    except Refused as refused:
        return await _render(request, ctx, draft_id, status=422, error=refused, text=text)
    if outcome.final:
        ctx.services.wake_sender()
        return redirect(f"/drafts/{draft_id}", hinweis="freigegeben")
    return redirect(f"/drafts/{draft_id}", hinweis="erste_freigabe")


Closing = Callable[[AsyncSession, int, int, str, Viewer], Awaitable[None]]


async def _close(request: Request, ctx: Ctx, action: Closing, field: str, notice: str) -> Response:
    """Close the draft with ``action`` and the text of ``field`` (a reason, a note); back to the
    queue with ``notice``, or the page again with the refusal next to the field."""
    assert ctx.viewer is not None
    draft_id = request.path_params["draft_id"]
    text = ctx.text(field)
    try:
        async with ctx.services.sessions() as db:
            await action(db, draft_id, _revision(ctx), text, ctx.staff)
    except Refused as refused:
        return await _render(request, ctx, draft_id, status=422, error=refused,
                             form_values={field: text})
    return redirect("/", hinweis=notice)


async def reject(request: Request, ctx: Ctx) -> Response:
    return await _close(request, ctx, decisions.reject, "reason", "abgelehnt")


async def elsewhere(request: Request, ctx: Ctx) -> Response:
    return await _close(request, ctx, decisions.answered_elsewhere, "note", "anderweitig")


async def redraft(request: Request, ctx: Ctx) -> Response:
    draft_id = request.path_params["draft_id"]
    assert ctx.form is not None
    chosen = [v for v in ctx.form.getlist("intents") if isinstance(v, str)]
    sentence = ctx.text("sentence")
    try:
        async with ctx.services.sessions() as db:
            await decisions.redraft(db, draft_id, _revision(ctx), chosen, sentence, ctx.staff,
                                    ctx.services.knowledge.pipeline, run=functools.partial(
                                        ctx.services.knowledge.run,
                                        budget=ctx.services.settings.redraft_seconds))
    except Refused as refused:
        return await _render(request, ctx, draft_id, status=422, error=refused,
                             form_values={"intents": chosen, "sentence": sentence})
    return redirect(f"/drafts/{draft_id}", hinweis="neu_entworfen")


async def assign(request: Request, ctx: Ctx) -> Response:
    draft_id = request.path_params["draft_id"]
    assignee = ctx.text("assignee")
    try:
        async with ctx.services.sessions() as db:
            await decisions.assign(db, draft_id, assignee, ctx.staff)
    except Refused as refused:
        return await _render(request, ctx, draft_id, status=422, error=refused)
    return redirect(f"/drafts/{draft_id}", hinweis="zugewiesen")
