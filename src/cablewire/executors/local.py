"""`LocalExecutor`: a process pool on this machine, the default.

It forks when it is made, so make it before opening a store: no worker inherits a database
connection.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

from cablewire.executors.base import Guarded, OnFailure, Raised

T = TypeVar("T")
R = TypeVar("R")


class LocalExecutor:
    """A pool of forked worker processes (none for one worker: then it runs in-process)."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool = (multiprocessing.get_context("fork").Pool(self.workers)
                      if self.workers > 1 else None)

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1,
            failed: OnFailure[T, R] | None = None) -> Iterator[R]:
        if failed is None:
            if self._pool is None:
                return map(fn, items)
            return self._pool.imap(fn, items, chunksize=chunksize)
        guarded = Guarded(fn)
        results: Iterator[Any] = (map(guarded, items) if self._pool is None
                                  else self._pool.imap(guarded, items, chunksize=chunksize))
        return (failed(r.item, r.reason) if isinstance(r, Raised) else r for r in results)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
