"""The SQLite store: revisions, original bytes, failures, citations, migrations."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cablewire.store import SourceResult, open_store
from cablewire.store.migrations import MIGRATIONS, migrate
from cablewire.store.sqlite import SQLiteStore


def _result(label: str, data: bytes, docs: list[dict]) -> SourceResult:
    return SourceResult(label, hashlib.sha256(data).hexdigest(), data, documents=docs)


def _cable(body: str, refs: list[str] | None = None) -> dict:
    return {"kind": "cable", "id": "09BAMAKO387", "title": "T", "created": "2009-06-12T11:16:00",
            "origin": "Embassy Bamako", "classification": "CONFIDENTIAL", "tags": ["PTER", "ML"],
            "references": refs or [], "body": body, "source": {"path": "x", "form": "cable-html"}}


def test_new_unchanged_and_updated_revisions(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "a.db"))
    first = store.write_batch([_result("a.html", b"page one", [_cable("one")])])
    assert first.to_dict() == {"new": 1, "updated": 0, "unchanged": 0, "failed": 0}
    # The same content from another path is the same document, unchanged.
    moved = dict(_cable("one"), source={"path": "elsewhere", "form": "cable-html"})
    again = store.write_batch([_result("b.html", b"page one", [moved])])
    assert again.to_dict() == {"new": 0, "updated": 0, "unchanged": 1, "failed": 0}
    # A later release of the same id with other content is a new revision.
    later = store.write_batch([_result("c.html", b"page two", [_cable("two")])])
    assert later.to_dict() == {"new": 0, "updated": 1, "unchanged": 0, "failed": 0}
    assert store.get("09BAMAKO387")["body"] == "two"
    assert store.get("09BAMAKO387", revision=1)["body"] == "one"
    assert [r["revision"] for r in store.revisions("09BAMAKO387")] == [1, 2]
    assert store.original("09BAMAKO387") == b"page two"
    assert store.original("09BAMAKO387", revision=1) == b"page one"


def test_failures_keep_their_bytes_and_reason(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "a.db"))
    bad = SourceResult("junk.bin", hashlib.sha256(b"\x00\x01").hexdigest(), b"\x00\x01",
                       error="this looks like a binary file")
    summary = store.write_batch([bad])
    assert summary.failed == 1
    assert store.failures()[0]["source"] == "junk.bin"
    assert store.failures()[0]["error"] == "this looks like a binary file"
    assert store.source_seen("junk.bin", bad.sha256) is None  # failed sources are retried
    blob = store.db.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    assert blob == 1


def test_citations_both_ways_and_ids(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "a.db"))
    store.write_batch([_result("a", b"a", [_cable("x", ["09BAMAKO186", "08STATE74879"])])])
    assert store.cites("09BAMAKO387") == ["09BAMAKO186", "08STATE74879"]
    assert store.cited_by("09BAMAKO186") == ["09BAMAKO387"]
    assert store.find_id("09bamako387") == "09BAMAKO387"
    assert store.values_like("origin", "embassy BAMAKO") == ["Embassy Bamako"]
    assert store.values_like("tag", "pter") == ["PTER"]


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = str(tmp_path / "a.db")
    store = open_store(path, create=True)  # only ingest creates an archive
    names = [r[0] for r in store.db.execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]
    assert migrate(store.db) == []
    store.close()
    assert SQLiteStore(path).max_seq() == 0


def test_a_file_that_is_not_an_archive_is_refused(tmp_path: Path) -> None:
    import pytest

    from cablewire.errors import InputError

    path = tmp_path / "notes.db"
    path.write_text("just some text, not SQLite" * 100)
    with pytest.raises(InputError, match="not a cablewire archive"):
        SQLiteStore(str(path))


def test_a_second_writer_waits_then_gets_a_clear_message(tmp_path: Path) -> None:
    import sqlite3

    import pytest

    from cablewire.errors import StoreBusy

    path = str(tmp_path / "a.db")
    SQLiteStore(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    store = SQLiteStore(path, busy_timeout_ms=200)
    with pytest.raises(StoreBusy, match="another cablewire process is writing"):
        store.write_batch([_result("a", b"a", [_cable("one")])])
    other.execute("ROLLBACK")
    assert store.write_batch([_result("a", b"a", [_cable("one")])]).new == 1
    other.close()
    store.close()


def _entities(*keys: str) -> dict:
    return {"entities": [{"key": k, "type": k.split(":")[0], "name": k, "aliases": [],
                          "facts": [], "mentions": [{"start": 0, "end": 1}]} for k in keys]}


def test_cross_reference_reads_indexes_and_stops_early(tmp_path: Path) -> None:
    from cablewire.store import StageResult
    from cablewire.store.sqlite_cast import CROSS_REFERENCE_SQL

    store = SQLiteStore(str(tmp_path / "a.db"))
    plan = " | ".join(row[3] for row in store.db.execute(
        "EXPLAIN QUERY PLAN " + CROSS_REFERENCE_SQL, {"id": "09BAMAKO387", "limit": 5}))
    assert "SEARCH entity_documents USING INDEX entity_documents_id (id=?)" in plan
    assert "SEARCH c USING INDEX sqlite_autoindex_entity_counts_1 (key=?)" in plan
    assert "SEARCH o USING INDEX entity_documents_strongest (key=?)" in plan
    assert "SCAN o" not in plan and "count(DISTINCT)" not in plan
    # Only the cast itself is sorted: each entity's documents come in the index's order, so
    # the scan stops after the few asked for.
    assert plan.count("USE TEMP B-TREE FOR ORDER BY") == 1
    # The rows carry their document's date, also when a new revision changes it.
    store.write_batch([_result("a", b"a", [_cable("one")])])
    store.write_results([StageResult("09BAMAKO387", "entities", "1", 1,
                                     _entities("place:mali"))])
    later = dict(_cable("two"), created="2009-07-01T00:00:00")
    store.write_batch([_result("b", b"b", [later])])
    assert store.db.execute("SELECT date FROM entity_documents").fetchall() == [
        ("2009-07-01T00:00:00",)]
    store.close()


def test_an_archive_from_before_the_cross_reference_gets_its_dates_and_counts(
        tmp_path: Path) -> None:
    import sqlite3

    path = str(tmp_path / "old.db")
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in MIGRATIONS[:4]:
        old.executescript(f"BEGIN; {sql}; INSERT INTO migrations VALUES ('{name}', 'x'); COMMIT;")
    old.execute("INSERT INTO documents VALUES ('09BAMAKO387', 'cable', 1, 'T', '2009-06-12',"
                " 2009, 'Embassy Bamako', 'CONFIDENTIAL', 1)")
    old.execute("INSERT INTO documents VALUES ('art1', 'article', 1, 'A', NULL, NULL, NULL,"
                " NULL, 2)")
    old.executemany("INSERT INTO entity_documents VALUES (?, ?, ?, 'place', 'Mali', ?)",
                    [("entities", "place:mali", "09BAMAKO387", 2), ("toy", "place:mali",
                      "09BAMAKO387", 1), ("entities", "place:mali", "art1", 4)])
    old.close()
    store = SQLiteStore(path)
    assert store.db.execute("SELECT * FROM entity_counts").fetchall() == [("place:mali", 2)]
    [mali] = store.cross_reference("09BAMAKO387")
    assert (mali["mentions"], mali["documents"]) == (2, 1)
    assert mali["strongest"] == [{"id": "art1", "kind": "article", "title": "A", "date": None,
                                  "mentions": 4}]
    assert store.cross_reference("art1")[0]["strongest"][0]["date"] == "2009-06-12"
    store.close()


def test_an_archive_from_before_the_current_revision_decides_it_again(tmp_path: Path) -> None:
    """Before migration 006 the newest revision was current, a fragment too; on opening, every
    document with more than one revision is decided again, and the index takes those that
    changed."""
    import json
    import sqlite3

    from cablewire.store.sqlite_revisions import pack

    full = dict(_cable("1. (C) AQIM are not choir boys, said the President."),
                paragraphs=[{"number": 1, "marking": "C", "heading": None, "text": "AQIM"}],
                warnings=[], references=["09BAMAKO186"])
    cut = dict(_cable("C O N F I D E N T I A L"), title="Cut", paragraphs=[],
               warnings=["empty body"])
    path = str(tmp_path / "old.db")
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in MIGRATIONS[:5]:
        old.executescript(f"BEGIN; {sql}; INSERT INTO migrations VALUES ('{name}', 'x'); COMMIT;")
    rows = [("09BAMAKO387", 1, "h1", pack(full), "full.txt", "b1", "2026-01-01"),
            ("09BAMAKO387", 2, "h2", pack(cut), "cut.txt", "b2", "2026-01-02"),
            ("09BAMAKO186", 1, "h3", pack(dict(full, id="09BAMAKO186")), "186.txt", "b3",
             "2026-01-01")]
    old.executemany("INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    old.execute("INSERT INTO documents VALUES ('09BAMAKO387', 'cable', 2, 'Cut', '2009-06-12',"
                " 2009, 'Embassy Bamako', 'CONFIDENTIAL', 2)")
    old.execute("INSERT INTO documents VALUES ('09BAMAKO186', 'cable', 1, 'T', '2009-06-12',"
                " 2009, 'Embassy Bamako', 'CONFIDENTIAL', 3)")
    old.execute("UPDATE counters SET value = 3 WHERE name = 'seq'")
    old.close()

    store = SQLiteStore(path)
    assert store.revision_of("09BAMAKO387") == 1
    assert store.get("09BAMAKO387")["body"] == full["body"]
    assert store.listing(["09BAMAKO387"])["09BAMAKO387"]["title"] == "T"
    assert store.cites("09BAMAKO387") == ["09BAMAKO186"]
    assert list(store.change_ids_since(3)) == [(4, "09BAMAKO387")]
    current = store.current("09BAMAKO387")
    assert current is not None and (current["revision"], current["rule"]) == (1, "most_complete")
    stored = dict(store.db.execute("SELECT revision, completeness FROM revisions"
                                   " WHERE id = '09BAMAKO387'"))
    assert json.loads(stored[2])["defects"] == ["empty body"]
    # A document with one revision keeps it, its completeness read when asked for.
    assert store.db.execute("SELECT completeness FROM revisions WHERE id = '09BAMAKO186'"
                            ).fetchone() == (None,)
    assert store.current("09BAMAKO186") == {"revision": 1, "of": 1, "rule": "only",
                                            "reason": "the only revision", "passed_over": []}
    [listed] = store.revisions("09BAMAKO186")
    assert listed["current"] and listed["completeness"]["paragraphs"] == 1
    store.close()


def test_a_migration_that_fails_leaves_nothing_applied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from cablewire.store import migrations

    def broken(_db: sqlite3.Connection) -> None:
        raise RuntimeError("the step failed")

    db = sqlite3.connect(str(tmp_path / "a.db"), isolation_level=None)
    with monkeypatch.context() as patched:
        patched.setitem(migrations.STEPS, "006_current_revision", broken)
        with pytest.raises(RuntimeError, match="the step failed"):
            migrate(db)
    names = [r[0] for r in db.execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS[:5]]
    columns = [r[1] for r in db.execute("PRAGMA table_info(documents)")]
    assert "current" not in columns  # its SQL was rolled back with its step
    assert migrate(db) == ["006_current_revision", "007_entity_corrections"]
    db.close()


def test_migration_007_knows_which_documents_name_each_entity(tmp_path: Path) -> None:
    """An archive enriched before corrections existed: the keys its stages found are those
    stored, so a first correction finds the documents it changes."""
    import sqlite3

    from cablewire.store.base import CorrectionRequest, StageResult

    path = str(tmp_path / "before.db")
    store = SQLiteStore(path)
    doc = dict(_cable("one"), id="09BAMAKO387")
    store.write_batch([SourceResult("a", hashlib.sha256(b"a").hexdigest(), b"a",
                                    documents=[doc])])
    store.write_results([StageResult("09BAMAKO387", "entities", "1", 1, {"entities": [
        {"key": "organization:x", "type": "organization", "name": "X", "aliases": [],
         "facts": [], "mentions": []}]})])
    store.close()
    old = sqlite3.connect(path, isolation_level=None)
    old.executescript("BEGIN; DROP TABLE entity_corrections; DROP TABLE entity_sources;"
                      " DELETE FROM migrations WHERE name = '007_entity_corrections'; COMMIT;")
    old.close()

    again = SQLiteStore(path)
    assert again.db.execute("SELECT stage, id, key FROM entity_sources").fetchall() == [
        ("entities", "09BAMAKO387", "organization:x")]
    again.add_correction(CorrectionRequest("reject", "organization:x", by="ana"))
    assert again.entities() == []
    again.close()
