"""Answers and notices (``knowledge/answers/<id>.yaml``, ``knowledge/notices/<id>.yaml``): the
checked :class:`Entry` with its :class:`Part` statements.

An answer or notice may be made of several ``parts``; a part marked ``time_bound: true`` carries
``valid_until`` (and optionally ``as_of``), set by staff, and a ``question`` for the gap a draft
shows when the statement does not hold on the day of the draft. A template error names the file
and the line of the text it is in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from jinja2 import Template, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.errors import KnowledgeError
from assistant.knowledge.source import Source, read_yaml

LANGUAGES = ("de", "en")


@dataclass(frozen=True, slots=True)
class Part:
    """One statement of an entry: its text per language, and when it is dated, its dates.

    A *time-bound* statement ("Für das laufende Jahr stehen noch Fördermittel zur Verfügung")
    holds only for a while: it is stated in a draft only while its ``valid_until`` (set by staff)
    lies after the day of the draft, and from its ``as_of`` on when that is given. Otherwise the
    draft gets a gap that asks staff ``question`` and offers the statement as a suggestion.
    """

    texts: Mapping[str, Template]
    time_bound: bool = False
    valid_until: date | None = None
    as_of: date | None = None
    question: Mapping[str, str] = field(default_factory=dict)

    def holds_on(self, day: date) -> bool:
        """Whether the statement may be made in a draft made on ``day``."""
        if not self.time_bound:
            return True
        return (self.valid_until is not None and day < self.valid_until
                and (self.as_of is None or self.as_of <= day))


@dataclass(frozen=True, slots=True)
class Entry:
    """An answer or notice: text templates per language, or a gap topic for staff.

    Its text is one part, or several (``parts:`` in the file) when only some of its sentences
    are time-bound; the parts are rendered in order and joined by a space."""

    id: str
    version: str
    intent: str | None
    parts: tuple[Part, ...]
    gap: Mapping[str, str]
    # The variables the texts use besides the programme facts: none means the text is the same
    # for every mail and can be rendered once.
    variables: frozenset[str] = frozenset()
    # A notice's ``for_intent``: the intent it answers (the chat shows it as that answer).
    for_intent: str | None = None
    # ``four_eyes: true``: about money or eligibility; with ASSISTANT_FOUR_EYES on, a draft with
    # this text (or asking this answer's intent) needs a second reviewer.
    four_eyes: bool = False
    # Words that mark a question this answer covers only in part ("verlängern" for the
    # duration): the draft answers what the knowledge says and marks the rest for staff.
    beyond: tuple[str, ...] = ()
    # An answer that makes sense only for a town that may apply; after a "not eligible" verdict
    # its question goes to staff instead.
    only_if_eligible: bool = False

    @property
    def is_gap(self) -> bool:
        return bool(self.gap)

    @property
    def texts(self) -> Mapping[str, Template]:
        """The text templates of an entry made of one part (the notices, most answers)."""
        if len(self.parts) != 1:
            raise ValueError(f"{self.id} has {len(self.parts)} parts")
        return self.parts[0].texts

    @property
    def time_bound(self) -> bool:
        return any(part.time_bound for part in self.parts)


def _day(where: str, data: Mapping[str, Any], key: str) -> date | None:
    """A date field (``valid_until``, ``as_of``): YYYY-MM-DD, or empty."""
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise KnowledgeError(f"{where}: {key}: {value!r} is not a date (YYYY-MM-DD)") from None


def text_lines(text: str) -> dict[tuple[Any, ...], int]:
    """The file line (from 1) where each language text of an entry begins, keyed by its place
    (``("de",)``, ``("parts", 0, "en")``); empty when the text is no YAML mapping."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    found: dict[tuple[Any, ...], int] = {}

    def walk(node: yaml.Node, place: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = getattr(key, "value", None)
                if name in LANGUAGES and isinstance(value, yaml.ScalarNode):
                    block = value.style in ("|", ">")
                    found[(*place, name)] = value.start_mark.line + 1 + (1 if block else 0)
                elif name == "parts" and isinstance(value, yaml.SequenceNode):
                    for number, item in enumerate(value.value):
                        walk(item, ("parts", number))

    if root is not None:
        walk(root, ())
    return found


def _part(where: str, data: Mapping[str, Any], env: ImmutableSandboxedEnvironment,
          variables: set[str], lines: Mapping[tuple[Any, ...], int] | None = None,
          place: tuple[Any, ...] = ()) -> Part:
    texts = {}
    for lang in LANGUAGES:
        if lang in data:
            try:
                source = str(data[lang]).strip()
                variables |= meta.find_undeclared_variables(env.parse(source))
                texts[lang] = env.from_string(source)
            except Exception as exc:
                first = (lines or {}).get((*place, lang))
                line = (first or 1) + (getattr(exc, "lineno", None) or 1) - 1
                at = f", line {line}" if first else ""
                raise KnowledgeError(f"{where}{at}: {lang}: {exc}") from exc
    if set(texts) != set(LANGUAGES):
        raise KnowledgeError(f"{where}: needs a text for each of {', '.join(LANGUAGES)}")
    time_bound = data.get("time_bound", False)
    if not isinstance(time_bound, bool):
        raise KnowledgeError(f"{where}: time_bound must be true or false")
    valid_until, as_of = _day(where, data, "valid_until"), _day(where, data, "as_of")
    question = data.get("question") or {}
    if not time_bound:
        if valid_until or as_of or question:
            raise KnowledgeError(f"{where}: valid_until, as_of and question belong to a "
                                 "statement marked time_bound: true")
    elif not isinstance(question, Mapping) or set(question) != set(LANGUAGES):
        raise KnowledgeError(f"{where}: a time-bound statement needs a 'question' for staff in "
                             f"each of {', '.join(LANGUAGES)}")
    if valid_until and as_of and as_of >= valid_until:
        raise KnowledgeError(f"{where}: as_of {as_of} is not before valid_until {valid_until}")
    return Part(texts=texts, time_bound=time_bound, valid_until=valid_until, as_of=as_of,
                question={k: " ".join(str(v).split()) for k, v in question.items()})


def parse_entry(source: Source, name: str, env: ImmutableSandboxedEnvironment) -> Entry:
    """One answer or notice (``answers/<id>.yaml``, ``notices/<id>.yaml``), checked."""
    where = source.where(name)
    data = read_yaml(source, name)
    lines = text_lines(source.text(name))
    if not isinstance(data, dict) or "id" not in data or "version" not in data:
        raise KnowledgeError(f"{where}: needs at least 'id' and 'version'")
    gap = data.get("gap") or {}
    variables: set[str] = set()
    parts: tuple[Part, ...] = ()
    if gap:
        if set(gap) != set(LANGUAGES):
            raise KnowledgeError(f"{where}: 'gap' needs a topic for each of {', '.join(LANGUAGES)}")
    elif "parts" in data:
        if not isinstance(data["parts"], list) or not data["parts"] or not all(
                isinstance(item, dict) for item in data["parts"]):
            raise KnowledgeError(f"{where}: 'parts' must be a list of statements")
        parts = tuple(_part(where, item, env, variables, lines, ("parts", number))
                      for number, item in enumerate(data["parts"]))
    else:
        parts = (_part(where, data, env, variables, lines),)
    beyond = data.get("beyond") or []
    if not isinstance(beyond, list) or not all(isinstance(b, str) and b.strip() for b in beyond):
        raise KnowledgeError(f"{where}: 'beyond' must be a list of words")
    return Entry(id=str(data["id"]), version=str(data["version"]), intent=data.get("intent"),
                 parts=parts, gap=gap, variables=frozenset(variables - {"p", "lang"}),
                 for_intent=data.get("for_intent"), four_eyes=bool(data.get("four_eyes", False)),
                 beyond=tuple(b.strip().lower() for b in beyond),
                 only_if_eligible=bool(data.get("only_if_eligible", False)))


def parse_entries(source: Source, folder: str, env: ImmutableSandboxedEnvironment
                  ) -> dict[str, Entry]:
    """Every entry of ``folder`` (``"answers/"``, ``"notices/"``), by its file's stem."""
    return {name[len(folder):-len(".yaml")]: parse_entry(source, name, env)
            for name in source.names(folder, ".yaml")}
