"""Identifiers: canonical cable reference ids and deterministic document ids.

A canonical cable id is the two-digit year, the station name without spaces and the serial
without leading zeros: `09BAMAKO387`. Citations write the same cable in many ways
(`BAMAKO 00186`, `06 TBILISI 2601`, `2007 MANAGUA 2135`, `'08 SECSTATE 74879`); the functions
here bring them all to that one form, with the station named as the release names it
(`cablewire.model.stations`: `08RIODEJAN12` and `08RIODEJANIERO12` are `08RIODEJANEIRO12`), and
read the damage the release's own ids carry (`08SCTION02OF02SAOPAULO335` is `08SAOPAULO335`).
The cablegate site's EFTO ids (`09EFTOLONDON2468`) are kept as it writes them.
"""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

from cablewire.model.release import in_release
from cablewire.model.stations import (
    ALIASES,
    compact_station,
    garbled_stations,
    known_stations,
    resolve_station,
    station_of,
)

# The station list and the reading of written station names live in `stations`; the names are
# kept here too, where the callers of ids have always found them.
STATION_ALIASES = ALIASES
__all__ = [
    "MESSAGE_ORIGINATORS", "STATION_ALIASES", "IdReading", "canonical_cable_id",
    "compact_station", "known_stations", "make_cable_id", "make_document_id", "originator_of",
    "plausible_station", "read_cable_id", "station_named", "station_of", "two_digit_year",
]

# Originators other than the State Department and its posts whose messages cables cite the way
# they cite cables, by originator and serial ("REF: SECDEF 122723", "A) USDOC 06988"): they are
# cables and get canonical ids ("10SECDEF122723"), though the release, which holds State cables
# only, has none of them. Intelligence reports (CIA TD numbers, DIA IIRs) are not among them:
# they are reports, cited by report number.
MESSAGE_ORIGINATORS = frozenset({
    "SECDEF", "USDOC", "CJCS", "JCS", "JOINTSTAFF", "WHITEHOUSE", "SECTO", "TOSEC",
    "USCINCCENT", "USCINCEUR", "USCINCPAC", "USCINCSO",
})

# Words that stand between a year and a number in REF lines without being stations.
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV",
           "DEC", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
           "OCTOBER", "NOVEMBER", "DECEMBER")
_NOISE = frozenset(_MONTHS) | {
    "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "REF", "REFS", "REFTEL", "REFTELS", "PAGE",
    "SECTION", "DATED", "IIR", "TD", "DTG", "EMAIL", "E-MAIL", "TELCON", "MEMO", "NOTE", "CIA",
    "CIAWASH", "FBI", "DIA", "NSA", "AND", "OF", "THE", "NO", "NR", "NUMBER", "ITEM", "SEE",
}

_SPACED_ID = re.compile(
    r"""^\s*(?:(?P<year>'?\d{2}|\d{4})\s*)?
        (?P<station>[A-Z][A-Z .'/-]*?[A-Z])\s*
        (?P<serial>\d{1,8})\s*$""",
    re.VERBOSE,
)


def originator_of(words: str) -> str | None:
    """The canonical originator for `words` naming one of `MESSAGE_ORIGINATORS`, with or
    without its address (`SECDEF WASHDC`, `WHITE HOUSE WASHINGTON DC`), else None."""
    compact = re.sub(r"[^A-Z]", "", words.upper())
    for suffix in ("WASHINGTONDC", "WASHDC", "WASHINGTON"):
        if compact.endswith(suffix) and compact[: -len(suffix)] in MESSAGE_ORIGINATORS:
            return compact[: -len(suffix)]
    return compact if compact in MESSAGE_ORIGINATORS else None


# How a cable's origin names its post before the station: "Embassy Bamako", "Consulate Sao Paulo".
_POST_PREFIXES = ("AMEMBASSY", "AMCONSUL", "CONSULATEGENERAL", "CONSULATE", "EMBASSY",
                  "USMISSION", "MISSION", "USOFFICE")
