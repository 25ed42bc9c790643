"""The understanding stage: what a mail is, what it asks and which facts it states.

:class:`Understander` is built once from the knowledge (the intent catalogue, the register, the
programme's home state and cap) and then turns each :class:`~assistant.values.Mail` into an
:class:`~assistant.values.Understanding`. Only inquiries get intents and facts: the other kinds
end the flow, and their text must not be mined for facts.
"""

from __future__ import annotations

from assistant.knowledge import Knowledge
from assistant.understand import facts
from assistant.understand.intents import Calibration, IntentClassifier
from assistant.understand.kind import classify_kind
from assistant.understand.register import Register
from assistant.values import Facts, Kind, Mail, RegisterEntry, Understanding

# A register match found by name alone is rejected when the mail states a population this far
# from the register's: it is then most likely another place of the same name.
_POPULATION_TOLERANCE = 0.35


class Understander:
    def __init__(self, knowledge: Knowledge, threshold: float) -> None:
        programme = knowledge.programme
        self.home_state: str = programme["eligibility"]["state"]
        self.cap: int = int(programme["funding"]["max_amount_eur"])
        self.register = Register(knowledge.register_rows, self.home_state)
        calibration = knowledge.classifier_calibration
        self.classifier = IntentClassifier(
            {i.id: i.examples for i in knowledge.intents}, threshold,
            Calibration(**calibration) if calibration else None)

    def __call__(self, mail: Mail) -> Understanding:
        kind, reason = classify_kind(mail)
        language = mail.language
        if kind is not Kind.INQUIRY:
            return Understanding(kind=kind, kind_reason=reason, language=language)
        intents, abstained = self.classifier.classify(mail.new_text, mail.subject, language)
        stated, register = self.facts(mail)
        return Understanding(kind=kind, kind_reason=reason, language=language, intents=intents,
                             abstained=abstained, facts=stated, register=register)

    def facts(self, mail: Mail) -> tuple[Facts, RegisterEntry | None]:
        # The signature belongs to what the sender writes now (it often names the town and its
        # district); the quoted history does not.
        text = mail.new_text + "\n\n" + mail.signature
        evidence: list[tuple[str, str]] = []
        population = facts.population(text)
        amount = facts.amount(text, self.cap)
        named_districts = facts.districts(text)
        state = facts.state(text) or facts.district_state(text, self.register, named_districts)
        # The sender's own town is often only in the signature ("Magistrat der Stadt X").
        town = facts.municipality(text)
        for name, found in (("population", population), ("amount_eur", amount),
                            ("state", state), ("municipality", town)):
            if found is not None:
                evidence.append((name, found.evidence))
        stated = Facts(
            population=population.value if population else None,  # type: ignore[arg-type]
            amount_eur=amount.value if amount else None,  # type: ignore[arg-type]
            municipality=town.value if town else None,  # type: ignore[arg-type]
            state=state.value if state else None,  # type: ignore[arg-type]
            evidence=tuple(evidence),
        )
        register = self.lookup(stated, text, named_districts)
        return stated, register

    def lookup(self, stated: Facts, text: str,
               named_districts: list[str] | None = None) -> RegisterEntry | None:
        if not stated.municipality:
            return None
        named = facts.districts(text) if named_districts is None else named_districts
        district = next(iter(named), None)
        entry = self.register.find(stated.municipality, state=stated.state, district=district)
        if entry is None:
            return None
        if stated.population and not stated.state and not district:
            # Matched by name alone: the stated population must fit, or it is another place.
            ratio = abs(entry.population - stated.population) / max(stated.population, 1)
            if ratio > _POPULATION_TOLERANCE:
                return None
        return entry
