"""Entity mentions: the statistical model, corrected by what the domain knows.

Prose goes through spaCy with one component in front of its NER that sets the names that are
certain, so the model labels around them: country names and their aliases (GPE), regions (LOC),
and the names of `aliases.KNOWN` organisations. Each model span is then tidied and checked:

- "the", a possessive "'s" and broken parentheses are trimmed; titles and roles in or just before a
  person's name ("President", "spokeswoman", "Capt.") become facts, not parts of the name;
- a country is a place whatever the model said (so "Mali" is never a person); a demonym is a group;
- an acronym the model calls a person is an organisation, unless it is a known person alias ("ATT");
- a single word the model calls a person is a place when it is a city of a country the document is
  about and follows "in", "of", "near", "north of"... ("arrest ... north of Tessalit");
- words that are not names in cables ("Ref", "Septel", "Heads of State") are dropped.

Then the text is scanned for what the model missed: known aliases and acronyms the text defines
("known as AQIM", "(MNLA)"), names recognised elsewhere in the same document, and cities of the
document's countries (GeoNames). Header lines, headings, signers and routing lines never go to
the model: they are matched against those names, the gazetteer and the routing tables.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from cablewire.enrich import gazetteer
from cablewire.enrich.aliases import KNOWN, lookup_known, split_title
from cablewire.enrich.model import EntityType
from cablewire.enrich.nlp import fresh_model
from cablewire.enrich.structure import Segment, is_shouting, truecase
from cablewire.model.jargon import is_office_symbol
from cablewire.text.casing import acronyms
from cablewire.text.titles import is_title

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LABELS: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_LABEL_OF: dict[EntityType, str] = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "GPE",
    "group": "NORP",
}
_NOT_NAMES = frozenset(
    x.strip()
    for x in "ref,refs,reftel,septel,summary,comment,end summary,end comment,note,embassy,post,"
    "mission,"
    "department,government,ministry,head of state,heads of state,sipdis,noforn,km,kms,sbu,poc,"
    "dcm,cda,emboff,emboffs,poloff,poloffs,econoff,econoffs,ambassador,president,minister,"
    "prime minister,decl,eo,para,paras,tel,tels,action request,islamist,islamists,salafist,"
    "salafists,jihad,god,ministers,presidents,chairman,ministries,charge,septels,classified by,"
    "reason,reasons,"
    "subject,tags,info,fm,amembassy,collective,hq,sahel saharan".split(",")
)
LOCATIVE = frozenset(
    "in of near from to at around outside toward towards into across via "
    "north south east west northeast northwest southeast southwest".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")
# Every repeat is bounded (a word of at most 40 characters, a name of at most 12 words, at most
# 3 spaces between): from each place a match is tried it reads a bounded stretch, so a pattern
# takes time linear in the text (an unbounded one took 13 s over one 8,000-character word).
_W = r"[\w'’\-]{1,40}"
_DEFINITIONS = (
    # Long Name (SHORT)
    re.compile(
        rf"(?P<long>[A-Z]{_W}(?:\s{{1,3}}(?:[A-Z]{_W}|of|the|for|in|and|de|du|des|la|"
        r"le|pour|l['’]\w{1,40})){0,11})\s{0,3}\)?\s{0,3}\((?P<short>[A-Z][A-Za-z0-9&\-]{1,9})\)"
    ),
    # Long Name, known as SHORT / known by its acronym SHORT
    re.compile(
        rf"(?P<long>[A-Za-z]{_W}(?:\s{{1,3}}(?:[A-Z]{_W}|of|the|for|in|and)){{1,11}}),?\s{{1,3}}"
        r"(?:also\s{1,3})?(?:known|referred to)\s{1,3}(?:as|by its (?:acronym|initials))\s{1,3}"
        r"(?:the\s{1,3})?(?P<short>[A-Z][A-Z0-9&\-]{1,9})\b"
    ),
    # SHORT (Long Name)
    re.compile(
        rf"\b(?P<short>[A-Z][A-Z0-9&\-]{{1,9}})\s{{1,3}}\((?P<long>[A-Z]{_W}(?:\s{{1,3}}(?:[A-Z]"
        rf"{_W}|of|the|for|in|and|de|du|la|pour)){{1,11}})\)"
    ),
)


@dataclass
class Mention:
    segment: int
    start: int
    end: int
    text: str
    type: EntityType
    source: str
    titles: list[str] = field(default_factory=list)
    name: str | None = None
    """The name when it is not the text as written ("Amadou Toumani) Touré")."""


_PAREN_NAME = re.compile(
    r"\((?:(?P<title>President|Prime Minister|Gen\.|General|Capt\.|Col\.)\s+)?"
    r"(?P<given>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)\)\s+(?P<last>[A-Z][\w'’\-]+)"
)


def join_parenthesised(index: int, text: str, found: list[Mention]) -> list[Mention]:
    """ "(President Amadou Toumani) Touré" is one person, named "Amadou Toumani Touré"."""
    for m in _PAREN_NAME.finditer(text):
        start, end = m.start("given"), m.end("last")
        if not any(x.type == "person" and x.start < end and x.end > start for x in found):
            continue
        found = [x for x in found if x.end <= start or x.start >= end]
        titles = [m.group("title")] if m.group("title") else []
        found.append(
            Mention(
                index,
                start,
                end,
                text[start:end],
                "person",
                "rule",
                titles,
                name=f"{m.group('given')} {m.group('last')}",
            )
        )
    return found


@functools.cache
def pipeline() -> Language:
    """The English model with cablewire's names set before its NER (once per process).

    One component matches the certain names (case-sensitive for countries, regions and known
    acronyms; case-insensitive for known multi-word names) and sets them as entities in one
    step, longest match first; the NER then labels around them. (spaCy's entity_ruler does the
    same, but re-reads the document's entities for every match: three times slower here.)"""
    from spacy.language import Language as SpacyLanguage
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = fresh_model()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    loose = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact_names: dict[str, list[str]] = {}
    loose_names: dict[str, list[str]] = {}
    for name in {c.name for c in gazetteer.countries().values()} | set(gazetteer.COUNTRY_ALIASES):
        exact_names.setdefault("GPE", []).append(name)
    for region in gazetteer.REGIONS:
        exact_names.setdefault("LOC", []).append(region)
    for alias, known in KNOWN.items():
        if known.context or alias != alias.strip() or alias.islower():
            continue
        label = _LABEL_OF[known.type]
        if " " in alias:
            loose_names.setdefault(label, []).append(alias)
        elif alias.isupper() and len(alias) > 2:
            exact_names.setdefault(label, []).append(alias)
    for matcher, names in ((exact, exact_names), (loose, loose_names)):
        for label, texts in names.items():
            matcher.add(label, [nlp.make_doc(text) for text in texts])

    def set_names(doc: Doc) -> Doc:
        spans = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=m)
                 for matcher in (loose, exact) for m, s, e in matcher(doc)]
        doc.ents = filter_spans([span for span in spans if span is not None])
        return doc

    name = "cablewire_names"
    if name not in SpacyLanguage.factories:
        SpacyLanguage.component(name, func=set_names)
    nlp.add_pipe(name, before="ner")
    return nlp


