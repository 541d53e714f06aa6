"""The interface every archive store implements, and the values that cross it.

Everything above `store/` talks to a store through `Store` alone: no SQL, no driver and no file
convention leaves this package. `cablewire.store.open_store(uri)` picks the implementation by
the URI's scheme (a SQLite file path by default, `memory:` for a store that lives in the
process); `tests/store/test_contract.py` is the suite every implementation must pass.

Two kinds of data live in a store:

- documents: every revision of each, one of them current (chosen by
  `cablewire.model.revisions`: completeness, then release date, then ingest order), the
  original bytes it was read from, the sources that gave them (or failed, with the reason), the
  citations between cables, and a change sequence that derived indexes catch up to; what is
  listed, faceted, cited, indexed and enriched of a document is its current revision;
- stage results: what a stage (`cablewire.stages`) made of a document's current revision, keyed
  by (document, stage, version), and the rows derived from them that the archive-wide views
  read (entities, places, dated events, quotes). Each stage owns its own rows: writing one
  stage's result for a document replaces that stage's rows only;
- users' corrections of entities (merge, split, reject; `cablewire.store.keymap`), kept in
  their own table and never changed by a stage: the derived rows are the stages' results with
  the corrections that apply replayed over them, so the views show the corrected archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict

from cablewire.results import (
    CastMember,
    CorrectionAction,
    CurrentRevision,
    Entity,
    EntityCorrection,
    EntityDocument,
    EntityListItem,
    Failure,
    MentionRef,
    Place,
    Quote,
    Revision,
    Stats,
    TimelineEntry,
)


@dataclass
class SourceResult:
    """One source file after parsing: its bytes, and its documents or the reason it failed.
    Documents carry their ids (`cablewire.model.listing.with_id`)."""

    label: str
    sha256: str
    data: bytes
    documents: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


@dataclass
class BatchSummary:
    """What a write did: documents new, updated (a new revision, current or not), unchanged;
    sources failed."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    def add(self, other: BatchSummary) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.failed += other.failed

    def to_dict(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed}


@dataclass
class StageResult:
    """A stage's result for one document revision. `data` is the stage's JSON result; its
    `entities`, `places`, `events` and `quotes` lists (when present) become the stage's derived
    rows. `inputs` names the versions of the stages it was made from."""

    document: str
    stage: str
    version: str
    revision: int
    data: dict[str, Any]
    inputs: str = ""


@dataclass
class CorrectionRequest:
    """A correction to record (`Store.add_correction`); the store gives it an id and a time.
    `key` is the entity corrected; `into` the merge's target or the split's new key; `name` the
    resulting entity's name; a split moves the mentions in `documents`, those written as one
    of `names` and those listed in `mentions`."""

    action: CorrectionAction
    key: str
    by: str
    into: str | None = None
    name: str | None = None
    names: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[MentionRef] = field(default_factory=list)
    note: str = ""


# The shapes a revision and a failure take are declared with the archive's results.
RevisionInfo = Revision
FailureInfo = Failure


class ListingInfo(TypedDict):
    id: str
    kind: str
    title: str | None
    date: str | None
    origin: str | None
    classification: str | None


class CitationCount(TypedDict):
    """A cited id and how many stored documents cite it."""

    id: str
    citations: int


CAST_TYPES = ("person", "organization", "group", "place")
"""The order of entity types in a document's cross-reference (other types follow, by name)."""


def strongest_first(documents: list[EntityDocument]) -> list[EntityDocument]:
    """Documents naming an entity, the ones that mention it most first; ties: the newest (the
    undated last), then by id."""
    ordered = sorted(documents, key=lambda d: d["id"])
    ordered.sort(key=lambda d: (d["date"] is not None, d["date"] or ""), reverse=True)
    ordered.sort(key=lambda d: -d["mentions"])
    return ordered


