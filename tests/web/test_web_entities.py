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


def test_timeline_pages_and_shows_each_event_at_its_precision(enriched: TestClient) -> None:
    everything = enriched.get("/api/timeline").json()
    assert (everything["total"], everything["offset"], everything["limit"]) == (13, 0, 200)
    assert [e["when"] for e in everything["events"]][:7] == [
        "1991/1992", "2009-03", "2009-04-26", "2009-06-01/2009-06-03", "2009-06-10",
        "2009-06-13", "2012"]
    page = enriched.get("/api/timeline", params={"limit": 5, "offset": 10}).json()
    assert page["total"] == 13 and [e["when"] for e in page["events"]] == [
        "2012-03-23", "2012-03-23", "2012-03-27"]
    html_page = enriched.get("/timeline", params={"limit": 5}).text
    assert "13 dated events from the text of every document; 1–5 shown." in html_page
    assert 'href="/timeline?offset=5&amp;limit=5" rel="next">Later events</a>' in html_page
    assert 'rel="prev"' not in html_page
    last = enriched.get("/timeline", params={"limit": 5, "offset": 10}).text
    assert "11–13 shown" in last
    assert 'href="/timeline?offset=5&amp;limit=5" rel="prev">Earlier events</a>' in last
    assert 'rel="next"' not in last
    # the coup's year, dated only by the year: filed under 2012, not under January
    year_2012 = enriched.get("/timeline", params={"year": "2012"}).text
    assert '<h2 id="p-2012">2012 <span class="small muted">(dated only by the year)</span>' \
        in year_2012
    assert "1 event dated only by the year is not in any month." in year_2012
    assert '<time datetime="2012">2012</time>' in year_2012
    assert '<time datetime="2012-03-19">19 March 2012 – 25 March 2012</time>' in year_2012
    january = enriched.get("/api/timeline", params={"month": "2012-01"}).json()
    assert january["total"] == 0
    march = enriched.get("/api/timeline", params={"month": "2012-03"}).json()
    assert march["total"] == 6
    assert enriched.get("/timeline", params={"limit": "5000"}).status_code == 400


def test_timeline_axis_leaves_off_what_is_beyond_the_span() -> None:
    from cablewire.web.views.entities import timeline_axis

    def item(period: str, beyond: bool = False) -> dict[str, object]:
        return {"period": period, "beyond": beyond}

    events = [item("2009-06"), item("2010"), item("2012-03"), item("2050", beyond=True)]
    unit, periods, year_only = timeline_axis(events, None, None)  # type: ignore[arg-type]
    assert unit == "year" and [p for p, _ in periods] == ["2009", "2010", "2011", "2012"]
    assert [n for _, n in periods] == [1, 1, 0, 1] and year_only == 0
    unit, periods, year_only = timeline_axis(events, "2010", None)  # type: ignore[arg-type]
    assert unit == "month" and sum(n for _, n in periods) == 0 and year_only == 1


def test_map_filters_by_a_query_and_zooms(enriched: TestClient) -> None:
    everywhere = {p["key"]: p["documents"] for p in enriched.get("/api/places").json()}
    articles = {p["key"]: p["documents"]
                for p in enriched.get("/api/places", params={"q": "kind:article"}).json()}
    assert articles and set(articles) < set(everywhere)
    assert "place:tessalit-ml" in everywhere and "place:tessalit-ml" not in articles
    assert articles["place:bamako-ml"] == 1 and everywhere["place:bamako-ml"] == 2
    page = enriched.get("/map", params={"q": "kind:article"}).text
    assert "Places named by the documents matching <q>kind:article</q>" in page
    assert 'aria-label="Tessalit' not in page
    world = enriched.get("/map").text
    assert 'viewBox="0 0 720 360"' in world
    assert '<a href="/map?zoom=2&amp;at=0%2C0" rel="nofollow" class="zoom-in">' in world
    sahel = enriched.get("/map", params={"zoom": "4", "at": "17,-2"}).text
    assert 'viewBox="266 101 180 90"' in sahel  # a quarter of the world's width, on Mali
    assert re.search(r'aria-label="Tessalit: 1 documents"><circle cx="362\.\d" cy="139\.\d"',
                     sahel)
    assert 'aria-label="Washington' not in sahel  # outside the window: not drawn
    assert f"; 3 of {len(everywhere)} in this view" in sahel
    assert 'href="/map?zoom=8&amp;at=17%2C-2" rel="nofollow" class="zoom-in"' in sahel
    assert 'href="/map?zoom=2&amp;at=17%2C-2" rel="nofollow" class="zoom-out"' in sahel
    assert 'href="/map?zoom=4&amp;at=28.25%2C-2" rel="nofollow">North</a>' in sahel
    assert 'href="/map?zoom=4&amp;at=20.2%2C1.01" rel="nofollow" aria-label="Zoom the map' \
        ' to Tessalit">zoom here</a>' in world
    assert enriched.get("/map", params={"zoom": "3"}).status_code == 400
    assert enriched.get("/map", params={"zoom": "2", "at": "95,0"}).status_code == 400


def test_mentions_are_quiet_links_with_a_toggle_and_refs_not_held_say_so(
        enriched: TestClient) -> None:
    page = enriched.get("/documents/09BAMAKO387").text
    assert ('<input type="checkbox" id="show-mentions" class="show-mentions"><label'
            ' for="show-mentions" class="mentions-toggle">Mark the names in the text</label>'
            in page)
    assert page.count('<a class="entity entity-place" href="/entities/place:mali"') > 40
    # REF A is not held: marked "not held" with the month the full release gives, not struck
    assert ('<span class="ref missing" title="09BAMAKO186: not held in this archive; written'
            ' March 2009">BAMAKO 00186 <span class="not-held">not held · March 2009</span>'
            '</span>') in page
    css = enriched.get("/static/style.css").text
    assert "line-through" not in css
    assert ".cable-text .entity, .article-text .entity { text-decoration: none; }" in css
