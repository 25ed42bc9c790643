"""The most recent quoted message (the one a reply answers, or the one a forward passes on),
and postscripts below the signature."""

from __future__ import annotations

import pytest

from assistant.parse.quotes import first_quoted, split_reply

OUTLOOK = """________________________________
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Freitag, 2. Oktober 2026 11:20
An: Dietz, Markus <m.dietz@gemeinde.example.org>
Betreff: AW: Frage

Sehr geehrter Herr Dietz,

teilen Sie uns bitte mit, wie viele Einwohner die Gemeinde hat.

Mit freundlichen Grüßen
Ihr Team

-----Ursprüngliche Nachricht-----
Von: Dietz, Markus <m.dietz@gemeinde.example.org>
Gesendet: Donnerstag, 1. Oktober 2026 09:00
Betreff: Frage

Kommen wir in Frage?
"""

THUNDERBIRD = """Am 02.10.2026 um 11:20 schrieb Landesprogramm WIR:
> Sehr geehrter Herr Dietz,
>
> teilen Sie uns bitte mit, wie viele Einwohner die Gemeinde hat.
>
> Am 01.10.2026 schrieb Markus Dietz:
>> Kommen wir in Frage?
"""

FORWARD = """-------- Weitergeleitete Nachricht --------
Betreff: \tFristen?
Datum: \tSun, 25 Oct 2026 17:10:44 +0100
Von: \tBürgermeister <bm@gemeinde.example.org>

Liebe Frau Bangert,

bitte klären Sie, bis wann wir den Antrag stellen müssen.

Gruß
K.-H. Wiegand
"""


@pytest.mark.parametrize("quoted", [OUTLOOK, THUNDERBIRD])
def test_first_quoted_is_the_answered_message_alone(quoted: str) -> None:
    """Only the latest quoted message: our request, without the mail it quoted in turn."""
    first = first_quoted(quoted)
    assert first is not None
    assert "wie viele Einwohner" in first.text
    assert "Kommen wir in Frage" not in first.text
    assert "landesprogramm" in first.opener.lower()


def test_forwarded_message_is_marked_and_read_without_its_headers() -> None:
    """A forward separator marks a forward; the text starts after the header block."""
    first = first_quoted(FORWARD)
    assert first is not None and first.forward
    assert first.text.startswith("Liebe Frau Bangert")
    assert "K.-H. Wiegand" in first.text


def test_nothing_quoted_is_none() -> None:
    assert first_quoted("\n\n") is None


def test_postscript_below_the_signature_is_new_text() -> None:
    """"PS: Wie lange …?" after the closing belongs to what the sender writes now."""
    split = split_reply("Guten Tag,\n\ndanke für die Auskunft.\n\nViele Grüße\nTanja Krüger\n"
                        "Tel. 06441 0778-30\n\nPS: Wie viel Zeit haben wir insgesamt?")
    assert split.new_text.endswith("PS: Wie viel Zeit haben wir insgesamt?")
    assert "Tel. 06441" in split.signature and "PS" not in split.signature
