"""The API described: an OpenAPI 3.1 document at `/api/openapi.json`, and the same read aloud as
an HTML page at `/api`.

Nothing here is written by hand but the preamble: the paths come from the app's route table, each
operation from the `@operation` declared on its handler (`cablewire.web.operations`), and the
response schemas are generated from the result types (`cablewire.results`, by
`cablewire.web.schemas`); the document kinds' schemas come from the model's field declarations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from cablewire import __version__
from cablewire.model.document import Article, Cable
from cablewire.web.operations import OPERATIONS, operation
from cablewire.web.rendering import json_response, render
from cablewire.web.schemas import Schemas

EXAMPLES = {"doc_id": "09BAMAKO387", "kind": "cable", "key": "person:amadou-toumani-toure"}


def openapi(routes: Iterable[BaseRoute]) -> dict[str, Any]:
    """The OpenAPI description of the JSON routes among `routes` (an app's route table)."""
    schemas = Schemas()
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        if not isinstance(route, Route) or route.endpoint not in OPERATIONS:
            continue
        op = OPERATIONS[route.endpoint]
        declared = {p.name for p in op.params if p.where == "path"}
        written = set(re.findall(r"{(\w+)}", route.path))
        if declared != written:
            raise ValueError(f"{route.path}: its path parameters are {sorted(written)}, its"
                             f" @operation declares {sorted(declared)}")
        for method in sorted(route.methods or {"GET"}):
            if method != "HEAD":
                paths.setdefault(route.path, {})[method.lower()] = op.spec(schemas)
    return {
        "openapi": "3.1.0",
        "info": {"title": "cablewire", "version": __version__,
                 "description": "Diplomatic cables and the news that covers them: the JSON API"
                                " of the reading room. Every HTML page has its data here."},
        "paths": paths,
        "components": {"schemas": {**schemas.components, "Cable": Cable.json_schema(),
                                   "Article": Article.json_schema()},
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
    }


@operation("This description", "OpenAPI 3.1.", tag="archive", answer="OpenAPI",
           returns=dict[str, Any], errors={})
async def openapi_json(request: Request) -> Response:
    return json_response(openapi(request.app.routes))


async def api_html(request: Request) -> Response:
    spec = openapi(request.app.routes)
    endpoints = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            example = path
            for name, value in EXAMPLES.items():
                example = example.replace("{" + name + "}", value)
            if any(p["name"] == "q" for p in op.get("parameters", [])):
                example += "?q=AQIM+tag%3APTER"
            endpoints.append({"method": method.upper(), "path": path, "op": op,
                              "example": example if method == "get" else None})
    return render(request, "api.html", {"title": "The JSON API", "endpoints": endpoints})
