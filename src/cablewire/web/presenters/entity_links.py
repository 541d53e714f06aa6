"""Entities in a document's text: the enrichment stage's mentions (field, paragraph, character
offsets) turned into links to the entity pages, built from escaped pieces."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

TYPE_LABELS = {"person": "Person", "organization": "Organisation", "place": "Place",
               "group": "Group", "programme": "Programme", "program": "Programme"}

_LINK = Markup('<a class="entity entity-{type}" href="{url}" title="{name} ({label})">{text}</a>')


def entity_url(key: str) -> str:
    return "/entities/" + quote(key, safe=":")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    key: str
    type: str
    name: str


Mentions = dict[tuple[str, int | None], list[Mention]]


def index_mentions(enrichment: dict[str, Any] | None) -> Mentions:
    """Mentions by (field, paragraph), each list sorted by position."""
    out: Mentions = {}
    for entity in (enrichment or {}).get("entities") or []:
        for m in entity.get("mentions") or []:
            if not isinstance(m.get("start"), int) or not isinstance(m.get("end"), int):
                continue
            out.setdefault((m.get("field") or "", m.get("paragraph")), []).append(
                Mention(m["start"], m["end"], entity["key"], entity.get("type") or "other",
                        entity.get("name") or m.get("text") or entity["key"]))
    for mentions in out.values():
        mentions.sort(key=lambda m: (m.start, -m.end))
    return out


def entity_link(text: str, mention: Mention) -> Markup:
    return _LINK.format(type=mention.type, url=entity_url(mention.key), name=mention.name,
                        label=TYPE_LABELS.get(mention.type, mention.type), text=text)


def link_entities(text: str, mentions: list[Mention], start: int = 0, end: int | None = None,
                  plain: Callable[[str], Markup] = escape) -> Markup:
    """`text[start:end]` with the mentions that lie inside it linked; the rest through `plain`."""
    end = len(text) if end is None else end
    out = Markup("")
    at = start
    for m in mentions:
        if m.start < at or m.end > end or m.start >= m.end or m.start < start:
            continue
        out += plain(text[at:m.start]) + entity_link(text[m.start:m.end], m)
        at = m.end
    return out + plain(text[at:end])


def named_entities(enrichment: dict[str, Any] | None, limit: int = 40) -> list[dict[str, Any]]:
    """The entities a document names, most mentioned first, grouped for a side panel."""
    entities = sorted((enrichment or {}).get("entities") or [],
                      key=lambda e: (-len(e.get("mentions") or []), e.get("name") or ""))
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in entities[:limit]:
        groups.setdefault(e.get("type") or "other", []).append({
            "key": e["key"], "name": e.get("name") or e["key"], "url": entity_url(e["key"]),
            "mentions": len(e.get("mentions") or []), "aliases": e.get("aliases") or [],
            "facts": [f["value"] for f in e.get("facts") or [] if f.get("value")]})
    order = ["person", "organization", "group", "place"]
    return [{"type": t, "label": TYPE_LABELS.get(t, t.title()), "entities": groups[t]}
            for t in sorted(groups, key=lambda t: (order.index(t) if t in order else 9, t))]
