"""Write `src/cablewire/data/title-words.txt`: the entries of the acronym and TAGS lists that the
cables' own mixed-case text writes as words.

    python scripts/title_words.py [../shared/corpus/cablegate-pages.tar.xz]

The acronym list (cablemap's) and the TAGS lists hold words that are also plain English or names:
DUTCH, UPDATE, MEET, YOUTH, PETROBRAS, DOHA. A title made from an all-caps SUBJECT line cannot tell
them apart, so the release is asked: in the lines of the cable bodies written in mixed case, an
entry written other than in capitals ("Dutch", "meet") more often than in capitals, at least
three times, is a word, and `cablewire.text.casing.titlecase` cases it as one. Each line of the
output is `ENTRY<TAB>in capitals<TAB>otherwise`.
"""

from __future__ import annotations

import re
import sys
import tarfile
from collections import Counter
from pathlib import Path

from cablewire.formats.cable.page import read_html_page
from cablewire.text.casing import listed_upper

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"
OUT = ROOT / "src" / "cablewire" / "data" / "title-words.txt"
_WORD = re.compile(r"[A-Za-z][A-Za-z'.&/-]*[A-Za-z]|[A-Za-z]")
_MIN_SEEN = 3
_ALWAYS_KEPT = {"US"}  # the country in a title; "us" in the prose


def _mixed_case(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 20 and sum(c.islower() for c in letters) >= 0.5 * len(letters)


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else CORPUS
    known = listed_upper()
    caps: Counter[str] = Counter()
    other: Counter[str] = Counter()
    with tarfile.open(corpus) as tar:
        for member in tar:
            if not member.name.endswith(".html"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            _meta, _routing, body = read_html_page(handle.read().decode("utf-8", "replace"))
            for line in body.split("\n"):
                if not _mixed_case(line):
                    continue
                for word in _WORD.findall(line):
                    upper = word.upper()
                    if upper in known:
                        (caps if word == upper else other)[upper] += 1
    words = sorted(w for w in other if other[w] > caps[w] and other[w] >= _MIN_SEEN
                   and w not in _ALWAYS_KEPT)
    lines = [
        "# Entries of the acronym and TAGS lists that the cables' mixed-case text writes as words",
        "# more often than in capitals: ENTRY<TAB>in capitals<TAB>otherwise. Made by",
        f"# scripts/title_words.py from {corpus.name} (the release's cable pages).",
    ]
    lines += [f"{w}\t{caps[w]}\t{other[w]}" for w in words]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