def prose_texts(segs: list[Segment]) -> list[str]:
    """What the model reads for each prose segment (shouting text truecased)."""
    return [truecase(s.text) if is_shouting(s.text) else s.text for s in segs]


def model_mentions(index: int, doc: Doc, context: frozenset[str]) -> list[Mention]:
    """The model's spans in one prose segment, tidied and corrected."""
    out: list[Mention] = []
    whole = doc.text  # Doc.text joins every token each time it is read: read it once
    for label, ent_start, ent_end in _joined_of(doc, whole):
        type_ = LABELS.get(label)
        if type_ is None:
            continue
        start, end = _trim(whole, ent_start, ent_end)
        if end <= start:
            continue
        text = whole[start:end]
        titles: list[str] = []
        if (
            type_ == "person"
            or (" " in text and is_title(text.split()[0]))
        ):
            titles, bare = split_title(text)
            if titles:
                start = end - len(bare)
                text = bare
                type_ = "person"
        corrected = correct_type(text, type_, whole, start, context)
        if corrected is None:
            continue
        if corrected == "person":
            titles = _titles_before(whole, start) + titles
        out.append(Mention(index, start, end, text, corrected, "model", titles))
    return out


_GOVERNMENT_ACRONYM = re.compile(r"(?<![\w\-])GO[A-Z]{1,3}(?![\w\-])")
# Organisation names that begin or end with a country: "Iran Air", "US Navy", "Air Zimbabwe".
_AFTER_COUNTRY = re.compile(
    r" (Air Force|Air|Airways|Airlines|Navy|Army|Embassy|Coast Guard|National Police|Police"
    r"|Shipping Lines?|Central Bank|Armed Forces|Ministry of [A-Z][a-z]+)\b"
)
_BEFORE_COUNTRY = re.compile(r"\b(Air|Bank of|Embassy of|Government of|Republic of) $")


