"""Build heldout.json from cables.txt and labels.txt (run by hand; needs the corpus unpacked).

    .venv/bin/python tests/enrich/heldout/build.py [CORPUS_DIR]          # write heldout.json
    .venv/bin/python tests/enrich/heldout/build.py CORPUS_DIR --show ID   # print a cable's part

Each chosen cable (cables.txt) is parsed with `cablewire.parse_bytes` and cut to its labelled part
(`bounded`: the header fields the enricher reads, the subject, the classifier, the first
paragraphs up to WORDS words and the signers). Every text segment of that part the enricher scores
(SCORED fields) must have a block in labels.txt, even an empty one, so nothing is left unread.
A label "surface|T" marks every occurrence of `surface` in the segment, "surface|T|2,3" only the
second and third (counted among the occurrences not inside a longer labelled span); longer
surfaces are placed first, at word boundaries, case-sensitive; an occurrence left unpicked is no
entity (a shorter label may still mark a part of it). Each item carries its half (`half`).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import cablewire

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TYPES = {"P": "person", "O": "organization", "L": "place", "G": "group"}
WORDS = 400
"""Paragraphs are taken in order while their words (with headings) stay within WORDS; the first
paragraph is always taken, and one more when fewer than MIN_TAKEN words are taken."""
MIN_TAKEN = 150
KEEP = ("kind", "id", "created", "origin", "tags", "date_estimate", "subject", "classified_by",
        "classifier_title", "signers")
SCORED = ("subject", "classified_by", "headings", "paragraphs", "signers")


def halves(chosen: list[dict[str, Any]]) -> dict[str, str]:
    """Each cable's half: the cables ordered by (in capitals first, region, SHA-256 of the id)
    and dealt alternately to dev and test, so both halves get the same share of the cables in
    capitals and of every region, and which cable goes where is decided by the hash alone."""
    order = sorted(chosen, key=lambda c: (not c["capitals"], c["region"],
                                          hashlib.sha256(c["id"].encode()).hexdigest()))
    return {c["id"]: ("dev", "test")[k % 2] for k, c in enumerate(order)}


def words(doc: dict[str, Any]) -> int:
    return sum(len(f"{p.get('heading') or ''} {p['text']}".split()) for p in doc["paragraphs"])


def bounded(d: dict[str, Any]) -> dict[str, Any]:
    """The labelled part of a parsed cable's JSON form (see WORDS)."""
    out = {k: d.get(k) for k in KEEP}
    taken: list[dict[str, Any]] = []
    count = 0
    for para in d.get("paragraphs") or []:
        n = len(f"{para.get('heading') or ''} {para['text']}".split())
        if taken and count + n > WORDS and count >= MIN_TAKEN:
            break
        taken.append(para)
        count += n
        if count > WORDS:
            break
    out["paragraphs"] = taken
    return out


def segments(doc: dict[str, Any]) -> list[tuple[str, int | None, str]]:
    """The scored text segments of a labelled part: (field, index, text)."""
    out: list[tuple[str, int | None, str]] = []
    for field in ("subject", "classified_by"):
        if (doc.get(field) or "").strip():
            out.append((field, None, doc[field]))
    for i, para in enumerate(doc["paragraphs"]):
        if (para.get("heading") or "").strip():
            out.append(("headings", i, para["heading"]))
        if para["text"].strip():
            out.append(("paragraphs", i, para["text"]))
    for i, signer in enumerate(doc.get("signers") or []):
        if signer.strip():
            out.append(("signers", i, signer))
    return out


def cables() -> list[dict[str, Any]]:
    out = []
    for line in (HERE / "cables.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            ident, region, year, topic, caps, _words, origin, path = line.split("\t")
            out.append({"id": ident, "region": region, "year": year, "topic": topic,
                        "capitals": caps == "caps", "origin": origin, "path": path})
    return out


def load(corpus: Path, path: str) -> dict[str, Any]:
    [doc] = cablewire.parse_bytes((corpus / path).read_bytes())
    return bounded(doc.to_dict())


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus")
    chosen = cables()
    if "--show" in sys.argv:
        for ident in sys.argv[sys.argv.index("--show") + 1 :]:
            [c] = [c for c in chosen if c["id"] == ident]
            for field, index, text in segments(load(corpus, c["path"])):
                print(f"@ {ident} {field}" + ("" if index is None else f" {index}"))
                print(text, end="\n\n")
        return
    blocks = read_labels((HERE / "labels.txt").read_text("utf-8"))
    half = halves(chosen)
    documents: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    for c in chosen:
        doc = load(corpus, c["path"])
        documents[c["id"]] = doc
        for field, index, text in segments(doc):
            key = (c["id"], field, index)
            if key not in blocks:
                raise SystemExit(f"labels.txt has no block for {key}")
            items.append({"source": c["id"], "half": half[c["id"]], "field": field,
                          "paragraph": index, "text": text,
                          "entities": place_labels(text, blocks.pop(key), key)})
    if blocks:
        raise SystemExit(f"labels.txt blocks for segments not in the set: {sorted(blocks)}")
    meta = {c["id"]: {**{k: v for k, v in c.items() if k != "id"}, "half": half[c["id"]]}
            for c in chosen}
    out = {"made_by": "tests/enrich/heldout/build.py from cables.txt and labels.txt",
           "cables": meta, "documents": documents, "items": items}
    (HERE / "heldout.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                                       "utf-8")
    n = sum(len(i["entities"]) for i in items)
    print(f"{len(chosen)} cables, {len(items)} segments, {n} entity mentions")


Key = tuple[str, str, int | None]
Label = tuple[str, str, frozenset[int] | None]


def read_labels(text: str) -> dict[Key, list[Label]]:
    out: dict[Key, list[Label]] = {}
    key: Key | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            parts = line[2:].split()
            key = (parts[0], parts[1], int(parts[2]) if len(parts) > 2 else None)
            if key in out:
                raise SystemExit(f"labels.txt: two blocks for {key}")
            out[key] = []
            continue
        assert key is not None, line
        surface, type_, *which = line.split("|")
        picks = frozenset(int(n) for n in which[0].split(",")) if which else None
        out[key].append((surface, TYPES[type_], picks))
    return out


def place_labels(text: str, labels: list[Label], key: Key) -> list[dict[str, Any]]:
    by_surface: dict[str, list[Label]] = {}
    for label in labels:
        by_surface.setdefault(label[0], []).append(label)
    taken: list[dict[str, Any]] = []
    for surface in sorted(by_surface, key=lambda s: -len(s)):
        found = [
            m
            for m in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text)
            if not any(m.start() < t["end"] and m.end() > t["start"] for t in taken)
        ]
        claimed: set[int] = set()
        for _, type_, picks in by_surface[surface]:
            wanted = set(range(1, len(found) + 1)) if picks is None else set(picks)
            if not found or not wanted <= set(range(1, len(found) + 1)) or wanted & claimed:
                raise SystemExit(f"{key}: {surface!r} occurs {len(found)} times; "
                                 f"{sorted(wanted)} asked, {sorted(claimed)} already typed")
            claimed |= wanted
            for n in sorted(wanted):
                m = found[n - 1]
                taken.append({"start": m.start(), "end": m.end(), "text": surface,
                              "type": type_})
    return sorted(taken, key=lambda t: t["start"])


if __name__ == "__main__":
    main()
