"""What staff decide about a draft, as operations on the store.

Each operation takes the draft's ``revision`` that the person saw and changes the draft only if
it is still that revision and still pending (compare-and-set in one UPDATE), so two reviewers
never overwrite each other unnoticed; each writes an audit entry with the person's name. A
refusal is a :class:`Refused` with a German message and, where it belongs to one, the form field.

Approving only marks the draft ``approved``; the outbound stage composes and sends the reply.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.draft import placeholders
from assistant.errors import Busy, OverBudget, Refused
from assistant.history import context, recipient
from assistant.history.db import rowcount
from assistant.history.models import (
    AuditEntry,
    Conversation,
    Draft,
    Message,
    UnderstandingRecord,
    User,
    utcnow,
)
from assistant.review import corrections, four_eyes
from assistant.review.four_eyes import Sensitive
from assistant.settings import Settings
from assistant.web.auth import Viewer

if TYPE_CHECKING:
    from assistant import values
    from assistant.flow import Pipeline

MAX_TEXT = 50_000
MAX_INTENTS = 6


# Where the reply goes (:mod:`assistant.history.recipient`): refusals of an approval, and the
# form field in which the reviewer confirms an address that needs it.
CONFIRM_FIELD = "confirm_recipient"
NO_ADDRESS = ("Für diese Anfrage gibt es keine Adresse, an die eine Antwort sicher gehen kann. "
              "Bitte beantworten Sie sie auf anderem Weg und markieren Sie sie als anderweitig "
              "beantwortet.")
NOT_CONFIRMED = "Bitte bestätigen Sie ausdrücklich, dass die Antwort an {address} gehen soll."
BUSY = ("Gerade werden sehr viele Entwürfe und Chat-Antworten berechnet. Bitte versuchen Sie "
        "es in einigen Sekunden noch einmal.")
TOO_SLOW = ("Der neue Entwurf brauchte zu lange und wurde abgebrochen; der bisherige Entwurf "
            "bleibt. Bitte bearbeiten Sie ihn von Hand.")
STALE = ("Der Entwurf wurde inzwischen geändert oder bearbeitet. Bitte prüfen Sie die aktuelle "
         "Fassung und wiederholen Sie die Aktion.")


def current_text(draft: Draft) -> str:
    return draft.edited_text if draft.edited_text is not None else draft.text


def normalize_text(text: str) -> str:
    """Browsers send CRLF; the store keeps LF and one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip() + "\n" if text.strip() else ""


async def _load(db: AsyncSession, draft_id: int, revision: int) -> Draft:
    draft = await db.get(Draft, draft_id)
    if draft is None:
        raise Refused("Diesen Entwurf gibt es nicht.")
    if draft.status != "pending":
        raise Refused("Dieser Entwurf ist nicht mehr offen (Status: "
                      f"{STATUS_LABELS.get(draft.status, draft.status)}).")
    if draft.revision != revision:
        raise Refused(STALE)
    return draft


async def _store(db: AsyncSession, draft: Draft, revision: int, **values: Any) -> None:
    """Write ``values`` only if the draft is still at ``revision`` and pending."""
    now = utcnow()
    result = await db.execute(
        update(Draft)
        .where(Draft.id == draft.id, Draft.revision == revision, Draft.status == "pending")
        .values(revision=revision + 1, updated_at=now, **values)
        .execution_options(synchronize_session=False))
    if rowcount(result) != 1:
        await db.rollback()
        raise Refused(STALE)
    await db.execute(update(Conversation).where(Conversation.id == draft.conversation_id)
                     .values(updated_at=now))


def _audit(db: AsyncSession, viewer: Viewer, action: str, draft: Draft, **detail: Any) -> None:
    db.add(AuditEntry(actor=viewer.actor, action=action, conversation_id=draft.conversation_id,
                      message_id=draft.message_id, draft_id=draft.id, detail=detail))


