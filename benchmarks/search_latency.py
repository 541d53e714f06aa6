"""Search latency on a large archive, and how cost grows with its size.

    python benchmarks/search_latency.py [--sizes 25000,100000,250000] [--db /tmp/big.db]

Parses the 5,389 corpus cables once, then fills an archive with re-identified copies of them
(`09BAMAKO387` -> `09BAMAKO387-C17`), in steps up to each size. At each size it reports the time
the step took (store writes and index), then runs 20 varied queries with facets, each 5 times
after a warm-up, and reports p50/p95 of all timings, plus database and index size against the
raw text size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import tarfile
import time
from pathlib import Path

from cablewire import parse_bytes
from cablewire.archive import Archive
from cablewire.settings import Settings
from cablewire.store.base import SourceResult

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cablegate-pages.tar.xz"
QUERIES = [
    "embassy", "human rights", '"human rights"', "aqim", "terror*", "tag:PTER",
    'origin:"Embassy Bamako"', "year:2009 iran", "nuclear -iran", "(china OR russia) energy",
    "classification:secret kind:cable", "from:2008-01-01 to:2008-12-31 oil",
    "cites:09STATE57523", '"prime minister" election', "president", "minister said",
    "tag:PREL kind:cable", "narcotics colombia", "piracy somalia", "corruption AND police",
]


def load_cables(path: Path) -> list[tuple[bytes, dict]]:
    out = []
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                assert handle is not None
                data = handle.read()
                for doc in parse_bytes(data, member.name):
                    out.append((data, doc.to_dict()))
    return out


def fill(archive: Archive, cables: list[tuple[bytes, dict]], start: int, stop: int) -> None:
    batch: list[SourceResult] = []
    for n in range(start, stop):
        data, doc = cables[n % len(cables)]
        copy = n // len(cables)
        label = f"copy{copy}/{doc['id']}"
        sha = hashlib.sha256(data).hexdigest()
        copied = dict(doc, id=f"{doc['id']}-C{copy}")
        batch.append(SourceResult(label, sha, data, documents=[copied]))
        if len(batch) == 1000:
            archive.store.write_batch(batch)
            batch = []
    if batch:
        archive.store.write_batch(batch)
    archive.index.sync(archive.store)


def measure(archive: Archive) -> tuple[float, float, dict[str, float]]:
    timings: list[float] = []
    per_query: dict[str, float] = {}
    for q in QUERIES:
        archive.search(q)  # warm-up
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            archive.search(q)
            runs.append(time.perf_counter() - start)
        timings.extend(runs)
        per_query[q] = statistics.median(runs) * 1000
    timings.sort()
    p50 = timings[len(timings) // 2] * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    return p50, p95, per_query


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="25000,100000,250000")
    ap.add_argument("--db", default="/tmp/cablewire-bench/big.db")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    for leftover in (Path(args.db), Path(args.db + "-wal"), Path(args.db + "-shm")):
        leftover.unlink(missing_ok=True)
    import shutil

    shutil.rmtree(args.db + ".index", ignore_errors=True)
    cables = load_cables(args.corpus)
    raw_per_doc = statistics.mean(len((d.get("body") or "").encode()) for _, d in cables)
    print(f"{len(cables)} cables parsed; mean body {raw_per_doc / 1000:.1f} KB")
    archive = Archive.open(Settings.resolve(env={}, db=args.db))
    done = 0
    for size in (int(s) for s in args.sizes.split(",")):
        start = time.perf_counter()
        fill(archive, cables, done, size)
        built = time.perf_counter() - start
        done = size
        p50, p95, per_query = measure(archive)
        stats = archive.stats()
        raw = raw_per_doc * size
        print(json.dumps({
            "documents": size, "build_step_s": round(built, 1), "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1), "database_mb": round(stats["database_bytes"] / 1e6),
            "index_mb": round(stats["index_bytes"] / 1e6), "raw_text_mb": round(raw / 1e6),
        }))
        slow = sorted(per_query.items(), key=lambda kv: -kv[1])[:4]
        print("  slowest medians (ms): " + ", ".join(f"{q!r} {t:.1f}" for q, t in slow))
    archive.close()


if __name__ == "__main__":
    main()
