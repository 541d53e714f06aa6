"""The cable reader on the telegram alone: id, date and classification from a page's `<pre>`
blocks, against the page's own metadata table.

    python benchmarks/telegram_only.py [--corpus PATH] [--misses N]

`--corpus` defaults to ../shared/corpus/cablegate-pages.tar.xz.

A user who copies a cable off its page takes the `<pre>` blocks (routing header, then the text)
and leaves the table (id, created, classification). For every page of the corpus this reads
that copy with `read_cable(text)` and compares what it finds with the table:

- id: the canonical form of the table's id;
- date: the day of the table's `Created`;
- classification: the table's value as written (`SECRET//NOFORN`), and its level alone.

A page *holds* a value when its text states it, judged without the reader: the id when a line
of the text names the id's station and serial and the text states the year (a date-time group
with its year, a `Cable dated:` line, a dated dump row); the date when it states one of those;
the classification when a line at the top begins with a classification word. The figure is
the share of the pages that hold a value on which the reader finds it equal to the table (goal:
98%). Values the reader infers (a year from the declassification date and the release's id
list) are counted apart, with how often they are right; the pages that hold no value are
sorted by what they lack.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

from cablewire.formats.cable.page import read_html_page
from cablewire.formats.cable.reader import read_cable
from cablewire.formats.cable.telegram_id import id_from_page

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cablegate-pages.tar.xz"
_DATED = re.compile(
    r"\b\d{6}Z\s+[A-Z]{3}\s+\d{2}\b|Cable dated:\s*\d{4}-|^\s*\d{4}-\d{2}-\d{2}[\s\t]"
    r"|[\t,]\d{4}-\d{2}-\d{2}[ T]\d|[\t,]\d{1,2}/\d{1,2}/\d{4} \d|date:\s*\S*\d{4}"
    r"|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d",
    re.M | re.I,
)
_CLASS_LINE = re.compile(
    r"^\W{0,3}(?:\d{0,7})(?:Cable dated:\S*\s*)?(?:C\s?O\s?N\s?F\s?I\s?D|S\s?E\s?C\s?R\s?E\s?T|"
    r"U\s?N\s?C\s?L\s?A\s?S|O\s?N\s?F\s?I\s?D\s?E\s?N|E\s?C\s?R\s?E\s?T\b|LIMITED OFFICIAL)",
    re.M | re.I,
)


def load(path: Path) -> list[tuple[str, str]]:
    """(member name, page) for every page of the corpus."""
    pages = []
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                if handle is not None:
                    pages.append((member.name, handle.read().decode("utf-8", "replace")))
    return pages


def holds_id(text: str, cable_id: str) -> bool:
    """Whether the text names the id's station and serial on one line and states a year."""
    m = re.fullmatch(r"(\d{2})([A-Z]+)(\d+)", cable_id)
    if not m or not _DATED.search(text):
        return False
    station, serial = m.group(2), m.group(3)
    serial_rx = re.compile(r"(?<!\d)0*" + serial + r"(?!\d)")
    for line in text.splitlines()[:400]:
        if serial_rx.search(line) and station in re.sub(r"[^A-Z]", "", line.upper()):
            return True
    return False


def compare(name: str, page: str) -> dict[str, object]:
    """The table's values, the telegram-only values and what the text holds, for one page."""
    meta, routing, body = read_html_page(page)
    text = routing + "\n" + body
    cable = read_cable(text)
    page_id = id_from_page(meta.id)[0] if meta.id else None
    top = "\n".join(body.splitlines()[:40])
    inferred = any(w.startswith("year ") and "inferred" in w for w in cable.warnings)
    return {
        "name": name.rsplit("/", 1)[-1],
        "page_id": page_id,
        "id": cable.id,
        "holds_id": bool(page_id) and holds_id(text, page_id or ""),
        "id_inferred": inferred,
        "page_date": (meta.created or "")[:10] or None,
        "date": (cable.created or "")[:10] or None,
        "holds_date": bool(_DATED.search(text)),
        "page_class": meta.classification,
        "class": cable.classification,
        "holds_class": bool(_CLASS_LINE.search(top)) or bool(re.search(
            r"(?im)^classification:", top)),
        "joined": any("join two cables" in w for w in cable.warnings),
        "partial": "partial extract" in page,
    }


def _level(value: object) -> str | None:
    return str(value).split("//")[0] if value else None


def report(rows: list[dict[str, object]], misses: int) -> None:
    n = len(rows)
    print(f"{n} pages")
    print(f"{'value':<16}{'holds':>8}{'found':>8}{'equal':>8}{'share':>8}")
    for label, holds, got, want in (
        ("id", "holds_id", "id", "page_id"),
        ("date", "holds_date", "date", "page_date"),
        ("classification", "holds_class", "class", "page_class"),
    ):
        held = [r for r in rows if r[holds]]
        found = [r for r in held if r[got] is not None]
        equal = [r for r in held if r[got] == r[want]]
        share = len(equal) / len(held) if held else 0.0
        print(f"{label:<16}{len(held):>8}{len(found):>8}{len(equal):>8}{share:>8.3f}")
    held = [r for r in rows if r["holds_class"]]
    level = sum(_level(r["class"]) == _level(r["page_class"]) for r in held)
    print(f"{'  level alone':<16}{len(held):>8}{'':>8}{level:>8}{level / len(held):>8.3f}")
    for label, got, want in (("id", "id", "page_id"), ("date", "date", "page_date")):
        equal = sum(r[got] == r[want] for r in rows)
        print(f"{label} equal on all pages, held or not: {equal}/{n} = {equal / n:.3f}")
    inferred = [r for r in rows if r["id_inferred"]]
    right = sum(r["id"] == r["page_id"] for r in inferred)
    print(f"\nids with an inferred year: {len(inferred)}, right {right}")
    lack: Counter[str] = Counter()
    for r in rows:
        if r["holds_id"]:
            continue
        if r["id"] is not None and r["id"] == r["page_id"]:
            lack["found all the same: " + ("the year inferred" if r["id_inferred"]
                                            else "a copy's record, or a line the test misses")] += 1
        elif r["joined"]:
            lack["the text joins two cables (the reader warns)"] += 1
        elif r["id"] is not None:
            lack["the reader gives another id"] += 1
        elif r["partial"] and not r["holds_date"]:
            lack["a partial extract stating no year, none inferred"] += 1
        elif not r["holds_date"]:
            lack["no date stated, none inferred"] += 1
        else:
            lack["no line names the id's station and serial"] += 1
    print("pages that hold no id, by what they lack:")
    for why, count in lack.most_common():
        print(f"  {count:>5}  {why}")
    wrong: Counter[str] = Counter()
    for r in rows:
        if r["holds_id"] and r["id"] != r["page_id"]:
            wrong["joined (the text joins two cables)" if r["joined"] else
                  "not found" if r["id"] is None else "differs"] += 1
    print("pages that hold an id the reader does not give equal:")
    for why, count in wrong.most_common():
        print(f"  {count:>5}  {why}")
    if misses:
        print("\nsome of them:")
        shown = [r for r in rows if r["holds_id"] and r["id"] != r["page_id"]][:misses]
        for r in shown:
            print(f"  {r['name']}: telegram {r['id']}, page {r['page_id']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--misses", type=int, default=0, help="list this many id misses")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    pages = load(args.corpus)
    start = time.perf_counter()
    rows = [compare(name, page) for name, page in pages]
    print(f"read in {time.perf_counter() - start:.1f} s")
    report(rows, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
