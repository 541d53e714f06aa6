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
"""

from __future__ import annotations

import argparse
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
from cablewire.link.background import Probe, background, read_probe
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
    ap.add_argument("--json", dest="out", default=None, help="write per-item results here")
    args = ap.parse_args()
    sets = ["news", "citations"] if args.set == "all" else [args.set]
    scores: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    times: dict[str, list[float]] = defaultdict(list)
    rows = []
    with Archive.open(Settings.resolve(db=args.db)) as archive:
        meaning = _meaning(archive)
        for name in sets:
            items = load(name)
            if args.limit:
                items = items[: args.limit]
            for item in items:
                grades = item.get("grades") or {c: 2 for c in item["cables"]}
                language = item.get("language", "en")
                probe = read_probe(probe_text(item), f"{item['id']}.txt")
                if item.get("date"):
                    probe.doc["published"] = item["date"]
                ranked = {"bm25": bm25(archive, probe)}
                for config, parts in CONFIGS.items():
                    if "meaning" in parts and meaning is None and config == "meaning":
                        continue
                    started = time.perf_counter()
                    found = background(archive.index, archive.store, probe, kind="cable",
                                       limit=10, parts=parts, meaning=meaning)
                    times[config].append(time.perf_counter() - started)
                    ranked[config] = [h["id"] for h in found["hits"]]
                for config, ids in ranked.items():
                    scores[(name, language, config)].append(
                        (ndcg(ids, grades), recall(ids, grades)))
                rows.append({"set": name, "id": item["id"], "language": language,
                             "grades": grades, "ranked": ranked})
    print(f"{'set':<10} {'lang':<5} {'config':<9} {'n':>4} {'nDCG@5':>7} {'R@10':>6}")
    for (name, language, config), values in sorted(scores.items()):
        n5 = statistics.mean(v[0] for v in values)
        r10 = statistics.mean(v[1] for v in values)
        print(f"{name:<10} {language:<5} {config:<9} {len(values):>4} {n5:>7.3f} {r10:>6.3f}")
    for config, values in sorted(times.items()):
        print(f"time {config}: median {statistics.median(values) * 1000:.0f} ms per probe")
    if args.out:
        Path(args.out).write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def _meaning(archive: Archive) -> Any:
    try:
        from cablewire.link.vectors import meaning_part
    except ImportError:
        return None
    return meaning_part(archive)


if __name__ == "__main__":
    main()
