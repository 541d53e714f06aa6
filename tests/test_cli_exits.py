"""Exit codes and counts a script (and a person) can rely on: ingest exits 1 when a source
failed, a path that does not exist is a usage error (2) that records nothing, `errors` forgets a
source once it reads and says when there is none, counts are singular or plural."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cablewire.cli import main

from .conftest import SEEDS

ARTICLE = SEEDS / "004_5010c02e115974d5.txt"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_missing_path_is_a_usage_error_and_records_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    code, out, err = _run("ingest", str(ARTICLE), str(tmp_path / "nope"), "--db", db,
                          "--no-enrich")
    assert code == 2
    assert err == (f"Error: no such file or folder: {tmp_path / 'nope'}; check the path (ingest"
                   " reads files, folders, .tar.* and .zip archives)\n")
    assert list(tmp_path.iterdir()) == []  # no archive made, nothing read


def test_ingest_exits_1_on_a_failed_source_and_errors_follow_the_source(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    bad = tmp_path / "note.txt"
    bad.write_bytes(b"\x00\x01\x02 binary \x00")
    code, out, err = _run("ingest", str(ARTICLE), str(bad), "--db", db, "--no-enrich")
    assert code == 1
    assert out.startswith("1 new, 0 updated, 0 unchanged, 1 failed (2 sources in ")
    assert err.endswith("1 source could not be read; see why with: cablewire errors\n")
    code, out, err = _run("errors", "--db", db)
    assert (code, err) == (0, "1 failed source\n")
    assert out.startswith(f"{bad}: ")

    bad.write_text(ARTICLE.read_text("utf-8").replace("conundrum", "puzzle"), "utf-8")
    code, out, _ = _run("ingest", str(bad), "--db", db, "--no-enrich", "--json")
    assert (code, json.loads(out)["failed"]) == (0, 0)
    assert _run("errors", "--db", db)[:2] == (0, "no failures recorded\n")


def test_errors_clear_forgets_the_failures(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    for name in ("a.bin", "b.bin"):
        (tmp_path / name).write_bytes(b"\x00\x01\x02 binary \x00")
    code, out, err = _run("ingest", str(ARTICLE), str(tmp_path / "a.bin"),
                          str(tmp_path / "b.bin"), "--db", db, "--no-enrich", "--json")
    assert (code, json.loads(out)["failed"], err) == (1, 2, "")
    assert _run("errors", "--db", db)[2] == "2 failed sources\n"
    assert _run("errors", "--clear", "--db", db)[:2] == (0, "cleared 2 recorded failures\n")
    assert _run("errors", "--db", db)[:2] == (0, "no failures recorded\n")
    assert _run("errors", "--clear", "--db", db)[:2] == (0, "cleared no recorded failures\n")


def test_counts_are_singular_and_plural_and_none_is_said(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert _run("ingest", str(ARTICLE), "--db", db, "--no-enrich")[0] == 0
    assert _run("reindex", "--db", db)[1] == "indexed 1 document\n"
    assert _run("search", "Nuland", "--db", db)[1].startswith("1 document\n")
    assert _run("search", "zzzqqq", "--db", db)[1] == "no documents\n"
    code, out, _ = _run("quotes", "--speaker", "Nobody", "--db", db)
    assert (code, out) == (0, "no quotes by Nobody found\n")
