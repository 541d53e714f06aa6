"""Entity, timeline and map pages, and entities linked in documents, over the seed pair
ingested with the enrichment stage."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

TOURE = "person:amadou-toumani-toure"


def test_cable_text_links_entities(enriched: TestClient) -> None:
    page = enriched.get("/documents/09BAMAKO387").text
    assert f'href="/entities/{TOURE}"' in page
    assert re.search(r'<a class="entity entity-place" href="/entities/place:tessalit-ml"'
                     r' title="Tessalit \(Place\)">Tessalit</a>', page)
    assert "Named in it" in page
    assert 'class="term-word"' in page  # the jargon notes are still there


def test_article_text_links_entities_and_speakers(enriched: TestClient,
                                                  seed_article_id: str) -> None:
    page = enriched.get(f"/documents/{seed_article_id}").text
    assert 'href="/entities/person:victoria-nuland"' in page
    assert 'href="/entities/organization:aqim"' in page
    assert 'class="quote"' in page and 'class="speaker"' in page
    assert re.search(r'class="speaker" href="/search\?q=%22Victoria\+Nuland%22"', page)


def test_article_page_shows_the_quotes_of_its_enrichment(enriched: TestClient,
                                                        seed_article_id: str) -> None:
    stored = enriched.get(f"/api/documents/{seed_article_id}/entities").json()
    quotes = stored["enrichment"]["quotes"]
    body = enriched.get(f"/api/documents/{seed_article_id}").json()["document"]["body"]
    page = enriched.get(f"/documents/{seed_article_id}").text
    marked = [q for q in quotes if q["text"] in body]  # a split quotation is not marked
    assert len(marked) >= 10 and page.count('<span class="quote">') == len(marked)
    for quote in quotes:
        if quote["speaker"]:
            assert f">{quote['speaker']}</a>" in page


def test_document_entities_json(enriched: TestClient) -> None:
    data = enriched.get("/api/documents/09BAMAKO387/entities").json()
    assert data["id"] == "09BAMAKO387"
    keys = {e["key"] for e in data["enrichment"]["entities"]}
    assert {TOURE, "organization:aqim", "place:tessalit-ml"} <= keys


def test_entities_list(enriched: TestClient) -> None:
    listed = enriched.get("/api/entities", params={"type": "person"}).json()
    assert TOURE in [e["key"] for e in listed] and all(e["type"] == "person" for e in listed)
    page = enriched.get("/entities").text
    assert "Amadou Toumani Touré" in page and f'href="/entities/{TOURE}"' in page
    bad = enriched.get("/api/entities", params={"type": "planet"})
    assert bad.status_code == 400 and "not an entity type" in bad.json()["error"]["message"]


def test_entity_page(enriched: TestClient) -> None:
    moved = enriched.get("/entities/ATT", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == f"/entities/{TOURE}"
    page = enriched.get(f"/entities/{TOURE}").text
    assert "<h1 id=\"doc-title\">Amadou Toumani Touré</h1>" in page
    assert "ATT" in page and "President" in page  # aliases, facts
    assert "AQIM are not choir boys." in page  # quotes
    assert '<svg class="chart"' in page and "2009-06 (1)" in page  # documents over time
    assert 'href="/documents/09BAMAKO387"' in page
    assert 'href="/entities/organization:aqim"' in page  # co-occurring
    data = enriched.get(f"/api/entities/{TOURE}").json()
    assert data["key"] == TOURE and "ATT" in data["aliases"]
    missing = enriched.get("/api/entities/nobody-at-all")
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "NotFound"


def test_timeline_zooms_by_year_and_month(enriched: TestClient) -> None:
    events = enriched.get("/api/timeline").json()["events"]
    assert len(events) > 3
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    in_2009 = enriched.get("/api/timeline", params={"year": "2009"}).json()["events"]
    assert in_2009 and all(e["date"].startswith("2009") for e in in_2009)
    april = enriched.get("/api/timeline", params={"month": "2009-04"}).json()["events"]
    assert any("Tessalit" in e["sentence"] for e in april)
    page = enriched.get("/timeline", params={"year": "2009"}).text
    assert "Timeline: 2009" in page and "/timeline?month=2009-04" in page and "Zoom out" in page
    query = enriched.get("/api/timeline", params={"q": "kind:article"}).json()["events"]
    assert query and {e["document"] for e in query} == {
        e["document"] for e in events if not e["document"].startswith("09")}
    assert enriched.get("/timeline", params={"year": "09"}).status_code == 400


def test_map(enriched: TestClient) -> None:
    places = enriched.get("/api/places").json()
    tessalit = next(p for p in places if p["key"] == "place:tessalit-ml")
    assert round(tessalit["lat"]) == 20 and round(tessalit["lon"]) == 1
    page = enriched.get("/map").text
    assert '<image href="/static/world.svg"' in page
    assert re.search(r'<a href="/entities/place:tessalit-ml" aria-label="Tessalit: 1 documents">'
                     r'<circle cx="362\.\d" cy="139\.\d"', page)
    assert enriched.get("/static/world.svg").status_code == 200


def test_pages_say_what_to_do_without_enrichment(client: TestClient) -> None:
    assert "cablewire enrich" in client.get("/entities").text
    assert "cablewire enrich" in client.get("/map").text
    assert client.get("/timeline").status_code == 200
