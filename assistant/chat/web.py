"""The chat in the web app: a public page and a JSON API, without login.

    GET  /chat                the page: a form for the question (works without JavaScript)
    POST /chat                the form's answer, as a page
    POST /chat/inquiry        hand the question over to staff (the form with the address)
    POST /api/chat            the same answer as JSON (``{"message": …}``)
    POST /api/chat/inquiry    the same handover as JSON
    GET  /api/openapi.json    the API's description

The pages go through the app's guard as public pages (CSRF token in every form); the JSON
endpoints are public without session or cookies, so they need none, and accept only
``application/json`` (which a foreign web page cannot send without the browser asking first).
Every question and handover counts against the client's rate limit; handovers are limited
besides per client and hour and per e-mail address and day (:mod:`assistant.chat.handover`),
and both refusals are counted in ``/metrics``. Nothing is stored or logged about a question
that is answered; a handover is stored as incoming mail (:mod:`assistant.chat.handover`).

The page may run a small script (``static/chat.js``) that asks the JSON API and shows the answer
without reloading; its Content-Security-Policy allows scripts from this site and nothing else.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from assistant.chat import handover
from assistant.chat.answer import LANGUAGES, UNCLEAR, Question, Reply, respond
from assistant.chat.openapi import (
    MAX_JSON_DEPTH,
    clean,
    description,
    max_body_bytes,
    too_deep,
    validate,
)
from assistant.chat.ratelimit import RateLimiter
from assistant.errors import BadAddress, Busy, HandoverLimited, Invalid, OverBudget
from assistant.parse.language import detect_language
from assistant.web.pages import NavEntry, Page
from assistant.web.routing import Ctx, get, post, render

PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
JSON_TYPES = ("application/json",)
BUSY_RETRY_SECONDS = 5



def _limiter(request: Request) -> RateLimiter:
    state = request.app.state
    limiter = getattr(state, "chat_limiter", None)
    if limiter is None:
        limiter = state.chat_limiter = RateLimiter(
            state.services.settings.chat_rate_per_minute)
    return limiter


def _handover_limiter(request: Request) -> RateLimiter:
    state = request.app.state
    limiter = getattr(state, "handover_limiter", None)
    if limiter is None:
        limiter = state.handover_limiter = RateLimiter(
            state.services.settings.chat_handovers_per_client_per_hour, window=3600.0)
    return limiter


async def _hand_over(request: Request, message: str, email: str, *, town: str | None,
                     population: int | None, language: str) -> None:
    """Hand the question over within the per-client and per-address limits (else
    :class:`HandoverLimited`, counted in the operator metrics)."""
    services = request.app.state.services
    try:
        wait = _handover_limiter(request).hit(_client(request))
        if wait:
            raise HandoverLimited("client", wait)
        await handover.hand_over(_engine(request), services.settings, message, email,
                                 town=town, population=population, language=language)
    except HandoverLimited as limited:
        services.metrics.handover_refused(limited.reason)
        raise


def _client(request: Request) -> str:
    return request.app.state.services.auth.client_address(request)


def page_language(request: Request) -> str:
    """``?lang=``, else the browser's first preference among German and English, else German."""
    chosen = request.query_params.get("lang")
    if chosen in LANGUAGES:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "de"


def texts(ctx: Ctx, lang: str) -> Mapping[str, Any]:
    """The page's texts in ``lang``, from the knowledge (``knowledge/chat.yaml``)."""
    return ctx.services.knowledge.pipeline.knowledge.chat[lang]


def _form_language(request: Request, ctx: Ctx) -> str:
    """The language the form was shown in, else the one the page would choose."""
    chosen = ctx.text("lang")
    return chosen if chosen in LANGUAGES else page_language(request)


async def _page(request: Request, ctx: Ctx, *, status: int = 200, **values: Any) -> Response:
    lang = values.pop("lang", None) or page_language(request)
    wording = texts(ctx, lang)
    defaults: dict[str, Any] = {"message": "", "town": "", "population": "", "email": "",
                                "reply": None, "errors": {}, "received": None, "limited": None,
                                "handover_limited": None,
                                 "busy": False}
    defaults.update(values)
    verdicts = wording["verdicts"]
    response = await render(request, ctx, "chat.html", status=status, title=wording["title"],
                            lang=lang, t=wording, verdicts=verdicts,
                            verdicts_data=";".join(f"{k}={v}" for k, v in verdicts.items()),
                            max_chars=ctx.services.settings.chat_max_chars, **defaults)
    response.headers["content-security-policy"] = PAGE_POLICY
    return response


