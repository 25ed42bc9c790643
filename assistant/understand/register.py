"""The municipality register: find a named town, its district, state and official population.

Names are matched in a normalized form: folded case and umlauts, parenthetical qualifiers
dropped ("Langen (Hessen)" → "langen"), "a. d." / "v. d." expanded, and river suffixes
("am Main", "an der Lahn") optional, so that "Offenbach", "Marburg an der Lahn" and "Bad Homburg"
are found. District names are indexed the same way, which lets a mail that names its Landkreis
imply its state.

Ambiguity is handled on purpose: a name that exists in several states is resolved by a state or
district the mail names; failing that, the Hessian town is taken (the mail is written to a
Hessian programme) and marked ``ambiguous`` so that staff check it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from assistant.understand.normalize import fold
from assistant.values import RegisterEntry

_QUALIFIER = re.compile(r"\s*\([^)]*\)")
_ABBREVIATIONS = (
    (re.compile(r"\ba\.\s*d\.\s*"), "an der "), (re.compile(r"\bv\.\s*d\.\s*"), "vor der "),
    (re.compile(r"\bi\.\s*"), "im "), (re.compile(r"\bb\.\s*"), "bei "),
    (re.compile(r"\bst\.\s*"), "sankt "),
)
_SUFFIX_WORD = re.compile(r"\s(?:am|an der|an den|in der|im|ob der|vor der|bei|auf der|in)\s+"
                          r"([\w\-]+)")
_SUFFIX = re.compile(r"\s+(?:am|an der|an den|in der|im|ob der|vor der|bei|auf der|in)\s+[\w\- ]+$")


def name_key(name: str) -> str:
    text = fold(name)
    text = _QUALIFIER.sub("", text)
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = re.sub(r"[^a-z0-9 \-]", " ", text)
    return " ".join(text.replace("-", " - ").split()).replace(" - ", "-")


def district_key(name: str) -> str:
    key = name_key(name)
    for prefix in ("landkreis ", "kreis ", "regionalverband ", "stadtkreis "):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


class Register:
    """Lookups over the municipality rows (as read from the register CSV)."""

    def __init__(self, rows: Iterable[Mapping[str, str]], home_state: str) -> None:
        self.home_state = home_state
        self.by_name: dict[str, list[RegisterEntry]] = defaultdict(list)
        self.district_states: dict[str, set[str]] = defaultdict(set)
        self.district_names: dict[str, str] = {}
        self.states: set[str] = set()
        # The first words of the suffixes of names ("an der Lahn", "am Main"), folded.
        suffixes: set[str] = set()
        for row in rows:
            try:
                entry = RegisterEntry(ags=row["ags"], name=row["name"], kind=row["kind"],
                                      district=row["district"], state=row["state"],
                                      population=int(row["population"]))
            except (KeyError, ValueError):
                continue
            self.states.add(entry.state)
            suffix = _SUFFIX_WORD.search(_QUALIFIER.sub("", entry.name))
            if suffix:
                suffixes.add(fold(suffix.group(1)))
            keys = {name_key(entry.name), name_key(_SUFFIX.sub("", _QUALIFIER.sub("", entry.name)))}
            for key in keys:
                if entry not in self.by_name[key]:
                    self.by_name[key].append(entry)
            if entry.kind not in ("Kreisfreie Stadt", "Stadtkreis"):
                dkey = district_key(entry.district)
                self.district_states[dkey].add(entry.state)
                self.district_names[dkey] = entry.district
        self.suffixes = frozenset(suffixes)

    def district_state(self, name: str) -> str | None:
        """The state of a district named in a mail ("Schwalm-Eder-Kreis", "Kreis Offenbach")."""
        key = district_key(name)
        # "Main-Kinzig district" and "Vogelsberg district" name the Main-Kinzig-Kreis and the
        # Vogelsbergkreis.
        for candidate in (key, f"{key}-kreis", f"{key}kreis"):
            states = self.district_states.get(candidate)
            if states and len(states) == 1:
                return next(iter(states))
        return None

    def find(self, name: str, state: str | None = None, district: str | None = None
             ) -> RegisterEntry | None:
        """The municipality called ``name``; ``state``/``district`` resolve homonyms."""
        candidates = self.by_name.get(name_key(name), [])
        if not candidates:
            return None
        exact = [c for c in candidates if name_key(c.name) == name_key(name)]
        pool = exact or candidates
        if district:
            in_district = [c for c in pool if district_key(c.district) == district_key(district)]
            if in_district:
                pool = in_district
        if state:
            in_state = [c for c in pool if c.state == state]
            if not in_state:
                return None
            pool = in_state
        if len(pool) == 1:
            return pool[0]
        home = [c for c in pool if c.state == self.home_state]
        if len(home) == 1:
            c = home[0]
            return RegisterEntry(c.ags, c.name, c.kind, c.district, c.state, c.population,
                                 ambiguous=True)
        return None
