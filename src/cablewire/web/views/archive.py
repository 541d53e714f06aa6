"""The archive as a whole: counts (`/stats`, `/api/stats`), sources that failed (`/api/errors`),
the JSON Schemas of the document kinds, and ingest over HTTP when the server has a token."""

from __future__ import annotations

import hmac
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cablewire.archive import Archive
from cablewire.errors import Unauthorized, UsageError
from cablewire.model.document import Article, Cable, Document
from cablewire.results import Failure, IngestOutcome, Stats
from cablewire.sources import Blob
from cablewire.web.bodies import read_body, safe_name
from cablewire.web.operations import BAD_REQUEST, Param, operation
from cablewire.web.rendering import json_response, render
from cablewire.web.state import state_of

MAX_UPLOAD = 20 * 1024 * 1024
SCHEMAS: dict[str, type[Document]] = {"cable": Cable, "article": Article}


def _overview(archive: Archive) -> dict[str, Any]:
    return {"stats": archive.stats(), "failures": archive.failures()}


@operation("Archive statistics", "Counts by kind, year, origin and classification; sizes. The"
           " data of the archive page.", tag="archive", answer="Counts and sizes",
           returns=Stats, errors={})
async def stats_json(request: Request) -> Response:
    return json_response(await state_of(request).call(lambda archive: archive.stats()))


@operation("Sources that could not be read", "Each with the reason.", tag="archive",
           answer="A list of failures", returns=list[Failure], errors={})
async def errors_json(request: Request) -> Response:
    return json_response(await state_of(request).call(lambda archive: archive.failures()))


async def stats_html(request: Request) -> Response:
    overview = await state_of(request).call(_overview)
    return render(request, "stats.html", {"title": "The archive", **overview})


@operation("JSON Schema of a document kind", "Built from the model's field declarations.",
           tag="archive", answer="A JSON Schema", returns=dict[str, Any],
           params=(Param("kind", "cable or article", {"type": "string", "enum": list(SCHEMAS)},
                         where="path"),))
async def schema_json(request: Request) -> Response:
    kind = request.path_params["kind"]
    model = SCHEMAS.get(kind)
    if model is None:
        raise UsageError(f"no schema for {kind!r}: ask for one of {', '.join(SCHEMAS)}")
    return json_response(model.json_schema())


def check_token(request: Request, form_token: str | None = None) -> None:
    """The request carries the server's token: `Authorization: Bearer TOKEN`, or (a page's
    form, which cannot set headers) the form's `token` field, given as `form_token`."""
    expected = state_of(request).token
    given = request.headers.get("authorization", "")
    if not given and form_token:
        given = f"Bearer {form_token}"
    scheme, _, value = given.partition(" ")
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), expected.encode()):
        raise Unauthorized("this needs the server's token: send 'Authorization: Bearer TOKEN'"
                           " with the token `cablewire serve --token` was started with")


@operation("Ingest one source file", "The raw bytes of one file in any form `cablewire ingest`"
           " reads. Needs `Authorization: Bearer TOKEN` (the server's --token).",
           tag="documents", answer="Ingested", returns=IngestOutcome, status=201,
           params=(Param("name", "The file's name, kept as its source label",
                         {"type": "string"}),),
           errors={400: BAD_REQUEST, 401: "No token, or the wrong one",
                   413: f"Over {MAX_UPLOAD // 2**20} MiB"},
           also={422: ("The file could not be read; `error` says why", IngestOutcome)},
           body="application/octet-stream", token=True)
async def ingest_json(request: Request) -> Response:
    """POST the bytes of one source file (any format `cablewire ingest` reads) to add it."""
    check_token(request)
    name = safe_name(request.query_params.get("name"), "upload.txt")
    data = await read_body(request, MAX_UPLOAD,
                           "use `cablewire ingest` on the server for large files")
    blob = Blob(path=f"http-upload/{name}", data=data)
    state = state_of(request)
    outcome = await state.call(lambda archive: archive.ingest_source(blob, state.settings))
    return json_response(outcome, status_code=201 if outcome["error"] is None else 422)
