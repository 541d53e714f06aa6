"""The body of a cable, shape by shape: paragraph numbers and markings, lists quoted inside a
paragraph, headings, captions, the signature and what closes the body. Made-up telegrams in
the forms the release has them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cablewire.formats.cable.page import read_html_page
from cablewire.formats.cable.reader import read_cable

HEAD = """CONFIDENTIAL SECTION 01 OF 02 OSLO 000123

SIPDIS

E.O. 12958: DECL: 05/04/2019
TAGS: PREL NO
SUBJECT: FJORD TALKS

Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d).

"""


def _read(body: str, head: str = HEAD) -> dict[str, Any]:
    return read_cable(head + body, cable_id="09OSLO123").to_dict()


def _paragraphs(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(p["number"], p["marking"], p["heading"], p["text"]) for p in doc["paragraphs"]]


# --- Numbers and markings --------------------------------------------------------------------


def test_a_number_without_a_dot_before_a_marking_is_a_number() -> None:
    doc = _read("1 (C) The talks began.\n\n2. (C) They ended.\n\nDOE\n")
    assert _paragraphs(doc) == [
        (1, "C", None, "The talks began."),
        (2, "C", None, "They ended."),
    ]


def test_a_number_without_a_dot_needs_a_marking() -> None:
    doc = _read("1. (C) The talks began with\n15 (U.S.) officials present.\n\nDOE\n")
    assert _paragraphs(doc) == [
        (1, "C", None, "The talks began with 15 (U.S.) officials present."),
    ]


def test_a_marking_written_before_the_number() -> None:
    doc = _read("(C) 1. The talks began.\n\n(C)2. They ended.\n\n(SBU) 3. Next round in May."
                "\n\n(U) 1.5 million people watched.\n\nDOE\n")
    assert _paragraphs(doc) == [
        (1, "C", None, "The talks began."),
        (2, "C", None, "They ended."),
        # a decimal after a marking is no number: the block goes on with paragraph 3
        (3, "SBU", None, "Next round in May.\n\n(U) 1.5 million people watched."),
    ]
    assert "(C)2. They ended." in doc["body"]  # the body keeps the lines as written


def test_a_lower_case_marking_is_read_upper_case() -> None:
    doc = _read("1. (u) this is an action request.\n\n2. (sbu) see para 1.\n\nDOE\n")
    assert _paragraphs(doc) == [
        (1, "U", None, "this is an action request."),
        (2, "SBU", None, "see para 1."),
    ]


def test_a_marking_after_the_summary_label_is_the_paragraphs() -> None:
    doc = _read("1. SUMMARY: (SBU) The talks went well. End summary.\n\n"
                "2. (C) Details follow.\n\nDOE\n")
    assert _paragraphs(doc)[0] == (1, "SBU", None, "SUMMARY: The talks went well. End summary.")
    assert doc["summary"] == "The talks went well."
    assert "1. SUMMARY: (SBU) The talks went well." in doc["body"]


# --- Lists inside a paragraph ----------------------------------------------------------------


def test_a_list_inside_a_marked_paragraph_keeps_its_numbers() -> None:
    doc = _read("1. (C) The parties agreed that:\n\n1. talks go on;\n\n2. the fjord stays open;"
                "\n\n3. fish are shared;\n\n4. a panel meets yearly.\n\n"
                "2. (C) Comment: a good start.\n\nDOE\n")
    assert _paragraphs(doc) == [
        (1, "C", None, "The parties agreed that:\n\n1. talks go on;\n\n2. the fjord stays "
                       "open;\n\n3. fish are shared;\n\n4. a panel meets yearly."),
        (2, "C", None, "Comment: a good start."),
    ]
    assert doc["comment"] == "a good start."


def test_a_list_run_together_inside_a_paragraph() -> None:
    doc = _read("3. (C) We ask approval for:\nA. VISITS:\n1.Tours by allies.\n2.Tours by "
                "partners.\n3.Tours by others.\n4.Tours by the press.\nB. FLIGHTS.\n\n"
                "4. (C) Thanks.\n\nDOE\n")
    assert [p["number"] for p in doc["paragraphs"]] == [3, 4]
    assert doc["paragraphs"][0]["text"].endswith("4.Tours by the press. B. FLIGHTS.")


def test_an_unmarked_paragraph_after_a_list_of_an_unmarked_cable_is_a_paragraph() -> None:
    doc = _read("1. Talks began.\n\n2. The parties agreed that:\n\n1. talks go on;\n\n"
                "2. fish are shared.\n\n3. The panel meets in May.\n\nDOE\n")
    assert [p["number"] for p in doc["paragraphs"]] == [1, 2, 3]
    assert doc["paragraphs"][1]["text"].endswith("2. fish are shared.")


def test_end_text_closes_the_quoted_text_and_is_no_heading() -> None:
    doc = _read("1. (C) Begin text:\n\nWe agree.\n\nEND TEXT\n\n2. (C) Comment: fine.\n\nDOE\n")
    assert _paragraphs(doc) == [
        (1, "C", None, "Begin text:\n\nWe agree.\n\nEND TEXT"),
        (2, "C", None, "Comment: fine."),
    ]


def test_a_heading_after_an_end_marker_on_its_line() -> None:
    doc = _read("1. (C) Summary: talks. End summary.\n\nEnd Summary.  Fish: Shared but Counted "
                "----------\n\n2. (C) The fish.\n\nDOE\n")
    assert _paragraphs(doc)[1:] == [(2, "C", "Fish: Shared but Counted", "The fish.")]


# --- Page markers of a print copy, the E.O. line -----------------------------------------------

PRINT_HEAD = """C O N F I D E N T I A L OSLO 000123

