"""Editing the knowledge's texts in the web app: the fields of an answer, notice or the programme
facts, written back into their YAML keeping comments, key order and quoting (ruamel.yaml's
round trip), and the check of a candidate text through the real loader and flow.

The check runs in the web app's worker processes (:func:`check_candidate` is their job): it
loads the whole knowledge with the candidate text in place — the same parsing and checks as
``assistant knowledge import`` — and, for a preview, drafts a reply to a mail with it through
the real pipeline and its sandboxed Jinja2 environment.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import FoldedScalarString

from assistant.errors import KnowledgeError
from assistant.knowledge import LANGUAGES, load_source
from assistant.knowledge.source import Source

LANGUAGE_LABELS = {"de": "Deutsch", "en": "Englisch"}
WIDTH = 96
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def load_yaml(text: str) -> Any:
    return _yaml().load(text)


def dump_yaml(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def folded(text: str) -> FoldedScalarString:
    """``text`` as a folded block (``>-``) wrapped at WIDTH, never inside ``{{ … }}``."""
    text = " ".join(text.split())
    masked = _EXPRESSION.sub(lambda m: m.group().replace(" ", "\0"), text)
    lines = textwrap.wrap(masked, WIDTH, break_long_words=False, break_on_hyphens=False)
    scalar = FoldedScalarString(text)
    positions, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        positions.append(at)
        at += 1
    scalar.fold_pos = positions  # type: ignore[attr-defined]
    return scalar


@dataclass
class Statement:
    """One part of an entry as the edit page shows it."""

    texts: dict[str, str]
    time_bound: bool = False
    valid_until: str = ""
    as_of: str = ""


def statements(text: str) -> list[Statement]:
    """The editable parts of an answer or notice (one, or its ``parts``)."""
    data = load_yaml(text)
    if not isinstance(data, Mapping):
        return []
    parts = data["parts"] if isinstance(data.get("parts"), list) else [data]
    found = []
    for part in parts:
        if not all(lang in part for lang in LANGUAGES):
            continue
        found.append(Statement(
            texts={lang: " ".join(str(part[lang]).split()) for lang in LANGUAGES},
            time_bound=bool(part.get("time_bound", False)),
            valid_until=str(part.get("valid_until") or ""), as_of=str(part.get("as_of") or "")))
    return found


def with_statements(text: str, edited: list[Statement]) -> str:
    """The entry's YAML with the edited texts and dates; unchanged texts keep their layout."""
    data = load_yaml(text)
    parts = data["parts"] if isinstance(data.get("parts"), list) else [data]
    parts = [p for p in parts if all(lang in p for lang in LANGUAGES)]
    if len(parts) != len(edited):
        raise KnowledgeError("Der Eintrag hat sich inzwischen geändert; bitte neu laden.")
    for part, new in zip(parts, edited, strict=True):
        for lang in LANGUAGES:
            if " ".join(str(part[lang]).split()) != " ".join(new.texts[lang].split()):
                part[lang] = folded(new.texts[lang])
        if new.time_bound:
            for key in ("valid_until", "as_of"):
                value = getattr(new, key).strip()
                old = str(part.get(key) or "")
                if value != old:
                    part[key] = date.fromisoformat(value) if value else None
    return dump_yaml(data)


# -- the programme facts -----------------------------------------------------------------------

@dataclass
class Fact:
    """One value of ``programme.yaml`` with the field type it is edited as."""

    key: str  # dotted: funding.max_amount_eur
    value: Any
    kind: str  # number, date, url, email, address, text
    used_by: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return "" if self.value is None else str(self.value)


