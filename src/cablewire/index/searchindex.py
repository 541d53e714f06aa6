"""The search index: a tantivy index derived from the store, beside it on disk.

The store is the source of truth. Every stored change carries a sequence number; the index
records the last one it has taken in a small file, and `sync()` catches up from there. Each
document is written by delete-then-add on its id, so catching up after a crash (the index
committed, the sequence file not yet written) never duplicates a document. `rebuild()` makes
the index anew from the store.
"""

from __future__ import annotations

import logging
import re
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tantivy

from cablewire.errors import SearchIndexError, StoreBusy
from cablewire.index import words
from cablewire.index.sequence import read_seq, write_seq
from cablewire.model.listing import listing
from cablewire.store.base import Store
from cablewire.store.keymap import active, correct_results

logger = logging.getLogger(__name__)

SEQ_FILE = "cablewire-seq"
COMMIT_EVERY = 5000
WRITER_WAIT_S = 300.0
"""How long a sync waits for another process updating the same index."""
PROGRESS_EVERY = 200
"""Documents between two calls of a sync's progress callback."""


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("kind", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("title", stored=True, tokenizer_name=words.STEMMED)
    sb.add_text_field("body", stored=True, tokenizer_name=words.STEMMED)
    sb.add_text_field("names", stored=False, tokenizer_name=words.FOLDED)  # title and body
    sb.add_text_field("origin", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("classification", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("tag", stored=False, tokenizer_name="raw", fast=True)
    sb.add_text_field("cites", stored=False, tokenizer_name="raw")
    sb.add_text_field("date", stored=True, tokenizer_name="raw")
    sb.add_integer_field("year", stored=False, indexed=True, fast=True)
    sb.add_integer_field("day", stored=False, indexed=True, fast=True)  # yyyymmdd, for ranges
    sb.add_integer_field("stamp", stored=False, indexed=False, fast=True)  # yyyymmddHHMM, sort
    sb.add_text_field("entity", stored=False, tokenizer_name="raw", fast=True)  # entity keys
    sb.add_text_field("place", stored=False, tokenizer_name="raw")  # place entity keys
    return sb.build()


# Bump when `build_schema` changes: an index of another version is rebuilt from the store.
SCHEMA_VERSION = "3"
SCHEMA_FILE = "cablewire-schema"


def indexable_text(doc: dict[str, Any]) -> str:
    """The searchable words of a document."""
    if doc.get("kind") == "cable":
        parts = [doc.get("subject"), doc.get("body")]
    else:
        parts = [doc.get("dateline"), doc.get("subtitle"), doc.get("body")]
    return "\n\n".join(p for p in parts if p)


def _day(date: str | None) -> int | None:
    if not date or not re.match(r"^\d{4}-\d{2}-\d{2}", date):
        return None
    return int(date[:10].replace("-", ""))


def _stamp(date: str | None) -> int | None:
    day = _day(date)
    if day is None:
        return None
    m = re.match(r"^.{10}T(\d{2}):(\d{2})", date or "")
    return day * 10000 + (int(m.group(1)) * 100 + int(m.group(2)) if m else 0)


def to_index_document(doc: dict[str, Any],
                      results: dict[str, dict[str, Any]] | None = None) -> tantivy.Document:
    """A document's index entry; `results` (stage results by stage name) add the entity and
    place keys of every stage that found entities."""
    cols = listing(doc)
    title, date, year, origin, classification = (cols.title, cols.date, cols.year, cols.origin,
                                                  cols.classification)
    fields: dict[str, Any] = {
        "doc_id": doc["id"],
        "kind": doc.get("kind") or "document",
        "title": title or "",
        "body": indexable_text(doc),
        "date": date or "",
    }
    fields["names"] = f"{fields['title']}\n{fields['body']}"
    if origin:
        fields["origin"] = origin
    if classification:
        fields["classification"] = classification
    tags = [t for t in doc.get("tags") or [] if t]
    if tags:
        fields["tag"] = tags
    cites = doc.get("references") or []
    if cites:
        fields["cites"] = cites
    if year is not None:
        fields["year"] = year
    day = _day(date)
    if day is not None:
        fields["day"] = day
        fields["stamp"] = _stamp(date)
    entities = [e for result in (results or {}).values() for e in result.get("entities") or []]
    keys = list(dict.fromkeys(e["key"] for e in entities))
    if keys:
        fields["entity"] = keys
    places = list(dict.fromkeys(e["key"] for e in entities if e["type"] == "place"))
    if places:
        fields["place"] = places
    return tantivy.Document(**fields)


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


class SearchIndex:
    """The tantivy index of one archive."""

    def __init__(self, path: str | None, heap_mb: int = 128) -> None:
        self.path = path
        self.heap = heap_mb * 1024 * 1024
        self.schema = build_schema()
        if path is None:
            self.index = tantivy.Index(self.schema)
            words.register(self.index)
        else:
            Path(path).mkdir(parents=True, exist_ok=True)
            if _read(Path(path, SCHEMA_FILE)) != SCHEMA_VERSION:
                # An index made for another schema (or none): start again from the store.
                shutil.rmtree(path)
                Path(path).mkdir(parents=True)
                Path(path, SCHEMA_FILE).write_text(SCHEMA_VERSION)
            try:
                self.index = tantivy.Index(self.schema, path=path, reuse=True)
                words.register(self.index)
            except ValueError as exc:
                raise SearchIndexError(
                    f"the search index at {path} cannot be opened ({exc}): remove that folder"
                    " and run `cablewire reindex` to make it again from the archive"
                ) from None
        self._seq = self._read_seq()
        self._lock = threading.Lock()

    @classmethod
    def for_store(cls, store: Store, heap_mb: int = 128, path: str | None = None
                  ) -> SearchIndex:
        """The index of `store`: at `path`, or where the store keeps it by default."""
        return cls(path or store.index_location(), heap_mb)

    # -- the sequence file ---------------------------------------------------------------------

    def _read_seq(self) -> int:
        if self.path is None:
            return getattr(self, "_seq", 0)
        return read_seq(self.path, SEQ_FILE)

    def _write_seq(self, seq: int) -> None:
        self._seq = seq
        if self.path is None:
            return
        write_seq(self.path, SEQ_FILE, seq)

    @property
    def seq(self) -> int:
        return self._seq

    # -- writing -------------------------------------------------------------------------------

    def sync(self, store: Store, progress: Callable[[int], None] | None = None,
             wait_s: float = WRITER_WAIT_S) -> int:
        """Take every change the store has made since the last sync; returns how many. While
        another process updates the same index, wait up to `wait_s` for it (then
        `StoreBusy`): what it took is not taken again."""
        with self._lock:
            return self._sync(store, progress, wait_s)

    def _writer(self, wait_s: float) -> tantivy.IndexWriter:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                return self.index.writer(heap_size=self.heap, num_threads=2)
            except ValueError as exc:
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"another cablewire process is updating the search index {self.path}"
                        f" ({exc}): wait for it to finish, then run this again"
                    ) from None
                time.sleep(0.1)

    def _sync(self, store: Store, progress: Callable[[int], None] | None,
              wait_s: float) -> int:
        self._seq = max(self._seq, self._read_seq())
        target = store.max_seq()
        if target <= self._seq:
            return 0
        writer = self._writer(wait_s)
        # Another process may have taken changes while this one waited for the writer.
        self.index.reload()
        self._seq = max(self._seq, self._read_seq())
        done = 0
        last = self._seq
        corrections = active(store.corrections())  # entities as shown: users' corrections
        for seq, doc in store.changes_since(self._seq):
            writer.delete_documents_by_term("doc_id", doc["id"])
            shown = correct_results(doc["id"], store.results(doc["id"]), corrections)
            writer.add_document(to_index_document(doc, shown))
            done += 1
            last = seq
            if done % COMMIT_EVERY == 0:
                writer.commit()
                self._write_seq(last)
            if progress and done % PROGRESS_EVERY == 0:
                progress(done)
        writer.commit()
        writer.wait_merging_threads()
        self._write_seq(last)
        self.index.reload()
        return done

    def rebuild(self, store: Store, progress: Callable[[int], None] | None = None) -> int:
        """Make the index anew from the store (`progress` hears the count every commit)."""
        with self._lock:
            self._clear()
        return self.sync(store, progress)

    def _clear(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            if Path(self.path).exists():  # a file written while it went: once more, or say why
                shutil.rmtree(self.path)
            Path(self.path).mkdir(parents=True)
            Path(self.path, SCHEMA_FILE).write_text(SCHEMA_VERSION)
            self.index = tantivy.Index(self.schema, path=self.path)
        else:
            self.index = tantivy.Index(self.schema)
        words.register(self.index)
        self._write_seq(0)

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()
