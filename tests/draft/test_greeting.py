"""The greeting: a person's name only, and "Frau"/"Herr" only when the mail says which."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from assistant.draft import addressee, greeting_name
from assistant.parse import parse
from assistant.rules import decide
from tests.core import mail, pipeline

CASES = yaml.safe_load((Path(__file__).parent / "greeting_cases.yaml").read_text("utf-8"))


def greeting(case: dict, lang: str) -> str:
    body = (case.get("text", "") + "\n\nWie lange läuft das Projekt?\n\n" + case["signature"])
    parsed = parse(mail(body.strip(), sender=case["sender"]))
    flow = pipeline()
    understanding = replace(flow.understander(parsed), language=lang)
    draft = flow.drafter(parsed, understanding, decide(understanding, flow.limits))
    return draft.greeting


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["sender"][:30])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_greeting(case: dict, lang: str) -> None:
    """Offices and places get the neutral greeting; a person's name comes from the signature
    or the display name; the form of address only when stated or unambiguous."""
    assert case[lang] == greeting(case, lang)


@pytest.mark.parametrize("display", [
    "Hauptamt Musterdorf", "Ortsgemeinde Musterdorf", "Info", "Rathaus Musterstadt",
    "Team Integration", "Bürgerbüro Stadt Dillhausen", "Stadtverwaltung Musterstadt",
    "Bürgermeister Musterdorf", "Kämmerei Gemeinde Musterbach", "Integration Office",
    "KIV Team", "Gemeinde Musterbach - Sozialamt", "Poststelle", "Mayor's Office",
])
def test_office_display_names_are_no_person(display: str) -> None:
    """A display name with an office word (Hauptamt, Gemeinde, Rathaus, Team, Info …) is no
    person's name."""
    assert greeting_name(display) is None


def test_display_name_forms() -> None:
    """'Last, First' is turned round; titles in parentheses or before the name are kept."""
    assert "Jürgen Hofmann" == greeting_name("Hofmann, Jürgen")
    assert "Dr. Amira Haddad" == greeting_name("Haddad, Amira (Dr.)")
    assert "Dr. Anja Lorenz" == greeting_name("Lorenz, Dr. Anja")
    assert "Dr. Thomas Weber" == greeting_name("Dr. Weber, Thomas")
    assert "Peter O'Donnell" == greeting_name("Peter O'Donnell")
    assert "Hans Meister" == greeting_name("Hans Meister")
    assert greeting_name("") is None


def test_no_sender_no_name() -> None:
    """A mail without a usable sender and signature greets nobody by name."""
    parsed = parse(mail("Wie lange läuft das Projekt?", sender="<>"))
    assert addressee(parsed) is None
