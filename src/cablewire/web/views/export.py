"""Exports of a whole result set, streamed page by page, in the forms of `cablewire.export`
(the same bytes `cablewire export` writes): JSON Lines, CSV, FollowTheMoney entities.

    /export?q=AQIM tag:PTER&format=csv          (the links under the search results)
    /api/export?q=AQIM&format=ftm
    /api/export.jsonl?q=AQIM tag:PTER&sort=-date
    /api/export.csv?q=AQIM tag:PTER
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from cablewire import export as library
from cablewire.archive import Archive
from cablewire.errors import UsageError
from cablewire.web.operations import Param, operation
from cablewire.web.state import state_of
from cablewire.web.views.search import SORT, Q, SearchParams

BATCH = library.BATCH

FORMAT = Param("format", "jsonl (one document's JSON a line), csv (id, kind, date,"
                         " classification, origin, title, subject, tags, references,"
                         " entities) or ftm (FollowTheMoney entities a line, for Aleph);"
                         " default jsonl",
               {"type": "string", "enum": list(library.FORMATS), "default": "jsonl"})


def _filename(query: str, fmt: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in query)[:40].strip("-") or "all"
    return f"cablewire-{stem}.{library.EXTENSIONS[fmt]}"


async def _stream(request: Request, fmt: str) -> Response:
    params = SearchParams.from_request(request)
    state = state_of(request)
    await state.call(lambda archive: archive.search(params.query, limit=1))  # errors before 200
    exporter = library.Exporter(fmt)

    def page(start: int) -> Callable[[Archive], tuple[int, int, str]]:
        def run(archive: Archive) -> tuple[int, int, str]:
            total, records = library.export_page(archive, params.query, start, params.sort,
                                                 BATCH)
            return total, len(records), exporter.render(records)
        return run

    async def chunks() -> AsyncIterator[bytes]:
        head = exporter.header()
        if head:
            yield head.encode("utf-8")
        offset = 0
        while True:
            total, count, text = await state.call(page(offset))
            if text:
                yield text.encode("utf-8")
            offset += BATCH
            if not count or offset >= total:
                return

    disposition = f'attachment; filename="{_filename(params.query, fmt)}"'
    return StreamingResponse(chunks(), media_type=f"{library.MEDIA_TYPES[fmt]}; charset=utf-8",
                             headers={"content-disposition": disposition})


@operation("Export a result set", "Every hit of the query (not just a page), streamed in the"
           " form `format` asks for; the bytes `cablewire export` writes.", tag="search",
           answer="JSON Lines, CSV or FtM entities a line", params=(Q, FORMAT, SORT),
           media="application/x-ndjson")
async def export_any(request: Request) -> Response:
    fmt = request.query_params.get("format") or "jsonl"
    if fmt not in library.FORMATS:
        raise UsageError(f"format={fmt!r} is not an export format: ask for one of"
                         f" {', '.join(library.FORMATS)}")
    return await _stream(request, fmt)


@operation("Export a result set as JSON Lines", "Every hit of the query (not just a page), one"
           " full document a line, streamed.", tag="search", answer="One document JSON a line",
           params=(Q, SORT), media="application/x-ndjson")
async def export_jsonl(request: Request) -> Response:
    return await _stream(request, "jsonl")


@operation("Export a result set as CSV", "Every hit of the query, one row each: id, kind, date,"
           " classification, origin, title, subject, tags, references, entities.", tag="search",
           answer="A header row, then one row a hit", params=(Q, SORT), media="text/csv")
async def export_csv(request: Request) -> Response:
    return await _stream(request, "csv")

