"""A document's page (cable or article), its original as ingested, and its related documents:
each the HTML and the JSON rendering of one library call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cablewire.archive import Archive
from cablewire.link.related import related
from cablewire.web.presenters.article import present_article
from cablewire.web.presenters.cable import present_cable
from cablewire.web.rendering import document_url, json_response, render
from cablewire.web.state import state_of
from cablewire.web.views.search import whole_number

RELATED_LIMIT = 8


def _doc_id(request: Request) -> str:
    value: str = request.path_params["doc_id"]
    return value


async def document_json(request: Request) -> Response:
    doc_id = _doc_id(request)
    return json_response(await state_of(request).call(lambda archive: archive.show(doc_id)))


async def entities_json(request: Request) -> Response:
    """The enrichment of one document: entities with their mentions, places, dates, events,
    quotes and jargon (null when the document has not been enriched)."""
    doc_id = _doc_id(request)
    return json_response(await state_of(request).call(lambda archive: {
        "id": archive.resolve_id(doc_id), "enrichment": archive.enrichment(doc_id)}))


async def related_json(request: Request) -> Response:
    doc_id = _doc_id(request)
    limit = min(50, whole_number(request.query_params.get("limit"), "limit", RELATED_LIMIT,
                                   minimum=1))
    return json_response(
        await state_of(request).call(lambda archive: related(archive, doc_id, limit)))


@dataclass
class Page:
    shown: dict[str, Any]
    related: dict[str, Any]
    enrichment: dict[str, Any] | None


def _page(archive: Archive, doc_id: str) -> Page:
    shown = archive.show(doc_id)
    found = shown["document"]["id"]
    return Page(shown, related(archive, found, RELATED_LIMIT), archive.enrichment(found))


async def document_html(request: Request) -> Response:
    doc_id = _doc_id(request)
    page = await state_of(request).call(lambda archive: _page(archive, doc_id))
    shown = page.shown
    doc = shown["document"]
    if doc["id"] != doc_id:  # another written form of the id: one address per document
        return Response(status_code=308, headers={"location": document_url(doc["id"])})
    context: dict[str, Any] = {"shown": shown, "doc": doc, "related": page.related,
                               "api_url": "/api" + document_url(doc["id"])}
    if doc.get("kind") == "cable":
        context["view"] = present_cable(shown, enrichment=page.enrichment)
        context["title"] = f"{doc['id']}: {doc.get('title') or doc.get('subject') or ''}"
        return render(request, "cable.html", context)
    context["view"] = present_article(shown, enrichment=page.enrichment)
    context["title"] = doc.get("title") or doc.get("dateline") or doc["id"]
    return render(request, "article.html", context)


def _original(archive: Archive, doc_id: str, revision: int | None) -> tuple[str, bytes,
                                                                              dict[str, Any]]:
    found = archive.resolve_id(doc_id)
    return found, archive.original(found, revision), archive.show(found)


async def original_raw(request: Request) -> Response:
    """The bytes exactly as ingested, as plain text the browser will not interpret."""
    doc_id = _doc_id(request)
    revision = _revision(request)
    found, data, _shown = await state_of(request).call(
        lambda archive: _original(archive, doc_id, revision))
    charset = "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        charset = "latin-1"
    return Response(data, media_type=f"text/plain; charset={charset}", headers={
        "content-disposition": f'inline; filename="{found}.txt"'})


async def original_html(request: Request) -> Response:
    doc_id = _doc_id(request)
    revision = _revision(request)
    found, data, shown = await state_of(request).call(
        lambda archive: _original(archive, doc_id, revision))
    suffix = f"?revision={revision}" if revision else ""
    return render(request, "original.html", {
        "title": f"{found} as ingested",
        "doc": shown["document"],
        "shown": shown,
        "revision": revision,
        "text": data.decode("utf-8", errors="replace"),
        "bytes": len(data),
        "raw_url": "/api" + document_url(found) + "/original" + suffix,
    })


def _revision(request: Request) -> int | None:
    raw = request.query_params.get("revision")
    return whole_number(raw, "revision", 1, minimum=1) if raw else None
