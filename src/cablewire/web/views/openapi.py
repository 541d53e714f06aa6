"""The API described: an OpenAPI 3.1 document at `/api/openapi.json`, and the same read aloud as
an HTML page at `/api`."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cablewire import __version__
from cablewire.model.document import Article, Cable
from cablewire.web.rendering import json_response, render
from cablewire.web.state import state_of


def _param(name: str, description: str, schema: dict[str, Any], where: str = "query",
           required: bool = False, example: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "in": where, "description": description,
                           "required": required or where == "path", "schema": schema}
    if example is not None:
        out["example"] = example
    return out


Q = _param("q", "A query in the query language: words, \"phrases\", AND/OR/NOT, -word, (groups),"
                " prefix*, and the filters id: kind: origin: classification: tag: from: to:"
                " year: cites: cited-by:. Empty: every document.", {"type": "string"},
           example="AQIM tag:PTER")
SORT = _param("sort", "relevance (default), date (oldest first) or -date (newest first)",
              {"type": "string", "enum": ["relevance", "date", "-date"]})
LIMIT = _param("limit", "Hits a page (at most 200)", {"type": "integer", "default": 20})
OFFSET = _param("offset", "Hits to skip", {"type": "integer", "default": 0})
DOC_ID = _param("doc_id", "A document id: a cable id in any written form (09BAMAKO387,"
                          " BAMAKO 387 of 2009 is 09BAMAKO387) or an article id",
                {"type": "string"}, where="path", example="09BAMAKO387")
REVISION = _param("revision", "A revision number (default: the newest)", {"type": "integer"})


def _json(ref: str, description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


ERRORS = {"400": _json("Error", "A malformed query or parameter; the message says the fix"),
          "404": _json("Error", "No such document")}


def _get(summary: str, description: str, params: list[dict[str, Any]],
         ok: dict[str, Any], tag: str) -> dict[str, Any]:
    return {"get": {"summary": summary, "description": description, "tags": [tag],
                    "parameters": params, "responses": {"200": ok, **ERRORS}}}


def _text(media: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {media: {"schema": {"type": "string"}}}}


def openapi(token: bool) -> dict[str, Any]:
    """The OpenAPI description of the JSON API (with the write endpoint when `token`)."""
    paths: dict[str, Any] = {
        "/api/search": _get(
            "Search the archive", "Hits with highlighted snippets (HTML-escaped, matches in"
            " <b>) and facet counts over the whole result set. The data of the search page.",
            [Q, LIMIT, OFFSET, SORT], _json("SearchResult", "A page of hits and the facets"),
            "search"),
        "/api/export.jsonl": _get(
            "Export a result set as JSON Lines", "Every hit of the query (not just a page), one"
            " full document a line, streamed.", [Q, SORT],
            _text("application/x-ndjson", "One document JSON a line"), "search"),
        "/api/export.csv": _get(
            "Export a result set as CSV", "Every hit of the query, one row each: id, kind,"
            " date, title, origin, classification, url.", [Q, SORT],
            _text("text/csv", "A header row, then one row a hit"), "search"),
        "/api/documents/{doc_id}": _get(
            "A document", "The document, the cables it cites and the documents that cite it"
            " (with in_archive and in_release), its revisions and its original's size. The"
            " data of the cable and article pages.", [DOC_ID],
            _json("Shown", "The document and its links"), "documents"),
        "/api/documents/{doc_id}/related": _get(
            "Related documents", "The documents sharing the most of this one's key terms,"
            " each with the shared terms as the reason.", [DOC_ID, _param(
                "limit", "How many (at most 50)", {"type": "integer", "default": 8})],
            _json("Related", "Key terms and related documents"), "documents"),
        "/api/documents/{doc_id}/original": _get(
            "The original as ingested", "The exact bytes the document was read from.",
            [DOC_ID, REVISION], _text("text/plain", "The original bytes"), "documents"),
        "/api/documents/{doc_id}/entities": _get(
            "A document's entities", "The enrichment stage's results for the document:"
            " entities with every mention (field, paragraph, character offsets), places with"
            " coordinates, dates, dated events, quotes and decoded jargon; null when the"
            " document is not enriched.", [DOC_ID],
            {"description": "The enrichment", "content": {"application/json": {}}}, "entities"),
        "/api/entities": _get(
            "Entities", "People, organisations, groups and places, most documents first. The"
            " data of the entities page.", [_param(
                "type", "person, organization, group or place", {"type": "string", "enum": [
                    "person", "organization", "group", "place"]}), _param(
                "limit", "How many (at most 1000)", {"type": "integer", "default": 100})],
            {"description": "A list of entities", "content": {"application/json": {}}},
            "entities"),
        "/api/entities/{key}": _get(
            "One entity", "Names and aliases, facts (roles), documents, co-occurring entities,"
            " quotes and dated events. The data of the entity page.", [_param(
                "key", "An entity key (person:amadou-toumani-toure) or any of its names (ATT)",
                {"type": "string"}, where="path", example="person:amadou-toumani-toure")],
            {"description": "The entity", "content": {"application/json": {}}}, "entities"),
        "/api/timeline": _get(
            "Dated events", "Events in date order across the archive or the documents of a"
            " query, zoomed to a year or a month. The data of the timeline page.", [
                Q, _param("year", "Only this year", {"type": "string"}, example="2009"),
                _param("month", "Only this month", {"type": "string"}, example="2009-06")],
            {"description": "query, year, month and events",
             "content": {"application/json": {}}}, "entities"),
        "/api/places": _get(
            "Places", "Places with coordinates and how many documents name them. The data of"
            " the map page.", [_param("limit", "How many (at most 5000)",
                                      {"type": "integer", "default": 500})],
            {"description": "A list of places", "content": {"application/json": {}}},
            "entities"),
        "/api/stats": _get("Archive statistics", "Counts by kind, year, origin and"
                           " classification; sizes. The data of the archive page.", [],
                           _json("Stats", "Counts and sizes"), "archive"),
        "/api/errors": _get("Sources that could not be read", "Each with the reason.", [],
                            {"description": "A list of failures", "content": {
                                "application/json": {"schema": {"type": "array", "items": {
                                    "$ref": "#/components/schemas/Failure"}}}}}, "archive"),
        "/api/schema/{kind}": _get(
            "JSON Schema of a document kind", "Built from the model's field declarations.",
            [_param("kind", "cable or article", {"type": "string", "enum": ["cable", "article"]},
                    where="path")], {"description": "A JSON Schema",
                                     "content": {"application/json": {}}}, "archive"),
        "/api/openapi.json": _get("This description", "OpenAPI 3.1.", [],
                                  {"description": "OpenAPI", "content": {"application/json": {}}},
                                  "archive"),
    }
    if token:
        paths["/api/documents"] = {"post": {
            "summary": "Ingest one source file",
            "description": "The raw bytes of one file in any form `cablewire ingest` reads."
                           " Needs `Authorization: Bearer TOKEN` (the server's --token).",
            "tags": ["documents"], "security": [{"token": []}],
            "parameters": [_param("name", "The file's name, kept as its source label",
                                  {"type": "string"})],
            "requestBody": {"content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}},
            "responses": {"201": {"description": "Ingested"},
                          "401": _json("Error", "No token, or the wrong one"),
                          "422": {"description": "The file could not be read"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "cablewire", "version": __version__,
                 "description": "Diplomatic cables and the news that covers them: the JSON API"
                                " of the reading room. Every HTML page has its data here."},
        "paths": paths,
        "components": {"schemas": _schemas(),
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
    }


def _schemas() -> dict[str, Any]:
    listed = {"type": "object", "properties": {
        k: {} for k in ("id", "in_archive", "in_release", "month", "title", "kind", "date")}}
    return {
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["status", "type", "message"], "properties": {
                "status": {"type": "integer"}, "type": {"type": "string"},
                "message": {"type": "string", "description": "What went wrong and the fix"}}}}},
        "Hit": {"type": "object", "properties": {
            "id": {"type": "string"}, "kind": {"type": "string"},
            "title": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]},
            "origin": {"type": ["string", "null"]},
            "classification": {"type": ["string", "null"]},
            "snippet": {"type": "string", "description": "HTML-escaped, matches in <b>"},
            "score": {"type": ["number", "null"]}}},
        "SearchResult": {"type": "object", "properties": {
            "query": {"type": "string"}, "total": {"type": "integer"},
            "offset": {"type": "integer"}, "limit": {"type": "integer"},
            "sort": {"type": "string"},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {"type": "object", "additionalProperties": {"type": "array", "items": {
                "type": "object", "properties": {"value": {}, "count": {"type": "integer"}}}}}}},
        "Cable": Cable.json_schema(),
        "Article": Article.json_schema(),
        "Shown": {"type": "object", "properties": {
            "document": {"oneOf": [{"$ref": "#/components/schemas/Cable"},
                                   {"$ref": "#/components/schemas/Article"}]},
            "cites": {"type": "array", "items": listed},
            "cited_by": {"type": "array", "items": listed},
            "revisions": {"type": "array", "items": {"type": "object"}},
            "original": {"type": "object", "properties": {"bytes": {}, "source": {}}}}},
        "Related": {"type": "object", "properties": {
            "id": {"type": "string"}, "terms": {"type": "array", "items": {"type": "string"}},
            "documents": {"type": "array", "items": {"type": "object"}}}},
        "Stats": {"type": "object", "properties": {k: {} for k in (
            "documents", "revisions", "sources", "by_kind", "by_year", "by_origin",
            "by_classification", "database_bytes", "index_bytes")}},
        "Failure": {"type": "object", "properties": {
            "source": {"type": "string"}, "error": {"type": "string"},
            "ingested_at": {"type": "string"}}},
    }


async def openapi_json(request: Request) -> Response:
    return json_response(openapi(bool(state_of(request).token)))


async def api_html(request: Request) -> Response:
    spec = openapi(bool(state_of(request).token))
    endpoints = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            example = (path.replace("{doc_id}", "09BAMAKO387").replace("{kind}", "cable")
                       .replace("{key}", "person:amadou-toumani-toure"))
            if any(p["name"] == "q" for p in op.get("parameters", [])):
                example += "?q=AQIM+tag%3APTER"
            endpoints.append({"method": method.upper(), "path": path, "op": op,
                              "example": example if method == "get" else None})
    return render(request, "api.html", {"title": "The JSON API", "endpoints": endpoints})
