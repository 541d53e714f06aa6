"""The CSV dump of the whole release: one row a cable, no header row.

    "1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy Buenos Aires","UNCLASSIFIED","",
    "<routing header>","<body>"

Columns: row number, creation date (`MM/DD/YYYY HH:MM`), id, origin, classification,
references (comma-separated ids), header, body. Fields are quoted and the body has real newlines.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator

from cablewire.formats.cable.page import PageMeta

_FIRST_ROW = re.compile(
    r'^\s*"?\d+"?\s*,\s*"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?\s*,\s*"?[0-9]{2}[A-Z]'
)
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def looks_like_csv_dump(head: str) -> bool:
    return bool(_FIRST_ROW.match(head))


def _created(text: str) -> str | None:
    m = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})\s*$", text)
    if not m:
        return None
    month, day, year, hour, minute = m.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}T{int(hour):02d}:{minute}:00"


def read_csv_dump(text: str) -> Iterator[tuple[int, PageMeta, str, list[str]]]:
    """Each row's number, metadata, telegram text and warnings; a short row is reported, not
    fatal."""
    reader = csv.reader(io.StringIO(text), strict=False)
    for index, row in enumerate(reader, 1):
        if not row or not any(cell.strip() for cell in row):
            continue
        warnings: list[str] = []
        if len(row) < 8:
            warnings.append(f"CSV row {index} has {len(row)} of 8 columns")
            row = row + [""] * (8 - len(row))
        elif len(row) > 8:
            warnings.append(
                f"CSV row {index} has {len(row)} columns; extra ones joined to the body"
            )
            row = row[:7] + [",".join(row[7:])]
        number, created, cable_id, origin, classification, _refs, header, body = row
        meta = PageMeta(
            id=cable_id.strip() or None,
            created=_created(created),
            classification=classification.strip() or None,
            origin=origin.strip() or None,
        )
        row_no = int(number) if number.strip().isdigit() else index
        yield row_no, meta, header.replace("\\n", "\n") + "\n" + body.replace("\\n", "\n"), warnings
