"""The store contract for users' corrections of entities: merge, split, reject, undo.

Every store in `test_contract.STORES` runs it (a new store joins there)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.store.test_contract import STORES, _cable, _source

from cablewire.errors import NotFound, UsageError
from cablewire.store.base import CorrectionRequest, StageResult, Store

TOURE = "person:toure"
ATT = "person:amadou-toumani-toure"
TESSALIT = "place:tessalit-ml"


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made = STORES[request.param](tmp_path)
    yield made
    made.close()


def _mention(paragraph: int, start: int, text: str) -> dict[str, Any]:
    return {"field": "paragraphs", "paragraph": paragraph, "start": start,
            "end": start + len(text), "text": text}


def _first(model: str = "m1") -> dict[str, Any]:
    """09BAMAKO387: "Toure" twice and "ATT" once (one entity), and Tessalit."""
    return {"model": model, "entities": [
        {"key": TOURE, "type": "person", "name": "Toure", "aliases": ["ATT"],
         "facts": [{"kind": "title", "value": "President"}],
         "mentions": [_mention(0, 0, "Toure"), _mention(1, 4, "ATT"), _mention(2, 9, "Toure")]},
        {"key": TESSALIT, "type": "place", "name": "Tessalit", "aliases": [], "facts": [],
         "mentions": [_mention(1, 20, "Tessalit")]},
    ], "places": [{"key": TESSALIT, "name": "Tessalit", "lat": 20.2, "lon": 1.0,
                   "country": "ML"}]}


SECOND = {"entities": [
    {"key": ATT, "type": "person", "name": "Amadou Toumani Touré", "aliases": [], "facts": [],
     "mentions": [_mention(0, 10, "Amadou Toumani Touré")]}], "places": []}


def _archive(store: Store) -> None:
    store.write_batch([_source("a", b"a", [_cable("09BAMAKO387", "one"),
                                           _cable("09BAMAKO815", "two")])])
    store.write_results([StageResult("09BAMAKO387", "entities", "1", 1, _first()),
                         StageResult("09BAMAKO815", "entities", "1", 1, SECOND)], indexed=True)
    store.write_results([StageResult("09BAMAKO387", "events", "1", 1, {"events": [
        {"date": "2009-06-10", "start": "2009-06-10", "end": "2009-06-10", "precision": "day",
         "sentence": "ATT met the Ambassador in Tessalit.", "entities": [TOURE, TESSALIT]}]}),
        StageResult("09BAMAKO387", "quotes", "1", 1, {"quotes": [
            {"speaker": "ATT", "speaker_key": TOURE, "text": "Not choir boys.",
             "paragraph": 1}]})])


def _merge(store: Store) -> dict[str, Any]:
    return dict(store.add_correction(CorrectionRequest(
        "merge", TOURE, by="ana", into=ATT, name="Amadou Toumani Touré", note="same man")))


def test_a_merge_is_recorded_and_shown_everywhere(store: Store) -> None:
    _archive(store)
    seq = store.max_seq()
    made = _merge(store)
    assert {k: v for k, v in made.items() if k != "at"} == {
        "id": 1, "action": "merge", "key": TOURE, "into": ATT, "name": "Amadou Toumani Touré",
        "names": [], "documents": [], "mentions": [], "note": "same man", "by": "ana",
        "undone_by": None, "undone_at": None}
    assert made["at"][:2] == "20"
    assert store.max_seq() == seq + 2  # both documents name a key the merge links
    assert store.entity(TOURE) is None
    entity = store.entity(ATT)
    assert entity is not None
    assert entity["name"] == "Amadou Toumani Touré"
    assert entity["aliases"] == ["ATT", "Toure"]
    assert entity["mentions"] == 4
    assert [(d["id"], d["mentions"]) for d in entity["documents"]] == [
        ("09BAMAKO387", 3), ("09BAMAKO815", 1)]
    assert [e["entities"] for e in entity["events"]] == [[ATT, TESSALIT]]
    assert [q["speaker_key"] for q in entity["quotes"]] == [ATT]
    assert store.entity_keys("toure") == [ATT]
    assert [(e["key"], e["documents"]) for e in store.entities(type_="person")] == [(ATT, 2)]
    cast = store.cross_reference("09BAMAKO387")
    assert [(c["key"], c["documents"]) for c in cast] == [(ATT, 1), (TESSALIT, 0)]
    # The stored result is the stage's own: the correction lives apart from it.
    assert store.result("09BAMAKO387", "entities") == _first()
    assert store.corrections() == [made]


def test_a_rerun_of_the_stage_keeps_the_correction(store: Store) -> None:
    _archive(store)
    _merge(store)
    assert store.write_results([StageResult("09BAMAKO387", "entities", "2", 1,
                                            _first("m2"))]) == 1
    assert store.entity(TOURE) is None
    found = store.entity(ATT)
    assert found is not None and found["mentions"] == 4
    assert store.timeline(entity=ATT)[0]["entities"] == [ATT, TESSALIT]


def test_split_by_name_reject_and_undo(store: Store) -> None:
    _archive(store)
    _merge(store)
    split = store.add_correction(CorrectionRequest(
        "split", ATT, by="ben", into="person:att", name="ATT", names=["att"]))
    assert split["id"] == 2
    att = store.entity("person:att")
    assert att is not None
    assert (att["name"], att["mentions"], [d["id"] for d in att["documents"]]) == (
        "ATT", 1, ["09BAMAKO387"])
    assert att["aliases"] == []
    whole = store.entity(ATT)
    assert whole is not None and whole["mentions"] == 3
    assert whole["aliases"] == ["Toure"]  # "ATT" left with the mention written so
    assert store.entity_keys("ATT") == ["person:att"]
    # Some of its mentions stay, so the sentence keeps the entity they stay with.
    assert store.timeline(entity=ATT)[0]["entities"] == [ATT, TESSALIT]

    rejected = store.add_correction(CorrectionRequest("reject", TESSALIT, by="ben"))
    assert store.entity(TESSALIT) is None
    assert store.places() == []
    assert store.timeline()[0]["entities"] == [ATT]

    undone = store.undo_correction(rejected["id"], by="cy")
    assert (undone["undone_by"], undone["undone_at"] is not None) == ("cy", True)
    assert [p["key"] for p in store.places()] == [TESSALIT]
    assert store.timeline()[0]["entities"] == [ATT, TESSALIT]

    store.undo_correction(1, by="cy")  # the merge: the split of ATT now finds no "ATT" in 387
    toure = store.entity(TOURE)
    assert toure is not None and (toure["name"], toure["mentions"]) == ("Toure", 3)
    assert store.entity("person:att") is None
    again = store.entity(ATT)
    assert again is not None and again["mentions"] == 1
    assert [(c["id"], c["undone_by"]) for c in store.corrections()] == [
        (1, "cy"), (2, None), (3, "cy")]
    with pytest.raises(UsageError):
        store.undo_correction(1, by="cy")
    with pytest.raises(NotFound):
        store.undo_correction(99, by="cy")


def test_split_by_documents_and_by_mentions(store: Store) -> None:
    _archive(store)
    store.add_correction(CorrectionRequest("split", TOURE, by="ana", into="person:other-toure",
                                           name="Another Toure", mentions=[
        {"document": "09BAMAKO387", "field": "paragraphs", "paragraph": 2, "start": 9}]))
    other = store.entity("person:other-toure")
    assert other is not None
    assert (other["name"], other["aliases"], other["mentions"]) == (
        "Another Toure", ["Toure"], 1)
    store.add_correction(CorrectionRequest("split", TOURE, by="ana", into="person:t2",
                                           documents=["09BAMAKO387"]))
    moved = store.entity("person:t2")
    assert moved is not None and (moved["name"], moved["mentions"]) == ("Toure", 2)
    assert store.entity(TOURE) is None  # every mention left: the quote follows them
    assert [q["speaker_key"] for q in store.quotes()] == ["person:t2"]
