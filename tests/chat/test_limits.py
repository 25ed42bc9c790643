"""The chat API's limits on what a body may be: size (413) and nesting (400), each refused with
``{"error", "field"}`` and never a server error.

A deeply nested body used to make the JSON parser raise RecursionError (a 500).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.chat.openapi import MAX_JSON_DEPTH, max_body_bytes, too_deep
from tests.site import Site

JSON = {"content-type": "application/json"}
BAD_REQUEST, TOO_LARGE, INVALID = 400, 413, 422


def nested(depth: int, inner: Any = 1) -> Any:
    for _ in range(depth):
        inner = [inner]
    return inner


def test_nested_json_is_400(site: Site) -> None:
    """A field nested thousands of levels deep gets 400 naming the field, not a 500."""
    body = '{"message": ' + "[" * 5000 + "]" * 5000 + "}"
    response = site.browser.client.post("/api/chat", content=body.encode(), headers=JSON)
    assert BAD_REQUEST == response.status_code
    assert {"error": f"the body is nested more than {MAX_JSON_DEPTH} levels deep",
            "field": "message"} == response.json()


def test_nested_json_without_a_field_is_400(site: Site) -> None:
    """A bare deeply nested array gets 400 with the reason (there is no field to name)."""
    response = site.browser.client.post("/api/chat/inquiry", content=b"[" * 20000,
                                        headers=JSON)
    assert BAD_REQUEST == response.status_code
    assert "nested more than" in response.json()["error"]


def test_shallow_wrong_shape_is_still_422(site: Site) -> None:
    """Nesting within the limit reaches the field checks: 422 naming the field."""
    response = site.browser.client.post("/api/chat",
                                        json={"message": nested(MAX_JSON_DEPTH - 2)})
    assert INVALID == response.status_code and "message" == response.json()["field"]


def test_body_larger_than_any_valid_request_is_413(site: Site) -> None:
    """A body beyond the largest valid request is refused with 413 and a JSON reason."""
    limit = max_body_bytes(site.settings.chat_max_chars)
    body = json.dumps({"message": "x", "town": " " * limit}).encode()
    response = site.browser.client.post("/api/chat", content=body, headers=JSON)
    assert TOO_LARGE == response.status_code
    assert {"error": f"the body is larger than {limit} bytes"} == response.json()


def test_longest_valid_question_fits_the_body_limit(site: Site) -> None:
    """A question at the character limit, every character escaped, is not refused for size."""
    message = "\U0001f600" * site.settings.chat_max_chars
    body = json.dumps({"message": message, "town": "\U0001f600" * 200}).encode()
    response = site.browser.client.post("/api/chat", content=body, headers=JSON)
    assert 200 == response.status_code


@settings(max_examples=200, deadline=None, database=None)
@given(depth=st.integers(min_value=0, max_value=3000), key=st.sampled_from(["message", "town"]))
def test_too_deep_finds_the_depth_and_the_field(depth: int, key: str) -> None:
    """The nesting check agrees with the actual depth and names the top-level field."""
    text = f'{{"{key}": ' + "[" * depth + "1" + "]" * depth + "}"
    found = too_deep(text)
    assert (depth + 1 > MAX_JSON_DEPTH) == (found is not None)
    if found is not None:
        assert key == found.field


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300) | st.text(alphabet="[]{}\":,1 a\\", max_size=3000))
def test_any_body_is_answered_without_server_error(site: Site, body: Any) -> None:
    """Whatever the bytes of the body, the API answers with a documented refusal or an answer."""
    content = body if isinstance(body, bytes) else body.encode()
    response = site.browser.client.post("/api/chat", content=content, headers=JSON)
    assert response.status_code in {200, BAD_REQUEST, INVALID, 429}
    assert "error" in response.json() or "answers" in response.json()
