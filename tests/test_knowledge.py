"""The curated content: complete, consistent, documented; settings documented and masked."""

from __future__ import annotations

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


def test_every_number_is_stated_once() -> None:
    """The programme's numbers appear in programme.yaml, never typed into answers or notices."""
    programme = yaml.safe_load((ROOT / "knowledge" / "programme.yaml").read_text("utf-8"))
    numbers = {"50000", "50.000", "10000", "10.000", "30000", "30.000", "18 Monate", "2018"}
    assert programme["eligibility"]["population_below"] == 50000
    for folder in ("answers", "notices"):
        for path in (ROOT / "knowledge" / folder).glob("*.yaml"):
            text = path.read_text("utf-8")
            for number in numbers:
                assert number not in text, f"{path.name} repeats {number}"


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
