"""The knowledge in the store: versions of the knowledge tree's texts, and their publication.

Every text of the tree (:mod:`assistant.knowledge.source`) is a row per version in
``knowledge_records``; ``knowledge_state`` counts the publications. An edit adds a version; it
goes live when it is *published* — at once, or under the four-eyes rule when a second admin
publishes it — which raises the counter in the same transaction. Every process that reads the
knowledge from the store polls the counter (:mod:`assistant.history.live_knowledge`) and loads
the published texts when it moved.

Nothing is ever overwritten: restoring a version adds a new one with its text; an import adds
one per changed file. Each change is in the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.errors import KnowledgeError
from assistant.history.models import AuditEntry, KnowledgeRecord, KnowledgeState, utcnow
from assistant.knowledge.source import Change, changes

DRAFT, PUBLISHED, DISCARDED = "draft", "published", "discarded"
SEED_AUTHOR = "seed"


async def publication(db: AsyncSession) -> int:
    """The number of the latest publication (0: the store holds no knowledge yet)."""
    return (await db.execute(select(KnowledgeState.publication)
                             .where(KnowledgeState.id == 1))).scalar() or 0


async def live_records(db: AsyncSession) -> dict[str, KnowledgeRecord]:
    """Each path's live version (its published version with the highest publication)."""
    latest = (select(KnowledgeRecord.path, func.max(KnowledgeRecord.publication).label("pub"))
              .where(KnowledgeRecord.status == PUBLISHED)
              .group_by(KnowledgeRecord.path).subquery())
    rows = (await db.execute(select(KnowledgeRecord).join(
        latest, (KnowledgeRecord.path == latest.c.path)
        & (KnowledgeRecord.publication == latest.c.pub)))).scalars()
    return {r.path: r for r in rows}


async def published_texts(db: AsyncSession) -> tuple[dict[str, str], int]:
    """The live tree and the publication it belongs to, read in one transaction."""
    number = await publication(db)
    records = await live_records(db)
    return {p: r.text for p, r in records.items() if r.text is not None}, number


async def versions(db: AsyncSession, path: str) -> list[KnowledgeRecord]:
    """Every version of one path, newest first."""
    return list((await db.execute(select(KnowledgeRecord).where(KnowledgeRecord.path == path)
                                  .order_by(KnowledgeRecord.number.desc()))).scalars())


async def record(db: AsyncSession, record_id: int) -> KnowledgeRecord | None:
    return await db.get(KnowledgeRecord, record_id)


async def drafts(db: AsyncSession) -> list[KnowledgeRecord]:
    """Versions waiting for a second admin to publish them, oldest first."""
    return list((await db.execute(select(KnowledgeRecord).where(KnowledgeRecord.status == DRAFT)
                                  .order_by(KnowledgeRecord.id))).scalars())


async def _next_publication(db: AsyncSession) -> int:
    """Raise the counter (the row lock orders concurrent publications) and return it."""
    await db.execute(update(KnowledgeState).where(KnowledgeState.id == 1).values(
        publication=KnowledgeState.publication + 1, changed_at=utcnow()))
    return await publication(db)


async def _next_number(db: AsyncSession, path: str) -> int:
    found = (await db.execute(select(func.max(KnowledgeRecord.number))
                              .where(KnowledgeRecord.path == path))).scalar()
    return (found or 0) + 1


async def seed(db: AsyncSession, texts: Mapping[str, str]) -> bool:
    """Import ``texts`` (the folders) as publication 1 into an empty store; False when the
    store holds knowledge already (or another process seeded it meanwhile). The versions say
    so (author ``seed``); it is no staff change, so the audit log has no entry."""
    if await publication(db) > 0:
        return False
    now = utcnow()
    try:
        number = await _next_publication(db)
        if number != 1:
            await db.rollback()
            return False
        for path in sorted(texts):
            db.add(KnowledgeRecord(path=path, number=1, text=texts[path], author=SEED_AUTHOR,
                                   created_at=now, comment="aus den Ordnern übernommen",
                                   status=PUBLISHED, published_by=SEED_AUTHOR, published_at=now,
                                   publication=number))
        await db.commit()
    except IntegrityError:
        await db.rollback()
        return False
    return True


@dataclass(frozen=True, slots=True)
class Saved:
    record: KnowledgeRecord
    published: bool


async def save(db: AsyncSession, path: str, text: str, *, author: str, comment: str,
               publish: bool, action: str = "knowledge_saved") -> Saved:
    """A new version of ``path``; published at once when ``publish``, else a draft for a
    second admin (an earlier draft of the path is discarded). Commits."""
    if not comment.strip():
        raise KnowledgeError("a change needs a comment")
    for old in (await db.execute(select(KnowledgeRecord).where(
            KnowledgeRecord.path == path, KnowledgeRecord.status == DRAFT))).scalars():
        old.status = DISCARDED
    row = KnowledgeRecord(path=path, number=await _next_number(db, path), text=text,
                          author=author.removeprefix("user:"), comment=comment.strip(),
                          status=DRAFT, created_at=utcnow())
    db.add(row)
    await db.flush()
    db.add(AuditEntry(actor=author, action=action, detail={
        "path": path, "version": row.number, "comment": row.comment}))
    if publish:
        await _publish(db, row, author)
    await db.commit()
    return Saved(row, publish)


async def _publish(db: AsyncSession, row: KnowledgeRecord, actor: str) -> None:
    row.status, row.published_by, row.published_at = PUBLISHED, actor.removeprefix("user:"), \
        utcnow()
    row.publication = await _next_publication(db)
    db.add(AuditEntry(actor=actor, action="knowledge_published", detail={
        "path": row.path, "version": row.number, "publication": row.publication}))


async def publish(db: AsyncSession, record_id: int, actor: str, *, four_eyes: bool) -> int:
    """Publish a draft version; under the four-eyes rule not by its author. Commits and returns
    the publication."""
    row = await db.get(KnowledgeRecord, record_id)
    if row is None or row.status != DRAFT:
        raise KnowledgeError("Diese Version wartet nicht (mehr) auf die Veröffentlichung.")
    if four_eyes and row.author == actor.removeprefix("user:"):
        raise KnowledgeError("Nach dem Vier-Augen-Prinzip veröffentlicht eine andere Person "
                             "diese Änderung.")
    await _publish(db, row, actor)
    await db.commit()
    assert row.publication is not None
    return row.publication


async def import_texts(db: AsyncSession, texts: Mapping[str, str], *, actor: str, comment: str,
                       dry_run: bool = False) -> list[Change]:
    """Make the live tree equal ``texts`` (already checked by the loader): one new published
    version per added, changed or removed file, all in one publication. Returns the changes."""
    live = {p: r.text for p, r in (await live_records(db)).items() if r.text is not None}
    found = changes(live, texts)
    if dry_run or not found:
        return found
    number = await _next_publication(db)
    now = utcnow()
    for change in found:
        db.add(KnowledgeRecord(path=change.name, number=await _next_number(db, change.name),
                               text=texts.get(change.name), author=actor.removeprefix("user:"),
                               created_at=now, comment=comment, status=PUBLISHED,
                               published_by=actor.removeprefix("user:"), published_at=now,
                               publication=number))
    db.add(AuditEntry(actor=actor, action="knowledge_imported", detail={
        "publication": number, "comment": comment,
        "changes": [{"path": c.name, "action": c.action} for c in found]}))
    await db.commit()
    return found
