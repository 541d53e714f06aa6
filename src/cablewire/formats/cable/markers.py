"""Distribution and handling markers a telegram carries: SIPDIS, NOFORN, NODIS, EXDIS...

They stand as captions in the header: on lines of their own under the banner (`SIPDIS`,
`NOFORN SIPDIS`, `SENSITIVE, SIPDIS`), after the banner on a header run together on one line
(`C O N F I D E N T I A L HELSINKI 001603 SIPDIS STATE FOR EUR/RUS E.O. 12958: ...`), or as the
banner's caveat (`SECRET NOFORN`). The same words after a REF item (`B) TRIPOLI 149 (EXDIS)`) or
in a paragraph marking (`(S/NOFORN)`) speak of another cable or of one paragraph, so a marker
counts only on a line of markers alone, or in the header before its first field (E.O., TAGS,
SUBJECT, REF, Classified By) and first paragraph. SIPDIS, a word no sentence uses, counts wherever
it stands: copies carry it inside paragraphs too, where the distribution system put it.

`SENSITIVE` (sensitive but unclassified) is a handling word of the classification, not a
distribution marker: it may stand on a caption line but is not listed.
"""

from __future__ import annotations

import re

from cablewire.formats.cable.header_block import first_label, label_free_lines

MARKERS = ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON", "NOCONTRACT",
           "PROPIN")
_WORD = re.compile(r"(?<![A-Za-z])(?:" + "|".join(MARKERS) + r")(?![A-Za-z])", re.IGNORECASE)
_SIPDIS = re.compile(r"(?<![A-Za-z])SIPDIS(?![A-Za-z])", re.IGNORECASE)
_CAPTION_WORDS = frozenset((*MARKERS, "SENSITIVE"))
_SEPARATORS = re.compile(r"[\s,;/\\.-]+")
# The first paragraph ends the header: "1. (C) ...", "1. SUMMARY", "¶1. ..."
_PARAGRAPH = re.compile(r"^\s*(?:¶\s*)?\d{1,3}\s*[.)]\s*(?:\(|[A-Z])")
_HEADER_MAX_LINES = 80


def find_markers(lines: list[str]) -> list[str]:
    """The markers of a telegram's lines (routing header and body), upper-case, in the order
    met, each once."""
    found: list[str] = []
    rest = len(lines)
    # The lines before the first that may hold a label are read together: up to the first
    # paragraph, or on from there line by line.
    free = label_free_lines(lines[:_HEADER_MAX_LINES])
    paragraph = next((i for i, line in enumerate(lines[:free]) if _PARAGRAPH.match(line)), None)
    if paragraph is not None:
        rest = free = paragraph
    _add(found, _words("\n".join(lines[:free])))
    for index in range(free if paragraph is None else len(lines), len(lines)):
        line = lines[index]
        if index >= _HEADER_MAX_LINES or _PARAGRAPH.match(line):
            rest = index
            break
        cut = first_label(line)
        if cut is not None:
            _add(found, _WORD.findall(line, 0, cut))
            _add(found, _SIPDIS.findall(line, cut))
            rest = index + 1
            break
        _add(found, _words(line))
    # After the header: one pass over the text; a marker counts on a caption line, SIPDIS
    # anywhere.
    text = "\n".join(lines[rest:])
    for begin, word in _hits(text):
        if word == "SIPDIS":
            _add(found, [word])
            continue
        start = text.rfind("\n", 0, begin) + 1
        end = text.find("\n", begin)
        if _caption_line(text[start : end if end >= 0 else len(text)]):
            _add(found, [word])
    return found


def _words(text: str) -> list[str]:
    """The marker words of `text` in order, as `_WORD.findall` finds them (`_hits`, which is
    faster, finds the same in ASCII text, upper-cased)."""
    if text.isascii():
        return [word for _, word in _hits(text)]
    return _WORD.findall(text)


def _hits(text: str) -> list[tuple[int, str]]:
    """(offset, marker) of every marker word in `text`, in order: a plain substring search per
    marker (many times faster than one case-blind pattern), then the word boundaries."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would shift
        return [(m.start(), m.group(0).upper()) for m in _WORD.finditer(text)]
    out: list[tuple[int, str]] = []
    for marker in MARKERS:
        needle = marker.lower()
        at = low.find(needle)
        while at >= 0:
            after = at + len(needle)
            if not (at and low[at - 1].isascii() and low[at - 1].isalpha()) and not (
                    after < len(low) and low[after].isascii() and low[after].isalpha()):
                out.append((at, marker))
            at = low.find(needle, after)
    out.sort()
    return out


def _caption_line(line: str) -> bool:
    """A line of markers alone, such as `NOFORN SIPDIS` or `SENSITIVE, SIPDIS`."""
    words = [w.upper() for w in _SEPARATORS.split(line) if w]
    return bool(words) and all(w in _CAPTION_WORDS for w in words) and any(
        w in MARKERS for w in words)


# A line of captions: markers and handling words, as they stand under the banner.
_CAPTION = re.compile(
    r"^[^\S\n]*(?:(?:SENSITIVE(?:\s+BUT\s+UNCLASSIFIED)?|FOR\s+OFFICIAL\s+USE\s+ONLY"
    r"|NOT\s+FOR\s+INTERNET\s+DISTRIBUTION|CORRECTED\s+COPY|E\s?F\s?T\s?O|ENTIRE\s+TEXT"
    r"|(?:PLEASE\s+)?(?:PROTECT|TREAT|HANDLE)\s+ACCORDINGLY|"
    + "|".join(MARKERS) + r")(?![A-Za-z])[\s,;/.\-]*)+$"
)

# The first letters of the words of `_CAPTION` (a line that starts otherwise is none).
_CAPTION_FIRST = frozenset("SFNCEPTH") | {marker[0] for marker in MARKERS}


def is_caption_line(line: str) -> bool:
    """A caption line of the header: markers and handling words alone (`NOFORN`, `SENSITIVE
    NOFORN`, `SENSITIVE BUT UNCLASSIFIED, NOT FOR INTERNET DISTRIBUTION`, `SENSITIVE BUT
    UNCLASSIFIED--PLEASE PROTECT ACCORDINGLY`), upper-case."""
    return line.lstrip()[:1] in _CAPTION_FIRST and bool(_CAPTION.match(line))


def _add(found: list[str], words: list[str]) -> None:
    for word in words:
        marker = word.upper()
        if marker not in found:
            found.append(marker)
