"""The state of "Modell neu trainieren", kept in the audit log so that every web process and a
reloaded page see it: a training is *started*, then *finished* (its candidate model a draft
version of ``intents/model.json`` in the store, with the figures) or *failed* (with the reason).
A started training without an end after its time budget is shown as *stopped* (its web process
ended), and a new one may start. One training at a time: starting takes the lock of the
publication counter's row, so two web processes cannot start two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.errors import KnowledgeError
from assistant.history import knowledge_store
from assistant.history.models import AuditEntry, KnowledgeRecord, KnowledgeState, utcnow

MODEL = "intents/model.json"
STARTED, FINISHED, FAILED = ("model_training_started", "model_training_finished",
                             "model_training_failed")
PUBLISHED, DISCARDED = "model_published", "model_discarded"
RUNNING, STOPPED = "running", "stopped"
# Grace beyond the budget before a training without an end counts as stopped.
GRACE_SECONDS = 60.0


@dataclass
class Training:
    run: int
    started_by: str
    started_at: datetime
    state: str  # running, finished, failed, stopped
    finished_at: datetime | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    record_id: int | None = None


def _age(at: datetime) -> float:
    return (utcnow() - (at if at.tzinfo else at.replace(tzinfo=UTC))).total_seconds()


async def latest(db: AsyncSession, budget: float) -> Training | None:
    """The newest training and its state."""
    start = (await db.execute(select(AuditEntry).where(AuditEntry.action == STARTED)
                              .order_by(AuditEntry.id.desc()).limit(1))).scalar()
    if start is None:
        return None
    training = Training(start.id, start.actor.removeprefix("user:"), start.at, RUNNING)
    ends = (await db.execute(select(AuditEntry).where(
        AuditEntry.action.in_((FINISHED, FAILED)), AuditEntry.id > start.id)
        .order_by(AuditEntry.id))).scalars()
    end = next((e for e in ends if (e.detail or {}).get("run") == start.id), None)
    if end is not None:
        training.state = "finished" if end.action == FINISHED else "failed"
        training.finished_at = end.at
        training.figures = dict(end.detail.get("figures") or {})
        training.error = end.detail.get("error")
        training.record_id = end.detail.get("record")
    elif _age(start.at) > budget + GRACE_SECONDS:
        training.state = STOPPED
    return training


async def start(db: AsyncSession, actor: str, budget: float) -> int:
    """Record a new training (the run's number); :class:`KnowledgeError` while one runs."""
    # Lock the counter's row (on PostgreSQL; SQLite has one writer anyway) for the check.
    await db.execute(update(KnowledgeState).where(KnowledgeState.id == 1)
                     .values(publication=KnowledgeState.publication))
    current = await latest(db, budget)
    if current is not None and current.state == RUNNING:
        await db.rollback()
        raise KnowledgeError("Es läuft bereits ein Training; bitte warten, bis es fertig ist.")
    entry = AuditEntry(actor=actor, action=STARTED, detail={})
    db.add(entry)
    await db.commit()
    return entry.id


async def finish(db: AsyncSession, run: int, model: str, figures: dict[str, Any],
                 actor: str) -> int:
    """Keep the candidate as a draft version of the model (the previous candidate is discarded)
    and the figures; returns the version's id."""
    saved = await knowledge_store.save(
        db, MODEL, model, author=actor, comment=f"Modell neu trainiert (Training {run})",
        publish=False, action="model_candidate_saved")
    db.add(AuditEntry(actor=actor, action=FINISHED, detail={
        "run": run, "record": saved.record.id, "figures": figures}))
    await db.commit()
    return saved.record.id


async def fail(db: AsyncSession, run: int, error: str) -> None:
    db.add(AuditEntry(actor="web", action=FAILED, detail={"run": run, "error": error[:2000]}))
    await db.commit()


async def candidate(db: AsyncSession, record_id: int) -> KnowledgeRecord:
    """A candidate model still waiting for its publication."""
    row = await knowledge_store.record(db, record_id)
    if row is None or row.path != MODEL or row.status != knowledge_store.DRAFT:
        raise KnowledgeError("Dieses Modell wartet nicht (mehr) auf die Veröffentlichung.")
    return row


async def publish(db: AsyncSession, record_id: int, actor: str, *, four_eyes: bool) -> int:
    """Publish the candidate (under the four-eyes rule not by who started the training)."""
    row = await candidate(db, record_id)
    db.add(AuditEntry(actor=actor, action=PUBLISHED, detail={"record": row.id,
                                                             "version": row.number}))
    return await knowledge_store.publish(db, row.id, actor, four_eyes=four_eyes)


async def discard(db: AsyncSession, record_id: int, actor: str) -> None:
    row = await candidate(db, record_id)
    row.status = knowledge_store.DISCARDED
    db.add(AuditEntry(actor=actor, action=DISCARDED, detail={"record": row.id,
                                                             "version": row.number}))
    await db.commit()
