"""Where a cable paragraph starts and where a sentence ends.

A paragraph starts with its number, often followed by its classification marking:
`1. (C) ...`, `¶2. (S/NF) ...`, `3) ...`.
"""

from __future__ import annotations

import re

NUMBERED = re.compile(
    r"^\s*(?:¶\s*)?(?P<num>\d{1,3})\s*[.)]\s*"
    r"(?:\(\s*(?P<mark>(?:U|C|S|TS|SBU|LOU|FOUO|NF|S/NF|C/NF|CONFIDENTIAL|SECRET|UNCLASSIFIED"
    r"|UNCLAS|NOFORN)(?:\b[^)\n]{0,40})?)\s*\)\s*)?"
)
# What a sentence (or a quotation, a parenthesis) ends with.
TERMINAL = tuple('.!?:;")\'”’')
