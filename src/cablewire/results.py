"""The serialised shapes the library gives the CLI, the web app and the API, declared once.

Each is a `TypedDict`: what `Archive.search`, `show`, `background`, `citation_graph`,
`most_cited`, `cross_reference`, `stats`, `entities`, `entity`, `timeline`, `quotes`, `places`
and `failures` return, what `--json` prints and what `/api/...` serves. The web app's OpenAPI
description is generated from these declarations (`cablewire.web.schemas`), so a field added
here is described there; `Annotated[..., Described("...")]` gives a field its description, and
`Annotated[..., Schema(...)]` a schema of its own where the Python type says too little (a
document is a `Cable` or an `Article`, declared in `cablewire.model`).

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

class Completeness(TypedDict):
    """How complete a revision's text is (`cablewire.model.revisions.completeness`)."""

    characters: Annotated[int, Described(
        "Characters of the body's text, not counting spaces or redaction marks")]
    paragraphs: int
    redactions: Annotated[int, Described("Redaction marks (XXXXXXXXXXXX) in the body")]
    defects: Annotated[list[str], Described(
        "Reading notes that say text is missing: 'empty body', 'partial extract',"
        " 'truncated', 'very short text'")]
    score: Annotated[int, Described(
        "The characters less a fixed cost for each redaction mark: what revisions are compared"
        " by")]


class Revision(TypedDict):
    revision: int
    ingested_at: str
    source: str
    content_hash: str
    released: Annotated[str | None, Described("The release date the revision gives, if any")]
    completeness: Completeness
    current: Annotated[bool, Described("Whether this is the revision shown and indexed")]


RevisionRule = Literal["only", "newest", "most_complete"]
"""only: the document has one revision; newest: the current revision is the newest (latest
release, then latest ingested) and as complete as any; most_complete: a newer revision was set
aside as much less complete."""


class PassedOver(TypedDict):
    """A revision that is not current, and why."""

    revision: int
    reason: str


class CurrentRevision(TypedDict):
    """Which revision of a document is shown, searched and enriched, and why
    (`cablewire.model.revisions.choose_current`)."""

    revision: int
    of: Annotated[int, Described("How many revisions the document has")]
    rule: Annotated[RevisionRule, Described(
        "only: its one revision; newest: the latest release (then the latest ingested) and"
        " as complete as any; most_complete: newer revisions are much less complete")]
    reason: Annotated[str, Described("Why it is current, in a sentence")]
    passed_over: list[PassedOver]


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
    """A document (its current revision) with the cables it cites, the documents citing it,
    its revisions, which one is current and why, and its original's size (`cablewire show
    --json`, `/api/documents/{id}`)."""

    document: Annotated[dict[str, Any], DOCUMENT_SCHEMA]
    cites: list[CitedDocument]
    cited_by: list[CitedDocument]
    revisions: list[Revision]
    current: Annotated[CurrentRevision, Described(
        "Which revision `document` is, and why that one")]
    original: OriginalInfo


CitationSide = Literal["center", "cites", "cited_by"]
CitationDirection = Literal["both", "cites", "cited_by"]


class CitationNode(TypedDict):
    """A cable in a citation graph. `side` says how it was reached from the centre: through
    what the centre cites (`cites`, and what those cite...) or through what cites the centre
    (`cited_by`); `depth` is how many REF steps away it is. A cable not in the archive has no
    title, date or origin; `in_release` says whether the full 2010-2011 release has it, and
    `month` when it was written."""

    id: str
    side: CitationSide
    depth: Annotated[int, Described("REF steps from the centre (0: the centre)")]
    in_archive: bool
    in_release: bool
    month: Annotated[str | None, Described("YYYY-MM, from the full release's id list")]
    kind: str | None
    title: str | None
    date: str | None
    origin: str | None


CitationEdge = TypedDict("CitationEdge", {
    "from": Annotated[str, Described("The citing document")],
    "to": Annotated[str, Described("The cable it cites")],
})
CitationEdge.__doc__ = "`from` cites `to` (a REF line of `from` names `to`)."


class CitationGraph(TypedDict):
    """A document's REF graph: what it cites and what those cite, and what cites it and what
    cites those, to `depth` steps, at most `limit` nodes. When the cap cut the graph short,
    `truncated` is true and `omitted` says how many cables found at the last level reached
    were left out (deeper levels were not explored)."""

    id: str
    depth: int
    direction: CitationDirection
    limit: int
    nodes: Annotated[list[CitationNode], Described("The centre first, then by side and depth")]
    edges: list[CitationEdge]
    truncated: bool
    omitted: Annotated[int, Described("Cables found but left out for the node cap")]


class MostCitedCable(TypedDict):
    """A cable with how many documents of the archive cite it."""

    id: str
    citations: Annotated[int, Described("Documents in the archive citing it")]
    in_archive: bool
    in_release: bool
    month: str | None
    title: str | None
    date: str | None
    origin: str | None


class MostCited(TypedDict):
    """The most-cited cables, optionally of one year and one station (both read from the
    cable's id: `09BAMAKO387` is of 2009 and of BAMAKO, held or not)."""

    year: int | None
    station: Annotated[str | None, Described("The station as written in cable ids (BAMAKO)")]
    limit: int
    cables: list[MostCitedCable]



# -- the documents behind a document ------------------------------------------------------------

