"""The shortcuts of the parse stage give the same results as the full checks."""

from __future__ import annotations

from assistant.parse.mime import raw_8bit
from assistant.parse.quotes import split_reply


def test_ascii_header_is_returned_as_is() -> None:
    """A plain ASCII header needs no decoding."""
    assert "Frage zur Frist" == raw_8bit("Frage zur Frist")


def test_raw_utf8_header_is_decoded() -> None:
    """Raw 8-bit bytes (surrogate escapes from the parser) are decoded as UTF-8."""
    escaped = "Förderhöhe".encode().decode("ascii", "surrogateescape")
    assert "Förderhöhe" == raw_8bit(escaped)


def test_attribution_wrapped_over_lines_is_found() -> None:
    """An attribution wrapped by the mail client still starts the history."""
    text = ("Danke, noch eine Frage: Wie lange läuft es?\n\n"
            "Am Di., 6. Okt. 2026 um 10:12 Uhr\nschrieb Team WIR <wir@example.org>:\n"
            "> Die Laufzeit ist 18 Monate.\n")
    split = split_reply(text)
    assert "Danke, noch eine Frage: Wie lange läuft es?" == split.new_text
    assert split.quoted.startswith("Am Di.")


def test_text_without_attribution_words_keeps_everything() -> None:
    """Without "schrieb" or "wrote" no line is taken for an attribution."""
    text = "Am Montag tagt der Rat.\nWir melden uns danach."
    assert text == split_reply(text).new_text
