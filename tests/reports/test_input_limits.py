"""Out-of-range input to the reports and the search: a clear 400 (or exit 2), never a 500.

A day like 9999-12-31 cannot end a period (its next day does not exist in Python), so it used to
raise OverflowError; huge page numbers overflowed SQLite's integers.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.commands import main
from assistant.commands.common import EXIT_INPUT_ERROR
from assistant.web.dates import FIRST_DAY, LAST_DAY
from tests.site import Site

FAR_FUTURE = "9999-12-31"
BAD_REQUEST = 400
RANGE_MESSAGE = "muss zwischen dem 01.01.1900 und dem 31.12.2999 liegen"


@pytest.mark.parametrize("path", ["/reports", "/history"])
@pytest.mark.parametrize("name", ["since", "until"])
def test_far_future_date_is_400(site: Site, path: str, name: str) -> None:
    """A day beyond the last one a period may name gets 400 and a German reason on the page."""
    response = site.browser.get(f"{path}?{name}={FAR_FUTURE}")
    assert BAD_REQUEST == response.status_code
    assert RANGE_MESSAGE in response.text


@pytest.mark.parametrize("path", ["/reports/conversations.csv", "/reports/report.json"])
def test_far_future_date_in_downloads_is_400(site: Site, path: str) -> None:
    """The CSV export and the JSON report refuse a far-future day with 400 and the reason."""
    response = site.browser.get(f"{path}?since=2026-01-01&until={FAR_FUTURE}")
    assert BAD_REQUEST == response.status_code
    assert RANGE_MESSAGE in response.text


def test_last_day_is_still_a_period_end(site: Site) -> None:
    """The last day of the range is accepted: the period up to it is reported."""
    response = site.browser.get(f"/reports/report.json?until={LAST_DAY.isoformat()}")
    assert 200 == response.status_code
    assert LAST_DAY.isoformat() == response.json()["period"]["until"]


def test_huge_search_page_is_400(site: Site) -> None:
    """A search page number beyond any page gets 400 with a German reason, not an overflow."""
    response = site.browser.get("/history?municipality=lahn&page=" + "9" * 30)
    assert BAD_REQUEST == response.status_code
    assert "Die Seitenzahl muss eine ganze Zahl" in response.text


def test_history_search_command_refuses_far_future_date(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`assistant history search --since 9999-12-31` says why and exits 2."""
    with pytest.raises(SystemExit) as stopped:
        main(["history", "search", "--since", FAR_FUTURE])
    assert EXIT_INPUT_ERROR == stopped.value.code
    assert f"'{FAR_FUTURE}' is not between 1900-01-01 and 2999-12-31" in capsys.readouterr().err


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(since=st.dates(), until=st.dates())
def test_any_pair_of_days_is_a_report_or_a_400(site: Site, since: date, until: date) -> None:
    """Whatever two days the JSON report is asked for, it answers 200 for a usable period and
    400 otherwise (a day out of range, or the start after the end) — never a server error."""
    response = site.browser.get(f"/reports/report.json?since={since}&until={until}")
    usable = FIRST_DAY <= since <= until <= LAST_DAY
    assert (200 if usable else BAD_REQUEST) == response.status_code
