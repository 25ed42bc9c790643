"""Every notice and answer, rendered in every language and every combination of what the mail
says that matters, reads like a careful letter: no sentence twice, no rule figure twice, the
formal "Ihre" where it is meant, no template left over."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest

from assistant.knowledge import LANGUAGES, Entry
from tests.core import pipeline

TODAY = date(2026, 12, 5)
# The lower-case "ihr …" family and the familiar "du" never belong in a reply to a
# municipality: where a text means the municipality's own ("ihre Einwohnerzahl"), it is
# misread as a missing capital; the texts say "die Einwohnerzahl Ihrer Kommune" instead.
INFORMAL = re.compile(r"\b(?:ihr|ihre|ihren|ihrem|ihrer|ihres|ihnen|du|dich|dir|dein\w*|euch|"
                      r"euer|eure\w*)\b")
SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
TEMPLATE_LEFT = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|\s[,.;]")

# What the mail may establish: the basis of the population, whether the town and the state are
# known, which answers stand in the draft beside the notice, a small or a large town.
COMBINATIONS = [
    {"basis": basis, "town": town, "state": state, "answered": answered,
     "population": population, "amount": 38_500, "register_date": "31.12.2024"}
    for basis, town, state, answered, population in itertools.product(
        ("stated", "register"), (None, "Musterbach"),
        (None, "Hessen", "Bayern", "Saarland", "Niederlande"),
        ((), ("eligibility", "funding_amount")), (8_500, 52_300, None))
]


def entries() -> list[Entry]:
    """Every answer and notice but the gap marker and the quoted question inside it, which each
    gap renders."""
    kb = pipeline().knowledge
    return [e for e in (*kb.answers.values(), *kb.notices.values())
            if e.id not in ("notice.gap", "notice.gap_question")]


# The verdicts these notices state rest on a population: they never render without one.
NEEDS_POPULATION = {"notice.eligible", "notice.not_eligible_population"}


def combinations(entry_id: str) -> list[dict]:
    return [v for v in COMBINATIONS
            if v["population"] is not None or entry_id not in NEEDS_POPULATION]


def rendered(entry: Entry, lang: str) -> list[str]:
    drafter = pipeline().drafter
    if not entry.variables:
        return [drafter.render_entry(entry, lang, {}, TODAY).text]
    return sorted({drafter.render_entry(entry, lang, values, TODAY).text
                   for values in combinations(entry.id)})


def rule_figures(lang: str) -> list[str]:
    programme = pipeline().knowledge.programme
    sep = "." if lang == "de" else ","
    return [f"{n:,}".replace(",", sep) for n in (
        programme["eligibility"]["population_below"], programme["eligibility"]["cooperation_below"],
        programme["funding"]["max_amount_eur"])]


CASES = [(entry.id, lang) for entry in entries() for lang in LANGUAGES]


def entry_named(entry_id: str) -> Entry:
    return next(e for e in entries() if e.id == entry_id)


@pytest.mark.parametrize(("entry_id", "lang"), CASES)
def test_no_sentence_is_said_twice(entry_id: str, lang: str) -> None:
    """Within one notice or answer no sentence stands twice, in any combination."""
    for text in rendered(entry_named(entry_id), lang):
        sentences = [s.strip().lower() for s in SENTENCE.split(text) if len(s.split()) > 2]
        assert len(sentences) == len(set(sentences)), text


@pytest.mark.parametrize(("entry_id", "lang"), CASES)
def test_no_rule_figure_is_stated_twice(entry_id: str, lang: str) -> None:
    """The population limit, the cooperation limit and the cap stand at most once in a text."""
    for text in rendered(entry_named(entry_id), lang):
        for figure in rule_figures(lang):
            assert text.count(figure) <= 1, text


@pytest.mark.parametrize(("entry_id", "lang"), [c for c in CASES if c[1] == "de"])
def test_formal_pronouns_are_capitalised(entry_id: str, lang: str) -> None:
    """No lower-case "ihre"/"ihr"/"ihnen" where the formal "Ihre" is meant, and no "du"."""
    for text in rendered(entry_named(entry_id), lang):
        assert not INFORMAL.search(text), text


@pytest.mark.parametrize(("entry_id", "lang"), CASES)
def test_nothing_of_the_template_is_left(entry_id: str, lang: str) -> None:
    """No Jinja syntax, no "None" for a missing value, no space before punctuation."""
    for text in rendered(entry_named(entry_id), lang):
        assert not TEMPLATE_LEFT.search(text), text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("answer", "notices"), [
    ("eligibility", ("eligible", "not_eligible_population", "not_eligible_state",
                     "ask_population")),
    ("funding_amount", ("cap",)),
])
def test_a_notice_after_its_answer_does_not_repeat_the_rule(answer: str, notices: tuple[str, ...],
                                                            lang: str) -> None:
    """After the answer that states a rule (the population limit, the cap) the notice applies
    it without stating the figure again."""
    kb = pipeline().knowledge
    drafter = pipeline().drafter
    head = drafter.render_entry(kb.answers[answer], lang, {}, TODAY).text
    for name in notices:
        for values in combinations(f"notice.{name}"):
            if answer not in values["answered"]:
                continue
            text = head + " " + drafter.render_entry(kb.notices[name], lang, values, TODAY).text
            for figure in rule_figures(lang):
                assert text.count(figure) <= 1, text
            sentences = [s.strip().lower() for s in SENTENCE.split(text) if len(s.split()) > 2]
            assert len(sentences) == len(set(sentences)), text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_eligible_wording_is_conditional_without_a_state(lang: str) -> None:
    """When neither the mail nor the register establish the state, the eligible notice says
    "Sofern Ihre Kommune in Hessen liegt" ("Provided that … is in Hesse")."""
    kb = pipeline().knowledge
    drafter = pipeline().drafter
    conditional = {"de": "Sofern Ihre Kommune in Hessen liegt", "en": "Provided that your "
                   "municipality is in Hesse"}[lang]
    base = COMBINATIONS[0] | {"population": 8_500}
    unknown = drafter.render_entry(kb.notices["eligible"], lang, base | {"state": None}, TODAY)
    known = drafter.render_entry(kb.notices["eligible"], lang, base | {"state": "Hessen"}, TODAY)
    assert conditional in unknown.text and conditional not in known.text


def test_every_entry_with_variables_is_covered() -> None:
    """The combinations above give every variable an entry uses (a new variable needs a new
    line here)."""
    given = set(COMBINATIONS[0])
    for entry in entries():
        assert entry.variables <= given, (entry.id, entry.variables - given)
