"""Over-long tokens: a run of 50,000 letters without a space (a base64 image pasted as text, a
minified script) is no word, and the models' tokenisers take time quadratic in a word's length.
Enrichment hands them the text with such runs cut; the stored text keeps them whole.

    >>> blank_long_tokens("a " + "x" * 8 + " b", limit=3)
    'a xxx      b'
    >>> cut_long_tokens(["a", "x" * 8], limit=3)
    ['a', 'xxx']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LONG_TOKEN = 100
"""Characters a token keeps (the longest word in the cables has 40; a URL may have 100)."""

# Starts only where a token starts, so each character is read once: linear in the text.
def _long(limit: int) -> re.Pattern[str]:
    return re.compile(r"(?<!\S)\S{" + str(limit + 1) + ",}")


_LONG = _long(LONG_TOKEN)


def blank_long_tokens(text: str, limit: int = LONG_TOKEN) -> str:
    """`text` with every token past `limit` characters blanked after them (spaces, so every
    offset into the text stays where it was)."""
    pattern = _LONG if limit == LONG_TOKEN else _long(limit)
    if len(text) <= limit:
        return text
    return pattern.sub(lambda m: m.group()[:limit] + " " * (len(m.group()) - limit), text)


def cut_long_tokens(tokens: Iterable[str], limit: int = LONG_TOKEN) -> list[str]:
    """Tokens (split words) each cut to `limit` characters."""
    return [t[:limit] for t in tokens]
