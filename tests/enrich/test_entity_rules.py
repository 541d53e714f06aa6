"""Entity rules on invented examples (the held-out cables are not read here): text typed in
capitals truecased for the model, header lines matched without it, names joined by the rules."""

from __future__ import annotations

from cablewire.enrich.entities import match_header
from cablewire.enrich.given_names import is_given_name
from cablewire.enrich.structure import Segment, truecase


def test_given_names() -> None:
    assert [is_given_name(w) for w in ("SUSAN", "jim", "Mark", "Bush", "Rice")] == [
        True, True, True, False, False]


def test_truecase_given_name_before_a_surname() -> None:
    text = "ROME FOR SAM OKAFOR. PARIS FOR MARK DELAUNE AND TOM WRIGHTSON"
    assert truecase(text) == "Rome for Sam Okafor. Paris for Mark Delaune and Tom Wrightson"
    assert len(truecase(text)) == len(text)


def test_truecase_common_words_stay_lower() -> None:
    # a given name that is one of the commonest words (SAID, WILL), and one before a common word
    assert truecase("THE MINISTER SAID OKAFOR WILL MARK THE DAY") == (
        "The minister said Okafor will mark the day")


def _header(text: str) -> list[tuple[str, str]]:
    found = match_header(0, Segment("subject", None, text, "header"), {}, frozenset())
    return [(m.text, m.type) for m in found]


def test_header_possessive() -> None:
    assert _header("REVIEW OF NORWAY'S AID TO THE REGION") == [("NORWAY", "place")]


def test_header_names_joined_by_a_hyphen() -> None:
    assert _header("PERU-ECUADOR BORDER TALKS") == [("PERU", "place"), ("ECUADOR", "place")]



def _entities(paragraphs: list[str]) -> set[tuple[str, str]]:
    from cablewire.enrich import enrich_document

    doc = {"kind": "article", "id": "a1", "title": None, "paragraphs": paragraphs,
           "body": "\n\n".join(paragraphs), "language": "en"}
    return {(e["name"], e["type"]) for e in enrich_document(doc)["entities"]}


def test_a_court_named_by_its_country_and_a_name_after_a_title() -> None:
    found = _entities([
        "The Malawi High Court heard the case on Monday, and the University of Malawi closed.",
        "President Fox met reporters. Fox said the talks went well; Fox left for Monterrey."])
    assert {("Malawi High Court", "organization"), ("University of Malawi", "organization"),
            ("Fox", "person")} <= found
    assert ("Fox", "organization") not in found


def test_a_city_is_read_where_the_cable_is_from() -> None:
    from cablewire.enrich import enrich_document

    paragraphs = [{"number": 1, "marking": None, "heading": None,
                   "text": "Police in San Jose arrested two U.S. citizens on Friday."}]
    for tags in ([], ["CS", "PREL"]):
        doc = {"kind": "cable", "id": "06SANJOSE1", "origin": "Embassy San Jose", "tags": tags,
               "subject": None, "paragraphs": paragraphs, "body": paragraphs[0]["text"]}
        places = enrich_document(doc)["places"]
        assert [(p["name"], p["country"]) for p in places if p["name"].startswith("San")] == [
            ("San José", "CR")]
