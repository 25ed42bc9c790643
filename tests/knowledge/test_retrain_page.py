"""The page "Anliegen-Modell" with the app's test client: start → finished → publish, and
that only a published candidate changes the model in use. The training runs with a small
configuration (10 examples per intent, 2 folds, no shipped sets) to stay fast."""

from __future__ import annotations

import re
import time
from typing import Any

from assistant.history import trainings
from tests.knowledge.test_pages import _second_admin
from tests.knowledge.test_retrain import _set
from tests.review.conftest import Browser, make_settings, run, seed
from tests.review.world import DURATION, INQUIRY, inquiry_mail

PAGE = "/admin/wissen/modell"
SMALL = {"retrain_sets": "none", "retrain_examples": "10", "retrain_folds": "2",
         "four_eyes": "false"}


def _wait(browser: Browser, *, until: str, seconds: float = 180.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = browser.get(PAGE).text
        if until in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{until!r} not shown within {seconds} s")


def _confirmed_mails(url: str, pipeline: Any) -> None:
    stored = run(seed(url, pipeline, *[
        inquiry_mail(INQUIRY if n % 2 else DURATION, subject=f"Frage {n}",
                     sender=f"amt@ort{n}.de") for n in range(6)]))
    for item in stored:
        run(_set(url, item.draft_id, status="sent"))


async def _live_model(url: str) -> tuple[str, int]:
    from assistant.history import knowledge_store
    from assistant.history.db import create_engine, sessionmaker

    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        texts, number = await knowledge_store.published_texts(db)
    await engine.dispose()
    return texts[trainings.MODEL], number


def test_start_finish_publish_and_the_next_draft_uses_the_new_model(
        app_factory: Any, review_url: str, pipeline: Any) -> None:
    """An admin starts the training, sees the figures of both models, publishes the candidate;
    the next draft a worker makes records the knowledge with the new model."""
    from assistant.budget import MailHandler

    _confirmed_mails(review_url, pipeline)
    chef = app_factory(**SMALL)
    chef.login("chef")
    page = chef.get(PAGE).text
    assert "6 freigegebenen Entwürfen" in page and "keine mitgelieferten gelabelten" in page
    assert chef.post(f"{PAGE}/trainieren").status_code == 303
    page = _wait(chef, until="Neues Modell veröffentlichen")
    assert "Micro-F1 bisher" in page and "gespeichert/1" in page and "gespeichert/2" in page
    before, _ = run(_live_model(review_url))
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version
    assert chef.post(f"{PAGE}/veroeffentlichen", {"version": version.group(1)}
                     ).status_code == 303
    model, publication = run(_live_model(review_url))
    assert model != before
    # The worker's mail handler (its flow process) on the store: the next mail's draft.
    worker = MailHandler(make_settings(review_url, knowledge_poll_seconds="0"))
    try:
        handled = worker(inquiry_mail(DURATION, sender="neu@ort9.de"))
        knowledge = worker.pipeline.knowledge
        assert knowledge.published == publication
        assert handled.knowledge_version == knowledge.stamp == f"{knowledge.version}@{publication}"
        run_id = knowledge.intent_model.trained["run"]
        assert f"Training {run_id}" in chef.get(PAGE).text
    finally:
        worker.live.live.close()


def test_a_failed_training_leaves_the_current_model_in_use(app_factory: Any,
                                                           review_url: str) -> None:
    """A training that fails (here: a labelled folder that is not there) is shown as failed,
    offers nothing to publish, and the store's model stays as it was."""
    before = run(_live_model(review_url))
    chef = app_factory(**{**SMALL, "retrain_sets": "/nicht/da"})
    chef.login("chef")
    chef.get(PAGE)
    assert chef.post(f"{PAGE}/trainieren").status_code == 303
    page = _wait(chef, until="Fehlgeschlagen")
    assert "bleibt in Gebrauch" in page and "Neues Modell veröffentlichen" not in page
    assert run(_live_model(review_url))[0] == before[0]


def test_nothing_to_learn_from_is_refused_with_the_reason(app_factory: Any) -> None:
    """Without confirmed mails and without labelled sets the page says why nothing was
    trained."""
    chef = app_factory(**SMALL)
    chef.login("chef")
    chef.get(PAGE)
    chef.post(f"{PAGE}/trainieren")
    assert "keine bestätigten Mails" in _wait(chef, until="Fehlgeschlagen")


async def _finished(url: str, actor: str) -> int:
    """A finished training whose candidate is the live model with another run number (no
    training needed for the publishing rules)."""
    import json

    from assistant.history.db import create_engine, sessionmaker

    text, _ = await _live_model(url)
    data = json.loads(text)
    data["trained"]["run"] = 99
    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        run_id = await trainings.start(db, actor, 600)
        record = await trainings.finish(db, run_id, json.dumps(data), {
            "before": {"micro_f1": 0.5, "macro_f1": 0.5}, "after": {"micro_f1": 0.6,
                                                                    "macro_f1": 0.6},
            "folds": [], "held_out_mails": 0, "store_mails": 0, "seconds": 1}, actor)
    await engine.dispose()
    return record


def test_under_four_eyes_another_admin_publishes_the_model(app_factory: Any,
                                                           review_url: str) -> None:
    """With four eyes on, who started the training cannot publish its model; another admin
    can."""
    run(_second_admin(review_url))
    record = run(_finished(review_url, "user:chef"))
    chef = app_factory(four_eyes="true")
    chef.login("chef")
    page = chef.get(PAGE).text
    assert "Neues Modell veröffentlichen" not in page and "Vier-Augen-Prinzip" in page
    assert chef.post(f"{PAGE}/veroeffentlichen", {"version": str(record)}).status_code == 422
    dora = app_factory(four_eyes="true")
    dora.login("dora", "dora-password-123")
    assert "Neues Modell veröffentlichen" in dora.get(PAGE).text
    assert dora.post(f"{PAGE}/veroeffentlichen", {"version": str(record)}).status_code == 303
    assert '"run": 99' in run(_live_model(review_url))[0]


def test_a_discarded_model_is_never_used(app_factory: Any, review_url: str) -> None:
    """"Verwerfen" keeps the current model and the candidate can no longer be published."""
    before = run(_live_model(review_url))
    record = run(_finished(review_url, "user:chef"))
    chef = app_factory(four_eyes="false")
    chef.login("chef")
    chef.get(PAGE)
    assert chef.post(f"{PAGE}/verwerfen", {"version": str(record)}).status_code == 303
    assert "verworfen" in chef.get(PAGE).text
    assert chef.post(f"{PAGE}/veroeffentlichen", {"version": str(record)}).status_code == 422
    assert run(_live_model(review_url)) == before


def test_reviewers_cannot_start_a_training(app_factory: Any) -> None:
    """The page and its buttons are for admins only."""
    anna = app_factory()
    anna.login("anna")
    assert anna.get(PAGE, follow_redirects=False).status_code in (303, 403)
