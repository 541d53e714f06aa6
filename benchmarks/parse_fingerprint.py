"""A fingerprint of the cable reader's output: proof that a change to the reader changed nothing.

    python benchmarks/parse_fingerprint.py [--corpus ../shared/corpus/cablegate-pages.tar.xz]
        [--save FILE | --compare FILE] [--no-corpus]

Parses every page of the cablegate corpus (in member order) and then every input fixture under
`tests/fixtures/cable` (`*.html`, `*.txt`, in name order) with `cablewire.parse_bytes`, and
prints one sha256 over `json.dumps(doc.to_dict(), sort_keys=True)` of all their documents, and
the number of inputs that failed (a failure's error type and message are part of the hash, so a
change in how an input fails shows too). A corpus page is parsed with its member name as source
and a fixture with its path relative to the fixture folder, so `source.path` does not depend on
the checkout.

`--save FILE` writes one hash per input (JSON, keyed by member name or fixture name) with the
documents' ids; `--compare FILE` compares against such a file, lists the inputs whose output
differs (name and document ids) and exits 1 when any does. Use it as a guard around a
refactoring or an optimisation of the reader: save on the untouched tree, compare after each
step.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

from cablewire import parse_bytes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "cablegate-pages.tar.xz"
FIXTURES = ROOT / "tests" / "fixtures" / "cable"


def corpus_inputs(path: Path) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) of every page of the corpus archive, in member order."""
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                if handle is not None:
                    yield member.name, handle.read()


def fixture_inputs(folder: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every input fixture (pages and telegrams, not expected files)."""
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt")):
        yield f"fixtures/{path.name}", path.read_bytes()


def fingerprint(name: str, data: bytes) -> tuple[str, list[str | None], bool]:
    """The serialised output of one input, the ids of its documents, and whether it failed."""
    try:
        docs = parse_bytes(data, source=name)
    except Exception as exc:  # a failure is an output too: it is fingerprinted
        return f"FAILED {type(exc).__name__}: {exc}", [], True
    dicts = [doc.to_dict() for doc in docs]
    text = "\n".join(json.dumps(d, sort_keys=True, default=str) for d in dicts)
    return text, [d.get("id") for d in dicts], False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--no-corpus", action="store_true", help="the fixtures only (seconds)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write per-input hashes to FILE")
    group.add_argument("--compare", type=Path, help="compare per-input hashes with FILE")
    args = ap.parse_args()
    if not args.no_corpus and not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}; give --corpus PATH or --no-corpus",
              file=sys.stderr)
        return 2

    total = hashlib.sha256()
    per_input: dict[str, dict[str, object]] = {}
    failures = 0
    start = time.perf_counter()
    sources = [] if args.no_corpus else [corpus_inputs(args.corpus)]
    sources.append(fixture_inputs(FIXTURES))
    for source in sources:
        for name, data in source:
            text, ids, failed = fingerprint(name, data)
            failures += failed
            encoded = text.encode("utf-8")
            total.update(encoded + b"\n")
            per_input[name] = {"sha256": hashlib.sha256(encoded).hexdigest(), "ids": ids}
    elapsed = time.perf_counter() - start
    print(f"{len(per_input)} inputs, {failures} failures, {elapsed:.1f} s")
    print(f"sha256 {total.hexdigest()}")

    if args.save:
        args.save.write_text(json.dumps(per_input, indent=0, sort_keys=True) + "\n", "utf-8")
        print(f"saved per-input hashes to {args.save}")
    if args.compare:
        saved = json.loads(args.compare.read_text("utf-8"))
        differ = [n for n, now in per_input.items()
                  if n in saved and saved[n]["sha256"] != now["sha256"]]
        missing = sorted(n for n in set(saved) - set(per_input)
                         if not (args.no_corpus and not n.startswith("fixtures/")))
        added = sorted(set(per_input) - set(saved))
        for name in differ:
            print(f"differs: {name} {per_input[name]['ids']}")
        for name in missing:
            print(f"not parsed now: {name}")
        for name in added:
            print(f"not in {args.compare}: {name}")
        print(f"{len(differ)} differ, {len(missing)} missing, {len(added)} new"
              f" against {args.compare}")
        return 1 if differ or missing or added else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
