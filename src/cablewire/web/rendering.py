"""The two renderings of a view's data: HTML through Jinja2 templates (autoescaped, strict about
undefined names) and JSON.

Document text is data: templates never mark it safe. A search snippet comes from the library as
plain text and the ranges of its matched words; `snippet_html` escapes the text and puts `<b>`
around those ranges, the only tags it makes.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

from cablewire.index.snippets import pieces
from cablewire.results import Snippet

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def snippet_html(snippet: Snippet | None) -> Markup:
    """A library snippet as HTML: its text escaped, its matched words in `<b>`."""
    if not snippet:
        return Markup("")
    return Markup("").join(Markup("<b>{}</b>").format(piece) if matched else escape(piece)
                           for piece, matched in pieces(snippet))


_MONTH_NAMES = ("January February March April May June July August September October "
                "November December").split()


def readable_date(value: Any) -> str:
    """'2009-06-12T11:16:00' -> '12 June 2009, 11:16'; other text as it is."""
    if value is None or value == "":
        return ""
    text = str(value)
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}))?", text)
    if not m:
        return text
    year, month, day, hour, minute = m.groups()
    if not 1 <= int(month) <= 12:
        return text
    out = f"{_MONTH_NAMES[int(month) - 1]} {year}"
    if day:
        out = f"{int(day)} {out}"
    if hour and (hour, minute) != ("00", "00"):
        out += f", {hour}:{minute}"
    return out


def document_url(doc_id: str) -> str:
    return "/documents/" + quote(str(doc_id), safe="")


def search_url(query: str = "", **params: Any) -> str:
    """A link to the search page; empty parameters and defaults are left out."""
    values: dict[str, Any] = {"q": query} if query else {}
    for key, value in params.items():
        if value not in (None, "", 0) and not (key == "sort" and value == "relevance") and not (
                key == "mode" and value == "words"):
            values[key] = value
    return "/search" + ("?" + urlencode(values) if values else "")


def number(value: Any) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["snippet"] = snippet_html
    env.filters["readable_date"] = readable_date
    env.filters["number"] = number
    env.globals["document_url"] = document_url
    env.globals["search_url"] = search_url
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, template: str, context: dict[str, Any],
           status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    return templates.TemplateResponse(request, template, context, status_code=status_code,
                                      headers=headers)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class UnicodeJSONResponse(JSONResponse):
    """JSON with non-ASCII text kept as it is."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=_default,
                          separators=(",", ":")).encode("utf-8")


def json_response(data: Any, status_code: int = 200,
                  headers: dict[str, str] | None = None) -> Response:
    return UnicodeJSONResponse(data, status_code=status_code, headers=headers)
