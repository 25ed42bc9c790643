"""The draft stage: one reply per inquiry, built only from the curated knowledge.

The reply is the frame ``knowledge/templates/<lang>/reply.txt.j2`` (greeting, thanks, blocks,
closing, signature) around blocks in the order the mail asks its questions: one answer block per
intent from ``knowledge/answers/``, and the rule notices from ``knowledge/notices/`` — the
eligibility verdict with its reason and the population it used, the cooperation hint under the
small-town limit, the cap when a larger sum was named, a request for the population when the
verdict is unknown. Each block records the knowledge entry and version it came from.

What the knowledge cannot answer becomes a marked gap (``[[BITTE ERGÄNZEN: …]]``) and flags the
draft ``needs_staff``: the assistant never writes what the knowledge does not say.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from assistant import rules
from assistant.draft.entries import gap_marker, render_entry
from assistant.draft.greeting import NOBODY, addressee, greeting_name
from assistant.knowledge import Entry, Knowledge
from assistant.parse.subject import without_reply_prefixes
from assistant.values import (
    Block,
    Draft,
    Eligibility,
    Mail,
    Question,
    Thread,
    Understanding,
    Verdict,
)

__all__ = ["GAP_MARKER", "Drafter", "addressee", "greeting_name", "render_entry", "reply_subject"]

GAP_MARKER = re.compile(r"\[\[[^\]]*\]\]")


class Drafter:
    """Builds drafts from one knowledge snapshot; pure and reusable.

    ``today`` is the day the drafts are made (default: the current day, looked up per draft):
    a time-bound statement of the knowledge is stated only while it holds on that day."""

    def __init__(self, knowledge: Knowledge, today: date | None = None) -> None:
        self.knowledge = knowledge
        self.today = today
        rows = knowledge.register_rows
        date_text = rows[0].get("population_date", "") if rows else ""
        self.register_date = ".".join(reversed(date_text.split("-"))) if date_text else ""
        self._fixed: dict[tuple[str, str], Block] = {}

    def render_entry(self, entry: Entry, lang: str, values: Mapping[str, Any],
                     today: date | None = None) -> Block:
        """The block for one knowledge entry (an answer or a notice) on ``today``."""
        return render_entry(entry, lang, values, today or self.today or date.today(),
                            self.knowledge.notices["gap"])

    def _render(self, entry: Entry, lang: str, **values: Any) -> Block:
        if not entry.variables and not entry.time_bound:
            # The same for every mail (only programme facts): rendered once per language.
            key = (entry.id, lang)
            if key not in self._fixed:
                self._fixed[key] = self.render_entry(entry, lang, {})
            return self._fixed[key]
        return self.render_entry(entry, lang, values)

    def __call__(self, mail: Mail, understanding: Understanding, verdict: Verdict,
                 thread: Thread | None = None) -> Draft:
        lang = understanding.language if understanding.language in ("de", "en") else "de"
        known = {f.name: f.value for f in understanding.conversation_facts}
        town = known.get("municipality") or understanding.facts.municipality or (
            understanding.register.name if understanding.register else None)
        values = {"town": town, "population": verdict.population, "basis": verdict.basis,
                  "state": verdict.state, "register_date": self.register_date,
                  "amount": known.get("amount_eur") or understanding.facts.amount_eur}
        plan = _Plan(self, lang, values, thread.said if thread else frozenset())
        plan.answer_questions(_questions(understanding), verdict)
        if understanding.abstained and not plan.blocks:
            plan.add(self._render(self.knowledge.notices["abstained"], lang))
        reasons = [f"gap: {b.source}" for b in plan.blocks if b.gap]
        if understanding.register and understanding.register.ambiguous:
            reasons.append("ambiguous place name in the register")
        if mail.problems:
            reasons.append("the mail could only be read in part")
        person = addressee(mail)
        frame = self.knowledge.frame(lang)
        text = frame.render(lang=lang, blocks=plan.blocks,
                            **(person.frame_values() if person else NOBODY))
        greeting, _, _ = text.partition("\n")
        return Draft(language=lang, subject=reply_subject(mail.subject), greeting=greeting,
                     blocks=tuple(plan.blocks), text=text.strip() + "\n",
                     needs_staff=bool(reasons), staff_reasons=tuple(dict.fromkeys(reasons)))

    @staticmethod
    def _verdict_notice(verdict: Verdict) -> str | None:
        if verdict.eligibility is Eligibility.NOT_ELIGIBLE:
            return "not_eligible_state" \
                if verdict.has(rules.state.NAME, Eligibility.NOT_ELIGIBLE) \
                else "not_eligible_population"
        if verdict.eligibility is Eligibility.ELIGIBLE:
            return "eligible"
        return "ask_population"


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` without stacking earlier prefixes (Re:, AW:, WG:, Fwd: …)."""
    core = without_reply_prefixes(subject)
    return f"Re: {core}" if core else "Re:"


def _questions(understanding: Understanding) -> tuple[Question, ...]:
    """The questions to answer, in the mail's order. An understanding without question units
    (a redraft with intents chosen by staff) asks one question per intent."""
    if understanding.questions:
        return understanding.questions
    return tuple(Question(i.evidence, (i.id,)) for i in understanding.intents)


