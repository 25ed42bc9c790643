"""The question units of a mail: every question it asks, wherever it hides.

A mail asks in many shapes: a direct question ("Wie hoch ist die Förderung?"), a question without
a question mark typed in a chat ("müssen wir nen eigenanteil bringen"), an indirect question deep
inside a long sentence ("…, und deshalb wollte ich fragen, ob wir das mit dem Nachbarort zusammen
machen dürfen und bis wann das fertig sein muss"), a request ("Bitte schicken Sie uns die
Richtlinie"), a question in the subject alone, an item of a numbered list. :func:`units` cuts the
new text into sentences (:mod:`assistant.understand.sentences`), splits run-on sentences at the
openers of question clauses ("ob", "wie", "wann", "whether", …) and at coordinations of two
questions, and gives every piece a :class:`Role`:

* ``question``: it asks (a question mark, a question word or a verb at its start, a request, an
  indirect question after "ich wollte fragen", "mich würde interessieren", "I'd like to know");
* ``statement``: it tells (the story, the facts: "Wir haben 7.450 Einwohner.");
* ``announcement``: it announces questions ("Zwei Fragen dazu:") and asks nothing itself;
* ``greeting``, ``closing``, ``courtesy``: "Sehr geehrte Damen und Herren", "Mit freundlichen
  Grüßen", "Vielen Dank im Voraus", "Für eine Rückmeldung wäre ich dankbar" — never a question;
* ``subject``: the subject line of a first mail, unless it is generic ("Frage", "Anfrage").

A mail in which nothing asks but which has only one or two short statements (a chat line typed
without punctuation, "Förderrichtlinie KIV") counts those as its questions. The words matched here
are German and English function words, not programme facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from assistant.parse.subject import REPLY_PREFIXES
from assistant.understand.sentences import is_asking
from assistant.understand.sentences import units as sentence_units


class Role(StrEnum):
    QUESTION = "question"
    STATEMENT = "statement"
    ANNOUNCEMENT = "announcement"
    GREETING = "greeting"
    CLOSING = "closing"
    COURTESY = "courtesy"
    SUBJECT = "subject"


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of a mail: a question, a statement, a greeting …, with its text."""

    text: str
    role: Role
    from_subject: bool = False

    @property
    def asks(self) -> bool:
        return self.role is Role.QUESTION


_QW_DE = (r"(?:(?:bis|ab|seit)\s+wann|wer|wen|wem|wessen|wie|wieso|weshalb|warum|was|wann|wo|"
          r"woher|wohin|wof(?:ü|ue)r|womit|wozu|woran|worauf|wovon|welche[mnrs]?|wieviel\w*|ob|"
          r"inwieweit|inwiefern)")
_QW_EN = r"(?:who|whom|whose|how|what|when|where|which|why|whether)"
_QW = rf"(?:{_QW_DE}|{_QW_EN})"
# Finite verbs that open a German or English yes/no question ("Können wir …", "Gibt's …",
# "Is there …"), dialect forms included ("is", "sin", "hamm").
_VERB_DE = (r"(?:kann|kannst|k(?:ö|oe)nn(?:en|t|te|ten)?|darf|d(?:ü|ue)rf(?:en|te|ten)?|muss|"
            r"m(?:ü|ue)ss(?:en|te|ten)|soll(?:en|te|ten)?|gibt(?:'?s)?|gilt|ist|is|sind|sin|hat|"
            r"haben|hamm|habt|wird|werden|w(?:ü|ue)rde[n]?|w(?:ä|ae)re[n]?|geht|gehts|z(?:ä|ae)hlt|"
            r"reicht|braucht|brauchen|bekomm(?:t|en)|krieg(?:t|en)|l(?:ä|ae)uft|m(?:ö|oe)chte[n]?|"
            r"f(?:ö|oe)rdert|f(?:ö|oe)rdern|(?:ü|ue)bernimmt|zahlt|zahlen|deckt|mu(?:ss|ß)|"
            r"kommen|kommt|passt|klappt|funktioniert|lohnt|stimmt|erh(?:ä|ae)lt|erhalten|"
            r"reichen|brauchen|d(?:ü|ue)rfte|k(?:ö|oe)nnte)")
_VERB_EN = r"(?:is|are|can|could|do|does|did|may|might|must|should|would|will|shall|have|has|am)"
_LEAD = (r"(?:(?:und|un|oder|aber|also|so|ok|okay|and|or|but|noch|dann|jetzt|und\s+noch)"
         r"\s+)?")
