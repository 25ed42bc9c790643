"""Only municipalities in the programme's state may apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.values import PASSED, Finding

if TYPE_CHECKING:
    from assistant.rules import Limits, RuleFacts

NAME = "state"


def check(facts: RuleFacts, limits: Limits) -> Finding:
    if facts.state is None:
        return Finding(NAME, PASSED, "Kein Bundesland bekannt (weder in der Mail noch im "
                                     "Gemeindeverzeichnis): nichts zu prüfen.",
                       "No state known (neither in the mail nor in the register): nothing to "
                       "check.")
    source = "laut Mail" if facts.state_basis == "stated" else "laut Gemeindeverzeichnis"
    source_en = "as stated" if facts.state_basis == "stated" else "according to the register"
    if facts.state != limits.home_state:
        return Finding(NAME, "not_eligible",
                       f"{facts.town or 'Die Kommune'} liegt {source} in {facts.state}, "
                       f"nicht in {limits.home_state}.",
                       f"{facts.town or 'The municipality'} is in {facts.state} ({source_en}), "
                       f"not in {limits.home_state}.")
    return Finding(NAME, "ok", f"Liegt {source} in {facts.state}.",
                   f"Located in {facts.state} ({source_en}).")
