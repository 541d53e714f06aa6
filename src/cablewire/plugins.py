"""Loads plugins: the built-in formats and stages first, then third-party entry points, once,
on demand."""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache

import pluggy

from cablewire import hookspecs
from cablewire.formats.base import Format

logger = logging.getLogger(__name__)

DEFAULT_PLUGINS = (
    "cablewire.formats.cable.reader",
    "cablewire.formats.news.reader",
    "cablewire.enrich.stages",
)


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager with built-ins and installed entry points registered."""
    pm = pluggy.PluginManager("cablewire")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("cablewire")
    return pm


def formats() -> list[Format]:
    """Every registered format, built-ins first."""
    found: list[Format] = []
    for batch in reversed(plugin_manager().hook.cablewire_formats()):
        found.extend(batch)
    return found
