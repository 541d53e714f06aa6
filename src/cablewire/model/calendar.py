"""Month and weekday names, as dates are written in cables and news ("Jan", "Sept", "Tuesday"),
and date bounds as people write them ("2009", "2009-06", "2009-06-12").
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from cablewire.errors import UsageError

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""Lower-case month names and abbreviations -> month number."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")



def cable_year(yy: int) -> int:
    """The four-digit year of a cable's two-digit one (`09` -> 2009, `66` -> 1966): the
    release runs from 1966 to 2010."""
    return 1900 + yy if yy >= 50 else 2000 + yy


def day_bound(value: str | None, name: str, end: bool) -> str | None:
    """A date bound written as a year, a month or a day, as the ISO day it means: the first day
    it covers, or the last when `end`. Empty: no bound.

    >>> day_bound("2009", "before", end=True), day_bound("2012-02", "after", end=False)
    ('2009-12-31', '2012-02-01')
    """
    if value is None or not value.strip():
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    try:
        if m is None:
            raise ValueError(value)
        year, month, day = m.groups()
        if month is None:
            return date(int(year), 12 if end else 1, 31 if end else 1).isoformat()
        if day is None:
            last = calendar.monthrange(int(year), int(month))[1] if end else 1
            return date(int(year), int(month), last).isoformat()
        return date(int(year), int(month), int(day)).isoformat()
    except (ValueError, calendar.IllegalMonthError):
        raise UsageError(f"{name} {value!r} is not a date: write it as 2009, 2009-06 or"
                         " 2009-06-12") from None
