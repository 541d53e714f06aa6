"""The held-out entity set (tests/enrich/heldout/): its shape, the enricher's quality floors on
both halves (tests/enrich/heldout/floors.json, measured minus 0.01), the error-kind classifier
and the inter-annotator agreement, on exact values."""

from __future__ import annotations

import json
import tarfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cablewire.enrich.evaluation import (
    HEADLINE,
    agreement,
    entity_errors,
    gold_spans,
    heldout_enricher_spans,
    in_capitals,
    score,
)

HERE = Path(__file__).resolve().parent / "heldout"
ROOT = HERE.parents[2]


@pytest.fixture(scope="module")
def held() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((HERE / "heldout.json").read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def found(held: dict[str, Any]) -> list[set[tuple[int, int, int, str]]]:
    return heldout_enricher_spans(held["documents"], held["items"])


def test_set_shape(held: dict[str, Any]) -> None:
    cables = held["cables"]
    items = held["items"]
    assert len(cables) == 36
    assert Counter((c["half"], c["capitals"]) for c in cables.values()) == {
        ("dev", False): 14, ("dev", True): 4, ("test", False): 14, ("test", True): 4}
    assert Counter(c["region"] for c in cables.values()) == {
        "Africa": 6, "Asia": 6, "Europe": 6, "North America": 6, "Middle East": 5,
        "South America": 5, "Oceania": 2}
    assert all(i["half"] == cables[i["source"]]["half"] for i in items)
    types = Counter((i["half"], e["type"]) for i in items for e in i["entities"])
    assert types == {
        ("dev", "person"): 203, ("dev", "organization"): 141, ("dev", "place"): 144,
        ("dev", "group"): 101, ("test", "person"): 222, ("test", "organization"): 156,
        ("test", "place"): 174, ("test", "group"): 60}
    capitals = {s for s, c in cables.items() if c["capitals"]}
    assert all(in_capitals(i["text"]) for i in items
               if i["source"] in capitals and i["field"] == "paragraphs"
               and len(i["text"]) > 200)


def test_set_is_unseen(held: dict[str, Any]) -> None:
    """No held-out cable is in the bundled sample or in the old gold set."""
    with tarfile.open(ROOT / "examples" / "sample" / "cablegate-sample.tar.xz") as tar:
        sample = {Path(m.name).stem for m in tar.getmembers()}
    old = (ROOT / "tests" / "enrich" / "gold" / "labels.txt").read_text("utf-8")
    assert [c for c in held["cables"] if c in sample or f"/{c}.html" in old] == []


@pytest.mark.parametrize("half", ["dev", "test"])
def test_enricher_floors(held: dict[str, Any], found: list[set[Any]], half: str) -> None:
    floors = json.loads((HERE / "floors.json").read_text("utf-8"))[half]
    ks = [k for k, i in enumerate(held["items"]) if i["half"] == half]
    gold = gold_spans(held["items"])
    scores = score([gold[k] for k in ks], [found[k] for k in ks], HEADLINE)
    assert {t: scores[t]["f1"] >= floor for t, floor in floors.items()} == {
        t: True for t in floors}, {t: scores[t]["f1"] for t in floors}


def _item(text: str, field: str = "paragraphs", source: str = "X") -> dict[str, Any]:
    return {"source": source, "field": field, "paragraph": 0, "text": text}


def _span(text: str, k: int, surface: str, type_: str) -> tuple[int, int, int, str]:
    start = text.index(surface)
    return (k, start, start + len(surface), type_)


def test_error_kinds() -> None:
    texts = [
        "President Amadou Toumani Toure met XXXXXXXXXXXX in Kidal, Mali.",
        "The WHA office told Embassy Bamako that the Villa Rica road is closed.",
        "A Sahel summit. Toure",
        "LAGOS FOR SAM GAYE",
        "THE GOVERNMENT OF MALI MET THE MNLA IN KIDAL TODAY AND AGAIN ON MONDAY.",
        "Gibrilla Kamara fled; Kamara is in Conakry. ECOWAS met at the Airstrip.",
    ]
    items = [_item(t) for t in texts]
    items[2]["field"] = "signers"
    g = [
        {_span(texts[0], 0, "Amadou Toumani Toure", "person"), _span(texts[0], 0, "Kidal", "place"),
         _span(texts[0], 0, "Mali", "place")},
        {_span(texts[1], 1, "Embassy Bamako", "organization"),
         _span(texts[1], 1, "Villa Rica", "place")},
        {_span(texts[2], 2, "Toure", "person")},
        {_span(texts[3], 3, "LAGOS", "place"), _span(texts[3], 3, "SAM GAYE", "person")},
        {_span(texts[4], 4, "MNLA", "organization")},
        {_span(texts[5], 5, "Gibrilla Kamara", "person"), _span(texts[5], 5, "Kamara", "person"),
         _span(texts[5], 5, "Conakry", "place"), _span(texts[5], 5, "ECOWAS", "organization")},
    ]
    f = [
        {_span(texts[0], 0, "President Amadou Toumani Toure", "person"),
         _span(texts[0], 0, "XXXXXXXXXXXX", "organization"), _span(texts[0], 0, "Kidal", "person"),
         _span(texts[0], 0, "Mali", "place")},
        {_span(texts[1], 1, "WHA", "organization"), _span(texts[1], 1, "Bamako", "place"),
         _span(texts[1], 1, "Villa Rica road", "organization")},
        {_span(texts[2], 2, "Sahel", "place"), _span(texts[2], 2, "Toure", "person")},
        {_span(texts[3], 3, "LAGOS FOR SAM", "organization")},
        set(),
        {_span(texts[5], 5, "Gibrilla Kamara", "person"), _span(texts[5], 5, "Conakry", "place"),
         _span(texts[5], 5, "Airstrip", "place")},
    ]
    kinds = sorted((e.kind, e.side, e.found[0] if e.found else e.gold[0][0])
                   for e in entity_errors(items, g, f))
    assert kinds == [
        ("boundary off", "both", "LAGOS FOR SAM"),
        ("common word", "false alarm", "Airstrip"),
        ("header/trailer text", "false alarm", "Sahel"),
        ("missed acronym", "miss", "ECOWAS"),
        ("missed in capitals", "miss", "MNLA"),
        ("missed short form", "miss", "Kamara"),
        ("office symbol or jargon", "false alarm", "WHA"),
        ("part of a name", "both", "Bamako"),
        ("phrase glued to name", "both", "Villa Rica road"),
        ("redaction mark", "false alarm", "XXXXXXXXXXXX"),
        ("title or article inside span", "both", "President Amadou Toumani Toure"),
        ("wrong type", "both", "Kidal"),
    ]


def test_agreement() -> None:
    first = [{(0, 0, 5, "person"), (0, 10, 15, "place"), (0, 20, 25, "group")}]
    second = [{(0, 0, 5, "person"), (0, 10, 15, "organization"), (0, 30, 35, "place")}]
    a = agreement(first, second)
    assert (a["person"]["f1"], a["place"]["f1"], a["all"]["f1"], a["all+group"]["f1"],
            a["spans"]["f1"]) == (1.0, 0.0, 0.4, 0.333, 0.667)
    assert a["all"] == {"precision": 0.333, "recall": 0.5, "f1": 0.4, "gold": 2, "found": 3}
    assert agreement(second, first)["all"] == {
        "precision": 0.5, "recall": 0.333, "f1": 0.4, "gold": 3, "found": 2}
