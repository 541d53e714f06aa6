"""Validate benchmarks/linking/news.jsonl against the cable corpus and print what it holds.

    .venv/bin/python benchmarks/linking/check.py [--corpus PATH] [--citations]

Checks every line: the fields and their types, the id (`en-01`) against the language, the
date (a real date, later than every cable the item cites), 150-400 words for written texts,
1-4 distinct cables with a grade of 2 or 1 each and a 2 first, every cable in the corpus at
../shared/corpus (the seed item may also cite the seed cable in examples/seeds), no cable id,
REF word or cited subject line in a written text, and at least 14 English, 11 Portuguese and
11 Spanish items with exactly one seed. With --citations it also checks citations.jsonl when it
has been built (see make_citations.py). Prints the counts; exits 1 and lists the problems when
there are any.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
import tarfile
from pathlib import Path
from typing import Any

import cablewire

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"
SEEDS = REPO / "examples" / "seeds"
FIELDS = {
    "id": str,
    "language": str,
    "date": str,
    "title": str,
    "text": str,
    "cables": list,
    "grades": dict,
    "note": str,
    "source": str,
}
MINIMUM = {"en": 14, "pt": 11, "es": 11}
CABLE_ID = re.compile(r"\b\d{2}[A-Z]{3,}\d{1,7}\b")
REF_WORDS = re.compile(r"\b(?:REF|REFS|reftels?|wikileaks|cables?)\b", re.IGNORECASE)


def corpus_cables(path: Path, wanted: set[str]) -> tuple[set[str], dict[str, dict[str, Any]]]:
    """All cable ids of the archive (from the page names) and the parsed cables in `wanted`."""
    ids: set[str] = set()
    parsed: dict[str, dict[str, Any]] = {}
    with tarfile.open(path) as tar:
        for member in tar:
            if not (member.isfile() and member.name.endswith(".html")):
                continue
            cable_id = member.name.rsplit("/", 1)[-1][: -len(".html")]
            ids.add(cable_id)
            if cable_id in wanted:
                data = tar.extractfile(member).read()  # type: ignore[union-attr]
                for doc in cablewire.parse_bytes(data, source=member.name):
                    d = doc.to_dict()
                    parsed[d["id"]] = d
    return ids, parsed


def seed_cables() -> dict[str, dict[str, Any]]:
    found = {}
    for doc in cablewire.parse_paths([str(SEEDS)]):
        if not isinstance(doc, cablewire.Failure) and doc.to_dict()["kind"] == "cable":
            d = doc.to_dict()
            found[d["id"]] = d
    return found


def check_item(item: dict[str, Any], known: dict[str, dict[str, Any]], problems: list[str]) -> None:
    where = item.get("id", "?")

    def bad(message: str) -> None:
        problems.append(f"{where}: {message}")

    for name, kind in FIELDS.items():
        if not isinstance(item.get(name), kind):
            bad(f"field {name!r} missing or not {kind.__name__}")
    extra = set(item) - set(FIELDS)
    if extra:
        bad(f"unknown fields {sorted(extra)}")
    if problems and problems[-1].startswith(f"{where}: field"):
        return
    if item["language"] not in MINIMUM:
        bad(f"language {item['language']!r}")
    if not re.fullmatch(rf"{re.escape(item['language'])}-\d{{2}}", item["id"]):
        bad("id is not <language>-NN")
    if item["source"] not in {"seed", "written"}:
        bad(f"source {item['source']!r}")
    try:
        date = dt.date.fromisoformat(item["date"])
    except ValueError:
        bad(f"date {item['date']!r}")
        date = None
    words = len(item["text"].split())
    if item["source"] == "written" and not 150 <= words <= 400:
        bad(f"{words} words (150-400 wanted)")
    if not item["title"].strip():
        bad("empty title")
    cables = item["cables"]
    if not 1 <= len(cables) <= 4 or len(set(cables)) != len(cables):
        bad(f"{len(cables)} cables (1-4 distinct wanted)")
    if set(item["grades"]) != set(cables):
        bad("grades and cables name different ids")
    if any(g not in (1, 2) for g in item["grades"].values()):
        bad("grades must be 1 or 2")
    if cables and item["grades"].get(cables[0]) != 2:
        bad("the first cable should have grade 2")
    written = item["source"] == "written"
    body = f"{item['title']}\n{item['text']}"
    if written and CABLE_ID.search(body):
        bad(f"cable id in text: {CABLE_ID.search(body).group()}")  # type: ignore[union-attr]
    if written and REF_WORDS.search(body):
        bad(f"REF/cable word in text: {REF_WORDS.search(body).group()!r}")  # type: ignore[union-attr]
    for cable_id in cables:
        cable = known.get(cable_id)
        if cable is None:
            bad(f"{cable_id} is not in the corpus")
            continue
        subject = (cable.get("subject") or "").strip()
        if written and subject and subject.lower() in body.lower():
            bad(f"subject line of {cable_id} copied")
        created = (cable.get("created") or "")[:10]
        if date and created and date.isoformat() <= created:
            bad(f"dated {date} but cites {cable_id} of {created}")


def check_citations(path: Path, ids: set[str], problems: list[str]) -> int:
    count = 0
    previous = ""
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        item = json.loads(line)
        count += 1
        if set(item) != {"id", "text", "date", "cables", "grades"}:
            problems.append(f"citations line {n}: fields {sorted(item)}")
        if item["id"] <= previous:
            problems.append(f"citations line {n}: not sorted by id")
        previous = item["id"]
        if len(item["cables"]) < 2 or any(c not in ids for c in [item["id"], *item["cables"]]):
            problems.append(f"citations line {n}: fewer than two cited cables in the corpus")
        if any(c in item["text"] for c in item["cables"]):
            problems.append(f"citations line {n}: a cited id is still in the text")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--citations", action="store_true", help="also check citations.jsonl")
    args = parser.parse_args()
    problems: list[str] = []
    items = []
    for n, line in enumerate((HERE / "news.jsonl").open(encoding="utf-8"), 1):
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not JSON ({e})")
    wanted = {c for item in items for c in item.get("cables", [])}
    ids, parsed = corpus_cables(args.corpus, wanted)
    seeds = seed_cables()
    for item in items:
        known = dict(parsed)
        if item.get("source") == "seed":
            known.update(seeds)
        check_item(item, known, problems)

    counts = collections.Counter(item.get("language") for item in items)
    sources = collections.Counter(item.get("source") for item in items)
    ids_seen = collections.Counter(item.get("id") for item in items)
    problems += [f"{i}: id used {k} times" for i, k in ids_seen.items() if k > 1]
    problems += [
        f"{lang}: {counts[lang]} items ({need} wanted)"
        for lang, need in MINIMUM.items()
        if counts[lang] < need
    ]
    if sources["seed"] != 1:
        problems.append(f"{sources['seed']} seed items (1 wanted)")

    cited = [c for item in items for c in item.get("cables", [])]
    grades = collections.Counter(g for item in items for g in item.get("grades", {}).values())
    in_corpus = {c for c in cited if c in parsed}
    origins = collections.Counter(parsed[c]["origin"] for c in in_corpus)
    years = collections.Counter(parsed[c]["created"][:4] for c in in_corpus)
    words = [len(item["text"].split()) for item in items if item.get("source") == "written"]
    print(
        f"news.jsonl: {len(items)} items: "
        + ", ".join(f"{k} {counts[k]}" for k in MINIMUM)
        + f"; {sources['written']} written, {sources['seed']} seed"
    )
    print(
        f"  cables cited: {len(cited)} ({len(set(cited))} distinct, {len(in_corpus)} in the"
        f" corpus); grade 2: {grades[2]}, grade 1: {grades[1]}"
    )
    per_item = collections.Counter(len(item.get("cables", [])) for item in items)
    print(f"  cables per item: {dict(sorted(per_item.items()))}")
    if words:
        mean = sum(words) / len(words)
        print(f"  words per written text: {min(words)}-{max(words)}, mean {mean:.0f}")
    print(
        f"  {len(origins)} origins: "
        + ", ".join(f"{o} {k}" for o, k in origins.most_common(8))
        + (", ..." if len(origins) > 8 else "")
    )
    print("  years: " + ", ".join(f"{y} {k}" for y, k in sorted(years.items())))
    if args.citations:
        path = HERE / "citations.jsonl"
        if path.exists():
            n = check_citations(path, ids, problems)
            print(f"citations.jsonl: {n} items, {path.stat().st_size / 1e6:.2f} MB")
        else:
            print("citations.jsonl: not built (run make_citations.py)")
    if problems:
        print(f"\n{len(problems)} problems:", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
