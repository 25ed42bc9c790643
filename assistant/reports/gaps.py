"""What the knowledge does not cover yet: the questions of uncertain inquiries, grouped by
similarity, as candidate new FAQ entries.

An inquiry is *uncertain* when the classifier abstained, when it asked something out of scope,
or when none of its intents reached the report's low-confidence level. From each we take the
sentences that carry the doubt: the evidence of its out-of-scope and low-confidence intents, or,
when it abstained (no evidence), its questions. Sentences are compared on their stems (the
normalisation of the understanding stage) with rapidfuzz's token-set ratio, and grouped by
leader clustering: a sentence joins the first group whose leader is similar enough, else it
starts a group. A group's size is the number of inquiries in it.

Only the most recent ``report_gap_sample`` uncertain inquiries of the period are read, so the
report stays fast on any amount of history; purged inquiries have no text and drop out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from sqlalchemy import select

from assistant.history.tables import messages, understandings
from assistant.history.tables import report_inquiries as inquiries
from assistant.reports.figures import Gap
from assistant.understand.normalize import content_tokens, stem
from assistant.understand.sentences import is_asking, sentences

if TYPE_CHECKING:
    from assistant.reports.queries import Queries


OUT_OF_SCOPE = "out_of_scope"
MAX_GROUPS = 25
EXAMPLES = 3
SENTENCES_PER_INQUIRY = 2
MIN_WORDS = 2
MAX_SENTENCE = 300


@dataclass(frozen=True, slots=True)
class Uncertain:
    """One uncertain inquiry as the gaps need it."""

    message_id: int
    text: str
    intents: Sequence[Any]
    abstained: bool
    language: str = "de"


@dataclass
class _Group:
    leader: str
    sentences: list[str] = field(default_factory=list)
    inquiries: set[int] = field(default_factory=set)
    intents: dict[str, int] = field(default_factory=dict)


async def candidates(q: Queries, limit: int) -> list[Uncertain]:
    """The most recent uncertain inquiries of the period that still have their text."""
    if limit <= 0:
        return []
    query = (select(messages.c.id, messages.c.new_text, understandings.c.intents,
                    understandings.c.abstained, understandings.c.language)
             .select_from(inquiries
                          .join(messages, messages.c.id == inquiries.c.message_id)
                          .join(understandings, understandings.c.message_id == messages.c.id))
             .where(q.inquiry(), q.uncertain(), messages.c.new_text.is_not(None))
             .order_by(inquiries.c.received_at.desc(), inquiries.c.message_id.desc())
             .limit(limit))
    rows = (await q.conn.execute(query)).all()
    return [Uncertain(r.id, r.new_text or "", r.intents or [], bool(r.abstained),
                      r.language or "de") for r in rows]


def doubtful_sentences(item: Uncertain, low_confidence: float) -> tuple[list[str], list[str]]:
    """(sentences, intents) that carry the doubt of one inquiry."""
    found: list[str] = []
    intents: list[str] = []
    for intent in item.intents:
        if not isinstance(intent, dict):
            continue
        confidence = float(intent.get("confidence") or 0)
        if intent.get("id") == OUT_OF_SCOPE or confidence < low_confidence:
            intents.append(str(intent.get("id")))
            evidence = " ".join(str(intent.get("evidence") or "").split())
            if evidence:
                found.append(evidence)
    if not found:
        units = sentences(item.text)
        found = [s for s in units if is_asking(s)] or units[:1]
    unique = list(dict.fromkeys(" ".join(s.split())[:MAX_SENTENCE] for s in found))
    return unique[:SENTENCES_PER_INQUIRY], intents or (["abstained"] if item.abstained else [])


def key(sentence: str, language: str) -> str:
    """The sentence as compared: stems of its content words."""
    return " ".join(stem(t, language) for t in content_tokens(sentence))


def cluster(items: Sequence[Uncertain], *, low_confidence: float, similarity: int,
            limit: int = MAX_GROUPS) -> list[Gap]:
    """Groups of similar doubtful sentences, largest first (ties: the most recent first)."""
    leaders: list[str] = []
    groups: list[_Group] = []
    for item in items:
        found, intents = doubtful_sentences(item, low_confidence)
        for sentence in found:
            compared = key(sentence, item.language)
            if len(compared.split()) < MIN_WORDS:
                continue
            match = process.extractOne(compared, leaders, scorer=fuzz.token_set_ratio,
                                       score_cutoff=similarity) if leaders else None
            if match is None:
                leaders.append(compared)
                groups.append(_Group(compared))
                group = groups[-1]
            else:
                group = groups[match[2]]
            if sentence not in group.sentences:
                group.sentences.append(sentence)
            if item.message_id not in group.inquiries:
                group.inquiries.add(item.message_id)
                for intent in intents:
                    group.intents[intent] = group.intents.get(intent, 0) + 1
    ranked = sorted(enumerate(groups), key=lambda ig: (-len(ig[1].inquiries), ig[0]))
    return [Gap(size=len(g.inquiries), examples=tuple(g.sentences[:EXAMPLES]),
                intents=tuple(sorted(g.intents, key=lambda i: -g.intents[i])))
            for _, g in ranked[:limit]]
