"""`RayExecutor`: the pipeline's items on a pool of Ray actors (the `ray` extra).

Each actor is a long-lived worker process: a stage's model loads once per actor (the stages
cache it per process) and serves every batch that actor gets. Items go out in chunks, at most
`IN_FLIGHT` per actor so the next one is waiting when a chunk ends; results come back in the
order of the items, to the caller, which writes them through the store's single writer.

Faults:

- an actor that dies holding a chunk (killed, its node lost, out of memory) is replaced, and
  the chunk goes to a live actor; a chunk that has killed `ATTEMPTS` actors is its own data's
  fault, and its items get `failed(item, reason)` (without `failed`, an `ExecutorError`);
- an item whose work raises an ordinary exception gets `failed(item, reason)`; a
  `CablewireError` (a missing model, an unknown stage) stops the run, as it does locally.

Nothing is stored twice: a retried chunk's results replace those it never returned, and the
caller gets each item's result once.

Without an address, Ray starts on this machine for the run (and stops after); `auto` or
HOST:PORT joins a running cluster, whose nodes must have cablewire (and the extras the stages
need) installed. A Ray already started by the caller (`ray.init`) is used as it is.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from types import TracebackType
from typing import Any, TypeVar

import ray
from ray.exceptions import RayActorError, RayTaskError

from cablewire.errors import CablewireError
from cablewire.executors.base import OnFailure, Raised, ends_the_run, reason_of

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 2
"""Chunks sent to each actor ahead of its results."""
ATTEMPTS = 3
"""Actors a chunk may lose before it counts as failing for its own data."""


class ExecutorError(CablewireError):
    """The executor cannot finish the work (a chunk kept killing its workers)."""


class _Worker:
    """One actor: runs `fn` over a chunk, with the time it spent (Ray's overhead is the rest)."""

    def run(self, fn: Callable[[Any], Any], chunk: list[Any], guard: bool
            ) -> tuple[list[Any], float]:
        started = time.perf_counter()
        out: list[Any] = []
        for item in chunk:
            if not guard:
                out.append(fn(item))
                continue
            try:
                out.append(fn(item))
            except Exception as exc:
                if ends_the_run(exc):
                    raise
                out.append(Raised(item, reason_of(exc)))
        return out, time.perf_counter() - started

    def pid(self) -> int:
        return os.getpid()


_RemoteWorker = ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)(_Worker)


@dataclass
class RayStats:
    """What a `RayExecutor` did: chunks, the time they took inside the actors and end to end
    (submission to result), actors lost and chunks retried."""

    chunks: int = 0
    items: int = 0
    inside: float = 0.0
    round_trip: float = 0.0
    retried: int = 0
    lost_actors: int = 0
    failed_chunks: int = 0

    @property
    def overhead_per_chunk(self) -> float:
        """Mean seconds per chunk outside `fn`: serialising, sending, queueing, returning."""
        return (self.round_trip - self.inside) / self.chunks if self.chunks else 0.0


@dataclass
class _Chunk:
    index: int
    items: list[Any]
    attempts: int = 0
    actor: int = -1
    handle: Any = None
    sent: float = 0.0


@dataclass
class _Pool:
    """The actors, by slot; a dead actor's slot gets a new one."""

    actors: list[Any] = field(default_factory=list)
    load: list[int] = field(default_factory=list)


class RayExecutor:
    """A pool of `workers` Ray actors (0: one per CPU of the cluster)."""

    def __init__(self, workers: int = 0, address: str | None = None) -> None:
        self._owns_ray = not ray.is_initialized()
        if self._owns_ray:
            # No usage reports, no dashboard: a run reaches no network but the cluster's.
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "configure_logging": False}
            if address:
                options["address"] = address
            elif workers:
                options["num_cpus"] = workers
            ray.init(**options)
        cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
        self.workers = max(1, workers or cpus)
        self.stats = RayStats()
        self._pool = _Pool([_RemoteWorker.remote() for _ in range(self.workers)],
                           [0] * self.workers)

    def holding(self) -> list[Any]:
        """The actors that hold at least one chunk now (sent, its result not yet taken)."""
        return [a for a, n in zip(self._pool.actors, self._pool.load, strict=True) if n]

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int = 1,
            failed: OnFailure[T, R] | None = None) -> Iterator[R]:
        guard = failed is not None
        source = iter(items)
        pending: dict[Any, _Chunk] = {}
        ready: dict[int, list[Any]] = {}
        sent = given = 0
        exhausted = False
        while True:
            while not exhausted and len(pending) < IN_FLIGHT * self.workers:
                items_now = list(islice(source, max(1, chunksize)))
                if not items_now:
                    exhausted = True
                    break
                chunk = _Chunk(sent, items_now)
                sent += 1
                pending[self._send(fn, chunk, guard)] = chunk
            if not pending:
                break
            [ref], _ = ray.wait(list(pending), num_returns=1)
            chunk = pending.pop(ref)
            self._pool.load[chunk.actor] -= 1
            try:
                values, inside = ray.get(ref)
            except RayActorError as exc:
                retry = self._lost(chunk, exc)
                if retry:
                    pending[self._send(fn, chunk, guard)] = chunk
                    continue
                if failed is None:
                    raise ExecutorError(
                        f"a batch of {len(chunk.items)} items killed {chunk.attempts} workers"
                        f" in a row ({exc}); the items' data is the likely cause") from None
                reason = f"the worker died {chunk.attempts} times on this batch"
                values, inside = [Raised(item, reason) for item in chunk.items], 0.0
            except RayTaskError as exc:
                cause = exc.cause
                if isinstance(cause, BaseException):
                    raise cause from None
                raise
            self.stats.chunks += 1
            self.stats.items += len(chunk.items)
            self.stats.inside += inside
            self.stats.round_trip += time.perf_counter() - chunk.sent
            ready[chunk.index] = values
            while given in ready:
                for value in ready.pop(given):
                    if isinstance(value, Raised):
                        assert failed is not None
                        yield failed(value.item, value.reason)
                    else:
                        yield value
                given += 1

    def _send(self, fn: Callable[[Any], Any], chunk: _Chunk, guard: bool) -> Any:
        """Send `chunk` to the least loaded actor; its result's reference."""
        pool = self._pool
        slot = min(range(len(pool.actors)), key=lambda i: pool.load[i])
        pool.load[slot] += 1
        chunk.actor = slot
        chunk.handle = pool.actors[slot]
        chunk.sent = time.perf_counter()
        return pool.actors[slot].run.remote(fn, chunk.items, guard)

    def _lost(self, chunk: _Chunk, exc: RayActorError) -> bool:
        """The actor that held `chunk` died: replace it (once per death) and say whether the
        chunk goes out again."""
        pool = self._pool
        if pool.actors[chunk.actor] is chunk.handle:  # not replaced yet
            logger.warning("a Ray worker died holding a batch: %s", exc)
            pool.actors[chunk.actor] = _RemoteWorker.remote()
            self.stats.lost_actors += 1
        chunk.attempts += 1
        if chunk.attempts < ATTEMPTS:
            self.stats.retried += 1
            return True
        self.stats.failed_chunks += 1
        return False

    def close(self) -> None:
        for actor in self._pool.actors:
            ray.kill(actor)
        self._pool = _Pool()
        if self._owns_ray and ray.is_initialized():
            ray.shutdown()
            self._owns_ray = False

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