def _joined_of(doc: Doc, whole: str) -> list[tuple[str, int, int]]:
    """The model's spans, with the names the country names set before the model cut in two
    joined back: "Bank of" + "Iran", "Iran" + "Air", "Air" + "Zimbabwe", "US" + "Navy"."""
    out: list[tuple[str, int, int]] = []
    for ent in doc.ents:
        label, start, end = ent.label_, ent.start_char, ent.end_char
        if out:
            prev_label, prev_start, prev_end = out[-1]
            between = whole[prev_end:start]
            if (whole[prev_start:prev_end].endswith(" of") and between == " "
                    and prev_label in ("ORG", "GPE", "FAC") and label in ("GPE", "LOC")):
                out[-1] = (prev_label, prev_start, end)
                continue
            if prev_label in ("GPE", "NORP") and label == "ORG" and between == " ":
                out[-1] = ("ORG", prev_start, end)
                continue
        if label in ("GPE", "NORP"):
            after = _AFTER_COUNTRY.match(whole, end)
            before = _BEFORE_COUNTRY.search(whole, max(0, start - 16), start)
            if before and not (out and out[-1][2] > before.start()):
                start, label = before.start(), "ORG" if before.group(1) != "Republic of" else "GPE"
            if after:
                end, label = after.end(), "ORG"
        out.append((label, start, end))
    return out


def correct_type(
    text: str, type_: EntityType, whole: str, start: int, context: frozenset[str]
) -> EntityType | None:
    """The type a span really has, or None when it is not a name."""
    folded = gazetteer.fold(text)
    if (
        folded in _NOT_NAMES
        or not any(ch.isupper() for ch in text[:1] + text[1:2])
        or len(text) < 2
        or _REDACTED.fullmatch(text)
        or _shouted_word(text)
        or is_office_symbol(text)
    ):
        return None
    if gazetteer.find_country(text) is not None or text in gazetteer.REGIONS:
        return "place"
    if text in gazetteer.demonym_plurals():
        return "group"
    known = lookup_known(text, context)
    if known is not None:
        return known.type
    if _ACRONYM.match(text) and type_ in ("person", "place"):
        return "organization"
    if type_ in ("person", "organization") and " " not in text and _after_locative(whole, start):
        city = gazetteer.find_city(text, context)
        if city is not None and (city.country in context or city.population >= 100_000):
            return "place"
    return type_


_REDACTED = re.compile(r"X{4,}")


def _shouted_word(text: str) -> bool:
    """A single upper-case common word ("NONGOVERNMENTAL", "SURROGATES", "REFTELS") that is not
    a known name: shouting text, not an entity."""
    if " " in text or len(text) < 4 or lookup_known(text, frozenset()) is not None:
        return False
    if not text.isupper() or len(text) < 6:
        return False
    word = text.lower()
    if gazetteer.find_country(text) is not None or word in _PROPER_COMMON:
        return False
    return zipf_frequency(word, "en") >= 3.0


# Common English words that are also names often enough to keep ("Congress", "Parliament").
_PROPER_COMMON = frozenset(
    "congress parliament senate cabinet government army navy police court union church"
    " assembly council ministry embassy".split()
)


def definitions(texts: list[str]) -> dict[str, str]:
    """Acronyms the text defines -> their long form ("MNLA" -> "Azawad National Liberation
    Movement")."""
    out: dict[str, str] = {}
    for text in texts:
        for pattern in _DEFINITIONS:
            for m in pattern.finditer(text):
                short, long = m.group("short"), re.sub(r"\s+", " ", m.group("long")).strip()
                long = re.sub(r"^(?:the|The)\s+", "", long)
                if not short.isupper() or sum(w[:1].isupper() for w in long.split()) < 2:
                    continue
                words = long.split()
                initials = {w[0].upper() for w in words if w[:1].isalpha()}
                if short[0] not in initials:  # "(Ref. A)", a stray capital word before
                    continue
                out.setdefault(short, long)
    return out


def scan_missed(
    index: int,
    text: str,
    taken: list[Mention],
    names: dict[str, EntityType],
    context: frozenset[str],
) -> list[Mention]:
    """Names the model missed in one prose segment: `names` (surface -> type) and cities of the
    document's countries."""
    out: list[Mention] = []
    busy = [(m.start, m.end) for m in taken]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in busy)

    for surface, type_ in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(r"(?<![\w\-])" + re.escape(surface) + r"(?![\w\-])", text):
            if free(m.start(), m.end()):
                titles = _titles_before(text, m.start()) if type_ == "person" else []
                out.append(Mention(index, m.start(), m.end(), surface, type_, "scan", titles))
                busy.append((m.start(), m.end()))
    for m in _GOVERNMENT_ACRONYM.finditer(text):  # GOCR, GOE, GOI: the government of ...
        if free(m.start(), m.end()):
            out.append(Mention(index, m.start(), m.end(), m.group(), "organization", "rule"))
            busy.append((m.start(), m.end()))
    if context:
        for m in re.finditer(r"(?<![\w\-])[A-Z][a-z\u00e0-\u00ff]{3,}(?![\w\-])", text):
            word = m.group()
            if not free(m.start(), m.end()) or zipf_frequency(word.lower(), "en") >= 3.0:
                continue
            city = gazetteer.find_city(word, context)
            if city is not None and city.country in context and _after_locative(text, m.start()):
                out.append(Mention(index, m.start(), m.end(), word, "place", "gazetteer"))
                busy.append((m.start(), m.end()))
    return out


