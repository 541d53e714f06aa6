"""The text of a telegram: routing header, classification banner, header block, body.

`read_telegram()` takes the raw telegram text (header and body together, or the body alone)
and gives its fields plus the clean body lines, leaving paragraph structure to
`cablewire.formats.cable.paragraphs`.

What is removed from the body, and only this: the routing headers (kept as fields), the header
block when a copy repeats it once per section, section banners after the first, page markers
such as `BAMAKO 00000387 002 OF 004`, `SIPDIS` lines (the distribution markers are kept as a
field), and the transmission trailers `BT`/`NNNN`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from cablewire.formats.cable.banner import (
    read_banner,
    split_run_on_banner,
    starts_with_banner,
    station_from_page_marker,
)
from cablewire.formats.cable.copy_header import CopyHeader, read_copy_header
from cablewire.formats.cable.header_block import read_header_block
from cablewire.formats.cable.markers import find_markers
from cablewire.formats.cable.references import References, parse_references
from cablewire.formats.cable.telegram_header import (
    PRECEDENCE_LETTERS,
    RoutingHeader,
    looks_like_header_line,
    parse_dtg,
    parse_routing_header,
    starts_routing_block,
)
from cablewire.model.calendar import MONTHS, cable_year
from cablewire.model.ids import station_of

_CLASS_WORDS = (
    # letter-spaced banners in any case ("S e c r e t"), which prose never is; then the others
    r"(?:(?i:T O P S E C R E T|S E C R E T|C O N F I D E N T I A L|U N C L A S(?: S I F I E D)?)"
    r"|TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED\s+OFFICIAL\s+USE"
    r"|T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|S\s?E\s?C\s?R\s?E\s?T"
    r"|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?)"
)
BANNER = re.compile(
    r"^\s*(?P<cls>" + _CLASS_WORDS + r")(?:\s+(?P<caveat>NOFORN|EFTO|E\s?F\s?T\s?O|SENSITIVE))?"
    r"(?:\s+SECTION\s+(?P<sec>\d+)\s+OF\s+(?P<of>\d+))?"
    r"(?:\s+(?P<station>[A-Za-z][A-Za-z .'-]*?[A-Za-z])\s+(?P<serial>\d{2,8}))?\s*$"
)
PAGE_MARKER = re.compile(
    r"^\s*[A-Z][A-Z .'-]*\s+0*\d{1,8}\s+0*(\d{1,3})(?:\.\d+)?\s+OF\s+0*(\d{1,3})\s*$"
)
# The page marker of a print copy (State's old internal format): "PAGE 02 VATICA 01261
# 061419Z", "PAGE 03 HARARE 05461 01 OF 02 271458Z" (station cut to six letters, the section
# and the time the page was printed), for the pages after a section's first; the first page's
# marker heads the section's routing block.
_PRINT_PAGE_MARKER = re.compile(
    r"^\s*PAGE\s+(?:0?[2-9]|[1-9]\d)\s+[A-Z][A-Z .'-]{0,30}?\s+\d{3,6}\s+"
    r"(?:\d{2}\s+OF\s+(?P<of>\d{2})\s+)?\d{6}Z(?:\s+|$)"
)
_PAGE_CLASSIFICATIONS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE")
_INLINE_PAGE_MARKER = re.compile(
    r"((?:[A-Z][A-Z.'-]*\s){1,3})\s*0{3,}\d{1,5}\s+0*\d{1,3}(?:\.\d+)?\s+OF\s+0*(\d{1,3})\b"
)


def _inline_page_marker(line: str) -> tuple[int, int, int] | None:
    """Start, end and page count of a page marker inside a line, its station a known one (so
    that only "TRIPOLI 00000201 001.2 OF 003" goes, not the words before it)."""
    m = _INLINE_PAGE_MARKER.search(line)
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words)):
        if station_of(" ".join(words[k:])):
            before = len(" ".join(words[:k])) + (1 if k else 0)
            return m.start() + before, m.end(), int(m.group(2))
    return None
_DE_SERIAL = re.compile(r"^\s*DE\s+R[A-Z0-9]+\s+#(\d{1,6})")
_RUN_ON_DTG = re.compile(
    r"(?:^|(?<=\s))(?P<prec>[ZOPRY])(?:\s+[ZOPRY])?\s+(?P<dtg>\d{6}Z\s+[A-Z]{3}\s+\d{2})(?![\d])"
)
_DTG_ALONE = re.compile(r"^[^\S\n]*(\d{6}Z[^\S\n]+[A-Za-z]{3}[^\S\n]+\d{2})[^\S\n]*$")
_DTG_START = re.compile(r"^\s*(?:[ZOPRY]{1,2}\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\s*$")
_RECIPIENT_LINE = re.compile(r"^\s*[A-Z0-9]{4,8}/")
SIPDIS = re.compile(r"^\s*(?:SIPDIS\s*)+$", re.IGNORECASE)
_BLOCK_START = re.compile(r"^(VZCZC|DE\s+R[A-Z]{3,}\s+#|ZNY\s|ZNR\s)")
# The first letters of a banner line (`BANNER`): a line that starts otherwise is none.
BANNER_INITIALS = frozenset("CSUTLcsut")
_SIPDIS_LEAD = re.compile(r"^\s*SIPDIS[\s,;]+(?=\S)")  # "SIPDIS, NOFORN": NOFORN
TRAILER = re.compile(r"^\s*(?:BT|NNNN|#\d{4}(?:\s.*)?|=+\s*CABLE ENDS\s*=+)\s*$")
_EO = re.compile(r"^\s*E\.?\s?(?:O\.?|0\.)\s*(\d{5})\s*[:.;]?\s*(.*)$", re.IGNORECASE)
_TAGS = re.compile(r"^\s*TAGS?\s*[:.]\s*(.*)$", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(?:SUBJECT|SUBJ)\s*[:.]\s*(.*)$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[-=_*]{3,}[-=_*\s]*$")
_PARA_START = re.compile(r"^\s*(?:¶\s*)?\d{1,3}\s*[.)]\s*(?:\(|[A-Z])")
_DECL_DATE = re.compile(
    r"\b(?:DECL|GDS|DECLASSIFY\s+ON)\b\W*(\d{1,2})([/-])(\d{1,2})\2(\d{2,4})\b", re.I
)
_DECL_ISO = re.compile(r"\bDECL\b\W*(\d{4})[/-](\d{1,2})[/-](\d{1,2})", re.I)
# DECLASSIFY, DECLASSIFY ON, a misspelt DECLl: a longer word than DECL before the date (not
# DECLASSIFIED, which tells when it was)
_DECL_WORD_DATE = re.compile(
    r"\bDECL(?!ASSIFIED)[A-Z]+(?:\s+ON)?\b[^\w\n]*(\d{1,2})/(\d{1,2})/(\d{2,4})(?!\d)", re.I)
_BARE_DECL_DATE = re.compile(r"[^\S\n]*(\d{1,2})/(\d{1,2})/(\d{2,4})(?![\d/])")
_DECL_NAMED_MONTH = re.compile(
    rf"\bDECL\b[^\w\n]*(\d{{1,2}})[^\S\n]+({'|'.join(MONTHS)})\.?,?[^\S\n]+(\d{{4}})\b", re.I)
_CLASS_NAMES = {
    "TOPSECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE",
}


@dataclass
class Telegram:
    """The fields found in a telegram's own text, and its clean body lines."""

    header: RoutingHeader = field(default_factory=RoutingHeader)
    banner_classification: str | None = None
    banner_caveat: str | None = None
    banner_efto_spaced: bool = False
    lines: list[str] = field(default_factory=list, repr=False)  # the text's lines, as read
    _copy: CopyHeader | None = field(default=None, repr=False)
    de_serial: str | None = None  # the serial of the routing header's DE line (`#0387/01`)
    banner_station: str | None = None
    banner_serial: str | None = None
    sections: int | None = None
    executive_order: str | None = None
    declassify_on: str | None = None
    decl_text: str | None = None
    tags_text: str | None = None
    subject: str | None = None
    ref_text: str | None = None
    classified_by_text: str | None = None
    markers: list[str] = field(default_factory=list)
    body_lines: list[str] = field(default_factory=list)
    header_block: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def copy_header(self) -> CopyHeader:
        """The release's record of the cable as a copy carries it above the banner (read on
        first use: a page's own table makes it needless)."""
        if self._copy is None:
            self._copy = read_copy_header(_text_lines(self.lines))
        return self._copy

    def references(self, year: int | None, own_id: str | None) -> References:
        if not self.ref_text:
            return References()
        return parse_references(self.ref_text, year, own_id)


