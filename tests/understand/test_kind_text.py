"""Machine mail recognisable only by its text: vacation notices and ticket receipts."""

from __future__ import annotations

from assistant.parse import parse
from assistant.understand.kind import classify_kind
from assistant.values import Kind


def _mail(subject: str, body: str) -> bytes:
    return (f"From: a@example.org\r\nTo: b@example.org\r\nSubject: {subject}\r\n"
            "Message-ID: <x@example.org>\r\nDate: Mon, 5 Oct 2026 09:00:00 +0200\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode()


def test_vacation_notice_without_headers_is_auto_reply() -> None:
    """"Weder gelesen noch weitergeleitet", "bei dringenden Anliegen" mark a vacation notice."""
    raw = _mail("AW: Frage", "Guten Tag,\r\n\r\nich bin bis zum 26.10. nicht im Haus. Ihre "
                "Nachricht wird in dieser Zeit weder gelesen noch weitergeleitet. Ab dem 27.10. "
                "bin ich wieder für Sie da. Bei dringenden Anliegen wenden Sie sich an das Team.")
    assert Kind.AUTO_REPLY == classify_kind(parse(raw))[0]


def test_ticket_receipt_without_headers_is_auto_reply() -> None:
    """A receipt that files the mail under a number and promises a call back is machine mail."""
    raw = _mail("AW: Frage", "Guten Tag,\r\n\r\nIhre Anfrage wurde unter der Nummer 2026-001 "
                "erfasst. Eine Mitarbeiterin wird sich schnellstmöglich bei Ihnen melden. "
                "Dieses Postfach wird automatisch verwaltet.")
    assert Kind.AUTO_REPLY == classify_kind(parse(raw))[0]
