"""The page "Wissen" without a browser: four eyes, the preview, the number check, the facts."""

from __future__ import annotations

import html
import re
from typing import Any

from assistant.web.accounts import create
from tests.review.conftest import Browser, fast_passwords, run

PATH = "answers/funding_amount.yaml"
EDIT = f"/admin/wissen/eintrag?pfad={PATH}"


def _form(browser: Browser, **changes: str) -> dict[str, str]:
    page = browser.get(EDIT).text
    german = re.search(r'<textarea id="de_0" name="de_0"[^>]*>([^<]*)</textarea>', page)
    english = re.search(r'<textarea id="en_0" name="en_0"[^>]*>([^<]*)</textarea>', page)
    basis = re.search(r'name="basis" value="(\d+)"', page)
    assert german and english and basis
    return {"pfad": PATH, "basis": basis.group(1), "de_0": html.unescape(german.group(1)),
            "en_0": html.unescape(english.group(1)), "mail": "demo", **changes}


async def _second_admin(url: str) -> None:
    from assistant.history.db import create_engine, sessionmaker

    engine = create_engine(url)
    async with sessionmaker(engine)() as db:
        await create(db, fast_passwords(), "dora", "admin", "dora-password-123", "test")
    await engine.dispose()


def test_four_eyes_a_second_admin_publishes(app_factory: Any, review_url: str) -> None:
    """With four eyes on, a saved change waits; its author cannot publish it, a second admin
    can, and only then the page's drafts use it."""
    run(_second_admin(review_url))
    chef = app_factory(four_eyes="true")
    chef.login("chef")
    form = _form(chef)
    form.update(de_0=form["de_0"] + " Neuer Satz.", kommentar="Ergänzt", aktion="speichern")
    assert chef.post("/admin/wissen/eintrag", form).status_code == 303
    page = chef.get("/admin/wissen").text
    assert "Warten auf Veröffentlichung" in page
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version
    assert chef.post("/admin/wissen/veroeffentlichen",
                     {"version": version.group(1)}).status_code == 422
    dora = app_factory(four_eyes="true")
    dora.login("dora", "dora-password-123")
    dora.get("/admin/wissen")
    assert dora.post("/admin/wissen/veroeffentlichen",
                     {"version": version.group(1)}).status_code == 303
    assert "Neuer Satz." in dora.get(EDIT).text


def test_preview_drafts_with_the_candidate_and_saves_nothing(browser: Browser) -> None:
    """"Vorschau" shows the reply drafted with the edited text; the store keeps its version."""
    browser.login("chef")
    form = _form(browser)
    form.update(de_0=form["de_0"] + " Nur zur Probe.", aktion="vorschau")
    page = browser.post("/admin/wissen/eintrag", form).text
    assert "Vorschau" in page and "Nur zur Probe." in page and "Betreff:" in page
    assert "Nur zur Probe." not in _form(browser)["de_0"]


def test_a_typed_programme_number_is_refused(browser: Browser) -> None:
    """A programme number typed into a text is refused with a hint to the facts."""
    browser.login("chef")
    form = _form(browser)
    form.update(de_0="Es gibt höchstens 30.000 Euro.", kommentar="Zahl", aktion="speichern")
    response = browser.post("/admin/wissen/eintrag", form)
    assert response.status_code == 422 and "Zahl des Programms (30.000)" in response.text


def test_a_comment_is_required(browser: Browser) -> None:
    """Saving without "Kommentar" is refused."""
    browser.login("chef")
    form = _form(browser)
    form.update(de_0=form["de_0"] + " Satz.", kommentar=" ", aktion="speichern")
    response = browser.post("/admin/wissen/eintrag", form)
    assert response.status_code == 422 and "Kommentar" in response.text


def test_a_changed_fact_shows_the_answers_that_use_it(browser: Browser) -> None:
    """A programme fact is a typed field; after a change the page names the answers using it,
    and a value of the wrong type is refused."""
    browser.login("chef")
    page = browser.get("/admin/wissen/fakten").text
    assert 'type="number" value="30000"' in page
    basis = re.search(r'name="basis" value="(\d+)"', page)
    assert basis
    bad = browser.post("/admin/wissen/fakten", {"basis": basis.group(1), "kommentar": "x",
                                                "fakt:funding.max_amount_eur": "viel"})
    assert bad.status_code == 422 and "ganze Zahl" in bad.text
    done = browser.post("/admin/wissen/fakten", {
        "basis": basis.group(1), "kommentar": "Neue Höchstsumme",
        "fakt:funding.max_amount_eur": "35000"}, follow_redirects=True)
    assert "answers/funding_amount.yaml" in done.text and "Geändert: funding.max_amount_eur" \
        in done.text
