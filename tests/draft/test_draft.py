"""Drafts: built only from the knowledge, in the sender's language, gaps marked for staff."""

from __future__ import annotations

import re

from assistant.draft import GAP_MARKER, greeting_name, reply_subject
from assistant.values import Drafted
from tests.core import drafted, mail, pipeline, run


def test_eligible_town_gets_the_verdict_with_its_population() -> None:
    """An eligibility question with a stated population gets the verdict with the rule and the
    figure it used (the rule said once, not before it again), and the cooperation hint under
    10,000 inhabitants."""
    item = drafted(mail(
        "die Gemeinde Musterbach im Vogelsbergkreis hat 8.500 Einwohner.\n\n"
        "Ist unsere Gemeinde antragsberechtigt?"))
    text = item.draft.text
    assert 1 == text.count("50.000")
    assert "8.500" in text
    assert "abstimmen" in text  # cooperation hint
    assert not item.draft.needs_staff
    sources = [b.source for b in item.draft.blocks]
    assert "notice.eligible" in sources and "answer.eligibility" not in sources
    assert all(b.version for b in item.draft.blocks)


def test_unknown_population_asks_for_it() -> None:
    """Without a population the eligibility answer asks for it and promises nothing."""
    item = drafted(mail("Ist unsere Gemeinde für die KIV-Förderung antragsberechtigt?"))
    assert item.draft is not None
    assert "notice.ask_population" in [b.source for b in item.draft.blocks]
    assert "wie viele Einwohnerinnen und Einwohner sie aktuell hat" in item.draft.text
    assert "antragsberechtigten Kommunen" not in item.draft.text


def test_amount_above_cap_is_pointed_out() -> None:
    """A named amount above 30,000 € brings the cap notice."""
    item = drafted(mail("Wir haben ein Angebot über 38.500 Euro. Wie hoch ist die "
                               "Förderung maximal?"))
    assert "38.500 Euro" in item.draft.text and "maximal 30.000 Euro" in item.draft.text


def test_status_question_leaves_a_marked_gap_and_needs_staff() -> None:
    """What only staff know (the state of an application) becomes a gap marker."""
    item = drafted(mail("Wir haben im Juli unseren Antrag eingereicht. Wie ist der "
                               "Bearbeitungsstand unseres Antrags?"))
    assert item.draft.needs_staff
    assert GAP_MARKER.search(item.draft.text)


def test_english_mail_gets_an_english_reply() -> None:
    """Language follows the mail: English in, English out, same facts."""
    item = drafted(mail(
        "Dear Sir or Madam,\n\nhow much funding can a municipality receive at most?\n\n"
        "Kind regards\nJane Doe", subject="Funding amount",
        sender="Jane Doe <j.doe@example.org>"))
    assert item.draft.language == "en"
    assert item.draft.text.startswith("Dear Jane Doe,")
    assert "30,000 euros" in item.draft.text


def test_machine_mail_is_never_drafted() -> None:
    """An out-of-office reply ends the flow with a named outcome and no draft."""
    item = run(mail("Ich bin bis 30.09. nicht im Büro. In dringenden Fällen wenden "
                               "Sie sich bitte an meine Vertretung.",
                               subject="Automatische Antwort: KIV",
                               headers="Auto-Submitted: auto-replied\n"))
    assert not isinstance(item, Drafted)
    assert item.outcome is not None and item.outcome.value == "not_answered:auto_reply"


def test_no_template_syntax_survives() -> None:
    """No draft carries Jinja syntax or unresolved variables."""
    item = drafted(mail("Wie lange läuft das Projekt und wo finde ich die Richtlinie?"))
    assert not re.search(r"\{\{|\}\}|\{%|%\}", item.draft.text)