_ORIGIN_STATIONS = {"SECRETARYOFSTATE": "STATE", "DEPARTMENTOFSTATE": "STATE"}


def station_named(text: str) -> str | None:
    """The station part of cable ids for a station written as in an id, as a place or as a
    cable's origin; None when `text` cannot name a station. Examples::

        >>> station_named("Embassy New Delhi"), station_named("bamako")
        ('NEWDELHI', 'BAMAKO')
        >>> station_named("Secretary of State"), station_named("Consulate Sao Paulo")
        ('STATE', 'SAOPAULO')
    """
    compact = compact_station(text)
    compact = _ORIGIN_STATIONS.get(compact, compact)
    if compact in known_stations():
        return compact
    for prefix in _POST_PREFIXES:
        if compact.startswith(prefix) and len(compact) > len(prefix):
            rest = compact[len(prefix):]
            return STATION_ALIASES.get(rest, rest)
    return compact if 3 <= len(compact) <= 24 else None


def two_digit_year(year: str | int | None) -> str | None:
    """`'08`, `08`, `2008`, `8` and 2008 all give `08`; None stays None."""
    if year is None:
        return None
    digits = re.sub(r"\D", "", str(year))
    if not digits:
        return None
    return digits[-2:].zfill(2)


def plausible_station(words: str) -> bool:
    """Whether `words` (not a known station) could still name one: no month, no noise word,
    not a redaction (XXXX)."""
    tokens = re.findall(r"[A-Z][A-Z'.-]*", words.upper())
    if not tokens or any(t.strip(".'") in _NOISE for t in tokens):
        return False
    compact = compact_station(words)
    if re.fullmatch(r"X+", compact) or compact.startswith(("CIA", "IIR")):
        return False
    return 3 <= len(compact) <= 24


def make_cable_id(year: str | int, station: str, serial: str | int) -> str:
    """Assemble a canonical id from its parts."""
    yy = two_digit_year(year)
    if yy is None:
        raise ValueError(f"not a year: {year!r}")
    return f"{yy}{compact_station(station)}{int(str(serial))}"


class IdReading(NamedTuple):
    """A cable id read from text: the canonical id, the station as the text wrote it, and how
    the station was read (see `cablewire.model.stations.Resolution`; `kept` when the name is no
    station of the release and could not be read as one, so it stands as written)."""

    id: str
    written: str
    how: str


# A compact id as pages and file names write it, with the damage the site's ids carry: a
# doubled year (`7575LIBREVILLE1895`), a banner's section run in before the station in any
# garbled spelling (`08SCTION02OF02SAOPAULO335`, `09SECTIOQ1OF06HARARE876`, `0901OF02RPODUBAI288`),
# and a second number after a padded serial (`06MADRID002583ZFR2585`, `90STATE255577TOSEC140323`).
_DAMAGED_ID = re.compile(
    r"""^(?P<year>\d{2})(?P=year)?
        (?:[A-Z]{0,9}\d{1,2}[A-Z]{1,3}\d{1,2}(?=[A-Z]))?
        (?P<station>[A-Z]{2,40})
        (?P<serial>\d{1,8})
        (?:[A-Z]{2,20}\d{1,8})?$""",
    re.VERBOSE,
)
_PLAIN_ID = re.compile(r"^(\d{2})([A-Z]+)(\d{1,8})$")
_FOUR_DIGIT_YEAR = re.compile(r"^(?:19|20)(\d{2}[A-Z].*)$")


