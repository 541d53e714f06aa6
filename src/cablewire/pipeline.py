"""Ingest: sources -> parse (on every core) -> store (one writer) -> search index.

Sources already ingested with the same bytes are skipped before parsing, so a second run of the
same input does nothing and a run after a crash resumes where the last committed batch ended.
Each batch is one store transaction; the search index then catches up from the store.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cablewire.index.searchindex import SearchIndex
from cablewire.reading import Failure, parse_blob
from cablewire.settings import Settings
from cablewire.sources import Blob, iter_sources
from cablewire.store import open_store
from cablewire.store.base import BatchSummary, SourceResult

logger = logging.getLogger(__name__)
INDEX_EVERY_BATCHES = 10


@dataclass
class Progress:
    """How far an ingest has got; passed to the progress callback after every batch."""

    sources: int = 0
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


@dataclass
class IngestReport:
    summary: BatchSummary
    progress: Progress
    indexed: int

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "sources": self.progress.sources,
            "skipped_sources": self.progress.skipped,
            "indexed": self.indexed,
            "seconds": round(self.progress.elapsed, 2),
        }


def parse_source(blob: Blob) -> SourceResult:
    """Parse one source file into a `SourceResult` (runs in worker processes)."""
    sha = hashlib.sha256(blob.data).hexdigest()
    docs: list[dict[str, Any]] = []
    for result in parse_blob(blob):
        if isinstance(result, Failure):
            return SourceResult(blob.path, sha, blob.data, error=result.error)
        docs.append(result.to_dict())
    return SourceResult(blob.path, sha, blob.data, documents=docs)


def _pending(blobs: Iterable[Blob], seen: Callable[[str, str], int | None],
             progress: Progress, summary: BatchSummary) -> Iterator[Blob]:
    """The sources not yet ingested with these bytes; the others count as unchanged."""
    for blob in blobs:
        if blob.error is None:
            documents = seen(blob.path, hashlib.sha256(blob.data).hexdigest())
            if documents is not None:
                progress.skipped += 1
                progress.sources += 1
                summary.unchanged += documents
                continue
        yield blob


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Ingest every document under `paths` into the archive `settings.db`."""
    workers = settings.workers or os.cpu_count() or 1
    store = open_store(settings.db)
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 else None
    try:
        index = SearchIndex.for_store(store, settings.index_heap_mb)
        index.sync(store)  # catch up with anything a crashed run stored but did not index
        progress = Progress()
        summary = BatchSummary()
        pending = _pending(iter_sources(paths), store.source_seen, progress, summary)
        results: Iterable[SourceResult] = (
            pool.imap(parse_source, pending, chunksize=4) if pool else map(parse_source, pending)
        )
        batch: list[SourceResult] = []
        batches = 0
        indexed = 0
        for result in results:
            if result.error is None:
                progress.documents += len(result.documents)
            else:
                progress.failed += 1
            progress.sources += 1
            batch.append(result)
            if len(batch) >= settings.batch_size:
                summary.add(store.write_batch(batch))
                batch = []
                batches += 1
                if batches % INDEX_EVERY_BATCHES == 0:
                    indexed += index.sync(store)
                if on_progress:
                    on_progress(progress)
        if batch:
            summary.add(store.write_batch(batch))
        indexed += index.sync(store)
        if on_progress:
            on_progress(progress)
        return IngestReport(summary, progress, indexed)
    finally:
        if pool is not None:
            pool.terminate()
        store.close()
