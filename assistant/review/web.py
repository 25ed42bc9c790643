"""The review pages as the web shell registers them: the queue, one inquiry with its draft, a
conversation, the outbox's problems and the admin pages, with the header's counts of pending
drafts and replies that could not be sent."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.routing import BaseRoute

from assistant.history.models import Draft, OutboxItem
from assistant.review import (
    admin,
    conversation,
    inquiry,
    listing,
    modell,
    sending,
    wissen,
    wissen_facts,
)
from assistant.web.pages import NavEntry, Page
from assistant.web.routing import get, post

# Replies staff must look at: delivery failed, or it may or may not have been delivered.
PROBLEM_STATES = ("failed", "uncertain")


async def counts(db: AsyncSession) -> Mapping[str, int]:
    """Pending drafts, and replies with a sending problem."""
    pending = (await db.execute(select(func.count(Draft.id))
                                .where(Draft.status == "pending"))).scalar_one()
    problems = (await db.execute(select(func.count(OutboxItem.id))
                                 .where(OutboxItem.status.in_(PROBLEM_STATES)))).scalar_one()
    return {"pending": pending, "problems": problems}


def routes() -> list[BaseRoute]:
    return [
        get("/", listing.queue_page),
        get("/drafts/{draft_id:int}", inquiry.page),
        post("/drafts/{draft_id:int}/save", inquiry.save),
        post("/drafts/{draft_id:int}/approve", inquiry.approve),
        post("/drafts/{draft_id:int}/reject", inquiry.reject),
        post("/drafts/{draft_id:int}/redraft", inquiry.redraft),
        post("/drafts/{draft_id:int}/elsewhere", inquiry.elsewhere),
        post("/drafts/{draft_id:int}/assign", inquiry.assign),
        get("/conversations/{conversation_id:int}", conversation.page),
        get("/sending", sending.page),
        post("/sending/{item_id:int}/retry", sending.retry),
        post("/sending/{item_id:int}/confirm", sending.confirm),
        get("/admin/users", admin.users_page, role="admin"),
        post("/admin/users", admin.add_user, role="admin"),
        post("/admin/users/{user_id:int}", admin.update_user, role="admin"),
        get("/admin/suggestions", admin.suggestions_page, role="admin"),
        post("/admin/suggestions/{suggestion_id:int}/accept", admin.accept_suggestion,
             role="admin"),
        post("/admin/suggestions/{suggestion_id:int}/dismiss", admin.dismiss_suggestion,
             role="admin"),
        post("/admin/knowledge/reload", admin.reload_knowledge, role="admin"),
        get("/admin/wissen", wissen.overview, role="admin"),
        get("/admin/wissen/eintrag", wissen.edit, role="admin"),
        post("/admin/wissen/eintrag", wissen.submit, role="admin"),
        get("/admin/wissen/versionen", wissen.versions, role="admin"),
        post("/admin/wissen/wiederherstellen", wissen.restore, role="admin"),
        post("/admin/wissen/veroeffentlichen", wissen.publish, role="admin"),
        get("/admin/wissen/fakten", wissen_facts.page, role="admin"),
        post("/admin/wissen/fakten", wissen_facts.submit, role="admin"),
        get("/admin/wissen/modell", modell.page, role="admin"),
        post("/admin/wissen/modell/trainieren", modell.start, role="admin"),
        post("/admin/wissen/modell/veroeffentlichen", modell.publish, role="admin"),
        post("/admin/wissen/modell/verwerfen", modell.discard, role="admin"),
    ]


PAGE = Page(
    package="assistant.review", routes=routes, counts=counts,
    nav=(NavEntry("/", "Warteschlange", count="pending"),
         NavEntry("/sending", "Versand", alert="problems"),
         NavEntry("/admin/users", "Benutzer", role="admin"),
         NavEntry("/admin/suggestions", "Vorschläge", role="admin"),
         NavEntry("/admin/wissen", "Wissen", role="admin")))