_QUESTION_START = re.compile(
    rf"^\W*{_LEAD}(?:\w+\s+){{0,2}}?{_QW}\b|^\W*{_LEAD}(?:{_VERB_DE}|{_VERB_EN})\b",
    re.IGNORECASE)
# "ich wollte fragen", "mich würde interessieren", "I'd like to know": the clause after asks.
_WANT = re.compile(
    r"\b(?:fr(?:a|o|oo)g(?:e|en)?|frooch\w*|wiss(?:en|e)|w(?:ü|ue)sst\w*|gewusst|"
    r"erfahr(?:en|e)|kl(?:ä|ae)r(?:en|e)|erkundigen|interessier\w*|know|ask|wonder\w*|"
    r"find\s+out|enquire|inquire|tell\s+(?:me|us)|clarify|questions?\s+(?:is|are))\b",
    re.IGNORECASE)
# A lead-in that ends in a verb of asking: the sentence after it asks ("isch soll mol frooche" /
# "ob mir do mitmache derfe.").
_LEAD_IN_END = re.compile(
    r"\b(?:fr(?:a|o|oo)g(?:e|en)?|frooch\w*|wiss(?:en|e)|gewusst|erfahr(?:en|e)|kl(?:ä|ae)r(?:en|e)|"
    r"erkundigen|sagen|mitteilen|erkl(?:ä|ae)ren|nennen|beantworten|know|ask|wonder|find\s+out|"
    r"clarify|tell\s+(?:me|us)|let\s+(?:me|us)\s+know|explain|advise|unsicher|unklar|"
    r"not\s+sure|unsure|questions?\s+(?:is|are))\W*$", re.IGNORECASE)
# In a long run-on sentence, a question clause may open without a comma before it.
_LONG_RUN_ON_WORDS = 25
_BARE_OPENER = re.compile(
    r"\s(?=(?:ob|whether|(?:bis|ab|seit)\s+wann|wie\s+(?:viel\w*|lange?|hoch|gro(?:ß|ss)|man|"
    r"wir|mir|mer|die|das|des|der|es|genau)|welche[mnrs]?|wann|wer|wo(?:hin|f(?:ü|ue)r|mit)?|"
    r"how|what|which|when|who|where|if\s+(?:we|it|the|our|this|there|you|i))\b)",
    re.IGNORECASE)
_HAS_QW = re.compile(rf"\b{_QW}\b", re.IGNORECASE)
# "Wie besprochen …", "Wie vereinbart …" tell, they do not ask.
_AS_AGREED = re.compile(
    r"^\W*wie\s+(?:besprochen|vereinbart|gew(?:ü|ue)nscht|angek(?:ü|ue)ndigt|erw(?:ä|ae)hnt|gesagt|"
    r"telefonisch|schon|bereits|bisher|immer|folgt|oben|unten)\b|^\W*as\s+(?:agreed|discussed|"
    r"mentioned|requested)\b", re.IGNORECASE)


_OB_CLAUSE = re.compile(r"^\W*(?:und\s+|un\s+|and\s+)?(?:ob|whether|if)\b[^,;]*$",
                        re.IGNORECASE)


def _opens_question(text: str) -> bool:
    """A question word or a verb at the start of a sentence that does not end in a full stop:
    "müssen wir nen eigenanteil bringen", "wie viel gibts" — but not "Sollten Fragen auftauchen,
    melde ich mich." or "Wie besprochen schicke ich …"."""
    if _OB_CLAUSE.match(text):
        return True  # "ob wir mitmachen dürfen." — no main clause follows: it asks
    return (_QUESTION_START.match(text) is not None and not _AS_AGREED.match(text)
            and not text.rstrip().endswith((".", "!", ";")))
_GREETING = re.compile(
    r"^(?:sehr\s+geehrte|liebe[rs]?\b|hallo|hi\b|hey\b|guten\s+(?:tag|morgen|abend)|moin|servus|"
    r"gude|gr(?:ü|ue)(?:ß|ss)\s+gott|dear\b|hello\b|good\s+(?:morning|afternoon|evening))",
    re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:mit\s+freundliche[nm]?\s+gr|freundliche\s+gr|viele\s+gr|beste\s+gr|liebe\s+gr|"
    r"sch(?:ö|oe)ne\s+gr|herzliche\s+gr|sportliche\s+gr|gr(?:u|ü|ue)(?:ß|ss)|lg\b|vg\b|mfg\b|"
    r"best\s+regards|kind\s+regards|regards|best\b|cheers|sincerely|yours|von\s+meine[mr]|"
    r"sent\s+from|gesendet\s+von|von\s+outlook|many\s+thanks,|thanks,|danke,|"
    r"dank\s+und\s+gr)", re.IGNORECASE)
