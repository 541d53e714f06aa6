"""Parse speed of the cable reader on the cablegate corpus, against a bare regex floor.

    python benchmarks/parse_speed.py [--corpus ../shared/corpus/cablegate-pages.tar.xz] [--runs 3]

Reads every page into memory first (so disk and decompression are not timed), then times, on one
core: (1) `cablewire.parse_bytes` on every page; (2) the floor, a bare pass that decodes each page,
finds the metadata table and the <pre> blocks with `re` and feeds them to `html.parser`. Reports
the median of the runs in pages/s and MB/s, and the peak memory of the parse pass.
"""

from __future__ import annotations

import argparse
import html.parser
import re
import statistics
import tarfile
import time
import tracemalloc
from pathlib import Path

from cablewire import parse_bytes

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cablegate-pages.tar.xz"
_PRE = re.compile(rb"<pre[^>]*>(.*?)</pre>", re.S)
_TABLE = re.compile(rb"<table class='cable'>(.*?)</table>", re.S)


def load(path: Path) -> list[bytes]:
    pages = []
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                if handle is not None:
                    pages.append(handle.read())
    return pages


def floor_pass(pages: list[bytes]) -> None:
    for page in pages:
        parser = html.parser.HTMLParser()
        table = _TABLE.search(page)
        if table:
            parser.feed(table.group(1).decode("utf-8", "replace"))
        for block in _PRE.findall(page):
            parser.feed(block.decode("utf-8", "replace"))
        parser.close()


def parse_pass(pages: list[bytes]) -> int:
    failed = 0
    for page in pages:
        try:
            parse_bytes(page)
        except Exception:
            failed += 1
    return failed


def timed(fn, pages: list[bytes], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(pages)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    pages = load(args.corpus)
    megabytes = sum(len(p) for p in pages) / 1e6
    parse_bytes(pages[0])  # warm up: plugin loading and the word-frequency table
    print(f"{len(pages)} pages, {megabytes:.0f} MB")
    passes = (("floor (re + html.parser)", floor_pass), ("cablewire.parse_bytes", parse_pass))
    for name, fn in passes:
        times = timed(fn, pages, args.runs)
        med = statistics.median(times)
        print(f"{name:28s} median {med:6.2f} s  {len(pages) / med:7.0f} pages/s  "
              f"{megabytes / med:6.1f} MB/s  runs {[round(t, 2) for t in times]}")
    tracemalloc.start()
    failed = parse_pass(pages)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"parse pass: {failed} failures; peak traced memory during parsing {peak / 1e6:.1f} MB"
          " (beyond the pages held in memory)")


if __name__ == "__main__":
    main()
