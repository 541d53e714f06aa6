"""Schema changes of the PostgreSQL store, as named migrations applied in order on open.

Append new migrations at the end; never edit one that has shipped. Each is applied in one
transaction, under an advisory lock, so processes that open a new archive at once apply it once.

The tables are those of the SQLite store (`cablewire.store.migrations`, as of its migration
006), with PostgreSQL's types: text columns sort by code point (`COLLATE "C"`, as SQLite's
do), case-insensitive lookups use `lower()` indexes (SQLite's `COLLATE NOCASE`), JSON forms
and original bytes are zlib-compressed `bytea` exactly as in SQLite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

T = 'TEXT COLLATE "C"'

M001_INITIAL = f"""
CREATE TABLE meta (name {T} PRIMARY KEY, value {T} NOT NULL);
CREATE TABLE sources (
    label {T} PRIMARY KEY,         -- a path, or archive!member
    sha256 {T} NOT NULL,           -- of the bytes read
    size BIGINT NOT NULL,
    status {T} NOT NULL,           -- 'ok' or 'failed'
    error {T},
    documents INTEGER NOT NULL DEFAULT 0,
    ingested_at {T} NOT NULL
);
CREATE INDEX sources_status ON sources(status);
CREATE TABLE blobs (               -- original bytes, zlib-compressed, once per content
    sha256 {T} PRIMARY KEY,
    data BYTEA NOT NULL
);
CREATE TABLE documents (           -- the current revision of each document
    id {T} PRIMARY KEY,
    kind {T} NOT NULL,
    revision INTEGER NOT NULL,
    title {T},
    date {T},
    year INTEGER,
    origin {T},
    classification {T},
    seq BIGINT NOT NULL,           -- change counter the search index catches up to
    current {T}                    -- JSON: model.revisions.Choice
);
CREATE INDEX documents_seq ON documents(seq);
CREATE INDEX documents_kind_year ON documents(kind, year);
CREATE INDEX documents_lower_id ON documents(lower(id));
CREATE TABLE revisions (
    id {T} NOT NULL,
    revision INTEGER NOT NULL,
    content_hash {T} NOT NULL,     -- of the JSON form without `source`
    data BYTEA NOT NULL,           -- the JSON form, zlib-compressed
    source {T} NOT NULL,
    blob {T} NOT NULL,
    ingested_at {T} NOT NULL,
    released {T},
    completeness {T},              -- JSON: model.revisions.Completeness
    PRIMARY KEY (id, revision)
);
CREATE INDEX revisions_content ON revisions(id, content_hash);
CREATE TABLE citations (
    citing {T} NOT NULL,
    cited {T} NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (citing, cited)
);
CREATE INDEX citations_cited ON citations(cited);
CREATE TABLE tags (
    id {T} NOT NULL,
    tag {T} NOT NULL,
    PRIMARY KEY (id, tag)
);
CREATE TABLE counters (name {T} PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO counters VALUES ('seq', 0);
CREATE TABLE facet_values (        -- distinct facet values, one spelling per case-folded value
    facet {T} NOT NULL,
    value {T} NOT NULL
);
CREATE UNIQUE INDEX facet_values_key ON facet_values(facet, lower(value));
CREATE TABLE stage_results (
    id {T} NOT NULL,
    stage {T} NOT NULL,
    version {T} NOT NULL,
    revision INTEGER NOT NULL,     -- the document revision it was made from
    inputs {T} NOT NULL,           -- versions of the stages it was made from
    hash {T} NOT NULL,             -- of the result JSON
    data BYTEA NOT NULL,           -- the result JSON, zlib-compressed
    PRIMARY KEY (id, stage)
);
CREATE INDEX stage_results_stage ON stage_results(stage, version);
CREATE TABLE entity_documents (    -- which entity a document names, how often, under which name
    stage {T} NOT NULL,
    key {T} NOT NULL,
    id {T} NOT NULL,
    type {T} NOT NULL,
    name {T} NOT NULL,
    mentions INTEGER NOT NULL,
    date {T},                      -- its document's date, for the cross-reference's order
    PRIMARY KEY (key, id, stage)
);
CREATE INDEX entity_documents_id ON entity_documents(id, stage);
CREATE INDEX entity_documents_strongest
    ON entity_documents(key, mentions DESC, date DESC NULLS LAST, id);
CREATE TABLE entity_names (        -- every name an entity goes by, per document
    stage {T} NOT NULL,
    key {T} NOT NULL,
    id {T} NOT NULL,
    name {T} NOT NULL
);
CREATE UNIQUE INDEX entity_names_key ON entity_names(key, id, lower(name), stage);
CREATE INDEX entity_names_name ON entity_names(lower(name));
CREATE INDEX entity_names_id ON entity_names(id, stage);
CREATE TABLE entity_facts (
    stage {T} NOT NULL,
    key {T} NOT NULL,
    id {T} NOT NULL,
    kind {T} NOT NULL,
    value {T} NOT NULL,
    PRIMARY KEY (key, id, kind, value, stage)
);
CREATE INDEX entity_facts_id ON entity_facts(id, stage);
CREATE TABLE entity_counts (       -- documents naming each entity, whichever stages name it
    key {T} PRIMARY KEY,
    documents INTEGER NOT NULL
);
CREATE TABLE places (              -- points on the map, per document that names them
    stage {T} NOT NULL,
    id {T} NOT NULL,
    key {T} NOT NULL,
    name {T} NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    country {T},
    PRIMARY KEY (id, stage, key)
);
CREATE INDEX places_key ON places(key);
CREATE TABLE events (
    stage {T} NOT NULL,
    id {T} NOT NULL,
    position INTEGER NOT NULL,
    date {T} NOT NULL,             -- start of the interval (ISO)
    end_date {T} NOT NULL,
    precision {T} NOT NULL,
    sentence {T} NOT NULL,
    entities {T} NOT NULL,         -- JSON list of entity keys
    PRIMARY KEY (id, stage, position)
);
CREATE INDEX events_date ON events(date);
CREATE TABLE quotes (
    stage {T} NOT NULL,
    id {T} NOT NULL,
    position INTEGER NOT NULL,
    speaker {T},
    speaker_key {T},
    text {T} NOT NULL,
    paragraph INTEGER,
    PRIMARY KEY (id, stage, position)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("001_initial", M001_INITIAL),
]

LOCK_KEY = 0x63626C77  # the advisory lock migrations hold ('cblw')


def applied(conn: Any) -> set[str]:
    """Names of the migrations applied to the database (empty: no archive in it)."""
    found = conn.execute("SELECT to_regclass('migrations')").fetchone()[0]
    if found is None:
        return set()
    return {row[0] for row in conn.execute("SELECT name FROM migrations")}


def migrate(conn: Any, archive_id: str) -> list[str]:
    """Apply the migrations not yet applied (on a connection in autocommit mode); returns
    their names. A new archive records `archive_id`, the name of its derived indexes."""
    done_now: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS migrations"
                     ' (name TEXT COLLATE "C" PRIMARY KEY, applied_at TEXT NOT NULL)')
        done = applied(conn)
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            conn.execute(sql)
            if name == "001_initial":
                conn.execute("INSERT INTO meta VALUES ('archive_id', %s)", (archive_id,))
            conn.execute("INSERT INTO migrations VALUES (%s, %s)",
                         (name, datetime.now(UTC).isoformat()))
            done_now.append(name)
    return done_now
