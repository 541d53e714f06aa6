"""Executors: where the pipeline's work runs.

    base.py   the `Executor` protocol every executor offers the pipeline
    local.py  `LocalExecutor`: a process pool on this machine (the default)
    ray.py    `RayExecutor`: a pool of Ray actors, on this machine or a cluster (the `ray`
              extra: pip install 'cablewire[ray]'); imported only when chosen

The pipeline hands an executor a function and a stream of items (source files to parse, batches
of documents for the stages) and takes the results back in order; every write goes through the
store's single writer, in the calling process, so the executor changes where work runs and
never what is stored.
"""

from __future__ import annotations

import importlib.util

from cablewire.errors import UsageError
from cablewire.executors.base import Executor, OnFailure
from cablewire.executors.local import LocalExecutor
from cablewire.settings import Settings

__all__ = ["EXECUTORS", "Executor", "LocalExecutor", "OnFailure", "make_executor"]

EXECUTORS = ("local", "ray")
RAY_HINT = "the Ray executor needs the ray extra: pip install 'cablewire[ray]'"


def make_executor(settings: Settings) -> Executor:
    """The executor `settings.executor` names, with `settings.workers` workers (0: one per
    core here, or per CPU of the Ray cluster)."""
    choice = settings.executor.lower()
    if choice not in EXECUTORS:
        raise UsageError(f"executor must be one of {', '.join(EXECUTORS)},"
                         f" not {settings.executor!r}")
    if choice == "local":
        if settings.ray_address:
            raise UsageError("an address is for the Ray executor: add --executor ray"
                             " (or drop --address)")
        return LocalExecutor(settings.workers)
    if importlib.util.find_spec("ray") is None:
        raise UsageError(RAY_HINT)
    from cablewire.executors.ray import RayExecutor

    return RayExecutor(settings.workers, settings.ray_address or None)
