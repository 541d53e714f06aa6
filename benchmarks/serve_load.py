"""A load test of `cablewire serve` on loopback, on each store: 50 concurrent clients, each a
bounded number of requests (a faceted search, a cable page, a cable's related documents in
turn), then p50/p95 of the client-side times, errors (the goal: none) and the server's memory.

    python benchmarks/serve_load.py [--clients 50] [--requests 20] [--workers 2] [--seconds 300]

Each store gets the bundled sample (seed pair, 300 cables, 150 articles; no enrichment), in a
temporary SQLite file and in a database of a throwaway PostgreSQL server (`tests/pg_server.py`).
The server runs as its own process (`cablewire serve --workers N` on 127.0.0.1, a free port);
only loopback is used, and the loops stop after --requests per client or --seconds overall.
Memory is the resident set of the server and its worker processes after the load (/proc).

Measured (2 cores shared with other jobs, load average about 9 during the run;
`python benchmarks/serve_load.py`, 50 clients x 20 requests, --workers 2): SQLite 1,000
requests, 0 errors, p50 488 ms, p95 3,509 ms, 45 req/s, 819 MiB; PostgreSQL 1,000 requests,
0 errors, p50 284 ms, p95 6,362 ms, 62 req/s, 738 MiB. With 50 clients on 2 busy cores the
times are mostly queueing.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.search_latency import QUERIES  # noqa: E402

from cablewire.pipeline import ingest  # noqa: E402
from cablewire.settings import Settings  # noqa: E402
from cablewire.store import open_store  # noqa: E402

SAMPLE = [ROOT / "examples" / "seeds", ROOT / "examples" / "sample" / "cablegate-sample.tar.xz",
          ROOT / "examples" / "sample" / "bbc-sample.tar.xz"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def rss_kib(pid: int) -> int:
    """Resident memory of `pid` and its children, in KiB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0
    return status, (time.perf_counter() - started) * 1000


def load(base: str, ids: list[str], clients: int, requests: int,
         seconds: float) -> dict[str, float]:
    timings: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        for i in range(requests):
            if time.monotonic() > deadline:
                return
            doc = ids[(n * requests + i) % len(ids)]
            choice = i % 3
            if choice == 0:
                query = QUERIES[(n + i) % len(QUERIES)]
                url = f"{base}/api/search?" + urllib.parse.urlencode({"q": query})
            elif choice == 1:
                url = f"{base}/documents/{doc}"
            else:
                url = f"{base}/api/documents/{doc}/related"
            status, ms = get(url)
            with lock:
                timings.append(ms)
                if status != 200:
                    errors[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ordered = sorted(timings)
    return {"requests": len(timings), "errors": errors[0], "wall_s": wall,
            "p50_ms": statistics.median(ordered),
            "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]}


def run(kind: str, db: str, folder: Path, args: argparse.Namespace) -> dict[str, float]:
    index = folder / f"{kind}.index"
    ingest([str(p) for p in SAMPLE], Settings.resolve(env={}, db=db, index=str(index),
                                                      workers=2, enrich="no"))
    store = open_store(db)
    ids = sorted(i for _s, i in store.change_ids_since(0))[:200]
    store.close()
    port = free_port()
    env = dict(os.environ, CABLEWIRE_INDEX=str(index), CABLEWIRE_ENRICH="no")
    server = subprocess.Popen([sys.executable, "-m", "cablewire", "serve", "--db", db,
                               "--port", str(port), "--workers", str(args.workers)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while get(f"{base}/api/stats")[0] != 200:
            if time.monotonic() > deadline:
                raise SystemExit(f"the {kind} server did not start")
            time.sleep(0.3)
        for doc in ids[:5]:  # warm-up
            get(f"{base}/documents/{doc}")
        result = load(base, ids, args.clients, args.requests, args.seconds)
        result["rss_mib"] = rss_kib(server.pid) / 1024
        return result
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="per client")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=300.0)
    args = parser.parse_args()
    from tests.pg_server import PgServer

    folder = Path(tempfile.mkdtemp(prefix="serve-load-"))
    server = PgServer()
    server.start()
    try:
        rows = {"sqlite": run("sqlite", str(folder / "sample.db"), folder, args),
                "postgres": run("postgres", server.new_database("load"), folder, args)}
    finally:
        server.stop()
    print(f"{args.clients} clients x {args.requests} requests (search, cable page, related),"
          f" serve --workers {args.workers}, bundled sample")
    print(f"{'store':<10}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>8}"
          f"{'server MiB':>12}")
    for kind, r in rows.items():
        print(f"{kind:<10}{r['requests']:>9.0f}{r['errors']:>8.0f}{r['p50_ms']:>9.1f}"
              f"{r['p95_ms']:>9.1f}{r['requests'] / r['wall_s']:>8.1f}{r['rss_mib']:>12.0f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
