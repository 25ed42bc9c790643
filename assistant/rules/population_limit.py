"""Only municipalities below the population limit may apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.numerals import whole
from assistant.values import Finding

if TYPE_CHECKING:
    from assistant.rules import Limits, RuleFacts

NAME = "population_limit"


def check(facts: RuleFacts, limits: Limits) -> Finding:
    if facts.population is None:
        return Finding(NAME, "unknown",
                       "Keine Einwohnerzahl bekannt: die Antwort fragt danach.",
                       "No population known: the reply asks for it.")
    source = "laut Mail" if facts.population_basis == "stated" else "laut Gemeindeverzeichnis"
    source_en = "as stated" if facts.population_basis == "stated" else "according to the register"
    caveat = " Der Ortsname ist mehrdeutig: bitte prüfen." if facts.ambiguous else ""
    caveat_en = " The place name is ambiguous: please check." if facts.ambiguous else ""
    population, limit = facts.population, limits.population_below
    if population < limit:
        return Finding(NAME, "eligible",
                       f"{whole(population)} Einwohner ({source}) liegen unter der Grenze "
                       f"von {whole(limit)}.{caveat}",
                       f"{whole(population, 'en')} inhabitants ({source_en}) are below the limit "
                       f"of {whole(limit, 'en')}.{caveat_en}")
    return Finding(NAME, "not_eligible",
                   f"{whole(population)} Einwohner ({source}) erreichen die Grenze von "
                   f"{whole(limit)} oder liegen darüber.{caveat}",
                   f"{whole(population, 'en')} inhabitants ({source_en}) reach or exceed the "
                   f"limit of {whole(limit, 'en')}.{caveat_en}")
