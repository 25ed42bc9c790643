"""The one seam to the outgoing mail server: aiosmtplib behind a small ``Transport``.

``ASSISTANT_SMTP_URL`` takes ``smtp://[USER:PASSWORD@]HOST:PORT`` (plain, or with
``?starttls=1`` for STARTTLS), ``smtps://…`` (TLS from the first byte), and the options
``verify=0`` (accept any certificate — for a relay on the same host only) and
``cafile=/path/ca.pem`` (trust this CA). User name and password are URL-decoded.

A delivery either succeeds, or raises one of two errors, and the sender's whole no-double-send
design rests on telling them apart:

* :class:`NotDelivered` — the server certainly does not have the message: the connection or
  login failed, the envelope was refused, or the server answered the data with an error code.
  ``permanent`` for 5xx answers, otherwise worth a retry.
* :class:`DeliveryUnknown` — the message was (perhaps completely) transmitted but the final
  answer never arrived (timeout, connection lost). The server may have accepted it.

Unit tests replace the transport with a fake; integration tests run a real aiosmtpd server.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib

from assistant.errors import DeliveryUnknown, NotDelivered, SettingsError, SmtpUnavailable
from assistant.settings import unencoded_userinfo


class Transport(Protocol):
    async def send(self, sender: str, recipients: list[str], data: bytes) -> str:
        """Deliver ``data``; returns the server's final answer. Raises the errors above."""
        ...


@dataclass(frozen=True, slots=True)
class SmtpTarget:
    host: str
    port: int
    use_tls: bool
    start_tls: bool
    username: str | None
    password: str | None = field(repr=False)  # never in a repr, a log line or an error
    verify: bool
    cafile: str | None

    @classmethod
    def parse(cls, url: str) -> SmtpTarget:
        """Read ``ASSISTANT_SMTP_URL``; no error message quotes it (it holds a password)."""
        try:
            parts = urlsplit(url)
        except ValueError:
            raise SettingsError("ASSISTANT_SMTP_URL cannot be read (is an IPv6 host in "
                                "[brackets]?)") from None
        if parts.scheme not in ("smtp", "smtps"):
            raise SettingsError(f"ASSISTANT_SMTP_URL must start with smtp:// or smtps://, "
                                f"not {parts.scheme or '(nothing)'}://")
        if unencoded_userinfo(url, parts.netloc):
            raise SettingsError("ASSISTANT_SMTP_URL has an unencoded /, #, ? or @ in its user or "
                                "password: percent-encode them (/ as %2F, # as %23, ? as %3F, "
                                "@ as %40)")
        if not parts.hostname:
            raise SettingsError("ASSISTANT_SMTP_URL has no host")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        use_tls = parts.scheme == "smtps"
        start_tls = query.get("starttls", "0").lower() in ("1", "true", "yes", "on")
        if use_tls and start_tls:
            raise SettingsError("ASSISTANT_SMTP_URL: smtps:// and starttls=1 exclude each other")
        try:
            port = parts.port or (465 if use_tls else 587 if start_tls else 25)
        except ValueError:
            raise SettingsError("ASSISTANT_SMTP_URL: the port is not a number from 0 to "
                                "65535") from None
        return cls(host=parts.hostname, port=port, use_tls=use_tls, start_tls=start_tls,
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None,
                   verify=query.get("verify", "1").lower() not in ("0", "false", "no", "off"),
                   cafile=query.get("cafile"))

    def tls_context(self) -> ssl.SSLContext | None:
        if not (self.use_tls or self.start_tls):
            return None
        context = ssl.create_default_context(cafile=self.cafile)
        if not self.verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context


def _is_permanent(code: int) -> bool:
    return 500 <= code < 600


class SmtpTransport:
    """Delivers one message per connection (replies are few; no pooling needed)."""

    def __init__(self, url: str, *, timeout: float = 60.0, local_hostname: str | None = None):
        self.target = SmtpTarget.parse(url)
        self.timeout = timeout
        self.local_hostname = local_hostname

    async def send(self, sender: str, recipients: list[str], data: bytes) -> str:
        t = self.target
        client = aiosmtplib.SMTP(
            hostname=t.host, port=t.port, use_tls=t.use_tls, start_tls=t.start_tls,
            username=t.username, password=t.password, tls_context=t.tls_context(),
            timeout=self.timeout, local_hostname=self.local_hostname)
        try:
            try:
                await client.connect()
                await client.mail(sender)
                for recipient in recipients:
                    await client.rcpt(recipient)
            except aiosmtplib.SMTPResponseException as exc:
                raise NotDelivered(f"{exc.code} {exc.message}",
                                   permanent=_is_permanent(exc.code)) from exc
            except aiosmtplib.SMTPRecipientsRefused as exc:
                codes = [r.code for r in exc.recipients]
                raise NotDelivered(str(exc), permanent=all(map(_is_permanent, codes))) from exc
            except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
                raise SmtpUnavailable(f"{type(exc).__name__}: {exc}") from exc
            # From here on the message may reach the server: only an explicit error answer
            # proves that it was not accepted.
            try:
                response = await client.data(data)
            except aiosmtplib.SMTPResponseException as exc:
                raise NotDelivered(f"{exc.code} {exc.message}",
                                   permanent=_is_permanent(exc.code)) from exc
            except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
                raise DeliveryUnknown(f"{type(exc).__name__}: {exc}") from exc
            return f"{response.code} {response.message}"
        finally:
            if client.is_connected:
                try:
                    await client.quit()
                except (aiosmtplib.SMTPException, OSError, TimeoutError):
                    client.close()
