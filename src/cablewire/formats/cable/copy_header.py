"""What a copy of a cable says about it outside the telegram: its id, when it was sent, its
classification.

Pages and dumps put the release's own record of the cable beside its text, and a user who copies
the text takes it along::

    Cable dated:2006-11-16T12:00:00                  (run into the banner after it, or not)
    Friday, 23 February 2001, 15:53                  (the cablegate page's date line)
    62979<TAB>2006-05-05 12:59:00<TAB>06TASHKENT902<TAB>Embassy Tashkent<TAB>SECRET<TAB>...
    137583,1/16/2008 17:47,08BUENOSAIRES62,Embassy BuenosAires,UNCLASSIFIED//FOR OFFICIA...
    id: 14485 / date: 3/2/2004 22:05 / refid: 04BOGOTA2313 / classification: SECRET
    ORIGIN: 09KUWAIT110 / DATE: 2009-02-05 16:36:00 / CLASSIFICATION: SECRET//NOFORN
    1113 / 2000-06-07 / 00THEHAGUE1695 / Embassy The Hague / UNCLASSIFIED  (one field a line,
                                                     inside the text of a partial extract)
    > / 04.10.2009 01:32 / 09SHANGHAI160 / Consulate Shanghai / CONFIDENTIAL (month first)
    261640Z Jun 06                                   (a date-time group alone above the banner)

`read_copy_header()` reads the dated lines, labelled fields and dump rows in the lines above the
classification line; `read_dump_row()` a dump row anywhere, for a text whose top says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from cablewire.model.calendar import MONTHS, cable_year

CABLE_DATED = re.compile(r"Cable[^\S\n]+dated:[^\S\n]*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
# The cablegate page's date line (`Friday, 23 February 2001, 15:53`), a line of its own.
PAGE_DATE_LINE = re.compile(
    r"^[^\S\n]*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}"
    r"(?:, \d{1,2}:\d\d)?[^\S\n]*$"
)
_WEEKDAY = re.compile(
    r"^[^\S\n]*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[^\S\n]+(\d{1,2})[^\S\n]+"
    r"([A-Z][a-z]+)[^\S\n]+(\d{4}),[^\S\n]+(\d{1,2}):(\d{2})"
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ ](\d{1,2}):(\d{2}))?$")
_DOTTED = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})[ ](\d{1,2}):(\d{2})$")
_LABEL = re.compile(r"^[^\S\n]*(ID|REFID|ORIGIN|DATE|CLASSIFICATION)[^\S\n]*:[^\S\n]*(.*?)\s*$",
                    re.IGNORECASE)
ID_FIELD = re.compile(r"^\d{2}[A-Z][A-Z0-9]{1,40}\d$")
_SITE_CLASSES = ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "UNCLASSIFIED//FOR OFFICIA LUSEONLY",
                 "SECRET//NOFORN", "CONFIDENTIAL//NOFORN", "UNCLASSIFIED", "CONFIDENTIAL",
                 "SECRET")
# A dump row written one field a line: number, date, id (blank lines between them or not).
_FIELD_ROW = re.compile(
    r"^[^\S\n]*\d{1,7}[^\S\n]*\n\s*(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)"
    r"[^\S\n]*\n\s*(\d{2}[A-Z][A-Z0-9]{1,40}\d)[^\S\n]*$",
    re.M,
)
# A dump row anywhere in the text (a partial extract carries it after its banner), its date
# and time perhaps broken over two lines: `21950,10/22/2004 15:09,04THEHAGUE2735,"Embassy...`
_ROW = re.compile(
    r"^[^\S\n]*\d{1,7}[\t,](?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2}))"
    r"\s(\d{1,2}):(\d{2})(?::\d{2})?[\t,](\d{2}[A-Z][A-Z0-9]{1,40}\d)[\t,]",
    re.M,
)
_DTG_ALONE = re.compile(
    r"^[^\S\n]*(\d{2})(\d{2})(\d{2})Z[^\S\n]+([A-Za-z]{3})[^\S\n]+(\d{2})[^\S\n]*$"
)
_HEAD_LINES = 12


@dataclass
class CopyHeader:
    """The release's record of a cable as a copy carries it; None where it says nothing."""

    created: str | None = None
    created_form: str | None = None
    id: str | None = None
    classification: str | None = None


