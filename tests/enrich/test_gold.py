"""Quality gate: entity scores on the hand-labelled gold set may not drop below these floors
(measured values minus 0.02; see benchmarks/enrich_eval.py for the full report)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cablewire.enrich.evaluation import bare_spans, enricher_spans, gold_spans, score

GOLD = Path(__file__).resolve().parent / "gold" / "gold.json"
FLOORS = {  # part -> type -> minimum F1 of the enricher
    "cable": {"person": 0.90, "organization": 0.73, "place": 0.89, "group": 0.87, "all": 0.85},
    "article": {"person": 0.95, "organization": 0.70, "place": 0.93, "all": 0.87},
}


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(GOLD.read_text("utf-8"))["items"]
    return loaded


def test_gold_set_size(items: list[dict[str, Any]]) -> None:
    kinds = [i["document"]["kind"] for i in items]
    assert (kinds.count("cable"), kinds.count("article")) == (43, 12)
    assert sum(len(i["entities"]) for i in items) == 417


@pytest.mark.parametrize("part", ["cable", "article"])
def test_enricher_floors(items: list[dict[str, Any]], part: str) -> None:
    chosen = [i for i in items if i["document"]["kind"] == part]
    scores = score(gold_spans(chosen), enricher_spans(chosen))
    assert {t: scores[t]["f1"] >= floor for t, floor in FLOORS[part].items()} == {
        t: True for t in FLOORS[part]
    }, scores


def test_enricher_beats_bare_model(items: list[dict[str, Any]]) -> None:
    chosen = [i for i in items if i["document"]["kind"] == "cable"]
    gold = gold_spans(chosen)
    assert (
        score(gold, enricher_spans(chosen))["all"]["f1"]
        > score(gold, bare_spans(chosen))["all"]["f1"] + 0.05
    )
