"""Mentions into entities: every name of one entity in a document under one canonical key.

The rules of `aliases` applied to a document's mentions, in this order: a known alias or a
definition the text gives names its entity; a place is resolved in the gazetteer (the cities of
the document's countries first); a person's full name anchors the surname-only mentions that end
it ("Toure", "TOURE", "President Toure" join the "Amadou Toumani Touré" named by "ATT"; the signer
"MILOVANOVIC" joins "Gillian Milovanovic"). Titles found at the mentions become `facts`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from wordfreq import zipf_frequency

from cablewire.enrich import gazetteer
from cablewire.enrich.aliases import (
    canonical_key,
    lookup_known,
    person_tokens,
    slug,
    split_title,
    surname_of,
)
from cablewire.enrich.entities import Mention
from cablewire.enrich.model import Entity, EntityType, Fact, Place
from cablewire.enrich.structure import Segment


def resolve(
    mentions: list[Mention], segs: list[Segment], defined: dict[str, str], context: frozenset[str],
    home: frozenset[str] = frozenset(),
) -> tuple[list[Entity], list[Place]]:
    """Entities (most mentioned first) and the places among them that have coordinates; a city
    is looked for first in the `home` countries (`gazetteer.find_city`)."""
    long_forms = {gazetteer.fold(long): short for short, long in defined.items()}
    keys: list[str] = []
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, EntityType] = {}
    places: dict[str, Place] = {}
    anchors = _person_anchors(mentions, context)
    for m in mentions:
        key, name = _key_and_name(m, defined, long_forms, anchors, context, places, home)
        keys.append(key)
        names[key][name] += 2 if m.source != "header" else 1
        types.setdefault(key, m.type)
    by_key: dict[str, Entity] = {}
    for m, key in zip(mentions, keys, strict=True):
        seg = segs[m.segment]
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = {
                "key": key,
                "type": types[key],
                "name": _best(names[key]),
                "aliases": [],
                "facts": [],
                "mentions": [],
            }
        entity["mentions"].append(
            {
                "field": seg.field,
                "paragraph": seg.paragraph,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
        )
        alias = m.name or m.text  # "(President Amadou Toumani) Touré" goes by its clean name
        if alias != entity["name"] and alias not in entity["aliases"]:
            entity["aliases"].append(alias)
        for title in m.titles:
            title = title.title() if title.isupper() else title
            if all(f["value"].casefold() != title.casefold() for f in entity["facts"]):
                fact: Fact = {
                    "kind": "title",
                    "value": title,
                    "field": seg.field,
                    "paragraph": seg.paragraph,
                }
                entity["facts"].append(fact)
    entities = sorted(by_key.values(), key=lambda e: (-len(e["mentions"]), e["key"]))
    for e in entities:
        e["aliases"].sort()
    return entities, [places[e["key"]] for e in entities if e["key"] in places]


def _person_anchors(mentions: list[Mention], context: frozenset[str]) -> dict[str, Counter[str]]:
    """Surname -> full names of the document that end with it (known persons included)."""
    anchors: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.type != "person":
            continue
        known = lookup_known(m.name or m.text, context)
        full = known.name if known is not None and known.type == "person" else (m.name or m.text)
        if len(person_tokens(full)) >= 2:
            anchors[surname_of(full)][full] += 1
    return anchors


def _key_and_name(
    m: Mention,
    defined: dict[str, str],
    long_forms: dict[str, str],
    anchors: dict[str, Counter[str]],
    context: frozenset[str],
    places: dict[str, Place],
    home: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    text = m.name or m.text
    known = lookup_known(text, context)
    if known is not None:
        return known.key, known.name
    if m.type in ("organization", "group"):
        if text in defined:
            return f"{m.type}:{slug(text)}", defined[text]
        short = long_forms.get(gazetteer.fold(text))
        if short is not None:
            return f"{m.type}:{slug(short)}", text
    if m.type == "place":
        return _place(text, context, places, home)
    if m.type == "person":
        tokens = person_tokens(text)
        if len(tokens) == 1 and tokens[0] in anchors:
            full = anchors[tokens[0]].most_common(1)[0][0]
            return canonical_key("person", full, context), full
        return canonical_key("person", text, context), split_title(text)[1]
    if m.type == "group":
        singular = gazetteer.demonym_plurals().get(text, text)
        return canonical_key("group", singular, context), singular
    return canonical_key(m.type, text, context), text


def _place(text: str, context: frozenset[str], places: dict[str, Place],
           home: frozenset[str] = frozenset()) -> tuple[str, str]:
    country = gazetteer.find_country(text)
    if country is not None:
        return "place:" + slug(country.name), country.name
    if text in gazetteer.REGIONS or (text.upper() == text and len(text) <= 3):
        return "place:" + slug(text), text
    common = zipf_frequency(text.lower(), "en") >= 4.0
    city = gazetteer.find_city(
        "Washington" if text.upper() == "WASHDC" else text, context, min_population=15_000,
        home=home,
    )
    if (
        city is not None
        and city.population < 100_000
        and gazetteer.fold(text) in gazetteer.subdivisions()
    ):
        city = None
    if city is None or (common and city.country not in context and city.population < 500_000):
        return "place:" + slug(text), text
    key = f"place:{slug(city.name)}-{city.country.lower()}"
    places.setdefault(
        key,
        {
            "key": key,
            "name": city.name,
            "lat": city.lat,
            "lon": city.lon,
            "country": city.country,
            "geonameid": city.geonameid,
        },
    )
    return key, city.name


def _best(names: Counter[str]) -> str:
    return max(names.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
