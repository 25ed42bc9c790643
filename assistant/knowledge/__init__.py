"""The knowledge loader: the only module that reads ``intents/`` and ``knowledge/``.

Everything specific to the KIV funding line lives in those two folders, curated by programme
staff: the intent catalogue (``intents/<id>.yaml``), the programme's facts
(``knowledge/programme.yaml``), one answer per intent (``knowledge/answers/``), the rule-driven
notices (``knowledge/notices/``), the reply frames per language (``knowledge/templates/<lang>/``),
the municipality register (``knowledge/register/``) and the public chat's page texts
(``knowledge/chat.yaml``). Serving another funding programme means
replacing those folders, not this code.

An answer or notice may be made of several ``parts``; a part marked ``time_bound: true`` carries
``valid_until`` (and optionally ``as_of``), set by staff, and a ``question`` for the gap a draft
shows when the statement does not hold on the day of the draft (:class:`Part`).

Templates run in one sandboxed Jinja2 environment with ``StrictUndefined``, built here and passed
to the drafting stage; a typo in a template is an error at load time, not a blank in a reply.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import DictLoader, StrictUndefined, Template, meta, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.errors import KnowledgeError, ModelError
from assistant.knowledge.source import MODEL, Source, digest, from_folders
from assistant.numerals import whole
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.understand.model import IntentModel

LANGUAGES = ("de", "en")


@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    title: str
    title_en: str
    description: str
    examples: tuple[str, ...]


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


@dataclass(frozen=True, slots=True)
class Knowledge:
    root: Path
    programme: Mapping[str, Any]
    intents: tuple[Intent, ...]
    answers: Mapping[str, Entry]
    notices: Mapping[str, Entry]
    register_rows: tuple[Mapping[str, str], ...]
    env: ImmutableSandboxedEnvironment
    version: str
    intent_model: IntentModel
    # The catalogue changed since the model was trained: new examples count only after
    # ``assistant intents train``.
    model_stale: bool = False
    # The chat page's texts per language (``knowledge/chat.yaml``).
    chat: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # The texts it was loaded from (the tree of :mod:`assistant.knowledge.source`); with the
    # store as the source, ``source.published`` is the publication it is.
    source: Source | None = None

    @property
    def published(self) -> int | None:
        """The store's publication counter of this knowledge (None: read from the folders)."""
        return self.source.published if self.source is not None else None

    @property
    def stamp(self) -> str:
        """What a draft records: the version, and the store's publication when from there."""
        return self.version if self.published is None else f"{self.version}@{self.published}"

    def frame(self, language: str) -> Template:
        return self.env.get_template(f"{language}/reply.txt.j2")

    def intent(self, intent_id: str) -> Intent:
        return next(i for i in self.intents if i.id == intent_id)

    def entry(self, entry_id: str | None) -> Entry | None:
        """The answer or notice with this id (a draft block's ``source``), or None."""
        return next((e for e in (*self.answers.values(), *self.notices.values())
                     if e.id == entry_id), None)


