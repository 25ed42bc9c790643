"""The rules stage: the funding rules applied to what the mail states.

Each rule is one small module with its ``NAME`` and one ``check`` that returns a
:class:`~assistant.values.Finding` with a reason staff can read — also when it has nothing to say
(outcome ``passed``), so that the verdict records every check that ran: the rule trace staff see
("Bundesland geprüft: liegt laut Gemeindeverzeichnis in Hessen"). The thresholds come from
``knowledge/programme.yaml``; no number lives here. The verdict follows the taxonomy:
``not_eligible`` when any rule says so, ``eligible`` when a population below the limit is known
and nothing points outside the programme's state (no rule in doubt), ``unknown`` otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from assistant.rules import cap, cooperation, population_limit, state
from assistant.values import Eligibility, Finding, Understanding, Verdict
from assistant.values import Facts as StatedFacts


def _int(value: int | str | None) -> int | None:
    return value if isinstance(value, int) else None


def _str(value: int | str | None) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class RuleFacts:
    """The facts the rules use, each with where it came from ("stated" or "register")."""

    town: str | None
    population: int | None
    population_basis: str | None
    state: str | None
    state_basis: str | None
    amount_eur: int | None
    ambiguous: bool
    # With no state known: the mail says the town is not in the programme's state (evidence),
    # or names a kind of municipality that state does not have (a doubt, no verdict).
    outside: str = ""
    doubt: str = ""


@dataclass(frozen=True, slots=True)
class Limits:
    home_state: str
    population_below: int
    cooperation_below: int
    max_amount_eur: int

    @classmethod
    def from_programme(cls, programme: Mapping[str, Any]) -> Limits:
        return cls(home_state=programme["eligibility"]["state"],
                   population_below=int(programme["eligibility"]["population_below"]),
                   cooperation_below=int(programme["eligibility"]["cooperation_below"]),
                   max_amount_eur=int(programme["funding"]["max_amount_eur"]))


class Rule(Protocol):
    """A rule module: its name (``Finding.rule``) and its check."""

    NAME: str

    def check(self, facts: RuleFacts, limits: Limits) -> Finding: ...


RULES: tuple[Rule, ...] = (state, population_limit, cooperation, cap)


T = TypeVar("T")


def _with_basis(stated: T | None, registered: T | None) -> tuple[T | None, str | None]:
    """The mail's own statement if it made one, else the register's entry; and which it was."""
    if stated is not None:
        return stated, "stated"
    if registered is not None:
        return registered, "register"
    return None, None


def facts_for_rules(understanding: Understanding) -> RuleFacts:
    """The facts the rules judge: the conversation's when the worker knows a conversation (the
    latest statement of each fact, whichever mail made it), else the mail's own."""
    stated, register = understanding.facts, understanding.register
    if understanding.conversation_facts:
        known = {f.name: f.value for f in understanding.conversation_facts}
        stated = StatedFacts(population=_int(known.get("population")),
                             amount_eur=_int(known.get("amount_eur")),
                             municipality=_str(known.get("municipality")),
                             state=_str(known.get("state")))
        register = understanding.conversation_register
    population, population_basis = _with_basis(stated.population,
                                               register.population if register else None)
    state_name, state_basis = _with_basis(stated.state, register.state if register else None)
    town = stated.municipality or (register.name if register else None)
    state_known = state_name is not None
    return RuleFacts(town=town, population=population, population_basis=population_basis,
                     state=state_name, state_basis=state_basis, amount_eur=stated.amount_eur,
                     ambiguous=bool(register and register.ambiguous),
                     outside="" if state_known else stated.outside,
                     doubt="" if state_known else stated.doubt)


def decide(understanding: Understanding, limits: Limits) -> Verdict:
    """Run every rule and combine their findings into the eligibility verdict."""
    facts = facts_for_rules(understanding)
    checks = tuple(rule.check(facts, limits) for rule in RULES)
    basis: str | None = None
    decisive = next((f for f in checks if f.outcome == Eligibility.NOT_ELIGIBLE), None)
    if decisive is not None:
        eligibility = Eligibility.NOT_ELIGIBLE
        basis = (facts.state_basis or "stated") if decisive.rule == state.NAME \
            else facts.population_basis
    elif any(f.rule == population_limit.NAME and f.outcome == Eligibility.ELIGIBLE
             for f in checks) and not any(f.outcome == Eligibility.UNKNOWN for f in checks):
        eligibility = Eligibility.ELIGIBLE
        basis = facts.population_basis
    else:
        eligibility = Eligibility.UNKNOWN
    return Verdict(eligibility=eligibility, basis=basis, population=facts.population,
                   state=facts.state, checks=checks)
