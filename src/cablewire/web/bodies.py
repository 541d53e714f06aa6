"""Request bodies: read with a size limit, and the fields of a form (URL-encoded, or multipart
with files), for every route that takes a POST.

    data = await read_body(request, 5 * 2**20, "paste the story itself")
    form = form_fields(data, request.headers.get("content-type", ""))
    form.text("kind"), form.file("file")     # "cable", Upload(name="story.html", data=b"...")

A body over the limit is `TooLarge` (413) before more of it is read; a form that cannot be read
is `UsageError` (400). Nothing here touches the archive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message
from email.utils import collapse_rfc2231_value
from urllib.parse import parse_qsl

from starlette.requests import Request

from cablewire.errors import TooLarge, UsageError


async def read_body(request: Request, limit: int, advice: str) -> bytes:
    """The request's body, refused with `TooLarge` as soon as it is over `limit` bytes (by its
    declared length, or as it streams in); `advice` says what to do instead."""

    def too_large() -> TooLarge:
        size = f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 2**10} KiB"
        return TooLarge(f"the upload is over {size}: {advice}")

    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large()
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > limit:
            raise too_large()
    return bytes(data)


def safe_name(given: str | None, default: str) -> str:
    """A file name a client gave, as a plain label (the readers go by its extension)."""
    return re.sub(r"[^\w.\-]+", "_", given or default)[:120] or default


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart form: its name as the browser gives it, and its bytes."""

    name: str
    data: bytes


@dataclass
class Form:
    """A form's fields: text values, and the files of a multipart form."""

    values: dict[str, str] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        return self.values.get(name)

    def file(self, name: str) -> Upload | None:
        """The file sent as `name`, unless none was chosen (an empty file without a name)."""
        found = self.files.get(name)
        return found if found is not None and (found.data or found.name) else None


def form_fields(body: bytes, content_type: str) -> Form:
    """The fields of a form body, by its content type (multipart/form-data, or URL-encoded)."""
    header = _header(content_type)
    media = header.get_content_type()
    if media == "multipart/form-data":
        boundary = header.get_param("boundary")
        if not isinstance(boundary, str) or not boundary:
            raise UsageError("a multipart form without its boundary: send the form as the"
                             " browser does (enctype=multipart/form-data)")
        return _multipart(body, boundary.encode("latin-1"))
    if media == "application/x-www-form-urlencoded":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError("the form is not UTF-8: send it from the page's form") from None
        return Form(values=dict(parse_qsl(text, keep_blank_values=True)))
    raise UsageError(f"a form is multipart/form-data or application/x-www-form-urlencoded,"
                     f" not {media}: send it from the page's form")


def _header(value: str) -> Message:
    message = Message()
    message["content-type"] = value or "text/plain"
    return message


def _param(header: Message, name: str) -> str | None:
    value = header.get_param(name)
    if isinstance(value, tuple):  # RFC 2231: name*=utf-8''value
        return collapse_rfc2231_value(value)
    return value if isinstance(value, str) else None


def _multipart(body: bytes, boundary: bytes) -> Form:
    """Each part between the boundary lines: headers, a blank line, then the content."""
    form = Form()
    delimiter = b"--" + boundary
    pieces = re.split(rb"(?:^|\r\n)" + re.escape(delimiter), body)
    if len(pieces) < 2 or not pieces[-1].startswith(b"--"):
        raise UsageError("the multipart form ends early: send it again from the page")
    for piece in pieces[1:-1]:
        head, separator, content = piece.partition(b"\r\n\r\n")
        if not separator:
            raise UsageError("a part of the multipart form has no headers: send it again")
        headers = Message()
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip()] = value.strip()
        disposition = Message()
        disposition["content-type"] = "form-data; " + (
            headers.get("content-disposition", "").partition(";")[2])
        name = _param(disposition, "name")
        if name is None:
            continue
        filename = _param(disposition, "filename")
        if filename is not None:
            form.files[name] = Upload(filename, content)
        else:
            form.values[name] = content.decode("utf-8", "replace")
    return form
