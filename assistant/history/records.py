"""The flow's frozen values as table rows: what :mod:`assistant.history.store` writes.

Plain functions from :mod:`assistant.values` to dictionaries of column values. Text is cut to
the column's length and cleared of NUL characters (PostgreSQL refuses them in text), so that a
strange mail can never make its own record fail.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, overload

from assistant.values import Draft, Mail, Understanding, Verdict


def clean(value: str | None, length: int | None = None) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", "")
    return value[:length] if length else value


def clean_json(value: Any) -> Any:
    """Strings inside lists and dicts without NUL characters."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {k: clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_json(v) for v in value]
    return value


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
def as_utc(value: datetime | None) -> datetime | None:
    """A stored moment in UTC: SQLite hands back datetimes without a zone (the store writes
    UTC, so say so); others are converted."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def message_fields(mail: Mail) -> dict[str, Any]:
    """The parsed fields of an incoming message."""
    sender = mail.sender
    return {
        "message_id": clean(mail.message_id, 998),
        "in_reply_to": clean(mail.in_reply_to, 998),
        "references": clean_json(list(mail.references)),
        "sender_address": clean(sender.address.lower(), 320) if sender else None,
        "sender_name": clean(sender.name, 300) if sender else None,
        "recipients": clean_json([{"address": a.address, "name": a.name}
                                  for a in mail.recipients]),
        "subject": clean(mail.subject, 998),
        "date": mail.date if mail.date is None or mail.date.tzinfo else
        mail.date.replace(tzinfo=UTC),
        "language": clean(mail.language, 5),
        "new_text": clean(mail.new_text),
        "quoted_text": clean(mail.quoted),
        "signature": clean(mail.signature),
        "attachments": clean_json([{"filename": a.filename, "content_type": a.content_type,
                                    "size": a.size} for a in mail.attachments]),
        "problems": clean_json(list(mail.problems)),
    }


def understanding_row(understanding: Understanding, verdict: Verdict | None,
                      knowledge_version: str) -> dict[str, Any]:
    facts = understanding.facts
    register = understanding.register
    return clean_json({
        "kind": understanding.kind.value,
        "kind_reason": (understanding.kind_reason or "")[:300],
        "language": (understanding.language or "de")[:5],
        "intents": [{"id": i.id, "confidence": i.confidence, "evidence": i.evidence}
                    for i in understanding.intents],
        "abstained": understanding.abstained,
        "questions": [{"text": q.text[:600], "intents": list(q.intents), "role": q.role}
                      for q in understanding.questions],
        "conversation_facts": [{"name": f.name, "value": f.value, "message": f.message[:998],
                                "received": f.received}
                               for f in understanding.conversation_facts],
        "facts": {"population": facts.population, "amount_eur": facts.amount_eur,
                  "municipality": facts.municipality, "state": facts.state,
                  "evidence": [list(pair) for pair in facts.evidence]},
        "register": None if register is None else {
            "ags": register.ags, "name": register.name, "kind": register.kind,
            "district": register.district, "state": register.state,
            "population": register.population, "ambiguous": register.ambiguous},
        "eligibility": verdict.eligibility.value if verdict else None,
        "eligibility_basis": verdict.basis if verdict else None,
        # The rule trace: every check in order, fired or passed (``outcome`` "passed").
        "findings": [{"rule": f.rule, "outcome": f.outcome, "fired": f.fired,
                      "reason_de": f.reason_de, "reason_en": f.reason_en}
                     for f in verdict.checks] if verdict else [],
        "knowledge_version": knowledge_version[:40],
    })


def draft_row(draft: Draft, knowledge_version: str) -> dict[str, Any]:
    return clean_json({
        "status": "pending",
        "language": draft.language[:5],
        "subject": draft.subject[:998],
        "text": draft.text,
        "blocks": [{"kind": b.kind, "text": b.text, "source": b.source, "version": b.version,
                    "intent": b.intent, "gap": b.gap} for b in draft.blocks],
        "needs_staff": draft.needs_staff,
        "staff_reasons": list(draft.staff_reasons),
        "knowledge_version": knowledge_version[:40],
    })


def place(understanding: Understanding | None) -> tuple[str | None, str | None]:
    """(municipality, district) of the sender as far as the understanding knows."""
    if understanding is None:
        return None, None
    if understanding.register is not None:
        return understanding.register.name[:200], understanding.register.district[:200] or None
    town = understanding.facts.municipality
    return (clean(town, 200), None) if town else (None, None)
