"""The reply's headers and parts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.errors import CannotCompose
from assistant.history.threads import new_message_id, token_of
from assistant.outbound.compose import compose, references_for
from tests.outbound.conftest import parsed

TOKEN = "0123456789abcdef"


def _reply(**kwargs: object) -> object:
    values: dict = dict(
        message_id=new_message_id(TOKEN, "hsm.hessen.de"),
        sender_address="landesprogrammWIR@hsm.hessen.de", sender_name="Landesprogramm WIR",
        recipient="buergermeisterin@rosenquell.de", recipient_name="Elisabeth Hartung",
        subject="AW: Re: Förderung für Rosenquell", inquiry_message_id="<q2@rosenquell.de>",
        inquiry_references=["<q1@rosenquell.de>", "<a1@hsm.hessen.de>"],
        text="Guten Tag Elisabeth Hartung,\n\nja, <b>gern</b> & bald.\n\nIhr Team\n",
        language="de", date=datetime(2026, 10, 13, 8, 0, tzinfo=UTC))
    values.update(kwargs)
    return compose(**values)


def test_headers_keep_the_reply_in_the_thread() -> None:
    reply = _reply()
    msg = parsed(reply.raw)  # type: ignore[attr-defined]
    assert msg["Subject"] == "Re: Förderung für Rosenquell"
    assert msg["In-Reply-To"] == "<q2@rosenquell.de>"
    assert msg["References"].split() == ["<q1@rosenquell.de>", "<a1@hsm.hessen.de>",
                                         "<q2@rosenquell.de>"]
    assert msg["From"] == "Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>"
    assert msg["To"] == "Elisabeth Hartung <buergermeisterin@rosenquell.de>"
    assert msg["Date"] == "Tue, 13 Oct 2026 08:00:00 +0000"
    assert msg["X-Auto-Response-Suppress"] == "All"


def test_message_id_is_ours_and_carries_the_token() -> None:
    """Threading (assistant.history.threads) finds the conversation from our Message-ID."""
    msg = parsed(_reply().raw)  # type: ignore[attr-defined]
    assert msg["Message-ID"].endswith("@hsm.hessen.de>")
    assert token_of(msg["Message-ID"], "hsm.hessen.de") == TOKEN


def test_text_and_html_parts() -> None:
    """UTF-8 text/plain as written, and an HTML part whose text is escaped."""
    msg = parsed(_reply().raw)  # type: ignore[attr-defined]
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert plain.get_content_charset() == "utf-8"
    expected = "Guten Tag Elisabeth Hartung,\n\nja, <b>gern</b> & bald.\n\nIhr Team\n"
    assert plain.get_content().replace("\r\n", "\n") == expected
    assert "ja, &lt;b&gt;gern&lt;/b&gt; &amp; bald." in html.get_content()
    assert '<html lang="de">' in html.get_content()


@pytest.mark.parametrize(("subject", "expected"), [
    ("Frage", "Re: Frage"),
    ("Re: Frage", "Re: Frage"),
    ("AW: AW: Frage", "Re: Frage"),
    ("WG: Re: AW: Frage", "Re: Frage"),
    ("", "Re:"),
])
def test_subject_prefixes_are_not_stacked(subject: str, expected: str) -> None:
    assert parsed(_reply(subject=subject).raw)["Subject"] == expected  # type: ignore[attr-defined]


def test_without_inquiry_message_id_there_are_no_thread_headers() -> None:
    msg = parsed(_reply(inquiry_message_id=None, inquiry_references=[]).raw)  # type: ignore
    assert msg["In-Reply-To"] is None and msg["References"] is None


def test_long_reference_chains_keep_the_first_and_the_latest() -> None:
    chain = [f"<m{n}@a.de>" for n in range(30)]
    refs = references_for("<q@a.de>", chain)
    assert len(refs) == 20 and refs[0] == "<m0@a.de>" and refs[-1] == "<q@a.de>"


def test_no_usable_recipient_is_refused() -> None:
    with pytest.raises(CannotCompose):
        _reply(recipient="not an address")
    with pytest.raises(CannotCompose):
        _reply(text="  ")
