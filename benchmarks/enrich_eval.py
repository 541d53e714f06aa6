"""Entity quality on the hand-labelled gold sets: the bare spaCy model against the enricher.

    .venv/bin/python benchmarks/enrich_eval.py [--json] [--errors]

Prints precision, recall and F1 per type (strict: same span and type) for

- the old set (tests/enrich/gold/gold.json): its cable paragraphs and its news paragraphs, labelled
  by the hands that wrote the rules;
- the held-out set (tests/enrich/heldout/heldout.json): its dev half and its test half, reported
  separately (rules may look at the dev half only);

with `all` over people, organisations and places (nationalities left out, as issue 13 counts)
and `all+group` over every type, the quality floor of tests/enrich/heldout/floors.json beside
the enricher's held-out figures, and the ten commonest error kinds of the enricher on each part
(`cablewire.enrich.evaluation.ERROR_KINDS`). `--errors` lists the enricher's individual errors
for the old set and the dev half only: the test half is reported as figures, never as errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cablewire.enrich.evaluation import (
    HEADLINE,
    TYPES,
    EntityError,
    bare_spans,
    enricher_spans,
    entity_errors,
    error_kinds,
    gold_spans,
    heldout_enricher_spans,
    score,
)

TESTS = Path(__file__).resolve().parents[1] / "tests" / "enrich"
OLD = TESTS / "gold" / "gold.json"
HELDOUT = TESTS / "heldout" / "heldout.json"
FLOORS = TESTS / "heldout" / "floors.json"
SHOWN = ("old cable", "old article", "dev")
"""The parts whose individual errors `--errors` may list (never the test half)."""


def main() -> None:
    report: dict[str, Any] = {}
    shown: dict[str, list[str]] = {}
    old = json.loads(OLD.read_text("utf-8"))["items"]
    for kind in ("cable", "article"):
        chosen = [i for i in old if i["document"]["kind"] == kind]
        _part(report, shown, f"old {kind}", chosen, enricher_spans(chosen))
    held = json.loads(HELDOUT.read_text("utf-8"))
    for half in ("dev", "test"):
        chosen = [i for i in held["items"] if i["half"] == half]
        _part(report, shown, half, chosen, heldout_enricher_spans(held["documents"], chosen))
    floors = json.loads(FLOORS.read_text("utf-8"))
    if "--json" in sys.argv:
        print(json.dumps(report, indent=1))
    else:
        for part, r in report.items():
            _print_part(part, r, floors.get(part))
    if "--errors" in sys.argv:
        for part in SHOWN:
            print(f"\nerrors of the enricher, {part}:")
            for line in shown[part]:
                print(line)


def _part(report: dict[str, Any], shown: dict[str, list[str]], part: str,
          items: list[dict[str, Any]], found: list[set[tuple[int, int, int, str]]]) -> None:
    gold = gold_spans(items)
    bare = bare_spans(items)
    errors = entity_errors(items, gold, found)
    report[part] = {
        "items": len(items),
        "documents": len({i["source"] for i in items}),
        "bare": _scores(gold, bare),
        "enricher": _scores(gold, found),
        "error_kinds": error_kinds(errors)[:10],
    }
    if part in SHOWN:
        shown[part] = [_error_line(items, e) for e in errors]


def _scores(gold: list[set[Any]], found: list[set[Any]]) -> dict[str, dict[str, float]]:
    out = score(gold, found, HEADLINE)
    out["all+group"] = score(gold, found)["all"]
    return out


def _print_part(part: str, r: dict[str, Any], floors: dict[str, float] | None) -> None:
    print(f"\n{part}: {r['documents']} documents, {r['items']} segments")
    print(f"{'type':14}{'system':10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>7}"
          + ("   floor" if floors else ""))
    for type_ in (*TYPES, "all", "all+group"):
        for system in ("bare", "enricher"):
            s = r[system][type_]
            floor = (floors or {}).get(type_) if system == "enricher" else None
            print(f"{type_:14}{system:10}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}"
                  f"{s['gold']:6.0f}{s['found']:7.0f}"
                  + (f"{floor:8.3f}" if floor is not None else ""))
    print("commonest error kinds of the enricher:")
    for kind, count in r["error_kinds"]:
        print(f"  {count:5d}  {kind}")


def _error_line(items: list[dict[str, Any]], e: EntityError) -> str:
    item = items[e.item]
    where = f"{item['source']} {item.get('field', 'paragraphs')} {item['paragraph']}"
    found = f"found {e.found[0]!r} {e.found[1]}" if e.found else "found nothing"
    gold = "; ".join(f"{t!r} {ty}" for t, ty in e.gold) or "nothing"
    return f"{e.kind:30} {where}: {found}, gold {gold}"


if __name__ == "__main__":
    main()
