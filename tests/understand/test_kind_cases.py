"""Kind detection on synthetic fixtures (kind_fixtures/cases.yaml): headers, text, traps."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.parse import parse
from assistant.understand.kind import classify_kind

HERE = Path(__file__).parent / "kind_fixtures"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["file"].removesuffix(".eml") for c in CASES])
def test_kind(case: dict) -> None:
    """Each fixture gets the kind its case names (see `about` for the trap it sets)."""
    mail = parse((HERE / case["file"]).read_bytes())
    kind, reason = classify_kind(mail)
    assert case["kind"] == kind.value, f"{case['about']} — got {kind.value}: {reason}"
