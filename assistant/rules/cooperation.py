"""Small municipalities may coordinate with neighbours: a hint for the reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.values import Finding

if TYPE_CHECKING:
    from assistant.rules import Facts, Limits


def check(facts: Facts, limits: Limits) -> Finding | None:
    if facts.population is None or facts.population >= limits.cooperation_below:
        return None
    if facts.state is not None and facts.state != limits.home_state:
        return None
    limit = f"{limits.cooperation_below:,}"
    return Finding("cooperation", "hint",
                   f"Unter {limit.replace(',', '.')} Einwohnern: Hinweis auf die Abstimmung mit "
                   "anderen Kommunen.",
                   f"Below {limit} inhabitants: the reply mentions coordinating with other "
                   "municipalities.")
