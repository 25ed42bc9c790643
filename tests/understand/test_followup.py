"""A reply that supplies what our last answer asked for continues the inquiry (taxonomy:
borderline conventions); a forward with a request to answer asks what it forwards."""

from __future__ import annotations

import pytest

from assistant.parse import parse
from assistant.understand.followup import is_our_message_id, supplies_requested
from tests.core import mail, understanding

OURS = "<wir.0123456789abcdef.a1b2c3@hsm.hessen.de>"
OUR_ANSWER = """-----Ursprüngliche Nachricht-----
Von: Landesprogramm WIR <landesprogrammWIR@hsm.hessen.de>
Gesendet: Dienstag, 3. November 2026 10:22
Betreff: Re: Anfrage KIV

Sehr geehrte Frau Muster,

die Förderung richtet sich an hessische Städte und Gemeinden mit weniger als 50.000
Einwohnerinnen und Einwohnern. {ask}

Mit freundlichen Grüßen
Ihr Team Landesprogramm WIR
"""
ASK = ("Damit wir die Antragsberechtigung Ihrer Kommune prüfen können, teilen Sie uns bitte "
       "Ihre aktuelle Einwohnerzahl mit.")
VERDICT = "Mit 38.400 Einwohnerinnen und Einwohnern ist die Stadt antragsberechtigt."


def reply(body: str, quoted: str, in_reply_to: str = OURS) -> bytes:
    return mail(f"{body}\n\n{quoted}", subject="AW: Anfrage KIV",
                headers=f"In-Reply-To: {in_reply_to}\n")


def supplies(raw: bytes) -> bool:
    return supplies_requested(parse(raw), domain="hsm.hessen.de",
                              addresses=("landesprogrammwir@hsm.hessen.de",))


def test_our_message_ids_are_recognised() -> None:
    """Only <wir.…@our domain> is ours."""
    assert is_our_message_id(OURS, "hsm.hessen.de")
    assert not is_our_message_id("<abc@hsm.hessen.de>", "hsm.hessen.de")
    assert not is_our_message_id("<wir.1.2@elsewhere.de>", "hsm.hessen.de")


def test_population_we_asked_for_continues_the_inquiry() -> None:
    """"Wir haben 7.450 Einwohner." under our request is an inquiry about eligibility, with a
    draft — not an acknowledgement."""
    raw = reply("Guten Morgen,\n\nwir haben 7.450 Einwohner.\n\nGruß\nMarkus Dietz",
                OUR_ANSWER.format(ask=ASK))
    assert supplies(raw)
    u = understanding(raw)
    assert u is not None and "inquiry" == u.kind.value
    assert ["eligibility"] == [q for q in u.intent_ids if q == "eligibility"]
    assert any(q.role == "supplied" for q in u.questions)


def test_district_we_asked_for_continues_the_inquiry() -> None:
    """Our request answered with the district instead of the population counts as well."""
    raw = reply("Wir liegen im Vogelsbergkreis.", OUR_ANSWER.format(ask=ASK))
    assert supplies(raw)


def test_correction_of_the_figure_our_verdict_used_continues_the_inquiry() -> None:
    """A corrected population under our verdict asks for the verdict again."""
    raw = reply("Ich habe mich vertippt: wir haben 58.400 Einwohner, nicht 38.400.",
                OUR_ANSWER.format(ask=VERDICT))
    assert supplies(raw)


def test_thanks_that_repeat_our_figure_supply_nothing() -> None:
    """Repeating the population our answer already used is thanks, not a new fact."""
    raw = reply("Vielen Dank! Mit unseren 38.400 Einwohnern passt das also.",
                OUR_ANSWER.format(ask=VERDICT))
    assert not supplies(raw)


def test_facts_under_someone_elses_quote_supply_nothing() -> None:
    """A population stated in reply to a mail that is not ours, and asked nothing about
    eligibility, completes nothing."""
    quoted = ("-----Ursprüngliche Nachricht-----\nVon: Kreisverwaltung <info@kreis.example.org>\n"
              "Gesendet: Montag\nBetreff: Sitzung\n\nDie Sitzung ist am Montag.\n")
    raw = reply("Wir haben 7.450 Einwohner.", quoted, in_reply_to="<x@kreis.example.org>")
    assert not supplies(raw)


def test_forward_with_a_request_to_answer_asks_what_it_forwards() -> None:
    """"Ich leite Ihnen die Fragen des Bürgermeisters weiter und bitte um Beantwortung" asks the
    forwarded questions, and their facts count."""
    body = ("Sehr geehrte Damen und Herren,\n\nich leite Ihnen die Fragen unseres "
            "Bürgermeisters weiter und bitte um Beantwortung.\n\n"
            "-------- Weitergeleitete Nachricht --------\nBetreff: Fristen\n"
            "Von: Bürgermeister <bm@musterbach.example.org>\n\nLiebe Frau Muster,\n\n"
            "bitte klären Sie, wie lange wir für die Erarbeitung der Strategie Zeit hätten. "
            "Wir haben 5.900 Einwohner.\n\nGruß\nK. Wiegand\n")
    raw = mail(body, subject="Fwd: Fristen")
    assert parse(raw).forwarded
    u = understanding(raw)
    assert u is not None and "duration" in u.intent_ids
    assert 5900 == u.facts.population


@pytest.mark.parametrize("on_top", [
    "Zur Info.\n\nKönnen Sie mir sagen, wie lange das Projekt läuft?",
])
def test_forward_for_information_asks_only_its_own_question(on_top: str) -> None:
    """A forward with a question of its own and no request to answer the forwarded mail asks
    only its own question; the forwarded mail's facts do not count."""
    body = (f"{on_top}\n\n-------- Weitergeleitete Nachricht --------\nBetreff: Info\n"
            "Von: Kreis <info@kreis.example.org>\n\nDie Gemeinde hat 9.999 Einwohner.\n")
    u = understanding(mail(body, subject="WG: Info"))
    assert u is not None and u.facts.population is None
