"""Who may read and who may write: the server's tokens, compared in constant time.

Writes (`POST /api/documents`) need the write token (`cablewire serve --token`). Reads are
open, unless the server was started with a read token (`--read-token`, a private archive):
then every page and API call needs it (or the write token). A token is sent as
`Authorization: Bearer TOKEN`, or as the password of HTTP Basic authentication, so a browser
asks for it once and sends it after.
"""

from __future__ import annotations

import base64
import binascii
import hmac

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from cablewire.web import errors

REALM = 'Basic realm="cablewire", charset="UTF-8"'


def given_token(authorization: str) -> str | None:
    """The token in an Authorization header (Bearer, or Basic's password), None without."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2]
    return None


def token_matches(request: Request, *expected: str | None) -> bool:
    """Whether the request carries one of the `expected` tokens (compared in constant time)."""
    given = given_token(request.headers.get("authorization", ""))
    if given is None:
        return False
    found = False
    for token in expected:
        if token and hmac.compare_digest(given.encode(), token.encode()):
            found = True
    return found


class ReadGuard:
    """With a read token, every request but the bundled assets needs it (or the write
    token); a 401 asks a browser for it."""

    def __init__(self, app: ASGIApp, read_token: str | None, write_token: str | None) -> None:
        self.app = app
        self.read_token = read_token
        self.write_token = write_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or not self.read_token
                or str(scope.get("path", "")).startswith("/static/")):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if token_matches(request, self.read_token, self.write_token):
            await self.app(scope, receive, send)
            return
        response = errors.error_response(request, errors.envelope(
            401, "Unauthorized", "this archive is private: send its read token as"
            " 'Authorization: Bearer TOKEN' (or as the password your browser asks for)"),
            headers={"www-authenticate": REALM})
        await response(scope, receive, send)
