"""Every reader takes time linear in its input: a 1 MB line of what patterns look for (long
words, runs of capitalised words, spaces, brackets, markup, quotes, NUL bytes) is read in
seconds, in a line of its own and inside a sentence."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import cablewire

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
READERS = {
    "cable page": FIXTURES / "cable" / "00HARARE5461.html",
    "telegram": FIXTURES / "cable" / "01PARIS11204.telegram.txt",
    "csv dump": FIXTURES / "csv" / "cables-sample.csv",
    "news text": FIXTURES / "news" / "seed-mali-coup.txt",
    "news html": FIXTURES / "news" / "html" / "amp-article.html",
}
PART = 100_000
LINE = "".join(("A" * PART, ("Ab" * PART)[:PART], ("Ab " * PART)[:PART], " " * PART,
                "(" * PART, ("<b>" * PART)[:PART], ('"A ' * PART)[:PART], ". " * (PART // 2),
                "\x00" * PART, ("1/" * PART)[:PART], "x"))
assert len(LINE) > 1_000_000


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("where", ["line", "inline"])
def test_a_megabyte_line_is_read_in_linear_time(reader: str, where: str) -> None:
    text = READERS[reader].read_text("utf-8")
    if where == "line":
        middle = text.index("\n", len(text) // 2)
        text = text[:middle] + "\n" + LINE + "\n" + text[middle:]
    else:
        at = text.lower().index(" the ") + 5
        text = text[:at] + LINE + " " + text[at:]
    started = time.perf_counter()
    try:  # the line may change what the input is (quotes end a CSV field): only the time counts
        docs = len(cablewire.parse_text(text, source=READERS[reader].name))
    except cablewire.CablewireError:
        docs = -1
    took = time.perf_counter() - started
    assert took < 10.0, f"{reader}: {took:.1f} s for a 1 MB line"
    assert docs != 0
