"""Out-of-range numbers in the staff app's addresses and forms: 400 with a German reason (or the
form's own refusal), never a 500.

Ids are INTEGER columns; SQLite's driver raised OverflowError for a number beyond 64 bits and
PostgreSQL's refuses one beyond 32.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.commands import main
from assistant.commands.common import EXIT_INPUT_ERROR
from assistant.history import MAX_ID
from assistant.web.routing import MAX_PAGE, page_number
from tests.review.conftest import Browser, run, seed
from tests.review.world import inquiry_mail

HUGE = "9" * 30
BAD_REQUEST = 400
NOT_FOUND = 404
ID_MESSAGE = "Die Nummer in dieser Adresse ist zu groß"


@pytest.fixture
def anna(browser: Browser) -> Browser:
    browser.login("anna")
    return browser


@pytest.mark.parametrize("path", [f"/drafts/{HUGE}", f"/conversations/{HUGE}",
                                  f"/drafts/{MAX_ID + 1}", f"/history/{HUGE}/export.mbox"])
def test_huge_draft_id_is_400(anna: Browser, path: str) -> None:
    """A page address with an id no row can have answers 400 with a German reason."""
    response = anna.get(path)
    assert BAD_REQUEST == response.status_code
    assert ID_MESSAGE in response.text


@pytest.mark.parametrize("path", [f"/sending/{HUGE}/retry", f"/drafts/{HUGE}/approve",
                                  f"/admin/users/{HUGE}"])
def test_huge_id_in_a_form_address_is_400(browser: Browser, path: str) -> None:
    """Actions (retry, approve, an admin's user change) refuse a huge id with 400 as well."""
    browser.login("chef")
    browser.get("/")
    response = browser.post(path, {"revision": "0", "checked": "1"})
    assert BAD_REQUEST == response.status_code
    assert ID_MESSAGE in response.text


def test_huge_revision_is_a_stale_form(anna: Browser, review_url: str, pipeline: Any) -> None:
    """A revision number beyond any column value is refused like an outdated form (422)."""
    stored = run(seed(review_url, pipeline, inquiry_mail()))[0]
    anna.get(f"/drafts/{stored.draft_id}")
    response = anna.post(f"/drafts/{stored.draft_id}/save",
                         {"revision": HUGE, "text": "Neuer Text"})
    assert 422 == response.status_code


def test_huge_queue_page_is_400(anna: Browser) -> None:
    """A queue page number beyond any page answers 400 with a German reason."""
    response = anna.get(f"/?seite={HUGE}")
    assert BAD_REQUEST == response.status_code
    assert "Die Seitenzahl muss eine ganze Zahl von 1 bis 100.000 sein." in response.text


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.one_of(st.integers(min_value=0, max_value=2**70),
                        st.integers(min_value=MAX_ID - 2, max_value=MAX_ID + 2)))
def test_any_id_in_a_page_address_is_never_a_server_error(anna: Browser, number: int) -> None:
    """Whatever the id, the draft and conversation pages answer 404 or 400 (beyond MAX_ID)."""
    for path in (f"/drafts/{number}", f"/conversations/{number}"):
        expected = BAD_REQUEST if number > MAX_ID else NOT_FOUND
        assert expected == anna.get(path).status_code


@pytest.mark.parametrize(("text", "expected"), [
    ("", 1), ("abc", 1), ("1", 1), ("007", 7), (str(MAX_PAGE), MAX_PAGE),
    (str(MAX_PAGE + 1), None), ("0", None), ("-3", None), (HUGE, None), ("1" + "0" * 5000, None),
])
def test_page_number_reads_pages_and_refuses_out_of_range(text: str,
                                                          expected: int | None) -> None:
    """Page numbers: no number means page 1; a number outside 1 to MAX_PAGE is refused."""
    assert expected == page_number(text)


@pytest.mark.parametrize("command", [["drafts", "show", HUGE], ["conversations", "show", HUGE],
                                     ["history", "export", HUGE, "-o", "x.mbox"],
                                     ["intents", "suggestions", "accept", HUGE],
                                     ["drafts", "show", "0"]])
def test_huge_id_on_the_command_line_exits_2(command: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A command given an id no row can have says so and exits 2 (no database error)."""
    with pytest.raises(SystemExit) as stopped:
        main(command)
    assert EXIT_INPUT_ERROR == stopped.value.code
    assert "is not an id (a whole number from 1 to 2147483647)" in capsys.readouterr().err