_POSSESSIVE = re.compile(r"['’][sS]?$")


def match_header(
    index: int, seg: Segment, names: dict[str, EntityType], context: frozenset[str]
) -> list[Mention]:
    """Names in a header line, heading, signer or routing line, matched without the model."""
    text = seg.text
    if seg.kind == "name":
        titles, bare = split_title(text.strip())
        start = text.index(bare) if bare and bare in text else 0
        return [Mention(index, start, start + len(bare), bare, "person", "header", titles)]
    folded_names = {gazetteer.fold(k): (k, v) for k, v in names.items()}
    out: list[Mention] = []
    # (words end at a hyphen: URIBE-SUPREME COURT is two names; a hyphenated name, GIBBONS-FLY,
    # is two words taken together)
    words = list(re.finditer(r"[\w'’.]+", text))
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(5, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + n - 1].end()
            surface = text[start:end]
            if not re.search(r"(?:^|\.)[A-Z]\.$", surface):
                surface = surface.rstrip(".")
            surface = _POSSESSIVE.sub("", surface)  # TURKEY'S SOUTHEAST
            end = start + len(surface)
            found = _header_type(surface, folded_names, context, seg.kind)
            if found is not None:
                hit = (n, start, end, surface, found)
                break
        if hit is None:
            i += 1
            continue
        n, start, end, surface, type_ = hit
        out.append(
            Mention(
                index,
                start,
                end,
                surface,
                type_,
                "header",
                _titles_before(text, start) if type_ == "person" else [],
            )
        )
        i += n
    return out


def _header_type(
    surface: str,
    folded_names: dict[str, tuple[str, EntityType]],
    context: frozenset[str],
    kind: str,
) -> EntityType | None:
    folded = gazetteer.fold(surface)
    if not folded or folded in _NOT_NAMES or is_office_symbol(surface):
        return None
    known = lookup_known(surface, context) or lookup_known(surface.upper(), context)
    if known is not None:
        return known.type
    if gazetteer.find_country(surface) is not None and (len(surface) > 2 or surface in ("US",)):
        return "place"
    if folded in folded_names:
        return folded_names[folded][1]
    if surface in gazetteer.demonym_plurals() or surface.title() in gazetteer.demonym_plurals():
        return "group"
    if kind in ("routing", "name") and len(surface) > 3 and surface not in acronyms():
        if surface.upper() == "WASHDC":
            return "place"
        if kind == "routing" and gazetteer.find_city(surface, context, 50_000) is not None:
            return "place"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = re.match(r"^(?:the\s+|The\s+|THE\s+|[\s(\"“‘'-]+)+", span)
    if lead:
        start += lead.end()
    span = text[start:end]
    if "(" in span:
        end = start + span.index("(")
    elif ")" in span:
        start += span.index(")") + 1
    span = text[start:end]
    tail = re.search(r"(?:['’]s?|[\s,.;:)\"”’-]+)$", span)
    if tail and not re.search(r"\b[A-Z]\.$|\b(?:U\.S|U\.N|U\.K|Jr|Sr|Inc|Co)\.$", span):
        end -= len(tail.group())
    while end > start and text[start:end].endswith((" ", ",")):
        end -= 1
    if end < len(text) and text[end] == "." and re.search(r"(?:^|\.)[A-Z]$", text[start:end]):
        end += 1
    return start, end


def _titles_before(text: str, start: int) -> list[str]:
    """Titles written just before a name: "State Department spokeswoman " -> [spokeswoman]."""
    words = text[max(0, start - 60) : start].split()
    run: list[str] = []
    while words and is_title(words[-1]):
        run.insert(0, words.pop())
    return [" ".join(run)] if run else []


def _after_locative(text: str, start: int) -> bool:
    m = re.search(r"([A-Za-z]+)[\s,]+$", text[max(0, start - 20) : start])
    return bool(m) and m.group(1).casefold() in LOCATIVE  # type: ignore[union-attr]
