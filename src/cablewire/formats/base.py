"""What a document format is: a name, a `sniff()` that scores text, a `parse()` that reads it.

Formats are plugins (see `cablewire.hookspecs`); the built-in ones register the same way. For a
text, every format sniffs and the highest score wins (an auction, as in ingest-file's manager);
a score of 0 means "not mine".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from cablewire.model.document import Document


@dataclass(frozen=True)
class Input:
    """A text to parse and where it came from."""

    text: str
    path: str | None = None
    warnings: tuple[str, ...] = ()


class Format(Protocol):
    """A document format."""

    name: str

    def sniff(self, item: Input) -> float:
        """How sure this format is that `item` is its own, from 0.0 (not mine) to 1.0."""
        ...

    def parse(self, item: Input) -> Iterator[Document]:
        """The documents in `item` (one for most forms, many for a bulk dump)."""
        ...