def classification_of(banner: str) -> str | None:
    compact = re.sub(r"\s", "", banner.upper())
    return _CLASS_NAMES.get(compact)


def read_telegram(text: str) -> Telegram:
    """Split a telegram into routing header and body, and read the header block."""
    tg = Telegram()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\\n" in text:
        text = _ESCAPED_BREAK.sub("\n", text)
    lines = _unescape_line_ends(text.split("\n"))
    tg.markers = find_markers(lines)
    header_lines, body = _split_routing(lines)
    tg.header = parse_routing_header(header_lines)
    tg.de_serial = next((m[1] for m in map(_DE_SERIAL.match, header_lines) if m), None)
    if tg.header.date_time_group is None:
        _run_on_dtg(header_lines or lines[:40], tg)
    if tg.header.date_time_group is None:
        # an old telegram repeats its page header on every page: its DTG on a line of its own,
        # or run into one line with the rest of the header (`... /38 O 271459Z SEP 00 FM ...`)
        _run_on_dtg([line for line in lines[:1000]
                     if _DTG_START.match(line) or ("Z " in line and " FM " in line)], tg)
    if tg.header.date_time_group is None:
        # a copy's date-time group alone on a line above the banner (`240549Z Sep 03`)
        for line in lines[:60]:
            if "Z" in line and (m := _DTG_ALONE.match(line)):
                written = " ".join(m[1].split())
                utc = parse_dtg(written.upper())
                if utc:
                    tg.header.date_time_group, tg.header.date_time_group_utc = written, utc
                    break
    tg.warnings.extend(tg.header.warnings)
    body = _split_banner_line(body)
    body = _drop_markers(body, tg)
    _read_banner_fields(lines, tg)
    tg.lines = lines
    fields, body = read_header_block(body)
    tg.executive_order = fields.executive_order
    tg.decl_text = fields.decl_text
    tg.declassify_on = _decl_date(fields.decl_text or "")
    tg.tags_text = fields.tags_text
    tg.subject = fields.subject
    if fields.subject_unlabelled:
        tg.warnings.append("no SUBJECT label: the subject is the lines under TAGS")
    tg.ref_text = fields.ref_text
    tg.classified_by_text = fields.classified_by_text
    tg.header_block = fields.lines
    tg.body_lines = _drop_trailers(body)
    if tg.sections is None and tg.body_lines:
        tg.sections = 1
    return tg


