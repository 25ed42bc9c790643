"""Bounded reading of huge mail (``assistant/parse/limits.py``), and the parse steps that used to
take quadratic time — quote detection, HTML to text — giving the same results as before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parse import limits, parse, parse_head, quotes
from assistant.parse.htmltext import _Converter, html_to_text
from assistant.understand.sentences import sentences
from tests.core import mail


def test_long_text_is_cut_and_the_cut_noted() -> None:
    """A body beyond MAX_TEXT_CHARS is cut there; the problem says so, the raw mail is whole."""
    body = "Wie hoch ist die Förderung?\n" * 10_000
    parsed = parse(mail(body))
    assert len(parsed.text) <= limits.MAX_TEXT_CHARS
    assert any(p.startswith("Text nach 100.000 von") for p in parsed.problems)
    assert body.encode() in parsed.raw


def test_a_long_line_is_wrapped_at_spaces_and_keeps_its_sentences() -> None:
    """A 50,000-character line becomes lines of at most MAX_LINE_CHARS, broken at spaces, with
    the same sentences; wrapping is no problem (nothing is lost)."""
    line = " ".join(f"Frage {i}: Wie lange läuft das Projekt?" for i in range(1_300))
    parsed = parse(mail(line))
    assert all(len(x) <= limits.MAX_LINE_CHARS for x in parsed.text.split("\n"))
    assert line.split() == parsed.new_text.split()
    assert sentences(line) == sentences(parsed.new_text)
    assert () == parsed.problems


def test_a_token_longer_than_a_line_is_cut_hard() -> None:
    """Without a space the line is cut at MAX_LINE_CHARS exactly."""
    assert ["x" * 1000, "x" * 1000, "x" * 5] == limits.wrap("x" * 2005)


def test_long_header_and_subject_are_cut_and_noted() -> None:
    """A header beyond MAX_HEADER_CHARS is cut (and noted); the subject is at most 998."""
    parsed = parse(mail("Hallo", subject="Frage " * 20_000, headers="X-Long: " + "y" * 100_000
                        + "\n"))
    assert limits.MAX_SUBJECT_CHARS == len(parsed.subject)
    assert limits.MAX_HEADER_CHARS == len(parsed.header("x-long") or "")
    assert any(p.startswith("Kopfzeile X-Long nach") for p in parsed.problems)


def test_only_the_first_headers_are_read() -> None:
    """Of a mail with 5,000 header lines, MAX_HEADERS are read and the rest noted."""
    parsed = parse(mail("Hallo", headers="X-Spam: 1\n" * 5_000))
    assert limits.MAX_HEADERS == len(parsed.headers)
    assert any(p.startswith("nur die ersten 1.000 von") for p in parsed.problems)


def test_parse_head_reads_the_headers_of_a_huge_mail_only() -> None:
    """Of a 30 MB mail, parse_head reads sender, subject and Message-ID; no text; raw whole."""
    raw = mail("x" * 30_000_000, subject="Riesig")
    parsed = parse_head(raw)
    assert ("Riesig", "e.muster@musterbach.example.org") == (parsed.subject,
                                                              parsed.sender.address)
    assert parsed.message_id is not None
    assert "" == parsed.text
    assert raw == parsed.raw


def test_html_is_cut_at_its_limit_and_noted() -> None:
    """An HTML body beyond MAX_HTML_CHARS is cut before it becomes text."""
    html = "<p>Hallo</p>" * 100_000
    raw = (b"From: a@b.example.org\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n"
           + html.encode())
    parsed = parse(raw)
    assert any(p.startswith("HTML-Text nach 1.000.000 von") for p in parsed.problems)


def _old_html_to_text(html: str) -> str | None:
    """html.parser on the unescaped HTML; None where it raised (html_to_text then fell back
    to stripping tags)."""
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except AssertionError:
        return None
    return converter.text()


@given(st.lists(st.sampled_from(["<", ">", "<a ", "<!--", "-->", "</", "<p>", "x", " ", "&amp;",
                                 '"', "<![", "<?", "<x/", "=", "\n", "Text"]), max_size=25)
       .map("".join))
@settings(max_examples=400, deadline=None)
def test_html_text_is_the_same_with_the_tail_escaped(html: str) -> None:
    """Escaping the "<" after the last ">" gives the text html.parser gave before (where it
    gave one rather than raising)."""
    before = _old_html_to_text(html)
    assert before in (None, html_to_text(html))


def _old_mostly_quoted(lines: list[str], start: int) -> bool:
    rest = [ln for ln in lines[start:] if ln.strip()]
    quoted = sum(1 for ln in rest if quotes._QUOTED_LINE.match(ln))
    return quoted >= max(1, int(len(rest) * 0.6))


@given(st.lists(st.sampled_from(["> zitiert", "neu", "", "  ", ">", " > auch"]), max_size=30))
@settings(max_examples=400, deadline=None)
def test_quoted_share_is_counted_as_before(lines: list[str]) -> None:
    """The share of "> " lines after each line, counted once from the end, is what counting
    anew for each line gave."""
    counts = quotes._quoted_after(lines)
    for i in range(len(lines)):
        assert _old_mostly_quoted(lines, i) == quotes._mostly_quoted(*counts[i])
