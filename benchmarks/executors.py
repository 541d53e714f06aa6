"""The stages on the local executor and on Ray, in one run: throughput and Ray's overhead.

    python benchmarks/executors.py [--every K] [--repeats R] [--out FILE.json]

Input: the bundled sample (examples/seeds, examples/sample/*.tar.xz); `--every K` keeps every
Kth file of each sample tarball (by name), K=1 is the whole sample. Configurations, one after
the other in this process: the local executor (a fork pool, 2 workers), Ray with 1 actor and
with 2 actors (a local Ray started here with 2 CPUs). Each configuration keeps its executor
for all its repeats (models load once per worker, in the first repeat); each repeat runs on a
fresh copy of the ingested archive:

1. enrichment: the stages entities, dates, events, quotes and jargon;
2. vectors: the vectors stage (passage vectors of each document's lead).

Reports the median documents per second of each over the repeats (and the first repeat, which
pays the model loads), whether every configuration stored the same results as the local one,
and Ray's overhead per batch: a no-op (`len`) sent over the real batches of 16 documents on 1
actor (seconds per batch: serialising, sending, scheduling, returning), and, from the stage
runs, the mean time per batch outside the stage code, which also counts the time a batch waits
at its actor behind the one before it (each actor holds two, so the next is ready).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
SEEDS = ROOT / "examples" / "seeds"
ENRICHMENT = ["entities", "dates", "events", "quotes", "jargon"]
VECTORS = ["vectors"]


def sample_folder(folder: Path, every: int) -> Path:
    """The seed pair and every `every`th file of each sample tarball, unpacked in `folder`."""
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for name in ("cablegate-sample.tar.xz", "bbc-sample.tar.xz"):
        with tarfile.open(SAMPLE / name) as tar:
            members = sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name)
            for member in members[::every]:
                handle = tar.extractfile(member)
                assert handle is not None
                target = folder / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(handle.read())
    return folder


def stored_results(db: str) -> dict[str, Any]:
    from cablewire.store import open_store

    store = open_store(db)
    try:
        return {doc_id: store.results(doc_id) for _, doc_id in store.change_ids_since(0)}
    finally:
        store.close()


def run_config(label: str, executor: Any, base: Path, work: Path, repeats: int
               ) -> dict[str, Any]:
    from cablewire.pipeline import enrich
    from cablewire.settings import Settings

    out: dict[str, Any] = {"label": label, "workers": executor.workers,
                           "enrichment": [], "vectors": []}
    for repeat in range(repeats):
        db = work / f"{label}-{repeat}.db"
        shutil.copyfile(base, db)
        settings = Settings.resolve(env={}, db=str(db), enrich="no")
        for key, names in (("enrichment", ENRICHMENT), ("vectors", VECTORS)):
            started = time.perf_counter()
            report = enrich(settings, names=names, executor=executor)
            seconds = time.perf_counter() - started
            documents = max(report.written.values())
            out[key].append({"seconds": round(seconds, 2), "documents": documents,
                             "per_second": round(documents / seconds, 3),
                             "failed": len(report.failed)})
            print(f"{label} repeat {repeat + 1}: {key} {documents} documents in"
                  f" {seconds:.1f}s ({documents / seconds:.2f}/s)", flush=True)
        if repeat == 0:
            out["results"] = stored_results(str(db))
    for key in ("enrichment", "vectors"):
        rates = [r["per_second"] for r in out[key]]
        out[f"{key}_median_per_second"] = round(statistics.median(rates), 3)
        out[f"{key}_first_per_second"] = rates[0]
    stats = getattr(executor, "stats", None)
    if stats is not None:
        out["ray"] = {"chunks": stats.chunks, "retried": stats.retried,
                      "outside_per_batch_s": round(stats.overhead_per_chunk, 4)}
    return out


def noop_overhead(base: Path, rounds: int) -> dict[str, Any]:
    """Seconds per batch of 16 real documents sent to 1 actor and a no-op (`len`) run on it."""
    from cablewire.executors.ray import RayExecutor
    from cablewire.pipeline import STAGE_BATCH
    from cablewire.store import open_store

    store = open_store(str(base))
    try:
        docs = [store.get(doc_id) for _, doc_id in store.change_ids_since(0)]
    finally:
        store.close()
    batches = [docs[i:i + STAGE_BATCH] for i in range(0, len(docs), STAGE_BATCH)]
    times = []
    with RayExecutor(1) as executor:
        list(executor.map(len, batches[:2]))  # warm-up: the actor starts
        for _ in range(rounds):
            started = time.perf_counter()
            assert sum(executor.map(len, batches)) == len(docs)
            times.append((time.perf_counter() - started) / len(batches))
        inside = executor.stats.inside / executor.stats.chunks
    return {"batches": len(batches), "median_s_per_batch": round(statistics.median(times), 5),
            "inside_s_per_batch": round(inside, 6)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", default=None, help="Write the figures as JSON here too.")
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    from cablewire.executors import LocalExecutor
    from cablewire.pipeline import ingest
    from cablewire.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "input").mkdir()
        folder = sample_folder(work / "input", args.every)
        base = work / "base.db"
        settings = Settings.resolve(env={}, db=str(base), enrich="no")
        with LocalExecutor(1) as one:
            ingest([folder], settings, executor=one)
        configs = []
        with LocalExecutor(2) as local:  # forks before Ray starts
            configs.append(run_config("local-2", local, base, work, args.repeats))
        import ray

        from cablewire.executors.ray import RayExecutor

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
        try:
            for workers in (1, 2):
                with RayExecutor(workers) as executor:
                    configs.append(run_config(f"ray-{workers}", executor, base, work,
                                              args.repeats))
            noop = noop_overhead(base, rounds=5)
        finally:
            ray.shutdown()
    reference = configs[0]["results"]
    for config in configs:
        config["identical_to_local"] = config.pop("results") == reference
    figures = {"documents": len(reference), "every": args.every, "repeats": args.repeats,
               "configs": configs, "ray_noop": noop}
    print()
    print(f"{len(reference)} documents (the seed pair and every {args.every}th sample file),"
          f" median of {args.repeats} repeats, documents/s (first repeat in brackets):")
    print(f"{'executor':10s} {'enrichment':>18s} {'vectors':>18s}  same results"
          "  outside the stage code, per batch")
    for c in configs:
        over = f"{c['ray']['outside_per_batch_s'] * 1000:.0f} ms" if "ray" in c else "-"
        print(f"{c['label']:10s} {c['enrichment_median_per_second']:9.2f}"
              f" ({c['enrichment_first_per_second']:6.2f}) {c['vectors_median_per_second']:9.2f}"
              f" ({c['vectors_first_per_second']:6.2f})  {str(c['identical_to_local']):12s}"
              f"  {over}")
    print(f"Ray no-op over {noop['batches']} batches of 16 documents on 1 actor:"
          f" {noop['median_s_per_batch'] * 1000:.2f} ms per batch (median of 5)")
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
