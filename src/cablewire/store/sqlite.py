"""The default store: one SQLite file, the archive's store of record.

Every write goes through `write_batch`, one transaction per batch, so a process killed at any
moment leaves either the whole batch or none of it. Documents keep every revision and the
original bytes they were read from (deduplicated by hash, zlib-compressed).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from cablewire.errors import InputError
from cablewire.model.ids import make_document_id
from cablewire.results import Entity, EntityListItem, Place, Quote, Stats, TimelineEntry
from cablewire.store import enrichment
from cablewire.store.base import BatchSummary, FailureInfo, RevisionInfo, SourceResult
from cablewire.store.migrations import migrate


def content_hash(doc: dict[str, Any]) -> str:
    """Hash of a document's JSON form without `source`: the same text read from another path
    is the same content."""
    body = {k: v for k, v in doc.items() if k != "source"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


def _pack(doc: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), 6)


def _unpack(data: bytes) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(zlib.decompress(data))
    return value


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def document_columns(doc: dict[str, Any]) -> tuple[str | None, str | None, int | None,
                                                   str | None, str | None]:
    """title, date, year, origin, classification of a document, for listing and facets."""
    if doc.get("kind") == "cable":
        date = doc.get("created")
        origin = doc.get("origin")
    else:
        date = doc.get("published")
        origin = doc.get("publisher") or doc.get("site_name")
    title = doc.get("title") or doc.get("subject") or doc.get("dateline")
    year = int(date[:4]) if date and date[:4].isdigit() else None
    return title, date, year, origin, doc.get("classification")


class _Sequence:
    """The store's change counter inside one write transaction."""

    def __init__(self, value: int) -> None:
        self.value = value

    def next(self) -> int:
        self.value += 1
        return self.value


