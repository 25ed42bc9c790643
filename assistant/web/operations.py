"""For operators: ``/healthz`` (can the app reach its database?) and Prometheus ``/metrics``.

The figures are read from the store at each scrape, so they are the same whichever process
serves them and survive restarts: mails processed by kind, drafts by status and pending, the
age of the oldest pending mail, replies in the outbox by state, failed send attempts, and chat
questions handed over to staff. Hand-overs the chat refused (too many per client or per
address) are counted by the web process that refused them. The state of the sender running
in this process (up, restarts) comes from its supervisor (:mod:`assistant.web.supervise`)
and is in ``/healthz`` as well. Both endpoints carry no personal data and need no session;
restrict them at the reverse proxy if they should not be public.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import case, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assistant.history.models import Draft, Message, OutboxItem, utcnow
from assistant.history.recipient import HANDOVER_SOURCE
from assistant.history.records import as_utc
from assistant.web.supervise import RUNNING, Supervised


class OperatorMetrics:
    """A Prometheus collector over a snapshot of the store, refreshed before each scrape."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *,
                 sender: Supervised | None = None) -> None:
        self.sessions = sessions
        self.sender = sender
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self)  # type: ignore[arg-type]
        self._snapshot: dict[str, Any] = {}
        self._lock = asyncio.Lock()
        self._handovers_refused: dict[str, int] = {"client": 0, "address": 0}

    def handover_refused(self, reason: str) -> None:
        """Count a chat hand-over refused for ``reason`` ("client" or "address")."""
        self._handovers_refused[reason] = self._handovers_refused.get(reason, 0) + 1

    async def refresh(self) -> None:
        async with self._lock, self.sessions() as db:
            processed = (await db.execute(
                select(Message.kind, func.count(Message.id))
                .where(Message.direction == "in", Message.processed_at.is_not(None))
                .group_by(Message.kind))).all()
            drafts = (await db.execute(select(Draft.status, func.count(Draft.id))
                                       .group_by(Draft.status))).all()
            oldest = (await db.execute(
                select(func.min(Message.received_at)).select_from(Draft)
                .join(Message, Message.id == Draft.message_id)
                .where(Draft.status == "pending"))).scalar()
            outbox = (await db.execute(select(OutboxItem.status, func.count(OutboxItem.id))
                                       .group_by(OutboxItem.status))).all()
            # Every started attempt that did not end in a delivery counts as a failure.
            failures = (await db.execute(select(func.coalesce(func.sum(
                OutboxItem.attempts - case((OutboxItem.status.in_(("sent", "sending",
                                                                   "uncertain")), 1),
                                           else_=0)), 0)))).scalar()
            handovers = (await db.execute(
                select(func.count(Message.id))
                .where(Message.direction == "in", Message.source == HANDOVER_SOURCE))).scalar()
        oldest = as_utc(oldest)
        self._snapshot = {
            "handovers": int(handovers or 0),
            "processed": {kind or "unknown": n for kind, n in processed},
            "drafts": dict(drafts),
            "oldest_age": (utcnow() - oldest).total_seconds() if oldest else 0.0,
            "outbox": dict(outbox),
            "failures": max(int(failures or 0), 0),
        }

    def collect(self) -> Iterator[Metric]:
        snap = self._snapshot
        if not snap:
            return
        processed = CounterMetricFamily("assistant_mails_processed",
                                        "Incoming mails processed, by kind.", labels=["kind"])
        for kind, n in sorted(snap["processed"].items()):
            processed.add_metric([kind], n)
        yield processed
        drafts = GaugeMetricFamily("assistant_drafts", "Drafts by status.", labels=["status"])
        for status, n in sorted(snap["drafts"].items()):
            drafts.add_metric([status], n)
        yield drafts
        yield GaugeMetricFamily("assistant_drafts_pending", "Drafts waiting for staff.",
                                value=snap["drafts"].get("pending", 0))
        yield GaugeMetricFamily("assistant_oldest_pending_age_seconds",
                                "Age of the oldest mail whose draft is pending.",
                                value=snap["oldest_age"])
        outbox = GaugeMetricFamily("assistant_outbox", "Replies in the outbox by state.",
                                   labels=["status"])
        for status, n in sorted(snap["outbox"].items()):
            outbox.add_metric([status], n)
        yield outbox
        yield CounterMetricFamily("assistant_send_failures", "Send attempts that failed.",
                                  value=snap["failures"])
        yield GaugeMetricFamily("assistant_replies_failed",
                                "Replies that failed for good and wait for staff.",
                                value=snap["outbox"].get("failed", 0))
        yield CounterMetricFamily("assistant_chat_handovers",
                                  "Chat questions handed over to staff (stored).",
                                  value=snap["handovers"])
        refused = CounterMetricFamily(
            "assistant_chat_handovers_refused",
            "Chat hand-overs refused by this web process, by limit (client or address).",
            labels=["reason"])
        for reason, n in sorted(self._handovers_refused.items()):
            refused.add_metric([reason], n)
        yield refused
        if self.sender is not None:
            yield GaugeMetricFamily("assistant_sender_up",
                                    "1 while the sender in this process runs, 0 while it waits "
                                    "to be restarted after a failure.",
                                    value=1 if self.sender.up else 0)
            yield CounterMetricFamily("assistant_sender_restarts",
                                      "Restarts of the sender in this process after failures.",
                                      value=self.sender.restarts)


async def healthz(request: Request) -> Response:
    """200 ``{"status": "ok"}`` while the database answers and the sender in this process (if
    any) runs; 503 ``{"status": "error"}`` otherwise. ``sender`` says how it is (``state``,
    ``restarts``, the type of its ``last_error``); no message text, the endpoint is public."""
    services = request.app.state.services
    sender = services.sender.health() if services.sender is not None else None
    found: dict[str, Any] = {"status": "ok"}
    if sender is not None:
        found["sender"] = sender
    try:
        async with services.sessions() as db:
            await db.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any database failure makes the app unhealthy
        found.update(status="error", database=type(exc).__name__)
    if sender is not None and sender["state"] != RUNNING:
        found["status"] = "error"
    return JSONResponse(found, status_code=200 if found["status"] == "ok" else 503)


async def metrics(request: Request) -> Response:
    collector: OperatorMetrics = request.app.state.services.metrics
    await collector.refresh()
    return Response(generate_latest(collector.registry), media_type=CONTENT_TYPE_LATEST)
