"""A conversation: every message in order, and who approved and sent what, when.

The messages (incoming and our replies, with bounces attached) come from ``messages``; the
state of each reply from ``outbox`` and ``drafts``; the trail from ``audit_log``. Like the
inquiry page, everything from a mail is shown as escaped text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from assistant.history.models import AuditEntry, Conversation, Draft, Message, OutboxItem
from assistant.review.decisions import STATUS_LABELS
from assistant.review.inquiry import KIND_LABELS
from assistant.web.routing import Ctx, render

ACTION_LABELS = {
    "mail_processed": "Mail gelesen und verstanden",
    "draft_created": "Entwurf erstellt",
    "draft_limit_reached": "kein Entwurf: Tagesgrenze für diesen Absender erreicht",
    "processing_failed": "Mail konnte nicht verarbeitet werden",
    "bounce_received": "Unzustellbarkeitsmeldung erhalten",
    "loop_ignored": "eigene Mail ignoriert (Schleife)",
    "reply_blocked": "Antwort angehalten: Platzhalter im Text",
    "reply_copy_failed": "Kopie im Gesendet-Ordner fehlgeschlagen",
    "draft_edited": "Entwurf bearbeitet",
    "draft_approved_first": "erste Freigabe (Vier-Augen-Prinzip)",
    "draft_approved": "Entwurf freigegeben",
    "draft_rejected": "Entwurf abgelehnt",
    "draft_redrafted": "Entwurf für andere Anliegen neu erstellt",
    "draft_answered_elsewhere": "als anderweitig beantwortet markiert",
    "conversation_assigned": "Zuständigkeit geändert",
    "suggestion_created": "Vorschlag für den Anliegen-Katalog",
    "reply_queued": "Antwort zum Versand vorbereitet",
    "reply_sent": "Antwort gesendet",
    "reply_retry": "Versand wird wiederholt",
    "reply_failed": "Versand endgültig fehlgeschlagen",
    "reply_uncertain": "Zustellung ungewiss",
    "reply_resend": "erneuter Versand angeordnet",
    "reply_confirmed_sent": "als gesendet bestätigt",
    "reply_copied": "Kopie im Gesendet-Ordner abgelegt",
}
OUTBOX_LABELS = {
    "queued": "wartet auf Versand",
    "sending": "wird gerade gesendet",
    "sent": "gesendet",
    "failed": "Versand fehlgeschlagen",
    "uncertain": "Zustellung ungewiss",
}


def actor_label(actor: str) -> str:
    if actor.startswith("user:"):
        return actor.removeprefix("user:")
    return {"worker": "Assistent", "sender": "Versand", "cli": "Kommandozeile",
            "anonymous": "unbekannt"}.get(actor, actor)


def detail_text(entry: AuditEntry) -> str:
    """A short, plain summary of an audit entry's details."""
    detail: Mapping[str, Any] = entry.detail or {}
    parts = []
    if detail.get("approvers"):
        parts.append("freigegeben von " + " und ".join(str(a) for a in detail["approvers"]))
    if detail.get("intents_after"):
        parts.append("Anliegen: " + ", ".join(str(i) for i in detail["intents_after"]))
    if "assignee" in detail:
        parts.append(f"an {detail['assignee'] or 'niemanden'}")
    if detail.get("error"):
        parts.append(str(detail["error"])[:200])
    if detail.get("note"):
        parts.append(str(detail["note"]))
    if detail.get("attempt"):
        parts.append(f"Versuch {detail['attempt']}")
    return "; ".join(parts)


async def page(request: Request, ctx: Ctx) -> Response:
    conversation_id = request.path_params["conversation_id"]
    async with ctx.services.sessions() as db:
        conversation = await db.get(Conversation, conversation_id)
        if conversation is None:
            return await render(request, ctx, "error.html", status=404, title="Nicht gefunden",
                                message="Dieses Gespräch gibt es nicht.")
        messages = list((await db.execute(
            select(Message).where(Message.conversation_id == conversation_id)
            .order_by(Message.received_at, Message.id))).scalars())
        drafts = list((await db.execute(
            select(Draft).where(Draft.conversation_id == conversation_id)
            .order_by(Draft.id))).scalars())
        outbox = list((await db.execute(
            select(OutboxItem).where(OutboxItem.draft_id.in_([d.id for d in drafts] or [-1]))))
            .scalars())
        trail = list((await db.execute(
            select(AuditEntry).where(AuditEntry.conversation_id == conversation_id)
            .order_by(AuditEntry.at, AuditEntry.id))).scalars())
    by_message_id = {item.message_id: item for item in outbox}
    draft_by_id = {d.id: d for d in drafts}
    replies = {}
    for message in messages:
        item = by_message_id.get(message.message_id or "")
        if message.direction == "out" and item is not None:
            replies[message.id] = {"outbox": item, "draft": draft_by_id.get(item.draft_id)}
    return await render(
        request, ctx, "conversation.html", title=conversation.subject or "Gespräch",
        conversation=conversation, messages=messages, drafts=drafts, replies=replies,
        trail=trail, kind_labels=KIND_LABELS, status_labels=STATUS_LABELS,
        outbox_labels=OUTBOX_LABELS, action_labels=ACTION_LABELS, actor_label=actor_label,
        detail_text=detail_text)
