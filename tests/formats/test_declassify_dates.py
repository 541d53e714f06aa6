"""The declassification date of the E.O. line, in the forms cables write it."""

from __future__ import annotations

import pytest

from cablewire.formats.cable.reader import read_cable


def _cable(eo_line: str, *more: str) -> str:
    return "\n".join([
        "C O N F I D E N T I A L QUITO 000412", "", "SIPDIS", "", eo_line, *more,
        "TAGS: PREL EC", "SUBJECT: THE MINISTER'S VISIT", "",
        "Classified By: Ambassador Jane Roe for reasons 1.4 (b) and (d).", "",
        "1. (C) The minister will travel in May.", "", "ROE", ""])


@pytest.mark.parametrize(("eo_line", "expected"), [
    ("E.O. 12958: DECL: 04/02/2019", "2019-04-02"),
    ("E.O. 12958: DECL: 4/2/19", "2019-04-02"),
    ("EO 12958 DECL: 2019/04/02", "2019-04-02"),
    ("E.O. 12958: DECLASSIFY 04/02/2019", "2019-04-02"),
    ("E.O. 12958: 1.4 (B), (D) DECLASSIFY ON 04/02/2019", "2019-04-02"),
    ("E.O. 12958: DECLl: 04/02/2019", "2019-04-02"),
    ("E.O. 12958: 04/02/2019", "2019-04-02"),
    ("E.O. 12958 4/2/19", "2019-04-02"),
    ("E.O. 12958: DECL: 02 APRIL 2019", "2019-04-02"),
    ("E.O. 12958: DECL: 2 Apr. 2019", "2019-04-02"),
    ("E.O. 12958: N/A", None),
    ("E.O. 12958: DECL: OADR", None),
    ("E.O. 12958: DECL: TEN YEARS", None),
    ("E.O. 12958: DNG: CO 04/02/2019", None),  # a downgrading date, not a declassification
    ("E.O. 12958: DECL: DECLASSIFIED BY NARA 04/02/2009", None),  # when it was, not when due
    ("E.O. 12958: DECL: 13/40/2019", None),  # no such day
])
def test_declassification_date(eo_line: str, expected: str | None) -> None:
    assert read_cable(_cable(eo_line)).declassify_on == expected


def test_a_later_e_o_line_wins_over_one_cut_off() -> None:
    """A page's short copy of the header ends in "..."; the full header follows."""
    text = _cable("E.O. 12958: DE...", "", "E.O. 12958: DECL: 04/02/2019")
    assert read_cable(text).declassify_on == "2019-04-02"


def test_the_first_e_o_line_wins_when_whole() -> None:
    text = _cable("E.O. 12958: DECL: 04/02/2019", "", "E.O. 12958: DECL: 05/03/2020")
    assert read_cable(text).declassify_on == "2019-04-02"
