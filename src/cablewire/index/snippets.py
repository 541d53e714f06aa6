"""Search snippets as text plus highlight ranges, and the pieces a renderer walks.

A `Snippet` (`cablewire.results`) is plain text on one line with the matched words given as
`[start, end)` character offsets. Tantivy's snippet generator gives a fragment of the body with
matches as UTF-8 *byte* offsets; `from_fragment` turns those into character offsets, collapses the
fragment's whitespace and marks where it was cut from a longer text with an ellipsis.

    >>> from_fragment("said \\n\\n Touré  left", [(8, 14)], cut_before=True, cut_after=False)
    {'text': '… said Touré left', 'highlights': [(7, 12)]}
    >>> list(pieces({"text": "an AQIM cell", "highlights": [(3, 7)]}))
    [('an ', False), ('AQIM', True), (' cell', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from cablewire.results import Snippet

ELLIPSIS = "…"


def from_fragment(fragment: str, byte_ranges: Iterable[tuple[int, int]], cut_before: bool,
                  cut_after: bool) -> Snippet:
    """A snippet from a fragment and its matches as byte offsets into the fragment's UTF-8."""
    char_at: dict[int, int] = {}
    offset = 0
    for index, char in enumerate(fragment):
        char_at[offset] = index
        offset += len(char.encode("utf-8"))
    char_at[offset] = len(fragment)
    ranges = [(char_at[start], char_at[end]) for start, end in byte_ranges
              if start in char_at and end in char_at and start < end]
    return from_text(fragment, ranges, cut_before, cut_after)


def from_text(text: str, ranges: Iterable[tuple[int, int]], cut_before: bool = False,
              cut_after: bool = False) -> Snippet:
    """A snippet from text and character ranges into it: whitespace collapsed to single spaces
    (the ranges moved with it) and an ellipsis at a cut end."""
    out: list[str] = []
    moved: list[int] = []  # moved[i]: where text[i] lands in the collapsed text
    length = 0
    for m in re.finditer(r"\S+|\s+", text):
        piece = m.group(0)
        if piece.isspace():
            at_edge = m.start() == 0 or m.end() == len(text)
            moved.extend([length] * len(piece))
            if not at_edge:
                out.append(" ")
                length += 1
        else:
            moved.extend(range(length, length + len(piece)))
            out.append(piece)
            length += len(piece)
    moved.append(length)
    collapsed = "".join(out)
    shift = 0
    if cut_before and collapsed:
        collapsed = f"{ELLIPSIS} {collapsed}"
        shift = len(ELLIPSIS) + 1
    if cut_after and collapsed:
        collapsed = f"{collapsed} {ELLIPSIS}"
    highlights: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if not 0 <= start < end <= len(text):
            continue
        new = (moved[start] + shift, moved[end - 1] + 1 + shift)
        if highlights and new[0] < highlights[-1][1]:
            continue  # overlapping: the first wins
        highlights.append(new)
    return {"text": collapsed, "highlights": highlights}


def pieces(snippet: Snippet) -> Iterator[tuple[str, bool]]:
    """The snippet's text in order as (piece, highlighted) pairs; ranges out of order, overlapping
    or outside the text are skipped."""
    text = snippet["text"]
    at = 0
    for start, end in snippet["highlights"]:
        if start < at or end > len(text) or start >= end:
            continue
        if start > at:
            yield text[at:start], False
        yield text[start:end], True
        at = end
    if at < len(text):
        yield text[at:], False
