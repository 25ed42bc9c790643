"""The features the intent model reads from one question unit.

The same function serves training (:mod:`assistant.understand.training`) and classification
(:mod:`assistant.understand.model`), so that the two never drift apart. Features are chosen to
carry over to writers the model has never seen:

* ``w:`` word stems (folded: lower case, umlauts as ae/oe/ue, ß as ss; Snowball stems of the
  mail's language), numbers as ``0``. Function words stay: "wer", "wann", "wie viel", "who",
  "how much" are what tell eligibility from application process, deadline from duration;
* ``b:`` pairs of neighbouring stems ("wie_viel", "bis_wann", "who_can");
* ``c:`` character n-grams of three to five letters inside each word, with the word's edges
  marked: they survive typos ("Antarg"), dialect ("mitmache", "isch"), spelling without umlauts
  and German compounds ("Förderhöchstbetrag" shares "hoech", "betr" with "Höchstbetrag").
"""

from __future__ import annotations

import itertools
import re

from assistant.understand.normalize import fold, stem

_TOKEN = re.compile(r"[a-z0-9]+")
CHAR_MIN = 3
CHAR_MAX = 5
# Longer tokens are no words (hashes, URLs run together); they would only cost time.
_MAX_TOKEN = 40


def features(text: str, language: str) -> list[str]:
    """The feature strings of one unit, repeated as often as they occur."""
    tokens = [t if not t.isdigit() else "0" for t in _TOKEN.findall(fold(text))
              if len(t) <= _MAX_TOKEN]
    stems = [t if t == "0" else stem(t, language) for t in tokens]
    out = ["w:" + s for s in stems]
    out += [f"b:{a}_{b}" for a, b in itertools.pairwise(stems)]
    for token in tokens:
        if token.isdigit():
            continue
        padded = f" {token} "
        last = len(padded)
        for n in range(CHAR_MIN, CHAR_MAX + 1):
            out += ["c:" + padded[i:i + n] for i in range(max(last - n + 1, 1))]
    return out
