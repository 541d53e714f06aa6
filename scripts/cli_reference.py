"""Write docs/cli-reference.md from the commands' own --help (run after changing a command).

    python scripts/cli_reference.py          # rewrite the file
    python scripts/cli_reference.py --check  # exit 1 when the file is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from cablewire.cli import main

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli-reference.md"


def render() -> str:
    runner = CliRunner()
    parts = ["# cablewire command reference\n",
             "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.\n"]
    names: list[list[str]] = [[]]
    for name in sorted(main.commands):
        names.append([name])
        command = main.commands[name]
        if isinstance(command, click.Group):  # a group's commands, each under its own title
            names.extend([name, sub] for sub in sorted(command.commands))
    for path in names:
        result = runner.invoke(main, [*path, "--help"], prog_name="cablewire",
                               terminal_width=100)
        title = " ".join(["cablewire", *path])
        parts.append(f"## {title}\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def main_() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main_())
