"""What a cable page needs, kept by the reader: REF items with their letters, the distribution
markers, and the header block and trailer around the paragraphs."""

from __future__ import annotations

import time
from typing import Any

import cablewire
from cablewire.formats.cable.markers import find_markers
from cablewire.formats.cable.paragraphs import read_body

TELEGRAM = """R 121116Z JUN 09
FM AMEMBASSY KABUL
TO RUEHC/SECSTATE WASHDC 0456
BT
S E C R E T SECTION 01 OF 02 KABUL 000999

NOFORN
SIPDIS

DEPARTMENT FOR SCA/A

E.O. 12958: DECL: 06/10/2019
TAGS: PREL AF
SUBJECT: PROVINCIAL GOVERNORS ASK FOR HELP
REF: A) STATE 12345 AND 23456 B) 08 KABUL 123 (EXDIS) C) SMITH-JONES E-MAIL

Classified By: Ambassador Karl Eikenberry for reasons 1.4 (b) and (d).

1. (S/NOFORN) Summary: As Ref B foresaw, the governors asked for
more help. End summary.

2. (C) The governors repeated the requests of Ref A.

KABUL 00000999 002 OF 002

3. (C) Ref C set out the schedule.

EIKENBERRY
BT
"""


def _cable() -> dict[str, Any]:
    [doc] = cablewire.parse_text(TELEGRAM)
    return doc.to_dict()


def test_ref_items_of_a_cable() -> None:
    doc = _cable()
    assert doc["reference_items"] == [
        {"letter": "A", "text": "STATE 12345 AND 23456", "ids": ["09STATE12345", "09STATE23456"]},
        {"letter": "B", "text": "08 KABUL 123 (EXDIS)", "ids": ["08KABUL123"]},
        {"letter": "C", "text": "SMITH-JONES E-MAIL", "ids": []},
    ]
    assert doc["references"] == ["09STATE12345", "09STATE23456", "08KABUL123"]
    assert doc["other_references"] == ["SMITH-JONES E-MAIL"]


def test_markers_of_a_cable() -> None:
    # EXDIS qualifies the cited cable B, not this one
    assert _cable()["markers"] == ["NOFORN", "SIPDIS"]


def test_header_block_and_trailer_of_a_cable() -> None:
    doc = _cable()
    # The address line above the E.O. line is read as a paragraph; the header goes on below it.
    assert doc["header_block"] == [
        "S E C R E T SECTION 01 OF 02 KABUL 000999",
        "NOFORN",
        "E.O. 12958: DECL: 06/10/2019",
        "TAGS: PREL AF",
        "SUBJECT: PROVINCIAL GOVERNORS ASK FOR HELP",
        "REF: A) STATE 12345 AND 23456 B) 08 KABUL 123 (EXDIS) C) SMITH-JONES E-MAIL",
        "Classified By: Ambassador Karl Eikenberry for reasons 1.4 (b) and (d).",
    ]
    assert [(p["number"], p["text"][:20]) for p in doc["paragraphs"]] == [
        (None, "DEPARTMENT FOR SCA/A"), (1, "Summary: As Ref B fo"), (2, "The governors repeat"),
        (3, "Ref C set out the sc"),
    ]
    assert doc["trailer"] == ["EIKENBERRY"]


# --- Markers ---------------------------------------------------------------------------------


def test_markers_on_caption_lines_in_the_order_met_each_once() -> None:
    lines = ["C O N F I D E N T I A L LONDON 000797", "SIPDIS", "NOFORN", "SIPDIS",
             "EO 12958 DECL: 03/17/2018", "1. (C/NF) Text."]
    assert find_markers(lines) == ["SIPDIS", "NOFORN"]


def test_markers_on_one_caption_line_and_in_any_case() -> None:
    assert find_markers(["UNCLAS SECTION 01 OF 02 PARAMARIBO 000085", "SENSITIVE, sipdis"]) == [
        "SIPDIS"]
    assert find_markers(["S E C R E T STATE 001234", "NODIS ORCON"]) == ["NODIS", "ORCON"]