class _Plan:
    """The blocks of one draft, in the order the mail asks its questions.

    One answer block per intent (a second question about the same intent adds none); a marked
    gap that quotes the question for every question the knowledge cannot answer — unrecognised,
    outside the programme, a case only staff know, a part the answer does not cover, a question
    that presumes an eligibility the verdict denies. The rule notices follow the taxonomy: a town
    that cannot apply reads that first and gets no encouragement (no cooperation hint); the
    verdict replaces the general eligibility rule when there is one (each rule said once); a
    notice our earlier replies in the conversation already gave is not repeated unless asked.
    """

    def __init__(self, drafter: Drafter, lang: str, values: dict[str, Any],
                 said: frozenset[str]) -> None:
        self.drafter = drafter
        self.lang = lang
        self.values = values
        self.said = said
        self.blocks: list[Block] = []
        self.notices = drafter.knowledge.notices
        self.answers = drafter.knowledge.answers

    def add(self, block: Block) -> None:
        if all(b.text != block.text for b in self.blocks):
            self.blocks.append(block)

    def notice(self, name: str, intent: str | None = None) -> None:
        # "answered": the intents whose answers stand in the draft so far, so that a notice
        # does not repeat a rule its answer already states (the limit after the eligibility
        # answer, the maximum after the funding answer).
        answered = tuple(b.intent for b in self.blocks if b.kind == "answer" and b.intent)
        block = self.drafter._render(self.notices[name], self.lang, **self.values,
                                     answered=answered)
        # A notice that stands for an intent's answer (the verdict for "may we apply?", the
        # cap for "how much?") carries that intent, like the answer it replaces.
        self.add(replace(block, intent=intent) if intent else block)

    def gap(self, question: str, topic_entry: Entry | None, source: Entry,
            intent: str | None = None) -> None:
        topic = topic_entry.gap[self.lang] if topic_entry is not None and topic_entry.is_gap \
            else ""
        quoted = self.notices["gap_question"].texts[self.lang].render(
            lang=self.lang, question=" ".join(question.split())[:300], topic=topic)
        marker = gap_marker(self.notices["gap"], self.lang, quoted, "")
        self.add(Block(kind="gap", text=marker, source=source.id, version=source.version,
                       intent=intent, gap=True))

    def answer_questions(self, questions: tuple[Question, ...], verdict: Verdict) -> None:
        not_eligible = verdict.eligibility is Eligibility.NOT_ELIGIBLE
        verdict_notice = Drafter._verdict_notice(verdict)
        asked = {i for q in questions for i in q.intents}
        if any(q.role == "supplied" for q in questions):
            # A reply that supplies what we asked for is thanked for it first (the frame then
            # leaves out its general thanks).
            self.notice("supplied")
        if not_eligible and verdict_notice and (
                "eligibility" in asked or self.notices[verdict_notice].id not in self.said):
            # A town that cannot apply reads that first, before any detail.
            self.notice(verdict_notice)
        answered: set[str] = set()
        for question in questions:
            if not question.intents:
                unrecognised = self.notices["unrecognised"]
                self.gap(question.text, unrecognised, unrecognised)
            for intent in question.intents:
                if intent not in answered:
                    answered.add(intent)
                    self._answer(question, intent, verdict, verdict_notice)
        if verdict.has(rules.cooperation.NAME) and not not_eligible \
                and "joint_application" not in answered \
                and self.notices["cooperation"].id not in self.said:
            self.notice("cooperation")
        if verdict.has(rules.cap.NAME) and "funding_amount" not in answered and \
                self.notices["cap"].id not in self.said:
            self.notice("cap")

    def _answer(self, question: Question, intent: str, verdict: Verdict,
                verdict_notice: str | None) -> None:
        entry = self.answers[intent]
        not_eligible = verdict.eligibility is Eligibility.NOT_ELIGIBLE
        if entry.is_gap:
            self.gap(question.text, entry, entry, intent)
            return
        if not_eligible and entry.only_if_eligible:
            self.gap(question.text, self.notices["only_if_eligible"], entry, intent)
            return
        if intent == "eligibility":
            if verdict.eligibility is Eligibility.ELIGIBLE and verdict_notice:
                # The verdict states the rule with the town's own figure: said once.
                self.notice(verdict_notice, intent)
            elif not not_eligible:
                self.add(self.drafter._render(entry, self.lang, **self.values))
                if verdict_notice:
                    self.notice(verdict_notice)
        elif intent == "funding_amount" and verdict.has(rules.cap.NAME):
            self.notice("cap", intent)  # it states the maximum with the sum the mail names
        else:
            self.add(self.drafter._render(entry, self.lang, **self.values))
        if entry.beyond and _beyond(entry.beyond).search(question.text.lower()):
            self.gap(question.text, self.notices["partly"], entry, intent)


@lru_cache(maxsize=64)
def _beyond(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for the words that start a word of the question ("verläng" in "verlängern")."""
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}" for w in words))
