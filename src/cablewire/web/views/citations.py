"""The citation graph of a document (`/documents/{id}/citations`) and the most-cited cables
(`/citations/most-cited`): each the HTML and the JSON rendering of one library call."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from cablewire.errors import UsageError
from cablewire.link.citations import (
    DIRECTIONS,
    MAX_DEPTH,
    MAX_MOST_CITED_LIMIT,
    MAX_NODE_LIMIT,
    MOST_CITED_LIMIT,
    NODE_LIMIT,
)
from cablewire.results import CitationGraph, MostCited
from cablewire.web.operations import Param, operation
from cablewire.web.presenters.citation_graph import present_graph
from cablewire.web.rendering import document_url, json_response, render
from cablewire.web.state import state_of
from cablewire.web.views.document import DOC_ID, NO_DOCUMENT
from cablewire.web.views.search import whole_number

DEPTH = Param("depth", f"REF steps each way (1 to {MAX_DEPTH})",
              {"type": "integer", "default": MAX_DEPTH, "minimum": 1, "maximum": MAX_DEPTH})
DIRECTION = Param("direction", "both (default), cites (what it cites, and what those cite) or"
                               " cited_by (what cites it, and what cites those)",
                  {"type": "string", "enum": list(DIRECTIONS), "default": "both"})
NODE_CAP = Param("limit", f"At most this many cables, the document among them (at most"
                          f" {MAX_NODE_LIMIT}); a graph cut short says so",
                 {"type": "integer", "default": NODE_LIMIT, "minimum": 1,
                  "maximum": MAX_NODE_LIMIT})
YEAR = Param("year", "Only cables of this year, read from the id (09BAMAKO387 is of 2009)",
             {"type": "integer"}, example=2009)
STATION = Param("station", "Only cables of this station, as in ids (BAMAKO), as a place (New"
                           " Delhi) or as an origin (Embassy Bamako)", {"type": "string"},
                example="BAMAKO")
MOST_CITED_CAP = Param("limit", f"How many (at most {MAX_MOST_CITED_LIMIT})",
                       {"type": "integer", "default": MOST_CITED_LIMIT, "minimum": 1,
                        "maximum": MAX_MOST_CITED_LIMIT})


def _graph_options(request: Request) -> tuple[int, str, int]:
    params = request.query_params
    depth = whole_number(params.get("depth"), "depth", MAX_DEPTH, minimum=1)
    if depth > MAX_DEPTH:
        raise UsageError(f"depth={depth} is too deep: give depth=1, 2 or {MAX_DEPTH}")
    direction = params.get("direction") or "both"
    if direction not in DIRECTIONS:
        raise UsageError(f"direction={direction!r} is not one of {', '.join(DIRECTIONS)}:"
                         " give direction=both, direction=cites or direction=cited_by")
    limit = whole_number(params.get("limit"), "limit", NODE_LIMIT, minimum=1)
    if limit > MAX_NODE_LIMIT:
        raise UsageError(f"limit={limit} is too many: give limit={MAX_NODE_LIMIT} or fewer")
    return depth, direction, limit


async def _graph(request: Request) -> CitationGraph:
    doc_id: str = request.path_params["doc_id"]
    depth, direction, limit = _graph_options(request)
    return await state_of(request).call(
        lambda archive: archive.citation_graph(doc_id, depth, direction, limit))


@operation("A document's citation graph", "The cables it cites and what those cite, and the"
           " documents citing it and what cites those, to `depth` REF steps; cables not in the"
           " archive are nodes too, with the month the full release gives them. Edges are every"
           " citation between two nodes (`from` cites `to`). The data of the citations page.",
           tag="documents", answer="Nodes and edges", returns=CitationGraph,
           params=(DOC_ID, DEPTH, DIRECTION, NODE_CAP), errors=NO_DOCUMENT)
async def citations_json(request: Request) -> Response:
    return json_response(await _graph(request))


async def citations_html(request: Request) -> Response:
    graph = await _graph(request)
    if graph["id"] != request.path_params["doc_id"]:  # one address per document
        return Response(status_code=308, headers={
            "location": document_url(graph["id"]) + "/citations" + _query(request)})
    centre = graph["nodes"][0]
    return render(request, "citations.html", {
        "title": f"{graph['id']}: citation graph",
        "graph": graph,
        "centre": centre,
        "view": present_graph(graph),
        "depths": list(range(1, MAX_DEPTH + 1)),
        "directions": {"both": "Both ways", "cites": "What it cites",
                       "cited_by": "What cites it"},
        "api_url": "/api" + document_url(graph["id"]) + "/citations" + _query(request),
    })


def _query(request: Request) -> str:
    return "?" + request.url.query if request.url.query else ""


def _most_cited_options(request: Request) -> tuple[int | None, str | None, int]:
    params = request.query_params
    raw_year = (params.get("year") or "").strip()
    year = None
    if raw_year:
        if not raw_year.isdigit():
            raise UsageError(f"year={raw_year!r} is not a year: give a four-digit year such as"
                             " year=2009, or leave it out for every year")
        year = int(raw_year)
    station = (params.get("station") or "").strip() or None
    limit = whole_number(params.get("limit"), "limit", MOST_CITED_LIMIT, minimum=1)
    if limit > MAX_MOST_CITED_LIMIT:
        raise UsageError(f"limit={limit} is too many: give limit={MAX_MOST_CITED_LIMIT} or"
                         " fewer")
    return year, station, limit


async def _most_cited(request: Request) -> MostCited:
    year, station, limit = _most_cited_options(request)
    return await state_of(request).call(
        lambda archive: archive.most_cited(year, station, limit))


@operation("The most-cited cables", "Cables ranked by how many documents of the archive cite"
           " them, held or not (`in_archive`; `month` from the full release), optionally of one"
           " year and one station, both read from the cable's id. The data of the most-cited"
           " page.", tag="documents", answer="Cables with their citation counts",
           returns=MostCited, params=(YEAR, STATION, MOST_CITED_CAP))
async def most_cited_json(request: Request) -> Response:
    return json_response(await _most_cited(request))


async def most_cited_html(request: Request) -> Response:
    found = await _most_cited(request)
    scope = ", ".join(str(p) for p in (found["station"], found["year"]) if p)
    return render(request, "most_cited.html", {
        "title": "Most-cited cables" + (f" of {scope}" if scope else ""),
        "found": found,
        "station_text": request.query_params.get("station", ""),
        "api_url": "/api/citations/most-cited" + _query(request),
    })
