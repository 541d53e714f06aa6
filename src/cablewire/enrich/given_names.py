"""Given names, to tell a first name from a common English word in text typed in capitals.

`FOR SAM GAYE` truecased word by word gives "for sam Gaye": SAM, JIM, MARK and SUSAN are common
words. A given name before a word that is itself no common word (`GAYE`) is taken to begin a
person's name. The list is Jörg Michael's `nam_dict.txt` (about 48,000 first names with their
frequency in each of 54 countries, GNU FDL), shipped by the `gender-guesser` package. Only names
with a frequency of at least `_MIN_FREQUENCY` (on the list's 1-13 scale) in some country are
taken (the list's lines of equivalent names, `=`, are not names of their own).
"""

from __future__ import annotations

import functools
from importlib import resources

_MIN_FREQUENCY = 3  # the list's scale: 1 (rare) to 13 (very common), in any one country
_COUNTRIES = slice(29, 85)  # the columns of the per-country frequencies
_FREQUENCY_DIGITS = "123456789ABCD"


@functools.cache
def given_names() -> frozenset[str]:
    """Common given names, lower case, ASCII spellings only (`sam`, `susan`, `amadou`)."""
    try:
        text = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text("latin-1")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or len(line) < 30 or line[0] == "=":
            continue
        name = line[3:29].strip()
        if not name.isascii() or not name.isalpha():
            continue  # (compounds with '+', and the list's own letter codes)
        best = max((_FREQUENCY_DIGITS.find(c) + 1 for c in line[_COUNTRIES]), default=0)
        if best >= _MIN_FREQUENCY:
            names.add(name.lower())
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether `word` (any case) is a common given name."""
    return word.lower() in given_names()
