"""The understanding stage: what a mail is, what it asks and which facts it states.

:class:`Understander` is built once from the knowledge (the intent model, the register, the
programme's home state and cap) and the programme's own addresses, and then turns each
:class:`~assistant.values.Mail` into an :class:`~assistant.values.Understanding`. Only inquiries
get intents and facts: the other kinds end the flow, and their text must not be mined for facts.

What counts as the mail's own words: its new text and signature, and — when the mail forwards
another with a request to answer it ("bitte um Beantwortung", or nothing asked on top) — the
forwarded mail. The quoted history decides one thing only: whether a reply supplies what our
last answer asked for (:mod:`assistant.understand.followup`); its facts never count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.knowledge import Knowledge
from assistant.understand import facts, places
from assistant.understand.followup import supplies_requested
from assistant.understand.intents import IntentClassifier
from assistant.understand.kind import classify_kind
from assistant.understand.questions import units
from assistant.understand.register import Register
from assistant.values import (
    Facts,
    Kind,
    Mail,
    Question,
    RegisterEntry,
    SourcedFact,
    Thread,
    Understanding,
)

# A register match found by name alone is rejected when the mail states a population this far
# from the register's: it is then most likely another place of the same name.
_POPULATION_TOLERANCE = 0.35
# The forwarder asks us to answer the forwarded mail ("bitte um Beantwortung", "please reply").
_ANSWER_FORWARDED = re.compile(
    r"beantwort|bitte\s+um\s+(?:antwort|r(?:ü|ue)ckmeldung|auskunft|kl(?:ä|ae)rung|info)|"
    r"leite\s.{0,80}weiter|weiterleit|siehe\s+unten|unten\s*stehende|nachstehende|"
    r"fragen\s+(?:unten|unseres|unserer|des|der|von)|please\s+(?:answer|reply|respond|advise)|"
    r"see\s+below|questions?\s+below|forward(?:ing|ed)?\b", re.IGNORECASE)
SUPPLIED_REASON = "liefert die Angabe, um die unsere letzte Antwort gebeten hat"


class Understander:
    def __init__(self, knowledge: Knowledge, *, domain: str = "",
                 addresses: Sequence[str] = ()) -> None:
        programme = knowledge.programme
        self.home_state: str = programme["eligibility"]["state"]
        self.cap: int = int(programme["funding"]["max_amount_eur"])
        self.register = Register(knowledge.register_rows, self.home_state)
        self.classifier = IntentClassifier(knowledge.intent_model)
        self.domain = domain
        self.addresses = tuple(addresses)

    def __call__(self, mail: Mail, thread: Thread | None = None) -> Understanding:
        text = asked_text(mail)
        # A subject that asks ("Wo steht die Förderrichtlinie?" above a bare "Danke") asks too.
        asks = any(u.asks for u in units(text, mail.subject, terse=False))
        kind, reason = classify_kind(mail, asks=asks)
        language = mail.language
        supplies = kind in (Kind.INQUIRY, Kind.ACKNOWLEDGEMENT) and (
            supplies_requested(mail, domain=self.domain, addresses=self.addresses)
            or (thread is not None and thread.asked_for_facts and states_place_or_size(mail)))
        if supplies and kind is Kind.ACKNOWLEDGEMENT:
            kind, reason = Kind.INQUIRY, SUPPLIED_REASON
        if kind is not Kind.INQUIRY:
            return Understanding(kind=kind, kind_reason=reason, language=language)
        stated, register = self.facts(mail, text)
        supplied: tuple[Question, ...] = ()
        if supplies:
            evidence = dict(stated.evidence)
            shown = evidence.get("population") or evidence.get("state") or text.strip()[:200]
            supplied = (Question(" ".join(shown.split()), ("eligibility",), "supplied"),)
        # A reply that supplies the facts we asked for asks nothing else unless it says so:
        # its statements are no questions even when there are only one or two of them.
        classified = self.classifier.classify(text, mail.subject, language, supplied,
                                              terse=not supplies)
        known: tuple[SourcedFact, ...] = ()
        known_register = None
        if thread is not None:
            known, known_register = conversation(thread, stated, register)
        return Understanding(kind=kind, kind_reason=reason, language=language,
                             intents=classified.intents, abstained=classified.abstained,
                             facts=stated, register=register, questions=classified.questions,
                             conversation_facts=known, conversation_register=known_register)

    def facts(self, mail: Mail, text: str | None = None) -> tuple[Facts, RegisterEntry | None]:
        # The signature belongs to what the sender writes now (it often names the town and its
        # district); the quoted history does not.
        text = (asked_text(mail) if text is None else text) + "\n\n" + mail.signature
        evidence: list[tuple[str, str]] = []
        population = facts.population(text)
        amount = facts.amount(text, self.cap)
        named = places.district_names(text)
        where = places.place(text, self.register, self.home_state, named)
        # The sender's own town is often only in the signature ("Magistrat der Stadt X").
        town = facts.municipality(text, self.register.suffixes, mail.signature)
        stated = Facts(
            population=population.value if population else None,  # type: ignore[arg-type]
            amount_eur=amount.value if amount else None,  # type: ignore[arg-type]
            municipality=town.value if town else None,  # type: ignore[arg-type]
            state=where.state, outside=where.outside, doubt=where.doubt)
        register = self.lookup(stated, text, [name for _, name in named],
                               strong_state=where.strong)
        if register is not None and where.state and not where.strong \
                and register.state != where.state:
            # A mere mention ("das hessische Programm") yields to the register's town.
            stated = replace(stated, state=None)
        for name, found in (("population", population), ("amount_eur", amount),
                            ("municipality", town)):
            if found is not None:
                evidence.append((name, found.evidence))
        for name, value in (("state", where.evidence if stated.state else ""),
                            ("outside", where.outside), ("doubt", where.doubt)):
            if value:
                evidence.append((name, value))
        return replace(stated, evidence=tuple(evidence)), register

    def lookup(self, stated: Facts, text: str, named_districts: list[str] | None = None,
               strong_state: bool = True) -> RegisterEntry | None:
        """The register's entry for the stated town: a state found by a statement, a district
        or a region resolves homonyms; one merely mentioned does not."""
        if not stated.municipality:
            return None
        named = facts.districts(text) if named_districts is None else named_districts
        district = next(iter(named), None)
        state = stated.state if strong_state else None
        entry = self.register.find(stated.municipality, state=state, district=district)
        if entry is None:
            return None
        if stated.population and not state and not district:
            # Matched by name alone: the stated population must fit, or it is another place.
            ratio = abs(entry.population - stated.population) / max(stated.population, 1)
            if ratio > _POPULATION_TOLERANCE:
                return None
        return entry


def asked_text(mail: Mail) -> str:
    """The text whose questions and facts count: the new text, and a forwarded mail when the
    forwarder asks us to answer it or asks nothing on top of it."""
    if not mail.forwarded:
        return mail.new_text
    own_question = any(u.asks for u in units(mail.new_text, terse=False))
    if own_question and not _ANSWER_FORWARDED.search(mail.new_text):
        return mail.new_text
    return f"{mail.new_text}\n\n{mail.forwarded}".strip()


_FACT_NAMES = ("population", "amount_eur", "municipality", "state")


def conversation(thread: Thread, stated: Facts, register: RegisterEntry | None
                 ) -> tuple[tuple[SourcedFact, ...], RegisterEntry | None]:
    """The conversation's facts after this mail: what this mail states wins (a correction
    replaces the earlier figure), the rest as the thread knew it; and the register entry of the
    conversation's municipality."""
    known = {f.name: f for f in thread.facts}
    for name in _FACT_NAMES:
        value = getattr(stated, name)
        if value is not None:
            known[name] = SourcedFact(name, value)
    if register is None and stated.municipality is None:
        # The town named earlier in the conversation (a town this mail names is its own).
        register = thread.register
    return tuple(known[n] for n in _FACT_NAMES if n in known), register


def states_place_or_size(mail: Mail) -> bool:
    """Whether the mail's own words state a population, a state or a district."""
    text = asked_text(mail) + "\n\n" + mail.signature
    return (facts.population(text) is not None or facts.state(text) is not None
            or bool(facts.districts(text)))
