"""Write src/cablewire/data/stations.txt, the release's station names, from its id list.

    python scripts/make_stations.py [--ids src/cablewire/data/cable-ids-by-month.csv.gz]

Source: the 251,287 cable ids of the full release with their month (`cable-ids-by-month.csv.gz`,
from heuer/cablemap, BSD licence, see src/cablewire/data/LICENSE-cablemap.txt; the same file as
../shared/reference/). A well-formed id is a two-digit year, the station and the serial; the
station names of those ids, with the number of ids each has, are the list, except:

- a name that is another station behind a word of the banner or of a post: `EFTOLONDON`,
  `AMEMBASSYHANOI`, `NOFORNMOGADISHU`, `SIFIEDABUJA` (the tail of UNCLASSIFIED). They are
  ids the site made from a banner, not stations (`cablewire.model.stations` reads them);
- a name of one or two ids that is a damaged spelling of a station with many: one letter off a
  station of 15 ids or more (`BRUSSLS`, `SOIA`, `THEHAGU`), two off one for a name of eight
  letters or more, or a `Q` not followed by `U` (`10AQNA272`, `07QXICO3307`: the release's
  garbled letters come out as Q); a name that is another cut short by a word (`UNESCOPARIS`, 2
  ids, beside `UNESCOPARISFR`: no `FR`) is a shorter form the site used, and stays;
- `WASHDC` (3 ids): the city of `SECSTATE WASHDC`, never a station of its own in a citation.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from cablewire.model.stations import BANNER_DEBRIS, edit_distance

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "cablewire" / "data"
FREQUENT = 15
LEFT_OUT = {"WASHDC"}
HEADER = """\
# Station names of the release's cable ids (year + STATION + serial), one a line, with the
# number of ids that carry each. Written by scripts/make_stations.py from the release's id list
# (cable-ids-by-month.csv.gz, heuer/cablemap, BSD licence, see LICENSE-cablemap.txt); the
# script's docstring says which names are left out (damaged spellings, banner words before a
# station). Do not edit by hand: rerun the script.
"""


def station_counts(path: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            m = re.fullmatch(r"\d{2}([A-Z]+)\d+", line.split(",")[0].strip())
            if m:
                counts[m.group(1)] += 1
    return counts


def stations(counts: Counter[str]) -> dict[str, int]:
    frequent = [s for s, n in counts.items() if n >= FREQUENT]
    out: dict[str, int] = {}
    for name, n in counts.items():
        if name in LEFT_OUT or _behind_debris(name, counts):
            continue
        if n <= 2 and _damaged(name, frequent):
            continue
        out[name] = n
    return dict(sorted(out.items()))


def _behind_debris(name: str, counts: Counter[str]) -> bool:
    return any(name.startswith(word) and counts.get(name[len(word):], 0) >= FREQUENT
               for word in BANNER_DEBRIS)


def _damaged(name: str, frequent: list[str]) -> bool:
    if re.search(r"Q(?!U)", name):
        return True
    if any(s.startswith(name) and len(s) - len(name) >= 2 for s in frequent):
        return False
    limit = 2 if len(name) >= 8 else 1
    return any(edit_distance(name, s) <= limit for s in frequent if s != name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ids", type=Path, default=DATA / "cable-ids-by-month.csv.gz")
    parser.add_argument("--out", type=Path, default=DATA / "stations.txt")
    args = parser.parse_args(argv)
    names = stations(station_counts(args.ids))
    body = "".join(f"{name} {n}\n" for name, n in names.items())
    args.out.write_text(HEADER + body, "utf-8")
    print(f"{len(names)} stations -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
