"""Errors at the web edge: every failure becomes one envelope, as JSON under /api/ (or when the
client asks for JSON) and as an HTML page elsewhere.

    {"error": {"status": 404, "type": "NotFound", "message": "no document 'X' in this ..."}}

Library errors carry their HTTP status (`CablewireError.status`); routing errors keep theirs;
anything else is a 500 whose message does not leak internals (the traceback goes to the log).
"""

from __future__ import annotations

import logging
from typing import TypedDict

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cablewire.errors import CablewireError
from cablewire.web.rendering import json_response, render

logger = logging.getLogger(__name__)

TITLES = {400: "Bad request", 401: "Token needed", 403: "Not allowed", 404: "Not found",
          405: "Method not allowed", 413: "Too large", 422: "Cannot read this",
          500: "Something went wrong"}


class ErrorBody(TypedDict):
    status: int
    type: str
    message: str


class ErrorEnvelope(TypedDict):
    error: ErrorBody


def envelope(status: int, kind: str, message: str) -> ErrorEnvelope:
    return {"error": {"status": status, "type": kind, "message": message}}


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, body: ErrorEnvelope,
                   headers: dict[str, str] | None = None) -> Response:
    status = body["error"]["status"]
    if wants_json(request):
        return json_response(body, status_code=status, headers=headers)
    return render(request, "error.html",
                  {"error": body["error"], "title": TITLES.get(status, "Error")},
                  status_code=status, headers=headers)


async def cablewire_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CablewireError)
    status = int(getattr(exc, "status", 500))
    if status >= 500:
        logger.exception("error serving %s", request.url.path, exc_info=exc)
    return error_response(request, envelope(status, type(exc).__name__, str(exc)))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: f"nothing at {request.url.path}: see /api for what this server answers",
                405: f"{request.method} is not allowed on {request.url.path}"}
    message = messages.get(exc.status_code) or str(exc.detail)
    kind = {404: "NotFound", 405: "MethodNotAllowed", 401: "Unauthorized",
            403: "Forbidden"}.get(exc.status_code, "HTTPError")
    return error_response(request, envelope(exc.status_code, kind, message),
                          headers=dict(exc.headers) if exc.headers else None)


async def server_error(request: Request, exc: Exception) -> Response:
    logger.exception("unexpected error serving %s", request.url.path, exc_info=exc)
    return error_response(request, envelope(
        500, "InternalError", "the server failed to answer this request; the log has the details"))


class CatchAll:
    """Turns an unexpected exception into the 500 envelope, inside the security headers (the
    app's own last-resort handler sits outside every middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            response = await server_error(Request(scope), exc)
            await response(scope, receive, send)
