"""Enrichment in the SQLite store: per-document results keyed by stage, and the archive-wide
tables derived from them (entities, aliases, facts, places, dated events, quotes).

A document's rows are deleted and written again whenever its enrichment is (re)written, so a
newer enricher version re-runs cleanly. Entities merge across documents by their canonical key.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import Counter
from typing import Any

from cablewire.results import Entity, EntityListItem, Place, Quote, TimelineEntry

M003_ENRICHMENT = """
CREATE TABLE enrichments (
    id TEXT NOT NULL,
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    revision INTEGER NOT NULL,     -- the document revision it was made from
    data BLOB NOT NULL,            -- the enrichment JSON, zlib-compressed
    PRIMARY KEY (id, stage)
);
CREATE TABLE entity_documents (    -- which entity a document names, how often, under which name
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, id)
);
CREATE INDEX entity_documents_id ON entity_documents(id);
CREATE TABLE entity_names (        -- every name an entity goes by, per document
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (key, id, name)
);
CREATE INDEX entity_names_name ON entity_names(name);
CREATE TABLE entity_facts (
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (key, id, kind, value)
);
CREATE TABLE places (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT
);
CREATE TABLE events (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,            -- start of the interval (ISO)
    end_date TEXT NOT NULL,
    precision TEXT NOT NULL,
    sentence TEXT NOT NULL,
    entities TEXT NOT NULL,        -- JSON list of entity keys
    PRIMARY KEY (id, position)
);
CREATE INDEX events_date ON events(date);
CREATE TABLE quotes (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    text TEXT NOT NULL,
    paragraph INTEGER,
    PRIMARY KEY (id, position)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
"""


def write_enrichment(db: sqlite3.Connection, doc_id: str, revision: int,
                     result: dict[str, Any]) -> None:
    """Replace a document's enrichment and the rows derived from it (inside a transaction)."""
    stage = result["stage"]
    db.execute(
        "INSERT OR REPLACE INTO enrichments VALUES (?, ?, ?, ?, ?)",
        (doc_id, stage, result["version"], revision,
         zlib.compress(json.dumps(result, ensure_ascii=False).encode("utf-8"), 6)),
    )
    for table in ("entity_documents", "entity_names", "entity_facts", "events", "quotes"):
        db.execute(f"DELETE FROM {table} WHERE id = ?", (doc_id,))
    for entity in result.get("entities", []):
        key = entity["key"]
        db.execute(
            "INSERT OR REPLACE INTO entity_documents VALUES (?, ?, ?, ?, ?)",
            (key, doc_id, entity["type"], entity["name"], max(1, len(entity["mentions"]))),
        )
        names = {entity["name"], *entity["aliases"]}
        db.executemany("INSERT OR IGNORE INTO entity_names VALUES (?, ?, ?)",
                       [(key, doc_id, name) for name in names if name])
        db.executemany(
            "INSERT OR IGNORE INTO entity_facts VALUES (?, ?, ?, ?)",
            [(key, doc_id, f["kind"], f["value"]) for f in entity.get("facts", [])],
        )
    for place in result.get("places", []):
        db.execute(
            "INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?)",
            (place["key"], place["name"], place["lat"], place["lon"], place.get("country")),
        )
    db.executemany(
        "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, i, e["start"], e["end"], e["precision"], e["sentence"],
          json.dumps(e["entities"])) for i, e in enumerate(result.get("events", []))],
    )
    db.executemany(
        "INSERT OR REPLACE INTO quotes VALUES (?, ?, ?, ?, ?, ?)",
        [(doc_id, i, q.get("speaker"), q.get("speaker_key"), q["text"], q.get("paragraph"))
         for i, q in enumerate(result.get("quotes", []))],
    )


def read_enrichment(db: sqlite3.Connection, doc_id: str,
                    stage: str = "enrich") -> dict[str, Any] | None:
    row = db.execute(
        "SELECT data FROM enrichments WHERE id = ? AND stage = ?", (doc_id, stage)
    ).fetchone()
    if row is None:
        return None
    value: dict[str, Any] = json.loads(zlib.decompress(row[0]))
    return value


def pending_enrichment(db: sqlite3.Connection, stage: str, version: str) -> list[str]:
    """Ids whose newest revision has no enrichment of this stage and version."""
    rows = db.execute(
        "SELECT d.id FROM documents d LEFT JOIN enrichments e ON e.id = d.id AND e.stage = ?"
        " WHERE e.id IS NULL OR e.version != ? OR e.revision != d.revision ORDER BY d.seq",
        (stage, version),
    )
    return [r[0] for r in rows]


