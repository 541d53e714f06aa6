"""The Ray executor on a real local Ray cluster (2 CPUs, started once per session): results in
order, failures per item, an actor killed while it holds a batch, a batch that kills every
worker it meets."""

from __future__ import annotations

import math
import os
import time
from typing import Any

import pytest

from cablewire.errors import StageError
from cablewire.stages import get

ray_executor = pytest.importorskip("cablewire.executors.ray")
RayExecutor = ray_executor.RayExecutor


def _failed(item: Any, reason: str) -> tuple[str, Any, str]:
    return ("failed", item, reason)


def test_results_come_back_in_order(ray_cluster: Any) -> None:
    with RayExecutor(2) as executor:
        out = list(executor.map(math.factorial, range(50), chunksize=3))
        assert out == [math.factorial(i) for i in range(50)]
        assert (executor.stats.chunks, executor.stats.items) == (17, 50)
        assert executor.stats.retried == 0
    assert ray_cluster.is_initialized()  # a Ray the caller started stays up


def test_an_item_that_raises_is_replaced_and_the_run_goes_on(ray_cluster: Any) -> None:
    with RayExecutor(2) as executor:
        out = list(executor.map(math.sqrt, [4, -1, 9], failed=_failed))
    assert out == [2.0, ("failed", -1, "ValueError: math domain error"), 3.0]


def test_a_cablewire_error_ends_the_run(ray_cluster: Any) -> None:
    with RayExecutor(1) as executor, pytest.raises(StageError, match="no stage named"):
        list(executor.map(get, ["no-such-stage"], failed=_failed))


def test_an_actor_killed_holding_a_batch_has_it_retried_on_another(ray_cluster: Any) -> None:
    with RayExecutor(2) as executor:
        out = []
        # Each batch sleeps 0.4 s in its actor: when the first result is back, both actors
        # are in the middle of one.
        for i, value in enumerate(executor.map(time.sleep, [0.2] * 12, chunksize=2)):
            out.append(value)
            if i == 0:
                [victim, *_] = executor.holding()
                ray_cluster.kill(victim)
        assert out == [None] * 12  # every item, once
        assert executor.stats.lost_actors == 1
        assert executor.stats.retried >= 1
        assert executor.stats.items == 12
        assert executor.holding() == []
        assert victim not in executor._pool.actors


def test_a_batch_that_kills_every_worker_fails_for_its_own_data(ray_cluster: Any) -> None:
    with RayExecutor(1) as executor:
        out = list(executor.map(os._exit, [3], failed=_failed))
        assert out == [("failed", 3, "the worker died 3 times on this batch")]
        assert (executor.stats.lost_actors, executor.stats.failed_chunks) == (3, 1)
        with pytest.raises(ray_executor.ExecutorError, match="killed 3 workers in a row"):
            list(executor.map(os._exit, [3]))
