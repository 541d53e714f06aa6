"""The "Classified By" line: who classified the cable, in what role, and for which reasons.

    Classified By: Ambassador Gillian Milovanovic, Embassy Bamako, for reasons 1.4 (b) and (d).
    -> name "Gillian Milovanovic", title "Ambassador", reasons ["1.4(b)", "1.4(d)"]
    CLASSIFIED BY: POLOFF JOHN A. SMITH, REASONS 1.4 (B/D)
    -> name "JOHN A. SMITH", title "POLOFF", reasons ["1.4(b)", "1.4(d)"]
    1.  (U)  CLASSIFIED BY JOHN DOE, DEPUTY CHIEF OF MISSION.  REASON: 1.5 (D)
    -> name "JOHN DOE", title "DEPUTY CHIEF OF MISSION", reasons ["1.5(d)"]

The line is written by hand, in every form: a title or office symbol before the name (`DCM`,
`AF/C -`, `AMBASSADOR TO SUDAN`, `Charge d'Affaires, a.i.`, `PolMinCons`), misspelt
(`Ambassadro`, `Counselr`, `AMBASSAD0R`), after the name (`JOHN DOE, AMBASSADOR`), with words
broken where the line was wrapped (`Charles O. Blah / a`, `for reas / ons`), and the reasons
joined on in any way (`for reasons`, `per`, `- 1.5 B,D.`, `REASON 1.5.D.`, `based on E.O. 12958`,
`due to 1,4 (c)`). The name is the run of name-shaped words that ends the first part naming a
person; what stands before it is the title. Older cables give the line at the start of
paragraph 1 (`1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY ...`); `classified_by_in_paragraph`
finds it there and the paragraph stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from cablewire.text.casing import acronyms
from cablewire.text.linebreaks import join_lines, word_frequency
from cablewire.text.titles import OFFICIAL_TITLE_WORDS

# Words of an official's title in a "Classified By" line beside the titles of
# `cablewire.text.titles`: words that are titles only in such a line ("Acting", "Special",
# "Consul", "Officer": elsewhere they begin the names of bodies, "Special Forces"), and offices,
# sections, bureaus, ranks and the words that join them ("Deputy Chief of Mission", "POL/ECON
# Chief"). Compared lower-case, without dots, like the titles.
_OFFICE_WORDS = {
    "acting", "interim", "permanent", "principal", "special", "executive", "under", "assistant",
    "head", "agent", "officer", "consul", "cg", "po", "dep", "advisor", "adviser", "coordinator",
    "coord", "attache", "attaché", "envoy", "designate", "counselor", "counsellor", "counsel",
    "ai", "a.i", "of", "mission", "political", "economic", "econ", "pol/econ", "polecon", "p/e",
    "e/p", "pol-econ", "section", "pol/mil", "polmil", "pol-mil", "mil", "military", "public",
    "affairs", "regional", "security", "management", "for", "the", "labor", "and", "commercial",
    "consular", "consulate", "embassy", "usun", "us", "u.s", "office", "branch", "unit", "team",
    "staff", "chief,", "ds", "cons", "ad", "interim,", "political/economic", "economic/political",
    "pol/econ/pa", "pol/ec", "ecpo", "ec", "pm", "environment", "science", "technology", "esth",
    "refugee", "legal", "narcotics", "affairs,", "ops", "operations", "intelligence", "liaison",
    "service", "nato", "eur", "nea", "wha", "af", "eap", "sca", "isn", "drl", "io", "inr", "ct",
    "eeb", "poli", "state", "department", "dir", "member", "delegate", "delegation",
    "affaires", "d'affaires", "com", "min", "minister", "conoff", "ecmin", "emin", "polmin",
    "econcouns", "mincons", "ltc", "cdr", "lcdr", "cpt", "sgt", "msgt", "ltg", "maj", "radm",
    "vadm", "usdel", "tdy", "dpo", "arso", "legatt", "legat", "dao", "ait", "useu", "usnato",
    "usosce", "usmission", "chairman", "deputy", "ambassador-at-large", "at-large", "large",
    "watch", "adcm", "mc",
}  # fmt: skip
_TITLE_WORDS = OFFICIAL_TITLE_WORDS | _OFFICE_WORDS
# Words of a title that are also surnames ("Team Leader Howard Keegan", "Damian R. Leader").
_SURNAME_TITLES = {"leader", "marshal", "judge", "bishop"}
# Title words long enough to be recognised when misspelt ("Ambassadro", "Counselr", "CIEF").
_FUZZY_TITLES = tuple(sorted(w for w in _TITLE_WORDS if w.isalpha() and len(w) >= 5))
# The pieces of run-together office abbreviations ("PolMinCons", "ConGen", "MCOUNSELOR").
_ABBREVIATIONS = (
    "pol", "econ", "eco", "ec", "e", "min", "mil", "cons", "couns", "coun", "counselor", "con",
    "gen", "off", "m", "dep", "dcm", "rso", "pa", "po", "mgmt", "chief", "dir", "amb",
)  # fmt: skip
_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "du",
    "da",
    "di",
    "del",
    "della",
    "la",
    "le",
    "bin",
    "al",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Words that join the name to the reasons ("for reasons", "based upon", "due to", "under
# Section"), and what is left of "reasons" or "for" where the line broke them ("REA", "f").
_JOINING_WORDS = {
    "for", "fr", "fo", "per", "under", "based", "on", "upon", "due", "to", "by", "para",
    "paragraph", "section", "sec", "and", "of", "in", "with", "e.o", "eo", "the", "or",
}  # fmt: skip
_CONNECTORS = _JOINING_WORDS | {"f", "re", "rea", "reas", "r", "&", "-", "?", ""}
_PREPOSITIONS = {"for", "of", "to", "and", "in", "at"}
_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z0'’\-.]*(?:,[A-Z][A-Za-z'’\-.]*)?$")
_INITIALS = re.compile(r"^(?:[A-Z0]\.?|(?:[A-Z]\.){1,3}[A-Z]?\.?)$")
# A nickname in quotes, after an initial or not: `"Hoot"`, `A.”Hoot”`: part of the name, as written
_NICKNAME = re.compile(r"^(?:[A-Z]\.)?[\"“”'‘’][A-Z][a-z]+[\"“”'‘’]$")
_LEAD = re.compile(
    r"^(?:[\s.,:;]*(?:\(\s*[A-Za-z/]{1,5}\s*\)|¶?\s*\d{1,2}\s*[.)](?!\d)"
    r"|this\s+(?:message|cable|telegram)\s+(?:is\s+)?|classi?fi?e?d\s+by\b\s*:?))+",
    re.IGNORECASE,
)
_LABEL_AGAIN = re.compile(r"\bclassi?fi?e?d\s+by\b\s*:?", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"(?<![\w.])1\s?[.,]\s?[2-6](?!\d)")
_EO_NUMBER = re.compile(r"\bE\.?\s?O\b(?!['’])\.?|\b1[23]\d{3}\b")
_PARENS = re.compile(r"\([^()\n]{0,30}\)")
# Parts of the line: at commas (not the one of a name written surname first, "Berliner,Nicholas"),
# semicolons, colons, dashes between words, and the end of a sentence.
_SEGMENT_SPLIT = re.compile(
    r"\s*[;:]\s*|\s+,\s*|,\s+|,(?![A-Z][a-z])|(?<![a-z]),|\s+-+\s+|(?<=[A-Za-z0]{3}\.)\s+"
)
_AND = re.compile(r"\s(?:and|AND|&)\s")
_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")

_REASONS = re.compile(
    r"\b(1\s?[.,]\s?[4-6])[\s.]*"
    r"((?:\(?\s*[a-hA-H](?!\s?nd\b)\s*\)?(?![A-Za-z])(?:\s*(?:,|/|a\s?n\s?d|&|or|\+)\s*)*)+)",
    re.IGNORECASE,
)
_FIRST_PARAGRAPH_LINE = re.compile(  # matched at one place (the paragraph), never searched
    r"\s*(?:¶\s*)?(?:1\s*[.)][^\S\n]*)?(?:\(\s*[A-Z/]{1,5}\s*\)\s*)?"
    r"(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED\s+OFFICIAL\s+USE)\b[^\n.]{0,10}?"
    r"ENTIRE\s+TEXT\s*[.:]?\s*)?"
    r"classi?fi?e?d\s+by\b\s*:?",
    re.IGNORECASE,
)
_VALUE_END = re.compile(r"\n[^\S\n]*\n|\n[^\S\n]*(?:¶\s*)?\d{1,2}\s*[.)]")
_VALUE_MAX = 600
_BROKEN_INITIAL = re.compile(r"\b([A-Z]) ([a-z]{2,})\b(?!\.)")
_COMMON = 1e-5  # a piece this frequent in English is a word of its own
_REDACTED = re.compile(r"^X{4,}$", re.IGNORECASE)


@dataclass
class Classifier:
    name: str | None = None
    title: str | None = None
    reasons: list[str] = field(default_factory=list)


def parse_classified_by(text: str | None) -> Classifier:
    """Name, title and reasons from the text of a "Classified By" line (one line or wrapped)."""
    out = Classifier()
    if not text:
        return out
    text = _unwrap(text[:2000])
    text = text.replace("\\'", "'").replace("’", "'")
    text = _LEAD.sub("", text)
    out.reasons = parse_reasons(text)
    if re.search(r"\w(?:\.\.\.|…)$", text) and not out.reasons:
        # cut off (a page's excerpt) within a word: that word is incomplete
        text = text.rsplit(None, 1)[0] if " " in text else ""
    who = _who(text)
    if any(_REDACTED.match(t.strip(",.;:")) for t in who.split()):
        return out  # the classifier's name is redacted (XXXXXXXXXXXX)
    segments = [_trim(seg) for seg in _SEGMENT_SPLIT.split(who)]
    titles: list[str] = []
    mixed = _mixed_case(who)
    for index, segment in enumerate(segments):
        if not titles and _surname_first(segments, index):
            # "Hodges, Heather M, Ambassador, State, EXEC": kept as written
            out.name = f"{segment}, {segments[index + 1]}"
            titles.extend(segments[index + 2 : index + 3])
            break
        name, title = _first_official(segment, mixed, bool(titles))
        following = segments[index + 1] if index + 1 < len(segments) else ""
        if (
            name is None
            and title
            and " " not in segment
            and _is_name_token(segment)
            and not (mixed and segment.isupper())
            and following
            and _is_title(following)
        ):
            name, title = segment, None  # "Stephenson, Ambassador"
        if title:
            titles.append(title)
        if name:
            if following.lower() in _SUFFIXES:
                name = f"{name}, {following}"  # "Richard L. Baltimore, III"
                following = segments[index + 2] if index + 2 < len(segments) else ""
            out.name = name
            if not titles and following and _is_title(following):
                titles.append(following)  # "Rose E. Gottemoeller, Assistant Secretary"
            break
    out.title = ", ".join(titles) or None
    return out


def classified_by_in_paragraph(text: str, start: int) -> str | None:
    """The "Classified By" text that opens the paragraph at `start` (`1. (U) CLASSIFIED BY ...`,
    `1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: ...`), up to the end of its reasons, the
    paragraph or the next one; None when the paragraph does not open so."""
    m = _FIRST_PARAGRAPH_LINE.match(text, start)
    if m is None:
        return None
    value = text[m.end() : m.end() + _VALUE_MAX]
    end = _VALUE_END.search(value)
    if end:
        value = value[: end.start()]
    cut = reasons_end(value)
    if cut is not None:
        value = value[:cut]
    return value if value.strip() else None


def _unwrap(text: str) -> str:
    """One line from a wrapped value: a name broken at the line end is put together again
    (`Charles O. Blah` / `a, E.O.`, `Hoyt Y` / `ee`), then the lines are joined."""
    lines = text.split("\n")
    for i in range(len(lines) - 1, 0, -1):
        before, after = lines[i - 1].rstrip(), lines[i].lstrip()
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        m = re.match(r"([a-z]+)(?=[\s,.;:]|$)\s*(\S*)", after)
        if (
            m
            and re.fullmatch(r"[A-Z][A-Za-z]*", last)
            and not _is_title(last)
            and _name_piece(m.group(1), m.group(2))
        ):
            lines[i - 1] = before + after
            lines[i] = ""
    text = " ".join(join_lines(lines).split())
    # a name broken within a line that was rewrapped since: "Andrew Y oung", "Hoyt Y ee"
    return _BROKEN_INITIAL.sub(
        lambda m: (
            m.group(0).replace(" ", "")
            if _name_piece(m.group(2), "") and word_frequency(m.group(2)) < _COMMON
            else m.group(0)
        ),
        text,
    )


def _name_piece(piece: str, nxt: str) -> bool:
    """Whether `piece`, in lower case at the start of a line, is the rest of a broken name
    rather than a word of its own ("for", "and", "de") or a piece of "reasons" ("r easons")."""
    if piece in _JOINING_WORDS or piece in _PARTICLES or _is_reason_word(piece):
        return False
    return not (_is_reason_word(piece + nxt) or piece + nxt.lower() == "for")


def _trim(segment: str) -> str:
    """A segment without the punctuation around it; `Jr.` and initials keep their dot."""
    segment = segment.strip(" ,:;")
    last = segment.rsplit(None, 1)[-1] if segment else ""
    if (
        segment.endswith(".")
        and last.lower() not in ("jr.", "sr.")
        and not _INITIALS.match(last)
        and not _abbreviated_title(last)
    ):
        segment = segment.rstrip(" .")  # the end of a sentence, not of "Amb." or "Jr."
    return segment


def _abbreviated_title(token: str) -> bool:
    """`Amb.`, `Dir.`, `Couns.`: a title cut short, whose dot is its own."""
    word = token.rstrip(".")
    return (
        _is_hard_title(token)
        and len(word) <= 5
        and "/" not in word
        and word_frequency(word.lower()) < _COMMON
    )


def _who(text: str) -> str:
    """The part of the line that names the official: before the reasons, without the words
    that join it to them, without remarks in parentheses."""
    cut = len(text)
    for rx in (_SECTION_NUMBER, _EO_NUMBER):
        m = rx.search(text)
        if m:
            cut = min(cut, m.start())
    who = text[:cut]
    labels = list(_LABEL_AGAIN.finditer(who))
    if labels:
        who = who[labels[-1].end() :]  # "ADANA 222 ... Classified by DCM Nancy McEldowney"
    who = re.sub(r"(?<=\w)-(?=reas)", " ", who, flags=re.IGNORECASE)  # "McKelvey-reasons"
    who = re.sub(r"(?<=[A-Za-z]):(?=[A-Za-z])", ": ", who)  # "AMB:RCROCKER"
    who = re.sub(r"\b([dD])\s?[,']\s?(?=[Aa][Ff])", r"\1'", who)  # "d,Affaires"
    who = _PARENS.sub(" ", who)
    tokens = who.split()
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if i and (
            _is_reason_word(token)
            or (nxt and _is_reason_word(token + nxt) and not _is_reason_word(nxt))
        ):
            tokens = tokens[:i]
            break
    while tokens and _is_connector(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _surname_first(segments: list[str], index: int) -> bool:
    """Whether segments[index:] read surname, given names, title (the form of 2009-2010:
    `Hodges, Heather M, Ambassador, State, EXEC`)."""
    if index + 2 >= len(segments):
        return False
    surname, given, title = segments[index : index + 3]
    given_tokens = given.split()
    return (
        _is_name_token(surname) and not _INITIALS.match(surname) and not _is_hard_title(surname)
        and 1 <= len(given_tokens) <= 3 and _is_name_token(given_tokens[0])
        and not _INITIALS.match(given_tokens[0])
        and all(_is_name_token(t) and not _is_hard_title(t) for t in given_tokens)
        and _is_title(title)
    )  # fmt: skip


def _first_official(
    segment: str, mixed_case: bool, after_title: bool
) -> tuple[str | None, str | None]:
    """Name and title of the first official a segment names: of two joined by "and" (`Poloff
    Steven Prohaska and DTRA Fred Carter`) the first, when the part before "and" holds a whole
    name (in `Counselor for Economic and Political Affairs William R. Stewart` it does not)."""
    m = _AND.search(segment)
    if m:
        name, title = _split_name(segment[: m.start()], mixed_case, after_title)
        after_preposition = title is not None and title.split()[-1].lower() in _PREPOSITIONS
        if (
            name
            and not after_preposition
            and sum(1 for t in name.split() if not _INITIALS.match(t)) >= 2
        ):
            return name, title
    return _split_name(segment, mixed_case, after_title)


def _split_name(segment: str, mixed_case: bool, after_title: bool) -> tuple[str | None, str | None]:
    """A segment's trailing run of name-shaped words (the name) and what precedes it (title)."""
    if segment.endswith(("...", "…")):
        return None, None  # cut off: neither name nor title is complete
    tokens = _split_office_slash(segment.split())
    while tokens and _is_connector(tokens[-1]):
        tokens.pop()
    i = len(tokens)
    while i > 0:
        token = tokens[i - 1].strip(",;:-'\"")
        if _is_hard_title(token) or token.lower() in _JOINING_WORDS:
            break  # "TO" and "AND" in capitals look like names
        if _is_name_token(token) or token.lower() in _SUFFIXES:
            i -= 1
        elif token in _PARTICLES and i < len(tokens) and i > 1 and _is_name_token(tokens[i - 2]):
            i -= 1
        else:
            break
    if i == len(tokens):
        lead = _leading_name(tokens)
        if lead:  # "DEBORAH SCHNEIDER SENIOR WATCH OFFICER": the name before its title
            return " ".join(tokens[:lead]), " ".join(tokens[lead:]) or None
    start = _after_soft_titles(tokens, i, mixed_case)
    if start > 0 and tokens[start - 1].lower() in _PREPOSITIONS:
        start = _last_two_names(tokens, start)  # "AMBASSADOR TO SUDAN TIMOTHY CARNEY"
    if (
        0 < start < len(tokens) - 2
        and [_fold(t) for t in tokens[start : start + 2]] == ["a", "i"]
        and re.search(r"(?i)affair|charg|cda", tokens[start - 1])
    ):
        start += 2  # "CHARGE D'AFFAIRES A. I. CAROL URBAN": ad interim
    run = [t.strip(",;:") if _NICKNAME.match(t.strip(",;:")) else t.strip(",;:-'\"")
           for t in tokens[start:]]
    name = " ".join(run).rstrip(",;:") or None
    title = " ".join(tokens[:start]).strip(" ,;:-") or None
    if name and (not re.search(r"[A-Za-z0]{2}", name) or any(_REDACTED.match(t) for t in run)):
        return None, title  # initials alone are no name, nor a redaction (XXXXXXXXXXXX)
    if name and len(run) == 1 and title is None:
        upper = name.isupper()
        if (mixed_case and upper) or (not after_title and (not upper or name in acronyms())):
            return None, segment or None  # a lone word with no title: a place or an office
    return name, title


