"""SMTP or LMTP intake (``smtp://HOST:PORT``, ``lmtp://HOST:PORT``): the mail server delivers
to the assistant, for setups without an IMAP mailbox to read.

An aiosmtpd handler, in the shape of aiosmtpd's own ``handlers.py``: ``handle_RCPT`` accepts only
the programme's addresses (``ASSISTANT_PROGRAMME_ADDRESSES``), so this is never an open relay;
aiosmtpd enforces the size limit (``ASSISTANT_MAX_MESSAGE_BYTES``, announced in EHLO);
``handle_DATA`` commits the raw mail to the store *before* it answers 250, and answers 451 (try
again later) when the store is unavailable — the sending server keeps the mail and retries. As
the final delivery agent the intake adds the ``Return-Path`` header with the envelope sender
(RFC 5321, 4.4), which is how bounces are told apart (``Return-Path: <>``).

``MAIL FROM`` and ``RCPT TO`` take only RFC 5321 paths: ``<address>`` (``<>`` for bounces), then
parameters. aiosmtpd alone also accepts an address without its closing bracket
(``MAIL FROM:<a@b.de``) and a bare address; the intake (:func:`_strict`) answers 501 to both.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import TYPE_CHECKING, Any

from assistant.inbound import InboxURL, Incoming, Sink

if TYPE_CHECKING:
    from assistant.settings import Settings

log = logging.getLogger("assistant.inbound")

OK = "250 2.0.0 OK: stored"
NOT_OURS = "550 5.1.1 Not a mailbox of this programme"
TRY_LATER = "451 4.3.0 Cannot store the mail right now, please try again later"
FOLDER = ""
# An RFC 5321 path — "<", an address (a quoted local part may hold spaces), ">" — and then
# nothing or the parameters after a space.
_PATH = re.compile(r'<(?:"(?:[^"\\\r\n]|\\.)*"|[^<>\s"])*>(?:[ \t]+\S.*)?')


class IntakeHandler:
    def __init__(self, sink: Sink, addresses: tuple[str, ...], mailbox: str, source: str) -> None:
        self.sink = sink
        self.addresses = {a.lower() for a in addresses}
        self.mailbox = mailbox
        self.source = source
        self.stored = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address.strip().lower() not in self.addresses:
            return NOT_OURS
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        sender = (envelope.mail_from or "").strip("<>")
        raw = b"Return-Path: <" + sender.encode("utf-8", "replace") + b">\r\n"
        raw += envelope.original_content or b""
        try:
            self.stored += await self.sink.store(self.source, self.mailbox, FOLDER,
                                                 [Incoming(raw, source_ref=None)])
        except Exception as exc:  # noqa: BLE001 - any failure to store means "try again"
            log.warning("cannot store delivered mail; answered 451",
                        extra={"fields": {"mailbox": self.mailbox,
                                          "error": exc.__class__.__name__}})
            return TRY_LATER
        # LMTP answers DATA once per recipient.
        count = len(envelope.rcpt_tos) if self.source == "lmtp" else 1
        return "\r\n".join([OK] * count)


def _strict(base: type) -> type:
    """aiosmtpd's SMTP or LMTP class, with MAIL FROM and RCPT TO taking a well-formed path only."""
    from aiosmtpd.smtp import syntax

    async def refused(server: Any, arg: str | None, keyword: str) -> bool:
        if arg is None or arg[:len(keyword)].upper() != keyword:
            return False  # aiosmtpd answers these itself
        if _PATH.fullmatch(arg[len(keyword):].strip()):
            return False
        command = "MAIL FROM" if keyword == "FROM:" else "RCPT TO"
        await server.push(f"501 5.5.4 Syntax: {command}:<address>")
        return True

    class Strict(base):  # type: ignore[valid-type,misc]
        @syntax("MAIL FROM: <address>", extended=" [SP <mail-parameters>]")
        async def smtp_MAIL(self, arg: str | None) -> None:
            if not await refused(self, arg, "FROM:"):
                await super().smtp_MAIL(arg)

        @syntax("RCPT TO: <address>", extended=" [SP <mail-parameters>]")
        async def smtp_RCPT(self, arg: str | None) -> None:
            if not await refused(self, arg, "TO:"):
                await super().smtp_RCPT(arg)

    Strict.__name__ = f"Strict{base.__name__}"
    return Strict


class SmtpIntake:
    def __init__(self, inbox: InboxURL, settings: Settings) -> None:
        self.inbox = inbox
        self.name = inbox.name
        self.addresses = settings.own_addresses
        self.size_limit = settings.max_message_bytes
        self.domain = settings.message_id_domain
        self.server: asyncio.Server | None = None

    async def start(self, sink: Sink) -> asyncio.Server:
        from aiosmtpd.lmtp import LMTP
        from aiosmtpd.smtp import SMTP

        handler = IntakeHandler(sink, self.addresses, self.name, self.inbox.scheme)
        protocol = _strict(LMTP if self.inbox.scheme == "lmtp" else SMTP)

        def factory() -> Any:
            return protocol(handler, data_size_limit=self.size_limit, enable_SMTPUTF8=True,
                            decode_data=False, hostname=self.domain, ident="WIR assistant")

        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(factory, host=self.inbox.host,
                                               port=self.inbox.port)
        log.info("listening for mail", extra={"fields": {"mailbox": self.name}})
        return self.server

    async def run(self, sink: Sink, stop: asyncio.Event) -> None:
        server = await self.start(sink)
        with contextlib.suppress(Exception):  # only for `assistant status`; not worth failing
            await sink.polled(self.name, FOLDER)
        try:
            await stop.wait()
        finally:
            server.close()
            await server.wait_closed()

    async def fetch_once(self, sink: Sink) -> int:
        """Mail is delivered, not fetched: ``--once`` processes what has been stored."""
        return 0
