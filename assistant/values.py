"""The typed, frozen values that pass between the stages of the flow.

    RawMail bytes ──parse──▶ Mail ──understand──▶ Understanding ──rules──▶ Verdict ──draft──▶ Draft

Every stage returns a new value and never changes the one it was given, so that the flow in
:mod:`assistant.flow` reads like the data it moves and mypy checks it. What the engine passes
from stage to stage is a :class:`Processed` value of the class that says how far the mail got —
each class adds the result of one stage, none is optional::

    Processed(mail) ─understand─▶ Understood(+understanding) ─rules─▶ Decided(+verdict)
                                      │                                   │ draft
                                      └─ Stopped(+outcome): not answered  ▼
                                                                      Drafted(+draft)

A new stage result is a new class here, deriving from the value its stage takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Kind(StrEnum):
    INQUIRY = "inquiry"
    ACKNOWLEDGEMENT = "acknowledgement"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"


class Eligibility(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Address:
    address: str
    name: str = ""

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class Mail:
    """One mail as the rest of the assistant sees it. ``raw`` keeps the bytes as received."""

    raw: bytes
    sender: Address | None
    recipients: tuple[Address, ...]
    reply_to: tuple[Address, ...]  # every usable Reply-To address, in order
    subject: str
    date: datetime | None
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    content_type: str
    text: str
    new_text: str
    quoted: str
    signature: str
    language: str
    attachments: tuple[Attachment, ...] = ()
    report_type: str | None = None
    dsn_actions: tuple[str, ...] = ()
    # A bounce: the Message-ID of the returned mail, then the ones that mail answered.
    returned_message_ids: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    # The text of a mail this one forwards ("WG:", "Fwd:"): part of the quoted history, kept
    # apart because a forward with "bitte um Beantwortung" asks what the forwarded mail asks.
    forwarded: str = ""

    def header(self, name: str) -> str | None:
        """The first value of a header (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k == wanted), None)


@dataclass(frozen=True, slots=True)
class IntentScore:
    id: str
    confidence: float
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """One question the mail asks, with the intents found in it (none: unrecognised).

    ``role`` is ``question`` for a question of the new text, ``subject`` for the subject line,
    ``supplied`` for what a reply supplies to our own request (the population we asked for).
    """

    text: str
    intents: tuple[str, ...]
    role: str = "question"

    @property
    def recognised(self) -> bool:
        return bool(self.intents)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the new text of the mail states; ``evidence`` maps a fact to the text it came from."""

    population: int | None = None
    amount_eur: int | None = None
    municipality: str | None = None
    state: str | None = None
    evidence: tuple[tuple[str, str], ...] = ()
    # When no state is named, evidence that the town is not in the programme's state: it says
    # so ("wir liegen nicht in Hessen": ``outside``), or it names a kind of municipality that
    # state does not have ("Ortsgemeinde", "Verbandsgemeinde": ``doubt``, no verdict by itself).
    outside: str = ""
    doubt: str = ""


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    ags: str
    name: str
    kind: str
    district: str
    state: str
    population: int
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class SourcedFact:
    """A fact the conversation knows, with the mail it came from (its Message-ID; "" for the
    mail at hand) and when that mail arrived (ISO 8601, "" when unknown)."""

    name: str  # population, amount_eur, municipality, state
    value: int | str
    message: str = ""
    received: str = ""

    @property
    def from_this_mail(self) -> bool:
        return not self.message


@dataclass(frozen=True, slots=True)
class Thread:
    """What the conversation knows before the mail at hand (the worker reads it from the store;
    ``classify`` and ``evaluate`` have none): its facts (latest statement of each), the register
    entry found for its municipality, whether our last sent reply asked for the population (or
    the district, the state), and the knowledge entries our sent replies already used."""

    facts: tuple[SourcedFact, ...] = ()
    register: RegisterEntry | None = None
    asked_for_facts: bool = False
    said: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Understanding:
    kind: Kind
    kind_reason: str
    language: str
    intents: tuple[IntentScore, ...] = ()
    abstained: bool = False
    facts: Facts = field(default_factory=Facts)
    register: RegisterEntry | None = None
    questions: tuple[Question, ...] = ()
    # The conversation's facts after this mail (this mail's own statements win over earlier
    # ones), each with its source; empty without a conversation. The verdict uses these.
    conversation_facts: tuple[SourcedFact, ...] = ()
    conversation_register: RegisterEntry | None = None

    @property
    def intent_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.intents)

    @property
    def taken_from_thread(self) -> tuple[SourcedFact, ...]:
        """The facts this mail does not state itself but the conversation knows."""
        return tuple(f for f in self.conversation_facts if not f.from_this_mail)


# The outcome of a rule's check that found nothing to say (Mailman's "rule miss").
PASSED = "passed"


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's check of one mail: its outcome with a reason a person can read, in German and
    English. A check that found nothing to say has the outcome :data:`PASSED`; any other
    outcome means the rule fired."""

    rule: str
    outcome: str
    reason_de: str
    reason_en: str

    @property
    def fired(self) -> bool:
        return self.outcome != PASSED

    def reason(self, language: str) -> str:
        return self.reason_en if language == "en" else self.reason_de


