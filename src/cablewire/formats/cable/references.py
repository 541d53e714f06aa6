"""REF lines: which cables (and which other papers) a cable cites.

REF blocks come in many shapes::

    REF: BAMAKO 00186
    REF: A. 08 BRASILIA 1170 B. IIR 6 809 0120 09 C. 08 BRASILIA 1214
    REFS: (A) 06 TBILISI 2601, (B) 2007 MANAGUA 2135
    REF: A) STATE 12345 AND 23456 B) '08 KABUL 123 (NOTAL)
    REFTEL: SECSTATE 74879
    Ref: a. 05 state 201650  b. 05 berlin 3726
    REF: [A] State 188314 [B] BRASILIA 709 (08) C: PANAMA 00933/08 D) STATE (01) 201265
    REF: SECDEF 122723; CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394

Each lettered item is read on its own and kept with its letter and its text, so that "Ref B" in
the text can be told from the second cable cited: the cable citations in it become canonical ids,
and an item with no cable in it (an e-mail, a telcon, an intelligence report, a UNSCR notice) is
kept as text. A year written with a citation wins over the citing cable's year, which only fills
in a citation that gives none. Messages of other originators cited like cables (`SECDEF 122723`)
are cables too (see `cablewire.model.ids.MESSAGE_ORIGINATORS`). What is not a citation stays
out: dates (`EMAILS 9-22 THRU 10-7`), times (`DTG 301601Z`), page markers and banners caught in
the block, a serial cut off by a page preview (`LIMA 2...`), and the first paragraph when it
runs on from the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.model.document import ReferenceItem
from cablewire.model.ids import (
    compact_station,
    originator_of,
    plausible_station,
    station_of,
    two_digit_year,
)
from cablewire.model.stations import resolve_station

# A lettered item marker: "A.", "A)", "A:", "(A)", "[A]", "A -" at the start or after whitespace,
# a comma, a semicolon or a pilcrow ("¶B."); or, counted only where it is the next letter, a
# lower-case one ("a.", "b)", "(c)") or one run into its item ("A)STATE 65523", "B.BOGOTA 7731").
_ITEM = re.compile(
    r"(?:^|(?<=[\s,;¶]))(?:\((?P<p>[A-Z])\)|\[(?P<b>[A-Z])\]|(?P<d>[A-Z])[.):](?=\s|$)"
    r"|(?P<h>[A-Z])\s+-\s"
    r"|\((?P<lp>[a-z])\)|(?P<ld>[a-z])[.)](?=\s|$)|(?P<g>[A-Z])(?:\)(?=[A-Za-z])|\.(?=[A-Z]{2})))"
    r"|(?<=\d)(?P<n>[A-Z])[.)](?=\s)"  # run on from the last serial: "STATE 021770B. STATE 039585"
)
# A citation: an optional year ("06", "'08", "2009"), up to four station words, a year in
# parentheses ("STATE (01) 201265"), one or more serials, and a year after the serial
# ("ASUNCION 701 (08)", "PANAMA 00933/08"), or the cited cable's date ("STATE 99488 24 SEP
# 2009"). A serial is never part of a date or a time
# ("9-22", "10/9", "301601Z") and never cut short ("LIMA 2..." is a truncated copy).
_CITE = re.compile(
    r"(?<![A-Z0-9/-])(?:(?P<year>'\d{2}|\d{4}|\d{2})\s*)?"
    r"(?P<station>[A-Z][A-Z'.-]*(?:\s+[A-Z][A-Z'.-]*){0,3})"
    r"(?:\s+\((?P<inyear>\d{2})\))?\s+"
    r"(?P<serials>\d{1,8}(?:\s*(?:,|AND|&)\s*\d{1,8}(?!\s*(?!AND\b)[A-Z]{2}))*)"
    r"(?:/(?P<slashyear>\d{2})(?![0-9/])|(?![0-9/]|[A-Z](?![.)])|\.\.|…|-\d))"
    r"(?:\s*\((?P<postyear>\d{2})\))?"
    r"(?:\s+\d{1,2}\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\.?,?\s+"
    r"(?P<dateyear>(?:19|20)\d{2})\b)?",
    re.IGNORECASE,
)
# A capitalised word right before a citation's year: the year stands inside a name ("SAO 06
# PAULO 1038"), so the words after it are no station of their own.
_WORD_BEFORE = re.compile(
    r"(?<![A-Za-z])(?!(?:AND|REF|REFS|REFTEL|SEE|ALSO)\s+$)[A-Z][A-Za-z]+\s+$"
)
# A citation written as one word: "09SHENYANG167", or without its year "HK05511" (a known
# station only, and a serial of three digits or more: "TD314" is no cable).
_COMPACT = re.compile(r"(?<![A-Z0-9])(\d{2})?([A-Z]{2,}?)(\d{1,7})(?![0-9A-Z])")
# A page header caught inside a REF block, with the classification line above it in old print
# copies: "BAMAKO 00000387 002 OF 004", "CONFIDENTIAL PAGE 02 HARARE 05461 01 OF 02 271458Z".
# (The station is at most 30 characters: an unbounded lazy run would be tried from every
# capital, in quadratic time.)
_PAGE_HEADER = re.compile(
    r"\b(?:(?:(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE) )?"
    r"PAGE \d{2} [A-Z][A-Z ]{0,30}? \d{5} \d{2} OF \d{2}(?: \d{6}Z)?"
    r"|[A-Z][A-Z ]{0,30}? \d{5,8} \d{3}(?:\.\d+)? OF \d{3})\b"
)
# A classification banner or section line caught inside a REF block, where a page repeats the
# telegram after a cut-off preview ("KYIV 1557 ... C O N F I D E N T I A L SECTION 01 OF 03
# MOSCOW 002411 SIPDIS"): not a citation, and its section count is no year.
_BANNER = re.compile(
    r"(?:(?:(?i:C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)"
    r"|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS)(?:\s+SECTION\s+\d+\s+OF\s+\d+)?"
    r"\s+[A-Za-z][A-Za-z '-]{1,30}?\s+\d{3,8}\b|\bSECTION\s+\d+\s+OF\s+\d+\b)"
    r"(?:\s+(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS)\b)*"
)
# Where the first paragraph starts when it runs on from the REF block on the same line
# ("B. BRASILIA 1544 1. Summary. The IV Global Forum ...", "STATE 74840 1.The following ...",
# "STATE 146857 (U) Pol/Econ Chief delivered ..."): a paragraph number or a marking no item
# letter is, before a sentence.
_PARAGRAPH_RUN_ON = re.compile(
    r"(?<=\s)(?:\d{1,2}\.\s*(?:\([A-Z/]{1,8}\)\s*)?(?=(?i:SUMMARY)\b|[A-Z][a-z]+[\s.,:;])"
    r"|\((?:U|SBU|[CS]/NF|SBU/NF|U//FOUO|TS)\)\s+(?=[A-Z][A-Za-z/]*[a-z]))"
)
_TRUNCATED = re.compile(r"\.\.\.|…")
# A REF label repeated at the head of the block or of an item ("Ref: Ref A) Taipei 3393",
# "A. REF: KATHMANDU 2282").
_LEAD_LABEL = re.compile(r"^(?:REF(?:S|TELS?)?\b[\s:]*)+", re.IGNORECASE)
# What ends an item without being its text: the next item's own label ("VATICAN 05286; REF"
# before "B: ...") or a dash standing between items ("03 Colombo 2200 - (B) ...").
_ITEM_TAIL = re.compile(r"(?:[\s;,]+(?:REF(?:S|TELS?)?|-+))+$", re.IGNORECASE)
_NOISE_WORDS = {"REF", "REFS", "REFTEL", "REFTELS", "AND", "NOTAL", "PARA", "PARAS", "SEE", "ALSO"}
_RESOLVED_MIN = 5  # letters a name needs before it is read as a station it abbreviates or misspells
_PAGE_MARKER_SERIAL = 8  # "TRIPOLI 00000402": the serial of a page marker, never of a citation


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
        parts = (_LEAD_LABEL.sub("", item).strip(" ,;:") for item in text.split(";"))
        return [(None, item) for item in parts if item]
    items: list[tuple[str | None, str]] = []
    head = _ITEM_TAIL.sub("", _LEAD_LABEL.sub("", text[: marks[0][0]].strip(" ,;:")).strip(" ,;:"))
    if head:
        items.append((None, head))
    for i, (_start, end, letter) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        cut = _TRUNCATED.search(text, end, stop)  # a cut-off preview: what follows is the seam
        stop = cut.end() if cut else stop
        item = _LEAD_LABEL.sub("", text[end:stop].strip(" ,;:¶")).strip(" ,;:¶")
        item = _ITEM_TAIL.sub("", item)
        if item:  # "A. (A) 03 BRASILIA 2313": the doubled letter leaves an empty item
            items.append((letter, item))
    return items


def _item_marks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, letter) of the item markers. An upper-case marker standing alone counts
    when it opens the block (or is an "A."), and after that when it is the same letter as the
    last one or one or two letters on; a lower-case or run-in one only as the letter after the
    last (or doubling it, as in "A. (a) KABUL 673", or as the first "a." of the block). So
    "J.SMITH", the "J." of "E-mails J. Speaks" and an "a." in the middle of an item do not split
    it."""
    marks: list[tuple[int, int, str]] = []
    for m in _ITEM.finditer(text):
        strict = m.group("p") or m.group("b") or m.group("d") or m.group("h")
        loose = m.group("lp") or m.group("ld") or m.group("g") or m.group("n")
        letter = (strict or loose or "").upper()
        last = marks[-1] if marks else None
        opens = last is None and (letter == "A" or not _LEAD_LABEL.sub(
            "", text[: m.start()].strip(" ,;:¶")).strip(" ,;:¶"))
        if strict:
            if not (opens or (last is not None and 0 <= ord(letter) - ord(last[2]) <= 2)):
                continue
        else:
            if last is None:  # a first "a." only at the start: "STATE 12 AND a. memo" is one item
                follows = letter == "A" and not text[: m.start()].strip(" ,;:¶")
            else:
                follows = ord(letter) == ord(last[2]) + 1
            doubles = last is not None and letter == last[2] and not text[last[1]:m.start()].strip()
            if not (follows or doubles):
                continue
        marks.append((m.start(), m.end(), letter))
    return marks


