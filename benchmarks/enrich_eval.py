"""Entity quality on the hand-labelled gold set: the bare spaCy model against the enricher.

    .venv/bin/python benchmarks/enrich_eval.py [--json] [--errors]

Prints precision, recall and F1 per type (strict: same span and type), for the cable paragraphs
and the news paragraphs of tests/enrich/gold/gold.json. `--errors` lists the enricher's misses
and false alarms.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cablewire.enrich.evaluation import TYPES, bare_spans, enricher_spans, gold_spans, score

GOLD = Path(__file__).resolve().parents[1] / "tests" / "enrich" / "gold" / "gold.json"


def main() -> None:
    items = json.loads(GOLD.read_text("utf-8"))["items"]
    report: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    errors = []
    for part in ("cable", "article"):
        chosen = [i for i in items if i["document"]["kind"] == part]
        gold = gold_spans(chosen)
        found = enricher_spans(chosen)
        report[part] = {"bare": score(gold, bare_spans(chosen)), "enricher": score(gold, found)}
        for k, (g, f) in enumerate(zip(gold, found, strict=True)):
            text = chosen[k]["text"]
            errors += [("miss", chosen[k]["source"], text[s:e], t) for _, s, e, t in g - f]
            errors += [("false", chosen[k]["source"], text[s:e], t) for _, s, e, t in f - g]
    if "--json" in sys.argv:
        print(json.dumps(report, indent=1))
    else:
        for part, systems in report.items():
            n = sum(1 for i in items if i["document"]["kind"] == part)
            print(f"\n{part} paragraphs: {n}")
            print(f"{'type':14}{'system':10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>7}")
            for type_ in (*TYPES, "all"):
                for system, scores in systems.items():
                    s = scores[type_]
                    print(
                        f"{type_:14}{system:10}{s['precision']:7.3f}{s['recall']:7.3f}"
                        f"{s['f1']:7.3f}{s['gold']:6.0f}{s['found']:7.0f}"
                    )
    if "--errors" in sys.argv:
        for kind, source, text, type_ in sorted(errors):
            print(kind, source, repr(text), type_)


if __name__ == "__main__":
    main()
