"""Plugin hooks. A plugin is a module or object with functions named like these, marked with
`cablewire.hookimpl`, registered through the `cablewire` entry point group."""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("cablewire")
hookimpl = pluggy.HookimplMarker("cablewire")


@hookspec
def cablewire_formats() -> list[Any]:
    """Return the document formats (objects following `cablewire.formats.base.Format`) this
    plugin provides."""
    raise NotImplementedError


@hookspec
def cablewire_stages() -> list[Any]:
    """Return the stages (`cablewire.stages.Stage`) this plugin provides."""
    raise NotImplementedError
