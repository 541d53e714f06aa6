"""The one list of title words, and the readers that use it."""

from __future__ import annotations

from cablewire.enrich.aliases import split_title
from cablewire.formats.cable.classified_by import parse_classified_by
from cablewire.text.titles import OFFICIAL_TITLE_WORDS, TITLES, is_title


def test_title_words_in_any_case() -> None:
    assert is_title("President") and is_title("PRESIDENT") and is_title("Gen.")
    assert is_title("poloff") and is_title("DCM")
    assert not is_title("Toure")
    assert "Gen." in TITLES and "Gen" in TITLES


def test_the_readers_share_it() -> None:
    assert split_title("Army Commander Freddy Bersatti") == (["Commander"], "Freddy Bersatti")
    found = parse_classified_by("Classified By: Political Counselor Peter Lord, reasons 1.4 (d)")
    assert (found.name, found.title) == ("Peter Lord", "Political Counselor")
    assert "lord" not in OFFICIAL_TITLE_WORDS  # an honorific, not an official's title
