"""The funding rules: each finding and the combined verdict, from a case table."""

from __future__ import annotations

import pytest

from assistant.rules import Limits, decide
from assistant.values import Eligibility, Facts, Kind, RegisterEntry, Understanding

LIMITS = Limits(home_state="Hessen", population_below=50_000, cooperation_below=10_000,
                max_amount_eur=30_000)


def understanding(population=None, state=None, amount=None, register=None, outside="",
                  doubt="") -> Understanding:
    return Understanding(kind=Kind.INQUIRY, kind_reason="", language="de",
                         facts=Facts(population=population, state=state, amount_eur=amount,
                                     municipality="Musterbach", outside=outside, doubt=doubt),
                         register=register)


HESSIAN = RegisterEntry("06535001", "Musterbach", "Gemeinde", "Vogelsbergkreis", "Hessen", 8123)
BAVARIAN = RegisterEntry("09162000", "Musterbach", "Stadt", "München", "Bayern", 20000)


@pytest.mark.parametrize(("u", "verdict", "basis"), [
    (understanding(population=12_000, state="Hessen"), Eligibility.ELIGIBLE, "stated"),
    (understanding(population=49_999), Eligibility.ELIGIBLE, "stated"),
    (understanding(population=50_000), Eligibility.NOT_ELIGIBLE, "stated"),
    (understanding(population=51_000, state="Hessen"), Eligibility.NOT_ELIGIBLE, "stated"),
    (understanding(population=11_400, state="Rheinland-Pfalz"), Eligibility.NOT_ELIGIBLE,
     "stated"),
    (understanding(state="Bayern"), Eligibility.NOT_ELIGIBLE, "stated"),
    (understanding(state="Hessen"), Eligibility.UNKNOWN, None),
    (understanding(), Eligibility.UNKNOWN, None),
    (understanding(register=HESSIAN), Eligibility.ELIGIBLE, "register"),
    (understanding(register=BAVARIAN), Eligibility.NOT_ELIGIBLE, "register"),
    (understanding(population=60_000, register=HESSIAN), Eligibility.NOT_ELIGIBLE, "stated"),
    (understanding(population=3_000, outside="Hessen"), Eligibility.NOT_ELIGIBLE, "stated"),
    (understanding(population=3_000, doubt="Ortsgemeinde"), Eligibility.UNKNOWN, None),
    (understanding(population=60_000, doubt="Ortsgemeinde"), Eligibility.NOT_ELIGIBLE, "stated"),
    (understanding(population=3_000, state="Hessen", doubt="Ortsgemeinde"), Eligibility.ELIGIBLE,
     "stated"),
])
def test_verdict(u: Understanding, verdict: Eligibility, basis: str | None) -> None:
    """The verdict follows the taxonomy; a stated population wins over the register."""
    result = decide(u, LIMITS)
    assert (verdict, basis) == (result.eligibility, result.basis)


def test_every_finding_has_a_readable_reason() -> None:
    """Findings carry German and English reasons that name the figures they used."""
    result = decide(understanding(population=8_500, amount=38_500), LIMITS)
    rules = {f.rule: f for f in result.findings}
    assert {"population_limit", "cooperation", "cap"} <= set(rules)
    assert "8.500" in rules["population_limit"].reason_de
    assert "38.500" in rules["cap"].reason_de and "30.000" in rules["cap"].reason_de


def test_cooperation_hint_only_below_the_small_town_limit() -> None:
    """10,000 inhabitants get no cooperation hint; 9,999 do."""
    assert not decide(understanding(population=10_000), LIMITS).has("cooperation")
    assert decide(understanding(population=9_999), LIMITS).has("cooperation")


def test_cap_only_above_the_maximum() -> None:
    """Exactly the cap is fine; one euro more is pointed out."""
    assert not decide(understanding(amount=30_000), LIMITS).has("cap")
    assert decide(understanding(amount=30_001), LIMITS).has("cap")


@pytest.mark.parametrize(("u", "fired", "passed"), [
    (understanding(), {"population_limit"}, {"state", "cooperation", "cap"}),
    (understanding(population=8_500, state="Hessen", amount=20_000),
     {"state", "population_limit", "cooperation"}, {"cap"}),
    (understanding(population=12_000, amount=38_500), {"population_limit", "cap"},
     {"state", "cooperation"}),
    (understanding(population=8_500, state="Bayern"), {"state", "population_limit"},
     {"cooperation", "cap"}),
])
def test_every_rule_leaves_a_check_fired_or_passed(u: Understanding, fired: set[str],
                                                   passed: set[str]) -> None:
    """The verdict records every rule that ran, in order, as fired or passed (Mailman's hits
    and misses); its findings are the fired ones."""
    result = decide(u, LIMITS)
    assert ["state", "population_limit", "cooperation", "cap"] == [c.rule for c in result.checks]
    assert fired == {c.rule for c in result.checks if c.fired}
    assert passed == {c.rule for c in result.checks if c.outcome == "passed"}
    assert fired == {f.rule for f in result.findings}


def test_a_passed_check_says_why_in_both_languages() -> None:
    """A rule with nothing to object to still says what it checked: the amount below the cap,
    the population above the cooperation limit, no state known."""
    result = decide(understanding(population=12_000, amount=20_000), LIMITS)
    checks = {c.rule: c for c in result.checks}
    assert "20.000" in checks["cap"].reason_de and "30.000" in checks["cap"].reason_de
    assert "20,000" in checks["cap"].reason_en
    assert "12.000" in checks["cooperation"].reason_de
    assert "Kein Bundesland bekannt" in checks["state"].reason_de


def test_a_passed_check_never_counts_as_the_rule_firing() -> None:
    """has() asks whether a rule fired: an amount below the cap does not point out the cap."""
    result = decide(understanding(population=12_000, amount=20_000), LIMITS)
    assert not result.has("cap") and not result.has("cooperation")
@pytest.mark.parametrize("u", [
    understanding(population=p, state=st, register=reg, outside=out, doubt=dbt)
    for p in (None, 3_000, 9_999, 12_000, 50_000, 80_000)
    for st in (None, "Hessen", "Bayern")
    for reg in (None, HESSIAN, BAVARIAN)
    for out, dbt in (("", ""), ("Hessen", ""), ("", "Ortsgemeinde"))
])
def test_no_cooperation_hint_after_not_eligible(u: Understanding) -> None:
    """Whatever the facts, a town that is not eligible — or whose state is in doubt — gets no
    cooperation finding: after a refusal the hint would read as encouragement."""
    result = decide(u, LIMITS)
    if result.eligibility is not Eligibility.ELIGIBLE:
        assert not result.has("cooperation")


def test_doubt_and_outside_have_readable_reasons() -> None:
    """The state rule names the words that put the town outside Hessen or in doubt."""
    doubt = decide(understanding(population=3_000, doubt="Ortsgemeinde"), LIMITS)
    outside = decide(understanding(population=3_000, outside="Hessen"), LIMITS)
    assert "Ortsgemeinde" in next(f for f in doubt.findings if f.rule == "state").reason_de
    assert "nicht in Hessen" in next(f for f in outside.findings if f.rule == "state").reason_de