# "vorab … Dank" is looked for from the line's first "vorab" only (an atomic group): tried at every
# "vorab" it would take time with the square of a long line's length.
_THANKS_BEFOREHAND = re.compile(r"(?m:^)(?>.*?\bvorab\b).*\bdank", re.IGNORECASE)
_COURTESY = re.compile(
    r"\bim\s+voraus\b|\bin\s+advance\b|\b(?:freue|freuen)\s+(?:mich|uns)\b|"
    r"\b(?:ü|ue)ber\s+(?:eine|ihre)\s+(?:\w+\s+)?(?:r(?:ü|ue)ckmeldung|antwort|nachricht)\b|"
    r"\bf(?:ü|ue)r\s+(?:eine|ihre)\s+(?:\w+\s+)?(?:r(?:ü|ue)ckmeldung|antwort|einsch(?:ä|ae)tzung|"
    r"auskunft|information|info|hinweis|nachricht|hilfe|unterst(?:ü|ue)tzung)\s+w(?:ä|ae)re|"
    r"\blook(?:ing)?\s+forward\b|\bbedanke\b|^(?:vielen|herzlichen|besten|lieben|tausend)\s+dank\b|"
    r"^danke\b|^thanks?\b|^thank\s+you|^many\s+thanks|\bhave\s+a\s+nice\b|"
    r"\bsch(?:ö|oe)nen\s+tag\b", re.IGNORECASE)
_ANNOUNCES = re.compile(
    r"(?:fragen?|punkte?|dinge|sachen|themen|anliegen|questions?|points?|things?|issues?|"
    r"folgendes|following)(?:\s+\w+){0,3}\s*[:.]?\s*$", re.IGNORECASE)
