"""The outbox as staff see it: replies waiting, failed for good, or of uncertain delivery.

A reply fails for good when the mail server refused it permanently or after
``ASSISTANT_SEND_ATTEMPTS`` attempts; staff can send it again once the cause is fixed. A reply is
*uncertain* when the sender stopped between handing it to the mail server and recording the
answer (the process died, or the connection broke after the message was transmitted): the
sender never repeats such a reply by itself, because that could deliver it twice. Staff check
(the mail server's log, the Sent folder, or the recipient) and either confirm it as sent or,
ticking that they checked it did not arrive, send it again. Both are recorded in the audit log.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from assistant.history.db import rowcount
from assistant.history.models import (
    AuditEntry,
    Conversation,
    Draft,
    Message,
    OutboxItem,
    utcnow,
)
from assistant.review.conversation import OUTBOX_LABELS
from assistant.web.routing import Ctx, redirect, render

NOTICES = {
    "erneut": "Die Antwort wird erneut gesendet.",
    "bestaetigt": "Die Antwort ist als gesendet vermerkt.",
}
OPEN_STATES = ("queued", "sending", "failed", "uncertain")


async def _page(request: Request, ctx: Ctx, *, status: int = 200, error: str | None = None,
                error_item: int | None = None) -> Response:
    async with ctx.services.sessions() as db:
        rows = (await db.execute(
            select(OutboxItem, Draft.conversation_id, Message.subject)
            .join(Draft, Draft.id == OutboxItem.draft_id)
            .join(Message, Message.id == Draft.message_id)
            .where(OutboxItem.status.in_(OPEN_STATES))
            .order_by(OutboxItem.created_at, OutboxItem.id))).all()
        recent = (await db.execute(
            select(OutboxItem, Draft.conversation_id, Message.subject)
            .join(Draft, Draft.id == OutboxItem.draft_id)
            .join(Message, Message.id == Draft.message_id)
            .where(OutboxItem.status == "sent")
            .order_by(OutboxItem.sent_at.desc(), OutboxItem.id.desc()).limit(20))).all()
    return await render(request, ctx, "sending.html", status=status, title="Versand",
                        rows=rows, recent=recent, labels=OUTBOX_LABELS, error=error,
                        error_item=error_item,
                        notice=NOTICES.get(request.query_params.get("hinweis", "")))


async def page(request: Request, ctx: Ctx) -> Response:
    return await _page(request, ctx)


CHANGED = "Der Versandstatus hat sich inzwischen geändert."


async def _moved(db: AsyncSession, item: OutboxItem, **values: Any) -> bool:
    """Set ``values`` on the outbox row only while it still has the status staff saw (a
    compare-and-set: the sender may have moved it meanwhile); False when it had moved."""
    result = await db.execute(
        update(OutboxItem).where(OutboxItem.id == item.id, OutboxItem.status == item.status)
        .values(**values).execution_options(synchronize_session=False))
    return bool(rowcount(result) == 1)


async def retry(request: Request, ctx: Ctx) -> Response:
    """Send a failed or uncertain reply again (uncertain ones only with the check ticked)."""
    assert ctx.viewer is not None
    item_id = request.path_params["item_id"]
    async with ctx.services.sessions() as db:
        item = await db.get(OutboxItem, item_id)
        if item is None or item.status not in ("failed", "uncertain"):
            return await _page(request, ctx, status=409, error_item=item_id,
                               error="Diese Antwort kann nicht erneut gesendet werden.")
        if item.status == "uncertain" and ctx.text("checked") != "1":
            return await _page(request, ctx, status=422, error_item=item_id,
                               error="Bitte bestätigen Sie, dass Sie geprüft haben, dass die "
                                     "Antwort nicht angekommen ist. Sonst erhält die Gemeinde "
                                     "sie womöglich zweimal.")
        if not await _moved(db, item, status="queued", attempts=0, next_attempt_at=utcnow(),
                            lease_until=None, lease_owner=None):
            return await _page(request, ctx, status=409, error_item=item_id, error=CHANGED)
        draft = await db.get(Draft, item.draft_id)
        await db.execute(update(Draft).where(Draft.id == item.draft_id)
                         .values(status="approved", updated_at=utcnow()))
        db.add(AuditEntry(actor=ctx.viewer.actor, action="reply_resend",
                          conversation_id=draft.conversation_id if draft else None,
                          draft_id=item.draft_id, detail={"was": item.status}))
        await db.commit()
    ctx.services.wake_sender()
    return redirect("/sending", hinweis="erneut")


async def confirm(request: Request, ctx: Ctx) -> Response:
    """Record an uncertain reply as sent, after staff checked that it arrived."""
    assert ctx.viewer is not None
    item_id = request.path_params["item_id"]
    now = utcnow()
    async with ctx.services.sessions() as db:
        item = await db.get(OutboxItem, item_id)
        if item is None or item.status != "uncertain":
            return await _page(request, ctx, status=409, error_item=item_id,
                               error="Nur Antworten mit ungewisser Zustellung lassen sich so "
                                     "bestätigen.")
        if not await _moved(db, item, status="sent", sent_at=now, lease_until=None):
            return await _page(request, ctx, status=409, error_item=item_id, error=CHANGED)
        draft = await db.get(Draft, item.draft_id)
        await db.execute(update(Draft).where(Draft.id == item.draft_id)
                         .values(status="sent", sent_at=now, updated_at=now))
        if draft is not None:
            await db.execute(update(Conversation).where(Conversation.id == draft.conversation_id)
                             .values(status="answered", updated_at=now))
        db.add(AuditEntry(actor=ctx.viewer.actor, action="reply_confirmed_sent",
                          conversation_id=draft.conversation_id if draft else None,
                          draft_id=item.draft_id, detail={}))
        await db.commit()
    return redirect("/sending", hinweis="bestaetigt")
