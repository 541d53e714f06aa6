"""Scoring entity mentions against hand-labelled gold sets, and sorting the errors into kinds.

Two sets: the old one (`tests/enrich/gold/gold.json`, paragraphs labelled by the rules' authors)
and the held-out one (`tests/enrich/heldout/heldout.json`, 36 unseen cables in a dev and a test
half, labelled by `tests/enrich/heldout/GUIDELINE.md`). A mention counts when its segment, start,
end and type are all exactly the gold's (strict match). Two systems are scored: `bare` (the spaCy
model alone on each segment's text, PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place,
NORP -> group, with a leading "the" and a possessive "'s" trimmed so that only labelling, not
boundary convention, differs) and `enricher`: on the old set `enrich_document` on a document made
of the gold paragraph and the header fields stored with it (`enricher_spans`), on the held-out set
on each cable's labelled part as one document (`heldout_enricher_spans`).

`entity_errors` sorts every false alarm and miss into a kind (`ERROR_KINDS`), so a report can
say which mistakes are commonest and a rule can aim at one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from wordfreq import zipf_frequency

from cablewire.enrich import gazetteer
from cablewire.enrich.entities import LABELS
from cablewire.enrich.model import EntityType
from cablewire.text.casing import acronyms
from cablewire.text.titles import TITLE_WORDS

TYPES: tuple[EntityType, ...] = ("person", "organization", "place", "group")
HEADLINE: tuple[EntityType, ...] = ("person", "organization", "place")
"""The types of the held-out set's headline figure `all`: issue 13 leaves nationalities (groups)
out of it."""
BARE_LABELS: dict[str, EntityType] = LABELS  # the model's labels, read the same way
Span = tuple[int, int, int, str]


def in_capitals(text: str) -> bool:
    """Written all in capitals: at least 20 letters, more than 90% of them upper case (the
    held-out set's test for a cable or a segment typed in capitals)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 20 and sum(ch.isupper() for ch in letters) > 0.9 * len(letters)


def bare_spans(items: list[dict[str, Any]]) -> list[set[Span]]:
    from cablewire.enrich.nlp import load_model

    out: list[set[Span]] = []
    for k, doc in enumerate(load_model().pipe([i["text"] for i in items])):
        spans: set[Span] = set()
        for ent in doc.ents:
            type_ = BARE_LABELS.get(ent.label_)
            if type_ is None:
                continue
            start, end = ent.start_char, ent.end_char
            lead = re.match(r"(?:the|The)\s+", doc.text[start:end])
            start += lead.end() if lead else 0
            tail = re.search(r"['’]s$", doc.text[start:end])
            end -= len(tail.group()) if tail else 0
            spans.add((k, start, end, type_))
        out.append(spans)
    return out


def enricher_spans(items: list[dict[str, Any]]) -> list[set[Span]]:
    from cablewire.enrich import enrich_document

    out: list[set[Span]] = []
    for k, item in enumerate(items):
        doc = dict(item["document"])
        if doc.get("kind") == "cable":
            doc["paragraphs"] = [
                {"number": 1, "marking": None, "heading": None, "text": item["text"]}
            ]
        else:
            doc["paragraphs"] = [item["text"]]
        result = enrich_document(doc)
        out.append(
            {
                (k, m["start"], m["end"], e["type"])
                for e in result["entities"]
                for m in e["mentions"]
                if m["field"] == "paragraphs"
            }
        )
    return out


def heldout_enricher_spans(
    documents: dict[str, dict[str, Any]], items: list[dict[str, Any]]
) -> list[set[Span]]:
    """The enricher's mentions on held-out items: each cable's labelled part (`documents`) enriched
    once as one document, each mention put on the item (segment: field and paragraph) it falls
    in; mentions in segments that are not items (the origin, routing) are not scored."""
    from cablewire.enrich import enrich_document

    where = {(i["source"], i["field"], i["paragraph"]): k for k, i in enumerate(items)}
    out: list[set[Span]] = [set() for _ in items]
    for source in dict.fromkeys(i["source"] for i in items):
        result = enrich_document(documents[source])
        for entity in result["entities"]:
            for m in entity["mentions"]:
                k = where.get((source, m["field"], m["paragraph"]))
                if k is not None:
                    out[k].add((k, m["start"], m["end"], entity["type"]))
    return out


def gold_spans(items: list[dict[str, Any]]) -> list[set[Span]]:
    return [
        {(k, e["start"], e["end"], e["type"]) for e in item["entities"]}
        for k, item in enumerate(items)
    ]


def score(
    gold: list[set[Span]], found: list[set[Span]], overall: tuple[str, ...] = TYPES
) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and over the `overall` types (`all`), with counts."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, f in zip(gold, found, strict=True):
        for span in f:
            (tp if span in g else fp)[span[3]] += 1
        for span in g - f:
            fn[span[3]] += 1
    out: dict[str, dict[str, float]] = {}
    for type_ in (*TYPES, "all"):
        t = sum(tp[x] for x in overall) if type_ == "all" else tp[type_]
        p_ = sum(fp[x] for x in overall) if type_ == "all" else fp[type_]
        n = sum(fn[x] for x in overall) if type_ == "all" else fn[type_]
        precision = t / (t + p_) if t + p_ else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[type_] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "gold": t + n,
            "found": t + p_,
        }
    return out


