"""HTML mail bodies as readable plain text, paragraphs kept.

Outlook and Word write HTML with ``<o:p>`` paragraphs, conditional comments, style blocks and
layout tables. Staff must read such a mail as text (never rendered), and the understanding stage
needs its sentences. The standard library's tokenizer is enough for that; the rules here are the
few that matter for mail: block elements end lines, table cells are separated, ``<blockquote>``
becomes ``> `` quoting so that the quote splitter sees it, and nothing inside ``<style>``,
``<script>``, ``<head>`` or comments is text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dl", "dt",
    "dd", "center",
})
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
                         "blockquote", "pre"})
_SKIP = frozenset({"style", "script", "head", "title", "xml", "template"})
_SPACES = re.compile(r"[ \t\u00a0\u200b\u2002\u2003\u2009]+")


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.quote = 0
        self.pre = 0
        self.blank_pending = False

    def _end_line(self, paragraph: bool = False) -> None:
        text = "".join(self.current)
        if not self.pre:
            text = _SPACES.sub(" ", text).strip()
        self.current = []
        if text:
            if self.blank_pending and self.lines and self.lines[-1].strip("> "):
                self.lines.append("> " * self.quote if self.quote else "")
            self.lines.append(("> " * self.quote) + text)
            self.blank_pending = False
        if paragraph:
            self.blank_pending = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "td" or tag == "th":
            self.current.append("  ")
        elif tag in _BLOCKS:
            self._end_line(paragraph=tag in _PARAGRAPHS)
            if tag == "blockquote":
                self.quote += 1
            elif tag == "pre":
                self.pre += 1
            elif tag == "hr":
                self.lines.append("―" * 20)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._end_line(paragraph=tag in _PARAGRAPHS)
            if tag == "blockquote":
                self.quote = max(0, self.quote - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre:
            data = data.replace("\r", " ").replace("\n", " ")
        self.current.append(data)

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines).strip("\n") + "\n"


def html_to_text(html: str) -> str:
    """Readable text of an HTML body. Never raises on malformed markup."""
    # html.parser reads every "<" after the last ">" as the start of a tag, comment or
    # declaration that never ends, and looks through the whole rest of the document for each of
    # them: time with the square of the length ("<a " 80,000 times took 100 s). That rest is
    # text anyway, so its "<" are escaped before parsing.
    end = html.rfind(">") + 1
    if "<" in html[end:]:
        html = html[:end] + html[end:].replace("<", "&lt;")
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except Exception:  # noqa: BLE001 - html.parser can trip on pathological input
        return re.sub(r"<[^>]*>", " ", html)
    return converter.text()
