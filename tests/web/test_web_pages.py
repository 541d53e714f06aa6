"""Every page and its JSON, through the in-process client over the sample archive."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from starlette.testclient import TestClient
from tests.web.support import SEED_CABLE


def _links(page: str, pattern: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page) if re.search(pattern, h)]


# -- search ---------------------------------------------------------------------------------------

def test_home_lists_the_archive_with_facets(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    total = client.get("/api/search").json()["total"]
    assert f"of {total:,} documents" in r.text
    assert 'id="facets"' in r.text and "Classification" in r.text


def test_search_page_shows_hits_snippets_and_export_links(client: TestClient) -> None:
    r = client.get("/search", params={"q": "AQIM tag:PTER"})
    assert r.status_code == 200
    data = client.get("/api/search", params={"q": "AQIM tag:PTER"}).json()
    assert data["total"] > 1
    assert f'href="/documents/{data["hits"][0]["id"]}"' in r.text
    assert "<b>AQIM</b>" in r.text  # the highlighted snippet, marked safe
    assert "/export?q=AQIM+tag%3APTER&amp;format=jsonl" in r.text
    assert "/export?q=AQIM+tag%3APTER&amp;format=csv" in r.text
    assert "tag:PTER" in r.text  # the filter chip


def test_search_json_is_the_library_shape(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "AQIM", "limit": 5, "sort": "-date"}).json()
    assert set(data) == {"query", "total", "offset", "limit", "sort", "hits", "facets"}
    assert data["limit"] == 5 and data["sort"] == "-date" and len(data["hits"]) == 5
    assert set(data["hits"][0]) == {"id", "kind", "title", "date", "origin", "classification",
                                    "snippet", "score"}
    dates = [h["date"] for h in data["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert set(data["facets"]) == {"kind", "year", "classification", "origin", "tag"}


def test_facet_links_refine_and_unrefine(client: TestClient) -> None:
    page = client.get("/search", params={"q": "AQIM"}).text
    link = _links(page, r"tag%3APTER")[0]
    query = parse_qs(urlsplit(link).query)["q"][0]
    assert query == "AQIM tag:PTER"
    before = client.get("/api/search", params={"q": "AQIM"}).json()
    after = client.get("/api/search", params={"q": query}).json()
    pter = next(b["count"] for b in before["facets"]["tag"] if b["value"] == "PTER")
    assert after["total"] == pter < before["total"]
    refined = client.get(link).text
    chosen = re.search(r'<a href="([^"]*)" class="chosen"[^>]*data-facet="tag"', refined)
    assert chosen, "the chosen facet value is marked"
    assert parse_qs(urlsplit(html.unescape(chosen.group(1))).query)["q"][0] == "AQIM"


def test_facet_values_with_spaces_are_quoted(client: TestClient) -> None:
    page = client.get("/search", params={"q": "AQIM"}).text
    origin = [u for u in _links(page, r"origin%3A")]
    assert origin
    query = parse_qs(urlsplit(origin[0]).query)["q"][0]
    assert re.fullmatch(r'AQIM origin:"[^"]+ [^"]+"', query)
    assert client.get("/api/search", params={"q": query}).json()["total"] >= 1


def test_paging_links(client: TestClient) -> None:
    total = client.get("/api/search", params={"q": "kind:cable"}).json()["total"]
    page = client.get("/search", params={"q": "kind:cable"}).text
    assert f"1–20 of {total:,} documents" in page
    [next_link] = _links(page, r"offset=20")[:1]
    second = client.get(next_link).text
    assert f"21–40 of {total:,} documents" in second
    assert 'rel="prev"' in second


def test_sort_by_date_is_kept_in_links(client: TestClient) -> None:
    page = client.get("/search", params={"q": "kind:cable", "sort": "date"}).text
    assert '<option value="date" selected>' in page
    assert all("sort=date" in u for u in _links(page, r"offset=20"))


def test_malformed_query_keeps_the_query_and_says_the_fix(client: TestClient) -> None:
    r = client.get("/search", params={"q": "(aqim OR mali"})
    assert r.status_code == 400
    assert "&#39;(&#39; is not closed: add &#39;)&#39;" in r.text
    assert 'value="(aqim OR mali"' in r.text
    j = client.get("/api/search", params={"q": "(aqim OR mali"})
    assert j.status_code == 400
    assert j.json()["error"]["type"] == "QueryError"
    assert "is not closed" in j.json()["error"]["message"]


def test_bad_paging_parameters_are_400(client: TestClient) -> None:
    for params in ({"limit": "0"}, {"limit": "abc"}, {"offset": "-1"}, {"limit": "5000"},
                   {"sort": "sideways"}):
        r = client.get("/api/search", params=params)
        assert r.status_code == 400, params
        assert r.json()["error"]["status"] == 400


# -- documents ------------------------------------------------------------------------------------

def test_cable_page_metadata_and_jargon(client: TestClient) -> None:
    r = client.get("/documents/09BAMAKO387")
    assert r.status_code == 200
    page = r.text
    assert "President Toure Ready to Target AQIM, with Help" in page
    assert "Gillian Milovanovic" in page and "Ambassador" in page
    assert "DEPT OF STATE WASHINGTON DC" in page  # RUEHC decoded
    assert "AMEMBASSY ALGIERS" in page and "RUEHAS" in page
    for code, meaning in (("PTER", "Terrorism"), ("ML", "Mali"), ("PGOV", "Internal")):
        assert f'href="/search?q=tag%3A{code}"' in page and meaning in page
    assert "2019-06-10" in page  # declassification date
    for note in ("SIPDIS", "E.O. 12958", "DECL", "1.4(b)", "1.4(d)", "ROUTINE", "121116Z JUN 09"):
        assert re.search(r'class="term-word" tabindex="0" aria-describedby="tip-\d+">'
                         + re.escape(note), page), note
    assert "day 12, 11:16 Zulu (UTC), June 2009" in page
    assert "foreign government information" in page  # 1.4(b)
    assert "How to read this cable" in page
    assert 'class="badge badge-c"' in page  # paragraph markings
    assert '<h3 class="section-heading">AQIM Destroying Mali&#39;s Model Image</h3>' in page
    assert "not in this archive; in the full release (March 2009)" in page  # 09BAMAKO186
    assert 'href="/documents/09BAMAKO387/original"' in page


def test_cable_json_is_archive_show(client: TestClient) -> None:
    data = client.get("/api/documents/09BAMAKO387").json()
    assert set(data) == {"document", "cites", "cited_by", "revisions", "current", "original"}
    assert data["document"]["id"] == "09BAMAKO387"
    assert data["cites"][0] == {"id": "09BAMAKO186", "in_archive": False, "in_release": True,
                                "month": "2009-03", "title": None, "kind": None, "date": None}


def test_other_written_ids_redirect_to_one_address(client: TestClient) -> None:
    r = client.get("/documents/09bamako387", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/documents/09BAMAKO387"


def test_ref_citations_are_linked_both_ways(client: TestClient) -> None:
    citing = client.get("/api/documents/08MANAMA536").json()
    assert any(c["id"] == "08MANAMA253" and c["in_archive"] for c in citing["cites"])
    page = client.get("/documents/08MANAMA536").text
    assert 'href="/documents/08MANAMA253"' in page
    cited = client.get("/documents/08MANAMA253").text
    assert "Cited by" in cited and 'href="/documents/08MANAMA536"' in cited


def test_article_page(client: TestClient, seed_article_id: str) -> None:
    r = client.get(f"/documents/{seed_article_id}")
    assert r.status_code == 200
    page = r.text
    assert '<h1 id="doc-title">STUTTGART, Germany</h1>' in page  # no title: the dateline
    assert "Date estimated: between 26 March 2012 and 1 April 2012" in page
    assert "Thursday, March 22, 2012" in page  # evidence
    assert "Mutinous soldiers gather" in page and "Xinhua/Zuma Press/MCT" in page  # caption
    assert 'class="quote"' not in page  # quotations come with the enrichment (not run here)
    assert "Stars and Stripes" in page


def test_related_for_the_seed_article_is_its_background(
        client: TestClient, seed_article_id: str) -> None:
    """The article's related documents are the blend's: from before its date estimate's end,
    each with the terms it shares (the sample archive is not enriched: no names)."""
    data = client.get(f"/api/documents/{seed_article_id}/related").json()
    assert data["probe"] == {"id": seed_article_id, "kind": "article", "title": None,
                             "date": "2012-04-01"}
    assert data["filters"] == {"kind": None, "before": "2012-04-01", "after": None}
    ids = [d["id"] for d in data["hits"]]
    assert len(ids) == 8 and ids[:5] == [
        "09BAMAKO776", "09BAMAKO815", "09BAMAKO387", "09PARIS1339", "09ALGIERS948"]
    assert data["hits"][2]["reasons"]["lexical"]["terms"] == ["mali", "malian", "touré",
                                                             "aqim", "maghreb"]
    assert all((hit["date"] or "")[:10] <= "2012-04-01" for hit in data["hits"])
    page = client.get(f"/documents/{seed_article_id}").text
    assert 'href="/documents/09BAMAKO387"' in page and "Related documents" in page
    assert "from before 1 April 2012." in page
    cable = client.get("/api/documents/09BAMAKO387/related", params={"limit": 3}).json()
    assert [hit["id"] for hit in cable["hits"]] == ["09PARIS1339", "09ALGIERS948",
                                                    "09BAMAKO776"]
    assert cable["filters"] == {"kind": None, "before": None, "after": None}


def test_original_as_ingested(client: TestClient) -> None:
    raw = client.get("/api/documents/09BAMAKO387/original")
    assert raw.status_code == 200
    assert raw.content == SEED_CABLE.read_bytes()
    assert raw.headers["content-type"].startswith("text/plain")
    page = client.get("/documents/09BAMAKO387/original")
    assert page.status_code == 200 and "Cable title:" in page.text
    assert "RUEHC/SECSTATE WASHDC 0456" in page.text and "<pre" in page.text
    assert client.get("/api/documents/09BAMAKO387/original",
                      params={"revision": 1}).content == SEED_CABLE.read_bytes()
    missing = client.get("/api/documents/09BAMAKO387/original", params={"revision": 9})
    assert missing.status_code == 404


# -- the archive, the API description, exports ----------------------------------------------------

def test_stats_and_errors(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] >= 302 and stats["by_kind"]["cable"] >= 301
    page = client.get("/stats").text
    assert f"{stats['documents']:,} documents" in page
    assert client.get("/api/errors").json() == []


def test_schemas(client: TestClient) -> None:
    cable = client.get("/api/schema/cable").json()
    assert cable["title"] == "Cable" and "classified_by" in cable["properties"]
    assert client.get("/api/schema/article").json()["title"] == "Article"
    assert client.get("/api/schema/telegram").status_code == 400


def test_openapi_describes_every_api_route(client: TestClient, web_app: object) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    routes = {getattr(r, "path", "") for r in web_app.routes}  # type: ignore[attr-defined]
    api_routes = {p for p in routes if p.startswith("/api/")}
    assert api_routes <= set(spec["paths"]), api_routes - set(spec["paths"])
    assert "/api/documents" not in spec["paths"]  # read-only: no write endpoint described
    page = client.get("/api").text
    for path in spec["paths"]:
        assert html.escape(path) in page


def test_exports_stream_every_hit(client: TestClient, monkeypatch: object) -> None:
    from cablewire.web.views import export

    monkeypatch.setattr(export, "BATCH", 40)  # type: ignore[attr-defined]
    total = client.get("/api/search", params={"q": "kind:cable"}).json()["total"]
    assert total > 200
    jsonl = client.get("/api/export.jsonl", params={"q": "kind:cable", "sort": "date"})
    assert jsonl.status_code == 200
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in jsonl.headers["content-disposition"]
    import json

    lines = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(lines) == total and len({d["id"] for d in lines}) == total
    assert all(d["kind"] == "cable" and "body" in d for d in lines)
    csv_text = client.get("/api/export.csv", params={"q": "kind:cable"}).text
    import csv
    import io

    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0] == ["id", "kind", "date", "classification", "origin", "title", "subject",
                       "tags", "references", "entities"]
    assert len(rows) == total + 1
    assert client.get("/api/export.csv", params={"q": "(broken"}).status_code == 400


def test_static_assets_are_bundled(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/favicon.svg").status_code == 200
    for page in ("/", "/documents/09BAMAKO387", "/stats", "/api"):
        text = client.get(page).text
        assert not re.search(r'(src|href)="(https?:)?//', text), page  # nothing from elsewhere
        assert "<script" not in text and " style=" not in text, page


def test_every_get_route_answers(client: TestClient, web_app: object,
                                 seed_article_id: str) -> None:
    """Each GET route of the app, with sample parameters, answers without a server error."""
    samples = {"doc_id": "09BAMAKO387", "kind": "cable", "key": "place:mali",
               "path": "style.css"}
    seen = set()
    for route in web_app.routes:  # type: ignore[attr-defined]
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", None) or {"GET"}
        if "GET" not in methods:
            continue
        url = path
        for name, value in samples.items():
            url = url.replace("{" + name + "}", value)
        if path == "/static":
            url = "/static/style.css"
        r = client.get(url)
        assert r.status_code < 500, (path, r.status_code)
        assert r.status_code in (200, 404), (path, r.status_code)  # 404: an entity not enriched
        seen.add(path)
    assert {"/", "/search", "/documents/{doc_id}", "/entities", "/timeline", "/map",
            "/api/openapi.json"} <= seen


def test_serve_on_a_busy_port_says_which_port_to_try(sample_archive: str) -> None:
    import socket

    from click.testing import CliRunner

    from cablewire.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", sample_archive, "--port",
                                           str(port)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "serving" not in result.stdout
    assert result.stderr.startswith(f"Error: port {port} on 127.0.0.1 is already in use"
                                    " (another cablewire serve?): try --port ")
    suggested = int(result.stderr.split("try --port ")[1].split()[0])
    assert port < suggested <= port + 20
