"""Fixtures for the web app: in-process clients over the session's sample archive, an archive
written to over HTTP (with a token), and a live server for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from cablewire.settings import Settings  # noqa: E402
from cablewire.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEED_CABLE = ROOT / "examples" / "seeds" / "000_8f450616689684b3.txt"
SEED_ARTICLE = ROOT / "examples" / "seeds" / "004_5010c02e115974d5.txt"
TOKEN = "s3cret-test-token"


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


def hostile_cable() -> bytes:
    """The seed cable under another id, with markup and script in its subject and body."""
    text = SEED_CABLE.read_text("utf-8")
    text = (text.replace("09BAMAKO387", "09BAMAKO999").replace("BAMAKO 000387", "BAMAKO 000999")
            .replace("#0387/01", "#0999/01"))
    text = text.replace("PRESIDENT TOURE READY TO TARGET AQIM, WITH HELP",
                        "ZANZIBARIAN <SCRIPT>ALERT(1)</SCRIPT> PLOT")
    text = text.replace(
        "1.(C) Summary: Ambassador",
        "1.(C) Summary: zanzibarian <script>alert('xss')</script> <img src=x onerror=alert(2)>"
        ' <b>bold</b> &amp; <a href="javascript:alert(3)">link</a> Ambassador', 1)
    return text.encode("utf-8")


@pytest.fixture(scope="session")
def write_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server with a token over a fresh archive holding only what the tests upload."""
    db = str(tmp_path_factory.mktemp("web-write") / "write.db")
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


class LiveServer:
    """uvicorn on 127.0.0.1 and a free port, in a thread, for a real browser."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_app: Any) -> Iterator[LiveServer]:
    server = LiveServer(web_app)
    server.start()
    yield server
    server.stop()
