"""The OpenAPI 3.1 description of the chat's JSON API, served at ``/api/openapi.json``.

The request schemas here are also what the API checks (:func:`validate`), so the description
and the behaviour cannot drift apart: a property test (schemathesis) sends what the description
allows and what it forbids, and checks every answer against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.chat.answer import CHECK, NO_QUESTION, STAFF_ONLY, UNCLEAR, UNSURE
from assistant.chat.handover import ADDRESS_PATTERN
from assistant.errors import Invalid

MAX_TOWN = 200
MAX_POPULATION = 10_000_000
MAX_ADDRESS = 254
# A request is one flat object; nesting deeper than this is refused before it is parsed (a deep
# nesting made the JSON parser raise RecursionError).
MAX_JSON_DEPTH = 8
# Bytes a JSON text may need per character: "\\ud83d\\ude00" is one character in twelve bytes.
_BYTES_PER_CHAR = 12
_OVERHEAD_BYTES = 4096
REASONS = [STAFF_ONLY, UNCLEAR, UNSURE, CHECK, NO_QUESTION]
# Not blank in the sense of the description's pattern "\S" (ECMA-262 white space, which — unlike
# Python's — does not include the control characters U+001C to U+001F).
_NOT_BLANK = re.compile("[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
                        "\u3000\ufeff]")


def max_body_bytes(max_chars: int) -> int:
    """The largest body a request of the description can need (every text at its longest and
    written with escapes); anything larger is refused with 413 before it is read."""
    return (max_chars + MAX_TOWN + MAX_ADDRESS) * _BYTES_PER_CHAR + _OVERHEAD_BYTES


@dataclass(frozen=True, slots=True)
class TooDeep:
    field: str | None  # the top-level field whose value is nested too deeply, if any


# JSON strings (possessive: linear however the text ends) and the brackets outside them.
_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')
_KEY_FOLLOWS = re.compile(r"\s*:")


def too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> TooDeep | None:
    """Whether ``text`` nests arrays and objects more than ``limit`` deep, without parsing it
    (no recursion); and under which top-level field."""
    depth, field = 0, None
    for token in _TOKENS.finditer(text):
        kind = token.group()[0]
        if kind == '"':
            if depth == 1 and _KEY_FOLLOWS.match(text, token.end()):
                field = token.group()[1:-1]
        elif kind in "[{":
            depth += 1
            if depth > limit:
                return TooDeep(field if field and field.isidentifier() else None)
        else:
            depth -= 1
    return None


def _question_properties(max_chars: int) -> dict[str, Any]:
    return {
        "message": {"type": "string", "minLength": 1, "maxLength": max_chars, "pattern": r"\S",
                    "description": "The question, in German or English."},
        "language": {"type": ["string", "null"], "enum": ["de", "en", None],
                     "description": "Language of the answer; without it, that of the question."},
        "town": {"type": ["string", "null"], "maxLength": MAX_TOWN,
                 "description": "The visitor's town or municipality, for the eligibility check."},
        "population": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_POPULATION,
                       "description": "Its population, for the eligibility check."},
    }


def description(max_chars: int) -> dict[str, Any]:
    schema = {"$ref": "#/components/schemas/Problem"}
    problem = {"description": "The request was refused; `error` says why.",
               "content": {"application/json": {"schema": schema}}}
    limited = {**problem, "description": "Too many questions from this client; try again later.",
               "headers": {"Retry-After": {"description": "Seconds to wait.",
                                           "schema": {"type": "integer", "minimum": 1}}}}
    refused = {"400": {**problem, "description": (
                   "The body is not JSON, or nests arrays and objects more than "
                   f"{MAX_JSON_DEPTH} levels deep (`field` then names the top-level field "
                   "concerned).")},
               "413": {**problem, "description": (
                   f"The body is larger than {max_body_bytes(max_chars)} bytes (more than "
                   "any valid request needs).")},
               "415": {**problem, "description": "The body is not application/json."},
               "422": {**problem, "description": "A field is missing or invalid."},
               "429": limited}
    handover_limited = {**limited, "description": (
        "Too many questions from this client; or too many hand-overs from this client in the "
        "last hour; or too many for this e-mail address in the last 24 hours (then `field` is "
        "`email`). Try again after `Retry-After` seconds.")}
    busy = {**problem, "description": "Too many questions are being answered at this moment; "
                                      "try again after `Retry-After` seconds.",
            "headers": limited["headers"]}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Anfrage-Assistent Landesprogramm WIR – Chat",
            "version": "1",
            "description": "Questions about the KIV funding line of the Hessian WIR programme, "
                           "answered from the programme's curated knowledge. No login; limited "
                           "per client and minute. Questions that only staff can answer are "
                           "marked `handover`: send them to `/api/chat/inquiry` with an e-mail "
                           "address and staff reply by mail after a reviewer has confirmed the "
                           "address; hand-overs are limited per client and hour and per "
                           "address and day.",
        },
        "paths": {
            "/api/chat": {"post": {
                "operationId": "ask",
                "summary": "Answer a question from the knowledge",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Question"}}}},
                "responses": {"200": {"description": "The answers, or why staff should answer.",
                                      "content": {"application/json": {"schema": {
                                          "$ref": "#/components/schemas/Reply"}}}},
                              **refused, "503": busy},
            }},
            "/api/chat/inquiry": {"post": {
                "operationId": "handOver",
                "summary": "Pass a question to staff; the answer comes by e-mail",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Inquiry"}}}},
                "responses": {"202": {"description": "Stored; staff will answer by e-mail "
                                                     "once a reviewer has confirmed the "
                                                     "address. Nothing is sent to it before.",
                                      "content": {"application/json": {"schema": {
                                          "$ref": "#/components/schemas/Received"}}}},
                              **refused, "429": handover_limited},
            }},
        },
        "components": {"schemas": {
            "Question": {"type": "object", "additionalProperties": False,
                         "required": ["message"], "properties": _question_properties(max_chars)},
            "Inquiry": {"type": "object", "additionalProperties": False,
                        "required": ["message", "email"],
                        "properties": {**_question_properties(max_chars), "email": {
                            "type": "string", "format": "email", "maxLength": MAX_ADDRESS,
                            "pattern": ADDRESS_PATTERN,
                            "description": "Where staff send the answer: one plain address "
                                           "with a dotted domain."}}},
            "Answer": {"type": "object", "required": ["intent", "text", "source", "version"],
                       "additionalProperties": False, "properties": {
                           "intent": {"type": "string"}, "text": {"type": "string"},
                           "source": {"type": "string",
                                      "description": "The knowledge entry the text comes from."},
                           "version": {"type": "string"}}},
            "Eligibility": {"type": "object", "additionalProperties": False,
                            "required": ["verdict", "population", "town", "basis", "reason"],
                            "properties": {
                                "verdict": {"type": "string",
                                            "enum": ["eligible", "not_eligible", "unknown"]},
                                "population": {"type": ["integer", "null"]},
                                "town": {"type": ["string", "null"]},
                                "basis": {"type": ["string", "null"],
                                          "enum": ["stated", "register", None]},
                                "reason": {"type": "string"}}},
            "Reply": {"type": "object", "additionalProperties": False,
                      "required": ["answers", "handover", "handover_reasons", "language",
                                   "eligibility"],
                      "properties": {
                          "answers": {"type": "array",
                                      "items": {"$ref": "#/components/schemas/Answer"}},
                          "handover": {"type": "boolean",
                                       "description": "Offer to pass the question to staff."},
                          "handover_reasons": {
                              "type": "array", "items": {"type": "string", "enum": REASONS},
                              "description": "Why staff should answer: `staff_only` (the "
                                             "knowledge has no answer), `unclear` (no question "
                                             "recognised, or not within the time budget), "
                                             "`low_confidence`, `needs_check`, `no_question`."},
                          "language": {"type": "string", "enum": ["de", "en"]},
                          "eligibility": {"oneOf": [{"$ref": "#/components/schemas/Eligibility"},
                                                    {"type": "null"}]}}},
            "Received": {"type": "object", "required": ["status"], "additionalProperties": False,
                         "properties": {"status": {"type": "string", "enum": ["received"]}}},
            "Problem": {"type": "object", "required": ["error"], "properties": {
                "error": {"type": "string"}, "field": {"type": "string"}}},
        }},
    }


def clean(text: str) -> str:
    """Text without NUL characters and lone surrogates (JSON allows both, UTF-8 neither)."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def validate(body: Any, max_chars: int, *, inquiry: bool = False) -> dict[str, Any]:
    """The request as the description defines it (texts cleaned), or :class:`Invalid`."""
    if not isinstance(body, dict):
        raise Invalid("the body must be a JSON object")
    allowed = set(_question_properties(max_chars)) | ({"email"} if inquiry else set())
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise Invalid(f"unknown field {unknown[0]!r}", unknown[0])
    message = body.get("message")
    if not isinstance(message, str) or not _NOT_BLANK.search(message):
        raise Invalid("message must be a non-empty text", "message")
    if len(message) > max_chars:
        raise Invalid(f"message is longer than {max_chars} characters", "message")
    language = body.get("language")
    if language is not None and language not in ("de", "en"):
        raise Invalid("language must be de or en", "language")
    town = body.get("town")
    if town is not None and (not isinstance(town, str) or len(town) > MAX_TOWN):
        raise Invalid(f"town must be a text of at most {MAX_TOWN} characters", "town")
    population = body.get("population")
    if isinstance(population, float) and population.is_integer():
        population = int(population)  # JSON Schema: 426.0 is an integer
    if population is not None and (isinstance(population, bool) or not isinstance(
            population, int) or not 1 <= population <= MAX_POPULATION):
        raise Invalid(f"population must be a whole number from 1 to {MAX_POPULATION}",
                      "population")
    values = {"message": clean(message), "language": language,
              "town": clean(town or "").strip() or None, "population": population}
    if inquiry:
        email = body.get("email")
        if not isinstance(email, str) or len(email) > MAX_ADDRESS:
            raise Invalid("email must be an e-mail address", "email")
        values["email"] = clean(email)
    return values
