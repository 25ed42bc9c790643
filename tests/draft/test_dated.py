"""Dated knowledge: a time-bound statement is stated only while its valid_until lies ahead."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant import knowledge
from assistant.commands import main
from assistant.draft import GAP_MARKER, Drafter
from assistant.flow import Pipeline
from assistant.parse import parse
from assistant.settings import Settings
from assistant.values import Drafted, Processed
from tests.core import mail, run
from tests.helpers import ROOT

DECEMBER = date(2026, 12, 5)
FUNDS_DE = "Für das laufende Jahr stehen noch Fördermittel zur Verfügung"
DEADLINE_MAIL = mail("Können wir den Antrag jetzt noch stellen? Gibt es noch Fördermittel?")


def knowledge_copy(tmp_path: Path, deadline_dates: str) -> Path:
    """The checkout's knowledge with ``deadline_dates`` ("valid_until: …") on the deadline
    answer's time-bound part."""
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    path = target / "answers" / "deadline.yaml"
    text = path.read_text("utf-8")
    assert "    valid_until:\n    as_of:\n" in text
    path.write_text(text.replace("    valid_until:\n    as_of:\n", deadline_dates), "utf-8")
    return target


def draft_on(folder: Path | None, today: date, raw: bytes = DEADLINE_MAIL):
    settings = Settings.load({} if folder is None else {"ASSISTANT_KNOWLEDGE_DIR": str(folder)})
    flow = Pipeline(settings, knowledge.load(settings))
    flow.drafter = Drafter(flow.knowledge, today=today)
    item = flow.run(Processed(parse(raw)))
    assert isinstance(item, Drafted)
    return item.draft


def deadline_block(draft):
    return next(b for b in draft.blocks if b.source == "answer.deadline")


def test_undated_statement_is_a_gap_with_the_statement_as_suggestion() -> None:
    """Without valid_until the "funds for the current year" sentence is never stated as a
    fact: staff get a gap that asks the question and offers the sentence; the draft needs staff;
    the timeless sentence of the same answer stays."""
    draft = draft_on(None, DECEMBER)
    block = deadline_block(draft)
    assert block.gap and draft.needs_staff and "gap: answer.deadline" in draft.staff_reasons
    marker = GAP_MARKER.search(block.text)
    assert marker is not None
    assert "Stehen für das laufende Jahr noch Fördermittel zur Verfügung?" in marker.group(0)
    assert f"Vorschlag: „{FUNDS_DE}" in marker.group(0)
    assert FUNDS_DE not in GAP_MARKER.sub("", draft.text)
    assert "Den Link zur Onlineantragstellung finden Sie auf" in block.text


def test_statement_is_stated_while_valid_until_lies_ahead(tmp_path: Path) -> None:
    """With valid_until after the day of the draft the sentence is stated, with no gap."""
    folder = knowledge_copy(tmp_path, "    valid_until: 2026-12-31\n    as_of: 2026-03-01\n")
    draft = draft_on(folder, DECEMBER)
    block = deadline_block(draft)
    assert not block.gap and not GAP_MARKER.search(draft.text)
    assert block.text.startswith(FUNDS_DE)


@pytest.mark.parametrize("today", [date(2026, 12, 31), date(2027, 1, 15)],
                         ids=["on valid_until", "after"])
def test_statement_is_a_gap_from_valid_until_on(tmp_path: Path, today: date) -> None:
    """On the day of valid_until and after it the statement is a gap again."""
    folder = knowledge_copy(tmp_path, "    valid_until: 2026-12-31\n    as_of:\n")
    block = deadline_block(draft_on(folder, today))
    assert block.gap and FUNDS_DE not in GAP_MARKER.sub("", block.text)


def test_statement_is_a_gap_before_its_as_of(tmp_path: Path) -> None:
    """A statement confirmed as of a later day is not stated before that day."""
    folder = knowledge_copy(tmp_path, "    valid_until: 2027-12-31\n    as_of: 2027-01-01\n")
    assert deadline_block(draft_on(folder, DECEMBER)).gap


def test_english_gap_offers_the_english_statement() -> None:
    """An English draft asks and suggests in English."""
    draft = draft_on(None, DECEMBER, mail(
        "Dear Sir or Madam,\n\nis there still money available this year, and what is the "
        "deadline for applications?\n\nKind regards\nJane Doe"))
    block = deadline_block(draft)
    assert "[[PLEASE COMPLETE: Are funds still available for the current year? Suggestion: " \
           "“Funds are still available" in block.text


