"""Only municipalities in the programme's state may apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.values import Finding

if TYPE_CHECKING:
    from assistant.rules import Facts, Limits


def check(facts: Facts, limits: Limits) -> Finding | None:
    if facts.state is None:
        return None
    source = "laut Mail" if facts.state_basis == "stated" else "laut Gemeindeverzeichnis"
    source_en = "as stated" if facts.state_basis == "stated" else "according to the register"
    if facts.state != limits.home_state:
        return Finding("state", "not_eligible",
                       f"{facts.town or 'Die Kommune'} liegt {source} in {facts.state}, "
                       f"nicht in {limits.home_state}.",
                       f"{facts.town or 'The municipality'} is in {facts.state} ({source_en}), "
                       f"not in {limits.home_state}.")
    return Finding("state", "ok", f"Liegt {source} in {facts.state}.",
                   f"Located in {facts.state} ({source_en}).")
