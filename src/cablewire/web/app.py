"""The reading room: a server-rendered web app and a JSON API over the same handlers.

    app = create_app(Settings.resolve(db="cablewire.db"))      # an ASGI app (Starlette)

Pages and their data (the HTML page and the JSON are two renderings of one library call):

    /  /search?q=&sort=&offset=         /api/search?q=&sort=&offset=&limit=
    /documents/{id}                     /api/documents/{id}, /api/documents/{id}/related,
                                        /api/documents/{id}/cross-reference
    /documents/{id}/original            /api/documents/{id}/original (the bytes)
    /documents/{id}/citations?depth=    /api/documents/{id}/citations?depth=&direction=&limit=
    /citations/most-cited?year=&station= /api/citations/most-cited?year=&station=&limit=
    /entities, /entities/{key}          /api/entities?type=, /api/entities/{key}
    /entities/{key}/mentions            /api/entities/{key}/mentions?limit=
                                        /api/corrections (GET; POST, .../{id}/undo: token)
    /timeline?q=&year=&month=           /api/timeline?q=&year=&month=
    /map                                /api/places, /api/documents/{id}/entities
    /background (paste a story: POST)   POST /api/background (the text as the body)
    /stats                              /api/stats, /api/errors
    /api (the API read aloud)           /api/openapi.json, /api/schema/{kind}
                                        /export?q=&format=, /api/export.jsonl?q=, /api/export.csv?q=

Read-only, unless started with a token: then `POST /api/documents` ingests one file, and
`POST /api/corrections` records a user's correction of the entities (the entity page's forms). The
background form and `POST /api/background` read what they are sent and store nothing.
Every asset is bundled; the Content-Security-Policy allows nothing from elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cablewire.archive import Archive
from cablewire.errors import CablewireError
from cablewire.settings import Settings
from cablewire.web import errors
from cablewire.web.rendering import STATIC
from cablewire.web.state import WebState
from cablewire.web.views import (
    archive,
    background,
    citations,
    corrections,
    document,
    entities,
    export,
    openapi,
    search,
)

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in SECURITY_HEADERS if name not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def home(request: Request) -> Response:
    return await search.search_html(request)


def routes(token: bool) -> list[BaseRoute]:
    out: list[BaseRoute] = [
        Route("/", home, name="home"),
        Route("/search", search.search_html, name="search"),
        Route("/documents/{doc_id}", document.document_html, name="document"),
        Route("/documents/{doc_id}/original", document.original_html, name="original"),
        Route("/documents/{doc_id}/citations", citations.citations_html, name="citations"),
        Route("/citations/most-cited", citations.most_cited_html, name="most-cited"),
        Route("/entities", entities.entities_html, name="entities"),
        Route("/entities/{key}", entities.entity_html, name="entity"),
        Route("/entities/{key}/mentions", corrections.mentions_html, name="mentions"),
        Route("/timeline", entities.timeline_html, name="timeline"),
        Route("/map", entities.map_html, name="map"),
        Route("/background", background.background_html, methods=["GET", "POST"],
              name="background"),
        Route("/stats", archive.stats_html, name="stats"),
        Route("/api", openapi.api_html, name="api"),
        Route("/api/search", search.search_json, name="api-search"),
        Route("/export", export.export_any, name="export"),
        Route("/api/export", export.export_any, name="api-export"),
        Route("/api/export.jsonl", export.export_jsonl, name="api-export-jsonl"),
        Route("/api/export.csv", export.export_csv, name="api-export-csv"),
        Route("/api/documents/{doc_id}", document.document_json, name="api-document"),
        Route("/api/documents/{doc_id}/related", document.related_json, name="api-related"),
        Route("/api/documents/{doc_id}/original", document.original_raw, name="api-original"),
        Route("/api/documents/{doc_id}/citations", citations.citations_json,
              name="api-citations"),
        Route("/api/citations/most-cited", citations.most_cited_json, name="api-most-cited"),
        Route("/api/documents/{doc_id}/entities", document.entities_json,
              name="api-document-entities"),
        Route("/api/documents/{doc_id}/cross-reference", document.cross_reference_json,
              name="api-cross-reference"),
        Route("/api/entities", entities.entities_json, name="api-entities"),
        Route("/api/entities/{key}", entities.entity_json, name="api-entity"),
        Route("/api/entities/{key}/mentions", corrections.mentions_json, name="api-mentions"),
        Route("/api/corrections", corrections.corrections_json, name="api-corrections"),
        Route("/api/timeline", entities.timeline_json, name="api-timeline"),
        Route("/api/places", entities.places_json, name="api-places"),
        Route("/api/background", background.background_json, methods=["POST"],
              name="api-background"),
        Route("/api/stats", archive.stats_json, name="api-stats"),
        Route("/api/errors", archive.errors_json, name="api-errors"),
        Route("/api/schema/{kind}", archive.schema_json, name="api-schema"),
        Route("/api/openapi.json", openapi.openapi_json, name="api-openapi"),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]
    if token:
        out.append(Route("/api/documents", archive.ingest_json, methods=["POST"],
                         name="api-ingest"))
        out.append(Route("/api/corrections", corrections.correct_json, methods=["POST"],
                         name="api-correct"))
        out.append(Route("/api/corrections/{correction_id}/undo", corrections.undo_json,
                         methods=["POST"], name="api-undo-correction"))
    return out


def create_app(settings: Settings, token: str | None = None,
               archive_: Archive | None = None) -> Starlette:
    """The web app over the archive `settings.db` (or an archive already open)."""
    # Only a server that can ingest (one with a token) makes an archive that does not exist.
    state = WebState(settings=settings,
                     archive=archive_ or Archive.open(settings, create=bool(token)),
                     token=token or None)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        state.close()

    app = Starlette(
        routes=routes(bool(state.token)),
        middleware=[Middleware(SecurityHeaders), Middleware(GZipMiddleware, minimum_size=1024,
                                                            compresslevel=6),
                    Middleware(errors.CatchAll)],
        exception_handlers={
            CablewireError: errors.cablewire_error,
            HTTPException: errors.http_error,
        },
        lifespan=lifespan,
    )
    app.state.web = state
    return app