@pytest.mark.parametrize(("fields", "message"), [
    ("    valid_until: 31.12.2026\n    as_of:\n", "is not a date"),
    ("    valid_until: 2026-12-31\n    as_of: 2027-01-01\n", "is not before valid_until"),
])
def test_malformed_dates_are_errors_naming_the_file(tmp_path: Path, fields: str,
                                                    message: str) -> None:
    """A date that is no YYYY-MM-DD, or an as_of after valid_until, fails at load time."""
    folder = knowledge_copy(tmp_path, fields)
    with pytest.raises(knowledge.KnowledgeError, match=rf"deadline\.yaml.*{message}"):
        knowledge.load(Settings.load({"ASSISTANT_KNOWLEDGE_DIR": str(folder)}))


def test_valid_until_without_time_bound_is_an_error(tmp_path: Path) -> None:
    """valid_until on a statement not marked time_bound is a mistake, reported at load time."""
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    path = target / "answers" / "duration.yaml"
    path.write_text(path.read_text("utf-8") + "valid_until: 2027-01-01\n", "utf-8")
    with pytest.raises(knowledge.KnowledgeError, match=r"duration\.yaml.*time_bound"):
        knowledge.load(Settings.load({"ASSISTANT_KNOWLEDGE_DIR": str(target)}))


def test_time_bound_statement_needs_a_question_for_staff(tmp_path: Path) -> None:
    """A time-bound statement without the question for its gap cannot be loaded."""
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    path = target / "answers" / "duration.yaml"
    path.write_text(path.read_text("utf-8") + "time_bound: true\n", "utf-8")
    with pytest.raises(knowledge.KnowledgeError, match=r"duration\.yaml.*question"):
        knowledge.load(Settings.load({"ASSISTANT_KNOWLEDGE_DIR": str(target)}))


def test_the_drafter_uses_today_by_default() -> None:
    """Without a day the drafter drafts as of the current day (the shipped undated statement
    is a gap whatever the day)."""
    item = run(DEADLINE_MAIL)
    assert item.draft is not None and deadline_block(item.draft).gap


def check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
          folder: Path | None, *args: str) -> tuple[int, dict]:
    if folder is not None:
        monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(folder))
    code = main(["knowledge", "check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_check_lists_the_undated_statement_and_fails(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped deadline statement has no date: listed as undated, exit code 1."""
    code, result = check(capsys, monkeypatch, None, "--today", "2026-12-05")
    assert 1 == code and result["ok"] is False
    assert [("answer.deadline", 1, "undated")] == [
        (s["entry"], s["part"], s["status"]) for s in result["statements"]]


@pytest.mark.parametrize(("valid_until", "today", "status", "code"), [
    ("2026-12-06", "2026-12-05", "expiring", 0),
    ("2027-01-04", "2026-12-05", "expiring", 0),
    ("2026-12-05", "2026-12-05", "expired", 1),
    ("2026-06-30", "2026-12-05", "expired", 1),
])
def test_check_lists_expired_and_expiring_statements(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        valid_until: str, today: str, status: str, code: int) -> None:
    """Expiring within 30 days is listed and passes; expired is listed and fails."""
    folder = knowledge_copy(tmp_path, f"    valid_until: {valid_until}\n    as_of:\n")
    exit_code, result = check(capsys, monkeypatch, folder, "--today", today)
    assert (code, [status]) == (exit_code, [s["status"] for s in result["statements"]])


def test_check_passes_and_lists_nothing_when_all_are_valid(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A statement valid for more than 30 more days is counted, not listed; exit code 0."""
    folder = knowledge_copy(tmp_path, "    valid_until: 2027-06-30\n    as_of:\n")
    code, result = check(capsys, monkeypatch, folder, "--today", "2026-12-05")
    assert (0, [], 1) == (code, result["statements"], result["time_bound"])


def test_check_as_text_names_status_and_file(capsys: pytest.CaptureFixture[str]) -> None:
    """The text listing names the status, the entry and its file, and sums up."""
    assert 1 == main(["knowledge", "check", "--today", "2026-12-05"])
    out = capsys.readouterr().out
    assert "undated   answer.deadline" in out and "deadline.yaml" in out
    assert "1 time-bound statement(s) on 2026-12-05: 1 undated, 0 expired" in out
