"""A shared archive: two ingests and a reader at once, on each store, lose nothing, double
nothing, keep every revision and leave the change sequence without gaps; the server's workers
and tokens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from cablewire.archive import Archive
from cablewire.pipeline import ingest
from cablewire.settings import Settings
from cablewire.store import open_store
from tests.conftest import SAMPLE, SEEDS, archive_uri

SEED_CABLE = SEEDS / "000_8f450616689684b3.txt"


def _inputs(folder: Path) -> tuple[list[str], list[str]]:
    """Two ingests' inputs that overlap: both hold the seed pair; the second also a fragment of
    the seed cable (a second revision, never current) and the news sample."""
    cut = folder / "cut"
    cut.mkdir()
    (cut / "bamako-387-cut.txt").write_bytes(SEED_CABLE.read_bytes()[:300])
    first = [str(SEEDS), str(SAMPLE / "cablegate-sample.tar.xz")]
    second = [str(SAMPLE / "bbc-sample.tar.xz"), str(SEEDS), str(cut)]
    return first, second


def _state(db: str) -> dict[str, Any]:
    store = open_store(db)
    try:
        changes = list(store.change_ids_since(0))
        ids = sorted(i for _s, i in changes)
        stats = store.stats()
        return {
            "ids": ids,
            "revisions": {i: sorted(r["content_hash"] for r in store.revisions(i)) for i in ids},
            "current": {i: store.get(i) for i in ids},
            "documents": stats["documents"], "revision_count": stats["revisions"],
            "sources": stats["sources"], "max_seq": store.max_seq(),
            "seqs": sorted(s for s, _i in changes),
        }
    finally:
        store.close()


def test_two_ingests_and_a_reader_at_once(new_archive: str, tmp_path: Path,
                                          request: pytest.FixtureRequest) -> None:
    first, second = _inputs(tmp_path)
    # What one ingest after the other makes (in SQLite: the reference).
    reference = str(tmp_path / "reference.db")
    for paths in (first, second):
        ingest(paths, Settings.resolve(env={}, db=reference, workers=1, enrich="no"))
    expected = _state(reference)
    assert expected["documents"] == 452 and expected["revision_count"] == 453

    index = str(tmp_path / "shared.index")
    env = dict(os.environ, CABLEWIRE_BATCH_SIZE="10", CABLEWIRE_WORKERS="1",
               CABLEWIRE_ENRICH="no", CABLEWIRE_INDEX=index)
    settings = Settings.resolve(env={}, db=new_archive, index=index, enrich="no")
    open_store(new_archive, create=True).close()
    seen: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            with Archive.open(settings) as archive:
                archive.catch_up_every = 0
                while not done.is_set():
                    seen.append((archive.store.max_seq(),
                                 archive.search("kind:cable", limit=1)["total"]))
                    archive.show("09BAMAKO387") if archive.store.find_id("09BAMAKO387") else None
                    time.sleep(0.05)
        except BaseException as exc:  # the test thread reports it
            failures.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    procs = [subprocess.Popen([sys.executable, "-m", "cablewire", "ingest", *paths, "--db",
                               new_archive], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for paths in (first, second)]
    outputs = [p.communicate(timeout=600) for p in procs]
    done.set()
    reader.join(60)
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    assert not failures, failures

    found = _state(new_archive)
    assert found["ids"] == expected["ids"]  # nothing lost
    assert found["revisions"] == expected["revisions"]  # every revision, none twice
    assert found["current"] == expected["current"]
    assert (found["documents"], found["revision_count"], found["sources"]) == (
        expected["documents"], expected["revision_count"], expected["sources"])
    # No gaps: one number per change (a new document, or a new current revision), each taken
    # by a change that committed; the reader saw the sequence only grow.
    assert found["max_seq"] == expected["max_seq"] == 452
    assert len(set(found["seqs"])) == len(found["seqs"]) and found["seqs"][-1] == 452
    assert len(seen) >= 3
    assert [s for s, _t in seen] == sorted(s for s, _t in seen)
    assert [t for _s, t in seen] == sorted(t for _s, t in seen)
    with Archive.open(settings) as archive:
        assert archive.search("kind:cable")["total"] == 301
        assert archive.search("kind:article")["total"] == 151


def test_a_second_sqlite_writer_waits_then_says_so(tmp_path: Path) -> None:
    """SQLite takes one writer at a time: the second waits, and past its timeout gets a clear
    message, never a broken file."""
    from cablewire.errors import StoreBusy
    from cablewire.store import SQLiteStore

    db = str(tmp_path / "a.db")
    holder = SQLiteStore(db, create=True)
    waiting = SQLiteStore(db, busy_timeout_ms=200)
    try:
        holder.db.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreBusy, match="another cablewire process is writing"):
            waiting.write_batch([])
        holder.db.execute("ROLLBACK")
        assert waiting.write_batch([]).to_dict() == {"new": 0, "updated": 0, "unchanged": 0,
                                                     "failed": 0}
    finally:
        holder.close()
        waiting.close()


# -- serve --workers N on the server store, with both tokens -------------------------------------

WRITE = "write-token-for-tests"
READ = "read-token-for-tests"


def _call(url: str, token: str | None = None, data: bytes | None = None) -> tuple[int, bytes]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    req = urllib.request.Request(url, data=data, headers=headers,
                                 method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_with_workers_on_postgres(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import json

    db = archive_uri("postgres", tmp_path, request, "serve")
    index = tmp_path / "served.index"
    ingest([str(SEEDS)], Settings.resolve(env={}, db=db, index=str(index), workers=1,
                                          enrich="no"))
    port = _free_port()
    env = dict(os.environ, CABLEWIRE_INDEX=str(index), CABLEWIRE_ENRICH="no")
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 (closed after the server)
    server = subprocess.Popen(
        [sys.executable, "-m", "cablewire", "serve", "--db", db, "--port", str(port),
         "--workers", "2", "--token", WRITE, "--read-token", READ],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _call(f"{base}/api/stats", READ)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"the server did not start: {(tmp_path / 'serve.log').read_text()}")
        status, body = _call(f"{base}/api/search?q=AQIM")
        assert status == 401 and json.loads(body)["error"]["type"] == "Unauthorized"
        assert _call(f"{base}/api/search?q=AQIM", "wrong")[0] == 401
        status, body = _call(f"{base}/api/search?q=AQIM", READ)
        assert status == 200 and json.loads(body)["total"] == 2
        article = b"Mali coup\n\nSoldiers seized the palace in Bamako on Thursday, Tessalit fell."
        upload = f"{base}/api/documents?name=coup.txt"
        assert _call(upload, READ, data=article)[0] == 401  # the read token cannot write
        status, body = _call(upload, WRITE, data=article)
        assert status == 201, body
        # Whichever worker answers catches its index up with the store within a second.
        time.sleep(1.5)
        totals = {json.loads(_call(f"{base}/api/search?q=Tessalit", READ)[1])["total"]
                  for _ in range(6)}
        assert totals == {2}
    finally:
        os.killpg(server.pid, 15)
        server.wait(30)
        log.close()
    shutil.rmtree(index, ignore_errors=True)
