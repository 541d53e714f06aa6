"""A store that lives in the process (`memory:`): for tests, one-off runs and pasted text.

It implements the whole `Store` protocol in plain Python, so it is also the proof that nothing
above `store/` depends on SQL: the contract suite runs on it and on every other store.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cablewire.errors import NotFound, UsageError
from cablewire.model.listing import Listing, content_hash, listing, with_id
from cablewire.model.revisions import Candidate, Choice, candidate, choose_current
from cablewire.results import (
    CastMember,
    CurrentRevision,
    Entity,
    EntityCorrection,
    EntityDocument,
    EntityListItem,
    Place,
    Quote,
    Stats,
    TimelineEntry,
)
from cablewire.store import keymap
from cablewire.store.base import (
    CAST_TYPES,
    BatchSummary,
    CitationCount,
    CorrectionRequest,
    FailureInfo,
    ListingInfo,
    RevisionInfo,
    SourceResult,
    StageResult,
    strongest_first,
)
from cablewire.store.sqlite import result_hash


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class _Revision:
    number: int
    content_hash: str
    data: bytes
    source: str
    blob: str
    ingested_at: str
    candidate: Candidate


@dataclass
class _Document:
    id: str
    revisions: list[_Revision] = field(default_factory=list)
    listing: Listing | None = None
    seq: int = 0
    current: int = 0
    """The number of the current revision (`cablewire.model.revisions`)."""
    choice: Choice | None = None


@dataclass
class _Result:
    version: str
    revision: int
    inputs: str
    hash: str
    data: dict[str, Any]


def _date_order(date: str | None, doc_id: str) -> tuple[int, str, str]:
    """SQL's ORDER BY date, id: documents without a date first."""
    return (0 if date is None else 1, date or "", doc_id)


