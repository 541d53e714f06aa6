"""The cable reader on a peer parser's test suite: real cable fragments with expected fields.

    python benchmarks/peer_suite.py [--half dev|test|all] [--field F] [--failures]

The cases are in `benchmarks/peer/cablemap/*.jsonl`, taken from the test suite of cablemap
(Lars Heuer, BSD licence, https://github.com/heuer/cablemap, `cablemap.core/tests/`); see
`benchmarks/peer/README.md` for which file each comes from. One case a line::

    {"field": "classified_by", "case": "test_reader_classified_by.py#12",
     "cable_id": "95ZAGREB4339", "input": "...telegram text...", "expected": "ROBERT P. FINN"}

Every case is read by `cablewire.formats.cable.reader.read_cable` from its text alone (with
the cable's id as context, as a file name would give it) and one field is compared.

The cases are split in two halves by a hash of the case name: `dev` is the half the reader may
be tuned on (`--failures` shows its failures), `test` is the half nobody looks at: only its
pass rates are printed, never its cases.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cablewire.formats.cable.reader import read_cable
from cablewire.model.document import Cable
from cablewire.model.ids import canonical_cable_id
from cablewire.text.casing import titlecase

CASES = Path(__file__).resolve().parent / "peer" / "cablemap"

Check = Callable[[dict[str, Any]], tuple[bool, Any]]


def half(case: dict[str, Any]) -> str:
    """`dev` or `test`, fixed by the case's name."""
    digest = hashlib.sha1(case["case"].encode("utf-8")).digest()
    return "test" if digest[0] % 2 else "dev"


def cable_of(case: dict[str, Any]) -> Cable:
    return read_cable(case["input"], cable_id=case.get("cable_id"))


def _same(field: str) -> Check:
    """A check that compares one field of the cable with the expected value."""

    def check(case: dict[str, Any]) -> tuple[bool, Any]:
        got = cable_of(case).to_dict().get(field)
        return got == case["expected"], got

    return check


def _canonical_id(case: dict[str, Any]) -> tuple[bool, Any]:
    """An id as a string (a page's id, a citation written as an id) brought to its canonical
    form by `canonical_cable_id`, compared with the peer's canonical id as it is. The peer's
    `canonicalize_id` answers with its input when it cannot improve it; `canonical_cable_id`
    answers None for text that is not a cable id, which fails the case the same way."""
    got = canonical_cable_id(case["input"])
    return got == case["expected"], got


def _reference_items(case: dict[str, Any]) -> tuple[bool, Any]:
    """REF items as the peer lists them: one `[letter, value]` per cited cable (its canonical
    id) and per item that is no cable (its text, as written). Ours keep the cables an item names
    in `ids` and the text of an item with none: an item naming two cables gives two pairs with
    its letter, an item naming none gives one pair with its text. The peer's kinds of non-cable
    item (EMAIL, TEL, REPORT, BOOK) are not compared: we keep no kind."""
    got = []
    for item in cable_of(case).to_dict().get("reference_items") or []:
        if item["ids"]:
            got.extend([item["letter"], cable_id] for cable_id in item["ids"])
        else:
            got.append([item["letter"], item["text"]])
    return got == case["expected"], got


def _addressees(field: str) -> Check:
    """A check of the TO (`recipients`) or INFO (`info_recipients`) addressees.

    The peer writes an addressee as `Recipient(route, name, precedence, mcn, excluded)`,
    transcribed in the cases as `{"route", "name", "precedence", "mcn", "excluded"}`; ours is
    `{"route", "name", "precedence", "serial", "excluded"}`. The mapping is one to one: the
    peer's `mcn` (message continuity number) is our `serial`, and both keep the names an `XMT`
    line exempts from a collective in that collective's `excluded`. Every key is compared,
    and the list in order."""

    def check(case: dict[str, Any]) -> tuple[bool, Any]:
        got = cable_of(case).to_dict().get(field)
        expected = [{"route": r["route"], "name": r["name"], "precedence": r["precedence"],
                     "serial": r["mcn"], "excluded": r["excluded"]} for r in case["expected"]]
        return got == expected, got

    return check


