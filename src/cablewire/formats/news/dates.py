"""Dates in news text: the dateline, a stated publication date, and an estimate when the date
can only be inferred.

The estimate reasons the way a reader does. A dated photo caption or a past event gives a lower
bound; a dated future event an upper bound. "last week's coup" puts publication in the calendar
week after the latest dated event (weeks start on Monday, ISO 8601); "this month", "last month",
"this year" and "last year" work the same way with months and years. A bare weekday ("meet
Tuesday", "told reporters Friday") follows news style: it names a day within six days of
publication, after it when the verb is future or present, before it when past. The estimate is
every day that satisfies all of these, given only when the evidence bounds it on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from cablewire.model.calendar import MONTHS, WEEKDAYS
from cablewire.model.document import DateEstimate

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?" \
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ABSOLUTE_DATE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>last|this|earlier this|later this|past)\s+(?P<unit>week|month|year)"
    r"(?:['’]s\s+[\w-]+)?",
    re.IGNORECASE,
)
BARE_WEEKDAY = re.compile(
    rf"\b(?P<day>{_WEEKDAY})\b(?!,?\s+(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}))"
)
_FUTURE = frozenset(
    "will 'll shall next due scheduled set expected planned plans plan meet meets"
    " begin begins start starts open opens hold holds resume resumes vote votes visit"
    " visits travel travels convene convenes arrive arrives face faces play plays".split()
)
_PAST = frozenset(
    "said told wrote announced was were had met made took gave held began saw spoke left"
    " won lost paid fled rose fell sent struck came went did reported declared".split()
)

DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2})?)"
    rf"(?:,\s*(?P<when>{_MONTH}\s+\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&'-]{0,40})\))?"
    r"(?:\s*[—–]\s*|\s+--?\s+|:\s+)(?P<rest>[\"“‘'A-Z0-9].*)$",
    re.DOTALL,
)
_PUBLISHED_LINE = re.compile(
    r"^(?:(?P<label>Published|Posted|First published|Updated|Last updated|Date)\b"
    r"(?:\s+on)?:?\s*)?(?P<rest>.{0,60})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """An absolute date in the text, as written."""

    day: date
    phrase: str
    start: int


def parse_absolute(text: str) -> list[FoundDate]:
    """Every complete date (day, month and year) written in `text`."""
    found: list[FoundDate] = []
    if not _YEAR.search(text):
        return found
    for m in ABSOLUTE_DATE.finditer(text):
        if m.group("y1"):
            y, mo, d = m.group("y1"), MONTHS[m.group("m1").rstrip(".").lower()], m.group("d1")
        elif m.group("y2"):
            y, mo, d = m.group("y2"), MONTHS[m.group("m2").rstrip(".").lower()], m.group("d2")
        else:
            y, mo, d = m.group("y3"), int(m.group("m3")), m.group("d3")
        try:
            found.append(FoundDate(date(int(y), int(mo), int(d)), m.group(0), m.start()))
        except ValueError:
            continue
    return found


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """`("STUTTGART, Germany", rest)` for "STUTTGART, Germany — rest"; `(None, paragraph)` when
    the paragraph opens with no dateline."""
    m = DATELINE.match(paragraph)
    if not m or len(m.group("place")) > 60 or len(m.group("rest")) < 20:
        return None, paragraph
    head = m.group("place").split(",")[0]
    if sum(ch.isupper() for ch in head) < 2 or not head.replace(" ", "").isupper():
        return None, paragraph
    return m.group("place").strip(), m.group("rest").strip()


def published_from_line(line: str) -> tuple[str, bool] | None:
    """`(ISO date, is_update)` when `line` is a short publication-date line such as "Published:
    March 26, 2012" or "26 March 2012 10:14 GMT"; None for anything else."""
    if len(line) > 90:
        return None
    m = _PUBLISHED_LINE.match(line.strip())
    if not m:
        return None
    dates = parse_absolute(m.group("rest"))
    if len(dates) != 1:
        return None
    leftover = m.group("rest").replace(dates[0].phrase, " ")
    if re.search(r"[a-z]{4,}", re.sub(r"\b(?:at|on|am|pm|GMT|UTC|EST|EDT|BST|CET)\b", "",
                                        leftover, flags=re.IGNORECASE)):
        return None
    label = (m.group("label") or "").lower()
    return dates[0].day.isoformat(), "update" in label


