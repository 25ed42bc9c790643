"""Only municipalities in the programme's state may apply.

The state comes from the mail (a statement, a district, a region, a mention) or the register.
Without one, the mail may still say that the town lies elsewhere ("wir liegen nicht in Hessen":
not eligible) or name a kind of municipality the programme's state does not have
("Ortsgemeinde", "Verbandsgemeinde": a doubt — the verdict stays unknown and staff ask).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.values import PASSED, Finding

if TYPE_CHECKING:
    from assistant.rules import Limits, RuleFacts

NAME = "state"


def outside_home(facts: RuleFacts, limits: Limits) -> bool:
    """Whether the facts place the town outside the programme's state, or cast doubt on it."""
    if facts.state is not None:
        return facts.state != limits.home_state
    return bool(facts.outside or facts.doubt)


def check(facts: RuleFacts, limits: Limits) -> Finding:
    town_de, town_en = facts.town or "Die Kommune", facts.town or "The municipality"
    if facts.state is None:
        if facts.outside:
            return Finding(NAME, "not_eligible",
                           f"{town_de} liegt laut Mail nicht in {limits.home_state} "
                           f"(„{facts.outside}“).",
                           f"{town_en} is not in {limits.home_state}, as stated "
                           f"(“{facts.outside}”).")
        if facts.doubt:
            return Finding(NAME, "unknown",
                           f"„{facts.doubt}“ gibt es in {limits.home_state} nicht: Bundesland "
                           "bitte prüfen.",
                           f"There is no “{facts.doubt}” in {limits.home_state}: please check "
                           "the state.")
        return Finding(NAME, PASSED, "Kein Bundesland bekannt (weder in der Mail noch im "
                                     "Gemeindeverzeichnis): nichts zu prüfen.",
                       "No state known (neither in the mail nor in the register): nothing to "
                       "check.")
    source = "laut Mail" if facts.state_basis == "stated" else "laut Gemeindeverzeichnis"
    source_en = "as stated" if facts.state_basis == "stated" else "according to the register"
    if facts.state != limits.home_state:
        return Finding(NAME, "not_eligible",
                       f"{town_de} liegt {source} in {facts.state}, "
                       f"nicht in {limits.home_state}.",
                       f"{town_en} is in {facts.state} ({source_en}), "
                       f"not in {limits.home_state}.")
    return Finding(NAME, "ok", f"Liegt {source} in {facts.state}.",
                   f"Located in {facts.state} ({source_en}).")
