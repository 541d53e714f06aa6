"""The documents behind a document in the web app: the related panel of the document pages and
`/api/documents/{id}/related` (the linking blend)."""

from __future__ import annotations

import re
from typing import Any

from starlette.testclient import TestClient

from cablewire.web.presenters.background import Evidence, Reason, present_reasons
from cablewire.web.rendering import templates


def why(page: str, doc_id: str) -> str:
    """The reasons line of one hit on a page, as text."""
    item = page.split(f'<li data-id="{doc_id}">', 1)[1].split("</li>", 1)[0]
    line = item.split('<span class="reason">', 1)[1]
    return " ".join(re.sub(r"<[^>]+>", "", line).split())


# -- the document pages and /api/documents/{id}/related -------------------------------------------

def test_the_cable_page_lists_related_documents_with_why(client: TestClient,
                                                        linked: TestClient) -> None:
    page = client.get("/documents/09BAMAKO387").text
    panel = page.split('id="related-h"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<li data-id="([^"]+)">', panel)[:3] == [
        "09BAMAKO776", "09ALGIERS948", "09PARIS1339"]
    assert why(panel, "09BAMAKO776") == (
        "Why: terms: att, mali, toure, malian, aqim, milovanovic (lexical #1)")
    # Enriched, the names come first: what the cable shares with the story about it.
    enriched = linked.get("/documents/09BAMAKO387").text
    assert why(enriched, "4eb47efd18cddb02") == (
        "Why: shares: Mali, al-Qaida in the Islamic Maghreb, Amadou Toumani Touré, Malian,"
        " Trans-Sahara Counterterrorism Partnership, Bamako (entities #1) · terms: mali, aqim,"
        " president, malian, northern, regional (lexical #1)")


def test_related_takes_kind_dates_and_limit(client: TestClient) -> None:
    url = "/api/documents/09BAMAKO387/related"
    articles = client.get(url, params={"kind": "article"}).json()
    assert articles["filters"] == {"kind": "article", "before": None, "after": None}
    assert {hit["kind"] for hit in articles["hits"]} <= {"article"}
    later = client.get(url, params={"after": "2010", "limit": 4}).json()
    assert later["filters"] == {"kind": None, "before": None, "after": "2010-01-01"}
    assert len(later["hits"]) == 4
    assert all(hit["date"][:10] >= "2010-01-01" for hit in later["hits"])
    earlier = client.get(url, params={"before": "2009-06"}).json()
    assert earlier["filters"]["before"] == "2009-06-30"
    assert all(hit["date"][:10] <= "2009-06-30" for hit in earlier["hits"])
    assert len(client.get(url, params={"limit": 500}).json()["hits"]) <= 50


def test_bad_parameters_are_a_400_that_says_the_fix(client: TestClient) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"before": "junk"}, "before 'junk' is not a date: write it as 2009, 2009-06 or"
                             " 2009-06-12"),
        ({"after": "2009-02-30"}, "after '2009-02-30' is not a date: write it as 2009,"
                                  " 2009-06 or 2009-06-12"),
        ({"kind": "memo"}, "kind 'memo' is not a kind of document: ask for cable or article,"
                           " or leave it out for both"),
        ({"limit": "0"}, "limit=0 is too small: give limit=1 or more"),
        ({"limit": "ten"}, "limit='ten' is not a whole number: give limit=1 or more"),
    ]
    for params, message in cases:
        r = client.get("/api/documents/09BAMAKO387/related", params=params)
        assert r.status_code == 400, (params, r.text)
        assert r.json()["error"]["message"] == message
    missing = client.get("/api/documents/NOPE123/related")
    assert missing.status_code == 404


# -- the reasons, rendered generically ----------------------------------------------------------

def test_every_part_present_is_shown_by_name_rank_and_evidence() -> None:
    """Parts this page knows get their labels; another part (a future one) its own name, with
    its evidence when it has a list."""
    reasons = {
        "lexical": {"rank": 2, "score": 11.0, "terms": ["tessalit", "tsctp"]},
        "entities": {"rank": 1, "score": 9.5,
                     "shared": ["Amadou Toumani Touré", "AQIM", "Tessalit"]},
        "citations": {"rank": 2, "score": 0.5, "via": "09BAMAKO387", "relation": "cited by"},
        "meaning": {"rank": 3, "score": 0.8, "passages": [{"text": "AQIM in the north",
                                                           "paragraph": 4}]},
        "novelty": {"rank": 7, "score": 1.0},
    }
    shown = present_reasons(reasons)
    assert shown == [
        Reason("entities", "shares", 1, [Evidence("Amadou Toumani Touré"), Evidence("AQIM"),
                                         Evidence("Tessalit")]),
        Reason("lexical", "terms", 2, [Evidence("tessalit"), Evidence("tsctp")]),
        Reason("meaning", "close in meaning", 3, [Evidence("AQIM in the north")]),
        Reason("citations", "cited by", 2, [Evidence("09BAMAKO387", "/documents/09BAMAKO387")],
               " "),
        Reason("novelty", "novelty", 7, []),
    ]
    hits = templates.env.get_template("_background.html").module.background_hits(
        [{"hit": {"id": "X1", "title": "A <b>title</b>", "kind": "cable", "date": None,
                  "origin": None}, "reasons": shown}])
    html = str(hits)
    assert "A &lt;b&gt;title&lt;/b&gt;" in html
    assert '<a class="ref" href="/documents/09BAMAKO387">09BAMAKO387</a>' in html
    assert why(html, "X1") == (
        "Why: shares: Amadou Toumani Touré, AQIM, Tessalit (entities #1) · terms: tessalit,"
        " tsctp (lexical #2) · close in meaning: AQIM in the north (meaning #3) · cited by"
        " 09BAMAKO387 (citations #2) · novelty (#7)")
