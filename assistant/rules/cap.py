"""A requested amount above the funding cap: the reply points out the cap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.numerals import whole
from assistant.values import PASSED, Finding

if TYPE_CHECKING:
    from assistant.rules import Limits, RuleFacts

NAME = "cap"


def check(facts: RuleFacts, limits: Limits) -> Finding:
    amount, cap = facts.amount_eur, limits.max_amount_eur
    if amount is None:
        return Finding(NAME, PASSED, "Kein Betrag genannt.", "No amount named.")
    if amount <= cap:
        return Finding(NAME, PASSED,
                       f"Genannter Betrag {whole(amount)} € liegt nicht über der Obergrenze von "
                       f"{whole(cap)} €.",
                       f"The amount named, €{whole(amount, 'en')}, is not above the cap of "
                       f"€{whole(cap, 'en')}.")
    return Finding(NAME, "over_cap",
                   f"Genannter Betrag {whole(amount)} € liegt über der Obergrenze von "
                   f"{whole(cap)} €.",
                   f"The amount named, €{whole(amount, 'en')}, is above the cap of "
                   f"€{whole(cap, 'en')}.")
