"""The review web app: the routes as one table, the services they share, and the lifespan.

:func:`create_app` builds a Starlette application from the settings and what the caller passes
in (the database sessions, the knowledge pipeline for redrafts, the sender to wake after an
approval). Its Jinja2 environment is its own, separate from the sandboxed one of the reply
templates: it loads ``assistant/review/templates/`` with autoescaping on, so every value from a
mail is shown as text, never as HTML. A strict Content-Security-Policy (no scripts at all) is
the second line of defence.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.review import admin, conversation, dates, inquiry, listing, operations, sending
from assistant.review.auth import Authenticator, Passwords
from assistant.review.compute import WorkPool
from assistant.review.routing import Ctx, guarded, redirect, render, safe_next
from assistant.review.supervise import Supervised
from assistant.settings import Settings

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """Adds the security headers to every response (pages are never cached) and a
    ``Server-Timing: app;dur=…`` header with the milliseconds until the response started."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if headers.get("content-type", "").startswith("text/html"):
                    headers["cache-control"] = "no-store"
                elapsed = (time.perf_counter() - started) * 1000
                headers["server-timing"] = f"app;dur={elapsed:.1f}"
            await send(message)

        await self.app(scope, receive, send_with_headers)


# Modules that add pages to the app (as cli.COMMAND_MODULES adds commands). Each has
# ``routes()``, returning Starlette routes whose handlers are wrapped with
# :func:`assistant.review.routing.guarded`, and may have ``NAV`` — (path, label, role) entries
# for the header — ``PUBLIC`` — paths meant to be used without a session — and ``TEMPLATES`` —
# the package whose ``templates/`` folder holds its pages (they may extend "base.html").
PAGE_MODULES: tuple[str, ...] = ("assistant.reports.web", "assistant.chat.web")


def _page_modules() -> list[Any]:
    return [importlib.import_module(name) for name in PAGE_MODULES]


def public_pages() -> set[str]:
    """Paths that work without a session: the login page and what page modules declare."""
    return {"/login", *(path for m in _page_modules() for path in getattr(m, "PUBLIC", ()))}


class KnowledgeBox:
    """The pipeline (and with it the knowledge) that redrafts and the chat use, and the worker
    processes that run them off the event loop (:mod:`assistant.review.compute`); admins can
    reload it."""

    def __init__(self, settings: Settings, pipeline: Any = None) -> None:
        self.settings = settings
        self._pipeline = pipeline
        self.work = WorkPool(settings)

    async def run(self, fn: Callable[..., Any], *args: Any, budget: float) -> Any:
        """``fn(pipeline, *args)`` in a worker process, within ``budget`` seconds."""
        return await self.work.run(fn, *args, budget=budget)

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = self._build()
        return self._pipeline

    def _build(self) -> Any:
        from assistant import knowledge
        from assistant.flow import Pipeline

        return Pipeline(self.settings, knowledge.load(self.settings))

    def reload(self) -> Any:
        """Read the knowledge again; the old pipeline stays when the new one has an error.
        The worker processes are replaced and load it too."""
        self._pipeline = self._build()
        self.work.restart()
        return self._pipeline

    def intents(self) -> list[tuple[str, str]]:
        """(id, German title) of every intent in the catalogue."""
        return [(i.id, i.title) for i in self.pipeline.knowledge.intents]


def make_environment() -> jinja2.Environment:
    """The app's own Jinja2 environment for its HTML pages, autoescaping everything."""
    loaders = [jinja2.PackageLoader("assistant.review", "templates")]
    loaders += [jinja2.PackageLoader(m.TEMPLATES, "templates") for m in _page_modules()
                if getattr(m, "TEMPLATES", None)]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["local"] = dates.local
    env.filters["iso"] = dates.iso
    env.filters["percent"] = lambda value: f"{float(value) * 100:.0f} %"
    env.filters["size"] = _size
    env.globals["extra_nav"] = [entry for m in _page_modules() for entry in getattr(m, "NAV", ())]
    return env


def _size(value: Any) -> str:
    number = int(value or 0)
    if number >= 1_000_000:
        return f"{number / 1_000_000:.1f} MB".replace(".", ",")
    if number >= 1_000:
        return f"{number / 1_000:.0f} kB"
    return f"{number} Bytes"


@dataclass
class Services:
    """What every handler may use; built once per app."""

    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    templates: jinja2.Environment
    auth: Authenticator
    knowledge: KnowledgeBox
    metrics: operations.OperatorMetrics
    wake_sender: Callable[[], None]
    sender: Supervised | None = None  # the sender running in this process, supervised


# --- login and logout ---------------------------------------------------------------------------

async def login_form(request: Request, ctx: Ctx) -> Response:
    if ctx.viewer is not None:
        return redirect(safe_next(request.query_params.get("next")))
    return await render(request, ctx, "login.html", title="Anmelden", error=None, username="",
                        next=safe_next(request.query_params.get("next")),
                        proxy=bool(ctx.services.settings.trusted_user_header))


