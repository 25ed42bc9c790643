"""Numbers as people read them: ``50.000`` and ``1,5`` in German, ``50,000`` and ``1.5`` in
English. The one place that knows how; replies, rule reasons, staff pages and reports use it."""

from __future__ import annotations

LANGUAGES = ("de", "en")


def whole(value: int | float, lang: str = "de") -> str:
    """A whole number with thousands separators: ``50.000`` (German), ``50,000`` (English)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "de" else text


def decimal(value: float, digits: int = 1, lang: str = "de") -> str:
    """A number with ``digits`` decimals: ``1,5`` (German), ``1.5`` (English)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text
