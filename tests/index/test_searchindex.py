"""The derived search index: a busy index writer is a clear error, not a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cablewire.errors import StoreBusy
from cablewire.index.searchindex import SearchIndex
from cablewire.store import open_store
from cablewire.store.base import SourceResult


def test_a_busy_index_writer_says_what_to_do(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.db"), create=True)
    store.write_batch([SourceResult("a", "0" * 64, b"a", documents=[
        {"kind": "article", "id": "a1", "title": "T", "body": "words", "source": {}}])])
    first = SearchIndex.for_store(store)
    assert first.path == str(tmp_path / "a.db.index")
    holder = first.index.writer()  # another process is updating the index
    second = SearchIndex.for_store(store)
    started = time.monotonic()
    with pytest.raises(StoreBusy, match="another cablewire process is updating the search"):
        second.sync(store, wait_s=0.5)  # it waits for the other writer first
    assert time.monotonic() - started >= 0.5
    del holder
    store.close()


def test_the_index_folder_is_a_setting(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.db"), create=True)
    index = SearchIndex.for_store(store, path=str(tmp_path / "elsewhere"))
    assert index.path == str(tmp_path / "elsewhere")
    assert (tmp_path / "elsewhere").is_dir()
    assert SearchIndex.for_store(open_store("memory:")).path is None
    store.close()
