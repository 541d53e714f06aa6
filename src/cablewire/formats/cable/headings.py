"""Section headings in a cable body: boxed or underlined by rulers, between rulers on one line,
between slashes, or a title-case line of its own before a numbered paragraph.

    --------------
    AQIM Destroying Mali's Model Image                     heading of the next paragraph
    --------------
    2.(C) The Ambassador gave ...
"""

from __future__ import annotations

import re

from cablewire.formats.cable.markers import is_caption_line
from cablewire.formats.cable.numbering import NUMBERED, TERMINAL
from cablewire.text.linebreaks import join_lines

# Rules are drawn with -, =, _ or *, or with the typographic dashes of some copies (U+2010-2015).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015"
_RULE_CHARS = frozenset("-=_*" + _DASHES)
_RULE = re.compile(rf"^\s*[-=_*{_DASHES}]{{3,}}[-=_*{_DASHES}\s]*$")
HEADING = "\x00heading "
_AS_WRITTEN = "\x00as-written "
_INLINE_HEADING = re.compile(
    r"^(?P<before>.*?)\s*-{3,}\s*(?P<heading>[^-\s][^\n]{0,100}?)\s*-{3,}\s*$"
)
_SLASH_HEADING = re.compile(r"^\s*//\s*(?P<heading>[^/]{2,80}?)\s*//\s*$")
_MAX_HEADING = 100
_TRAILING_RULE = re.compile(r"\s-{3,}[-\s]*$")
_RULE_ENDS = re.compile(  # "Heading -------"
    rf"^[-=_*{_DASHES}\s]{{3,}}|\s*[-=_*{_DASHES}]{{3,}}[-=_*{_DASHES}\s]*$"
)


def mark_headings(lines: list[str], header: frozenset[str] = frozenset()) -> list[str]:
    """Find section headings and put each on a line of its own, marked with `HEADING`,
    between blank lines. Headings come dash-boxed, underlined, inline between rulers
    (`End summary. --- THE RELEASE ---`), between slashes (`//COMMENT//`) or as a title-case
    line before a numbered paragraph. The rules around a heading go; other rules (a box around
    an archive note) stay as written. A header field line (`header`, words one space apart)
    is no title-case heading.
    """
    n = len(lines)
    firsts = [line.lstrip()[:1] for line in lines]
    rules = {i for i, first in enumerate(firsts) if first in _RULE_CHARS and _RULE.match(lines[i])}
    ruled = rules.__contains__
    marked: dict[int, list[str]] = {}
    for i in _heading_candidates(lines, firsts, rules):
        line = lines[i]
        near_rule = ruled(i - 1) or ruled(i + 1)
        text = line.strip()
        if not text:
            continue
        inline = _INLINE_HEADING.match(line) if "---" in line else None
        if inline and not NUMBERED.match(inline.group("heading")):
            before = [inline.group("before")] if inline.group("before").strip() else []
            marked[i] = [*before, "", HEADING + inline.group("heading").strip(" -"), ""]
            continue
        field = bool(header) and " ".join(text.split()) in header
        if not field and _undashed_heading(lines, i, text):
            marked[i] = ["", HEADING + _RULE_ENDS.sub("", text), ""]
            continue
        end = _END_THEN_TEXT.match(text)
        if end and _undashed_heading(lines, i, text[end.end():]):
            # "End Summary.  Moussavi: Admirable but Unknown -----": the end marker closes
            # the paragraph above, the rest heads the next one
            marked[i] = [end.group(0).strip(), "", HEADING + _RULE_ENDS.sub("", text[end.end():]),
                         ""]
            continue
        slashes = _SLASH_HEADING.match(line) if "//" in line else None
        if slashes:
            marked[i] = ["", HEADING + slashes.group("heading") + _AS_WRITTEN + text, ""]
            continue
        if not near_rule or i in marked:
            continue
        if (ruled(i - 1) and i + 2 < n and ruled(i + 2) and lines[i + 1].strip()
                and heading_like(text) and heading_like(lines[i + 1].strip())):
            # boxed over two lines: "-----" / "STANDING WITH PATRIARCH" / "REGARDING ..." / "---"
            marked[i] = ["", HEADING + text + " " + lines[i + 1].strip(), ""]
            marked[i + 1] = []
            continue
        # boxed, or with its lower rule run on at its end ("EXTRADITION (C/D) -------")
        boxed = ruled(i - 1) and (ruled(i + 1) or bool(_TRAILING_RULE.search(text)))
        # An underlined heading stands on its own: not the last line of a boxed note, not the
        # line above a boxed heading's upper rule.
        previous = lines[i - 1].rstrip() if i else ""
        alone = (not previous.strip() or ruled(i - 1) or previous.endswith(TERMINAL)
                 or bool(_END_MARKER.search(previous)))
        underlined = (ruled(i + 1) and alone
                      and not (i + 3 < n and lines[i + 2].strip() and ruled(i + 3)))
        if (boxed or underlined) and heading_like(_RULE_ENDS.sub("", text)):
            marked[i] = ["", HEADING + _RULE_ENDS.sub("", text), ""]
    # the rules of a heading go (a blank line for each)
    changed = sorted({*marked, *(i for i in rules if i - 1 in marked or i + 1 in marked)})
    out: list[str] = []
    done = 0
    for i in changed:
        out.extend(lines[done:i])
        out.extend(marked.get(i, [""]))
        done = i + 1
    out.extend(lines[done:])
    return out