@dataclass(frozen=True, slots=True)
class Verdict:
    """The eligibility and what it rests on. ``checks`` is the rule trace: every rule's check
    in the order the rules ran, fired or passed; ``findings`` are the ones that fired."""

    eligibility: Eligibility
    basis: str | None
    population: int | None
    state: str | None
    checks: tuple[Finding, ...] = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.checks if f.fired)

    def has(self, rule: str, outcome: str | None = None) -> bool:
        """Whether ``rule`` fired (with ``outcome``, when given)."""
        return any(f.rule == rule and (outcome is None or f.outcome == outcome)
                   for f in self.findings)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a draft, with the knowledge entry it came from."""

    kind: str
    text: str
    source: str | None = None
    version: str | None = None
    intent: str | None = None
    gap: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    language: str
    subject: str
    greeting: str
    blocks: tuple[Block, ...]
    text: str
    needs_staff: bool
    staff_reasons: tuple[str, ...] = ()


class Outcome(StrEnum):
    """How the flow of one mail ended: drafted, or not answered on purpose (and why)."""

    DRAFTED = "drafted"
    NOT_ANSWERED_ACKNOWLEDGEMENT = "not_answered:acknowledgement"
    NOT_ANSWERED_AUTO_REPLY = "not_answered:auto_reply"
    NOT_ANSWERED_BOUNCE = "not_answered:bounce"


@dataclass(frozen=True, slots=True)
class Processed:
    """A mail on its way through the flow, before any stage ran; the classes below add one
    stage result each."""

    mail: Mail
    # What the conversation knows before this mail (the worker reads it from the store); a
    # keyword, so that each later class adds its result as the next positional field.
    thread: Thread | None = field(default=None, kw_only=True)

    @property
    def outcome(self) -> Outcome | None:
        """How the flow ended, or None while it has not."""
        return None


@dataclass(frozen=True, slots=True)
class Understood(Processed):
    """The mail with what it is, asks and states."""

    understanding: Understanding


@dataclass(frozen=True, slots=True)
class Stopped(Understood):
    """The flow ended on purpose after understanding the mail (an auto-reply, a bounce, a
    thank-you): logged, never answered; ``reason`` names the outcome."""

    reason: Outcome

    @property
    def outcome(self) -> Outcome:
        return self.reason


@dataclass(frozen=True, slots=True)
class Decided(Understood):
    """The understood mail with the funding rules' verdict."""

    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Drafted(Decided):
    """The decided mail with its reply draft: the end of the whole flow."""

    draft: Draft

    @property
    def outcome(self) -> Outcome:
        return Outcome.DRAFTED


@dataclass(frozen=True, slots=True)
class Handled:
    """What became of one stored mail in the worker: the parsed mail (None when not even its
    headers could be read), the flow's result, or the error that flags it for staff. ``loop``
    marks mail from our own addresses; ``trace`` is for the worker's log only."""

    mail: Mail | None = None
    processed: Processed | None = None
    loop: bool = False
    error: str | None = None
    knowledge_version: str = ""
    trace: str | None = None
