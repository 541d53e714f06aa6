"""The cable page and the API of a cable with two revisions: the full text and a copy of its
first 300 bytes. The page shows the full text and says so, and why; every revision is listed
with its completeness and its original."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cablewire.settings import Settings
from cablewire.web import create_app

CABLE = Path(__file__).resolve().parents[1] / "fixtures" / "cable" / "raw-telegram-09BAMAKO387.txt"


@pytest.fixture(scope="module")
def two_revisions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from cablewire.pipeline import ingest

    folder = tmp_path_factory.mktemp("two-revisions")
    (folder / "full").mkdir()
    (folder / "cut").mkdir()
    (folder / "full" / "bamako-387.txt").write_bytes(CABLE.read_bytes())
    (folder / "cut" / "bamako-387-cut.txt").write_bytes(CABLE.read_bytes()[:300])
    settings = Settings.resolve(env={}, db=str(folder / "a.db"), workers=1, enrich="no")
    ingest([str(folder / "full")], settings)
    ingest([str(folder / "cut")], settings)
    app: Any = create_app(settings)
    yield TestClient(app)
    app.state.web.close()


def _text(page: str) -> str:
    """The page's text, tags dropped and whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_page_shows_the_full_text_and_says_why(two_revisions: TestClient) -> None:
    page = two_revisions.get("/documents/09BAMAKO387")
    assert page.status_code == 200
    text = _text(page.text)
    assert "AQIM are not choir boys" in text
    assert ("Revision 1 of 2 is shown: the most complete: 9,755 characters of text in 10"
            " paragraphs; revision 2 is newer but much less complete. Every revision") in text
    assert 'class="revision-note" role="note"' in page.text
    assert 'href="#revisions-h"' in page.text and 'id="revisions-h"' in page.text


def test_the_page_lists_every_revision_with_its_completeness(two_revisions: TestClient) -> None:
    page = two_revisions.get("/documents/09BAMAKO387").text
    items = re.findall(r'(<li class="revision[^"]*"[^>]*>)(.*?)</li>', page, re.S)
    assert [tag for tag, _inner in items] == [
        '<li class="revision revision-current" aria-current="true">', '<li class="revision">']
    shown, cut = (_text(inner) for _tag, inner in items)
    assert shown.startswith("revision 1 shown ingested ")
    assert "9,755 characters of text in 10 paragraphs" in shown and "Not shown" not in shown
    assert "bamako-387.txt" in shown
    assert cut.startswith("revision 2 ingested ")
    assert ("37 characters of text in no paragraphs (empty body) Not shown: much less complete"
            " than revision 1: 37 characters of text in no paragraphs (empty body), against"
            " 9,755 characters of text in 10 paragraphs.") in cut
    assert "bamako-387-cut.txt" in cut
    assert 'href="/documents/09BAMAKO387/original?revision=2"' in page
    original = two_revisions.get("/api/documents/09BAMAKO387/original", params={"revision": 2})
    assert original.content == CABLE.read_bytes()[:300]
    assert two_revisions.get("/api/documents/09BAMAKO387/original").content == CABLE.read_bytes()


def test_the_api_document_carries_the_current_revision(two_revisions: TestClient) -> None:
    data = two_revisions.get("/api/documents/09BAMAKO387").json()
    assert data["current"]["revision"] == 1 and data["current"]["of"] == 2
    assert data["current"]["rule"] == "most_complete"
    assert data["current"]["passed_over"][0]["revision"] == 2
    assert [(r["revision"], r["current"]) for r in data["revisions"]] == [(1, True), (2, False)]
    assert "choir boys" in data["document"]["body"]


def test_the_search_page_finds_the_full_text(two_revisions: TestClient) -> None:
    found = two_revisions.get("/api/search", params={"q": '"choir boys"'}).json()
    assert [hit["id"] for hit in found["hits"]] == ["09BAMAKO387"]


def test_one_revision_gets_no_note(client: TestClient) -> None:
    page = client.get("/documents/09BAMAKO387").text
    assert "revision-note" not in page and 'id="revisions-h"' not in page
    assert client.get("/api/documents/09BAMAKO387").json()["current"] == {
        "revision": 1, "of": 1, "rule": "only", "reason": "the only revision",
        "passed_over": []}
