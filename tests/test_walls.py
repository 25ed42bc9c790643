"""Walls a machine checks besides ``lint-imports``: who reads the environment, and that the
architecture page shows the layers the contract enforces."""

from __future__ import annotations

import ast
from pathlib import Path

from tests import walls
from tests.helpers import ROOT

# What reading the environment looks like in Python.
ENVIRONMENT = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}
SETTINGS = ROOT / "assistant" / "settings.py"


def _reads_environment(path: Path) -> list[int]:
    """Lines of ``path`` that touch the process environment through ``os``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT \
                and isinstance(node.value, ast.Name) and node.value.id == "os":
            found.append(node.lineno)
        if isinstance(node, ast.ImportFrom) and node.module == "os" \
                and any(alias.name in ENVIRONMENT for alias in node.names):
            found.append(node.lineno)
    return found


def test_only_the_settings_module_reads_the_environment() -> None:
    """No module but assistant/settings.py uses os.environ, os.getenv and the like; everything
    else gets a Settings value passed in."""
    offenders = {str(path.relative_to(ROOT)): lines
                 for path in sorted((ROOT / "assistant").rglob("*.py"))
                 if path != SETTINGS and (lines := _reads_environment(path))}
    assert {} == offenders


def test_the_check_sees_an_environment_read(tmp_path: Path) -> None:
    """The check finds the usual spellings (so an empty result above means something)."""
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom os import getenv\nA = os.environ['X']\nB = os.getenv('Y')\n")
    assert [2, 3, 4] == sorted(_reads_environment(probe))
    assert _reads_environment(SETTINGS)


def test_architecture_page_shows_the_layers_of_the_contract() -> None:
    """ARCHITECTURE.md holds the layer diagram generated from pyproject.toml's layers contract
    (`python -m tests.walls --write` renews it)."""
    assert walls.block() in (ROOT / "ARCHITECTURE.md").read_text("utf-8")
