"""Structured log lines: one line per event, logfmt or JSON, addresses kept out of errors."""

from __future__ import annotations

import json
import logging

import pytest

from assistant.logs import JsonFormatter, LogfmtFormatter


def _record(event: str, **fields: object) -> logging.LogRecord:
    record = logging.LogRecord("assistant.worker", logging.INFO, __file__, 1, event, None, None)
    record.fields = fields
    return record


def test_logfmt_is_one_line_of_key_value_pairs() -> None:
    """Plain values stay bare, others are quoted; lists are joined; the event comes first."""
    line = LogfmtFormatter().format(_record(
        "mail", message_id="<a.1@x.example>", kind="inquiry", intents=["deadline", "contact"],
        verdict=None, ms=4.2, note="two words"))
    assert "\n" not in line
    assert line.startswith("ts=")
    assert ("level=info logger=assistant.worker event=mail message_id=<a.1@x.example> "
            "kind=inquiry intents=deadline,contact verdict= ms=4.2 note=\"two words\"") in line


def test_json_lines_parse() -> None:
    """The JSON format is one object per line with the same fields."""
    data = json.loads(JsonFormatter().format(_record("mail", kind="bounce", ms=1.0)))
    assert ("mail", "bounce", 1.0, "info") == (data["event"], data["kind"], data["ms"],
                                               data["level"])


@pytest.mark.parametrize("formatter", [LogfmtFormatter(), JsonFormatter()])
def test_addresses_in_errors_are_redacted(formatter: logging.Formatter) -> None:
    """An error text that quotes a mail address logs "<address>" instead; Message-IDs stay."""
    line = formatter.format(_record("processing failed", error="no reply to anna@gemeinde.de",
                                    message_id="<m1@gemeinde.de>"))
    assert "anna@gemeinde.de" not in line
    assert "<address>" in line and "<m1@gemeinde.de>" in line
