"""Which questions a mail asks: its question units, each scored by the learned intent model.

How it decides, in short (the README explains it for staff):

1. The mail's new text and subject are cut into units with roles
   (:mod:`assistant.understand.questions`): questions wherever they hide, statements, greetings,
   courtesy lines, the subject.
2. The intent model (:mod:`assistant.understand.model`, trained from the catalogue and labelled
   mails by ``assistant intents train``) gives each unit a calibrated confidence per intent.
3. Each question unit gets its best intent when that reaches the model's threshold, and further
   intents above a higher one; the subject line counts only with a high confidence; statements,
   greetings and courtesy lines get none (a stated population asks nothing).
4. An intent's confidence for the mail is its best unit's; the sentence is kept as evidence.
   A question unit that gets no intent is reported as unrecognised, so that the draft can mark
   it as a gap for staff. When no unit gets an intent, the classifier abstains.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.understand.model import IntentModel, choose
from assistant.understand.questions import Role, Unit, units
from assistant.values import IntentScore, Question

# A question this short is read together with the sentence before it as well ("Wer kann da
# weiterhelfen?" after the story names the topic); the better of the two readings counts.
SHORT_QUESTION_WORDS = 9


def unit_probabilities(model: IntentModel, found: Sequence[Unit], language: str) -> np.ndarray:
    """The model's probabilities for each unit (units × intents; zero for units that are
    neither a question nor the subject), a short question read with the sentence before it
    too."""
    probabilities = np.zeros((len(found), len(model.intents)), dtype=np.float32)
    scored = [k for k, u in enumerate(found) if u.role in (Role.QUESTION, Role.SUBJECT)]
    if scored:
        probabilities[scored] = model.probabilities([found[k].text for k in scored], language)
    joined, rows = [], []
    for index, unit in enumerate(found):
        if not unit.asks or unit.from_subject or len(unit.text.split()) >= SHORT_QUESTION_WORDS:
            continue
        # The nearest sentence before it names the topic ("Und wer hilft da weiter?").
        before = next((found[k] for k in range(index - 1, -1, -1)
                       if found[k].role in (Role.STATEMENT, Role.QUESTION)), None)
        if before is not None:
            joined.append(f"{before.text} {unit.text}")
            rows.append(index)
    if joined:
        together = model.probabilities(joined, language)
        for row, index in zip(together, rows, strict=True):
            probabilities[index] = np.maximum(probabilities[index], row)
    return probabilities


@dataclass(frozen=True, slots=True)
class Classified:
    intents: tuple[IntentScore, ...]
    questions: tuple[Question, ...]
    abstained: bool


class IntentClassifier:
    """Built once from the fitted model; ``classify`` is pure and thread-safe."""

    def __init__(self, model: IntentModel) -> None:
        self.model = model
        self.intent_ids = model.intents

    def classify(self, text: str, subject: str, language: str,
                 supplied: Iterable[Question] = (), terse: bool = True) -> Classified:
        """The intents the mail asks, best first, and each question with its intents.

        ``supplied`` are questions the conversation answers for the mail (a reply that gives
        the population we asked for completes ``eligibility``); they count as asked.
        """
        found = units(text, subject, terse=terse)
        return self.classify_units(found, language, supplied)

    def classify_units(self, found: tuple[Unit, ...], language: str,
                       supplied: Iterable[Question] = ()) -> Classified:
        keep = [k for k, u in enumerate(found) if u.role in (Role.QUESTION, Role.SUBJECT)]
        scored = [found[k] for k in keep]
        if keep:
            probabilities = unit_probabilities(self.model, found, language)[keep]
            confidences = self.model.calibration(probabilities)
        else:
            confidences = np.zeros((0, len(self.intent_ids)), dtype=np.float32)
        chosen = choose(confidences, [u.asks for u in scored],
                        [u.role is Role.SUBJECT for u in scored], self.model.decision)
        best: dict[str, IntentScore] = {}
        questions: list[Question] = list(supplied)
        for question in questions:
            for intent in question.intents:
                best[intent] = IntentScore(intent, 1.0, question.text)
        body_asks = any(u.asks and not u.from_subject for u in scored)
        for unit, row, columns in zip(scored, confidences, chosen, strict=True):
            intents = tuple(self.intent_ids[c] for c in columns)
            # An unrecognised subject line is no question of its own when the text asks.
            if intents or (unit.asks and not (unit.from_subject and body_asks)):
                role = "subject" if unit.from_subject else unit.role.value
                questions.append(Question(unit.text, intents, role))
            for column in columns:
                intent, confidence = self.intent_ids[column], round(float(row[column]), 3)
                if intent not in best or confidence > best[intent].confidence:
                    best[intent] = IntentScore(intent, confidence, unit.text)
        ordered = tuple(sorted(best.values(), key=lambda s: (-s.confidence, s.id)))
        return Classified(ordered, tuple(questions), not ordered)
