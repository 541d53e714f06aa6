"""The web app and JSON API (`cablewire serve`): a thin layer over `cablewire.archive`."""

from __future__ import annotations

from cablewire.web.app import create_app

__all__ = ["create_app"]
