"""The rows a stage derives from a document's result (entities, their names and facts, places,
dated events, quotes) in the PostgreSQL store: each stage owns its own, as in the SQLite store
(`cablewire.store.sqlite._write_rows`)."""

from __future__ import annotations

import json
from typing import Any

DERIVED_TABLES = ("entity_documents", "entity_names", "entity_facts", "places", "events",
                  "quotes")


def write_rows(cur: Any, doc_id: str, stage: str, data: dict[str, Any]) -> None:
    """Replace the rows `stage` derived from a document with those of its new result."""
    before = _named_in(cur, doc_id)
    for table in DERIVED_TABLES:
        cur.execute(f"DELETE FROM {table} WHERE id = %s AND stage = %s", (doc_id, stage))
    found = cur.execute("SELECT date FROM documents WHERE id = %s", (doc_id,)).fetchone()
    date = found[0] if found else None  # entity rows carry it for `cross_reference`'s order
    for entity in data.get("entities") or []:
        key = entity["key"]
        cur.execute(
            "INSERT INTO entity_documents (stage, key, id, type, name, mentions, date)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (key, id, stage) DO UPDATE SET"
            " type = EXCLUDED.type, name = EXCLUDED.name, mentions = EXCLUDED.mentions,"
            " date = EXCLUDED.date",
            (stage, key, doc_id, entity["type"], entity["name"],
             max(1, len(entity.get("mentions") or [])), date),
        )
        names = {entity["name"], *(entity.get("aliases") or [])}
        cur.executemany("INSERT INTO entity_names VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                        [(stage, key, doc_id, name) for name in sorted(names) if name])
        cur.executemany(
            "INSERT INTO entity_facts VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            [(stage, key, doc_id, f["kind"], f["value"]) for f in entity.get("facts") or []],
        )
    after = _named_in(cur, doc_id)
    cur.executemany("UPDATE entity_counts SET documents = documents - 1 WHERE key = %s",
                    [(key,) for key in sorted(before - after)])
    cur.executemany("INSERT INTO entity_counts VALUES (%s, 1) ON CONFLICT (key)"
                    " DO UPDATE SET documents = entity_counts.documents + 1",
                    [(key,) for key in sorted(after - before)])
    cur.executemany(
        "INSERT INTO places VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
        [(stage, doc_id, p["key"], p["name"], p["lat"], p["lon"], p.get("country"))
         for p in data.get("places") or []],
    )
    cur.executemany(
        "INSERT INTO events VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        [(stage, doc_id, i, e["start"], e["end"], e["precision"], e["sentence"],
          json.dumps(e["entities"])) for i, e in enumerate(data.get("events") or [])],
    )
    cur.executemany(
        "INSERT INTO quotes VALUES (%s, %s, %s, %s, %s, %s, %s)",
        [(stage, doc_id, i, q.get("speaker"), q.get("speaker_key"), q["text"],
          q.get("paragraph")) for i, q in enumerate(data.get("quotes") or [])],
    )


def _named_in(cur: Any, doc_id: str) -> set[str]:
    """The keys of the entities any stage found in a document."""
    return {key for (key,) in cur.execute("SELECT key FROM entity_documents WHERE id = %s",
                                          (doc_id,))}
