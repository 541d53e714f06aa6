"""Enrichment speed: words/s on one core, where the time goes, and the projected time to enrich
the whole cable corpus (5,389 cables) on 2 cores with multiprocessing.

    .venv/bin/python benchmarks/enrich_speed.py [CORPUS_DIR] [--sample N] [--full]

Reads cable pages from CORPUS_DIR/cablegate/cable (default /tmp/corpus; unpack
../shared/corpus/cablegate-pages.tar.xz there). A sample of N cables (default 150) is enriched
on one core with each step timed; `--full` also enriches every cable with 2 worker processes.
"""

from __future__ import annotations

import cProfile
import glob
import pstats
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import cablewire
from cablewire.enrich import enrich_document
from cablewire.enrich.entities import pipeline
from cablewire.enrich.gazetteer import cities, countries

CORPUS_SIZE = 5389


def _load(path: str) -> dict[str, Any] | None:
    try:
        [doc] = cablewire.parse_file(path)
    except Exception:  # a page the reader cannot parse is not enrichment's time
        return None
    return doc.to_dict()


def _words(doc: dict[str, Any]) -> int:
    return sum(len(p["text"].split()) for p in doc.get("paragraphs") or [])


def _enrich_path(path: str) -> int:
    doc = _load(path)
    if doc is None:
        return 0
    enrich_document(doc)
    return _words(doc)


def main() -> None:
    argv = sys.argv[1:]
    if "--sample" in argv:
        del argv[argv.index("--sample") : argv.index("--sample") + 2]
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0] if args else "/tmp/corpus")
    n = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 150
    paths = sorted(glob.glob(str(corpus / "cablegate" / "cable" / "*" / "*" / "*.html")))
    random.seed(6)
    sample = random.sample(paths, min(n, len(paths)))
    t = time.perf_counter()
    pipeline(), countries(), cities()
    startup = time.perf_counter() - t
    docs = [d for d in (_load(p) for p in sample) if d is not None]
    words = sum(_words(d) for d in docs)
    t = time.perf_counter()
    for d in docs:
        enrich_document(d)
    elapsed = time.perf_counter() - t  # timed without the profiler, which slows it down
    profiler = cProfile.Profile()
    profiler.enable()
    for d in docs:
        enrich_document(d)
    profiler.disable()
    rate = words / elapsed
    per_cable = elapsed / len(docs)
    print(f"start-up (model, rulers, gazetteer): {startup:.1f}s per process")
    print(f"sample: {len(docs)} cables, {words} words, {elapsed:.1f}s on one core")
    print(f"speed: {rate:,.0f} words/s, {per_cable * 1000:.0f} ms per cable")
    projected = CORPUS_SIZE * per_cable / 2 + startup
    print(f"projected: {CORPUS_SIZE} cables on 2 cores: {projected / 60:.1f} min")
    stats = pstats.Stats(profiler)
    print("\nwhere the time goes (cumulative, top functions):")
    stats.sort_stats("cumulative").print_stats(r"cablewire/enrich|spacy/language|thinc", 18)
    if "--full" in sys.argv:
        t = time.perf_counter()
        with Pool(2) as pool:
            total = sum(pool.imap_unordered(_enrich_path, paths, chunksize=16))
        wall = time.perf_counter() - t
        print(f"full corpus: {len(paths)} cables, {total} words, {wall / 60:.1f} min on 2 cores")


if __name__ == "__main__":
    main()