class Store(Protocol):
    """An archive of documents, their revisions, original bytes, citations and stage results."""

    uri: str

    # -- where derived indexes live ------------------------------------------------------------

    def index_location(self) -> str | None:
        """The default folder of this archive's derived search index (None: in memory)."""
        ...

    # -- documents: writing --------------------------------------------------------------------

    def source_seen(self, label: str, sha256: str) -> int | None:
        """How many documents this exact source (same label, same bytes) gave when it was
        ingested; None when it was not (or it failed)."""
        ...

    def write_batch(self, batch: list[SourceResult]) -> BatchSummary:
        """Write a batch of parsed sources in one transaction: all of it, or none of it. A
        document whose content (`content_hash`) equals one of its revisions is unchanged; other
        content is a new revision, and the current revision is chosen again
        (`cablewire.model.revisions.choose_current`): the document changes (a new change
        number) only when its current revision does."""
        ...

    # -- documents: reading --------------------------------------------------------------------

    def get(self, doc_id: str, revision: int | None = None) -> dict[str, Any] | None:
        """A document's JSON form (its current revision unless one is named)."""
        ...

    def revision_of(self, doc_id: str) -> int | None:
        """The current revision number of a document, None when it is not stored."""
        ...

    def current(self, doc_id: str) -> CurrentRevision | None:
        """Which revision of a document is current and why (`Choice.to_dict`), None when it
        is not stored."""
        ...

    def find_id(self, text: str) -> str | None:
        """The stored id equal to `text`, or equal ignoring case."""
        ...

    def listing(self, ids: list[str]) -> dict[str, ListingInfo]:
        """Listing columns of the stored documents among `ids`."""
        ...

    def revisions(self, doc_id: str) -> list[RevisionInfo]:
        """Every revision of a document in ingest order, with its release date, its
        completeness and whether it is the current one."""
        ...

    def original(self, doc_id: str, revision: int | None = None) -> bytes | None:
        """The bytes the document was read from, exactly as ingested."""
        ...

    def cites(self, doc_id: str) -> list[str]:
        """The ids a document cites, in the order it cites them."""
        ...

    def cited_by(self, doc_id: str) -> list[str]:
        """The stored documents that cite `doc_id`, by id."""
        ...

    def citations_from(self, ids: list[str]) -> dict[str, list[str]]:
        """`cites` of many documents in one call: for each of `ids` that cites anything, the
        ids it cites in the order it cites them."""
        ...

    def citations_to(self, ids: list[str]) -> dict[str, list[str]]:
        """`cited_by` of many ids in one call: for each of `ids` that a stored document cites,
        the citing documents, by id."""
        ...

    def most_cited(self, year: str | None = None, station: str | None = None,
                   limit: int = 20) -> list[CitationCount]:
        """Cited ids with how many stored documents cite them, most first, then by id; held
        or not. Both filters read the cited id (canonical, `09BAMAKO387`): `year` is its two
        digits (`09`), `station` the letters between them and the serial (`BAMAKO`)."""
        ...

    def max_seq(self) -> int:
        """The change sequence: it grows with every document or indexed result written."""
        ...

    def changes_since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        """(seq, current JSON form) of every document changed after `seq`, in seq order."""
        ...

    def change_ids_since(self, seq: int) -> Iterator[tuple[int, str]]:
        """(seq, id) of every document changed after `seq`, in seq order (for derived indexes
        that need only some stage's result, not the document)."""
        ...

    def failures(self) -> list[FailureInfo]:
        """Sources whose last reading failed (a source read well later is no failure)."""
        ...

    def clear_failures(self) -> int:
        """Forget every recorded failure (a later ingest records them again); how many."""
        ...

    def values_like(self, column: str, value: str) -> list[str]:
        """Stored values of a facet (`tag`, `origin`, `classification`, `kind`) equal to
        `value` ignoring case."""
        ...

    def stats(self) -> Stats:
        """Counts by kind, year, origin and classification; sources; the store's size."""
        ...

    # -- stage results -------------------------------------------------------------------------

    def pending(self, stage: str, version: str, inputs: str = "") -> list[str]:
        """Ids (in change order) whose current revision has no result of `stage` at `version`
        made from `inputs`."""
        ...

    def write_results(self, results: list[StageResult], indexed: bool = False) -> int:
        """Store stage results and replace each one's derived rows (with the users'
        corrections applied: `corrections`), in one transaction; a result for a revision that
        is no longer the current one is dropped, and one identical to what is stored changes
        nothing. With `indexed`, documents whose result changed get a
        new change number so the search index takes it. Returns how many were written."""
        ...

    def result(self, doc_id: str, stage: str) -> dict[str, Any] | None:
        """A document's stored result of `stage` (whatever its version), None when there is
        none for its current revision; as the stage made it (`keymap.correct_results` gives
        what the archive shows)."""
        ...

    def results(self, doc_id: str) -> dict[str, dict[str, Any]]:
        """Every stage's stored result for a document's current revision, by stage name."""
        ...

    def stage_counts(self) -> dict[str, dict[str, int]]:
        """For each stage with stored results: documents by version."""
        ...

    def result_origins(self, doc_id: str) -> dict[str, tuple[str, str]]:
        """For each stage with a result for a document's current revision: the (version,
        inputs) it was made at (what `cablewire copy` needs to write it elsewhere)."""
        ...

    # -- views over derived rows ---------------------------------------------------------------

    def entity_keys(self, name: str, type_: str | None = None) -> list[str]:
        """Keys of the entities that go by `name` (any alias, ignoring case), or have that key."""
        ...

    def entity(self, key: str) -> Entity | None:
        """One entity across the archive: names, type, facts, documents, co-occurring
        entities, its point on the map, quotes and dated events."""
        ...

    def entities(self, type_: str | None = None, limit: int = 100) -> list[EntityListItem]:
        """Entities with their mention and document counts, most documents first."""
        ...

    def cross_reference(self, doc_id: str, per_entity: int = 5) -> list[CastMember]:
        """Each entity `doc_id` names, with how many other documents name it and the
        `per_entity` of them that mention it most (`strongest_first`). Ordered by type
        (`CAST_TYPES`), then by how often `doc_id` mentions it, its name and key. Empty when
        the document names none (or is not stored)."""
        ...

    def timeline(self, entity: str | None = None, ids: list[str] | None = None,
                 limit: int = 500) -> list[TimelineEntry]:
        """Dated events in date order, optionally only those naming `entity` or in `ids`."""
        ...

    def quotes(self, speaker_key: str | None = None, limit: int = 500) -> list[Quote]:
        ...

    def places(self, limit: int = 500) -> list[Place]:
        """Places with coordinates and how many documents name them."""
        ...

    # -- users' corrections of entities ---------------------------------------------------------

    def add_correction(self, request: CorrectionRequest) -> EntityCorrection:
        """Record a correction (numbered after every earlier one, stamped now) and, in the same
        transaction, derive again the rows of every document naming a key it is linked to
        (`keymap.affected_keys`), through `keymap.correct_results`; those documents get a new
        change number so the search index takes them. The store does not check the keys: the
        archive does (`Archive.correct`)."""
        ...

    def undo_correction(self, correction_id: int, by: str) -> EntityCorrection:
        """Mark a correction undone (by `by`, now), keep it, and derive its documents' rows
        again as `add_correction` does. Raises `NotFound` for an unknown id and `UsageError`
        for a correction already undone."""
        ...

    def corrections(self) -> list[EntityCorrection]:
        """Every correction, undone ones too, in the order they were made."""
        ...

    def close(self) -> None:
        ...
