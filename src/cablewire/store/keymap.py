"""Users' corrections of entities applied to what the stages found: one function, every store.

The stages' results are stored as they made them; a user's corrections (`EntityCorrection`:
merge, split, reject) live apart, in the order they were made. What the archive shows of a
document (its derived rows, its enrichment view, its search index entry) is
`correct_results(document, results, corrections)`: the stages' results with the corrections
that apply (not undone) replayed over them in order. So a re-run of a stage changes nothing a
user decided, and undoing a correction is replaying the others.

Replaying a correction on one document:

- merge `key` into `into`: its entity entry takes the key `into` (and the correction's name,
  its own name becoming an alias); two entries of one key in a document become one, their
  mentions, aliases and facts joined;
- split `key`: the mentions the correction chooses (`documents`, `names`, `mentions`) leave the
  entry for a new entry keyed `into`; when all of them leave, the entry itself is re-keyed;
- reject `key`: its entry is dropped.

Keys elsewhere in the document's results (places, the entities of dated events, quote speakers)
follow the entry they belong to: re-keyed, dropped when rejected, and kept when a split leaves
some mentions behind. An entry a correction touched lists the correction's id in `corrections`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from cablewire.results import EntityCorrection

Results = dict[str, dict[str, Any]]


def active(corrections: Iterable[EntityCorrection]) -> list[EntityCorrection]:
    """The corrections that apply (not undone), in the order they were made."""
    return sorted((c for c in corrections if c["undone_at"] is None), key=lambda c: c["id"])


def named_keys(corrections: Iterable[EntityCorrection]) -> set[str]:
    """Every key the corrections name: a document naming none of them is shown as found."""
    return {k for c in corrections for k in (c["key"], c["into"]) if k}


def affected_keys(corrections: Iterable[EntityCorrection], keys: Iterable[str]) -> set[str]:
    """The keys linked to `keys` through corrections (done or undone): the documents whose
    shown entities a change of one of those corrections can alter are those naming one."""
    edges: dict[str, set[str]] = {}
    for c in corrections:
        if c["into"]:
            edges.setdefault(c["key"], set()).add(c["into"])
            edges.setdefault(c["into"], set()).add(c["key"])
    seen = set(keys)
    todo = list(seen)
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def merged_into(corrections: Iterable[EntityCorrection], key: str) -> str | None:
    """Where merges that apply took `key` (following one into another), None when none
    did: an old address of a merged entity leads to the one it became."""
    into = {c["key"]: c["into"] for c in active(corrections) if c["action"] == "merge"}
    seen = {key}
    while key in into and into[key] is not None and into[key] not in seen:
        key = str(into[key])
        seen.add(key)
    return key if len(seen) > 1 else None


def correct_results(doc_id: str, results: Results,
                    corrections: Iterable[EntityCorrection]) -> Results:
    """A document's stage results (by stage) as the archive shows them: `corrections` that
    apply replayed over them in order. The arguments are not changed."""
    live = {key for data in results.values() for key in _keys_in(data)}
    todo = []
    for c in active(corrections):  # those naming a key found here, or one an earlier made
        if c["key"] in live:
            todo.append(c)
            if c["into"]:
                live.add(c["into"])
    if not todo:
        return results
    out = {stage: dict(data) for stage, data in results.items()}
    fate: dict[str, str | None] = {}  # key found -> key shown (None: not an entity)
    for data in out.values():
        for key in _keys_in(data):
            fate.setdefault(key, key)
    held = _entity_keys(results)
    for data in out.values():
        if data.get("entities"):
            data["entities"] = _correct_entities(doc_id, copy.deepcopy(data["entities"]),
                                                 todo, fate)
    # Keys no entity entry holds (a result naming an entity no stage found here) follow merges.
    for c in todo:
        if c["action"] == "merge":
            for key, now in fate.items():
                if now == c["key"] and key not in held:
                    fate[key] = c["into"]
    for data in out.values():
        _correct_references(data, fate)
    return out


def _keys_in(data: dict[str, Any]) -> Iterable[str]:
    for e in data.get("entities") or []:
        yield e["key"]
    for p in data.get("places") or []:
        yield p["key"]
    for event in data.get("events") or []:
        yield from event.get("entities") or []
    for q in data.get("quotes") or []:
        if q.get("speaker_key"):
            yield q["speaker_key"]


def _entity_keys(results: Results) -> set[str]:
    return {e["key"] for data in results.values() for e in data.get("entities") or []}


def _correct_entities(doc_id: str, entities: list[dict[str, Any]],
                      todo: list[EntityCorrection],
                      fate: dict[str, str | None]) -> list[dict[str, Any]]:
    """Replay `todo` over one stage's entity entries; `fate` learns where each key went."""
    for c in todo:
        if c["action"] == "reject":
            entities = [e for e in entities if e["key"] != c["key"]]
            _follow(fate, c["key"], None)
            continue
        out: list[dict[str, Any]] = []
        for e in entities:
            if e["key"] != c["key"]:
                out.append(e)
                continue
            mentions = e.get("mentions") or []
            moved = mentions if c["action"] == "merge" else [
                m for m in mentions if _chosen(c, doc_id, m)]
            if not moved:
                out.append(e)
                continue
            texts = list(dict.fromkeys(m["text"] for m in moved))
            if len(moved) == len(mentions):
                if c["action"] == "split":  # it goes by the names of the mentions it keeps
                    e["aliases"] = [t for t in texts if t != c["name"]]
                _rename(e, c)
                out.append(e)
                _follow(fate, c["key"], c["into"])
                continue
            kept = [m for m in mentions if m not in moved]
            left = {m["text"] for m in kept}
            e["mentions"] = kept
            e["aliases"] = [a for a in e.get("aliases") or [] if a not in texts or a in left]
            out.append(e)
            name = c["name"] or texts[0]
            out.append({"key": c["into"], "type": e["type"], "name": name,
                        "aliases": [t for t in texts if t != name], "facts": [],
                        "mentions": moved, "corrections": [c["id"]]})
            _mark(e, c)
        entities = _fold(out)
    return entities


