"""What every request handler shares: the open archive, the optional write token, and a way to
run library calls off the event loop (the store gives each worker thread its own connection).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

    async def call(self, fn: Callable[[Archive], T]) -> T:
        """Run `fn(archive)` in a worker thread."""
        return await run_in_threadpool(fn, self.archive)

    def close(self) -> None:
        self.archive.close()


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state
