"""The TAGS line: subject codes, country codes, organisations, persons and keywords.

    TAGS: PREL, PGOV, ML                    -> PREL PGOV ML
    tags: prel, pgov, tu                    -> PREL PGOV TU           (a copy in lower case)
    TAGS: OVIP (CLINTON, HILLARY), PREL     -> OVIP "CLINTON, HILLARY" PREL
    TAGS: OVIP RICE CONDOLEEZZA PREL        -> OVIP "RICE, CONDOLEEZZA" PREL
    TAGS: OVIP BUSH GEORGE W PREL           -> OVIP "BUSH, GEORGE W" PREL  (a middle initial)
    TAGS: PHUM, IT, HUMAN RIGHTS            -> PHUM IT "HUMAN RIGHTS"
    TAGS: PREL IT IZ IRAQI FREEDOM          -> PREL IT IZ "IRAQI FREEDOM"
    TAGS: KFRDKIRFCVISEG                    -> KFRD KIRF CVIS EG      (codes run together)
    TAGS: ETRDECONWTOCS                     -> ETRD ECON WTO CS       (an organisation among them)
    TAGS: PTER MARR, MOPPS                  -> PTER MARR MOPS         (with a warning)
    TAGS: ECON ENIV ETRD                    -> ECON EINV ETRD         (with a warning)

A TAGS line holds codes: four-letter subject codes (PREL, the first letter their area), two-letter
country codes (ML), organisations (NATO, UNESCO), after OVIP (an official visit) the visitor's
name, surname first; older cables add keywords in words (IRAQI FREEDOM, GOI EXTERNAL). The codes
are told from the words by the TAGS lists (`cablewire.model.jargon`), by their shape, and by
word frequencies: a run of English words is one keyword, as commas or the codes around it bound
it; the words of a name are not read as a keyword except after OVIP.

Where the line goes on: the line under TAGS belongs to the tags only when the TAGS line ends
with a separator (`KDEV, ECON,` / `NL, IS`) or the line is itself made of codes (`NATO, UK, CN`);
`tags_extent` says where the field ends, and `join_tag_lines` joins its lines with a space: a
code is never a word broken at a line end (`... PK NI` / `CE, BG` is NI and CE, not NICE).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from cablewire.model.jargon import organization_tags, subject_tags
from cablewire.text.casing import acronyms
from cablewire.text.linebreaks import word_frequency

_AREAS = frozenset("ABCEKMOPST")  # the first letters of subject codes (jargon.AREAS)
_TOKEN = re.compile(r"\(([^()\n]*)\)|([,;])|([^\s,;()]+)")
_LINE_TOKEN = re.compile(r"\([^()\n]*\)|[^\s,;()]+")
_CONNECTORS = frozenset("AND OF IN ON FOR THE TO AT WITH &".split())
_WORD_MIN = 1e-6  # an English word is at least this frequent (as `linebreaks` judges)
_SHORT_WORD_MIN = 1e-5  # and a word of three letters at least this
_NAMED_AFTER = "OVIP"  # an official visit: the visitor's name follows
_LONG = 8  # a word this long is no code, whatever its frequency


@cache
def _codes() -> frozenset[str]:
    """The known codes: subject and keyword codes and organisations, upper case."""
    return frozenset(subject_tags()) | {t.upper() for t in organization_tags()}


@cache
def release_keywords() -> frozenset[str]:
    """The keywords in words that TAGS lines of the release hold on their own, between codes
    (`data/tag-keywords.txt`, made by `scripts/tag_keywords.py`): IRAQI FREEDOM, GOI EXTERNAL."""
    text = resources.files("cablewire.data").joinpath("tag-keywords.txt").read_text("utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def _markers() -> frozenset[str]:
    # (imported here: the markers module reads the header block, which reads this one)
    from cablewire.formats.cable.markers import MARKERS

    return frozenset(MARKERS)


def _is_word(token: str) -> bool:
    """An English word (or a part of one hyphenated), not a code: IRAQI, FREEDOM, RE-ENTRY."""
    if token in _codes() or token in _CONNECTORS or len(token) < 3:
        return False
    parts = token.split("-")
    if not all(p.isalpha() for p in parts):
        return False
    if len(parts) > 1 and (min(map(len, parts)) < 2 or max(map(len, parts)) < 4):
        return False  # (AU-I is a code)
    if len(token) == 3:
        return word_frequency(token.lower()) >= _SHORT_WORD_MIN
    if len(token) >= _LONG and token.isalpha():  # no code is so long (DISENGAGEMENT)
        return _run_together(token) is None and _one_letter_off(token) is None
    return all(word_frequency(p.lower()) >= _WORD_MIN for p in parts if p)


def _code_shaped(token: str) -> bool:
    """A subject code the lists do not have (KOCI): four letters, an area letter first, and no
    English word."""
    return (len(token) == 4 and token.isalpha() and token[0] in _AREAS
            and word_frequency(token.lower()) < _WORD_MIN)


def _is_code(token: str) -> bool:
    """A known code, a country code, or a subject code by its shape."""
    return (token in _codes() or (len(token) == 2 and token.isalpha())
            or _code_shaped(token))


def _run_together(token: str) -> list[str] | None:
    """Codes written without spaces, split: `PHUMBA` -> PHUM, BA; `VEPREL` -> VE, PREL;
    `KFRDKIRFCVISEG` -> KFRD, KIRF, CVIS, EG; `ETRDECONWTOCS` -> ETRD, ECON, WTO, CS. The pieces
    are subject codes of four letters (known, or by their shape, most of them known) and known
    organisations of other lengths (WTO, IAEA) among them; two-letter country codes may stand
    first (one) or last (up to two). A split with an organisation has no code of unknown shape.
    Of the splits that fit, the one with the fewest pieces wins, then the one with the fewest
    codes of unknown shape."""
    n = len(token)
    if n < 6 or not token.isalpha() or token in _codes():
        return None
    best: tuple[int, int, list[str]] | None = None
    for head in (0, 2):
        for tail in (0, 2, 4):
            middle = _split_middle(token[head : n - tail])
            if middle is None:
                continue
            pieces = ([token[:head]] if head else []) + middle[1] + [
                token[i : i + 2] for i in range(n - tail, n, 2)]
            rank = (len(pieces), middle[0], pieces)
            if best is None or rank[:2] < best[:2]:
                best = rank
    return best[2] if best else None


def _split_middle(middle: str) -> tuple[int, list[str]] | None:
    """The middle of a run of codes as pieces, with the number of pieces of unknown shape:
    the split with the fewest pieces, then the fewest unknown, that fits `_run_together`'s
    rules; None when none does. (Dynamic programming over the positions: linear in the length
    times the longest code.)"""
    n = len(middle)
    if n < 3:
        return None
    codes = _codes()
    # best[i]: (pieces, unknown, organisations, split) for middle[:i]
    best: list[tuple[int, int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0, [])
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for size in range(3, min(8, n - i) + 1):
            piece = middle[i : i + size]
            known = piece in codes
            if not known and not (size == 4 and _code_shaped(piece)):
                continue
            other = size != 4
            if other and (not known or here[1]):
                continue  # an organisation only among known codes
            if not known and here[2]:
                continue
            rank = (here[0] + 1, here[1] + (not known), here[2] + other, here[3] + [piece])
            old = best[i + size]
            if old is None or rank[:2] < old[:2]:
                best[i + size] = rank
    found = best[n]
    if found is None or (found[1] * 2 > found[0]):  # most pieces known
        return None
    return found[1], found[3]


def _one_letter_off(token: str) -> str | None:
    """The known code a token is with one letter too many (`MOPPS` MOPS, `UNDESCO` UNESCO),
    when exactly one is."""
    if len(token) < 5 or not token.isalpha():
        return None
    found = {token[:i] + token[i + 1 :] for i in range(len(token))} & _codes()
    return found.pop() if len(found) == 1 else None


def _two_letters_swapped(token: str) -> str | None:
    """The known subject code a four-letter token is with two neighbouring letters swapped
    (`ENIV` EINV, `SEVN` SENV, `KRFD` KFRD), when exactly one is and the token is no acronym."""
    if len(token) != 4 or not token.isalpha() or token in acronyms():
        return None
    swapped = {token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(3)}
    found = {t for t in swapped if t != token and t in subject_tags()}
    return found.pop() if len(found) == 1 else None


def _tag_like(raw: str) -> bool:
    """A word of a TAGS line that is no English word: a code, an acronym, a person in
    parentheses, an organisation (`AU-I`, `IAEA`, `UNGA/C-6`)."""
    token = raw.upper().strip(".:")
    if raw.startswith("(") or token in _markers() or _is_code(token):
        return True
    if _run_together(token) or _one_letter_off(token):
        return True
    return (token in acronyms() or len(token) <= 6) and not _is_word(token) and all(
        c.isalpha() or c in "-/&" for c in token)


def _line_is_tags(line: str) -> bool:
    """Whether a line is made of codes alone (`NATO, UK, CN`, `EINV`, `AU-I, CD, SU, LY`)."""
    tokens = _LINE_TOKEN.findall(line)
    return bool(tokens) and all(_tag_like(t) for t in tokens)


def _keyword_goes_on(previous: str, line: str) -> bool:
    """A keyword broken over two lines (`... KU COUNTRY` / `CLEARANCE`): the line before ends
    in an English word and the line is English words in capitals."""
    words = _LINE_TOKEN.findall(line)
    last = _LINE_TOKEN.findall(previous)[-1:]
    return (bool(words) and bool(last) and line == line.upper() and _is_word(last[0].upper())
            and all(_is_word(w) or w in _CONNECTORS for w in words))


def join_tag_lines(lines: list[str]) -> str:
    """The lines of a TAGS field as one: joined with a space, for a code is not a word broken
    at a line end (`... SO PK NI` / `CE, BG` is NI and CE, not NICE); after a hyphen without
    one (`UNGA/C-` / `6, CS`)."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if line:
            out += ("" if not out or out.endswith("-") else " ") + line
    return out