def _split_banner_line(body: list[str]) -> list[str]:
    """The body with its first banner on a line of its own, where the copy ran it on into the
    header that follows (`... LIMA 003571SIPDIS...`) or put its own lead before it (`Cable
    dated:...]`): the banner, then the rest on the next line."""
    for index, line in enumerate(body[:40]):
        if _PARA_START.match(line):
            break
        if line.lstrip()[:1] in "CSUTLONEcsutlone\"',.0123456789I" and (
                parts := split_run_on_banner(line)):
            banner, rest = parts
            lines = [banner]
            while rest.startswith("SIPDIS"):  # `003571SIPDISNOFORN`: the word stands alone
                lines.append("SIPDIS")
                rest = rest[6:].lstrip()
            return body[:index] + lines + ([rest] if rest else []) + body[index + 1:]
        if starts_with_banner(line) or BANNER.match(line):
            break
    return body


def _run_on_dtg(lines: list[str], tg: Telegram) -> None:
    """The date-time group of a routing header where it does not stand alone on its line:
    service text after it (`O 031401Z JUN 08 ZDS CTG RUEHSD 0020`, `R 151646Z OCT 09 (CCY
    AD00C933D8)`) or an old header run together (`... 271459Z /38 O 271459Z SEP 00 FM ...`)."""
    for line in lines:
        if "Z" in line and (m := _RUN_ON_DTG.search(line)):
            utc = parse_dtg(m["dtg"])
            if utc:
                tg.header.date_time_group = " ".join(m["dtg"].split())
                tg.header.date_time_group_utc = utc
                tg.header.precedence = tg.header.precedence or PRECEDENCE_LETTERS.get(m["prec"])
                return


def copy_header_of(text: str) -> CopyHeader:
    """The copy's record at the top of `text` (for the text as it came, before the site's
    lines were taken out of it: a page date line, a dump row)."""
    return read_copy_header(_text_lines(text.split("\n")))


def _text_lines(lines: list[str]) -> list[str]:
    """The lines of a telegram's top that are not its routing header, up to the banner."""
    out: list[str] = []
    for line in lines:
        if not line.strip() or looks_like_header_line(line) or _RECIPIENT_LINE.match(line):
            continue
        out.append(line)
        if len(out) >= 12 or starts_with_banner(line) or _EO.match(line):
            break
    return out


