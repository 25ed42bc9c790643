"""Structured log lines for the long-running processes (the worker, the sender, the web app).

A log call names an event and passes its fields in ``extra={"fields": {...}}``::

    log.info("mail", extra={"fields": {"message_id": "<a@b>", "kind": "inquiry", "ms": 4.2}})

and comes out as one line, ``logfmt`` by default or JSON (``ASSISTANT_LOG_FORMAT``)::

    ts=2026-01-05T10:00:00.123Z level=info logger=assistant.worker event=mail message_id=<a@b> …

Callers never pass mail addresses, names or mail text: Message-IDs (in fields of their own),
kinds and counts only. Mail addresses that an error text or a traceback quotes — bare, or in
angle brackets as an SMTP server quotes a recipient — are replaced by ``<address>``
(:func:`redact`, the one function for it).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                  "-_.:/@<>+,[]()#%")


# Mail addresses in error texts and tracebacks (an exception may quote the mail, an SMTP server
# the recipient in angle brackets). An address in brackets goes with its brackets, so that the
# line reads "<address>", never "<<address>>".
_ADDRESS = re.compile(r"<[\w.+'-]+@[\w-]+(?:\.[\w-]+)+>|(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_REDACTED_FIELDS = ("error", "exc")


def redact(text: str) -> str:
    """``text`` with every mail address replaced by ``<address>``."""
    return _ADDRESS.sub("<address>", text)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    ts = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    fields: dict[str, Any] = {"ts": ts, "level": record.levelname.lower(),
                              "logger": record.name, "event": record.getMessage()}
    fields.update(getattr(record, "fields", None) or {})
    if record.exc_info:
        fields["exc"] = logging.Formatter().formatException(record.exc_info)
    for name in _REDACTED_FIELDS:
        if isinstance(fields.get(name), str):
            fields[name] = redact(fields[name])
    return fields


def _logfmt_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    text = str(value)
    if text and all(c in _SAFE for c in text):
        return text
    return json.dumps(text, ensure_ascii=False)


class LogfmtFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return " ".join(f"{k}={_logfmt_value(v)}" for k, v in _fields(record).items())


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(_fields(record), ensure_ascii=False, default=str)


class AccessLine(logging.Filter):
    """uvicorn's access lines as an event ``request`` with the method, the path without its
    query string, and the status — no client address, no query (search terms and sender
    addresses travel in query strings)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            _client, method, path, _version, status = args
            record.msg, record.args = "request", ()
            record.fields = {"method": method, "path": redact(str(path).split("?", 1)[0]),
                             "status": status}
        return True


def setup(level: str = "INFO", fmt: str = "logfmt") -> None:
    """Log to stderr, one structured line per event; replaces earlier handlers."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else LogfmtFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # Libraries' chatter (each SMTP command, each SQL statement) stays out of the worker's log.
    for noisy in ("mail.log", "aiosmtpd", "imapclient", "sqlalchemy", "alembic", "asyncio"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, AccessLine) for f in access.filters):
        access.addFilter(AccessLine())
