"""The curated content: complete, consistent, documented; settings documented and masked."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from assistant import knowledge
from assistant.errors import KnowledgeError, SettingsError
from assistant.settings import Settings, mask, setting_names
from tests.helpers import ROOT, SHARED

TAXONOMY_INTENTS = {
    "eligibility", "funding_amount", "funded_activities", "application_process", "deadline",
    "duration", "joint_application", "participation", "stakeholders", "strategy_adoption",
    "programme_info", "guideline", "contact", "application_status", "out_of_scope",
}


def test_one_intent_file_per_taxonomy_intent() -> None:
    """intents/ holds exactly the taxonomy's intents, each with dozens of examples."""
    kb = knowledge.load(Settings.load({}))
    assert TAXONOMY_INTENTS == {i.id for i in kb.intents}
    for intent in kb.intents:
        assert len(intent.examples) >= 40, intent.id
        assert intent.title and intent.description


# Constants of the code that have a programme number's value by coincidence (not the number).
COINCIDENCES = {("assistant/review/decisions.py", "MAX_TEXT"),  # longest draft text, characters
                ("assistant/chat/ratelimit.py", "MAX_CLIENTS")}  # clients the limiter remembers


def _programme_numbers() -> tuple[set[int], re.Pattern[str]]:
    """The numbers of programme.yaml from 1,000 up, and a pattern for any way of writing them
    (50000, 50.000, 50,000, 50_000) or the duration in months ("18 Monate")."""
    programme = yaml.safe_load((ROOT / "knowledge" / "programme.yaml").read_text("utf-8"))
    found: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 1000:
            found.add(value)

    walk(programme)
    spellings = {f"{n:,}".replace(",", sep) for n in found for sep in ("", ".", ",", "_")}
    months = programme["funding"]["duration_months"]
    pattern = re.compile(r"(?<![\d.,_])(?:" + "|".join(sorted(map(re.escape, spellings)))
                         + r")(?![\d_]|[.,]\d)|\b" + f"{months} Monate")
    return found, pattern


def _literals(path: Path) -> list[tuple[int, str, object]]:
    """(line, assigned name, value) of every number and string in a module, docstrings aside."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                                | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    names = {id(node.value): target.id for node in ast.walk(tree)
             if isinstance(node, ast.Assign) for target in node.targets
             if isinstance(target, ast.Name)}
    return [(node.lineno, names.get(id(node), ""), node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and id(node) not in docstrings
            and isinstance(node.value, int | str) and not isinstance(node.value, bool)]


def test_every_number_is_stated_once() -> None:
    """The programme's numbers appear in programme.yaml only: never typed into answers, notices,
    reply templates, page templates or code (where they come from the knowledge)."""
    numbers, pattern = _programme_numbers()
    assert {50000, 10000, 30000, 2018} <= numbers
    repeated = []
    texts = [*(ROOT / "knowledge").glob("answers/*.yaml"), *(ROOT / "knowledge").glob(
        "notices/*.yaml"), *(ROOT / "knowledge" / "templates").rglob("*.j2"),
        ROOT / "knowledge" / "chat.yaml", *(ROOT / "assistant").rglob("templates/*.html"),
        *(ROOT / "assistant").rglob("static/*.js")]
    for path in texts:
        repeated += [f"{path.relative_to(ROOT)}: {m.group(0)}"
                     for m in pattern.finditer(path.read_text("utf-8"))]
    for path in (ROOT / "assistant").rglob("*.py"):
        where = str(path.relative_to(ROOT))
        if "/migrations/" in where:
            continue
        for line, name, value in _literals(path):
            if (where, name) in COINCIDENCES:
                continue
            if value in numbers if isinstance(value, int) else pattern.search(str(value)):
                repeated.append(f"{where}:{line}: {value!r}")
    assert [] == repeated


def test_the_number_check_sees_a_repeated_number(tmp_path: Path) -> None:
    """The check finds a programme number in code and in text, however it is written (so an
    empty result above means something), and leaves larger numbers alone."""
    numbers, pattern = _programme_numbers()
    probe = tmp_path / "probe.py"
    probe.write_text('"""Docstrings may say 50.000."""\nLIMIT = 50_000\nTEXT = "bis 30.000 Euro"\n'
                     'BIG = 50_000_000\nLONG = "18 Monate"\n')
    found = [(line, value) for line, _, value in _literals(probe)
             if (value in numbers if isinstance(value, int) else pattern.search(str(value)))]
    assert [(2, 50000), (3, "bis 30.000 Euro"), (5, "18 Monate")] == found
    assert not pattern.search("1.050.000 und 50.0001")


def test_programme_facts_match_the_press_release() -> None:
    """Each figure of programme.yaml is in the press release (skipped without ../shared)."""
    release = SHARED / "programme-press-release.de.txt"
    if not release.is_file():
        pytest.skip("../shared is absent")
    text = release.read_text("utf-8")
    for figure in ("50.000", "10.000", "30.000", "18 Monate", "2018", "27 Kommunen",
                   "landesprogrammWIR@hsm.hessen.de"):
        assert figure in text


def test_every_setting_is_documented_in_the_readme() -> None:
    """README's configuration table names every ASSISTANT_ variable."""
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [name for name in setting_names() if name not in readme]
    assert [] == missing


