"""The two stores side by side: ingest of the bundled sample into SQLite and into PostgreSQL,
then the faceted query set of `search_latency.py` on each, in one run.

    python benchmarks/store_compare.py [--repeat 3] [--pg postgresql://...]

Without --pg it starts a throwaway PostgreSQL server (the tests' `tests/pg_server.py`: the
binaries of Debian's `postgresql` package, fsync off). Each ingest (the seed pair, 300 cables,
150 articles; `--no-enrich`, 2 workers) runs `--repeat` times into a new archive and the median
is reported; then each of the 20 queries runs 5 times after a warm-up, and p50/p95 are of all
those timings. Search reads the derived tantivy index in both (the store serves the listing
columns and facets' values), so the difference there is the store's part of a search.

Measured (2 cores shared with other jobs, load average about 8 during the run, so read the
ratio more than the figures; `python benchmarks/store_compare.py --repeat 3`, 452 documents):
ingest SQLite 7.53 s, PostgreSQL 12.65 s; search p50 23.2 / 20.8 ms, p95 50.6 / 38.0 ms.
PostgreSQL writes each statement over a socket round trip, hence the slower ingest.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.search_latency import QUERIES  # noqa: E402

from cablewire.archive import Archive  # noqa: E402
from cablewire.pipeline import ingest  # noqa: E402
from cablewire.settings import Settings  # noqa: E402

SAMPLE = [ROOT / "examples" / "seeds", ROOT / "examples" / "sample" / "cablegate-sample.tar.xz",
          ROOT / "examples" / "sample" / "bbc-sample.tar.xz"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(kind: str, new_db: Callable[[int], str], folder: Path,
            repeat: int) -> dict[str, float]:
    ingest_s: list[float] = []
    db = ""
    for n in range(repeat):
        db = new_db(n)
        settings = Settings.resolve(env={}, db=db, index=str(folder / f"{kind}-{n}.index"),
                                    workers=2, enrich="no")
        started = time.perf_counter()
        report = ingest([str(p) for p in SAMPLE], settings)
        ingest_s.append(time.perf_counter() - started)
    timings: list[float] = []
    with Archive.open(settings) as archive:
        archive.catch_up_every = 3600.0  # a search here never looks for changes
        for query in QUERIES:
            archive.search(query)
            for _ in range(5):
                started = time.perf_counter()
                archive.search(query)
                timings.append((time.perf_counter() - started) * 1000)
    return {"documents": report.summary.new, "ingest_s": statistics.median(ingest_s),
            "p50_ms": percentile(timings, 0.5), "p95_ms": percentile(timings, 0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg", help="an existing server's maintenance database URI")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="store-compare-"))
    server = None
    if args.pg is None:
        from tests.pg_server import PgServer

        server = PgServer()
        server.start()
    try:
        rows = {"sqlite": measure("sqlite", lambda n: str(folder / f"a{n}.db"), folder,
                                  args.repeat)}
        if server is not None:
            rows["postgres"] = measure("postgres", lambda n: server.new_database("bench"),
                                       folder, args.repeat)
        else:
            import psycopg

            def new_pg(n: int) -> str:
                name = f"cablewire_bench_{int(time.time())}_{n}"
                with psycopg.connect(args.pg, autocommit=True) as admin:
                    admin.execute(f'CREATE DATABASE "{name}"')
                return args.pg.rsplit("/", 1)[0] + "/" + name

            rows["postgres"] = measure("postgres", new_pg, folder, args.repeat)
    finally:
        if server is not None:
            server.stop()
    print(f"bundled sample, median of {args.repeat} ingests; 20 faceted queries x5")
    print(f"{'store':<10}{'documents':>10}{'ingest s':>10}{'search p50 ms':>15}"
          f"{'search p95 ms':>15}")
    for kind, r in rows.items():
        print(f"{kind:<10}{r['documents']:>10.0f}{r['ingest_s']:>10.2f}{r['p50_ms']:>15.2f}"
              f"{r['p95_ms']:>15.2f}")


if __name__ == "__main__":
    main()