def make_environment(templates: Mapping[str, str]) -> ImmutableSandboxedEnvironment:
    """The one sandboxed environment for all reply templates and knowledge texts
    (``templates``: the reply frames by name, e.g. ``de/reply.txt.j2``)."""
    env = ImmutableSandboxedEnvironment(
        loader=DictLoader(dict(templates)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    @pass_context
    def num(context: Context, value: int) -> str:
        return whole(value, context.get("lang", "de"))

    @pass_context
    def eur(context: Context, value: int) -> str:
        lang = context.get("lang", "de")
        return f"{whole(value, lang)} Euro" if lang == "de" else f"{whole(value, lang)} euros"

    env.filters["num"] = num
    env.filters["eur"] = eur
    return env


def _read_yaml(source: Source, name: str) -> Any:
    try:
        return yaml.safe_load(source.text(name))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{source.where(name)}: {exc}") from exc


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
    data = _read_yaml(source, name)
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


def _entries(source: Source, folder: str, env: ImmutableSandboxedEnvironment) -> dict[str, Entry]:
    return {name[len(folder):-len(".yaml")]: parse_entry(source, name, env)
            for name in source.names(folder, ".yaml")}


def parse_chat(source: Source, name: str = "chat.yaml") -> dict[str, dict[str, Any]]:
    """The chat page's texts: one mapping per language, all with the same keys."""
    where = source.where(name)
    data = _read_yaml(source, name)
    if not isinstance(data, dict) or set(data) != set(LANGUAGES) \
            or not all(isinstance(data[lang], dict) for lang in LANGUAGES):
        raise KnowledgeError(f"{where}: needs a mapping of texts for each of "
                             f"{', '.join(LANGUAGES)}")
    keys = [set(data[lang]) for lang in LANGUAGES]
    if any(k != keys[0] for k in keys):
        differing = sorted(set.union(*keys) - set.intersection(*keys))
        raise KnowledgeError(f"{where}: the languages differ in {', '.join(differing)}")
    return data


def parse_programme(source: Source) -> dict[str, Any]:
    programme = _read_yaml(source, "programme.yaml")
    if not isinstance(programme, dict):
        raise KnowledgeError(f"{source.where('programme.yaml')}: not a mapping of the "
                             "programme's facts")
    return programme


def read_programme(settings: Settings) -> Mapping[str, Any]:
    """``knowledge/programme.yaml`` alone: the reports need the programme's limits, not the
    whole knowledge."""
    root = Path(settings.knowledge_dir)
    path = root / "programme.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: {exc}") from exc
    return parse_programme(Source({"programme.yaml": text}, "folders", root,
                                  Path(settings.intents_dir)))


def parse_intents(source: Source) -> tuple[Intent, ...]:
    intents = []
    for name in source.names("intents/", ".yaml"):
        where = source.where(name)
        data = _read_yaml(source, name)
        missing = {"id", "title", "description", "examples"} - set(data or {})
        if missing:
            raise KnowledgeError(f"{where}: missing {', '.join(sorted(missing))}")
        if data["id"] != name[len("intents/"):-len(".yaml")]:
            raise KnowledgeError(f"{where}: id {data['id']!r} must match the file name")
        if not isinstance(data["examples"], list):
            raise KnowledgeError(f"{where}: 'examples' must be a list")
        examples = tuple(str(e).strip() for e in data["examples"] if str(e).strip())
        if not examples:
            raise KnowledgeError(f"{where}: no examples")
        intents.append(Intent(id=data["id"], title=data["title"],
                              title_en=data.get("title_en", data["title"]),
                              description=" ".join(str(data["description"]).split()),
                              examples=examples))
    if not intents:
        raise KnowledgeError(f"{source.where('intents/')}: no intent files")
    return tuple(intents)


def read_intents(folder: Path) -> tuple[Intent, ...]:
    """The intent catalogue of a folder (``intents/``) alone."""
    if not folder.is_dir():
        raise KnowledgeError(f"{folder}: folder not found")
    try:
        texts = {f"intents/{p.name}": p.read_text(encoding="utf-8")
                 for p in sorted(folder.glob("*.yaml"))}
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{folder}: {exc}") from exc
    return parse_intents(Source(texts, "folders", folder, folder))


def catalogue_digest(intents: tuple[Intent, ...]) -> str:
    """A fingerprint of the catalogue (ids and examples), recorded in the trained model."""
    h = hashlib.sha256()
    for intent in intents:
        h.update(intent.id.encode())
        for example in intent.examples:
            h.update(b"\0" + example.encode())
        h.update(b"\1")
    return h.hexdigest()[:16]


def parse_model(source: Source, intents: tuple[Intent, ...]) -> IntentModel:
    """The fitted intent model next to the catalogue (``intents/model.json``)."""
    from assistant.understand.model import from_json

    where = source.where(MODEL)
    try:
        model = from_json(json.loads(source.text(MODEL)))
    except (ValueError, ModelError) as exc:
        raise KnowledgeError(f"{where}: {exc} (train it with `assistant intents train "
                             "--write`)") from exc
    missing = sorted({i.id for i in intents} - set(model.intents))
    if missing:
        raise KnowledgeError(f"{where}: trained without the intent(s) {', '.join(missing)}; "
                             "run `assistant intents train --write`")
    return model


def load(settings: Settings) -> Knowledge:
    """Read and check all curated content of the folders. Raises :class:`KnowledgeError` with
    the file name."""
    return load_source(from_folders(Path(settings.knowledge_dir), Path(settings.intents_dir)))


def read_register(root: Path) -> tuple[Mapping[str, str], ...]:
    register_path = root / "register" / "municipalities-de.csv"
    try:
        with register_path.open(encoding="utf-8", newline="") as fh:
            return tuple(csv.DictReader(fh))
    except OSError as exc:
        raise KnowledgeError(f"{register_path}: {exc}") from exc


def load_source(source: Source, register: tuple[Mapping[str, str], ...] | None = None
                ) -> Knowledge:
    """Parse and check a tree of texts (:mod:`assistant.knowledge.source`) — the folders' or
    the store's; the register comes from the knowledge folder unless given."""
    programme = parse_programme(source)
    env = make_environment({name.removeprefix("templates/"): source.texts[name]
                            for name in source.texts if name.startswith("templates/")})
    env.globals["p"] = programme
    answers = _entries(source, "answers/", env)
    notices = _entries(source, "notices/", env)
    intents = parse_intents(source)
    missing = [i.id for i in intents if i.id not in answers]
    if missing:
        raise KnowledgeError(f"{source.where('answers/')}: no answer for intent(s) "
                             f"{', '.join(missing)}")
    for lang in LANGUAGES:
        try:
            env.get_template(f"{lang}/reply.txt.j2")
        except Exception as exc:
            line = getattr(exc, "lineno", None)
            at = f" (line {line})" if line else ""
            raise KnowledgeError(f"{source.where(f'templates/{lang}/reply.txt.j2')}{at}: "
                                 f"{exc}") from exc
    rows = register if register is not None else read_register(source.knowledge_dir)
    model = parse_model(source, intents)
    stale = model.trained.get("catalogue") != catalogue_digest(intents)
    if stale:
        logging.getLogger("assistant.knowledge").warning(
            "the intent model was trained on another version of the catalogue; new examples "
            "count after `assistant intents train --write`")
    return Knowledge(root=source.knowledge_dir, programme=programme, intents=intents,
                     answers=answers, notices=notices, register_rows=rows, env=env,
                     version=digest(source.texts), intent_model=model, model_stale=stale,
                     chat=parse_chat(source), source=source)


def typed_numbers(text: str, programme: Mapping[str, Any]) -> list[str]:
    """The programme's numbers (from 1,000 up) written out in ``text`` (30000, 30.000, 30,000)
    instead of taken from the facts (``{{ p.funding.max_amount_eur | eur }}``)."""
    found: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 1000:
            found.add(value)

    walk(programme)
    hits = []
    for number in sorted(found):
        for spelling in sorted({f"{number:,}".replace(",", sep) for sep in ("", ".", ",", " ")}):
            if re.search(rf"(?<![\d.,]){re.escape(spelling)}(?![\d]|[.,]\d)", text):
                hits.append(spelling)
    return hits
