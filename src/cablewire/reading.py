"""Reading documents: text, bytes, files, folders and archives to parsed documents.

The format is chosen by content, never by file name: every registered format sniffs the text
and the highest score wins.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cablewire.errors import CablewireError, FormatError
from cablewire.formats.base import Format, Input
from cablewire.model.document import Document
from cablewire.plugins import formats
from cablewire.sources import Blob, iter_sources
from cablewire.text.encoding import decode
from cablewire.text.pdf import is_pdf, pdf_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """A document that could not be read, and why."""

    source: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.error, "source": self.source}


CERTAIN = 0.95  # a format this sure wins at once; the others are not asked


def choose_format(item: Input) -> Format:
    """The format that claims `item` most strongly; FormatError when none does."""
    best: Format | None = None
    best_score = 0.0
    for fmt in formats():
        score = fmt.sniff(item)
        if score > best_score:
            best, best_score = fmt, score
        if score >= CERTAIN:
            break
    if best is None:
        raise FormatError(
            "not recognised as a cable or a news article: give a cable page (text or HTML),"
            " a raw telegram, a cable CSV dump, or a news article (text or HTML)"
        )
    return best


def parse_text(text: str, source: str | None = None) -> list[Document]:
    """The documents in `text` (one for most forms, many for a CSV dump)."""
    return _parse(Input(text=text, path=source))


def parse_bytes(data: bytes, source: str | None = None) -> list[Document]:
    """The documents in `data`, decoded first (UTF-8, UTF-16 or Windows-1252), or the text
    layer of a PDF."""
    text, warnings = pdf_text(data) if is_pdf(data) else decode(data)
    return _parse(Input(text=text, path=source, warnings=tuple(warnings)))


def parse_file(path: str | os.PathLike[str]) -> list[Document]:
    """The documents in one file, or in every member of an archive."""
    out: list[Document] = []
    for result in parse_paths([path]):
        if isinstance(result, Failure):
            raise FormatError(f"{result.source}: {result.error}")
        out.append(result)
    return out


def parse_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Failure]:
    """Every document under `paths`; a file that cannot be read gives a `Failure` and the
    walk goes on."""
    for blob in iter_sources(paths):
        yield from parse_blob(blob)


def parse_blob(blob: Blob) -> Iterator[Document | Failure]:
    """The documents of one source file, or its `Failure`."""
    if blob.error is not None:
        yield Failure(blob.path, blob.error)
        return
    try:
        docs = parse_bytes(blob.data, source=blob.path)
    except CablewireError as exc:
        yield Failure(blob.path, str(exc))
        return
    except Exception as exc:  # a bug must not stop a batch: record it and go on
        logger.exception("unexpected error reading %s", blob.path)
        yield Failure(blob.path, f"internal error ({type(exc).__name__}: {exc}); please report it")
        return
    yield from docs


def _parse(item: Input) -> list[Document]:
    if not item.text.strip():
        raise FormatError("the document is empty: nothing to parse")
    docs = list(choose_format(item).parse(item))
    if not docs:
        raise FormatError("no document found in this input")
    return docs