def estimate_date(paragraphs: list[str], captions: list[str]) -> DateEstimate | None:
    """The interval in which the article was most likely published, from its evidence."""
    lower: list[tuple[date, str]] = []
    upper: list[tuple[date, str]] = []
    for text in captions:
        lower.extend((f.day, f.phrase) for f in parse_absolute(text))
    for text in paragraphs:
        for f in parse_absolute(text):
            window = text[max(0, f.start - 80): f.start].lower().split()[-8:]
            future = any(w in _FUTURE for w in window) and not any(
                w in ("was", "were", "had", "been") for w in window
            )
            (upper if future else lower).append((f.day, f.phrase))
    if not lower:
        return None
    anchor = earliest = max(lower)[0]
    latest = min(upper)[0] if upper else None
    evidence = [max(lower)[1]] + ([min(upper)[1]] if upper else [])
    joined = "\n".join(paragraphs)
    periods = sorted(RELATIVE_PERIOD.finditer(joined),
                     key=lambda m: m.group("unit").lower() == "year")
    if latest is None and all(m.group("unit").lower() == "year" for m in periods):
        return None  # a year alone is too coarse to date an article
    for m in periods:
        span = _period_after(anchor, m.group("which").lower(), m.group("unit").lower())
        if span is None:
            continue
        if span[0] > earliest or latest is None or span[1] < latest:
            evidence.append(m.group(0))
        earliest = max(earliest, span[0])
        latest = span[1] if latest is None else min(latest, span[1])
    if latest is None or latest < earliest or (latest - earliest).days > 62:
        return None
    candidates = [earliest + timedelta(days=n) for n in range((latest - earliest).days + 1)]
    cues = [cue for cue in _weekday_cues(paragraphs)
            if not all(_fits(day, cue) for day in candidates)]
    days = [day for day in candidates if all(_fits(day, cue) for cue in cues)]
    if not days:
        return None
    evidence += [cue[2] for cue in cues]
    return {
        "earliest": days[0].isoformat(),
        "latest": days[-1].isoformat(),
        "evidence": list(dict.fromkeys(evidence)),
    }


def _period_after(anchor: date, which: str, unit: str) -> tuple[date, date] | None:
    """The span in which "`which` `unit`" (said at publication) covers the `anchor` day."""
    same = which in ("this", "earlier this", "later this")
    if which == "past":
        return None
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        start = monday if same else monday + timedelta(days=7)
        return start, start + timedelta(days=6)
    if unit == "month":
        y, m = (anchor.year, anchor.month) if same else _next_month(anchor.year, anchor.month)
        ny, nm = _next_month(y, m)
        return date(y, m, 1), date(ny, nm, 1) - timedelta(days=1)
    year = anchor.year if same else anchor.year + 1
    return date(year, 1, 1), date(year, 12, 31)


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _weekday_cues(paragraphs: list[str]) -> list[tuple[int, str, str]]:
    """(weekday number, "past" | "future", evidence phrase) for each bare weekday whose tense
    the words before it tell."""
    cues = []
    for text in paragraphs:
        for m in BARE_WEEKDAY.finditer(text):
            before = re.split(r"[.;!?“”\"]", text[max(0, m.start() - 60): m.start()])[-1]
            words = re.findall(r"[\w']+", before.lower())[-4:]
            if "last" in words[-1:] or "next" in words[-1:]:
                continue  # "last Tuesday", "next Tuesday": a week off; not used
            tense = None
            for w in reversed(words):
                if w in _FUTURE:
                    tense = "future"
                    break
                if w in _PAST or (w.endswith("ed") and len(w) > 4):
                    tense = "past"
                    break
            if tense is None:
                continue
            marker = next(i for i in range(len(words) - 1, -1, -1)
                          if words[i] in _FUTURE or words[i] in _PAST
                          or (words[i].endswith("ed") and len(words[i]) > 4))
            start = before.lower().rfind(words[marker])
            phrase = before[start:] + m.group("day")
            cues.append((WEEKDAYS.index(m.group("day").lower()), tense, phrase))
    return cues


def _fits(day: date, cue: tuple[int, str, str]) -> bool:
    weekday, tense, _ = cue
    if tense == "past":
        gap = (day.weekday() - weekday) % 7
    else:
        gap = (weekday - day.weekday()) % 7
    return 1 <= gap <= 6
