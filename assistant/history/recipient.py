"""Where the reply to a stored inquiry goes: one function for the inquiry page, the approval and
the sender, so that the address a reviewer sees is the address the reply is sent to.

:func:`for_message` reads the stored mail's From and Reply-To
(:func:`assistant.parse.recipient.reply_target`) and marks a chat hand-over, whose address
nobody has confirmed. When the target needs a confirmation (another domain than the From
address's, an address hidden in a display name, a chat hand-over), an approval must carry the
reviewer's explicit confirmation of exactly that address; the approval's audit entry records
the address and the confirmation, and the sender sends such a reply only when the draft's last
approval confirmed the address it is about to use.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.history.models import AuditEntry, Message
from assistant.parse.recipient import ReplyTarget, reply_target
from assistant.settings import Settings

HANDOVER_SOURCE = "chat"  # assistant.chat.handover stores hand-overs with this source
APPROVALS = ("draft_approved_first", "draft_approved")

def for_message(message: Message, settings: Settings) -> ReplyTarget:
    """Where the reply to this stored inquiry goes (None as address: nowhere safe)."""
    return reply_target(message.raw, settings.own_addresses, stored=message.sender_address,
                        stored_name=message.sender_name or "",
                        handover=message.source == HANDOVER_SOURCE)


def approval_detail(target: ReplyTarget, confirmed: bool) -> dict[str, Any]:
    """What an approval's audit entry records about the recipient."""
    return {"recipient": target.address, "recipient_confirmed": confirmed}


async def confirmed_by_last_approval(db: AsyncSession, draft_id: int,
                                     target: ReplyTarget) -> bool:
    """True when the draft's last approval explicitly confirmed ``target.address``."""
    detail = (await db.execute(
        select(AuditEntry.detail)
        .where(AuditEntry.draft_id == draft_id, AuditEntry.action.in_(APPROVALS))
        .order_by(AuditEntry.id.desc()).limit(1))).scalar()
    return (isinstance(detail, dict) and detail.get("recipient_confirmed") is True
            and target.address is not None and detail.get("recipient") == target.address)
