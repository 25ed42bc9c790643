"""The training data of "Modell neu trainieren" and the job, without the web app: which mails
of the store count as labelled and with which intents, how they are grouped, what is measured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.history.confirmed import Confirmed, confirmed_mails
from assistant.review import retraining
from assistant.settings import Settings
from tests.review.conftest import run, seed
from tests.review.world import DURATION, INQUIRY, inquiry_mail

ROOT = Path(__file__).resolve().parents[2]


async def _set(url: str, draft_id: int, **values: Any) -> None:
    from sqlalchemy import update

    from assistant.history.db import create_engine, sessionmaker
    from assistant.history.models import Draft

    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        await db.execute(update(Draft).where(Draft.id == draft_id).values(**values))
        await db.commit()
    await engine.dispose()


async def _confirmed(url: str, redrafted: dict[int, list[str]] | None = None,
                     purge: int | None = None) -> list[Confirmed]:
    from sqlalchemy import update

    from assistant.history.db import create_engine, sessionmaker
    from assistant.history.models import AuditEntry, Message

    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        for draft_id, intents in (redrafted or {}).items():
            db.add(AuditEntry(actor="user:anna", action="draft_redrafted", draft_id=draft_id,
                              detail={"intents_before": [], "intents_after": intents}))
        if purge is not None:
            await db.execute(update(Message).where(Message.id == purge).values(raw=None))
        await db.commit()
        found = await confirmed_mails(db)
    await engine.dispose()
    return found


def _three(url: str, pipeline: Any) -> list[Any]:
    return run(seed(url, pipeline, inquiry_mail(INQUIRY, sender="a@rosenquell.de"),
                    inquiry_mail(DURATION, subject="Laufzeit", sender="b@tannau.de"),
                    inquiry_mail(DURATION, subject="Dauer", sender="c@birkenfeld.de")))


def test_only_approved_drafts_confirm_their_understanding_s_intents(
        review_url: str, pipeline: Any) -> None:
    """A sent and an approved draft count with the intents of the mail's understanding; a
    pending one does not."""
    first, second, _pending = _three(review_url, pipeline)
    run(_set(review_url, first.draft_id, status="sent"))
    run(_set(review_url, second.draft_id, status="approved"))
    found = run(_confirmed(review_url))
    assert [(c.message_id, c.intents) for c in found] == [
        (first.message_id, ("eligibility",)), (second.message_id, ("duration",))]


def test_the_intents_staff_chose_in_a_redraft_replace_the_understanding_s(
        review_url: str, pipeline: Any) -> None:
    """After redrafts, the latest one's chosen intents are the confirmed ones."""
    first, *_ = _three(review_url, pipeline)
    run(_set(review_url, first.draft_id, status="sent"))
    found = run(_confirmed(review_url, redrafted={first.draft_id: ["contact"]}))
    found = run(_confirmed(review_url, redrafted={first.draft_id: ["deadline", "duration"]}))
    assert found[0].intents == ("deadline", "duration")


def test_a_purged_mail_is_left_out(review_url: str, pipeline: Any) -> None:
    """A mail whose raw text the privacy purge removed cannot be learned from."""
    first, second, _ = _three(review_url, pipeline)
    run(_set(review_url, first.draft_id, status="sent"))
    run(_set(review_url, second.draft_id, status="sent"))
    found = run(_confirmed(review_url, purge=first.message_id))
    assert [c.message_id for c in found] == [second.message_id]


def _item(n: int, conversation: int, intents: tuple[str, ...], body: str = DURATION
          ) -> Confirmed:
    return Confirmed(n, conversation, inquiry_mail(body, sender=f"x{n}@ort{n}.de"), intents)


def test_a_conversation_stays_in_one_fold() -> None:
    """The store's mails are dealt into folds by conversation, never split."""
    items = [_item(1, 10, ("duration",)), _item(2, 10, ("duration",)),
             _item(3, 11, ("duration",)), _item(4, 12, ("duration",))]
    samples = retraining.store_samples(items, intents=["duration"], domain="example.org",
                                       addresses=(), folds=2)
    assert [s.group for s in samples] == ["gespeichert/1", "gespeichert/1", "gespeichert/2",
                                          "gespeichert/1"]


def test_intents_no_longer_in_the_catalogue_are_dropped() -> None:
    """A confirmed intent the catalogue lost is not taught; a mail left without any is
    skipped."""
    items = [_item(1, 1, ("duration", "gone")), _item(2, 2, ("gone",))]
    samples = retraining.store_samples(items, intents=["duration"], domain="example.org",
                                       addresses=(), folds=5)
    assert [(s.name, s.intents) for s in samples] == [("message 1", frozenset({"duration"}))]


def _spec(confirmed: list[Confirmed], **extra: Any) -> retraining.Spec:
    from assistant import knowledge

    settings = Settings.load({})
    intents = knowledge.read_intents(Path(settings.intents_dir))
    return retraining.Spec(
        catalogue={i.id: list(i.examples) for i in intents},
        catalogue_digest=knowledge.catalogue_digest(intents),
        current_model=(ROOT / "intents" / "model.json").read_text("utf-8"), confirmed=confirmed,
        held_out_sets=[], always_sets=[], domain=settings.message_id_domain,
        addresses=settings.own_addresses, **{"folds": 2, "examples": 10, **extra})


def test_both_models_are_measured_on_the_same_held_out_mails() -> None:
    """The figures name every held-out fold with its mails, the current model's and the
    candidate's score; the candidate records its training run."""
    import json

    items = [_item(n, n, ("duration",) if n % 2 else ("eligibility",),
                   DURATION if n % 2 else INQUIRY) for n in range(1, 7)]
    result = retraining.run(_spec(items, run=42, started_by="user:chef"))
    figures = result.figures
    assert [(f["group"], f["mails"]) for f in figures["folds"]] == [("gespeichert/1", 3),
                                                                    ("gespeichert/2", 3)]
    assert figures["held_out_mails"] == 6 and figures["store_mails"] == 6
    assert figures["before"]["micro_f1"] == 1.0  # the shipped model knows these questions
    assert 0.0 <= figures["after"]["micro_f1"] <= 1.0
    assert json.loads(result.model)["trained"]["run"] == 42


def test_nothing_to_measure_is_refused() -> None:
    """Without confirmed mails and labelled sets the training refuses (in German)."""
    with pytest.raises(retraining.Refused, match="keine bestätigten Mails"):
        retraining.run(_spec([]))
