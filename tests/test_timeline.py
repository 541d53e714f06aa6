"""`cablewire.timeline`: an event's date at its own precision, the period it is filed under,
and whether its text dates it beyond the archive's span."""

from __future__ import annotations

from click.testing import CliRunner

from cablewire.cli import main
from cablewire.timeline import beyond_span, period_of, when


def event(date: str, end: str, precision: str, document: str = "09BAMAKO387") -> dict[str, str]:
    return {"date": date, "end": end, "precision": precision, "document": document}


def test_each_event_at_its_own_precision() -> None:
    cases = [
        (event("2012-01-01", "2012-12-31", "year"), "2012", "2012"),
        (event("2009-03-01", "2009-03-31", "month"), "2009-03", "2009-03"),
        (event("2009-06-10", "2009-06-10", "day"), "2009-06-10", "2009-06"),
        (event("1991-01-01", "1992-12-31", "range"), "1991/1992", "1991"),
        (event("2009-03-01", "2009-05-31", "range"), "2009-03/2009-05", "2009-03"),
        (event("2009-06-01", "2009-06-03", "range"), "2009-06-01/2009-06-03", "2009-06"),
        (event("2009-06-01", "2009-06-01", "range"), "2009-06-01", "2009-06"),
    ]
    for item, label, period in cases:
        assert (when(item), period_of(item)) == (label, period), item


def test_an_event_far_after_its_document_is_beyond_the_span() -> None:
    years = {"09BAMAKO387": 2009, "undated": None}
    assert beyond_span(event("2050-01-01", "2050-12-31", "year"), years)
    assert not beyond_span(event("2011-01-01", "2011-12-31", "year"), years)  # 2 years: a plan
    assert beyond_span(event("2012-03-01", "2012-03-31", "month"), years)
    assert not beyond_span(event("1991-01-01", "1992-12-31", "range"), years)  # history
    assert not beyond_span(event("2050-01-01", "2050-12-31", "year", "undated"), years)


def test_cli_prints_each_event_at_its_precision(enriched_seeds: str) -> None:
    result = CliRunner().invoke(main, ["timeline", "--db", enriched_seeds],
                                catch_exceptions=False)
    assert result.exit_code == 0
    labels = [line.split("  ")[0].strip() for line in result.stdout.splitlines()]
    assert labels == ["1991/1992", "2009-03", "2009-04-26", "2009-06-01/2009-06-03",
                      "2009-06-10", "2009-06-13", "2012", "2012-03-19/2012-03-25",
                      "2012-03-19/2012-03-25", "2012-03-22", "2012-03-23", "2012-03-23",
                      "2012-03-27"]
    assert "1986-01-01" not in result.stdout and "2012-01-01" not in result.stdout
