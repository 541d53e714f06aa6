"""Readable titles from all-caps SUBJECT lines: "PRESIDENT TOURE READY TO TARGET AQIM, WITH HELP"
becomes "President Toure Ready to Target AQIM, with Help".

What stays in capitals: acronyms and TAGS codes (the acronym list is cablemap's, BSD licence),
in compounds too ("U.S.-FRANCE-EU" is "U.S.-France-EU", "EU/TURKEY" "EU/Turkey"); the short
parts of an office symbol that are no words ("WHA/CEN", "AF/C"); words of up to four letters and
one vowel that no English text uses ("DROC", "PSDB"; not the name "SUHA"); initials ("U.S.");
redaction marks ("XXXXXXXXXXXX"). What does not: the entries of those lists that the cables' own
mixed-case text writes as words ("DUTCH", "UPDATE", "MEET", "DOHA": `data/title-words.txt`, made
by `scripts/title_words.py`).

Small words (articles, conjunctions, prepositions) are lower case, except the first word of the
title and of a subphrase (after ":", "?", "!", ";", "." or a dash: "Sarkozy -- The Candidate")
and the last word of the title ('"We Want Back In"').
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from cablewire.model.jargon import organization_tags, subject_tags
from cablewire.text.linebreaks import word_frequency

_SMALL = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "per", "than", "the", "to", "via", "vs", "with", "vis-a-vis",
}  # fmt: skip
_PARTICLES = {"al", "bin", "da", "de", "del", "della", "der", "di", "do", "dos", "du", "el",
              "la", "le", "van", "von"}  # fmt: skip
_CUT = re.compile(r"(?:\.\.\.|…)\W*$")  # a subject cut short: its last word is no last word
# A word in capitals among words in lower case on its line ("the ZKA investigation"), not in a
# heading or a line in capitals
_UPPER_WORD = re.compile(r"[a-z][^A-Za-z\n]{1,3}([A-Z]{2,6})(?=[^A-Za-z\n]{1,3}[a-z])")
_LOWER_LETTERS, _UPPER_LETTERS = b"abcdefghijklmnopqrstuvwxyz", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACRONYM_MIN, _ACRONYM_MAX = 2, 6  # the lengths of a cable's own acronyms...
_OWN_ACRONYM_WORD = 1e-6  # ...and their frequency as English words at most
_SOURCE_MAX = 20_000  # characters of the cable's text judged for its case
_MIXED_SHARE = 0.5  # a text with at least this share of lower-case letters is in mixed case
# Places whose name begins with "The" (the station THEHAGUE): its "The" is capitalised
_PLACES_WITH_THE = re.compile(r"\bthe (Hague|Gambia|Bahamas)\b")
_PHRASE_ENDS = {"in", "on", "over", "with", "by", "at", "into"}  # small words that end a phrase
_INITIALS = re.compile(r"[A-Z]\.([A-Z]\.)+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’./&-]*")
_SUBPHRASE = re.compile(r"[:;?!.]\W*$|(?:^|\s)(?:--?|–|—)\s*$")
_APOSTROPHE = re.compile(r"^([A-Za-z][A-Za-z.&/-]*)(['’])([A-Za-z]+)$")
_PARTS = re.compile(r"(/|-+)")
_REDACTED = re.compile(r"X{4,}")
_SUFFIXES = frozenset("S ING ED ER ERS D T LL RE VE M".split())  # after an apostrophe
_NO_WORD = 1e-7  # a word this rare in English is an acronym ("DROC")
_NO_WORD_LEN = 4
_OFFICE_PART = 4  # a part of an office symbol ("WHA/CEN") up to this long...
_OFFICE_PART_WORD = 1e-6  # ...and rarer than this is kept in capitals


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """The acronyms that occur in cables (cablemap's list), upper case: "AQIM", "INCSR"."""
    text = resources.files("cablewire.data").joinpath("cable-acronyms.txt").read_text("utf-8")
    words = (line.strip().strip("()") for line in text.splitlines())
    return frozenset(word.upper() for word in words if word and not word.startswith("#"))


@lru_cache(maxsize=1)
def listed_upper() -> frozenset[str]:
    """The acronyms and the TAGS codes, the words a title may keep in capitals."""
    words = acronyms() | {code.upper() for code in [*subject_tags(), *organization_tags()]}
    # Common words that also appear as acronyms or tag codes must not be kept upper-case.
    return frozenset(words - {"AND", "THE", "FOR", "ON", "IN", "OF", "TO", "AT", "AS", "BY"})


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The entries of `listed_upper` that the cables' prose writes as words ("DUTCH")."""
    text = resources.files("cablewire.data").joinpath("title-words.txt").read_text("utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def kept_upper() -> frozenset[str]:
    """What a title keeps in capitals: the acronyms and the TAGS codes that are not words."""
    return listed_upper() - title_words()


def titlecase(subject: str | None, source: str | None = None) -> str | None:
    """Title case for a subject written in capitals (or all in lower case); in a subject written
    in mixed case only the words all in lower case are capitalised (`_case_mixed`). `source`,
    the cable's text, adds the acronyms it writes in capitals (`_written_upper`)."""
    if not subject:
        return None
    text = " ".join(subject.split())
    letters = [c for c in text if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    mixed = bool(letters) and len(letters) * 0.3 < lower < len(letters)
    known = kept_upper()
    own = _written_upper(text, source) if source and not mixed else frozenset()
    out: list[str] = []
    pos = 0
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        between = text[pos : m.start()]
        out.append(between)
        # the first word of the title or of a subphrase, and the last word of the title
        first = pos == 0 or bool(_SUBPHRASE.search(between)) or (
            i == len(words) - 1 and _ends_title(m.group(0), text[m.end():]))
        word = m.group(0)
        if mixed:
            out.append(_case_mixed(word, first))
        else:
            out.append(word.upper() if own and word.upper() in own
                       else _case_word(word, known, first))
        pos = m.end()
    out.append(text[pos:])
    return _PLACES_WITH_THE.sub(r"The \1", "".join(out))


def _written_upper(subject: str, source: str) -> frozenset[str]:
    """The words of `subject` that the cable's text, written in mixed case, gives in capitals
    among words in lower case, and that are no English words: its own acronyms ("(zka)" in a
    lower-case subject line is ZKA where the text says "the ZKA investigation"). A text in
    capitals gives none."""
    wanted = {w.upper() for w in _WORD.findall(subject)
              if w.isalpha() and _ACRONYM_MIN <= len(w) <= _ACRONYM_MAX
              and w.upper() not in kept_upper() and word_frequency(w.lower()) < _OWN_ACRONYM_WORD}
    if not wanted:
        return frozenset()
    head = source[:_SOURCE_MAX]
    ascii_text = head.encode("ascii", "ignore")
    lower = len(ascii_text) - len(ascii_text.translate(None, _LOWER_LETTERS))
    upper = len(ascii_text) - len(ascii_text.translate(None, _UPPER_LETTERS))
    if lower < (lower + upper) * _MIXED_SHARE:
        return frozenset()
    found = {m.group(1) for m in _UPPER_WORD.finditer(head)}
    return frozenset(wanted & found)


def _ends_title(word: str, after: str) -> bool:
    """Whether the last word of a subject is capitalised as the title's last word: a particle
    that ends a phrase ("Hold On", "Reckoned With") or a word the title's closing punctuation
    follows ('"We Want Back In"', "Want To?"); not a small word a subject cut short at its
    first line ends in ("... to Protect the", "... Trade and"), nor one before "..."."""
    if _CUT.search(after):
        return False
    return word.lower() in _PHRASE_ENDS or bool(after.strip()) or word.lower() not in _SMALL


def _case_mixed(word: str, first: bool) -> str:
    """A word of a subject written in mixed case: as written (its capitals are the writer's:
    "PD", "McCain", "iPhone"), but a word all in lower case that is no small word, and no
    particle of a name ("da Silva"), is capitalised ("Ambassador delivers ..." is "Ambassador
    Delivers ...")."""
    if (not word[:1].isalpha() or not word.islower() or any(c.isdigit() for c in word)
            or "." in word.rstrip(".") or not first and (word in _SMALL or word in _PARTICLES)):
        return word  # (an abbreviation, "p.m.", as written too)
    return word[:1].upper() + word[1:]


def _case_word(word: str, known: frozenset[str], first: bool) -> str:
    if not word.isalpha() and any(c.isdigit() for c in word):
        return word  # F-4ES, C-CT5-00623, 1.4(B): codes stay as written
    bare = word.rstrip(".")
    upper = bare.upper()
    if upper in known or _REDACTED.fullmatch(upper):
        return word.upper()
    if "." in word and _INITIALS.fullmatch(word.upper()):  # U.S., U.N.
        return word.upper()
    apostrophe = _APOSTROPHE.match(word)
    if apostrophe:
        head, mark, tail = apostrophe.groups()
        if len(head) == 1 and len(tail) > 1:  # D'IVOIRE, O'BRIEN
            return head.upper() + mark + tail[:1].upper() + tail[1:].lower()
        if tail.upper() in _SUFFIXES:  # GOL'S, PNG'ING, DON'T
            return _case_word(head, known, first) + mark + tail.lower()
        return _case_part(head, first) + mark + tail.lower()  # SA'ADA
    if "/" in word or "-" in word:
        if not first and word.lower() in _SMALL:  # vis-a-vis
            return word.lower()
        return _case_compound(word, known)
    return _case_part(word, first)


def _case_compound(word: str, known: frozenset[str]) -> str:
    """Each part of "U.S.-FRANCE-EU", "EU/TURKEY", "WHA/CEN", "SOCIO-ECONOMIC" on its own (the
    first capitalised, small words after it in lower case: "Re-Energizing", "Vis-a-Vis")."""
    pieces = _PARTS.split(word)
    office = "/" in word
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2 or not piece:
            out.append(piece)  # a separator
            continue
        upper = piece.rstrip(".").upper()
        if (upper in known or _INITIALS.fullmatch(piece.upper()) or _REDACTED.fullmatch(upper)
                or (office and piece.isalpha() and len(piece) <= _OFFICE_PART
                    and word_frequency(piece.lower()) < _OFFICE_PART_WORD)):
            out.append(piece.upper())
        else:
            out.append(_case_part(piece, i == 0))
    return "".join(out)


def _case_part(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in _SMALL:
        return lower
    if (word.isalpha() and len(word) <= _NO_WORD_LEN and word.isupper()
            and sum(c in "AEIOU" for c in word) <= 1 and word_frequency(lower) < _NO_WORD):
        return word  # DROC, PSDB: no English word, nor a name (SUHA): an acronym
    return lower[:1].upper() + lower[1:]