async def login_submit(request: Request, ctx: Ctx) -> Response:
    username, password = ctx.text("username"), ctx.text("password")
    target = safe_next(ctx.text("next"))
    if not username.strip() or not password:
        return await render(request, ctx, "login.html", status=400, title="Anmelden",
                            error="Bitte geben Sie Benutzername und Passwort ein.",
                            username=username, next=target, proxy=False)
    result = await ctx.services.auth.login(request, username, password)
    if result.viewer is None or result.token is None:
        return await render(request, ctx, "login.html", status=result.status, title="Anmelden",
                            error=result.error, username=username, next=target, proxy=False)
    response = redirect(target)
    ctx.services.auth.set_session_cookie(response, result.token)
    return response


async def logout(request: Request, ctx: Ctx) -> Response:
    assert ctx.viewer is not None
    await ctx.services.auth.logout(request, ctx.viewer)
    response = redirect("/login", hinweis="abgemeldet")
    ctx.services.auth.clear_session_cookie(response)
    return response


def routes() -> list[Route | Mount]:
    """Every URL of the app. ``guarded`` wraps all but health, metrics and the stylesheet."""
    def get(path: str, handler: Any, role: str | None = "reviewer") -> Route:
        return Route(path, guarded(handler, role=role), methods=["GET"])

    def post(path: str, handler: Any, role: str | None = "reviewer") -> Route:
        return Route(path, guarded(handler, role=role), methods=["POST"])

    return [
        get("/login", login_form, role=None),
        post("/login", login_submit, role=None),
        post("/logout", logout),
        get("/", listing.queue_page),
        get("/drafts/{draft_id:int}", inquiry.page),
        post("/drafts/{draft_id:int}/save", inquiry.save),
        post("/drafts/{draft_id:int}/approve", inquiry.approve),
        post("/drafts/{draft_id:int}/reject", inquiry.reject),
        post("/drafts/{draft_id:int}/redraft", inquiry.redraft),
        post("/drafts/{draft_id:int}/elsewhere", inquiry.elsewhere),
        post("/drafts/{draft_id:int}/assign", inquiry.assign),
        get("/conversations/{conversation_id:int}", conversation.page),
        get("/sending", sending.page),
        post("/sending/{item_id:int}/retry", sending.retry),
        post("/sending/{item_id:int}/confirm", sending.confirm),
        get("/admin/users", admin.users_page, role="admin"),
        post("/admin/users", admin.add_user, role="admin"),
        post("/admin/users/{user_id:int}", admin.update_user, role="admin"),
        get("/admin/suggestions", admin.suggestions_page, role="admin"),
        post("/admin/suggestions/{suggestion_id:int}/accept", admin.accept_suggestion,
             role="admin"),
        post("/admin/suggestions/{suggestion_id:int}/dismiss", admin.dismiss_suggestion,
             role="admin"),
        post("/admin/knowledge/reload", admin.reload_knowledge, role="admin"),
        *[route for module in _page_modules() for route in module.routes()],
        Route("/healthz", operations.healthz, methods=["GET"]),
        Route("/metrics", operations.metrics, methods=["GET"]),
        Mount("/static", StaticFiles(packages=[("assistant.review", "static")]), name="static"),
    ]


PUBLIC_PATHS = ("/healthz", "/metrics", "/static")


def create_app(settings: Settings, *, engine: AsyncEngine | None = None,
               sessions: async_sessionmaker[AsyncSession] | None = None,
               pipeline: Any = None, passwords: Passwords | None = None,
               sender: Any = None, templates: jinja2.Environment | None = None,
               start_workers: bool = False) -> Starlette:
    """The review app. ``sender`` (optional) runs beside it, supervised (restarted when it
    fails), and is woken after approvals; ``start_workers`` starts the worker processes for chat
    answers and redrafts at startup rather than at the first job."""
    from assistant.history.db import create_engine, sessionmaker

    owned_engine = None
    if sessions is None:
        if engine is None:
            engine = owned_engine = create_engine(settings.database_url)
        sessions = sessionmaker(engine)
    supervised = Supervised("sender", sender.run) if sender is not None else None
    services = Services(
        settings=settings, sessions=sessions, templates=templates or make_environment(),
        auth=Authenticator(settings, sessions, passwords),
        knowledge=KnowledgeBox(settings, pipeline),
        metrics=operations.OperatorMetrics(sessions, sender=supervised),
        wake_sender=sender.wake if sender is not None else (lambda: None), sender=supervised)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        if start_workers:
            services.knowledge.work.start()
        task = asyncio.create_task(supervised.run(stop)) if supervised is not None else None
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(task, timeout=settings.smtp_timeout_seconds + 5)
            await asyncio.to_thread(services.knowledge.work.close)
            if owned_engine is not None:
                await owned_engine.dispose()

    app = Starlette(routes=routes(), lifespan=lifespan, max_body_size=1_000_000)
    app.state.services = services
    app.add_middleware(SecurityHeaders)
    return app
