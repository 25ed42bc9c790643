"""Small helpers shared by the tests: where things are, and the shared folder when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip the test when the checkout has none (a fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared exists only in CI and dev machines)")
    return path
