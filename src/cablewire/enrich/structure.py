"""Which text of a document is prose, and which is a header, a heading or a routing line.

A cable's header lines are not prose: the SUBJECT is written in capitals, TAGS are codes, the
addressees are routing lines ("HQ USAFRICOM STUTTGART GE"), the signer is a surname in capitals.
Only prose (cable paragraphs, article paragraphs, captions, the author blurb) goes to the
statistical model; the other segments are matched against names, gazetteers and routing tables.

A paragraph typed all in capitals (older cables) is given to the model in a truecased copy of the
same length: common words lower case (by `wordfreq`), known acronyms upper case, other words and
sentence starts capitalised. Offsets into the copy are offsets into the original.

A token of more than `LONG_TOKEN` characters (a pasted base64 image) is cut in every segment's
text: its tail is blanked with spaces (`text.tokens.blank_long_tokens`), so offsets stay those of
the stored text, and no model or pattern spends time quadratic in its length.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from wordfreq import zipf_frequency

from cablewire.text.casing import acronyms
from cablewire.text.tokens import blank_long_tokens

SegmentKind = Literal["prose", "heading", "header", "routing", "name"]


@dataclass(frozen=True)
class Segment:
    field: str
    paragraph: int | None
    text: str
    kind: SegmentKind


def segments(doc: dict[str, Any]) -> list[Segment]:
    """The text segments of a document's JSON form, in reading order."""
    out: list[Segment] = []

    def add(field: str, index: int | None, text: object, kind: SegmentKind) -> None:
        if isinstance(text, str) and text.strip():
            out.append(Segment(field, index, blank_long_tokens(text), kind))

    if doc.get("kind") == "cable":
        add("subject", None, doc.get("subject"), "header")
        add("origin", None, doc.get("origin"), "routing")
        add("sender", None, doc.get("sender"), "routing")
        for field in ("recipients", "info_recipients"):
            for i, rec in enumerate(doc.get(field) or []):
                add(field, i, rec.get("name"), "routing")
        add("classified_by", None, doc.get("classified_by"), "name")
        for i, para in enumerate(doc.get("paragraphs") or []):
            add("headings", i, para.get("heading"), "heading")
            add("paragraphs", i, para.get("text"), "prose")
        for i, signer in enumerate(doc.get("signers") or []):
            add("signers", i, signer, "name")
    else:
        add("title", None, doc.get("title"), "heading")
        add("subtitle", None, doc.get("subtitle"), "prose")
        add("dateline", None, doc.get("dateline"), "routing")
        for i, caption in enumerate(doc.get("captions") or []):
            add("captions", i, caption.get("text"), "prose")
        for i, para in enumerate(doc.get("paragraphs") or []):
            add("paragraphs", i, para, "prose")
        for i, author in enumerate(doc.get("authors") or []):
            add("authors", i, author, "name")
        add("author_bio", None, doc.get("author_bio"), "prose")
    return out


def is_shouting(text: str) -> bool:
    """Mostly capitals: more than 60% of the letters."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 20 and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def truecase(text: str) -> str:
    """A copy of capitalised text in ordinary case, the same length as `text`."""
    chars = list(text.lower())
    sentence_start = True
    last = 0
    for m in _WORD.finditer(text):
        between = text[last : m.start()]
        if re.search(r"[.!?:]\s*$|^\s*$", between) and (last == 0 or re.search(r"[.!?:]", between)):
            sentence_start = True
        word = m.group()
        cased = _case_word(word, sentence_start)
        if len(cased) == len(word):
            chars[m.start() : m.end()] = cased
        sentence_start = False
        last = m.end()
    return "".join(chars)


@functools.cache
def _proper_words() -> frozenset[str]:
    """Words of country names, demonyms and regions: capitalised even when common."""
    from cablewire.enrich import gazetteer

    names = [c.name for c in gazetteer.countries().values()]
    names += list(gazetteer.COUNTRY_ALIASES) + list(gazetteer.demonym_plurals())
    names += list(gazetteer.REGIONS)
    return frozenset(w.lower() for n in names for w in n.split() if w[:1].isupper())


@functools.lru_cache(maxsize=50_000)
def _case_word(word: str, sentence_start: bool) -> str:
    upper = word.upper()
    lower = word.lower()
    if upper in acronyms() and (len(word) <= 5 and zipf_frequency(lower, "en") < 4.5):
        return upper
    common = (
        zipf_frequency(lower, "en") >= 3.0
        and lower not in _CALENDAR
        and lower not in _proper_words()
    )
    if sentence_start or not common:
        return lower[:1].upper() + lower[1:]
    return lower
