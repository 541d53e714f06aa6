"""What a document is listed and faceted by, and how a document without an id gets one.

These are domain rules, not storage: every store and the search index take them from here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cablewire.model.ids import make_document_id


@dataclass(frozen=True)
class Listing:
    """The columns a document is listed, sorted and faceted by."""

    kind: str
    title: str | None
    date: str | None
    year: int | None
    origin: str | None
    classification: str | None


def listing(doc: dict[str, Any]) -> Listing:
    """A document's listing columns: a cable's `created` and origin, an article's `published`
    and publisher; the title, else the subject, else the dateline."""
    if doc.get("kind") == "cable":
        date = doc.get("created")
        origin = doc.get("origin")
    else:
        date = doc.get("published")
        origin = doc.get("publisher") or doc.get("site_name")
    title = doc.get("title") or doc.get("subject") or doc.get("dateline")
    year = int(date[:4]) if date and date[:4].isdigit() else None
    return Listing(str(doc.get("kind") or "document"), title, date, year, origin,
                   doc.get("classification"))


def content_hash(doc: dict[str, Any]) -> str:
    """Hash of a document's JSON form without `source`: the same text read from another path
    is the same content."""
    body = {k: v for k, v in doc.items() if k != "source"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


def with_id(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with its id: its own, or one made from its content when it has none."""
    if doc.get("id"):
        return doc
    return {**doc, "id": make_document_id(str(doc.get("kind") or "document"), content_hash(doc))}