_NEXT_MARK = re.compile(
    r"\s*(?:¶[^\S\n]*)?(?:\((?P<p>[A-Za-z])\)|\[(?P<b>[A-Z])\]|(?P<d>[A-Za-z])[.):])\s"
)


def next_item_fits(block: str, following: str) -> bool:
    """Whether text after a blank line that starts with an item letter goes on with the REF
    block: its letter is the next one, or the last one again ("B. ... B. (B) EMBASSY PARIS
    DAILY REPORT"), not a heading such as "I. Key Objectives" after item F. Text that starts
    with no item letter is not judged here."""
    m = _NEXT_MARK.match(following)
    if m is None:
        return True
    letter = (m.group("p") or m.group("b") or m.group("d") or "").upper()
    marks = _item_marks(" ".join(block.split()))
    if not marks:
        return letter == "A"
    return 0 <= ord(letter) - ord(marks[-1][2]) <= 1


def cables_in(item: str, year: int | None) -> list[str]:
    """Canonical ids of the cables cited in one REF item."""
    found: list[str] = []
    upper = item.upper()
    for m in _COMPACT.finditer(upper):
        station = station_of(m.group(2))
        yy = m.group(1) or (two_digit_year(year) if len(m.group(3)) >= 3 else None)
        if station and yy and int(m.group(3)) > 0:
            found.append(f"{yy}{station}{int(m.group(3))}")
    pos = 0
    while (cite := _CITE.search(item, pos)) is not None:
        ids = _cited(cite, year)
        if ids is None:  # no station: the "serial" may be the year of the next citation
            pos = cite.start("serials")
            continue
        found.extend(ids)
        pos = cite.end()
    return found


