"""The PostgreSQL store's cross-reference of a document's cast (see `Store.cross_reference`),
in one statement, as the SQLite store's (`cablewire.store.sqlite_cast`): each entity's count
from `entity_counts`, its strongest documents from `entity_documents_strongest` in order, so the
scan stops after `per_entity` rows."""

from __future__ import annotations

from typing import Any

from cablewire.results import CastMember, EntityDocument
from cablewire.store.base import CAST_TYPES, strongest_first

_TYPE_RANK = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(CAST_TYPES))

CROSS_REFERENCE_SQL = f"""
WITH mine AS (
    SELECT key, MAX(type) AS type, MAX(name) AS name, MAX(mentions) AS mentions
    FROM entity_documents WHERE id = %(id)s GROUP BY key
)
SELECT m.key, m.type, m.name, m.mentions,
    COALESCE((SELECT c.documents FROM entity_counts c WHERE c.key = m.key) - 1, 0),
    (SELECT json_agg(json_build_array(s.id, s.kind, s.title, s.date, s.mentions)) FROM (
        SELECT o.id, d.kind, d.title, d.date, o.mentions
        FROM entity_documents o
        JOIN documents d ON d.id = o.id
        WHERE o.key = m.key AND o.id != %(id)s
          AND NOT EXISTS (  -- one row per document when several stages name the entity
              SELECT 1 FROM entity_documents x
              WHERE x.key = o.key AND x.id = o.id AND x.stage != o.stage
                AND (x.mentions > o.mentions OR x.mentions = o.mentions AND x.stage < o.stage))
        ORDER BY o.mentions DESC, o.date DESC NULLS LAST, o.id
        LIMIT %(limit)s) s)
FROM mine m
ORDER BY CASE m.type {_TYPE_RANK} ELSE {len(CAST_TYPES)} END, m.type, m.mentions DESC,
    m.name, m.key
"""


def cross_reference(cur: Any, doc_id: str, per_entity: int) -> list[CastMember]:
    """The cast of `doc_id` (see `Store.cross_reference`)."""
    out: list[CastMember] = []
    for key, type_, name, mentions, others, strongest in cur.execute(
        CROSS_REFERENCE_SQL, {"id": doc_id, "limit": max(0, per_entity)}
    ):
        documents: list[EntityDocument] = [
            {"id": d[0], "kind": d[1], "title": d[2], "date": d[3], "mentions": d[4]}
            for d in strongest or []
        ]
        out.append({"key": key, "type": type_, "name": name, "mentions": mentions,
                    "documents": int(others), "strongest": strongest_first(documents)})
    return out
