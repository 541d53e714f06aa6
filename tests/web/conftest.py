"""Fixtures for the web app: in-process clients over the session's sample archive, an archive
written to over HTTP (with a token), and a live server for the browser tests."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web app needs starlette: pip install -e .")
with warnings.catch_warnings():
    # Starlette's test client prefers httpx2 and warns when it finds only httpx; either works.
    warnings.simplefilter("ignore")
    try:
        from starlette.testclient import TestClient
    except RuntimeError as exc:  # neither httpx2 nor httpx
        pytest.skip(f"the web tests need a test client: pip install httpx2 ({exc})",
                    allow_module_level=True)

from tests.conftest import STORE_KINDS, archive_uri  # noqa: E402
from tests.web.support import (  # noqa: E402
    BBC_STORIES,
    SEED_ARTICLE,
    SEED_CABLE,
    TOKEN,
    LiveServer,
    hostile_cable,
)

from cablewire.settings import Settings  # noqa: E402
from cablewire.web import create_app  # noqa: E402


@pytest.fixture(scope="session")
def web_app(sample_archive: str) -> Iterator[Any]:
    app = create_app(Settings.resolve(env={}, db=sample_archive))
    yield app
    app.state.web.close()


@pytest.fixture(scope="session")
def client(web_app: Any) -> TestClient:
    return TestClient(web_app)


@pytest.fixture(scope="session")
def seed_article_id() -> str:
    import cablewire

    [article] = cablewire.parse_file(SEED_ARTICLE)
    assert article.id is not None
    return article.id


@pytest.fixture(scope="session", params=STORE_KINDS)
def write_client(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server with a token over a fresh archive holding only what the tests upload, on each
    store."""
    db = archive_uri(request.param, tmp_path_factory.mktemp("web-write"), request, "write")
    app = create_app(Settings.resolve(env={}, db=db), token=TOKEN)
    yield TestClient(app)
    app.state.web.close()


@pytest.fixture(scope="session")
def hostile_client(write_client: TestClient) -> TestClient:
    """`write_client` after the hostile cable was ingested over HTTP."""
    response = write_client.post("/api/documents", params={"name": "hostile.txt"},
                                 content=hostile_cable(),
                                 headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    assert response.json()["ids"] == ["09BAMAKO999"]
    return write_client


@pytest.fixture(scope="session")
def live_server(web_app: Any) -> Iterator[LiveServer]:
    server = LiveServer(web_app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def enriched_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The seed pair ingested with the enrichment stage (needs the NLP extra)."""
    pytest.importorskip("spacy", reason="the enrichment stage needs the NLP extra:"
                                        " pip install -e '.[nlp]'")
    from cablewire.pipeline import ingest

    db = str(tmp_path_factory.mktemp("web-enriched") / "enriched.db")
    settings = Settings.resolve(env={}, db=db, workers=1, enrich="yes")
    ingest([SEED_CABLE.parent], settings)
    app = create_app(settings)
    yield app
    app.state.web.close()


@pytest.fixture(scope="session")
def enriched(enriched_app: Any) -> TestClient:
    return TestClient(enriched_app)


@pytest.fixture(scope="session")
def enriched_server(enriched_app: Any) -> Iterator[LiveServer]:
    server = LiveServer(enriched_app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def linked_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The seed pair and eleven BBC stories, enriched: enough documents that the names the seed
    pair shares carry weight in the blend (a name in most of an archive's documents counts for
    nothing), so the `entities` part ranks and shows them."""
    pytest.importorskip("spacy", reason="the enrichment stage needs the NLP extra:"
                                        " pip install -e '.[nlp]'")
    from cablewire.pipeline import ingest

    db = str(tmp_path_factory.mktemp("web-linked") / "linked.db")
    settings = Settings.resolve(env={}, db=db, workers=1, enrich="yes")
    ingest([str(SEED_CABLE.parent), *map(str, BBC_STORIES)], settings)
    app = create_app(settings)
    yield app
    app.state.web.close()


@pytest.fixture(scope="session")
def linked(linked_app: Any) -> TestClient:
    return TestClient(linked_app)
