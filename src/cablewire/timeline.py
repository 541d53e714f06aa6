"""Dated events as people read them: each at its own precision (a year, a month, a day, a
span), grouped by the period it names, and kept off the axis when a text dates it well after
it was written (a "2050" in a 2009 cable is a forecast or a slip, not history).

    >>> when({"date": "2012-01-01", "end": "2012-12-31", "precision": "year"})
    '2012'
    >>> when({"date": "1991-01-01", "end": "1992-12-31", "precision": "range"})
    '1991/1992'
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from typing import Any

from cablewire.store.base import Store

HORIZON_YEARS = 2
"""An event dated more than this many years after the document that names it was written lies
beyond the archive's span: it is listed, marked, and left off the axis."""


def _whole_years(start: str, end: str) -> bool:
    return start[5:] == "01-01" and end[5:] == "12-31"


def _whole_months(start: str, end: str) -> bool:
    if len(start) < 10 or len(end) < 10 or start[8:] != "01":
        return False
    last = calendar.monthrange(int(end[:4]), int(end[5:7]))[1]
    return end[8:10] == f"{last:02d}"


def when(event: Mapping[str, Any]) -> str:
    """An event's date at its own precision: `2012`, `2009-03`, `2009-06-10`, or a span
    `1991/1992`, `2009-03/2009-05`, `2009-06-01/2009-06-03`."""
    start = str(event.get("date") or "")[:10]
    end = str(event.get("end") or start)[:10]
    precision = event.get("precision")
    if len(start) < 10:
        return start
    if precision == "year":
        return start[:4]
    if precision == "month":
        return start[:7]
    if precision == "range" and end and end != start:
        if _whole_years(start, end):
            return start[:4] if start[:4] == end[:4] else f"{start[:4]}/{end[:4]}"
        if _whole_months(start, end):
            return start[:7] if start[:7] == end[:7] else f"{start[:7]}/{end[:7]}"
        return f"{start}/{end}"
    return start


def period_of(event: Mapping[str, Any]) -> str:
    """The period an event is filed under: its year when it names only a year (or whole
    years), else the month it starts in; "undated" without a date."""
    label = when(event)
    if not label:
        return "undated"
    first = label.split("/")[0]
    return first[:4] if len(first) == 4 else first[:7]


def document_years(store: Store, ids: Iterable[str]) -> dict[str, int | None]:
    """The year each document was written: its date, or for an undated article the latest
    year of its date estimate; None when neither is known."""
    wanted = list(dict.fromkeys(ids))
    listed = store.listing(wanted)
    out: dict[str, int | None] = {}
    for doc_id in wanted:
        row = listed.get(doc_id)
        date = row["date"] if row else None
        if date and str(date)[:4].isdigit():
            out[doc_id] = int(str(date)[:4])
            continue
        doc = store.get(doc_id) or {}
        latest = (doc.get("date_estimate") or {}).get("latest")
        out[doc_id] = int(latest[:4]) if latest and str(latest)[:4].isdigit() else None
    return out


def beyond_span(event: Mapping[str, Any], years: Mapping[str, int | None]) -> bool:
    """Whether the text dates `event` more than `HORIZON_YEARS` after its document was
    written."""
    written = years.get(str(event.get("document")))
    start = str(event.get("date") or "")[:4]
    return written is not None and start.isdigit() and int(start) > written + HORIZON_YEARS