class SQLiteStore:
    """A `Store` in one SQLite file (WAL mode; one writer)."""

    def __init__(self, path: str) -> None:
        self.path = path
        if path != ":memory:":
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise InputError(
                    f"folder {folder} does not exist: create it or choose another --db"
                )
        try:
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"{path} is not a cablewire archive ({exc}): choose another --db, or move it away"
            ) from None

    # -- writing -------------------------------------------------------------------------------

    def source_seen(self, label: str, sha256: str) -> int | None:
        row = self.db.execute(
            "SELECT documents FROM sources WHERE label = ? AND sha256 = ? AND status = 'ok'",
            (label, sha256),
        ).fetchone()
        return None if row is None else int(row[0])

    @contextmanager
    def _write(self) -> Iterator[_Sequence]:
        """One write transaction, all of it or none of it, and the change counter it advances
        (the search index catches up to that counter)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            current = db.execute("SELECT value FROM counters WHERE name = 'seq'").fetchone()[0]
            seq = _Sequence(current)
            yield seq
            db.execute("UPDATE counters SET value = ? WHERE name = 'seq'", (seq.value,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def write_batch(self, batch: list[SourceResult]) -> BatchSummary:
        summary = BatchSummary()
        db = self.db
        with self._write() as seq:
            for result in batch:
                stamp = _now()
                if result.data and not db.execute(
                    "SELECT 1 FROM blobs WHERE sha256 = ?", (result.sha256,)
                ).fetchone():
                    db.execute(
                        "INSERT OR IGNORE INTO blobs VALUES (?, ?)",
                        (result.sha256, zlib.compress(result.data, 6)),
                    )
                if result.error is not None:
                    summary.failed += 1
                    db.execute(
                        "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, 'failed', ?, 0, ?)",
                        (result.label, result.sha256, len(result.data), result.error, stamp),
                    )
                    continue
                for doc in result.documents:
                    self._write_document(doc, result, stamp, seq, summary)
                db.execute(
                    "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, 'ok', NULL, ?, ?)",
                    (result.label, result.sha256, len(result.data), len(result.documents), stamp),
                )
        return summary

    def _write_document(self, doc: dict[str, Any], result: SourceResult, stamp: str,
                        seq: _Sequence, summary: BatchSummary) -> None:
        db = self.db
        digest = content_hash(doc)
        doc_id = doc.get("id") or make_document_id(doc.get("kind", "document"), digest)
        doc = {**doc, "id": doc_id}
        row = db.execute(
            "SELECT d.revision, r.content_hash FROM documents d JOIN revisions r"
            " ON r.id = d.id AND r.revision = d.revision WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is not None and row[1] == digest:
            summary.unchanged += 1
            return
        revision = 1 if row is None else row[0] + 1
        if row is None:
            summary.new += 1
        else:
            summary.updated += 1
        number = seq.next()
        db.execute(
            "INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, revision, digest, _pack(doc), result.label, result.sha256, stamp),
        )
        title, date, year, origin, classification = document_columns(doc)
        db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, doc.get("kind"), revision, title, date, year, origin, classification,
             number),
        )
        db.execute("DELETE FROM citations WHERE citing = ?", (doc_id,))
        db.executemany(
            "INSERT OR IGNORE INTO citations VALUES (?, ?, ?)",
            [(doc_id, cited, i) for i, cited in enumerate(doc.get("references") or [])],
        )
        db.execute("DELETE FROM tags WHERE id = ?", (doc_id,))
        tags = doc.get("tags") or []
        db.executemany("INSERT OR IGNORE INTO tags VALUES (?, ?)", [(doc_id, t) for t in tags])
        values = [("tag", t) for t in tags] + [
            (facet, value) for facet, value in
            (("origin", origin), ("classification", classification), ("kind", doc.get("kind")))
            if value
        ]
        db.executemany("INSERT OR IGNORE INTO facet_values VALUES (?, ?)", values)

    # -- reading -------------------------------------------------------------------------------

    def get(self, doc_id: str, revision: int | None = None) -> dict[str, Any] | None:
        if revision is None:
            row = self.db.execute(
                "SELECT r.data FROM documents d JOIN revisions r"
                " ON r.id = d.id AND r.revision = d.revision WHERE d.id = ?",
                (doc_id,),
            ).fetchone()
        else:
            row = self.db.execute(
                "SELECT data FROM revisions WHERE id = ? AND revision = ?", (doc_id, revision)
            ).fetchone()
        return _unpack(row[0]) if row else None

    def find_id(self, text: str) -> str | None:
        """The stored id equal to `text` ignoring case, if any."""
        for sql in ("SELECT id FROM documents WHERE id = ?",
                    "SELECT id FROM documents WHERE id = ? COLLATE NOCASE"):
            row = self.db.execute(sql, (text.strip(),)).fetchone()
            if row:
                return str(row[0])
        return None

    def revisions(self, doc_id: str) -> list[RevisionInfo]:
        rows = self.db.execute(
            "SELECT revision, ingested_at, source, content_hash FROM revisions WHERE id = ?"
            " ORDER BY revision",
            (doc_id,),
        ).fetchall()
        return [{"revision": r[0], "ingested_at": r[1], "source": r[2], "content_hash": r[3]}
                for r in rows]

    def original(self, doc_id: str, revision: int | None = None) -> bytes | None:
        row = self.db.execute(
            "SELECT b.data FROM revisions r JOIN blobs b ON b.sha256 = r.blob"
            " WHERE r.id = ? AND r.revision = COALESCE(?, (SELECT revision FROM documents"
            " WHERE id = ?))",
            (doc_id, revision, doc_id),
        ).fetchone()
        return zlib.decompress(row[0]) if row else None

    def cites(self, doc_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT cited FROM citations WHERE citing = ? ORDER BY position", (doc_id,)
        )
        return [r[0] for r in rows]

    def cited_by(self, doc_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT citing FROM citations WHERE cited = ? ORDER BY citing", (doc_id,)
        )
        return [r[0] for r in rows]

    def titles(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Listing columns of the stored documents among `ids`."""
        out: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, kind, title, date, origin, classification FROM documents"
                f" WHERE id IN ({marks})",
                chunk,
            ):
                out[row[0]] = {"id": row[0], "kind": row[1], "title": row[2], "date": row[3],
                               "origin": row[4], "classification": row[5]}
        return out

    def max_seq(self) -> int:
        value: int = self.db.execute(
            "SELECT value FROM counters WHERE name = 'seq'"
        ).fetchone()[0]
        return value

    def changes_since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        cursor = self.db.execute(
            "SELECT d.seq, r.data FROM documents d JOIN revisions r"
            " ON r.id = d.id AND r.revision = d.revision WHERE d.seq > ? ORDER BY d.seq",
            (seq,),
        )
        for row_seq, data in cursor:
            yield row_seq, _unpack(data)

    def failures(self) -> list[FailureInfo]:
        rows = self.db.execute(
            "SELECT label, error, ingested_at FROM sources WHERE status = 'failed' ORDER BY label"
        )
        return [{"source": r[0], "error": r[1], "ingested_at": r[2]} for r in rows]

    def values_like(self, column: str, value: str) -> list[str]:
        rows = self.db.execute(
            "SELECT value FROM facet_values WHERE facet = ? AND value = ?", (column, value)
        )
        return [str(r[0]) for r in rows]

    def stats(self) -> Stats:
        def counts(column: str) -> dict[str, int]:
            rows = self.db.execute(
                f"SELECT {column}, COUNT(*) FROM documents GROUP BY {column}"
                f" ORDER BY COUNT(*) DESC, {column}"
            )
            return {str(k) if k is not None else "unknown": n for k, n in rows}

        total = self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        revisions = self.db.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
        sources = dict(self.db.execute("SELECT status, COUNT(*) FROM sources GROUP BY status"))
        size = os.path.getsize(self.path) if os.path.exists(self.path) else 0
        wal = self.path + "-wal"
        if os.path.exists(wal):
            size += os.path.getsize(wal)
        return {
            "documents": total,
            "revisions": revisions,
            "sources": {"ok": sources.get("ok", 0), "failed": sources.get("failed", 0)},
            "by_kind": counts("kind"),
            "by_year": counts("year"),
            "by_origin": counts("origin"),
            "by_classification": counts("classification"),
            "database_bytes": size,
        }

    # -- enrichment ----------------------------------------------------------------------------

    def pending_enrichment(self, stage: str, version: str) -> list[str]:
        return enrichment.pending_enrichment(self.db, stage, version)

    def write_enrichments(self, results: list[dict[str, Any]]) -> int:
        """Store enrichment results (each names its `document`) in one transaction; the
        documents get a new sequence number so the search index takes their entities."""
        db = self.db
        written = 0
        with self._write() as seq:
            for result in results:
                row = db.execute("SELECT revision FROM documents WHERE id = ?",
                                 (result["document"],)).fetchone()
                if row is None:
                    continue
                enrichment.write_enrichment(db, result["document"], row[0], result)
                db.execute("UPDATE documents SET seq = ? WHERE id = ?",
                           (seq.next(), result["document"]))
                written += 1
        return written

    def enrichment(self, doc_id: str, stage: str = "enrich") -> dict[str, Any] | None:
        return enrichment.read_enrichment(self.db, doc_id, stage)

    def entity_keys(self, name: str, type_: str | None = None) -> list[str]:
        return enrichment.entity_keys(self.db, name, type_)

    def entity(self, key: str) -> Entity | None:
        return enrichment.entity_summary(self.db, key)

    def entities(self, type_: str | None = None, limit: int = 100) -> list[EntityListItem]:
        return enrichment.list_entities(self.db, type_, limit)

    def timeline(self, entity: str | None = None, ids: list[str] | None = None,
                 limit: int = 500) -> list[TimelineEntry]:
        return enrichment.timeline(self.db, entity, ids, limit)

    def quotes(self, speaker_key: str | None = None, limit: int = 500) -> list[Quote]:
        return enrichment.quotes(self.db, speaker_key, limit)

    def places(self, limit: int = 500) -> list[Place]:
        return enrichment.map_places(self.db, limit)

    def close(self) -> None:
        self.db.close()
