"""The local executor: results in order, an item that raises replaced when asked, and a
cablewire error that ends the run, in-process and on a forked pool."""

from __future__ import annotations

import math

import pytest

from cablewire.errors import StageError, UsageError
from cablewire.executors import LocalExecutor, make_executor
from cablewire.settings import Settings
from cablewire.stages import get


def _failed(item: float, reason: str) -> tuple[str, float, str]:
    return ("failed", item, reason)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_that_raises_is_replaced_and_the_run_goes_on(workers: int) -> None:
    with LocalExecutor(workers) as executor:
        out = list(executor.map(math.sqrt, [4, -1, 9], failed=_failed))
    assert out == [2.0, ("failed", -1, "ValueError: math domain error"), 3.0]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_cablewire_error_ends_the_run(workers: int) -> None:
    with LocalExecutor(workers) as executor, pytest.raises(StageError, match="no stage named"):
        list(executor.map(get, ["no-such-stage"], failed=_failed))


def test_the_executor_setting_chooses_and_checks() -> None:
    executor = make_executor(Settings.resolve(env={}, workers=1))
    assert isinstance(executor, LocalExecutor) and executor.workers == 1
    with pytest.raises(UsageError, match="executor must be one of local, ray"):
        make_executor(Settings.resolve(env={}, executor="spark"))
    with pytest.raises(UsageError, match="add --executor ray"):
        make_executor(Settings.resolve(env={}, ray_address="auto"))
