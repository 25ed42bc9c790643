"""Chat hand-overs keep "nothing leaves without a recorded human approval": the typed address
is marked unconfirmed, its reply needs the reviewer's explicit confirmation, nothing is sent
by itself, and hand-overs are limited per client and per address and counted in /metrics."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from assistant.history.db import sessionmaker
from assistant.history.models import Draft, Message
from assistant.outbound.sender import Sender
from tests.chat.conftest import process_stored_mail
from tests.outbound.conftest import FakeTransport
from tests.site import Site, open_site

STATUS = "Wie ist der Stand unseres Antrags vom März?"
ADDRESS = "kaemmerei@lahntal.example"


@pytest.fixture
def limited(sqlite_template: Path, tmp_path: Path) -> Iterator[Site]:
    """The app with two hand-overs per client and hour and two per address and day."""
    with open_site(sqlite_template, tmp_path, chat_handovers_per_client_per_hour="2",
                   chat_handovers_per_address_per_day="2") as opened:
        yield opened


def _hand_over(site: Site, email: str = ADDRESS) -> Any:
    return site.browser.client.post("/api/chat/inquiry", json={"message": STATUS,
                                                               "email": email})


def _draft_id(site: Site) -> int:
    async def read(engine: Any) -> int:
        async with sessionmaker(engine)() as db:
            return (await db.execute(select(Draft.id))).scalar_one()
    return site.run(read)


def test_handover_needs_address_confirmation(site: Site) -> None:
    """The queue and the inquiry page say "Adresse nicht bestätigt"; approving without
    confirming the address is refused, confirming that exact address approves."""
    assert 202 == _hand_over(site).status_code
    assert 1 == site.run(lambda engine: process_stored_mail(engine, site.settings))
    site.browser.login("anna")
    row = re.search(r"<tr>(?:(?!</tr>).)*Chat-Anfrage(?:(?!</tr>).)*</tr>",
                    site.browser.get("/").text, re.S).group(0)
    assert "Adresse nicht bestätigt" in row
    draft_id = _draft_id(site)
    page = site.browser.get(f"/drafts/{draft_id}").text
    assert "Adresse nicht bestätigt" in page and ADDRESS in page
    text = html.unescape(re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page,
                                   re.S).group(1))
    form = {"revision": "0", "text": re.sub(r"\[\[BITTE ERGÄNZEN:[^\]]*\]\]",
                                            "Ihr Antrag wird gerade geprüft.", text)}
    refused = site.browser.post(f"/drafts/{draft_id}/approve", form)
    assert 422 == refused.status_code and 'id="confirm_recipient-error"' in refused.text
    assert 303 == site.browser.post(f"/drafts/{draft_id}/approve",
                                    {**form, "confirm_recipient": ADDRESS}).status_code


def test_nothing_is_sent_to_a_handover_address_by_itself(site: Site) -> None:
    """After the hand-over and the worker's pass, the sender finds nothing to send: no
    acknowledgement, no reply without an approval."""
    assert 202 == _hand_over(site).status_code
    site.run(lambda engine: process_stored_mail(engine, site.settings))
    transport = FakeTransport()

    async def send(engine: Any) -> None:
        await Sender(site.settings, sessionmaker(engine), transport).run_once()
    site.run(send)
    assert ([], 0) == (transport.delivered, transport.calls)


def test_handovers_are_limited_per_address(limited: Site) -> None:
    """A third hand-over for the same address within a day is refused with 429, the field
    `email` and Retry-After; another address still gets through."""
    assert [202, 202] == [_hand_over(limited, "Kaemmerei@lahntal.example").status_code,
                          _hand_over(limited).status_code]
    limited.app.state.handover_limiter.per_minute = 0  # only the address limit here
    third = _hand_over(limited)
    assert (429, "email") == (third.status_code, third.json()["field"])
    assert int(third.headers["retry-after"]) > 23 * 3600
    assert 202 == _hand_over(limited, "buergermeister@lahntal.example").status_code


def test_handovers_are_limited_per_client(limited: Site) -> None:
    """Changing the address does not help: a client's third hand-over within the hour is
    refused (429 without a field)."""
    answers = [_hand_over(limited, f"person{n}@lahntal.example") for n in range(3)]
    assert [202, 202, 429] == [a.status_code for a in answers]
    assert "field" not in answers[2].json() and "retry-after" in answers[2].headers


def test_handover_form_explains_the_limit(limited: Site) -> None:
    """The plain form answers 429 with a sentence instead of storing the question."""
    limited.browser.get("/chat")
    for n in range(3):
        response = limited.browser.post("/chat/inquiry", {"message": STATUS,
                                                          "email": f"p{n}@lahntal.example"})
    assert 429 == response.status_code
    assert "in der letzten Stunde schon viele Fragen" in response.text

    async def stored(engine: Any) -> int:
        async with sessionmaker(engine)() as db:
            return len(list((await db.execute(select(Message.id))).scalars()))
    assert 2 == limited.run(stored)


def test_handovers_are_counted_in_metrics(sqlite_template: Path, tmp_path: Path) -> None:
    """/metrics counts the stored hand-overs and the refusals by limit."""
    with open_site(sqlite_template, tmp_path, chat_handovers_per_client_per_hour="3",
                   chat_handovers_per_address_per_day="2") as site:
        answers = [_hand_over(site, email).status_code
                   for email in (ADDRESS, ADDRESS, ADDRESS, "x@lahntal.example")]
        text = site.browser.client.get("/metrics").text
    assert [202, 202, 429, 429] == answers
    assert "assistant_chat_handovers_total 2.0" in text
    assert 'assistant_chat_handovers_refused_total{reason="address"} 1.0' in text
    assert 'assistant_chat_handovers_refused_total{reason="client"} 1.0' in text