class PartReason(TypedDict):
    """How one part of the blend ranked a hit: its place among that part's candidates (1 is
    the best) and the part's own score (each part scores on its own scale)."""

    rank: int
    score: float


class LexicalReason(PartReason):
    terms: Annotated[list[str], Described(
        "The probe's distinctive terms the hit contains, as the probe writes them")]


class EntitiesReason(PartReason):
    shared: Annotated[list[str], Described(
        "The people, organisations, places and groups both name, rarest in the archive first")]


class CitationsReason(PartReason):
    via: Annotated[str, Described("The strong hit whose REF line links it")]
    relation: Annotated[Literal["cited by", "cites"], Described(
        "cited by: `via` cites this hit; cites: this hit cites `via`")]


class MeaningReason(PartReason):
    passage: Annotated[int, Described("The hit's passage (1-based) closest to the probe")]
    probe_passage: Annotated[int, Described("The probe's passage it was closest to")]
    text: NotRequired[Annotated[str, Described(
        "The words of that passage of the hit (its start, about 200 characters)")]]


class Reasons(TypedDict):
    """The parts of the blend that ranked a hit, each with its rank and its evidence; a part
    that did not rank it is absent."""

    lexical: NotRequired[LexicalReason]
    entities: NotRequired[EntitiesReason]
    meaning: NotRequired[Annotated[MeaningReason, Described(
        "Passage vectors (multilingual), when the archive has them")]]
    citations: NotRequired[CitationsReason]
    time: NotRequired[PartReason]


class BackgroundHit(TypedDict):
    id: str
    kind: str
    title: str | None
    date: Annotated[str | None, Described("ISO date, with the time when known")]
    origin: str | None
    classification: str | None
    score: Annotated[float, Described("The blend's fused score (reciprocal-rank fusion)")]
    reasons: Reasons


class BackgroundProbe(TypedDict):
    """What the background was found for."""

    id: Annotated[str | None, Described("Its id when it is in the archive; null for text read"
                                        " for the occasion (not stored)")]
    kind: str | None
    title: str | None
    date: Annotated[str | None, Described("Its date, or the end of its date estimate")]


class BackgroundFilters(TypedDict):
    """The bounds the hits were kept within (`before` defaults to an article's date)."""

    kind: str | None
    before: Annotated[str | None, Described("ISO day; hits are on or before it")]
    after: Annotated[str | None, Described("ISO day; hits are on or after it")]


class Background(TypedDict):
    """The documents behind a document, best first, each with the parts of the blend that
    ranked it and their evidence (`cablewire.link.background`; `cablewire related --json`,
    `/api/documents/{id}/related`, `POST /api/background`)."""

    probe: BackgroundProbe
    filters: BackgroundFilters
    hits: list[BackgroundHit]


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


CorrectionAction = Literal["merge", "split", "reject"]
"""merge: `key` becomes `into` everywhere; split: the chosen mentions of `key` become the
entity `into`; reject: `key` is not an entity (it is shown nowhere)."""


class MentionRef(TypedDict):
    """One mention, by where it is: a document, its field, paragraph and start offset."""

    document: str
    field: str
    paragraph: int | None
    start: int


class EntityMention(TypedDict):
    """One place a document names an entity, in its sentence."""

    document: str
    title: str | None
    date: str | None
    field: Annotated[str, Described("The document field it is in (paragraphs, subject, ...)")]
    paragraph: int | None
    start: Annotated[int, Described("Offset of the mention in the field's text")]
    end: int
    text: Annotated[str, Described("The mention as written")]
    sentence: Annotated[str, Described("The sentence it is in (whitespace collapsed)")]
    mark: Annotated[tuple[int, int], Described(
        "Where the mention is in `sentence`: [start, end) character offsets")]


class EntityMentions(TypedDict):
    """Every mention of one entity, document by document (oldest first), each in its sentence."""

    key: str
    name: str
    type: EntityType
    documents: Annotated[int, Described("Documents naming it")]
    total: Annotated[int, Described("Mentions in all of them")]
    mentions: Annotated[list[EntityMention], Described("The first `limit` of them")]


class EntityCorrection(TypedDict):
    """A user's decision about the archive's entities, kept apart from what the stages found
    (a re-run of a stage never changes it) and applied wherever entities are shown."""

    id: int
    action: CorrectionAction
    key: Annotated[str, Described("The entity corrected: merged away, split or rejected")]
    into: Annotated[str | None, Described(
        "merge: the entity it becomes; split: the new entity's key; reject: null")]
    name: Annotated[str | None, Described(
        "The name the resulting entity is shown under (merge, split); null: its own")]
    names: Annotated[list[str], Described(
        "split: mentions written so (ignoring case) move to the new entity")]
    documents: Annotated[list[str], Described(
        "split: every mention in these documents moves to the new entity")]
    mentions: Annotated[list[MentionRef], Described("split: these mentions move")]
    note: str
    by: Annotated[str, Described("Who made it")]
    at: Annotated[str, Described("When (ISO, UTC)")]
    undone_by: str | None
    undone_at: Annotated[str | None, Described("When it was undone; null while it applies")]


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
    corrections: NotRequired[Annotated[list[EntityCorrection], Described(
        "Users' corrections naming it (merged into it, split from it...), undone ones too")]]
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