class MemoryStore:
    """A `Store` held in dictionaries, guarded by one lock."""

    def __init__(self, uri: str = "memory:") -> None:
        self.uri = uri
        self._lock = threading.RLock()
        self._docs: dict[str, _Document] = {}
        self._blobs: dict[str, bytes] = {}
        self._sources: dict[str, tuple[str, str, str | None, int, str]] = {}
        self._citations: dict[str, list[str]] = {}
        self._facets: dict[str, dict[str, str]] = {}
        self._seq = 0
        self._results: dict[tuple[str, str], _Result] = {}
        self._corrections: list[EntityCorrection] = []

    def index_location(self) -> str | None:
        return None

    # -- documents: writing --------------------------------------------------------------------

    def source_seen(self, label: str, sha256: str) -> int | None:
        with self._lock:
            row = self._sources.get(label)
            if row is None or row[0] != sha256 or row[1] != "ok":
                return None
            return row[3]

    def write_batch(self, batch: list[SourceResult]) -> BatchSummary:
        summary = BatchSummary()
        with self._lock:
            for result in batch:
                stamp = _now()
                if result.data:
                    self._blobs.setdefault(result.sha256, zlib.compress(result.data, 6))
                if result.error is not None:
                    summary.failed += 1
                    self._sources[result.label] = (result.sha256, "failed", result.error, 0,
                                                   stamp)
                    continue
                for doc in result.documents:
                    self._write_document(with_id(doc), result, stamp, summary)
                self._sources[result.label] = (result.sha256, "ok", None, len(result.documents),
                                               stamp)
        return summary

    def _write_document(self, doc: dict[str, Any], result: SourceResult, stamp: str,
                        summary: BatchSummary) -> None:
        """A new revision unless one of the document's revisions has this content; then the
        current revision is chosen again, and the document shows it when it changed."""
        digest = content_hash(doc)
        stored = self._docs.get(doc["id"])
        if stored is not None and any(r.content_hash == digest for r in stored.revisions):
            summary.unchanged += 1
            return
        if stored is None:
            stored = self._docs[doc["id"]] = _Document(doc["id"])
            summary.new += 1
        else:
            summary.updated += 1
        data = zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), 6)
        number = len(stored.revisions) + 1
        stored.revisions.append(_Revision(number, digest, data, result.label, result.sha256,
                                          stamp, candidate(number, doc)))
        stored.choice = choose_current([r.candidate for r in stored.revisions])
        if stored.choice.revision == stored.current:
            return
        stored.current = stored.choice.revision
        if stored.current != number:
            doc = json.loads(zlib.decompress(stored.revisions[stored.current - 1].data))
        stored.listing = cols = listing(doc)
        self._seq += 1
        stored.seq = self._seq
        self._citations[doc["id"]] = list(dict.fromkeys(doc.get("references") or []))
        for facet, value in [("tag", t) for t in doc.get("tags") or []] + [
                ("origin", cols.origin), ("classification", cols.classification),
                ("kind", cols.kind)]:
            if value:
                self._facets.setdefault(facet, {}).setdefault(str(value).casefold(), value)

    # -- documents: reading --------------------------------------------------------------------

    def get(self, doc_id: str, revision: int | None = None) -> dict[str, Any] | None:
        with self._lock:
            stored = self._docs.get(doc_id)
            if stored is None:
                return None
            if revision is None:
                found = stored.revisions[stored.current - 1]
            elif 1 <= revision <= len(stored.revisions):
                found = stored.revisions[revision - 1]
            else:
                return None
            value: dict[str, Any] = json.loads(zlib.decompress(found.data))
            return value

    def revision_of(self, doc_id: str) -> int | None:
        with self._lock:
            stored = self._docs.get(doc_id)
            return None if stored is None else stored.current

    def find_id(self, text: str) -> str | None:
        wanted = text.strip()
        with self._lock:
            if wanted in self._docs:
                return wanted
            folded = wanted.casefold()
            return next((i for i in sorted(self._docs) if i.casefold() == folded), None)

    def listing(self, ids: list[str]) -> dict[str, ListingInfo]:
        out: dict[str, ListingInfo] = {}
        with self._lock:
            for doc_id in ids:
                stored = self._docs.get(doc_id)
                if stored is None or stored.listing is None:
                    continue
                cols = stored.listing
                out[doc_id] = {"id": doc_id, "kind": cols.kind, "title": cols.title,
                               "date": cols.date, "origin": cols.origin,
                               "classification": cols.classification}
        return out

    def revisions(self, doc_id: str) -> list[RevisionInfo]:
        with self._lock:
            stored = self._docs.get(doc_id)
            return [] if stored is None else [
                {"revision": r.number, "ingested_at": r.ingested_at, "source": r.source,
                 "content_hash": r.content_hash, "released": r.candidate.released,
                 "completeness": r.candidate.completeness.to_dict(),
                 "current": r.number == stored.current} for r in stored.revisions]

    def current(self, doc_id: str) -> CurrentRevision | None:
        with self._lock:
            stored = self._docs.get(doc_id)
            return None if stored is None or stored.choice is None else stored.choice.to_dict()

    def original(self, doc_id: str, revision: int | None = None) -> bytes | None:
        with self._lock:
            stored = self._docs.get(doc_id)
            if stored is None:
                return None
            number = revision or stored.current
            if not 1 <= number <= len(stored.revisions):
                return None
            blob = self._blobs.get(stored.revisions[number - 1].blob)
            return None if blob is None else zlib.decompress(blob)

    def cites(self, doc_id: str) -> list[str]:
        with self._lock:
            return list(self._citations.get(doc_id, []))

    def cited_by(self, doc_id: str) -> list[str]:
        with self._lock:
            return sorted(i for i, cited in self._citations.items() if doc_id in cited)

    def citations_from(self, ids: list[str]) -> dict[str, list[str]]:
        with self._lock:
            return {i: list(self._citations[i]) for i in sorted(set(ids))
                    if self._citations.get(i)}

    def citations_to(self, ids: list[str]) -> dict[str, list[str]]:
        wanted = set(ids)
        out: dict[str, list[str]] = {}
        with self._lock:
            for citing in sorted(self._citations):
                for cited in self._citations[citing]:
                    if cited in wanted:
                        out.setdefault(cited, []).append(citing)
        return {i: out[i] for i in sorted(out)}

    def most_cited(self, year: str | None = None, station: str | None = None,
                   limit: int = 20) -> list[CitationCount]:
        counted: Counter[str] = Counter()
        with self._lock:
            for cited_ids in self._citations.values():
                counted.update(cited_ids)
        if year is not None or station is not None:
            if not all(t is None or (t.isascii() and t.isalnum()) for t in (year, station)):
                return []  # as the SQLite store: only letters and digits name a year or station
            pattern = re.compile(
                (re.escape(year) if year is not None else "[0-9]{2}")
                + (re.escape(station) + "[0-9]+" if station is not None else ".*"), re.DOTALL)
            counted = Counter({i: n for i, n in counted.items() if pattern.fullmatch(i)})
        ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [{"id": i, "citations": n} for i, n in ranked]

    def max_seq(self) -> int:
        return self._seq

    def change_ids_since(self, seq: int) -> Iterator[tuple[int, str]]:
        with self._lock:
            changed = sorted((d.seq, d.id) for d in self._docs.values() if d.seq > seq)
        yield from changed

    def changes_since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        with self._lock:
            changed = sorted((d.seq, d.id) for d in self._docs.values() if d.seq > seq)
        for number, doc_id in changed:
            doc = self.get(doc_id)
            if doc is not None:
                yield number, doc

    def failures(self) -> list[FailureInfo]:
        with self._lock:
            return [{"source": label, "error": row[2] or "", "ingested_at": row[4]}
                    for label, row in sorted(self._sources.items()) if row[1] == "failed"]

    def clear_failures(self) -> int:
        with self._lock:
            failed = [label for label, row in self._sources.items() if row[1] == "failed"]
            for label in failed:
                del self._sources[label]
            return len(failed)

    def values_like(self, column: str, value: str) -> list[str]:
        with self._lock:
            found = self._facets.get(column, {}).get(value.casefold())
            return [] if found is None else [found]

    def stats(self) -> Stats:
        with self._lock:
            docs = [d.listing for d in self._docs.values() if d.listing is not None]

            def counts(values: list[Any]) -> dict[str, int]:
                counted = Counter(values)
                ordered = sorted(counted.items(),
                                 key=lambda kv: (-kv[1], kv[0] is not None, str(kv[0])))
                return {str(k) if k is not None else "unknown": n for k, n in ordered}

            statuses = Counter(row[1] for row in self._sources.values())
            return {
                "documents": len(docs),
                "revisions": sum(len(d.revisions) for d in self._docs.values()),
                "sources": {"ok": statuses.get("ok", 0), "failed": statuses.get("failed", 0)},
                "by_kind": counts([d.kind for d in docs]),
                "by_year": counts([d.year for d in docs]),
                "by_origin": counts([d.origin for d in docs]),
                "by_classification": counts([d.classification for d in docs]),
                "database_bytes": sum(len(r.data) for d in self._docs.values()
                                      for r in d.revisions) + sum(map(len, self._blobs.values())),
            }

    # -- stage results -------------------------------------------------------------------------

    def pending(self, stage: str, version: str, inputs: str = "") -> list[str]:
        with self._lock:
            out = []
            for doc in sorted(self._docs.values(), key=lambda d: d.seq):
                found = self._results.get((doc.id, stage))
                if (found is None or found.version != version
                        or found.revision != doc.current or found.inputs != inputs):
                    out.append(doc.id)
            return out

    def write_results(self, results: list[StageResult], indexed: bool = False) -> int:
        written = 0
        with self._lock:
            for result in results:
                doc = self._docs.get(result.document)
                if doc is None or doc.current != result.revision:
                    continue
                digest = result_hash(result.data)
                old = self._results.get((result.document, result.stage))
                if old is not None and (old.version, old.revision, old.inputs, old.hash) == (
                        result.version, result.revision, result.inputs, digest):
                    continue
                self._results[(result.document, result.stage)] = _Result(
                    result.version, result.revision, result.inputs, digest,
                    copy.deepcopy(result.data))
                if indexed:
                    self._seq += 1
                    doc.seq = self._seq
                written += 1
        return written

    def _current(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(document, stage, data) of every result made from a document's current revision,
        as shown: with the users' corrections that apply replayed over them."""
        applying = keymap.active(self._corrections)
        by_doc: dict[str, dict[str, dict[str, Any]]] = {}
        for doc_id, stage, data in self._found():
            by_doc.setdefault(doc_id, {})[stage] = data
        for doc_id, results in by_doc.items():
            shown = keymap.correct_results(doc_id, results, applying) if applying else results
            for stage in sorted(shown):
                yield doc_id, stage, shown[stage]

    def _found(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(document, stage, data) of every result made from a document's current revision,
        as the stage made it."""
        for (doc_id, stage), found in sorted(self._results.items()):
            doc = self._docs.get(doc_id)
            if doc is not None and doc.current == found.revision:
                yield doc_id, stage, found.data

    def result(self, doc_id: str, stage: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._results.get((doc_id, stage))
            doc = self._docs.get(doc_id)
            if found is None or doc is None or doc.current != found.revision:
                return None
            return copy.deepcopy(found.data)

    def results(self, doc_id: str) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {stage: copy.deepcopy(data) for d, stage, data in self._found()
                    if d == doc_id}

    def result_origins(self, doc_id: str) -> dict[str, tuple[str, str]]:
        with self._lock:
            doc = self._docs.get(doc_id)
            return {stage: (r.version, r.inputs) for (d, stage), r in sorted(
                self._results.items()) if d == doc_id and doc is not None
                and doc.current == r.revision}

    def stage_counts(self) -> dict[str, dict[str, int]]:
        with self._lock:
            counted = Counter((stage, r.version) for (_d, stage), r in self._results.items())
        out: dict[str, dict[str, int]] = {}
        for (stage, version), n in sorted(counted.items()):
            out.setdefault(stage, {})[version] = n
        return out

    # -- views over derived rows ---------------------------------------------------------------

    def _entity_rows(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(document, entity) of every stage's entities."""
        for doc_id, _stage, data in self._current():
            for entity in data.get("entities") or []:
                yield doc_id, entity

    def _doc_listing(self, doc_id: str) -> Listing:
        found = self._docs[doc_id].listing
        assert found is not None
        return found

    def entity_keys(self, name: str, type_: str | None = None) -> list[str]:
        folded = name.casefold()
        with self._lock:
            keys = sorted({
                e["key"] for _d, e in self._entity_rows()
                if (type_ is None or e["type"] == type_)
                and any(n.casefold() == folded for n in [e["name"], *(e.get("aliases") or [])]
                        if n)
            })
            if not keys and any(e["key"] == name for _d, e in self._entity_rows()):
                keys = [name]
            return keys

    def entity(self, key: str) -> Entity | None:
        with self._lock:
            rows: dict[str, dict[str, Any]] = {}
            for doc_id, e in self._entity_rows():
                if e["key"] == key:
                    rows.setdefault(doc_id, e)
            if not rows:
                return None
            order = sorted(rows, key=lambda i: _date_order(self._doc_listing(i).date, i))
            names = Counter(rows[i]["name"] for i in order)
            name = names.most_common(1)[0][0]
            aliases = sorted({n for e in rows.values() for n in [e["name"],
                              *(e.get("aliases") or [])] if n} - {name})
            facts = Counter(fact for i in order for fact in {
                (f["kind"], f["value"]) for f in rows[i].get("facts") or []})
            co: dict[str, set[str]] = {}
            co_name: dict[str, tuple[str, Any]] = {}
            for doc_id, e in self._entity_rows():
                if doc_id in rows and e["key"] != key:
                    co.setdefault(e["key"], set()).add(doc_id)
                    name_, type_ = co_name.get(e["key"], (e["name"], e["type"]))
                    co_name[e["key"]] = (max(name_, e["name"]), max(type_, e["type"]))
            co_sorted = sorted(co, key=lambda k: (-len(co[k]), k))[:25]
            place = next((p for _d, _s, data in self._current() for p in data.get("places") or []
                          if p["key"] == key), None)
            found: Entity = {
                "key": key,
                "type": rows[order[0]]["type"],
                "name": name,
                "aliases": aliases,
                "facts": [{"kind": k, "value": v, "documents": n}
                          for (k, v), n in sorted(facts.items(),
                                                  key=lambda kv: (-kv[1], kv[0]))],
                "mentions": sum(max(1, len(rows[i].get("mentions") or [])) for i in order),
                "documents": [{"id": i, "title": self._doc_listing(i).title,
                               "date": self._doc_listing(i).date,
                               "kind": self._doc_listing(i).kind,
                               "mentions": max(1, len(rows[i].get("mentions") or []))}
                              for i in order],
                "co_occurring": [{"key": k, "name": co_name[k][0], "type": co_name[k][1],
                                  "documents": len(co[k])} for k in co_sorted],
                "place": ({"lat": place["lat"], "lon": place["lon"],
                           "country": place.get("country")} if place else None),
                "quotes": self.quotes(key),
                "events": self.timeline(entity=key),
            }
            return found

    def entities(self, type_: str | None = None, limit: int = 100) -> list[EntityListItem]:
        with self._lock:
            docs: dict[str, set[str]] = {}
            mentions: Counter[str] = Counter()
            first: dict[str, dict[str, Any]] = {}
            names: dict[str, str] = {}
            for doc_id, e in self._entity_rows():
                if type_ is not None and e["type"] != type_:
                    continue
                if doc_id in docs.get(e["key"], set()):
                    continue
                docs.setdefault(e["key"], set()).add(doc_id)
                mentions[e["key"]] += max(1, len(e.get("mentions") or []))
                first.setdefault(e["key"], e)
                names[e["key"]] = max(names.get(e["key"], e["name"]), e["name"])
            keys = sorted(docs, key=lambda k: (-len(docs[k]), -mentions[k], k))[:limit]
            return [{"key": k, "type": first[k]["type"], "name": names[k],
                     "mentions": mentions[k], "documents": len(docs[k])} for k in keys]

    def cross_reference(self, doc_id: str, per_entity: int = 5) -> list[CastMember]:
        with self._lock:
            # (key, document) -> (type, name, mentions), the most of any stage's
            named: dict[tuple[str, str], tuple[Any, str, int]] = {}
            for found_in, e in self._entity_rows():
                row = (e["type"], e["name"], max(1, len(e.get("mentions") or [])))
                old = named.get((e["key"], found_in))
                named[(e["key"], found_in)] = row if old is None else (
                    max(old[0], row[0]), max(old[1], row[1]), max(old[2], row[2]))
            mine = {key: row for (key, found_in), row in named.items() if found_in == doc_id}
            others: dict[str, list[EntityDocument]] = {}
            for (key, found_in), (_t, _n, mentions) in named.items():
                if key in mine and found_in != doc_id:
                    cols = self._doc_listing(found_in)
                    others.setdefault(key, []).append({
                        "id": found_in, "kind": cols.kind, "title": cols.title,
                        "date": cols.date, "mentions": mentions})

            def order(key: str) -> tuple[int, str, int, str, str]:
                type_, name, mentions = mine[key]
                rank = CAST_TYPES.index(type_) if type_ in CAST_TYPES else len(CAST_TYPES)
                return (rank, type_, -mentions, name, key)

            return [{"key": key, "type": mine[key][0], "name": mine[key][1],
                     "mentions": mine[key][2], "documents": len(others.get(key, [])),
                     "strongest": strongest_first(others.get(key, []))[:max(0, per_entity)]}
                    for key in sorted(mine, key=order)]

    def timeline(self, entity: str | None = None, ids: list[str] | None = None,
                 limit: int = 500) -> list[TimelineEntry]:
        if ids is not None and not ids:
            return []
        wanted = None if ids is None else set(ids)
        with self._lock:
            out: list[tuple[tuple[str, str, int], TimelineEntry]] = []
            for doc_id, _stage, data in self._current():
                if wanted is not None and doc_id not in wanted:
                    continue
                for position, e in enumerate(data.get("events") or []):
                    if entity and entity not in e["entities"]:
                        continue
                    out.append(((e["start"], doc_id, position), {
                        "document": doc_id, "title": self._doc_listing(doc_id).title,
                        "date": e["start"], "end": e["end"], "precision": e["precision"],
                        "sentence": e["sentence"], "entities": list(e["entities"])}))
            return [row for _key, row in sorted(out, key=lambda kv: kv[0])][:limit]

    def quotes(self, speaker_key: str | None = None, limit: int = 500) -> list[Quote]:
        with self._lock:
            out: list[tuple[tuple[int, str, str, int], Quote]] = []
            for doc_id, _stage, data in self._current():
                cols = self._doc_listing(doc_id)
                for position, q in enumerate(data.get("quotes") or []):
                    if speaker_key and q.get("speaker_key") != speaker_key:
                        continue
                    out.append(((*_date_order(cols.date, doc_id), position), {
                        "document": doc_id, "speaker": q.get("speaker"),
                        "speaker_key": q.get("speaker_key"), "text": q["text"],
                        "paragraph": q.get("paragraph"), "date": cols.date,
                        "title": cols.title}))
            return [row for _key, row in sorted(out, key=lambda kv: kv[0])][:limit]

    def places(self, limit: int = 500) -> list[Place]:
        with self._lock:
            found: dict[str, dict[str, Any]] = {}
            docs: dict[str, set[str]] = {}
            for doc_id, _stage, data in self._current():
                for p in data.get("places") or []:
                    found.setdefault(p["key"], p)
                    docs.setdefault(p["key"], set()).add(doc_id)
            keys = sorted(found, key=lambda k: (-len(docs[k]), k))[:limit]
            return [{"key": k, "name": found[k]["name"], "lat": found[k]["lat"],
                     "lon": found[k]["lon"], "country": found[k].get("country"),
                     "documents": len(docs[k])} for k in keys]

    # -- users' corrections of entities ---------------------------------------------------------

    def add_correction(self, request: CorrectionRequest) -> EntityCorrection:
        with self._lock:
            made: EntityCorrection = {
                "id": len(self._corrections) + 1, "action": request.action,
                "key": request.key, "into": request.into, "name": request.name,
                "names": list(request.names), "documents": list(request.documents),
                "mentions": copy.deepcopy(request.mentions), "note": request.note,
                "by": request.by, "at": _now(), "undone_by": None, "undone_at": None}
            self._corrections.append(made)
            self._touch(made)
            return copy.deepcopy(made)

    def undo_correction(self, correction_id: int, by: str) -> EntityCorrection:
        with self._lock:
            if not 1 <= correction_id <= len(self._corrections):
                raise NotFound(f"no correction {correction_id}: list them with"
                               " `cablewire entity corrections`")
            found = self._corrections[correction_id - 1]
            if found["undone_at"] is not None:
                raise UsageError(f"correction {correction_id} was undone already"
                                 f" ({found['undone_at']}, by {found['undone_by']})")
            found["undone_by"], found["undone_at"] = by, _now()
            self._touch(found)
            return copy.deepcopy(found)

    def corrections(self) -> list[EntityCorrection]:
        with self._lock:
            return copy.deepcopy(self._corrections)

    def _touch(self, changed: EntityCorrection) -> None:
        """A new change number for every document naming a key linked to `changed`."""
        keys = keymap.affected_keys(self._corrections,
                                    [k for k in (changed["key"], changed["into"]) if k])
        ids = sorted({doc_id for doc_id, _stage, data in self._found()
                      for e in data.get("entities") or [] if e["key"] in keys})
        for doc_id in ids:
            self._seq += 1
            self._docs[doc_id].seq = self._seq

    def close(self) -> None:
        pass
