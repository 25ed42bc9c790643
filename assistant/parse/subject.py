"""Subject prefixes: "Re:", "AW:", "WG:", "Fwd:" … and what mail gateways and auto-replies add.

One definition for every stage that looks past them: the classifier (a reply's subject repeats an
old topic), the threading (a reply joins the conversation of its subject), and the drafts (our
reply gets one "Re:", never "Re: AW: Re:").
"""

from __future__ import annotations

import re

# "Re:", "AW:", "WG:", "Fwd:", "Antw:", "SV:", "TR:", also counted ("Re[2]:", "AW (3):").
_REPLY = r"(?:re|aw|wg|fw|fwd|antw|antwort|sv|vs|tr|rif)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]"
# What automatic replies put in front, and tags such as "[EXTERN]" that gateways add.
_MACHINE = (r"(?:automatische antwort|automatic reply|abwesenheitsnotiz|out of office(?: reply)?"
            r"|auto-?reply)\s*[:：]|\[[^\]]{1,40}\]")

REPLY_PREFIXES = re.compile(rf"^\s*(?:{_REPLY}\s*)+", re.IGNORECASE)
_ALL_PREFIXES = re.compile(rf"^\s*(?:(?:{_REPLY}|{_MACHINE})\s*)+", re.IGNORECASE)


def without_reply_prefixes(subject: str) -> str:
    """The subject without leading reply and forward prefixes (tags and the rest kept)."""
    return REPLY_PREFIXES.sub("", subject or "").strip()


def thread_key(subject: str) -> str:
    """The subject as a conversation key: every prefix and tag removed, case and spaces folded."""
    return _ALL_PREFIXES.sub("", " ".join((subject or "").split())).casefold()[:500]