ERROR_KINDS: dict[str, str] = {
    "redaction mark": "a redaction mark (XXXXXXXXXXXX) found as a name",
    "wrong type": "the gold span, found with another type",
    "title or article inside span": "a gold name found with a title, role or article before it",
    "phrase glued to name": "a gold name found with other words run on before or after it",
    "part of a name": "a piece of a longer gold name found as a name of its own",
    "boundary off": "found across the edge of a gold name",
    "header/trailer text": "a name found in (or missed in) a header, heading or signature, or a "
    "header line's words in prose (AMEMBASSY, End Text, Classified By)",
    "office symbol or jargon": "a bureau or office symbol or a cable word found as a name",
    "common word": "a dictionary word found as a name",
    "not an entity": "other words found as a name (events, laws, products, titles of works)",
    "missed in capitals": "a name missed in a segment written in capitals",
    "missed short form": "a surname, acronym or other short form of a name the document "
    "writes in full elsewhere, missed",
    "missed acronym": "an acronym missed",
    "missed name": "any other name missed",
}
"""The kinds of entity errors, in the order a report lists them when counts are equal."""

_ARTICLES = frozenset({"the", "a", "an"})
HEADER_FIELDS = frozenset({"subject", "classified_by", "signers", "headings"})
_REDACTION = re.compile(r"[Xx]{4,}")
_HEADER_WORDS = re.compile(
    r"\b(?:AMEMBASSY|Amembassy|AMCONSUL|SECSTATE|End Text|END TEXT|Classified|CLASSIFIED|"
    r"SIPDIS|NOFORN|E\.O\.)"
)
_ADDRESS_LINE = re.compile(
    r"^(?:(?:DEPT|DEPARTMENT|STATE|SECSTATE)\b|(?:[A-Z][A-Z0-9/&.-]*[ ]){0,3}"
    r"(?:ALSO[ ]|PLEASE[ ])?(?:FOR|PASS[ ]TO|PASS)\b)"
)
"""An address line opening a cable's body ("LAGOS FOR SAM GAYE", "DEPT FOR AF/W (JJHUNTER)",
"AMEMBASSY YAOUNDE PASS TO AMEMBASSY MALABO"): header text that the parser kept as a paragraph."""
_OFFICE_SYMBOL = re.compile(r"^[A-Z0-9][A-Za-z0-9&\-]*(?:/[A-Za-z0-9&\-]+)+$")
OFFICE_WORDS = frozenset(
    """pol econ polecon pol/econ polmil rso arso dcm cda legat legatt dao gso msg grpo polcouns
    conoff conoffs emboff emboffs poloff poloffs econoff econoffs esthoff com cg codel aidac sbu
    poc fsn usdh prt wha eap eur af nea sca sa inr drl isn inl oes prm io ds ca pm fpa polad j5
    pmat opsec sipdis noforn reftel septel ref embassy post mission department dept state
    charge consulate ambassador secretary embassy contacts international visitors""".split()
)
"""Office symbols and cable words the classifier calls jargon, case-folded (the guideline's list,
`tests/enrich/heldout/GUIDELINE.md`, in the words the enricher is seen to find)."""


@dataclass(frozen=True)
class EntityError:
    """One error: a false alarm (`found` not in gold), a miss (`gold` not found), or both (a found
    span that overlaps gold spans it does not match: one error, counted once)."""

    kind: str
    side: str
    """'false alarm', 'miss' or 'both'."""
    item: int
    found: tuple[str, str] | None
    """(text, type) of the found span."""
    gold: tuple[tuple[str, str], ...]
    """(text, type) of the gold spans it concerns."""


