"""Write `src/cablewire/data/tag-keywords.txt`: the keywords in words that the release's TAGS
lines hold on their own.

    python scripts/tag_keywords.py [../shared/corpus/cablegate-pages.tar.xz]

Older cables add keywords in words to their TAGS (PREL IT IZ IRAQI FREEDOM), and some run several
together with nothing between them (ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM). A run
of words that stands alone between codes, or between a code and the end of the line, in at least
two cables is a keyword of the release; `cablewire.formats.cable.tags.parse_tags` splits longer
runs around them. Each line of the output is `KEYWORD<TAB>cables`.
"""

from __future__ import annotations

import sys
import tarfile
from collections import Counter
from pathlib import Path

from cablewire.formats.cable.page import read_html_page
from cablewire.formats.cable.tags import parse_tags
from cablewire.formats.cable.telegram import read_telegram

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"
OUT = ROOT / "src" / "cablewire" / "data" / "tag-keywords.txt"
_MIN_CABLES = 2


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else CORPUS
    seen: Counter[str] = Counter()
    with tarfile.open(corpus) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.name.endswith(".html") else None
            if handle is None:
                continue
            _meta, routing, body = read_html_page(handle.read().decode("utf-8", "replace"))
            tags, _warnings = parse_tags(read_telegram(routing + "\n" + body).tags_text,
                                         keywords=frozenset())
            seen.update({tag for tag in tags if " " in tag and "," not in tag})
    keywords = sorted(k for k, n in seen.items() if n >= _MIN_CABLES)
    lines = [
        "# Keywords in words that TAGS lines of the release hold on their own, between codes,",
        f"# in at least {_MIN_CABLES} cables: KEYWORD<TAB>cables. Made by scripts/tag_keywords.py",
        f"# from {corpus.name} (the release's cable pages).",
    ]
    lines += [f"{k}\t{seen[k]}" for k in keywords]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(keywords)} keywords written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
