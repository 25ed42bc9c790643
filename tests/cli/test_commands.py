"""The command line: classify, draft and evaluate as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.commands import main
from tests.core import mail
from tests.helpers import ROOT

DEMO = sorted((ROOT / "mailbox" / "demo").glob("*.eml"))
DEV = ROOT / "tests" / "evaluation" / "dev"


def test_classify_json_one_object_per_file_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints exactly one object per file, in input order, with the contract keys."""
    files = [str(p) for p in DEMO[:4]]
    assert 0 == main(["classify", *files, "--format", "json"])
    lines = capsys.readouterr().out.strip().splitlines()
    objects = [json.loads(line) for line in lines]
    assert files == [o["file"] for o in objects]
    keys = {"file", "kind", "intents", "questions", "facts", "register", "eligibility",
            "eligibility_basis", "language"}
    for o in objects:
        assert keys == set(o)
        assert {"population", "amount_eur", "municipality", "state"} == set(o["facts"])
        if o["kind"] != "inquiry":
            assert [] == o["intents"] == o["questions"] and o["eligibility"] is None
        # Every intent comes from a question; every question lists its own.
        assert {i["id"] for i in o["intents"]} == {i for q in o["questions"]
                                                   for i in q["intents"]}
        confidences = [i["confidence"] for i in o["intents"]]
        assert confidences == sorted(confidences, reverse=True)
        assert all(0.0 <= c <= 1.0 for c in confidences)


def test_classify_json_lists_each_question_with_its_intents(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each question of the mail is listed in order with the intents found in it; a question
    the model cannot place is listed with no intents (unrecognised)."""
    path = tmp_path / "m.eml"
    path.write_bytes(mail("Sehr geehrte Damen und Herren,\n\nwie hoch ist die Förderung "
                          "maximal? Und wie lange läuft das Projekt?\n\nMit freundlichen Grüßen"))
    main(["classify", str(path), "--format", "json"])
    questions = json.loads(capsys.readouterr().out)["questions"]
    assert 2 == len(questions)
    assert ["funding_amount"] == questions[0]["intents"]
    assert "duration" == questions[1]["intents"][0]
    assert questions[0]["text"].lower().startswith("wie hoch")


def test_classify_missing_file_goes_on_and_exits_2(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is reported on stderr; the others are processed; exit code 2."""
    good = tmp_path / "good.eml"
    good.write_bytes(mail("Wie hoch ist die Förderung maximal?"))
    code = main(["classify", str(tmp_path / "missing.eml"), str(good), "--format", "json"])
    out, err = capsys.readouterr()
    assert 2 == code
    assert "missing.eml" in err
    assert [str(good)] == [json.loads(line)["file"] for line in out.strip().splitlines()]


def test_classify_reads_standard_input() -> None:
    """'-' reads one mail from standard input."""
    result = subprocess.run([sys.executable, "-m", "assistant", "classify", "-", "--format",
                             "json"], input=mail("Bis wann müssen wir den Antrag stellen?"),
                            capture_output=True, check=True, cwd=ROOT)
    obj = json.loads(result.stdout)
    assert "-" == obj["file"] and "inquiry" == obj["kind"]


def test_register_fills_in_a_named_real_town(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A real Hessian town without a stated population gets the register's figure and state."""
    path = tmp_path / "m.eml"
    path.write_bytes(mail("die Gemeinde Wetzlar möchte wissen, ob sie einen Antrag stellen darf?"))
    main(["classify", str(path), "--format", "json"])
    obj = json.loads(capsys.readouterr().out)
    assert obj["facts"]["population"] is None
    assert "Hessen" == obj["register"]["state"]
    assert "not_eligible" == obj["eligibility"] and "register" == obj["eligibility_basis"]


def test_draft_json_has_blocks_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """assistant draft --format json lists the blocks with their knowledge source and version."""
    assert 0 == main(["draft", str(DEMO[0]), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert result["draft"]["blocks"]
    assert all(b["source"] and b["version"] for b in result["draft"]["blocks"])


def test_evaluate_reports_metrics(capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate prints accuracy, per-intent figures and micro/macro F1 as JSON."""
    assert 0 == main(["evaluate", str(DEV), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert 70 == result["mails"]
    assert {"kind_accuracy", "intent_micro_f1", "intent_macro_f1", "per_intent",
            "fact_accuracy", "eligibility_accuracy", "confusions", "misses"} <= set(result)


# Libraries that take long to import; `assistant --help` must not need any of them.
HEAVY = ("asyncio", "sqlalchemy", "starlette", "numpy", "jinja2", "yaml", "uvicorn", "alembic")


def test_building_the_parser_imports_nothing_heavy() -> None:
    """Building every command's parser (what `assistant --help` does) imports none of the slow
    libraries: the command modules import them inside their command functions. Checked in a
    fresh interpreter, where nothing else has imported them yet."""
    probe = ("import sys; from assistant.commands import build_parser; build_parser(); "
             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert "" == result.stdout.strip()


def test_help_lists_every_command() -> None:
    """`assistant --help` exits 0 and names every command group."""
    result = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True,
                            text=True, check=True, cwd=ROOT)
    for command in ("classify", "draft", "evaluate", "config", "run", "demo", "drafts",
                    "conversations", "db", "status", "serve", "send", "users", "intents",
                    "report", "history", "privacy"):
        assert f"    {command}" in result.stdout
