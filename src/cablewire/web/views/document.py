"""A document's page (cable or article), its original as ingested, the documents behind it (the
linking blend) and the cross-reference of its cast: each the HTML and the JSON rendering of one
library call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, TypedDict

from starlette.requests import Request
from starlette.responses import Response

from cablewire.archive import Archive
from cablewire.results import Background, CrossReference, Described, Shown
from cablewire.web.operations import BAD_REQUEST, Param, operation
from cablewire.web.presenters.article import present_article
from cablewire.web.presenters.background import present_background
from cablewire.web.presenters.cable import present_cable
from cablewire.web.presenters.cast import present_cast
from cablewire.web.presenters.revisions import present_revisions
from cablewire.web.rendering import document_url, json_response, render
from cablewire.web.state import state_of
from cablewire.web.views.background import BackgroundParams, background_params
from cablewire.web.views.search import whole_number

RELATED_LIMIT = 8
CAST_PER_ENTITY = 5

DOC_ID = Param("doc_id", "A document id: a cable id in any written form (09BAMAKO387,"
                         " BAMAKO 387 of 2009 is 09BAMAKO387) or an article id",
               {"type": "string"}, where="path", example="09BAMAKO387")
REVISION = Param("revision", "A revision number (default: the current one)",
                 {"type": "integer", "minimum": 1})
NO_DOCUMENT = {400: BAD_REQUEST, 404: "No such document"}


class DocumentEntities(TypedDict):
    id: str
    enrichment: Annotated[dict[str, Any] | None, Described(
        "The enrichment stage's result (the shapes of cablewire.enrich.model): entities with"
        " every mention, places with coordinates, dates, dated events, quotes and decoded"
        " jargon; null when the document is not enriched")]


def _doc_id(request: Request) -> str:
    value: str = request.path_params["doc_id"]
    return value


@operation("A document", "The document (its current revision), the cables it cites and the"
           " documents that cite it (with in_archive and in_release), its revisions with their"
           " completeness, which revision is current and why (`current`: the most complete,"
           " then the latest release, then the latest ingested), and its original's size. The"
           " data of the cable and article pages.", tag="documents",
           answer="The document and its links", params=(DOC_ID,), returns=Shown,
           errors=NO_DOCUMENT)
async def document_json(request: Request) -> Response:
    doc_id = _doc_id(request)
    return json_response(await state_of(request).call(lambda archive: archive.show(doc_id)))


@operation("A document's entities", "The enrichment stage's results for the document: entities"
           " with every mention (field, paragraph, character offsets), places with coordinates,"
           " dates, dated events, quotes and decoded jargon.", tag="entities",
           answer="The enrichment", params=(DOC_ID,), returns=DocumentEntities,
           errors=NO_DOCUMENT)
async def entities_json(request: Request) -> Response:
    """The enrichment of one document: entities with their mentions, places, dates, events,
    quotes and jargon (null when the document has not been enriched)."""
    doc_id = _doc_id(request)
    def load(archive: Archive) -> DocumentEntities:
        return {"id": archive.resolve_id(doc_id), "enrichment": archive.enrichment(doc_id)}

    return json_response(await state_of(request).call(load))


@operation("The documents behind a document", "The linking blend for a stored document: the"
           " documents that share its names (people, organisations, places, after alias"
           " resolution), its distinctive terms and its citations, fused by rank, each hit with"
           " the parts that ranked it and their evidence (`reasons`). An article's background"
           " ends at its date unless `before` says otherwise. The related panel of the cable"
           " and article pages. Changed: this answered `{id, terms, documents}` (shared key"
           " terms only); it now answers the blend's shape, as `POST /api/background` and"
           " `cablewire related --json` do.", tag="documents",
           answer="The hits with their reasons", returns=Background, errors=NO_DOCUMENT,
           params=(DOC_ID, *background_params(RELATED_LIMIT)))
async def related_json(request: Request) -> Response:
    doc_id = _doc_id(request)
    params = BackgroundParams.read(request.query_params.get, RELATED_LIMIT)
    return json_response(await state_of(request).call(
        lambda archive: archive.background(doc_id, params.kind, params.before, params.after,
                                           params.limit)))


@operation("Where else the cast appears", "Each person, organisation, group and place the"
           " document names, with how many other documents name it and those that mention it"
           " most (ties: the newest first); entities no other document names are in only_here.",
           tag="entities", answer="The document's cast, cross-referenced", returns=CrossReference,
           errors=NO_DOCUMENT,
           params=(DOC_ID, Param("per_entity", "How many documents to list per entity (at most"
                                 " 50)", {"type": "integer", "default": CAST_PER_ENTITY,
                                          "minimum": 0})))
async def cross_reference_json(request: Request) -> Response:
    doc_id = _doc_id(request)
    per_entity = min(50, whole_number(request.query_params.get("per_entity"), "per_entity",
                                      CAST_PER_ENTITY, minimum=0))
    return json_response(await state_of(request).call(
        lambda archive: archive.cross_reference(doc_id, per_entity)))


@dataclass
class Page:
    shown: Shown
    related: Background
    enrichment: dict[str, Any] | None
    cast: CrossReference


def _page(archive: Archive, doc_id: str) -> Page:
    """A document, the documents behind it (a cable's of either kind and any date, an
    article's from before its date: the blend's defaults) and its enrichment."""
    shown = archive.show(doc_id)
    found = shown["document"]["id"]
    return Page(shown, archive.background(found, limit=RELATED_LIMIT),
                archive.enrichment(found), archive.cross_reference(found, CAST_PER_ENTITY))


async def document_html(request: Request) -> Response:
    doc_id = _doc_id(request)
    page = await state_of(request).call(lambda archive: _page(archive, doc_id))
    shown = page.shown
    doc = shown["document"]
    if doc["id"] != doc_id:  # another written form of the id: one address per document
        return Response(status_code=308, headers={"location": document_url(doc["id"])})
    context: dict[str, Any] = {"shown": shown, "doc": doc,
                               "revisions": present_revisions(shown),
                               "related": present_background(page.related),
                               "api_url": "/api" + document_url(doc["id"]),
                               "cast": present_cast(page.cast, corrected_here(page.enrichment))}
    if doc.get("kind") == "cable":
        context["view"] = present_cable(shown, enrichment=page.enrichment)
        context["title"] = f"{doc['id']}: {doc.get('title') or doc.get('subject') or ''}"
        return render(request, "cable.html", context)
    context["view"] = present_article(shown, enrichment=page.enrichment)
    context["title"] = doc.get("title") or doc.get("dateline") or doc["id"]
    return render(request, "article.html", context)


def corrected_here(enrichment: dict[str, Any] | None) -> set[str]:
    """The keys of the entities a user's correction changed in this document."""
    return {e["key"] for e in (enrichment or {}).get("entities") or [] if e.get("corrections")}


def _original(archive: Archive, doc_id: str, revision: int | None) -> tuple[str, bytes, Shown]:
    found = archive.resolve_id(doc_id)
    return found, archive.original(found, revision), archive.show(found)


@operation("The original as ingested", "The exact bytes the document was read from.",
           tag="documents", answer="The original bytes", params=(DOC_ID, REVISION),
           media="text/plain", errors={**NO_DOCUMENT, 404: "No such document or revision"})
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
