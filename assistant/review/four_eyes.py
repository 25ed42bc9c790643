"""The four-eyes rule: which drafts need a second reviewer, and why.

With the setting ``ASSISTANT_FOUR_EYES`` on, a draft needs two approvals by two different people
when the assistant flagged it for staff, when it is about money or eligibility (the reply states
an amount or decides who may apply), or when an edit changed a large share of its text
(``ASSISTANT_HEAVY_EDIT_SHARE``). The first approval is recorded and the draft waits; the second
must come from someone else, so no one approves their own work alone. Changing the text after the
first approval withdraws it: the approvals always concern the text that is sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.knowledge import Knowledge


@dataclass(frozen=True, slots=True)
class Sensitive:
    """What is about money or eligibility: the intents whose answers, and the answers and
    notices (block sources), that the knowledge marks ``four_eyes: true``."""

    intents: frozenset[str]
    sources: frozenset[str]

    @classmethod
    def of(cls, knowledge: Knowledge) -> Sensitive:
        entries = [*knowledge.answers.values(), *knowledge.notices.values()]
        return cls(frozenset(e.intent for e in entries if e.four_eyes and e.intent),
                   frozenset(e.id for e in entries if e.four_eyes))


def changed_share(original: str, edited: str | None) -> float:
    """How much of the text an edit changed: 0 for none, 1 for everything."""
    if edited is None or edited == original:
        return 0.0
    matcher = SequenceMatcher(None, original, edited, autojunk=False)
    return round(1.0 - matcher.ratio(), 3)


def reasons(*, needs_staff: bool, blocks: Sequence[Mapping[str, Any]],
            intents: Iterable[str], original: str, edited: str | None,
            heavy_edit_share: float, sensitive: Sensitive) -> list[str]:
    """Why this draft needs a second reviewer (German, for the page); empty when it does not."""
    found: list[str] = []
    if needs_staff:
        found.append("Der Assistent hat den Entwurf zur fachlichen Prüfung markiert.")
    topics = set(intents) | {b.get("intent") for b in blocks if b.get("intent")}
    sources = {b.get("source") for b in blocks}
    if topics & sensitive.intents or sources & sensitive.sources:
        found.append("Die Antwort betrifft Fördergeld oder die Antragsberechtigung.")
    share = changed_share(original, edited)
    if share >= heavy_edit_share:
        found.append(f"Der Entwurf wurde stark bearbeitet ({share * 100:.0f} % des Textes "
                     "geändert).")
    return found
