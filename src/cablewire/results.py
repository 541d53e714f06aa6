"""The serialised shapes the library gives the CLI, the web app and the API, declared once.

Each is a `TypedDict`: what `Archive.search`, `show`, `stats`, `entities`, `entity`,
`cross_reference`, `timeline`, `quotes`, `places` and `failures` return, what `--json` prints
and what `/api/...` serves. The web app's OpenAPI description is generated from these
declarations (`cablewire.web.schemas`), so a field added here is described there;
`Annotated[..., Described(...)]` gives a field its description, and `Annotated[..., Schema(...)]`
a schema of its own where the Python type says too little (a document is a `Cable` or an
`Article`, declared in `cablewire.model`).

The enrichment's own shapes live with the enricher (`cablewire.enrich.model`), which shares
`EntityType` and `Precision` from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, NotRequired, TypedDict

Sort = Literal["relevance", "date", "-date"]

EntityType = Literal["person", "organization", "place", "group"]
"""person; organization (governments' bodies, companies, armed groups such as AQIM, programmes
such as TSCTP); place (countries, cities, regions); group (nationalities, peoples, religious and
political groups named as a collective: "Malian", "Tuareg", "Islamists" are not kept)."""

Precision = Literal["day", "month", "year", "range"]


@dataclass(frozen=True)
class Described:
    """A field's description, for the generated schema."""

    text: str


@dataclass(frozen=True)
class Schema:
    """A field's JSON Schema where its Python type says too little (it replaces the derived one;
    `{"$ref": "Name"}` names another generated schema)."""

    schema: dict[str, Any]


# -- search ----------------------------------------------------------------------------------------

class Snippet(TypedDict):
    """Where a hit matched: a window of the body with its whitespace collapsed (one line), an
    ellipsis where it is cut, and the matched words as `[start, end)` character offsets into
    `text`, in order and not overlapping. Plain text: renderers escape it for their medium."""

    text: str
    highlights: list[tuple[int, int]]


class Hit(TypedDict):
    id: str
    kind: str
    title: str | None
    date: Annotated[str | None, Described("ISO date, with the time when known")]
    origin: str | None
    classification: str | None
    snippet: Snippet
    score: Annotated[float | None, Described("Relevance; null when sorting by date")]


class FacetValue(TypedDict):
    value: Annotated[str | int, Described("The facet's value (a year is a number)")]
    count: int


FacetName = Literal["kind", "year", "classification", "origin", "tag"]


class Facets(TypedDict):
    """Counts over the whole result set, not just the page, most documents first (years in
    order)."""

    kind: list[FacetValue]
    year: list[FacetValue]
    classification: list[FacetValue]
    origin: list[FacetValue]
    tag: list[FacetValue]


class SearchResult(TypedDict):
    query: str
    total: Annotated[int, Described("Documents matching, across every page")]
    offset: int
    limit: int
    sort: Sort
    hits: list[Hit]
    facets: Facets


# -- one document ----------------------------------------------------------------------------------

class Revision(TypedDict):
    revision: int
    ingested_at: str
    source: str
    content_hash: str


class CitedDocument(TypedDict):
    """A cable a document cites, or a document that cites it; `in_release` says whether the
    full 2010-2011 release has the cable, and `month` when it was written."""

    id: str
    in_archive: bool
    in_release: bool
    month: str | None
    title: str | None
    kind: str | None
    date: str | None


class OriginalInfo(TypedDict):
    bytes: Annotated[int | None, Described("Size of the original as ingested")]
    source: str | None


DOCUMENT_SCHEMA = Schema({"oneOf": [{"$ref": "Cable"}, {"$ref": "Article"}]})


class Shown(TypedDict):
    """A document with the cables it cites, the documents citing it, its revisions and its
    original's size (`cablewire show --json`, `/api/documents/{id}`)."""

    document: Annotated[dict[str, Any], DOCUMENT_SCHEMA]
    cites: list[CitedDocument]
    cited_by: list[CitedDocument]
    revisions: list[Revision]
    original: OriginalInfo