def _cited(m: re.Match[str], year: int | None) -> list[str] | None:
    """The ids one citation match names, or None when its words name no station."""
    words = [w for w in m.group("station").upper().split() if w.strip(".'") not in _NOISE_WORDS]
    station = _station_from_words(words, explicit_year=m.group("year") is not None
                                  and _written_as_a_name(m.group("station"))
                                  and not _WORD_BEFORE.search(m.string[max(0, m.start() - 40):
                                                                       m.start()]))
    if station is None:
        return None
    own_year = (m.group("year") or m.group("inyear") or m.group("slashyear")
                or m.group("postyear") or m.group("dateyear"))
    yy = two_digit_year(own_year) or two_digit_year(year)
    if yy is None:
        return []
    serials = re.findall(r"\d+", m.group("serials"))
    return [f"{yy}{station}{int(serial)}" for serial in serials
            if int(serial) > 0 and len(serial) < _PAGE_MARKER_SERIAL]


def _written_as_a_name(words: str) -> bool:
    """Whether words are written as a station's name is ("RIO DE JAN", "Sao Paolo"), not as
    prose ("1800 representatives from 103"): capitals, or capitalised words with short
    particles between them."""
    tokens = words.split()
    return tokens[0][:1].isupper() and tokens[-1][:1].isupper() and all(
        t[:1].isupper() or len(t) <= 3 for t in tokens)


