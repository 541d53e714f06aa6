"""Users' corrections of entities in the PostgreSQL store (merge, split, reject;
`cablewire.store.keymap`), as in the SQLite store: their own table, never written by a stage,
and the keys each stage found in each document (`entity_sources`) to find the documents a
correction changes; the derived rows are the stages' results with the corrections replayed."""

from __future__ import annotations

import json
from typing import Any

from cablewire.results import EntityCorrection
from cablewire.store import keymap
from cablewire.store.postgres.rows import write_rows
from cablewire.store.sqlite_revisions import unpack


def corrections(cur: Any, only: int | None = None) -> list[EntityCorrection]:
    sql = ("SELECT id, action, key, into_key, name, choice, note, made_by, made_at, undone_by,"
           " undone_at FROM entity_corrections")
    rows = cur.execute(sql + (" WHERE id = %s" if only is not None else "") + " ORDER BY id",
                       () if only is None else (only,)).fetchall()
    out: list[EntityCorrection] = []
    for r in rows:
        choice = json.loads(r[5])
        out.append({"id": int(r[0]), "action": r[1], "key": r[2], "into": r[3], "name": r[4],
                    "names": choice["names"], "documents": choice["documents"],
                    "mentions": choice["mentions"], "note": r[6], "by": r[7], "at": r[8],
                    "undone_by": r[9], "undone_at": r[10]})
    return out


def rederive(cur: Any, changed: EntityCorrection, next_seq: Any) -> None:
    """Derive again, with the corrections that apply now, the rows of every document that
    names a key linked to `changed`; each gets a new change number."""
    every = corrections(cur)
    keys = sorted(keymap.affected_keys(every, [k for k in (changed["key"], changed["into"])
                                               if k]))
    ids = sorted({r[0] for r in cur.execute(
        "SELECT DISTINCT id FROM entity_sources WHERE key = ANY(%s)", (keys,)).fetchall()})
    applying = keymap.active(every)
    for doc_id in ids:
        derive(cur, doc_id, None, applying)
        cur.execute("UPDATE documents SET seq = %s WHERE id = %s", (next_seq(), doc_id))


def derive(cur: Any, doc_id: str, stages: list[str] | None,
           applying: list[EntityCorrection]) -> None:
    """Write every derived row of a document from its stored results of its current revision,
    with `applying` replayed over them; the keys found are written anew for `stages`."""
    rows = cur.execute(
        "SELECT s.stage, s.data FROM stage_results s JOIN documents d ON d.id = s.id"
        " AND d.revision = s.revision WHERE s.id = %s", (doc_id,)).fetchall()
    found = {stage: unpack(data) for stage, data in rows}
    for stage in stages or []:
        if stage not in found:  # a result of an older revision: its rows go
            found[stage] = {}
    for stage in stages or []:
        write_sources(cur, doc_id, stage, found[stage])
    shown = keymap.correct_results(doc_id, found, applying)
    for stage in sorted(shown):  # every stage: a split re-keys the events and quotes too
        write_rows(cur, doc_id, stage, shown[stage])


def write_sources(cur: Any, doc_id: str, stage: str, data: dict[str, Any]) -> None:
    """The entity keys `stage` found in a document, before any correction."""
    cur.execute("DELETE FROM entity_sources WHERE id = %s AND stage = %s", (doc_id, stage))
    cur.executemany("INSERT INTO entity_sources VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    [(stage, doc_id, e["key"]) for e in data.get("entities") or []])
