"""The intent model: trained from a catalogue and labelled mails, stored as plain JSON, and
computing exactly what scikit-learn computed in training."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ModelError
from assistant.understand import model as M
from assistant.understand import training as T
from assistant.understand.questions import Role, Unit, units

CATALOGUE = {
    "duration": ["Wie lange läuft das Projekt?", "How long does the project run?",
                 "Wie viel Zeit haben wir für die Strategie?", "Laufzeit der Förderung?"],
    "contact": ["Wer ist Ihr Ansprechpartner?", "Who can we call?",
                "Gibt es eine Telefonnummer?", "Wen kann ich anrufen?"],
    "out_of_scope": ["Wer hilft bei der Anerkennung ausländischer Führerscheine?",
                     "Gibt es Geld für den Sportplatz?", "Wo finde ich einen Deutschkurs?",
                     "Ist die Zuwendung umsatzsteuerpflichtig?"],
}


def sample(text: str, intents: set[str], group: str = "g1") -> T.Sample:
    return T.Sample(units(text), "de", frozenset(intents), group)


@pytest.fixture(scope="module")
def fitted() -> T.Fitted:
    return T.fit(CATALOGUE, [])


def test_probabilities_equal_scikit_learns(fitted: T.Fitted) -> None:
    """The model's own arithmetic (TF-IDF, L2 norm, weights, sigmoid) gives scikit-learn's
    predict_proba, so nothing of scikit-learn is needed at run time."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from assistant.understand.features import features

    texts = [t for examples in CATALOGUE.values() for t in examples]
    intents = [i for i, examples in CATALOGUE.items() for _ in examples]
    vectorizer = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, lowercase=False)
    x = vectorizer.fit_transform([features(t, "de") for t in texts])
    query = "Wie lange dauert das Projekt und wen rufe ich an?"
    model = fitted.model()
    ours = model.probabilities([query], "de")[0]
    for column, intent in enumerate(model.intents):
        reference = LogisticRegression(C=T.Params().c, solver="liblinear").fit(
            x, np.array([i == intent for i in intents]))
        expected = reference.predict_proba(vectorizer.transform([features(query, "de")]))[0, 1]
        assert expected == pytest.approx(float(ours[column]), abs=1e-5)


def test_saved_model_loads_to_the_same_answers(fitted: T.Fitted, tmp_path: Path) -> None:
    """The JSON file round-trips: the loaded model gives the same confidences and decision."""
    model = fitted.model(M.Decision(0.4, 0.6, 0.8), M.Calibration(1.2, 0.3), {"catalogue": "x"})
    path = tmp_path / M.FILENAME
    M.save(model, path)
    loaded = M.load(path)
    texts = ["Wie lange läuft das?", "Wen kann ich anrufen?"]
    # The weights are stored in half precision: the confidences agree to three decimals.
    assert np.allclose(model.confidences(texts, "de"), loaded.confidences(texts, "de"),
                       atol=1e-3)
    assert (model.decision, model.calibration, {"catalogue": "x"}) == (
        loaded.decision, loaded.calibration, loaded.trained)


def test_model_file_is_plain_json(fitted: T.Fitted, tmp_path: Path) -> None:
    """No pickled objects: the file is JSON with the documented keys."""
    path = tmp_path / M.FILENAME
    M.save(fitted.model(), path)
    data = json.loads(path.read_text("utf-8"))
    assert {"format", "version", "intents", "vocabulary", "idf", "coef", "intercept", "decision",
            "calibration", "trained", "features"} == set(data)
    assert M.FORMAT == data["format"]


@pytest.mark.parametrize("change", [
    {"format": "pickle"},
    {"coef": "AAAA"},
    {"decision": {"question": "high"}},
])
def test_malformed_model_is_a_clear_error(fitted: T.Fitted, tmp_path: Path,
                                          change: dict[str, object]) -> None:
    """A wrong format, weights of the wrong size or a bad threshold raise ModelError."""
    path = tmp_path / M.FILENAME
    M.save(fitted.model(), path)
    data = json.loads(path.read_text("utf-8")) | change
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ModelError):
        M.load(path)


def test_choose_takes_the_best_intent_of_a_question_and_others_only_above_more() -> None:
    """A question gets its best intent at `question`, a second only at `question_more`;
    a statement gets none; the subject needs `subject`."""
    rows = np.array([[0.45, 0.40, 0.1], [0.9, 0.8, 0.7], [0.9, 0.1, 0.1], [0.6, 0.2, 0.1]])
    decision = M.Decision(question=0.3, question_more=0.75, subject=0.7)
    assert [[0], [0, 1], [], []] == M.choose(rows, [True, True, False, False],
                                            [False, False, False, True], decision)


def test_a_new_example_changes_the_result_after_retraining() -> None:
    """Staff add a phrasing to the catalogue; after training the model finds its intent."""
    question = "Hamm mer do e Schbrechstunde?"
    before = T.fit(CATALOGUE, []).model()
    catalogue = CATALOGUE | {"contact": [*CATALOGUE["contact"], question]}
    after = T.fit(catalogue, []).model()
    column = list(CATALOGUE).index("contact")
    assert after.probabilities([question], "de")[0, column] > \
        before.probabilities([question], "de")[0, column] + 0.2


def test_labelled_mail_teaches_the_unit_that_asks() -> None:
    """A labelled mail gives its intent to the question, and its statements become examples of
    no intent: after training, the statement pulls the intent less than before."""
    statement = "Wir sind eine kleine Gemeinde mit vielen Vereinen."
    mails = [sample(f"{statement} Wen kann ich anrufen?", {"contact"}, f"g{n}")
             for n in range(3)]
    without = T.fit(CATALOGUE, []).model()
    trained = T.fit(CATALOGUE, mails).model()
    column = list(CATALOGUE).index("contact")
    assert trained.probabilities([statement], "de")[0, column] < \
        without.probabilities([statement], "de")[0, column]


def test_training_chooses_thresholds_and_reports_held_out_figures() -> None:
    """``train`` holds each group out once, fits a calibration and thresholds on those
    predictions, and reports per-group figures and a reliability table over all bands."""
    mails = [sample("Wie lange läuft das Projekt?", {"duration"}, "a"),
             sample("Wen kann ich anrufen?", {"contact"}, "a"),
             sample("Gibt es Geld für den Sportplatz?", {"out_of_scope"}, "b"),
             sample("Wie viel Zeit haben wir?", {"duration"}, "b")]
    model, report = T.train(CATALOGUE, mails, tune_groups=["a", "b"])
    assert {"a", "b"} == set(report.per_group)
    assert len(T.BANDS) - 1 == len(report.reliability)
    assert 0.0 <= model.decision.question <= model.decision.question_more
    assert {"micro_f1", "macro_f1", "per_group", "reliability"} <= set(
        model.trained["cross_validated"])


def test_supplied_intents_count_but_are_not_taught() -> None:
    """An intent the conversation supplies is added to the prediction, not learned."""
    model = T.fit(CATALOGUE, []).model()
    found = T.predict(model, T.Sample((Unit("Wir haben 7.450 Einwohner.", Role.STATEMENT),),
                                      "de", frozenset(), "g", frozenset({"eligibility"})))
    assert {"eligibility"} == found
