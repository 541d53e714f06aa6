"""Trust: the error envelope, the security headers, document text kept inert, and writes only
with the token."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient
from tests.web.support import TOKEN, hostile_cable

from cablewire.settings import Settings
from cablewire.web import create_app
from cablewire.web.app import CONTENT_SECURITY_POLICY

# -- the error envelope, pinned -------------------------------------------------------------------


def test_error_envelope_is_pinned(client: TestClient) -> None:
    r = client.get("/api/documents/NOSUCHCABLE")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    assert r.json() == {"error": {
        "status": 404,
        "type": "NotFound",
        "message": "no document 'NOSUCHCABLE' in this archive: check the id, or search for it"
                   " with `cablewire search 'id:NOSUCHCABLE'`",
    }}


def test_errors_on_pages_are_html_with_the_same_message(client: TestClient) -> None:
    r = client.get("/documents/NOSUCHCABLE")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no document &#39;NOSUCHCABLE&#39; in this archive" in r.text
    assert "404 NotFound" in r.text


def test_unknown_paths_get_the_envelope(client: TestClient) -> None:
    api = client.get("/api/nothing-here")
    assert api.status_code == 404
    assert api.json()["error"] == {"status": 404, "type": "NotFound", "message":
                                   "nothing at /api/nothing-here: see /api for what this server"
                                   " answers"}
    page = client.get("/nothing-here", headers={"accept": "text/html"})
    assert page.status_code == 404 and "nothing at /nothing-here" in page.text
    asked = client.get("/nothing-here", headers={"accept": "application/json"})
    assert asked.json()["error"]["status"] == 404


def test_method_not_allowed(client: TestClient) -> None:
    r = client.post("/api/search")
    assert r.status_code == 405 and r.json()["error"]["type"] == "MethodNotAllowed"


def test_unexpected_errors_are_a_500_envelope_without_internals(
        sample_archive: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(Settings.resolve(env={}, db=sample_archive))
    try:
        def broken(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("secret internals")

        monkeypatch.setattr(app.state.web.archive, "stats", broken)
        client = TestClient(app)
        r = client.get("/api/stats")
        assert r.status_code == 500
        assert r.json()["error"]["type"] == "InternalError"
        assert "secret" not in r.text
        assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        page = client.get("/stats")
        assert page.status_code == 500 and "secret" not in page.text
    finally:
        app.state.web.close()


# -- headers --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/search?q=AQIM", "/documents/09BAMAKO387",
                                  "/api/search?q=AQIM", "/api/openapi.json", "/static/style.css",
                                  "/api/documents/NOPE", "/nothing", "/api/export.csv?q=AQIM"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


# -- document text is data ------------------------------------------------------------------------

class _Tags(HTMLParser):
    """Every element and attribute a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_inert(page: str) -> None:
    """No script, image or frame element, no event handler, no javascript: address."""
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "img", "iframe", "object", "embed"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
        if tag == "b":
            assert not attrs


def test_markup_in_a_document_is_shown_as_text(hostile_client: TestClient) -> None:
    page = hostile_client.get("/documents/09BAMAKO999")
    assert page.status_code == 200
    _assert_inert(page.text)
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page.text
    assert "&lt;img src=x onerror=alert(2)&gt;" in page.text
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;amp;" in page.text
    assert "Zanzibarian &lt;Script&gt;Alert(1)&lt;/Script&gt; Plot" in page.text


def test_markup_in_snippets_and_titles_is_inert(hostile_client: TestClient) -> None:
    page = hostile_client.get("/search", params={"q": "zanzibarian"})
    assert page.status_code == 200
    _assert_inert(page.text)
    assert "<b>ZANZIBARIAN</b> &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;" in page.text
    data = hostile_client.get("/api/search", params={"q": "zanzibarian"}).json()
    assert "<SCRIPT>ALERT(1)</SCRIPT>" in data["hits"][0]["snippet"]["text"]  # JSON: plain text
    for path in ("/documents/09BAMAKO999/original", "/stats", "/search?q=%3Cscript%3E"):
        _assert_inert(hostile_client.get(path).text)


def test_pasted_markup_is_shown_as_text(client: TestClient) -> None:
    """The background form echoes what was pasted and shows what was read from it: inert."""
    r = client.post("/background", data={"text": hostile_cable().decode("utf-8"), "limit": "3"})
    assert r.status_code == 200, r.text
    _assert_inert(r.text)
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in r.text  # the text, echoed
    assert "“Zanzibarian &lt;Script&gt;Alert(1)&lt;/Script&gt; Plot”" in r.text  # its title
    assert 'href="/documents/09BAMAKO387"' in r.text  # the cable it was made from
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "form-action 'self'" in CONTENT_SECURITY_POLICY  # the form posts only here
    sent = client.post("/background", files={"file": ("<b>x</b>.html", b"<script>x</script>")})
    _assert_inert(sent.text)


def test_the_original_is_served_as_plain_text(hostile_client: TestClient) -> None:
    raw = hostile_client.get("/api/documents/09BAMAKO999/original")
    assert raw.content == hostile_cable()
    assert raw.headers["content-type"] == "text/plain; charset=utf-8"
    assert raw.headers["x-content-type-options"] == "nosniff"


def test_snippet_html_escapes_the_text_and_bolds_only_the_ranges() -> None:
    from cablewire.web.rendering import snippet_html

    assert snippet_html({"text": "a AQIM <script>", "highlights": [(2, 6)]}) == (
        "a <b>AQIM</b> &lt;script&gt;")
    assert snippet_html({"text": "<b>y</b> &amp;", "highlights": [(0, 8)]}) == (
        "<b>&lt;b&gt;y&lt;/b&gt;</b> &amp;amp;")
    # Ranges out of order, overlapping or past the end are skipped, not trusted.
    assert snippet_html({"text": "abc", "highlights": [(1, 2), (0, 3), (2, 9)]}) == "a<b>b</b>c"


# -- read-only unless a token ---------------------------------------------------------------------

def test_read_only_without_a_token(client: TestClient) -> None:
    r = client.post("/api/documents", content=hostile_cable())
    assert r.status_code in (404, 405)
    assert client.get("/api/documents/09BAMAKO999").status_code == 404


def test_writes_need_the_token(write_client: TestClient) -> None:
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN}):
        r = write_client.post("/api/documents", content=b"x", headers=headers)
        assert r.status_code == 401
        assert r.json()["error"]["type"] == "Unauthorized"
        assert "Authorization: Bearer TOKEN" in r.json()["error"]["message"]


def test_ingest_over_http_reports_unreadable_files(write_client: TestClient) -> None:
    r = write_client.post("/api/documents", params={"name": "noise.bin"},
                          content=bytes(range(256)) * 4,
                          headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    assert r.json()["error"] and r.json()["failed"] == 1
    assert any(f["source"] == "http-upload/noise.bin"
               for f in write_client.get("/api/errors").json())
    spec = write_client.get("/api/openapi.json").json()
    assert "post" in spec["paths"]["/api/documents"]
