"""The reviewer sees where the reply goes, and the reply goes there (through the app's HTTP test
client and the sender with a fake transport, on one SQLite database).

The crafted headers are those of the security review: an address in an encoded display name,
an encoded line break with a Bcc line in a From name and in a Reply-To.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select, update

from assistant.history.db import create_engine, sessionmaker
from assistant.history.models import AuditEntry, Draft, OutboxItem
from assistant.outbound.sender import Sender
from tests.outbound.conftest import FakeTransport, parsed
from tests.parse.test_recipient import CRLF_NAME_FROM, CRLF_REPLY_TO, ENCODED_NAME_FROM, mail
from tests.review.conftest import Browser, make_settings, run, seed
from tests.review.world import DURATION, inquiry_mail

FOREIGN = "Kasse <kasse@rechenzentrum-extern.example>"
SHOWN = re.compile(r'<dd id="reply-recipient"><strong>([^<]*)</strong>')


def _shown(page: str) -> str:
    match = SHOWN.search(page)
    assert match, "the page shows no reply address"
    return match.group(1)


def _send(url: str) -> FakeTransport:
    """One pass of the sender over the database; returns what it delivered."""
    transport = FakeTransport()

    async def work() -> None:
        engine = create_engine(url)
        try:
            await Sender(make_settings(url), sessionmaker(engine), transport).run_once()
        finally:
            await engine.dispose()
    run(work())
    return transport


def _draft(url: str, draft_id: int) -> tuple[str, list[dict[str, Any]]]:
    async def read() -> tuple[str, list[dict[str, Any]]]:
        engine = create_engine(url)
        try:
            async with sessionmaker(engine)() as db:
                status = (await db.execute(select(Draft.status)
                                           .where(Draft.id == draft_id))).scalar_one()
                details = list((await db.execute(
                    select(AuditEntry.detail).where(AuditEntry.draft_id == draft_id,
                                                    AuditEntry.action == "draft_approved")
                )).scalars())
            return status, details
        finally:
            await engine.dispose()
    return run(read())


def _approve(browser: Browser, draft_id: int, confirm: str | None = None) -> Any:
    browser.get(f"/drafts/{draft_id}")
    form = {"revision": "0"}
    if confirm is not None:
        form["confirm_recipient"] = confirm
    return browser.post(f"/drafts/{draft_id}/approve", form)


def test_inquiry_page_shows_a_reply_to_on_another_domain(browser: Browser, review_url: str,
                                                        pipeline: Any) -> None:
    """"Antwort geht an" names the Reply-To address, marked as another domain, and the approval
    form asks for an explicit confirmation of exactly that address."""
    [stored] = run(seed(review_url, pipeline, inquiry_mail(DURATION, reply_to=FOREIGN)))
    browser.login("anna")
    page = browser.get(f"/drafts/{stored.draft_id}").text
    assert "kasse@rechenzentrum-extern.example" == _shown(page)
    assert "andere Domain als der Absender" in page
    assert 'name="confirm_recipient" value="kasse@rechenzentrum-extern.example"' in page


def test_approval_to_another_domain_needs_confirmation(app_factory: Any, review_url: str,
                                                       pipeline: Any) -> None:
    """Without the confirmation the approval is refused (the error tied to the checkbox) and
    the draft stays pending; with it, the draft is approved and the audit says so."""
    browser = app_factory(four_eyes="0")
    [stored] = run(seed(review_url, pipeline, inquiry_mail(DURATION, reply_to=FOREIGN)))
    browser.login("anna")
    refused = _approve(browser, stored.draft_id)
    assert 422 == refused.status_code
    assert 'id="confirm_recipient-error"' in refused.text
    assert "pending" == _draft(review_url, stored.draft_id)[0]
    assert 303 == _approve(browser, stored.draft_id,
                           "kasse@rechenzentrum-extern.example").status_code
    status, [detail] = _draft(review_url, stored.draft_id)
    assert ("approved", "kasse@rechenzentrum-extern.example", True) == (
        status, detail["recipient"], detail["recipient_confirmed"])


def test_confirming_another_address_is_refused(app_factory: Any, review_url: str,
                                               pipeline: Any) -> None:
    """The confirmation must name the address the reply goes to, not any address."""
    browser = app_factory(four_eyes="0")
    [stored] = run(seed(review_url, pipeline, inquiry_mail(DURATION, reply_to=FOREIGN)))
    browser.login("anna")
    assert 422 == _approve(browser, stored.draft_id, "weber@musterbach.de").status_code
    assert "pending" == _draft(review_url, stored.draft_id)[0]


def test_reply_goes_to_address_shown(app_factory: Any, review_url: str,
                                     pipeline: Any) -> None:
    """For each crafted header the sender delivers to exactly the address the page showed,
    and to nothing else: no Bcc, no smuggled address, in the envelope or in the headers."""
    browser = app_factory(four_eyes="0")
    browser.login("anna")
    mails = [mail(ENCODED_NAME_FROM, number=11), mail(CRLF_NAME_FROM, number=12),
             mail("Hans <hi@gemeinde-l.de>", CRLF_REPLY_TO, number=13)]
    shown = []
    for raw in mails:
        [stored] = run(seed(review_url, pipeline, raw))
        address = _shown(browser.get(f"/drafts/{stored.draft_id}").text)
        shown.append(address)
        confirm = address if 'name="confirm_recipient"' in browser.last else None
        assert 303 == _approve(browser, stored.draft_id, confirm).status_code
        transport = _send(review_url)
        [envelope], [reply] = transport.envelopes, transport.delivered
        headers = parsed(reply)
        assert ([address], address) == (envelope, headers["To"].addresses[0].addr_spec)
        assert (None, None) == (headers["Bcc"], headers["X-Injected"])
    assert ["a@attacker.example", "hi2@gemeinde-f.de", "hi8@gemeinde-l.de"] == shown


def test_sender_refuses_an_unconfirmed_address_on_another_domain(review_url: str,
                                                                 pipeline: Any) -> None:
    """A draft approved some other way than the review app (no confirmation recorded) goes back
    to the queue instead of to an address nobody confirmed."""
    [stored] = run(seed(review_url, pipeline, inquiry_mail(DURATION, reply_to=FOREIGN)))

    async def approve_directly() -> None:
        engine = create_engine(review_url)
        try:
            async with engine.begin() as conn:
                await conn.execute(update(Draft).where(Draft.id == stored.draft_id)
                                   .values(status="approved", approved_by="anna"))
        finally:
            await engine.dispose()
    run(approve_directly())
    transport = _send(review_url)

    async def outbox() -> int:
        engine = create_engine(review_url)
        try:
            async with sessionmaker(engine)() as db:
                return len(list((await db.execute(select(OutboxItem))).scalars()))
        finally:
            await engine.dispose()
    assert ([], 0, "pending") == (transport.delivered, run(outbox()),
                                  _draft(review_url, stored.draft_id)[0])
