"""Unwrapping hard-wrapped telegram lines, and rejoining words broken across lines.

Cable text comes wrapped at a fixed width, and copies of it often break words in two
("for reas / ons"). A break is rejoined only when the joined word is a common English word and
one of the halves is not a word on its own, judged by word frequencies from `wordfreq`; so
"under / manned" stays two words and "reas / ons" becomes "reasons".
"""

from __future__ import annotations

from functools import lru_cache

JOINED_MIN = 1e-6  # the joined word must be at least this frequent
HALF_MAX = 1e-6  # and one half at most this frequent


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="large")


def word_frequency(word: str) -> float:
    """How often `word` (lower case) occurs in English text, from 0.0 to 1.0."""
    return _frequencies().get(word, 0.0)


def is_broken_word(left: str, right: str) -> bool:
    """Whether `left` + `right` are two halves of one word broken across lines."""
    freq = _frequencies()
    a, b = left.lower(), right.lower()
    joined = freq.get(a + b, 0.0)
    if joined < JOINED_MIN:
        return False
    return _fragment(a, freq) or _fragment(b, freq)


# Short words that stand on their own; other one- and two-letter pieces are fragments ("a / nd").
_SHORT_WORDS = frozenset(
    "a i an am as at be by do go he if in is it me my no of on or so to up us we ok".split()
)


def _fragment(piece: str, freq: dict[str, float]) -> bool:
    if len(piece) <= 2:
        return piece not in _SHORT_WORDS
    return freq.get(piece, 0.0) < HALF_MAX


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one, rejoining words broken at a line end."""
    if len(lines) == 1:
        return lines[0].strip()
    parts: list[str] = []
    prev = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts:
            if prev.endswith("-") and not prev.endswith((" -", "--")):
                if _broken_at_hyphen(prev, line):
                    parts[-1] = parts[-1][:-1]
            elif not (prev[-1].isalpha() and line[0].isalpha()
                      and _breaks_word(prev[-40:], line[:40])):
                parts.append(" ")
        parts.append(line)
        prev = line
    return "".join(parts)


def _broken_at_hyphen(left: str, right: str) -> bool:
    """`JURIS-` / `DICTION`: a word hyphenated only because the line ended there."""
    a = left[:-1].rsplit(" ", 1)[-1].rsplit("-", 1)[-1].lstrip("(\"'“‘[")
    b = right.split(" ", 1)[0].rstrip(".,;:)\"'”’]!?")
    if not (a.isalpha() and b.isalpha()):
        return False
    freq = _frequencies()
    joined = freq.get((a + b).lower(), 0.0)
    return joined >= JOINED_MIN and freq.get(f"{a}-{b}".lower(), 0.0) < joined / 10


def _breaks_word(left: str, right: str) -> bool:
    if not (left[-1:].isalpha() and right[:1].isalpha()):
        return False
    if not (right[0].islower() or (left[-1].isupper() and right[0].isupper())):
        return False
    a = left[left.rfind(" ") + 1 :].lstrip("(\"'“‘[")
    space = right.find(" ")
    b = (right if space < 0 else right[:space]).rstrip(".,;:)\"'”’]!?")
    if not (a.isalpha() and b.isalpha()):
        return False
    return is_broken_word(a, b)