def tags_extent(value: str) -> int:
    """Where the TAGS field ends in `value`, the text after its label up to the next label: the
    first line (the one under the label when the label's line holds none), and each next line
    while the line before ends with a separator or the line is made of codes; a last line,
    before the next label, that ends a keyword in words too."""
    lines = value.rstrip().split("\n")
    first = 1 if len(lines) > 1 and not lines[0].strip() and lines[1].strip() else 0
    end = len(lines[0]) + (1 + len(lines[1]) if first else 0)  # the tags under their label
    previous = lines[first].strip()
    for index, line in enumerate(lines[first + 1 :], start=first + 1):
        text = line.strip()
        if not text:
            break
        goes_on = (previous.endswith((",", ";")) or _line_is_tags(text)
                   or (index == len(lines) - 1 and _keyword_goes_on(previous, text)))
        if not goes_on:
            break
        end += 1 + len(line)
        previous = text
    return end


def parse_tags(text: str | None,
               keywords: frozenset[str] | None = None) -> tuple[list[str], list[str]]:
    """The tags of a TAGS field (its text after the label), in order, each once; and warnings
    for what was read with a correction. A run of words holding `keywords` (by default the
    release's, `release_keywords`) is split around them: ITALY NATIONAL ELECTIONS ITALIAN
    POLITICS IRAQI FREEDOM is three keywords when the first and the last stand alone
    elsewhere."""
    if not text:
        return [], []
    known = release_keywords() if keywords is None else keywords
    tags: list[str] = []
    warnings: list[str] = []

    def add(tag: str) -> None:
        if tag and tag not in tags:
            tags.append(tag)

    segment: list[str] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None:  # "(CLINTON, HILLARY)": a person, as written
            _read_segment(segment, add, warnings, known)
            segment = []
            person = " ".join(m.group(1).split()).strip(" ,")
            add(person.upper() if person == person.lower() else person)
        elif m.group(2):
            _read_segment(segment, add, warnings, known)
            segment = []
        else:
            segment.append(m.group(3))
    _read_segment(segment, add, warnings, known)
    return tags, warnings


