"""Linking quality: news stories and citing cables against the cables behind them.

    python benchmarks/linking_eval.py --db corpus.db [--set news|citations|all] [--limit N]

The archive must hold the corpus cables (`cablewire ingest ../shared/corpus/cablegate-pages.tar.xz
--db corpus.db`, enriched for the entity part). The evaluation sets are in `benchmarks/linking/`
(how they were made: its README). For each item the probe is read from its text exactly as
`cablewire related -` reads pasted text (the citing cables with their REF blocks and ids
removed), and every configuration ranks the archive's cables:

- `bm25`: the baseline, the probe's words (stemmed, once each) as one BM25 query;
- each part of the blend alone, and the blend.

Reports nDCG@5 (graded) and recall@10 per set and language, and the median time per probe.

Every item falls in the dev or the test half by a hash of its id (`half()`). `--fit` searches
the blend's weights on the dev half alone and reports both halves with the default and the
fitted weights, so the figure to quote is the test half's, which the fit never saw:

    python benchmarks/linking_eval.py --db corpus.db --fit
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import tantivy

from cablewire.archive import Archive
from cablewire.link.background import WEIGHTS, Probe, Ranked, background, read_probe
from cablewire.link.meaning import Meaning
from cablewire.link.terms import _stems
from cablewire.settings import Settings

SETS = Path(__file__).resolve().parent / "linking"
CONFIGS: dict[str, tuple[str, ...]] = {
    "lexical": ("lexical", "time"),
    "entities": ("entities", "time"),
    "meaning": ("meaning", "time"),
    "blend": ("lexical", "entities", "meaning", "citations", "time"),
}


def ndcg(ranked: list[str], grades: dict[str, int], k: int = 5) -> float:
    gain = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best else 0.0


def recall(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    wanted = {d for d, g in grades.items() if g > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


def bm25(archive: Archive, probe: Probe, limit: int = 10) -> list[str]:
    """The baseline: every distinct stem of the probe as one OR query over the cables."""
    text = "\n".join(str(probe.doc.get(k) or "") for k in ("title", "body"))
    stems = sorted(set(_stems(text)))
    schema = archive.index.schema
    clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, f, s))
               for s in stems for f in ("body", "title")]
    if not clauses:
        return []
    query = tantivy.Query.boolean_query([
        (tantivy.Occur.Must, tantivy.Query.boolean_query(clauses)),
        (tantivy.Occur.Must, tantivy.Query.term_query(schema, "kind", "cable"))])
    searcher = archive.index.searcher()
    return [str(searcher.doc(a).get_first("doc_id"))
            for _s, a in searcher.search(query, limit).hits]


def half(item_id: str) -> str:
    """`dev` or `test`, fixed by the id: the weights are fitted on dev only."""
    return "dev" if hashlib.sha1(item_id.encode()).digest()[0] % 2 == 0 else "test"


GRID = {"entities": (0.5, 1.0, 1.5), "meaning": (0.5, 1.0, 1.5, 2.0),
        "citations": (0.25, 0.5, 1.0), "time": (0.0, 0.3, 0.6)}
"""The weights `--fit` tries (lexical stays 1.0: only the ratios matter)."""


def load(name: str) -> list[dict[str, Any]]:
    path = SETS / f"{name}.jsonl"
    if not path.exists():
        print(f"(no {path}: skipped)", file=sys.stderr)
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def probe_text(item: dict[str, Any]) -> bytes:
    title = item.get("title")
    body = item["text"]
    return (f"{title}\n\n{body}" if title else body).encode("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--set", choices=("news", "citations", "all"), default="all")
    ap.add_argument("--limit", type=int, default=0, help="at most N items per set (0: all)")
    ap.add_argument("--fit", action="store_true", help="fit the weights on the dev half")
    ap.add_argument("--json", dest="out", default=None, help="write per-item results here")
    args = ap.parse_args()
    sets = ["news", "citations"] if args.set == "all" else [args.set]
    scores: dict[tuple[str, str, str, str], list[tuple[float, float]]] = defaultdict(list)
    times: dict[str, list[float]] = defaultdict(list)
    rows = []
    with Archive.open(Settings.resolve(db=args.db)) as archive:
        meaning = _meaning(archive)
        probes = []
        for name in sets:
            items = load(name)
            if args.limit:
                items = items[: args.limit]
            for item in items:
                probe = read_probe(probe_text(item), f"{item['id']}.txt")
                if item.get("date"):
                    probe.doc["published"] = item["date"]
                probes.append((name, item, probe, _Memo(meaning) if meaning else None))
        for name, item, probe, memo in probes:
            grades = item.get("grades") or {c: 2 for c in item["cables"]}
            key = (name, item.get("language", "en"), half(item["id"]))
            ranked = {"bm25": bm25(archive, probe)}
            for config, parts in CONFIGS.items():
                if "meaning" in parts and memo is None and config == "meaning":
                    continue
                started = time.perf_counter()
                found = background(archive.index, archive.store, probe, kind="cable",
                                   limit=10, parts=parts, meaning=memo)
                times[config].append(time.perf_counter() - started)
                ranked[config] = [h["id"] for h in found["hits"]]
            for config, ids in ranked.items():
                scores[(*key, config)].append((ndcg(ids, grades), recall(ids, grades)))
            rows.append({"set": name, "id": item["id"], "language": key[1], "half": key[2],
                         "grades": grades, "ranked": ranked})
        if args.fit:
            best = fit(archive, [p for p in probes if half(p[1]["id"]) == "dev"])
            print("fitted on the dev half:", json.dumps(best))
            for name, item, probe, memo in probes:
                grades = item.get("grades") or {c: 2 for c in item["cables"]}
                found = background(archive.index, archive.store, probe, kind="cable",
                                   limit=10, meaning=memo, weights=best)
                ids = [h["id"] for h in found["hits"]]
                scores[(name, item.get("language", "en"), half(item["id"]), "fitted")].append(
                    (ndcg(ids, grades), recall(ids, grades)))
    print(f"{'set':<10} {'lang':<5} {'half':<5} {'config':<9} {'n':>4} {'nDCG@5':>7}"
          f" {'R@10':>6}")
    merged: dict[tuple[str, str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for (name, language, part, config), values in scores.items():
        merged[(name, language, part, config)] = values
        merged[(name, language, "all", config)].extend(values)
    for (name, language, part, config), values in sorted(merged.items()):
        n5 = statistics.mean(v[0] for v in values)
        r10 = statistics.mean(v[1] for v in values)
        print(f"{name:<10} {language:<5} {part:<5} {config:<9} {len(values):>4} {n5:>7.3f}"
              f" {r10:>6.3f}")
    for config, values in sorted(times.items()):
        print(f"time {config}: median {statistics.median(values) * 1000:.0f} ms per probe")
    if args.out:
        Path(args.out).write_text("\n".join(json.dumps(r) for r in rows) + "\n")


class _Memo:
    """The meaning part, computed once per probe (embedding a probe is the slow step)."""

    def __init__(self, meaning: Meaning) -> None:
        self.meaning = meaning
        self.done: dict[int, Ranked] = {}

    def __call__(self, probe: Probe, count: int) -> Ranked:
        if id(probe) not in self.done:
            self.done[id(probe)] = self.meaning(probe, count)
        found = self.done[id(probe)]
        return Ranked(dict(found.scores), dict(found.evidence))


def fit(archive: Archive, dev: list[Any]) -> dict[str, float]:
    """The grid's weights with the best mean nDCG@5 over the dev items (sets weighed alike)."""
    best: tuple[float, dict[str, float]] = (-1.0, dict(WEIGHTS))
    names = sorted(GRID)
    for values in itertools.product(*(GRID[n] for n in names)):
        weights = {"lexical": 1.0, **dict(zip(names, values, strict=True))}
        per_set: dict[str, list[float]] = defaultdict(list)
        for name, item, probe, memo in dev:
            grades = item.get("grades") or {c: 2 for c in item["cables"]}
            found = background(archive.index, archive.store, probe, kind="cable", limit=10,
                               meaning=memo, weights=weights)
            per_set[name].append(ndcg([h["id"] for h in found["hits"]], grades))
        score = statistics.mean(statistics.mean(v) for v in per_set.values())
        if score > best[0]:
            best = (score, weights)
    return best[1]


def _meaning(archive: Archive) -> Meaning | None:
    vectors = archive.vectors()
    if not len(vectors):
        print("(the archive has no passage vectors: the meaning part is left out; run"
              " `cablewire enrich --stage vectors`)", file=sys.stderr)
        return None
    return Meaning(vectors)


if __name__ == "__main__":
    main()
