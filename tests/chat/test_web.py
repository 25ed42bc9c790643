"""The chat over HTTP: the JSON API, the plain form without JavaScript, the handover into the
review queue, the rate limit, and the headers of the public page."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from assistant.chat.ratelimit import RateLimiter
from assistant.history.models import Conversation, Message
from tests.chat.conftest import process_stored_mail
from tests.site import Site

STATUS = "Wie ist der Stand unseres Antrags vom März?"


def test_api_answers_with_intent_text_and_source(site: Site) -> None:
    response = site.browser.client.post("/api/chat", json={
        "message": "Wie hoch ist die maximale Förderung?"})
    assert 200 == response.status_code
    body = response.json()
    assert [{"intent": "funding_amount", "source": "answer.funding_amount"}] == [
        {"intent": a["intent"], "source": a["source"]} for a in body["answers"]]
    assert (False, "de", None) == (body["handover"], body["language"], body["eligibility"])


def test_api_eligibility_check_from_town_and_population(site: Site) -> None:
    body = site.browser.client.post("/api/chat", json={
        "message": "Dürfen wir einen Antrag stellen?", "town": "Lahntal",
        "population": 7000}).json()
    assert {"verdict": "eligible", "population": 7000, "town": "Lahntal", "basis": "stated"} \
        == {k: body["eligibility"][k] for k in ("verdict", "population", "town", "basis")}


def test_api_refuses_what_the_description_forbids(site: Site) -> None:
    client = site.browser.client
    assert 415 == client.post("/api/chat", content=b"message=x",
                              headers={"content-type": "text/plain"}).status_code
    assert 400 == client.post("/api/chat", content=b"{", headers={
        "content-type": "application/json"}).status_code
    refused = client.post("/api/chat", json={"message": "x", "extra": 1})
    assert (422, "extra") == (refused.status_code, refused.json()["field"])
    assert 422 == client.post("/api/chat", json={"message": "   "}).status_code
    assert 422 == client.post("/api/chat", json={"message": "x", "population": 0}).status_code
    assert 422 == client.post("/api/chat", json={"message": "x" * 2001}).status_code


def test_rate_limit_answers_429_with_retry_after(site: Site) -> None:
    client = site.browser.client
    codes = [client.post("/api/chat", json={"message": "Wie lange läuft die Förderung?"})
             .status_code for _ in range(6)]
    assert [200] * 5 + [429] == codes
    limited = client.post("/api/chat", json={"message": "Noch eine Frage?"})
    assert 1 <= int(limited.headers["retry-after"]) <= 60


def test_rate_limit_is_per_client_and_per_minute() -> None:
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert [0.0, 0.0] == [limiter.hit("a"), limiter.hit("a")]
    assert 60.0 == limiter.hit("a")
    assert 0.0 == limiter.hit("b")
    now[0] = 30.0
    assert 30.0 == limiter.hit("a")
    now[0] = 60.5
    assert 0.0 == limiter.hit("a")
    assert 0.0 == RateLimiter(0).hit("a")  # 0: no limit


def test_handover_becomes_an_inquiry_in_the_review_queue(site: Site) -> None:
    """Stored as incoming mail with source chat, processed by the worker like mail, shown
    to staff in the queue with the visitor's address."""
    response = site.browser.client.post("/api/chat/inquiry", json={
        "message": STATUS, "email": "kaemmerei@lahntal.example", "town": "Lahntal"})
    assert (202, {"status": "received"}) == (response.status_code, response.json())

    async def stored(engine: Any) -> Any:
        async with engine.connect() as conn:
            return (await conn.execute(select(Message.source, Message.processed_at))).one()
    assert ("chat", None) == tuple(site.run(stored))
    assert 1 == site.run(lambda engine: process_stored_mail(engine, site.settings))

    async def conversation(engine: Any) -> Any:
        async with engine.connect() as conn:
            return (await conn.execute(select(Conversation.sender_address,
                                              Conversation.municipality,
                                              Conversation.needs_staff))).one()
    assert ("kaemmerei@lahntal.example", "Lahntal", True) == tuple(site.run(conversation))
    site.browser.login("anna")
    queue = site.browser.get("/").text
    assert "Chat-Anfrage: Wie ist der Stand unseres Antrags vom März?" in queue
    assert "kaemmerei@lahntal.example" in queue and "Stand eines Antrags" in queue


def test_handover_refuses_an_address_that_could_add_a_header(site: Site) -> None:
    response = site.browser.client.post("/api/chat/inquiry", json={
        "message": STATUS, "email": "a@b.example\r\nBcc: x@evil.example"})
    assert (422, "email") == (response.status_code, response.json()["field"])


def test_plain_form_without_javascript(site: Site) -> None:
    """The page works as a form: the answer with its source, then a handover form."""
    page = site.browser.get("/chat")
    assert 200 == page.status_code
    assert "script-src 'self'" in page.headers["content-security-policy"]
    answered = site.browser.post("/chat", {"message": "Wie hoch ist die maximale Förderung?"})
    assert 200 == answered.status_code
    assert "30.000 Euro" in answered.text and "answer.funding_amount" in answered.text
    status = site.browser.post("/chat", {"message": STATUS})
    assert 'action="/chat/inquiry"' in status.text
    token = re.search(r'action="/chat/inquiry".*?name="csrf_token" value="([^"]+)"', status.text,
                      re.S)
    assert token
    received = site.browser.post("/chat/inquiry", {
        "message": STATUS, "email": "kaemmerei@lahntal.example", "town": "", "population": ""})
    assert 200 == received.status_code and "kaemmerei@lahntal.example" in received.text


def test_form_errors_are_explained_and_linked(site: Site) -> None:
    site.browser.get("/chat")
    empty = site.browser.post("/chat", {"message": " ", "population": "viele"})
    assert 422 == empty.status_code
    assert 'href="#message"' in empty.text and 'href="#population"' in empty.text
    assert 'aria-invalid="true"' in empty.text
    site.browser.get("/chat")
    bad = site.browser.post("/chat/inquiry", {"message": STATUS, "email": "keine-adresse"})
    assert 422 == bad.status_code and "gültige E-Mail-Adresse" in bad.text


def test_form_without_token_is_refused(site: Site) -> None:
    response = site.browser.client.post("/chat", data={"message": "Frage?"})
    assert 403 == response.status_code


def test_page_language_follows_the_browser_or_the_link(site: Site) -> None:
    english = site.browser.client.get("/chat", headers={"accept-language": "en-GB,en;q=0.8"})
    assert '<html lang="en">' in english.text and "Your question" in english.text
    assert '<html lang="de">' in site.browser.client.get("/chat?lang=de").text


def test_openapi_description_is_served(site: Site) -> None:
    spec = site.browser.client.get("/api/openapi.json").json()
    assert "3.1.0" == spec["openapi"]
    assert {"/api/chat", "/api/chat/inquiry"} == set(spec["paths"])
    assert 2000 == spec["components"]["schemas"]["Question"]["properties"]["message"][
        "maxLength"]
