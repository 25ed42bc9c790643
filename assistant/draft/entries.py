"""How one knowledge entry becomes one block of a draft, on the day the draft is made.

An entry's parts are rendered in order and joined. A time-bound part is stated only while it
holds on that day (:meth:`~assistant.knowledge.entries.Part.holds_on`: its ``valid_until``
lies after the day, its ``as_of`` not after it); otherwise it becomes a marked gap that asks
staff the part's question and offers the statement as a suggestion, and the block counts as a
gap — the draft then needs staff. An entry that is a gap (``gap:`` in its file) is the gap
marker alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from assistant.knowledge import Entry
from assistant.values import Block


def render_entry(entry: Entry, lang: str, values: Mapping[str, Any], today: date,
                 gap: Entry) -> Block:
    """The block for ``entry`` in ``lang`` on ``today``; ``gap`` is the gap-marker notice."""
    kind = "answer" if entry.intent else "notice"
    if entry.is_gap:
        return Block(kind="gap", text=gap_marker(gap, lang, entry.gap[lang], ""), source=entry.id,
                     version=entry.version, intent=entry.intent, gap=True)
    texts = []
    unconfirmed = False
    for part in entry.parts:
        text = " ".join(part.texts[lang].render(lang=lang, **values).split())
        if part.holds_on(today):
            texts.append(text)
        else:
            unconfirmed = True
            texts.append(gap_marker(gap, lang, part.question[lang], text))
    return Block(kind="gap" if unconfirmed else kind, text=" ".join(t for t in texts if t),
                 source=entry.id, version=entry.version, intent=entry.intent, gap=unconfirmed)


def gap_marker(gap: Entry, lang: str, topic: str, suggestion: str) -> str:
    # A "]" inside would end the marker early for the reviewer's check of unfilled gaps.
    suggestion = suggestion.replace("]", ")").replace("[", "(")
    return gap.texts[lang].render(lang=lang, topic=topic, suggestion=suggestion)
