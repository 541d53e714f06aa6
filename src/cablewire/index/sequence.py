"""The sequence file of a derived index: the last change of the store it has taken, written
atomically (a temporary file, then a rename) so a crash leaves the old number or the new one.
The search index and the vector index each keep one."""

from __future__ import annotations

import os
from pathlib import Path


def read_seq(folder: str, name: str) -> int:
    """The number in `folder/name`; 0 when it is missing or unreadable (take everything)."""
    try:
        return int(Path(folder, name).read_text().strip() or 0)
    except (OSError, ValueError):
        return 0


def write_seq(folder: str, name: str, seq: int) -> None:
    tmp = Path(folder, name + ".tmp")
    tmp.write_text(str(seq))
    os.replace(tmp, Path(folder, name))
