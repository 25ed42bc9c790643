"""Corrections make the assistant better: reviewer changes kept as suggestions for the catalogue.

When a reviewer chooses other intents for a mail, or rewrites the answer block of an intent,
the sentence of the mail and the intent are kept as a :class:`Suggestion`. An administrator
accepts or dismisses each one (``assistant intents suggestions``, or the admin page); an accepted
suggestion is appended as a new example to ``intents/<id>.yaml`` *in the store*: a new published
version of that text (:mod:`assistant.history.knowledge_store`), whose comments, order and
quoting stay as they are, checked by reading it back. The source tree is never written (it is
read-only in the container). Every process picks the new version up within seconds; the examples
count for the classifier once the model is retrained ("Modell neu trainieren"). The audit log
records it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.errors import CorrectionError
from assistant.history import knowledge_store
from assistant.history.models import AuditEntry, Suggestion, utcnow

INTENT_CHANGE = "intent_change"
BLOCK_REWRITE = "block_rewrite"
MAX_SENTENCE = 500
_INTENT_ID = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")


def sentences(text: str) -> list[str]:
    """The sentences of a mail's new text, for the reviewer to point at one."""
    found = []
    for part in _SENTENCE_END.split(text or ""):
        part = " ".join(part.split())
        if 8 <= len(part) <= MAX_SENTENCE and part not in found:
            found.append(part)
    return found


def question_sentence(text: str) -> str | None:
    """The first sentence that asks something, else the first sentence."""
    candidates = sentences(text)
    return next((s for s in candidates if s.endswith("?")), candidates[0] if candidates else None)


def _normal(text: str) -> str:
    return " ".join(text.split())


def rewritten_blocks(blocks: Sequence[Mapping[str, Any]], edited: str) -> list[Mapping[str, Any]]:
    """The answer blocks whose text no longer stands unchanged in the edited draft."""
    body = _normal(edited)
    return [b for b in blocks
            if b.get("intent") and b.get("kind") == "answer" and _normal(b.get("text", ""))
            and _normal(b.get("text", "")) not in body]


async def suggest(db: AsyncSession, *, message_id: int | None, sentence: str, intent: str,
                  origin: str, actor: str) -> Suggestion | None:
    """Keep one suggestion (once per mail, sentence and intent); None when there is nothing."""
    sentence = _normal(sentence)[:MAX_SENTENCE]
    if not sentence or not _INTENT_ID.match(intent):
        return None
    existing = (await db.execute(select(Suggestion).where(
        Suggestion.message_id == message_id, Suggestion.intent == intent,
        Suggestion.sentence == sentence))).scalar()
    if existing is not None:
        return None
    row = Suggestion(message_id=message_id, sentence=sentence, intent=intent,
                     created_by=actor.removeprefix("user:"), origin=origin, status="open")
    db.add(row)
    await db.flush()
    db.add(AuditEntry(actor=actor, action="suggestion_created", message_id=message_id,
                      detail={"suggestion": row.id, "intent": intent, "origin": origin}))
    return row


@dataclass(frozen=True, slots=True)
class Accepted:
    suggestion_id: int
    intent: str
    path: str  # the text in the store's knowledge tree, e.g. intents/duration.yaml
    written: bool  # False when the example was already there


def _yaml_string(text: str) -> str:
    # JSON strings are YAML double-quoted scalars; the catalogue quotes its examples that way.
    return json.dumps(text, ensure_ascii=False)


def with_example(original: str, name: str, sentence: str) -> str | None:
    """The text of an intent file (``name`` for messages) with ``sentence`` added to its
    examples, keeping the layout; None when the example is already there. Raises
    :class:`CorrectionError` when the text is not shaped as expected."""
    try:
        data = yaml.safe_load(original)
    except yaml.YAMLError as exc:
        raise CorrectionError(f"{name} kann nicht gelesen werden: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("examples"), list):
        raise CorrectionError(f"{name} hat keine Liste „examples“.")
    sentence = _normal(sentence)
    if sentence in (_normal(str(e)) for e in data["examples"]):
        return None
    lines = original.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^examples\s*:", line)), None)
    if start is None:
        raise CorrectionError(f"{name}: „examples:“ steht nicht am Zeilenanfang.")
    last_item, indent = start, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace() and not line.startswith("-"):
            break  # the next top-level key
        last_item = i
        if indent is None and line.lstrip().startswith("- "):
            indent = line[: len(line) - len(line.lstrip())]
    if indent is None:
        raise CorrectionError(f"{name}: die Beispiele stehen nicht als Liste untereinander.")
    if not lines[last_item].endswith("\n"):
        lines[last_item] += "\n"
    lines.insert(last_item + 1, f"{indent}- {_yaml_string(sentence)}\n")
    updated = "".join(lines)
    if yaml.safe_load(updated) != dict(data, examples=[*data["examples"], sentence]):
        raise CorrectionError(f"{name}: das Beispiel ließ sich nicht sicher einfügen.")
    return updated


async def accept(db: AsyncSession, suggestion_id: int, actor: str) -> Accepted:
    """Add the suggestion's sentence as an example of its intent: a new published version of
    ``intents/<intent>.yaml`` in the store."""
    row = await db.get(Suggestion, suggestion_id)
    if row is None or row.status != "open":
        raise CorrectionError("Dieser Vorschlag ist nicht (mehr) offen.")
    if not _INTENT_ID.match(row.intent):
        raise CorrectionError(f"Unbekanntes Anliegen „{row.intent}“.")
    path = f"intents/{row.intent}.yaml"
    live = (await knowledge_store.live_records(db)).get(path)
    if live is None or live.text is None:
        raise CorrectionError(f"Das Anliegen „{row.intent}“ steht nicht im Katalog des "
                              "Speichers (ist `assistant db upgrade` gelaufen?).")
    updated = with_example(live.text, path, row.sentence)
    row.status, row.decided_by, row.decided_at = "accepted", actor.removeprefix("user:"), utcnow()
    db.add(AuditEntry(actor=actor, action="suggestion_accepted", message_id=row.message_id,
                      detail={"suggestion": row.id, "intent": row.intent, "file": path,
                              "written": updated is not None}))
    if updated is None:
        await db.commit()
    else:
        await knowledge_store.save(db, path, updated, author=actor, publish=True,
                                   comment=f"Beispiel aus Vorschlag {row.id} übernommen",
                                   action="knowledge_example_added")
    return Accepted(row.id, row.intent, path, updated is not None)


async def dismiss(db: AsyncSession, suggestion_id: int, actor: str) -> None:
    row = await db.get(Suggestion, suggestion_id)
    if row is None or row.status != "open":
        raise CorrectionError("Dieser Vorschlag ist nicht (mehr) offen.")
    row.status, row.decided_by, row.decided_at = "dismissed", actor.removeprefix("user:"), utcnow()
    db.add(AuditEntry(actor=actor, action="suggestion_dismissed", message_id=row.message_id,
                      detail={"suggestion": row.id, "intent": row.intent}))
    await db.commit()


async def listing(db: AsyncSession, status: str | None = "open") -> list[Suggestion]:
    query = select(Suggestion).order_by(Suggestion.created_at, Suggestion.id)
    if status:
        query = query.where(Suggestion.status == status)
    return list((await db.execute(query)).scalars())
