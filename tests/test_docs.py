"""The docs say what the code does: every command documented, the reference up to date."""

from __future__ import annotations

import dataclasses
import runpy

from cablewire.cli import main
from cablewire.settings import Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_cli_reference_is_generated_from_the_current_help() -> None:
    module = runpy.run_path(str(ROOT / "scripts" / "cli_reference.py"))
    assert (ROOT / "docs" / "cli-reference.md").read_text() == module["render"](), (
        "docs/cli-reference.md is out of date: run python scripts/cli_reference.py"
    )


def test_every_command_is_in_the_readme_and_shows_an_example() -> None:
    for name, command in main.commands.items():
        assert f"cablewire {name}" in README, f"README does not mention `cablewire {name}`"
        assert "Example:" in (command.help or ""), f"`cablewire {name} --help` has no example"


def test_every_setting_is_in_the_readme() -> None:
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in README, f"README does not document the setting {field.name}"
        assert field.metadata.get("help"), f"setting {field.name} has no help text"


def test_every_cable_field_is_in_the_readme() -> None:
    from cablewire.model.document import Cable

    section = README.split("### The JSON form of a cable", 1)[1].split("\n## ", 1)[0]
    for field in dataclasses.fields(Cable):
        assert f"`{field.name}`" in section, f"README does not describe the field {field.name}"
