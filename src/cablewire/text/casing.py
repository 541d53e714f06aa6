"""Readable titles from all-caps SUBJECT lines: "PRESIDENT TOURE READY TO TARGET AQIM, WITH HELP"
becomes "President Toure Ready to Target AQIM, With Help". Known acronyms and TAGS codes stay
upper-case (the acronym list is cablemap's, BSD licence)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from cablewire.model.jargon import organization_tags, subject_tags

_SMALL = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "per", "than", "the", "to", "via", "vs", "with", "vis-a-vis",
}  # fmt: skip
_INITIALS = re.compile(r"[A-Z]\.([A-Z]\.)+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’./&-]*")


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """The acronyms that occur in cables (cablemap's list), upper case: "AQIM", "INCSR"."""
    text = resources.files("cablewire.data").joinpath("cable-acronyms.txt").read_text("utf-8")
    words = (line.strip().strip("()") for line in text.splitlines())
    return frozenset(word.upper() for word in words if word and not word.startswith("#"))


@lru_cache(maxsize=1)
def _kept_upper() -> frozenset[str]:
    """What a title keeps in capitals: the acronyms and the TAGS codes."""
    words = acronyms() | {code.upper() for code in [*subject_tags(), *organization_tags()]}
    # Common words that also appear as acronyms or tag codes must not be kept upper-case.
    return frozenset(words - {"AND", "THE", "FOR", "ON", "IN", "OF", "TO", "AT", "AS", "BY"})


def titlecase(subject: str | None) -> str | None:
    """Title case for a subject written in capitals (or all in lower case); mixed-case subjects
    are kept as written."""
    if not subject:
        return None
    text = " ".join(subject.split())
    letters = [c for c in text if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    if letters and len(letters) * 0.3 < lower < len(letters):
        return text  # mixed case: written as a title already
    known = _kept_upper()
    first = True
    out: list[str] = []
    pos = 0
    for m in _WORD.finditer(text):
        out.append(text[pos : m.start()])
        out.append(_case_word(m.group(0), known, first))
        first = text[m.end() : m.end() + 1] == ":"
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _case_word(word: str, known: frozenset[str], first: bool) -> str:
    if not word.isalpha() and any(c.isdigit() for c in word):
        return word  # F-4ES, C-CT5-00623, 1.4(B): codes stay as written
    bare = word.rstrip(".")
    upper = bare.upper()
    if upper in known:
        return word.upper()
    if upper.endswith(("'S", "’S")) and upper[:-2] in known:
        return bare[:-2].upper() + bare[-2] + "s" + word[len(bare) :]
    if "." in word and _INITIALS.fullmatch(word.upper()):  # U.S., U.N.
        return word.upper()
    lower = word.lower()
    if not first and lower in _SMALL:
        return lower
    parts = lower.split("-")
    return "-".join(p[:1].upper() + p[1:] if p not in _SMALL or i == 0 else p
                    for i, p in enumerate(parts))