class RelatedDocument(TypedDict):
    id: str
    kind: str
    title: str | None
    date: str | None
    origin: str | None
    score: float
    shared_terms: list[str]
    reason: str


class Related(TypedDict):
    """The documents sharing the most of a document's key terms (`cablewire.link.related`)."""

    id: str
    terms: list[str]
    documents: list[RelatedDocument]


# -- the archive -----------------------------------------------------------------------------------

class SourceCounts(TypedDict):
    ok: int
    failed: int


class Stats(TypedDict):
    documents: int
    revisions: int
    sources: SourceCounts
    by_kind: dict[str, int]
    by_year: dict[str, int]
    by_origin: dict[str, int]
    by_classification: dict[str, int]
    database_bytes: int
    index_bytes: NotRequired[Annotated[int, Described(
        "Size of the search index; the archive adds it to the store's counts")]]


class Failure(TypedDict):
    """A source that could not be read, with the reason."""

    source: str
    error: str
    ingested_at: str


# -- entities, time, places ------------------------------------------------------------------------

class EntityListItem(TypedDict):
    key: str
    type: EntityType
    name: str
    mentions: int
    documents: Annotated[int, Described("How many documents name it")]


class EntityRef(TypedDict):
    key: str
    name: str
    type: EntityType


class EntityFact(TypedDict):
    kind: str
    value: str
    documents: int


class EntityDocument(TypedDict):
    id: str
    title: str | None
    date: str | None
    kind: str
    mentions: int


class CoOccurring(TypedDict):
    key: str
    name: str
    type: EntityType
    documents: Annotated[int, Described("Documents naming both")]


class Coordinates(TypedDict):
    lat: float
    lon: float
    country: str | None


class TimelineEntry(TypedDict):
    """A sentence that carries a resolved date, and the document it is in."""

    document: str
    title: str | None
    date: Annotated[str, Described("Start of the interval (ISO)")]
    end: str | None
    precision: Precision
    sentence: str
    entities: Annotated[list[str], Described("Keys of the entities named in the sentence")]


class Quote(TypedDict):
    """A direct quotation; `speaker_key` links the speaker to an entity (null when unknown)."""

    document: str
    speaker: str | None
    speaker_key: str | None
    text: str
    paragraph: int | None
    date: str | None
    title: str | None


class Entity(TypedDict):
    """One entity across the archive: its names, facts, documents, the entities named beside it,
    its quotes and dated events."""

    key: str
    type: EntityType
    name: str
    aliases: list[str]
    facts: list[EntityFact]
    mentions: int
    documents: list[EntityDocument]
    co_occurring: list[CoOccurring]
    place: Coordinates | None
    quotes: list[Quote]
    events: list[TimelineEntry]
    other_matches: NotRequired[Annotated[list[EntityRef], Described(
        "Other entities the name given could mean; the archive adds them")]]


class CastMember(TypedDict):
    """An entity a document names, with the other documents that name it."""

    key: str
    type: EntityType
    name: Annotated[str, Described("The name this document gives it")]
    mentions: Annotated[int, Described("How often this document mentions it")]
    documents: Annotated[int, Described("How many other documents name it")]
    strongest: Annotated[list[EntityDocument], Described(
        "The other documents that mention it most (ties: the newest first, then by id)")]


class CrossReference(TypedDict):
    """Where else the cast of a document appears: each person, organisation, group and place
    it names, by type (in that order) and then by how often it names them."""

    id: str
    entities: Annotated[list[CastMember], Described(
        "The entities other documents name too")]
    only_here: Annotated[list[CastMember], Described(
        "The entities no other document names, in the same order")]


class Place(TypedDict):
    """A place with coordinates and how many documents name it (the map's data)."""

    key: str
    name: str
    lat: float
    lon: float
    country: str | None
    documents: int


class IngestOutcome(TypedDict):
    """What one uploaded file gave: documents new, updated (a new revision) and unchanged, and
    the reason when it could not be read."""

    new: int
    updated: int
    unchanged: int
    failed: int
    source: str
    error: str | None
    ids: list[str]
    enriched: int
    """Documents its stages gave a new result."""
