"""The pipeline: sources -> parse -> store -> stages -> search index.

Work runs on an executor (`cablewire.executors`: a local process pool by default, or Ray
actors), made before any store connection is opened; every write goes through the store, in
this process. Sources already ingested with the same bytes are skipped before parsing, so a
second run of the same input does nothing and a run after a crash resumes where the last
committed batch ended. Stages (`cablewire.stages`) then run on the documents whose current
revision lacks their result, and the search index catches up from the store once at the end,
so each document is indexed once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cablewire.budget import OverBudget, within
from cablewire.errors import CablewireError, StageError, UsageError
from cablewire.executors import Executor, make_executor
from cablewire.index.searchindex import SearchIndex
from cablewire.index.vectorindex import VectorIndex
from cablewire.model.listing import with_id
from cablewire.reading import Failure, parse_blob
from cablewire.settings import Settings
from cablewire.sources import Blob, iter_sources
from cablewire.stages import Result, Stage, inputs_of, registered, with_needs
from cablewire.store import open_store
from cablewire.store.base import BatchSummary, SourceResult, StageResult, Store

logger = logging.getLogger(__name__)
INDEX_EVERY_BATCHES = 10
STAGE_BATCH = 16


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
class StageProgress:
    """How far a run of the stages has got; passed to the progress callback after every batch
    is written."""

    total: int
    done: int = 0
    failed: int = 0
    """Documents with at least one stage failed."""
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Documents per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def left(self) -> float | None:
        """Seconds left at the rate so far (None before the first batch)."""
        return (self.total - self.done) / self.rate if self.rate > 0 else None


@dataclass
class StageReport:
    """What a run of the stages did: results written (by stage), failures, time."""

    written: dict[str, int] = field(default_factory=dict)
    enriched: int = 0
    """Documents that got a new result of at least one stage."""
    failed: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    read_seconds: float = 0.0
    """Of `seconds`, the time this process spent reading documents out of the store for the
    workers; with `write_seconds`, the share of the run that more workers cannot shorten."""
    write_seconds: float = 0.0
    """Of `seconds`, the time the store's single writer spent writing results."""

    def to_dict(self) -> dict[str, Any]:
        return {"enriched": self.enriched, "written": self.written, "failed": self.failed,
                "seconds": round(self.seconds, 2), "read_seconds": round(self.read_seconds, 2),
                "write_seconds": round(self.write_seconds, 2)}


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


def stages_for(settings: Settings) -> list[Stage]:
    """The stages ingest runs: `enrich=no` none, `yes` all (a missing extra is an error),
    `auto` those whose extras are installed."""
    choice = settings.enrich.lower()
    if choice in ("no", "false", "0", "off"):
        return []
    if choice in ("yes", "true", "1", "on"):
        return registered()
    if choice != "auto":
        raise UsageError(f"enrich must be yes, no or auto, not {settings.enrich!r}")
    return [s for s in registered() if s.available()]


# -- parsing -----------------------------------------------------------------------------------


def parse_source(blob: Blob, sha: str | None = None, budget: float = 0) -> SourceResult:
    """Parse one source file into a `SourceResult` (runs in worker processes); `sha` is the
    hash of its bytes when the caller has it already. Every document gets its id here. Over
    `budget` seconds (0: none) the source is a failure that says so."""
    sha = sha or hashlib.sha256(blob.data).hexdigest()
    docs: list[dict[str, Any]] = []
    try:
        with within(budget):
            for result in parse_blob(blob):
                if isinstance(result, Failure):
                    return SourceResult(blob.path, sha, blob.data, error=result.error)
                docs.append(with_id(result.to_dict()))
    except OverBudget as over:
        logger.warning("%s: %s", blob.path, over)
        return SourceResult(blob.path, sha, blob.data, error=str(over))
    return SourceResult(blob.path, sha, blob.data, documents=docs)


def _parse_pending(item: tuple[Blob, str, float]) -> SourceResult:
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


def write_sources(store: Store, index: SearchIndex | None, results: Iterable[SourceResult],
                  settings: Settings, progress: Progress, summary: BatchSummary,
                  on_progress: Callable[[Progress], None] | None = None) -> None:
    """Write parsed sources in batches of `settings.batch_size` (one transaction each); with an
    `index`, it catches up every few batches."""
    batch: list[SourceResult] = []
    batches = 0
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
            if index is not None and batches % INDEX_EVERY_BATCHES == 0:
                index.sync(store)
            if on_progress:
                on_progress(progress)
    if batch:
        summary.add(store.write_batch(batch))


