"""Date expressions resolved against the document's own date, with precision and evidence.

The document's date is a cable's `created` day, an article's `published` day, or else its
`date_estimate` interval. Expressions, tried longest first:

- a full date ("June 10, 2009", "10 June 2009", "2009-06-10") -> day;
- a day range in a month ("June 1-3", "1-3 June 2009") -> range;
- a month and day without a year ("June 10") -> day, in the year that puts it nearest the
  document's date ("June 10" in a cable of 2009-06-12 is 2009-06-10);
- a month and year ("the March 2009 capture") -> month; a year range ("1991-1992") -> range;
- a year after "in", "since", "by", "until", "during", "from", "of", "early", "late" or
  "mid-" ("in 2008") -> year; a month after such a word ("in March") -> month, in the year
  that puts it nearest the document's date;
- a weekday ("meet Tuesday", "told reporters Friday") -> day: the first such weekday on or after
  the start of the document's date when the verb is present or future, the last one on or
  before it when past ("Tuesday" in the seed article, estimated 2012-03-26..2012-04-01, is
  2012-03-27);
- "today", "yesterday", "tomorrow" -> day; "last/this/next week|month|year" -> range, month
  or year.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from cablewire.enrich.model import DateRef, Precision
from cablewire.enrich.structure import Segment
from cablewire.model.calendar import MONTHS, WEEKDAYS

_M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_Y = r"(?:19[0-9]{2}|20[0-9]{2})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mdy", re.compile(rf"\b(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_Y})\b")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M}),?\s+(?P<y>{_Y})\b")),
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<mm>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdrange",
        re.compile(
            rf"\b(?P<m>{_M})\s+(?P<d>\d{{1,2}})\s*(?:-|–|to)\s*(?P<d2>\d{{1,2}})"
            rf"(?:,?\s+(?P<y>{_Y}))?\b"
        ),
    ),
    (
        "dmrange",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})\s*(?:-|–)\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_M})"
            rf"(?:,?\s+(?P<y>{_Y}))?\b"
        ),
    ),
    ("md", re.compile(rf"\b(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,]*\s*{_Y})")),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M})\b")),
    ("my", re.compile(rf"\b(?P<m>{_M}),?\s+(?P<y>{_Y})\b")),
    ("yrange", re.compile(rf"\b(?P<y>{_Y})\s*(?:-|–|to)\s*(?P<y2>{_Y}|\d{{2}})\b")),
    (
        "y",
        re.compile(
            rf"(?i:\b(?:in|since|by|until|during|from|of|early|late|mid-|before|after|"
            rf"fiscal year|FY)\s*)(?P<y>{_Y})\b"
        ),
    ),
    (
        "m",
        re.compile(
            rf"(?i:\b(?:in|since|by|until|during|from|early|late|mid-|last|next|this)"
            rf"\s*)(?P<m>{_M})\b(?!\s+\d)"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"\b(?!,?\s+(?:" + _M + r"\s+\d|\d{1,2}\s+" + _M + "))"
        ),
    ),
    ("relday", re.compile(r"\b(?P<r>[Tt]oday|[Yy]esterday|[Tt]omorrow)\b")),
    (
        "relperiod",
        re.compile(r"\b(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<unit>week|month|year)\b"),
    ),
)
_PAST = frozenset(
    """said told wrote announced was were had met made took gave held began saw
    spoke left won lost paid fled rose fell sent struck came went did reported declared claimed
    killed attacked arrested seized launched signed visited returned issued released
    stated""".split()
)


def document_interval(doc: dict[str, Any]) -> tuple[date, date, str] | None:
    """The document's own date as an interval, and where it comes from."""
    for field in ("created", "published"):
        value = doc.get(field)
        if value:
            day = date.fromisoformat(str(value)[:10])
            return day, day, f"the document's {field} date {day.isoformat()}"
    estimate = doc.get("date_estimate")
    if estimate:
        lo, hi = date.fromisoformat(estimate["earliest"]), date.fromisoformat(estimate["latest"])
        return lo, hi, f"the document's date estimate {lo.isoformat()}..{hi.isoformat()}"
    return None


def find_dates(doc: dict[str, Any], segs: list[Segment]) -> list[DateRef]:
    """Every date expression of the prose and headings, resolved."""
    anchor = document_interval(doc)
    out: list[DateRef] = []
    for seg in segs:
        if seg.kind in ("prose", "heading"):
            out += _segment_dates(seg, anchor)
    return out


def _segment_dates(seg: Segment, anchor: tuple[date, date, str] | None) -> list[DateRef]:
    taken: list[tuple[int, int]] = []
    found: list[DateRef] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(seg.text):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            try:
                resolved = _resolve(kind, m, seg.text, anchor)
            except (TypeError, ValueError, OverflowError):  # an expression we misread: skip it
                resolved = None
            if resolved is None:
                continue
            lo, hi, precision, evidence = resolved
            start = m.start("y") if kind == "y" else m.start("m") if kind == "m" else m.start()
            text = seg.text[start : m.end()]
            taken.append((m.start(), m.end()))
            found.append(
                {
                    "text": text,
                    "value": _value(lo, hi, precision),
                    "start": lo.isoformat(),
                    "end": hi.isoformat(),
                    "precision": precision,
                    "field": seg.field,
                    "paragraph": seg.paragraph,
                    "offset": start,
                    "evidence": evidence,
                }
            )
    return sorted(found, key=lambda d: d["offset"])


