"""``assistant serve`` as operators run it: its log lines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.review.conftest import SECRET, add_users, run
from tests.services import free_port, wait_healthy


@dataclass
class Served:
    base: str
    log: Path
    process: subprocess.Popen  # type: ignore[type-arg]

    def stop(self) -> str:
        """Stop the server; its whole log."""
        self.process.terminate()
        self.process.wait(timeout=30)
        return self.log.read_text(errors="replace")


@pytest.fixture
def served(sqlite_template: Path, tmp_path: Path) -> Iterator[Served]:
    db = tmp_path / "assistant.db"
    shutil.copyfile(sqlite_template, db)
    url = f"sqlite:///{db}"
    run(add_users(url))
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_SECRET_KEY": SECRET,
           "ASSISTANT_COOKIE_SECURE": "0", "ASSISTANT_LOG_LEVEL": "INFO",
           "ASSISTANT_SMTP_URL": f"smtp://127.0.0.1:{free_port()}"}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--host",
                                    "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    served = Served(f"http://127.0.0.1:{port}", log, process)
    try:
        wait_healthy(served.base, process, log)
        yield served
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_access_log_has_no_query_string(served: Served) -> None:
    """Each request is logged with method, path and status only: the query string (search
    terms, sender addresses) and the client's address stay out of the log."""
    urllib.request.urlopen(served.base + "/healthz?sender=max%40beispiel.de&q=Geheimnis")
    urllib.request.urlopen(served.base + "/history?sender=max@beispiel.de&text=Geheimnis")
    log = served.stop()
    requests = [line for line in log.splitlines() if "event=request" in line]
    assert any("method=GET path=/healthz status=200" in line for line in requests)
    assert any("method=GET path=/history status=303" in line for line in requests)
    assert "Geheimnis" not in log and "beispiel.de" not in log
    assert not any("127.0.0.1" in line or "?" in line for line in requests)