def _station_from_words(words: list[str], explicit_year: bool) -> str | None:
    """The station (or other originator) named by the last words before a serial; the longest
    known name wins, also with a mission's US before it. An unknown name counts only after a
    year of its own: the release's station when the name abbreviates or misspells one ("08 RIO
    DE JAN" is RIODEJANEIRO, though JAN is also a month), else the name as written when it
    could be a station."""
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        station = station_of(candidate) or originator_of(candidate)
        if station:
            return station
        if words[start].startswith("US") and words[start][2:].isalpha():
            # a US mission named with its US: `USUNESCO PARIS FR` for UNESCOPARISFR
            station = station_of(candidate[2:])
            if station:
                return station
    if explicit_year and words and 1 <= len(words) <= 3:
        joined = " ".join(words)
        found = resolve_station(joined) if len(compact_station(joined)) >= _RESOLVED_MIN else None
        if found is not None:
            return found.station
        if plausible_station(joined):
            return compact_station(joined)
    return None


def parse_references(text: str, year: int | None, own_id: str | None = None) -> References:
    """The cables a REF block cites (canonical ids, in order, once each, never itself), the
    items that cite something else, and every item with its letter, its text and its cables."""
    refs = References()
    text = _BANNER.sub(" ", _PAGE_HEADER.sub(" ", " ".join(text.split())))
    run_on = _PARAGRAPH_RUN_ON.search(text)
    if run_on:
        text = text[: run_on.start()]
    for letter, item in _without_repeats(split_items(text)):
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


def _without_repeats(items: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """The items once each: a page that shows a cut-off preview of the telegram before its full
    text gives the block twice ("A. KYIV 1557 ... A. KYIV 1557 B. MOSCOW 2351"). An item
    given again with its letter and text is dropped, and so is a cut-off item ("C. LIMA 2...")
    whose text begins another item's with the same letter."""
    kept: list[tuple[str | None, str]] = []
    seen: set[tuple[str | None, str]] = set()
    later: dict[str | None, list[str]] = {}
    for letter, text in items:
        later.setdefault(letter, []).append(text)
    for letter, text in items:
        later[letter].pop(0)  # what is left are the items after this one with its letter
        if (letter, text) in seen:
            continue
        cut = _TRUNCATED.search(text)
        if cut and text.endswith(cut.group(0)):
            head = text[: cut.start()].rstrip()
            if any(other != text and other.startswith(head) for other in later[letter]):
                continue
        seen.add((letter, text))
        kept.append((letter, text))
    return kept