def ingest(
    paths: Iterable[str],
    settings: Settings,
    on_progress: Callable[[Progress], None] | None = None,
    executor: Executor | None = None,
    on_stage_progress: Callable[[StageProgress], None] | None = None,
) -> IngestReport:
    """Ingest every document under `paths` into the archive `settings.db` (made when it does
    not exist), run the stages `settings.enrich` asks for, and bring the index up to date.
    `on_progress` hears after each batch read, `on_stage_progress` after each batch
    of the stages."""
    paths = list(paths)
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}; check the path (ingest"
                         " reads files, folders, .tar.* and .zip archives)")
    stages = stages_for(settings)
    with _working(settings, executor, create=True) as (executor, store):
        index = SearchIndex.for_store(store, settings.index_heap_mb, settings.index or None)
        indexed = index.sync(store)  # anything a crashed run stored but did not index
        progress = Progress()
        summary = BatchSummary()
        pending = _pending(iter_sources(paths), store.source_seen, progress, summary)
        budget = settings.time_budget
        results = executor.map(_parse_pending, ((blob, sha, budget) for blob, sha in pending),
                               chunksize=4)
        # With stages to run, the index waits for them: each document is indexed once.
        write_sources(store, None if stages else index, results, settings, progress,
                      summary, on_progress)
        if on_progress:
            on_progress(progress)
        report = IngestReport(summary, progress, 0)
        if stages:
            report.enriched = run_stages(store, stages, executor, on_stage_progress,
                                         budget=budget).enriched
        report.indexed = indexed + index.sync(store)
        if stages:
            VectorIndex.beside(index.path).sync(store)
        return report


@contextmanager
def _working(settings: Settings, executor: Executor | None, create: bool = False
             ) -> Iterator[tuple[Executor, Store]]:
    """An executor (made first, so its workers fork before any connection is opened, unless
    the caller brings one) and the archive's store; both closed after."""
    own = executor is None
    executor = executor or make_executor(settings)
    try:
        store = open_store(settings.db, create=create)
        try:
            yield executor, store
        finally:
            store.close()
    finally:
        if own:
            executor.close()


# -- stages ------------------------------------------------------------------------------------


@dataclass
class _Item:
    """One document for the workers: its JSON form, the stored results of the stages it needs
    that are not re-run, and the stages to run on it, in order."""

    doc: dict[str, Any]
    revision: int
    given: dict[str, Result]
    todo: list[str]
    budget: float = 0
    """Seconds the document's stages may take together (0: no budget)."""


def _run_batch(items: list[_Item]) -> list[tuple[str, int, dict[str, Result], dict[str, str]]]:
    """Run each item's stages (in a worker): (document, revision, results, errors by stage)."""
    by_name = {s.name: s for s in registered()}
    out = []
    prepared: set[str] = set()
    missing = {name for item in items for name in item.todo} - set(by_name)
    if missing:
        raise StageError(f"no stage named {', '.join(sorted(missing))} in this worker: install"
                         " the plugin that provides it where the workers run")
    for item in items:
        results: dict[str, Result] = {}
        errors: dict[str, str] = {}
        deadline = time.monotonic() + item.budget
        for name in item.todo:
            stage = by_name[name]
            needs = {n: results.get(n, item.given.get(n)) for n in stage.needs}
            if any(v is None for v in needs.values()):
                errors[name] = "a stage it needs failed on this document"
                continue
            try:
                if stage.prepare is not None and name not in prepared:
                    stage.prepare()
                    prepared.add(name)
                assert stage.run is not None
                given = {k: v for k, v in needs.items() if v is not None}
                if item.budget > 0:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise OverBudget(item.budget)
                    with within(left):
                        results[name] = stage.run(item.doc, given)
                else:
                    results[name] = stage.run(item.doc, given)
            except OverBudget:
                logger.warning("stage %s went over the time budget on %s", name,
                               item.doc.get("id"))
                errors[name] = str(OverBudget(item.budget))
            except CablewireError:
                raise
            except Exception as exc:  # one document must not stop the run: report it
                logger.exception("stage %s failed on %s", name, item.doc.get("id"))
                errors[name] = f"{type(exc).__name__}: {exc}"
        out.append((str(item.doc["id"]), item.revision, results, errors))
    return out


def _batch_failed(items: list[_Item], reason: str
                  ) -> list[tuple[str, int, dict[str, Result], dict[str, str]]]:
    """A batch whose work failed as a whole (its worker died on it every time): each of its
    documents fails each stage it had to run, with the reason; none gets a result."""
    return [(str(item.doc["id"]), item.revision, {}, {name: reason for name in item.todo})
            for item in items]


def pending_by_stage(store: Store, stages: list[Stage]) -> dict[str, list[str]]:
    """For each stage, the documents it still has to do."""
    known = {s.name: s for s in registered()}
    return {s.name: store.pending(s.name, s.version, inputs_of(s, known)) for s in stages}


