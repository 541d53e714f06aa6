"""Archive commands on a path that holds no archive: a message, a non-zero exit, nothing made."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cablewire.cli import main

READ_COMMANDS = [
    ["search", "aqim"],
    ["show", "09BAMAKO387"],
    ["stats"],
    ["errors"],
    ["reindex"],
    ["entities"],
    ["entity", "ATT"],
    ["timeline"],
    ["quotes"],
    ["stages"],
    ["enrich"],
    ["serve"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_on_a_missing_archive_says_so_and_creates_nothing(
        command: list[str], tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert f"Error: no archive at {db}: ingest documents into it first" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_store_scheme_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", "mongodb://localhost/x"])
    assert result.exit_code == 2
    assert "no store for 'mongodb://'" in result.output
