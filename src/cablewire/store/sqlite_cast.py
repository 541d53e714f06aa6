"""The SQLite store's cross-reference of a document's cast: each entity it names, with how many
other documents name it and the few that mention it most, in one statement.

The plan (`EXPLAIN QUERY PLAN`, checked by `tests/store/test_sqlite.py`): the document's rows
come from `entity_documents_id`; each entity's count from `entity_counts` (kept by the writes,
one row per entity); its strongest documents from `entity_documents_strongest` (key, mentions
DESC, date DESC, id) in order, so the scan stops after `per_entity` rows however many documents
name the entity (migration 005).
"""

from __future__ import annotations

import json
import sqlite3

from cablewire.results import CastMember, EntityDocument
from cablewire.store.base import CAST_TYPES, strongest_first

_TYPE_RANK = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(CAST_TYPES))

CROSS_REFERENCE_SQL = f"""
WITH mine AS (
    SELECT key, MAX(type) AS type, MAX(name) AS name, MAX(mentions) AS mentions
    FROM entity_documents WHERE id = :id GROUP BY key
)
SELECT m.key, m.type, m.name, m.mentions,
    COALESCE((SELECT c.documents FROM entity_counts c WHERE c.key = m.key) - 1, 0),
    (SELECT json_group_array(json_array(s.id, s.kind, s.title, s.date, s.mentions)) FROM (
        SELECT o.id, d.kind, d.title, d.date, o.mentions
        FROM entity_documents o INDEXED BY entity_documents_strongest
        JOIN documents d ON d.id = o.id
        WHERE o.key = m.key AND o.id != :id
          AND NOT EXISTS (  -- one row per document when several stages name the entity
              SELECT 1 FROM entity_documents x
              WHERE x.key = o.key AND x.id = o.id AND x.stage != o.stage
                AND (x.mentions > o.mentions OR x.mentions = o.mentions AND x.stage < o.stage))
        ORDER BY o.mentions DESC, o.date DESC, o.id
        LIMIT :limit) s)
FROM mine m
ORDER BY CASE m.type {_TYPE_RANK} ELSE {len(CAST_TYPES)} END, m.type, m.mentions DESC,
    m.name, m.key
"""


def cross_reference(db: sqlite3.Connection, doc_id: str, per_entity: int) -> list[CastMember]:
    """The cast of `doc_id` (see `Store.cross_reference`)."""
    out: list[CastMember] = []
    for key, type_, name, mentions, others, strongest in db.execute(
        CROSS_REFERENCE_SQL, {"id": doc_id, "limit": max(0, per_entity)}
    ):
        documents: list[EntityDocument] = [
            {"id": d[0], "kind": d[1], "title": d[2], "date": d[3], "mentions": d[4]}
            for d in json.loads(strongest or "[]")
        ]
        out.append({"key": key, "type": type_, "name": name, "mentions": mentions,
                    "documents": others, "strongest": strongest_first(documents)})
    return out
