"""The layers of ``assistant`` as a diagram, generated from the import-linter contract in
``pyproject.toml`` (the one that ``lint-imports`` checks). ARCHITECTURE.md shows it between the
``layers`` markers; ``python -m tests.walls --write`` puts the current one there, and a test
fails when the page and the contract disagree."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- layers:start -->", "<!-- layers:end -->"


def contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def diagram() -> str:
    """The layers contract as text: the top layer first, siblings side by side."""
    layers = next(c for c in contracts() if c.get("type") == "layers")
    rows = [[name.strip() for name in re.split(r"[|:]", str(layer))]
            for layer in layers["layers"]]  # type: ignore[attr-defined]
    width = max(len("  │  ".join(row)) for row in rows)
    lines = []
    for index, row in enumerate(rows):
        lines.append("  │  ".join(row).center(width).rstrip())
        if index < len(rows) - 1:
            lines.append("▼".center(width).rstrip())
    ignored = "; ".join(str(i).replace(" -> ", " → ")
                        for i in layers.get("ignore_imports", []))  # type: ignore[attr-defined]
    return "\n".join(["```", *lines, "```", "",
                      "Each name imports only names below it; names side by side do not import",
                      "each other. The one exception, with its reason in `pyproject.toml`:",
                      f"{ignored}."])


def block() -> str:
    return f"{START}\n{diagram()}\n{END}"


def write(page: Path = ROOT / "ARCHITECTURE.md") -> None:
    text = page.read_text("utf-8")
    page.write_text(re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block(), text,
                           flags=re.S), "utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        print(block())
