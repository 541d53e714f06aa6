"""Build the citation-recovery set: cables whose REF lines name other cables of the corpus.

    .venv/bin/python benchmarks/linking/make_citations.py [--corpus PATH] [--out PATH] [--cap N]

Reads the cable pages at ../shared/corpus/cablegate-pages.tar.xz (relative to the repository
root), and for every cable that cites at least two cables that are also in the corpus writes one
line to benchmarks/linking/citations.jsonl:

    {"id": citing id, "text": body without its citations, "date": "YYYY-MM-DD" (created),
     "cables": [cited ids in the corpus, in REF order], "grades": {cited id: 2, ...}}

The text is the parsed body with the REF lines removed and every remaining pointer to a cable
taken out: compact ids (`09BAMAKO387`), `STATION 12345`, `09 STATION 1234`, `2008 BAMAKO 217`,
`REF A`, `refs A and B`, `REFTEL`, `(reftel)`, `(see ref B para 3)`. A station is a name that
`cablewire.model.ids.station_of` knows, so `PARA 3` or `BOEING 727` stay. Lines are sorted by id;
when there are more than --cap candidates, every k-th one is kept (k = ceil(n / cap)), so the
choice is deterministic. Prints how many cables were read, how many qualify and how many were
written.

Every regular expression here is linear-time: no nested or adjacent quantifiers that can match
the same characters, repetitions bounded; station names are matched by scanning tokens in
Python, not by a regex alternation.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

import cablewire
from cablewire.model.ids import station_of

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"
OUT = Path(__file__).resolve().parent / "citations.jsonl"

# A REF line of the header block: "REF: A. BAMAKO 754 ...", "REFS: ...", "REFTEL: ...".
REF_LINE = re.compile(r"^[ \t]*REF(?:S|TELS?)?[ \t]*:[^\n]*(?:\n|$)", re.IGNORECASE | re.MULTILINE)
# "(ref A)", "(reftel)", "(see refs B and C, para 4)": a parenthesis that opens on a ref word.
PAREN_REF = re.compile(
    r"\(\s*(?:(?:see|per|cf\.?)\s+)?ref(?:tel)?s?\b[^()\n]{0,60}\)", re.IGNORECASE
)
# "REF A", "refs A and B", "REFTEL", "reftels", "ref para 3": the ref word and the letters after it.
BARE_REF = re.compile(
    r"\b(?i:ref(?:tel)?s?)\b\.?"
    r"(?:[ \t]+(?i:para(?:graph)?s?)[ \t]+\d{1,3})?"
    r"(?:[ \t]+[A-Z](?:[ \t]*(?:,|&|\band\b|\bAND\b)[ \t]*[A-Z]){0,20}\b)?"
)
TOKEN = re.compile(r"[A-Za-z0-9'./-]+")
WORD = re.compile(r"[A-Za-z][A-Za-z'.-]{0,30}")
SERIAL = re.compile(r"\d{1,8}")
YEAR = re.compile(r"'?\d{2}|\d{4}")
COMPACT_ID = re.compile(r"(\d{2})([A-Z]{3,30})(\d{1,7})")
PAGE_OF = re.compile(r"\d{3}(?:\.\d{1,2})?")
EMPTY_PARENS = re.compile(r"\([ \t]*(?:[,;][ \t]*)?\)")
SPACE_RUN = re.compile(r"[ \t]{2,}")
SPACE_BEFORE_PUNCT = re.compile(r"(?<=[^ \t])[ \t]+(?=[,.;:])")
PARTICLES = {"de", "do", "da", "des", "du", "of", "es", "el", "la"}


def strip_citations(body: str) -> str:
    """The body without its REF lines and without any mention of a cable."""
    text = REF_LINE.sub("", body)
    text = PAREN_REF.sub("", text)
    text = _drop_spans(text, _cable_mentions(text))
    text = BARE_REF.sub("", text)
    text = EMPTY_PARENS.sub("", text)
    text = SPACE_BEFORE_PUNCT.sub("", text)
    text = SPACE_RUN.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _cable_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of compact ids and of `[year] STATION serial[ AND serial][ 002 OF 004]`."""
    tokens = [_core(m) for m in TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        m = COMPACT_ID.fullmatch(word)
        if m and station_of(m.group(2)) and int(m.group(3)) > 0:
            spans.append((start, end))
            i += 1
            continue
        first = _station_before(text, tokens, i)
        if first is None:
            i += 1
            continue
        span_start = tokens[first][0]
        year = first - 1
        if (
            year >= 0
            and YEAR.fullmatch(tokens[year][2])
            and _adjacent(text, tokens[year], tokens[first])
            and not (year > 0 and tokens[year - 1][2].upper() == "OF")
        ):
            span_start = tokens[year][0]
        j = i + 1
        # "STATE 12345 AND 23456", and the page header tail "002 OF 004".
        while (
            j + 1 < len(tokens)
            and tokens[j][2].upper() in {"AND", "&"}
            and SERIAL.fullmatch(tokens[j + 1][2])
        ):
            j += 2
        if (
            j + 2 < len(tokens)
            and PAGE_OF.fullmatch(tokens[j][2])
            and tokens[j + 1][2].upper() == "OF"
            and PAGE_OF.fullmatch(tokens[j + 2][2])
        ):
            j += 3
        spans.append((span_start, tokens[j - 1][1]))
        i = j
    return spans


def _station_before(text: str, tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """When token i is a serial right after a known station name, the index of the station's
    first token (the longest name of up to four words wins), else None."""
    serial = tokens[i][2]
    if not SERIAL.fullmatch(serial) or int(serial) == 0:
        return None
    for k in range(min(4, i), 0, -1):
        words = tokens[i - k : i]
        if not all(WORD.fullmatch(w[2]) for w in words):
            continue
        if not all(
            _adjacent(text, a, b) for a, b in zip(words, [*words[1:], tokens[i]], strict=True)
        ):
            continue
        name = " ".join(w[2] for w in words)
        if not station_of(name):
            continue
        if not name.isupper():
            # Mixed case ("San Jose 745") only when it reads as a name, and never a year.
            if not all(w[2][0].isupper() or w[2].lower() in PARTICLES for w in words):
                continue
            if _year_like(serial):
                continue
        elif _year_like(serial):
            continue
        return i - k
    return None


def _year_like(serial: str) -> bool:
    return len(serial) == 4 and 1950 <= int(serial) <= 2015


def _core(m: re.Match[str]) -> tuple[int, int, str]:
    """A token without the full stops and quotes around it (`387.` -> `387`)."""
    start = m.start()
    word = m.group()
    stripped = word.rstrip(".'/-")
    if word.startswith("'") and not YEAR.fullmatch(stripped):
        stripped = stripped.lstrip("'")
        start += len(word) - len(word.lstrip("'"))
    return start, start + len(stripped), stripped


def _adjacent(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Only blanks (no line break, no punctuation) between two tokens."""
    gap = text[a[1] : b[0]]
    return gap != "" and gap.strip(" \t") == ""


def _drop_spans(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return "".join(out)


def read_corpus(path: Path) -> list[dict[str, Any]]:
    cables = []
    failures = 0
    for doc in cablewire.parse_paths([str(path)]):
        if isinstance(doc, cablewire.Failure):
            failures += 1
            continue
        d = doc.to_dict()
        cables.append({k: d[k] for k in ("id", "created", "references", "body")})
    if failures:
        print(f"{failures} pages could not be read", file=sys.stderr)
    return cables


def build(cables: list[dict[str, Any]], cap: int) -> tuple[list[dict[str, Any]], int]:
    """The items (sorted by id, thinned to at most `cap`) and how many cables qualified."""
    in_corpus = {c["id"] for c in cables}
    items = []
    for c in sorted(cables, key=lambda c: c["id"]):
        cited = []
        for ref in c["references"] or []:
            if ref in in_corpus and ref != c["id"] and ref not in cited:
                cited.append(ref)
        if len(cited) < 2:
            continue
        items.append(
            {
                "id": c["id"],
                "text": strip_citations(c["body"] or ""),
                "date": (c["created"] or "")[:10],
                "cables": cited,
                "grades": {ref: 2 for ref in cited},
            }
        )
    qualified = len(items)
    step = max(1, math.ceil(qualified / cap))
    return items[::step][:cap], qualified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cap", type=int, default=300)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (the shared folder sits beside the repository)")
    cables = read_corpus(args.corpus)
    items, qualified = build(cables, args.cap)
    with args.out.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    size = args.out.stat().st_size
    print(
        f"{len(cables)} cables read, {qualified} cite at least two corpus cables, "
        f"{len(items)} written to {args.out} ({size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