def _chosen(c: EntityCorrection, doc_id: str, mention: dict[str, Any]) -> bool:
    if doc_id in c["documents"]:
        return True
    text = str(mention.get("text") or "").casefold()
    if text and text in {n.casefold() for n in c["names"]}:
        return True
    return {"document": doc_id, "field": mention.get("field"),
            "paragraph": mention.get("paragraph"), "start": mention.get("start")} in c["mentions"]


def _rename(e: dict[str, Any], c: EntityCorrection) -> None:
    e["key"] = c["into"]
    if c["name"] and c["name"] != e["name"]:
        names = [e["name"]] if c["action"] == "merge" else []
        e["aliases"] = [a for a in dict.fromkeys([*names, *(e.get("aliases") or [])])
                        if a != c["name"]]
        e["name"] = c["name"]
    _mark(e, c)


def _mark(e: dict[str, Any], c: EntityCorrection) -> None:
    e["corrections"] = sorted({*(e.get("corrections") or []), c["id"]})


def _follow(fate: dict[str, str | None], key: str, into: str | None) -> None:
    for found, now in fate.items():
        if now == key:
            fate[found] = into


def _fold(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per key: later entries of a key join the first (mentions, aliases, facts)."""
    first: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for e in entities:
        kept = first.get(e["key"])
        if kept is None:
            first[e["key"]] = e
            out.append(e)
            continue
        kept["mentions"] = sorted(
            [*(kept.get("mentions") or []), *(e.get("mentions") or [])],
            key=lambda m: (m.get("field") or "", m.get("paragraph") or 0, m.get("start") or 0))
        kept["aliases"] = [a for a in dict.fromkeys(
            [*(kept.get("aliases") or []), e["name"], *(e.get("aliases") or [])])
            if a != kept["name"]]
        facts = [*(kept.get("facts") or [])]
        facts += [f for f in e.get("facts") or [] if f not in facts]
        kept["facts"] = facts
        if e.get("corrections") or kept.get("corrections"):
            kept["corrections"] = sorted({*(kept.get("corrections") or []),
                                          *(e.get("corrections") or [])})
    return out


def _correct_references(data: dict[str, Any], fate: dict[str, str | None]) -> None:
    """Places, events and quotes of one stage's result, their keys where `fate` sends them."""
    if data.get("places"):
        places, seen = [], set()
        for p in data["places"]:
            key = fate.get(p["key"], p["key"])
            if key is not None and key not in seen:
                seen.add(key)
                places.append(dict(p, key=key))
        data["places"] = places
    if data.get("events"):
        data["events"] = [
            dict(e, entities=list(dict.fromkeys(
                k for k in (fate.get(k, k) for k in e.get("entities") or []) if k is not None)))
            for e in data["events"]]
    if data.get("quotes"):
        data["quotes"] = [dict(q, speaker_key=fate.get(q["speaker_key"], q["speaker_key"]))
                          if q.get("speaker_key") else q for q in data["quotes"]]
