"""Leave-one-writer-out evaluation and ``assistant intents train``, on a small catalogue."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from assistant import crossval, knowledge
from assistant.knowledge import Intent
from assistant.settings import Settings
from assistant.understand import model as M
from tests.core import mail

CATALOGUE = {
    "duration": ["Wie lange läuft das Projekt?", "Wie viel Zeit haben wir?", "Laufzeit?",
                 "How long does it run?"],
    "contact": ["Wen kann ich anrufen?", "Gibt es eine Telefonnummer?", "Ansprechpartner?",
                "Who can we call?"],
    "out_of_scope": ["Gibt es Geld für den Sportplatz?", "Wo gibt es Deutschkurse?",
                     "Ist die Zuwendung steuerpflichtig?", "Fördern Sie Radwege?"],
}
# Wording only the writers of the folds use: it reads like a question about duration, and only
# a model that saw a fold with it learns that these writers mean whom to call.
ONLY_IN_A = "Wie lange dauert bei Ihnen ein Rückruf, und wie lange läuft so was?"


def write_fold(folder: Path, rows: list[tuple[str, list[str]]]) -> Path:
    (folder / "mails").mkdir(parents=True)
    with (folder / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for n, (text, intents) in enumerate(rows):
            name = f"m{n}.eml"
            (folder / "mails" / name).write_bytes(mail(text, subject="Frage"))
            fh.write(json.dumps({"file": name, "kind": "inquiry", "intents": intents,
                                 "population": None, "amount_eur": None, "state": None,
                                 "eligibility": "unknown", "language": "de"}) + "\n")
    return folder


@pytest.fixture
def folds(tmp_path: Path) -> dict[str, Path]:
    common = [("Wie lange läuft das denn?", ["duration"]), ("Wen rufe ich an?", ["contact"])]
    return {
        "a": write_fold(tmp_path / "set" / "a", [*common, (ONLY_IN_A, ["contact"])] * 2),
        "b": write_fold(tmp_path / "set" / "b", [*common, (ONLY_IN_A, ["contact"])] * 2),
        "dev": write_fold(tmp_path / "set" / "dev", common),
    }


@pytest.fixture(scope="module")
def small_knowledge() -> knowledge.Knowledge:
    settings = Settings.load({})
    loaded = knowledge.load(settings)
    intents = tuple(Intent(i, i, i, i, tuple(ex)) for i, ex in CATALOGUE.items())
    return replace(loaded, intents=intents)


def test_each_fold_is_measured_by_a_model_that_never_saw_it(
        small_knowledge: knowledge.Knowledge, folds: dict[str, Path]) -> None:
    """Fold "a" is scored by a model trained on "b" and the development set, and the other way
    round; both are reported beside the baseline, with their average and a reliability table."""
    result = crossval.cross_validate(small_knowledge, Settings.load({}),
                                     [folds["a"], folds["b"]], [folds["dev"]])
    assert ["set/a", "set/b"] == [f["fold"] for f in result["folds"]]
    for fold in result["folds"]:
        assert 0.0 <= fold["assistant"]["micro_f1"] <= 1.0
        assert 0.0 <= fold["baseline"]["micro_f1"] <= 1.0
    assert len(result["reliability"]) == 10
    assert "average" in crossval.format_text(result)


def test_a_writers_own_wording_is_not_known_when_the_writer_is_held_out(
        small_knowledge: knowledge.Knowledge, folds: dict[str, Path]) -> None:
    """With fold "b" (the same wording) in training, fold "a" is nearly perfect; without any
    fold that uses it, the wording is not known: the figure depends on what was held out."""
    settings = Settings.load({})
    with_b = crossval.cross_validate(small_knowledge, settings, [folds["a"], folds["b"]],
                                     [folds["dev"]])
    alone = crossval.cross_validate(small_knowledge, settings, [folds["a"], folds["dev"]], [])
    seen = next(f for f in with_b["folds"] if f["fold"] == "set/a")["assistant"]["micro_f1"]
    unseen = next(f for f in alone["folds"] if f["fold"] == "set/a")["assistant"]["micro_f1"]
    assert seen > unseen


def test_intents_train_writes_a_model_that_loads(tmp_path: Path, folds: dict[str, Path],
                                                 environ: dict[str, str]) -> None:
    """`assistant intents train --write` fits on the catalogue and labelled folders and writes
    intents/model.json, recording the catalogue's digest and the sets."""
    from assistant.commands import main

    intents_dir = tmp_path / "intents"
    intents_dir.mkdir()
    for intent_id, examples in CATALOGUE.items():
        (intents_dir / f"{intent_id}.yaml").write_text(yaml.safe_dump(
            {"id": intent_id, "title": intent_id, "description": intent_id,
             "examples": examples}), "utf-8")
    environ["ASSISTANT_INTENTS_DIR"] = str(intents_dir)
    assert 0 == main(["intents", "train", "--labelled", str(folds["a"]), str(folds["b"]),
                      "--always", str(folds["dev"]), "--write"], environ)
    trained = M.load(intents_dir / M.FILENAME)
    assert set(CATALOGUE) == set(trained.intents)
    assert ["set/dev", "set/a", "set/b"] == trained.trained["sets"]
    assert knowledge.catalogue_digest(knowledge.read_intents(intents_dir)) == \
        trained.trained["catalogue"]
