"""Entities of one document: segments -> model -> rules -> scan -> headers -> entities.

`find_entities(doc)` runs the steps of `entities` over a document's JSON form and resolves the
mentions into entities with `resolve`. The spaCy docs of the prose are returned too, so dates,
events and quotes reuse the sentence boundaries instead of parsing the text again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wordfreq import zipf_frequency

from cablewire.enrich import gazetteer
from cablewire.enrich.aliases import KNOWN, lookup_known, person_tokens, surname_of
from cablewire.enrich.entities import (
    Mention,
    definitions,
    join_parenthesised,
    match_header,
    model_mentions,
    pipeline,
    prose_texts,
    scan_missed,
)
from cablewire.enrich.model import Entity, EntityType, Place
from cablewire.enrich.resolve import resolve
from cablewire.enrich.structure import Segment, segments
from cablewire.text.titles import is_title

if TYPE_CHECKING:
    from spacy.tokens import Doc

_COUNTRY_WORDS = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3}\b|\bU\.S\.|\b[A-Z]{2,4}\b")


@dataclass
class Found:
    segments: list[Segment]
    docs: dict[int, Doc]
    """spaCy doc of each prose segment, by segment index."""
    mentions: list[Mention]
    entities: list[Entity]
    places: list[Place]
    context: frozenset[str]


def find_entities(doc: dict[str, Any]) -> Found:
    segs = segments(doc)
    context = document_countries(doc, segs)
    prose = [i for i, s in enumerate(segs) if s.kind == "prose"]
    texts = prose_texts([segs[i] for i in prose])
    docs = dict(zip(prose, pipeline().pipe(texts, batch_size=64), strict=True))
    defined = definitions(texts)
    mentions: list[Mention] = []
    for i in prose:
        found = model_mentions(i, docs[i], context)
        mentions += join_parenthesised(i, docs[i].text, found)
    _vote(mentions, _after_a_title(mentions, docs))
    names = _scan_names(mentions, defined, context)
    for i in prose:
        taken = [m for m in mentions if m.segment == i]
        mentions += scan_missed(i, docs[i].text, taken, names, context)
    for i, seg in enumerate(segs):
        if seg.kind != "prose":
            mentions += match_header(i, seg, names, context)
    mentions.sort(key=lambda m: (m.segment, m.start))
    entities, places = resolve(mentions, segs, defined, context)
    return Found(segs, docs, mentions, entities, places, context)


def document_countries(doc: dict[str, Any], segs: list[Segment]) -> frozenset[str]:
    """ISO codes of the countries a document is about: its country tags, its origin's country,
    its dateline's, and every country its text names."""
    out: set[str] = set()
    by_code = gazetteer.country_by_code()
    for tag in doc.get("tags") or []:
        country = by_code.get("FIPS:" + str(tag).strip())
        if country is not None:
            out.add(country.iso)
    for value in (doc.get("origin"), doc.get("dateline")):
        for word in re.findall(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?", str(value or "")):
            country = gazetteer.find_country(word)
            city = gazetteer.find_city(word, min_population=50_000) if country is None else None
            if country is not None:
                out.add(country.iso)
            elif city is not None:
                out.add(city.country)
    for seg in segs:
        if seg.kind == "prose":
            for word in set(_COUNTRY_WORDS.findall(seg.text)):
                country = gazetteer.find_country(word)
                if country is not None:
                    out.add(country.iso)
    return frozenset(out)


_TITLE_BEFORE = re.compile(r"([A-Z][A-Za-z.]+)\s+$")


def _after_a_title(mentions: list[Mention], docs: dict[int, Doc]) -> set[int]:
    """The model's mentions of one capitalised word that follow a person's title ("President
    Fox", "General Besto"): a person. Their positions in `mentions`."""
    out: set[int] = set()
    for k, m in enumerate(mentions):
        text = m.name or m.text
        if m.source != "model" or " " in text or text.isupper():
            continue
        before = _TITLE_BEFORE.search(docs[m.segment].text, max(0, m.start - 40), m.start)
        if (before and is_title(before.group(1)) and gazetteer.find_country(text) is None
                and lookup_known(text, frozenset()) is None):
            m.type = "person"
            out.add(k)
    return out


def _vote(mentions: list[Mention], titled: set[int] | frozenset[int] = frozenset()) -> None:
    """One type per name as written in a document: the model's majority (overrides kept); a
    name that follows a person's title somewhere (`titled`) is a person, unless an override
    says otherwise."""
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    overridden: set[str] = set()
    for m in mentions:
        votes[gazetteer.fold(m.name or m.text)][m.type] += 1 if m.source == "model" else 3
        if m.source != "model":
            overridden.add(gazetteer.fold(m.name or m.text))
    people = {gazetteer.fold(mentions[k].name or mentions[k].text) for k in titled} - overridden
    for m in mentions:
        if m.source == "model":
            folded = gazetteer.fold(m.name or m.text)
            m.type = "person" if folded in people else votes[folded].most_common(1)[0][0]
    surnames = {
        surname_of(m.name or m.text)
        for m in mentions
        if m.type == "person" and len(person_tokens(m.name or m.text)) >= 2
    }
    for m in mentions:
        text = m.name or m.text
        if (
            m.source == "model"
            and m.type != "person"
            and " " not in text
            and not text.isupper()
            and gazetteer.fold(text) in surnames
            and gazetteer.find_country(text) is None
        ):
            m.type = "person"


def _scan_names(
    mentions: list[Mention], defined: dict[str, str], context: frozenset[str]
) -> dict[str, EntityType]:
    """Names to look for where the model missed them (surface as written -> type)."""
    names: dict[str, EntityType] = {}
    for m in mentions:
        text = m.text
        if len(text) < 3 or "\n" in text:
            continue
        if " " not in text and not text.isupper() and zipf_frequency(text.lower(), "en") >= 4.0:
            continue
        names.setdefault(text, m.type)
    for alias, known in KNOWN.items():
        if alias.isupper() and 2 < len(alias) <= 8 and lookup_known(alias, context) is not None:
            names.setdefault(alias, known.type)
    for short, long in defined.items():
        type_ = names.get(long, "organization")
        names.setdefault(short, type_)
        names.setdefault(long, type_)
    return names