async def _understanding(db: AsyncSession, draft: Draft) -> UnderstandingRecord | None:
    return (await db.execute(select(UnderstandingRecord)
                             .where(UnderstandingRecord.message_id == draft.message_id))).scalar()


def _intent_ids(understanding: UnderstandingRecord | None) -> list[str]:
    return [str(i.get("id")) for i in (understanding.intents if understanding else [])
            if isinstance(i, dict) and i.get("id")]


def second_reviewer_reasons(draft: Draft, understanding: UnderstandingRecord | None,
                            settings: Settings, sensitive: Sensitive,
                            text: str | None = None) -> list[str]:
    """Why the four-eyes rule applies to this draft (empty when it is off or does not);
    ``sensitive``: what the knowledge marks as money or eligibility."""
    if not settings.four_eyes:
        return []
    edited = text if text is not None else draft.edited_text
    return four_eyes.reasons(needs_staff=draft.needs_staff, blocks=draft.blocks or [],
                             intents=_intent_ids(understanding), original=draft.text,
                             edited=None if edited == draft.text else edited,
                             heavy_edit_share=settings.heavy_edit_share, sensitive=sensitive)


async def _record_edit(db: AsyncSession, draft: Draft, text: str, viewer: Viewer) -> dict[str, Any]:
    """The column values of an edit, and suggestions for the answer blocks it rewrote."""
    understanding = await _understanding(db, draft)
    evidence = {str(i.get("id")): str(i.get("evidence") or "")
                for i in (understanding.intents if understanding else []) if isinstance(i, dict)}
    for block in corrections.rewritten_blocks(draft.blocks or [], text):
        intent = str(block["intent"])
        if evidence.get(intent):
            await corrections.suggest(db, message_id=draft.message_id, sentence=evidence[intent],
                                      intent=intent, origin=corrections.BLOCK_REWRITE,
                                      actor=viewer.actor)
    _audit(db, viewer, "draft_edited", draft,
           changed_share=four_eyes.changed_share(draft.text, text))
    return {"edited_text": text, "edited_by": viewer.username,
            "approved_by": None, "approved_at": None, "second_approved_by": None}


def _check_text(text: str) -> str:
    text = normalize_text(text)
    if len(text) > MAX_TEXT:
        raise Refused(f"Der Antwortentwurf ist zu lang (höchstens {MAX_TEXT} Zeichen).", "text")
    return text


async def save_edit(db: AsyncSession, draft_id: int, revision: int, text: str,
                    viewer: Viewer) -> bool:
    """Store the reviewer's text beside the original; False when nothing changed."""
    draft = await _load(db, draft_id, revision)
    text = _check_text(text)
    if not text:
        raise Refused("Der Antwortentwurf darf nicht leer sein.", "text")
    if text == current_text(draft):
        return False
    values = await _record_edit(db, draft, text, viewer)
    await _store(db, draft, revision, **values)
    await db.commit()
    return True


@dataclass(frozen=True, slots=True)
class Approval:
    """The result of an approval: either final (the reply is on its way) or the first of two."""

    final: bool
    waiting_reasons: tuple[str, ...] = ()


async def _recipient(db: AsyncSession, draft: Draft, settings: Settings,
                     confirmed: str | None) -> dict[str, Any]:
    """The approval's record of where the reply goes; refused when there is no safe address,
    or when the address needs the reviewer's explicit confirmation and did not get it."""
    message = await db.get(Message, draft.message_id)
    if message is None:
        raise Refused(NO_ADDRESS)
    target = recipient.for_message(message, settings)
    if target.address is None:
        raise Refused(NO_ADDRESS)
    if target.needs_confirmation and confirmed != target.address:
        raise Refused(NOT_CONFIRMED.format(address=target.address),
                      CONFIRM_FIELD)
    return recipient.approval_detail(target, confirmed == target.address)


