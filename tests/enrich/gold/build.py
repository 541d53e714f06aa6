"""Build gold.json from labels.txt (run by hand; needs the corpus unpacked at /tmp/corpus).

    .venv/bin/python tests/enrich/gold/build.py [CORPUS_DIR]

Each labelled paragraph is stored with its text and the document fields the enricher may use
(kind, id, created, origin, tags, date_estimate), so the evaluation needs no corpus. A label
"surface|type" marks every occurrence of `surface` in the paragraph (longest surfaces first;
an occurrence inside a longer labelled one is skipped), at word boundaries.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from pathlib import Path
from typing import Any

import cablewire

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TYPES = {"P": "person", "O": "organization", "L": "place", "G": "group"}


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus")
    items: list[dict[str, Any]] = []
    for source, index, labels in _blocks((HERE / "labels.txt").read_text("utf-8")):
        doc, text = _paragraph(corpus, source, index)
        items.append({"source": source, "paragraph": index, "document": doc, "text": text,
                      "entities": _spans(text, labels, source)})
    out = {"made_by": "tests/enrich/gold/build.py from labels.txt", "items": items}
    (HERE / "gold.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", "utf-8")
    n = sum(len(i["entities"]) for i in items)
    print(f"{len(items)} paragraphs, {n} entity mentions")


def _blocks(text: str) -> list[tuple[str, int, list[tuple[str, str]]]]:
    out: list[tuple[str, int, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            source, index = line[2:].rsplit(" ", 1)
            out.append((source, int(index), []))
        else:
            surface, type_ = line.rsplit("|", 1)
            out[-1][2].append((surface, TYPES[type_]))
    return out


def _paragraph(corpus: Path, source: str, index: int) -> tuple[dict[str, Any], str]:
    if source.startswith("bbc:"):
        lines = (corpus / "bbc" / source[4:]).read_text("latin-1").split("\n")
        body = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        return {"kind": "article", "id": source, "date_estimate": None}, body[index]
    if source.startswith("seed:"):
        [doc] = cablewire.parse_file(ROOT / "examples" / "seeds" / source[5:])
    else:
        ident = Path(source).stem
        [path] = glob.glob(str(corpus / "cablegate" / "cable" / "*" / "*" / f"{ident}.html"))
        [doc] = cablewire.parse_file(path)
    d = doc.to_dict()
    para = d["paragraphs"][index]
    text = para["text"] if isinstance(para, dict) else para
    keep = {k: d.get(k) for k in ("kind", "id", "created", "origin", "tags", "date_estimate")}
    return keep, text


def _spans(text: str, labels: list[tuple[str, str]], source: str) -> list[dict[str, Any]]:
    taken: list[dict[str, Any]] = []
    for surface, type_ in sorted(labels, key=lambda lt: -len(lt[0])):
        hits = 0
        for m in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text):
            if any(m.start() < t["end"] and m.end() > t["start"] for t in taken):
                continue
            taken.append({"start": m.start(), "end": m.end(), "text": surface, "type": type_})
            hits += 1
        if not hits:
            raise SystemExit(f"{source}: {surface!r} not found")
    return sorted(taken, key=lambda t: t["start"])


if __name__ == "__main__":
    main()
