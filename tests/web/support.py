"""What the web tests share besides fixtures: the seed paths, the write token, a hostile
document, and a live server for the browser."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEED_CABLE = ROOT / "examples" / "seeds" / "000_8f450616689684b3.txt"
SEED_ARTICLE = ROOT / "examples" / "seeds" / "004_5010c02e115974d5.txt"
BBC_STORIES = sorted((ROOT / "tests" / "fixtures" / "news" / "bbc").glob("*.txt"))
TOKEN = "s3cret-test-token"


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
