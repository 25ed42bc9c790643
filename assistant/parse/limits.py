"""How much of one mail the later stages read: bounded work per mail, whatever its source.

The SMTP/LMTP intake refuses mail larger than ``ASSISTANT_MAX_MESSAGE_BYTES`` and lines longer
than 1,000 bytes (RFC 5321; aiosmtpd enforces both). Mail fetched by IMAP or read from a Maildir
cannot be refused, and a body decoded from quoted-printable or base64 may hold a line of any
length even when it came by SMTP. So every mail is stored raw as it came — never lost — and the
parse stage hands on a bounded reading of it:

* a mail larger than the intake's limit: only its header block (:func:`head`); the worker
  flags it for staff as too large;
* header values: at most ``MAX_HEADER_CHARS`` characters each, at most ``MAX_HEADERS`` of
  them; the subject at most ``MAX_SUBJECT_CHARS``;
* an HTML body: its first ``MAX_HTML_CHARS`` characters become text;
* the body text: at most ``MAX_TEXT_CHARS`` characters, lines wrapped at ``MAX_LINE_CHARS``
  (at a space where there is one). Every later step — quote split, sentences, kind, intents,
  facts — then reads at most that much.

Each cut is recorded on ``Mail.problems`` (shown to staff under "Probleme beim Lesen", and the
draft needs staff), so that nobody takes the stored text for all of it; the raw mail keeps
everything. Wrapping loses nothing and is not recorded. No ordinary mail comes near the cuts.
"""

from __future__ import annotations

from assistant.numerals import whole

MAX_TEXT_CHARS = 100_000
MAX_LINE_CHARS = 1_000
MAX_HTML_CHARS = 1_000_000
MAX_HEADER_CHARS = 64_000
MAX_HEADERS = 1_000
MAX_SUBJECT_CHARS = 998
MAX_HEADER_BYTES = 256_000


def head(raw: bytes) -> bytes:
    """The header block of a raw mail (up to its first empty line), at most MAX_HEADER_BYTES."""
    data = raw[:MAX_HEADER_BYTES]
    ends = [found + len(blank) for blank in (b"\r\n\r\n", b"\n\n", b"\r\r")
            if (found := data.find(blank)) >= 0]
    return data[:min(ends)] if ends else data


def text(value: str, problems: list[str]) -> str:
    """The body text cut to MAX_TEXT_CHARS, with its lines wrapped at MAX_LINE_CHARS."""
    if len(value) > MAX_TEXT_CHARS:
        problems.append(f"Text nach {whole(MAX_TEXT_CHARS)} von {whole(len(value))} Zeichen "
                        "gekürzt; die vollständige Mail ist gespeichert")
        value = value[:MAX_TEXT_CHARS]
    lines = value.split("\n")
    if all(len(line) <= MAX_LINE_CHARS for line in lines):
        return value
    # Wrapping loses nothing (sentences are read across the lines of a paragraph): no problem.
    return "\n".join(piece for line in lines for piece in wrap(line))


def wrap(line: str, width: int = MAX_LINE_CHARS) -> list[str]:
    """``line`` in pieces of at most ``width`` characters, broken at the last space before the
    width where there is one (the space is dropped), else hard. Linear in the line's length."""
    pieces: list[str] = []
    start, end = 0, len(line)
    while end - start > width:
        cut = line.rfind(" ", start + 1, start + width + 1)
        if cut < 0:
            pieces.append(line[start:start + width])
            start += width
        else:
            pieces.append(line[start:cut])
            start = cut + 1
    pieces.append(line[start:])
    return pieces


def html(value: str, problems: list[str]) -> str:
    """An HTML body cut to MAX_HTML_CHARS before it is converted to text."""
    if len(value) <= MAX_HTML_CHARS:
        return value
    problems.append(f"HTML-Text nach {whole(MAX_HTML_CHARS)} von {whole(len(value))} Zeichen "
                    "gekürzt; die vollständige Mail ist gespeichert")
    return value[:MAX_HTML_CHARS]


def header(value: str, name: str, problems: list[str]) -> str:
    """A raw header value cut to MAX_HEADER_CHARS."""
    if len(value) <= MAX_HEADER_CHARS:
        return value
    problems.append(f"Kopfzeile {name[:60]} nach {whole(MAX_HEADER_CHARS)} von "
                    f"{whole(len(value))} Zeichen gekürzt")
    return value[:MAX_HEADER_CHARS]
