"""Exports of a whole result set, streamed page by page: JSON Lines (one full document a line)
and CSV (one row a hit).

    /api/export.jsonl?q=AQIM tag:PTER&sort=-date
    /api/export.csv?q=AQIM tag:PTER
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from cablewire.archive import Archive
from cablewire.results import Hit
from cablewire.web.operations import operation
from cablewire.web.state import WebState, state_of
from cablewire.web.views.search import SORT, Q, SearchParams

BATCH = 500
CSV_COLUMNS = ("id", "kind", "date", "title", "origin", "classification", "url")


def _filename(query: str, extension: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in query)[:40].strip("-") or "all"
    return f"cablewire-{stem}.{extension}"


async def _batches(state: WebState, params: SearchParams,
                   load: Callable[[Archive, list[Hit]], list[Any]]
                   ) -> AsyncIterator[list[Any]]:
    """The hits of the query in batches (each batch one locked library call)."""
    def page(start: int) -> Callable[[Archive], tuple[int, list[Any]]]:
        def run(archive: Archive) -> tuple[int, list[Any]]:
            result = archive.search(params.query, limit=BATCH, offset=start, sort=params.sort)
            return result["total"], load(archive, result["hits"])
        return run

    offset = 0
    while True:
        total, rows = await state.call(page(offset))
        if rows:
            yield rows
        offset += BATCH
        if not rows or offset >= total:
            return


def _documents(archive: Archive, hits: list[Hit]) -> list[Any]:
    return archive.documents([hit["id"] for hit in hits])


def _hits(_archive: Archive, hits: list[Hit]) -> list[Any]:
    return hits


@operation("Export a result set as JSON Lines", "Every hit of the query (not just a page), one"
           " full document a line, streamed.", tag="search", answer="One document JSON a line",
           params=(Q, SORT), media="application/x-ndjson")
async def export_jsonl(request: Request) -> Response:
    params = SearchParams.from_request(request)
    state = state_of(request)
    await state.call(lambda archive: archive.search(params.query, limit=1))  # errors before 200

    async def lines() -> AsyncIterator[bytes]:
        async for batch in _batches(state, params, _documents):
            yield "".join(json.dumps(doc, ensure_ascii=False) + "\n"
                          for doc in batch if doc is not None).encode("utf-8")

    return StreamingResponse(lines(), media_type="application/x-ndjson; charset=utf-8",
                             headers=_disposition(params.query, "jsonl"))


@operation("Export a result set as CSV", "Every hit of the query, one row each: id, kind, date,"
           " title, origin, classification, url.", tag="search",
           answer="A header row, then one row a hit", params=(Q, SORT), media="text/csv")
async def export_csv(request: Request) -> Response:
    params = SearchParams.from_request(request)
    state = state_of(request)
    await state.call(lambda archive: archive.search(params.query, limit=1))
    base = str(request.base_url).rstrip("/")

    async def rows() -> AsyncIterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        yield buffer.getvalue().encode("utf-8")
        async for batch in _batches(state, params, _hits):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for hit in batch:
                writer.writerow([_cell(hit.get("id")), hit.get("kind"), hit.get("date") or "",
                                 _cell(hit.get("title")), _cell(hit.get("origin")),
                                 hit.get("classification") or "",
                                 f"{base}/documents/{hit.get('id')}"])
            yield buffer.getvalue().encode("utf-8")

    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                             headers=_disposition(params.query, "csv"))


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _disposition(query: str, extension: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{_filename(query, extension)}"'}