def test_every_intent_and_template_is_documented() -> None:
    """README names every intent id; each template language folder has a reply frame."""
    readme = (ROOT / "README.md").read_text("utf-8")
    assert [] == [i for i in sorted(TAXONOMY_INTENTS) if f"`{i}`" not in readme]
    for lang in ("de", "en"):
        assert (ROOT / "knowledge" / "templates" / lang / "reply.txt.j2").is_file()


def test_settings_from_environment_and_errors() -> None:
    """Values are typed; a malformed one names the variable; secrets are masked."""
    s = Settings.load({"ASSISTANT_CHAT_MIN_CONFIDENCE": "0.6", "ASSISTANT_FOUR_EYES": "no"})
    assert 0.6 == s.chat_min_confidence and s.four_eyes is False
    with pytest.raises(SettingsError, match="ASSISTANT_SEND_ATTEMPTS"):
        Settings.load({"ASSISTANT_SEND_ATTEMPTS": "many"})
    assert "postgresql://app:***@db:5432/x" == mask("postgresql://app:secret@db:5432/x")
    shown = dict((n, v) for n, v, _ in Settings.load(
        {"ASSISTANT_SECRET_KEY": "hunter2"}).describe())
    assert "hunter2" not in shown["ASSISTANT_SECRET_KEY"]


def test_settings_from_toml_file(tmp_path: Path) -> None:
    """A TOML file named by ASSISTANT_CONFIG is read; the environment wins over it."""
    config = tmp_path / "assistant.toml"
    config.write_text('poll_seconds = 5\nlog_level = "DEBUG"\n')
    s = Settings.load({"ASSISTANT_CONFIG": str(config), "ASSISTANT_LOG_LEVEL": "ERROR"})
    assert 5.0 == s.poll_seconds and "ERROR" == s.log_level


def test_broken_template_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """A syntax error in an answer fails at load time, naming the file."""
    import shutil

    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    (target / "answers" / "duration.yaml").write_text(
        "id: answer.duration\nversion: 1\nintent: duration\nde: '{{ p.funding.months '\n"
        "en: 'x'\n")
    with pytest.raises(KnowledgeError, match=re.escape("duration.yaml")):
        knowledge.load(Settings.load({"ASSISTANT_KNOWLEDGE_DIR": str(target)}))


def test_readme_settings_table_is_current() -> None:
    """The README's settings table is exactly `assistant config --format markdown`."""
    from assistant.settings import defaults_table

    assert defaults_table() in (ROOT / "README.md").read_text("utf-8")
