"""The server store: one PostgreSQL database, the archive's store of record for many readers
and writers at once (psycopg 3, a connection pool per process).

    open_store("postgresql://cablewire@db.example.org/cables")

It keeps what the SQLite store keeps, in the same shapes, and gives the same JSON for the same
input (`tests/store/test_contract.py` runs on both). Every write is one transaction that first
locks the change counter (`counters`), so writers from any number of processes take turns per
batch and the change sequence has no gaps: a number is taken only by a transaction that
commits. Readers never wait for writers.

The derived search and vector indexes are not in the database: each machine that serves or
searches the archive keeps its own, caught up with the change sequence (`index_location`).
"""

from __future__ import annotations

import json
import re
import uuid
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool

from cablewire.errors import ArchiveMissing, NotFound, StoreBusy, StoreError, UsageError
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
from cablewire.store.postgres import corrections as corr
from cablewire.store.postgres import revisions as revs
from cablewire.store.postgres.cast import cross_reference
from cablewire.store.postgres.migrations import applied, migrate
from cablewire.store.postgres.rows import write_rows
from cablewire.store.sqlite import result_hash

__all__ = ["PostgresStore", "shown_uri"]

POOL_SIZE = 8
CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT = "600s"
"""How long a writer waits for another process's write to finish before `StoreBusy`."""
STREAM_ROWS = 500
INDEX_ROOT = Path.home() / ".cache" / "cablewire"
"""Where the derived indexes of PostgreSQL archives live on this machine, one folder each."""


def shown_uri(uri: str) -> str:
    """`uri` without its password, for messages."""
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _Sequence:
    """The store's change counter inside one write transaction."""

    def __init__(self, value: int) -> None:
        self.value = value

    def next(self) -> int:
        self.value += 1
        return self.value


