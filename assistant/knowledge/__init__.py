"""The knowledge loader: the only module that reads ``intents/`` and ``knowledge/``.

Everything specific to the KIV funding line lives in those two folders, curated by programme
staff: the intent catalogue (``intents/<id>.yaml``), the programme's facts
(``knowledge/programme.yaml``), one answer per intent (``knowledge/answers/``), the rule-driven
notices (``knowledge/notices/``), the reply frames per language (``knowledge/templates/<lang>/``),
the municipality register (``knowledge/register/``) and the public chat's page texts
(``knowledge/chat.yaml``). Serving another funding programme means
replacing those folders, not this code.

Answers and notices, with their dated statements, are parsed in :mod:`assistant.knowledge.entries`.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import DictLoader, StrictUndefined, Template, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.errors import KnowledgeError, ModelError
from assistant.knowledge.entries import LANGUAGES, Entry, parse_entries
from assistant.knowledge.source import MODEL, Source, digest, from_folders, read_yaml
from assistant.numerals import whole
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.understand.model import IntentModel



@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    title: str
    title_en: str
    description: str
    examples: tuple[str, ...]


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


def parse_chat(source: Source, name: str = "chat.yaml") -> dict[str, dict[str, Any]]:
    """The chat page's texts: one mapping per language, all with the same keys."""
    where = source.where(name)
    data = read_yaml(source, name)
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
    programme = read_yaml(source, "programme.yaml")
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
        data = read_yaml(source, name)
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
    answers = parse_entries(source, "answers/", env)
    notices = parse_entries(source, "notices/", env)
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