def entity_keys(db: sqlite3.Connection, name: str, type_: str | None = None) -> list[str]:
    """Keys of the entities that go by `name` (any alias, ignoring case), or have that key."""
    sql = "SELECT DISTINCT n.key FROM entity_names n"
    args: list[Any] = [name]
    if type_:
        sql += " JOIN entity_documents d ON d.key = n.key AND d.id = n.id AND d.type = ?"
        args.insert(0, type_)
    sql += " WHERE n.name = ?"
    keys = [r[0] for r in db.execute(sql, args)]
    if not keys:
        direct = db.execute("SELECT 1 FROM entity_documents WHERE key = ? LIMIT 1",
                            (name,)).fetchone()
        keys = [name] if direct else []
    return keys


def entity_summary(db: sqlite3.Connection, key: str) -> Entity | None:
    """One entity across the archive: names, type, facts, documents, co-occurring entities."""
    rows = db.execute(
        "SELECT e.id, e.type, e.name, e.mentions, d.title, d.date, d.kind FROM entity_documents e"
        " JOIN documents d ON d.id = e.id WHERE e.key = ? ORDER BY d.date",
        (key,),
    ).fetchall()
    if not rows:
        return None
    names = Counter(r[2] for r in rows)
    aliases = sorted({r[0] for r in db.execute(
        "SELECT name FROM entity_names WHERE key = ?", (key,))} - {names.most_common(1)[0][0]})
    facts = Counter((r[0], r[1]) for r in db.execute(
        "SELECT kind, value FROM entity_facts WHERE key = ?", (key,)))
    co = db.execute(
        "SELECT o.key, MAX(o.name), MAX(o.type), COUNT(*) FROM entity_documents e"
        " JOIN entity_documents o ON o.id = e.id AND o.key != e.key WHERE e.key = ?"
        " GROUP BY o.key ORDER BY COUNT(*) DESC, o.key LIMIT 25",
        (key,),
    ).fetchall()
    place = db.execute("SELECT lat, lon, country FROM places WHERE key = ?", (key,)).fetchone()
    return {
        "key": key,
        "type": rows[0][1],
        "name": names.most_common(1)[0][0],
        "aliases": aliases,
        "facts": [{"kind": k, "value": v, "documents": n} for (k, v), n in facts.most_common()],
        "mentions": sum(r[3] for r in rows),
        "documents": [{"id": r[0], "title": r[4], "date": r[5], "kind": r[6], "mentions": r[3]}
                      for r in rows],
        "co_occurring": [{"key": r[0], "name": r[1], "type": r[2], "documents": r[3]}
                         for r in co],
        "place": {"lat": place[0], "lon": place[1], "country": place[2]} if place else None,
        "quotes": quotes(db, key),
        "events": timeline(db, entity=key),
    }


def list_entities(db: sqlite3.Connection, type_: str | None = None,
                  limit: int = 100) -> list[EntityListItem]:
    sql = ("SELECT key, type, MAX(name), SUM(mentions), COUNT(*) FROM entity_documents"
           + (" WHERE type = ?" if type_ else "")
           + " GROUP BY key ORDER BY COUNT(*) DESC, SUM(mentions) DESC, key LIMIT ?")
    args: list[Any] = ([type_] if type_ else []) + [limit]
    return [{"key": r[0], "type": r[1], "name": r[2], "mentions": r[3], "documents": r[4]}
            for r in db.execute(sql, args)]


def timeline(db: sqlite3.Connection, entity: str | None = None, ids: list[str] | None = None,
             limit: int = 500) -> list[TimelineEntry]:
    """Dated events in date order, optionally only those naming `entity` or in `ids`."""
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
             "sentence": r[4], "entities": json.loads(r[5])} for r in db.execute(sql, args)]


def quotes(db: sqlite3.Connection, speaker_key: str | None = None,
           limit: int = 500) -> list[Quote]:
    sql = ("SELECT q.id, q.speaker, q.speaker_key, q.text, q.paragraph, d.date, d.title"
           " FROM quotes q JOIN documents d ON d.id = q.id")
    args: list[Any] = []
    if speaker_key:
        sql += " WHERE q.speaker_key = ?"
        args.append(speaker_key)
    sql += " ORDER BY d.date, q.id, q.position LIMIT ?"
    args.append(limit)
    return [{"document": r[0], "speaker": r[1], "speaker_key": r[2], "text": r[3],
             "paragraph": r[4], "date": r[5], "title": r[6]} for r in db.execute(sql, args)]


def map_places(db: sqlite3.Connection, limit: int = 500) -> list[Place]:
    """Places with coordinates and how many documents name them."""
    rows = db.execute(
        "SELECT p.key, p.name, p.lat, p.lon, p.country, COUNT(e.id) FROM places p"
        " JOIN entity_documents e ON e.key = p.key GROUP BY p.key"
        " ORDER BY COUNT(e.id) DESC, p.key LIMIT ?",
        (limit,),
    )
    return [{"key": r[0], "name": r[1], "lat": r[2], "lon": r[3], "country": r[4],
             "documents": r[5]} for r in rows]
