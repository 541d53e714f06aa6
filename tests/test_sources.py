"""Where documents come from: `cablewire.sources.iter_sources` over files, folders and archives,
and `cablewire.parse_paths` on top of it."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

import cablewire
from cablewire import sources
from cablewire.reading import Failure
from cablewire.sources import Blob, count_sources, is_archive, iter_sources

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seeds" / "000_8f450616689684b3.txt"
PAGE = ROOT / "tests" / "fixtures" / "cable" / "09PARAMARIBO85.html"

MEMBERS = {
    "d/b.html": b"<p>b</p>",
    "d/a.txt": b"a",
    "d/sub/c.txt": b"c",
    "d/.hidden.txt": b"hidden",
    "d/.git/config": b"[core]",
    "d/logo.png": b"\x89PNG",
    "d/style.css": b"body{}",
}
WANTED = ["d/a.txt", "d/b.html", "d/sub/c.txt"]


def write_tree(root: Path) -> None:
    for name, data in MEMBERS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def write_tar(path: Path, mode: str = "w:xz") -> Path:
    with tarfile.open(path, mode) as tar:
        for name, data in MEMBERS.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        folder = tarfile.TarInfo("d/emptydir")
        folder.type = tarfile.DIRTYPE
        tar.addfile(folder)
    return path


def write_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("d/emptydir/", b"")
        for name, data in MEMBERS.items():
            archive.writestr(name, data)
    return path


def test_folder_walk_is_sorted_and_skips_hidden_and_non_documents(tmp_path: Path) -> None:
    write_tree(tmp_path)
    blobs = list(iter_sources([tmp_path]))
    assert [Path(b.path).relative_to(tmp_path).as_posix() for b in blobs] == WANTED
    assert all(b.error is None for b in blobs)
    assert blobs[0].data == b"a"


def test_a_single_file_is_read_whatever_its_name(tmp_path: Path) -> None:
    odd = tmp_path / "cable.png"  # named like an image, but given explicitly
    odd.write_bytes(b"x")
    [blob] = iter_sources([odd])
    assert blob == Blob(str(odd), b"x")


@pytest.mark.parametrize(
    ("name", "writer"),
    [
        ("dump.tar.xz", lambda p: write_tar(p, "w:xz")),
        ("dump.tar.gz", lambda p: write_tar(p, "w:gz")),
        ("dump.tgz", lambda p: write_tar(p, "w:gz")),
        ("dump.tar.bz2", lambda p: write_tar(p, "w:bz2")),
        ("dump.tar", lambda p: write_tar(p, "w")),
        ("dump.zip", write_zip),
        ("DUMP.ZIP", write_zip),
    ],
)
def test_archive_members_are_read_in_place(tmp_path: Path, name: str, writer: object) -> None:
    archive = writer(tmp_path / name)  # type: ignore[operator]
    before = sorted(tmp_path.iterdir())
    blobs = list(iter_sources([archive]))
    assert sorted(tmp_path.iterdir()) == before
    assert sorted(b.path for b in blobs) == [f"{archive}!{m}" for m in WANTED]
    assert {b.path.rsplit("!", 1)[1]: b.data for b in blobs} == {m: MEMBERS[m] for m in WANTED}


def test_zip_members_come_in_name_order(tmp_path: Path) -> None:
    path = tmp_path / "z.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("c.txt", "a.txt", "b.txt"):
            archive.writestr(name, name)
    assert [b.path.rsplit("!", 1)[1] for b in iter_sources([path])] == ["a.txt", "b.txt", "c.txt"]


def test_archive_inside_a_folder_is_opened(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    write_zip(tmp_path / "in" / "dump.zip")
    (tmp_path / "in" / "note.txt").write_bytes(b"n")
    paths = [b.path for b in iter_sources([tmp_path])]
    assert paths == [f"{tmp_path / 'in' / 'dump.zip'}!{m}" for m in WANTED] + [
        str(tmp_path / "in" / "note.txt")
    ]


def test_missing_path_gives_an_error_blob_and_the_walk_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    (tmp_path / "ok.txt").write_bytes(b"ok")
    blobs = list(iter_sources([missing, tmp_path / "ok.txt"]))
    assert blobs[0].path == str(missing)
    assert blobs[0].error and "no such file" in blobs[0].error
    assert blobs[1] == Blob(str(tmp_path / "ok.txt"), b"ok")


@pytest.mark.parametrize("name", ["broken.zip", "broken.tar.xz", "broken.tar.gz"])
def test_corrupt_archive_gives_an_error_blob(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"this is not an archive at all" * 10)
    blobs = list(iter_sources([path, SEED]))
    assert blobs[0].path.startswith(str(path))
    assert blobs[0].error
    assert blobs[-1].path == str(SEED) and blobs[-1].error is None


def test_truncated_archive_keeps_the_members_before_the_damage(tmp_path: Path) -> None:
    whole = write_tar(tmp_path / "whole.tar", "w")
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole.read_bytes()[:1536])  # first members, then nothing
    blobs = list(iter_sources([cut]))
    assert blobs, "something is reported"
    assert all(b.path.startswith(str(cut)) for b in blobs)


def test_files_over_the_size_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 4)
    (tmp_path / "big.txt").write_bytes(b"0123456789")
    (tmp_path / "ok.txt").write_bytes(b"012")
    zipped = tmp_path / "big.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("big.txt", b"0123456789")
    big, zipped_big, ok = (list(iter_sources([p])) for p in (tmp_path / "big.txt", zipped,
                                                              tmp_path / "ok.txt"))
    assert big[0].error and "limit" in big[0].error and big[0].data == b""
    assert zipped_big[0].error and "limit" in zipped_big[0].error
    assert ok == [Blob(str(tmp_path / "ok.txt"), b"012")]


@pytest.mark.parametrize(
    ("name", "archive"),
    [
        ("a.zip", True),
        ("A.ZIP", True),
        ("a.tar", True),
        ("a.tar.xz", True),
        ("a.tar.gz", True),
        ("a.tgz", True),
        ("a.html", False),
        ("a.txt", False),
        ("zipcodes.csv", False),
        ("dir.tar/a.html", False),
    ],
)
def test_is_archive(name: str, archive: bool) -> None:
    assert is_archive(name) is archive


@pytest.mark.parametrize("name", ["notes.tarot.txt", "cable.tar-notes.txt"])
def test_names_that_only_contain_tar_are_not_archives(tmp_path: Path, name: str) -> None:
    assert not is_archive(name)
    path = tmp_path / name
    path.write_bytes(SEED.read_bytes())
    [blob] = iter_sources([path])
    assert blob.error is None


def test_count_sources_of_a_folder_matches_the_walk(tmp_path: Path) -> None:
    write_tree(tmp_path)
    assert count_sources([tmp_path, tmp_path / "missing"]) == len(
        list(iter_sources([tmp_path, tmp_path / "missing"]))
    )


@pytest.mark.parametrize("writer", [write_zip, lambda p: write_tar(p, "w:xz")],
                         ids=["zip", "tar.xz"])
def test_count_sources_of_an_archive_matches_the_walk(tmp_path: Path, writer: object) -> None:
    archive = writer(tmp_path / ("d.zip" if writer is write_zip else "d.tar.xz"))  # type: ignore[operator]
    assert count_sources([archive]) == len(list(iter_sources([archive])))


def test_parse_paths_yields_documents_and_failures_in_order(tmp_path: Path) -> None:
    (tmp_path / "a-empty.html").write_bytes(b"")
    (tmp_path / "b-seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "c-binary.bin").write_bytes(bytes(range(256)))
    (tmp_path / "d-page.html").write_bytes(PAGE.read_bytes())
    results = list(cablewire.parse_paths([tmp_path]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Failure", "Cable", "Failure", "Cable"]
    empty, seed, binary, page = results
    assert isinstance(empty, Failure) and empty.source == str(tmp_path / "a-empty.html")
    assert isinstance(binary, Failure) and "binary" in binary.error
    assert empty.to_dict() == {"error": empty.error, "source": empty.source}
    assert seed.to_dict()["id"] == "09BAMAKO387"
    assert page.to_dict()["id"] == "09PARAMARIBO85"


def test_parse_file_raises_a_cablewire_error_for_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(cablewire.CablewireError):
        cablewire.parse_file(path)
    with pytest.raises(cablewire.CablewireError):
        cablewire.parse_file(tmp_path / "missing.txt")
