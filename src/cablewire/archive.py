"""The archive as a whole: one store and its search index, with the read operations the CLI,
the web app and the API share (search, show, background, citations, stats, errors, reindex).

    >>> with Archive.open(Settings.resolve(db="cablewire.db")) as archive:   # doctest: +SKIP
    ...     archive.search('AQIM tag:PTER')["total"]
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from cablewire.enrich import corrections
from cablewire.errors import NotFound, StoreBusy, UsageError
from cablewire.index.search import search
from cablewire.index.searchindex import SearchIndex
from cablewire.index.vectorindex import VectorIndex
from cablewire.model.calendar import day_bound
from cablewire.model.ids import canonical_cable_id, yearless_candidates
from cablewire.model.release import release_months
from cablewire.results import (
    Background,
    CitationGraph,
    CitedDocument,
    CrossReference,
    Entity,
    EntityCorrection,
    EntityListItem,
    EntityMentions,
    Failure,
    IngestOutcome,
    MentionRef,
    MostCited,
    Place,
    Quote,
    SearchResult,
    Shown,
    Stats,
    TimelineEntry,
)
from cablewire.settings import Settings
from cablewire.sources import Blob
from cablewire.store import open_store
from cablewire.store.base import Store
from cablewire.store.keymap import active, correct_results, merged_into

SIMILAR_LIMIT = 200
"""How many documents `similar:ID` and a semantic search rank (then filter)."""
CATCH_UP_EVERY_S = 1.0
"""How often, at most, a search looks whether the store has changes its index lacks."""


class Archive:
    """An open archive: its store and the search index derived from it."""

    def __init__(self, store: Store, index: SearchIndex) -> None:
        self.store = store
        self.index = index
        self._vectors: VectorIndex | None = None
        self.catch_up_every = CATCH_UP_EVERY_S
        self._checked = time.monotonic()

    def catch_up(self) -> int:
        """Bring the search index up to the store's change sequence when another process (an
        ingest, another server of a shared archive) changed the archive since; looked at no
        more than once every `catch_up_every` seconds. Returns how many documents it took.
        While another process is updating the same index, this one reads what it committed."""
        now = time.monotonic()
        if now - self._checked < self.catch_up_every:
            return 0
        self._checked = now
        if self.store.max_seq() <= self.index.seq:
            return 0
        try:
            return self.index.sync(self.store, wait_s=0)
        except StoreBusy:
            self.index.index.reload()
            return 0

    def vectors(self) -> VectorIndex:
        """The vector index, loaded when first asked for and caught up with the store."""
        if self._vectors is None:
            self._vectors = VectorIndex.beside(self.index.path)
        self._vectors.sync(self.store)
        return self._vectors

    @classmethod
    def open(cls, settings: Settings, create: bool = False) -> Archive:
        """The archive `settings.db`, its index caught up. Without `create`, an archive that
        does not exist is an error (`ArchiveMissing`), not a new empty one."""
        store = open_store(settings.db, create=create)
        try:
            index = SearchIndex.for_store(store, settings.index_heap_mb, settings.index or None)
            index.sync(store)
        except BaseException:
            store.close()
            raise
        return cls(store, index)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def search(self, query: str, limit: int = 20, offset: int = 0,
               sort: str = "relevance", semantic: bool = False) -> SearchResult:
        """Hits for `query` (the query language of `cablewire.index.query`). `similar:ID`
        ranks by the linking blend; `semantic` ranks by the meaning of the query's words
        (passage vectors), its field filters still applying."""
        self.catch_up()
        return search(self.index, self.store, query, limit=limit, offset=offset, sort=sort,
                      similar=self._similar, semantic=self._semantic if semantic else None)

    def _similar(self, text: str) -> list[tuple[str, float]]:
        found = self.background(text, limit=SIMILAR_LIMIT, bounded=False)
        return [(hit["id"], float(hit["score"])) for hit in found["hits"]]

    def _semantic(self, text: str) -> list[tuple[str, float]]:
        from cablewire.link.meaning import Meaning

        vectors = self.vectors()
        if not len(vectors):
            raise UsageError(
                "semantic search needs passage vectors, and this archive has none: run"
                " `cablewire enrich --stage vectors` (needs pip install 'cablewire[vectors]')")
        hits = vectors.search(Meaning(vectors).text_vectors(text), SIMILAR_LIMIT)
        return [(hit.doc_id, hit.score) for hit in hits]

    def resolve_id(self, text: str) -> str:
        """The stored id for `text` (a cable id in any written form, or a document id)."""
        found = self.store.find_id(text) or self.store.find_id(canonical_cable_id(text) or text)
        if found is None and (candidates := yearless_candidates(text)):
            held = [c for c in candidates if c in self.store.listing(candidates)]
            if len(held) == 1:
                return held[0]
            if held:
                raise NotFound(f"{text!r} has no year, and {len(held)} cables of the archive"
                               f" match it: {', '.join(held)}; give one, e.g."
                               f" `cablewire show {held[0]}`")
            raise NotFound(f"no cable {text!r} of any year in this archive: check the station"
                           " and number, or search with `cablewire search`")
        if found is None:
            raise NotFound(
                f"no document {text!r} in this archive: check the id, or search for it with"
                f" `cablewire search 'id:{text}'`"
            )
        return found

    def show(self, text: str) -> Shown:
        """A document (its current revision) with the cables it cites and the documents that
        cite it, its revisions, and which revision is current and why
        (`cablewire.model.revisions`).

        Cited cables that are not in the archive are listed too, with whether the full release
        has them (`in_release`) and the month they were written."""
        doc_id = self.resolve_id(text)
        document = self.store.get(doc_id)
        current = self.store.current(doc_id)
        assert document is not None and current is not None
        cites = self.store.cites(doc_id)
        cited_by = self.store.cited_by(doc_id)
        listed = self.store.listing(cites + cited_by)
        months = release_months() if cites or cited_by else {}

        def entry(other: str) -> CitedDocument:
            row = listed.get(other)
            return {
                "id": other,
                "in_archive": row is not None,
                "in_release": other in months,
                "month": months.get(other),
                "title": row["title"] if row else None,
                "kind": row["kind"] if row else None,
                "date": row["date"] if row else None,
            }

        original = self.store.original(doc_id)
        return {
            "document": document,
            "cites": [entry(c) for c in cites],
            "cited_by": [entry(c) for c in cited_by],
            "revisions": self.store.revisions(doc_id),
            "current": current,
            "original": {"bytes": len(original) if original is not None else None,
                         "source": (document.get("source") or {}).get("path")},
        }

    def citation_graph(self, text: str, depth: int = 3, direction: str = "both",
                       limit: int = 200) -> CitationGraph:
        """A document's REF graph to `depth` steps (at most 3): what it cites and what those
        cite, what cites it and what cites those (`direction`: both, cites or cited_by), at
        most `limit` nodes; cables not held carry their month when the full release has them
        (`cablewire.link.citations`)."""
        from cablewire.link.citations import check_graph_options, citation_graph

        check_graph_options(depth, direction, limit)
        return citation_graph(self.store, self.resolve_id(text), depth, direction, limit)

    def most_cited(self, year: int | None = None, station: str | None = None,
                   limit: int = 20) -> MostCited:
        """The cables cited by the most documents of the archive, held or not, of one year
        and one station when given; both are read from the cited cable's id (its two-digit
        year and its station part), since a cable not held has no date or origin."""
        from cablewire.link.citations import most_cited

        return most_cited(self.store, year, station, limit)

    def original(self, text: str, revision: int | None = None) -> bytes:
        doc_id = self.resolve_id(text)
        data = self.store.original(doc_id, revision)
        if data is None:
            raise NotFound(f"no revision {revision} of {doc_id}")
        return data

    def stats(self) -> Stats:
        out = self.store.stats()
        out["index_bytes"] = _folder_size(self.index.path)
        return out

    def failures(self) -> list[Failure]:
        return self.store.failures()

    def clear_failures(self) -> int:
        """Forget the recorded failures; how many there were."""
        return self.store.clear_failures()

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Make the search index and the vector index anew from the store; `progress` hears
        (documents done, documents in all) as the search index is written."""
        total = self.store.stats()["documents"] if progress else 0
        done = self.index.rebuild(
            self.store, (lambda n: progress(n, total)) if progress else None)
        VectorIndex.beside(self.index.path).rebuild(self.store)
        self._vectors = None
        return done

    # -- entities, places, time ----------------------------------------------------------------

    def entities(self, type_: str | None = None, limit: int = 100) -> list[EntityListItem]:
        """Entities with how many documents name them, most named first."""
        return self.store.entities(type_, limit)

    def entity(self, name: str) -> Entity:
        """One entity by key or any of its names: aliases, facts, documents, co-occurring
        entities, quotes and dated events."""
        keys = self.store.entity_keys(name)
        if not keys:  # the key of an entity merged into another: that one
            into = merged_into(self.store.corrections(), name.strip())
            keys = self.store.entity_keys(into) if into else []
        if not keys:
            raise NotFound(
                f"no entity named {name!r} in this archive: list them with `cablewire entities`"
                " (documents are enriched during ingest, or by `cablewire enrich`)"
            )
        found = [e for e in (self.store.entity(k) for k in keys) if e is not None]
        found.sort(key=lambda e: -len(e["documents"]))
        best = found[0]
        best["corrections"] = corrections.naming(self.store.corrections(), best["key"])
        best["other_matches"] = [{"key": e["key"], "name": e["name"], "type": e["type"]}
                                 for e in found[1:]]
        return best

    def mentions(self, name: str, limit: int = 1000) -> EntityMentions:
        """Every mention of an entity (by key or any of its names), each in its sentence:
        document by document, oldest first; the first `limit` of them."""
        from cablewire.enrich.mentions import entity_mentions

        return entity_mentions(self.store, self.entity(name), limit)

    # -- users' corrections of entities ----------------------------------------------------------

    def merge_entities(self, name: str, into: str, by: str, note: str = "") -> EntityCorrection:
        """`name` and `into` are one entity (`into`'s key and name are kept)."""
        return corrections.merge(self.store, name, into, by, note)

    def split_entity(self, name: str, new_name: str, by: str, names: list[str] | None = None,
                     documents: list[str] | None = None,
                     mentions: list[MentionRef] | None = None,
                     note: str = "") -> EntityCorrection:
        """The chosen mentions of `name` (by name variant, document or mention) become a new
        entity called `new_name`."""
        return corrections.split(self.store, name, new_name, by, names, documents, mentions,
                                 note)

    def reject_entity(self, name: str, by: str, note: str = "") -> EntityCorrection:
        """`name` is not an entity."""
        return corrections.reject(self.store, name, by, note)

    def undo_correction(self, correction_id: int, by: str) -> EntityCorrection:
        return corrections.undo(self.store, correction_id, by)

    def corrections(self) -> list[EntityCorrection]:
        """Every correction made, undone ones too, oldest first."""
        return self.store.corrections()

    def cross_reference(self, text: str, per_entity: int = 5) -> CrossReference:
        """Where else the cast of a document appears: each person, organisation, group and
        place it names, with how many other documents name it and the `per_entity` that
        mention it most; those no other document names are apart, in `only_here`."""
        doc_id = self.resolve_id(text)
        cast = self.store.cross_reference(doc_id, per_entity)
        return {"id": doc_id, "entities": [e for e in cast if e["documents"]],
                "only_here": [e for e in cast if not e["documents"]]}

    def timeline(self, query: str | None = None, limit: int = 500) -> list[TimelineEntry]:
        """Dated events in date order, across the archive or the documents matching `query`."""
        ids = None
        if query:
            result = self.search(query, limit=10000)
            ids = [hit["id"] for hit in result["hits"]]
        return self.store.timeline(ids=ids, limit=limit)

    def quotes(self, speaker: str | None = None, limit: int = 500) -> list[Quote]:
        """Direct quotations with their speakers, optionally of one speaker (any name)."""
        if not speaker:
            return self.store.quotes(limit=limit)
        keys = self.store.entity_keys(speaker, "person")
        out: list[Quote] = []
        for key in keys:
            out.extend(self.store.quotes(key, limit))
        return sorted(out, key=lambda q: (q["date"] or "", q["document"]))[:limit]

    def places(self, limit: int = 500, query: str | None = None) -> list[Place]:
        """Places with coordinates, most documents first: across the archive, or named by the
        documents matching `query` (each counted by those documents only)."""
        if not query:
            return self.store.places(limit)
        found: dict[str, Place] = {}
        docs: dict[str, int] = {}
        for hit in self.search(query, limit=10000)["hits"]:
            entities = self.store.results(hit["id"]).get("entities") or {}
            for place in {p["key"]: p for p in entities.get("places") or []}.values():
                if place.get("lat") is None or place.get("lon") is None:
                    continue
                found.setdefault(place["key"], {
                    "key": place["key"], "name": place["name"], "lat": place["lat"],
                    "lon": place["lon"], "country": place.get("country"), "documents": 0})
                docs[place["key"]] = docs.get(place["key"], 0) + 1
        keys = sorted(found, key=lambda k: (-docs[k], k))[:limit]
        return [{**found[k], "documents": docs[k]} for k in keys]

    def enrichment(self, text: str) -> dict[str, Any] | None:
        """The enrichment stages' results of a document as one view (None: not enriched)."""
        from cablewire.enrich import combine

        doc_id = self.resolve_id(text)
        shown = correct_results(doc_id, self.store.results(doc_id),
                                active(self.store.corrections()))
        found = combine(doc_id, shown)
        return None if found is None else dict(found)

    def results(self, text: str) -> dict[str, dict[str, Any]]:
        """Every stage's stored result for a document, by stage name."""
        return self.store.results(self.resolve_id(text))

    # -- documents -------------------------------------------------------------------------------

    def document(self, text: str) -> dict[str, Any]:
        """A document's JSON form (its current revision)."""
        doc_id = self.resolve_id(text)
        found = self.store.get(doc_id)
        if found is None:
            raise NotFound(f"no document {text!r} in this archive")
        return found

    def documents(self, ids: list[str]) -> list[dict[str, Any]]:
        """The JSON forms of the stored documents among `ids`, in that order."""
        return [doc for doc in (self.store.get(i) for i in ids) if doc is not None]

    def background(self, target: str | bytes, kind: str | None = None,
                   before: str | None = None, after: str | None = None, limit: int = 10,
                   name: str = "pasted.txt", bounded: bool = True) -> Background:
        """The documents behind a document: `target` is an id in the archive, or the bytes of
        a text or file named `name` (read by the ingest readers, not stored). Hits carry their
        reasons (`cablewire.link.background`). `before` and `after` are a year, a month or a
        day; an article's background ends at its date unless `before` says otherwise."""
        from cablewire.link.background import Probe, background, read_probe
        from cablewire.link.meaning import Meaning

        self.catch_up()
        if kind not in (None, "cable", "article"):
            raise UsageError(f"kind {kind!r} is not a kind of document: ask for cable or"
                             " article, or leave it out for both")
        if limit < 1:
            raise UsageError(f"limit {limit} is too small: ask for 1 or more")
        before = day_bound(before, "before", end=True)
        after = day_bound(after, "after", end=False)
        if isinstance(target, bytes):
            probe = read_probe(target, name)
        else:
            doc_id = self.resolve_id(target)
            probe = Probe.of(self.document(doc_id), self.store.results(doc_id), stored=True)
        vectors = self.vectors()
        return background(self.index, self.store, probe, kind=kind, before=before,
                          after=after, limit=limit, bounded=bounded,
                          meaning=Meaning(vectors) if len(vectors) else None)

    def ingest_source(self, blob: Blob, settings: Settings) -> IngestOutcome:
        """Ingest one source (an upload), exactly as `cablewire ingest` would: skipped when
        the same bytes came before, parsed, stored, its stages run, indexed."""
        from cablewire.executors import LocalExecutor
        from cablewire.pipeline import parse_source, run_stages, stages_for

        sha = hashlib.sha256(blob.data).hexdigest()
        seen = self.store.source_seen(blob.path, sha)
        if seen is not None:
            return {"new": 0, "updated": 0, "unchanged": seen, "failed": 0,
                    "source": blob.path, "error": None, "ids": [], "enriched": 0}
        result = parse_source(blob, sha)
        summary = self.store.write_batch([result])
        enriched = 0
        stages = stages_for(settings)
        if stages and result.error is None:
            enriched = run_stages(self.store, stages, LocalExecutor(1)).enriched
        self.index.sync(self.store)
        if self._vectors is not None:
            self._vectors.sync(self.store)
        return {"new": summary.new, "updated": summary.updated, "unchanged": summary.unchanged,
                "failed": summary.failed, "source": blob.path, "error": result.error,
                "ids": [str(doc["id"]) for doc in result.documents], "enriched": enriched}


def _folder_size(path: str | None) -> int:
    if path is None:
        return 0
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total
