"""Body extraction quality on HTML news pages: token precision, recall and F1.

Two page sets, each an HTML page with its ground-truth article text:

- `fixtures`: the hand-written pages in tests/fixtures/news/html (`<name>.html` with
  `<name>.truth.txt`, the article's paragraphs written by hand; see the README there).
- `newspaper4k`: the real news pages and expected texts that newspaper4k 0.9.6 ships in its source
  distribution (`tests/data/html/*.html`, `tests/data/txt/*.txt`), downloaded from PyPI with
  `pip download --no-binary :all: --no-deps newspaper4k==0.9.6` unless `--newspaper4k DIR`
  points at an unpacked copy. Their expected texts are newspaper4k's own regression outputs,
  so they lean towards what newspaper4k keeps (e.g. no picture captions).

Compared: cablewire's `news` reader (the dateline, then the body) and bare trafilatura
(`trafilatura.extract` with its defaults, and with the settings cablewire uses: no comments,
no tables). Tokens are lower-cased words; a page's score counts each token as often as it
occurs (bag of words). "micro" adds up counts over all pages; "macro" averages page scores.

    python benchmarks/news_extraction_eval.py [--newspaper4k DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from cablewire.errors import CablewireError
from cablewire.formats.base import Input
from cablewire.formats.news.reader import read_article
from cablewire.text.encoding import decode

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "news" / "html"
NEWSPAPER4K = "newspaper4k==0.9.6"
_TOKEN = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[str], str]


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def ours(html: str) -> str:
    try:
        article = read_article(Input(html))
    except CablewireError:
        return ""
    head = f"{article.dateline} " if article.dateline else ""
    return head + (article.body or "")


def trafilatura_default(html: str) -> str:
    return trafilatura.extract(html) or ""


def trafilatura_same_settings(html: str) -> str:
    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


EXTRACTORS: dict[str, Extractor] = {
    "cablewire": ours,
    "trafilatura (defaults)": trafilatura_default,
    "trafilatura (no comments, no tables)": trafilatura_same_settings,
}


def fixture_pages() -> list[tuple[str, str, str]]:
    pages = []
    for html_path in sorted(FIXTURES.glob("*.html")):
        truth = html_path.with_suffix(".truth.txt")
        if truth.exists():
            html, _ = decode(html_path.read_bytes())
            pages.append((html_path.stem, html, truth.read_text("utf-8")))
    return pages


def newspaper4k_pages(folder: Path | None) -> list[tuple[str, str, str]]:
    if folder is None:
        folder = _fetch_newspaper4k()
    data = folder / "tests" / "data"
    pages = []
    for html_path in sorted((data / "html").glob("*.html")):
        truth = data / "txt" / f"{html_path.stem}.txt"
        if truth.exists():
            html, _ = decode(html_path.read_bytes())
            pages.append((html_path.stem, html, truth.read_text("utf-8")))
    return pages


def _fetch_newspaper4k() -> Path:
    cache = Path(tempfile.gettempdir()) / "cablewire-bench"
    unpacked = cache / NEWSPAPER4K.replace("==", "-")
    if unpacked.exists():
        return unpacked
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:",
         "--no-deps", "-d", str(cache), NEWSPAPER4K],
        check=True,
    )
    [archive] = cache.glob("newspaper4k-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(cache, filter="data")
    return unpacked


def score(pages: list[tuple[str, str, str]], extract: Extractor) -> dict[str, float]:
    hit = got = want = 0
    per_page = []
    for _, html, truth in pages:
        t, e = tokens(truth), tokens(extract(html))
        common = sum((t & e).values())
        hit, got, want = hit + common, got + sum(e.values()), want + sum(t.values())
        per_page.append(_prf(common, sum(e.values()), sum(t.values())))
    micro = _prf(hit, got, want)
    n = len(per_page) or 1
    return {
        "pages": len(pages),
        "micro_precision": micro[0], "micro_recall": micro[1], "micro_f1": micro[2],
        "macro_precision": sum(p[0] for p in per_page) / n,
        "macro_recall": sum(p[1] for p in per_page) / n,
        "macro_f1": sum(p[2] for p in per_page) / n,
    }


def _prf(hit: int, got: int, want: int) -> tuple[float, float, float]:
    p = hit / got if got else 0.0
    r = hit / want if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newspaper4k", type=Path, help="unpacked newspaper4k 0.9.6 sdist")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--offline", action="store_true", help="skip the newspaper4k set")
    args = parser.parse_args()
    sets = {"fixtures": fixture_pages()}
    if not args.offline:
        sets["newspaper4k"] = newspaper4k_pages(args.newspaper4k)
    results = {name: {label: score(pages, fn) for label, fn in EXTRACTORS.items()}
               for name, pages in sets.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, by_label in results.items():
        print(f"\n{name} ({next(iter(by_label.values()))['pages']} pages)")
        print(f"  {'extractor':40} {'P':>6} {'R':>6} {'F1':>6}   {'macro F1':>8}")
        for label, s in by_label.items():
            print(f"  {label:40} {s['micro_precision']:6.3f} {s['micro_recall']:6.3f}"
                  f" {s['micro_f1']:6.3f}   {s['macro_f1']:8.3f}")


if __name__ == "__main__":
    main()
