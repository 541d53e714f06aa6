"""Bad input gets a clear error or a warning, never a crash; cables are not mistaken for news."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cablewire
from cablewire.errors import CablewireError, FormatError, UnreadableError
from cablewire.formats.base import Input
from cablewire.formats.news.reader import MAX_HTML_CHARS, NewsFormat, read_article

NEWS = NewsFormat()
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "news" / "seed-mali-coup.txt"
PROSE = SEED.read_text("utf-8")
CABLE = """UNCLAS SECTION 01 OF 02 BAMAKO 000387

SIPDIS

E.O. 12958: DECL: 06/12/2019
TAGS: PTER PREL ML
SUBJECT: PRESIDENT TOURE READY TO TARGET AQIM

Classified By: Ambassador Gillian Milovanovic for reasons 1.4 (b) and (d).

1. (C) Summary: President Toure said he was ready to act against AQIM.
"""


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_empty_text_is_a_format_error(text: str) -> None:
    assert NEWS.sniff(Input(text)) == 0.0
    with pytest.raises(FormatError, match="empty"):
        read_article(Input(text))


def test_binary_bytes_are_refused_with_a_hint() -> None:
    with pytest.raises(UnreadableError, match="binary"):
        cablewire.parse_bytes(bytes(range(256)) * 40)


def test_binary_junk_as_text_is_a_format_error() -> None:
    junk = "".join(chr(c) for c in range(32)) * 50
    assert NEWS.sniff(Input(junk)) == 0.0
    with pytest.raises(FormatError, match="not text"):
        read_article(Input(junk))


def test_cable_is_not_news() -> None:
    assert NEWS.sniff(Input(CABLE)) == 0.0
    with pytest.raises(FormatError, match="cable"):
        read_article(Input(CABLE))


def test_prose_sniffs_as_news_below_cables() -> None:
    assert 0.4 <= NEWS.sniff(Input(PROSE)) < 0.8


def test_huge_page_is_truncated_with_a_warning() -> None:
    filler = "<p>" + "Filler words about nothing in particular, again and again. " * 20 + "</p>\n"
    page = "<html><body><article>" + filler * (MAX_HTML_CHARS // len(filler) + 200)
    page += "</article></body></html>"
    assert len(page) > MAX_HTML_CHARS
    article = read_article(Input(page))
    assert any("truncated" in w for w in article.warnings)


def test_mojibake_is_repaired_with_a_warning() -> None:
    broken = PROSE.encode("utf-8").decode("cp1252", errors="replace")
    [article] = cablewire.parse_text(broken)
    assert "Touré" in article.to_dict()["body"]
    assert any("mis-encoded" in w or "could not be decoded" in w for w in article.warnings)


def test_windows_1252_bytes_decode_with_a_warning() -> None:
    [article] = cablewire.parse_bytes(PROSE.replace("’", "'").encode("cp1252", errors="replace"))
    assert any("Windows-1252" in w for w in article.warnings)


def test_short_text_warns() -> None:
    article = read_article(Input("Rebels took the town of Kidal on Friday, residents said."))
    assert any("very short" in w for w in article.warnings)


def test_html_without_text_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="no article text"):
        read_article(Input("<html><head><title>x</title></head><body><div></div></body></html>"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_any_text_raises_nothing_but_cablewire_errors(text: str) -> None:
    NEWS.sniff(Input(text))
    try:
        read_article(Input(text))
    except CablewireError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "<p>", "</p>", "<div class='caption'>", "</div>", "“", "”", '"', "said", "Nuland",
    "STUTTGART, Germany — ", "last week", "Tuesday", "March 22, 2012", "By John Smith", "\n\n",
    "Sign up for our newsletter", "(AP/Reuters)", "<br>", "Advertisement", "<h1>", "</h1>",
    "The army said the town had fallen.", "&amp;", "<script>", "</script>", "\ufffd",
]), max_size=80))
def test_news_like_fragments_raise_nothing_but_cablewire_errors(pieces: list[str]) -> None:
    text = " ".join(pieces)
    try:
        read_article(Input(text))
    except CablewireError:
        pass
