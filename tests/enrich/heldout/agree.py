"""Agreement between two readers' labels of the held-out set (needs heldout.json only).

    .venv/bin/python tests/enrich/heldout/agree.py --blank > second.txt   # a blank form to fill
    .venv/bin/python tests/enrich/heldout/agree.py FIRST SECOND [--list]

`--blank` prints every labelled segment's block header ("@ ID FIELD [INDEX]") with its text as
comment lines, for a second reader to write labels under, blind to the first reader's (format and
rules: labels.txt's header and GUIDELINE.md). Given two label files, prints the strict span F1
between them per type, over people, organisations and places (`all`), over every type
(`all+group`) and over spans whatever their type (`spans`), for each half and for the whole set
(`cablewire.enrich.evaluation.agreement`); `--list` lists every disagreement, one a line, for
REVIEW.md.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from cablewire.enrich.evaluation import TYPES, Span, agreement

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import HERE, place_labels, read_labels  # noqa: E402


def main() -> None:
    items: list[dict[str, Any]] = json.loads((HERE / "heldout.json").read_text("utf-8"))["items"]
    if "--blank" in sys.argv:
        for item in items:
            print(_header(item))
            for line in textwrap.wrap(item["text"], 96) or [""]:
                print("# " + line)
            print()
        return
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    if len(paths) != 2:
        raise SystemExit("give two label files: agree.py FIRST SECOND [--list] (or --blank)")
    first, second = (_spans(items, path) for path in paths)
    for half in ("dev", "test", None):
        ks = [k for k, i in enumerate(items) if half in (None, i["half"])]
        scores = agreement([first[k] for k in ks], [second[k] for k in ks])
        print(f"\n{half or 'whole set'}: {len(ks)} segments")
        print(f"{'type':12}{'F1':>7}{'first':>7}{'second':>8}")
        for type_ in (*TYPES, "all", "all+group", "spans"):
            s = scores[type_]
            print(f"{type_:12}{s['f1']:7.3f}{s['gold']:7.0f}{s['found']:8.0f}")
    if "--list" in sys.argv:
        print()
        for k, item in enumerate(items):
            text = item["text"]
            for reader, only in (("first", first[k] - second[k]), ("second", second[k] - first[k])):
                for _, s, e, type_ in sorted(only):
                    print(f"{_header(item)[2:]}: {text[s:e]!r} {type_} only {reader}")


def _header(item: dict[str, Any]) -> str:
    index = "" if item["paragraph"] is None else f" {item['paragraph']}"
    return f"@ {item['source']} {item['field']}{index}"


def _spans(items: list[dict[str, Any]], path: Path) -> list[set[Span]]:
    blocks = read_labels(path.read_text("utf-8"))
    out: list[set[Span]] = []
    for k, item in enumerate(items):
        key = (item["source"], item["field"], item["paragraph"])
        if key not in blocks:
            where = " ".join(str(x) for x in key if x is not None)
            raise SystemExit(f"{path}: no block for {where} (every segment needs one, an empty "
                             "block when it names nothing)")
        out.append({(k, t["start"], t["end"], t["type"])
                    for t in place_labels(item["text"], blocks[key], key)})
    return out


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # a reader piping into `head` is a normal exit
        sys.stderr.close()
