"""The signature of a cable below what closes its text, and above what its handling added."""

from __future__ import annotations

import time

import pytest

from cablewire.formats.cable.paragraphs import take_signer


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_a_review_stamp_below_the_signature() -> None:
    lines = _lines("4. THE TALKS WILL RESUME IN MAY.\n\nROE\n\nSECRET\n\n"
                   "Declassified/Released US Department of State EO Systematic\n"
                   "Review 12 MAR 2007\n")
    head, signers, closing = take_signer(lines)
    assert signers == ["ROE"]
    assert head == ["4. THE TALKS WILL RESUME IN MAY.", ""]
    assert closing == ["ROE", "SECRET", "Declassified/Released US Department of State EO"
                       " Systematic Review 12 MAR 2007"]


@pytest.mark.parametrize("note", [
    "NOTE BY OC/T:  HEADING AS RECEIVED.  CORRECTION TO FOLLOW.",
    "NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)",
])
def test_a_handling_note_below_the_signature(note: str) -> None:
    lines = _lines(f"4. THE TALKS WILL RESUME IN MAY.\n\nDOE\n\n{note}\n\n   CONFIDENTIAL")
    head, signers, closing = take_signer(lines)
    assert signers == ["DOE"]
    assert closing == ["DOE", note, "CONFIDENTIAL"]


def test_a_note_with_no_signature_above_stays_in_the_text() -> None:
    lines = _lines("4. THE TALKS WILL RESUME IN MAY.\n\nNOTE: THE MINISTER IS ILL.")
    assert take_signer(lines) == (lines, [], [])


def test_a_name_with_the_end_marks_of_the_transmission() -> None:
    head, signers, _ = take_signer(_lines("THE TALKS WILL RESUME IN MAY.\n\nDOE##\n"))
    assert signers == ["DOE"]
    assert head == ["THE TALKS WILL RESUME IN MAY.", ""]


def test_a_name_with_a_full_stop_as_a_block_of_its_own() -> None:
    head, signers, _ = take_signer(_lines("THE TALKS WILL RESUME IN MAY.\n\nVAN ROE.\n"))
    assert signers == ["VAN ROE"]


@pytest.mark.parametrize("text", [
    "THE TALKS WILL RESUME IN\nMAY.",  # the last line of a sentence
    "THE TALKS WILL RESUME IN\n\nMAY.",  # a sentence broken over a blank line
    "THE TALKS WILL RESUME.\n\nEND.",  # no name
])
def test_a_word_with_a_full_stop_that_is_no_signature(text: str) -> None:
    assert take_signer(_lines(text))[1] == []


@pytest.mark.parametrize(("last", "name", "kept"), [
    ("9. NAIROBI MINIMIZE CONSIDERED.  DOE", "DOE", "9. NAIROBI MINIMIZE CONSIDERED."),
    ("WHICH COMPILED THIS REPORT.  END OF TEXT. DOE", "DOE",
     "WHICH COMPILED THIS REPORT.  END OF TEXT."),
    ("FOR THE TALKS TO RESUME. END COMMENT VAN ROE", "VAN ROE",
     "FOR THE TALKS TO RESUME. END COMMENT"),
    ("THE TALKS RESUME TOMORROW. UNQUOTE DOE", "DOE", "THE TALKS RESUME TOMORROW. UNQUOTE"),
])
def test_a_name_run_on_after_the_closing_formula(last: str, name: str, kept: str) -> None:
    head, signers, closing = take_signer(["1. THE TALKS.", "", last])
    assert signers == [name]
    assert head == ["1. THE TALKS.", "", kept]
    assert closing == [name]


@pytest.mark.parametrize("last", [
    "THE MINISTER READ IT OUT. END TEXT OF STATEMENT",  # the formula goes on
    "THE MINISTER READ IT OUT. END TEXT",
    "THE MINISTER READ IT OUT. THE TEXT ENDS HERE",
])
def test_no_name_after_the_closing_formula(last: str) -> None:
    assert take_signer(["1. THE TALKS.", "", last])[1] == []


def test_closing_patterns_are_linear() -> None:
    # Long runs of what the patterns look for must not make them backtrack.
    start = time.monotonic()
    for last in ["END COMMENT " * 20_000 + "x", "DOE " + " " * 100_000 + ".", "#" * 100_000,
                 "MINIMIZE CONSIDERED. " * 10_000 + "1", "DOE" + ' "' * 500_000 + " x",
                 "DOE 2004ROME01725 - CONFIDENTIAL" + " NNNN" * 200_000 + " x"]:
        take_signer(["1. THE TALKS.", "", last])
    take_signer(["DOE", ""] + ["NOTE: X", ""] * 5_000 + ["SECRET", ""] * 5_000)
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("id_line", ["  2006OSLO0412", "2006OSLO00412 - CONFIDENTIAL",
                                     "2006OSLO00412 - Classification: CONFIDENTIAL"])
def test_the_releases_id_line_below_the_transmission_trailer(id_line: str) -> None:
    lines = _lines(f"4. THE TALKS WILL RESUME IN MAY.\n(Drafted: POL: J. Roe.)\nDOE\n\n\nNNNN\n\n"
                   f"{id_line}\n")
    head, signers, closing = take_signer(lines)
    assert signers == ["DOE"]
    assert head == ["4. THE TALKS WILL RESUME IN MAY.", "(Drafted: POL: J. Roe.)"]
    assert closing == ["DOE", id_line.strip()]
