"""End to end through the CLI: a real cable, then a copy of its first 300 bytes. Both are kept;
the full text stays current, the search still finds its words, and `show` says which revision
it shows and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablewire.cli import main

from .conftest import FIXTURES

CABLE = FIXTURES / "cable" / "raw-telegram-09BAMAKO387.txt"


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("revisions")
    full = folder / "bamako-387.txt"
    full.write_bytes(CABLE.read_bytes())
    cut = folder / "bamako-387-cut.txt"
    cut.write_bytes(CABLE.read_bytes()[:300])
    return full, cut


@pytest.fixture(scope="module")
def db(sources: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full cable ingested, then its 300-byte fragment."""
    full, cut = sources
    path = str(tmp_path_factory.mktemp("archive") / "a.db")
    first = json.loads(_run("ingest", str(full), "--db", path, "--no-enrich", "--json"))
    assert (first["new"], first["updated"]) == (1, 0)
    second = json.loads(_run("ingest", str(cut), "--db", path, "--no-enrich", "--json"))
    assert (second["new"], second["updated"], second["failed"]) == (0, 1, 0)
    return path


def test_the_fragment_is_kept_and_the_full_text_stays_current(db: str) -> None:
    shown = json.loads(_run("show", "09BAMAKO387", "--db", db, "--json"))
    assert "AQIM are not choir boys" in shown["document"]["body"].replace("\n", " ")
    assert len(shown["document"]["paragraphs"]) == 10
    assert [(r["revision"], Path(r["source"]).name, r["current"])
            for r in shown["revisions"]] == [(1, "bamako-387.txt", True),
                                             (2, "bamako-387-cut.txt", False)]
    assert shown["revisions"][1]["completeness"] == {
        "characters": 37, "paragraphs": 0, "redactions": 0,
        "defects": ["empty body"], "score": 37}
    current = shown["current"]
    assert (current["revision"], current["of"], current["rule"]) == (1, 2, "most_complete")
    assert current["reason"] == (
        "the most complete: 9,755 characters of text in 10 paragraphs; revision 2 is newer but"
        " much less complete")
    assert current["passed_over"] == [{"revision": 2, "reason": (
        "much less complete than revision 1: 37 characters of text in no paragraphs (empty"
        " body), against 9,755 characters of text in 10 paragraphs")}]


def test_the_search_still_finds_the_full_text(db: str) -> None:
    found = json.loads(_run("search", '"choir boys"', "--db", db, "--json"))
    assert [hit["id"] for hit in found["hits"]] == ["09BAMAKO387"]
    assert "choir boys" in found["hits"][0]["snippet"]["text"]
    # The index is derived from the store: made anew, it holds the current revision too.
    _run("reindex", "--db", db)
    again = json.loads(_run("search", '"choir boys"', "--db", db, "--json"))
    assert again["total"] == 1


def test_show_says_which_revision_it_shows_and_why(db: str) -> None:
    out = _run("show", "09BAMAKO387", "--db", db)
    lines = out.splitlines()
    assert ("revision 1 of 2 shown: the most complete: 9,755 characters of text in 10"
            " paragraphs; revision 2 is newer but much less complete") in lines
    [other] = [line for line in lines if line.startswith("  revision 2 (")]
    assert "bamako-387-cut.txt, ingested " in other
    assert other.endswith("): much less complete than revision 1: 37 characters of text in no"
                          " paragraphs (empty body), against 9,755 characters of text in 10"
                          " paragraphs")
    assert "choir boys" in out.replace("\n", " ")


def test_each_revision_s_original_bytes(db: str, sources: tuple[Path, Path]) -> None:
    full, cut = sources
    runner = CliRunner()
    shown = runner.invoke(main, ["show", "09BAMAKO387", "--db", db, "--original"])
    assert shown.exit_code == 0 and shown.stdout_bytes == full.read_bytes()
    second = runner.invoke(main, ["show", "09BAMAKO387", "--db", db, "--original",
                                  "--revision", "2"])
    assert second.exit_code == 0 and second.stdout_bytes == cut.read_bytes()
    missing = runner.invoke(main, ["show", "09BAMAKO387", "--db", db, "--original",
                                   "--revision", "3"])
    assert missing.exit_code != 0 and "no revision 3 of 09BAMAKO387" in missing.output
    alone = runner.invoke(main, ["show", "09BAMAKO387", "--db", db, "--revision", "2"])
    assert alone.exit_code == 2 and "--revision goes with --original" in alone.output


def test_the_full_text_after_the_fragment_becomes_current(
        sources: tuple[Path, Path], new_archive: str) -> None:
    full, cut = sources
    db = new_archive
    _run("ingest", str(cut), "--db", db, "--no-enrich")
    before = json.loads(_run("search", '"choir boys"', "--db", db, "--json"))
    assert before["total"] == 0
    _run("ingest", str(full), "--db", db, "--no-enrich")
    shown = json.loads(_run("show", "09BAMAKO387", "--db", db, "--json"))
    assert (shown["current"]["revision"], shown["current"]["rule"]) == (2, "newest")
    assert shown["current"]["reason"].startswith("the latest ingested, and as complete as any")
    after = json.loads(_run("search", '"choir boys"', "--db", db, "--json"))
    assert after["total"] == 1


def test_one_revision_needs_no_word_on_it(sources: tuple[Path, Path],
                                          new_archive: str) -> None:
    full, _cut = sources
    db = new_archive
    _run("ingest", str(full), "--db", db, "--no-enrich")
    assert "shown:" not in _run("show", "09BAMAKO387", "--db", db)
    shown = json.loads(_run("show", "09BAMAKO387", "--db", db, "--json"))
    assert shown["current"] == {"revision": 1, "of": 1, "rule": "only",
                                "reason": "the only revision", "passed_over": []}
