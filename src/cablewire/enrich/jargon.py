"""The `jargon` of an enrichment: a document's TAGS codes, routing indicators, precedence and
classification, each explained from the one jargon table (`cablewire.model.jargon`)."""

from __future__ import annotations

from typing import Any

from cablewire.enrich.model import Jargon, RouteMeaning, TagMeaning
from cablewire.model.jargon import PRECEDENCE, explain_classification, explain_tag, station_for


def explain_document(doc: dict[str, Any]) -> Jargon:
    """The jargon of one document (an article has none: empty lists and nulls)."""
    tags: list[TagMeaning] = []
    for tag in doc.get("tags") or []:
        kind, meaning = explain_tag(tag)
        tags.append({"tag": tag.strip(), "kind": kind, "meaning": meaning})
    routing: list[RouteMeaning] = []
    for field in ("recipients", "info_recipients"):
        for rec in doc.get(field) or []:
            route = rec.get("route")
            routing.append({"field": field, "route": route, "name": rec.get("name") or "",
                            "station": station_for(route)})
    precedence = None
    if doc.get("precedence"):
        word = str(doc["precedence"]).upper()
        precedence = {"marking": word, "meaning": PRECEDENCE.get(word, "unknown precedence")}
    return {
        "tags": tags,
        "routing": routing,
        "precedence": precedence,
        "classification": explain_classification(doc),
    }