def _read_segment(raw: list[str], add: Callable[[str], None], warnings: list[str],
                  keywords: frozenset[str]) -> None:
    """The tags of the words between two separators."""
    kept = [t for t in raw if t.upper().strip(".:") and not t.upper().strip(".:").isdigit()
            and t.upper().strip(".:") not in _markers() and any(c.isalnum() for c in t)]
    raw_tokens = [t.upper() for t in kept]  # (an initial keeps its dot: W.)
    tokens = [t.strip(".:") for t in raw_tokens]
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token == _NAMED_AFTER:
            add(token)
            names: list[str] = []
            while i + 1 < n and len(names) < 2 and _is_name(tokens[i + 1]):
                names.append(tokens[i + 1])
                i += 1
            if len(names) == 2 and i + 1 < n and _is_initial(raw_tokens[i + 1]):
                names[1] += " " + raw_tokens[i + 1]  # a middle initial: BUSH GEORGE W
                i += 1
            if names:
                add(", ".join(names))
            i += 1
            continue
        if _starts_keyword(tokens, i):
            end = i + 1
            while end < n:
                if tokens[end] in _CONNECTORS and end + 1 < n and _is_word(tokens[end + 1]):
                    end += 2
                elif _is_word(tokens[end]):
                    end += 1
                else:
                    break  # a code, a name, or an acronym that begins the next keyword
            for keyword in _split_keywords(tokens[i:end], keywords):
                add(keyword)
            i = end
            continue
        i += 1
        if token == "AND":
            continue
        if token not in _codes() and (fixed := _two_letters_swapped(token)):
            warnings.append(f"tag {token} read as {fixed} (a known tag with two letters "
                            "swapped)")
            add(fixed)
            continue
        if not _is_code(token) and token not in acronyms():
            fixed = _one_letter_off(token)
            if fixed:
                warnings.append(f"tag {token} read as {fixed} (a known tag with a letter "
                                "too many)")
                add(fixed)
                continue
            pieces = _run_together(token)
            if pieces:
                warnings.append(f"tag {token} read as {' '.join(pieces)} (codes run together)")
                for piece in pieces:
                    add(piece)
                continue
        add(token)


