"""The one jargon table: what enrichment and the web pages both read."""

from __future__ import annotations

from cablewire.model.jargon import (
    JARGON,
    MARKERS,
    PRECEDENCE,
    REASONS,
    explain_classification,
    explain_marking,
    explain_reason,
    explain_tag,
    is_office_symbol,
    station_for,
    tag_label,
)


def test_tags() -> None:
    assert explain_tag("PTER") == ("subject", "political: terrorism")
    assert tag_label("PTER") == ("subject", "Terrorism")
    assert explain_tag("NATO") == ("organization", "North Atlantic Treaty Organization")
    assert explain_tag("EUN") == ("organization", "European Union")
    assert explain_tag("SMITH, JOHN") == ("person", "John Smith")
    assert tag_label("PXYZ") == ("subject", None)  # a subject code the table does not gloss


def test_routing_station() -> None:
    assert station_for("RUEHBP") == "AMEMBASSY BAMAKO"
    assert station_for(" ruehbp ") == "AMEMBASSY BAMAKO"
    assert station_for("RUEHZZZ") is None and station_for(None) is None


def test_reasons_of_both_texts_of_the_order() -> None:
    assert explain_reason("1.4(b)") == "1.4(b): foreign government information"
    assert explain_reason("1.5(b)") == "1.5(b): foreign government information"
    assert explain_reason("1.7(b)") == "1.7(b)"
    for meaning in REASONS.values():  # the reader's note lists the same reasons
        assert meaning in JARGON["reasons"]


def test_markings_and_notes_share_their_meanings() -> None:
    assert explain_marking("S//NF") == ("Paragraph marking: Secret; NOFORN: "
                                        + MARKERS["NOFORN"])
    assert MARKERS["SIPDIS"] in JARGON["SIPDIS"]
    for meaning in PRECEDENCE.values():
        assert meaning[1:] in JARGON["precedence"]
    explained = explain_classification({"classification": "SECRET//NOFORN",
                                        "classification_reasons": ["1.4(d)"]})
    assert explained == {"marking": "SECRET//NOFORN",
                         "SECRET": "disclosure could be expected to cause serious damage to"
                                   " national security",
                         "NOFORN": MARKERS["NOFORN"], "1.4(d)": REASONS["1.4(d)"]}


def test_office_symbols() -> None:
    assert [is_office_symbol(t) for t in (
        "RSO", "PolCouns", "Post One", "EAP/MLS", "USAID/OFDA", "3134/USFCS/OIO/WH", "US/UK",
        "USAID", "NATO", "Ministry of Interior")] == [
        True, True, True, True, True, True, False, False, False, False]
