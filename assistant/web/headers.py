"""The security headers of every response: a strict Content-Security-Policy (no scripts, no
frames, forms only to this site), no sniffing, no caching of pages, and a ``Server-Timing``
header with the milliseconds until the response started. A page may set its own policy (the
chat allows its one script); the others are set only where a page did not."""

from __future__ import annotations

import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """Adds the security headers to every response (pages are never cached) and a
    ``Server-Timing: app;dur=…`` header with the milliseconds until the response started."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if headers.get("content-type", "").startswith("text/html"):
                    headers["cache-control"] = "no-store"
                elapsed = (time.perf_counter() - started) * 1000
                headers["server-timing"] = f"app;dur={elapsed:.1f}"
            await send(message)

        await self.app(scope, receive, send_with_headers)
