"""Unwrapping hard-wrapped telegram lines, and rejoining words broken across lines.

Cable text comes wrapped at a fixed width, and copies of it often break words in two
("for reas / ons"). A break is rejoined only when the joined word is a common English word and
one of the halves is not a word on its own, judged by word frequencies from `wordfreq`; so
"under / manned" stays two words and "reas / ons" becomes "reasons".
"""

from __future__ import annotations

import re
from functools import lru_cache

_TAIL = re.compile(r"([A-Za-z]+)$")
_HEAD = re.compile(r"^([A-Za-z]+)")
JOINED_MIN = 1e-6  # the joined word must be at least this frequent
HALF_MAX = 1e-6  # and one half at most this frequent


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="large")


def is_broken_word(left: str, right: str) -> bool:
    """Whether `left` + `right` are two halves of one word broken across lines."""
    freq = _frequencies()
    a, b = left.lower(), right.lower()
    joined = freq.get(a + b, 0.0)
    if joined < JOINED_MIN:
        return False
    return freq.get(a, 0.0) < HALF_MAX or freq.get(b, 0.0) < HALF_MAX


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one, rejoining words broken at a line end."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and not out.endswith(" -") and not out.endswith("--"):
            out += line
        elif _breaks_word(out, line):
            out += line
        else:
            out += " " + line
    return out


def _breaks_word(left: str, right: str) -> bool:
    tail = _TAIL.search(left)
    head = _HEAD.match(right)
    if not tail or not head:
        return False
    a, b = tail.group(1), head.group(1)
    # A continuation is lower case, or the whole text is upper case (old cables).
    if not (b[0].islower() or (a.isupper() and b.isupper())):
        return False
    if len(head.group(1)) != len(right.split(" ", 1)[0].rstrip(".,;:)")):
        return False
    return is_broken_word(a, b)
