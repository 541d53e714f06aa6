"""Ingest speed: the whole cablegate corpus plus the BBC articles into a fresh archive.

    python benchmarks/ingest_speed.py [--runs 3] [--workers 2]

Each run ingests `../shared/corpus/cablegate-pages.tar.xz` and `bbc-news.tar.xz` (archives read
in place) into a new database, then re-ingests the same input (which must change nothing).
Reports the median wall time of both, documents/s, and the archive's size.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from cablewire.archive import Archive
from cablewire.pipeline import ingest
from cablewire.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    inputs = [CORPUS / "cablegate-pages.tar.xz", CORPUS / "bbc-news.tar.xz"]
    firsts, agains = [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings.resolve(env={}, db=f"{tmp}/bench.db", workers=args.workers,
                                        enrich="no")
            start = time.perf_counter()
            report = ingest(inputs, settings)
            firsts.append(time.perf_counter() - start)
            start = time.perf_counter()
            again = ingest(inputs, settings)
            agains.append(time.perf_counter() - start)
            assert again.summary.new == again.summary.updated == 0
            with Archive.open(settings) as archive:
                stats = archive.stats()
            print(f"run {run + 1}: {report.to_dict()}  re-ingest {agains[-1]:.1f}s")
    docs = report.summary.new
    med = statistics.median(firsts)
    print(f"ingest: median {med:.1f} s for {docs} documents ({docs / med:.0f} docs/s),"
          f" failed {report.summary.failed}; re-ingest median {statistics.median(agains):.1f} s")
    print(f"archive: database {stats['database_bytes'] / 1e6:.0f} MB,"
          f" index {stats['index_bytes'] / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
