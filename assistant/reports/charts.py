"""Server-side SVG charts for the dashboard and the HTML report: readable without JavaScript,
with a text alternative.

Each chart is a small SVG drawn here with presentation attributes only (no ``<style>``, no
script), so that it passes the staff app's Content-Security-Policy when it is inlined in the
page and prints as it shows. It carries ``role="img"``, a ``<title>`` and a ``<desc>`` that says
in words what it shows (the largest values), and the page puts the same figures in a table next
to it. Colours are those of the stylesheet and keep at least 3:1 contrast against white.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from html import escape

from markupsafe import Markup

from assistant.numerals import decimal, whole

BAR = "#0b57a4"
AXIS = "#505a5f"
TEXT = "#1b1b1b"
SEGMENT_COLOURS = ("#00703c", "#0b57a4", "#b10e1e", "#6f777b", "#b25e00")
FONT = "system-ui, sans-serif"
_ids = itertools.count(1)


def _number(value: float) -> str:
    """German digits: ``12.345`` and ``4,5``."""
    return whole(value) if float(value).is_integer() else decimal(value)


def _frame(title: str, description: str, width: int, height: int, body: list[str]) -> Markup:
    n = next(_ids)
    # Every text in ``body`` and here went through html.escape; numbers are formatted here.
    return Markup(  # noqa: S704
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="chart-title-{n} chart-desc-{n}" font-family="{FONT}" '
        f'font-size="13" class="chart">'
        f'<title id="chart-title-{n}">{escape(title)}</title>'
        f'<desc id="chart-desc-{n}">{escape(description)}</desc>' + "".join(body) + "</svg>")


def _describe(items: Sequence[tuple[str, float]], unit: str, most: int = 5) -> str:
    if not items:
        return "Keine Daten im Zeitraum."
    top = sorted(items, key=lambda kv: -kv[1])[:most]
    listed = "; ".join(f"{label}: {_number(value)}{unit}" for label, value in top)
    more = f" (die {most} größten von {len(items)})" if len(items) > most else ""
    return f"{listed}{more}."


def bars(title: str, items: Sequence[tuple[str, float]], *, unit: str = "") -> Markup:
    """Horizontal bars, one per (label, value), in the given order."""
    label_width, bar_width, row = 230, 380, 24
    height = max(row * len(items) + 10, 40)
    top = max((v for _, v in items), default=0) or 1
    body = []
    for i, (label, value) in enumerate(items):
        y = 5 + i * row
        length = max(value / top * bar_width, 1 if value else 0)
        shown = label if len(label) <= 32 else label[:31] + "…"
        body.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" fill="{TEXT}">'
            f'{escape(shown)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" '
            f'fill="{BAR}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" fill="{TEXT}">'
            f'{_number(value)}{escape(unit)}</text>')
    if not items:
        body.append(f'<text x="10" y="24" fill="{AXIS}">Keine Daten im Zeitraum.</text>')
    return _frame(title, _describe(items, unit), label_width + bar_width + 70, height, body)


def columns(title: str, items: Sequence[tuple[str, float]], *, every: int | None = None) -> Markup:
    """Vertical columns over time (e.g. inquiries per week), labelled every ``every`` items."""
    width, height, left, bottom = 720, 220, 40, 40
    plot_w, plot_h = width - left - 10, height - bottom - 10
    top = max((v for _, v in items), default=0) or 1
    step = plot_w / max(len(items), 1)
    every = every or max(1, len(items) // 12)
    body = [f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 10}" y2="{10 + plot_h}" '
            f'stroke="{AXIS}"/>',
            f'<text x="{left - 6}" y="16" text-anchor="end" fill="{AXIS}">{_number(top)}</text>',
            f'<text x="{left - 6}" y="{10 + plot_h}" text-anchor="end" fill="{AXIS}">0</text>']
    for i, (label, value) in enumerate(items):
        h = value / top * plot_h
        x = left + i * step
        body.append(f'<rect x="{x + step * 0.1:.1f}" y="{10 + plot_h - h:.1f}" '
                    f'width="{max(step * 0.8, 1):.1f}" height="{h:.1f}" fill="{BAR}">'
                    f'<title>{escape(label)}: {_number(value)}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + step / 2:.1f}" y="{height - bottom + 24}" '
                        f'text-anchor="middle" fill="{TEXT}" font-size="11">'
                        f'{escape(label)}</text>')
    if items:
        peak_label, peak = max(items, key=lambda kv: kv[1])
        total = sum(v for _, v in items)
        description = (f"{len(items)} Zeitabschnitte von {items[0][0]} bis {items[-1][0]}, "
                       f"zusammen {_number(total)}; am meisten in {peak_label} "
                       f"({_number(peak)}).")
    else:
        description = "Keine Daten im Zeitraum."
    return _frame(title, description, width, height, body)


def stacked(title: str, rows: Sequence[tuple[str, Mapping[str, float]]],
            segments: Sequence[tuple[str, str]]) -> Markup:
    """One 100 % bar per row, split into ``segments`` ((key, label) pairs), with a legend."""
    label_width, bar_width, row = 230, 380, 24
    colours = dict(zip((k for k, _ in segments), SEGMENT_COLOURS, strict=False))
    legend_h = 26
    height = legend_h + row * len(rows) + 10
    body = []
    x = 0
    for key, label in segments:
        body.append(f'<rect x="{x}" y="4" width="14" height="14" fill="{colours[key]}"/>'
                    f'<text x="{x + 19}" y="16" fill="{TEXT}">{escape(label)}</text>')
        x += 30 + len(label) * 7
    described = []
    for i, (label, values) in enumerate(rows):
        y = legend_h + i * row
        total = sum(values.get(k, 0) for k, _ in segments) or 1
        body.append(f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" '
                    f'fill="{TEXT}">{escape(label[:32])}</text>')
        offset = float(label_width)
        parts = []
        for key, name in segments:
            share = values.get(key, 0) / total
            if share <= 0:
                continue
            body.append(f'<rect x="{offset:.1f}" y="{y + 3}" width="{share * bar_width:.1f}" '
                        f'height="{row - 8}" fill="{colours[key]}"><title>{escape(label)}, '
                        f'{escape(name)}: {share * 100:.0f} %</title></rect>')
            offset += share * bar_width
            parts.append(f"{name} {share * 100:.0f} %")
        described.append(f"{label}: {', '.join(parts) or 'keine'}")
    description = "; ".join(described[:8]) + ("." if described else "Keine Daten im Zeitraum.")
    return _frame(title, description, label_width + bar_width + 20, height, body)
