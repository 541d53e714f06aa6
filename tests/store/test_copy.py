"""`cablewire copy`: an archive moved between stores keeps every revision, original, failure
and stage result, resumes after a stop, and checks its counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import SAMPLE, SEEDS, archive_uri

from cablewire.archive import Archive
from cablewire.cli import main
from cablewire.errors import StoreError
from cablewire.pipeline import ingest
from cablewire.settings import Settings
from cablewire.store import open_store
from cablewire.store.base import StageResult, Store
from cablewire.store.copy import CopyReport, copy_archive

SEED_CABLE = SEEDS / "000_8f450616689684b3.txt"


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite archive with two revisions of a cable, a failed source, the cable sample and
    a stage result."""
    tmp_path = tmp_path_factory.mktemp("copy")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cut.txt").write_bytes(SEED_CABLE.read_bytes()[:300])
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    db = str(tmp_path / "original.db")
    settings = Settings.resolve(env={}, db=db, workers=2, enrich="no")
    ingest([str(folder)], settings)
    ingest([str(SEEDS), str(SAMPLE / "cablegate-sample.tar.xz")], settings)
    store = open_store(db)
    try:
        revision = store.revision_of("09BAMAKO387")
        assert revision is not None
        store.write_results([StageResult("09BAMAKO387", "toy", "2", revision, {"words": 7},
                                         inputs="entities=1")], indexed=True)
    finally:
        store.close()
    return db


def _everything(db: str) -> dict[str, Any]:
    store: Store = open_store(db)
    try:
        ids = sorted(i for _s, i in store.change_ids_since(0))
        return {
            "documents": {i: store.get(i) for i in ids},
            "revisions": {i: [(r["revision"], r["source"], r["content_hash"], r["current"],
                               r["completeness"]) for r in store.revisions(i)] for i in ids},
            "originals": {i: [store.original(i, r["revision"]) for r in store.revisions(i)]
                          for i in ids},
            "current": {i: store.current(i) for i in ids},
            "results": {i: (store.results(i), store.result_origins(i)) for i in ids},
            "failures": [(f["source"], f["error"]) for f in store.failures()],
            "citations": store.citations_from(ids),
            "stage_counts": store.stage_counts(),
        }
    finally:
        store.close()


def test_copy_to_postgres_and_back_keeps_everything(
        original: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    server_db = archive_uri("postgres", tmp_path, request, "copy")
    back = str(tmp_path / "back.db")
    before = _everything(original)
    assert len(before["revisions"]["09BAMAKO387"]) == 2
    assert len(before["failures"]) == 1
    assert before["stage_counts"] == {"toy": {"2": 1}}

    out = CliRunner().invoke(main, ["copy", original, server_db, "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["counts"]["documents"] == len(before["documents"]) == 302
    assert report["counts"]["revisions"] == 303
    assert (report["skipped"], report["failures"], report["results"]) == (0, 1, 1)
    assert _everything(server_db) == before

    out = CliRunner().invoke(main, ["copy", server_db, back])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("copied 302 documents (303 revisions, 1 failed sources)")
    assert _everything(back) == before
    with Archive.open(Settings.resolve(env={}, db=server_db)) as archive:
        assert archive.search('"choir boys"')["total"] == 1
        assert archive.search("kind:cable")["total"] == 301


def test_a_stopped_copy_resumes(original: str, new_archive: str) -> None:
    class Stop(Exception):
        pass

    def stop_after_two_batches(report: CopyReport) -> None:
        if report.sources >= 20:
            raise Stop

    source = open_store(original)
    dest = open_store(new_archive, create=True)
    try:
        with pytest.raises(Stop):
            copy_archive(source, dest, batch=10, on_progress=stop_after_two_batches)
        assert dest.stats()["documents"] == 20
        with pytest.raises(StoreError, match="does not match"):  # a copy of another archive
            copy_archive(open_store("memory:"), dest)
        report = copy_archive(source, dest, batch=10)
        assert report.skipped == 20
        assert report.counts == {"documents": 302, "revisions": 303, "failed": 1,
                                 "by_kind": {"cable": 301, "article": 1},
                                 "stage_results": {"toy": {"2": 1}}}
    finally:
        source.close()
        dest.close()
    assert _everything(new_archive) == _everything(original)
