"""Schema changes of the SQLite store, as named migrations applied in order on open.

Append new migrations at the end; never edit one that has shipped. A migration is SQL, and
may have a step (`STEPS`) that derives data in Python in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from cablewire.store.sqlite_revisions import decide_stored

M001_INITIAL = """
CREATE TABLE sources (
    label TEXT PRIMARY KEY,        -- a path, or archive!member
    sha256 TEXT NOT NULL,          -- of the bytes read
    size INTEGER NOT NULL,
    status TEXT NOT NULL,          -- 'ok' or 'failed'
    error TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE INDEX sources_status ON sources(status);
CREATE TABLE blobs (               -- original bytes, zlib-compressed, once per content
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
CREATE TABLE documents (           -- the newest revision of each document
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT,
    date TEXT,
    year INTEGER,
    origin TEXT,
    classification TEXT,
    seq INTEGER NOT NULL           -- change counter the search index catches up to
);
CREATE INDEX documents_seq ON documents(seq);
CREATE INDEX documents_kind_year ON documents(kind, year);
CREATE TABLE revisions (
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,    -- of the JSON form without `source`
    data BLOB NOT NULL,            -- the JSON form, zlib-compressed
    source TEXT NOT NULL,
    blob TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (id, revision)
);
CREATE TABLE citations (
    citing TEXT NOT NULL,
    cited TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (citing, cited)
);
CREATE INDEX citations_cited ON citations(cited);
CREATE TABLE tags (
    id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (id, tag)
);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters VALUES ('seq', 0);
"""

# Distinct facet values, so that a case-insensitive filter (`tag:pter`) looks up a short table
# instead of scanning every document's tags.
M002_FACET_VALUES = """
CREATE TABLE facet_values (
    facet TEXT NOT NULL,
    value TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (facet, value)
);
INSERT OR IGNORE INTO facet_values SELECT DISTINCT 'tag', tag FROM tags;
INSERT OR IGNORE INTO facet_values
    SELECT DISTINCT 'origin', origin FROM documents WHERE origin IS NOT NULL;
INSERT OR IGNORE INTO facet_values
    SELECT DISTINCT 'classification', classification FROM documents
    WHERE classification IS NOT NULL;
INSERT OR IGNORE INTO facet_values SELECT DISTINCT 'kind', kind FROM documents;
"""

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

# Stages: results keyed by (document, stage, version), and derived rows owned by the stage that
# wrote them. Results of the single `enrich` stage of 003 are dropped: they are derived, and the
# stages that replace it make them again (`cablewire enrich`).
M004_STAGES = """
DROP TABLE enrichments;
DROP TABLE entity_documents;
DROP TABLE entity_names;
DROP TABLE entity_facts;
DROP TABLE places;
DROP TABLE events;
DROP TABLE quotes;
CREATE TABLE stage_results (
    id TEXT NOT NULL,
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    revision INTEGER NOT NULL,     -- the document revision it was made from
    inputs TEXT NOT NULL,          -- versions of the stages it was made from
    hash TEXT NOT NULL,            -- of the result JSON
    data BLOB NOT NULL,            -- the result JSON, zlib-compressed
    PRIMARY KEY (id, stage)
);
CREATE INDEX stage_results_stage ON stage_results(stage, version);
CREATE TABLE entity_documents (    -- which entity a document names, how often, under which name
    stage TEXT NOT NULL,
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, id, stage)
);
CREATE INDEX entity_documents_id ON entity_documents(id, stage);
CREATE TABLE entity_names (        -- every name an entity goes by, per document
    stage TEXT NOT NULL,
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (key, id, name, stage)
);
CREATE INDEX entity_names_name ON entity_names(name);
CREATE INDEX entity_names_id ON entity_names(id, stage);
CREATE TABLE entity_facts (
    stage TEXT NOT NULL,
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (key, id, kind, value, stage)
);
CREATE INDEX entity_facts_id ON entity_facts(id, stage);
CREATE TABLE places (              -- points on the map, per document that names them
    stage TEXT NOT NULL,
    id TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    PRIMARY KEY (id, stage, key)
);
CREATE INDEX places_key ON places(key);
CREATE TABLE events (
    stage TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,            -- start of the interval (ISO)
    end_date TEXT NOT NULL,
    precision TEXT NOT NULL,
    sentence TEXT NOT NULL,
    entities TEXT NOT NULL,        -- JSON list of entity keys
    PRIMARY KEY (id, stage, position)
);
CREATE INDEX events_date ON events(date);
CREATE TABLE quotes (
    stage TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    text TEXT NOT NULL,
    paragraph INTEGER,
    PRIMARY KEY (id, stage, position)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
"""

# The cross-reference of a document's entities (`Store.cross_reference`). For each entity, the
# other documents that mention it most (ties: the newest) are read from one index in order, so
# the scan stops after the few a page shows, however many documents name a common entity; the
# row carries its document's date for that order (the store keeps it equal to the document's).
# How many documents name each entity is kept as it changes: counting them on every page read
# millions of index entries for the entities most documents name.
M005_CROSS_REFERENCE = """
ALTER TABLE entity_documents ADD COLUMN date TEXT;
UPDATE entity_documents
    SET date = (SELECT d.date FROM documents d WHERE d.id = entity_documents.id);
CREATE INDEX entity_documents_strongest ON entity_documents(key, mentions DESC, date DESC, id);
CREATE TABLE entity_counts (       -- documents naming each entity, whichever stages name it
    key TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
);
INSERT INTO entity_counts SELECT key, COUNT(DISTINCT id) FROM entity_documents GROUP BY key;
"""

# The current revision (`cablewire.model.revisions`): `documents.revision` was the newest
# revision and is now the current one, chosen by completeness, then release date, then ingest
# order; `documents.current` records that choice with its reasons. Each revision keeps its
# release date and completeness, so a choice reads no document. Its step decides again every
# document that has more than one revision (a fragment ingested last stops being current);
# revisions of documents with one keep NULL, computed from their JSON form when asked for.
M006_CURRENT_REVISION = """
ALTER TABLE revisions ADD COLUMN released TEXT;
ALTER TABLE revisions ADD COLUMN completeness TEXT;  -- JSON: model.revisions.Completeness
ALTER TABLE documents ADD COLUMN current TEXT;       -- JSON: model.revisions.Choice
"""

# Users' corrections of entities (`cablewire.store.keymap`): their own table, which no stage
# writes, and the keys each stage found in each document (before any correction), to find the
# documents a correction changes. No correction exists yet, so the keys found are those stored.
M007_ENTITY_CORRECTIONS = """
CREATE TABLE entity_corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,          -- 'merge', 'split' or 'reject'
    key TEXT NOT NULL,
    into_key TEXT,
    name TEXT,
    choice TEXT NOT NULL,          -- JSON: the split's names, documents and mentions
    note TEXT NOT NULL,
    made_by TEXT NOT NULL,
    made_at TEXT NOT NULL,
    undone_by TEXT,
    undone_at TEXT
);
CREATE TABLE entity_sources (      -- the entity keys a stage found in a document
    stage TEXT NOT NULL,
    id TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (key, id, stage)
);
CREATE INDEX entity_sources_id ON entity_sources(id, stage);
INSERT OR IGNORE INTO entity_sources SELECT stage, id, key FROM entity_documents;
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("001_initial", M001_INITIAL),
    ("002_facet_values", M002_FACET_VALUES),
    ("003_enrichment", M003_ENRICHMENT),
    ("004_stages", M004_STAGES),
    ("005_cross_reference", M005_CROSS_REFERENCE),
    ("006_current_revision", M006_CURRENT_REVISION),
    ("007_entity_corrections", M007_ENTITY_CORRECTIONS),
]

STEPS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "006_current_revision": decide_stored,
}
"""Data a migration derives in Python after its SQL, in the same transaction."""


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet applied; returns their names."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        stamp = datetime.now(UTC).isoformat()
        # One transaction: a migration (its SQL, then its step) is applied whole or not at all.
        try:
            db.executescript(f"BEGIN; {sql};")
            step = STEPS.get(name)
            if step is not None:
                step(db)
            db.execute("INSERT INTO migrations VALUES (?, ?)", (name, stamp))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
