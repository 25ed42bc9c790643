"""The shared layout: one Jinja2 environment for the HTML pages of the shell and every page.

It is the app's own, separate from the sandboxed one of the reply templates: it loads
``assistant/web/templates/`` (the layout ``base.html``, the login and error pages, the form
macros) and behind it each page's ``templates/`` folder, with autoescaping on, so every value
from a mail is shown as text, never as HTML. The header lists the pages' entries in order,
admins' entries last.
"""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from assistant.numerals import decimal
from assistant.web import dates
from assistant.web.pages import NavEntry, Page


def make_environment(pages: Sequence[Page]) -> jinja2.Environment:
    """The app's own Jinja2 environment for its HTML pages, autoescaping everything."""
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("assistant.web", "templates")]
    loaders += [jinja2.PackageLoader(page.package, "templates") for page in pages]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["local"] = dates.local
    env.filters["iso"] = dates.iso
    env.filters["percent"] = lambda value: f"{float(value) * 100:.0f} %"
    env.filters["size"] = size
    env.globals["nav_entries"] = nav_entries(pages)
    return env


def nav_entries(pages: Sequence[Page]) -> list[NavEntry]:
    """The header's links: every page's in order, the admins' after all others."""
    entries = [entry for page in pages for entry in page.nav]
    return [e for e in entries if e.role != "admin"] + [e for e in entries if e.role == "admin"]


def size(value: int | None) -> str:
    """A size in bytes as staff read it: ``512 Bytes``, ``12 kB``, ``1,5 MB``."""
    number = int(value or 0)
    if number >= 1_000_000:
        return f"{decimal(number / 1_000_000)} MB"
    if number >= 1_000:
        return f"{number / 1_000:.0f} kB"
    return f"{number} Bytes"
