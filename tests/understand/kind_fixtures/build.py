#!/usr/bin/env python3
"""Deterministic generator for the mail-kind fixtures in this folder.

Run:  python3 tests/understand/kind_fixtures/build.py

Writes every ``*.eml`` file with exact bytes and ``cases.yaml`` (a list of
{file, kind, about}); kind is one of inquiry, acknowledgement, auto_reply,
bounce.  Python 3.11 standard library only.

Every mail here is synthetic: auto-replies and bounces are modelled on the
usual Exchange / Postfix / Exim shapes but all texts, towns, people, hosts and
domains are invented (example.org / example.net sub-domains).  The only real
address is the programme mailbox landesprogrammWIR@hsm.hessen.de.

The kind is decided on the NEW text and the headers; quoted history never
changes the kind (see the "quoted" cases).
"""
from __future__ import annotations

import base64
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("inquiry", "acknowledgement", "auto_reply", "bounce")
CASES: list[dict] = []


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def ew(text: str) -> str:
    """RFC 2047 B encoded word (UTF-8) for a header value."""
    return "=?utf-8?B?" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "?="


def assemble(headers: str, body: str | bytes, *, nl: str = "\n",
             body_charset: str = "utf-8") -> bytes:
    if isinstance(body, str):
        body = body.encode(body_charset)
    raw = headers.rstrip("\n").encode("ascii") + b"\n\n" + body
    if nl != "\n":
        raw = raw.replace(b"\n", nl.encode("ascii"))
    return raw


def add(file: str, kind: str, about: str, data: bytes) -> None:
    assert kind in KINDS and file.endswith(".eml")
    assert all(c["file"] != file for c in CASES)
    CASES.append(dict(file=file, kind=kind, about="synthetic: " + about, data=data))


# Original programme mail that auto-replies and bounces refer to.
ORIG_SUBJECT = "Förderaufruf 2027 – Landesprogramm WIR"
ORIG_ID = "<wir-rundschreiben-2026-09@hsm.hessen.de>"
ORIG_HEADERS = f"""From: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
To: integration@beispielrode.example.org
Subject: {ew(ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:00:00 +0200
Message-ID: {ORIG_ID}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
"""

# ---------------------------------------------------------------------------
# auto_reply
# ---------------------------------------------------------------------------

add("auto-exchange-automatische-antwort.eml", "auto_reply",
    "Exchange German out-of-office: Auto-Submitted: auto-replied, X-Auto-Response-Suppress: All, X-MS-Exchange-Inbox-Rules-Loop, subject 'Automatische Antwort: ...'",
    assemble(f"""From: Lena Fiktiv <l.fiktiv@beispielrode.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: {ew("Automatische Antwort: " + ORIG_SUBJECT)}
Thread-Topic: {ew(ORIG_SUBJECT)}
Thread-Index: AQHc4f1a2b3c4d5e6f7a8b9c0d1e2f3a4
Date: Mon, 7 Sep 2026 06:00:04 +0000
Message-ID: <FR3P281MB1234ABCD5678EF90@FR3P281MB1234.DEUP281.PROD.OUTLOOK.EXAMPLE.NET>
In-Reply-To: {ORIG_ID}
References: {ORIG_ID}
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: l.fiktiv@beispielrode.example.org
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Language: de-DE
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64
""", b64(("Sehr geehrte Damen und Herren,\r\n\r\n"
          "ich bin vom 07.09.2026 bis einschließlich 18.09.2026 nicht im Büro.\r\n"
          "Ihre Nachricht wird nicht weitergeleitet. In dringenden Fällen wenden Sie\r\n"
          "sich bitte an integration@beispielrode.example.org.\r\n\r\n"
          "Mit freundlichen Grüßen\r\nLena Fiktiv\r\n").encode("utf-8")), nl="\r\n"))

add("auto-exchange-automatic-reply-en.eml", "auto_reply",
    "Exchange English out-of-office: 'Automatic reply: ...' with Auto-Submitted, X-Auto-Response-Suppress and X-MS-Exchange-Inbox-Rules-Loop",
    assemble(f"""From: Oliver Sample <oliver.sample@example.net>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: {ew("Automatic reply: " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 06:00:09 +0000
Message-ID: <AM9PR02MB7777EEEE1111@AM9PR02MB7777.eurprd02.prod.outlook.example.net>
In-Reply-To: {ORIG_ID}
References: {ORIG_ID}
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: oliver.sample@example.net
Content-Language: en-US
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit
""", "Thank you for your email. I am on annual leave until 21 September 2026\r\n"
     "and will respond to your message on my return.\r\n\r\n"
     "Oliver Sample\r\n", nl="\r\n"))

