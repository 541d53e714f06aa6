"""The store contract: what every `Store` must do, run on each implementation.

A new store (a server database, say) joins by adding itself to `STORES`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import archive_uri

from cablewire.errors import ArchiveMissing
from cablewire.store import MemoryStore, SQLiteStore, open_store
from cablewire.store.base import SourceResult, StageResult, Store

StoreFactory = Callable[[Path, pytest.FixtureRequest], Store]
STORES: dict[str, StoreFactory] = {
    "sqlite": lambda folder, request: SQLiteStore(str(folder / "archive.db")),
    "memory": lambda folder, request: MemoryStore(),
    "postgres": lambda folder, request: open_store(
        archive_uri("postgres", folder, request), create=True),
}


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made = STORES[request.param](tmp_path, request)
    yield made
    made.close()


def _source(label: str, data: bytes, docs: list[dict[str, Any]]) -> SourceResult:
    return SourceResult(label, hashlib.sha256(data).hexdigest(), data, documents=docs)


def _cable(doc_id: str, body: str, refs: list[str] | None = None, **more: Any) -> dict[str, Any]:
    return {"kind": "cable", "id": doc_id, "title": f"Title of {doc_id}",
            "created": "2009-06-12T11:16:00", "origin": "Embassy Bamako",
            "classification": "CONFIDENTIAL", "tags": ["PTER", "ML"], "references": refs or [],
            "body": body, "source": {"path": "x", "form": "cable-html"}, **more}


def _article(doc_id: str, body: str) -> dict[str, Any]:
    return {"kind": "article", "id": doc_id, "title": "Coup in Mali", "published": None,
            "publisher": None, "body": body, "source": {"path": "a.txt", "form": "news-text"}}


ENTITIES = {
    "entities": [
        {"key": "person:amadou-toumani-toure", "type": "person", "name": "Amadou Toumani Touré",
         "aliases": ["ATT", "Toure"], "facts": [{"kind": "title", "value": "President"}],
         "mentions": [{"field": "paragraphs", "paragraph": 0, "start": 0, "end": 5}] * 3},
        {"key": "place:tessalit-ml", "type": "place", "name": "Tessalit", "aliases": [],
         "facts": [], "mentions": [{"field": "paragraphs", "paragraph": 1, "start": 2,
                                    "end": 10}]},
    ],
    "places": [{"key": "place:tessalit-ml", "name": "Tessalit", "lat": 20.2, "lon": 1.0,
                "country": "ML"}],
}


def test_documents_revisions_and_originals(store: Store) -> None:
    first = store.write_batch([_source("a.html", b"page one", [_cable("09BAMAKO387", "one")])])
    assert first.to_dict() == {"new": 1, "updated": 0, "unchanged": 0, "failed": 0}
    assert store.source_seen("a.html", hashlib.sha256(b"page one").hexdigest()) == 1
    assert store.source_seen("a.html", hashlib.sha256(b"other").hexdigest()) is None
    moved = dict(_cable("09BAMAKO387", "one"), source={"path": "elsewhere", "form": "cable-html"})
    again = store.write_batch([_source("b.html", b"page one", [moved])])
    assert again.to_dict() == {"new": 0, "updated": 0, "unchanged": 1, "failed": 0}
    later = store.write_batch([_source("c.html", b"page two", [_cable("09BAMAKO387", "two")])])
    assert later.to_dict() == {"new": 0, "updated": 1, "unchanged": 0, "failed": 0}
    assert store.get("09BAMAKO387")["body"] == "two"  # type: ignore[index]
    assert store.get("09BAMAKO387", revision=1)["body"] == "one"  # type: ignore[index]
    assert store.get("09BAMAKO387", revision=3) is None
    assert store.get("nope") is None
    assert store.revision_of("09BAMAKO387") == 2
    assert store.revision_of("nope") is None
    assert [(r["revision"], r["source"]) for r in store.revisions("09BAMAKO387")] == [
        (1, "a.html"), (2, "c.html")]
    assert store.original("09BAMAKO387") == b"page two"
    assert store.original("09BAMAKO387", revision=1) == b"page one"
    assert store.original("nope") is None


def test_a_document_without_an_id_gets_one_from_its_content(store: Store) -> None:
    doc = _article("", "Soldiers took the palace.")
    del doc["id"]
    store.write_batch([_source("a.txt", b"x", [doc])])
    [(seq, stored)] = list(store.changes_since(0))
    assert len(stored["id"]) == 16
    assert store.get(stored["id"]) == stored


def test_a_failure_goes_once_the_source_reads_and_failures_can_be_cleared(store: Store
                                                                          ) -> None:
    def bad(label: str) -> SourceResult:
        return SourceResult(label, hashlib.sha256(b"\x00").hexdigest(), b"\x00",
                            error="this looks like a binary file")

    store.write_batch([bad("a.txt"), bad("b.txt"), bad("c.txt")])
    assert [f["source"] for f in store.failures()] == ["a.txt", "b.txt", "c.txt"]
    store.write_batch([_source("b.txt", b"fixed", [_cable("09BAMAKO387", "x")])])
    assert [f["source"] for f in store.failures()] == ["a.txt", "c.txt"]
    assert store.clear_failures() == 2
    assert store.failures() == []
    assert store.clear_failures() == 0
    assert store.source_seen("b.txt", hashlib.sha256(b"fixed").hexdigest()) == 1


def test_failures_listing_citations_and_facets(store: Store) -> None:
    bad = SourceResult("junk.bin", hashlib.sha256(b"\x00").hexdigest(), b"\x00",
                       error="this looks like a binary file")
    summary = store.write_batch([
        bad,
        _source("a", b"a", [_cable("09BAMAKO387", "x", ["09BAMAKO186", "08STATE74879"])]),
        _source("b", b"b", [_cable("09BAMAKO186", "y"), _article("4eb47efd18cddb02", "z")]),
    ])
    assert summary.to_dict() == {"new": 3, "updated": 0, "unchanged": 0, "failed": 1}
    [failure] = store.failures()
    assert (failure["source"], failure["error"]) == ("junk.bin", "this looks like a binary file")
    assert store.source_seen("junk.bin", bad.sha256) is None  # failed sources are retried
    assert store.cites("09BAMAKO387") == ["09BAMAKO186", "08STATE74879"]
    assert store.cited_by("09BAMAKO186") == ["09BAMAKO387"]
    assert store.cited_by("08STATE74879") == ["09BAMAKO387"]
    assert store.find_id("09bamako387") == "09BAMAKO387"
    assert store.find_id(" 09BAMAKO186 ") == "09BAMAKO186"
    assert store.find_id("09BAMAKO1") is None
    assert store.values_like("origin", "embassy BAMAKO") == ["Embassy Bamako"]
    assert store.values_like("tag", "pter") == ["PTER"]
    assert store.values_like("kind", "ARTICLE") == ["article"]
    assert store.values_like("tag", "nope") == []
    listed = store.listing(["09BAMAKO386", "09BAMAKO186", "4eb47efd18cddb02"])
    assert listed == {
        "09BAMAKO186": {"id": "09BAMAKO186", "kind": "cable", "title": "Title of 09BAMAKO186",
                        "date": "2009-06-12T11:16:00", "origin": "Embassy Bamako",
                        "classification": "CONFIDENTIAL"},
        "4eb47efd18cddb02": {"id": "4eb47efd18cddb02", "kind": "article",
                             "title": "Coup in Mali", "date": None, "origin": None,
                             "classification": None},
    }
    stats = store.stats()
    assert {k: stats[k] for k in ("documents", "revisions", "sources", "by_kind", "by_year",
                                  "by_origin", "by_classification")} == {
        "documents": 3, "revisions": 3, "sources": {"ok": 2, "failed": 1},
        "by_kind": {"cable": 2, "article": 1}, "by_year": {"2009": 2, "unknown": 1},
        "by_origin": {"Embassy Bamako": 2, "unknown": 1},
        "by_classification": {"CONFIDENTIAL": 2, "unknown": 1},
    }
    assert stats["database_bytes"] > 0


def test_the_change_sequence_has_no_gaps_and_gives_the_newest_form(store: Store) -> None:
    assert store.max_seq() == 0
    store.write_batch([_source("a", b"a", [_cable("09A1", "one"), _cable("09A2", "two")])])
    store.write_batch([_source("b", b"b", [_cable("09A1", "one, again")])])
    assert store.max_seq() == 3
    changes = list(store.changes_since(0))
    assert [(seq, doc["id"], doc["body"]) for seq, doc in changes] == [
        (2, "09A2", "two"), (3, "09A1", "one, again")]
    assert [doc["id"] for _seq, doc in store.changes_since(2)] == ["09A1"]
    assert list(store.changes_since(3)) == []
    assert list(store.change_ids_since(0)) == [(2, "09A2"), (3, "09A1")]
    assert list(store.change_ids_since(3)) == []


def test_stage_results_are_keyed_by_document_stage_and_version(store: Store) -> None:
    store.write_batch([_source("a", b"a", [_cable("09A1", "one"), _cable("09A2", "two")])])
    assert store.pending("toy", "1") == ["09A1", "09A2"]
    seq = store.max_seq()
    written = store.write_results([StageResult("09A1", "toy", "1", 1, {"words": 1})])
    assert written == 1
    assert store.max_seq() == seq  # a result the index does not read changes no sequence
    assert store.result("09A1", "toy") == {"words": 1}
    assert store.results("09A1") == {"toy": {"words": 1}}
    assert store.result_origins("09A1") == {"toy": ("1", "")}
    assert store.result_origins("09A2") == {}
    assert store.pending("toy", "1") == ["09A2"]
    assert store.pending("toy", "2") == ["09A1", "09A2"]  # a new version re-runs
    assert store.pending("toy", "1", inputs="entities=2") == ["09A1", "09A2"]
    # The same result written twice changes nothing.
    assert store.write_results([StageResult("09A1", "toy", "1", 1, {"words": 1})]) == 0
    # A result for a revision that is no longer the newest is dropped.
    store.write_batch([_source("b", b"b", [_cable("09A1", "one more")])])
    assert store.result("09A1", "toy") is None
    assert store.pending("toy", "1") == ["09A2", "09A1"]
    assert store.write_results([StageResult("09A1", "toy", "1", 1, {"words": 1})]) == 0
    assert store.write_results([StageResult("09A1", "toy", "1", 2, {"words": 2}),
                                StageResult("nope", "toy", "1", 1, {})]) == 1
    assert store.stage_counts() == {"toy": {"1": 1}}
    store.write_results([StageResult("09A2", "toy", "3", 1, {"words": 2}, inputs="x=1")])
    assert store.result_origins("09A2") == {"toy": ("3", "x=1")}


def test_each_stage_owns_its_derived_rows(store: Store) -> None:
    store.write_batch([_source("a", b"a", [_cable("09BAMAKO387", "one")])])
    seq = store.max_seq()
    store.write_results([StageResult("09BAMAKO387", "entities", "1", 1, ENTITIES)], indexed=True)
    assert store.max_seq() == seq + 1  # an indexed result: the index takes the document again
    assert [e["name"] for e in store.entities()] == ["Amadou Toumani Touré", "Tessalit"]
    store.write_results([StageResult("09BAMAKO387", "quotes", "1", 1, {"quotes": [
        {"speaker": "ATT", "speaker_key": "person:amadou-toumani-toure",
         "text": "AQIM are not choir boys.", "paragraph": 2}]})])
    store.write_results([StageResult("09BAMAKO387", "events", "1", 1, {"events": [
        {"date": "2009-06-10", "start": "2009-06-10", "end": "2009-06-10", "precision": "day",
         "sentence": "ATT met the Ambassador.", "entities": ["person:amadou-toumani-toure"]}]})])
    # Re-writing one stage's result replaces its rows only.
    store.write_results([StageResult("09BAMAKO387", "quotes", "2", 1, {"quotes": []})])
    assert store.quotes() == []
    assert len(store.timeline()) == 1
    assert store.entities(limit=1)[0]["key"] == "person:amadou-toumani-toure"
    store.write_results([StageResult("09BAMAKO387", "toy", "1", 1, {"entities": []})])
    assert len(store.entities()) == 2


def test_views_over_derived_rows(store: Store) -> None:
    store.write_batch([_source("a", b"a", [_cable("09BAMAKO387", "one"),
                                           _cable("09BAMAKO815", "two")])])
    other = {"entities": [dict(ENTITIES["entities"][0], name="Toure", aliases=[])],
             "places": []}
    store.write_results([StageResult("09BAMAKO387", "entities", "1", 1, ENTITIES),
                         StageResult("09BAMAKO815", "entities", "1", 1, other)], indexed=True)
    store.write_results([StageResult("09BAMAKO387", "quotes", "1", 1, {"quotes": [
        {"speaker": "ATT", "speaker_key": "person:amadou-toumani-toure",
         "text": "AQIM are not choir boys.", "paragraph": 2}]})])
    store.write_results([StageResult("09BAMAKO387", "events", "1", 1, {"events": [
        {"date": "2009-06-10", "start": "2009-06-10", "end": "2009-06-10", "precision": "day",
         "sentence": "ATT met the Ambassador.", "entities": ["person:amadou-toumani-toure"]},
        {"date": "2009", "start": "2009-01-01", "end": "2009-12-31", "precision": "year",
         "sentence": "In 2009 Tessalit.", "entities": ["place:tessalit-ml"]}]})])
    assert store.entity_keys("att") == ["person:amadou-toumani-toure"]
    assert store.entity_keys("TOURE", "person") == ["person:amadou-toumani-toure"]
    assert store.entity_keys("Toure", "place") == []
    assert store.entity_keys("place:tessalit-ml") == ["place:tessalit-ml"]
    assert store.entity_keys("nobody") == []
    assert store.entities() == [
        {"key": "person:amadou-toumani-toure", "type": "person", "name": "Toure",
         "mentions": 6, "documents": 2},
        {"key": "place:tessalit-ml", "type": "place", "name": "Tessalit", "mentions": 1,
         "documents": 1},
    ]
    assert store.entities("place") == [{"key": "place:tessalit-ml", "type": "place",
                                        "name": "Tessalit", "mentions": 1, "documents": 1}]
    person = store.entity("person:amadou-toumani-toure")
    assert person is not None
    assert person["name"] == "Amadou Toumani Touré"  # ties: the earliest document's
    assert person["aliases"] == ["ATT", "Toure"]
    assert person["facts"] == [{"kind": "title", "value": "President", "documents": 2}]
    assert person["mentions"] == 6
    assert [d["id"] for d in person["documents"]] == ["09BAMAKO387", "09BAMAKO815"]
    assert person["co_occurring"] == [{"key": "place:tessalit-ml", "name": "Tessalit",
                                       "type": "place", "documents": 1}]
    assert person["place"] is None
    assert [q["text"] for q in person["quotes"]] == ["AQIM are not choir boys."]
    assert [e["sentence"] for e in person["events"]] == ["ATT met the Ambassador."]
    place = store.entity("place:tessalit-ml")
    assert place is not None and place["place"] == {"lat": 20.2, "lon": 1.0, "country": "ML"}
    assert store.entity("nobody") is None
    assert [e["date"] for e in store.timeline()] == ["2009-01-01", "2009-06-10"]
    assert store.timeline(ids=[]) == []
    assert store.timeline(ids=["09BAMAKO815"]) == []
    assert [e["entities"] for e in store.timeline(entity="place:tessalit-ml")] == [
        ["place:tessalit-ml"]]
    [quote] = store.quotes("person:amadou-toumani-toure")
    assert quote == {"document": "09BAMAKO387", "speaker": "ATT",
                     "speaker_key": "person:amadou-toumani-toure",
                     "text": "AQIM are not choir boys.", "paragraph": 2,
                     "date": "2009-06-12T11:16:00", "title": "Title of 09BAMAKO387"}
    assert store.quotes("person:nobody") == []
    assert store.places() == [{"key": "place:tessalit-ml", "name": "Tessalit", "lat": 20.2,
                               "lon": 1.0, "country": "ML", "documents": 1}]


def _citing_sources() -> list[SourceResult]:
    """Four cables citing each other and cables not held: 09BAMAKO186 is cited three times,
    08STATE74879 twice, 09BAMAKO18 (a prefix of 09BAMAKO186's id) once."""
    return [_source("c", b"c", [
        _cable("09BAMAKO387", "x", ["09BAMAKO186", "08STATE74879", "09BAMAKOX12"]),
        _cable("09BAMAKO400", "x", ["09BAMAKO186", "09BAMAKO387", "08STATE74879"]),
        _cable("10BAMAKO2", "x", ["09BAMAKO186", "09BAMAKO18", "09BAMAKO400"]),
        _cable("09BAMAKO186", "y"),
    ])]


def test_citations_of_many_documents_in_one_call(store: Store) -> None:
    store.write_batch(_citing_sources())
    assert store.citations_from(["10BAMAKO2", "09BAMAKO387", "09BAMAKO186", "nope",
                                 "09BAMAKO387"]) == {
        "09BAMAKO387": ["09BAMAKO186", "08STATE74879", "09BAMAKOX12"],
        "10BAMAKO2": ["09BAMAKO186", "09BAMAKO18", "09BAMAKO400"],
    }
    assert store.citations_to(["09BAMAKO186", "08STATE74879", "09BAMAKO400", "10BAMAKO2"]) == {
        "08STATE74879": ["09BAMAKO387", "09BAMAKO400"],
        "09BAMAKO186": ["09BAMAKO387", "09BAMAKO400", "10BAMAKO2"],
        "09BAMAKO400": ["10BAMAKO2"],
    }
    for doc_id in ("09BAMAKO387", "09BAMAKO186", "09BAMAKO400"):
        assert store.citations_from([doc_id]).get(doc_id, []) == store.cites(doc_id)
        assert store.citations_to([doc_id]).get(doc_id, []) == store.cited_by(doc_id)
    assert store.citations_from([]) == {} and store.citations_to([]) == {}


def test_most_cited_by_year_and_station(store: Store) -> None:
    store.write_batch(_citing_sources())
    assert store.most_cited() == [
        {"id": "09BAMAKO186", "citations": 3}, {"id": "08STATE74879", "citations": 2},
        {"id": "09BAMAKO18", "citations": 1}, {"id": "09BAMAKO387", "citations": 1},
        {"id": "09BAMAKO400", "citations": 1}, {"id": "09BAMAKOX12", "citations": 1}]
    assert store.most_cited(limit=2) == [{"id": "09BAMAKO186", "citations": 3},
                                         {"id": "08STATE74879", "citations": 2}]
    assert store.most_cited(year="08") == [{"id": "08STATE74879", "citations": 2}]
    assert [r["id"] for r in store.most_cited(station="BAMAKO")] == [
        "09BAMAKO186", "09BAMAKO18", "09BAMAKO387", "09BAMAKO400"]  # not 09BAMAKOX12
    assert store.most_cited(year="08", station="BAMAKO") == []
    assert store.most_cited(station="BAMAK") == []
    # A citing cable written again without its REF lines no longer counts.
    store.write_batch([_source("d", b"d", [_cable("10BAMAKO2", "z")])])
    assert store.most_cited(limit=2) == [{"id": "08STATE74879", "citations": 2},
                                         {"id": "09BAMAKO186", "citations": 2}]


def _named(key: str, mentions: int, name: str | None = None) -> dict[str, Any]:
    type_ = key.split(":")[0]
    return {"key": key, "type": type_, "name": name or key.split(":")[1].title(), "aliases": [],
            "facts": [], "mentions": [{"field": "body", "start": 0, "end": 1}] * mentions}


def test_cross_reference_of_a_documents_cast(store: Store) -> None:
    toure, aqim, mali = "person:toure", "organization:aqim", "place:mali"
    store.write_batch([_source("a", b"a", [
        _cable("09BAMAKO387", "one"), _cable("09BAMAKO776", "two", created="2009-12-01"),
        _cable("10BAMAKO1", "three", created="2010-01-05"), _article("art1", "four"),
        _cable("09BAMAKO9", "none")])])
    store.write_results([
        StageResult("09BAMAKO387", "entities", "1", 1, {"entities": [
            _named("place:mali", 9), _named(aqim, 2), _named(toure, 3, "Touré"),
            _named("person:only-here", 5), _named("group:tuareg", 1)]}),
        StageResult("09BAMAKO776", "entities", "1", 1, {"entities": [
            _named(toure, 2), _named(mali, 1)]}),
        StageResult("10BAMAKO1", "entities", "1", 1, {"entities": [
            _named(toure, 2), _named(aqim, 1)]}),
        StageResult("art1", "entities", "1", 1, {"entities": [_named(toure, 5)]}),
        # Another stage naming the same entity in the same document: counted once, with the
        # most mentions any stage gives it there.
        StageResult("09BAMAKO776", "toy", "1", 1, {"entities": [_named(toure, 4)]}),
    ], indexed=True)
    cast = store.cross_reference("09BAMAKO387", per_entity=3)
    # By type (person, organization, group, place), then by mentions in this document.
    assert [(e["key"], e["mentions"], e["documents"]) for e in cast] == [
        ("person:only-here", 5, 0), (toure, 3, 3), (aqim, 2, 1), ("group:tuareg", 1, 0),
        (mali, 9, 1)]
    assert cast[1]["name"] == "Touré" and cast[1]["type"] == "person"
    assert cast[0]["strongest"] == []
    # The most mentions first; ties: the newest first (the undated last), then by id.
    assert cast[1]["strongest"] == [
        {"id": "art1", "kind": "article", "title": "Coup in Mali", "date": None, "mentions": 5},
        {"id": "09BAMAKO776", "kind": "cable", "title": "Title of 09BAMAKO776",
         "date": "2009-12-01", "mentions": 4},
        {"id": "10BAMAKO1", "kind": "cable", "title": "Title of 10BAMAKO1",
         "date": "2010-01-05", "mentions": 2}]
    assert [d["id"] for d in store.cross_reference("09BAMAKO387", 1)[1]["strongest"]] == ["art1"]
    assert store.cross_reference("09BAMAKO387", 0)[1]["documents"] == 3
    # Ties on mentions, by date: the newest first.
    store.write_results([StageResult("09BAMAKO776", "toy", "2", 1, {"entities": []})])
    assert [(d["id"], d["mentions"]) for d in store.cross_reference("art1")[0]["strongest"]] == [
        ("09BAMAKO387", 3), ("10BAMAKO1", 2), ("09BAMAKO776", 2)]
    # A stage's new result that no longer names an entity: its documents are counted again.
    store.write_results([StageResult("10BAMAKO1", "entities", "2", 1, {"entities": []})])
    after = {e["key"]: e["documents"] for e in store.cross_reference("09BAMAKO387")}
    assert after[toure] == 2 and after[aqim] == 0
    assert store.cross_reference("09BAMAKO9") == []  # names nobody
    assert store.cross_reference("nope") == []


# -- which revision is current --------------------------------------------------------------------

FULL_TEXT = ("1. (C) Summary: President Toure told the Ambassador that AQIM are not choir boys"
             " and that Mali will act. End summary.\n\n2. (C) The President asked for help"
             " with trucks, radios and fuel for the units in the north.")


# Long enough that one redaction mark does not make it much less complete.
LONG_TEXT = "\n\n".join([FULL_TEXT] * 3)


def _full(doc_id: str, body: str = FULL_TEXT, released: str | None = None,
          **more: Any) -> dict[str, Any]:
    return _cable(doc_id, body, ["09BAMAKO186"], released=released,
                  paragraphs=[{"number": n, "marking": "C", "heading": None, "text": t}
                              for n, t in enumerate(body.split("\n\n"), 1)],
                  warnings=[], **more)


def _fragment(doc_id: str) -> dict[str, Any]:
    return _cable(doc_id, "C O N F I D E N T I A L BAMAKO 000387", [], title="Fragment",
                  released=None, paragraphs=[], warnings=["no subject line", "empty body"])


def test_a_much_less_complete_revision_is_kept_but_not_current(store: Store) -> None:
    store.write_batch([_source("full.txt", b"full page", [_full("09BAMAKO387")])])
    store.write_results([StageResult("09BAMAKO387", "toy", "1", 1, {"words": 40})])
    seq = store.max_seq()
    summary = store.write_batch([_source("cut.txt", b"full", [_fragment("09BAMAKO387")])])
    assert summary.to_dict() == {"new": 0, "updated": 1, "unchanged": 0, "failed": 0}
    # Kept as revision 2; the full text stays current, and nothing derived from it changes.
    assert store.get("09BAMAKO387")["body"] == FULL_TEXT  # type: ignore[index]
    assert store.get("09BAMAKO387", revision=2)["title"] == "Fragment"  # type: ignore[index]
    assert store.revision_of("09BAMAKO387") == 1
    assert store.max_seq() == seq and list(store.changes_since(seq)) == []
    assert store.listing(["09BAMAKO387"])["09BAMAKO387"]["title"] == "Title of 09BAMAKO387"
    assert store.cites("09BAMAKO387") == ["09BAMAKO186"]
    assert store.original("09BAMAKO387") == b"full page"
    assert store.original("09BAMAKO387", revision=2) == b"full"
    assert store.result("09BAMAKO387", "toy") == {"words": 40}
    assert store.pending("toy", "1") == []
    assert store.current("09BAMAKO387") == {
        "revision": 1, "of": 2, "rule": "most_complete",
        "reason": "the most complete: 172 characters of text in 2 paragraphs; revision 2 is"
                  " newer but much less complete",
        "passed_over": [{"revision": 2, "reason": "much less complete than revision 1: 24"
                         " characters of text in no paragraphs (empty body), against 172"
                         " characters of text in 2 paragraphs"}]}
    listed = store.revisions("09BAMAKO387")
    assert [(r["revision"], r["source"], r["current"], r["released"]) for r in listed] == [
        (1, "full.txt", True, None), (2, "cut.txt", False, None)]
    assert listed[1]["completeness"] == {"characters": 24, "paragraphs": 0, "redactions": 0,
                                         "defects": ["empty body"], "score": 24}
    # The fragment again, from another file: one of its revisions already, so unchanged.
    again = store.write_batch([_source("cut-2.txt", b"full.", [_fragment("09BAMAKO387")])])
    assert again.to_dict() == {"new": 0, "updated": 0, "unchanged": 1, "failed": 0}
    assert len(store.revisions("09BAMAKO387")) == 2
    assert store.stats()["revisions"] == 2


def test_the_full_text_after_a_fragment_becomes_current(store: Store) -> None:
    store.write_batch([_source("cut.txt", b"full", [_fragment("09BAMAKO387")])])
    assert store.current("09BAMAKO387") == {"revision": 1, "of": 1, "rule": "only",
                                            "reason": "the only revision", "passed_over": []}
    store.write_batch([_source("full.txt", b"full page", [_full("09BAMAKO387")])])
    assert store.revision_of("09BAMAKO387") == 2
    assert store.get("09BAMAKO387")["body"] == FULL_TEXT  # type: ignore[index]
    assert store.cites("09BAMAKO387") == ["09BAMAKO186"]
    assert [doc["id"] for _seq, doc in store.changes_since(1)] == ["09BAMAKO387"]
    assert store.current("09BAMAKO387")["rule"] == "newest"  # type: ignore[index]


def test_a_later_re_release_with_fewer_redactions_is_current(store: Store) -> None:
    redacted = LONG_TEXT.replace("President Toure", "XXXXXXXXXXXX", 1)
    store.write_batch([_source("2010.html", b"2010", [
        _full("09BAMAKO387", redacted, released="2010-12-08T21:00:00")])])
    store.write_batch([_source("2011.html", b"2011", [
        _full("09BAMAKO387", LONG_TEXT, released="2011-08-30T01:44:00")])])
    assert store.revision_of("09BAMAKO387") == 2
    assert store.current("09BAMAKO387") == {
        "revision": 2, "of": 2, "rule": "newest",
        "reason": "the latest release (2011-08-30), and as complete as any: 516 characters of"
                  " text in 6 paragraphs",
        "passed_over": [{"revision": 1,
                         "reason": "an earlier release (2010-12-08, before 2011-08-30)"}]}
    assert [r["released"] for r in store.revisions("09BAMAKO387")] == [
        "2010-12-08T21:00:00", "2011-08-30T01:44:00"]
    assert [r["completeness"]["redactions"] for r in store.revisions("09BAMAKO387")] == [1, 0]


def test_an_earlier_release_ingested_later_is_not_current(store: Store) -> None:
    store.write_batch([_source("2011.html", b"2011", [
        _full("09BAMAKO387", LONG_TEXT, released="2011-08-30T01:44:00")])])
    seq = store.max_seq()
    redacted = LONG_TEXT.replace("President Toure", "XXXXXXXXXXXX", 1)
    summary = store.write_batch([_source("2010.html", b"2010", [
        _full("09BAMAKO387", redacted, released="2010-12-08T21:00:00", title="Old")])])
    assert summary.updated == 1
    assert store.revision_of("09BAMAKO387") == 1 and store.max_seq() == seq
    assert store.listing(["09BAMAKO387"])["09BAMAKO387"]["title"] == "Title of 09BAMAKO387"
    assert store.current("09BAMAKO387")["passed_over"] == [  # type: ignore[index]
        {"revision": 2, "reason": "an earlier release (2010-12-08, before 2011-08-30)"}]


def test_a_stage_result_follows_the_current_revision(store: Store) -> None:
    store.write_batch([_source("cut.txt", b"cut", [_fragment("09BAMAKO387")])])
    store.write_results([StageResult("09BAMAKO387", "toy", "1", 1, {"words": 0})])
    store.write_batch([_source("full.txt", b"full", [_full("09BAMAKO387")])])
    assert store.result("09BAMAKO387", "toy") is None
    assert store.pending("toy", "1") == ["09BAMAKO387"]
    assert store.write_results([StageResult("09BAMAKO387", "toy", "1", 1, {"words": 0})]) == 0
    assert store.write_results([StageResult("09BAMAKO387", "toy", "1", 2, {"words": 40})]) == 1
    assert store.results("09BAMAKO387") == {"toy": {"words": 40}}


def test_no_current_revision_of_a_document_not_stored(store: Store) -> None:
    assert store.current("nope") is None
    assert store.revisions("nope") == []


def test_every_store_gives_the_same_answers(tmp_path: Path,
                                           request: pytest.FixtureRequest) -> None:
    made = {name: factory(tmp_path / name, request) for name, factory in STORES.items()
            if (tmp_path / name).mkdir() is None}
    for store in made.values():
        store.write_batch([_source("a", b"a", [_cable("09BAMAKO387", "x", ["09BAMAKO186"]),
                                               _cable("09BAMAKO186", "y")])])
        store.write_results([StageResult("09BAMAKO387", "entities", "1", 1, ENTITIES)],
                            indexed=True)
        store.write_batch([_source("b", b"b", [_fragment("09BAMAKO387"),
                                               _full("09BAMAKO186", released="2011-08-30")])])

    def answers(store: Store) -> list[Any]:
        stats = store.stats()
        stats.pop("database_bytes")
        return [stats, store.entities(), store.entity("place:tessalit-ml"),
                store.entity("person:amadou-toumani-toure"), store.places(), store.timeline(),
                store.quotes(), store.pending("entities", "1"), store.cites("09BAMAKO387"),
                store.cited_by("09BAMAKO186"), store.max_seq(),
                store.citations_from(["09BAMAKO387", "09BAMAKO186"]),
                store.citations_to(["09BAMAKO186", "09BAMAKO387"]), store.most_cited(),


                store.cross_reference("09BAMAKO387"), store.cross_reference("09BAMAKO186"),
                [doc for _seq, doc in store.changes_since(0)],
                store.current("09BAMAKO387"), store.current("09BAMAKO186"),
                [{k: v for k, v in r.items() if k != "ingested_at"}
                 for i in ("09BAMAKO387", "09BAMAKO186") for r in store.revisions(i)]]

    sqlite, memory, postgres = (answers(made[name]) for name in ("sqlite", "memory", "postgres"))
    assert sqlite == memory
    assert postgres == sqlite
    for store in made.values():
        store.close()


def test_only_ingest_creates_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(ArchiveMissing, match="no archive at"):
        open_store(str(path))
    assert not path.exists()
    open_store(str(path), create=True).close()
    assert path.exists()
    open_store(f"sqlite://{path}").close()
    assert isinstance(open_store("memory:"), MemoryStore)
