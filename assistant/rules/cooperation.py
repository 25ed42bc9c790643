"""Small municipalities may coordinate with neighbours: a hint for the reply.

Only for a town that may apply: a town outside the programme's state (or in doubt about it) or
at or above the population limit gets no hint — after a refusal it would read as encouragement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.rules.state import outside_home
from assistant.values import Finding

if TYPE_CHECKING:
    from assistant.rules import Facts, Limits


def check(facts: Facts, limits: Limits) -> Finding | None:
    if facts.population is None or facts.population >= limits.cooperation_below \
            or facts.population >= limits.population_below or outside_home(facts, limits):
        return None
    limit = f"{limits.cooperation_below:,}"
    return Finding("cooperation", "hint",
                   f"Unter {limit.replace(',', '.')} Einwohnern: Hinweis auf die Abstimmung mit "
                   "anderen Kommunen.",
                   f"Below {limit} inhabitants: the reply mentions coordinating with other "
                   "municipalities.")