def entity_errors(
    items: list[dict[str, Any]], gold: list[set[Span]], found: list[set[Span]]
) -> list[EntityError]:
    """Every false alarm and miss of `found` against `gold`, each with its kind (ERROR_KINDS)."""
    out: list[EntityError] = []
    names: dict[str, set[str]] = {}
    for item, g in zip(items, gold, strict=True):
        names.setdefault(item.get("source", ""), set()).update(
            item["text"][x[1]:x[2]] for x in g)
    for k, (g, f) in enumerate(zip(gold, found, strict=True)):
        item = items[k]
        text = item["text"]
        explained: set[Span] = set()
        for span in sorted(f - g):
            near = sorted(x for x in g if x[1] < span[2] and span[1] < x[2])
            explained.update(near)
            kind = _false_alarm_kind(item, span, near)
            out.append(EntityError(
                kind, "both" if near else "false alarm", k, (text[span[1]:span[2]], span[3]),
                tuple((text[x[1]:x[2]], x[3]) for x in near)))
        for span in sorted(g - f - explained):
            kind = _miss_kind(item, span, names[item.get("source", "")])
            out.append(EntityError(kind, "miss", k, None,
                                   ((text[span[1]:span[2]], span[3]),)))
    return out


def error_kinds(errors: list[EntityError]) -> list[tuple[str, int]]:
    """Error kinds by count, commonest first (ties in ERROR_KINDS order)."""
    counts = Counter(e.kind for e in errors)
    order = list(ERROR_KINDS)
    return sorted(counts.items(), key=lambda kc: (-kc[1], order.index(kc[0])))


def _false_alarm_kind(item: dict[str, Any], span: Span, near: list[Span]) -> str:
    text = item["text"]
    surface = text[span[1]:span[2]]
    if _REDACTION.search(surface):
        return "redaction mark"
    if near:
        same = [g for g in near if (g[1], g[2]) == (span[1], span[2])]
        if same:
            return "wrong type"
        inside = [g for g in near if span[1] <= g[1] and g[2] <= span[2]]
        within = [g for g in near if g[1] <= span[1] and span[2] <= g[2]]
        if len(inside) + len(within) < len(near):
            return "boundary off"
        if inside:
            first = min(inside, key=lambda g: g[1])
            before = text[span[1]:first[1]].split()
            if any(w.rstrip(".").casefold() in TITLE_WORDS | _ARTICLES for w in before):
                return "title or article inside span"
            return "phrase glued to name"
        return "part of a name"
    folded = surface.casefold()
    first = folded.split()[0].strip(".,:;") if folded.split() else folded
    if _OFFICE_SYMBOL.match(surface) or {folded, folded.rstrip("s"), first} & OFFICE_WORDS:
        return "office symbol or jargon"
    if _in_header(item) or _HEADER_WORDS.search(surface):
        return "header/trailer text"
    if _common_word(surface):
        return "common word"
    return "not an entity"


def _in_header(item: dict[str, Any]) -> bool:
    """A header field, or a paragraph that is an address line."""
    text = item["text"]
    return item.get("field") in HEADER_FIELDS or (
        len(text.split()) <= 50 and bool(_ADDRESS_LINE.match(text)))


def _common_word(surface: str) -> bool:
    """One dictionary word (wordfreq), not an acronym of cables, a country, a city or a demonym."""
    if " " in surface or surface.upper() in acronyms() or len(surface) < 3:
        return False
    if zipf_frequency(surface.casefold(), "en") < 2.5:
        return False
    return (gazetteer.find_country(surface) is None
            and gazetteer.fold(surface) not in gazetteer.cities()
            and surface.title() not in gazetteer.demonym_plurals())


def _miss_kind(item: dict[str, Any], span: Span, names: set[str]) -> str:
    text = item["text"]
    surface = text[span[1]:span[2]]
    if _in_header(item):
        return "header/trailer text"
    if in_capitals(text):
        return "missed in capitals"
    if any(surface != other and surface in other.split() for other in names):
        return "missed short form"
    if re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,9}", surface):
        return "missed acronym"
    return "missed name"


def agreement(first: list[set[Span]], second: list[set[Span]]) -> dict[str, dict[str, float]]:
    """Inter-annotator agreement of two readers' labels of the same items: strict span F1 per
    type, over people, organisations and places (`all`), over every type (`all+group`) and over
    spans whatever their type (`spans`, so that boundary and type disagreements can be told
    apart). F1 is symmetric: which reader is taken as the reference does not matter."""
    out = score(first, second, HEADLINE)
    out["all+group"] = score(first, second)["all"]
    untyped = score([{(k, s, e, "span") for k, s, e, _ in g} for g in first],
                    [{(k, s, e, "span") for k, s, e, _ in g} for g in second], ("span",))
    out["spans"] = untyped["all"]
    return out
