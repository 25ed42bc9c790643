"""The sender's log lines say what happened: no "reply failed" (or "sent", "retry",
"uncertain") for an outcome that was not recorded because the reply was no longer ours."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select, update

from assistant.history.db import sessionmaker
from assistant.history.models import OutboxItem
from assistant.outbound.sender import Sender
from tests.outbound.conftest import FakeTransport, approved_draft
from tests.review.conftest import make_settings

SENDER_LOG = "assistant.outbound.sender"


@dataclass
class TakenMeanwhile(FakeTransport):
    """While the server answers, another sender marks the reply uncertain (its lease ran out)."""

    engine: Any = None

    async def send(self, sender: str, recipients: list[str], data: bytes) -> str:
        async with self.engine.begin() as conn:
            await conn.execute(update(OutboxItem).values(status="uncertain",
                                                         lease_owner="other:1:x"))
        return await super().send(sender, recipients, data)


def events(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == SENDER_LOG]


@pytest.mark.parametrize(("outcome", "claimed"), [
    ("refused", "reply failed"), ("down", "reply not delivered; will retry"),
    ("unknown", "reply delivery uncertain"), ("ok", "reply sent")])
async def test_outcome_not_recorded_is_not_logged_as_happened(
        engine: Any, database_url: str, pipeline: Any, caplog: pytest.LogCaptureFixture,
        outcome: str, claimed: str) -> None:
    """When the reply was taken over meanwhile, the sender logs that its outcome was not
    recorded, never the outcome itself; the row keeps the other sender's state."""
    await approved_draft(engine, database_url, pipeline)
    settings = make_settings(database_url, send_retry_seconds="0")
    sender = Sender(settings, sessionmaker(engine),
                    TakenMeanwhile(script=[outcome], engine=engine))
    with caplog.at_level(logging.INFO, logger=SENDER_LOG):
        await sender.run_once()
    assert claimed not in events(caplog)
    assert "reply outcome not recorded: the reply is no longer this sender's" in events(caplog)
    async with sessionmaker(engine)() as db:
        item = (await db.execute(select(OutboxItem))).scalar_one()
    assert ("uncertain", "other:1:x") == (item.status, item.lease_owner)


async def test_recorded_failure_is_logged_as_failed(engine: Any, database_url: str,
                                                    pipeline: Any,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    """A permanent refusal that is recorded is logged as "reply failed"."""
    await approved_draft(engine, database_url, pipeline)
    sender = Sender(make_settings(database_url), sessionmaker(engine),
                    FakeTransport(["refused"]))
    with caplog.at_level(logging.INFO, logger=SENDER_LOG):
        await sender.run_once()
    assert "reply failed" in events(caplog)