def _leading_name(tokens: list[str]) -> int:
    """The length of a name of two words or more that opens `tokens` when titles follow it to
    the end, else 0."""
    k = 0
    while k < len(tokens) and _is_name_token(tokens[k]) and not _is_hard_title(tokens[k]):
        k += 1
    full = sum(1 for t in tokens[:k] if not _INITIALS.match(t))
    if full < 2 or k == len(tokens) or not all(_is_hard_title(t) for t in tokens[k:]):
        return 0
    return k


def _after_soft_titles(tokens: list[str], start: int, mixed_case: bool) -> int:
    """Where the name starts once words that only look like names are left to the title: a
    misspelt title (`Ambassadro`), run-together abbreviations (`PolMinCons`) and office symbols
    in capitals among names that are not (`AIT DIR Stephen M. Young`). Two words stay a name."""
    best = start
    for k in range(start, len(tokens) - 2 + 1):
        if sum(1 for t in tokens[k + 1 :] if not _INITIALS.match(t.strip(",;:-'\""))) < 2:
            break
        if _is_soft_title(tokens[k].strip(",;:-'\""), mixed_case):
            best = k + 1
    return best


def _last_two_names(tokens: list[str], start: int) -> int:
    """After a preposition the words before a name are its object (`for Central Asia George
    Krol`): the name keeps its last two words, with the initials among them."""
    full = 0
    k = len(tokens)
    while k > start:
        token = tokens[k - 1].strip(",;:-'\"")
        if not (_INITIALS.match(token) or token.lower() in _SUFFIXES or token in _PARTICLES):
            if full == 2:
                break
            full += 1
        k -= 1
    return k


