"""Identifiers: canonical cable reference ids and deterministic document ids.

A canonical cable id is the two-digit year, the station name without spaces and the serial
without leading zeros: `09BAMAKO387`. Citations write the same cable in many ways
(`BAMAKO 00186`, `06 TBILISI 2601`, `2007 MANAGUA 2135`, `'08 SECSTATE 74879`); the functions
here bring them all to that one form.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources

# Station spellings used in citations that differ from the station part of the cable id.
STATION_ALIASES = {
    "SECSTATE": "STATE",
    "SECSTATEWASHDC": "STATE",
    "SECSTATEWASHINGTON": "STATE",
    "STATEWASHDC": "STATE",
    "DEPTOFSTATE": "STATE",
    "USUN": "USUNNEWYORK",
    "USUNNY": "USUNNEWYORK",
    "USMISSIONUSUNNEWYORK": "USUNNEWYORK",
    "USMISSIONGENEVA": "GENEVA",
    "USMISSIONUSNATO": "USNATO",
    "USMISSIONUSOSCE": "USOSCE",
    "UNVIE": "UNVIEVIENNA",
    "USEU": "USEUBRUSSELS",
    "AIT": "AITTAIPEI",
    "TAIPEI": "TAIPEI",
    "RPODUBAI": "RPODUBAI",
    "KYIV": "KYIV",
    "HCMC": "HOCHIMINHCITY",
    "HOCHIMINH": "HOCHIMINHCITY",
    "DARESSALAM": "DARESSALAAM",
    "PORTOFSPAIN": "PORTOFSPAIN",
    "STPETERSBURG": "STPETERSBURG",
    "SAINTPETERSBURG": "STPETERSBURG",
    "MEXICOCITY": "MEXICO",
    "GUATEMALACITY": "GUATEMALA",
    "PANAMACITY": "PANAMA",
    "KUWAITCITY": "KUWAIT",
    "VATICANCITY": "VATICAN",
    "HOLYSEE": "VATICAN",
    "HAGUE": "THEHAGUE",
    "CASA": "CASABLANCA",
}

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

_COMPACT_ID = re.compile(r"^(\d{2})([A-Z]+?)0*(\d+)$")
_SPACED_ID = re.compile(
    r"""^\s*(?:(?P<year>'?\d{2}|\d{4})\s*)?
        (?P<station>[A-Z][A-Z .'/-]*?[A-Z])\s*
        (?P<serial>\d{1,8})\s*$""",
    re.VERBOSE,
)


@lru_cache(maxsize=1)
def known_stations() -> frozenset[str]:
    """Station names as they occur in the cable ids of the full release."""
    text = resources.files("cablewire.data").joinpath("stations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def compact_station(words: str) -> str:
    """`NEW DELHI` -> `NEWDELHI`; `SECSTATE WASHDC` -> `STATE`; unknown names just lose spaces."""
    compact = re.sub(r"[^A-Z]", "", words.upper())
    return STATION_ALIASES.get(compact, compact)


def station_of(words: str) -> str | None:
    """The canonical station for `words` when it is a known station, else None."""
    compact = compact_station(words)
    if compact in known_stations():
        return compact
    if compact.endswith("WASHDC") and compact[:-6] in STATION_ALIASES:
        return STATION_ALIASES[compact[:-6]]
    return None


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


def canonical_cable_id(text: str, year: str | int | None = None) -> str | None:
    """The canonical id of a cable written as `text`, or None when `text` is not a cable id.

    `year` is the year of the citing cable: a citation without a year of its own
    (`BAMAKO 00186`) is taken to be from that year. Examples::

        >>> canonical_cable_id("BAMAKO 00186", year=2009)
        '09BAMAKO186'
        >>> canonical_cable_id("06 TBILISI 2601")
        '06TBILISI2601'
        >>> canonical_cable_id("SECSTATE 74879", year=2008)
        '08STATE74879'
    """
    cleaned = text.strip().upper()
    m = _COMPACT_ID.match(re.sub(r"[\s.]", "", cleaned))
    if m and int(m.group(3)) > 0:
        yy, station, serial = m.groups()
        station = STATION_ALIASES.get(station, station)
        if station in known_stations() or plausible_station(station):
            return f"{yy}{station}{int(serial)}"
        return None
    m = _SPACED_ID.match(cleaned)
    if not m:
        return None
    yy = two_digit_year(m.group("year")) or two_digit_year(year)
    if yy is None:
        return None
    if int(m.group("serial")) == 0:
        return None
    station = station_of(m.group("station"))
    if station is None:
        if m.group("year") is None or not plausible_station(m.group("station")):
            return None
        station = compact_station(m.group("station"))
    return f"{yy}{station}{int(m.group('serial'))}"


def make_document_id(*parts: str) -> str:
    """A deterministic id from natural-key parts (a URL, or normalised text)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]
