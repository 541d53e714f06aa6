"""A test plugin the Ray workers load at start (ray.init's worker_process_setup_hook): a slow
stage, so a batch is still running when a test kills its actor, and a stage that kills its
worker on one document. The driver registers it only for the tests that use it."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from cablewire.hookspecs import hookimpl
from cablewire.stages import Stage

DEADLY = "09BAMAKO387"
"""The document the crash stage dies on (the seed cable)."""


def run_slow(doc: dict[str, Any], needs: dict[str, Any]) -> dict[str, Any]:
    time.sleep(0.05)
    return {"words": len((doc.get("body") or "").split())}


def run_crash(doc: dict[str, Any], needs: dict[str, Any]) -> dict[str, Any]:
    if doc["id"] == DEADLY:
        os._exit(3)  # the worker process dies, as on a segfault or the OOM killer
    return {"ok": True}


SLOW = Stage("slow", "1", run_slow, description="counts words, slowly")
CRASH = Stage("crash", "1", run_crash, description="kills its worker on the seed cable")


@hookimpl
def cablewire_stages() -> list[Stage]:
    return [SLOW, CRASH]


def register() -> None:
    """Register this plugin in this process (each Ray worker runs it when it starts)."""
    from cablewire.plugins import plugin_manager

    pm = plugin_manager()
    if not pm.is_registered(sys.modules[__name__]):
        pm.register(sys.modules[__name__], name="tests-executors")
