"""Small municipalities may coordinate with neighbours: a hint for the reply.

Only for a town that may apply: a town outside the programme's state (or in doubt about it) or
at or above the population limit gets no hint — after a refusal it would read as encouragement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.numerals import whole
from assistant.rules.state import outside_home
from assistant.values import PASSED, Finding

if TYPE_CHECKING:
    from assistant.rules import Limits, RuleFacts

NAME = "cooperation"


def check(facts: RuleFacts, limits: Limits) -> Finding:
    limit = limits.cooperation_below
    if facts.population is None:
        return Finding(NAME, PASSED, "Keine Einwohnerzahl bekannt: kein Hinweis auf die "
                                     "Abstimmung mit anderen Kommunen.",
                       "No population known: no hint at coordinating with other municipalities.")
    if facts.population >= limit or facts.population >= limits.population_below:
        return Finding(NAME, PASSED,
                       f"{whole(facts.population)} Einwohner, nicht unter {whole(limit)}: kein "
                       "Hinweis auf die Abstimmung mit anderen Kommunen.",
                       f"{whole(facts.population, 'en')} inhabitants, not below "
                       f"{whole(limit, 'en')}: no hint at coordinating with other municipalities.")
    if outside_home(facts, limits):
        return Finding(NAME, PASSED,
                       f"Nicht sicher in {limits.home_state}: kein Hinweis auf die Abstimmung "
                       "mit anderen Kommunen.",
                       f"Not known to be in {limits.home_state}: no hint at coordinating with "
                       "other municipalities.")
    return Finding(NAME, "hint",
                   f"Unter {whole(limit)} Einwohnern: Hinweis auf die Abstimmung mit "
                   "anderen Kommunen.",
                   f"Below {whole(limit, 'en')} inhabitants: the reply mentions coordinating with "
                   "other municipalities.")