add("auto-abwesenheitsnotiz-subject.eml", "auto_reply",
    "'Abwesenheitsnotiz: ...' subject (Lotus/HCL Notes style) with Auto-Submitted: auto-replied",
    assemble(f"""From: Greta Testweg <g.testweg@exempeldorf.example.net>
To: landesprogrammWIR@hsm.hessen.de
Subject: {ew("Abwesenheitsnotiz: AW: Fördermittel 2027")}
Date: Tue, 8 Sep 2026 09:14:22 +0200
Message-ID: <OF1A2B3C4D.5E6F7A8B-ONC1258B00.0012AB34@exempeldorf.example.net>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable
""", "Ich werde ab 08.09.2026 nicht im B=FCro sein. Ich kehre zur=FCck am\n"
     "28.09.2026.\n"
     "\n"
     "Ich werde Ihre Nachricht nach meiner R=FCckkehr beantworten.\n"))

add("auto-x-autoreply-only.eml", "auto_reply",
    "out-of-office flagged only by 'X-Autoreply: yes' (no Auto-Submitted), neutral 'Re:' subject",
    assemble(f"""From: Tobias Erfunden <t.erfunden@erfundenau.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: Re: {ew(ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:00:31 +0200
Message-ID: <vacation.20260907080031.1a2b@erfundenau.example.org>
In-Reply-To: {ORIG_ID}
X-Autoreply: yes
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Guten Tag,\n\n"
     "ich bin bis zum 14.09.2026 im Urlaub. Ihre E-Mail wird nach meiner Rückkehr\n"
     "bearbeitet.\n\n"
     "Tobias Erfunden\n"))

add("auto-precedence-auto-reply.eml", "auto_reply",
    "out-of-office flagged only by 'Precedence: auto_reply', subject 'AW: ...'",
    assemble(f"""From: Kai Exempel <k.exempel@fiktivingen.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: AW: {ew(ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:01:02 +0200
Message-ID: <autoreply.5f6e7d@fiktivingen.example.org>
In-Reply-To: {ORIG_ID}
Precedence: auto_reply
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Vielen Dank für Ihre E-Mail.\n\n"
     "Ich bin bis einschließlich 11. September 2026 abwesend. Ihre Nachricht wird\n"
     "nicht automatisch weitergeleitet. Bitte wenden Sie sich in dringenden\n"
     "Angelegenheiten an das Sekretariat unter sekretariat@fiktivingen.example.org.\n"))

add("auto-text-only-nicht-im-buero.eml", "auto_reply",
    "out-of-office WITHOUT any auto-reply header: 'Ich bin vom ... bis ... nicht im Büro'",
    assemble(f"""From: Sabine Vorlage <s.vorlage@fiktivhausen.example.net>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: AW: Rundschreiben 3/2026
Date: Mon, 31 Aug 2026 10:02:11 +0200
Message-ID: <ooo-text.0831@fiktivhausen.example.net>
In-Reply-To: <wir-rundschreiben-3-2026@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Ich bin vom 31.08. bis 04.09.2026 nicht im Büro und habe keinen Zugriff auf\n"
     "meine E-Mails. In dringenden Fällen wenden Sie sich bitte an Herrn Kai\n"
     "Exempel (k.exempel@fiktivhausen.example.net).\n\n"
     "Mit freundlichen Grüßen\n"
     "Sabine Vorlage\n"))

add("auto-text-only-nicht-erreichbar.eml", "auto_reply",
    "out-of-office WITHOUT any auto-reply header: 'Vielen Dank für Ihre Nachricht. Ich bin derzeit nicht erreichbar'",
    assemble(f"""From: Erika Mustermann <e.mustermann@beispielsheim.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: {ew("AW: " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:00:45 +0200
Message-ID: <ne.0907.0800@beispielsheim.example.org>
In-Reply-To: {ORIG_ID}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Vielen Dank für Ihre Nachricht. Ich bin derzeit nicht erreichbar.\n"
     "Ab dem 21.09.2026 bin ich wieder für Sie da. Ihre E-Mail wird nicht\n"
     "weitergeleitet.\n\n"
     "Erika Mustermann\n"
     "Gemeindeverwaltung Beispielsheim\n"))

add("auto-text-only-english-out-of-office.eml", "auto_reply",
    "English out-of-office WITHOUT any auto-reply header: 'I am currently out of the office'",
    assemble(f"""From: Anna Placeholder <anna.placeholder@example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: {ew("RE: " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 07:01:15 +0100
Message-ID: <en-ooo.0907@example.org>
In-Reply-To: {ORIG_ID}
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit
""", "Hello,\n\n"
     "I am currently out of the office with limited access to e-mail and will be\n"
     "back on 14 September 2026. For urgent matters please contact\n"
     "office@example.org.\n\n"
     "Kind regards,\n"
     "Anna Placeholder\n"))

add("auto-text-only-html-urlaub.eml", "auto_reply",
    "HTML-only out-of-office WITHOUT any auto-reply header ('Ich befinde mich bis ... im Urlaub')",
    assemble(f"""From: Jonas Beispiel <jonas.beispiel@beispielkreis.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: {ew("AW: " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:02:00 +0200
Message-ID: <html-ooo.0907@beispielkreis.example.org>
In-Reply-To: {ORIG_ID}
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: 8bit
""", "<html><head><style>p{margin:0}</style></head><body>\n"
     "<p>Sehr geehrte Damen und Herren,</p>\n"
     "<p>&nbsp;</p>\n"
     "<p>ich befinde mich bis zum 25.09.2026 im Urlaub. Ihre E-Mail wird in dieser\n"
     "Zeit <b>nicht</b> gelesen. Vertretung: Frau Greta Testweg,\n"
     "g.testweg@beispielkreis.example.org.</p>\n"
     "<p>&nbsp;</p>\n"
     "<p>Mit freundlichen Gr&uuml;&szlig;en<br>Jonas Beispiel</p>\n"
     "</body></html>\n"))

add("auto-ticket-receipt-auto-generated.eml", "auto_reply",
    "ticket-system receipt with Auto-Submitted: auto-generated: 'Ihre Anfrage ist bei uns eingegangen ... Ticketnummer'",
    assemble(f"""From: Servicedesk Kreisverwaltung Beispielkreis <servicedesk@beispielkreis.example.org>
Reply-To: servicedesk@beispielkreis.example.org
To: landesprogrammWIR@hsm.hessen.de
Subject: {ew("[Ticket#2026090710000123] Eingangsbestätigung: " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:00:20 +0200
Message-ID: <ticket.2026090710000123.receipt@servicedesk.beispielkreis.example.org>
In-Reply-To: {ORIG_ID}
Auto-Submitted: auto-generated
X-Loop: servicedesk@beispielkreis.example.org
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Sehr geehrte Damen und Herren,\n\n"
     "Ihre Anfrage ist bei uns eingegangen und wurde unter der Ticketnummer\n"
     "2026090710000123 erfasst. Bitte geben Sie diese Nummer bei Rückfragen im\n"
     "Betreff an.\n\n"
     "Dies ist eine automatisch erzeugte Nachricht. Bitte antworten Sie nicht auf\n"
     "diese E-Mail.\n\n"
     "Ihr Servicedesk der Kreisverwaltung Beispielkreis\n"))

add("auto-ticket-receipt-text-only.eml", "auto_reply",
    "ticket-system receipt WITHOUT any auto-reply header, only the text ('Ihre Anfrage ist bei uns eingegangen', 'Vorgangsnummer')",
    assemble(f"""From: Buergerservice Stadt Musterstadt <buergerservice@musterstadt.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: {ew("Ihre Anfrage [#MS-2026-004711] – " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 08:03:00 +0200
Message-ID: <ms-2026-004711@buergerservice.musterstadt.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Guten Tag,\n\n"
     "vielen Dank für Ihre Nachricht. Ihre Anfrage ist bei uns eingegangen und\n"
     "hat die Ticketnummer MS-2026-004711. Wir bearbeiten Anliegen in der\n"
     "Reihenfolge ihres Eingangs und melden uns so bald wie möglich.\n\n"
     "Ihr Bürgerservice der Stadt Musterstadt\n"))

# ---------------------------------------------------------------------------
# bounce
# ---------------------------------------------------------------------------

_orig_copy = ORIG_HEADERS + "\nSehr geehrte Damen und Herren,\n\nanbei der Förderaufruf 2027.\n"

add("bounce-dsn-failed.eml", "bounce",
    "Postfix-style multipart/report; report-type=delivery-status with Action: failed, Status: 5.1.1, original message attached",
    assemble("""Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx1.landesnetz.example.net>
To: landesprogrammWIR@hsm.hessen.de
Subject: Undelivered Mail Returned to Sender
Date: Mon, 7 Sep 2026 08:00:07 +0200 (CEST)
Message-ID: <20260907060007.3F1A2B0C4D@mx1.landesnetz.example.net>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="3F1A2B0C4D.1788760807/mx1.landesnetz.example.net"
Content-Transfer-Encoding: 8bit
""", "This is a MIME-encapsulated message.\n\n"
     "--3F1A2B0C4D.1788760807/mx1.landesnetz.example.net\n"
     "Content-Description: Notification\n"
     "Content-Type: text/plain; charset=us-ascii\n\n"
     "This is the mail system at host mx1.landesnetz.example.net.\n\n"
     "I'm sorry to have to inform you that your message could not\n"
     "be delivered to one or more recipients. It's attached below.\n\n"
     "                   The mail system\n\n"
     "<integration@beispielrode.example.org>: host\n"
     "    mx.beispielrode.example.org[192.0.2.25] said: 550 5.1.1\n"
     "    <integration@beispielrode.example.org>: Recipient address rejected:\n"
     "    User unknown in virtual mailbox table (in reply to RCPT TO command)\n\n"
     "--3F1A2B0C4D.1788760807/mx1.landesnetz.example.net\n"
     "Content-Description: Delivery report\n"
     "Content-Type: message/delivery-status\n\n"
     "Reporting-MTA: dns; mx1.landesnetz.example.net\n"
     "X-Postfix-Queue-ID: 3F1A2B0C4D\n"
     "X-Postfix-Sender: rfc822; landesprogrammWIR@hsm.hessen.de\n"
     "Arrival-Date: Mon,  7 Sep 2026 08:00:05 +0200 (CEST)\n\n"
     "Final-Recipient: rfc822; integration@beispielrode.example.org\n"
     "Original-Recipient: rfc822;integration@beispielrode.example.org\n"
     "Action: failed\n"
     "Status: 5.1.1\n"
     "Remote-MTA: dns; mx.beispielrode.example.org\n"
     "Diagnostic-Code: smtp; 550 5.1.1 <integration@beispielrode.example.org>:\n"
     "    Recipient address rejected: User unknown in virtual mailbox table\n\n"
     "--3F1A2B0C4D.1788760807/mx1.landesnetz.example.net\n"
     "Content-Description: Undelivered Message\n"
     "Content-Type: message/rfc822\n"
     "Content-Transfer-Encoding: 8bit\n\n"
     + _orig_copy +
     "\n--3F1A2B0C4D.1788760807/mx1.landesnetz.example.net--\n"))

add("bounce-dsn-delayed.eml", "bounce",
    "delayed DSN (multipart/report, Action: delayed, Status: 4.4.1) -- not final, still kind bounce",
    assemble("""Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx1.landesnetz.example.net>
To: landesprogrammWIR@hsm.hessen.de
Subject: Delayed Mail (still being retried)
Date: Mon, 7 Sep 2026 12:00:09 +0200 (CEST)
Message-ID: <20260907100009.7A8B9C0D1E@mx1.landesnetz.example.net>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="7A8B9C0D1E.1788775209/mx1.landesnetz.example.net"
Content-Transfer-Encoding: 8bit
""", "This is a MIME-encapsulated message.\n\n"
     "--7A8B9C0D1E.1788775209/mx1.landesnetz.example.net\n"
     "Content-Description: Notification\n"
     "Content-Type: text/plain; charset=us-ascii\n\n"
     "This is the mail system at host mx1.landesnetz.example.net.\n\n"
     "####################################################################\n"
     "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
     "####################################################################\n\n"
     "Your message could not be delivered for 4.0 hours.\n"
     "It will be retried until it is 5.0 days old.\n\n"
     "<buero@musterbach.example.net>: connect to mx.musterbach.example.net[192.0.2.77]:25:\n"
     "    Connection timed out\n\n"
     "--7A8B9C0D1E.1788775209/mx1.landesnetz.example.net\n"
     "Content-Description: Delivery report\n"
     "Content-Type: message/delivery-status\n\n"
     "Reporting-MTA: dns; mx1.landesnetz.example.net\n"
     "X-Postfix-Queue-ID: 7A8B9C0D1E\n"
     "Arrival-Date: Mon,  7 Sep 2026 08:00:05 +0200 (CEST)\n\n"
     "Final-Recipient: rfc822; buero@musterbach.example.net\n"
     "Action: delayed\n"
     "Status: 4.4.1\n"
     "Diagnostic-Code: X-Postfix; connect to mx.musterbach.example.net[192.0.2.77]:25:\n"
     "    Connection timed out\n"
     "Will-Retry-Until: Sat, 12 Sep 2026 08:00:05 +0200 (CEST)\n\n"
     "--7A8B9C0D1E.1788775209/mx1.landesnetz.example.net\n"
     "Content-Description: Undelivered Message Headers\n"
     "Content-Type: text/rfc822-headers\n\n"
     + ORIG_HEADERS.replace("integration@beispielrode.example.org",
                            "buero@musterbach.example.net") +
     "\n--7A8B9C0D1E.1788775209/mx1.landesnetz.example.net--\n"))

add("bounce-mailer-daemon-plain.eml", "bounce",
    "Exim-style plain-text bounce from Mailer-Daemon (no multipart/report), carries 'Auto-Submitted: auto-replied' like a real Exim bounce",
    assemble(f"""Return-Path: <>
From: Mail Delivery System <Mailer-Daemon@mx.blindtextburg.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: Mail delivery failed: returning message to sender
Date: Mon, 07 Sep 2026 08:00:12 +0200
Message-ID: <E1vBxYz-000Abc-Q7@mx.blindtextburg.example.org>
Auto-Submitted: auto-replied
X-Failed-Recipients: integration@blindtextburg.example.org
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 8bit
""", "This message was created automatically by mail delivery software.\n\n"
     "A message that you sent could not be delivered to one or more of its\n"
     "recipients. This is a permanent error. The following address(es) failed:\n\n"
     "  integration@blindtextburg.example.org\n"
     "    mailbox is full: retry timeout exceeded\n\n"
     "------ This is a copy of the message, including all the headers. ------\n\n"
     + _orig_copy.replace("integration@beispielrode.example.org",
                          "integration@blindtextburg.example.org")))

add("bounce-exchange-unzustellbar-de.eml", "bounce",
    "Exchange German NDR: subject 'Unzustellbar: ...', multipart/report with German text, delivery-status (Action: failed, 5.2.2) and original headers",
    assemble(f"""From: Microsoft Outlook <MicrosoftExchange0a1b2c3d4e5f@fiktivingen.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: {ew("Unzustellbar: " + ORIG_SUBJECT)}
Date: Mon, 7 Sep 2026 06:00:15 +0000
Message-ID: <0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d@fiktivingen.example.org>
In-Reply-To: {ORIG_ID}
References: {ORIG_ID}
Auto-Submitted: auto-replied
X-MS-Exchange-Message-Is-Ndr:
Content-Language: de-DE
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="_000_ndr_0a1b2c3d4e5f_"
""", "--_000_ndr_0a1b2c3d4e5f_\n"
     "Content-Type: text/plain; charset=\"utf-8\"\n"
     "Content-Transfer-Encoding: 8bit\n\n"
     "Ihre Nachricht hat folgende Empfänger nicht erreicht:\n\n"
     "Kai Exempel (k.exempel@fiktivingen.example.org)\n"
     "Das Postfach des Empfängers ist voll und kann derzeit keine Nachrichten\n"
     "annehmen. Versuchen Sie später erneut, die Nachricht zu senden, oder wenden\n"
     "Sie sich direkt an den Empfänger.\n\n"
     "Diagnoseinformationen für Administratoren:\n"
     "Generierender Server: EX01.fiktivingen.example.org\n"
     "Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'\n\n"
     "--_000_ndr_0a1b2c3d4e5f_\n"
     "Content-Type: message/delivery-status\n\n"
     "Reporting-MTA: dns;EX01.fiktivingen.example.org\n"
     "Received-From-MTA: dns;mx.landesnetz.example.net\n"
     "Arrival-Date: Mon, 7 Sep 2026 06:00:10 +0000\n\n"
     "Final-Recipient: rfc822;k.exempel@fiktivingen.example.org\n"
     "Action: failed\n"
     "Status: 5.2.2\n"
     "Diagnostic-Code: smtp;554 5.2.2 mailbox full\n\n"
     "--_000_ndr_0a1b2c3d4e5f_\n"
     "Content-Type: text/rfc822-headers\n\n"
     + ORIG_HEADERS.replace("integration@beispielrode.example.org",
                            "k.exempel@fiktivingen.example.org") +
     "\n--_000_ndr_0a1b2c3d4e5f_--\n", nl="\r\n"))

add("bounce-return-path-empty.eml", "bounce",
    "plain-text German failure notice with 'Return-Path: <>' from postmaster, no multipart/report, no Auto-Submitted",
    assemble(f"""Return-Path: <>
From: postmaster@erfundenau.example.org
To: landesprogrammWIR@hsm.hessen.de
Subject: Fehler bei der Nachrichtenzustellung
Date: Mon, 7 Sep 2026 08:00:40 +0200
Message-ID: <pm-20260907080040@erfundenau.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Dies ist eine automatisch erstellte Nachricht des Mailservers\n"
     "mail.erfundenau.example.org.\n\n"
     "Ihre Nachricht konnte nicht zugestellt werden.\n\n"
     "Empfänger: integration@erfundenau.example.org\n"
     "Grund: 550 5.1.1 Empfängeradresse existiert nicht (user unknown)\n\n"
     "Betreff der Originalnachricht: " + ORIG_SUBJECT + "\n"
     "Gesendet: Mon, 7 Sep 2026 08:00:00 +0200\n"))

# ---------------------------------------------------------------------------
# inquiry (people, even when the mail looks machine-like)
# ---------------------------------------------------------------------------

add("inquiry-outlook-auto-response-suppress-only.eml", "inquiry",
    "ordinary Outlook mail from a person carrying only X-Auto-Response-Suppress: All (plus Thread-Index etc.), no Auto-Submitted, no Rules-Loop; asks a question",
    assemble(f"""From: "Vorlage, Sabine" <s.vorlage@fiktivhausen.example.net>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: Frage zur Antragstellung 2027
Thread-Topic: Frage zur Antragstellung 2027
Thread-Index: AdzgB2c3d4e5f6a7b8c9d0e1f2a3b4c5d6==
Date: Tue, 8 Sep 2026 07:45:10 +0000
Message-ID: <BE1P281MB0002A1A1A1A1@BE1P281MB0002.DEUP281.PROD.OUTLOOK.EXAMPLE.NET>
Accept-Language: de-DE, en-US
Content-Language: de-DE
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
X-Auto-Response-Suppress: All
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64
""", b64(("Sehr geehrte Damen und Herren,\r\n\r\n"
          "wir möchten für 2027 erstmals einen Antrag stellen. Können wir die Stelle\r\n"
          "der Integrationskoordination bereits vor Bewilligung ausschreiben, ohne\r\n"
          "die Förderung zu gefährden?\r\n\r\n"
          "Mit freundlichen Grüßen\r\nSabine Vorlage\r\nGemeinde Fiktivhausen\r\n").encode("utf-8")),
    nl="\r\n"))

add("inquiry-forwarded-bounce.eml", "inquiry",
    "person forwards an Exchange NDR ('WG: Unzustellbar: ...') and asks why the mail did not arrive and how to reach the programme",
    assemble(f"""From: Max Muster <m.muster@beispieltal.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: {ew("WG: Unzustellbar: Antrag Gemeinde Beispieltal")}
Date: Wed, 9 Sep 2026 10:12:00 +0200
Message-ID: <fwd-ndr.0909@beispieltal.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Sehr geehrte Damen und Herren,\n\n"
     "meine E-Mail mit dem Antrag kam gestern als unzustellbar zurück (siehe\n"
     "unten). Warum ist die Nachricht nicht angekommen? Und wie kann ich Ihnen\n"
     "den Antrag mit den Anlagen sonst zukommen lassen – per Post oder über\n"
     "einen Upload?\n\n"
     "Mit freundlichen Grüßen\n"
     "Max Muster\n"
     "Gemeinde Beispieltal\n\n"
     "Von: Microsoft Outlook <MicrosoftExchange9f8e7d6c@beispieltal.example.org>\n"
     "Gesendet: Dienstag, 8. September 2026 16:40\n"
     "An: Muster, Max <m.muster@beispieltal.example.org>\n"
     "Betreff: Unzustellbar: Antrag Gemeinde Beispieltal\n\n"
     "Ihre Nachricht hat folgende Empfänger nicht erreicht:\n\n"
     "landesprogrammWIR@hsm.hessen.de\n"
     "Die Nachricht ist zu groß für das Postfach des Empfängers.\n\n"
     "Diagnoseinformationen für Administratoren:\n"
     "Remote Server returned '552 5.3.4 Message size exceeds fixed maximum message size'\n"))

add("inquiry-thanks-then-question.eml", "inquiry",
    "starts like a thank-you but ends with a new question ('Vielen Dank! Eine Frage noch: ...')",
    assemble(f"""From: Greta Testweg <g.testweg@exempeldorf.example.net>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: AW: Kooperationsvertrag
Date: Wed, 9 Sep 2026 11:30:00 +0200
Message-ID: <thx-q.0909@exempeldorf.example.net>
In-Reply-To: <wir-20260908140000.91@hsm.hessen.de>
References: <wir-20260908140000.91@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Vielen Dank! Eine Frage noch: Muss der Kooperationsvertrag vom\n"
     "Bürgermeister persönlich unterschrieben werden, oder reicht die\n"
     "Unterschrift der Fachbereichsleitung?\n\n"
     "Viele Grüße\n"
     "Greta Testweg\n\n"
     "Am 08.09.2026 um 14:00 schrieb Landesprogramm WIR:\n"
     "> Sehr geehrte Frau Testweg,\n"
     "> anbei das Muster für den Kooperationsvertrag.\n"))

add("inquiry-quoted-automatische-antwort.eml", "inquiry",
    "a deputy answers below a quoted 'Automatische Antwort' (subject 'AW: Automatische Antwort: ...', quoted out-of-office text); the new text is a real question",
    assemble(f"""From: Kai Exempel <k.exempel@beispielrode.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: {ew("AW: Automatische Antwort: " + ORIG_SUBJECT)}
Date: Tue, 8 Sep 2026 09:20:00 +0200
Message-ID: <deputy.0908@beispielrode.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Sehr geehrte Damen und Herren,\n\n"
     "ich vertrete Frau Fiktiv während ihres Urlaubs. Zum Förderaufruf 2027\n"
     "hätten wir eine Frage: Können auch Ortsteile mit weniger als 1.000\n"
     "Einwohnern ein eigenes Projekt beantragen?\n\n"
     "Mit freundlichen Grüßen\n"
     "Kai Exempel\n\n"
     "-----Ursprüngliche Nachricht-----\n"
     "Von: Fiktiv, Lena <l.fiktiv@beispielrode.example.org>\n"
     "Gesendet: Montag, 7. September 2026 08:00\n"
     "An: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>\n"
     "Betreff: Automatische Antwort: " + ORIG_SUBJECT + "\n\n"
     "Ich bin vom 07.09.2026 bis einschließlich 18.09.2026 nicht im Büro.\n"
     "Ihre Nachricht wird nicht weitergeleitet.\n"))

add("inquiry-mentions-own-absence.eml", "inquiry",
    "a person mentions their own coming absence ('ab dem 14.09. zwei Wochen nicht im Büro') but the mail is a question, not an auto-reply",
    assemble(f"""From: Erika Mustermann <e.mustermann@beispielsheim.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: Frist Verwendungsnachweis
Date: Thu, 10 Sep 2026 15:10:00 +0200
Message-ID: <absent-q.0910@beispielsheim.example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Guten Tag,\n\n"
     "ich bin ab dem 14.09. zwei Wochen nicht im Büro, daher vorab meine Frage:\n"
     "Kann die Frist für den Verwendungsnachweis 2025 um einen Monat verlängert\n"
     "werden? Bitte antworten Sie auch an meine Kollegin Frau Vorlage in Cc.\n\n"
     "Viele Grüße\n"
     "Erika Mustermann\n"))

add("inquiry-en-plain.eml", "inquiry",
    "plain English inquiry from a person",
    assemble("""From: Anna Placeholder <anna.placeholder@example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: Eligibility of an association
Date: Thu, 10 Sep 2026 16:00:00 +0100
Message-ID: <en-inq.0910@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit
""", "Dear Sir or Madam,\n\n"
     "we are a registered association working with newly arrived families in\n"
     "Exempeldorf. Can an association apply directly, or does the application\n"
     "have to come from the municipality?\n\n"
     "Kind regards,\n"
     "Anna Placeholder\n"))

# ---------------------------------------------------------------------------
# acknowledgement
# ---------------------------------------------------------------------------

add("ack-de-thanks.eml", "acknowledgement",
    "pure German thank-you, no question",
    assemble("""From: Max Muster <m.muster@beispieltal.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: Re: Ihre Anfrage zur Antragsberechtigung
Date: Fri, 3 Jul 2026 09:00:00 +0200
Message-ID: <ack-de.0703@beispieltal.example.org>
In-Reply-To: <c0ffee12-3456-4789-abcd-0123456789ab@hsm.hessen.de>
References: <c0ffee12-3456-4789-abcd-0123456789ab@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Sehr geehrte Frau Platzhalter,\n\n"
     "vielen Dank für die ausführliche Auskunft, das hilft uns sehr weiter.\n\n"
     "Mit freundlichen Grüßen\n"
     "Max Muster\n"))

add("ack-en-thanks.eml", "acknowledgement",
    "pure English thank-you, no question",
    assemble("""From: Oliver Sample <oliver.sample@example.net>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: RE: Eligible costs
Date: Thu, 3 Sep 2026 08:10:00 +0000
Message-ID: <ack-en.0903@example.net>
In-Reply-To: <wir-20260902170000.51@hsm.hessen.de>
References: <wir-20260902170000.51@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit
""", "Many thanks for your quick reply - that answers all our questions.\n\n"
     "Best regards,\n"
     "Oliver\n"))

add("ack-de-thanks-quoted-questions.eml", "acknowledgement",
    "German thank-you whose quoted history contains several questions; only the new text counts",
    assemble("""From: Kai Exempel <k.exempel@fiktivingen.example.org>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: Re: Honorarkosten
Date: Fri, 11 Sep 2026 08:30:00 +0200
Message-ID: <ack-q.0911@fiktivingen.example.org>
In-Reply-To: <wir-20260910160000.95@hsm.hessen.de>
References: <b64body.0909@fiktivingen.example.org>
 <wir-20260910160000.95@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""", "Danke, damit hat sich unsere Frage erledigt.\n\n"
     "Gruß\n"
     "Kai Exempel\n\n"
     "Am 10.09.2026 um 16:00 schrieb Landesprogramm WIR:\n"
     "> Sehr geehrter Herr Exempel,\n"
     ">\n"
     "> Honorarkräfte können gefördert werden, sofern die Sätze angemessen sind.\n"
     ">\n"
     ">> Dürfen Honorarkräfte über das Programm abgerechnet werden?\n"
     ">> Gibt es eine Obergrenze für den Stundensatz?\n"
     ">> Und müssen wir dafür einen Änderungsantrag stellen?\n"))

add("ack-de-received-outlook.eml", "acknowledgement",
    "short German confirmation of receipt written by a person in Outlook (carries X-Auto-Response-Suppress: All but no other auto header)",
    assemble(f"""From: "Testweg, Greta" <g.testweg@exempeldorf.example.net>
To: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Subject: AW: Bewilligungsbescheid 2026
Thread-Topic: Bewilligungsbescheid 2026
Thread-Index: AdzhC3d4e5f6a7b8c9d0e1f2a3b4c5d6e7
Date: Fri, 11 Sep 2026 07:05:00 +0000
Message-ID: <BE1P281MB0009B2B2B2B2@BE1P281MB0009.DEUP281.PROD.OUTLOOK.EXAMPLE.NET>
In-Reply-To: <wir-bescheid-2026-17@hsm.hessen.de>
References: <wir-bescheid-2026-17@hsm.hessen.de>
X-Auto-Response-Suppress: All
Content-Language: de-DE
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable
""", "Guten Morgen,\n\n"
     "danke, der Bescheid ist bei uns angekommen.\n\n"
     "Viele Gr=FC=DFe\n"
     "Greta Testweg\n\n"
     "Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>=20\n"
     "Gesendet: Donnerstag, 10. September 2026 17:30\n"
     "An: Testweg, Greta <g.testweg@exempeldorf.example.net>\n"
     "Betreff: Bewilligungsbescheid 2026\n\n"
     "Sehr geehrte Frau Testweg,\n"
     "anbei erhalten Sie den Bewilligungsbescheid. Haben Sie noch Fragen?\n", nl="\r\n"))

add("ack-de-thanks-signature-slogan.eml", "acknowledgement",
    "German thank-you whose signature carries a question-like slogan ('Noch Fragen? ...') -- not a question",
    assemble("""From: Petra Beispielfrau <p.beispielfrau@musterstadt.example.org>
To: landesprogrammWIR@hsm.hessen.de
Subject: Re: Trägerschaft
Date: Fri, 11 Sep 2026 09:45:00 +0200
Message-ID: <ack-slogan.0911@musterstadt.example.org>
In-Reply-To: <wir-20260910120000.81@hsm.hessen.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
""".replace("Subject: Re: Trägerschaft", "Subject: " + ew("Re: Trägerschaft")),
     "Herzlichen Dank für die schnelle Klärung!\n\n"
     "Petra Beispielfrau\n\n"
     "-- \n"
     "Integrationsbüro Stadt Musterstadt\n"
     "Marktstraße 5, 99998 Musterstadt\n"
     "Noch Fragen? Unser Bürgertelefon erreichen Sie unter 069 90009-555.\n"))


# ---------------------------------------------------------------------------

def yq(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif o < 0x20 or 0x7F <= o <= 0xA0:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def main() -> None:
    for c in CASES:
        (HERE / c["file"]).write_bytes(c["data"])
    lines = ["# Generated by build.py -- edit build.py and re-run, do not edit by hand.",
             "# kind: inquiry | acknowledgement | auto_reply | bounce",
             "# All mails are synthetic; people, towns and domains are invented.", ""]
    for c in CASES:
        lines.append(f"- file: {yq(c['file'])}")
        lines.append(f"  kind: {c['kind']}")
        lines.append(f"  about: {yq(c['about'])}")
    (HERE / "cases.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {k: sum(c["kind"] == k for c in CASES) for k in KINDS}
    print(f"wrote {len(CASES)} .eml files and cases.yaml: {counts}")


if __name__ == "__main__":
    main()
