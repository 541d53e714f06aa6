"""News articles (being written; registers no format yet)."""

from __future__ import annotations

from typing import Any

from cablewire.hookspecs import hookimpl


@hookimpl
def cablewire_formats() -> list[Any]:
    return []
