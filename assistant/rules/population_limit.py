"""Only municipalities below the population limit may apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.values import Finding

if TYPE_CHECKING:
    from assistant.rules import Facts, Limits


def _de(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check(facts: Facts, limits: Limits) -> Finding | None:
    if facts.population is None:
        return Finding("population_limit", "unknown",
                       "Keine Einwohnerzahl bekannt: die Antwort fragt danach.",
                       "No population known: the reply asks for it.")
    source = "laut Mail" if facts.population_basis == "stated" else "laut Gemeindeverzeichnis"
    source_en = "as stated" if facts.population_basis == "stated" else "according to the register"
    caveat = " Der Ortsname ist mehrdeutig: bitte prüfen." if facts.ambiguous else ""
    caveat_en = " The place name is ambiguous: please check." if facts.ambiguous else ""
    if facts.population < limits.population_below:
        return Finding("population_limit", "eligible",
                       f"{_de(facts.population)} Einwohner ({source}) liegen unter der Grenze "
                       f"von {_de(limits.population_below)}.{caveat}",
                       f"{facts.population:,} inhabitants ({source_en}) are below the limit of "
                       f"{limits.population_below:,}.{caveat_en}")
    return Finding("population_limit", "not_eligible",
                   f"{_de(facts.population)} Einwohner ({source}) erreichen die Grenze von "
                   f"{_de(limits.population_below)} oder liegen darüber.{caveat}",
                   f"{facts.population:,} inhabitants ({source_en}) reach or exceed the limit of "
                   f"{limits.population_below:,}.{caveat_en}")
