"""Find the background: paste a story (or send a file) and get the documents behind it from the
linking blend, each with why. `/background` is the form and its answer; `POST /api/background`
the same as JSON. Both are renderings of `Archive.background(bytes)`: the text is read by the
ingest readers and nothing is stored, so the form needs no token.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cablewire.errors import CablewireError, UsageError
from cablewire.results import Background
from cablewire.web.bodies import Form, form_fields, read_body, safe_name
from cablewire.web.operations import Param, operation
from cablewire.web.presenters.background import present_background
from cablewire.web.rendering import json_response, render
from cablewire.web.state import state_of
from cablewire.web.views.search import whole_number

MAX_PROBE = 5 * 2**20
"""The largest text or file the background is found for (a story is a few kilobytes)."""
BACKGROUND_LIMIT = 10
MAX_HITS = 50
TOO_LARGE_ADVICE = ("paste the story itself, or run `cablewire related FILE` where the archive"
                    " is")
NOTHING = ("nothing to read: paste the text of a story or a cable, or choose a file (the API"
           " takes it as the request body)")
KINDS = {"": "Cables and articles", "cable": "Cables", "article": "Articles"}


def background_params(default_limit: int) -> tuple[Param, ...]:
    """The query parameters of the blend, for the routes that answer with it."""
    return (
        Param("kind", "Only documents of this kind (default: both)",
              {"type": "string", "enum": ["cable", "article"]}),
        Param("before", "Only documents on or before this day, month or year (2009-06-12,"
                        " 2009-06, 2009); an article's background ends at its date by default",
              {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"},
              example="2009-12"),
        Param("after", "Only documents on or after this day, month or year",
              {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"}),
        Param("limit", f"How many (at most {MAX_HITS})",
              {"type": "integer", "default": default_limit, "minimum": 1}),
    )


@dataclass(frozen=True)
class BackgroundParams:
    """The blend's options as a request gives them (query or form fields); the archive checks
    the dates and the kind, and says the fix."""

    kind: str | None
    before: str | None
    after: str | None
    limit: int

    @classmethod
    def read(cls, get: Callable[[str], str | None],
             default_limit: int = BACKGROUND_LIMIT) -> BackgroundParams:
        limit = whole_number(get("limit"), "limit", default_limit, minimum=1)
        return cls(get("kind") or None, (get("before") or "").strip() or None,
                   (get("after") or "").strip() or None, min(MAX_HITS, limit))


@dataclass(frozen=True)
class Pasted:
    """What to find the background of: the bytes, and the name the readers go by."""

    data: bytes
    name: str

    @classmethod
    def of(cls, form: Form) -> Pasted:
        """A form's chosen file, else its pasted text."""
        upload = form.file("file")
        if upload is not None and upload.data.strip():
            return cls(upload.data, safe_name(upload.name, "upload.txt"))
        return cls((form.text("text") or "").encode("utf-8"), "pasted.txt")

    def checked(self) -> Pasted:
        if not self.data.strip():
            raise UsageError(NOTHING)
        return self


async def _find(request: Request, pasted: Pasted, params: BackgroundParams) -> Background:
    checked = pasted.checked()
    return await state_of(request).call(lambda archive: archive.background(
        checked.data, params.kind, params.before, params.after, params.limit,
        name=checked.name))


@operation("Find the background of a text", "The body is the text of a story or a cable (or a"
           " file in any form `cablewire ingest` reads, named by `name`), or a multipart form"
           " with a `file` or a `text` field. It is read as ingest reads it and nothing is"
           " stored: the answer is the documents behind it from the linking blend, each with"
           " the parts that ranked it (shared names, terms, citations) and their evidence.",
           tag="documents", answer="The hits with their reasons", returns=Background,
           params=(*background_params(BACKGROUND_LIMIT),
                   Param("name", "The text's file name, for the reader to go by (story.html);"
                                 " default pasted.txt", {"type": "string"})),
           errors={400: "Nothing to read, or a malformed parameter; the message says the fix",
                   413: f"Over {MAX_PROBE // 2**20} MiB",
                   422: "No document could be read from it"},
           body={"text/plain": {"type": "string"},
                 "application/octet-stream": {"type": "string", "format": "binary"},
                 "multipart/form-data": {"type": "object", "properties": {
                     "file": {"type": "string", "format": "binary"},
                     "text": {"type": "string"}}}})
async def background_json(request: Request) -> Response:
    params = BackgroundParams.read(request.query_params.get)
    data = await read_body(request, MAX_PROBE, TOO_LARGE_ADVICE)
    content_type = request.headers.get("content-type", "")
    if content_type.lower().startswith("multipart/form-data"):
        pasted = Pasted.of(form_fields(data, content_type))
    else:  # the body is the text, whatever a client labels it (curl -d says form-urlencoded)
        pasted = Pasted(data, safe_name(request.query_params.get("name"), "pasted.txt"))
    return json_response(await _find(request, pasted, params))


async def background_html(request: Request) -> Response:
    """The form (GET), and the form with the documents behind what was sent (POST)."""
    context: dict[str, Any] = {"title": "Find the background", "kinds": KINDS, "error": None,
                               "found": None, "text": "", "values": {}}
    if request.method != "POST":
        return render(request, "background.html", context)
    try:
        data = await read_body(request, MAX_PROBE, TOO_LARGE_ADVICE)
        form = form_fields(data, request.headers.get("content-type", ""))
        context["values"] = form.values
        context["text"] = form.text("text") or ""
        params = BackgroundParams.read(form.text)
        found = await _find(request, Pasted.of(form), params)
    except CablewireError as exc:
        if exc.status >= 500:
            raise
        context["error"] = str(exc)
        return render(request, "background.html", context, status_code=exc.status)
    context["found"] = present_background(found)
    context["title"] = "The background found"
    return render(request, "background.html", context)