def _kind(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "text"
    if isinstance(value, int):
        return "number"
    if isinstance(value, date):
        return "date"
    text = str(value)
    if "\n" in text:
        return "address"
    if "@" in text and " " not in text:
        return "email"
    if text.startswith(("http://", "https://", "www.")) or key.endswith(("website", "url")):
        return "url"
    return "text"


def facts(text: str, uses: Mapping[str, str]) -> list[Fact]:
    """The programme's facts (leaves of ``programme.yaml``), each with the entries (by path)
    whose texts use it (``p.funding.max_amount_eur``)."""
    found: list[Fact] = []

    def walk(value: Any, key: str) -> None:
        if isinstance(value, Mapping):
            for name, item in value.items():
                walk(item, f"{key}.{name}" if key else str(name))
        elif not isinstance(value, list):
            pattern = re.compile(r"\bp\." + re.escape(key) + r"\b(?!\.)")
            users = sorted(path for path, entry in uses.items() if pattern.search(entry))
            found.append(Fact(key, value, _kind(key, value), users))

    walk(load_yaml(text), "")
    return found


def with_facts(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """``programme.yaml`` with the submitted values (by dotted key); returns the text and the
    keys that changed. Raises :class:`KnowledgeError` (German) for a value of the wrong type."""
    data = load_yaml(text)
    changed = []
    for fact in facts(text, {}):
        if fact.key not in values:
            continue
        raw = values[fact.key].replace("\r\n", "\n").strip()
        if fact.kind == "number":
            digits = raw.replace(".", "").replace(" ", "")
            if not digits.isdigit():
                raise KnowledgeError(f"„{fact.key}“ muss eine ganze Zahl sein (ohne Einheit).")
            new: Any = int(digits)
        elif fact.kind == "date":
            try:
                new = date.fromisoformat(raw)
            except ValueError:
                raise KnowledgeError(f"„{fact.key}“ muss ein Datum sein (JJJJ-MM-TT).") from None
        elif fact.kind == "url" and raw and not re.fullmatch(r"(https?://)?[\w.-]+\.\w+\S*",
                                                              raw):
            raise KnowledgeError(f"„{fact.key}“ muss eine Internetadresse sein.")
        elif fact.kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", raw):
            raise KnowledgeError(f"„{fact.key}“ muss eine E-Mail-Adresse sein.")
        else:
            new = raw
        if new == fact.value or (fact.kind not in ("number", "date") and raw == fact.shown):
            continue
        node = data
        *parents, last = fact.key.split(".")
        for name in parents:
            node = node[name]
        node[last] = new if fact.kind in ("number", "date") else raw
        changed.append(fact.key)
    return dump_yaml(data), changed


# -- checking a candidate ----------------------------------------------------------------------

def demo_mail(subject: str, body: str) -> bytes:
    """A mail of an example municipality that asks ``body``."""
    mail = EmailMessage()
    mail["From"] = "Gemeinde Beispielstadt <rathaus@beispielstadt.example>"
    mail["To"] = "programme@example.org"
    mail["Subject"] = subject
    mail["Message-ID"] = "<vorschau@beispielstadt.example>"
    mail.set_content(f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\n"
                     "Erika Beispiel\nGemeinde Beispielstadt")
    return mail.as_bytes()


@dataclass(frozen=True)
class Checked:
    error: str | None = None
    preview: str | None = None
    note: str | None = None


def check_candidate(pipeline: Any, path: str, text: str, raw: bytes | None,
                    intent: str | None) -> Checked:
    """Load the knowledge with ``text`` as ``path`` (a job of the web app's worker processes):
    the loader's error, or with ``raw`` the reply the flow drafts to that mail with it (for an
    answer, as if the mail asked its intent)."""
    from assistant.flow import Pipeline
    from assistant.parse import parse
    from assistant.values import Drafted, Processed

    current = pipeline.knowledge
    source = current.source
    if source is None:
        return Checked(error="Das Wissen dieses Prozesses hat keine Quelle.")
    texts = {**source.texts, path: text}
    try:
        knowledge = load_source(Source(texts, source.origin, source.knowledge_dir,
                                       source.intents_dir, source.published),
                                register=current.register_rows)
    except KnowledgeError as exc:
        return Checked(error=str(exc))
    if raw is None:
        return Checked()
    candidate = Pipeline(pipeline.settings, knowledge)
    mail = parse(raw)
    if intent:
        draft = candidate.redraft(mail, [intent], "").draft
        return Checked(preview=f"Betreff: {draft.subject}\n\n{draft.text}")
    item = candidate.run(Processed(mail))
    if isinstance(item, Drafted):
        return Checked(preview=f"Betreff: {item.draft.subject}\n\n{item.draft.text}")
    return Checked(note=f"Auf diese Mail entwirft der Assistent keine Antwort "
                        f"({item.outcome.value if item.outcome else 'kein Ergebnis'}).")
