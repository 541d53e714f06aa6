"""The "Where else the cast appears" panel of document pages and its JSON, over the sample
archive with the entities stage run; hostile names in an archive written for the test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient
from tests.web.support import SEED_CABLE, hostile_cable
from tests.web.test_web_openapi import answer_schema, check

from cablewire.pipeline import ingest
from cablewire.settings import Settings
from cablewire.store import SQLiteStore, StageResult
from cablewire.web import create_app
from cablewire.web.presenters.cast import others_query
from cablewire.web.rendering import search_url

TOURE = "person:amadou-toumani-toure"
ARTICLE = "4eb47efd18cddb02"  # the seed article


@pytest.fixture(scope="module")
def sample(enriched_sample: str) -> Iterator[TestClient]:
    app = create_app(Settings.resolve(env={}, db=enriched_sample))
    yield TestClient(app)
    app.state.web.close()


def _item(page: str, key: str) -> str:
    """The panel's list item of one entity."""
    panel = page[page.index('id="cast"'):]
    start = panel.index(f'<a class="entity entity-{key.split(":")[0]}" href="/entities/{key}"')
    return panel[start:panel.index("</ul>", start)]


def test_the_seed_cable_shows_where_else_toure_appears(sample: TestClient) -> None:
    page = sample.get("/documents/09BAMAKO387").text
    assert "Where else the cast appears" in page
    item = _item(page, TOURE)
    assert ">Amadou Toumani Touré</a>" in item and "36 mentions here" in item
    others = search_url(f'entity:"{TOURE}" -id:"09BAMAKO387"').replace("&", "&amp;")
    assert f'<a class="cast-count" href="{others}">named in 2 other documents</a>' in item
    assert re.findall(r'<li><a href="(/documents/[^"]+)">', item) == [
        "/documents/09BAMAKO776", f"/documents/{ARTICLE}"]
    assert "22 mentions" in item and "1 December 2009" in item
    # Entities no other document names are folded into one line at the end.
    only = page[page.index('class="small cast-only-here"'):]
    assert only.startswith('class="small cast-only-here">Also named only here: ')
    assert 'href="/entities/person:mcculley">McCulley</a>' in only[:only.index("</p>")]
    # People first, then organisations, groups, places.
    headings = re.findall(r'<h3 class="entity-type-heading">(\w+)</h3>',
                          page[page.index('id="cast"'):page.index('id="related-h"')])
    assert headings == ["People", "Organisations", "Groups", "Places"]


def test_the_count_links_to_a_search_for_exactly_those_documents(sample: TestClient) -> None:
    found = sample.get("/api/search", params={"q": others_query(TOURE, "09BAMAKO387")}).json()
    assert sorted(hit["id"] for hit in found["hits"]) == ["09BAMAKO776", ARTICLE]


def test_the_article_page_has_the_panel_too(sample: TestClient) -> None:
    page = sample.get(f"/documents/{ARTICLE}").text
    item = _item(page, TOURE)
    assert "named in 2 other documents" in item
    assert re.findall(r'<li><a href="(/documents/[^"]+)">', item) == [
        "/documents/09BAMAKO387", "/documents/09BAMAKO776"]


def test_the_json_and_its_schema(sample: TestClient, client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    path = "/api/documents/{doc_id}/cross-reference"
    assert [p["name"] for p in spec["paths"][path]["get"]["parameters"]] == [
        "doc_id", "per_entity"]
    data = sample.get("/api/documents/09bamako387/cross-reference",
                      params={"per_entity": 1}).json()
    check(data, answer_schema(spec, path), spec)
    assert data["id"] == "09BAMAKO387"
    toure = next(e for e in data["entities"] if e["key"] == TOURE)
    assert toure == {"key": TOURE, "type": "person", "name": "Amadou Toumani Touré",
                     "mentions": 36, "documents": 2, "strongest": [{
                         "id": "09BAMAKO776", "kind": "cable",
                         "title": "Ambassador and General Ward Meet with Malian President"
                                  " Amadou Toumani Toure",
                         "date": "2009-12-01T16:04:00", "mentions": 22}]}
    missing = sample.get("/api/documents/NOPE123/cross-reference")
    assert missing.status_code == 404
    assert "no document 'NOPE123'" in missing.json()["error"]["message"]
    bad = sample.get("/api/documents/09BAMAKO387/cross-reference", params={"per_entity": "x"})
    assert bad.status_code == 400 and "per_entity" in bad.json()["error"]["message"]


def test_an_archive_without_entities_shows_no_panel(client: TestClient) -> None:
    # The session's plain sample archive has not been enriched: no document names anyone.
    assert client.get("/api/documents/09BAMAKO387/cross-reference").json() == {
        "id": "09BAMAKO387", "entities": [], "only_here": []}
    assert 'id="cast"' not in client.get("/documents/09BAMAKO387").text


HOSTILE = "<script>alert('cast')</script>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The hostile cable and the seed cable, naming entities with markup in their names."""
    folder = tmp_path_factory.mktemp("web-cast")
    (folder / "in").mkdir()
    (folder / "in" / "hostile.txt").write_bytes(hostile_cable())
    (folder / "in" / "seed.txt").write_bytes(SEED_CABLE.read_bytes())
    db = str(folder / "hostile.db")
    ingest([folder / "in"], Settings.resolve(env={}, db=db, workers=1, enrich="no"))
    store = SQLiteStore(db)

    def named(key: str, name: str) -> dict[str, Any]:
        return {"key": key, "type": key.split(":")[0], "name": name, "aliases": [],
                "facts": [], "mentions": [{"start": 0, "end": 1}]}

    shared = named('person:"><img src=x onerror=alert(1)>', f'{HOSTILE} & "Touré"')
    store.write_results([
        StageResult("09BAMAKO999", "entities", "1", 1, {"entities": [
            shared, named("group:zanzibarian", f"Zanzibarian {HOSTILE}")]}),
        StageResult("09BAMAKO387", "entities", "1", 1, {"entities": [shared]}),
    ], indexed=True)
    store.close()
    app = create_app(Settings.resolve(env={}, db=db))
    yield TestClient(app)
    app.state.web.close()


def _panel(page: str) -> str:
    start = page.index('id="cast"')
    return page[start:page.index("</section>", start)]


def test_the_panel_escapes_hostile_names(hostile: TestClient) -> None:
    panel = _panel(hostile.get("/documents/09BAMAKO999").text)
    assert "<script>" not in panel and "<img" not in panel
    assert ('<a class="entity entity-person"'
            ' href="/entities/person:%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E">'
            "&lt;script&gt;alert(&#39;cast&#39;)&lt;/script&gt; &amp; &#34;Touré&#34;</a>"
            ) in panel
    assert "named in 1 other document</a>" in panel
    assert ('<li><a href="/documents/09BAMAKO387">President Toure Ready to Target AQIM, with'
            " Help</a>") in panel
    assert ('Also named only here: <a class="entity entity-group"'
            ' href="/entities/group:zanzibarian">Zanzibarian &lt;script&gt;') in panel
    # The other way: the hostile cable's title among the seed cable's strongest documents.
    seed = _panel(hostile.get("/documents/09BAMAKO387").text)
    assert "<script" not in seed.lower()
    assert ('<li><a href="/documents/09BAMAKO999">Zanzibarian &lt;Script&gt;Alert(1)&lt;/Script&gt;'
            " Plot</a>") in seed
