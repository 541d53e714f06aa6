"""The narrow interface every archive backend implements, and the values that cross it.

SQLite (`cablewire.store.sqlite`) is the default; a server backend implements the same
`Store` protocol and is chosen by the URI scheme of the `db` setting (`cablewire.store.open_store`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from cablewire.results import Failure, Revision, Stats


@dataclass
class SourceResult:
    """One source file after parsing: its bytes, and its documents or the reason it failed."""

    label: str
    sha256: str
    data: bytes
    documents: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


@dataclass
class BatchSummary:
    """What a write did: documents new, updated (a new revision), unchanged; sources failed."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    def add(self, other: BatchSummary) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.failed += other.failed

    def to_dict(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed}


# The shapes a revision and a failure take are declared with the archive's results.
RevisionInfo = Revision
FailureInfo = Failure


class Store(Protocol):
    """An archive of documents, their revisions, original bytes and citations."""

    def source_seen(self, label: str, sha256: str) -> int | None:
        """How many documents this exact source (same label, same bytes) gave when it was
        ingested; None when it was not (or it failed)."""
        ...

    def write_batch(self, batch: list[SourceResult]) -> BatchSummary:
        """Write a batch of parsed sources in one transaction: all of it, or none of it."""
        ...

    def get(self, doc_id: str, revision: int | None = None) -> dict[str, Any] | None:
        """A document's JSON form (newest revision unless one is named)."""
        ...

    def revisions(self, doc_id: str) -> list[RevisionInfo]:
        ...

    def original(self, doc_id: str, revision: int | None = None) -> bytes | None:
        """The bytes the document was read from, exactly as ingested."""
        ...

    def cites(self, doc_id: str) -> list[str]:
        ...

    def cited_by(self, doc_id: str) -> list[str]:
        ...

    def max_seq(self) -> int:
        ...

    def changes_since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        """(seq, newest JSON form) of every document changed after `seq`, in seq order."""
        ...

    def failures(self) -> list[FailureInfo]:
        ...

    def values_like(self, column: str, value: str) -> list[str]:
        """Stored values of a facet column equal to `value` ignoring case."""
        ...

    def stats(self) -> Stats:
        ...

    def close(self) -> None:
        ...
