"""`cablewire parse PATH... [--pretty]` through click's test runner.

One JSON object per document, one per line; a document that cannot be read gives
`{"error": ..., "source": ...}` on its own line and the run goes on; exit code 1 if any failed.
Folders are walked and `.tar.*`/`.zip` archives are read without unpacking them to disk.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cablewire.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "examples" / "seeds" / "000_8f450616689684b3.txt"
PAGES = [FIXTURES / "cable" / f"{name}.html" for name in ("09PARAMARIBO85", "86MADRID5480")]
CSV_SAMPLE = FIXTURES / "csv" / "cables-sample.csv"
BINARY = bytes(range(256)) * 4


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["parse", *args], catch_exceptions=False)


def lines(result: Result) -> list[dict[str, Any]]:
    out = result.stdout.splitlines()
    assert all(line.strip() for line in out), "no blank lines between records"
    return [json.loads(line) for line in out]


@pytest.fixture
def no_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything extracts an archive member to disk."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("archives must be read in place, not unpacked")

    for cls, names in ((tarfile.TarFile, ("extract", "extractall")),
                       (zipfile.ZipFile, ("extract", "extractall"))):
        for name in names:
            monkeypatch.setattr(cls, name, refuse)


def make_tree(root: Path, bad: bool) -> dict[str, bytes]:
    """Files for a folder or an archive: two pages, the seed in a subfolder, a hidden file;
    with `bad`, also an empty file and a binary one."""
    files = {
        "cables/2009/09PARAMARIBO85.html": PAGES[0].read_bytes(),
        "cables/1986/86MADRID5480.html": PAGES[1].read_bytes(),
        "seeds/bamako.txt": SEED.read_bytes(),
        "cables/.DS_Store": BINARY,
    }
    if bad:
        files["cables/empty.html"] = b""
        files["cables/blob.bin"] = BINARY
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return files


def make_tar(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:xz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"dump/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(f"dump/{name}", data)
    return path


GOOD_IDS = {"09PARAMARIBO85", "86MADRID5480", "09BAMAKO387"}


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = [r for r in records if "error" not in r]
    errors = [r for r in records if "error" in r]
    return docs, errors


def test_one_file() -> None:
    result = run(str(SEED))
    assert result.exit_code == 0, result.output
    [doc] = lines(result)
    assert doc["kind"] == "cable"
    assert doc["id"] == "09BAMAKO387"
    assert doc["source"] == {"path": str(SEED), "form": "cable-page-text"}
    assert result.stderr == ""


def test_pretty_is_the_same_json_indented() -> None:
    plain = run(str(SEED))
    pretty = run(str(SEED), "--pretty")
    assert pretty.exit_code == 0
    assert pretty.stdout.count("\n") > 50
    assert pretty.stdout.startswith('{\n  "kind": "cable",')
    assert json.loads(pretty.stdout) == json.loads(plain.stdout)
    assert "Toure" in pretty.stdout and "\\u" not in pretty.stdout  # UTF-8, not escapes


def test_pretty_with_several_documents_gives_one_object_after_another() -> None:
    result = run("--pretty", str(SEED), *map(str, PAGES))
    assert result.exit_code == 0
    decoder = json.JSONDecoder()
    text, pos, ids = result.stdout, 0, []
    while pos < len(text):
        obj, end = decoder.raw_decode(text, pos)
        ids.append(obj["id"])
        pos = end + 1  # each object ends with a newline
    assert ids == ["09BAMAKO387", "09PARAMARIBO85", "86MADRID5480"]


def test_folder_walk_all_good_exits_0(tmp_path: Path) -> None:
    make_tree(tmp_path, bad=False)
    result = run(str(tmp_path))
    assert result.exit_code == 0, result.output
    docs, errors = split(lines(result))
    assert errors == []
    assert {d["id"] for d in docs} == GOOD_IDS
    paths = [d["source"]["path"] for d in docs]
    assert paths == sorted(paths), "a stable, sorted walk"
    assert not any(".DS_Store" in p for p in paths), "hidden files are skipped"


def test_folder_walk_with_bad_files_goes_on_and_exits_1(tmp_path: Path) -> None:
    make_tree(tmp_path, bad=True)
    result = run(str(tmp_path))
    assert result.exit_code == 1
    records = lines(result)
    docs, errors = split(records)
    assert {d["id"] for d in docs} == GOOD_IDS
    assert sorted(Path(e["source"]).name for e in errors) == ["blob.bin", "empty.html"]
    for error in errors:
        assert set(error) == {"error", "source"}
        assert isinstance(error["error"], str) and error["error"]
    assert "could not be read" in result.stderr
    # The run went on past the failures: records come in walk order, good after bad.
    sources = [r["source"] if "error" in r else r["source"]["path"] for r in records]
    assert sources == sorted(sources)


@pytest.mark.parametrize("maker", [make_tar, make_zip], ids=["tar.xz", "zip"])
def test_archive_with_bad_members(tmp_path: Path, maker: Any, no_unpacking: None) -> None:
    src = tmp_path / "src"
    files = make_tree(src, bad=True)
    shutil.rmtree(src)
    archive = maker(tmp_path / ("dump.tar.xz" if maker is make_tar else "dump.zip"), files)
    before = sorted(tmp_path.rglob("*"))
    result = run(str(archive))
    assert sorted(tmp_path.rglob("*")) == before, "nothing unpacked to disk"
    assert result.exit_code == 1
    docs, errors = split(lines(result))
    assert {d["id"] for d in docs} == GOOD_IDS
    for doc in docs:
        assert doc["source"]["path"].startswith(f"{archive}!dump/")
    assert sorted(e["source"] for e in errors) == [
        f"{archive}!dump/cables/blob.bin",
        f"{archive}!dump/cables/empty.html",
    ]
    assert not any(".DS_Store" in d["source"]["path"] for d in docs)


@pytest.mark.parametrize("maker", [make_tar, make_zip], ids=["tar.xz", "zip"])
def test_archive_all_good_exits_0(tmp_path: Path, maker: Any, no_unpacking: None) -> None:
    src = tmp_path / "src"
    files = make_tree(src, bad=False)
    shutil.rmtree(src)
    archive = maker(tmp_path / ("dump.tar.xz" if maker is make_tar else "dump.zip"), files)
    result = run(str(archive))
    assert result.exit_code == 0, result.output
    docs, errors = split(lines(result))
    assert errors == []
    assert {d["id"] for d in docs} == GOOD_IDS


def test_files_folders_and_archives_together(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    make_tree(folder, bad=False)
    archive = make_zip(tmp_path / "more.zip", {"a/09PARAMARIBO85.html": PAGES[0].read_bytes()})
    result = run(str(SEED), str(folder), str(archive), str(CSV_SAMPLE))
    assert result.exit_code == 0, result.output
    docs, errors = split(lines(result))
    assert errors == []
    assert len(docs) == 1 + 3 + 1 + 4
    assert [d["source"]["form"] for d in docs[-4:]] == ["cable-csv"] * 4


def test_missing_path_is_an_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    result = run(str(SEED), str(missing))
    assert result.exit_code == 1
    good, bad = lines(result)
    assert good["id"] == "09BAMAKO387"
    assert bad["source"] == str(missing)
    assert "no such file" in bad["error"]


def test_broken_archive_is_an_error_line(tmp_path: Path) -> None:
    whole = make_tar(tmp_path / "whole.tar.xz", {"a.html": PAGES[0].read_bytes()})
    broken = tmp_path / "broken.tar.xz"
    broken.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    result = run(str(broken))
    assert result.exit_code == 1
    records = lines(result)
    assert records and all(set(r) == {"error", "source"} for r in records)
    assert records[0]["source"].startswith(str(broken))


def test_unrecognised_text_is_an_error_line(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Shopping list: eggs, milk.\n", "utf-8")
    result = run(str(note), str(SEED))
    assert result.exit_code == 1
    bad, good = lines(result)
    assert bad["source"] == str(note) and bad["error"]
    assert good["id"] == "09BAMAKO387"


def test_no_path_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["parse"])
    assert result.exit_code == 2
    assert "Usage" in result.output


def test_help_shows_an_example() -> None:
    result = CliRunner().invoke(main, ["parse", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "--pretty" in result.output
