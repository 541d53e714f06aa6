"""The executor seam: what every executor offers the pipeline, and the rule it shares for a
failure in the work itself.

The pipeline hands an executor a function and a stream of items (source files to parse, batches
of documents for the stages) and takes the results back in the order of the items; every write
goes through the store's single writer, in the calling process. An item whose work raises is
either the end of the run (no `failed` given, or a `CablewireError`: the setup is wrong, every
item would fail the same way) or, with `failed`, replaced by `failed(item, reason)` and the run
goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from cablewire.errors import CablewireError

T = TypeVar("T")
R = TypeVar("R")

OnFailure = Callable[[T, str], R]
"""Given an item whose work raised and the reason, the result that stands in for it."""


class Executor(Protocol):
    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1,
            failed: OnFailure[T, R] | None = None) -> Iterator[R]:
        """`fn` over `items`, results in the order of the items. `fn` must be a module-level
        function (it is sent to the workers by name)."""
        ...

    def close(self) -> None:
        ...


def reason_of(exc: BaseException) -> str:
    """What is recorded for an item whose work raised `exc`."""
    return f"{type(exc).__name__}: {exc}"


def ends_the_run(exc: BaseException) -> bool:
    """Whether `exc` stops the run rather than failing one item: a cablewire error (a missing
    model, an unknown stage) would fail every item the same way."""
    return isinstance(exc, CablewireError) or not isinstance(exc, Exception)


@dataclass(frozen=True)
class Raised:
    """What a guarded worker returns for an item whose work raised (the item travels back, so
    the caller can stand a result in for it)."""

    item: Any
    reason: str


@dataclass(frozen=True)
class Guarded:
    """`fn` run so that an ordinary exception comes back as `Raised` (picklable when `fn` is a
    module-level function)."""

    fn: Callable[[Any], Any]

    def __call__(self, item: Any) -> Any:
        try:
            return self.fn(item)
        except Exception as exc:
            if ends_the_run(exc):
                raise
            return Raised(item, reason_of(exc))
