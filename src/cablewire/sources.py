"""Where documents come from: files, folders and archives (`.tar.*`, `.zip`), read in place.

`iter_sources()` yields one `Blob` per member file, in a stable order, with a path that names
the archive and the member (`dump.tar.xz!cablegate/cable/2009/06/09BAMAKO387.html`). Archives
are streamed, never unpacked to disk. A path that cannot be read yields a `Blob` with `error`
set, so one bad file never stops a batch.
"""

from __future__ import annotations

import logging
import os
import re
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

# Files a walk skips: hidden files and things that are never documents.
_SKIP_SUFFIXES = {".pyc", ".db", ".sqlite", ".png", ".jpg", ".jpeg", ".gif", ".css", ".js"}
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Blob:
    """The bytes of one document file, or the reason they could not be read."""

    path: str
    data: bytes = b""
    error: str | None = None


_ARCHIVE = re.compile(r"\.(?:zip|tgz|tbz2?|txz|tar(?:\.(?:gz|bz2|xz|zst|lz|lzma|z))?)$")


def is_archive(path: str) -> bool:
    """Whether `path` names a zip or tar archive (by its ending)."""
    return bool(_ARCHIVE.search(path.lower().rsplit("/", 1)[-1]))


def iter_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Blob]:
    """Every document file under `paths`, archives read member by member."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for sub in sorted(p for p in path.rglob("*") if p.is_file()):
                if _wanted(sub):
                    yield from _read_path(sub)
        elif path.exists():
            yield from _read_path(path)
        else:
            yield Blob(str(path), error=f"no such file or folder: {path} (check the path)")


def _wanted(path: Path) -> bool:
    return not any(part.startswith(".") for part in path.parts) and (
        path.suffix.lower() not in _SKIP_SUFFIXES
    )


def _read_path(path: Path) -> Iterator[Blob]:
    if is_archive(path.name):
        yield from _read_archive(path)
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Blob(str(path), error=_too_big(size))
            return
        yield Blob(str(path), path.read_bytes())
    except OSError as exc:
        yield Blob(str(path), error=f"cannot read {path}: {exc.strerror or exc}")


def _too_big(size: int) -> str:
    return (
        f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit for one document;"
        " split it, or check it is a document at all"
    )


def _read_archive(path: Path) -> Iterator[Blob]:
    try:
        if path.name.lower().endswith(".zip"):
            yield from _read_zip(path)
        else:
            yield from _read_tar(path)
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError) as exc:
        yield Blob(str(path), error=f"cannot read archive {path}: {exc} (is it complete?)")


def _read_tar(path: Path) -> Iterator[Blob]:
    with tarfile.open(path, mode="r:*") as tar:
        for member in tar:
            if not member.isfile() or not _wanted(Path(member.name)):
                continue
            label = f"{path}!{member.name}"
            if member.size > MAX_BYTES:
                yield Blob(label, error=_too_big(member.size))
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            yield Blob(label, handle.read())


def _read_zip(path: Path) -> Iterator[Blob]:
    with zipfile.ZipFile(path) as archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir() or not _wanted(Path(info.filename)):
                continue
            label = f"{path}!{info.filename}"
            if info.file_size > MAX_BYTES:
                yield Blob(label, error=_too_big(info.file_size))
                continue
            yield Blob(label, archive.read(info))


def count_sources(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many source files `iter_sources` will yield (archives are listed, not read)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        candidates = (
            sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            if path.is_dir() else [path]
        )
        for p in candidates:
            if not p.exists():
                total += 1
            elif is_archive(p.name):
                total += _count_members(p)
            else:
                total += 1
    return total


def _count_members(path: Path) -> int:
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                return sum(1 for i in archive.infolist()
                           if not i.is_dir() and _wanted(Path(i.filename)))
        with tarfile.open(path, mode="r:*") as tar:
            return sum(1 for m in tar if m.isfile() and _wanted(Path(m.name)))
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError):
        return 1
