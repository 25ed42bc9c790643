"""A requested amount above the funding cap: the reply points out the cap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.values import Finding

if TYPE_CHECKING:
    from assistant.rules import Facts, Limits


def check(facts: Facts, limits: Limits) -> Finding | None:
    if facts.amount_eur is None or facts.amount_eur <= limits.max_amount_eur:
        return None
    de = f"{facts.amount_eur:,}".replace(",", ".")
    cap_de = f"{limits.max_amount_eur:,}".replace(",", ".")
    return Finding("cap", "over_cap",
                   f"Genannter Betrag {de} € liegt über der Obergrenze von {cap_de} €.",
                   f"The amount named, €{facts.amount_eur:,}, is above the cap of "
                   f"€{limits.max_amount_eur:,}.")
