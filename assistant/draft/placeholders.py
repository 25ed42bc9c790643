"""Placeholder safety: a draft that still has a hole in it cannot be approved.

Three kinds of hole, each with a German reason that the inquiry page shows next to the editor:
an unfilled gap marker (``[[BITTE ERGÄNZEN: …]]``, the drafting stage's way of saying the
knowledge does not cover a question), leftover template syntax (``{{ … }}``, ``{% … %}``,
``{# … #}``), and a greeting whose name is missing (``Guten Tag ,``, ``Dear None,``,
``Sehr geehrte Frau [Name],``). The sender checks again before it composes a reply, so a
draft approved some other way is still stopped.
"""

from __future__ import annotations

import re

from assistant.draft import GAP_MARKER

_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
# The opening words of a greeting that is followed by a name, in German and English.
_GREETING = re.compile(
    r"^\s*(?P<words>guten\s+tag|hallo|liebe[rs]?|sehr\s+geehrte[rs]?(?:\s+(?:frau|herr))?"
    r"(?:\s+(?:dr\.|prof\.)){0,2}|dear|hello|hi)\b(?P<rest>[^,\n]*),",
    re.IGNORECASE)
# A name that is really a placeholder or a rendered empty value.
_NO_NAME = re.compile(
    r"^\s*(?:|none|null|nan|undefined|name|vorname|nachname|xxx+|\.\.\.|…|[\[<(].*[\]>)]|"
    r"frau|herr|frau\s+und\s+herr)\s*$",
    re.IGNORECASE)
_GENERIC_GREETING = re.compile(r"damen\s+und\s+herren|sir\s+or\s+madam|all\b", re.IGNORECASE)


def problems(text: str) -> list[str]:
    """The reasons why ``text`` cannot be sent, in German; empty when it can."""
    reasons: list[str] = []
    if not text.strip():
        return ["Der Antwortentwurf ist leer."]
    gaps = GAP_MARKER.findall(text)
    if gaps:
        shown = gaps[0] if len(gaps[0]) <= 80 else gaps[0][:77] + "…"
        reasons.append(
            f"Der Entwurf enthält noch {_count(len(gaps), 'offene Lücke', 'offene Lücken')} "
            f"(z. B. „{shown}“). Bitte ergänzen Sie die Antwort oder entfernen Sie die Markierung.")
    syntax = _TEMPLATE_SYNTAX.search(text)
    if syntax:
        reasons.append(
            f"Der Entwurf enthält Reste von Vorlagen-Syntax („{syntax.group(0)}“). "
            "Bitte entfernen oder ersetzen Sie sie.")
    if _greeting_without_name(text):
        reasons.append(
            "In der Anrede fehlt der Name. Bitte ergänzen Sie ihn oder schreiben Sie "
            "„Sehr geehrte Damen und Herren,“.")
    return reasons


def _greeting_without_name(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    match = _GREETING.match(first)
    if not match:
        return False
    words, rest = match.group("words"), match.group("rest")
    if _GENERIC_GREETING.search(rest):
        return False
    if _NO_NAME.match(rest):
        return True
    # "Sehr geehrte Frau ," is caught above; "Sehr geehrte ," has no title and no name either.
    return words.lower().startswith("sehr") and not rest.strip()


def _count(n: int, one: str, many: str) -> str:
    return f"eine {one}" if n == 1 else f"{n} {many}"
