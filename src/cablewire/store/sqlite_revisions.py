"""A document's revisions in the SQLite store: writing a new one, choosing the current one
(`cablewire.model.revisions.choose_current`) and putting it in the `documents` row, which is
what everything else reads (listing, facets, citations, the change sequence, stage results).

Every revision row keeps its release date and completeness beside its JSON form, so choosing
reads no document; a revision stored before migration 006 has none, and they are computed from
its JSON form when needed. `documents.current` holds the choice with its reasons (NULL for a
document stored before 006 with one revision: its only one).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable
from typing import Any

from cablewire.model.listing import content_hash, listing
from cablewire.model.revisions import (
    Candidate,
    Choice,
    Completeness,
    candidate,
    choose_current,
    completeness,
)
from cablewire.results import CurrentRevision


def pack(value: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8"), 6)


def unpack(data: bytes) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(zlib.decompress(data))
    return value


def write_revision(db: sqlite3.Connection, doc: dict[str, Any], label: str, blob: str,
                   stamp: str, next_seq: Callable[[], int]) -> str:
    """Store `doc` (with its id) as a revision unless one of its revisions has its content;
    then choose the current revision again. Returns `new`, `updated` or `unchanged`."""
    digest = content_hash(doc)
    doc_id = doc["id"]
    if db.execute("SELECT 1 FROM revisions WHERE id = ? AND content_hash = ? LIMIT 1",
                  (doc_id, digest)).fetchone():
        return "unchanged"
    latest = db.execute("SELECT MAX(revision) FROM revisions WHERE id = ?",
                        (doc_id,)).fetchone()[0]
    revision = 1 if latest is None else int(latest) + 1
    made = candidate(revision, doc)
    db.execute(
        "INSERT INTO revisions (id, revision, content_hash, data, source, blob, ingested_at,"
        " released, completeness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, revision, digest, pack(doc), label, blob, stamp, made.released,
         json.dumps(made.completeness.to_dict())),
    )
    decide(db, doc_id, next_seq, {revision: doc})
    return "new" if latest is None else "updated"


def candidates(db: sqlite3.Connection, doc_id: str) -> list[Candidate]:
    """Every revision of a document as the choice sees it, in ingest order."""
    out = []
    for number, released, stored, data in db.execute(
            "SELECT revision, released, completeness, CASE WHEN completeness IS NULL THEN data"
            " END FROM revisions WHERE id = ? ORDER BY revision", (doc_id,)):
        if stored is None:  # stored before migration 006: read it from its JSON form
            out.append(candidate(int(number), unpack(data)))
        else:
            out.append(Candidate(int(number), released,
                                 Completeness.from_dict(json.loads(stored))))
    return out


def decide(db: sqlite3.Connection, doc_id: str, next_seq: Callable[[], int],
           known: dict[int, dict[str, Any]] | None = None) -> bool:
    """Choose the current revision of `doc_id` and record it with its reasons; when it is
    another revision than before, it becomes the `documents` row (a new change number, so the
    index takes it). `known` holds JSON forms at hand, by revision. Returns whether the
    current revision changed."""
    choice = choose_current(candidates(db, doc_id))
    row = db.execute("SELECT revision FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is not None and int(row[0]) == choice.revision:
        db.execute("UPDATE documents SET current = ? WHERE id = ?",
                   (json.dumps(choice.to_dict()), doc_id))
        return False
    doc = (known or {}).get(choice.revision)
    if doc is None:
        found = db.execute("SELECT data FROM revisions WHERE id = ? AND revision = ?",
                           (doc_id, choice.revision)).fetchone()
        doc = unpack(found[0])
    _show(db, doc, choice, next_seq(), updated=row is not None)
    return True


def _show(db: sqlite3.Connection, doc: dict[str, Any], choice: Choice, seq: int,
          updated: bool) -> None:
    """Make `doc` (revision `choice.revision`) the document's row: its listing columns, tags,
    facet values and citations."""
    doc_id = doc["id"]
    cols = listing(doc)
    db.execute(
        "INSERT OR REPLACE INTO documents (id, kind, revision, title, date, year, origin,"
        " classification, seq, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, cols.kind, choice.revision, cols.title, cols.date, cols.year, cols.origin,
         cols.classification, seq, json.dumps(choice.to_dict())),
    )
    if updated:  # its entity rows are ordered by its date (cross_reference)
        db.execute("UPDATE entity_documents SET date = ? WHERE id = ?", (cols.date, doc_id))
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
        (("origin", cols.origin), ("classification", cols.classification), ("kind", cols.kind))
        if value
    ]
    db.executemany("INSERT OR IGNORE INTO facet_values VALUES (?, ?)", values)


def current(db: sqlite3.Connection, doc_id: str) -> CurrentRevision | None:
    """The recorded choice of a document's current revision (None: not stored)."""
    row = db.execute("SELECT current FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    if row[0] is None:  # stored before migration 006 with one revision
        found_all = candidates(db, doc_id)
        return choose_current(found_all).to_dict() if found_all else None
    found: CurrentRevision = json.loads(row[0])
    return found


def decide_stored(db: sqlite3.Connection) -> None:
    """Migration 006's step: record the completeness of every revision of the documents that
    have more than one, and choose their current revision by the rule (before 006 it was the
    newest). Runs inside the migration's transaction."""
    seq = [int(db.execute("SELECT value FROM counters WHERE name = 'seq'").fetchone()[0])]

    def next_seq() -> int:
        seq[0] += 1
        return seq[0]

    ids = [r[0] for r in db.execute(
        "SELECT id FROM revisions GROUP BY id HAVING COUNT(*) > 1 ORDER BY id")]
    for doc_id in ids:
        for number, data in db.execute(
                "SELECT revision, data FROM revisions WHERE id = ? AND completeness IS NULL",
                (doc_id,)).fetchall():
            doc = unpack(data)
            released = doc.get("released")
            db.execute("UPDATE revisions SET released = ?, completeness = ? WHERE id = ?"
                       " AND revision = ?",
                       (str(released) if released else None,
                        json.dumps(completeness(doc).to_dict()), doc_id, number))
        decide(db, doc_id, next_seq)
    db.execute("UPDATE counters SET value = ? WHERE name = 'seq'", (seq[0],))
