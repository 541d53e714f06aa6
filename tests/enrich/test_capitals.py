"""Text typed in capitals: truecasing for the model, and header lines matched without it.
(Invented examples; the held-out cables are not read here.)"""

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