SIPDIS

E.0. 12958: DECL: 05-04-19
TAGS: PREL NO
SUBJECT: FJORD TALKS

"""


def test_a_print_copys_page_marker_and_the_classification_above_it_go() -> None:
    doc = _read("1. (C) THE TALKS BEGAN WITH A\nCONFIDENTIAL\n\nPAGE 02 OSLO 00123 041200Z\n"
                "LONG SPEECH.  THE FJORD\nCONFIDENTIAL\n\nPAGE 03 OSLO 00123 041200Z\n\n"
                "2. (C) THE TALKS ENDED WELL.  THE SIDES ARE  CONFIDENTIAL\n"
                "PAGE 04 OSLO 00123 01 OF 02 041200Z HAPPY.\n\nDOE\n", PRINT_HEAD)
    assert _paragraphs(doc) == [
        (1, "C", None, "THE TALKS BEGAN WITH A LONG SPEECH.  THE FJORD"),
        (2, "C", None, "THE TALKS ENDED WELL.  THE SIDES ARE HAPPY."),
    ]
    assert "PAGE" not in doc["body"] and "CONFIDENTIAL" not in doc["body"]


def test_an_eo_line_written_with_a_zero_and_a_decl_date_with_dashes() -> None:
    doc = _read("1. (C) Talks.\n\nDOE\n", PRINT_HEAD)
    assert doc["executive_order"] == "E.O. 12958"
    assert doc["declassify_on"] == "2019-05-04"
    assert doc["header_block"][:2] == ["C O N F I D E N T I A L OSLO 000123",
                                       "E.0. 12958: DECL: 05-04-19"]


# --- The signature and what closes the body ---------------------------------------------------


def test_a_mixed_case_signer_before_the_transmission_trailer_and_the_sites_line() -> None:
    doc = _read("1. (C) Please slug replies for\nEUR/NB.\nDoe \n\n\nNnnn \n\n\nEnd Cable Text")
    assert doc["signers"] == ["Doe"]
    assert doc["trailer"] == ["Doe", "End Cable Text"]
    assert doc["paragraphs"][-1]["text"] == "Please slug replies for EUR/NB."
    assert "Nnnn" not in doc["body"]


def test_the_sites_lines_after_the_signer_are_the_trailer() -> None:
    doc = _read("1. (C) The talks went well.\nDOE\n\n   CONFIDENTIAL\n\n>\n"
                " 2009OSLO00123 - Classification: CONFIDENTIAL\n\n\"")
    assert doc["signers"] == ["DOE"]
    # (the CSV quote closing the whole text is not the cable's: it goes)
    assert doc["trailer"] == ["DOE", "CONFIDENTIAL", ">",
                              "2009OSLO00123 - Classification: CONFIDENTIAL"]


def test_a_signer_with_the_closing_quote_of_a_csv_row_on_its_line() -> None:
    doc = _read('1. (C) The talks went well.\nDOE ",')
    assert doc["signers"] == ["DOE"]
    assert doc["trailer"] == ['DOE ",']


def test_a_row_of_the_sites_database_after_the_telegram() -> None:
    doc = _read("1. (C) The talks went well. Kvaale\n\n0 05/04/2009 123 PREL,NO FJORD TALKS\n"
                "The talks went well.\n")
    assert doc["signers"] == ["Kvaale"]
    assert doc["trailer"] == ["Kvaale", "0 05/04/2009 123 PREL,NO FJORD TALKS",
                              "The talks went well."]
    assert [p["text"] for p in doc["paragraphs"]] == ["The talks went well."]


def test_an_upper_case_signer_run_on_after_a_wide_gap() -> None:
    doc = _read("1. (C) THE TALKS WENT WELL.   DOE\n")
    assert doc["signers"] == ["DOE"]
    assert doc["paragraphs"][-1]["text"] == "THE TALKS WENT WELL."


def test_upper_case_words_after_a_sentence_are_no_signer() -> None:
    doc = _read("1. (C) THE TALKS WENT WELL. SEE SEPTEL\n")
    assert doc["signers"] == []


def test_a_signature_written_twice_is_one_signer() -> None:
    doc = _read("1. (C) The talks went well.\n\nDOE\nDOE\n")
    assert doc["signers"] == ["DOE"]
    assert doc["trailer"] == ["DOE", "DOE"]
    assert doc["paragraphs"][-1]["text"] == "The talks went well."


def test_the_last_sentence_broken_over_a_blank_line_before_the_signer() -> None:
    doc = _read("1. (C) Talks.\n\n2. (C) Please see the request in paragraph\n\n1. Doe\n")
    assert doc["signers"] == ["Doe"]
    assert doc["paragraphs"][-1]["text"] == "Please see the request in paragraph 1."
    assert doc["body"].endswith("Please see the request in paragraph 1.\n\nDoe")


def test_a_website_note_run_on_at_the_end_of_the_last_paragraph() -> None:
    doc = _read("1. (C) The talks went well.   Visit Oslo's Classified Website: "
                "XXXXXXXXXXXX\nDOE\n")
    assert doc["signers"] == ["DOE"]
    assert doc["trailer"] == ["Visit Oslo's Classified Website: XXXXXXXXXXXX", "DOE"]
    assert doc["paragraphs"][-1]["text"] == "The talks went well."


def test_a_website_note_between_asterisks_with_the_signer_run_on() -> None:
    doc = _read("1. (C) The talks went well.\n******** ********\nVisit Embassy Oslo's "
                "Classified Website: XXXXXXXXXXXX******** ******** DOE\n")
    assert doc["signers"] == ["DOE"]
    assert doc["trailer"] == ["******** ******** Visit Embassy Oslo's Classified Website: "
                              "XXXXXXXXXXXX******** ******** DOE"]


def test_a_paragraph_on_the_posts_website_is_the_cables() -> None:
    doc = _read("1. (C) The talks went well.\n\n2. (U) Visit Oslo's Classified Website: "
                "XXXXXXXXXXXX\n\nDOE\n")
    assert doc["paragraphs"][-1]["text"] == "Visit Oslo's Classified Website: XXXXXXXXXXXX"
    assert doc["signers"] == ["DOE"]


# --- The header block ---------------------------------------------------------------------------


def test_a_caption_between_header_fields_is_kept_as_a_header_line() -> None:
    head = ("UNCLAS OSLO 000123\n\nSIPDIS\n\nTAGS: PREL NO\n\nSENSITIVE\n\nE.O. 12958: N/A\n"
            "SUBJECT: FJORD TALKS\n\n")
    doc = _read("1. (SBU) Talks.\n\nDOE\n", head)
    assert doc["header_block"] == ["UNCLAS OSLO 000123", "TAGS: PREL NO", "SENSITIVE",
                                   "E.O. 12958: N/A", "SUBJECT: FJORD TALKS"]


def test_an_address_line_between_header_fields_is_kept_where_it_stands() -> None:
    head = ("UNCLAS OSLO 000123\n\nTAGS: PREL NO\n\nDEPT FOR EUR/NB\n\nE.O. 12958: N/A\n"
            "SUBJECT: FJORD TALKS\n\n")
    doc = _read("1. (SBU) Talks.\n\nDOE\n", head)
    assert doc["header_block"] == ["UNCLAS OSLO 000123", "TAGS: PREL NO", "DEPT FOR EUR/NB",
                                   "E.O. 12958: N/A", "SUBJECT: FJORD TALKS"]
    assert doc["paragraphs"][0]["number"] == 1


def test_without_a_numbered_paragraph_the_header_ends_where_the_text_starts() -> None:
    head = "UNCLAS OSLO 000123\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: FJORD TALKS\n\n"
    doc = _read("On May 4, Poloff passed the points under the provisions of\n"
                "E.O. 13224 to the MFA, which will study them.\nDOE\n", head)
    assert doc["header_block"] == ["UNCLAS OSLO 000123", "E.O. 12958: N/A", "TAGS: PREL NO",
                                   "SUBJECT: FJORD TALKS"]
    assert doc["paragraphs"] == [{
        "number": None, "marking": None, "heading": None,
        "text": "On May 4, Poloff passed the points under the provisions of E.O. 13224 to the "
                "MFA, which will study them."}]
    assert doc["signers"] == ["DOE"]


def test_an_unnumbered_paragraph_keeps_its_marking() -> None:
    head = "UNCLAS OSLO 000123\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: FJORD TALKS\n\n"
    doc = _read("(U) Post passed the points on May 4.\n\nDOE\n", head)
    assert doc["paragraphs"] == [{"number": None, "marking": "U", "heading": None,
                                  "text": "Post passed the points on May 4."}]
    assert "(U) Post passed" in doc["body"]


# --- Headings -----------------------------------------------------------------------------------


def test_a_heading_after_the_paragraph_number_over_a_ruler() -> None:
    doc = _read("1. (C) Talks.\n\n2. Fisheries\n------------\n(C) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1] == {"number": 2, "marking": "C", "heading": "Fisheries",
                                    "text": "The sides agreed."}
    assert "2. Fisheries (C) The sides agreed." in doc["body"]


def test_a_heading_split_from_its_ruler_by_a_page_marker() -> None:
    doc = _read("1. (C) Talks.\n\nFisheries\n\nOSLO 00000123 002 OF 002\n\n\n------\n"
                "2. (C) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1] == {"number": 2, "marking": "C", "heading": "Fisheries",
                                    "text": "The sides agreed."}


def test_a_ruler_above_a_boxed_heading_after_a_page_marker_stays_apart() -> None:
    head = ("UNCLAS OSLO 000123\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: FJORD TALKS AND\n"
            "FISH\nOSLO 00000123 001.2 OF 002\n-------\nSummary\n-------\n")
    doc = _read("1. (U) Talks.\n\nDOE\n", head)
    assert doc["subject"] == "FJORD TALKS AND FISH"
    assert doc["paragraphs"][0]["heading"] == "Summary"


def test_a_heading_with_its_lower_ruler_on_its_line() -> None:
    doc = _read("1. (C) Talks.\n\n--------------------\nFISHERIES (C/D) --------------------\n\n"
                "2. (C) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1]["heading"] == "FISHERIES (C/D)"


def test_a_heading_boxed_over_two_lines() -> None:
    doc = _read("1. (C) Talks.\n\n----------------\nFISHERIES AND\nTHE FJORD\n"
                "----------------\n\n2. (C) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1]["heading"] == "FISHERIES AND THE FJORD"
    assert "\n\nFISHERIES AND THE FJORD\n\n" in doc["body"]


def test_a_heading_ending_in_a_quoted_word() -> None:
    doc = _read('1. (C) Talks. End summary.\nOSLO CAMPAIGNS AGAINST ""OVERFISHING""\n'
                "2. (U) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1]["heading"] == 'OSLO CAMPAIGNS AGAINST ""OVERFISHING""'


def test_an_address_line_above_the_first_paragraph_is_no_heading() -> None:
    doc = _read("NSC FOR SMITH/JONES\n\n1. (U) Talks.\n\nDOE\n")
    assert doc["paragraphs"][0] == {"number": None, "marking": None, "heading": None,
                                    "text": "NSC FOR SMITH/JONES"}
    assert doc["paragraphs"][1]["heading"] is None


def test_a_heading_naming_what_something_is_for_is_a_heading() -> None:
    doc = _read("1. (C) Talks.\n\nSUPPORT FOR REFORM\n\n2. (C) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1]["heading"] == "SUPPORT FOR REFORM"


def test_a_note_in_brackets_under_a_heading_is_text() -> None:
    doc = _read("1. (C) Talks.\n\n----- ANNEX (K) -----\n\n(INFORMATION FOR THE ANNEX)\n\n"
                "2. (C) The sides agreed.\n\nDOE\n")
    assert doc["paragraphs"][1:3] == [
        {"number": None, "marking": None, "heading": "ANNEX (K)",
         "text": "(INFORMATION FOR THE ANNEX)"},
        {"number": 2, "marking": "C", "heading": None, "text": "The sides agreed."},
    ]


def test_a_lettered_item_after_a_heading_line_is_no_stray_blank_line() -> None:
    doc = _read("1. (C) Details follow:\n\nLOCATION AND DETAILS\n\na. (S) The call came in "
                "August.\n\nDOE\n")
    assert doc["paragraphs"][0]["text"] == ("Details follow:\n\nLOCATION AND DETAILS\n\n"
                                            "a. (S) The call came in August.")


# --- Captions and the comment -----------------------------------------------------------------


def test_caption_lines_are_header_lines() -> None:
    head = ("S E C R E T OSLO 000123\n\nSIPDIS, NOFORN\n\nSENSITIVE NOFORN SIPDIS\n\n"
            "E.O. 12958: DECL: 05/04/2019\nTAGS: PREL NO\nSUBJECT: FJORD TALKS\n\n")
    doc = _read("1. (S) Talks.\n\nDOE\n", head)
    assert doc["header_block"][:3] == ["S E C R E T OSLO 000123", "NOFORN", "SENSITIVE NOFORN"]
    assert not any(p["text"].startswith((",", "NOFORN", "SENSITIVE")) for p in doc["paragraphs"])


def test_caption_lines_above_an_address_line() -> None:
    head = ("S E C R E T OSLO 000123\n\nNOFORN\nSENSITIVE\nSIPDIS\nFOR ECON JANE ROE\n\n"
            "E.O. 12958: DECL: 05/04/2019\nTAGS: PREL NO\nSUBJECT: FJORD TALKS\n\n")
    doc = _read("1. (S) Talks.\n\nDOE\n", head)
    assert doc["header_block"][:3] == ["S E C R E T OSLO 000123", "NOFORN", "SENSITIVE"]
    assert doc["paragraphs"][0]["text"] == "FOR ECON JANE ROE"
    assert doc["body"].startswith("S E C R E T OSLO 000123\n\nNOFORN\nSENSITIVE\n\n"
                                  "FOR ECON JANE ROE\n\n")


def test_a_handling_caption_is_no_heading() -> None:
    head = ("UNCLAS OSLO 000123\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: FJORD TALKS\n\n"
            "SENSITIVE BUT UNCLASSIFIED, NOT FOR INTERNET DISTRIBUTION\n\n")
    doc = _read("1. Talks.\n\nDOE\n", head)
    assert doc["header_block"][-1] == "SENSITIVE BUT UNCLASSIFIED, NOT FOR INTERNET DISTRIBUTION"
    assert doc["paragraphs"][0]["heading"] is None


def test_a_comment_with_an_action_request() -> None:
    doc = _read("1. (C) Talks.\n\n2. (C) COMMENT AND ACTION REQUEST: WE ASK FOR GUIDANCE.\n"
                "\nDOE\n")
    assert doc["comment"] == "WE ASK FOR GUIDANCE."


# --- Nothing of the cable's words is dropped ----------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cable"
KNOWN_BUGS: dict[str, Any] = json.loads((FIXTURES / "known-bugs.json").read_text("utf-8"))
# Pages whose <pre> blocks hold what the site put there besides the telegram (a teaser copy of
# the header, the dump's metadata row, a CSV row's fields): those words are left out on purpose.
# Pages with the site's material in the telegram (a teaser, a dump row, another cable run on),
# which the reader leaves out on purpose.
SITE_MATERIAL = {"00THEHAGUE1695", "04THEHAGUE3178", "08JEDDAH84", "03THEHAGUE1865",
                 "03THEHAGUE2597", "73TEHRAN2077", "90KHARTOUM10657"}
_WORD = re.compile(r"[A-Za-z0-9]+")
# What the reader removes: distribution markers (a field), transmission trailers, the page
# date line some pages add, page markers and the classification a print copy writes above them.
_DROPPED = {"SIPDIS", "Sipdis", "NNNN", "Nnnn", "BT", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED"}
_INLINE_PAGE = re.compile(r"\b0{3,}\d{1,5}\s+0*\d{1,3}(?:\.\d+)?\s+OF\s+0*\d{1,3}\b")
_DATE_LINE = re.compile(r"^\w+day, \d{1,2} \w+ \d{4}, \d{2}:\d{2}\s*$")
_PAGE_LINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'-]*\s+0*\d{1,8}\s+0*\d{1,3}(?:\.\d+)?\s+OF\s+0*\d{1,3}\s*$"
    r"|PAGE\s+\d\d\s+[A-Z][A-Z .'-]*?\s+\d{3,6}\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z)"
)


def _telegram_words(page: str) -> set[str]:
    _, routing, body = read_html_page(page)
    words: set[str] = set()
    for line in body.split("\n"):
        if not _DATE_LINE.match(line) and not _PAGE_LINE.match(line):
            words.update(_WORD.findall(_INLINE_PAGE.sub(" ", line)))
    return words - _DROPPED


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.html")))
def test_every_word_of_the_telegram_is_kept(name: str) -> None:
    """Every word of a golden page's telegram is in the cable's body, header block or
    trailer (a word broken across lines is there rejoined: `a` / `nd`)."""
    if name in SITE_MATERIAL or "body" in KNOWN_BUGS.get(name, {}).get("fields", []):
        pytest.skip("site material or a known body bug")
    page = (FIXTURES / f"{name}.html").read_text("utf-8")
    doc = read_cable(page).to_dict()
    kept = " ".join([doc["body"] or "", *doc["header_block"], *doc["trailer"]])
    lower = kept.lower()
    missing = {w for w in _telegram_words(page) - set(_WORD.findall(kept))
               if w.lower() not in lower}
    assert missing == set()
