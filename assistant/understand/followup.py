"""Whether a reply supplies what our last answer asked for.

The taxonomy's convention: a municipality that answers our request for its population (or its
district, its state) — "Wir haben 7.450 Einwohner." — continues its eligibility inquiry; so does a
correction of the figure our verdict rested on, and a sender's own "Nachtrag" that adds the
missing facts to her unanswered eligibility question. Such a mail asks no question of its own,
yet it needs an answer.

The quoted history decides this and nothing else (its facts never count): the message the sender
answered is the first one quoted (:func:`assistant.parse.quotes.first_quoted`); it is ours when
the mail's In-Reply-To is one of our Message-IDs (``<wir.…@ASSISTANT_MESSAGE_ID_DOMAIN>``) or the
quote's header names one of the programme's addresses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.parse.quotes import first_quoted
from assistant.parse.subject import REPLY_PREFIXES
from assistant.understand import facts
from assistant.values import Mail

_TOPIC = (r"(?:einwohner\w*|bev(?:ö|oe)lkerung\w*|(?:land)?kreis\w*|bundesland|population|"
          r"inhabitants|residents|district|county|state)")
# Our answer asks for the population, the district or the state.
_REQUEST = re.compile(
    rf"teilen\s+sie\s+(?:uns|mir)?[^.?!]{{0,100}}{_TOPIC}[^.?!]{{0,100}}\bmit\b"
    rf"|(?:nennen|mitteilen|angeben|nachreichen|(?:zu)?senden|schicken|erg(?:ä|ae)nzen|"
    rf"best(?:ä|ae)tigen)\s+sie\s+(?:uns|mir)?[^.?!]{{0,80}}{_TOPIC}"
    rf"|{_TOPIC}[^.?!]{{0,80}}(?:mitteilen|mitzuteilen|nennen|angeben|nachreichen|"
    rf"erg(?:ä|ae)nzen|wissen\s+lassen)"
    rf"|wie\s+viele\s+(?:einwohner|menschen|b(?:ü|ue)rger)|(?:in|zu)\s+welche[mn]\s+(?:land)?kreis"
    rf"|welche[mn]?\s+(?:land)?kreis|wie\s+gro(?:ß|ss)\s+(?:ist\s+)?(?:ihre|die)\s+"
    rf"(?:gemeinde|stadt|kommune)"
    rf"|(?:let\s+us\s+know|tell\s+us|send\s+us|provide|confirm|give\s+us|share)[^.?!]{{0,80}}"
    rf"{_TOPIC}|how\s+many\s+(?:inhabitants|residents|people)|which\s+(?:district|county|state)",
    re.IGNORECASE)
# Our answer judged eligibility on a figure ...
_VERDICT = re.compile(
    r"grenze|antragsberechtig|f(?:ö|oe)rderberechtig|beantragen|einwohnergrenze|"
    r"weniger\s+als\s+[\d.]+\s+einwohner|eligib|fewer\s+than", re.IGNORECASE)
# ... or the sender says the figure was wrong.
_CORRECTION = re.compile(
    r"korrigier|korrektur|vertippt|tippfehler|zahlendreher|nicht\s+\d[\d.]*|"
    r"richtig\s+(?:ist|sind)|correct(?:ion)?|typo|should\s+(?:have\s+)?(?:read|be)",
    re.IGNORECASE)
# The sender's own earlier question was about eligibility (a "Nachtrag").
_ELIGIBILITY_QUESTION = re.compile(
    r"antragsberechtigt|in\s+frage\s+k(?:o|ä|ae)mm|in\s+betracht|teilnehmen|mitmachen|"
    r"beantragen|antrag\s+stellen|f(?:ö|oe)rderf(?:ä|ae)hig|f(?:ö|oe)rderberechtigt|eligible|"
    r"apply|qualif", re.IGNORECASE)
_FORWARD = re.compile(r"^\s*(?:wg|fw|fwd|tr|weitergeleitet)\s*:", re.IGNORECASE)
_NUMBER = re.compile(r"\d{1,3}(?:[.,\u202f ]\d{3})+|\d{4,6}")
_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def _numbers(text: str) -> set[int]:
    return {int(re.sub(r"\D", "", found)) for found in _NUMBER.findall(text)}


def is_our_message_id(message_id: str | None, domain: str) -> bool:
    """Whether a Message-ID is one of ours: ``<wir.…@domain>``."""
    value = (message_id or "").strip().strip("<>").lower()
    return value.startswith("wir.") and value.endswith("@" + domain.lower())


def supplies_requested(mail: Mail, *, domain: str, addresses: Sequence[str]) -> bool:
    """Whether the mail supplies the population, district or state our last answer asked for
    (or corrects the figure our verdict rested on, or completes the sender's own unanswered
    eligibility question)."""
    if _FORWARD.match(mail.subject or "") or not mail.quoted.strip():
        return False
    if not (mail.in_reply_to or REPLY_PREFIXES.match(mail.subject or "")):
        return False
    text = mail.new_text + "\n\n" + mail.signature
    population = facts.population(text)
    place = facts.state(text) is not None or bool(facts.districts(text))
    if population is None and not place:
        return False
    answered = first_quoted(mail.quoted)
    if answered is None:
        return False
    opener = answered.opener.lower()
    ours = is_our_message_id(mail.in_reply_to, domain) or any(
        address.lower() in opener for address in addresses)
    stated = _numbers(answered.text)
    if ours and _REQUEST.search(answered.text):
        # Repeating the figure our answer already used supplies nothing new.
        return not (population is not None and population.value in stated and not place)
    if ours and population is not None and population.value not in stated and (
            _VERDICT.search(answered.text) or _CORRECTION.search(text)):
        return True
    if not ours and mail.in_reply_to:
        questions = [s for s in _SENTENCE.split(answered.text) if "?" in s]
        return any(_ELIGIBILITY_QUESTION.search(s) for s in questions)
    return False
