"""The whole 2010-2011 release end to end, or a fraction of it extrapolated (clearly labelled).

    python benchmarks/whole_release.py [--fraction F] [--executor local|ray] [--workers N]
                                       [--corpus PATH] [--db PATH] [--out FILE.json]

The release is 251,287 cables; the corpus has 5,389 pages of them. The benchmark takes
round(F x 251,287) cables: the corpus pages in tarball order, cycled, each copy re-identified
(`09BAMAKO387` -> `09BAMAKO387-C3`, as `search_latency.py` does) so every cable is a new
document. Steps, each timed, with the archive's size after it:

    read     the pages out of the tarball (xz)
    parse    every page parsed, on the executor
    store    written to a fresh SQLite archive in batches of 200 (the single writer)
    index    the full-text index built from the store
    enrich   entities, dates, events, quotes, jargon on the executor; results written by the
             single writer; the index takes the indexed stage's changes (read_s and write_s:
             the time this process spent reading documents for the workers and writing
             results, which more workers do not shorten)
    vectors  passage vectors on the executor, then the vector index

F=1 is the whole release (days on 2 cores; see docs/scaling.md). With F < 1 it prints the
measured figures and, beside them, a LINEAR EXTRAPOLATION to 251,287 cables: time and size
times 251,287 / N, except that a step run on the executor counts its start-up (imports, model
loads, until its first result) once and its rate after that for every cable. That is an
estimate, not a measurement: the writer and the index grow a little worse than linearly
(search_latency.py measures store+index steps up to 250,000).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"
RELEASE = 251_287
BATCH = 200


def read_pages(corpus: Path, count: int) -> list[tuple[str, bytes]]:
    """The first `count` cable pages of the tarball (all of them when there are fewer)."""
    out: list[tuple[str, bytes]] = []
    with tarfile.open(corpus) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                assert handle is not None
                out.append((member.name, handle.read()))
                if len(out) == count:
                    break
    return out


def blobs(pages: list[tuple[str, bytes]], count: int) -> Iterator[Any]:
    from cablewire.sources import Blob

    for n in range(count):
        name, data = pages[n % len(pages)]
        yield Blob(f"copy{n // len(pages)}/{name}", data)


def warm(started: float, marks: list[tuple[float, int]], total: int) -> dict[str, float]:
    """The step's start-up (until its first result: imports, model loads in each worker) and
    its rate after that, from (time, done) marks; empty with too few marks."""
    if len(marks) < 3 or marks[-1][1] <= marks[0][1]:
        return {}
    (t0, n0), (t1, n1) = marks[0], marks[-1]
    return {"startup_s": round(t0 - started, 2), "warm_per_second": round((n1 - n0) / (t1 - t0), 3)}


def size_of(path: str) -> int:
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(root, f))
                   for root, _dirs, files in os.walk(path) for f in files)
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fraction", type=float, default=0.001)
    parser.add_argument("--executor", default="local", choices=["local", "ray"])
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--db", default=None, help="Default: a temporary folder.")
    parser.add_argument("--out", default=None, help="Write the figures as JSON here too.")
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"no corpus at {args.corpus}: pass --corpus PATH to cablegate-pages.tar.xz")
    if not 0 < args.fraction <= 1:
        parser.error("--fraction must be above 0 and at most 1")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    from cablewire.executors import make_executor
    from cablewire.index.searchindex import SearchIndex
    from cablewire.index.vectorindex import VectorIndex
    from cablewire.pipeline import parse_source, run_stages
    from cablewire.settings import Settings
    from cablewire.stages import with_needs
    from cablewire.store import open_store

    count = max(1, round(RELEASE * args.fraction))
    tmp = tempfile.mkdtemp(prefix="whole-release-")
    db = args.db or os.path.join(tmp, "release.db")
    settings = Settings.resolve(env={}, db=db, workers=args.workers, executor=args.executor,
                                enrich="no")
    steps: list[dict[str, Any]] = []
    executor = make_executor(settings)  # before the store: a local pool forks here

    def step(name: str, started: float, documents: int, **extra: Any) -> None:
        steps.append({"step": name, "seconds": round(time.perf_counter() - started, 2),
                      "documents": documents, "db_bytes": size_of(db),
                      "index_bytes": size_of(db + ".index"), **extra})
        print(json.dumps(steps[-1]), flush=True)

    try:
        started = time.perf_counter()
        pages = read_pages(args.corpus, count)
        step("read", started, 0, pages=len(pages))

        started = time.perf_counter()
        parsed = []
        marks: list[tuple[float, int]] = []
        for result in executor.map(parse_source, blobs(pages, count), chunksize=8):
            marks.append((time.perf_counter(), len(parsed)))
            copy = result.label.split("/", 1)[0].removeprefix("copy")
            result.documents = [dict(d, id=f"{d['id']}-C{copy}") for d in result.documents]
            result.sha256 = hashlib.sha256(result.label.encode() + result.data).hexdigest()
            parsed.append(result)
        documents = sum(len(r.documents) for r in parsed)
        step("parse", started, documents, failed=sum(r.error is not None for r in parsed),
             **warm(started, marks, len(parsed)))

        store = open_store(db, create=True)
        try:
            started = time.perf_counter()
            for i in range(0, len(parsed), BATCH):
                store.write_batch(parsed[i:i + BATCH])
            step("store", started, documents)
            del parsed

            started = time.perf_counter()
            index = SearchIndex.for_store(store, settings.index_heap_mb)
            indexed = index.sync(store)
            step("index", started, indexed)

            for name, stages in (("enrich", ["entities", "dates", "events", "quotes",
                                             "jargon"]), ("vectors", ["vectors"])):
                started = time.perf_counter()
                marks.clear()
                report = run_stages(store, with_needs(stages), executor,
                                    lambda p: marks.append((time.perf_counter(), p.done)))
                after = len(marks)
                index.sync(store)
                if name == "vectors":
                    VectorIndex.beside(index.path).sync(store)
                step(name, started, report.enriched, failed=len(report.failed),
                     written=report.written, read_s=round(report.read_seconds, 2),
                     write_s=round(report.write_seconds, 2),
                     **warm(started, marks[:after], report.enriched))
        finally:
            store.close()
    finally:
        executor.close()
    scale = RELEASE / count
    total = sum(s["seconds"] for s in steps)
    print(f"\nMEASURED: {count} cables ({args.fraction:g} of the release), executor"
          f" {args.executor}, {executor.workers} workers: {total:.0f} s in all")
    if count < RELEASE:
        print(f"LINEAR EXTRAPOLATION to {RELEASE:,} cables (x{scale:.0f}; an estimate, not a"
              " measurement):")
    hours = 0.0
    for s in steps:
        line = f"  {s['step']:8s} {s['seconds']:9.1f} s"
        if "warm_per_second" in s:
            line += f" ({s['startup_s']:.1f} s start-up, then {s['warm_per_second']:.2f}/s)"
        if count < RELEASE:
            # start-up once, then the warm rate; where there is no rate, time x scale
            estimate = (s["startup_s"] + RELEASE / s["warm_per_second"]
                        if "warm_per_second" in s else s["seconds"] * scale)
            s["extrapolated_s"] = round(estimate)
            hours += estimate / 3600
            line += (f"  -> {estimate / 3600:8.2f} h;  archive"
                     f" {(s['db_bytes'] + s['index_bytes']) * scale / 1e9:6.2f} GB after it")
        print(line)
    if count < RELEASE:
        print(f"  total    {total:9.1f} s  -> {hours:8.2f} h")
    if args.out:
        Path(args.out).write_text(json.dumps({
            "cables": count, "fraction": args.fraction, "executor": args.executor,
            "workers": executor.workers, "steps": steps,
            "extrapolated_to": RELEASE if count < RELEASE else None,
            "extrapolated_hours": round(hours, 2) if count < RELEASE else None}, indent=1))
    if not args.db:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
