"""The web shell: the app factory, the services the pages share, login and logout, the lifespan.

:func:`create_app` builds one Starlette application from the settings, the pages it is given
(:class:`~assistant.web.pages.Page`: the review, the reports, the chat) and what the caller
passes in — the database sessions, the pipeline for redrafts and chat answers, the sender to run
beside the app and to wake after an approval. The shell owns what every page shares: the route
guard (:mod:`assistant.web.routing`), sessions and logins (:mod:`assistant.web.auth`), the
security headers (:mod:`assistant.web.headers`), the layout (:mod:`assistant.web.layout`),
``/healthz`` and ``/metrics`` (:mod:`assistant.web.operations`) and the worker processes for
CPU-bound work (:mod:`assistant.web.compute`). It imports no page module: the composition root
(:mod:`assistant.commands.serve`) chooses the pages.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from assistant.settings import Settings
from assistant.web import operations
from assistant.web.auth import Authenticator, Passwords
from assistant.web.compute import Background, WorkPool
from assistant.web.headers import SecurityHeaders
from assistant.web.layout import make_environment
from assistant.web.pages import Page
from assistant.web.routing import Ctx, guarded, redirect, render, safe_next
from assistant.web.supervise import Service, Supervised

if TYPE_CHECKING:
    from assistant.flow import Pipeline

log = logging.getLogger(__name__)
T = TypeVar("T")
# Paths that are no pages: they need no session and carry no personal data.
PUBLIC_PATHS = ("/healthz", "/metrics", "/static")


class KnowledgeBox:
    """The pipeline (and with it the knowledge) that the pages use, and the worker processes that
    run redrafts and chat answers off the event loop (:mod:`assistant.web.compute`).

    With the knowledge in the store (``ASSISTANT_KNOWLEDGE_SOURCE=store``) every request first
    calls :meth:`refresh`: at most every ``ASSISTANT_KNOWLEDGE_POLL_SECONDS`` it reads the
    publication counter and loads a new publication; the worker processes check by themselves
    before each job. With the folders, admins reload it by hand (:meth:`reload`)."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None,
                 sessions: async_sessionmaker[AsyncSession] | None = None) -> None:
        self.settings = settings
        self._pipeline = pipeline
        self.sessions = sessions
        self.work = WorkPool(settings)
        # Retraining the intent model: one job at a time, in a process of its own.
        self.background = Background()
        self._checked = -1e9
        self._lock = asyncio.Lock()

    @property
    def live(self) -> bool:
        """Whether the knowledge comes from the store (and follows its publications)."""
        return self.settings.knowledge_source == "store" and self.sessions is not None

    async def run(self, fn: Callable[..., T], *args: Any, budget: float) -> T:
        """``fn(pipeline, *args)`` in a worker process, within ``budget`` seconds."""
        return await self.work.run(fn, *args, budget=budget)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self._build()
        return self._pipeline

    def _build(self) -> Pipeline:
        from assistant import knowledge
        from assistant.flow import Pipeline

        return Pipeline(self.settings, knowledge.load(self.settings))

    async def refresh(self, *, force: bool = False) -> None:
        """Load the store's newest publication when it is not the one in use (checked at most
        every poll period unless ``force``). A publication the loader refuses is logged and the
        knowledge in use stays."""
        from assistant.errors import KnowledgeError
        from assistant.flow import Pipeline
        from assistant.history.live_knowledge import load_from_store, publication

        loop = asyncio.get_running_loop()
        poll = self.settings.knowledge_poll_seconds
        if not self.live or (not force and self._pipeline is not None
                             and loop.time() - self._checked < poll):
            return
        assert self.sessions is not None
        async with self._lock:
            self._checked = loop.time()
            number = await publication(self.sessions)
            if self._pipeline is not None and self._pipeline.knowledge.published == number:
                return
            try:
                knowledge = await load_from_store(self.sessions, self.settings)
            except KnowledgeError as exc:
                if self._pipeline is None:
                    raise
                log.error("published knowledge refused; the previous stays in use",
                          extra={"fields": {"publication": number, "error": str(exc)[:500]}})
                return
            self._pipeline = await asyncio.to_thread(Pipeline, self.settings, knowledge)

    async def reload(self) -> Pipeline:
        """Read the knowledge again; the old pipeline stays when the new one has an error.
        From the folders, the worker processes are replaced and load it too."""
        if self.live:
            await self.refresh(force=True)
            return self.pipeline
        self._pipeline = await asyncio.to_thread(self._build)
        self.work.restart()
        return self._pipeline

    def intents(self) -> list[tuple[str, str]]:
        """(id, German title) of every intent in the catalogue."""
        return [(i.id, i.title) for i in self.pipeline.knowledge.intents]


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
    pages: tuple[Page, ...] = ()
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
    if ctx.viewer is not None:  # the guard lets only signed-in people post here
        await ctx.services.auth.logout(request, ctx.viewer)
    response = redirect("/login", hinweis="abgemeldet")
    ctx.services.auth.clear_session_cookie(response)
    return response


# --- the routing table --------------------------------------------------------------------------

def routes(pages: Sequence[Page]) -> list[BaseRoute]:
    """Every URL of the app: the shell's own, then each page's. ``guarded`` wraps all but
    health, metrics and the stylesheet."""
    return [
        Route("/login", guarded(login_form, role=None), methods=["GET"]),
        Route("/login", guarded(login_submit, role=None), methods=["POST"]),
        Route("/logout", guarded(logout), methods=["POST"]),
        *[route for page in pages for route in page.routes()],
        Route("/healthz", operations.healthz, methods=["GET"]),
        Route("/metrics", operations.metrics, methods=["GET"]),
        Mount("/static", StaticFiles(packages=[("assistant.web", "static")]), name="static"),
    ]


def public_pages(pages: Sequence[Page]) -> set[str]:
    """Paths that work without a session: the login page and what the pages declare."""
    return {"/login", *(path for page in pages for path in page.public)}


def create_app(settings: Settings, pages: Sequence[Page], *, engine: AsyncEngine | None = None,
               sessions: async_sessionmaker[AsyncSession] | None = None,
               pipeline: Pipeline | None = None, passwords: Passwords | None = None,
               sender: Service | None = None, templates: jinja2.Environment | None = None,
               start_workers: bool = False) -> Starlette:
    """The staff web app with ``pages``. ``sender`` (optional) runs beside it, supervised
    (restarted when it fails), and is woken after approvals; ``start_workers`` starts the worker
    processes for chat answers and redrafts at startup rather than at the first job."""
    from assistant.history.db import create_engine, sessionmaker

    owned_engine = None
    if sessions is None:
        if engine is None:
            engine = owned_engine = create_engine(settings.database_url)
        sessions = sessionmaker(engine)
    supervised = Supervised("sender", sender.run) if sender is not None else None
    services = Services(
        settings=settings, sessions=sessions, templates=templates or make_environment(pages),
        auth=Authenticator(settings, sessions, passwords),
        knowledge=KnowledgeBox(settings, pipeline, sessions),
        metrics=operations.OperatorMetrics(sessions, sender=supervised),
        wake_sender=sender.wake if sender is not None else (lambda: None), pages=tuple(pages),
        sender=supervised)

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
            await asyncio.to_thread(services.knowledge.background.close)
            if owned_engine is not None:
                await owned_engine.dispose()

    app = Starlette(routes=routes(pages), lifespan=lifespan, max_body_size=1_000_000)
    app.state.services = services
    app.add_middleware(SecurityHeaders)
    return app