def _heading_candidates(lines: list[str], firsts: list[str], rules: set[int]) -> list[int]:
    """The lines that may be or hold a heading, in order: those next to a rule, with dashes or
    slashes, or above a line that starts like a numbered paragraph (within two lines); not the
    rules. (`firsts` are the lines' first characters after leading space; most lines of a
    body are none of these: a line of text in the middle of a paragraph.)"""
    found = {j for i in rules for j in (i - 1, i + 1)}
    found.update(i for i, line in enumerate(lines) if "---" in line or "//" in line)
    for i, first in enumerate(firsts):
        if first and (first.isdigit() or first == "¶"):
            found.add(i - 1)  # (the line right above, or the one above a blank line)
            if i >= 2 and not firsts[i - 1]:
                found.add(i - 2)
    return sorted(i for i in found if 0 <= i < len(lines) and i not in rules)


def is_rule(line: str) -> bool:
    """A line of dashes, equals signs, underscores or asterisks alone."""
    return line.lstrip()[:1] in _RULE_CHARS and bool(_RULE.match(line))


def heading_like(text: str) -> bool:
    """Short, no paragraph number, no sentence, no caption."""
    return (bool(text) and len(text) <= _MAX_HEADING and not NUMBERED.match(text)
            and not text.endswith((".", ",", ";")) and not is_caption_line(text))


def read_heading(block: list[str]) -> tuple[str, str]:
    """The heading of a block `mark_headings` marked (or a standalone heading line), and the
    block as the body writes it."""
    raw = join_lines([ln.removeprefix(HEADING) for ln in block])
    heading, _, written = raw.partition(_AS_WRITTEN)
    heading = _RULE_ENDS.sub("", heading) or heading
    return heading, written or heading


def _before_numbered(lines: list[str], i: int) -> bool:
    """Whether the next line with text (within two lines) starts like a numbered paragraph."""
    for nxt in lines[i + 1 : i + 3]:
        head = nxt.lstrip()[:1]
        if head:
            return head.isdigit() or head == "¶"
    return False