def _read_banner_fields(lines: list[str], tg: Telegram) -> None:
    """Fill the banner fields a banner line standing alone did not give: from a banner run on
    into the header or behind a copy's own header (`cablewire.formats.cable.banner`)."""
    if tg.banner_station and tg.banner_serial and tg.banner_classification:
        if tg.banner_caveat == "EFTO":
            banner = read_banner(lines)
            tg.banner_efto_spaced = bool(banner and banner.efto_spaced)
        return
    banner = read_banner(lines)
    if (banner is None or banner.serial is None) and not tg.banner_serial:
        marker = station_from_page_marker(lines)
        if marker:
            tg.banner_station, tg.banner_serial = marker
    if banner is None:
        return
    tg.banner_classification = tg.banner_classification or banner.classification
    tg.banner_caveat = tg.banner_caveat or banner.caveat
    tg.banner_efto_spaced = banner.efto_spaced
    if not (tg.banner_station and tg.banner_serial) and banner.serial:
        tg.banner_station, tg.banner_serial = banner.station, banner.serial
    if banner.sections and not tg.sections:
        tg.sections = banner.sections


# A line break written as an escape, as copies taken from a JSON or CSV dump have it
# (`TAGS: PREL\\nSUBJECT: ...`): a backslash and n before a capital letter.
_ESCAPED_BREAK = re.compile(r"(?<!\\)\\n(?=[A-Z])")


def _unescape_line_ends(lines: list[str]) -> list[str]:
    """Copies taken from a CSV dump of the release end their lines with a backslash (`TAGS:
    PREL PGOV \\`, the dump's escaped line break): the backslashes go, when most lines with
    text end so; a backslash here and there stays."""
    if "\n".join(lines).count("\\") < 3:  # (the common case, found in one pass)
        return lines
    ends = sum(1 for line in lines if line.rstrip().endswith("\\"))
    if ends < 3 or ends * 2 < sum(1 for line in lines if line.strip()):
        return lines
    return [line.rstrip()[:-1].rstrip() if line.rstrip().endswith("\\") else line
            for line in lines]


def _split_routing(lines: list[str]) -> tuple[list[str], list[str]]:
    """Routing header lines (from every section) and the remaining body lines."""
    header: list[str] = []
    body: list[str] = []
    in_header = False
    seen_banner = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        starts_block = stripped[:2] in ("VZ", "DE", "ZN") and bool(_BLOCK_START.match(stripped))
        if body and not in_header and not starts_block and (
                stripped[:3] == "FM " or (stripped[:1] in "ZOPRY" and "Z " in stripped[:14])):
            # a DTG or FM line with FM and TO after it, below other text (the office
            # distribution that heads State's printed copies)
            starts_block = starts_routing_block(lines, index)
        if starts_block or (not body and looks_like_header_line(line)):
            in_header = True
        elif not in_header and not seen_banner and _DTG_START.match(line):
            in_header = True  # a copy's caption or an old page header above the DTG
        if in_header:
            if (BANNER.match(line) or _EO.match(line) or _TAGS.match(line) or _SUBJECT.match(line)
                    or starts_with_banner(line)):
                in_header = False
                seen_banner = seen_banner or starts_with_banner(line) or not BANNER.match(line)
            elif stripped == "BT":
                in_header = False
                continue
            else:
                header.append(line)
                continue
        if not seen_banner and stripped[:1].isalpha() and starts_with_banner(line):
            seen_banner = True
        body.append(line)
    return header, body