def read_cable_id(text: str, year: str | int | None = None) -> IdReading | None:
    """The canonical id of a cable written as `text` with how its station was read, or None
    when `text` is not a cable id. See `canonical_cable_id`."""
    cleaned = text.strip().upper()
    if len(cleaned) > 120:
        return None
    if (m := _PLAIN_ID.match(cleaned)) and m[2] in known_stations() and int(m[3]) > 0:
        return IdReading(f"{m[1]}{m[2]}{int(m[3])}", m[2], "known")  # as most ids are
    compact = re.sub(r"[\s.'/-]", "", cleaned)
    compact = _FOUR_DIGIT_YEAR.sub(r"\1", compact)
    m = _DAMAGED_ID.match(compact)
    if m and int(m.group("serial")) > 0:
        written = m.group("station")
        station, how = _station_for_id(written, explicit_year=True)
        if how == "kept" and (garbled := _garbled_in_release(written, m.group("year"),
                                                             int(m.group("serial")))):
            station, how = garbled, "garbled"
        if station is not None:
            return IdReading(f"{m.group('year')}{station}{int(m.group('serial'))}", written, how)
        return None
    m = _SPACED_ID.match(cleaned)
    if not m or int(m.group("serial")) == 0:
        return None
    yy = two_digit_year(m.group("year")) or two_digit_year(year)
    if yy is None:
        return None
    written = m.group("station")
    station = station_of(written)
    how = "known"
    if station is None:
        if m.group("year") is None:
            return None
        station, how = _station_for_id(written, explicit_year=True)
        if station is None:
            return None
    return IdReading(f"{yy}{station}{int(m.group('serial'))}", written, how)


def _station_for_id(written: str, explicit_year: bool) -> tuple[str | None, str]:
    """The station of an id's station part: the release's own name when one can be decided,
    else the name as written when it could still be one (`kept`), else None."""
    if written in known_stations():
        return written, "known"  # the common case, at no cost
    if not plausible_station(written) and not station_of(written):
        return None, "kept"  # a noise word (PARA, REFTEL), a redaction, too short or too long
    found = resolve_station(written)
    if found is not None:
        return found.station, found.how
    if explicit_year:
        return compact_station(written), "kept"
    return None, "kept"


def _garbled_in_release(written: str, year: str, serial: int) -> str | None:
    """Of the stations a name with garbled letters can be (`AQNA`: ASTANA, ADANA), the one
    whose cable of this year and serial the release has, when exactly one has it."""
    found = [s for s in garbled_stations(written) if in_release(f"{year}{s}{serial}")]
    return found[0] if len(found) == 1 else None


def canonical_cable_id(text: str, year: str | int | None = None) -> str | None:
    """The canonical id of a cable written as `text`, or None when `text` is not a cable id.

    `year` is the year of the citing cable: a citation without a year of its own
    (`BAMAKO 00186`) is taken to be from that year. The station is the release's own name for
    it, also where `text` abbreviates or misspells it (`cablewire.model.stations`); a name that
    is no station and cannot be read as one stays as written. Examples::

        >>> canonical_cable_id("BAMAKO 00186", year=2009)
        '09BAMAKO186'
        >>> canonical_cable_id("06 TBILISI 2601")
        '06TBILISI2601'
        >>> canonical_cable_id("SECSTATE 74879", year=2008)
        '08STATE74879'
        >>> canonical_cable_id("08BRASIIA12"), canonical_cable_id("08SCTION02OF02SAOPAULO335")
        ('08BRASILIA12', '08SAOPAULO335')
    """
    reading = read_cable_id(text, year)
    return reading.id if reading else None


RELEASE_YEARS = range(1966, 2011)
"""The years the cables of the release were written in."""


def yearless_candidates(text: str) -> list[str]:
    """The ids a cable id written without its year (`BAMAKO387`, `BAMAKO 00387`) can be, one
    per year of the release, oldest first; [] when `text` has a year or is no cable id.

        >>> yearless_candidates("BAMAKO 00387")[:2], len(yearless_candidates("BAMAKO387"))
        (['66BAMAKO387', '67BAMAKO387'], 45)
        >>> yearless_candidates("09BAMAKO387"), yearless_candidates("Toure")
        ([], [])
    """
    if canonical_cable_id(text) is not None or canonical_cable_id(text, year=2009) is None:
        return []
    return list(dict.fromkeys(c for y in RELEASE_YEARS
                              if (c := canonical_cable_id(text, year=y)) is not None))


def make_document_id(*parts: str) -> str:
    """A deterministic id from natural-key parts (a URL, or normalised text)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]
