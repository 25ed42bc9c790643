"""What staff decisions do to the store: approvals, the four-eyes rule, edits, rejections,
redrafts and the suggestions they leave behind."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from assistant.errors import Refused
from assistant.history.db import create_engine, sessionmaker
from assistant.history.models import AuditEntry, Conversation, Draft, Suggestion
from assistant.review import decisions
from assistant.review.four_eyes import Sensitive
from assistant.web.auth import Viewer
from tests.core import pipeline
from tests.review.conftest import make_settings, seed
from tests.review.world import DURATION, inquiry_mail

SENSITIVE = Sensitive.of(pipeline().knowledge)

ANNA = Viewer(1, "anna", "reviewer", "x")
BEN = Viewer(2, "ben", "reviewer", "x")


@pytest.fixture
async def db(review_url: str) -> Any:
    engine = create_engine(review_url)
    async with sessionmaker(engine)() as session:
        yield session
    await engine.dispose()


async def _draft(db: Any, draft_id: int) -> Draft:
    db.expire_all()
    draft = await db.get(Draft, draft_id)
    assert draft is not None
    return draft


async def test_plain_draft_is_approved_by_one_reviewer(db: Any, review_url: str,
                                                       pipeline: Any) -> None:
    """A duration answer needs one approval; the draft becomes approved with the approver."""
    [stored] = await seed(review_url, pipeline, inquiry_mail(DURATION, sender="J W <jw@a.de>"))
    outcome = await decisions.approve(db, stored.draft_id, 0, None, ANNA,
                                      make_settings(review_url), SENSITIVE)
    draft = await _draft(db, stored.draft_id)
    assert outcome.final
    assert (draft.status, draft.approved_by, draft.revision) == ("approved", "anna", 1)


async def test_four_eyes_blocks_self_approval(db: Any, review_url: str, pipeline: Any) -> None:
    """An eligibility draft waits after the first approval, refuses the same person again,
    and is approved by a second person."""
    [stored] = await seed(review_url, pipeline, inquiry_mail())
    settings = make_settings(review_url)
    first = await decisions.approve(db, stored.draft_id, 0, None, ANNA, settings, SENSITIVE)
    assert not first.final and first.waiting_reasons
    with pytest.raises(Refused, match="andere Person"):
        await decisions.approve(db, stored.draft_id, 1, None, ANNA, settings, SENSITIVE)
    second = await decisions.approve(db, stored.draft_id, 1, None, BEN, settings, SENSITIVE)
    draft = await _draft(db, stored.draft_id)
    assert second.final
    assert (draft.status, draft.approved_by, draft.second_approved_by) == ("approved", "anna",
                                                                          "ben")


async def test_an_edit_withdraws_the_first_approval(db: Any, review_url: str,
                                                    pipeline: Any) -> None:
    """Approvals concern the text that is sent: changing it after the first approval makes the
    editor the (new) first approver."""
    [stored] = await seed(review_url, pipeline, inquiry_mail())
    settings = make_settings(review_url)
    await decisions.approve(db, stored.draft_id, 0, None, ANNA, settings, SENSITIVE)
    draft = await _draft(db, stored.draft_id)
    edited = draft.text.replace("vielen Dank", "herzlichen Dank")
    outcome = await decisions.approve(db, stored.draft_id, 1, edited, BEN, settings, SENSITIVE)
    draft = await _draft(db, stored.draft_id)
    assert not outcome.final
    assert (draft.approved_by, draft.edited_by, draft.status) == ("ben", "ben", "pending")
    assert draft.edited_text == edited and draft.text != edited


async def test_four_eyes_off_needs_one(db: Any, review_url: str, pipeline: Any) -> None:
    [stored] = await seed(review_url, pipeline, inquiry_mail())
    outcome = await decisions.approve(db, stored.draft_id, 0, None, ANNA,
                                      make_settings(review_url, four_eyes="0"), SENSITIVE)
    assert outcome.final


async def test_a_gap_cannot_be_approved(db: Any, review_url: str, pipeline: Any) -> None:
    """The refusal names the field and lists the reasons."""
    [stored] = await seed(review_url, pipeline, inquiry_mail(DURATION, sender="J W <jw@a.de>"))
    draft = await _draft(db, stored.draft_id)
    with pytest.raises(Refused) as refused:
        await decisions.approve(db, stored.draft_id, 0,
                                draft.text + "\n[[BITTE ERGÄNZEN: Frist]]\n", ANNA,
                                make_settings(review_url), SENSITIVE)
    assert refused.value.field == "text"
    assert any("Lücke" in d for d in refused.value.details)
    assert (await _draft(db, stored.draft_id)).status == "pending"


async def test_a_stale_revision_is_refused(db: Any, review_url: str, pipeline: Any) -> None:
    """Two reviewers never overwrite each other: the second, who saw revision 0, is told."""
    [stored] = await seed(review_url, pipeline, inquiry_mail(DURATION, sender="J W <jw@a.de>"))
    draft = await _draft(db, stored.draft_id)
    await decisions.save_edit(db, stored.draft_id, 0, draft.text + "\nPS: Danke.", ANNA)
    with pytest.raises(Refused, match="inzwischen"):
        await decisions.save_edit(db, stored.draft_id, 0, draft.text + "\nPS: Gruß.", BEN)


async def test_reject_needs_a_reason_and_closes(db: Any, review_url: str,
                                                pipeline: Any) -> None:
    [stored] = await seed(review_url, pipeline, inquiry_mail())
    with pytest.raises(Refused) as refused:
        await decisions.reject(db, stored.draft_id, 0, "  ", ANNA)
    assert refused.value.field == "reason"
    await decisions.reject(db, stored.draft_id, 0, "Werbung, keine Anfrage", ANNA)
    draft = await _draft(db, stored.draft_id)
    conversation = await db.get(Conversation, stored.conversation_id)
    assert (draft.status, draft.rejected_reason) == ("rejected", "Werbung, keine Anfrage")
    assert conversation.status == "closed"


async def test_answered_elsewhere_and_assign(db: Any, review_url: str, pipeline: Any) -> None:
    [stored] = await seed(review_url, pipeline, inquiry_mail())
    assert await decisions.assign(db, stored.draft_id, "ben", ANNA) == "ben"
    with pytest.raises(Refused):
        await decisions.assign(db, stored.draft_id, "nobody", ANNA)
    await decisions.answered_elsewhere(db, stored.draft_id, 0, "telefonisch", ANNA)
    draft = await _draft(db, stored.draft_id)
    conversation = await db.get(Conversation, stored.conversation_id)
    assert draft.status == "answered_elsewhere"
    assert (conversation.status, conversation.assigned_to) == ("answered", "ben")


async def test_redraft_with_other_intents_keeps_a_suggestion(db: Any, review_url: str,
                                                            pipeline: Any) -> None:
    """Choosing 'deadline' for a mail understood otherwise redrafts the reply from the deadline
    answer and keeps the chosen sentence as a suggestion for that intent."""
    [stored] = await seed(review_url, pipeline, inquiry_mail())
    sentence = "Kann eine Gemeinde unserer Größe die Förderung beantragen?"
    await decisions.redraft(db, stored.draft_id, 0, ["deadline"], sentence, ANNA, pipeline)
    draft = await _draft(db, stored.draft_id)
    suggestions = list((await db.execute(select(Suggestion))).scalars())
    assert [b["intent"] for b in draft.blocks if b.get("intent")] == ["deadline"]
    assert [(s.intent, s.sentence, s.origin) for s in suggestions] == [
        ("deadline", sentence, "intent_change")]
    actions = list((await db.execute(select(AuditEntry.action))).scalars())
    assert "draft_redrafted" in actions


async def test_redraft_refuses_unknown_intents(db: Any, review_url: str, pipeline: Any) -> None:
    [stored] = await seed(review_url, pipeline, inquiry_mail(DURATION))
    with pytest.raises(Refused) as refused:
        await decisions.redraft(db, stored.draft_id, 0, ["<script>"], "", ANNA, pipeline)
    assert refused.value.field == "intents"


async def test_rewriting_a_block_keeps_a_suggestion(db: Any, review_url: str,
                                                    pipeline: Any) -> None:
    """Replacing an intent's answer keeps the mail's evidence sentence as a suggestion. (An
    eligibility question that the verdict's notice answers has no answer block of its own.)"""
    [stored] = await seed(review_url, pipeline, inquiry_mail(DURATION))
    draft = await _draft(db, stored.draft_id)
    block = next(b for b in draft.blocks if b.get("intent") == "duration")
    edited = draft.text.replace(block["text"], "Die Förderung läuft anderthalb Jahre.")
    await decisions.save_edit(db, stored.draft_id, 0, edited, ANNA)
    [suggestion] = list((await db.execute(select(Suggestion))).scalars())
    assert (suggestion.intent, suggestion.origin, suggestion.created_by) == (
        "duration", "block_rewrite", "anna")


async def test_a_redraft_keeps_what_the_conversation_knew(db: Any, review_url: str,
                                                         pipeline: Any) -> None:
    """Redrafting a follow-up with other intents reads it with its conversation, as the worker
    did: the population the first mail stated still decides the verdict."""
    first = inquiry_mail("Rosenquell im Vogelsbergkreis hat 6.100 Einwohner. Wie hoch ist die "
                         "Förderung?")
    [stored] = await seed(review_url, pipeline, first)
    [follow_up] = await seed(review_url, pipeline, inquiry_mail(
        "Eine Frage noch: Wie lange läuft das Projekt?", references=stored.message_id_header))
    await decisions.redraft(db, follow_up.draft_id, 0, ["eligibility"],
                            "Können wir teilnehmen?", ANNA, pipeline)
    draft = await _draft(db, follow_up.draft_id)
    assert "notice.eligible" in [b["source"] for b in draft.blocks]
    assert "6.100" in draft.text


async def test_a_redraft_records_the_knowledge_that_drafted_it(db: Any, review_url: str,
                                                              pipeline: Any) -> None:
    """The redraft runs in a worker process that may already hold a newer publication than the
    web process: the draft records the knowledge of the process that drafted it."""
    import copy
    from dataclasses import replace

    [stored] = await seed(review_url, pipeline, inquiry_mail(DURATION))
    newer = copy.copy(pipeline)
    newer.knowledge = replace(pipeline.knowledge, version="newer-knowledge")

    async def in_worker(fn: Any, *args: Any) -> Any:
        return fn(newer, *args)

    await decisions.redraft(db, stored.draft_id, 0, ["deadline"], "Bis wann?", ANNA, pipeline,
                            run=in_worker)
    assert "newer-knowledge" == (await _draft(db, stored.draft_id)).knowledge_version
