"""Mails for the worker's tests and benchmarks: inquiries, thank-yous, automatic replies,
bounces — each unique (its own Message-ID, sender and bytes) unless told otherwise."""

from __future__ import annotations

from assistant.settings import Settings

PROGRAMME = "landesprogrammWIR@hsm.hessen.de"
DATE = "Mon, 7 Sep 2026 10:00:00 +0200"

QUESTIONS = (
    "Wir sind eine Gemeinde mit 8.500 Einwohnern in Hessen. Können wir eine Förderung für eine "
    "Integrationsstrategie beantragen?",
    "Wie hoch ist die Förderung maximal, und welche Kosten werden übernommen?",
    "Bis wann muss der Antrag gestellt werden und wie lange läuft die Förderung?",
    "Können wir uns mit einer Nachbargemeinde gemeinsam bewerben?",
)


def settings(database_url: str, inbox: str = "maildir:/nonexistent", **extra: str) -> Settings:
    env = {"ASSISTANT_DATABASE_URL": database_url, "ASSISTANT_INBOX": inbox,
           "ASSISTANT_LEASE_SECONDS": "30", "ASSISTANT_RECONNECT_MAX_SECONDS": "2"}
    env.update({f"ASSISTANT_{k.upper()}": v for k, v in extra.items()})
    return Settings.load(env)


def _mail(sender: str, subject: str, body: str, message_id: str, headers: str = "") -> bytes:
    return (f"From: {sender}\r\nTo: Landesprogramm WIR <{PROGRAMME}>\r\nSubject: {subject}\r\n"
            f"Date: {DATE}\r\nMessage-ID: {message_id}\r\n{headers}"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n").encode()


def sender_of(i: int) -> str:
    return f"kommune{i}@gemeinde{i}.example.org"


def inquiry(i: int, *, sender: str | None = None, subject: str | None = None,
            headers: str = "", question: str | None = None) -> bytes:
    address = sender or sender_of(i)
    body = (f"Sehr geehrte Damen und Herren,\r\n\r\n{question or QUESTIONS[i % len(QUESTIONS)]}"
            f"\r\n\r\nMit freundlichen Grüßen\r\nAnna Beispiel ({i})\r\nGemeinde Beispiel{i}")
    return _mail(f"Anna Beispiel <{address}>", subject or f"Frage zur KIV-Förderung ({i})", body,
                 f"<inquiry-{i}@gemeinde{i}.example.org>", headers)


def acknowledgement(i: int, in_reply_to: str, *, sender: str | None = None) -> bytes:
    body = ("Sehr geehrte Frau Platzhalter,\r\n\r\nvielen Dank für die ausführliche Auskunft, "
            "das hilft uns sehr weiter.\r\n\r\nMit freundlichen Grüßen\r\nAnna Beispiel")
    return _mail(f"Anna Beispiel <{sender or sender_of(i)}>", f"Re: Frage zur KIV-Förderung ({i})",
                 body, f"<thanks-{i}@gemeinde{i}.example.org>",
                 f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n")


def auto_reply(i: int, in_reply_to: str | None = None, *, sender: str | None = None) -> bytes:
    refs = f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n" if in_reply_to else ""
    body = ("Vielen Dank für Ihre Nachricht. Ich bin bis zum 21.09. nicht im Büro und habe "
            "keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an "
            "die Zentrale.")
    return _mail(f"Anna Beispiel <{sender or sender_of(i)}>",
                 f"Automatische Antwort: Frage zur KIV-Förderung ({i})", body,
                 f"<auto-{i}@gemeinde{i}.example.org>", refs + "Auto-Submitted: auto-replied\r\n")


def bounce(i: int, returned_message_id: str) -> bytes:
    boundary = f"bounce-{i}"
    return (
        "Return-Path: <>\r\n"
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n"
        f"To: {PROGRAMME}\r\nSubject: Undelivered Mail Returned to Sender\r\nDate: {DATE}\r\n"
        f"Message-ID: <bounce-{i}@mx.example.net>\r\nAuto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{boundary}\""
        f"\r\n\r\n--{boundary}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        "This is the mail system at host mx.example.net.\r\n\r\nI'm sorry to have to inform "
        "you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n"
        f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.net\r\n\r\nFinal-Recipient: rfc822; x@example.org\r\n"
        "Action: failed\r\nStatus: 5.1.1\r\n\r\n"
        f"--{boundary}\r\nContent-Type: message/rfc822\r\n\r\n"
        f"From: Landesprogramm WIR <{PROGRAMME}>\r\nTo: x@example.org\r\nSubject: Re: Frage\r\n"
        f"Date: {DATE}\r\nMessage-ID: {returned_message_id}\r\n\r\nUnsere Antwort.\r\n\r\n"
        f"--{boundary}--\r\n").encode()


def from_programme(i: int) -> bytes:
    """A mail whose sender is our own address: a loop."""
    return _mail(f"Landesprogramm WIR <{PROGRAMME}>", f"Re: Frage ({i})",
                 "Unsere Antwort kam zurück.", f"<loop-{i}@hsm.hessen.de>")


def mixed(count: int) -> list[bytes]:
    """``count`` mails: mostly inquiries, every 7th an automatic reply, every 11th a
    thank-you — all from different senders."""
    mails = []
    for i in range(count):
        if i % 7 == 3:
            mails.append(auto_reply(i))
        elif i % 11 == 5:
            mails.append(acknowledgement(i, f"<wir.{i:016x}.abc@hsm.hessen.de>"))
        else:
            mails.append(inquiry(i))
    return mails