def _classified_by(case: dict[str, Any]) -> tuple[bool, Any]:
    """The classifier's name as written. The peer gives a list of names where we keep one:
    an empty list (the line names nobody, "CLASSIFIED BY SECTION 1.5 (B)") is our null, and a
    line that names two officials is ours when our one name is the first of them, the one the
    line names as classifier."""
    got = cable_of(case).classified_by
    expected = case["expected"]
    if isinstance(expected, list):
        expected = expected[0] if expected else None
    return got == expected, got


def _title(case: dict[str, Any]) -> tuple[bool, Any]:
    """Title case of a subject line: the peer's `titlefy` is compared with our `titlecase`,
    called on the subject as the case gives it (no cable is read)."""
    got = titlecase(case["input"])
    return got == case["expected"], got


def _summary(case: dict[str, Any]) -> tuple[bool, Any]:
    """The summary, compared with its whitespace made one space on both sides: the peer keeps a
    paragraph's line breaks and joins paragraphs with one line break, we join a paragraph's
    wrapped lines with spaces and paragraphs with a blank line. Words, punctuation and what is
    in or out of the summary are compared as they are."""
    got = cable_of(case).to_dict().get("summary")
    expected = case["expected"]
    same = got is not None and expected is not None and got.split() == expected.split()
    return same or got == expected, got


# field -> check. A field's check may normalise what the peer and the reader write differently
# (and says so); it never loosens what is compared.
CHECKS: dict[str, Check] = {
    "classified_by": _classified_by,
    "recipients": _addressees("recipients"),
    "info_recipients": _addressees("info_recipients"),
    "title": _title,
    "summary": _summary,
    "reference_items": _reference_items,
    "canonical_id": _canonical_id,
}


def load(field: str | None = None) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                if field is None or case["field"] == field:
                    cases.append(case)
    return cases


def run(cases: list[dict[str, Any]]) -> dict[tuple[str, str], list[tuple[dict, bool, Any]]]:
    results: dict[tuple[str, str], list[tuple[dict, bool, Any]]] = defaultdict(list)
    for case in cases:
        check = CHECKS.get(case["field"]) or _same(case["field"])
        try:
            ok, got = check(case)
        except Exception as exc:  # a crash is a failed case, reported with its type
            ok, got = False, f"{type(exc).__name__}: {exc}"
        results[(case["field"], half(case))].append((case, ok, got))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--field")
    parser.add_argument("--failures", action="store_true", help="show the dev half's failures")
    args = parser.parse_args(argv)
    results = run(load(args.field))
    halves = ("dev", "test") if args.half == "all" else (args.half,)
    fields = sorted({f for f, _ in results})
    print(f"{'field':<22}" + "".join(f"{h:>16}" for h in halves))
    totals = {h: [0, 0] for h in halves}
    for f in fields:
        row = f"{f:<22}"
        for h in halves:
            rows = results.get((f, h), [])
            passed = sum(ok for _, ok, _ in rows)
            totals[h][0] += passed
            totals[h][1] += len(rows)
            row += f"{passed:>6}/{len(rows):<4} {passed / len(rows) if rows else 0:5.2f}"
        print(row)
    print(f"{'all':<22}" + "".join(
        f"{p:>6}/{n:<4} {p / n if n else 0:5.2f}" for p, n in (totals[h] for h in halves)))
    if args.failures:
        for (f, h), rows in sorted(results.items()):
            if h != "dev":
                continue  # the test half's cases are never shown
            for case, ok, got in rows:
                if not ok:
                    print(f"\n--- {case['case']} [{f}] {case.get('cable_id')}")
                    print(f"input:    {case['input'][:600]!r}")
                    print(f"expected: {case['expected']!r}")
                    print(f"got:      {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