async def approve(db: AsyncSession, draft_id: int, revision: int, text: str | None,
                  viewer: Viewer, settings: Settings, sensitive: Sensitive,
                  confirmed_recipient: str | None = None) -> Approval:
    """Approve the text (edited or not); final unless the four-eyes rule wants a second person
    (``sensitive``: what the knowledge marks as money or eligibility).

    ``confirmed_recipient`` is the address the reviewer explicitly confirmed; it is required
    (and must be the reply's address) when the address needs a confirmation
    (:mod:`assistant.history.recipient`)."""
    draft = await _load(db, draft_id, revision)
    values: dict[str, Any] = {}
    final_text = current_text(draft)
    approved_by = draft.approved_by
    if text is not None:
        text = _check_text(text)
        if text != final_text:
            problems = placeholders.problems(text)
            if problems:
                raise Refused("Dieser Entwurf kann so nicht freigegeben werden.", "text", problems)
            values = await _record_edit(db, draft, text, viewer)
            final_text, approved_by = text, None
    problems = placeholders.problems(final_text)
    if problems:
        raise Refused("Dieser Entwurf kann so nicht freigegeben werden.", "text", problems)
    sent_to = await _recipient(db, draft, settings, confirmed_recipient)
    understanding = await _understanding(db, draft)
    edited = values.get("edited_text", draft.edited_text)
    reasons = second_reviewer_reasons(draft, understanding, settings, sensitive, edited)
    now = utcnow()
    if reasons and approved_by is None:
        values.update(approved_by=viewer.username, approved_at=now)
        _audit(db, viewer, "draft_approved_first", draft, four_eyes=reasons, **sent_to)
        await _store(db, draft, revision, **values)
        await db.commit()
        return Approval(final=False, waiting_reasons=tuple(reasons))
    if reasons and approved_by == viewer.username:
        raise Refused("Sie haben diesen Entwurf bereits freigegeben. Nach dem Vier-Augen-Prinzip "
                      "muss eine andere Person die zweite Freigabe erteilen.", None, reasons)
    if reasons:
        values.update(second_approved_by=viewer.username)
        approvers = [approved_by, viewer.username]
    else:
        values.update(approved_by=viewer.username, approved_at=now)
        approvers = [viewer.username]
    values["status"] = "approved"
    _audit(db, viewer, "draft_approved", draft, approvers=approvers, four_eyes=reasons,
           **sent_to)
    await _store(db, draft, revision, **values)
    await db.commit()
    return Approval(final=True)


async def reject(db: AsyncSession, draft_id: int, revision: int, reason: str,
                 viewer: Viewer) -> None:
    reason = " ".join(reason.split())
    if len(reason) < 3:
        raise Refused("Bitte geben Sie einen Grund für die Ablehnung an.", "reason")
    draft = await _load(db, draft_id, revision)
    _audit(db, viewer, "draft_rejected", draft)
    await _store(db, draft, revision, status="rejected", rejected_reason=reason[:2000])
    await _close_conversation(db, draft, "closed")
    await db.commit()


async def answered_elsewhere(db: AsyncSession, draft_id: int, revision: int, note: str,
                             viewer: Viewer) -> None:
    draft = await _load(db, draft_id, revision)
    _audit(db, viewer, "draft_answered_elsewhere", draft, note=" ".join(note.split())[:500])
    await _store(db, draft, revision, status="answered_elsewhere")
    await _close_conversation(db, draft, "answered")
    await db.commit()


async def _close_conversation(db: AsyncSession, draft: Draft, status: str) -> None:
    now = utcnow()
    await db.execute(update(Conversation).where(Conversation.id == draft.conversation_id)
                     .values(status=status, closed_at=now, updated_at=now))


async def assign(db: AsyncSession, draft_id: int, username: str, viewer: Viewer) -> str | None:
    """Give the draft's conversation to a colleague (empty name: to nobody)."""
    draft = await db.get(Draft, draft_id)
    if draft is None:
        raise Refused("Diesen Entwurf gibt es nicht.")
    target: str | None = username.strip() or None
    if target is not None:
        user = (await db.execute(select(User).where(User.username == target))).scalar()
        if user is None or not user.active:
            raise Refused("Diese Person gibt es nicht oder ihr Konto ist gesperrt.", "assignee")
    await db.execute(update(Conversation).where(Conversation.id == draft.conversation_id)
                     .values(assigned_to=target, updated_at=utcnow()))
    _audit(db, viewer, "conversation_assigned", draft, assignee=target)
    await db.commit()
    return target


