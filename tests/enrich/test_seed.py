"""The seed pair: what issue 6 promises for the cable 09BAMAKO387 and the Stars and Stripes
article on the 2012 coup."""

from __future__ import annotations

from typing import Any

SHARED = [
    "person:amadou-toumani-toure",  # Touré
    "organization:aqim",
    "organization:tsctp",
    "organization:africom",
    "organization:ecowas",
    "place:mali",
    "place:bamako-ml",
    "place:stuttgart-de",
]


def _entity(result: dict[str, Any], key: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [e for e in result["entities"] if e["key"] == key]
    assert len(found) == 1
    return found[0]


def test_shared_entities(seed_enriched: dict[str, Any]) -> None:
    cable = {e["key"] for e in seed_enriched["cable"]["entities"]}
    article = {e["key"] for e in seed_enriched["article"]["entities"]}
    assert [k for k in SHARED if k in cable and k in article] == SHARED


def test_toure_aliases(seed_enriched: dict[str, Any]) -> None:
    cable = _entity(seed_enriched["cable"], "person:amadou-toumani-toure")
    article = _entity(seed_enriched["article"], "person:amadou-toumani-toure")
    assert cable["name"] == "Amadou Toumani Touré"
    assert cable["aliases"] == ["ATT", "TOURE", "Toure"]
    assert "Touré" in article["aliases"]
    assert [f["value"] for f in cable["facts"]] == ["President"]
    assert [f["value"] for f in article["facts"]] == ["President"]


def test_alias_pairs(seed_enriched: dict[str, Any]) -> None:
    cable, article = seed_enriched["cable"], seed_enriched["article"]
    assert _entity(article, "organization:aqim")["aliases"] == [
        "AQIM",
        "Al-Qaida in the Islamic Maghreb",
    ]
    assert _entity(article, "organization:mnla")["aliases"] == [
        "Azawad National Liberation Movement",
        "MNLA",
    ]
    assert _entity(article, "organization:tsctp")["aliases"] == [
        "Trans Sahara Counterterrorism Partnership"
    ]
    assert _entity(article, "organization:africom")["aliases"] == ["AFRICOM"]
    assert _entity(article, "organization:africom")["name"] == "U.S. Africa Command"
    assert _entity(cable, "organization:africom")["aliases"] == ["HQ USAFRICOM"]
    assert _entity(cable, "organization:ecowas")["aliases"] == ["ECOWAS COLLECTIVE"]


def test_tessalit_on_the_map(seed_enriched: dict[str, Any]) -> None:
    cable, article = seed_enriched["cable"], seed_enriched["article"]
    [tessalit] = [p for p in cable["places"] if p["name"] == "Tessalit"]
    assert tessalit == {
        "key": "place:tessalit-ml",
        "name": "Tessalit",
        "lat": 20.20126,
        "lon": 1.01186,
        "country": "ML",
        "geonameid": 2449893,
    }
    assert len(_entity(cable, "place:tessalit-ml")["mentions"]) == 3
    assert "place:tessalit-ml" not in {e["key"] for e in article["entities"]}


def test_mali_is_never_a_person(seed_enriched: dict[str, Any]) -> None:
    for result in seed_enriched.values():
        people = [e for e in result["entities"] if e["type"] == "person"]
        names = {n for e in people for n in [e["name"], *e["aliases"]]}
        assert "Mali" not in names
        assert _entity(result, "place:mali")["type"] == "place"
    # 48 in the paragraphs, one in the heading "AQIM Destroying Mali's Model Image"
    assert len(_entity(seed_enriched["cable"], "place:mali")["mentions"]) == 49


def test_tags_explained(seed_enriched: dict[str, Any]) -> None:
    tags = seed_enriched["cable"]["jargon"]["tags"]
    assert [(t["tag"], t["kind"], t["meaning"]) for t in tags] == [
        ("PTER", "subject", "political: terrorism"),
        ("PREL", "subject", "political: external political relations"),
        ("PGOV", "subject", "political: internal governmental affairs"),
        ("PINS", "subject", "political: national security"),
        ("PINR", "subject", "political: intelligence (reporting on persons and affairs)"),
        ("ASEC", "subject", "administration: security"),
        ("ML", "country", "Mali"),
    ]


def test_routing_and_markings(seed_enriched: dict[str, Any]) -> None:
    jargon = seed_enriched["cable"]["jargon"]
    assert [(r["route"], r["station"]) for r in jargon["routing"]] == [
        ("RUEHC", "DEPT OF STATE WASHINGTON DC"),
        ("RUEHZK", None),
        ("RUEHAS", "AMEMBASSY ALGIERS"),
        ("RHMFISS", None),
        ("RUEAIIA", "CIA WASHINGTON DC"),
    ]
    assert jargon["precedence"] == {
        "marking": "ROUTINE",
        "meaning": "routine (R): the normal precedence, handled in order of receipt",
    }
    assert jargon["classification"]["1.4(b)"] == "foreign government information"
    assert seed_enriched["article"]["jargon"] == {
        "tags": [],
        "routing": [],
        "precedence": None,
        "classification": None,
    }


def test_dates(seed_enriched: dict[str, Any]) -> None:
    cable = {d["text"]: (d["value"], d["precision"]) for d in seed_enriched["cable"]["dates"]}
    assert cable["June 10"] == ("2009-06-10", "day")
    assert cable["March 2009"] == ("2009-03", "month")
    assert cable["June 1-3"] == ("2009-06-01/2009-06-03", "range")
    assert cable["April 26"] == ("2009-04-26", "day")
    assert cable["1991-1992"] == ("1991-01-01/1992-12-31", "range")
    article = {d["text"]: (d["value"], d["precision"]) for d in seed_enriched["article"]["dates"]}
    assert article["Tuesday"] == ("2012-03-27", "day")
    assert article["March 22, 2012"] == ("2012-03-22", "day")


def test_events(seed_enriched: dict[str, Any]) -> None:
    [june10] = [e for e in seed_enriched["cable"]["events"] if e["date"] == "2009-06-10"]
    assert june10["sentence"].startswith("Summary: Ambassador Milovanovic met with President")
    assert june10["entities"] == [
        "person:gillian-milovanovic",
        "person:amadou-toumani-toure",
        "organization:tsctp",
        "place:mali",
        "organization:aqim",
    ]
    [april26] = [e for e in seed_enriched["cable"]["events"] if e["date"] == "2009-04-26"]
    assert "place:tessalit-ml" in april26["entities"]


def test_cable_quote_speaker(seed_enriched: dict[str, Any]) -> None:
    [choir] = [q for q in seed_enriched["cable"]["quotes"] if "choir boys" in q["text"]]
    assert choir == {
        "speaker": "ATT",
        "speaker_key": "person:amadou-toumani-toure",
        "text": "AQIM are not choir boys.",
        "paragraph": 2,
    }
    nuland = [
        q
        for q in seed_enriched["article"]["quotes"]
        if q["speaker_key"] == "person:victoria-nuland"
    ]
    assert len(nuland) == 3


def test_shape(seed_enriched: dict[str, Any]) -> None:
    result = seed_enriched["cable"]
    assert list(result) == [
        "stage",
        "version",
        "model",
        "document",
        "entities",
        "places",
        "dates",
        "events",
        "quotes",
        "jargon",
    ]
    assert (result["stage"], result["document"]) == ("enrich", "09BAMAKO387")
    mention = _entity(result, "place:tessalit-ml")["mentions"][0]
    assert mention == {
        "field": "paragraphs",
        "paragraph": 5,
        "start": 731,
        "end": 739,
        "text": "Tessalit",
    }
    [cable] = [p for p in _paragraphs() if p["number"] == 6]
    assert cable["text"][731:739] == "Tessalit"


def _paragraphs() -> list[dict[str, Any]]:
    import cablewire

    from .conftest import CABLE

    [cable] = cablewire.parse_file(CABLE)
    paragraphs: list[dict[str, Any]] = cable.to_dict()["paragraphs"]
    return paragraphs