async def page(request: Request, ctx: Ctx) -> Response:
    return await _page(request, ctx)


def _form_question(ctx: Ctx, lang: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The form's fields, and the errors by field name."""
    wording = texts(ctx, lang)
    limit = ctx.services.settings.chat_max_chars
    message = clean(ctx.text("message"))
    town = clean(ctx.text("town")).strip()
    population_text = ctx.text("population").strip().replace(".", "").replace(" ", "")
    errors: dict[str, str] = {}
    if not message.strip():
        errors["message"] = wording["error_message"]
    elif len(message) > limit:
        errors["message"] = wording["error_long"].format(max=limit)
    population = None
    if population_text:
        if not population_text.isdigit() or not 0 < int(population_text) <= 10_000_000:
            errors["population"] = wording["error_population"]
        else:
            population = int(population_text)
    fields = {"message": message, "town": town[:200], "population": population,
              "population_text": ctx.text("population")[:20]}
    return fields, errors


def _limited(request: Request) -> float:
    return _limiter(request).hit(_client(request))


async def _limited_page(request: Request, ctx: Ctx, shown: Mapping[str, Any]) -> Response | None:
    """The page that asks the visitor to wait (429), when this question is over the client's
    limit; else None (and the question counts against it)."""
    wait = _limited(request)
    if not wait:
        return None
    response = await _page(request, ctx, status=429, limited=math.ceil(wait), **shown)
    response.headers["retry-after"] = str(math.ceil(wait))
    return response


async def ask(request: Request, ctx: Ctx) -> Response:
    lang = _form_language(request, ctx)
    fields, errors = _form_question(ctx, lang)
    shown = {"message": fields["message"], "town": fields["town"],
             "population": fields["population_text"], "lang": lang}
    if errors:
        return await _page(request, ctx, status=422, errors=errors, **shown)
    limited = await _limited_page(request, ctx, shown)
    if limited is not None:
        return limited
    try:
        reply = await _respond(request, fields["message"], None, fields["town"] or None,
                               fields["population"])
    except Busy:
        response = await _page(request, ctx, status=503, busy=True, **shown)
        response.headers["retry-after"] = str(BUSY_RETRY_SECONDS)
        return response
    return await _page(request, ctx, reply=reply, **shown)


async def _respond(request: Request, message: str, language: str | None, town: str | None,
                   population: int | None) -> Reply:
    """The answer, computed in a worker process within the chat's time budget; a question that
    takes longer is offered to staff (``unclear``). :class:`Busy` when too many wait."""
    services = request.app.state.services
    question = Question(message, language, town, population)
    try:
        return await services.knowledge.run(respond, question,
                                            services.settings.chat_min_confidence,
                                            budget=services.settings.chat_answer_seconds)
    except OverBudget:
        return Reply(language or detect_language(message, default="de"), handover=True,
                     reasons=(UNCLEAR,))


def _engine(request: Request) -> Any:
    return request.app.state.services.sessions.kw["bind"]


async def inquiry_form(request: Request, ctx: Ctx) -> Response:
    lang = _form_language(request, ctx)
    fields, errors = _form_question(ctx, lang)
    email = clean(ctx.text("email")).strip()
    try:
        handover.checked_address(email)
    except BadAddress:
        errors["email"] = texts(ctx, lang)["error_email"]
    shown = {"message": fields["message"], "town": fields["town"],
             "population": fields["population_text"], "email": email[:254], "lang": lang}
    if errors:
        reply = None
        if "message" not in errors:
            with contextlib.suppress(Busy):
                reply = await _respond(request, fields["message"], None, fields["town"] or None,
                                       fields["population"])
        return await _page(request, ctx, status=422, errors=errors, reply=reply, **shown)
    limited = await _limited_page(request, ctx, shown)
    if limited is not None:
        return limited
    try:
        await _hand_over(request, fields["message"], email, town=fields["town"] or None,
                         population=fields["population"], language=lang)
    except HandoverLimited as refused:
        text = texts(ctx, lang)["handover_limited_" + refused.reason].format(
            minutes=math.ceil(refused.retry_after / 60))
        response = await _page(request, ctx, status=429, handover_limited=text, **shown)
        response.headers["retry-after"] = str(math.ceil(refused.retry_after))
        return response
    return await _page(request, ctx, received=email, lang=lang)


# --- the JSON API ---------------------------------------------------------------------------

def _problem(status: int, error: str, field: str | None = None,
             headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": error}
    if field:
        body["field"] = field
    return JSONResponse(body, status_code=status, headers=headers)


async def _read_limited(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it is longer than ``limit`` bytes (it is not read further)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and (len(declared) > len(str(limit)) or int(declared) > limit):
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _json_body(request: Request) -> Any:
    """The parsed body, or a problem response: 415 for another type, 413 beyond the size a
    request of the description can have, 400 for what is not JSON or is nested too deeply."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in JSON_TYPES:
        return _problem(415, "the body must be application/json")
    limit = max_body_bytes(request.app.state.services.settings.chat_max_chars)
    raw = await _read_limited(request, limit)
    if raw is None:
        return _problem(413, f"the body is larger than {limit} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _problem(400, "the body is not valid JSON")
    deep = too_deep(text)
    if deep is not None:
        return _problem(400, f"the body is nested more than {MAX_JSON_DEPTH} levels deep",
                        deep.field)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _problem(400, "the body is not valid JSON")


async def api_chat(request: Request) -> Response:
    """Answer a question (JSON)."""
    body = await _json_body(request)
    if isinstance(body, Response):
        return body
    settings = request.app.state.services.settings
    try:
        values = validate(body, settings.chat_max_chars)
    except Invalid as exc:
        return _problem(422, exc.message, exc.field)
    wait = _limited(request)
    if wait:
        return _problem(429, "too many questions; try again later",
                        headers={"retry-after": str(math.ceil(wait))})
    try:
        reply = await _respond(request, values["message"], values["language"], values["town"],
                               values["population"])
    except Busy:
        return _problem(503, "too many questions are being answered; try again shortly",
                        headers={"retry-after": str(BUSY_RETRY_SECONDS)})
    return JSONResponse(reply.as_json())


async def api_inquiry(request: Request) -> Response:
    """Hand a question over to staff (JSON)."""
    body = await _json_body(request)
    if isinstance(body, Response):
        return body
    services = request.app.state.services
    try:
        values = validate(body, services.settings.chat_max_chars, inquiry=True)
        handover.checked_address(values["email"])
    except Invalid as exc:
        return _problem(422, exc.message, exc.field)
    except BadAddress:
        return _problem(422, "email must be an e-mail address", "email")
    wait = _limited(request)
    if wait:
        return _problem(429, "too many questions; try again later",
                        headers={"retry-after": str(math.ceil(wait))})
    language = values["language"] or detect_language(values["message"], default="de")
    try:
        await _hand_over(request, values["message"], values["email"], town=values["town"],
                         population=values["population"], language=language)
    except HandoverLimited as limited:
        retry = {"retry-after": str(math.ceil(limited.retry_after))}
        if limited.reason == "address":
            return _problem(429, "too many questions for this e-mail address today; try again "
                                 "tomorrow", "email", headers=retry)
        return _problem(429, "too many questions handed over from this client; try again "
                             "later", headers=retry)
    return JSONResponse({"status": "received"}, status_code=202)


async def openapi_json(request: Request) -> Response:
    """The API's OpenAPI description."""
    return JSONResponse(description(request.app.state.services.settings.chat_max_chars))


def _public(handler: Any) -> Any:
    """A public JSON endpoint: no session, no cookies, no CSRF (see the module docstring)."""
    handler.guard_role = None
    return handler


def routes() -> list[BaseRoute]:
    return [
        get("/chat", page, role=None),
        post("/chat", ask, role=None),
        post("/chat/inquiry", inquiry_form, role=None),
        Route("/api/chat", _public(api_chat), methods=["POST"]),
        Route("/api/chat/inquiry", _public(api_inquiry), methods=["POST"]),
        Route("/api/openapi.json", _public(openapi_json), methods=["GET"]),
        Mount("/chat/static", StaticFiles(packages=[("assistant.chat", "static")]),
              name="chat-static"),
    ]


PAGE = Page(package="assistant.chat", routes=routes,
            nav=(NavEntry("/chat", "Chat (öffentlich)"),),
            public=("/chat", "/chat/inquiry", "/api/chat", "/api/chat/inquiry",
                    "/api/openapi.json"))