def test_greeting_name() -> None:
    """Organisations get no name; 'Last, First' is turned round; titles are kept."""
    assert "Jürgen Hofmann" == greeting_name("Hofmann, Jürgen")
    assert "Dr. Amira Haddad" == greeting_name("Haddad, Amira (Dr.)")
    assert greeting_name("Bürgerbüro Stadt Dillhausen") is None
    assert greeting_name("") is None


def test_reply_subject_does_not_stack_prefixes() -> None:
    """Re:/AW:/WG: prefixes are replaced by a single Re:."""
    assert "Re: Frage" == reply_subject("AW: Re: WG: Frage")
    assert "Re: Question" == reply_subject("Question")


def test_paragraphs_are_separated_by_blank_lines() -> None:
    """Greeting, thanks, each block, closing and signature stand as separate paragraphs."""
    item = drafted(mail("Wie lange läuft das Projekt? Wo finde ich die Förderrichtlinie?"))
    paragraphs = item.draft.text.strip().split("\n\n")
    assert paragraphs[0] == item.draft.greeting
    for block in item.draft.blocks:
        assert block.text in paragraphs


def test_a_town_that_cannot_apply_reads_that_first() -> None:
    """With a not-eligible verdict the verdict comes before anything else, and a question that
    presumes the town may apply (how much it would get) goes to staff as a marked gap: no
    encouragement, no cooperation hint."""
    item = drafted(mail("Wie hoch ist die Förderung maximal? Und ist unsere Stadt mit "
                               "52.000 Einwohnern antragsberechtigt?"))
    assert item.draft is not None
    blocks = item.draft.blocks
    assert "notice.not_eligible_population" == blocks[0].source
    amount = next(b for b in blocks if b.intent == "funding_amount")
    assert amount.gap and "Wie hoch ist die Förderung maximal" in amount.text
    assert "notice.cooperation" not in [b.source for b in blocks]
    assert item.draft.needs_staff


def test_answers_without_mail_variables_are_rendered_once() -> None:
    """An answer that uses only programme facts is the same block for every mail; a notice
    that names the town is rendered per mail."""
    first = drafted(mail("Wie lange läuft das Projekt?"))
    second = drafted(mail("Wie lange dauert die Förderung eigentlich?"))
    assert first.draft.blocks[0] is second.draft.blocks[0]
    assert not pipeline().knowledge.answers["duration"].variables
    assert {"town", "population"} <= pipeline().knowledge.notices["eligible"].variables


def test_eligible_without_a_state_is_conditional() -> None:
    """A small town whose state the mail does not establish is eligible only 'sofern' it lies
    in Hessen."""
    item = drafted(mail("Unsere Gemeinde hat 4.200 Einwohner. Können wir teilnehmen?"))
    assert item.draft is not None and item.verdict is not None
    assert "eligible" == item.verdict.eligibility.value
    assert "Sofern Ihre Kommune in Hessen liegt" in item.draft.text


def test_a_doubtful_state_asks_where_the_town_lies() -> None:
    """An 'Ortsgemeinde' with its population stated is asked for its district and state, not
    for its population again, and gets no cooperation hint."""
    item = drafted(mail("Die Ortsgemeinde Wacholderau hat 1.200 Einwohner. Kann sie an "
                               "der KIV-Förderung teilnehmen?"))
    assert item.draft is not None
    assert "in welchem Landkreis und Bundesland" in item.draft.text
    assert "Einwohnerzahl" not in item.draft.text
    assert "notice.cooperation" not in [b.source for b in item.draft.blocks]


def test_a_refusal_by_state_has_no_cooperation_hint() -> None:
    """A small town in Bavaria is refused by its state, with no hint about cooperation."""
    item = drafted(mail("Wir sind eine Gemeinde in Bayern mit 2.900 Einwohnern. Können "
                               "wir uns bewerben?"))
    assert item.draft is not None
    sources = [b.source for b in item.draft.blocks]
    assert "notice.not_eligible_state" in sources and "notice.cooperation" not in sources
    assert "abstimmen" not in item.draft.text
