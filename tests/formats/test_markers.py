"""The marker search finds exactly what the case-blind marker pattern finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cablewire.formats.cable.markers import _WORD, _hits

PIECES = st.sampled_from(["SIPDIS", "sipdis", "NoForn", "EXDIS", "nodis", "LIMDIS", "x", "é",
                          "İ", " ", "\n", "-", "(", "S/", "NOCONTRACT", "PROPIN", "ORCON", "1"])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_hits_agree_with_the_pattern(text: str) -> None:
    assert _hits(text) == [(m.start(), m.group(0).upper()) for m in _WORD.finditer(text)]