def _blocks_json(blocks: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"kind": b.kind, "text": b.text, "source": b.source, "version": b.version,
             "intent": b.intent, "gap": b.gap} for b in blocks]


def draft_with_intents(pipeline: Pipeline, raw: bytes, intents: Sequence[str],
                       sentence: str, thread: values.Thread | None = None
                       ) -> tuple[values.Draft, str]:
    """The flow's draft for ``raw`` when the mail asks exactly ``intents`` (chosen by staff),
    with what its conversation knew before it (``thread``); and the stamp of the knowledge that
    drafted it (the process that ran it may hold a newer publication than the caller)."""
    from assistant.parse import parse

    return pipeline.redraft(parse(raw), intents, sentence, thread).draft, \
        pipeline.knowledge.stamp


async def redraft(db: AsyncSession, draft_id: int, revision: int, intents: Sequence[str],
                  sentence: str, viewer: Viewer, pipeline: Any,
                  run: Callable[..., Awaitable[Any]] | None = None) -> None:
    """Draft again for the intents staff chose; the chosen intents become suggestions.

    ``run(fn, *args)`` computes ``fn(pipeline, *args)`` (the web app's worker processes, see
    :mod:`assistant.web.compute`); without it, in a thread with ``pipeline``."""
    known = {i.id for i in pipeline.knowledge.intents}
    chosen = list(dict.fromkeys(i for i in intents if i in known))
    if not chosen:
        raise Refused("Bitte wählen Sie mindestens ein Anliegen.", "intents")
    if len(chosen) > MAX_INTENTS:
        raise Refused(f"Bitte wählen Sie höchstens {MAX_INTENTS} Anliegen.", "intents")
    draft = await _load(db, draft_id, revision)
    message = await db.get(Message, draft.message_id)
    if message is None or not message.raw:
        raise Refused("Die ursprüngliche Mail ist nicht mehr gespeichert; ein neuer Entwurf ist "
                      "nicht möglich.")
    understanding = await _understanding(db, draft)
    before = _intent_ids(understanding)
    sentence = " ".join(sentence.split()) or corrections.question_sentence(
        message.new_text or "") or ""
    thread = None
    if message.conversation_id is not None:
        thread = await context.conversation_context(await db.connection(),
                                                    message.conversation_id, before=message.id)
    try:
        if run is None:
            new, stamp = await asyncio.to_thread(draft_with_intents, pipeline, message.raw,
                                                 chosen, sentence, thread)
        else:
            new, stamp = await run(draft_with_intents, message.raw, chosen, sentence, thread)
    except Busy:
        raise Refused(BUSY) from None
    except OverBudget:
        raise Refused(TOO_SLOW) from None
    for intent in chosen:
        if intent not in before and sentence:
            await corrections.suggest(db, message_id=draft.message_id, sentence=sentence,
                                      intent=intent, origin=corrections.INTENT_CHANGE,
                                      actor=viewer.actor)
    _audit(db, viewer, "draft_redrafted", draft, intents_before=before, intents_after=chosen)
    await _store(db, draft, revision, text=new.text, subject=new.subject, language=new.language,
                 blocks=_blocks_json(new.blocks), needs_staff=new.needs_staff,
                 staff_reasons=list(new.staff_reasons),
                 knowledge_version=stamp, edited_text=None, edited_by=None,
                 approved_by=None, approved_at=None, second_approved_by=None)
    await db.commit()


STATUS_LABELS = {
    "pending": "offen",
    "approved": "freigegeben, wird gesendet",
    "rejected": "abgelehnt",
    "sent": "gesendet",
    "failed": "Versand fehlgeschlagen",
    "answered_elsewhere": "anderweitig beantwortet",
}
