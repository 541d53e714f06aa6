"""Each mention of an entity in its sentence: what the entity page's mentions list shows.

The entities stage keeps, for every document, where each entity is named (field, paragraph,
offsets, `Mention`) and the sentence bounds of each text segment it read (`sentences`). A
mention's sentence is the segment's sentence holding it; a segment without bounds (a header
field, an older result) gives the text around the mention, cut at the nearest sentence end.
Mentions are those the archive shows: with the users' corrections applied
(`cablewire.store.keymap`).
"""

from __future__ import annotations

from typing import Any

from cablewire.enrich.structure import segments
from cablewire.results import Entity, EntityMention, EntityMentions
from cablewire.store.base import Store
from cablewire.store.keymap import active, correct_results

AROUND = 240
"""Characters each side of a mention when its segment has no sentence bounds."""


def entity_mentions(store: Store, entity: Entity, limit: int = 1000) -> EntityMentions:
    """Every mention of `entity` in the documents that name it (oldest first), the first
    `limit` of them with their sentence."""
    corrections = active(store.corrections())
    out: list[EntityMention] = []
    total = 0
    for listed in entity["documents"]:
        doc_id = listed["id"]
        results = correct_results(doc_id, store.results(doc_id), corrections)
        found = _mentions_of(entity["key"], results)
        total += len(found)
        if len(out) >= limit or not found:
            continue
        doc = store.get(doc_id) or {}
        texts = {(s.field, s.paragraph): s.text for s in segments(doc)}
        bounds = _sentence_bounds(results)
        for mention in found[: limit - len(out)]:
            where = (mention["field"], mention.get("paragraph"))
            text = texts.get(where, "")
            sentence, mark = in_sentence(text, int(mention["start"]), int(mention["end"]),
                                         bounds.get(where, []))
            out.append({"document": doc_id, "title": listed["title"], "date": listed["date"],
                        "field": mention["field"], "paragraph": mention.get("paragraph"),
                        "start": mention["start"], "end": mention["end"],
                        "text": mention.get("text") or text[mention["start"]:mention["end"]],
                        "sentence": sentence, "mark": mark})
    return {"key": entity["key"], "name": entity["name"], "type": entity["type"],
            "documents": len(entity["documents"]), "total": total, "mentions": out}


def _mentions_of(key: str, results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out: list[dict[str, Any]] = []
    for stage in sorted(results):
        for e in results[stage].get("entities") or []:
            if e["key"] != key:
                continue
            for m in e.get("mentions") or []:
                at = (m["field"], m.get("paragraph"), m["start"], m["end"])
                if at not in seen:
                    seen.add(at)
                    out.append(m)
    return out


def _sentence_bounds(results: dict[str, dict[str, Any]]) -> dict[tuple[str, int | None],
                                                                   list[tuple[int, int]]]:
    out: dict[tuple[str, int | None], list[tuple[int, int]]] = {}
    for data in results.values():
        for entry in data.get("sentences") or []:
            out.setdefault((entry["field"], entry.get("paragraph")), [
                (int(a), int(b)) for a, b in entry.get("spans") or []])
    return out


def in_sentence(text: str, start: int, end: int,
                bounds: list[tuple[int, int]]) -> tuple[str, tuple[int, int]]:
    """The sentence of `text` holding `[start, end)` (whitespace collapsed to single spaces),
    and where the mention is in it. Without `bounds`, the text around it (`AROUND` characters
    each side at most), cut after the last full stop before and at the first after."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    span = next(((a, b) for a, b in bounds if a <= start and end <= b), None)
    if span is None:
        lo, hi = max(0, start - AROUND), min(len(text), end + AROUND)
        stop = text.rfind(". ", lo, start)
        lo = stop + 2 if stop >= 0 else lo
        after = text.find(". ", end, hi)
        hi = after + 1 if after >= 0 else hi
        span = (lo, hi)
    before, mention, after_ = (text[span[0]:start], text[start:end], text[end:span[1]])
    head, body, tail = (_collapse(before).lstrip(), _collapse(mention), _collapse(after_).rstrip())
    return head + body + tail, (len(head), len(head) + len(body))


def _collapse(text: str) -> str:
    """Runs of whitespace as one space (in one pass, linear in the text)."""
    out: list[str] = []
    space = False
    for ch in text:
        if ch.isspace():
            space = True
            continue
        if space:
            out.append(" ")
            space = False
        out.append(ch)
    if space:
        out.append(" ")
    return "".join(out)
