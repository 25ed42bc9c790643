"""Mails whose intents staff confirmed: the store's labelled mails, for retraining the model.

A draft that staff approved (and that was sent, or is being sent) confirms the intents it
answers: the intents of the mail's understanding, or — after "Neu entwerfen mit anderen
Anliegen" — the ones staff chose in the latest redraft (the audit log keeps them). Mails whose
raw text the privacy purge removed are left out; so are drafts without any intent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.history.models import AuditEntry, Draft, Message, UnderstandingRecord

# Draft states after a staff approval ("failed": approved, its delivery failed).
CONFIRMED = ("approved", "sent", "failed")


@dataclass(frozen=True, slots=True)
class Confirmed:
    """One mail with the intents staff confirmed for it."""

    message_id: int
    conversation_id: int
    raw: bytes
    intents: tuple[str, ...]


def _ids(items: object) -> list[str]:
    if not isinstance(items, list):
        return []
    return [str(i["id"] if isinstance(i, dict) else i) for i in items
            if (i.get("id") if isinstance(i, dict) else i)]


async def confirmed_mails(db: AsyncSession) -> list[Confirmed]:
    """Every mail of an approved draft with its confirmed intents, oldest first."""
    rows = (await db.execute(
        select(Draft.id, Draft.message_id, Draft.conversation_id, Message.raw,
               UnderstandingRecord.intents)
        .join(Message, Message.id == Draft.message_id)
        .outerjoin(UnderstandingRecord, UnderstandingRecord.message_id == Draft.message_id)
        .where(Draft.status.in_(CONFIRMED), Message.raw.is_not(None))
        .order_by(Draft.message_id))).all()
    chosen: dict[int, list[str]] = {}
    for draft_id, detail in (await db.execute(
            select(AuditEntry.draft_id, AuditEntry.detail)
            .where(AuditEntry.action == "draft_redrafted", AuditEntry.draft_id.is_not(None))
            .order_by(AuditEntry.id))).all():
        chosen[draft_id] = _ids((detail or {}).get("intents_after"))  # the latest wins
    out = []
    for row in rows:
        intents = chosen.get(row.id) or _ids(row.intents)
        if intents and row.raw:
            out.append(Confirmed(row.message_id, row.conversation_id, bytes(row.raw),
                                 tuple(dict.fromkeys(intents))))
    return out
