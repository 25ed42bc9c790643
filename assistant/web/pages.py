"""What a page module adds to the web app: its routes, its entries in the header, its public
paths, its templates and the counts its header entries show.

A page module (``assistant.review.web``, ``assistant.reports.web``, ``assistant.chat.web``)
describes itself as one :class:`Page` value; the composition root hands the pages to
:func:`assistant.web.app.create_app`, which registers each: its routes (every handler wrapped by
the guard, :func:`assistant.web.routing.guarded`), its ``templates/`` folder behind the shared
layout's, its header entries in order (admin entries last). A new page is a module with a
``PAGE`` and one more entry in :func:`assistant.commands.serve.pages`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.routing import BaseRoute

# The numbers a page's header entries show (read once per page view for a signed-in person).
Counts = Callable[[AsyncSession], Awaitable[Mapping[str, int]]]


@dataclass(frozen=True, slots=True)
class NavEntry:
    """One link in the header, shown to ``role`` (``admin``: admins only). ``count`` names a
    count shown beside it as "(N offen)", ``alert`` one shown as a red badge when not zero."""

    href: str
    label: str
    role: str = "reviewer"
    count: str | None = None
    alert: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A page module as the shell registers it.

    ``package`` holds the ``templates/`` folder its pages render (they may extend the shared
    layout's ``base.html``); ``public`` are paths meant to be used without a session.
    """

    package: str
    routes: Callable[[], Sequence[BaseRoute]]
    nav: tuple[NavEntry, ...] = ()
    public: tuple[str, ...] = ()
    counts: Counts | None = None
