"""The flow of one mail, written as data: the stages in the order a mail travels.

    raw bytes ─parse─▶ Mail ─understand─▶ Understanding ─rules─▶ Verdict ─draft─▶ Draft

``STAGES`` lists them; :meth:`Pipeline.run` is the whole engine: each stage takes the
:class:`~assistant.values.Processed` value and returns one of a later class (``Understood``,
``Decided``, ``Drafted``), or raises :class:`Stop` with a named outcome (an auto-reply, a bounce,
a thank-you: logged, never answered). Everything that runs the flow — the worker, the chat,
a redraft, ``assistant classify`` and ``evaluate`` — calls :meth:`Pipeline.run`, with all the
stages or the first few. Nothing here touches a mailbox, a database or the network; the worker
and the web app call this and store what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from assistant.draft import Drafter
from assistant.knowledge import Knowledge
from assistant.rules import Limits, decide
from assistant.settings import Settings
from assistant.understand import Understander
from assistant.values import (
    Decided,
    Drafted,
    IntentScore,
    Kind,
    Mail,
    Outcome,
    Processed,
    Stopped,
    Thread,
    Understood,
)

_STOP_FOR_KIND = {
    Kind.ACKNOWLEDGEMENT: Outcome.NOT_ANSWERED_ACKNOWLEDGEMENT,
    Kind.AUTO_REPLY: Outcome.NOT_ANSWERED_AUTO_REPLY,
    Kind.BOUNCE: Outcome.NOT_ANSWERED_BOUNCE,
}
T = TypeVar("T", bound=Processed)


class Stop(Exception):
    """A stage ends the flow on purpose; ``stopped`` is the flow's value, with the outcome."""

    def __init__(self, stopped: Stopped) -> None:
        super().__init__(stopped.reason.value)
        self.stopped = stopped


Stage = Callable[["Pipeline", Processed], Processed]


def expect(item: Processed, kind: type[T], stage: str) -> T:
    """``item`` as the class a stage needs; a TypeError names the stage when an earlier one is
    missing from the list (a mistake in the code, never in the mail)."""
    if not isinstance(item, kind):
        raise TypeError(f"the stage {stage!r} needs {kind.__name__}, not "
                        f"{type(item).__name__}: a stage before it is missing")
    return item


def understand(pipeline: Pipeline, item: Processed) -> Understood:
    understanding = pipeline.understander(item.mail, item.thread)
    if understanding.kind in _STOP_FOR_KIND:
        raise Stop(Stopped(item.mail, understanding, _STOP_FOR_KIND[understanding.kind],
                           thread=item.thread))
    return Understood(item.mail, understanding, thread=item.thread)


def rules(pipeline: Pipeline, item: Processed) -> Decided:
    understood = expect(item, Understood, "rules")
    return Decided(understood.mail, understood.understanding,
                   decide(understood.understanding, pipeline.limits), thread=understood.thread)


def draft(pipeline: Pipeline, item: Processed) -> Drafted:
    decided = expect(item, Decided, "draft")
    return Drafted(decided.mail, decided.understanding, decided.verdict,
                   pipeline.drafter(decided.mail, decided.understanding, decided.verdict,
                                    decided.thread), thread=decided.thread)


STAGES: tuple[Stage, ...] = (understand, rules, draft)
# Up to the verdict, without a draft: ``assistant classify`` and ``evaluate``.
TO_VERDICT: tuple[Stage, ...] = (understand, rules)


class Pipeline:
    """The stages with what they need, built once from the settings and the knowledge."""

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge
        self.understander = Understander(knowledge, domain=settings.message_id_domain,
                                        addresses=settings.own_addresses)
        self.limits = Limits.from_programme(knowledge.programme)
        self.drafter = Drafter(knowledge)

    def run(self, item: Processed, stages: Sequence[Stage] = STAGES) -> Processed:
        """Run ``stages`` in order on ``item``; a :class:`Stop` ends the flow with its value."""
        for stage in stages:
            try:
                item = stage(self, item)
            except Stop as stop:
                return stop.stopped
        return item

    def redraft(self, mail: Mail, intents: Sequence[str], evidence: str,
                thread: Thread | None = None) -> Drafted:
        """The draft for ``mail`` when it asks exactly ``intents`` (chosen by staff): the mail is
        understood again for its facts (with what its conversation knew before it, ``thread``),
        and taken as an inquiry whatever its kind; ``evidence`` is the sentence that asks the
        first intent."""
        understood = expect(self.run(Processed(mail, thread=thread), (understand,)),
                            Understood, "redraft")
        scores = tuple(IntentScore(id=i, confidence=1.0, evidence=evidence if n == 0 else "")
                       for n, i in enumerate(intents))
        # The mail's own question units give way to the chosen intents: one question each.
        asked = replace(understood.understanding, kind=Kind.INQUIRY, intents=scores,
                        questions=(), abstained=False)
        return expect(self.run(Understood(mail, asked, thread=thread), (rules, draft)), Drafted,
                      "redraft")
