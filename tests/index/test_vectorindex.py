"""The vector index: caught up from the store's change sequence, on disk in segments that a
crash cannot double, exact in what it ranks. The vectors here are made by hand (unit vectors
along axes), so every score is known; the model itself is tested in tests/test_meaning.py."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from cablewire.enrich.embedding import DIM, pack, unpack
from cablewire.index import vectorindex
from cablewire.index.vectorindex import VectorIndex
from cablewire.store import SQLiteStore
from cablewire.store.base import SourceResult, StageResult


def _axis(*weights: tuple[int, float]) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    for i, w in weights:
        v[i] = w
    return v / np.linalg.norm(v)


def _cable(doc_id: str, body: str) -> dict[str, Any]:
    return {"kind": "cable", "id": doc_id, "title": doc_id, "created": "2009-06-12T11:16:00",
            "body": body, "source": {"path": "x", "form": "cable-html"}}


def _store(tmp_path: Path, bodies: dict[str, str]) -> SQLiteStore:
    store = SQLiteStore(str(tmp_path / "a.db"), create=True)
    data = repr(bodies).encode()
    store.write_batch([SourceResult("s", hashlib.sha256(data).hexdigest(), data,
                                    documents=[_cable(i, b) for i, b in bodies.items()])])
    return store


def _vectors(store: SQLiteStore, doc_id: str, rows: list[np.ndarray]) -> None:
    revision = store.revision_of(doc_id)
    assert revision is not None
    store.write_results([StageResult(doc_id, "vectors", "1.0.0", revision, {
        "model": "hand-made", "passages": [{"number": n + 1, "words": 1, "text": f"p{n + 1}"}
                                           for n in range(len(rows))],
        "vectors": pack(np.vstack(rows))})], indexed=True)


def test_pack_keeps_vectors_to_float16_precision() -> None:
    m = np.vstack([_axis((0, 1.0), (1, 2.0)), _axis((5, 1.0))])
    back = unpack(pack(m), 2)
    assert back.shape == (2, DIM)
    assert np.abs(back - m).max() < 1e-3


def test_search_ranks_by_the_best_passage_for_each_probe_passage(tmp_path: Path) -> None:
    store = _store(tmp_path, {"A": "a", "B": "b", "C": "c"})
    _vectors(store, "A", [_axis((0, 1.0)), _axis((1, 1.0))])
    _vectors(store, "B", [_axis((0, 1.0), (2, 1.0))])
    _vectors(store, "C", [_axis((3, 1.0))])
    index = VectorIndex(str(tmp_path / "vectors"))
    assert index.sync(store) == 3
    hits = index.search(np.vstack([_axis((0, 1.0))]), limit=3)
    assert [(h.doc_id, round(h.score, 3), h.passage) for h in hits] == [
        ("A", 1.0, 1), ("B", 0.707, 1), ("C", 0.0, 1)]
    # Two probe passages: A matches both (one passage each), B only the first.
    hits = index.search(np.vstack([_axis((0, 1.0)), _axis((1, 1.0))]), limit=2)
    assert [(h.doc_id, round(h.score, 3)) for h in hits] == [("A", 1.0), ("B", 0.354)]
    assert [h.doc_id for h in index.search(np.vstack([_axis((0, 1.0))]), 3, exclude="A")] == [
        "B", "C"]
    store.close()


def test_a_reopened_index_reads_its_segments_and_takes_only_new_changes(tmp_path: Path) -> None:
    store = _store(tmp_path, {"A": "a", "B": "b"})
    _vectors(store, "A", [_axis((0, 1.0))])
    path = str(tmp_path / "vectors")
    assert VectorIndex(path).sync(store) == 1
    _vectors(store, "B", [_axis((1, 1.0))])
    again = VectorIndex(path)
    assert len(again) == 1 and again.seq > 0
    assert again.sync(store) == 1
    assert sorted(h.doc_id for h in again.search(np.vstack([_axis((1, 1.0))]), 5)) == ["A", "B"]
    assert again.sync(store) == 0
    store.close()


def test_a_crash_before_the_sequence_is_written_doubles_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path, {"A": "a"})
    _vectors(store, "A", [_axis((0, 1.0)), _axis((1, 1.0))])
    path = str(tmp_path / "vectors")
    index = VectorIndex(path)

    def crash(seq: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index, "_write_seq", crash)
    with pytest.raises(KeyboardInterrupt):
        index.sync(store)
    monkeypatch.undo()
    reopened = VectorIndex(path)  # the segment is on disk, the sequence is not
    assert reopened.seq == 0
    assert reopened.sync(store) == 1
    assert len(reopened) == 1
    vectors = reopened.vectors_of("A")
    assert vectors is not None and vectors.shape == (2, DIM)
    store.close()


def test_a_document_read_again_without_vectors_leaves_the_index(tmp_path: Path) -> None:
    store = _store(tmp_path, {"A": "a", "B": "b"})
    _vectors(store, "A", [_axis((0, 1.0))])
    _vectors(store, "B", [_axis((1, 1.0))])
    index = VectorIndex(str(tmp_path / "vectors"))
    index.sync(store)
    data = b"new revision"
    store.write_batch([SourceResult("t", hashlib.sha256(data).hexdigest(), data,
                                    documents=[_cable("A", "a, changed")])])
    assert index.sync(store) == 1
    assert index.vectors_of("A") is None
    assert [h.doc_id for h in index.search(np.vstack([_axis((0, 1.0))]), 5)] == ["B"]
    store.close()


def test_segments_are_merged_and_a_broken_one_means_starting_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectorindex, "MERGE_AT", 3)
    ids = [f"D{i}" for i in range(5)]
    store = _store(tmp_path, dict.fromkeys(ids, "x"))
    path = tmp_path / "vectors"
    index = VectorIndex(str(path))
    for i, doc_id in enumerate(ids):
        _vectors(store, doc_id, [_axis((i, 1.0))])
        index.sync(store)
    assert len(list(path.glob("segment-*.npz"))) < 3
    assert len(VectorIndex(str(path))) == 5
    for file in path.glob("segment-*.npz"):
        file.write_bytes(b"not a segment")
    broken = VectorIndex(str(path))
    assert len(broken) == 0 and broken.seq == 0
    assert broken.sync(store) == 5
    store.close()


def test_above_the_exact_limit_a_graph_proposes_and_the_scores_stay_exact(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("usearch", reason="the graph needs usearch (the vectors extra)")
    rng = np.random.default_rng(3)
    ids = [f"D{i:03d}" for i in range(300)]
    store = _store(tmp_path, dict.fromkeys(ids, "x"))
    for doc_id in ids:
        rows = rng.standard_normal((2, DIM)).astype(np.float32)
        _vectors(store, doc_id, list(rows / np.linalg.norm(rows, axis=1, keepdims=True)))
    path = tmp_path / "vectors"
    index = VectorIndex(str(path))
    index.sync(store)
    probe = np.vstack([index.vectors_of("D007")[0], index.vectors_of("D123")[1]])  # type: ignore[index]
    exact = index.search(probe, 10)
    monkeypatch.setattr(vectorindex, "EXACT_UP_TO", 100)
    monkeypatch.setattr(vectorindex, "CANDIDATES", 50)
    graph = VectorIndex(str(path))
    approximate = graph.search(probe, 10)
    assert [(h.doc_id, round(h.score, 4)) for h in approximate][:2] == [
        (h.doc_id, round(h.score, 4)) for h in exact][:2]
    assert {h.doc_id for h in approximate[:2]} == {"D007", "D123"}
    assert len(list(path.glob("graph-*.usearch"))) == 1  # kept for the next process
    assert [h.doc_id for h in VectorIndex(str(path)).search(probe, 10)] == [
        h.doc_id for h in approximate]
    assert "D007" not in {h.doc_id for h in graph.search(probe, 10, exclude="D007")}
    store.close()
