"""A document's revisions in the PostgreSQL store: writing a new one, choosing the current one
(`cablewire.model.revisions.choose_current`) and putting it in the `documents` row, as the
SQLite store does (`cablewire.store.sqlite_revisions`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from cablewire.model.listing import content_hash, listing
from cablewire.model.revisions import Candidate, Choice, Completeness, candidate, choose_current
from cablewire.results import CurrentRevision
from cablewire.store.sqlite_revisions import pack, unpack

__all__ = ["candidates", "current", "pack", "unpack", "write_revision"]


def write_revision(cur: Any, doc: dict[str, Any], label: str, blob: str, stamp: str,
                   next_seq: Callable[[], int]) -> str:
    """Store `doc` (with its id) as a revision unless one of its revisions has its content;
    then choose the current revision again. Returns `new`, `updated` or `unchanged`."""
    digest = content_hash(doc)
    doc_id = doc["id"]
    if cur.execute("SELECT 1 FROM revisions WHERE id = %s AND content_hash = %s LIMIT 1",
                   (doc_id, digest)).fetchone():
        return "unchanged"
    latest = cur.execute("SELECT MAX(revision) FROM revisions WHERE id = %s",
                         (doc_id,)).fetchone()[0]
    revision = 1 if latest is None else int(latest) + 1
    made = candidate(revision, doc)
    cur.execute(
        "INSERT INTO revisions (id, revision, content_hash, data, source, blob, ingested_at,"
        " released, completeness) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (doc_id, revision, digest, pack(doc), label, blob, stamp, made.released,
         json.dumps(made.completeness.to_dict())),
    )
    _decide(cur, doc_id, next_seq, {revision: doc})
    return "new" if latest is None else "updated"


def candidates(cur: Any, doc_id: str) -> list[Candidate]:
    """Every revision of a document as the choice sees it, in ingest order."""
    return [Candidate(int(number), released, Completeness.from_dict(json.loads(stored)))
            for number, released, stored in cur.execute(
                "SELECT revision, released, completeness FROM revisions WHERE id = %s"
                " ORDER BY revision", (doc_id,))]


def _decide(cur: Any, doc_id: str, next_seq: Callable[[], int],
            known: dict[int, dict[str, Any]]) -> None:
    choice = choose_current(candidates(cur, doc_id))
    row = cur.execute("SELECT revision FROM documents WHERE id = %s", (doc_id,)).fetchone()
    if row is not None and int(row[0]) == choice.revision:
        cur.execute("UPDATE documents SET current = %s WHERE id = %s",
                    (json.dumps(choice.to_dict()), doc_id))
        return
    doc = known.get(choice.revision)
    if doc is None:
        found = cur.execute("SELECT data FROM revisions WHERE id = %s AND revision = %s",
                            (doc_id, choice.revision)).fetchone()
        doc = unpack(found[0])
    _show(cur, doc, choice, next_seq(), updated=row is not None)


def _show(cur: Any, doc: dict[str, Any], choice: Choice, seq: int, updated: bool) -> None:
    """Make `doc` (revision `choice.revision`) the document's row: its listing columns, tags,
    facet values and citations."""
    doc_id = doc["id"]
    cols = listing(doc)
    cur.execute(
        "INSERT INTO documents (id, kind, revision, title, date, year, origin, classification,"
        " seq, current) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, revision = EXCLUDED.revision,"
        " title = EXCLUDED.title, date = EXCLUDED.date, year = EXCLUDED.year,"
        " origin = EXCLUDED.origin, classification = EXCLUDED.classification,"
        " seq = EXCLUDED.seq, current = EXCLUDED.current",
        (doc_id, cols.kind, choice.revision, cols.title, cols.date, cols.year, cols.origin,
         cols.classification, seq, json.dumps(choice.to_dict())),
    )
    if updated:  # its entity rows are ordered by its date (cross_reference)
        cur.execute("UPDATE entity_documents SET date = %s WHERE id = %s", (cols.date, doc_id))
    cur.execute("DELETE FROM citations WHERE citing = %s", (doc_id,))
    cur.executemany(
        "INSERT INTO citations VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
        [(doc_id, cited, i) for i, cited in enumerate(doc.get("references") or [])],
    )
    cur.execute("DELETE FROM tags WHERE id = %s", (doc_id,))
    tags = doc.get("tags") or []
    cur.executemany("INSERT INTO tags VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    [(doc_id, t) for t in tags])
    values = [("tag", t) for t in tags] + [
        (facet, value) for facet, value in
        (("origin", cols.origin), ("classification", cols.classification), ("kind", cols.kind))
        if value
    ]
    cur.executemany("INSERT INTO facet_values VALUES (%s, %s) ON CONFLICT DO NOTHING", values)


def current(cur: Any, doc_id: str) -> CurrentRevision | None:
    """The recorded choice of a document's current revision (None: not stored)."""
    row = cur.execute("SELECT current FROM documents WHERE id = %s", (doc_id,)).fetchone()
    if row is None:
        return None
    found: CurrentRevision = json.loads(row[0])
    return found
