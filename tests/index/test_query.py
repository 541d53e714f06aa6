"""The query language: what each form parses to, and where errors point."""

from __future__ import annotations

import pytest

from cablewire.errors import QueryError
from cablewire.index.query import All, And, Filter, Not, Or, Text, parse_query


def test_words_phrases_and_operators() -> None:
    assert parse_query("") == All()
    assert parse_query("aqim") == Text("aqim")
    assert parse_query('"choir boys"') == Text("choir boys", phrase=True)
    assert parse_query("aqim tessalit") == And((Text("aqim"), Text("tessalit")))
    assert parse_query("aqim AND tessalit") == And((Text("aqim"), Text("tessalit")))
    assert parse_query("aqim OR aqmi") == Or((Text("aqim"), Text("aqmi")))
    assert parse_query("aqim -mali") == And((Text("aqim"), Not(Text("mali"))))
    assert parse_query("NOT mali") == Not(Text("mali"))
    assert parse_query("terror*") == Text("terror", prefix=True)
    assert parse_query("(aqim OR aqmi) mali") == And(
        (Or((Text("aqim"), Text("aqmi"))), Text("mali"))
    )
    assert parse_query("co-operation") == Text("co-operation")


def test_field_filters() -> None:
    assert parse_query('origin:"Embassy Bamako" from:2009-01-01') == And(
        (Filter("origin", "Embassy Bamako"), Filter("from", "2009-01-01"))
    )
    assert parse_query("AQIM tag:PTER") == And((Text("AQIM"), Filter("tag", "PTER")))
    assert parse_query("cited-by:09BAMAKO387") == Filter("cited-by", "09BAMAKO387")
    assert parse_query("year:2009 kind:cable") == And(
        (Filter("year", "2009"), Filter("kind", "cable"))
    )


def test_real_dates_pass() -> None:
    assert parse_query("from:2008-02-29 to:2009-12") == And(
        (Filter("from", "2008-02-29"), Filter("to", "2009-12")))
    assert parse_query("U.S. -x") == And((Text("U.S."), Not(Text("x"))))


@pytest.mark.parametrize(
    ("query", "position", "problem"),
    [
        ('"choir boys', 0, "phrase is not closed"),
        ("(aqim OR mali", 0, "'(' is not closed"),
        ("aqim)", 4, "unexpected ')'"),
        ("aqim OR", 7, "ends too soon"),
        ("colour:red", 0, "unknown field 'colour:'"),
        ("tag: PTER", 4, "'tag:' needs a value"),
        ("aqim AND OR mali", 9, "needs a word on each side"),
        ("from:2009-13-01", 5, "from:2009-13-01 has no month 13: write from:2009,"),
        ("aqim to:2009-02-30", 8, "to:2009-02-30 is no day of that month"),
        ("year:20x", 5, "year:20x is not a date: write year:2009, year:2009-06"),
        ("-", 0, "'-' has no letters or digits to search for"),
        ("aqim -", 5, "'-' has no letters or digits to search for"),
        (")", 0, "unexpected ')': remove it or add '('"),
        ("mali ( )", 5, "'()' holds nothing"),
    ],
)
def test_errors_point_at_the_problem(query: str, position: int, problem: str) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(query)
    assert info.value.position == position
    assert problem in str(info.value)
    assert str(info.value).splitlines()[-1] == "  " + " " * position + "^"
