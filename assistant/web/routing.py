"""Every route's guard, in one place: session, role, CSRF, then the handler.

A handler is written as ``async def handler(request, ctx) -> Response`` and registered through
:func:`guarded` with the role it needs (``None`` for the login page). The guard finds the viewer,
sends people without a session to the login page, answers 403 to a reviewer on an admin page,
and refuses every POST whose CSRF token does not match (or whose Origin is another site) before
the handler sees the form. Nothing is left to each handler to remember; a test walks the routing
table and checks that every route but the public ones is guarded.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from assistant.history import MAX_ID
from assistant.numerals import whole
from assistant.web.auth import Viewer

if TYPE_CHECKING:
    from assistant.web.app import Services

Handler = Callable[[Request, "Ctx"], Awaitable[Response]]
MAX_FORM_FIELDS = 200
# Page numbers of the queue and the search; beyond them no page can have entries.
MAX_PAGE = 100_000
_WHOLE = re.compile(r"[+-]?[0-9]+")
PAGE_PROBLEM = f"Die Seitenzahl muss eine ganze Zahl von 1 bis {whole(MAX_PAGE)} sein."


def page_number(text: str) -> int | None:
    """The page a ``?page=`` names: 1 when it is empty or no whole number (as before), None when
    it is a whole number outside 1 to MAX_PAGE."""
    text = text.strip()
    if not _WHOLE.fullmatch(text):
        return 1
    digits = text.lstrip("+-").lstrip("0")
    if text.startswith("-") or len(digits) > len(str(MAX_PAGE)):
        return None
    number = int(digits or "0")
    return number if 1 <= number <= MAX_PAGE else None


@dataclass
class Ctx:
    """What a handler gets besides the request."""

    services: Services
    viewer: Viewer | None
    csrf: str
    form: FormData | None = None
    pre_login: str | None = None
    pre_login_new: bool = False

    @property
    def staff(self) -> Viewer:
        """The signed-in user of a staff page (the route guard lets no one else through)."""
        if self.viewer is None:
            raise PermissionError("a staff page was reached without a signed-in user")
        return self.viewer

    def text(self, name: str, default: str = "") -> str:
        value = self.form.get(name, default) if self.form is not None else default
        return value if isinstance(value, str) else default

    def number(self, name: str) -> int | None:
        """A whole number of the form within ±MAX_ID (ids, revisions), else None."""
        text = self.text(name).strip()
        if len(text) > 12:
            return None
        try:
            number = int(text)
        except ValueError:
            return None
        return number if -MAX_ID <= number <= MAX_ID else None


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:
        return True  # old browsers and curl send none; the token still has to match
    host = request.headers.get("host", "")
    return origin != "null" and urlsplit(origin).netloc == host


def safe_next(target: str | None) -> str:
    """A local path to go to after login, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def guarded(handler: Handler, *, role: str | None = "reviewer") -> Callable[[Request],
                                                                           Awaitable[Response]]:
    """Wrap a handler with the session, role and CSRF checks; ``role=None`` for public pages."""

    async def endpoint(request: Request) -> Response:
        services: Services = request.app.state.services
        await services.knowledge.refresh()
        auth = services.auth
        viewer = await auth.viewer(request)
        pre_login, pre_login_new = None, False
        if role is not None:
            if viewer is None:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)
            if role == "admin" and not viewer.is_admin:
                return await render(request, Ctx(services, viewer, viewer.csrf), "error.html",
                                    status=403, title="Keine Berechtigung",
                                    message="Diese Seite ist Administratorinnen und "
                                            "Administratoren vorbehalten.")
            csrf = viewer.csrf
        else:
            pre_login, pre_login_new = auth.pre_login(request)
            csrf = viewer.csrf if viewer else auth.login_csrf(pre_login)
        ctx = Ctx(services, viewer, csrf, pre_login=pre_login, pre_login_new=pre_login_new)
        if any(isinstance(value, int) and not 0 <= value <= MAX_ID
               for value in request.path_params.values()):
            return await render(request, ctx, "error.html", status=400, title="Ungültige Adresse",
                                message="Die Nummer in dieser Adresse ist zu groß; so einen "
                                        "Eintrag gibt es nicht.")
        if request.method == "POST":
            ctx.form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
            token = ctx.form.get("csrf_token")
            if pre_login_new and viewer is None:
                token = None  # the login form's token needs its pre-login cookie
            if not _same_origin(request) or not auth.csrf_valid(viewer, csrf, token):
                return await render(request, ctx, "error.html", status=403,
                                    title="Formular ungültig",
                                    message="Das Formular ist abgelaufen oder stammt nicht von "
                                            "dieser Seite. Bitte laden Sie die Seite neu und "
                                            "versuchen Sie es noch einmal.")
        return await handler(request, ctx)

    endpoint.guard_role = role  # type: ignore[attr-defined]
    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint


async def _nav_counts(ctx: Ctx) -> dict[str, int]:
    """The counts the header's entries show, from every page that has some."""
    counts: dict[str, int] = {}
    async with ctx.services.sessions() as db:
        for page in ctx.services.pages:
            if page.counts is not None:
                counts.update(await page.counts(db))
    return counts


async def render(request: Request, ctx: Ctx, template: str, *, status: int = 200,
                 **values: Any) -> Response:
    """Render one page of the app's own (autoescaping) Jinja2 environment."""
    nav = await _nav_counts(ctx) if ctx.viewer else {}
    page = ctx.services.templates.get_template(template)
    html = page.render(viewer=ctx.viewer, csrf=ctx.csrf, nav=nav, path=request.url.path,
                       **values)
    response = HTMLResponse(html, status_code=status)
    if ctx.pre_login and ctx.pre_login_new:
        ctx.services.auth.set_pre_login_cookie(response, ctx.pre_login)
    return response


def redirect(path: str, **params: str) -> RedirectResponse:
    """303 after a POST, with an optional message code for the next page."""
    query = urlencode({k: v for k, v in params.items() if v})
    return RedirectResponse(path + (f"?{query}" if query else ""), status_code=303)


def get(path: str, handler: Handler, role: str | None = "reviewer") -> Route:
    """A guarded GET route (``role=None``: a public page)."""
    return Route(path, guarded(handler, role=role), methods=["GET"])


def post(path: str, handler: Handler, role: str | None = "reviewer") -> Route:
    """A guarded POST route: the form's CSRF token is checked before ``handler`` sees it."""
    return Route(path, guarded(handler, role=role), methods=["POST"])
