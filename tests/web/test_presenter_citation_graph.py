"""The citation graph's drawing: columns by side and depth, the same picture for the same graph,
well-formed SVG with every text from a document escaped and nothing that runs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from cablewire.results import CitationGraph, CitationNode
from cablewire.web.presenters.citation_graph import (
    COLUMN_WIDTH,
    HEADER,
    MARGIN,
    ROW_HEIGHT,
    present_graph,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_ID = '09X"><script>alert(1)</script>1'
HOSTILE_TITLE = "</text><script>alert('t')</script><a href=\"javascript:alert(2)\">x</a> & co"


def _node(doc_id: str, side: str, depth: int, held: bool = True, title: str | None = None,
          month: str | None = None) -> CitationNode:
    node: dict[str, Any] = {
        "id": doc_id, "side": side, "depth": depth, "in_archive": held,
        "in_release": month is not None or held, "month": month,
        "kind": "cable" if held else None, "title": title if held else None,
        "date": "2009-06-12T11:16:00" if held else None, "origin": None}
    return node  # type: ignore[return-value]


def _graph() -> CitationGraph:
    return {"id": "09A1", "depth": 2, "direction": "both", "limit": 200, "truncated": False,
            "omitted": 0, "nodes": [
                _node("09A1", "center", 0, title="The centre"),
                _node("09B1", "cited_by", 1, title=HOSTILE_TITLE),
                _node("09B2", "cited_by", 2, title="Two steps"),
                _node("08C1", "cites", 1, held=False, month="2008-06"),
                _node("08C2", "cites", 1, held=False),
                _node(HOSTILE_ID, "cites", 2, title="Hostile id")],
            "edges": [{"from": "09A1", "to": "08C1"}, {"from": "09A1", "to": "08C2"},
                      {"from": "09B1", "to": "09A1"}, {"from": "09B2", "to": "09B1"},
                      {"from": "08C2", "to": HOSTILE_ID}, {"from": "08C1", "to": "08C2"}]}


def test_columns_go_from_what_cites_it_to_what_it_cites() -> None:
    view = present_graph(_graph())
    assert [(c.label, [s.node["id"] for s in c.nodes]) for c in view.columns] == [
        ("Cited by, 2 steps", ["09B2"]), ("Cited by", ["09B1"]), ("This document", ["09A1"]),
        ("Cites", ["08C1", "08C2"]), ("Cites, 2 steps", [HOSTILE_ID])]
    spots = {s.node["id"]: s for c in view.columns for s in c.nodes}
    top = HEADER + MARGIN
    assert (spots["09B2"].x, spots["09A1"].x, spots["08C2"].x) == (
        MARGIN, MARGIN + 2 * COLUMN_WIDTH, MARGIN + 3 * COLUMN_WIDTH)
    assert (spots["08C1"].y, spots["08C2"].y) == (top, top + ROW_HEIGHT)
    assert spots["09A1"].y == top + ROW_HEIGHT / 2  # a shorter column is centred
    assert [s.node["id"] for s in spots["08C2"].cites] == [HOSTILE_ID]
    assert [s.node["id"] for s in spots["08C2"].cited_by] == ["09A1", "08C1"]
    assert spots["08C1"].status == "not in this archive; in the full release (June 2008)"
    assert spots["08C2"].status == "not in this archive, nor in the 2010-2011 release"
    assert present_graph(_graph()).svg == view.svg  # deterministic


def test_the_svg_is_well_formed_escaped_and_inert() -> None:
    svg = str(present_graph(_graph()).svg)
    root = ET.fromstring(svg)  # escaping broke nothing: it parses
    tags = {el.tag.replace(SVG, "") for el in root.iter()}
    assert "script" not in tags and "foreignObject" not in tags
    assert "<script" not in svg
    for el in root.iter():
        assert not any(name.startswith("on") for name in el.attrib), el.tag
        assert "javascript:" not in el.attrib.get("href", ""), el.tag  # text in labels is text
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert HOSTILE_ID in texts  # shown as text, whole
    assert "</text><script>alert('t')…" in texts  # the short title, as text
    links = [el.attrib["href"] for el in root.iter(SVG + "a")]
    assert links == ["/documents/09B2", "/documents/09B1",
                     "/documents/09X%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E1"]
    assert len(list(root.iter(SVG + "rect"))) == 6
    edges = [el for el in root.iter(SVG + "path") if el.attrib.get("class") == "edge"]
    assert ["".join(e.itertext()) for e in edges] == [
        "09B2 cites 09B1", "09B1 cites 09A1", "09A1 cites 08C1", "09A1 cites 08C2",
        "08C1 cites 08C2", f"08C2 cites {HOSTILE_ID}"]
    unheld = [el for el in root.iter(SVG + "g") if el.attrib.get("class") == "node node-missing"]
    assert [e.find(SVG + "rect").attrib["stroke-dasharray"] for e in unheld] == ["4 3"] * 2
    assert ["".join(e.itertext()).split("08C")[-1] for e in unheld] == [
        "1not held · 2008-06", "2not held · not in release"]


def test_an_edge_within_a_column_loops_out_to_the_left() -> None:
    svg = str(present_graph(_graph()).svg)
    root = ET.fromstring(svg)
    [inside] = [el for el in root.iter(SVG + "path")
                if "".join(el.itertext()) == "08C1 cites 08C2"]
    left = MARGIN + 3 * COLUMN_WIDTH
    start, curve = inside.attrib["d"].split(" C")
    assert start == f"M{left:.1f},{HEADER + MARGIN + 25:.1f}"
    assert float(curve.split(",")[0]) < left  # bends out to the left of the column
