"""Cable jargon decoded: TAGS codes, routing indicators, precedence and classification markings.

Sources:

- subject and keyword tags: `data/tag-meanings.tsv`, hand-written from the State Department's TAGS
  handbook (5 FAH-3 H-700); each line says whether its gloss follows the handbook or is inferred;
- country tags: FIPS 10-4 codes, as GeoNames lists them per country (`ML` Mali, `AG` Algeria);
- organisation tags: `data/organization-tags.txt` (heuer/cablemap, BSD), with a meaning where the
  organisation is one `aliases.KNOWN` knows;
- person tags: `SURNAME, GIVEN` or a bare surname in the tag line (TAGS admits names of persons);
- routing indicators: `data/routing-indicators.csv` (heuer/cablemap, BSD);
- precedence and classification: the definitions of the State Department's Foreign Affairs Manual
  (5 FAH-2 H-200 precedence levels; 12 FAM 500 classification levels and E.O. 12958 §1.4 reasons).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import Any

from cablewire.enrich.gazetteer import country_by_code
from cablewire.enrich.model import Jargon, RouteMeaning, TagMeaning

PRECEDENCE = {
    "FLASH": "flash (Z): the highest precedence, for messages on imminent danger; handled at once",
    "NIACT IMMEDIATE": "immediate, night action: the addressee is to be woken to act on it",
    "IMMEDIATE": "immediate (O): to be handled before all but flash traffic, within hours",
    "PRIORITY": "priority (P): to be handled before routine traffic, the same working day",
    "ROUTINE": "routine (R): the normal precedence, handled in order of receipt",
}
CLASSIFICATION_LEVELS = {
    "UNCLASSIFIED": "not classified",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "not classified, but not for public release",
    "SENSITIVE BUT UNCLASSIFIED": "not classified, but to be protected from public release",
    "CONFIDENTIAL": "disclosure could be expected to damage national security",
    "SECRET": "disclosure could be expected to cause serious damage to national security",
    "TOP SECRET": "disclosure could be expected to cause exceptionally grave damage",
}
CAVEATS = {
    "NOFORN": "not releasable to foreign nationals",
    "ORCON": "dissemination controlled by the originator",
    "NODIS": "no distribution beyond the named addressees",
    "EXDIS": "exclusive distribution to officials with an essential need to know",
    "LIMDIS": "limited distribution",
    "SIPDIS": "cleared for distribution on SIPRNet (the Net-Centric Diplomacy database)",
    "REL": "releasable to the countries named",
}
REASONS = {
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


@functools.cache
def subject_tags() -> dict[str, str]:
    """Subject and keyword TAGS codes -> meaning."""
    out: dict[str, str] = {}
    for line in _data("tag-meanings.tsv").splitlines():
        if line and not line.startswith("#"):
            code, meaning, _basis = line.split("\t")
            out[code] = meaning
    for code in _data("subject-tags.txt").split():
        out.setdefault(code, _area(code))
    return out


@functools.cache
def organization_tags() -> frozenset[str]:
    return frozenset(_data("organization-tags.txt").split())


@functools.cache
def routing_indicators() -> dict[str, str]:
    """Routing indicator (`RUEHBP`) -> station (`AMEMBASSY BAMAKO`)."""
    rows = csv.reader(io.StringIO(_data("routing-indicators.csv")))
    return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2}


def explain_tag(tag: str) -> TagMeaning:
    """What one TAGS code means, and which kind of tag it is."""
    code = tag.strip()
    subjects = subject_tags()
    if code in subjects:
        return {"tag": code, "kind": "subject", "meaning": subjects[code]}
    if re.fullmatch(r"[A-Z]{2}", code):
        country = country_by_code().get("FIPS:" + code)
        if country is not None:
            return {"tag": code, "kind": "country", "meaning": country.name}
    if code in organization_tags():
        return {"tag": code, "kind": "organization", "meaning": _organization(code)}
    if "," in code or re.fullmatch(r"[A-Z][a-z]+|[A-Z][A-Z'\-]+ [A-Z][A-Z'\- ]+", code):
        return {"tag": code, "kind": "person", "meaning": _person(code)}
    if re.fullmatch(r"K[A-Z]{3}|[ABCEMOPST][A-Z]{3}", code):
        return {"tag": code, "kind": "subject", "meaning": _area(code)}
    return {"tag": code, "kind": "unknown", "meaning": None}


def explain_document(doc: dict[str, Any]) -> Jargon:
    """The jargon of one document (an article has none: empty lists and nulls)."""
    tags = [explain_tag(t) for t in doc.get("tags") or []]
    routing: list[RouteMeaning] = []
    for field in ("recipients", "info_recipients"):
        for rec in doc.get(field) or []:
            route = rec.get("route")
            station = routing_indicators().get(route) if route else None
            routing.append(
                {"field": field, "route": route, "name": rec.get("name") or "", "station": station}
            )
    precedence = None
    if doc.get("precedence"):
        word = str(doc["precedence"]).upper()
        precedence = {"marking": word, "meaning": PRECEDENCE.get(word, "unknown precedence")}
    return {
        "tags": tags,
        "routing": routing,
        "precedence": precedence,
        "classification": explain_classification(doc),
    }


def explain_classification(doc: dict[str, Any]) -> dict[str, str] | None:
    """Level, caveats and reasons of a cable's classification, each explained."""
    marking = doc.get("classification")
    if not marking:
        return None
    parts = [p.strip() for p in str(marking).upper().split("//") if p.strip()]
    out: dict[str, str] = {"marking": str(marking)}
    level = parts[0] if parts else ""
    out[level] = CLASSIFICATION_LEVELS.get(level, "unknown level")
    for part in parts[1:]:
        if " ".join(parts[:2]) in CLASSIFICATION_LEVELS:
            out[" ".join(parts[:2])] = CLASSIFICATION_LEVELS[" ".join(parts[:2])]
            continue
        out[part] = CAVEATS.get(part.split()[0], "unknown caveat")
    for reason in doc.get("classification_reasons") or []:
        out[reason] = REASONS.get(reason, "unknown reason")
    if "SIPDIS" in str(doc.get("body") or "")[:2000]:
        out["SIPDIS"] = CAVEATS["SIPDIS"]
    return out


def _area(code: str) -> str:
    areas = {
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
    return f"{areas.get(code[:1], 'unknown area')}: (code not in the table)"


def _organization(code: str) -> str | None:
    from cablewire.enrich.aliases import KNOWN

    known = KNOWN.get(code)
    return known.name if known is not None else None


def _person(code: str) -> str:
    surname, _, given = code.partition(",")
    name = f"{given.strip().title()} {surname.strip().title()}".strip()
    return name


def _data(name: str) -> str:
    return resources.files("cablewire").joinpath("data", name).read_text(encoding="utf-8")
