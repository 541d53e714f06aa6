"""A cable's id from its own text, when no page or file name gives it.

The id is the year, the station and the serial (`09BAMAKO387`). The classification line gives
the station and the serial (`C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571`; a redacted
station, `XXXXXXXXXXXX 000004`, is taken from the FM line instead). The year comes from the date
the text states: a date-time group, a copy's `Cable dated:` line or dump row. A partial extract
often states none; then the year is inferred from evidence in the text, each candidate in turn:

1. the declassification date, ten years on (E.O. 12958's default; `DECL: 11/01/2014` for a
   cable of November 2004), then its other usual spans (20, 25, 9, 5, 15 and 30 years, as often
   as the corpus uses them), none before the latest year of the cables its REF line cites with
   their year (`04 NEW DELHI 6881`): a cable cites none written after it;
2. the two latest years its text names (`in 2004`), none before that year either;

and a candidate is taken only when the release has a cable of that station, serial and year:
for a declassification date, one of about that month; for a year the text names, none of that
station and serial in the years either side (serials start again each year, so a neighbour's
would make it a guess). The text proposes, the release's id list (`cablewire.model.release`)
decides; the cable says which evidence it was, in a warning. On the corpus's pages the year so
inferred is right on 338 of 339 (`benchmarks/telegram_only.py`).
An id of the cablegate site's `E F T O` banners keeps the EFTO, as the site writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.model.calendar import cable_year
from cablewire.model.ids import IdReading, read_cable_id
from cablewire.model.release import release_months
from cablewire.model.stations import resolve_station

_REDACTED = re.compile(r"^[X\s]{3,}$", re.IGNORECASE)
_FM_POST = re.compile(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|USOFFICE|USINT|AMEMB)\s+", re.IGNORECASE)
_DECL_SPANS = (10, 20, 25, 9, 5, 15, 30)  # as often as the corpus uses them
_TEXT_YEAR = re.compile(r"(?<![\d/.-])(19[6-9]\d|200\d|2010)(?![\d/.-])")
_SEARCH_CHARS = 60_000


@dataclass
class TelegramId:
    """The id found, the year it used, and what the cable should say about how."""

    id: str | None = None
    year: int | None = None
    warnings: list[str] = field(default_factory=list)


def id_from_telegram(
    station: str | None,
    serial: str | None,
    efto_spaced: bool,
    sender: str | None,
    year: int | None,
    decl: str | None = None,
    ref_ids: list[str] | None = None,
    text: str = "",
) -> TelegramId:
    """The id of a telegram from its banner's station and serial, its FM line and the year it
    states (None when it states none: then inferred, see the module docstring)."""
    out = TelegramId(year=year)
    if not serial or not serial.isdigit() or int(serial) == 0:
        return out
    written = station or ""
    if not station or _REDACTED.match(station):
        written = _FM_POST.sub("", sender or "").strip()
        if not written:
            return out
        if station:
            out.warnings.append(f"station redacted in the banner: {written} from the FM line")
    found = resolve_station(written)
    name = found.station if found else re.sub(r"[^A-Z]", "", written.upper())
    if efto_spaced and not name.startswith("EFTO"):
        name = "EFTO" + name  # as the site writes the ids of `E F T O` banners
    if found is None:
        out.warnings.append(f"station {written!r} is no station of the release; kept as written")
    elif found.how not in ("known", "alias", "efto"):
        out.warnings.append(f"station {written!r} read as {found.station} ({found.how})")
    if year is None:
        year, why = _infer_year(name, int(serial), decl, ref_ids or [], text)
        if year is None:
            return out
        out.year = year
        out.warnings.append(f"year {year} inferred from {why}")
    out.id = f"{year % 100:02d}{name}{int(serial)}"
    return out


def disagreement(station: str | None, serial: str | None, sender: str | None,
                 de_serial: str | None) -> str | None:
    """A warning when the banner and the routing header name different cables (a copy that
    joined one cable's routing header to another's text), else None. The DE line of a post
    (an embassy, consulate or mission) gives the serial's last four digits, the FM line the
    sending station."""
    if not serial or not serial.isdigit():
        return None
    post = bool(_FM_POST.match(sender or ""))  # a post's DE serial is its cable serial
    if post and de_serial and int(de_serial) % 10_000 != int(serial) % 10_000:
        return (f"the banner's serial {serial} is not the routing header's #{de_serial}: "
                "the text may join two cables")
    fm = _FM_POST.sub("", sender or "").strip()
    if station and fm and not _REDACTED.match(station) and fm != "SECSTATE WASHDC":
        ours, theirs = resolve_station(station), resolve_station(fm)
        if ours and theirs and ours.station != theirs.station and not (
                ours.station.startswith("EFTO") or theirs.station in ours.station
                or ours.station in theirs.station):
            return (f"the banner's station {station} is not the FM line's {fm}: "
                    "the text may join two cables")
    return None


def id_from_page(page_id: str) -> tuple[str, list[str]]:
    """The canonical id of a page's own id, and what the cable should say when it is not the
    id as written (a misspelt station, a banner's section run into it)."""
    reading: IdReading | None = read_cable_id(page_id)
    if reading is None:
        return page_id.strip(), []
    if reading.how == "kept":
        return reading.id, [f"station {reading.written!r} of id {page_id} is no station of "
                            "the release; kept as written"]
    if reading.id != page_id.strip() and reading.how not in ("known", "alias", "efto"):
        return reading.id, [f"id {page_id} read as {reading.id} ({reading.how})"]
    return reading.id, []


def _infer_year(
    station: str, serial: int, decl: str | None, ref_ids: list[str], text: str
) -> tuple[int | None, str]:
    months = release_months()
    ref_years = sorted({cable_year(int(r[:2])) for r in ref_ids if r[:2].isdigit()}, reverse=True)
    floor = ref_years[0] if ref_years else 0  # a cable cites none written after it
    if decl:
        decl_year, decl_month = int(decl[:4]), int(decl[5:7])
        for span in _DECL_SPANS:
            year = decl_year - span
            if year < floor:
                continue
            month = months.get(f"{year % 100:02d}{station}{serial}")
            if month and abs(int(month[5:7]) - decl_month) <= 1:
                return year, (f"the declassification date {decl} ({span} years on) and the "
                              "release's id list")
    mentioned = sorted({int(y) for y in _TEXT_YEAR.findall(text[:_SEARCH_CHARS])}, reverse=True)
    for year in [y for y in mentioned if y >= floor][:2]:
        if f"{year % 100:02d}{station}{serial}" in months and _alone(months, station, serial,
                                                                     year):
            return year, f"the year {year} its text names and the release's id list"
    return None, ""


def _alone(months: dict[str, str], station: str, serial: int, year: int) -> bool:
    """Whether the release has no cable of this station and serial in the years either side
    (serials start again each year: a neighbour's would make the year a guess)."""
    return all(f"{y % 100:02d}{station}{serial}" not in months for y in (year - 1, year + 1))