def run_stages(store: Store, stages: list[Stage], executor: Executor,
               on_progress: Callable[[StageProgress], None] | None = None, budget: float = 0
               ) -> StageReport:
    """Run `stages` (and nothing else) on every document that lacks their current result; a
    document whose stages take more than `budget` seconds (0: no budget) is a failure."""
    started = time.monotonic()
    known = {s.name: s for s in registered()}
    report = StageReport()
    per_doc = [s for s in stages if s.run is not None]
    across = [s for s in stages if s.run is None]
    for stage in per_doc:
        if any(known[n].run is None for n in stage.needs):
            raise UsageError(f"stage {stage.name!r} runs per document but needs a stage that"
                             " works across documents; that order is not supported")
    pending = pending_by_stage(store, stages)
    order = list(dict.fromkeys(i for s in per_doc for i in pending[s.name]))
    todo_of = {s.name: set(pending[s.name]) for s in per_doc}
    for stage in per_doc:
        if stage.prepare is not None and order:
            stage.prepare()  # fail early, with the install hint, before any work is sent
    written_docs: set[str] = set()

    def items() -> Iterator[list[_Item]]:
        batch: list[_Item] = []
        for doc_id in order:
            reading = time.perf_counter()
            doc = store.get(doc_id)
            revision = store.revision_of(doc_id)
            if doc is None or revision is None:
                continue
            todo = [s.name for s in per_doc if doc_id in todo_of[s.name]]
            stored = store.results(doc_id) if any(known[n].needs for n in todo) else {}
            given = {n: stored[n] for t in todo for n in known[t].needs
                     if n not in todo and n in stored}
            batch.append(_Item(doc, revision, given, todo, budget))
            report.read_seconds += time.perf_counter() - reading
            if len(batch) >= STAGE_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    progress = StageProgress(len(order))
    for outcome in executor.map(_run_batch, items(), failed=_batch_failed):
        indexed: list[StageResult] = []
        plain: list[StageResult] = []
        for doc_id, revision, results, errors in outcome:
            for name, data in results.items():
                stage = known[name]
                row = StageResult(doc_id, name, stage.version, revision, data,
                                  inputs_of(stage, known))
                (indexed if stage.indexed else plain).append(row)
            for name, error in errors.items():
                report.failed.append({"document": doc_id, "stage": name, "error": error})
            progress.failed += bool(errors)
        writing = time.perf_counter()
        for rows, flag in ((plain, False), (indexed, True)):
            if rows and store.write_results(rows, indexed=flag):
                for row in rows:
                    report.written[row.stage] = report.written.get(row.stage, 0) + 1
                    written_docs.add(row.document)
        report.write_seconds += time.perf_counter() - writing
        progress.done += len(outcome)
        if on_progress:
            on_progress(progress)
    for stage in across:
        _run_across(store, stage, pending[stage.name], known, report, written_docs)
    report.enriched = len(written_docs)
    report.seconds = time.monotonic() - started
    return report


def _run_across(store: Store, stage: Stage, ids: list[str], known: dict[str, Stage],
                report: StageReport, written_docs: set[str]) -> None:
    """A feed/flush stage, in this process: feed it every pending document, then store what
    its flush gives."""
    assert stage.feed is not None and stage.flush is not None
    revisions: dict[str, int] = {}
    for doc_id in ids:
        doc = store.get(doc_id)
        revision = store.revision_of(doc_id)
        if doc is None or revision is None:
            continue
        stored = store.results(doc_id)
        if any(n not in stored for n in stage.needs):
            report.failed.append({"document": doc_id, "stage": stage.name,
                                  "error": "a stage it needs has no result for it"})
            continue
        revisions[doc_id] = revision
        stage.feed(doc, {n: stored[n] for n in stage.needs})
    rows = [StageResult(doc_id, stage.name, stage.version, revisions[doc_id], data,
                        inputs_of(stage, known))
            for doc_id, data in stage.flush() if doc_id in revisions]
    if rows and store.write_results(rows, indexed=stage.indexed):
        report.written[stage.name] = report.written.get(stage.name, 0) + len(rows)
        written_docs.update(row.document for row in rows)


def enrich(settings: Settings, on_progress: Callable[[StageProgress], None] | None = None,
           names: Iterable[str] | None = None, executor: Executor | None = None
           ) -> StageReport:
    """Run the named stages (default: every registered stage) and those they need on every
    document that lacks their current result; the index then takes the changes."""
    stages = with_needs(names) if names is not None else registered()
    with _working(settings, executor) as (executor, store):
        report = run_stages(store, stages, executor, on_progress, settings.time_budget)
        index = SearchIndex.for_store(store, settings.index_heap_mb, settings.index or None)
        index.sync(store)
        VectorIndex.beside(index.path).sync(store)
        return report


def stage_status(settings: Settings) -> list[dict[str, Any]]:
    """Every registered stage: its version, what it needs, whether it can run here, and how
    many documents it still has to do."""
    store = open_store(settings.db)
    try:
        stages = registered()
        pending = pending_by_stage(store, stages)
        counts = store.stage_counts()
        return [{"name": s.name, "version": s.version, "needs": list(s.needs),
                 "available": s.available(), "pending": len(pending[s.name]),
                 "done": counts.get(s.name, {}).get(s.version, 0),
                 "description": s.description} for s in stages]
    finally:
        store.close()
