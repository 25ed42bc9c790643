"""Split a mail's text into the new text, the quoted history and the signature.

Only the new text is what the sender writes now; the quoted history repeats earlier mails (often
our own answers, full of programme numbers) and the signature holds phone numbers, postcodes and
addresses. Both would mislead the understanding stage, so they are cut off here and kept
separately for staff.

The history starts at the first of: an attribution line ("Am … schrieb …:", "On … wrote:",
Gmail's wrapped "Am Di., … um … Uhr schrieb …"), a separator ("-----Ursprüngliche Nachricht-----",
"-----Original Message-----", forwarded-message lines, an Outlook underscore rule), an Outlook
header block ("Von:/From:" followed by "Gesendet:/Sent:/Datum:" and "An:/To:/Betreff:/Subject:"),
or a run of "> " lines. The signature starts at a "-- " line, or at a closing formula ("Mit
freundlichen Grüßen", "Kind regards", …) that stands on its own short line. Legal disclaimers are
removed wherever they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ATTRIBUTION = re.compile(
    r"""^\s*(?:
        am\s.{1,120}?\s(?:schrieb|hat\s.{1,60}?\sgeschrieben)\b.{0,200}:\s*$
      | .{1,160}\sschrieb\s+am\s.{1,120}:\s*$
      | .{1,160}\sschrieb:\s*$
      | on\s.{1,200}?\swrote:\s*$
      | .{1,160}\swrote:\s*$
      | le\s.{1,120}\sa\s[ée]crit\s*:\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ATTRIBUTION_HEAD = re.compile(r"^(?:am|on|le)\s|.*\b(?:schrieb|wrote)\b", re.IGNORECASE)
_SEPARATOR = re.compile(
    r"""^\s*(?:
        -{2,}\s*(?:urspr(?:ü|ue|u)ngliche\s+nachricht|original\s+message|weitergeleitete\s+nachricht
                 |forwarded\s+message|nachricht\s+im\s+original)\s*-{0,}
      | _{8,}\s*
      | -{5,}\s*
      | begin\s+forwarded\s+message:
      | anfang\s+der\s+weitergeleiteten\s+nachricht:
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(?:von|from)\s*:\*?\s*\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(
    r"^\s*\*?(?:gesendet|sent|datum|date|an|to|betreff|subject|cc)\s*:", re.IGNORECASE)
_QUOTED_LINE = re.compile(r"^\s*>")
_POSTSCRIPT = re.compile(r"^\s*(?:p\.?\s?p?\.?\s?s\.?|nachtrag)\s*[:.,-]?\s+\S", re.IGNORECASE)
_SIG_DASHES = re.compile(r"^--\s?$|^—\s*$")
_CLOSING = re.compile(
    r"""^\s*(?:
        (?:mit\s+)?(?:freundlichen|besten|vielen|herzlichen|lieben|sonnigen|kollegialen)\s+gr(?:ü|ue|u)(?:ß|ss)en
      | (?:(?:viele|beste|liebe|herzliche|freundliche|sch(?:ö|oe)ne)\s+)?gr(?:ü|ue|u)(?:ß|ss)e\b
      | mfg\b | vg\b | lg\b
      | (?:(?:with\s+)?(?:kind|best|warm|kindest|many\s+thanks\s+and\s+best)\s+)?regards\b
      | best\s+wishes\b | sincerely\b | yours\s+(?:sincerely|faithfully|truly)\b | cheers\b
      | (?:vielen\s+dank|herzlichen\s+dank|danke|thank\s+you|thanks)(?:\s+\w+){0,3}\s+und\s+
        (?:viele|beste|freundliche|liebe|herzliche)\s+gr(?:ü|ue|u)(?:ß|ss)e
      | (?:many\s+)?thanks\s+(?:and|&)\s+(?:best\s+|kind\s+)?regards
      | im\s+auftrag\s*$
      | gesendet\s+(?:von|mit)\s+.{0,40}$ | sent\s+from\s+my\s+.{0,40}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_DISCLAIMER = re.compile(
    r"diese\s+(?:e-?mail|nachricht)\s+(?:enth(?:ä|ae)lt|kann)\s+vertrauliche"
    r"|this\s+(?:e-?mail|message)(?:\s+and\s+any\s+attachments?)?\s+(?:is|are|may\s+contain|contains)"
    r"\s+(?:confidential|privileged|intended)"
    r"|wenn\s+sie\s+nicht\s+der\s+richtige\s+adressat"
    r"|if\s+you\s+(?:are|have)\s+not\s+(?:the\s+intended|received\s+this)"
    r"|bitte\s+denken\s+sie\s+an\s+die\s+umwelt|please\s+consider\s+the\s+environment",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Split:
    new_text: str
    quoted: str
    signature: str


def _joined(lines: list[str], i: int, n: int) -> str:
    return " ".join(line.strip() for line in lines[i:i + n])


# Every attribution line has one of these words; lines without them are not tried.
_ATTRIBUTION_WORDS = ("schrieb", "wrote", "crit")


def _quote_start(lines: list[str]) -> int | None:
    # Whether line i, or one of the two after it, could be part of an attribution.
    if any(word in "\n".join(lines).lower() for word in _ATTRIBUTION_WORDS):
        hint = [any(word in line.lower() for word in _ATTRIBUTION_WORDS) for line in lines]
        hint += [False, False]
        near = [hint[i] or hint[i + 1] or hint[i + 2] for i in range(len(lines))]
    else:
        near = [False] * len(lines)
    quoted_after: list[tuple[int, int]] | None = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if _SEPARATOR.match(stripped) and (re.search(r"[a-z]", stripped, re.IGNORECASE)
                                           or _looks_like_history(lines, i + 1)):
            return i
        if _QUOTED_LINE.match(line):
            if quoted_after is None:
                quoted_after = _quoted_after(lines)
            if _mostly_quoted(*quoted_after[i]):
                return i
        if _HEADER_FROM.match(stripped) and _looks_like_history(lines, i):
            return i
        # An attribution line, possibly wrapped over up to three lines by the mail client.
        if not near[i]:
            continue
        for n in (1, 2, 3):
            candidate = _joined(lines, i, n)
            if len(candidate) > 320:
                break
            if _ATTRIBUTION.match(candidate) and (n == 1 or _ATTRIBUTION_HEAD.match(stripped)):
                return i
    return None


def _looks_like_history(lines: list[str], start: int) -> bool:
    """An Outlook header block: From/Von, then two of Sent/Date/To/Subject within six lines."""
    window = [ln.strip() for ln in lines[start:start + 8] if ln.strip()]
    if not window:
        return False
    if _HEADER_FROM.match(window[0]):
        return sum(1 for ln in window[1:6] if _HEADER_NEXT.match(ln)) >= 2
    return sum(1 for ln in window[:6] if _HEADER_NEXT.match(ln) or _HEADER_FROM.match(ln)) >= 3


def _quoted_after(lines: list[str]) -> list[tuple[int, int]]:
    """For each line: (non-blank lines, "> " lines) from it to the end, counted in one pass from
    the end (counting anew for every "> " line took time with the square of the line count)."""
    counts = [(0, 0)] * (len(lines) + 1)
    rest = quoted = 0
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            rest += 1
            quoted += 1 if _QUOTED_LINE.match(lines[i]) else 0
        counts[i] = (rest, quoted)
    return counts


def _mostly_quoted(rest: int, quoted: int) -> bool:
    """Whether most of the non-blank lines from a "> " line to the end are quoted too."""
    return quoted >= max(1, int(rest * 0.6))


def _signature_start(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if _SIG_DASHES.match(line.rstrip()):
            return i
    for i, line in enumerate(lines):
        stripped = line.strip()
        # A closing formula ends the message text: what follows is name, office, address.
        # It must not be the very first line (e.g. "Grüße aus Hessen" as a salutation).
        if stripped and len(stripped) <= 70 and _CLOSING.match(stripped) \
                and any(ln.strip() for ln in lines[:i]):
            return i
    return None


def _drop_disclaimers(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text)
    kept = [p for p in paragraphs if not _DISCLAIMER.search(p)]
    return "\n\n".join(kept)


def split_reply(text: str) -> Split:
    """Separate ``text`` (already decoded, ``\\n`` line ends) into new text, history, signature."""
    lines = text.split("\n")
    start = _quote_start(lines)
    body_lines = lines if start is None else lines[:start]
    quoted = "" if start is None else "\n".join(lines[start:]).strip("\n")
    # Interleaved "> " lines above the history belong to the history as well.
    kept = [ln for ln in body_lines if not _QUOTED_LINE.match(ln)]
    if len(kept) != len(body_lines):
        extra = "\n".join(ln for ln in body_lines if _QUOTED_LINE.match(ln))
        quoted = (extra + "\n" + quoted).strip("\n")
    sig_at = _signature_start(kept)
    signature = ""
    if sig_at is not None:
        tail = kept[sig_at:]
        # A postscript below the signature is written now too ("PS: Wie lange …?").
        ps_at = next((i for i, line in enumerate(tail) if _POSTSCRIPT.match(line)), None)
        postscript = tail[ps_at:] if ps_at is not None else []
        signature = "\n".join(tail[:ps_at] if ps_at is not None else tail).strip("\n")
        kept = kept[:sig_at] + (["", *postscript] if postscript else [])
    new_text = _drop_disclaimers("\n".join(kept)).strip()
    new_text = re.sub(r"\n{3,}", "\n\n", new_text)
    return Split(new_text=new_text, quoted=quoted, signature=_drop_disclaimers(signature))


# -- the latest quoted message ------------------------------------------------------------------
_FORWARD_OPENER = re.compile(
    r"^\s*(?:-{2,}\s*(?:weitergeleitete\s+nachricht|forwarded\s+message)|begin\s+forwarded\s+message:"
    r"|anfang\s+der\s+weitergeleiteten\s+nachricht:)", re.IGNORECASE)
_ONE_QUOTE_LEVEL = re.compile(r"^[ \t]*> ?")
_HEADER_ANY = re.compile(
    r"^\s*\*?(?:von|from|gesendet|sent|datum|date|an|to|betreff|subject|cc|bcc|antwort\s+an|"
    r"reply-to)\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quoted:
    """The first message of a quoted history: the lines that open it (an attribution line, a
    separator, a header block) and its own text (without what it quotes in turn)."""

    opener: str
    text: str
    forward: bool


def _skip_header_block(lines: list[str], i: int) -> int:
    """The index after the blank lines and header lines ("Von:", "Gesendet:", …) from i on."""
    seen = 0
    while i < len(lines) and seen < 12:
        line = lines[i].strip()
        if line and not _HEADER_ANY.match(line):
            break
        i += 1
        seen += 1
    return i


def first_quoted(quoted: str) -> Quoted | None:
    """The most recent message in a quoted history (the one the sender answered), or None.

    In a reply to our answer that is our answer; in a forward it is the forwarded mail.
    """
    lines = [_ONE_QUOTE_LEVEL.sub("", line) for line in quoted.split("\n")]
    i = next((n for n, line in enumerate(lines) if line.strip()), None)
    if i is None:
        return None
    start, first = i, lines[i].strip()
    forward = _FORWARD_OPENER.match(first) is not None
    if _SEPARATOR.match(first):
        i = _skip_header_block(lines, i + 1)
    elif _HEADER_FROM.match(first) and _looks_like_history(lines, i):
        i = _skip_header_block(lines, i)
    else:
        for n in (1, 2, 3):
            candidate = _joined(lines, i, n)
            if len(candidate) <= 320 and _ATTRIBUTION.match(candidate):
                i = _skip_header_block(lines, i + n)
                break
    own = split_reply("\n".join(lines[i:]))
    text = "\n\n".join(part for part in (own.new_text, own.signature) if part.strip())
    return Quoted(opener="\n".join(lines[start:i]).strip(), text=text, forward=forward)