# Where a run-on sentence is split: before a question clause that follows a comma, a dash or a
# question mark, and at "und"/"oder" that join a second question.
_SPLIT = re.compile(
    rf"(?:[,;]|\s[–—-])\s*(?:(?:und|oder|sowie|un|and|or|aber|but|bzw\.?)\s+)?(?={_QW}\b)"
    rf"|\?\s*(?=\S)"
    rf"|\s(?:und|oder|un|and|or)\s+(?=(?:{_QW}|{_VERB_DE}\s+(?:wir|mer|mir|man|ich|sie|ihr|es|"
    rf"das|des|die|der|dies(?:e[mnrs]?)?|unser(?:e[mnrs]?)?)|is\s+there|are\s+there|can\s+(?:we|i)|do\s+(?:we|i)|does\s+(?:it|the))\b)",
    re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(
    r"^\W*(?:frage|fragen|anfrage|kurze\s+frage|question|questions|inquiry|enquiry|kiv|wir|info|"
    r"hallo|anliegen|bitte\s+um\s+info)\W*$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# A piece of a split sentence shorter than this is joined to its neighbour ("wo finde ich sie?"
# means nothing without "Gibt es eine neuere Fassung").
_MIN_PART_WORDS = 4
# Mails with no question and at most this many statements count the statements as questions.
_TERSE_STATEMENTS = 2
# A unit is cut off here: no question is this long, and the cost stays bounded. A sentence is
# read up to _MAX_SENTENCE_CHARS before it is split into units.
_MAX_UNIT_CHARS = 600
_MAX_SENTENCE_CHARS = 4000
_AFTER_QUESTION_MARK = re.compile(r"(?<=\?)\s+(?=\S)")


def _courteous(lowered: str) -> bool:
    return _COURTESY.search(lowered) is not None or (
        "vorab" in lowered and _THANKS_BEFOREHAND.search(lowered) is not None)


def _role(text: str, asking: bool) -> Role:
    low = text.lower()
    if "?" not in text:
        words = len(text.split())
        if _GREETING.match(low) and words <= 6:
            return Role.GREETING
        if _CLOSING.match(low) and words <= 8:
            return Role.CLOSING
        if _courteous(low) and not _WANT.search(low):
            return Role.COURTESY
        if text.endswith(":") or (words <= 10 and _ANNOUNCES.search(low)
                                  and not _opens_question(text)):
            return Role.ANNOUNCEMENT
    elif text.endswith(":"):
        return Role.ANNOUNCEMENT
    if asking or "?" in text or _opens_question(text):
        return Role.QUESTION
    return Role.STATEMENT


def _opens_short_question(piece: str) -> bool:
    """"Sind wir antragsberechtigt" is a question of its own however short; "wo finde ich
    sie" is one too, and is read with the sentence before it when it is scored."""
    return len(_WORD.findall(piece)) >= 2 and _QUESTION_START.match(piece) is not None


def _parts(text: str) -> list[str]:
    """A sentence split at the openers of question clauses; short pieces joined back."""
    parts: list[str] = []
    pieces = _SPLIT.split(text)
    if len(_WORD.findall(text)) > _LONG_RUN_ON_WORDS:
        pieces = [p for piece in pieces for p in (
            _BARE_OPENER.split(piece) if len(_WORD.findall(piece)) > _LONG_RUN_ON_WORDS
            else [piece])]
    for piece in pieces:
        piece = piece.strip(" ,;–—-")
        if not piece:
            continue
        if parts and ((len(_WORD.findall(piece)) < _MIN_PART_WORDS
                       and not _opens_short_question(piece))
                      or (len(_WORD.findall(parts[-1])) < _MIN_PART_WORDS
                          and not _opens_short_question(parts[-1]))):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def _tells(part: str, last: bool) -> bool:
    """A piece of a question sentence that only tells: long, not its last piece, and nothing in
    it asks ("my name is … and we are a small town with 7,800 people" before "how much …")."""
    return (not last and len(_WORD.findall(part)) > 12 and not _QUESTION_START.match(part)
            and not _WANT.search(part) and not is_asking(part))


def _split(text: str, role: Role) -> list[Unit]:
    parts = _parts(text) if role in (Role.QUESTION, Role.STATEMENT) else [text]
    if len(parts) < 2:
        if role is Role.STATEMENT and _WANT.search(text) and _HAS_QW.search(text):
            role = Role.QUESTION
        return [Unit(text, role)]
    wants = role is Role.QUESTION or _WANT.search(text) is not None
    out = []
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if "?" not in part and _LEAD_IN_END.search(part) and _QUESTION_START.match(following):
            # "… und wollte mal fragen," leads in to the question after it; it asks nothing.
            out.append(Unit(part, Role.STATEMENT))
        elif "?" in part or (wants and _QUESTION_START.match(part)
                             and not _AS_AGREED.match(part)) or (
                role is Role.QUESTION and not _tells(part, last=index == len(parts) - 1)):
            out.append(Unit(part, Role.QUESTION))
        else:
            sub = _role(part, False)
            out.append(Unit(part, sub if sub is Role.QUESTION else Role.STATEMENT))
    return out


def units(new_text: str, subject: str = "", terse: bool = True) -> tuple[Unit, ...]:
    """The units of a mail's new text (and its subject), each with its role, in order.

    With ``terse`` (the default), a mail in which nothing asks but that has only one or two
    statements counts those as its questions; the kind detection asks without it ("Danke! Ich
    gebe es weiter." asks nothing).
    """
    out: list[Unit] = []
    for sentence in sentence_units(new_text):
        # A question mark ends a question even before a lower-case word ("…moderator? danke").
        pieces = _AFTER_QUESTION_MARK.split(sentence.text[:_MAX_SENTENCE_CHARS])
        for piece in pieces:
            asking = sentence.asking if len(pieces) == 1 else is_asking(piece)
            role = _role(piece, asking)
            if (role is Role.STATEMENT and out and out[-1].role is Role.STATEMENT
                    and _LEAD_IN_END.search(out[-1].text) and _QUESTION_START.match(piece)):
                role = Role.QUESTION  # the clause after "isch soll mol frooche"
            out.extend(Unit(u.text[:_MAX_UNIT_CHARS], u.role) for u in _split(piece, role))
    subject = subject.strip()[:_MAX_UNIT_CHARS]
    if subject and not REPLY_PREFIXES.match(subject) and not _GENERIC_SUBJECT.match(subject):
        # A subject that asks, or the only question of a mail whose text asks nothing
        # ("wie lange läuft so ein KIV-Projekt?" with an empty body), is a question itself.
        alone = terse and not any(u.asks or u.role is Role.STATEMENT for u in out)
        out.append(Unit(subject, Role.QUESTION if "?" in subject or alone else Role.SUBJECT,
                        from_subject=True))
    if terse and not any(u.asks for u in out):
        statements = [u for u in out if u.role is Role.STATEMENT]
        if 0 < len(statements) <= _TERSE_STATEMENTS:
            out = [Unit(u.text, Role.QUESTION) if u.role is Role.STATEMENT else u for u in out]
    if terse and not any(u.asks for u in out if not u.from_subject):
        # Nothing in the text asks: the subject line is the question.
        out = [Unit(u.text, Role.QUESTION, True) if u.role is Role.SUBJECT else u for u in out]
    return tuple(out)
