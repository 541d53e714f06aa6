"""Storage: the archive's store of record behind the `Store` protocol.

    open_store("cablewire.db")          # a SQLite file (the default)
    open_store("sqlite:///data/a.db")   # the file /data/a.db, written as a URI
    open_store("memory:")               # a store in this process only
    open_store("postgresql://user@host/cables")   # a PostgreSQL database (the server store)
"""

from __future__ import annotations

from cablewire.errors import UsageError
from cablewire.store.base import BatchSummary, SourceResult, StageResult, Store
from cablewire.store.memory import MemoryStore
from cablewire.store.sqlite import SQLiteStore

__all__ = ["BatchSummary", "MemoryStore", "SQLiteStore", "SourceResult", "StageResult", "Store",
           "open_store"]


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(uri: str, create: bool = False) -> Store:
    """The store named by `uri`, chosen by its scheme. Without `create`, a store that holds no
    archive yet raises `ArchiveMissing` instead of becoming an empty one (only ingest creates)."""
    if uri in ("memory:", ":memory:") or uri.startswith("memory://"):
        return MemoryStore(uri)
    if uri.startswith("sqlite://"):
        return SQLiteStore(uri[len("sqlite://"):], create=create)
    if uri.startswith(POSTGRES_SCHEMES):
        return _postgres_store(uri, create)
    if "://" in uri:
        scheme = uri.split("://", 1)[0]
        raise UsageError(
            f"no store for '{scheme}://' in this version: give a SQLite file path as --db"
            " (or sqlite:///path, postgresql://USER@HOST/DATABASE, or memory:)"
        )
    return SQLiteStore(uri, create=create)


def _postgres_store(uri: str, create: bool) -> Store:
    try:
        from cablewire.store.postgres import PostgresStore
    except ImportError as exc:
        raise UsageError(
            f"a PostgreSQL archive needs the driver ({exc}): pip install 'cablewire[postgres]'"
        ) from None
    return PostgresStore(uri, create=create)
