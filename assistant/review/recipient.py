"""Where the reply to an inquiry goes: one function for the inquiry page, the approval and the
sender, so that the address a reviewer sees is the address the reply is sent to.

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
CONFIRM_FIELD = "confirm_recipient"
APPROVALS = ("draft_approved_first", "draft_approved")

WARNINGS = {
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
NO_ADDRESS = ("Für diese Anfrage gibt es keine Adresse, an die eine Antwort sicher gehen kann. "
              "Bitte beantworten Sie sie auf anderem Weg und markieren Sie sie als anderweitig "
              "beantwortet.")
NOT_CONFIRMED = "Bitte bestätigen Sie ausdrücklich, dass die Antwort an {address} gehen soll."


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
