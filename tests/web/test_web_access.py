"""A private archive: with a read token every page and API call needs it (or the write token),
sent as a bearer token or as a browser's Basic password; the bundled assets stay open."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from cablewire.settings import Settings
from cablewire.web import create_app

READ = "private-read-token"
WRITE = "private-write-token"


@pytest.fixture(scope="module")
def private(sample_archive: str) -> Iterator[TestClient]:
    app: Any = create_app(Settings.resolve(env={}, db=sample_archive), token=WRITE,
                          read_token=READ)
    yield TestClient(app)
    app.state.web.close()


def _basic(password: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"me:{password}".encode()).decode()}


def test_a_private_archive_needs_its_read_token(private: TestClient) -> None:
    refused = private.get("/api/search", params={"q": "AQIM"})
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"].startswith('Basic realm="cablewire"')
    assert refused.json()["error"]["type"] == "Unauthorized"
    page = private.get("/search", params={"q": "AQIM"}, headers={"accept": "text/html"})
    assert page.status_code == 401 and "this archive is private" in page.text
    assert private.get("/api/search", params={"q": "AQIM"},
                       headers={"authorization": "Bearer nope"}).status_code == 401
    assert private.get("/api/stats", headers=_basic("nope")).status_code == 401
    for headers in ({"authorization": f"Bearer {READ}"}, _basic(READ),
                    {"authorization": f"Bearer {WRITE}"}):
        found = private.get("/api/search", params={"q": "AQIM tag:PTER"}, headers=headers)
        assert found.status_code == 200 and found.json()["total"] > 0
    assert private.get("/static/style.css").status_code == 200  # no token asked


def test_the_read_token_does_not_write(private: TestClient) -> None:
    response = private.post("/api/documents", params={"name": "x.txt"}, content=b"text",
                            headers={"authorization": f"Bearer {READ}"})
    assert response.status_code == 401
    assert "needs the server's token" in response.json()["error"]["message"]
