"""`--executor` and `--address` on the stage commands: Ray through the CLI, and the mistakes a
user can make, each with a message and a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from cablewire.cli import main

from ..conftest import SEEDS


def test_enrich_and_ingest_run_on_ray(ray_cluster: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", str(SEEDS), "--db", db, "--no-enrich", "--json",
                                    "--executor", "ray", "--workers", "2"])
    assert ingested.exit_code == 0, ingested.output
    assert json.loads(ingested.output)["new"] == 2
    result = runner.invoke(main, ["enrich", "--db", db, "--stage", "dates", "--json",
                                  "--executor", "ray", "--workers", "2"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["enriched"], report["written"], report["failed"]) == (2, {"dates": 2}, [])
    assert ray_cluster.is_initialized()  # the test's cluster was used, and left running


def test_an_address_without_the_ray_executor_is_a_usage_error(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(SEEDS), "--db", db, "--no-enrich"]).exit_code == 0
    result = runner.invoke(main, ["enrich", "--db", db, "--address", "auto"])
    assert result.exit_code == 2
    assert "an address is for the Ray executor: add --executor ray" in result.output


def test_an_unknown_executor_is_refused_with_the_choices(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["enrich", "--db", str(tmp_path / "a.db"),
                                       "--executor", "spark"])
    assert result.exit_code == 2
    assert "'spark' is not one of 'local', 'ray'" in result.output
