"""The issue's deployment, end to end: `assistant db upgrade`, the web app and two mail workers as
separate processes of an unprivileged user on one PostgreSQL, each with a read-only copy of
`knowledge/` and `intents/` (how that is enforced: :mod:`tests.knowledge.deployment`). An admin
edits an answer and accepts a suggestion in headless Chromium; the next draft of each worker
uses both within 5 s of the publication, and nothing was written into the folders.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from assistant.history import knowledge_store
from assistant.history.models import Draft, Suggestion
from assistant.knowledge.source import digest
from tests.knowledge.deployment import Deployment, as_unprivileged, deliver, inquiry, tree_of
from tests.review.conftest import add_users, in_session, run
from tests.review.test_browser import login
from tests.services import PostgresCluster, free_port, wait_healthy

pytestmark = pytest.mark.integration

SENTENCE = "Den Antrag stellen Sie bitte über das Förderportal."
EXAMPLE = "Mit welchem Höchstbetrag kann unsere Kommune für die Strategie rechnen?"
ASKS_AMOUNT = "wie hoch ist die maximale Förderung für eine KIV-Strategie?"
WORKERS = ("worker-1", "worker-2")
# A publication must reach the next draft of every worker within this many seconds.
WITHIN = 5.0


class Served:
    """What `login` needs of a running web app."""

    def __init__(self, base: str) -> None:
        self.base = base


async def _suggest(db: Any) -> int:
    row = Suggestion(sentence=EXAMPLE, intent="funding_amount", created_by="anna",
                     origin="intent_change")
    db.add(row)
    await db.commit()
    return int(row.id)


def _drafts(url: str) -> dict[int, Draft]:
    async def read(db: Any) -> dict[int, Draft]:
        return {d.id: d for d in (await db.execute(select(Draft))).scalars()}

    return in_session(url, read)


def _new_drafts(url: str, known: set[int], count: int,
                timeout: float = 30.0) -> dict[int, tuple[Draft, float]]:
    """Drafts beyond ``known`` with the monotonic time each was first seen, once ``count``."""
    seen: dict[int, tuple[Draft, float]] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < count and time.monotonic() < deadline:
        for draft_id, draft in _drafts(url).items():
            if draft_id not in known and draft_id not in seen:
                seen[draft_id] = (draft, time.monotonic())
        time.sleep(0.05)
    assert len(seen) == count, f"{len(seen)} of {count} drafts"
    return seen


def _drafted_by(deployment: Deployment, name: str) -> set[int]:
    return {int(e["draft"]) for e in deployment.events(name, "mail") if e.get("draft")}


@pytest.fixture
def deployment(postgres: PostgresCluster) -> Iterator[Deployment]:
    """A new, empty database: migrated and seeded by `assistant db upgrade` run unprivileged
    from the read-only folders; then the web app and two workers, each on its own Maildir."""
    url = postgres.create_database(f"deploy_{time.monotonic_ns()}")
    deployment = Deployment(url)
    try:
        for name in WORKERS:
            deployment.maildir(name)
        deployment.hand_over()
        upgraded = deployment.run("db", "upgrade")
        assert 0 == upgraded.returncode, upgraded.stdout + upgraded.stderr
        run(add_users(url))
        port = free_port()
        web = deployment.start("web", "serve", "--host", "127.0.0.1", "--port", str(port),
                               four_eyes="false", web_cpu_workers="1")
        # Each worker drafts what it takes from its own Maildir: no polling for mail the
        # other stored, so that the test sees both workers' knowledge (in production they
        # share the work).
        for name in WORKERS:
            deployment.start(name, "run", inbox=f"maildir:{deployment.data / name}",
                             maildir_poll_seconds="0.3", pending_poll_seconds="600")
        wait_healthy(f"http://127.0.0.1:{port}", web, deployment.logs / "web.log")
        deployment.base = f"http://127.0.0.1:{port}"
        yield deployment
    finally:
        deployment.close()


def test_two_workers_draft_with_an_edit_and_an_accepted_example_made_in_the_browser(
        deployment: Deployment, page: Any) -> None:
    """Read-only folders, unprivileged processes: "Wissen" → "Förderhöhe" gets a sentence and an
    accepted suggestion adds an example; a mail dropped into each worker's Maildir right after
    is drafted with the new sentence and the knowledge version of that last publication (the
    catalogue with the example) within 5 s; "Wissen neu laden" works too; the folders are
    unchanged and no process failed."""
    url, app = deployment.url, deployment.app
    unchanged = tree_of(app)
    probe = subprocess.run([*as_unprivileged(), "touch", str(app / "knowledge" / "probe")],
                           capture_output=True)
    assert probe.returncode != 0  # the processes' user really cannot write there
    # Each worker drafts once with the seed: it runs, and the sentence is not there yet.
    for number, name in enumerate(WORKERS, 1):
        deliver(deployment.data / name, inquiry(number, ASKS_AMOUNT), f"warm-{number}")
    before = _new_drafts(url, set(), len(WORKERS))
    assert all(SENTENCE not in d.text and d.knowledge_version.endswith("@1")
               for d, _ in before.values())
    suggestion = in_session(url, _suggest)

    login(page, Served(deployment.base), "chef")
    page.get_by_role("link", name="Wissen").first.click()
    page.get_by_role("link", name="Förderhöhe", exact=True).click()
    german = page.get_by_label("Text (Deutsch)")
    german.fill(german.input_value() + " " + SENTENCE)
    page.get_by_label("Kommentar").fill("Hinweis auf das Förderportal")
    page.get_by_role("button", name="Speichern").click()
    assert "gespeichert und veröffentlicht" in page.content()
    page.goto(deployment.base + "/admin/suggestions")
    page.get_by_role("button", name=f"Übernehmen (Vorschlag {suggestion})").click()
    assert "als neues Beispiel in den Katalog übernommen" in page.content()
    published = time.monotonic()

    for number, name in enumerate(WORKERS, 3):
        deliver(deployment.data / name, inquiry(number, ASKS_AMOUNT), f"after-{number}")
    after = _new_drafts(url, set(before), len(WORKERS))
    texts, publication = in_session(url, knowledge_store.published_texts)
    assert 3 == publication and EXAMPLE in texts["intents/funding_amount.yaml"]
    for draft, _ in after.values():
        assert SENTENCE in draft.text
        assert f"{digest(texts)}@3" == draft.knowledge_version
    latencies = sorted(seen - published for _, seen in after.values())
    print(f"publication → next draft: {', '.join(f'{s:.2f} s' for s in latencies)}")
    assert latencies[-1] <= WITHIN
    assert all(_drafted_by(deployment, name) & set(after) for name in WORKERS)
    # The last admin action on the knowledge, reloading it, also works on read-only folders.
    page.get_by_role("button", name="Wissen neu laden").click()
    assert "Das Wissen wurde neu geladen." in page.content()
    assert unchanged == tree_of(app)
    for name in ("web", *WORKERS):
        assert "PermissionError" not in deployment.log(name)
        assert deployment.processes[name].poll() is None
