"""Executors: where the pipeline's work runs. The pipeline hands an executor a function and a
stream of items (source files to parse, batches of documents for the stages) and takes the
results back in order; every write goes through the store's single writer, in the calling
process.

`LocalExecutor` runs a process pool on this machine. It forks when it is made, so make it before
opening a store: no worker inherits a database connection. A distributed engine implements the
same two methods.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
        """`fn` over `items`, results in the order of the items. `fn` must be a module-level
        function (it is sent to the workers by name)."""
        ...

    def close(self) -> None:
        ...


class LocalExecutor:
    """A pool of forked worker processes (none for one worker: then it runs in-process)."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool = (multiprocessing.get_context("fork").Pool(self.workers)
                      if self.workers > 1 else None)

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
        if self._pool is None:
            return map(fn, items)
        return self._pool.imap(fn, items, chunksize=chunksize)

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
