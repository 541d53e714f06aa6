"""Where a cable paragraph starts and where a sentence ends.

A paragraph starts with its number, often followed by its classification marking:
`1. (C) ...`, `¶2. (S/NF) ...`, `3) ...`, `1 (S) ...` (no dot: the marking makes it a number),
`1. (u) ...` in a lower-case copy, or after its marking: `(C) 1. ...`. A list quoted inside a
paragraph (`1. all ADCs ...`, `2. ...`) has numbers too: `Numbering` tells them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = r"(?:U|C|S|TS|SBU|LOU|FOUO|NF|S/NF|C/NF|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|NOFORN)"
NUMBERED = re.compile(
    r"^\s*(?:¶\s*)?"
    # the marking written before the number ("(C) 1. In a visit ...", "(SBU)10. ...")
    r"(?:\(\s*(?P<premark>(?i:" + MARKS + r")(?:/[A-Z]{2,6})?)\s*\)\s*(?=\d{1,3}\s*[.)](?!\d)))?"
    r"(?P<num>\d{1,3})"
    # the number's dot or bracket, or no dot when a marking follows ("1 (S) Over the last")
    r"(?:\s*[.)]\s*|\s+(?=\((?i:" + MARKS + r")(?:[/ -][^)\n]{0,40})?\)))"
    r"(?:\(\s*(?P<mark>(?i:" + MARKS + r")(?:\b[^)\n]{0,40})?)\s*\)\s*)?"
)
_DECIMAL = re.compile(r"^\s*(?:¶\s*)?\d{1,3}\.\d")  # "1.4 (b) and (d)", not a list item
# What a sentence (or a quotation, a parenthesis) ends with.
TERMINAL = tuple('.!?:;")\'”’')


def marking_of(m: re.Match[str]) -> str | None:
    """The marking of a numbered line, as written; a lower-case one (`(u)`) upper-cased."""
    mark = m.group("mark") or m.group("premark")
    if not mark:
        return None
    mark = " ".join(mark.split())
    return mark.upper() if mark.islower() else mark


@dataclass
class Numbering:
    """The paragraph numbers met so far, to tell a paragraph's number from the item number of
    a list quoted inside a paragraph.

    The next paragraph's number follows the last one's (a few may be skipped, one repeated);
    a marked number past the last is one too. A list inside a paragraph starts at 1 (`1. all
    14-bit ADCs ...`), which is no next number, and its items go on from there: in a cable
    whose paragraphs carry markings, an unmarked `4.` right after item 3 is item 4, not
    paragraph 4, and an unmarked `1.` inside a marked paragraph 1 starts a list. In any cable,
    the next item is an item while its number is not past the paragraph's (no repeat of it).
    """

    last: int | None = None
    marked: bool = False  # the last paragraph carried a marking
    item: int | None = None  # the last item number of a list inside the current paragraph

    def starts_paragraph(self, line: str) -> bool:
        """Whether `line` starts the next numbered paragraph (and take note of it)."""
        m = NUMBERED.match(line)
        if m is None:
            return False
        num, marked = int(m.group("num")), bool(m.group("mark"))
        goes_on = self.item is not None and num == self.item + 1 and not marked
        if goes_on and (self.marked or num <= (self.last or 0)) or (
                self.item is None and self.marked and not marked and num == self.last == 1):
            self.item = num  # an item of the list, or the start of one inside paragraph 1
            return False
        if self.last is None:
            starts = num <= 3 or marked
        else:
            starts = self.last <= num <= self.last + 5 or (marked and num > self.last)
        if starts:
            self.last, self.marked, self.item = num, marked, None
        elif (num == 1 or (self.item is not None and num == self.item + 1)) and not (
                _DECIMAL.match(line)):
            self.item = num
        return starts
