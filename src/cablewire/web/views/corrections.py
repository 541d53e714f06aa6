"""An entity's mentions in their sentences, and users' corrections of the entities.

    GET  /entities/{key}/mentions          /api/entities/{key}/mentions?limit=
    GET  /api/corrections                  every correction, undone ones too
    POST /api/corrections                  merge, split or reject (JSON, or the page's form)
    POST /api/corrections/{id}/undo        undo one

A write needs the server's token (`Authorization: Bearer TOKEN`, or the form's `token` field),
comes from this site (`Sec-Fetch-Site`, else `Origin`, must not name another), and is at most
64 KiB. A form is answered by going back to the page (303); JSON by the correction (201).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cablewire.archive import Archive
from cablewire.enrich.corrections import mention_id, parse_mention
from cablewire.errors import CablewireError, UsageError
from cablewire.results import EntityCorrection, EntityMention, EntityMentions
from cablewire.web.bodies import form_fields, read_body
from cablewire.web.operations import BAD_REQUEST, Param, operation
from cablewire.web.presenters.entity_links import TYPE_LABELS, entity_url
from cablewire.web.rendering import json_response, render
from cablewire.web.state import state_of
from cablewire.web.views.archive import check_token
from cablewire.web.views.entities import KEY
from cablewire.web.views.search import whole_number

MAX_BODY = 64 * 2**10
WRITE_ERRORS = {400: BAD_REQUEST, 401: "No token, or the wrong one",
                403: "Sent from another site", 404: "No such entity or correction",
                413: "Over 64 KiB"}


class CrossSite(CablewireError):
    """A write sent from another site's page."""

    status = 403
    exit_code = 2


def check_same_site(request: Request) -> None:
    """Refuse a write another site's page sent: a browser says where a request comes from in
    `Sec-Fetch-Site` (or, older ones, `Origin`); a client that sends neither is no browser."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        if site not in ("same-origin", "none"):
            raise CrossSite(f"a correction sent from another site ({site}) is refused: make it"
                            " on this server's entity page")
        return
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise CrossSite(f"a correction sent from {origin} is refused: make it on this"
                        " server's entity page")


# -- mentions --------------------------------------------------------------------------------------

def _limit(request: Request) -> int:
    return min(whole_number(request.query_params.get("limit"), "limit", 1000, minimum=1), 10000)


@operation("An entity's mentions", "Each mention of an entity, document by document (oldest"
           " first), in its sentence with the mention's place in it. The data of the mentions"
           " page.", tag="entities", answer="The mentions", returns=EntityMentions,
           params=(KEY, Param("limit", "How many mentions (at most 10000)",
                              {"type": "integer", "default": 1000, "minimum": 1})),
           errors={400: BAD_REQUEST, 404: "No such entity"})
async def mentions_json(request: Request) -> Response:
    key, limit = request.path_params["key"], _limit(request)
    return json_response(await state_of(request).call(
        lambda archive: archive.mentions(key, limit)))


def marked(mention: EntityMention) -> Markup:
    """The mention's sentence, escaped, the mention in `<mark>`."""
    a, b = mention["mark"]
    text = mention["sentence"]
    return escape(text[:a]) + Markup("<mark>{}</mark>").format(text[a:b]) + escape(text[b:])


async def mentions_html(request: Request) -> Response:
    key, limit = request.path_params["key"], _limit(request)
    found = await state_of(request).call(lambda archive: archive.mentions(key, limit))
    if found["key"] != key:
        return Response(status_code=308,
                        headers={"location": entity_url(found["key"]) + "/mentions"})
    rows = [{**m, "html": marked(m),
             "id": mention_id(m["document"], m["field"], m["paragraph"], m["start"])}
            for m in found["mentions"]]
    return render(request, "mentions.html", {
        "title": f"{found['name']}: mentions", "found": found, "rows": rows,
        "label": TYPE_LABELS.get(found["type"], found["type"]),
        "entity_url": entity_url, "writable": bool(state_of(request).token)})


# -- corrections -----------------------------------------------------------------------------------

@operation("Corrections", "Every user correction of the entities (merge, split, reject), oldest"
           " first, undone ones too: who made it, when, and what it does.", tag="entities",
           answer="The corrections", returns=list[EntityCorrection])
async def corrections_json(request: Request) -> Response:
    return json_response(await state_of(request).call(lambda archive: archive.corrections()))


