"""The full cable release: which cable ids exist in it, and the month of each.

The id list is cablemap's (BSD licence, `data/LICENSE-cablemap.txt`): 251,287 ids of the
2010-2011 release, each with the month it was written (the year is the id's own).
A cited cable that is not in an archive may still exist in the release.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from cablewire.model.calendar import cable_year


@lru_cache(maxsize=1)
def release_months() -> dict[str, str]:
    """Cable id -> the month it was written (YYYY-MM)."""
    raw = resources.files("cablewire.data").joinpath("cable-ids-by-month.csv.gz").read_bytes()
    out: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("ascii", "replace").splitlines():
        cable_id, _, month = line.partition(",")
        if cable_id[:2].isdigit() and month.strip().isdigit():
            yy = int(cable_id[:2])
            out[cable_id] = f"{cable_year(yy)}-{int(month):02d}"
    return out


def in_release(cable_id: str) -> bool:
    """Whether `cable_id` (canonical form) is a cable of the full release."""
    return cable_id in release_months()
