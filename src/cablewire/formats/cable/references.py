"""REF lines: which cables (and which other papers) a cable cites.

REF blocks come in many shapes::

    REF: BAMAKO 00186
    REF: A. 08 BRASILIA 1170 B. IIR 6 809 0120 09 C. 08 BRASILIA 1214
    REFS: (A) 06 TBILISI 2601, (B) 2007 MANAGUA 2135
    REF: A) STATE 12345 AND 23456 B) '08 KABUL 123 (NOTAL)
    REFTEL: SECSTATE 74879

Each lettered item is read on its own and kept with its letter and its text, so that "Ref B" in
the text can be told from the second cable cited: the cable citations in it become canonical ids,
and an item with no cable in it (an e-mail, a telcon, an intelligence report) is kept as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.model.document import ReferenceItem
from cablewire.model.ids import compact_station, plausible_station, station_of, two_digit_year

# A lettered item marker: "A.", "A)", "(A)", "A -" at the start or after whitespace/comma/semicolon;
# or, counted only where it is the next letter, a lower-case one ("a.", "b)", "(c)") or one run
# into its item ("A)STATE 65523", "B.BOGOTA 7731").
_ITEM = re.compile(
    r"(?:^|(?<=[\s,;]))(?:\((?P<p>[A-Z])\)|(?P<d>[A-Z])[.)](?=\s|$)|(?P<h>[A-Z])\s+-\s"
    r"|\((?P<lp>[a-z])\)|(?P<ld>[a-z])[.)](?=\s|$)|(?P<g>[A-Z])(?:\)(?=[A-Za-z])|\.(?=[A-Z]{2})))"
)
_YEAR = r"(?:'\d{2}|\d{4}|\d{2})"
_SERIAL = r"\d{1,7}"
# A citation: optional year, station words, one or more serials.
_CITE = re.compile(
    r"(?<![A-Z0-9/])(?:(?P<year>" + _YEAR + r")\s*)?"
    r"(?P<station>[A-Z][A-Z'.-]*(?:\s+[A-Z][A-Z'.-]*){0,3})\s+"
    r"(?P<serials>0*\d{1,7}(?:\s*(?:,|AND|&)\s*0*\d{1,7}(?!\s*(?!AND\b)[A-Z]{2}))*)(?![0-9/])"
)
_COMPACT = re.compile(r"(?<![A-Z0-9])(\d{2})([A-Z]{3,}?)(\d{1,7})(?![0-9A-Z])")
# A page header caught inside a REF block: "BAMAKO 00000387 002 OF 004".
_PAGE_HEADER = re.compile(
    r"\b(?:PAGE \d{2} [A-Z][A-Z ]*? \d{5} \d{2} OF \d{2}(?: \d{6}Z)?"
    r"|[A-Z][A-Z ]*? \d{5,8} \d{3}(?:\.\d+)? OF \d{3})\b"
)
_NOISE_WORDS = {"REF", "REFS", "REFTEL", "REFTELS", "AND", "NOTAL", "PARA", "PARAS", "SEE", "ALSO"}


@dataclass
class References:
    cables: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    items: list[ReferenceItem] = field(default_factory=list)


def split_items(text: str) -> list[tuple[str | None, str]]:
    """Split a REF block into its items, each with its letter (`None` for an unlettered item:
    the whole block when it has no letters, or its parts between semicolons)."""
    marks = _item_marks(text)
    if not marks:
        return [(None, item.strip()) for item in text.split(";") if item.strip()]
    items: list[tuple[str | None, str]] = []
    head = text[: marks[0][0]].strip(" ,;:")
    if head:
        items.append((None, head))
    for i, (_start, end, letter) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        item = text[end:stop].strip(" ,;:")
        if item:  # "A. (A) 03 BRASILIA 2313": the doubled letter leaves an empty item
            items.append((letter, item))
    return items


def _item_marks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, letter) of the item markers. An upper-case marker standing alone always
    counts; a lower-case or run-in one only as the letter after the last (or doubling it, as in
    "A. (a) KABUL 673", or as the first "a." of the block), so that "J.SMITH" or an "a." in the
    middle of an item does not split it."""
    marks: list[tuple[int, int, str]] = []
    for m in _ITEM.finditer(text):
        strict = m.group("p") or m.group("d") or m.group("h")
        letter = (strict or m.group("lp") or m.group("ld") or m.group("g") or "").upper()
        if not strict:
            last = marks[-1] if marks else None
            if last is None:  # a first "a." only at the start: "STATE 12 AND a. memo" is one item
                follows = letter == "A" and not text[: m.start()].strip(" ,;:")
            else:
                follows = ord(letter) == ord(last[2]) + 1
            doubles = last is not None and letter == last[2] and not text[last[1]:m.start()].strip()
            if not (follows or doubles):
                continue
        marks.append((m.start(), m.end(), letter))
    return marks


def cables_in(item: str, year: int | None) -> list[str]:
    """Canonical ids of the cables cited in one REF item."""
    found: list[str] = []
    upper = item.upper()
    for m in _COMPACT.finditer(upper):
        station = station_of(m.group(2))
        if station and int(m.group(3)) > 0:
            found.append(f"{m.group(1)}{station}{int(m.group(3))}")
    for m in _CITE.finditer(upper):
        words = [w for w in m.group("station").split() if w.strip(".'") not in _NOISE_WORDS]
        station = _station_from_words(words, explicit_year=m.group("year") is not None)
        if station is None:
            continue
        yy = two_digit_year(m.group("year")) or two_digit_year(year)
        if yy is None:
            continue
        for serial in re.findall(r"\d+", m.group("serials")):
            if int(serial) > 0:
                found.append(f"{yy}{station}{int(serial)}")
    return found


def _station_from_words(words: list[str], explicit_year: bool) -> str | None:
    """The station named by the last words before a serial; the longest known name wins."""
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        station = station_of(candidate)
        if station:
            return station
    if explicit_year and words and 1 <= len(words) <= 3 and plausible_station(" ".join(words)):
        return compact_station(" ".join(words))
    return None


def parse_references(text: str, year: int | None, own_id: str | None = None) -> References:
    """The cables a REF block cites (canonical ids, in order, once each, never itself), the
    items that cite something else, and every item with its letter, its text and its cables."""
    refs = References()
    text = _PAGE_HEADER.sub(" ", " ".join(text.split()))
    for letter, item in split_items(text):
        ids = cables_in(item, year)
        if not ids:
            refs.other.append(item)
        named: list[str] = []
        for cable_id in ids:
            if cable_id != own_id and cable_id not in named:
                named.append(cable_id)
            if cable_id != own_id and cable_id not in refs.cables:
                refs.cables.append(cable_id)
        refs.items.append({"letter": letter, "text": item, "ids": named})
    return refs
