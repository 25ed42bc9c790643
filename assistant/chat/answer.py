"""A chat question answered by the same understanding and knowledge as a mail.

The question becomes a :class:`~assistant.values.Mail` with only a text and goes through the
flow (:meth:`assistant.flow.Pipeline.run`) like a mail, with one stage of its own after the
understanding (:func:`form_facts`); the drafting stage renders the answer blocks. What the
visitor gets are the blocks the knowledge answers — each with its intent and its source (the
knowledge entry and version) — in the language of the question. What only staff can answer
(``application_status``, ``out_of_scope``: gaps in the knowledge), what the classifier could
not place, and what it placed with little confidence is not answered but offered as an
inquiry (``handover``). A town or population given in the form's own fields is used for the
eligibility check as if the question had stated it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from assistant import flow
from assistant.flow import Pipeline, Stage, expect
from assistant.parse.language import detect_language
from assistant.values import Drafted, Eligibility, IntentScore, Mail, Processed, Understood

LANGUAGES = ("de", "en")
ELIGIBILITY = "eligibility"

# Why a question goes to staff.
STAFF_ONLY = "staff_only"  # the knowledge has a gap for it (status of an application, …)
UNCLEAR = "unclear"  # no intent recognised
UNSURE = "low_confidence"  # recognised, but not surely enough to answer
CHECK = "needs_check"  # answered, but staff should look (e.g. an ambiguous place name)
NO_QUESTION = "no_question"  # thanks, greetings: nothing to answer


@dataclass(frozen=True, slots=True)
class Question:
    message: str
    language: str | None = None  # "de", "en" or None: from the text
    town: str | None = None
    population: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    intent: str
    text: str
    source: str
    version: str


@dataclass(frozen=True, slots=True)
class Check:
    """The eligibility check: the verdict and what it used."""

    verdict: str
    population: int | None
    town: str | None
    basis: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Reply:
    language: str
    answers: tuple[Answer, ...] = ()
    handover: bool = False
    reasons: tuple[str, ...] = ()
    eligibility: Check | None = None

    def as_json(self) -> dict[str, Any]:
        check = self.eligibility
        return {
            "answers": [{"intent": a.intent, "text": a.text, "source": a.source,
                         "version": a.version} for a in self.answers],
            "handover": self.handover,
            "handover_reasons": list(self.reasons),
            "language": self.language,
            "eligibility": None if check is None else {
                "verdict": check.verdict, "population": check.population, "town": check.town,
                "basis": check.basis, "reason": check.reason},
        }


def chat_mail(text: str, language: str) -> Mail:
    """The question as the flow's value: a mail that is only its new text."""
    return Mail(raw=b"", sender=None, recipients=(), reply_to=(), subject="", date=None,
                message_id=None, in_reply_to=None, references=(), headers=(),
                content_type="text/plain", text=text, new_text=text, quoted="", signature="",
                language=language)


def form_facts(question: Question) -> Stage:
    """The stage after the understanding that adds what the chat form's own fields give: a town
    or population counts as if the question had stated it, and asks for the eligibility check."""

    def given(pipeline: Pipeline, item: Processed) -> Understood:
        understood = expect(item, Understood, "form_facts")
        understanding = understood.understanding
        if not (question.town or question.population):
            return understood
        facts = replace(understanding.facts,
                        population=question.population or understanding.facts.population,
                        municipality=question.town or understanding.facts.municipality)
        register = pipeline.understander.lookup(facts, item.mail.new_text) \
            if facts.municipality else None
        intents = understanding.intents
        if ELIGIBILITY not in understanding.intent_ids:
            intents = (*intents, IntentScore(ELIGIBILITY, 1.0, ""))
        return replace(understood, understanding=replace(
            understanding, facts=facts, register=register, intents=intents, abstained=False))

    return given


def respond(pipeline: Pipeline, question: Question, min_confidence: float) -> Reply:
    """Answer ``question`` from the knowledge, or say why staff should (pure, fast)."""
    text = question.message.strip()
    language = question.language if question.language in LANGUAGES else \
        detect_language(text, default="de")
    item = pipeline.run(Processed(chat_mail(text, language)),
                        (flow.understand, form_facts(question), flow.rules, flow.draft))
    if not isinstance(item, Drafted):  # thanks, greetings: no inquiry
        return Reply(language, reasons=(NO_QUESTION,))
    given = question.town or question.population
    understanding, verdict, draft = item.understanding, item.verdict, item.draft
    reasons: list[str] = []
    if understanding.abstained:
        reasons.append(UNCLEAR)
    unsure = {i.id for i in understanding.intents if i.confidence < min_confidence}
    if unsure:
        reasons.append(UNSURE)
    answers = []
    for block in draft.blocks:
        # A notice block has no intent of its own; the knowledge names the one it answers.
        entry = pipeline.knowledge.entry(block.source)
        intent = block.intent or (entry.for_intent if entry else None)
        if block.gap:
            if block.intent is not None and STAFF_ONLY not in reasons:
                reasons.append(STAFF_ONLY)
            continue
        if intent is None or intent in unsure or not block.source:
            continue
        answers.append(Answer(intent, block.text, block.source, block.version or ""))
    if draft.needs_staff and not reasons and any("ambiguous" in r for r in draft.staff_reasons):
        reasons.append(CHECK)
    check = None
    if verdict.eligibility is not Eligibility.UNKNOWN or given:
        town = understanding.register.name if understanding.register else \
            understanding.facts.municipality
        check = Check(verdict.eligibility.value, verdict.population, town, verdict.basis,
                      " ".join(f.reason(language) for f in verdict.findings))
    return Reply(language, tuple(answers), handover=bool(reasons), reasons=tuple(reasons),
                 eligibility=check)
