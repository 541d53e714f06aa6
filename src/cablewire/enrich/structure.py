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

from cablewire.enrich.given_names import is_given_name
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
_GIVEN_NAME_MAX_ZIPF = 5.4  # (`zipf_frequency`: JOHN 5.38 and MARK 5.05 under it, HOPE 5.44 not)


def truecase(text: str) -> str:
    """A copy of capitalised text in ordinary case, the same length as `text`. A common word
    that is a given name, before a word that comes out capitalised, begins a name: FOR SAM GAYE
    is "for Sam Gaye" (`cablewire.enrich.given_names`)."""
    chars = list(text.lower())
    sentence_start = True
    last = 0
    # (start, end, whether it came out lower case, whether it came out as Titlecase)
    words: list[tuple[int, int, bool, bool]] = []
    for m in _WORD.finditer(text):
        between = text[last : m.start()]
        if re.search(r"[.!?:]\s*$|^\s*$", between) and (last == 0 or re.search(r"[.!?:]", between)):
            sentence_start = True
        word = m.group()
        cased = _case_word(word, sentence_start)
        if len(cased) == len(word):
            chars[m.start() : m.end()] = cased
        words.append((m.start(), m.end(), cased.islower(), cased[:1].isupper() and
                      not cased.isupper()))
        sentence_start = False
        last = m.end()
    for (start, end, lower, _), (after, _, _, titled) in zip(words, words[1:], strict=False):
        if (lower and titled and text[end:after].isspace() and "\n" not in text[end:after]
                and _given_name_word(text[start:end])):
            chars[start] = chars[start].upper()
    return "".join(chars)


@functools.lru_cache(maxsize=20_000)
def _given_name_word(word: str) -> bool:
    """A given name that is also a common word, but not one of the commonest (MAY, SAID, THE:
    those begin no name often enough)."""
    return zipf_frequency(word.lower(), "en") < _GIVEN_NAME_MAX_ZIPF and is_given_name(word)


_ARTICLES = frozenset({"the", "a", "an"})  # (The Gambia: an article is no proper word)


@functools.cache
def _proper_words() -> frozenset[str]:
    """Words of country names, demonyms and regions: capitalised even when common, but for
    their articles."""
    from cablewire.enrich import gazetteer

    names = [c.name for c in gazetteer.countries().values()]
    names += list(gazetteer.COUNTRY_ALIASES) + list(gazetteer.demonym_plurals())
    names += list(gazetteer.REGIONS)
    return frozenset(w.lower() for n in names for w in n.split()
                     if w[:1].isupper() and w.lower() not in _ARTICLES)


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
