"""``assistant config``: the settings in effect (secrets masked), or the table of all settings
with their defaults that the README shows."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from assistant.commands.common import Subcommands

if TYPE_CHECKING:
    from assistant.settings import Settings


def register(sub: Subcommands) -> None:
    p = sub.add_parser("config", help="show the settings (secrets masked)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="markdown: the table of all settings with their defaults (README)")
    p.set_defaults(func=cmd_config)


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    if args.format == "markdown":
        # The defaults, not this environment's values: the table in the README.
        from assistant.settings import defaults_table

        print(defaults_table())
        return 0
    for name, value, help_text in settings.describe():
        print(f"{name}={value}\n    {help_text}")
    return 0
