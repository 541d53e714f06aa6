"""Where else the cast of a document appears: its cross-reference (`Archive.cross_reference`)
grouped by entity type for the page's panel, each entity with the links a reader follows: its
entity page, a search for the other documents naming it, and the documents that name it most."""

from __future__ import annotations

from typing import Any

from cablewire.results import CrossReference
from cablewire.web.presenters.entity_links import TYPE_LABELS, entity_url
from cablewire.web.rendering import document_url, search_url

PLURAL_LABELS = {"person": "People", "organization": "Organisations", "group": "Groups",
                 "place": "Places"}


def others_query(key: str, doc_id: str) -> str:
    """The search for the documents naming the entity `key`, the document itself left out."""
    return f'entity:"{key}" -id:"{doc_id}"'


def present_cast(cast: CrossReference,
                 corrected: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    """The panel's data: `groups` of the entities other documents name too, in the order of
    the cross-reference (by type, then by mentions here), and those named only here; those
    whose key is in `corrected` (a user's correction changed them here) say so."""
    groups: list[dict[str, Any]] = []
    for member in cast["entities"]:
        if not groups or groups[-1]["type"] != member["type"]:
            groups.append({"type": member["type"],
                           "label": PLURAL_LABELS.get(member["type"],
                                                      TYPE_LABELS.get(member["type"],
                                                                      member["type"].title())),
                           "entities": []})
        groups[-1]["entities"].append({
            "key": member["key"], "name": member["name"], "type": member["type"],
            "url": entity_url(member["key"]), "mentions": member["mentions"],
            "documents": member["documents"], "corrected": member["key"] in corrected,
            "search_url": search_url(others_query(member["key"], cast["id"])),
            "strongest": [{**doc, "url": document_url(doc["id"])}
                          for doc in member["strongest"]],
        })
    only_here = [{"name": m["name"], "type": m["type"], "url": entity_url(m["key"]),
                  "corrected": m["key"] in corrected} for m in cast["only_here"]]
    return {"id": cast["id"], "groups": groups, "only_here": only_here,
            "named": len(cast["entities"]) + len(cast["only_here"])}
