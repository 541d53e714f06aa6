"""REF blocks as telegrams write them, read from the telegram text by `read_cable`: the label in
any case, without a colon, run on from the subject line; items after blank lines, page markers
and banners inside the block; the first paragraph running on from it. The fragments are made up
in the style of real cables."""

from __future__ import annotations

from typing import Any

from cablewire.formats.cable.reader import read_cable


def _refs(text: str, cable_id: str = "09BAMAKO387") -> dict[str, Any]:
    doc = read_cable(text, cable_id=cable_id).to_dict()
    return {key: doc[key] for key in ("references", "other_references", "reference_items",
                                      "subject")}


def test_lower_case_label_and_letters_each_item_with_its_own_year() -> None:
    refs = _refs("SUBJECT: (s) a subject in lower case\n\nRef: a. 05 state 201650\n\n"
                 "b. 06 bamako 1234\nc. state 99\n\nClassified By: DCM John Doe, reasons 1.4 (b)")
    assert refs["references"] == ["05STATE201650", "06BAMAKO1234", "09STATE99"]
    assert [item["letter"] for item in refs["reference_items"]] == ["A", "B", "C"]


def test_label_without_a_colon() -> None:
    refs = _refs("SUBJECT: SHIPPING\n\nREF A) DAKAR 002351 B) STATE 069339 C) 08 STATE 0044\n\n"
                 "1. (U) Text.")
    assert refs["references"] == ["09DAKAR2351", "09STATE69339", "08STATE44"]


def test_a_word_ending_in_ref_in_prose_is_no_label() -> None:
    refs = _refs("SUBJECT: SHIPPING\n\n1. (U) Per REF A) the shipping went on.")
    assert refs["references"] == []


def test_label_run_on_from_the_subject_line() -> None:
    refs = _refs("SUBJECT: THE MINISTER MEETS THE PRESS IN MOPTI Ref(s): A) 08 BAMAKO 138; "
                 "B) 08 BAMAKO 0044 and previous\n\n1. (U) Text.")
    assert refs["subject"] == "THE MINISTER MEETS THE PRESS IN MOPTI"
    assert refs["references"] == ["08BAMAKO138", "08BAMAKO44"]
    refs = _refs("SUBJECT: WHO WILL LEAD THE PARTYREF: A. BAMAKO 1939  B. DAKAR 1704\n\n1. Text.")
    assert refs["subject"] == "WHO WILL LEAD THE PARTY"
    assert refs["references"] == ["09BAMAKO1939", "09DAKAR1704"]


def test_items_after_a_blank_line_go_on_in_any_case() -> None:
    refs = _refs("SUBJECT: PORTS\n\nRef:  Ref A) Dakar 3393 B) Dakar 03793 C) \n \n"
                 "Bamako 03196 D) Dakar 03197\n \n1. (U) Text.")
    assert [(item["letter"], item["ids"]) for item in refs["reference_items"]] == [
        ("A", ["09DAKAR3393"]), ("B", ["09DAKAR3793"]), ("C", ["09BAMAKO3196"]),
        ("D", ["09DAKAR3197"])]


def test_a_serial_broken_off_by_a_blank_line() -> None:
    refs = _refs("SUBJECT: PORTS\n\nRefs:  (A) Dakar 00190  (B) Dakar \n \n00723  (C) Bamako 01392"
                 "\n \n1.  (U)  SUMMARY")
    assert refs["references"] == ["09DAKAR190", "09DAKAR723", "09BAMAKO1392"]


def test_prose_after_a_blank_line_is_no_ref_item() -> None:
    refs = _refs("SUBJECT: A VOTE\n\nREF: 22380\n\n On March 5 we relayed our points to the MFA.")
    assert refs["other_references"] == ["22380"]
    refs = _refs("SUBJECT: A VOTE\n\nREF: STATE 85122\n\n(U) THIS CABLE IS SENSITIVE BUT "
                 "UNCLASSIFIED.\n\n1. (SBU) Summary.")
    assert refs["reference_items"] == [
        {"letter": None, "text": "STATE 85122", "ids": ["09STATE85122"]}]


