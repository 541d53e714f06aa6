"""The citation graph page and JSON, and the most-cited cables: one library call each, two
renderings; bad parameters are a 400 that says the fix."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.testclient import TestClient
from tests.web.test_web_openapi import answer_schema, check
from tests.web.test_web_safety import _assert_inert

GRAPH = "/api/documents/08MANAMA536/citations"
PAGE = "/documents/08MANAMA536/citations"


def test_the_json_is_the_library_graph(client: TestClient) -> None:
    data = client.get(GRAPH, params={"depth": 1}).json()
    assert (data["id"], data["depth"], data["direction"], data["limit"]) == (
        "08MANAMA536", 1, "both", 200)
    assert [n["id"] for n in data["nodes"]] == [
        "08MANAMA536", "04MANAMA378", "06MANAMA710", "06MANAMA1728", "08MANAMA253",
        "08MANAMA420", "08MANAMA510", "08MANAMA528"]
    assert [(e["from"], e["to"]) for e in data["edges"]][-1] == ("08MANAMA510", "08MANAMA420")
    deeper = client.get(GRAPH).json()  # depth 3 by default
    assert (deeper["depth"], len(deeper["nodes"]), len(deeper["edges"])) == (3, 16, 16)
    assert {n["id"]: n["month"] for n in deeper["nodes"] if n["depth"] == 2} == {
        "08MANAMA236": "2008-04", "07MANAMA810": "2007-08", "07MANAMA897": "2007-09",
        "08MANAMA163": "2008-03", "08MANAMA313": "2008-05", "08MANAMA430": "2008-06",
        "08MANAMA442": "2008-07", "08MANAMA471": "2008-07"}
    cut = client.get(GRAPH, params={"limit": 5}).json()
    assert (cut["truncated"], cut["omitted"], len(cut["nodes"])) == (True, 3, 5)


def test_responses_validate_against_the_openapi_description(client: TestClient) -> None:
    spec: dict[str, Any] = client.get("/api/openapi.json").json()
    path = "/api/documents/{doc_id}/citations"
    assert [p["name"] for p in spec["paths"][path]["get"]["parameters"]] == [
        "doc_id", "depth", "direction", "limit"]
    check(client.get(GRAPH).json(), answer_schema(spec, path), spec)
    check(client.get(GRAPH, params={"limit": 2}).json(), answer_schema(spec, path), spec)
    most = "/api/citations/most-cited"
    assert [p["name"] for p in spec["paths"][most]["get"]["parameters"]] == [
        "year", "station", "limit"]
    check(client.get(most, params={"year": 2008}).json(), answer_schema(spec, most), spec)
    check(client.get(GRAPH, params={"depth": 9}).json(), answer_schema(spec, path, "400"), spec)


def test_the_page_draws_the_graph_without_script(client: TestClient) -> None:
    page = client.get(PAGE)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    _assert_inert(text)
    assert "<script" not in text.lower() and " style=" not in text
    [svg] = re.findall(r'<svg class="citation-graph".*?</svg>', text, re.S)
    assert svg.count('<g class="node node-') == 16 and svg.count('<path class="edge"') == 16
    # Held cables are links to their pages; the others are dashed, with the release's month.
    assert '<a href="/documents/08MANAMA253" aria-label="08MANAMA253 – Violence' in svg
    assert svg.count('<g class="node node-missing"') == 13
    assert "not held · 2008-06" in svg  # 08MANAMA420
    assert "<title>08MANAMA510 cites 08MANAMA420</title>" in svg
    # The same graph as text, below it.
    listed = text.split('id="graph-list-h"', 1)[1]
    assert '<li id="node-08MANAMA420">' in listed
    assert "not in this archive; in the full release (June 2008)" in listed
    assert ('<span class="ref missing">06MANAMA1728</span>, <a class="ref"'
            ' href="/documents/08MANAMA253">08MANAMA253</a>') in listed
    assert 'href="/api/documents/08MANAMA536/citations">As JSON</a>' in text


def test_the_page_takes_depth_and_direction_and_says_when_it_is_cut(client: TestClient) -> None:
    one = client.get(PAGE, params={"depth": 1, "direction": "cited_by"}).text
    assert '<option value="1" selected>' in one and '<option value="cited_by" selected>' in one
    assert "<svg" not in one and "No document in this archive cites it." in one
    assert "No cable is linked to it either way" not in one
    cut = client.get(PAGE, params={"limit": 5}).text
    assert "The graph is cut short at 5 cables: 3 more found" in cut
    moved = client.get("/documents/08manama536/citations?depth=2", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == "/documents/08MANAMA536/citations?depth=2"


def test_a_cable_page_links_its_graph(client: TestClient) -> None:
    page = client.get("/documents/08MANAMA536").text
    assert 'href="/documents/08MANAMA536/citations">The citation graph' in page
    assert 'href="/citations/most-cited"' in client.get("/stats").text


@pytest.mark.parametrize(("query", "message"), [
    ("depth=0", "depth=0 is too small: give depth=1 or more"),
    ("depth=4", "depth=4 is too deep: give depth=1, 2 or 3"),
    ("depth=two", "depth='two' is not a whole number: give depth=1 or more"),
    ("direction=up", "direction='up' is not one of both, cites, cited_by: give direction=both"),
    ("limit=0", "limit=0 is too small: give limit=1 or more"),
    ("limit=5000", "limit=5000 is too many: give limit=1000 or fewer"),
])
def test_bad_graph_parameters_are_400_with_the_fix(client: TestClient, query: str,
                                                   message: str) -> None:
    r = client.get(f"{GRAPH}?{query}")
    assert r.status_code == 400
    assert r.json()["error"]["type"] == "UsageError"
    assert r.json()["error"]["message"].startswith(message)
    page = client.get(f"{PAGE}?{query}")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")


def test_an_unknown_document_has_no_graph(client: TestClient) -> None:
    r = client.get("/api/documents/NOSUCHCABLE/citations")
    assert r.status_code == 404 and r.json()["error"]["type"] == "NotFound"


def test_most_cited_json_and_page(client: TestClient) -> None:
    data = client.get("/api/citations/most-cited",
                      params={"year": "2008", "station": "Embassy Manama", "limit": 2}).json()
    assert data == {"year": 2008, "station": "MANAMA", "limit": 2, "cables": [
        {"id": "08MANAMA420", "citations": 2, "in_archive": False, "in_release": True,
         "month": "2008-06", "title": None, "date": None, "origin": None},
        {"id": "08MANAMA144", "citations": 1, "in_archive": False, "in_release": True,
         "month": "2008-03", "title": None, "date": None, "origin": None}]}
    assert len(client.get("/api/citations/most-cited").json()["cables"]) == 20
    page = client.get("/citations/most-cited", params={"year": 2008, "station": "manama"})
    assert page.status_code == 200
    _assert_inert(page.text)
    assert "<h1>Most-cited cables of MANAMA, 2008</h1>" in page.text
    assert '<a class="ref" href="/documents/08MANAMA253">08MANAMA253</a>' in page.text
    assert '<span class="ref missing">08MANAMA420</span>' in page.text
    assert 'href="/search?q=cites%3A08MANAMA420"' in page.text  # the citing documents
    assert 'value="manama"' in page.text


@pytest.mark.parametrize(("query", "message"), [
    ("year=abc", "year='abc' is not a year: give a four-digit year such as year=2009"),
    ("year=1800", "year=1800 is not a year of cable ids: give a four-digit year such as 2009"),
    ("station=%21%21", "station='!!' names no station: give it as in cable ids (BAMAKO)"),
    ("limit=0", "limit=0 is too small: give limit=1 or more"),
    ("limit=501", "limit=501 is too many: give limit=500 or fewer"),
])
def test_bad_most_cited_parameters_are_400_with_the_fix(client: TestClient, query: str,
                                                        message: str) -> None:
    r = client.get(f"/api/citations/most-cited?{query}")
    assert r.status_code == 400
    assert r.json()["error"]["message"].startswith(message)
    assert client.get(f"/citations/most-cited?{query}").status_code == 400


def test_a_hostile_title_is_text_in_the_graph(hostile_client: TestClient) -> None:
    page = hostile_client.get("/documents/09BAMAKO999/citations")
    assert page.status_code == 200
    _assert_inert(page.text)
    assert "<script" not in page.text.lower()
    assert "Zanzibarian &lt;Script&gt;Alert(1)&lt;/Script&gt; Plot" in page.text
    [svg] = re.findall(r'<svg class="citation-graph".*?</svg>', page.text, re.S)
    assert "Zanzibarian &lt;Script&gt;Alert…" in svg  # the node's short title, escaped
