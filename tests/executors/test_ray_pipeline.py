"""The stages on Ray, through the pipeline, on a real local Ray cluster: the same results as the
local executor; an actor killed mid-batch loses nothing and doubles nothing; a batch that kills
every worker it meets is recorded per document and the run goes on.

The comparison runs every stage on a fixed subset of the bundled sample (the seed pair, every
20th cable and article: 25 documents) to keep the suite quick (`benchmarks/executors.py`
compares the whole sample); the fault tests run cheap stages on the seed pair and all 300
cables."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cablewire.executors import LocalExecutor
from cablewire.pipeline import STAGE_BATCH, StageProgress, enrich, ingest
from cablewire.plugins import plugin_manager
from cablewire.settings import Settings
from cablewire.stages import registered
from cablewire.store import open_store

from . import plugin

ray_executor = pytest.importorskip("cablewire.executors.ray")
RayExecutor = ray_executor.RayExecutor
SUBSET_DOCUMENTS = 25
ENRICHMENT = {"dates", "entities", "events", "quotes", "jargon", "vectors"}


@pytest.fixture
def test_stages() -> Iterator[None]:
    """The slow and crash stages, registered here for one test (the Ray workers always have
    them: they load the plugin when they start)."""
    pm = plugin_manager()
    pm.register(plugin, name="tests-executors")
    yield
    pm.unregister(plugin)


def _archive(folder: Path, db: Path) -> Settings:
    settings = Settings.resolve(env={}, db=str(db), enrich="no", workers=1)
    ingest([folder], settings, executor=LocalExecutor(1))
    return settings


def _results(db: Path) -> dict[str, dict[str, Any]]:
    store = open_store(str(db))
    try:
        return {doc_id: store.results(doc_id) for _, doc_id in store.change_ids_since(0)}
    finally:
        store.close()


def test_local_and_ray_give_identical_stage_results(ray_cluster: Any, sample_subset: Path,
                                                    tmp_path: Path) -> None:
    names = [s.name for s in registered() if s.available()]
    assert set(names) == ENRICHMENT, "the test extra installs every stage's model"
    found = {}
    for label, executor in (("local", LocalExecutor(1)), ("ray", RayExecutor(2))):
        db = tmp_path / f"{label}.db"
        settings = _archive(sample_subset, db)
        with executor:
            report = enrich(settings, names=names, executor=executor)
        assert report.failed == []
        assert report.written == {name: SUBSET_DOCUMENTS for name in names}
        found[label] = _results(db)
    assert len(found["local"]) == SUBSET_DOCUMENTS
    assert found["ray"] == found["local"]
    assert found["ray"]["09BAMAKO387"]["entities"] == found["local"]["09BAMAKO387"]["entities"]


def _copy(archive: str, tmp_path: Path) -> Settings:
    """A copy of the session's sample archive (the seed pair and the 300 cables, no stage
    run), for a test to write to."""
    db = tmp_path / "sample.db"
    shutil.copyfile(archive, db)
    return Settings.resolve(env={}, db=str(db), enrich="no", workers=1)


def _batches(total: int) -> list[int]:
    """Documents done after each batch of `STAGE_BATCH`, when each batch is written once."""
    return [min(total, end) for end in range(STAGE_BATCH, total + STAGE_BATCH, STAGE_BATCH)]


@pytest.mark.parametrize("sample_archive", ["sqlite"], indirect=True)  # (copied as a file)
def test_an_actor_killed_mid_batch_loses_nothing_and_doubles_nothing(
        ray_cluster: Any, sample_archive: str, tmp_path: Path, test_stages: None) -> None:
    settings = _copy(sample_archive, tmp_path)
    total = len(_results(Path(settings.db)))
    seen: list[int] = []
    killed: list[Any] = []
    with RayExecutor(2) as executor:
        def kill_once(progress: StageProgress) -> None:
            seen.append(progress.done)
            if not killed:  # the first batch is written; both actors are mid-batch
                killed.append(executor.holding()[0])
                ray_cluster.kill(killed[0])

        report = enrich(settings, names=["slow", "dates"], executor=executor,
                        on_progress=kill_once)
        assert executor.stats.lost_actors == 1
        assert executor.stats.retried >= 1
        assert executor.stats.items == len(_batches(total))
    assert total == 302
    assert seen == _batches(total)  # every batch once, in order: nothing lost, none twice
    assert report.failed == []
    assert report.written == {"slow": total, "dates": total}
    results = _results(Path(settings.db))
    assert all(set(r) == {"slow", "dates"} for r in results.values())
    store = open_store(settings.db)
    try:
        assert store.stage_counts() == {"slow": {"1": total}, "dates": {"1.1.0": total}}
        doc = store.get("09BAMAKO387")
        assert doc is not None
        assert results["09BAMAKO387"]["slow"] == plugin.run_slow(doc, {})
    finally:
        store.close()


@pytest.mark.parametrize("sample_archive", ["sqlite"], indirect=True)  # (copied as a file)
def test_a_batch_that_kills_every_worker_is_recorded_per_document(
        ray_cluster: Any, sample_archive: str, tmp_path: Path, test_stages: None) -> None:
    settings = _copy(sample_archive, tmp_path)
    total = len(_results(Path(settings.db)))
    with RayExecutor(2) as executor:
        report = enrich(settings, names=["crash"], executor=executor)
        assert executor.stats.failed_chunks == 1
    failed = {f["document"] for f in report.failed}
    assert plugin.DEADLY in failed
    assert 1 <= len(failed) <= STAGE_BATCH  # the deadly document's batch, and no other
    assert {(f["stage"], f["error"]) for f in report.failed} == {
        ("crash", "the worker died 3 times on this batch")}
    assert report.written == {"crash": total - len(failed)}
    store = open_store(settings.db)
    try:
        assert set(store.pending("crash", "1")) == failed  # nothing lost: a re-run retries them
    finally:
        store.close()
