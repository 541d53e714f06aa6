"""Ingest: idempotent, revision-keeping, and safe to kill at any moment."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from cablewire.archive import Archive
from cablewire.pipeline import ingest
from cablewire.settings import Settings
from cablewire.store import open_store

from .conftest import SAMPLE, SEEDS

CABLES = SAMPLE / "cablegate-sample.tar.xz"


def _settings(db: Path | str, **kw: object) -> Settings:
    return Settings.resolve(env={}, db=str(db), **{"enrich": "no", **kw})


def _content(db: Path | str) -> dict[str, object]:
    """Everything that must be equal between two archives of the same input, read through the
    store protocol (so it reads either store)."""
    store = open_store(str(db))
    try:
        ids = sorted(doc_id for _seq, doc_id in store.change_ids_since(0))
        revisions = [(i, r["revision"], r["content_hash"], r["source"], r["current"])
                     for i in ids for r in store.revisions(i)]
        stats = store.stats()
        stats.pop("database_bytes")
        return {
            "revisions": revisions,
            "documents": store.listing(ids),
            "stats": stats,
            "failures": [(f["source"], f["error"]) for f in store.failures()],
            "citations": store.citations_from(ids),
            "originals": [hashlib.sha256(store.original(i, n) or b"").hexdigest()
                          for i, n, *_rest in revisions],
        }
    finally:
        store.close()


def _indexed(db: Path | str) -> int:
    with Archive.open(_settings(db)) as archive:
        return int(archive.index.searcher().num_docs)


def test_reingest_changes_nothing(new_archive: str) -> None:
    db = new_archive
    first = ingest([SEEDS, CABLES], _settings(db, workers=2))
    assert first.summary.new >= 301 and first.summary.updated == 0
    before = _content(db)
    second = ingest([SEEDS, CABLES], _settings(db, workers=2))
    assert second.summary.new == 0 and second.summary.updated == 0
    assert second.summary.unchanged == first.summary.new
    assert second.progress.skipped == first.progress.sources - first.summary.failed
    assert _content(db) == before
    assert _indexed(db) == first.summary.new


def test_changed_content_is_a_new_revision(new_archive: str, tmp_path: Path) -> None:
    db = new_archive
    seed = (SEEDS / "000_8f450616689684b3.txt").read_text()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cable.txt").write_text(seed)
    ingest([folder], _settings(db, workers=1))
    (folder / "cable.txt").write_text(seed.replace("choir boys", "choirboys"))
    report = ingest([folder], _settings(db, workers=1))
    assert report.summary.updated == 1
    with Archive.open(_settings(db)) as archive:
        shown = archive.show("09BAMAKO387")
        assert [r["revision"] for r in shown["revisions"]] == [1, 2]
        assert "choirboys" in shown["document"]["body"]
        assert "choir boys" in archive.store.get("09BAMAKO387", revision=1)["body"]
        assert archive.search('"choir boys"')["total"] == 0
        assert archive.search("choirboys")["total"] == 1
    assert _indexed(db) == 1


def test_kill_during_ingest_then_resume_equals_one_clean_run(tmp_path: Path) -> None:
    clean = tmp_path / "clean.db"
    ingest([SEEDS, CABLES], _settings(clean, workers=1))

    killed = tmp_path / "killed.db"
    env = dict(os.environ, CABLEWIRE_BATCH_SIZE="5", CABLEWIRE_WORKERS="1", CABLEWIRE_ENRICH="no")
    proc = subprocess.Popen(
        [sys.executable, "-m", "cablewire", "ingest", str(SEEDS), str(CABLES),
         "--db", str(killed)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            con = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=0.1)
            written = con.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if written >= 40:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 40 <= written < 302

    report = ingest([SEEDS, CABLES], _settings(killed, workers=2))
    assert report.progress.skipped >= 35  # what the killed run committed is not parsed again
    assert _content(killed) == _content(clean)
    documents = len(_content(clean)["documents"])  # type: ignore[arg-type]
    assert _indexed(killed) == _indexed(clean) == documents
    shutil.rmtree(str(killed) + ".index")
    with Archive.open(_settings(killed)) as archive:  # a lost index is rebuilt from the store
        assert archive.search("kind:cable")["total"] == 301
