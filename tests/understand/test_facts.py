"""Fact extraction from case tables (facts_cases.yaml), plus state and town detection."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.understand import facts

CASES = yaml.safe_load((Path(__file__).parent / "facts_cases.yaml").read_text(encoding="utf-8"))
CAP = 30_000


@pytest.mark.parametrize("case", CASES["population"], ids=lambda c: c["text"][:40])
def test_population(case: dict) -> None:
    """The population is read with its unit; other numbers are never taken for it."""
    found = facts.population(case["text"])
    assert case["expected"] == (found.value if found else None)


@pytest.mark.parametrize("case", CASES["amount"], ids=lambda c: c["text"][:40])
def test_amount(case: dict) -> None:
    """A sum in euros is read; the programme's cap quoted back is not a requested amount."""
    found = facts.amount(case["text"], CAP)
    assert case["expected"] == (found.value if found else None)


@pytest.mark.parametrize(("text", "expected"), [
    ("eine kleine nordhessische Gemeinde", "Hessen"),
    ("City of Lindenfurt (Gießen district, Hesse)", "Hessen"),
    ("im Landkreis Mainz-Bingen in Rheinland-Pfalz, direkt gegenüber dem hessischen Rheingau",
     "Rheinland-Pfalz"),
    ("Wir sind eine Gemeinde in Bayern.", "Bayern"),
    ("Das Landesprogramm des Landes Hessen interessiert uns.", None),
    ("Wir liegen in Niedersachsen.", "Niedersachsen"),
])
def test_state_named(text: str, expected: str | None) -> None:
    """A state the text places the sender in; a state named only as the programme's is not."""
    found = facts.state(text)
    assert expected == (found.value if found else None)


@pytest.mark.parametrize(("text", "expected"), [
    ("die Stadt Schwalmfurt im Schwalm-Eder-Kreis hat 12.000 Einwohner", "Schwalmfurt"),
    ("Mit den Nachbargemeinden Hohenhain und Itterbach. Gemeinde Ederwald", "Ederwald"),
    ("I work for the municipality of Grünfelden.", "Grünfelden"),
    ("Magistrat der Stadt Bad Homburg v. d. Höhe", "Bad Homburg v. d. Höhe"),
    ("Gemeinsam mit der Gemeinde Salzwiesen planen wir, die Gemeinde Ulmbachtal", "Ulmbachtal"),
    ("I live in the village of Taubenried, roughly 900 people, which belongs to the larger "
     "Gemeinde Kornblumenau with 7,300 inhabitants in total", "Kornblumenau"),
])
def test_municipality(text: str, expected: str) -> None:
    """The sender's own town is found; neighbours and partners are not."""
    found = facts.municipality(text)
    assert found is not None and expected == found.value


def test_state_keeps_evidence_in_the_original_case() -> None:
    """The state is found on lower-cased text, but its evidence is the text as written."""
    found = facts.state("Wir sind eine Gemeinde in HESSEN.")
    assert found is not None and ("Hessen", "HESSEN") == (found.value, found.evidence)


def test_state_with_a_letter_that_lower_casing_lengthens() -> None:
    """A letter whose lower case is longer ("İ") takes the case-insensitive path."""
    found = facts.state("İlçe: Wir sitzen in Bayern.")
    assert found is not None and "Bayern" == found.value


def test_amount_needs_a_euro_word_or_sign() -> None:
    """A text without "€" or "Euro" has no amount, whatever numbers it holds."""
    assert facts.amount("Wir haben 35.000 Einwohner und Az. 12.000/2026.", CAP) is None


def test_district_in_a_key_value_block_or_genitive_implies_the_state() -> None:
    """'Landkreis:  Hersfeld-Rotenburg' and 'des Wetteraukreises' name Hessian districts."""
    from assistant import knowledge
    from assistant.settings import Settings
    from assistant.understand.register import Register

    kb = knowledge.load(Settings.load({}))
    register = Register(kb.register_rows, "Hessen")
    for text in ("  Gemeinde:  Beispielau\n  Landkreis:      Hersfeld-Rotenburg\n",
                 "das Vielfaltszentrum unseres Landkreises, des Wetteraukreises?"):
        found = facts.district_state(text, register)
        assert found is not None and "Hessen" == found.value


def test_abbreviated_district_implies_the_state() -> None:
    """'LK Gießen' and 'Lkr. Fulda' are districts too."""
    from assistant import knowledge
    from assistant.settings import Settings
    from assistant.understand.register import Register

    register = Register(knowledge.load(Settings.load({})).register_rows, "Hessen")
    for text in ("Gemeinde Beispielau, LK Gießen", "Stadt Beispielburg (Lkr. Fulda)"):
        found = facts.district_state(text, register)
        assert found is not None and "Hessen" == found.value


def test_a_state_inside_a_web_address_is_no_place() -> None:
    """'www.integrationskompass.hessen.de' names no state; 'in Hessen' does."""
    assert facts.state("auf www.integrationskompass.hessen.de steht der Link") is None
    found = facts.state("eine Gemeinde in Hessen")
    assert found is not None and "Hessen" == found.value


def test_english_district_name_without_kreis() -> None:
    """'the Main-Kinzig district' is the Main-Kinzig-Kreis, in Hessen."""
    from assistant import knowledge
    from assistant.settings import Settings
    from assistant.understand.register import Register

    register = Register(knowledge.load(Settings.load({})).register_rows, "Hessen")
    found = facts.district_state("We are a town in the Main-Kinzig district.", register)
    assert found is not None and "Hessen" == found.value


@pytest.mark.parametrize("case", CASES["place"], ids=lambda c: c["text"][:40])
def test_place(case: dict) -> None:
    """The sender's state from statements, districts, regions and kinds of municipality;
    Hessian places as neighbours, partners, the programme or context are not the sender's."""
    from assistant.understand import places

    found = places.place(case["text"], _register(), "Hessen")
    if found.outside:
        actual = "outside: Hessen"
    elif found.doubt:
        actual = f"doubt: {found.doubt}"
    else:
        actual = found.state
    assert case["expected"] == actual


def _register():
    from tests.core import pipeline

    return pipeline().understander.register