def test_markers_in_a_header_run_together_on_one_line() -> None:
    line = ("S E C R E T USNATO 000278 NOFORN SIPDIS E.O. 12958: DECL: 08/08/2018 TAGS: PREL "
            "REF: STATE 1234 (EXDIS)")
    assert find_markers([line]) == ["NOFORN", "SIPDIS"]


def test_the_banner_caveat_is_a_marker() -> None:
    assert find_markers(["SECRET NOFORN", "E.O. 12958: DECL: 1/1/2019"]) == ["NOFORN"]


def test_ref_qualifiers_and_paragraph_markings_are_not_markers() -> None:
    lines = ["C O N F I D E N T I A L ANKARA 001583", "E.O. 12958: DECL: 11/03/2019",
             "REF: ANKARA 1561 (EXDIS)", "1. (S/NOFORN) The NODIS channel was not used.",
             "2. (C) LIMDIS and STADIS cables go to fewer readers."]
    assert find_markers(lines) == []


def test_sipdis_counts_anywhere_and_a_caption_line_after_the_header_too() -> None:
    lines = ["C O N F I D E N T I A L HARARE 005461", "E.O. 12958: DECL: 1/1/2010",
             "1. (C) The Secretary", "SIPDIS INTERESTS FOR THE MDC ...", "EXDIS"]
    assert find_markers(lines) == ["SIPDIS", "EXDIS"]


def test_no_markers() -> None:
    assert find_markers([]) == []
    assert find_markers(["UNCLASSIFIED TEHRAN 1164", "1. TEXT."]) == []


def test_patterns_are_linear() -> None:
    # Long runs of what the patterns look for must not make them backtrack: a quadratic
    # pattern takes minutes on these, a linear one milliseconds.
    lines = [("SIPDIS " * 20_000) + "x", (" " * 100_000) + "(", "S" * 100_000, ", " * 50_000]
    start = time.monotonic()
    find_markers(lines * 3)
    cablewire.parse_text("E.O. 12958: DECL: 1/1/2019\nTAGS: PREL\n" + "\n" * 100_000 + "1. (C) x")
    read_body([" " * 100_000 + "1", "", "2"], [])
    assert time.monotonic() - start < 10


# --- Header block and trailer ------------------------------------------------------------------


def test_header_block_without_numbered_paragraphs_runs_to_the_last_paragraph() -> None:
    lines = ["UNCLAS SAN JOSE 002795", "", "DEPARTMENT FOR WHA/CEN", "", "E.O. 12958: N/A",
             "TAGS: AORC", "", "Per Ref. A, post contacted the MFA.", "", "UNCLASSIFIED"]
    body = read_body(lines, ["E.O. 12958: N/A", "TAGS: AORC"])
    assert body.header_block == ["UNCLAS SAN JOSE 002795", "E.O. 12958: N/A", "TAGS: AORC"]
    assert [p["text"] for p in body.paragraphs] == [
        "DEPARTMENT FOR WHA/CEN", "Per Ref. A, post contacted the MFA."]
    assert body.trailer == ["UNCLASSIFIED"]


def test_trailer_holds_the_signature_and_what_follows_it() -> None:
    header = ["E.O. 12356: DECL: OADR", "TAGS: PTER PINR"]
    lines = ["SECRET MADRID 05480", "", *header, "", "1. (C) Libya responded.", "", "GP-3", "",
             "ENDERS", "", "SECRET"]
    body = read_body(lines, header)
    assert body.header_block == ["SECRET MADRID 05480", *header]
    assert body.trailer == ["GP-3", "ENDERS", "SECRET"]
    assert body.signers == ["ENDERS"]


def test_a_body_of_header_lines_only_is_all_header() -> None:
    lines = ["C O N F I D E N T I A L BEIJING 003080", "", "E.O. 12958: DECL: 08/11/2028",
             "REF: USUN NEW YORK 720 AND 721"]
    body = read_body(lines, ["E.O. 12958: DECL: 08/11/2028", "REF: USUN NEW YORK 720 AND 721"])
    assert body.paragraphs == []
    assert body.header_block == ["C O N F I D E N T I A L BEIJING 003080",
                                 "E.O. 12958: DECL: 08/11/2028", "REF: USUN NEW YORK 720 AND 721"]
    assert body.trailer == []
