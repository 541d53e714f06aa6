"""The search page and `/api/search`: one handler, two renderings of `Archive.search`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cablewire.errors import UsageError
from cablewire.export import FORMATS as EXPORT_FORMATS
from cablewire.index.search import SORTS
from cablewire.model.jargon import tag_label
from cablewire.results import FacetName, Facets, SearchResult
from cablewire.web.operations import Param, operation
from cablewire.web.rendering import json_response, render, search_url
from cablewire.web.state import state_of

PAGE_SIZE = 20
MAX_LIMIT = 200
FACET_LABELS: dict[FacetName, str] = {
    "kind": "Kind", "year": "Year", "classification": "Classification", "origin": "Origin",
    "tag": "Tag"}
SORT_LABELS = {"relevance": "Relevance", "-date": "Newest first", "date": "Oldest first"}

Q = Param("q", "A query in the query language: words, \"phrases\", AND/OR/NOT, -word, (groups),"
               " prefix*, and the filters id: kind: origin: classification: tag: from: to:"
               " year: cites: cited-by: entity: place: similar:. Empty: every document.",
          {"type": "string"}, example="AQIM tag:PTER")
SORT = Param("sort", "relevance (default), date (oldest first) or -date (newest first)",
             {"type": "string", "enum": list(SORTS)})
LIMIT = Param("limit", f"Hits a page (at most {MAX_LIMIT})",
              {"type": "integer", "default": PAGE_SIZE, "minimum": 1})
OFFSET = Param("offset", "Hits to skip", {"type": "integer", "default": 0, "minimum": 0})
MODE = Param("mode", "words (default): match the query's words; semantic: rank by their"
                     " meaning (passage vectors, any of about 100 languages), the field"
                     " filters still applying", {"type": "string", "enum": ["words", "semantic"]})
MODES = ("words", "semantic")


@dataclass(frozen=True)
class SearchParams:
    query: str
    limit: int
    offset: int
    sort: str
    mode: str = "words"

    @property
    def semantic(self) -> bool:
        return self.mode == "semantic"

    @classmethod
    def from_request(cls, request: Request, max_limit: int = MAX_LIMIT) -> SearchParams:
        params = request.query_params
        query = params.get("q", "").strip()
        limit = whole_number(params.get("limit"), "limit", PAGE_SIZE, minimum=1)
        offset = whole_number(params.get("offset"), "offset", 0)
        if limit > max_limit:
            raise UsageError(f"limit={limit} is too many: ask for {max_limit} or fewer a page,"
                             f" or use /api/export.jsonl for the whole result set")
        sort = params.get("sort") or "relevance"
        if sort not in SORTS:
            raise UsageError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        mode = params.get("mode") or "words"
        if mode not in MODES:
            raise UsageError(f"mode must be words or semantic, not {mode!r}")
        return cls(query, limit, offset, sort, mode)


def whole_number(raw: str | None, name: str, default: int, minimum: int = 0) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(
            f"{name}={raw!r} is not a whole number: give {name}={minimum} or more") from None
    if value < minimum:
        raise UsageError(f"{name}={value} is too small: give {name}={minimum} or more")
    return value


async def load(request: Request) -> tuple[SearchParams, SearchResult]:
    params = SearchParams.from_request(request)
    result = await state_of(request).call(
        lambda archive: archive.search(params.query, limit=params.limit, offset=params.offset,
                                       sort=params.sort, semantic=params.semantic))
    return params, result


@operation("Search the archive", "Hits with snippets (plain text and the character ranges of"
           " the matched words) and facet counts over the whole result set. The data of the"
           " search page.", tag="search", answer="A page of hits and the facets",
           params=(Q, LIMIT, OFFSET, SORT, MODE), returns=SearchResult)
async def search_json(request: Request) -> Response:
    _params, result = await load(request)
    return json_response(result)


async def search_html(request: Request) -> Response:
    try:
        params, result = await load(request)
    except UsageError as exc:
        # A malformed query: the search page again, with the message where the query is.
        query = request.query_params.get("q", "").strip()
        mode = request.query_params.get("mode", "words")
        params = SearchParams(query, PAGE_SIZE, 0, "relevance",
                              mode if mode in MODES else "words")
        return render(request, "search.html", {
            "title": "Query error", "params": params, "sorts": SORT_LABELS, "error": str(exc),
        }, status_code=exc.status)
    return render(request, "search.html", {
        "title": f"{params.query} – search" if params.query else "Search the archive",
        "error": None,
        "params": params,
        "result": result,
        "facets": facet_links(params.query, result["facets"], params.sort, params.mode),
        "filters": active_filters(params.query, params.sort, params.mode),
        "pages": page_links(params, result["total"]),
        "sorts": SORT_LABELS,
        "export": {
            **export_links(_query_string(params.query, params.sort)),
            "json": "/api/search" + _query_string(params.query, params.sort, params),
            "words": search_url(params.query, sort=params.sort),
            "semantic": search_url(params.query, sort=params.sort, mode="semantic"),
        },
    })


def export_links(query_string: str) -> dict[str, str]:
    """The export links of a result set, by format (`cablewire.export.FORMATS`; the query
    string starts with '?', or is empty)."""
    joiner = "&" if query_string else "?"
    return {fmt: f"/export{query_string}{joiner}format={fmt}" for fmt in EXPORT_FORMATS}


def _query_string(query: str, sort: str, params: SearchParams | None = None) -> str:
    link = search_url(query, sort=sort, offset=params.offset if params else 0,
                      limit=params.limit if params and params.limit != PAGE_SIZE else 0,
                      mode=params.mode if params else None)
    return link[len("/search"):]


# -- refining a query by facets ------------------------------------------------------------------

def filter_text(field: str, value: Any) -> str:
    """The query-language filter for a facet value: tag:PTER, origin:"Embassy Bamako"."""
    text = str(value).replace('"', "")
    if re.search(r"[\s():\-]", text) or not text:
        text = f'"{text}"'
    return f"{field}:{text}"


def _filter_pattern(text: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\S)" + re.escape(text) + r"(?!\S)", re.IGNORECASE)


def has_filter(query: str, text: str) -> bool:
    return bool(_filter_pattern(text).search(query))


def without_filter(query: str, text: str) -> str:
    return " ".join(_filter_pattern(text).sub(" ", query).split())


def facet_links(query: str, facets: Facets, sort: str, mode: str = "words"
                ) -> list[dict[str, Any]]:
    """Each facet with its values, a count and a link that adds (or, when chosen, removes) it."""
    out = []
    for name, label in FACET_LABELS.items():
        values = []
        for bucket in facets[name]:
            text = filter_text(name, bucket["value"])
            chosen = has_filter(query, text)
            refined = without_filter(query, text) if chosen else f"{query} {text}".strip()
            values.append({"value": bucket["value"], "count": bucket["count"],
                           "chosen": chosen, "url": search_url(refined, sort=sort, mode=mode),
                           "hint": tag_label(str(bucket["value"]))[1] if name == "tag"
                           else None})
        if values:
            out.append({"name": name, "label": label, "values": values})
    return out


_FILTER = re.compile(r'(?<!\S)-?([a-z][a-z\-]*):("[^"]*"|\S+)', re.IGNORECASE)


def active_filters(query: str, sort: str, mode: str = "words") -> list[dict[str, str]]:
    """The field filters written in the query, each with a link that removes it."""
    return [{"text": m.group(0),
             "url": search_url(without_filter(query, m.group(0)), sort=sort, mode=mode)}
            for m in _FILTER.finditer(query)]


def page_links(params: SearchParams, total: int) -> dict[str, Any]:
    size = params.limit or PAGE_SIZE
    current = params.offset // size + 1
    last = max(1, (total + size - 1) // size)
    near = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    limit = params.limit if params.limit != PAGE_SIZE else 0

    def link(page: int) -> str:
        return search_url(params.query, sort=params.sort, offset=(page - 1) * size, limit=limit,
                          mode=params.mode)

    return {
        "current": current,
        "last": last,
        "first_hit": params.offset + 1 if total else 0,
        "last_hit": min(total, params.offset + size),
        "previous": link(current - 1) if current > 1 else None,
        "next": link(current + 1) if current < last else None,
        "pages": [{"number": n, "url": link(n), "current": n == current} for n in near],
    }
