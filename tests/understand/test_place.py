"""The sender's town and state as the understanding stage settles them, with the register."""

from __future__ import annotations

from assistant.parse import parse
from assistant.rules import decide
from assistant.values import Eligibility
from tests.core import mail, pipeline


def understood(body: str):
    flow = pipeline()
    understanding = flow.understander(parse(mail(body)))
    return understanding, decide(understanding, flow.limits)


def test_a_register_town_outside_hessen_outweighs_a_mere_mention() -> None:
    """A town the register knows only outside Hessen is judged there, even when the mail
    mentions something Hessian in passing."""
    u, verdict = understood("Die Stadt Miltenberg hat im Hessischen Rundfunk von der KIV-"
                            "Förderung gehört. Können wir teilnehmen?")
    assert u.register is not None and "Bayern" == u.register.state
    assert u.facts.state is None
    assert Eligibility.NOT_ELIGIBLE == verdict.eligibility


def test_a_named_district_outweighs_the_other_side_of_the_border() -> None:
    """A town in a named Bavarian district is in Bayern, not in Hessen, and is not asked
    for its population."""
    u, verdict = understood(
        "ich bin Bürgermeister der Gemeinde Ahornhausen im Landkreis Miltenberg. Wir haben "
        "knapp 2.900 Einwohner, viele Familien arbeiten auf der hessischen Seite.\n\n"
        "Können wir uns bewerben?")
    assert ("Bayern", 2900) == (u.facts.state, u.facts.population)
    assert Eligibility.NOT_ELIGIBLE == verdict.eligibility
    assert not verdict.has("cooperation")


def test_a_kind_of_municipality_hessen_lacks_keeps_the_verdict_open() -> None:
    """An 'Ortsgemeinde' with a small population is not called eligible: the verdict stays
    unknown, with the doubt as the state rule's reason, and no cooperation hint."""
    u, verdict = understood("Die Ortsgemeinde Wacholderau hat 1.200 Einwohner. Kann sie einen "
                            "Antrag stellen?")
    assert ("Ortsgemeinde", None) == (u.facts.doubt, u.facts.state)
    assert Eligibility.UNKNOWN == verdict.eligibility
    assert verdict.has("state", "unknown") and not verdict.has("cooperation")


def test_saying_it_is_not_in_hessen_is_not_eligible() -> None:
    """'wir liegen nicht in Hessen' refuses without naming the state."""
    u, verdict = understood("Wir sind eine kleine Gemeinde mit 3.000 Einwohnern, liegen aber "
                            "nicht in Hessen. Können wir trotzdem teilnehmen?")
    assert u.facts.outside and u.facts.state is None
    assert Eligibility.NOT_ELIGIBLE == verdict.eligibility
    assert not verdict.has("cooperation")


def test_the_town_is_not_read_into_the_next_words() -> None:
    """'kann die Gemeinde Musterhausen an der KIV-Förderung teilnehmen?' names Musterhausen."""
    u, _ = understood("Guten Tag, kann die Gemeinde Musterhausen an der KIV-Förderung "
                      "teilnehmen?")
    assert "Musterhausen" == u.facts.municipality


def test_a_river_the_register_knows_stays_with_the_town() -> None:
    """'Stadt Frankfurt am Main' keeps its river: the register has names with 'am Main'."""
    u, _ = understood("Die Stadt Frankfurt am Main fragt nach der Förderung.")
    assert "Frankfurt am Main" == u.facts.municipality


def test_a_colleagues_town_is_not_the_senders() -> None:
    """'Ein Kollege aus der Stadt Bensheim' names someone else's town; the sender's own is the
    one in the signature."""
    u, _ = understood("Ein Kollege aus der Stadt Bensheim hat mir vom Programm erzählt. Können "
                      "wir teilnehmen?\n\nMit freundlichen Grüßen\nLukas Brandl\n"
                      "Gemeinde Ahornhausen")
    assert "Ahornhausen" == u.facts.municipality
    assert u.register is None or "Bensheim" != u.register.name