def _resolve(
    kind: str, m: re.Match[str], text: str, anchor: tuple[date, date, str] | None
) -> tuple[date, date, Precision, str] | None:
    groups = m.groupdict()
    month = MONTHS.get(groups["m"].rstrip(".").lower()) if groups.get("m") else None
    if groups.get("mm"):
        month = int(groups["mm"])
    year = int(groups["y"]) if groups.get("y") else None
    try:
        if kind in ("mdy", "dmy", "iso"):
            day = date(year, month, int(groups["d"]))  # type: ignore[arg-type]
            return day, day, "day", "written in full"
        if kind in ("mdrange", "dmrange"):
            lo_d, hi_d = int(groups["d"]), int(groups["d2"])
            if hi_d <= lo_d:
                return None
            year, how = _year_for(month, lo_d, year, anchor)  # type: ignore[arg-type]
            return (
                date(year, month, lo_d),  # type: ignore[arg-type]
                date(year, month, hi_d),  # type: ignore[arg-type]
                "range",
                how,
            )
        if kind in ("md", "dm"):
            d = int(groups["d"])
            year, how = _year_for(month, d, None, anchor)  # type: ignore[arg-type]
            day = date(year, month, d)  # type: ignore[arg-type]
            return day, day, "day", how
        if kind == "my":
            if year is None or month is None:
                return None
            lo = date(year, month, 1)
            return lo, _month_end(lo), "month", "month and year written"
        if kind == "yrange":
            y2 = groups["y2"]
            end_year = int(y2) if len(y2) == 4 else (year // 100) * 100 + int(y2)  # type: ignore
            if not 0 < end_year - year <= 30:  # type: ignore[operator]
                return None
            return (
                date(year, 1, 1),  # type: ignore[arg-type]
                date(end_year, 12, 31),
                "range",
                "years written",
            )
        if kind == "y":
            return date(year, 1, 1), date(year, 12, 31), "year", "year written"  # type: ignore
        if kind == "m":
            if groups["m"].startswith("May") and not re.search(
                r"(?i)\b(?:in|since|until|"
                r"during|early|late|mid-)\s*May$",
                text[: m.end()],
            ):
                return None
            year, how = _year_for(month, 15, None, anchor)  # type: ignore[arg-type]
            lo = date(year, month, 1)  # type: ignore[arg-type]
            return lo, _month_end(lo), "month", how
        if kind == "weekday":
            return _weekday(groups["w"], m, text, anchor)
        if kind == "relday":
            return _relday(groups["r"].lower(), anchor)
        if kind == "relperiod":
            return _relperiod(groups["which"].lower(), groups["unit"], anchor)
    except ValueError:
        return None
    return None


def _year_for(
    month: int, day: int, year: int | None, anchor: tuple[date, date, str] | None
) -> tuple[int, str]:
    if year is not None:
        return year, "written in full"
    if anchor is None:
        raise ValueError("no year and no document date")
    lo, hi, where = anchor
    mid = lo + (hi - lo) / 2
    best = min(
        (mid.year - 1, mid.year, mid.year + 1), key=lambda y: abs((_safe(y, month, day) - mid).days)
    )
    return best, f"no year written: the one nearest {where}"


def _weekday(
    name: str, m: re.Match[str], text: str, anchor: tuple[date, date, str] | None
) -> tuple[date, date, Precision, str] | None:
    if anchor is None:
        return None
    lo, hi, where = anchor
    target = WEEKDAYS.index(name.lower())
    window = re.findall(r"[A-Za-z']+", text[max(0, m.start() - 60) : m.start()])[-6:]
    past = any(w.lower() in _PAST for w in window)
    if past:
        day = lo - timedelta(days=(lo.weekday() - target) % 7)
        how = f"past tense: the last {name} on or before the start of {where}"
    else:
        day = lo + timedelta(days=(target - lo.weekday()) % 7)
        how = f"present or future tense: the first {name} on or after the start of {where}"
    return day, day, "day", how


def _relday(
    word: str, anchor: tuple[date, date, str] | None
) -> tuple[date, date, Precision, str] | None:
    if anchor is None or anchor[0] != anchor[1]:
        return None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    day = anchor[0] + timedelta(days=shift)
    return day, day, "day", f"{word}, counted from {anchor[2]}"


def _relperiod(
    which: str, unit: str, anchor: tuple[date, date, str] | None
) -> tuple[date, date, Precision, str] | None:
    if anchor is None:
        return None
    ref = anchor[0]
    step = {"last": -1, "this": 0, "next": 1}[which]
    how = f"{which} {unit}, counted from {anchor[2]}"
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6), "range", how
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + step
        lo = date(index // 12, index % 12 + 1, 1)
        return lo, _month_end(lo), "month", how
    return date(ref.year + step, 1, 1), date(ref.year + step, 12, 31), "year", how


def _value(lo: date, hi: date, precision: Precision) -> str:
    if precision == "day":
        return lo.isoformat()
    if precision == "month":
        return lo.isoformat()[:7]
    if precision == "year":
        return str(lo.year)
    return f"{lo.isoformat()}/{hi.isoformat()}"


def _month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _safe(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))