def _split_office_slash(tokens: list[str]) -> list[str]:
    """`DCM/Ted` -> `DCM/`, `Ted`: an office symbol run into the name."""
    out: list[str] = []
    for token in tokens:
        left, slash, right = token.rpartition("/")
        if (
            slash
            and left
            and _is_hard_title(left)
            and re.fullmatch(r"[A-Z][a-z]+\W*", right)
            and not _is_title(right)
        ):
            out.extend((left + "/", right))
        else:
            out.append(token)
    return out


def _fold(token: str) -> str:
    """Lower case, without final dots and quotes, `0` read as `o` (`AMBASSAD0R`)."""
    return token.strip(".,;:'\"").lower().replace("0", "o")


def _is_hard_title(token: str) -> bool:
    """A title word as written: in the lists, an office symbol with a slash (`AF/C`, `A/`), a
    compound with a title in it (`Minister-Counsellor`), `d'Affaires` however it is written."""
    word = _fold(token)
    if not word:
        return False
    if word in _TITLE_WORDS or "/" in word:
        return True
    if re.match(r"de?'\s?af", word):
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if len(p) > 1]
        return any(p in _TITLE_WORDS or _near_title(p) for p in parts)
    return False


def _is_soft_title(token: str, mixed_case: bool) -> bool:
    """A word that is a title though it looks like a name (see `_after_soft_titles`)."""
    if _INITIALS.match(token) or token.lower() in _SUFFIXES:
        return False
    word = _fold(token)
    if word in _SURNAME_TITLES or (len(word) >= 4 and _near_title(word)):
        return True
    if _abbreviations(token):
        return True
    if token.isupper() and len(token) >= 2 and token.isalpha():
        return mixed_case or token in acronyms()
    return False


