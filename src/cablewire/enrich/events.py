"""Dated events: each sentence that carries a resolved date, with the entities named in it.

Sentences are the model's (the parser's boundaries); a heading is one sentence. A sentence with
two dates gives two events. `entities` are the canonical keys of the entities with a mention
inside the sentence, in the order they are mentioned.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cablewire.enrich.model import DateRef, Entity, Event
from cablewire.enrich.structure import Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc


# A "sentence" that starts like the end of a reference ("A) and Mali's ...", after "(Ref.")
# carries on the one before it: the splitter took "Ref." for the end of a sentence.
_CARRIES_ON = re.compile(r"^\s*(?:[A-Z]\)|[a-z])")


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """The model's sentences of a prose segment as (start, end) offsets, with a sentence that
    carries on the one before joined to it."""
    out: list[tuple[int, int]] = []
    text = doc.text
    for sent in doc.sents:
        if out and _CARRIES_ON.match(text[sent.start_char : sent.start_char + 3]):
            out[-1] = (out[-1][0], sent.end_char)
        else:
            out.append((sent.start_char, sent.end_char))
    return out


def find_events(
    segs: list[Segment], spans: dict[int, list[tuple[int, int]]], dates: list[DateRef],
    entities: list[Entity]
) -> list[Event]:
    """Events of a document from its segments, the sentences of its prose segments (by segment
    index), its resolved dates and its entities."""
    index = {(s.field, s.paragraph): i for i, s in enumerate(segs)}
    where: dict[tuple[str, int | None], list[tuple[int, str]]] = {}
    seg: int | None
    for e in entities:
        for m in e["mentions"]:
            where.setdefault((m["field"], m["paragraph"]), []).append((m["start"], e["key"]))
    out: list[Event] = []
    for d in dates:
        seg = index.get((d["field"], d["paragraph"]))
        if seg is None:
            continue
        i = seg
        text = segs[i].text
        start, end = next(
            ((a, b) for a, b in spans.get(i, [(0, len(text))]) if a <= d["offset"] < b),
            (0, len(text)),
        )
        keys: list[str] = []
        for offset, key in sorted(where.get((d["field"], d["paragraph"]), [])):
            if start <= offset < end and key not in keys:
                keys.append(key)
        out.append(
            {
                "date": d["value"],
                "start": d["start"],
                "end": d["end"],
                "precision": d["precision"],
                "sentence": " ".join(text[start:end].split()),
                "field": d["field"],
                "paragraph": d["paragraph"],
                "entities": keys,
            }
        )
    return sorted(out, key=lambda e: (e["start"], e["end"]))