def test_a_heading_out_of_turn_ends_the_block() -> None:
    refs = _refs("SUBJECT: G20\n\nREF: A. STATE 114420 B. DAKAR 2738\n\n I. Key Objectives (SBU) "
                 "The summit should agree on 20 principles.")
    assert [item["letter"] for item in refs["reference_items"]] == ["A", "B"]


def test_page_marker_and_continuation_inside_the_block() -> None:
    refs = _refs("SUBJECT: VISIT\n\nREF: A) BAMAKO 199, B) BAMAKO 227 BAMAKO 00000387 \n\n"
                 "001.2 OF 003 \n\n1. (C) Text.")
    assert refs["references"] == ["09BAMAKO199", "09BAMAKO227"]
    assert refs["other_references"] == []


def test_the_first_paragraph_running_on_from_the_block() -> None:
    refs = _refs("SUBJECT: A FORUM\n\nREF: A. BAMAKO 1494 B. BAMAKO 1544 1. Summary. 1800 "
                 "representatives from 103 countries met.")
    assert refs["reference_items"] == [
        {"letter": "A", "text": "BAMAKO 1494", "ids": ["09BAMAKO1494"]},
        {"letter": "B", "text": "BAMAKO 1544", "ids": ["09BAMAKO1544"]},
    ]


def test_a_preview_cut_off_before_the_full_block() -> None:
    # a page that shows the first lines of the telegram, cut off, and then the whole telegram
    text = ("C O N F I D E N T I A L SECTION 01 OF 03 BAMAKO 000387\n\nSUBJECT: VISIT\n\n"
            "REF: A. DAKAR 1557 \n   B. BAMAKO 2...\n\n"
            "C O N F I D E N T I A L SECTION 01 OF 03 BAMAKO 000387 SIPDIS E.O. 12958: "
            "DECL: 08/14/2018 TAGS: PREL ML\n\nSUBJECT: VISIT REF: A. DAKAR 1557 B. BAMAKO 2351 "
            "Classified By: Ambassador John Doe for reasons 1.4 (b) and (d).\n\n1. (C) Text.")
    refs = _refs(text)
    assert refs["references"] == ["09DAKAR1557", "09BAMAKO2351"]
    assert refs["reference_items"] == [
        {"letter": "A", "text": "DAKAR 1557", "ids": ["09DAKAR1557"]},
        {"letter": "B", "text": "BAMAKO 2351", "ids": ["09BAMAKO2351"]},
    ]


def test_label_with_a_letter_or_a_dot() -> None:
    refs = _refs("SUBJECT: TALKS\nREF A: BAMAKO 05286; REF B: DAKAR 05546\nClassified By: DCM John "
                 "Doe, reasons 1.5 (b)\n\n1. (C) Text.", cable_id="01BAMAKO5960")
    assert refs["reference_items"] == [
        {"letter": "A", "text": "BAMAKO 05286", "ids": ["01BAMAKO5286"]},
        {"letter": "B", "text": "DAKAR 05546", "ids": ["01DAKAR5546"]},
    ]
    refs = _refs("SUBJECT: TALKS\nREF. STATE 184178\n\n1. (C) Text.", cable_id="01BAMAKO5693")
    assert refs["references"] == ["01STATE184178"]


def test_a_marking_between_the_block_and_the_next_field_stays_with_that_field() -> None:
    doc = read_cable("SUBJECT: VISIT\n\nREF: A. BAMAKO 6856\n     B. BAMAKO 8382\n\n\n"
                     " (U) Classified by Ambassador John Doe; reasons: 1.5 (b,d).\n\n\n"
                     "1. (C) Text.",
                     cable_id="02BAMAKO8852").to_dict()
    assert doc["header_block"][-2:] == [
        "REF: A. BAMAKO 6856 B. BAMAKO 8382",
        "(U) Classified by Ambassador John Doe; reasons: 1.5 (b,d).",
    ]
    assert doc["reference_items"][-1] == {"letter": "B", "text": "BAMAKO 8382",
                                          "ids": ["02BAMAKO8382"]}
