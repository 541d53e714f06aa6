"""Enrichment in the archive: the seed pair, enriched during ingest, read back by entity."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cablewire.archive import Archive
from cablewire.errors import NotFound
from cablewire.pipeline import enrich, ingest
from cablewire.settings import Settings

from .conftest import SEEDS

pytest.importorskip("spacy", reason="enrichment needs the NLP extra: pip install 'cablewire[nlp]'")

SHARED = {
    "person:amadou-toumani-toure", "organization:aqim", "organization:tsctp",
    "organization:africom", "organization:ecowas", "place:mali", "place:bamako-ml",
    "place:stuttgart-de",
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    db = str(tmp_path_factory.mktemp("enriched") / "seeds.db")
    settings = Settings.resolve(env={}, db=db, workers=1, enrich="yes")
    report = ingest([SEEDS], settings)
    assert report.enriched == 2
    assert enrich(settings).enriched == 0  # nothing left to do: re-running is a no-op
    with Archive.open(settings) as archive:
        yield archive


def test_entities_shared_by_the_seed_pair(seeds: Archive) -> None:
    both = {e["key"] for e in seeds.entities(limit=500) if e["documents"] == 2}
    assert SHARED <= both


def test_entity_by_any_name(seeds: Archive) -> None:
    for name in ("ATT", "Toure", "TOURE", "Touré", "person:amadou-toumani-toure"):
        assert seeds.entity(name)["key"] == "person:amadou-toumani-toure"
    toure = seeds.entity("ATT")
    assert "ATT" in toure["aliases"]
    assert {"Toure", "TOURE"} & set(toure["aliases"])  # names differing in case are kept once
    assert {"kind": "title", "value": "President", "documents": 2} in toure["facts"]
    assert {d["id"] for d in toure["documents"]} >= {"09BAMAKO387"}
    with pytest.raises(NotFound):
        seeds.entity("Nobody At All")


def test_tessalit_is_on_the_map(seeds: Archive) -> None:
    tessalit = seeds.entity("Tessalit")
    assert tessalit["place"] == {"lat": pytest.approx(20.2, abs=0.05),
                                 "lon": pytest.approx(1.01, abs=0.05), "country": "ML"}
    assert [d["id"] for d in tessalit["documents"]] == ["09BAMAKO387"]
    assert "place:tessalit-ml" in {p["key"] for p in seeds.places()}


def test_entity_and_place_filters(seeds: Archive) -> None:
    assert seeds.search("entity:ATT")["total"] == 2
    assert [h["id"] for h in seeds.search("place:Tessalit")["hits"]] == ["09BAMAKO387"]
    assert seeds.search("entity:AQIM kind:article")["total"] == 1


def test_quotes_and_timeline(seeds: Archive) -> None:
    quotes = seeds.quotes("Toure")
    assert any(q["text"] == "AQIM are not choir boys." and q["document"] == "09BAMAKO387"
               for q in quotes)
    events = seeds.timeline()
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert any(e["date"] == "2009-06-10" and "person:amadou-toumani-toure" in e["entities"]
               for e in events)


def test_enrichment_is_kept_with_stage_and_version(seeds: Archive, tmp_path: Path) -> None:
    # Each enrichment stage keeps its own result and version (one version for all of them
    # re-ran the model on every rule change).
    from cablewire.enrich import STAGE, version
    from cablewire.enrich.stages import ENRICHMENT
    from cablewire.stages import inputs_of

    stored = seeds.enrichment("09BAMAKO387")
    assert stored is not None
    assert (stored["stage"], stored["version"]) == (STAGE, version())
    assert sorted(seeds.results("09BAMAKO387")) == sorted(
        stage.name for stage in ENRICHMENT if stage.available())
    assert {"dates", "entities", "events", "jargon", "quotes"} <= set(
        seeds.results("09BAMAKO387"))
    for stage in ENRICHMENT:
        if not stage.available():
            continue
        assert seeds.store.pending(stage.name, stage.version, inputs_of(stage)) == []
