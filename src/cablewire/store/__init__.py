"""Storage: the archive's store of record behind the narrow `Store` interface."""

from __future__ import annotations

from cablewire.errors import UsageError
from cablewire.store.base import BatchSummary, SourceResult, Store
from cablewire.store.sqlite import SQLiteStore

__all__ = ["BatchSummary", "SQLiteStore", "SourceResult", "Store", "open_store"]


def open_store(db: str) -> SQLiteStore:
    """The store named by `db`: a SQLite file path (the default backend)."""
    if "://" in db:
        scheme = db.split("://", 1)[0]
        raise UsageError(
            f"no store backend for '{scheme}://' in this version: give a SQLite file path as --db"
        )
    return SQLiteStore(db)
