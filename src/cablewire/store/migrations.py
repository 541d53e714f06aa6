"""Schema changes of the SQLite store, as named migrations applied in order on open.

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from cablewire.store.enrichment import M003_ENRICHMENT

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

MIGRATIONS: list[tuple[str, str]] = [
    ("001_initial", M001_INITIAL),
    ("002_facet_values", M002_FACET_VALUES),
    ("003_enrichment", M003_ENRICHMENT),
]


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
        # One script, one transaction: a migration is applied whole or not at all.
        db.executescript(
            f"BEGIN; {sql}; INSERT INTO migrations VALUES ('{name}', '{stamp}'); COMMIT;"
        )
        applied.append(name)
    return applied
