"""The linking blend's options as the web takes them (query parameters or form fields), for the
routes that answer with the documents behind a document (`Archive.background`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cablewire.web.operations import Param
from cablewire.web.views.search import whole_number

BACKGROUND_LIMIT = 10
MAX_HITS = 50


def background_params(default_limit: int) -> tuple[Param, ...]:
    """The query parameters of the blend, for the routes that answer with it."""
    return (
        Param("kind", "Only documents of this kind (default: both)",
              {"type": "string", "enum": ["cable", "article"]}),
        Param("before", "Only documents on or before this day, month or year (2009-06-12,"
                        " 2009-06, 2009); an article's background ends at its date by default",
              {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"},
              example="2009-12"),
        Param("after", "Only documents on or after this day, month or year",
              {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"}),
        Param("limit", f"How many (at most {MAX_HITS})",
              {"type": "integer", "default": default_limit, "minimum": 1}),
    )


@dataclass(frozen=True)
class BackgroundParams:
    """The blend's options as a request gives them (query or form fields); the archive checks
    the dates and the kind, and says the fix."""

    kind: str | None
    before: str | None
    after: str | None
    limit: int

    @classmethod
    def read(cls, get: Callable[[str], str | None],
             default_limit: int = BACKGROUND_LIMIT) -> BackgroundParams:
        limit = whole_number(get("limit"), "limit", default_limit, minimum=1)
        return cls(get("kind") or None, (get("before") or "").strip() or None,
                   (get("after") or "").strip() or None, min(MAX_HITS, limit))
