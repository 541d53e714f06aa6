"""Date bounds as people write them: a year, a month or a day, as the ISO day each end means."""

from __future__ import annotations

import pytest

from cablewire.errors import UsageError
from cablewire.model.calendar import day_bound


@pytest.mark.parametrize("written, start, end", [
    ("2009", "2009-01-01", "2009-12-31"),
    ("2009-06", "2009-06-01", "2009-06-30"),
    ("2012-2", "2012-02-01", "2012-02-29"),
    ("2009-06-12", "2009-06-12", "2009-06-12"),
    (" 2010-1-5 ", "2010-01-05", "2010-01-05"),
])
def test_a_bound_is_the_day_each_end_means(written: str, start: str, end: str) -> None:
    assert day_bound(written, "after", end=False) == start
    assert day_bound(written, "before", end=True) == end


def test_no_bound() -> None:
    assert day_bound(None, "before", end=True) is None
    assert day_bound("  ", "before", end=True) is None


@pytest.mark.parametrize("written", ["junk", "2009-13", "2009-02-30", "2009-0", "09", "0000",
                                     "2009/06/12"])
def test_a_bound_that_is_not_a_date_says_how_to_write_one(written: str) -> None:
    with pytest.raises(UsageError) as caught:
        day_bound(written, "before", end=True)
    assert str(caught.value) == (f"before {written!r} is not a date: write it as 2009, 2009-06"
                                 " or 2009-06-12")
