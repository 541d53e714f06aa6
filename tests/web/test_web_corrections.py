"""The mentions page and users' corrections over HTTP: the forms' and the API's writes need the
token, come from this site, stay under 64 KiB, and show on every page that shows entities."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import copy_archive
from tests.web.support import TOKEN
from tests.web.test_web_openapi import answer_schema, check

from cablewire.settings import Settings
from cablewire.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

AUTH = {"authorization": f"Bearer {TOKEN}"}
CHATHAM, JAMESTOWN = "organization:chatham-house", "organization:jamestown-foundation"
ARTICLE = "4eb47efd18cddb02"


@pytest.fixture
def app(enriched_seeds: str, tmp_path: Path) -> Iterator[Any]:
    made = create_app(Settings.resolve(env={}, db=copy_archive(enriched_seeds, tmp_path)),
                      token=TOKEN)
    yield made
    made.state.web.close()


@pytest.fixture
def client(app: Any) -> TestClient:
    return TestClient(app)


def test_the_mentions_page_and_its_json(client: TestClient) -> None:
    found = client.get("/api/entities/ATT/mentions", params={"limit": 2}).json()
    assert (found["key"], found["total"], found["documents"]) == (
        "person:amadou-toumani-toure", 38, 2)
    assert found["mentions"][1] == {
        "document": ARTICLE, "title": "STUTTGART, Germany", "date": None,
        "field": "paragraphs", "paragraph": 12, "start": 336, "end": 341, "text": "Touré",
        "sentence": "“It may be possible to devise a compromise that addresses the mutineers’"
                    " grievances about army conditions while permitting the restoration of"
                    " normal constitutional government, especially as Touré was due to be"
                    " replaced by an elected successor in just a few weeks.”",
        "mark": [190, 195]}
    page = client.get("/entities/person:amadou-toumani-toure/mentions")
    assert page.status_code == 200
    assert page.text.count("<mark>") == 38
    assert "especially as <mark>Touré</mark> was due" in page.text
    assert f'value="{ARTICLE}:paragraphs:12:336"' in page.text  # a box to tick, to split it off
    by_name = client.get("/entities/ATT/mentions", follow_redirects=False)
    assert (by_name.status_code, by_name.headers["location"]) == (
        308, "/entities/person:amadou-toumani-toure/mentions")
    entity = client.get("/entities/person:amadou-toumani-toure").text
    assert 'href="/entities/person:amadou-toumani-toure/mentions">38 mentions</a>' in entity


def test_a_form_merge_shows_everywhere_and_undo_restores(client: TestClient) -> None:
    sent = client.post("/api/corrections", follow_redirects=False, data={
        "action": "merge", "key": CHATHAM, "into": "Jamestown Foundation", "by": "ana",
        "note": "one think tank", "token": TOKEN})
    assert (sent.status_code, sent.headers["location"]) == (303, f"/entities/{JAMESTOWN}")
    entity = client.get(f"/api/entities/{JAMESTOWN}").json()
    assert entity["aliases"] == ["Chatham House"]
    assert [(c["id"], c["by"], c["note"]) for c in entity["corrections"]] == [
        (1, "ana", "one think tank")]
    assert client.get(f"/api/entities/{CHATHAM}").status_code == 200  # an alias: the same one
    assert client.get(f"/api/entities/{CHATHAM}").json()["key"] == JAMESTOWN
    page = client.get(f"/entities/{JAMESTOWN}").text
    assert "User correction" in page and "Undo #1" in page
    keys = {e["key"]: e.get("corrections") for e in
            client.get(f"/api/documents/{ARTICLE}/entities").json()["enrichment"]["entities"]}
    assert CHATHAM not in keys and keys[JAMESTOWN] == [1]
    document = client.get(f"/documents/{ARTICLE}").text
    assert ('<a class="user-correction" href="/entities/organization:jamestown-foundation'
            '#corrections-h">user correction</a>') in document
    cast = client.get(f"/api/documents/{ARTICLE}/cross-reference").json()
    assert CHATHAM not in {e["key"] for e in cast["entities"] + cast["only_here"]}
    assert client.get("/api/search", params={"q": f'entity:"{CHATHAM}"'}).json()["total"] == 0
    assert client.get("/api/search", params={"q": f'entity:"{JAMESTOWN}"'}).json()["total"] == 1

    spec = client.get("/api/openapi.json").json()
    for url, path in ((f"/api/entities/{JAMESTOWN}", "/api/entities/{key}"),
                      (f"/api/documents/{ARTICLE}/entities", "/api/documents/{doc_id}/entities"),
                      ("/api/corrections", "/api/corrections")):
        check(client.get(url).json(), answer_schema(spec, path), spec)

    undone = client.post("/api/corrections/1/undo", headers=AUTH, json={"by": "bo"})
    assert (undone.status_code, undone.json()["undone_by"]) == (200, "bo")
    assert client.get(f"/api/entities/{CHATHAM}").json()["key"] == CHATHAM
    assert client.get("/api/search", params={"q": f'entity:"{CHATHAM}"'}).json()["total"] == 1
    assert [c["undone_by"] for c in client.get("/api/corrections").json()] == ["bo"]


def test_json_split_by_ticked_mentions_and_reject(client: TestClient) -> None:
    made = client.post("/api/corrections", headers=AUTH, json={
        "action": "split", "key": "ATT", "name": "Toure the article's",
        "mentions": [f"{ARTICLE}:paragraphs:11:31", f"{ARTICLE}:paragraphs:12:336"]})
    assert made.status_code == 201
    assert made.json()["into"] == "person:toure-the-article-s"
    split = client.get("/api/entities/person:toure-the-article-s").json()
    assert (split["mentions"], split["aliases"]) == (2, ["Amadou Toumani) Touré", "Touré"])
    rejected = client.post("/api/corrections", headers=AUTH,
                           json={"action": "reject", "key": "organization:eu"})
    assert rejected.json()["id"] == 2
    assert client.get("/api/entities/organization:eu").status_code == 404


def test_writes_are_guarded(client: TestClient, enriched_seeds: str) -> None:
    body = {"action": "reject", "key": "organization:eu"}
    no_token = client.post("/api/corrections", json=body)
    assert (no_token.status_code, no_token.json()["error"]["type"]) == (401, "Unauthorized")
    wrong = client.post("/api/corrections", data={**body, "token": "guess"})
    assert wrong.status_code == 401
    cross = client.post("/api/corrections", json=body,
                        headers={**AUTH, "sec-fetch-site": "cross-site"})
    assert (cross.status_code, cross.json()["error"]["type"]) == (403, "CrossSite")
    other = client.post("/api/corrections", json=body,
                        headers={**AUTH, "origin": "https://elsewhere.example"})
    assert other.status_code == 403
    same = client.post("/api/corrections", json=body,
                       headers={**AUTH, "origin": "http://testserver",
                                "sec-fetch-site": "same-origin"})
    assert same.status_code == 201
    big = client.post("/api/corrections", content=b" " * (64 * 1024 + 1),
                      headers={**AUTH, "content-type": "application/json"})
    assert big.status_code == 413
    assert big.json()["error"]["message"] == (
        "the upload is over 64 KiB: a correction is a few fields")
    unknown = client.post("/api/corrections", headers=AUTH, json={"action": "rename", "key": "ATT"})
    assert unknown.status_code == 400
    assert unknown.json()["error"]["message"] == "action='rename': use merge, split or reject"
    assert [c["id"] for c in client.get("/api/corrections").json()] == [1]
    # A server without a token takes no corrections, and its entity page says how to make them.
    reader = create_app(Settings.resolve(env={}, db=enriched_seeds))
    try:
        read_only = TestClient(reader)
        assert read_only.post("/api/corrections", json=body, headers=AUTH).status_code == 405
        page = read_only.get("/entities/person:amadou-toumani-toure").text
        assert "start the server with a token" in page and 'name="token"' not in page
    finally:
        reader.state.web.close()
