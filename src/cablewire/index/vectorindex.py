"""The vector index: every document's passage vectors (the `vectors` stage's results), derived
from the store like the search index and caught up from the same change sequence.

On disk it is a folder of segments beside the search index. A sync writes the vectors of the
documents changed since the last one as a new segment, then the sequence it reached; a crash
between the two makes the next sync write the same documents again, and a later segment wins,
so nothing is doubled. Many segments are merged into one. Search is exact (a float32 matrix
product) up to `EXACT_UP_TO` passages; above, an HNSW graph (usearch) proposes the candidates,
which are then scored exactly (`benchmarks/vectors.py` measures both).

    >>> vectors = VectorIndex.beside(index)               # doctest: +SKIP
    >>> vectors.sync(store); vectors.search(probe_matrix, limit=100)   # doctest: +SKIP
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cablewire.index.sequence import read_seq, write_seq
from cablewire.store.base import Store

STAGE = "vectors"
FOLDER = "vectors"
SEQ_FILE = "seq"
MERGE_AT = 12
"""Segments kept before they are merged into one."""
EXACT_UP_TO = 100_000
"""Passages searched exactly; above, an HNSW graph proposes the candidates."""
CANDIDATES = 400
"""Nearest passages the graph proposes for each probe passage."""
DIM = 384

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class VectorHit:
    doc_id: str
    score: float
    probe_passage: int
    """The probe's passage (1-based) that matched best, and the document's."""
    passage: int


class VectorIndex:
    """Passage vectors by document, at `path` (None: in memory only)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._vectors: dict[str, Matrix] = {}
        self._matrix: Matrix | None = None
        self._hnsw: Any = None
        self._owners: list[str] = []
        self._starts: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._lock = threading.Lock()
        self._segments = 0
        self._seq = 0
        if path is not None:
            Path(path).mkdir(parents=True, exist_ok=True)
            self._load()

    @classmethod
    def beside(cls, search_index_path: str | None) -> VectorIndex:
        """The vector index kept in the search index's folder."""
        return cls(None if search_index_path is None
                   else os.path.join(search_index_path, FOLDER))

    # -- on disk -------------------------------------------------------------------------------

    def _segment_files(self) -> list[Path]:
        assert self.path is not None
        return sorted(Path(self.path).glob("segment-*.npz"))

    def _load(self) -> None:
        assert self.path is not None
        self._seq = read_seq(self.path, SEQ_FILE)
        files = self._segment_files()
        for file in files:
            try:
                with np.load(file, allow_pickle=False) as data:
                    self._apply(list(data["ids"]), data["counts"], data["matrix"])
            except (OSError, ValueError, KeyError):
                # a segment a crash left half written: start again from the store
                self._clear()
                return
        self._segments = len(files)

    def _apply(self, ids: list[str], counts: npt.NDArray[np.int64], matrix: Matrix) -> None:
        row = 0
        for doc_id, n in zip(ids, counts, strict=True):
            if n:
                self._vectors[str(doc_id)] = matrix[row:row + n].astype(np.float32)
            else:
                self._vectors.pop(str(doc_id), None)
            row += int(n)
        self._matrix = None
        self._hnsw = None

    def _write_segment(self, changed: dict[str, Matrix | None]) -> None:
        if self.path is None:
            return
        ids = sorted(changed)
        counts = np.array([0 if changed[i] is None else len(changed[i])  # type: ignore[arg-type]
                           for i in ids], dtype=np.int64)
        rows = [m for i in ids if (m := changed[i]) is not None]
        matrix = (np.vstack(rows) if rows else np.zeros((0, DIM))).astype(np.float16)
        self._segments += 1
        name = Path(self.path, f"segment-{self._segments:06d}.npz")
        tmp = name.with_suffix(".tmp.npz")
        np.savez(tmp, ids=np.array(ids, dtype=str), counts=counts, matrix=matrix)
        os.replace(tmp, name)

    def _write_seq(self, seq: int) -> None:
        self._seq = seq
        if self.path is None:
            return
        write_seq(self.path, SEQ_FILE, seq)

    def _merge(self) -> None:
        """All segments as one (the vectors held now)."""
        if self.path is None:
            return
        old = self._segment_files()
        self._segments = int(old[-1].stem.split("-")[1]) if old else 0
        self._write_segment(dict(self._vectors.items()))
        for file in old:
            file.unlink()

    def _clear(self) -> None:
        self._vectors.clear()
        self._matrix = None
        self._hnsw = None
        self._segments = 0
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            Path(self.path).mkdir(parents=True)
        self._write_seq(0)

    # -- keeping up with the store -------------------------------------------------------------

    @property
    def seq(self) -> int:
        return self._seq

    def __len__(self) -> int:
        return len(self._vectors)

    def sync(self, store: Store) -> int:
        """Take the vectors of every document changed since the last sync; how many changed."""
        from cablewire.enrich.embedding import unpack

        with self._lock:
            if store.max_seq() <= self._seq:
                return 0
            changed: dict[str, Matrix | None] = {}
            last = self._seq
            for seq, doc_id in store.change_ids_since(self._seq):
                result = store.result(doc_id, STAGE)
                vectors = None
                if result and result.get("vectors"):
                    vectors = unpack(str(result["vectors"]), len(result.get("passages") or []))
                if vectors is not None or doc_id in self._vectors:
                    changed[doc_id] = vectors
                last = seq
            if changed:
                self._write_segment(changed)
                self._apply(sorted(changed), np.array(
                    [0 if changed[i] is None else len(changed[i])  # type: ignore[arg-type]
                     for i in sorted(changed)], dtype=np.int64),
                    np.vstack([m for i in sorted(changed) if (m := changed[i]) is not None]
                              or [np.zeros((0, DIM), dtype=np.float32)]))
                if self._segments >= MERGE_AT:
                    self._merge()
            self._write_seq(last)
            return len(changed)

    def rebuild(self, store: Store) -> int:
        with self._lock:
            self._clear()
        return self.sync(store)

    # -- search --------------------------------------------------------------------------------

    def vectors_of(self, doc_id: str) -> Matrix | None:
        return self._vectors.get(doc_id)

    def _prepared(self) -> tuple[Matrix, list[str], npt.NDArray[np.int64]]:
        with self._lock:
            if self._matrix is None:
                owners = sorted(self._vectors)
                rows = [self._vectors[i] for i in owners]
                self._matrix = (np.vstack(rows) if rows
                                else np.zeros((0, DIM), dtype=np.float32))
                counts = np.array([len(r) for r in rows], dtype=np.int64)
                self._starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
                self._owners = owners
            return self._matrix, self._owners, self._starts

    def _graph(self, matrix: Matrix) -> Any | None:
        """An approximate nearest-neighbour graph over the passages (usearch's HNSW), once the
        archive has more than `EXACT_UP_TO` of them; kept beside the segments for the state
        it was built at, so a process opening the archive reads it instead of building it."""
        if len(matrix) <= EXACT_UP_TO or importlib.util.find_spec("usearch") is None:
            return None
        with self._lock:
            if self._hnsw is None:
                from usearch.index import Index

                name = f"graph-{self._seq}-{len(matrix)}.usearch"
                file = Path(self.path, name) if self.path is not None else None
                if file is not None and file.exists():
                    self._hnsw = Index.restore(str(file), view=True)
                else:
                    graph = Index(ndim=DIM, metric="ip", dtype="f16")
                    graph.add(np.arange(len(matrix)), matrix)
                    if file is not None:
                        for old in Path(file.parent).glob("graph-*.usearch"):
                            old.unlink()
                        graph.save(str(file))
                    self._hnsw = graph
            return self._hnsw

    def search(self, probe: Matrix, limit: int = 100, exclude: str | None = None
               ) -> list[VectorHit]:
        """Documents by how close their passages come to the probe's: for each probe passage
        its best passage in the document, averaged over the probe's passages. Every document
        of the archive is scored exactly up to `EXACT_UP_TO` passages; beyond, the graph
        proposes candidates (the documents of each probe passage's nearest passages) and
        those are scored exactly."""
        matrix, owners, starts = self._prepared()
        probe = np.asarray(probe, dtype=np.float32)
        if not len(owners) or not len(probe):
            return []
        counts = np.diff(np.append(starts, len(matrix)))
        graph = self._graph(matrix)
        if graph is None:
            docs = np.arange(len(owners))
            rows = matrix
            local = starts
        else:
            found = graph.search(probe, max(CANDIDATES, limit * 4))
            keys = np.asarray(found.keys).reshape(-1)
            docs = np.unique(np.searchsorted(starts, keys[keys < len(matrix)], side="right") - 1)
            spans = [np.arange(starts[d], starts[d] + counts[d]) for d in docs]
            rows = matrix[np.concatenate(spans)] if spans else matrix[:0]
            local = np.concatenate([[0], np.cumsum(counts[docs])[:-1]]).astype(np.int64)
        if not len(docs):
            return []
        sims = rows @ probe.T                                            # (rows, probe passages)
        best = np.maximum.reduceat(sims, local, axis=0)                  # (documents, probe)
        scores = best.mean(axis=1)
        if exclude is not None:
            scores[[owners[d] == exclude for d in docs]] = -np.inf
        count = min(limit, len(docs))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.lexsort((docs[top], -scores[top]))]
        out = []
        for i in top:
            if not np.isfinite(scores[i]):
                continue
            d = docs[i]
            probe_at = int(np.argmax(best[i]))
            block = sims[local[i]:local[i] + counts[d], probe_at]
            out.append(VectorHit(owners[d], float(scores[i]), probe_at + 1,
                                 int(np.argmax(block)) + 1))
        return out
