"""Where the knowledge's texts come from: the folders, or the store, as one mapping of texts.

The loader (:func:`assistant.knowledge.load_source`) parses and checks a :class:`Source`: the
text of every curated file, keyed by its path in one virtual tree::

    programme.yaml  chat.yaml  answers/<id>.yaml  notices/<id>.yaml
    templates/<lang>/reply.txt.j2  intents/<id>.yaml  intents/model.json

The folders ``knowledge/`` and ``intents/`` are one such tree (:func:`from_folders`); the store's
published versions are another (``assistant.history.knowledge_store``). Both go through the same
parsing and checks, so what the loader refuses in a file it refuses in the store, naming the
same path. :func:`write_tree` writes a tree back to folders byte for byte (``assistant knowledge
export``), and :func:`changes` compares two trees (``assistant knowledge import``).

The municipality register (``knowledge/register/``) is reference data, versioned by its source's
date: it stays a file and is not part of the tree.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import KnowledgeError

INTENTS = "intents/"
MODEL = "intents/model.json"
# The knowledge folder's files that belong to the tree (the register does not).
_KNOWLEDGE_SUFFIXES = (".yaml", ".j2")
_SKIPPED = ("register/",)


@dataclass(frozen=True, slots=True)
class Source:
    """The texts of one knowledge tree and where they come from, for error messages.

    ``origin`` is ``"folders"`` (then ``knowledge_dir``/``intents_dir`` are where the files are)
    or ``"store"``; ``published`` is the store's publication counter the texts belong to."""

    texts: Mapping[str, str]
    origin: str
    knowledge_dir: Path
    intents_dir: Path
    published: int | None = None

    def where(self, name: str) -> str:
        """The file (or store record) a message names."""
        if self.origin != "folders":
            return f"{self.origin}:{name}"
        if name.startswith(INTENTS):
            return str(self.intents_dir / name.removeprefix(INTENTS))
        return str(self.knowledge_dir / name)

    def names(self, prefix: str, suffix: str) -> list[str]:
        """The tree's paths directly under ``prefix`` ending in ``suffix``, sorted."""
        return sorted(n for n in self.texts if n.startswith(prefix) and n.endswith(suffix)
                      and "/" not in n[len(prefix):])

    def text(self, name: str) -> str:
        try:
            return self.texts[name]
        except KeyError:
            raise KnowledgeError(f"{self.where(name)}: not found") from None


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield path


def read_folders(knowledge_dir: Path, intents_dir: Path) -> dict[str, str]:
    """The tree's texts from the two folders (a file that is no UTF-8 text is an error)."""
    for folder in (knowledge_dir, intents_dir):
        if not folder.is_dir():
            raise KnowledgeError(f"{folder}: folder not found")
    found: dict[str, Path] = {}
    for path in _files(knowledge_dir):
        name = path.relative_to(knowledge_dir).as_posix()
        if path.suffix in _KNOWLEDGE_SUFFIXES and not name.startswith(_SKIPPED) \
                and not name.startswith(INTENTS):
            found[name] = path
    for path in _files(intents_dir):
        name = INTENTS + path.relative_to(intents_dir).as_posix()
        if "/" not in name[len(INTENTS):] and (path.suffix == ".yaml" or name == MODEL):
            found[name] = path
    texts = {}
    for name, path in found.items():
        try:
            texts[name] = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"{path}: {exc}") from exc
    return texts


def from_folders(knowledge_dir: Path, intents_dir: Path) -> Source:
    return Source(read_folders(knowledge_dir, intents_dir), "folders", knowledge_dir,
                  intents_dir)


def digest(texts: Mapping[str, str]) -> str:
    """The knowledge's version: a fingerprint of every path and text of the tree."""
    h = hashlib.sha256()
    for name in sorted(texts):
        h.update(name.encode() + b"\0" + texts[name].encode() + b"\1")
    return h.hexdigest()[:12]


def target(name: str, knowledge_dir: Path, intents_dir: Path) -> Path:
    """The file a tree path is written to; refuses a path that leaves its folder."""
    parts = name.split("/")
    if not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise KnowledgeError(f"{name!r} is not a path of the knowledge tree")
    if name.startswith(INTENTS):
        return intents_dir.joinpath(*parts[1:])
    return knowledge_dir.joinpath(*parts)


def write_tree(texts: Mapping[str, str], knowledge_dir: Path, intents_dir: Path) -> list[Path]:
    """Write every text to its file (byte for byte) and return the files written."""
    written = []
    for name in sorted(texts):
        path = target(name, knowledge_dir, intents_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(texts[name].encode("utf-8"))
        written.append(path)
    return written


@dataclass(frozen=True, slots=True)
class Change:
    name: str
    action: str  # "added", "changed", "removed"
    diff: str


def changes(old: Mapping[str, str], new: Mapping[str, str]) -> list[Change]:
    """What turns tree ``old`` into ``new``, each change with a unified diff (the model's
    diff says only that it changed: it is one long line of numbers)."""
    found = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        action = "added" if before is None else "removed" if after is None else "changed"
        if name == MODEL:
            diff = f"--- a/{name}\n+++ b/{name}\n(the fitted intent model: {action})\n"
        else:
            diff = "".join(difflib.unified_diff(
                (before or "").splitlines(keepends=True), (after or "").splitlines(keepends=True),
                f"a/{name}", f"b/{name}"))
        found.append(Change(name, action, diff))
    return found


def read_yaml(source: Source, name: str) -> Any:
    """The YAML file ``name`` of ``source``; a syntax error names the file."""
    try:
        return yaml.safe_load(source.text(name))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{source.where(name)}: {exc}") from exc