_END_MARKER = re.compile(r"\bEND\s+(?:OF\s+)?(?:SUMMARY|COMMENT|NOTE)\.?\s*$", re.IGNORECASE)
# The end of a quoted text or of a note ("END TEXT", "END QUOTE", "UNQUOTE", "BEGIN TEXT:"):
# it closes the text above it, it is no heading of the paragraph below.
_TEXT_MARKER = re.compile(r"^\(?\s*(?:END\b|UNQUOTE\b|BEGIN\s+(?:TEXT|QUOTE)\b)", re.IGNORECASE)
_END_THEN_TEXT = re.compile(
    r"^\(?END\s+(?:OF\s+)?(?:SUMMARY|COMMENT|NOTE|TEXT)\b[.)]*\s+(?=\S)", re.IGNORECASE
)
# An address line ("NSC FOR ABRAMS/DORAN/WERNER/SINGH", "DEPT PASS TO USTR"): text, not a
# heading, even standing alone above the first paragraph.
# (an addressee, or a few words in capitals with an office code after FOR: "SUPPORT FOR
# REFORM" is a heading)
_ADDRESS = re.compile(
    r"^(?:(?:DEPT|DEPARTMENT|STATE|SECSTATE|NSC|USDOC|COMMERCE|TREASURY|USTR|USAID|DOD|DOE"
    r"|DHS|JCS|OSD|SECDEF|USEU|USUN|USNATO)\b[^:\n]{0,30}?\s(?:FOR|PASS)\b"
    r"|[A-Z][A-Z/&.\-]*(?:\s[A-Z][A-Z/&.\-]*){0,2}\s(?:PLEASE\s+)?(?:FOR|PASS\s+TO)\s+\S*/)"
)
_NOTE = re.compile(r"^\([^()\n]*\)$")  # "(INFORMATION FOR THE REPORT'S CLASSIFIED ANNEX)"
_NOT_HEADING_ENDS = frozenset('.,;:"”')
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())


def _undashed_heading(lines: list[str], i: int, text: str) -> bool:
    """A title-case line of its own (`text`, line `i` or the end of it) between the end of a
    sentence and a numbered paragraph: "... End summary." / "2009: The Year the Bubble Burst"
    / "2. (C) Venezuela's ..."."""
    core = text.rstrip('"”')  # a heading may end in a quoted word: 'AGAINST ""ISLAMOPHOBIA""'
    if not core or len(text) > _MAX_HEADING or core[-1] in _NOT_HEADING_ENDS or "//" in text:
        return False  # (slashed headings are read as written, elsewhere)
    if (_TEXT_MARKER.match(text) or _ADDRESS.match(text) or is_caption_line(text)
            or _NOTE.match(text)):
        return False
    # a page break may stand between the heading and its paragraph
    following = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
    if not following and i + 2 < len(lines):
        following = lines[i + 2].lstrip()
    if not following[:1].isdigit() and not following.startswith("¶"):
        return False
    if not NUMBERED.match(following) or NUMBERED.match(text):
        return False
    previous = lines[i - 1].rstrip() if i else ""
    if previous and (not previous.endswith(TERMINAL) or previous.rstrip('"”’').endswith(",")):
        return False  # (a quotation closed after a comma goes on: 'AKA "Ernesto Baez,"')
    words = [w for w in re.findall(r"\w[\w’'-]*", text) if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) >= 2 and capitalised >= 0.7 * len(words)


def standalone_heading(content: list[str], blocks: list[list[str]], index: int) -> bool:
    """A short single line, not a sentence, directly before a numbered paragraph."""
    if len(content) != 1 or index + 1 >= len(blocks):
        return False
    line = content[0].strip()
    if len(line) > 80 or line.endswith((".", ",", ";")) or NUMBERED.match(line):
        return False
    if (_TEXT_MARKER.match(line) or _ADDRESS.match(line) or _NOTE.match(line)
            or is_caption_line(line)):
        return False  # (a note in brackets under a heading is text)
    if len(line.split()) > 10 or not line[:1].isupper():
        return False
    return bool(NUMBERED.match(blocks[index + 1][0]))
