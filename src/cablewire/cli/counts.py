"""Counts as people write them: "no documents", "1 document", "2 documents".

    >>> count(0, "document"), count(1, "document"), count(2, "failed source")
    ('no documents', '1 document', '2 failed sources')
    >>> count(1, "entry", "entries"), count(3, "entry", "entries")
    ('1 entry', '3 entries')
"""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    many = plural or noun + "s"
    if n == 0:
        return f"no {many}"
    return f"{n} {noun if n == 1 else many}"
