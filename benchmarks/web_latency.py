"""Web app latency: p50/p95 server time of the cable page and of faceted searches, and the bytes a
browser transfers for a cable page.

    python benchmarks/web_latency.py [--db /tmp/cablewire-bench/big.db] [--requests 200] [--http]

Server time is measured in-process: each request is one call of the ASGI app (routing, the
library calls, rendering, compression), timed from the call to the last byte, with no network.
With --http the same requests also go to uvicorn on 127.0.0.1 (a free port), timed by the
client. Request loops are bounded by --requests and --seconds.

Without --db it uses /tmp/cablewire-bench/big.db when that exists (the 250,000-document
benchmark archive), else an archive of the bundled sample made in a temporary folder.
Targets (issue 7): p95 under 100 ms for both on the 250k archive; a cable page under 300 KB.

Measured (2 cores; a copy of the 250,000-cable benchmark archive, --requests 200 --http):
cable page p50 11 ms, p95 24 ms (20.6 ms through uvicorn); faceted search page p50 12 ms,
p95 28 ms; the largest of 20 cable pages with its stylesheet and icon 58 KB, 15 KB gzipped.
Do not point --db at an archive another process is writing (search_latency.py rebuilds it).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import random
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from cablewire.settings import Settings
from cablewire.web import create_app

ROOT = Path(__file__).resolve().parents[1]
BIG = Path("/tmp/cablewire-bench/big.db")
SEARCHES = [
    "AQIM tag:PTER", 'origin:"Embassy Bamako"', "year:2009 iran", "tag:PREL kind:cable",
    "classification:secret kind:cable", "human rights", '"prime minister" election',
    "from:2008-01-01 to:2008-12-31 oil", "(china OR russia) energy", "terror*", "",
    "narcotics colombia tag:SNAR", "corruption AND police", "nuclear -iran",
]


async def _call(app: Any, path: str, accept_gzip: bool = True) -> tuple[int, dict[str, str],
                                                                        bytes, float]:
    """One GET through the ASGI app: status, headers, body, seconds."""
    target, _, query = path.partition("?")
    headers = [(b"host", b"bench"), (b"accept", b"text/html")]
    if accept_gzip:
        headers.append((b"accept-encoding", b"gzip"))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": target, "raw_path": target.encode(),
             "query_string": query.encode(), "headers": headers, "client": ("127.0.0.1", 1),
             "server": ("bench", 80), "root_path": ""}
    status = 0
    got: dict[str, str] = {}
    body = bytearray()

    requested = False

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client stays connected
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            got.update({k.decode(): v.decode() for k, v in message["headers"]})
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    start = time.perf_counter()
    await app(scope, receive, send)
    return status, got, bytes(body), time.perf_counter() - start


def _summary(times: list[float]) -> dict[str, float]:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ms[-1], 1)}


def _sample_archive(folder: str) -> str:
    from cablewire.pipeline import ingest

    db = str(Path(folder) / "sample.db")
    ingest([ROOT / "examples" / "seeds", ROOT / "examples" / "sample"],
           Settings.resolve(env={}, db=db))
    return db


def _cable_ids(app: Any, count: int, seed: int) -> list[str]:
    store = app.state.web.archive.store
    rows = store.db.execute("SELECT id FROM documents WHERE kind = 'cable'").fetchall()
    rng = random.Random(seed)
    return [r[0] for r in rng.sample(rows, min(count, len(rows)))]


async def _loop(app: Any, paths: list[str], requests: int, seconds: float) -> list[float]:
    times: list[float] = []
    deadline = time.monotonic() + seconds
    for n in range(requests):
        status, _headers, _body, took = await _call(app, paths[n % len(paths)])
        assert status == 200, (paths[n % len(paths)], status)
        times.append(took)
        if time.monotonic() > deadline:
            break
    return times


async def _transfer(app: Any, cable_id: str) -> dict[str, Any]:
    """Bytes of a cable page and what it loads (one stylesheet, one icon), as sent."""
    out: dict[str, Any] = {"id": cable_id}
    total_raw = total_sent = 0
    for name, path in (("page", f"/documents/{cable_id}"), ("css", "/static/style.css"),
                       ("icon", "/static/favicon.svg")):
        _s, headers, body, _t = await _call(app, path)
        raw = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
        total_raw += len(raw)
        total_sent += len(body)
        out[name] = {"bytes": len(raw), "sent_gzip": len(body)}
    out["total_bytes"] = total_raw
    out["total_sent_gzip"] = total_sent
    return out


def _http_times(app: Any, paths: list[str], requests: int, seconds: float) -> list[float]:
    import socket

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    times: list[float] = []
    try:
        deadline = time.monotonic() + seconds
        for n in range(requests):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{paths[n % len(paths)]}",
                                             headers={"accept-encoding": "gzip"})
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
            times.append(time.perf_counter() - start)
            if time.monotonic() > deadline:
                break
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="the archive (default: the 250k benchmark archive if it"
                                     " exists, else the bundled sample)")
    parser.add_argument("--requests", type=int, default=200, help="requests per measurement")
    parser.add_argument("--seconds", type=float, default=60, help="time cap per measurement")
    parser.add_argument("--http", action="store_true", help="also time through uvicorn")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or (str(BIG) if BIG.exists() else _sample_archive(folder))
        started = time.perf_counter()
        app = create_app(Settings.resolve(db=db))
        opened = time.perf_counter() - started
        try:
            ids = _cable_ids(app, args.requests, args.seed)
            cable_paths = [f"/documents/{i}" for i in ids]
            search_paths = ["/search?" + urllib.parse.urlencode({"q": q}) for q in SEARCHES]
            api_paths = ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in SEARCHES]

            async def run() -> dict[str, Any]:
                # Warm-up: the first request of each kind loads tables and caches.
                for path in (cable_paths[0], search_paths[0], api_paths[0]):
                    await _call(app, path)
                return {
                    "cable_page": _summary(await _loop(app, cable_paths, args.requests,
                                                       args.seconds)),
                    "faceted_search_page": _summary(await _loop(app, search_paths,
                                                                args.requests, args.seconds)),
                    "faceted_search_api": _summary(await _loop(app, api_paths, args.requests,
                                                               args.seconds)),
                    "cable_page_transfer": max(
                        [await _transfer(app, i) for i in ids[:20]],
                        key=lambda t: t["total_bytes"]),  # the largest of 20 cable pages
                }

            report: dict[str, Any] = {"db": db,
                                      "documents": app.state.web.archive.stats()["documents"],
                                      "open_seconds": round(opened, 2), **asyncio.run(run())}
            if args.http:
                report["http_cable_page"] = _summary(_http_times(
                    app, cable_paths, args.requests, args.seconds))
                report["http_faceted_search_page"] = _summary(_http_times(
                    app, search_paths, args.requests, args.seconds))
        finally:
            app.state.web.close()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
