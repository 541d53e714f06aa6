"""Linking latency at scale: `related` for a document of the archive and for a pasted story,
p50 and p95, on an archive of the corpus re-identified to --documents documents.

    python benchmarks/related_latency.py --source corpus.db [--documents 250000]
                                         [--db /tmp/cablewire-bench/related.db] [--samples 50]

--source is an enriched archive of the corpus (`cablewire ingest ../shared/corpus/... --db
corpus.db` with the NLP and vectors extras). The big archive is made once at --db unless it
exists: every source document is written again as copies `<id>~<n>` through the store (its JSON
form, its `entities` and `vectors` results), until --documents; then the search index and the
vector index are brought up to date, each timed. A copy has the same words, names and vectors
as its original, so the probes' candidate lists are as long as in an archive of that size with
that much repetition (a pessimistic case for the lexical and entity parts).

Measured: the time to open the archive, the first query (which loads the vector index, and
builds the HNSW graph above 100,000 passages unless it is on disk), then --samples in-archive
cables and the news stories of `benchmarks/linking/news.jsonl` as pasted text (model loaded).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from cablewire.archive import Archive
from cablewire.settings import Settings
from cablewire.store import open_store
from cablewire.store.base import SourceResult, StageResult

NEWS = Path(__file__).resolve().parent / "linking" / "news.jsonl"
COPIED_STAGES = ("entities", "vectors")


def build(source: str, target: str, documents: int) -> None:
    src = open_store(source)
    dst = open_store(target, create=True)
    ids = [doc_id for _seq, doc_id in src.change_ids_since(0)]
    originals = []
    for doc_id in ids:
        doc = src.get(doc_id)
        results = src.results(doc_id)
        if doc is not None:
            originals.append((doc, {k: v for k, v in results.items() if k in COPIED_STAGES}))
    src.close()
    written = 0
    copy = 0
    started = time.perf_counter()
    while written < documents:
        batch, results = [], []
        for doc, stage_results in originals:
            if written >= documents:
                break
            new_id = f"{doc['id']}~{copy}" if copy else str(doc["id"])
            data = f"{new_id}".encode()
            batch.append(SourceResult(f"copy/{new_id}", hashlib.sha256(data).hexdigest(), data,
                                      documents=[{**doc, "id": new_id}]))
            for stage, result in stage_results.items():
                results.append(StageResult(new_id, stage, "bench", 1, result))
            written += 1
            if len(batch) == 500:
                dst.write_batch(batch)
                dst.write_results(results, indexed=True)
                batch, results = [], []
        if batch:
            dst.write_batch(batch)
            dst.write_results(results, indexed=True)
        copy += 1
        print(f"  {written} documents written ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr)
    dst.close()


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, int(round(len(values) * 0.95)) - 1)]
    return f"p50 {statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--source", required=True)
    ap.add_argument("--documents", type=int, default=250_000)
    ap.add_argument("--db", default="/tmp/cablewire-bench/related.db")
    ap.add_argument("--samples", type=int, default=50)
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    if not Path(args.db).exists():
        started = time.perf_counter()
        build(args.source, args.db, args.documents)
        print(f"store written in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    with Archive.open(Settings.resolve(env={}, db=args.db)) as archive:
        print(f"opened (search index caught up) in {time.perf_counter() - started:.0f} s;"
              f" {archive.stats()['documents']} documents")
        started = time.perf_counter()
        vectors = archive.vectors()
        print(f"vector index caught up in {time.perf_counter() - started:.0f} s;"
              f" {len(vectors)} documents with vectors")
        cables = [hit["id"] for hit in archive.search("kind:cable", limit=20000)["hits"]]
        rnd = random.Random(5)
        sample = rnd.sample(cables, min(args.samples, len(cables)))
        started = time.perf_counter()
        archive.background(sample[0])
        print(f"first related (loads what it needs) {time.perf_counter() - started:.1f} s")
        inside = []
        for doc_id in sample:
            t = time.perf_counter()
            archive.background(doc_id)
            inside.append(time.perf_counter() - t)
        print(f"related, a document of the archive ({len(inside)}): {percentiles(inside)}")
        stories: list[dict[str, Any]] = [json.loads(line) for line in NEWS.read_text().splitlines()
                                         if line.strip()]
        archive.background(stories[0]["text"].encode())  # the model loads
        pasted = []
        for story in stories:
            t = time.perf_counter()
            archive.background(story["text"].encode(), kind="cable")
            pasted.append(time.perf_counter() - t)
        print(f"related, a pasted story ({len(pasted)}): {percentiles(pasted)}")


if __name__ == "__main__":
    main()
