"""The serialised shapes of an enrichment, declared once as `TypedDict`s.

`Enrichment` is what `enrich_document` returns; the store keeps it keyed by `stage` and
`version`, so a better enricher re-runs cleanly. Field meanings are in each class; the module
docstring of `cablewire.enrich` shows the whole shape with an example.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

# Declared with the archive's result shapes, which use them too.
from cablewire.results import EntityType as EntityType
from cablewire.results import Precision as Precision


class Mention(TypedDict):
    """Where an entity is named. `field` is the document field the text is in ("paragraphs",
    "subject", "title", "dateline", "captions", "info_recipients", ...); `paragraph` is the
    0-based index in that field when it is a list (`paragraphs[3]`) and null for a single value;
    `start`/`end` are character offsets into that field's text (for a cable paragraph its `text`,
    for a recipient its `name`, for a caption its `text`)."""

    field: str
    paragraph: int | None
    start: int
    end: int
    text: str


class Fact(TypedDict):
    """Something the text says about an entity: a title or role ("President", "spokeswoman"),
    with the mention it was read from."""

    kind: str
    value: str
    field: str
    paragraph: int | None


class Entity(TypedDict):
    """One person, organisation, place or group, with all its names and mentions.

    `key` is the canonical key (`aliases.canonical_key`): the same entity in two documents has
    the same key, so the store merges across the archive by it."""

    key: str
    type: EntityType
    name: str
    aliases: list[str]
    facts: list[Fact]
    mentions: list[Mention]
    corrections: NotRequired[list[int]]
    """The ids of the users' corrections that changed this entry (`cablewire.store.keymap`);
    absent when none did."""


class Place(TypedDict):
    """A place entity put on the map (`key` is its entity's key)."""

    key: str
    name: str
    lat: float
    lon: float
    country: str | None
    geonameid: int | None


class DateRef(TypedDict):
    """A date expression resolved against the document's own date.

    `start`/`end` give the resolved interval (ISO dates, inclusive); `value` is its short form
    (`2009-06-10`, `2009-03`, `2009`, or `2009-06-01/2009-06-03` for a range); `evidence` says
    how it was resolved ("day and month; year of the document 2009-06-12")."""

    text: str
    value: str
    start: str
    end: str
    precision: Precision
    field: str
    paragraph: int | None
    offset: int
    evidence: str


class Event(TypedDict):
    """A sentence that carries a resolved date, with the entities named in it."""

    date: str
    start: str
    end: str
    precision: Precision
    sentence: str
    field: str
    paragraph: int | None
    entities: list[str]


class EnrichedQuote(TypedDict):
    """A direct quotation; `speaker_key` links the speaker to an entity (null when unknown)."""

    speaker: str | None
    speaker_key: str | None
    text: str
    paragraph: int


class TagMeaning(TypedDict):
    """One TAGS code: its kind (subject, country, organization, person, program or unknown)."""

    tag: str
    kind: str
    meaning: str | None


class RouteMeaning(TypedDict):
    """One addressee's routing indicator and the station it stands for."""

    field: str
    route: str | None
    name: str
    station: str | None


class Jargon(TypedDict):
    """Cable jargon decoded; every entry explains one marking of the document."""

    tags: list[TagMeaning]
    routing: list[RouteMeaning]
    precedence: dict[str, str] | None
    classification: dict[str, str] | None


class Enrichment(TypedDict):
    stage: str
    version: str
    model: str  # the statistical model that read the prose, for provenance
    document: str | None
    entities: list[Entity]
    places: list[Place]
    dates: list[DateRef]
    events: list[Event]
    quotes: list[EnrichedQuote]
    jargon: Jargon