class PostgresStore:
    """A `Store` in one PostgreSQL database (which must exist: `createdb NAME`). Without
    `create` (read commands), a database that holds no archive is `ArchiveMissing`; with it,
    the archive's tables are made (named migrations, `migrations.py`)."""

    def __init__(self, uri: str, create: bool = False, pool_size: int = POOL_SIZE) -> None:
        self.uri = shown_uri(uri)  # the address without its password, as messages show it
        self.shown = self.uri
        try:
            with psycopg.connect(uri, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S) as conn:
                if not applied(conn) and not create:
                    raise ArchiveMissing(
                        f"no archive in the database {self.shown}: ingest documents into it"
                        f" first (`cablewire ingest PATH --db {self.shown}`), or give the"
                        " right --db")
                migrate(conn, uuid.uuid4().hex)
                row = conn.execute("SELECT value FROM meta WHERE name = 'archive_id'").fetchone()
                assert row is not None
                self.archive_id = str(row[0])
        except psycopg.OperationalError as exc:
            raise _unreachable(self.shown, exc) from None
        self._pool = ConnectionPool(uri, min_size=1, max_size=pool_size, open=True,
                                    kwargs={"autocommit": True,
                                            "connect_timeout": CONNECT_TIMEOUT_S},
                                    name="cablewire")

    # -- connections ---------------------------------------------------------------------------

    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except psycopg.OperationalError as exc:
            raise StoreError(f"the archive {self.shown} could not be read: {exc}") from exc

    def _rows(self, sql: str, args: Any = ()) -> list[tuple[Any, ...]]:
        with self._conn() as conn:
            return conn.execute(sql, args).fetchall()

    def _one(self, sql: str, args: Any = ()) -> tuple[Any, ...] | None:
        with self._conn() as conn:
            return conn.execute(sql, args).fetchone()

    def _stream(self, sql: str, args: Any = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a long result, read from a server-side cursor a few hundred at a time."""
        with self._conn() as conn, conn.transaction():
            with conn.cursor(name="cablewire_stream") as cur:
                cur.itersize = STREAM_ROWS
                cur.execute(sql, args)
                yield from cur

    @contextmanager
    def _write(self) -> Iterator[tuple[psycopg.Cursor[Any], _Sequence]]:
        """One write transaction, all of it or none of it, holding the change counter: a
        second writer waits for the first to commit (up to `LOCK_TIMEOUT`)."""
        try:
            with self._pool.connection() as conn, conn.transaction():
                cur = conn.cursor()
                cur.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
                value = cur.execute(
                    "SELECT value FROM counters WHERE name = 'seq' FOR UPDATE").fetchone()
                assert value is not None
                seq = _Sequence(int(value[0]))
                yield cur, seq
                cur.execute("UPDATE counters SET value = %s WHERE name = 'seq'", (seq.value,))
        except pg_errors.LockNotAvailable:
            raise StoreBusy(
                f"another cablewire process has been writing {self.shown} for over"
                f" {LOCK_TIMEOUT}: wait for it to finish, then run this again") from None
        except psycopg.OperationalError as exc:
            raise StoreError(f"the archive {self.shown} could not be written: {exc}") from exc

    def index_location(self) -> str | None:
        return str(INDEX_ROOT / f"{self.archive_id}.index")

    # -- documents: writing --------------------------------------------------------------------

    def source_seen(self, label: str, sha256: str) -> int | None:
        row = self._one(
            "SELECT documents FROM sources WHERE label = %s AND sha256 = %s AND status = 'ok'",
            (label, sha256))
        return None if row is None else int(row[0])

    def write_batch(self, batch: list[SourceResult]) -> BatchSummary:
        summary = BatchSummary()
        source_sql = ("INSERT INTO sources VALUES (%s, %s, %s, %s, %s, %s, %s)"
                      " ON CONFLICT (label) DO UPDATE SET sha256 = EXCLUDED.sha256,"
                      " size = EXCLUDED.size, status = EXCLUDED.status, error = EXCLUDED.error,"
                      " documents = EXCLUDED.documents, ingested_at = EXCLUDED.ingested_at")
        with self._write() as (cur, seq):
            for result in batch:
                stamp = _now()
                if result.data and not cur.execute(
                        "SELECT 1 FROM blobs WHERE sha256 = %s", (result.sha256,)).fetchone():
                    cur.execute("INSERT INTO blobs VALUES (%s, %s) ON CONFLICT DO NOTHING",
                                (result.sha256, zlib.compress(result.data, 6)))
                if result.error is not None:
                    summary.failed += 1
                    cur.execute(source_sql, (result.label, result.sha256, len(result.data),
                                             "failed", result.error, 0, stamp))
                    continue
                for doc in result.documents:
                    outcome = revs.write_revision(cur, with_id(doc), result.label,
                                                  result.sha256, stamp, seq.next)
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                cur.execute(source_sql, (result.label, result.sha256, len(result.data), "ok",
                                         None, len(result.documents), stamp))
        return summary

    # -- documents: reading --------------------------------------------------------------------

    def get(self, doc_id: str, revision: int | None = None) -> dict[str, Any] | None:
        if revision is None:
            row = self._one("SELECT r.data FROM documents d JOIN revisions r"
                            " ON r.id = d.id AND r.revision = d.revision WHERE d.id = %s",
                            (doc_id,))
        else:
            row = self._one("SELECT data FROM revisions WHERE id = %s AND revision = %s",
                            (doc_id, revision))
        return revs.unpack(row[0]) if row else None

    def revision_of(self, doc_id: str) -> int | None:
        row = self._one("SELECT revision FROM documents WHERE id = %s", (doc_id,))
        return None if row is None else int(row[0])

    def find_id(self, text: str) -> str | None:
        for sql in ("SELECT id FROM documents WHERE id = %s",
                    "SELECT id FROM documents WHERE lower(id) = lower(%s) ORDER BY id LIMIT 1"):
            row = self._one(sql, (text.strip(),))
            if row:
                return str(row[0])
        return None

    def revisions(self, doc_id: str) -> list[RevisionInfo]:
        with self._conn() as conn:
            shown = conn.execute("SELECT revision FROM documents WHERE id = %s",
                                 (doc_id,)).fetchone()
            rows = conn.execute(
                "SELECT revision, ingested_at, source, content_hash FROM revisions"
                " WHERE id = %s ORDER BY revision", (doc_id,)).fetchall()
            chosen = {c.revision: c for c in revs.candidates(conn, doc_id)}
        current = shown[0] if shown else None
        return [{"revision": r[0], "ingested_at": r[1], "source": r[2], "content_hash": r[3],
                 "released": chosen[r[0]].released,
                 "completeness": chosen[r[0]].completeness.to_dict(),
                 "current": r[0] == current} for r in rows]

    def current(self, doc_id: str) -> CurrentRevision | None:
        with self._conn() as conn:
            return revs.current(conn, doc_id)

    def original(self, doc_id: str, revision: int | None = None) -> bytes | None:
        row = self._one(
            "SELECT b.data FROM revisions r JOIN blobs b ON b.sha256 = r.blob"
            " WHERE r.id = %s AND r.revision = COALESCE(%s, (SELECT revision FROM documents"
            " WHERE id = %s))", (doc_id, revision, doc_id))
        return zlib.decompress(row[0]) if row else None

    def cites(self, doc_id: str) -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT cited FROM citations WHERE citing = %s ORDER BY position", (doc_id,))]

    def cited_by(self, doc_id: str) -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT citing FROM citations WHERE cited = %s ORDER BY citing", (doc_id,))]

    def citations_from(self, ids: list[str]) -> dict[str, list[str]]:
        return self._citations(ids, "citing", "cited", "citing, position")

    def citations_to(self, ids: list[str]) -> dict[str, list[str]]:
        return self._citations(ids, "cited", "citing", "cited, citing")

    def _citations(self, ids: list[str], key: str, value: str,
                   order: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for found, other in self._rows(
                f"SELECT {key}, {value} FROM citations WHERE {key} = ANY(%s) ORDER BY {order}",
                (list(dict.fromkeys(ids)),)):
            out.setdefault(found, []).append(other)
        return out

    def most_cited(self, year: str | None = None, station: str | None = None,
                   limit: int = 20) -> list[CitationCount]:
        where: list[str] = []
        args: list[Any] = []
        if year is not None or station is not None:
            if not _pattern_safe(year) or not _pattern_safe(station):
                return []
            if year is not None:  # a prefix, so the year walks citations_cited
                where.append("cited LIKE %s")
                args.append(year + (station or "") + "%")
            # The serial after the station is digits only: BAMAKO must not match BAMAKOX12.
            where.append("cited ~ %s")
            args.append("^" + (year or "[0-9]{2}")
                        + (f"{station}[0-9]+$" if station else ""))
        sql = ("SELECT cited, COUNT(*) FROM citations"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " GROUP BY cited ORDER BY COUNT(*) DESC, cited LIMIT %s")
        args.append(limit)
        return [{"id": r[0], "citations": int(r[1])} for r in self._rows(sql, args)]

    def listing(self, ids: list[str]) -> dict[str, ListingInfo]:
        out: dict[str, ListingInfo] = {}
        for row in self._rows("SELECT id, kind, title, date, origin, classification"
                              " FROM documents WHERE id = ANY(%s)", (list(ids),)):
            out[row[0]] = {"id": row[0], "kind": row[1], "title": row[2], "date": row[3],
                           "origin": row[4], "classification": row[5]}
        return out

    def max_seq(self) -> int:
        row = self._one("SELECT value FROM counters WHERE name = 'seq'")
        assert row is not None
        return int(row[0])

    def changes_since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        for row_seq, data in self._stream(
                "SELECT d.seq, r.data FROM documents d JOIN revisions r"
                " ON r.id = d.id AND r.revision = d.revision WHERE d.seq > %s ORDER BY d.seq",
                (seq,)):
            yield int(row_seq), revs.unpack(data)

    def change_ids_since(self, seq: int) -> Iterator[tuple[int, str]]:
        for row_seq, doc_id in self._stream(
                "SELECT seq, id FROM documents WHERE seq > %s ORDER BY seq", (seq,)):
            yield int(row_seq), str(doc_id)

    def failures(self) -> list[FailureInfo]:
        return [{"source": r[0], "error": r[1], "ingested_at": r[2]} for r in self._rows(
            "SELECT label, error, ingested_at FROM sources WHERE status = 'failed'"
            " ORDER BY label")]

    def clear_failures(self) -> int:
        with self._write() as (cur, _seq):
            cur.execute("DELETE FROM sources WHERE status = 'failed'")
            return int(cur.rowcount)

    def values_like(self, column: str, value: str) -> list[str]:
        return [str(r[0]) for r in self._rows(
            "SELECT value FROM facet_values WHERE facet = %s AND lower(value) = lower(%s)",
            (column, value))]

    def stats(self) -> Stats:
        with self._conn() as conn:
            def counts(column: str) -> dict[str, int]:
                rows = conn.execute(
                    f"SELECT {column}, COUNT(*) FROM documents GROUP BY {column}"
                    f" ORDER BY COUNT(*) DESC, {column} NULLS FIRST")
                return {str(k) if k is not None else "unknown": int(n) for k, n in rows}

            def scalar(sql: str) -> int:
                row = conn.execute(sql).fetchone()
                return int(row[0]) if row else 0

            sources = {k: int(n) for k, n in conn.execute(
                "SELECT status, COUNT(*) FROM sources GROUP BY status")}
            return {
                "documents": scalar("SELECT COUNT(*) FROM documents"),
                "revisions": scalar("SELECT COUNT(*) FROM revisions"),
                "sources": {"ok": sources.get("ok", 0), "failed": sources.get("failed", 0)},
                "by_kind": counts("kind"),
                "by_year": counts("year"),
                "by_origin": counts("origin"),
                "by_classification": counts("classification"),
                "database_bytes": scalar("SELECT pg_database_size(current_database())"),
            }

    # -- stage results -------------------------------------------------------------------------

    def pending(self, stage: str, version: str, inputs: str = "") -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT d.id FROM documents d LEFT JOIN stage_results s"
            " ON s.id = d.id AND s.stage = %s"
            " WHERE s.id IS NULL OR s.version != %s OR s.revision != d.revision"
            " OR s.inputs != %s ORDER BY d.seq", (stage, version, inputs))]

    def write_results(self, results: list[StageResult], indexed: bool = False) -> int:
        written = 0
        with self._write() as (cur, seq):
            applying = keymap.active(corr.corrections(cur))
            for result in results:
                row = cur.execute("SELECT revision FROM documents WHERE id = %s",
                                  (result.document,)).fetchone()
                if row is None or row[0] != result.revision:
                    continue  # the document changed since: its new revision is pending
                digest = result_hash(result.data)
                old = cur.execute(
                    "SELECT version, revision, inputs, hash FROM stage_results"
                    " WHERE id = %s AND stage = %s", (result.document, result.stage)).fetchone()
                if old == (result.version, result.revision, result.inputs, digest):
                    continue
                cur.execute(
                    "INSERT INTO stage_results VALUES (%s, %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (id, stage) DO UPDATE SET version = EXCLUDED.version,"
                    " revision = EXCLUDED.revision, inputs = EXCLUDED.inputs,"
                    " hash = EXCLUDED.hash, data = EXCLUDED.data",
                    (result.document, result.stage, result.version, result.revision,
                     result.inputs, digest, revs.pack(result.data)))
                if applying:  # the other stages' rows may follow this one's keys
                    corr.derive(cur, result.document, [result.stage], applying)
                else:
                    corr.write_sources(cur, result.document, result.stage, result.data)
                    write_rows(cur, result.document, result.stage, result.data)
                if indexed:
                    cur.execute("UPDATE documents SET seq = %s WHERE id = %s",
                                (seq.next(), result.document))
                written += 1
        return written

    def result(self, doc_id: str, stage: str) -> dict[str, Any] | None:
        row = self._one(
            "SELECT s.data FROM stage_results s JOIN documents d ON d.id = s.id"
            " AND d.revision = s.revision WHERE s.id = %s AND s.stage = %s", (doc_id, stage))
        return None if row is None else revs.unpack(row[0])

    def results(self, doc_id: str) -> dict[str, dict[str, Any]]:
        return {stage: revs.unpack(data) for stage, data in self._rows(
            "SELECT s.stage, s.data FROM stage_results s JOIN documents d ON d.id = s.id"
            " AND d.revision = s.revision WHERE s.id = %s ORDER BY s.stage", (doc_id,))}

    def result_origins(self, doc_id: str) -> dict[str, tuple[str, str]]:
        return {stage: (version, inputs) for stage, version, inputs in self._rows(
            "SELECT s.stage, s.version, s.inputs FROM stage_results s JOIN documents d"
            " ON d.id = s.id AND d.revision = s.revision WHERE s.id = %s ORDER BY s.stage",
            (doc_id,))}

    def stage_counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for stage, version, n in self._rows(
                "SELECT stage, version, COUNT(*) FROM stage_results GROUP BY stage, version"
                " ORDER BY stage, version"):
            out.setdefault(stage, {})[version] = int(n)
        return out

    # -- views over derived rows ---------------------------------------------------------------

    def entity_keys(self, name: str, type_: str | None = None) -> list[str]:
        sql = "SELECT DISTINCT n.key FROM entity_names n"
        args: list[Any] = [name]
        if type_:
            sql += " JOIN entity_documents d ON d.key = n.key AND d.id = n.id AND d.type = %s"
            args.insert(0, type_)
        sql += " WHERE lower(n.name) = lower(%s) ORDER BY n.key"
        keys = [r[0] for r in self._rows(sql, args)]
        if not keys and self._one("SELECT 1 FROM entity_documents WHERE key = %s LIMIT 1",
                                  (name,)):
            keys = [name]
        return keys

    def entity(self, key: str) -> Entity | None:
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT e.id, e.type, e.name, e.mentions, d.title, d.date, d.kind"
                " FROM entity_documents e JOIN documents d ON d.id = e.id WHERE e.key = %s"
                " ORDER BY d.date NULLS FIRST, e.id", (key,)).fetchall()
            if not rows:
                return None
            names = Counter(r[2] for r in rows)
            name = names.most_common(1)[0][0]
            aliases = sorted({r[0] for r in conn.execute(
                "SELECT name FROM entity_names WHERE key = %s", (key,))} - {name})
            facts = Counter((r[0], r[1]) for r in conn.execute(
                "SELECT kind, value FROM entity_facts WHERE key = %s", (key,)))
            co = conn.execute(
                "SELECT o.key, MAX(o.name), MAX(o.type), COUNT(DISTINCT o.id)"
                " FROM entity_documents e JOIN entity_documents o ON o.id = e.id"
                " AND o.key != e.key WHERE e.key = %s GROUP BY o.key"
                " ORDER BY COUNT(DISTINCT o.id) DESC, o.key LIMIT 25", (key,)).fetchall()
            place = conn.execute("SELECT lat, lon, country FROM places WHERE key = %s LIMIT 1",
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
            "co_occurring": [{"key": r[0], "name": r[1], "type": r[2], "documents": int(r[3])}
                             for r in co],
            "place": {"lat": place[0], "lon": place[1], "country": place[2]} if place else None,
            "quotes": self.quotes(key),
            "events": self.timeline(entity=key),
        }

    def entities(self, type_: str | None = None, limit: int = 100) -> list[EntityListItem]:
        sql = ("SELECT key, MAX(type), MAX(name), SUM(mentions), COUNT(DISTINCT id)"
               " FROM entity_documents"
               + (" WHERE type = %s" if type_ else "")
               + " GROUP BY key ORDER BY COUNT(DISTINCT id) DESC, SUM(mentions) DESC, key"
               " LIMIT %s")
        args: list[Any] = ([type_] if type_ else []) + [limit]
        return [{"key": r[0], "type": r[1], "name": r[2], "mentions": int(r[3]),
                 "documents": int(r[4])} for r in self._rows(sql, args)]

    def cross_reference(self, doc_id: str, per_entity: int = 5) -> list[CastMember]:
        with self._conn() as conn:
            return cross_reference(conn, doc_id, per_entity)

    def timeline(self, entity: str | None = None, ids: list[str] | None = None,
                 limit: int = 500) -> list[TimelineEntry]:
        sql = ("SELECT e.id, e.date, e.end_date, e.precision, e.sentence, e.entities, d.title"
               " FROM events e JOIN documents d ON d.id = e.id")
        where: list[str] = []
        args: list[Any] = []
        if entity:
            where.append("e.entities ILIKE %s")  # SQLite's LIKE ignores ASCII case
            args.append(f'%"{entity}"%')
        if ids is not None:
            if not ids:
                return []
            where.append("e.id = ANY(%s)")
            args.append(list(ids))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date, e.id, e.position LIMIT %s"
        args.append(limit)
        return [{"document": r[0], "title": r[6], "date": r[1], "end": r[2], "precision": r[3],
                 "sentence": r[4], "entities": json.loads(r[5])}
                for r in self._rows(sql, args)]

    def quotes(self, speaker_key: str | None = None, limit: int = 500) -> list[Quote]:
        sql = ("SELECT q.id, q.speaker, q.speaker_key, q.text, q.paragraph, d.date, d.title"
               " FROM quotes q JOIN documents d ON d.id = q.id")
        args: list[Any] = []
        if speaker_key:
            sql += " WHERE q.speaker_key = %s"
            args.append(speaker_key)
        sql += " ORDER BY d.date NULLS FIRST, q.id, q.position LIMIT %s"
        args.append(limit)
        return [{"document": r[0], "speaker": r[1], "speaker_key": r[2], "text": r[3],
                 "paragraph": r[4], "date": r[5], "title": r[6]}
                for r in self._rows(sql, args)]

    def places(self, limit: int = 500) -> list[Place]:
        return [{"key": r[0], "name": r[1], "lat": r[2], "lon": r[3], "country": r[4],
                 "documents": int(r[5])} for r in self._rows(
            "SELECT key, MIN(name), MIN(lat), MIN(lon), MIN(country), COUNT(DISTINCT id)"
            " FROM places GROUP BY key ORDER BY COUNT(DISTINCT id) DESC, key LIMIT %s",
            (limit,))]

    # -- users' corrections of entities ---------------------------------------------------------

    def add_correction(self, request: CorrectionRequest) -> EntityCorrection:
        with self._write() as (cur, seq):
            found = cur.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM entity_corrections"
                                ).fetchone()
            assert found is not None
            number = int(found[0])
            cur.execute(
                "INSERT INTO entity_corrections (id, action, key, into_key, name, choice, note,"
                " made_by, made_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (number, request.action, request.key, request.into, request.name,
                 json.dumps({"names": request.names, "documents": request.documents,
                             "mentions": request.mentions}), request.note, request.by, _now()))
            made = corr.corrections(cur, number)[0]
            corr.rederive(cur, made, seq.next)
        return made

    def undo_correction(self, correction_id: int, by: str) -> EntityCorrection:
        with self._write() as (cur, seq):
            found = corr.corrections(cur, correction_id)
            if not found:
                raise NotFound(f"no correction {correction_id}: list them with"
                               " `cablewire entity corrections`")
            if found[0]["undone_at"] is not None:
                raise UsageError(f"correction {correction_id} was undone already"
                                 f" ({found[0]['undone_at']}, by {found[0]['undone_by']})")
            cur.execute("UPDATE entity_corrections SET undone_by = %s, undone_at = %s"
                        " WHERE id = %s", (by, _now(), correction_id))
            undone = corr.corrections(cur, correction_id)[0]
            corr.rederive(cur, undone, seq.next)
        return undone

    def corrections(self) -> list[EntityCorrection]:
        with self._conn() as conn:
            return corr.corrections(conn)

    def close(self) -> None:
        self._pool.close()


_PATTERN_SAFE = re.compile(r"[A-Za-z0-9]*")


def _pattern_safe(text: str | None) -> bool:
    """Whether `text` can stand in a LIKE and a regular expression as itself."""
    return text is None or _PATTERN_SAFE.fullmatch(text) is not None


def _unreachable(shown: str, exc: Exception) -> Exception:
    """The error for a database that cannot be opened, with what to do about it."""
    message = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    if "does not exist" in message and "database" in message:
        return ArchiveMissing(
            f"{message}: create it first (`createdb NAME` on the server, or CREATE DATABASE),"
            f" then ingest into it with --db {shown}")
    return StoreError(
        f"cannot reach the PostgreSQL archive {shown} ({message}): check that the server runs"
        " and that the address, user and password in --db (or $CABLEWIRE_DB) are right")
