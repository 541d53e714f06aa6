"""Copying an archive from one store to another (SQLite to PostgreSQL and back), through the
`Store` protocol alone, so it works between any two stores.

What is copied: every revision of every document with the original bytes it was read from and
the source that gave it, the failed sources with their reasons, and every stage's result for
each document's current revision (with the version and inputs it was made at). The destination
chooses the current revisions again by the same rule, so they come out the same; derived rows
(entities, places, events, quotes, citations) follow from what is written. Ingest times are
those of the copy.

Revisions are written source by source, in the order they were first ingested (a document's
revisions keep their numbers), one transaction per `batch` sources. A copy that stops is
resumed by running it again: a source the destination already holds (`source_seen`) is not
written twice, and a stage result already there changes nothing. At the end the counts of both
stores are compared and a difference is a `StoreError`.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cablewire.errors import StoreError
from cablewire.store.base import SourceResult, StageResult, Store

BATCH_SOURCES = 100
RESULTS_PER_WRITE = 500


@dataclass
class CopyReport:
    """What a copy wrote, and the counts both stores agree on at the end."""

    sources: int = 0          # sources written now (a resumed copy skips those it had)
    skipped: int = 0          # sources the destination already held
    failures: int = 0
    results: int = 0          # stage results written now
    counts: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"sources": self.sources, "skipped": self.skipped, "failures": self.failures,
                "results": self.results, "counts": self.counts}


@dataclass
class _Group:
    """One source as the archive remembers it: the revisions it gave, of any documents."""

    label: str
    blob: str
    first: str                                   # when its first revision was ingested
    revisions: list[tuple[str, int]] = field(default_factory=list)


def _groups(source: Store, ids: list[str]) -> list[_Group]:
    """The sources in an order that keeps each document's revisions in their order: by when
    they were ingested, each source after those that gave a document's earlier revisions."""
    groups: dict[tuple[str, str], _Group] = {}
    after: dict[tuple[str, str], set[tuple[str, str]]] = {}
    waiting: dict[tuple[str, str], int] = {}
    for doc_id in ids:
        previous: tuple[str, str] | None = None
        for rev in source.revisions(doc_id):
            original = source.original(doc_id, rev["revision"]) or b""
            key = (rev["source"], hashlib.sha256(original).hexdigest())
            group = groups.setdefault(key, _Group(key[0], key[1], rev["ingested_at"]))
            group.first = min(group.first, rev["ingested_at"])
            group.revisions.append((doc_id, rev["revision"]))
            waiting.setdefault(key, 0)
            if previous is not None and previous != key and key not in after.setdefault(
                    previous, set()):
                after[previous].add(key)
                waiting[key] += 1
            previous = key
    ready = [(g.first, g.label, g.blob) for key, g in groups.items() if waiting[key] == 0]
    heapq.heapify(ready)
    out: list[_Group] = []
    while ready:
        _first, label, blob = heapq.heappop(ready)
        out.append(groups[(label, blob)])
        for nxt in after.get((label, blob), ()):
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, (groups[nxt].first, nxt[0], nxt[1]))
    if len(out) != len(groups):  # revisions that contradict each other's order
        raise StoreError("the source archive's revisions are in no order that can be copied")
    return out


def _source_results(source: Store, groups: list[_Group]) -> Iterator[SourceResult]:
    for group in groups:
        first_id, first_revision = group.revisions[0]
        data = source.original(first_id, first_revision) or b""
        documents = [source.get(doc_id, number) for doc_id, number in group.revisions]
        yield SourceResult(group.label, group.blob, data,
                           documents=[d for d in documents if d is not None])


def counts(store: Store) -> dict[str, Any]:
    """What a copy must leave equal: documents, revisions, failed sources, documents by kind,
    stage results by stage and version."""
    stats = store.stats()
    return {"documents": stats["documents"], "revisions": stats["revisions"],
            "failed": stats["sources"]["failed"], "by_kind": stats["by_kind"],
            "stage_results": store.stage_counts()}


def copy_archive(source: Store, dest: Store, batch: int = BATCH_SOURCES,
                 on_progress: Callable[[CopyReport], None] | None = None) -> CopyReport:
    """Copy the archive in `source` into `dest` (new, or a copy that stopped); returns what
    was written. Raises `StoreError` when the counts differ at the end."""
    report = CopyReport()
    ids = sorted(doc_id for _seq, doc_id in source.change_ids_since(0))
    pending: list[SourceResult] = []
    for result in _source_results(source, _groups(source, ids)):
        if dest.source_seen(result.label, result.sha256) is not None:
            report.skipped += 1
            continue
        pending.append(result)
        if len(pending) >= batch:
            dest.write_batch(pending)
            report.sources += len(pending)
            pending = []
            if on_progress:
                on_progress(report)
    if pending:
        dest.write_batch(pending)
        report.sources += len(pending)
    failed = [SourceResult(f["source"], "", b"", error=f["error"]) for f in source.failures()]
    if failed:
        dest.write_batch(failed)
        report.failures = len(failed)
    results: list[StageResult] = []
    for doc_id in ids:
        revision = dest.revision_of(doc_id)
        if revision is None:
            continue
        origins = source.result_origins(doc_id)
        for stage, data in source.results(doc_id).items():
            version, inputs = origins[stage]
            results.append(StageResult(doc_id, stage, version, revision, data, inputs))
        if len(results) >= RESULTS_PER_WRITE:
            report.results += dest.write_results(results, indexed=True)
            results = []
    if results:
        report.results += dest.write_results(results, indexed=True)
    report.counts = counts(source)
    found = counts(dest)
    if found != report.counts:
        differ = sorted(k for k in found if found[k] != report.counts[k])
        raise StoreError(
            f"the copy in {dest.uri} does not match {source.uri} ({', '.join(differ)} differ:"
            f" {[found[k] for k in differ]} against {[report.counts[k] for k in differ]}):"
            " copy into an empty archive, or run the copy again to resume it")
    return report