def _drop_markers(lines: list[str], tg: Telegram) -> list[str]:
    """Remove page markers, SIPDIS lines and section banners after the first; count sections."""
    out: list[str] = []
    seen_banner = False
    sections = 0
    breaks = False  # whether a page break or a later banner was marked in `out`
    for line in lines:
        lead = line.lstrip()
        if not lead:
            out.append("")
            continue
        of = " OF " in line
        if of and (m := PAGE_MARKER.match(line)):
            sections = max(sections, int(m.group(2)))
            _close_gap(out)
            out.append("\x00join")
            breaks = True
            continue
        if lead.startswith("PAGE ") and (m := _PRINT_PAGE_MARKER.match(line)):
            # a print copy's page break: the classification line, the page marker, and the
            # text goes on (on the marker's own line, too)
            if m.group("of"):
                sections = max(sections, int(m.group("of")))
            _drop_page_classification(out)
            out.append("\x00join")
            breaks = True
            line = line[m.end():]
            if not line.strip():
                continue
            lead, of = line.lstrip(), " OF " in line
        if of and (inline := _inline_page_marker(line)):
            # a page marker run into a line of text ("... MARCH 10-11 TRIPOLI 00000201 001.2
            # OF 003 CLASSIFIED BY: ..."): the marker goes, the words on either side stay
            start, end, marked = inline
            sections = max(sections, marked)
            line = " ".join(part for part in (line[:start].rstrip(), line[end:].strip()) if part)
            lead = line.lstrip()
        if "SIPDIS" in line or "Sipdis" in line:
            if SIPDIS.match(line):
                continue
            line = _SIPDIS_LEAD.sub("", line)
            lead = line.lstrip()
        if lead[:1] in BANNER_INITIALS and (m := BANNER.match(line)):
            if m.group("of"):
                sections = max(sections, int(m.group("of")))
            if not seen_banner:
                seen_banner = True
                tg.banner_classification = classification_of(m.group("cls"))
                if m.group("caveat"):
                    tg.banner_caveat = re.sub(r"\s", "", m.group("caveat"))
                tg.banner_station = m.group("station")
                tg.banner_serial = m.group("serial")
                out.append(line.rstrip())
            elif m.group("sec") or m.group("station"):
                _close_gap(out)
                out.append("\x00banner")
                breaks = True
            else:
                out.append(line.rstrip())
            continue
        out.append(line.rstrip())
    tg.sections = sections or None
    if not breaks and "\x00" not in "".join(out):
        return out  # (as `_rejoin_at_markers` gives it back: no break to close)
    return _rejoin_at_markers(out)


def _drop_page_classification(out: list[str]) -> None:
    """Drop the classification a print copy writes above its page marker: on a line of its
    own (`CONFIDENTIAL`) or at the end of the line of text before it (`REF: HARARE 5346
    CONFIDENTIAL`)."""
    _close_gap(out)
    if not out:
        return
    last = out[-1].rstrip()
    for word in _PAGE_CLASSIFICATIONS:
        if last.endswith(word) and (len(last) == len(word) or last[-len(word) - 1].isspace()):
            out[-1] = last[: -len(word)].rstrip()
            if not out[-1].strip():
                out.pop()
                _close_gap(out)
            return


def _close_gap(out: list[str]) -> None:
    while out and not out[-1].strip():
        out.pop()


def _rejoin_at_markers(lines: list[str]) -> list[str]:
    """Where a page marker stood, the text goes on: drop the blank lines around it, unless the
    next line starts a new paragraph or heading."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\x00"):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            nxt = lines[j] if j < len(lines) else ""
            after = lines[j + 1] if j + 1 < len(lines) else ""
            underline = bool(_RULE_LINE.match(nxt)) and bool(_PARA_START.match(after))
            if line == "\x00banner" or _PARA_START.match(nxt) or (
                    nxt.startswith("--") and not underline):
                # (a ruler right above a paragraph goes on: it underlines the heading above
                # the break, "Kosovo" / page marker / "------" / "7. (C) ...")
                out.append("")
            i = j
            continue
        out.append(line)
        i += 1
    return out


def _decl_date(text: str) -> str | None:
    """The declassification date in an E.O. line (`DECL: 06/10/2019`, `GDS 8/12/85`,
    `DECL: 01-05-14`, `DECL: 2020/01/22`)."""
    m = _DECL_DATE.search(text)
    if m:
        month, day, year = (int(m.group(k)) for k in (1, 3, 4))
    else:
        iso = _DECL_ISO.search(text)
        if not iso:
            return _decl_date_in_other_forms(text)
        year, month, day = (int(g) for g in iso.groups())
    if year < 100:
        year = cable_year(year)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _decl_date_in_other_forms(text: str) -> str | None:
    """The declassification date written otherwise: `DECLASSIFY 11/29/2027` or a misspelt
    `DECLl: 05/12/2018`, the date alone after the E.O. number (`E.O. 12958: 03/24/2019`), or
    with the month in words (`DECL: 08 OCTOBER 2019`). A downgrading date (`DNG: CO
    01/26/2021`) is not one, nor a note that the cable was declassified on a day."""
    m = _DECL_WORD_DATE.search(text) or _BARE_DECL_DATE.match(text)
    if m:
        month, day, year = (int(g) for g in m.groups())
    else:
        named = _DECL_NAMED_MONTH.search(text)
        if not named:
            return None
        day, month, year = int(named.group(1)), MONTHS[named.group(2).lower()], int(named.group(3))
    if year < 100:
        year = cable_year(year)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _drop_trailers(lines: list[str]) -> list[str]:
    while lines and (not lines[-1].strip() or TRAILER.match(lines[-1])):
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return lines
