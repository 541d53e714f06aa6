"""The default store: one SQLite file, the archive's store of record.

Every write goes through one transaction (`_write`), so a process killed at any moment leaves
either the whole batch or none of it. Documents keep every revision, one of them current
(`sqlite_revisions`), and the original bytes they were read from (deduplicated by hash,
zlib-compressed). Each thread gets its own connection (WAL mode: readers never wait; one writer
at a time, across processes too).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from cablewire.errors import (
    ArchiveMissing,
    NotFound,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    UsageError,
)
from cablewire.model.listing import with_id
from cablewire.results import (
    CastMember,
    CurrentRevision,
    Entity,
    EntityCorrection,
    EntityListItem,
    Place,
    Quote,
    Stats,
    TimelineEntry,
)
from cablewire.store import keymap
from cablewire.store.base import (
    BatchSummary,
    CitationCount,
    CorrectionRequest,
    FailureInfo,
    ListingInfo,
    RevisionInfo,
    SourceResult,
    StageResult,
)
from cablewire.store.migrations import migrate
from cablewire.store.sqlite_cast import cross_reference
from cablewire.store.sqlite_revisions import candidates, current, pack, unpack, write_revision

BUSY_TIMEOUT_MS = 30_000
DERIVED_TABLES = ("entity_documents", "entity_names", "entity_facts", "places", "events",
                  "quotes")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def result_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


class _Sequence:
    """The store's change counter inside one write transaction."""

    def __init__(self, value: int) -> None:
        self.value = value

    def next(self) -> int:
        self.value += 1
        return self.value


