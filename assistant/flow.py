"""The flow of one mail, written as data: the stages in the order a mail travels.

    raw bytes ─parse─▶ Mail ─understand─▶ Understanding ─rules─▶ Verdict ─draft─▶ Draft

``STAGES`` lists them; :func:`Pipeline.run` is the whole engine: each stage takes the
:class:`Processed` value and returns a new one, or raises :class:`Stop` with a named outcome
(an auto-reply, a bounce, a thank-you: logged, never answered). Nothing here touches a mailbox,
a database or the network; the worker and the web app call this and store what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from assistant.draft import Drafter
from assistant.knowledge import Knowledge
from assistant.parse import parse
from assistant.rules import Limits, decide
from assistant.settings import Settings
from assistant.understand import Understander
from assistant.values import Draft, Kind, Mail, Thread, Understanding, Verdict


class Outcome(StrEnum):
    DRAFTED = "drafted"
    NOT_ANSWERED_ACKNOWLEDGEMENT = "not_answered:acknowledgement"
    NOT_ANSWERED_AUTO_REPLY = "not_answered:auto_reply"
    NOT_ANSWERED_BOUNCE = "not_answered:bounce"


_STOP_FOR_KIND = {
    Kind.ACKNOWLEDGEMENT: Outcome.NOT_ANSWERED_ACKNOWLEDGEMENT,
    Kind.AUTO_REPLY: Outcome.NOT_ANSWERED_AUTO_REPLY,
    Kind.BOUNCE: Outcome.NOT_ANSWERED_BOUNCE,
}


class Stop(Exception):
    """A stage ends the flow on purpose; ``outcome`` says why, ``item`` is what it had."""

    def __init__(self, outcome: Outcome, item: Processed) -> None:
        super().__init__(outcome.value)
        self.outcome = outcome
        self.item = item


@dataclass(frozen=True, slots=True)
class Processed:
    mail: Mail
    # What the conversation knows before this mail (the worker reads it from the store).
    thread: Thread | None = None
    understanding: Understanding | None = None
    verdict: Verdict | None = None
    draft: Draft | None = None
    outcome: Outcome | None = None


Stage = Callable[["Pipeline", Processed], Processed]


def understand(pipeline: Pipeline, item: Processed) -> Processed:
    understanding = pipeline.understander(item.mail, item.thread)
    item = replace(item, understanding=understanding)
    if understanding.kind in _STOP_FOR_KIND:
        raise Stop(_STOP_FOR_KIND[understanding.kind], item)
    return item


def rules(pipeline: Pipeline, item: Processed) -> Processed:
    assert item.understanding is not None
    return replace(item, verdict=decide(item.understanding, pipeline.limits))


def draft(pipeline: Pipeline, item: Processed) -> Processed:
    assert item.understanding is not None and item.verdict is not None
    return replace(item, draft=pipeline.drafter(item.mail, item.understanding, item.verdict,
                                                item.thread),
                   outcome=Outcome.DRAFTED)


STAGES: tuple[Stage, ...] = (understand, rules, draft)


class Pipeline:
    """The stages with what they need, built once from the settings and the knowledge."""

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.understander = Understander(knowledge, domain=settings.message_id_domain,
                                        addresses=settings.own_addresses)
        self.limits = Limits.from_programme(knowledge.programme)
        self.drafter = Drafter(knowledge)

    def run(self, raw: bytes, thread: Thread | None = None) -> Processed:
        return self.run_mail(parse(raw), thread)

    def run_mail(self, mail: Mail, thread: Thread | None = None) -> Processed:
        item = Processed(mail=mail, thread=thread)
        for stage in STAGES:
            try:
                item = stage(self, item)
            except Stop as stop:
                return replace(stop.item, outcome=stop.outcome)
        return item

    def understand_only(self, raw: bytes) -> Processed:
        """Parse, understand and decide, without drafting (for ``assistant classify``)."""
        item = Processed(mail=parse(raw))
        try:
            item = understand(self, item)
        except Stop as stop:
            return replace(stop.item, outcome=stop.outcome)
        return rules(self, item)
