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


def test_gone_or_closed_mailboxes_are_auto_replies() -> None:
    """'Diese Adresse ist nicht mehr aktiv', 'no longer monitored', a closed town hall: nobody
    reads the mail, so nothing is answered."""
    for subject, body in (
            ("AW: Ihre Anfrage", "Guten Tag,\r\n\r\ndiese Adresse ist nicht mehr aktiv. Bitte "
             "wenden Sie sich an info@example.org.\r\n\r\nIhre Nachricht wird nicht "
             "weitergeleitet."),
            ("Re: KIV", "This mailbox is no longer monitored.\r\n\r\nPlease resend your message "
             "to office@example.org. Thank you."),
            ("Rathaus geschlossen", "vom 26.11. bis 27.11. bleibt das Rathaus wegen der "
             "Umstellung geschlossen. E-Mails werden in dieser Zeit nicht bearbeitet. Ab "
             "Montag sind wir wieder für Sie da."),
            ("Ihre Anfrage 2026-7", "Vielen Dank für Ihre Anfrage.\r\n\r\nWir haben sie unter "
             "der Nummer 2026-7 erfasst. Dies ist eine automatische Bestätigung. Sie müssen auf "
             "diese E-Mail nicht antworten.")):
        assert Kind.AUTO_REPLY == classify_kind(parse(_mail(subject, body)))[0], body


def test_a_question_about_a_missing_receipt_is_an_inquiry() -> None:
    """'Keine Eingangsbestätigung erhalten – ist der Antrag angekommen?' is a person asking."""
    raw = _mail("Keine Eingangsbestätigung für Onlineantrag",
                "Guten Tag,\r\n\r\nwir haben am 29.10. den Onlineantrag abgeschickt, aber keine "
                "Eingangsbestätigung erhalten. Ist unser Antrag bei Ihnen angekommen?")
    assert Kind.INQUIRY == classify_kind(parse(raw))[0]


def _headers_mail(headers: str, subject: str, body: str) -> bytes:
    return (f"From: Jana Feld <jana@vendor.example.org>\r\nTo: b@example.org\r\n"
            f"Subject: {subject}\r\nMessage-ID: <v@example.org>\r\n"
            f"Date: Mon, 5 Oct 2026 09:00:00 +0200\r\n{headers}"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode()


def test_vendor_bulk_mail_that_asks_is_an_inquiry() -> None:
    """A vendor's mailer (Precedence: bulk, List-Unsubscribe) writing to us with a request is a
    person's inquiry (out of scope, for staff), not an automatic reply."""
    raw = _headers_mail("Precedence: bulk\r\nList-Unsubscribe: <https://vendor.example.org/x>\r\n",
                        "Digitale Moderation für Ihre Kommunen",
                        "Sehr geehrte Damen und Herren,\r\n\r\nwir bieten digitale Moderation "
                        "an. Könnten Sie unser Angebot an die Kommunen weitergeben?")
    assert Kind.INQUIRY == classify_kind(parse(raw), asks=True)[0]


def test_mailing_list_post_stays_machine_mail() -> None:
    """A post from a mailing list (List-Id) is not answered, even when it asks something."""
    raw = _headers_mail("Precedence: list\r\nList-Id: <kommunen.lists.example.org>\r\n"
                        "List-Unsubscribe: <mailto:leave@lists.example.org>\r\n",
                        "[kommunen] Frage", "Hat jemand Erfahrung mit KIV?")
    assert Kind.AUTO_REPLY == classify_kind(parse(raw), asks=True)[0]


def test_thanks_in_dialect_is_an_acknowledgement() -> None:
    """"suuper, dange!" thanks and asks nothing."""
    raw = _mail("Re: wir programm", "suuper, dange! do mache mer mit.\r\n\r\nerwin")
    assert Kind.ACKNOWLEDGEMENT == classify_kind(parse(raw))[0]