def read_copy_header(head: list[str]) -> CopyHeader:
    """The copy's record from `head`: the lines above the classification line, routing lines
    left out."""
    out = CopyHeader()
    for line in head[:_HEAD_LINES]:
        if line.strip():
            _read_line(line, out)
    return out


def read_dump_row(text: str, out: CopyHeader) -> None:
    """Fill `out` from a dump row anywhere in `text` (one field a line, or a CSV or TSV line):
    for a text whose top gave no date (a partial extract carries its row after the banner)."""
    if out.created is None and "\n" in text:
        m = _FIELD_ROW.search(text)
        if m:
            out.created, out.created_form = _date(m[1]), "dump row"
            out.id = out.id or m[2]
    if out.created is None and ("," in text or "\t" in text):
        m = _ROW.search(text)
        if m:
            if m[3]:
                stamp = _stamp(int(m[3]), int(m[1]), int(m[2]), int(m[7]), int(m[8]))
            else:
                stamp = _stamp(int(m[4]), int(m[5]), int(m[6]), int(m[7]), int(m[8]))
            _set_date(out, stamp, "dump row")
            out.id = out.id or m[9]


def _read_line(line: str, out: CopyHeader) -> None:
    if "dated" in line and (m := CABLE_DATED.search(line)):
        _set_date(out, _stamp(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5])),
                  "Cable dated")
        return
    if "day," in line and (m := _WEEKDAY.match(line)):
        month = MONTHS.get(m[2][:3].lower())
        if month:
            _set_date(out, _stamp(int(m[3]), month, int(m[1]), int(m[4]), int(m[5])),
                      "page date line")
        return
    if ":" in line and (m := _LABEL.match(line)):
        label, value = m[1].upper(), m[2]
        if label == "DATE":
            _set_date(out, _date(value), "labelled date")
        elif label in ("REFID", "ORIGIN") and ID_FIELD.match(value):
            out.id = out.id or value
        elif label == "CLASSIFICATION":
            out.classification = out.classification or _site_class(value)
        return
    alone = line.strip()
    if "Z" in alone and (m := _DTG_ALONE.match(alone)):  # `261640Z Jun 06` above the banner
        month = MONTHS.get(m[4].lower())
        year = cable_year(int(m[5]))
        if month:
            _set_date(out, _stamp(year, month, int(m[1]), int(m[2]), int(m[3])),
                      "date-time group line")
        return
    if ID_FIELD.match(alone):  # a dump row written one field a line
        out.id = out.id or alone
        return
    if alone[:1].isdigit() and (stamp := _date(alone)):
        _set_date(out, stamp, "dump row")
        return
    sep = "\t" if "\t" in line else "," if line.count(",") >= 3 else None
    if sep is None:
        return
    fields = [f.strip().strip('"') for f in line.split(sep)[:8]]
    dates = [d for d in (_date(f) for f in fields) if d]
    ids = [f for f in fields if ID_FIELD.match(f)]
    if dates and ids:
        _set_date(out, dates[0], "dump row")
        out.id = out.id or ids[0]
        classes = [c for c in (_site_class(f) for f in fields) if c]
        out.classification = out.classification or (classes[0] if classes else None)


def _set_date(out: CopyHeader, stamp: str | None, form: str) -> None:
    if stamp and out.created is None:
        out.created, out.created_form = stamp, form


def _date(value: str) -> str | None:
    value = value.strip()
    if m := _ISO.match(value):
        return _stamp(int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0),
                      day_only=m[4] is None)
    if m := _DOTTED.match(value):  # month first, as the dumps write it: 04.10.2009 = 10 April
        return _stamp(int(m[3]), int(m[1]), int(m[2]), int(m[4]), int(m[5]))
    if m := _US.match(value):
        return _stamp(int(m[3]), int(m[1]), int(m[2]), int(m[4] or 0), int(m[5] or 0),
                      day_only=m[4] is None)
    return None


def _site_class(value: str) -> str | None:
    compact = " ".join(value.upper().split())
    if compact == "UNCLASSIFIED//FOR OFFICIA LUSEONLY":  # a dump's own typing
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    return compact if compact in _SITE_CLASSES else None


def _stamp(year: int, month: int, day: int, hour: int, minute: int,
           day_only: bool = False) -> str | None:
    if not 1966 <= year <= 2011:
        return None
    try:
        stamp = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    return stamp.strftime("%Y-%m-%d" if day_only else "%Y-%m-%dT%H:%M:%S")
