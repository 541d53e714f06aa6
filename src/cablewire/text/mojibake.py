"""Mis-encoded characters: UTF-8 read as Windows-1252 or Latin-1 ("TourÃ©" for "Touré",
"â€™" for "’"). Repaired only where the intended character is certain, which `ftfy` decides;
a lone "?" standing for a lost character is left as it is."""

from __future__ import annotations

import re

_SUSPECT = re.compile("[ÂÃâ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178"
                      "\u017d\u017e\u0192\u02c6\u02dc]")


def repair_mojibake(text: str) -> tuple[str, int]:
    """The text with mojibake repaired, and how many characters changed."""
    if text.isascii() or not _SUSPECT.search(text):  # (ASCII has none: found in one pass)
        return text, 0
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, 0
    return fixed, max(1, len(text) - len(fixed))