class SQLiteStore:
    """A `Store` in one SQLite file. `create=False` (read commands) refuses a path that holds
    no archive instead of making an empty one. A second writer waits up to `busy_timeout_ms`
    for the first, then gets `StoreBusy`."""

    def __init__(self, path: str, create: bool = True,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.uri = path
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._connections: list[sqlite3.Connection] = []  # every thread's, to close them all
        if path != ":memory:":
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.exists(path) and not create:
                raise ArchiveMissing(
                    f"no archive at {path}: ingest documents into it first"
                    f" (`cablewire ingest PATH --db {path}`), or give the right --db"
                )
            if not os.path.isdir(folder):
                raise ArchiveMissing(
                    f"folder {folder} does not exist: create it or choose another --db"
                )
        try:
            db = self._db
            migrate(db)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreCorrupt(
                f"{path} is not a cablewire archive ({exc}): choose another --db, or move it away"
            ) from None

    # -- connections ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                             timeout=self.busy_timeout_ms / 1000)
        db.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_ms)}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        return db

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection (an in-memory database has one, shared)."""
        if self.path == ":memory:":
            if self._shared is None:
                self._shared = self._connect()
            return self._shared
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._connect()
            self._local.db = db
            with _OPEN_LOCK:
                self._connections.append(db)
        return db

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection, for the SQLite store's own tests."""
        return self._db

    def index_location(self) -> str | None:
        return None if self.path == ":memory:" else self.path + ".index"

    @contextmanager
    def _write(self) -> Iterator[_Sequence]:
        """One write transaction, all of it or none of it, and the change counter it advances
        (derived indexes catch up to that counter)."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreBusy(
                f"another cablewire process is writing {self.path} ({exc}): wait for it to"
                " finish, then run this again"
            ) from None
        try:
            current = db.execute("SELECT value FROM counters WHERE name = 'seq'").fetchone()[0]
            seq = _Sequence(current)
            yield seq
            db.execute("UPDATE counters SET value = ? WHERE name = 'seq'", (seq.value,))
            db.execute("COMMIT")
        except BaseException as exc:
            db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(f"the archive {self.path} could not be written: {exc}") from exc
            raise

    # -- documents: writing --------------------------------------------------------------------

    def source_seen(self, label: str, sha256: str) -> int | None:
        row = self._db.execute(
            "SELECT documents FROM sources WHERE label = ? AND sha256 = ? AND status = 'ok'",
            (label, sha256),
        ).fetchone()
        return None if row is None else int(row[0])

    def write_batch(self, batch: list[SourceResult]) -> BatchSummary:
        summary = BatchSummary()
        with self._write() as seq:
            db = self._db
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
                    outcome = write_revision(db, with_id(doc), result.label, result.sha256,
                                             stamp, seq.next)
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                db.execute(
                    "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, 'ok', NULL, ?, ?)",
                    (result.label, result.sha256, len(result.data), len(result.documents), stamp),
                )
        return summary

    # -- documents: reading --------------------------------------------------------------------

    def get(self, doc_id: str, revision: int | None = None) -> dict[str, Any] | None:
        if revision is None:
            row = self._db.execute(
                "SELECT r.data FROM documents d JOIN revisions r"
                " ON r.id = d.id AND r.revision = d.revision WHERE d.id = ?",
                (doc_id,),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT data FROM revisions WHERE id = ? AND revision = ?", (doc_id, revision)
            ).fetchone()
        return unpack(row[0]) if row else None

    def revision_of(self, doc_id: str) -> int | None:
        row = self._db.execute("SELECT revision FROM documents WHERE id = ?",
                               (doc_id,)).fetchone()
        return None if row is None else int(row[0])

    def find_id(self, text: str) -> str | None:
        for sql in ("SELECT id FROM documents WHERE id = ?",
                    "SELECT id FROM documents WHERE id = ? COLLATE NOCASE"):
            row = self._db.execute(sql, (text.strip(),)).fetchone()
            if row:
                return str(row[0])
        return None

    def revisions(self, doc_id: str) -> list[RevisionInfo]:
        db = self._db
        shown = self.revision_of(doc_id)
        rows = db.execute(
            "SELECT revision, ingested_at, source, content_hash FROM revisions WHERE id = ?"
            " ORDER BY revision",
            (doc_id,),
        ).fetchall()
        chosen = {c.revision: c for c in candidates(db, doc_id)}
        return [{"revision": r[0], "ingested_at": r[1], "source": r[2], "content_hash": r[3],
                 "released": chosen[r[0]].released,
                 "completeness": chosen[r[0]].completeness.to_dict(),
                 "current": r[0] == shown} for r in rows]

    def current(self, doc_id: str) -> CurrentRevision | None:
        return current(self._db, doc_id)

    def original(self, doc_id: str, revision: int | None = None) -> bytes | None:
        row = self._db.execute(
            "SELECT b.data FROM revisions r JOIN blobs b ON b.sha256 = r.blob"
            " WHERE r.id = ? AND r.revision = COALESCE(?, (SELECT revision FROM documents"
            " WHERE id = ?))",
            (doc_id, revision, doc_id),
        ).fetchone()
        return zlib.decompress(row[0]) if row else None

    def cites(self, doc_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT cited FROM citations WHERE citing = ? ORDER BY position", (doc_id,)
        )
        return [r[0] for r in rows]

    def cited_by(self, doc_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT citing FROM citations WHERE cited = ? ORDER BY citing", (doc_id,)
        )
        return [r[0] for r in rows]

    def citations_from(self, ids: list[str]) -> dict[str, list[str]]:
        return self._citations(ids, "citing", "cited", "citing, position")

    def citations_to(self, ids: list[str]) -> dict[str, list[str]]:
        return self._citations(ids, "cited", "citing", "cited, citing")

    def _citations(self, ids: list[str], key: str, value: str,
                   order: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for found, other in self._db.execute(
                f"SELECT {key}, {value} FROM citations WHERE {key} IN ({marks})"
                f" ORDER BY {order}",
                chunk,
            ):
                out.setdefault(found, []).append(other)
        return out

    def most_cited(self, year: str | None = None, station: str | None = None,
                   limit: int = 20) -> list[CitationCount]:
        where: list[str] = []
        args: list[Any] = []
        if year is not None or station is not None:
            if not _glob_safe(year) or not _glob_safe(station):
                return []
            # A prefix pattern, so a year (with or without a station) walks citations_cited.
            pattern = (year or "[0-9][0-9]") + (f"{station}[0-9]" if station else "") + "*"
            where.append("cited GLOB ?")
            args.append(pattern)
        if station is not None:
            # The serial after the station is digits only: BAMAKO must not match BAMAKOX12.
            where.append("substr(cited, ?) NOT GLOB '*[^0-9]*'")
            args.append(3 + len(station))
        sql = ("SELECT cited, COUNT(*) FROM citations"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " GROUP BY cited ORDER BY COUNT(*) DESC, cited LIMIT ?")
        args.append(limit)
        return [{"id": r[0], "citations": r[1]} for r in self._db.execute(sql, args)]

    def listing(self, ids: list[str]) -> dict[str, ListingInfo]:
        out: dict[str, ListingInfo] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT id, kind, title, date, origin, classification FROM documents"
                f" WHERE id IN ({marks})",
                chunk,
            ):
                out[row[0]] = {"id": row[0], "kind": row[1], "title": row[2], "date": row[3],
                               "origin": row[4], "classification": row[5]}
        return out

    def max_seq(self) -> int:
        value: int = self._db.execute(
            "SELECT value FROM counters WHERE name = 'seq'"
        ).fetchone()[0]
        return value

    def changes_since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        cursor = self._db.execute(
            "SELECT d.seq, r.data FROM documents d JOIN revisions r"
            " ON r.id = d.id AND r.revision = d.revision WHERE d.seq > ? ORDER BY d.seq",
            (seq,),
        )
        for row_seq, data in cursor:
            yield row_seq, unpack(data)

    def change_ids_since(self, seq: int) -> Iterator[tuple[int, str]]:
        cursor = self._db.execute(
            "SELECT seq, id FROM documents WHERE seq > ? ORDER BY seq", (seq,))
        for row_seq, doc_id in cursor:
            yield int(row_seq), str(doc_id)

    def failures(self) -> list[FailureInfo]:
        rows = self._db.execute(
            "SELECT label, error, ingested_at FROM sources WHERE status = 'failed' ORDER BY label"
        )
        return [{"source": r[0], "error": r[1], "ingested_at": r[2]} for r in rows]

    def clear_failures(self) -> int:
        with self._write():
            cursor = self._db.execute("DELETE FROM sources WHERE status = 'failed'")
        return int(cursor.rowcount)

    def values_like(self, column: str, value: str) -> list[str]:
        rows = self._db.execute(
            "SELECT value FROM facet_values WHERE facet = ? AND value = ?", (column, value)
        )
        return [str(r[0]) for r in rows]

    def stats(self) -> Stats:
        db = self._db

        def counts(column: str) -> dict[str, int]:
            rows = db.execute(
                f"SELECT {column}, COUNT(*) FROM documents GROUP BY {column}"
                f" ORDER BY COUNT(*) DESC, {column}"
            )
            return {str(k) if k is not None else "unknown": n for k, n in rows}

        total = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        revisions = db.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
        sources = dict(db.execute("SELECT status, COUNT(*) FROM sources GROUP BY status"))
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

    # -- stage results -------------------------------------------------------------------------

    def pending(self, stage: str, version: str, inputs: str = "") -> list[str]:
        rows = self._db.execute(
            "SELECT d.id FROM documents d LEFT JOIN stage_results s"
            " ON s.id = d.id AND s.stage = ?"
            " WHERE s.id IS NULL OR s.version != ? OR s.revision != d.revision OR s.inputs != ?"
            " ORDER BY d.seq",
            (stage, version, inputs),
        )
        return [r[0] for r in rows]

    def write_results(self, results: list[StageResult], indexed: bool = False) -> int:
        written = 0
        with self._write() as seq:
            db = self._db
            corrections = keymap.active(_corrections(db))
            for result in results:
                row = db.execute("SELECT revision FROM documents WHERE id = ?",
                                 (result.document,)).fetchone()
                if row is None or row[0] != result.revision:
                    continue  # the document changed since: its new revision is pending
                digest = result_hash(result.data)
                old = db.execute(
                    "SELECT version, revision, inputs, hash FROM stage_results"
                    " WHERE id = ? AND stage = ?", (result.document, result.stage)).fetchone()
                if old == (result.version, result.revision, result.inputs, digest):
                    continue
                db.execute(
                    "INSERT OR REPLACE INTO stage_results VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (result.document, result.stage, result.version, result.revision,
                     result.inputs, digest, pack(result.data)),
                )
                if corrections:  # the other stages' rows may follow this one's keys
                    _derive(db, result.document, [result.stage], corrections)
                else:
                    _write_sources(db, result.document, result.stage, result.data)
                    _write_rows(db, result.document, result.stage, result.data)
                if indexed:
                    db.execute("UPDATE documents SET seq = ? WHERE id = ?",
                               (seq.next(), result.document))
                written += 1
        return written

    def result(self, doc_id: str, stage: str) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT s.data FROM stage_results s JOIN documents d ON d.id = s.id"
            " AND d.revision = s.revision WHERE s.id = ? AND s.stage = ?", (doc_id, stage)
        ).fetchone()
        return None if row is None else unpack(row[0])

    def results(self, doc_id: str) -> dict[str, dict[str, Any]]:
        rows = self._db.execute(
            "SELECT s.stage, s.data FROM stage_results s JOIN documents d ON d.id = s.id"
            " AND d.revision = s.revision WHERE s.id = ? ORDER BY s.stage", (doc_id,)
        )
        return {stage: unpack(data) for stage, data in rows}

    def result_origins(self, doc_id: str) -> dict[str, tuple[str, str]]:
        rows = self._db.execute(
            "SELECT s.stage, s.version, s.inputs FROM stage_results s JOIN documents d"
            " ON d.id = s.id AND d.revision = s.revision WHERE s.id = ? ORDER BY s.stage",
            (doc_id,))
        return {stage: (version, inputs) for stage, version, inputs in rows}

    def stage_counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for stage, version, n in self._db.execute(
            "SELECT stage, version, COUNT(*) FROM stage_results GROUP BY stage, version"
            " ORDER BY stage, version"
        ):
            out.setdefault(stage, {})[version] = n
        return out

    # -- views over derived rows ---------------------------------------------------------------

    def entity_keys(self, name: str, type_: str | None = None) -> list[str]:
        sql = "SELECT DISTINCT n.key FROM entity_names n"
        args: list[Any] = [name]
        if type_:
            sql += " JOIN entity_documents d ON d.key = n.key AND d.id = n.id AND d.type = ?"
            args.insert(0, type_)
        sql += " WHERE n.name = ? ORDER BY n.key"
        keys = [r[0] for r in self._db.execute(sql, args)]
        if not keys:
            direct = self._db.execute("SELECT 1 FROM entity_documents WHERE key = ? LIMIT 1",
                                      (name,)).fetchone()
            keys = [name] if direct else []
        return keys

    def entity(self, key: str) -> Entity | None:
        db = self._db
        rows = db.execute(
            "SELECT e.id, e.type, e.name, e.mentions, d.title, d.date, d.kind"
            " FROM entity_documents e JOIN documents d ON d.id = e.id WHERE e.key = ?"
            " ORDER BY d.date, e.id",
            (key,),
        ).fetchall()
        if not rows:
            return None
        names = Counter(r[2] for r in rows)
        name = names.most_common(1)[0][0]
        aliases = sorted({r[0] for r in db.execute(
            "SELECT name FROM entity_names WHERE key = ?", (key,))} - {name})
        facts = Counter((r[0], r[1]) for r in db.execute(
            "SELECT kind, value FROM entity_facts WHERE key = ?", (key,)))
        co = db.execute(
            "SELECT o.key, MAX(o.name), MAX(o.type), COUNT(DISTINCT o.id) FROM entity_documents e"
            " JOIN entity_documents o ON o.id = e.id AND o.key != e.key WHERE e.key = ?"
            " GROUP BY o.key ORDER BY COUNT(DISTINCT o.id) DESC, o.key LIMIT 25",
            (key,),
        ).fetchall()
        place = db.execute("SELECT lat, lon, country FROM places WHERE key = ? LIMIT 1",
                           (key,)).fetchone()
        return {
            "key": key,
            "type": rows[0][1],
            "name": name,
            "aliases": aliases,
            "facts": [{"kind": k, "value": v, "documents": n}
                      for (k, v), n in sorted(facts.items(), key=lambda kv: (-kv[1], kv[0]))],
            "mentions": sum(r[3] for r in rows),
            "documents": [{"id": r[0], "title": r[4], "date": r[5], "kind": r[6],
                           "mentions": r[3]} for r in rows],
            "co_occurring": [{"key": r[0], "name": r[1], "type": r[2], "documents": r[3]}
                             for r in co],
            "place": {"lat": place[0], "lon": place[1], "country": place[2]} if place else None,
            "quotes": self.quotes(key),
            "events": self.timeline(entity=key),
        }

    def entities(self, type_: str | None = None, limit: int = 100) -> list[EntityListItem]:
        sql = ("SELECT key, type, MAX(name), SUM(mentions), COUNT(DISTINCT id)"
               " FROM entity_documents"
               + (" WHERE type = ?" if type_ else "")
               + " GROUP BY key ORDER BY COUNT(DISTINCT id) DESC, SUM(mentions) DESC, key"
               " LIMIT ?")
        args: list[Any] = ([type_] if type_ else []) + [limit]
        return [{"key": r[0], "type": r[1], "name": r[2], "mentions": r[3], "documents": r[4]}
                for r in self._db.execute(sql, args)]

    def cross_reference(self, doc_id: str, per_entity: int = 5) -> list[CastMember]:
        return cross_reference(self._db, doc_id, per_entity)

    def timeline(self, entity: str | None = None, ids: list[str] | None = None,
                 limit: int = 500) -> list[TimelineEntry]:
        sql = ("SELECT e.id, e.date, e.end_date, e.precision, e.sentence, e.entities, d.title"
               " FROM events e JOIN documents d ON d.id = e.id")
        where: list[str] = []
        args: list[Any] = []
        if entity:
            where.append("e.entities LIKE ?")
            args.append(f'%"{entity}"%')
        if ids is not None:
            if not ids:
                return []
            where.append(f"e.id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date, e.id, e.position LIMIT ?"
        args.append(limit)
        return [{"document": r[0], "title": r[6], "date": r[1], "end": r[2], "precision": r[3],
                 "sentence": r[4], "entities": json.loads(r[5])}
                for r in self._db.execute(sql, args)]

    def quotes(self, speaker_key: str | None = None, limit: int = 500) -> list[Quote]:
        sql = ("SELECT q.id, q.speaker, q.speaker_key, q.text, q.paragraph, d.date, d.title"
               " FROM quotes q JOIN documents d ON d.id = q.id")
        args: list[Any] = []
        if speaker_key:
            sql += " WHERE q.speaker_key = ?"
            args.append(speaker_key)
        sql += " ORDER BY d.date, q.id, q.position LIMIT ?"
        args.append(limit)
        return [{"document": r[0], "speaker": r[1], "speaker_key": r[2], "text": r[3],
                 "paragraph": r[4], "date": r[5], "title": r[6]}
                for r in self._db.execute(sql, args)]

    def places(self, limit: int = 500) -> list[Place]:
        rows = self._db.execute(
            "SELECT key, MIN(name), MIN(lat), MIN(lon), MIN(country), COUNT(DISTINCT id)"
            " FROM places GROUP BY key ORDER BY COUNT(DISTINCT id) DESC, key LIMIT ?",
            (limit,),
        )
        return [{"key": r[0], "name": r[1], "lat": r[2], "lon": r[3], "country": r[4],
                 "documents": r[5]} for r in rows]

    # -- users' corrections of entities ---------------------------------------------------------

    def add_correction(self, request: CorrectionRequest) -> EntityCorrection:
        with self._write() as seq:
            db = self._db
            cursor = db.execute(
                "INSERT INTO entity_corrections (action, key, into_key, name, choice, note,"
                " made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (request.action, request.key, request.into, request.name,
                 json.dumps({"names": request.names, "documents": request.documents,
                             "mentions": request.mentions}), request.note, request.by, _now()))
            made = _corrections(db, cursor.lastrowid)[0]
            _rederive(db, made, seq)
        return made

    def undo_correction(self, correction_id: int, by: str) -> EntityCorrection:
        with self._write() as seq:
            db = self._db
            found = _corrections(db, correction_id)
            if not found:
                raise NotFound(f"no correction {correction_id}: list them with"
                               " `cablewire entity corrections`")
            if found[0]["undone_at"] is not None:
                raise UsageError(f"correction {correction_id} was undone already"
                                 f" ({found[0]['undone_at']}, by {found[0]['undone_by']})")
            db.execute("UPDATE entity_corrections SET undone_by = ?, undone_at = ? WHERE id = ?",
                       (by, _now(), correction_id))
            undone = _corrections(db, correction_id)[0]
            _rederive(db, undone, seq)
        return undone

    def corrections(self) -> list[EntityCorrection]:
        return _corrections(self._db)

    def close(self) -> None:
        with _OPEN_LOCK:
            for db in self._connections:
                db.close()
            self._connections.clear()
        if self._shared is not None:
            self._shared.close()
            self._shared = None
        self._local = threading.local()


_OPEN_LOCK = threading.Lock()


def _glob_safe(text: str | None) -> bool:
    """Whether `text` can stand in a GLOB pattern as itself (letters and digits only)."""
    return text is None or (text.isascii() and text.isalnum())


def _corrections(db: sqlite3.Connection, only: int | None = None) -> list[EntityCorrection]:
    sql = ("SELECT id, action, key, into_key, name, choice, note, made_by, made_at, undone_by,"
           " undone_at FROM entity_corrections")
    rows = db.execute(sql + (" WHERE id = ?" if only is not None else "") + " ORDER BY id",
                      () if only is None else (only,))
    out: list[EntityCorrection] = []
    for r in rows:
        choice = json.loads(r[5])
        out.append({"id": r[0], "action": r[1], "key": r[2], "into": r[3], "name": r[4],
                    "names": choice["names"], "documents": choice["documents"],
                    "mentions": choice["mentions"], "note": r[6], "by": r[7], "at": r[8],
                    "undone_by": r[9], "undone_at": r[10]})
    return out


def _rederive(db: sqlite3.Connection, changed: EntityCorrection, seq: _Sequence) -> None:
    """Derive again, with the corrections that apply now, the rows of every document that
    names a key linked to `changed`; each gets a new change number."""
    every = _corrections(db)
    keys = sorted(keymap.affected_keys(every, [k for k in (changed["key"], changed["into"])
                                               if k]))
    ids: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        ids.update(r[0] for r in db.execute(
            f"SELECT DISTINCT id FROM entity_sources WHERE key IN ({','.join('?' * len(chunk))})",
            chunk))
    applying = keymap.active(every)
    for doc_id in sorted(ids):
        _derive(db, doc_id, None, applying)
        db.execute("UPDATE documents SET seq = ? WHERE id = ?", (seq.next(), doc_id))


def _derive(db: sqlite3.Connection, doc_id: str, stages: list[str] | None,
            corrections: list[EntityCorrection]) -> None:
    """Write every derived row of a document from its stored results of its current revision,
    with `corrections` (those that apply) replayed over them; the keys found are written anew
    for `stages` (those whose result was just written)."""
    rows = db.execute(
        "SELECT s.stage, s.data FROM stage_results s JOIN documents d ON d.id = s.id"
        " AND d.revision = s.revision WHERE s.id = ?", (doc_id,)).fetchall()
    found = {stage: unpack(data) for stage, data in rows}
    for stage in stages or []:
        if stage not in found:  # a result of an older revision: its rows go
            found[stage] = {}
    for stage in stages or []:
        _write_sources(db, doc_id, stage, found[stage])
    shown = keymap.correct_results(doc_id, found, corrections)
    for stage in sorted(shown):  # every stage: a split re-keys the events and quotes too
        _write_rows(db, doc_id, stage, shown[stage])


def _write_sources(db: sqlite3.Connection, doc_id: str, stage: str,
                   data: dict[str, Any]) -> None:
    """The entity keys `stage` found in a document, before any correction."""
    db.execute("DELETE FROM entity_sources WHERE id = ? AND stage = ?", (doc_id, stage))
    db.executemany("INSERT OR IGNORE INTO entity_sources VALUES (?, ?, ?)",
                   [(stage, doc_id, e["key"]) for e in data.get("entities") or []])


def _write_rows(db: sqlite3.Connection, doc_id: str, stage: str, data: dict[str, Any]) -> None:
    """Replace the rows `stage` derived from a document with those of its new result."""
    before = _named_in(db, doc_id)
    for table in DERIVED_TABLES:
        db.execute(f"DELETE FROM {table} WHERE id = ? AND stage = ?", (doc_id, stage))
    found = db.execute("SELECT date FROM documents WHERE id = ?", (doc_id,)).fetchone()
    date = found[0] if found else None  # entity rows carry it for `cross_reference`'s order
    for entity in data.get("entities") or []:
        key = entity["key"]
        db.execute(
            "INSERT OR REPLACE INTO entity_documents"
            " (stage, key, id, type, name, mentions, date) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (stage, key, doc_id, entity["type"], entity["name"],
             max(1, len(entity.get("mentions") or [])), date),
        )
        names = {entity["name"], *(entity.get("aliases") or [])}
        db.executemany("INSERT OR IGNORE INTO entity_names VALUES (?, ?, ?, ?)",
                       [(stage, key, doc_id, name) for name in names if name])
        db.executemany(
            "INSERT OR IGNORE INTO entity_facts VALUES (?, ?, ?, ?, ?)",
            [(stage, key, doc_id, f["kind"], f["value"]) for f in entity.get("facts") or []],
        )
    after = _named_in(db, doc_id)
    db.executemany("UPDATE entity_counts SET documents = documents - 1 WHERE key = ?",
                   [(key,) for key in before - after])
    db.executemany("INSERT INTO entity_counts VALUES (?, 1)"
                   " ON CONFLICT (key) DO UPDATE SET documents = documents + 1",
                   [(key,) for key in after - before])
    db.executemany(
        "INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(stage, doc_id, p["key"], p["name"], p["lat"], p["lon"], p.get("country"))
         for p in data.get("places") or []],
    )
    db.executemany(
        "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(stage, doc_id, i, e["start"], e["end"], e["precision"], e["sentence"],
          json.dumps(e["entities"])) for i, e in enumerate(data.get("events") or [])],
    )
    db.executemany(
        "INSERT OR REPLACE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(stage, doc_id, i, q.get("speaker"), q.get("speaker_key"), q["text"],
          q.get("paragraph")) for i, q in enumerate(data.get("quotes") or [])],
    )


def _named_in(db: sqlite3.Connection, doc_id: str) -> set[str]:
    """The keys of the entities any stage found in a document (`entity_counts` counts each
    document once per entity)."""
    return {key for (key,) in db.execute("SELECT key FROM entity_documents WHERE id = ?",
                                         (doc_id,))}
