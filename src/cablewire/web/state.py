"""What every request handler shares: the open archive (behind one lock, since the store is one
SQLite connection), the optional write token, and a way to run library calls off the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from cablewire.archive import Archive
from cablewire.settings import Settings

T = TypeVar("T")


@dataclass
class WebState:
    settings: Settings
    archive: Archive
    token: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def call(self, fn: Callable[[Archive], T]) -> T:
        """Run `fn(archive)` in a worker thread, one call at a time."""

        def locked() -> T:
            with self.lock:
                return fn(self.archive)

        return await run_in_threadpool(locked)

    def close(self) -> None:
        with self.lock:
            self.archive.close()


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state
