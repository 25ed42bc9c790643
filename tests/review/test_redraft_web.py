"""'Neu entwerfen' through the app: the redraft is computed in a worker process, within the
redraft budget (:mod:`assistant.web.compute`)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.review import decisions
from tests import jobs
from tests.review.conftest import run, seed
from tests.review.world import inquiry_mail


def test_redraft_through_the_app_drafts_for_the_chosen_intent(app_factory: Any,
                                                              review_url: str,
                                                              pipeline: Any) -> None:
    """Choosing 'deadline' redrafts the reply with the deadline answer."""
    stored = run(seed(review_url, pipeline, inquiry_mail()))[0]
    browser = app_factory()
    browser.login("anna")
    browser.get(f"/drafts/{stored.draft_id}")
    response = browser.post(f"/drafts/{stored.draft_id}/redraft",
                            {"revision": "0", "intents": "deadline", "sentence": ""})
    assert 303 == response.status_code
    page = browser.get(f"/drafts/{stored.draft_id}").text
    assert "answer.deadline" in page


def test_redraft_past_its_budget_is_refused_and_keeps_the_draft(
        app_factory: Any, review_url: str, pipeline: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A redraft still computing after its budget is stopped; the reviewer is told and the
    draft stays as it was."""
    stored = run(seed(review_url, pipeline, inquiry_mail()))[0]
    browser = app_factory(redraft_seconds="0.3", web_cpu_workers="1")
    browser.login("anna")
    before = browser.get(f"/drafts/{stored.draft_id}").text
    monkeypatch.setattr(decisions, "draft_with_intents", jobs.never_ends)
    response = browser.post(f"/drafts/{stored.draft_id}/redraft",
                            {"revision": "0", "intents": "deadline", "sentence": ""})
    assert 422 == response.status_code
    assert "brauchte zu lange" in response.text
    assert "answer.deadline" not in before and "answer.deadline" not in response.text