CORRECTION_BODY = {"type": "object", "required": ["action", "key"], "properties": {
    "action": {"type": "string", "enum": ["merge", "split", "reject"]},
    "key": {"type": "string", "description": "The entity corrected (key or name)"},
    "into": {"type": "string", "description": "merge: the entity it is (key or name)"},
    "name": {"type": "string", "description": "split: the new entity's name"},
    "names": {"type": "array", "items": {"type": "string"},
              "description": "split: mentions written so leave"},
    "documents": {"type": "array", "items": {"type": "string"},
                  "description": "split: every mention in these documents leaves"},
    "mentions": {"type": "array", "items": {"type": "string"},
                 "description": "split: these mentions leave (DOC:FIELD:PARAGRAPH:START)"},
    "by": {"type": "string"}, "note": {"type": "string"}}}


async def _read(request: Request) -> tuple[dict[str, Any], bool]:
    """The write's fields, and whether it came from a form. The token is checked here, after
    the size and before anything is parsed further."""
    check_same_site(request)
    body = await read_body(request, MAX_BODY, "a correction is a few fields")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        check_token(request)
        try:
            fields = json.loads(body or b"{}")
        except ValueError:
            raise UsageError("the body is not JSON: send an object such as"
                             ' {"action": "reject", "key": "person:x"}') from None
        if not isinstance(fields, dict):
            raise UsageError('the body is a JSON object: {"action": ..., "key": ...}')
        return fields, False
    form = form_fields(body, request.headers.get("content-type", ""))
    check_token(request, form.text("token"))
    values: dict[str, Any] = {k: v for k, v in form.values.items() if k != "token"}
    for many in ("names", "documents", "mentions"):  # one per line in a form's text area
        lines = [v.strip() for v in values.pop(many, "").splitlines() if v.strip()]
        values[many] = lines
    values["mentions"] = [*values["mentions"], *_checked(body)]
    return values, True


def _checked(body: bytes) -> list[str]:
    """The mentions ticked in the mentions page's form (one `mention` field each)."""
    from urllib.parse import parse_qsl

    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=False)
    except UnicodeDecodeError:
        return []
    return [value for name, value in pairs if name == "mention"]


def _strings(fields: dict[str, Any], name: str) -> list[str]:
    value = fields.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{name} is a list of strings")
    return value


def _text(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name) or ""
    if not isinstance(value, str):
        raise UsageError(f"{name} is a string")
    return value.strip()


def _back(fields: dict[str, Any], fallback: str) -> str:
    """Where a form goes back to: the page it names (a path on this site), or `fallback`."""
    target = _text(fields, "next")
    return target if target.startswith("/") and not target.startswith("//") else fallback


@operation("Correct the entities", "Merge two entities, split mentions off one, or reject one"
           " as not an entity; kept as the user's decision, never changed by a re-run of the"
           " stages. Needs the server's token.", tag="entities", answer="The correction",
           returns=EntityCorrection, status=201, errors=WRITE_ERRORS,
           body={"application/json": CORRECTION_BODY}, token=True)
async def correct_json(request: Request) -> Response:
    fields, from_form = await _read(request)
    action, key = _text(fields, "action"), _text(fields, "key")
    by = _text(fields, "by") or "web"
    note = _text(fields, "note")
    if not key:
        raise UsageError("say which entity: key")
    refs = [parse_mention(m) for m in _strings(fields, "mentions")]
    names, documents = _strings(fields, "names"), _strings(fields, "documents")
    into, name = _text(fields, "into"), _text(fields, "name")

    def run(archive: Archive) -> EntityCorrection:
        if action == "merge":
            return archive.merge_entities(key, into, by, note)
        if action == "split":
            return archive.split_entity(key, name, by, names, documents, refs, note)
        if action == "reject":
            return archive.reject_entity(key, by, note)
        raise UsageError(f"action={action!r}: use merge, split or reject")

    made = await state_of(request).call(run)
    if from_form:
        shown = made["into"] or made["key"]
        fallback = "/entities" if made["action"] == "reject" else entity_url(shown)
        return RedirectResponse(_back(fields, fallback), status_code=303)
    return json_response(made, status_code=201)


@operation("Undo a correction", "The archive as if the correction had not been made; it stays"
           " listed, marked undone. Needs the server's token.", tag="entities",
           answer="The correction, undone", returns=EntityCorrection, errors=WRITE_ERRORS,
           params=(Param("correction_id", "The correction's id", {"type": "integer"},
                         where="path"),), token=True)
async def undo_json(request: Request) -> Response:
    fields, from_form = await _read(request)
    raw = request.path_params["correction_id"]
    if not raw.isdigit():
        raise UsageError(f"{raw!r} is not a correction id: see /api/corrections")
    by = _text(fields, "by") or "web"
    made = await state_of(request).call(lambda archive: archive.undo_correction(int(raw), by))
    if from_form:
        return RedirectResponse(_back(fields, entity_url(made["key"])), status_code=303)
    return json_response(made)
