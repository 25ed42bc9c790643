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
from datetime import date
from typing import Any

from assistant.draft.entries import render_entry
from assistant.draft.greeting import NOBODY, addressee, greeting_name
from assistant.knowledge import Entry, Knowledge
from assistant.parse.subject import without_reply_prefixes
from assistant.values import Block, Draft, Eligibility, Mail, Understanding, Verdict

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

    def __call__(self, mail: Mail, understanding: Understanding, verdict: Verdict) -> Draft:
        lang = understanding.language if understanding.language in ("de", "en") else "de"
        notices: Mapping[str, Entry] = self.knowledge.notices
        answers: Mapping[str, Entry] = self.knowledge.answers
        town = understanding.facts.municipality or (
            understanding.register.name if understanding.register else None)
        asked = _in_mail_order(understanding, mail.new_text)
        # "answered": the intents whose answers stand in the draft, so that a notice does not
        # repeat a rule its answer already states (the limit after the eligibility answer).
        values = {"town": town, "population": verdict.population, "basis": verdict.basis,
                  "state": verdict.state, "register_date": self.register_date,
                  "amount": understanding.facts.amount_eur, "answered": tuple(asked)}
        if verdict.eligibility is Eligibility.NOT_ELIGIBLE and "eligibility" in asked:
            # A town that cannot apply reads that first, before any detail.
            asked.remove("eligibility")
            asked.insert(0, "eligibility")
        blocks: list[Block] = []
        reasons: list[str] = []
        verdict_notice = self._verdict_notice(verdict)
        for intent_id in asked:
            blocks.append(self._render(answers[intent_id], lang, **values))
            if intent_id == "eligibility" and verdict_notice:
                blocks.append(self._render(notices[verdict_notice], lang, **values))
            if intent_id == "funding_amount" and verdict.has("cap"):
                blocks.append(self._render(notices["cap"], lang, **values))
        if understanding.abstained:
            blocks.append(self._render(notices["abstained"], lang))
        if verdict.eligibility is Eligibility.NOT_ELIGIBLE and "eligibility" not in asked:
            # Never let a reply about details read like a promise to a town that cannot apply.
            blocks.insert(0, self._render(notices[verdict_notice or "not_eligible_population"],
                                          lang, **values))
        if verdict.has("cooperation") and "joint_application" not in asked \
                and verdict.eligibility is not Eligibility.NOT_ELIGIBLE:
            blocks.append(self._render(notices["cooperation"], lang, **values))
        if verdict.has("cap") and "funding_amount" not in asked:
            blocks.append(self._render(notices["cap"], lang, **values))
        for block in blocks:
            if block.gap:
                reasons.append(f"gap: {block.source}")
        if understanding.register and understanding.register.ambiguous:
            reasons.append("ambiguous place name in the register")
        if mail.problems:
            reasons.append("the mail could only be read in part")
        person = addressee(mail)
        frame = self.knowledge.frame(lang)
        text = frame.render(lang=lang, blocks=blocks,
                            **(person.frame_values() if person else NOBODY))
        greeting, _, _ = text.partition("\n")
        return Draft(language=lang, subject=reply_subject(mail.subject), greeting=greeting,
                     blocks=tuple(blocks), text=text.strip() + "\n",
                     needs_staff=bool(reasons), staff_reasons=tuple(dict.fromkeys(reasons)))

    @staticmethod
    def _verdict_notice(verdict: Verdict) -> str | None:
        if verdict.eligibility is Eligibility.NOT_ELIGIBLE:
            return "not_eligible_state" if verdict.has("state", "not_eligible") \
                else "not_eligible_population"
        if verdict.eligibility is Eligibility.ELIGIBLE:
            return "eligible"
        return "ask_population"


def _in_mail_order(understanding: Understanding, text: str) -> list[str]:
    """Intent ids in the order the mail asks them (by where their evidence stands)."""
    def position(index_and_score: tuple[int, Any]) -> tuple[int, int]:
        index, score = index_and_score
        at = text.find(score.evidence) if score.evidence else -1
        return (at if at >= 0 else len(text) + index, index)
    ordered = sorted(enumerate(understanding.intents), key=position)
    return [score.id for _, score in ordered]


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` without stacking earlier prefixes (Re:, AW:, WG:, Fwd: …)."""
    core = without_reply_prefixes(subject)
    return f"Re: {core}" if core else "Re:"
