"""Users' corrections of the archive's entities, checked before the store records them.

    merge(store, "Qadhafi", "Muammar al-Qadhafi", by="ana")
    split(store, "Lula", "Lula da Silva", by="ana", names=["Lula da Silva"])
    reject(store, "Embassy Manama", by="ana")
    undo(store, 3, by="ana")

Entities are named by key or by any of their names; a name several entities go by must be
given as a key. The store records the decision (`Store.add_correction`) and shows the archive
through it (`cablewire.store.keymap`); this module only turns a request into a checked one.
"""

from __future__ import annotations

import unicodedata

from cablewire.errors import NotFound, UsageError
from cablewire.results import EntityCorrection, EntityMention, MentionRef
from cablewire.store.base import CorrectionRequest, Store


def resolve_key(store: Store, name: str) -> str:
    """The key of the one entity `name` names (a key, or a name only one entity goes by)."""
    keys = store.entity_keys(name.strip())
    if not keys:
        raise NotFound(f"no entity named {name!r} in this archive: list them with"
                       " `cablewire entities`")
    if len(keys) > 1:
        raise UsageError(f"{name!r} names {len(keys)} entities ({', '.join(keys[:8])}): give"
                         " the key of the one you mean")
    return keys[0]


def merge(store: Store, name: str, into: str, by: str, note: str = "") -> EntityCorrection:
    """`name` and `into` are one entity: `name` takes `into`'s key and name everywhere."""
    key, target = resolve_key(store, name), resolve_key(store, into)
    if key == target:
        raise UsageError(f"{name!r} and {into!r} are already one entity ({key})")
    merged, kept = store.entity(key), store.entity(target)
    assert merged is not None and kept is not None
    if merged["type"] != kept["type"]:
        raise UsageError(f"{key} is a {merged['type']} and {target} a {kept['type']}: only"
                         " entities of one type merge (reject the wrong one instead)")
    return store.add_correction(CorrectionRequest("merge", key, by, into=target,
                                                  name=kept["name"], note=note))


def split(store: Store, name: str, new_name: str, by: str, names: list[str] | None = None,
          documents: list[str] | None = None, mentions: list[MentionRef] | None = None,
          note: str = "") -> EntityCorrection:
    """The chosen mentions of `name` (those in `documents`, those written as one of `names`,
    those listed in `mentions`) become a new entity called `new_name`."""
    from cablewire.enrich.mentions import entity_mentions

    key = resolve_key(store, name)
    entity = store.entity(key)
    assert entity is not None
    if not (names or documents or mentions):
        raise UsageError("say which mentions leave: a name variant (--variant), a document"
                         " (--document) or a mention (--mention DOC:FIELD:PARAGRAPH:START)")
    new_name = " ".join(new_name.split())
    if not new_name:
        raise UsageError("give the new entity a name (--name)")
    into = f"{entity['type']}:{slug(new_name)}"
    if into == key or store.entity_keys(into):
        raise UsageError(f"an entity {into} exists already: merge into it instead"
                         f" (`cablewire entity merge`), or choose another --name")
    request = CorrectionRequest("split", key, by, into=into, name=new_name,
                                names=list(names or []), documents=list(documents or []),
                                mentions=list(mentions or []), note=note)
    chosen = _chosen(request, entity_mentions(store, entity, limit=10**9)["mentions"])
    if not chosen:
        raise UsageError(f"none of the mentions of {key} is chosen: list them with"
                         f" `cablewire entity {key} --mentions`")
    return store.add_correction(request)


def reject(store: Store, name: str, by: str, note: str = "") -> EntityCorrection:
    """`name` is not an entity: it is shown nowhere."""
    key = resolve_key(store, name)
    return store.add_correction(CorrectionRequest("reject", key, by, note=note))


def undo(store: Store, correction_id: int, by: str) -> EntityCorrection:
    """The archive as if correction `correction_id` had not been made (it stays listed)."""
    return store.undo_correction(correction_id, by)


def naming(corrections: list[EntityCorrection], key: str) -> list[EntityCorrection]:
    """The corrections that name `key` (as the one corrected or the one it became)."""
    return [c for c in corrections if key in (c["key"], c["into"])]


def parse_mention(text: str) -> MentionRef:
    """DOC:FIELD:PARAGRAPH:START (PARAGRAPH '-' for a field that is not a list), as the
    mentions list prints it."""
    parts = text.rsplit(":", 3)
    if len(parts) != 4 or not parts[3].isdigit() or not (parts[2].isdigit() or parts[2] == "-"):
        raise UsageError(f"{text!r} is not a mention: write DOC:FIELD:PARAGRAPH:START"
                         " (09BAMAKO815:paragraphs:3:120), as `entity NAME --mentions` shows")
    return {"document": parts[0], "field": parts[1],
            "paragraph": None if parts[2] == "-" else int(parts[2]), "start": int(parts[3])}


def mention_id(document: str, field: str, paragraph: int | None, start: int) -> str:
    """A mention as `parse_mention` reads it."""
    return f"{document}:{field}:{'-' if paragraph is None else paragraph}:{start}"


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: Lula da Silva -> lula-da-silva."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    return "-".join(words) or "entity"


def describe(c: EntityCorrection) -> str:
    """A correction in one line: `#3 2026-12-02T15:01:00+00:00 ana: merge person:cretz into
    person:gene-a-cretz (...) — why [undone ...]`."""
    what = {"merge": f"merge {c['key']} into {c['into']}",
            "split": f"split {c['into']} ({c['name']}) from {c['key']}",
            "reject": f"reject {c['key']} (not an entity)"}[c["action"]]
    chosen = [*(f"variant {n!r}" for n in c["names"]), *(f"document {d}" for d in c["documents"]),
              *(f"mention {mention_id(m['document'], m['field'], m['paragraph'], m['start'])}"
                for m in c["mentions"])]
    line = f"#{c['id']} {c['at']} {c['by']}: {what}"
    if chosen:
        line += " (" + ", ".join(chosen) + ")"
    if c["note"]:
        line += f" — {c['note']}"
    if c["undone_at"]:
        line += f" [undone {c['undone_at']} by {c['undone_by']}]"
    return line


def _chosen(request: CorrectionRequest, listed: list[EntityMention]) -> list[EntityMention]:
    names = {n.casefold() for n in request.names}
    refs = list(request.mentions)
    return [m for m in listed
            if m["document"] in request.documents or str(m["text"]).casefold() in names
            or {"document": m["document"], "field": m["field"], "paragraph": m["paragraph"],
                "start": m["start"]} in refs]
