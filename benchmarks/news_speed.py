"""Reading speed of the news reader: articles per second, median of 3 runs.

- BBC: all 2,225 texts of the BBC News corpus (`/tmp/corpus/bbc`, or unpacked from
  `../shared/corpus/bbc-news.tar.xz` into a temporary folder), read from bytes through
  `cablewire.parse_bytes` (decoding and the format auction included).
- HTML: the hand-written pages of tests/fixtures/news/html, each read 20 times per run.

    python benchmarks/news_speed.py [--bbc DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tarfile
import tempfile
import time
from pathlib import Path

import cablewire

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "tests" / "fixtures" / "news" / "html"
ARCHIVE = ROOT.parent / "shared" / "corpus" / "bbc-news.tar.xz"
RUNS = 3
HTML_REPEAT = 20


def bbc_texts(folder: Path | None) -> list[bytes]:
    if folder is None:
        folder = Path("/tmp/corpus/bbc")
        if not folder.exists():
            target = Path(tempfile.mkdtemp(prefix="cablewire-bbc-"))
            with tarfile.open(ARCHIVE) as tar:
                tar.extractall(target, filter="data")
            folder = next(p.parent.parent for p in target.rglob("*.txt"))
    return [p.read_bytes() for p in sorted(folder.glob("*/*.txt"))]


def rate(blobs: list[bytes]) -> float:
    start = time.perf_counter()
    for blob in blobs:
        cablewire.parse_bytes(blob)
    return len(blobs) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bbc", type=Path, help="folder with <topic>/NNN.txt files")
    args = parser.parse_args()
    bbc = bbc_texts(args.bbc)
    html = [p.read_bytes() for p in sorted(HTML.glob("*.html"))] * HTML_REPEAT
    cablewire.parse_bytes(html[0])  # load plugins and trafilatura before timing
    for name, blobs in (("BBC texts", bbc), ("HTML pages", html)):
        runs = [rate(blobs) for _ in range(RUNS)]
        print(f"{name}: {len(blobs)} documents, median {statistics.median(runs):.1f} articles/s"
              f" (runs: {', '.join(f'{r:.1f}' for r in runs)})")


if __name__ == "__main__":
    main()
