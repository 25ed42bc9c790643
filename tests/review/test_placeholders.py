"""Placeholder safety: drafts with holes in them cannot be approved (case table)."""

from __future__ import annotations

import pytest

from assistant.draft.placeholders import problems

SIGNATURE = "\n\nMit freundlichen Grüßen\nIhr Team Landesprogramm WIR\n"

# (text, expected reason keyword or None for "can be sent")
CASES = [
    ("Guten Tag Elisabeth Hartung,\n\nvielen Dank." + SIGNATURE, None),
    ("Sehr geehrte Damen und Herren,\n\nvielen Dank." + SIGNATURE, None),
    ("Sehr geehrter Herr Bürgermeister,\n\nvielen Dank." + SIGNATURE, None),
    ("Dear Ms Smith,\n\nthank you." + SIGNATURE, None),
    ("Liebe Kolleginnen und Kollegen,\n\ndanke." + SIGNATURE, None),
    ("Guten Tag,\n\nvielen Dank." + SIGNATURE, "Anrede"),
    ("Guten Tag ,\n\nvielen Dank." + SIGNATURE, "Anrede"),
    ("Guten Tag None,\n\nvielen Dank." + SIGNATURE, "Anrede"),
    ("Sehr geehrte Frau ,\n\nvielen Dank." + SIGNATURE, "Anrede"),
    ("Sehr geehrte Frau [Name],\n\nvielen Dank." + SIGNATURE, "Anrede"),
    ("Dear ,\n\nthank you." + SIGNATURE, "Anrede"),
    ("Guten Tag Frau Weber,\n\n[[BITTE ERGÄNZEN: Antwort zur Frist]]" + SIGNATURE, "Lücke"),
    ("Guten Tag Frau Weber,\n\nDie Frist endet am {{ p.deadline }}." + SIGNATURE, "Vorlagen"),
    ("Guten Tag Frau Weber,\n\n{% if x %}ja{% endif %}" + SIGNATURE, "Vorlagen"),
    ("   \n", "leer"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_placeholder_cases(text: str, expected: str | None) -> None:
    """Each case is accepted, or refused with a German reason naming the problem."""
    found = problems(text)
    if expected is None:
        assert found == []
    else:
        assert any(expected in reason for reason in found), found


def test_several_problems_are_all_named() -> None:
    """A draft with a gap and a missing name gets both reasons, not just the first."""
    found = problems("Guten Tag ,\n\n[[BITTE ERGÄNZEN: x]] und [[BITTE ERGÄNZEN: y]]")
    assert len(found) == 2
    assert "2 offene Lücken" in found[0]
