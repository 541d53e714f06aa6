"""The citation graph and the most-cited cables: on the sample archive's real REF lines, and on
a made-up chain long enough to show the depth, the cap and a cycle."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest

from cablewire.archive import Archive
from cablewire.errors import NotFound, UsageError
from cablewire.link.citations import citation_graph, most_cited
from cablewire.settings import Settings
from cablewire.store import MemoryStore
from cablewire.store.base import SourceResult


@pytest.fixture(scope="module")
def archive(sample_archive: str) -> Iterator[Archive]:
    with Archive.open(Settings.resolve(env={}, db=sample_archive)) as opened:
        yield opened


def _placed(graph: Any) -> list[tuple[str, str, int]]:
    return [(n["id"], n["side"], n["depth"]) for n in graph["nodes"]]


def _edges(graph: Any) -> list[tuple[str, str]]:
    return [(e["from"], e["to"]) for e in graph["edges"]]


MANAMA536_CITES = ["04MANAMA378", "06MANAMA710", "06MANAMA1728", "08MANAMA253", "08MANAMA420",
                   "08MANAMA510", "08MANAMA528"]
MANAMA510_CITES = ["07MANAMA810", "07MANAMA897", "08MANAMA163", "08MANAMA313", "08MANAMA420",
                   "08MANAMA430", "08MANAMA442", "08MANAMA471"]


def test_a_cable_and_what_it_cites_at_depth_one(archive: Archive) -> None:
    graph = archive.citation_graph("08manama536", depth=1)
    assert graph["id"] == "08MANAMA536"
    assert _placed(graph) == [("08MANAMA536", "center", 0)] + [
        (i, "cites", 1) for i in MANAMA536_CITES]
    # Every citation between two nodes, also one the walk did not take: 510 cites 420.
    assert _edges(graph) == [("08MANAMA536", i) for i in MANAMA536_CITES] + [
        ("08MANAMA510", "08MANAMA420")]
    assert (graph["truncated"], graph["omitted"]) == (False, 0)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["08MANAMA253"] == {
        "id": "08MANAMA253", "side": "cites", "depth": 1, "in_archive": True,
        "in_release": True, "month": "2008-04", "kind": "cable",
        "title": "Violence Condemned; Restraint Prevails Following Policeman's Death",
        "date": "2008-04-17T14:02:00", "origin": "Embassy Manama"}
    # Not held: marked with the month the full release gives it.
    assert nodes["08MANAMA420"] == {
        "id": "08MANAMA420", "side": "cites", "depth": 1, "in_archive": False,
        "in_release": True, "month": "2008-06", "kind": None, "title": None, "date": None,
        "origin": None}
    assert {i: nodes[i]["month"] for i in ("04MANAMA378", "06MANAMA1728", "08MANAMA528")} == {
        "04MANAMA378": "2004-03", "06MANAMA1728": "2006-09", "08MANAMA528": "2008-08"}


def test_deeper_levels_reach_what_the_cited_cables_cite(archive: Archive) -> None:
    graph = archive.citation_graph("08MANAMA536", depth=2)
    assert _placed(graph) == ([("08MANAMA536", "center", 0)]
                              + [(i, "cites", 1) for i in MANAMA536_CITES]
                              + [("08MANAMA236", "cites", 2)]
                              + [(i, "cites", 2) for i in MANAMA510_CITES if i != "08MANAMA420"])
    assert _edges(graph) == ([("08MANAMA536", i) for i in MANAMA536_CITES]
                             + [("08MANAMA253", "08MANAMA236")]
                             + [("08MANAMA510", i) for i in MANAMA510_CITES])
    # The sample holds no cable the level-2 ones cite: depth 3 adds nothing here.
    assert archive.citation_graph("08MANAMA536", depth=3)["nodes"] == graph["nodes"]


def test_both_ways_from_a_cable_that_is_cited(archive: Archive) -> None:
    graph = archive.citation_graph("08MANAMA253")
    assert _placed(graph) == [("08MANAMA253", "center", 0), ("08MANAMA536", "cited_by", 1),
                              ("08MANAMA236", "cites", 1)]
    assert _edges(graph) == [("08MANAMA253", "08MANAMA236"), ("08MANAMA536", "08MANAMA253")]
    only = archive.citation_graph("08MANAMA253", direction="cited_by")
    assert _placed(only) == [("08MANAMA253", "center", 0), ("08MANAMA536", "cited_by", 1)]
    assert _edges(only) == [("08MANAMA536", "08MANAMA253")]


def test_the_seed_cable_cites_a_cable_of_the_release(archive: Archive) -> None:
    graph = archive.citation_graph("09BAMAKO387")
    [centre, cited] = graph["nodes"]
    assert centre["id"] == "09BAMAKO387" and centre["in_archive"]
    assert (cited["id"], cited["in_archive"], cited["in_release"], cited["month"]) == (
        "09BAMAKO186", False, True, "2009-03")
    with pytest.raises(NotFound, match="no document"):
        archive.citation_graph("09BAMAKO1")


def test_the_node_cap_is_said_never_silent(archive: Archive) -> None:
    graph = archive.citation_graph("08MANAMA536", limit=5)
    assert _placed(graph) == [("08MANAMA536", "center", 0)] + [
        (i, "cites", 1) for i in MANAMA536_CITES[:4]]
    assert (graph["truncated"], graph["omitted"]) == (True, 3)
    assert _edges(graph) == [("08MANAMA536", i) for i in MANAMA536_CITES[:4]]


@pytest.mark.parametrize(("options", "message"), [
    ({"depth": 0}, "give a depth from 1 to 3"), ({"depth": 4}, "give a depth from 1 to 3"),
    ({"direction": "up"}, "direction must be one of both, cites, cited_by"),
    ({"limit": 0}, "give a node cap from 1 to 1000"),
])
def test_options_out_of_range_say_the_fix(archive: Archive, options: dict[str, Any],
                                          message: str) -> None:
    with pytest.raises(UsageError, match=message):
        archive.citation_graph("08MANAMA536", **options)


def _chain_store() -> MemoryStore:
    """A3 cites A2 cites A1 cites A0 cites 99GONE1 (not held); B1 cites A3, B2 cites B1 and A2,
    B3 cites B2, B4 cites B3; C1 and C2 cite each other."""
    refs = {"10A3": ["10A2"], "10A2": ["10A1"], "10A1": ["10A0"], "10A0": ["99GONE1"],
            "10B1": ["10A3"], "10B2": ["10B1", "10A2"], "10B3": ["10B2"], "10B4": ["10B3"],
            "10C1": ["10C2"], "10C2": ["10C1"]}
    docs = [{"kind": "cable", "id": i, "title": f"Title of {i}", "created": "2010-01-01",
             "origin": "Embassy Nowhere", "references": r, "body": i} for i, r in refs.items()]
    store = MemoryStore()
    store.write_batch([SourceResult("chain", hashlib.sha256(b"chain").hexdigest(), b"chain",
                                    documents=docs)])
    return store


def test_depth_three_both_ways_on_a_chain() -> None:
    store = _chain_store()
    graph = citation_graph(store, "10A3", depth=3)
    assert _placed(graph) == [
        ("10A3", "center", 0), ("10B1", "cited_by", 1), ("10B2", "cited_by", 2),
        ("10B3", "cited_by", 3), ("10A2", "cites", 1), ("10A1", "cites", 2),
        ("10A0", "cites", 3)]  # not 10B4 nor 99GONE1: four steps away
    assert _edges(graph) == [("10A3", "10A2"), ("10B1", "10A3"), ("10B2", "10B1"),
                             ("10B2", "10A2"), ("10B3", "10B2"), ("10A2", "10A1"),
                             ("10A1", "10A0")]
    gone = citation_graph(store, "10A1", depth=1, direction="cites")["nodes"][1]
    assert (gone["id"], gone["in_archive"], gone["in_release"], gone["month"]) == (
        "10A0", True, False, None)
    shallow = citation_graph(store, "10A3", depth=2)
    assert [n["id"] for n in shallow["nodes"]] == ["10A3", "10B1", "10B2", "10A2", "10A1"]
    assert _placed(citation_graph(store, "10A2", depth=3, direction="cites")) == [
        ("10A2", "center", 0), ("10A1", "cites", 1), ("10A0", "cites", 2),
        ("99GONE1", "cites", 3)]
    # A cycle: 10C2 is met on both walks and keeps the place it was met first.
    cycle = citation_graph(store, "10C1")
    assert _placed(cycle) == [("10C1", "center", 0), ("10C2", "cites", 1)]
    assert _edges(cycle) == [("10C1", "10C2"), ("10C2", "10C1")]


def test_the_cap_counts_what_the_last_level_left_out() -> None:
    graph = citation_graph(_chain_store(), "10A3", depth=3, limit=4)
    # A level at a time, what it cites first: level 2 places 10A1, then has no room for 10B2.
    assert _placed(graph) == [("10A3", "center", 0), ("10B1", "cited_by", 1),
                              ("10A2", "cites", 1), ("10A1", "cites", 2)]
    assert (graph["truncated"], graph["omitted"]) == (True, 1)


def test_most_cited_of_a_year_and_a_station(archive: Archive) -> None:
    found = archive.most_cited(year=2008, station="Embassy Manama", limit=3)
    assert (found["year"], found["station"], found["limit"]) == (2008, "MANAMA", 3)
    assert found["cables"] == [
        {"id": "08MANAMA420", "citations": 2, "in_archive": False, "in_release": True,
         "month": "2008-06", "title": None, "date": None, "origin": None},
        {"id": "08MANAMA144", "citations": 1, "in_archive": False, "in_release": True,
         "month": "2008-03", "title": None, "date": None, "origin": None},
        {"id": "08MANAMA163", "citations": 1, "in_archive": False, "in_release": True,
         "month": "2008-03", "title": None, "date": None, "origin": None}]
    assert archive.most_cited(station="manama", limit=3)["cables"][0]["id"] == "06MANAMA1728"
    top = archive.most_cited(limit=8)["cables"]
    assert [(c["id"], c["citations"]) for c in top] == [
        ("05SANJOSE2037", 2), ("06MANAMA1728", 2), ("07TRIPOLI1038", 2), ("08MADRID1362", 2),
        ("08MANAMA420", 2), ("08STATE43120", 2), ("09BOGOTA569", 2), ("09STATE105978", 2)]
    held = archive.most_cited(year=2008, station="MANAMA", limit=50)["cables"]
    assert [c["id"] for c in held if c["in_archive"]] == ["08MANAMA253", "08MANAMA510"]
    assert archive.most_cited(year=1999)["cables"] == []


@pytest.mark.parametrize(("options", "message"), [
    ({"year": 1800}, "give a four-digit year such as 2009"),
    ({"station": "!!"}, "names no station"),
    ({"limit": 0}, "give a limit from 1 to 500"),
])
def test_most_cited_options_say_the_fix(options: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        most_cited(MemoryStore(), **options)