@lru_cache(maxsize=4096)
def _near_title(word: str) -> bool:
    """A title word misspelt: one edit from it (two for long words), the first letter right."""
    if len(word) < 4 or not word.isalpha():
        return False
    for title in _FUZZY_TITLES:
        if title[0] != word[0] or abs(len(title) - len(word)) > 2:
            continue
        limit = 2 if len(title) >= 8 else 1
        if _edits(word, title, limit) <= limit:
            return True
    return False


def _edits(a: str, b: str, limit: int) -> int:
    """Edit distance with transpositions (optimal string alignment), stopped past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def _abbreviations(token: str) -> bool:
    """Office abbreviations run together, in camel case or capitals: `PolMinCons`, `ConGen`,
    `MCOUNSELOR`, `ECONCOUNS`."""
    if not token.isalpha() or len(token) < 4:
        return False
    if token.isupper():
        return _covered(token.lower())
    parts = _CAMEL.findall(token)
    if len(parts) < 2 or "".join(parts) != token:
        return False
    return all(p.lower() in _ABBREVIATIONS for p in parts)


def _covered(word: str) -> bool:
    """Whether `word` is two or more abbreviations end to end."""
    reach = {0: 0}  # position -> pieces to get there
    for pos in range(len(word)):
        if pos not in reach:
            continue
        for piece in _ABBREVIATIONS:
            if word.startswith(piece, pos):
                end = pos + len(piece)
                reach[end] = max(reach.get(end, 0), reach[pos] + 1)
    return reach.get(len(word), 0) >= 2


def _is_reason_word(token: str) -> bool:
    """`reasons`, `Reason(s):`, `REAS0N`, `reaons`, `Resons`: "reason" in any spelling."""
    word = re.sub(r"[^a-z]", "", token.lower().replace("0", "o"))
    if not word.startswith("r") or len(word) < 4:
        return False
    if word.startswith("reason") or word == "reas":
        return True
    return min(_edits(word, "reason", 1), _edits(word, "reasons", 1)) <= 1


def _is_connector(token: str) -> bool:
    word = _fold(token).strip("-")
    if word in _CONNECTORS or _is_reason_word(word):
        return True
    if (
        word[:1].isalpha()
        and token.lstrip("'\"(")[:1].islower()
        and word not in _PARTICLES
        and not _is_hard_title(token)
    ):
        return True  # words in lower case end no name
    return not re.search(r"[A-Za-z0-9]", token)


def _mixed_case(text: str) -> bool:
    return any(c.islower() for c in text) and any(
        c.isupper() and c.isalpha() for c in text)  # fmt: skip


def _is_title(text: str) -> bool:
    return bool(text) and all(_fold(t) in _TITLE_WORDS or _is_hard_title(t) for t in text.split())


def _is_name_token(token: str) -> bool:
    return (bool(_NAME_TOKEN.match(token)) or bool(_INITIALS.match(token))
            or bool(_NICKNAME.match(token)))


def parse_reasons(text: str) -> list[str]:
    """`1.4 (b) and (d)`, `1.4(B/D)`, `1.5 (b), (c) and (d)`, `1.5.D.` -> ["1.4(b)", ...]."""
    reasons: list[str] = []
    for m in _REASONS.finditer(text):
        section = re.sub(r"\s", "", m.group(1)).replace(",", ".")
        letters = re.sub(r"\ba\s?n\s?d\b", " ", m.group(2), flags=re.IGNORECASE)
        for letter in re.findall(r"(?<![A-Za-z])[a-hA-H](?![A-Za-z])", letters):
            reason = f"{section}({letter.lower()})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons


def reasons_end(text: str) -> int | None:
    """Where the reasons of a "Classified By" value end (after "1.4 (b) and (d)."), if any."""
    matches = list(_REASONS.finditer(text))
    if not matches:
        return None
    end = matches[-1].end()
    tail = re.match(r"\s*[).]*", text[end:])
    return end + (tail.end() if tail else 0)