def _split_keywords(words: list[str], keywords: frozenset[str]) -> list[str]:
    """A run of words as keywords: the known keywords in it (the longest first, from the left),
    and the words between them as keywords of their own."""
    run = " ".join(words)
    if len(words) < 3 or run in keywords:
        return [run]
    out: list[str] = []
    pending: list[str] = []
    i = 0
    while i < len(words):
        for end in range(len(words), i + 1, -1):
            phrase = " ".join(words[i:end])
            if phrase in keywords:
                if pending:
                    out.append(" ".join(pending))
                    pending = []
                out.append(phrase)
                i = end
                break
        else:
            pending.append(words[i])
            i += 1
    if pending:
        out.append(" ".join(pending))
    return out


def _is_initial(token: str) -> bool:
    """A middle initial after a visitor's given name: `W`, `W.`."""
    return len(token.rstrip(".")) == 1 and token[0].isalpha() and token.count(".") <= 1


def _is_name(token: str) -> bool:
    """A word of a person's name after OVIP: not a code (BUSH is a name, KSEP a code)."""
    return (token.replace("-", "").replace("'", "").isalpha() and len(token) > 2
            and token not in _codes() and not _code_shaped(token))


def _starts_keyword(tokens: list[str], i: int) -> bool:
    """A keyword in words starts here: an English word, or an acronym followed by one (GOI
    EXTERNAL, TIP IN TURKEY)."""
    if _is_word(tokens[i]):
        return True
    if _is_code(tokens[i]) or tokens[i] not in acronyms() or i + 1 >= len(tokens):
        return False
    return _is_word(tokens[i + 1])
