"""Snippets as text plus highlight ranges: byte offsets from tantivy become character offsets,
whitespace collapses to one line and the ranges move with it, and renderers walk the pieces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cablewire.index.snippets import from_fragment, from_text, pieces
from cablewire.results import Snippet


def marked(snippet: Snippet) -> list[str]:
    return [snippet["text"][start:end] for start, end in snippet["highlights"]]


def test_byte_offsets_become_character_offsets() -> None:
    fragment = "le président Touré à Bamako"
    data = fragment.encode("utf-8")
    ranges = [(data.index("Touré".encode()), data.index(" à".encode())),
              (data.index(b"Bamako"), len(data))]
    snippet = from_fragment(fragment, ranges, cut_before=False, cut_after=False)
    assert snippet["text"] == fragment
    assert marked(snippet) == ["Touré", "Bamako"]


def test_whitespace_collapses_and_the_ranges_move_with_it() -> None:
    text = "\n  eliminating AQIM.\n\nPresident Toure:  AQIM Is\tTop  \n"
    starts = [text.index("AQIM"), text.rindex("AQIM")]
    snippet = from_text(text, [(s, s + 4) for s in starts], cut_before=True, cut_after=True)
    assert snippet["text"] == "… eliminating AQIM. President Toure: AQIM Is Top …"
    assert marked(snippet) == ["AQIM", "AQIM"]


def test_ranges_that_cannot_be_kept_are_dropped() -> None:
    snippet = from_text("a b c", [(2, 3), (2, 5), (4, 9), (3, 3)])
    assert snippet["highlights"] == [(2, 3)]


def test_pieces_cover_the_text_once_in_order() -> None:
    snippet: Snippet = {"text": "an AQIM cell in Mali", "highlights": [(3, 7), (16, 20)]}
    assert list(pieces(snippet)) == [("an ", False), ("AQIM", True), (" cell in ", False),
                                     ("Mali", True)]
    assert list(pieces({"text": "", "highlights": []})) == []


words = st.text(alphabet="abcéü€😀-.", min_size=1, max_size=8)
spaces = st.sampled_from([" ", "  ", "\n", "\n\n", "\t ", " \r\n"])


@given(st.lists(st.tuples(words, spaces, st.booleans()), min_size=1, max_size=30), spaces)
def test_highlighted_words_survive_collapsing(parts: list[tuple[str, str, bool]],
                                             lead: str) -> None:
    text = lead
    ranges, wanted = [], []
    for word, space, highlight in parts:
        if highlight:
            ranges.append((len(text), len(text) + len(word)))
            wanted.append(word)
        text += word + space
    snippet = from_text(text, ranges)
    assert snippet["text"] == " ".join(text.split())
    assert marked(snippet) == wanted
    byte_ranges = [(len(text[:s].encode()), len(text[:e].encode())) for s, e in ranges]
    assert from_fragment(text, byte_ranges, False, False) == snippet
    assert "".join(piece for piece, _ in pieces(snippet)) == snippet["text"]


def test_the_module_examples_hold() -> None:
    import doctest

    from cablewire.index import snippets

    assert doctest.testmod(snippets).failed == 0
