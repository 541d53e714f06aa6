"""What the cablegate site put around and inside a telegram (made-up examples in the style of
the pages), set right by `clean_site_text` before the telegram is read, and what `read_cable`
then makes of it."""

from __future__ import annotations

from typing import Any

from cablewire.formats.cable.reader import read_cable
from cablewire.formats.cable.site_text import clean_site_text

HEAD = """C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417

SIPDIS

DEPT FOR EUR/NB

E.O. 12958: DECL: 05/12/2018
TAGS: PREL NO
"""
FULL = """C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417
SIPDIS

DEPT FOR EUR/NB

E.O. 12958: DECL: 05/12/2018
TAGS: PREL NO
SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT FOR THE
NORTHERN PROVINCES

REF: OSLO 388

Classified By: DCM Jane Roe for reasons 1.4 (b) and (d)

1. (C) The Defense Ministry told us on May 10 that it will decide by June.

2. (C) The Storting will debate the plan first.
ROE
"""
FULL_SUBJECT = "NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT FOR THE NORTHERN PROVINCES"


def _r(name: str, precedence: str | None = None, serial: str | None = None) -> dict[str, Any]:
    return {"route": None, "name": name, "precedence": precedence, "serial": serial,
            "excluded": []}


# --- a teaser, the site's row, the full copy: read once ---------------------------------------


def test_teaser_then_one_field_a_line_row_then_full_copy_is_read_once() -> None:
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT FOR...\n\n\n"
            "15501\n\n2008-05-12\n\n08OSLO417\n\nEmbassy Oslo\n\nCONFIDENTIAL\n\n\n" + FULL)
    text, warnings = clean_site_text(page, "08OSLO417")
    assert warnings == []
    # the teaser's lines before the cut field stand, the rest is the full copy's
    assert text == HEAD + FULL[FULL.index("SUBJECT:"):]
    cable = read_cable(page, "08OSLO417")
    assert cable.subject == FULL_SUBJECT
    assert cable.header_block == [
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417", "E.O. 12958: DECL: 05/12/2018",
        "TAGS: PREL NO", f"SUBJECT: {FULL_SUBJECT}", "REF: OSLO 388",
        "Classified By: DCM Jane Roe for reasons 1.4 (b) and (d)",
    ]
    assert [p["number"] for p in cable.paragraphs] == [None, 1, 2]
    assert "15501" not in (cable.body or "") and "Embassy Oslo" not in (cable.body or "")
    assert cable.signers == ["ROE"]


def test_teaser_then_csv_row_with_routing_header_then_full_copy() -> None:
    page = ("VZCZCXYZ0001\nPP RUEHWEB\nDE RUEHNY #0417/01 1331200\nZNY CCCCC ZZH\n"
            "P 121200Z MAY 08\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 5120\n"
            + HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT FOR THE\n"
            "NORTHE...\n\n"
            '15501,5/12/2008 12:00,08OSLO417,"Embassy Oslo",CONFIDENTIAL,08OSLO388,"VZCZCXYZ0001\n'
            "PP RUEHWEB\nDE RUEHNY #0417/01 1331200\nZNY CCCCC ZZH\nP 121200Z MAY 08\n"
            'FM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 5120","' + FULL + '",')
    cable = read_cable(page, "08OSLO417")
    assert cable.subject == FULL_SUBJECT
    assert cable.warnings == []
    assert cable.recipients == [{**_r("SECSTATE WASHDC", "PRIORITY", "5120"), "route": "RUEHC"}]
    assert "15501" not in (cable.body or "")
    assert cable.references == ["08OSLO388"]


def test_teaser_then_labelled_row_then_copy() -> None:
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT FOR THE\n"
            "NORTHERN PROVINCES\n\nREF: OSLO 388\n\nClassified By: DCM Jane Roe for reaso...\n\n"
            "id: 15501\ndate: 5/12/2008 12:00\nrefid: 08OSLO417\norigin: Embassy Oslo\n"
            "classification: CONFIDENTIAL\ndestination: 08OSLO388\nheader:\n"
            "----------------- header ends ----------------\n\n" + FULL)
    text, warnings = clean_site_text(page, "08OSLO417")
    assert warnings == [] and "refid" not in text and "header ends" not in text
    cable = read_cable(page, "08OSLO417")
    assert cable.classification_reasons == ["1.4(b)", "1.4(d)"]
    assert cable.classified_by == "Jane Roe"


def test_teaser_then_copy_run_into_one_line_without_a_row() -> None:
    one_line = " ".join(FULL[: FULL.index("1. (C)")].split())
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELIC...\n\n" + one_line + "\n\n"
            + FULL[FULL.index("1. (C)"):])
    cable = read_cable(page, "08OSLO417")
    assert cable.subject == FULL_SUBJECT
    assert cable.references == ["08OSLO388"]
    assert [p["number"] for p in cable.paragraphs] == [None, 1, 2]


def test_a_copy_that_does_not_repeat_every_word_of_the_teaser_changes_nothing() -> None:
    # the copy is shorter than the teaser (the site's one-line repeat of the first fields):
    # reading it instead would lose the teaser's SUBJECT
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT\n"
            "Classified By: DCM Jane...\n\n"
            "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417 SIPDIS E.O. 12958: DECL: "
            "05/12/2018 TAGS: PREL NO\n")
    assert clean_site_text(page, "08OSLO417") == (page, [])
    # nor does a copy that words the teaser's fields otherwise
    other = page.replace("TAGS: PREL NO\n", "TAGS: PREL NO MARR\n", 1)
    assert clean_site_text(other + FULL, "08OSLO417")[0] == other + FULL


def test_the_teasers_signature_stays_when_the_copy_lacks_it() -> None:
    copy = FULL.replace("ROE\n", "")
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER DETACHMENT FOR...\n\n"
            'ROE\n",\n15501,5/12/2008 12:00,08OSLO417,"Embassy Oslo",CONFIDENTIAL,,"\n","'
            + copy)
    text, _ = clean_site_text(page, "08OSLO417")
    assert text.endswith("2. (C) The Storting will debate the plan first.\n\nROE")
    assert read_cable(page, "08OSLO417").signers == ["ROE"]
    # when the copy has it too, it is there once
    both = page.replace(copy, FULL)
    assert clean_site_text(both, "08OSLO417")[0].count("ROE") == 1


# --- another cable after this one: this cable ends before it ----------------------------------


def test_cut_off_subject_then_a_dump_row_of_another_cable() -> None:
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER ...\n\n\n"
            "61234  2006-04-02  06LIMA1290  Embassy Lima  CONFIDENTIAL    C O N F I D E N T I A L "
            "LIMA 001290   SIPDIS   E.O. 12958: DECL: 04/02/2016\n\nTAGS: PGOV PE\n\n"
            "SUBJECT: PERU: RUNOFF CAMPAIGN OPENS\n\nClassified By: Polcouns John Doe, "
            "reasons 1.4 (b,d)\n\n1. (C) Summary: The runoff campaign opened quietly.\n\nDOE\n")
    text, warnings = clean_site_text(page, "08OSLO417")
    assert text == HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER ..."
    assert warnings == [
        "the text after the cut-off subject ('...') is another cable, 06LIMA1290 (a dump row:"
        " '61234  2006-04-02  06LIMA1290  Embassy Lima  CONFIDENTIAL ...'): left out"
    ]
    cable = read_cable(page, "08OSLO417")
    assert cable.signers == [] and cable.classified_by is None and cable.markers == ["SIPDIS"]
    assert cable.subject == "NORWAY WEIGHS A SECOND HELICOPTER ..."
    # with no numbered paragraph, the fields below the address line are still the header
    assert cable.header_block[-1] == "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER ..."
    assert cable.trailer == []
    assert warnings[0] in cable.warnings


def test_cut_off_subject_then_the_routing_header_of_another_telegram() -> None:
    page = ("P 121200Z MAY 88\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC PRIORITY 5120\n"
            "INFO AMEMBASSY STOCKHOLM\n" + HEAD.replace("000417", "04170")
            + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER\nDETACHMENT FOR ...\n\n"
            "PP RUEHWEB\n\nDE RUEHPE #0211/01 0451700\nZNY CCCCC ZZH\nP 141700Z FEB 09\n"
            "FM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC PRIORITY 1100\n"
            "INFO RUEHBO/AMEMBASSY BOGOTA\n,C O N F I D E N T I A L LIMA 000211\n\nSIPDIS\n\n"
            "E.O. 12958: DECL: 02/14/2019\nTAGS: PGOV PE\nSUBJECT: PERU: CABINET CHANGES\n\n"
            "1. (C) The cabinet changed.\nDoe\n")
    text, warnings = clean_site_text(page, "88OSLO4170")
    assert text.endswith("DETACHMENT FOR ...")
    assert warnings == [
        "the text after the cut-off subject ('...') is another telegram, LIMA 000211 of"
        " 141700Z FEB 09 (routing header 'PP RUEHWEB / DE RUEHPE #0211/01 0451700 ...'): left out"
    ]
    cable = read_cable(page, "88OSLO4170")
    assert cable.recipients == [_r("SECSTATE WASHDC", "PRIORITY", "5120")]
    assert cable.info_recipients == [_r("AMEMBASSY STOCKHOLM")]
    assert cable.date_time_group == "121200Z MAY 88"


def test_a_routing_header_of_this_telegram_after_the_cut_is_not_another_cable() -> None:
    page = (HEAD + "SUBJECT: NORWAY WEIGHS A SECOND HELICOPTER ...\n\n"
            "VZCZCXYZ0001\nDE RUEHNY #0417/01 1331200\nP 121200Z MAY 08\nFM AMEMBASSY OSLO\n"
            "TO RUEHC/SECSTATE WASHDC PRIORITY 5120\n"
            "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417\n")
    assert clean_site_text(page, "08OSLO417") == (page, [])


def test_a_dump_row_of_another_cable_after_the_whole_text() -> None:
    page = (FULL + '",\n19310,5/13/2008 17:38,08OSLO421,"Embassy Oslo",SECRET,,"\n'
            '","S E C R E T OSLO 000421\n\nE.O. 12958: DECL: 05/13/2018\nTAGS: PREL NO\n'
            "SUBJECT: ANOTHER MATTER\n\n1. (S) Another cable.\nROE\n")
    text, warnings = clean_site_text(page, "08OSLO417")
    assert text == FULL + '",'
    assert warnings == [
        "the page goes on with another cable, 08OSLO421 (a dump row: '19310,5/13/2008 17:38,"
        "08OSLO421,\"Embassy Oslo\",SECRET ...'): left out"
    ]
    # the row of this cable itself is no other cable
    own = page.replace("08OSLO421", "08OSLO417")
    assert clean_site_text(own, "08OSLO417")[1] == []
    # a row written with spaces and the dump's month/day/year
    spaced = FULL + "\n190588 5/13/2008 13:20 08OSLO421 Embassy Oslo SECRET VZCZCXRO3770\n"
    assert clean_site_text(spaced, "08OSLO417") == (FULL.rstrip(), [
        "the page goes on with another cable, 08OSLO421 (a dump row: '190588 5/13/2008 13:20"
        " 08OSLO421 Embassy Oslo SECRET ...'): left out"])


# --- CSV quotes, the page's date line ---------------------------------------------------------


def test_csv_quotes_around_the_text_go_doubled_quotes_inside_stay() -> None:
    page = ('","C O N F I D E N T I A L OSLO 000417\n\nE.O. 12958: DECL: 05/12/2018\n'
            'TAGS: PREL NO\nSUBJECT: A ""LIVELY"" DEBATE\n\n1. (C) The ""LIVELY"" debate.\n'
            'ROE\n\n2008OSLO00417 - Classification: CONFIDENTIAL "')
    text, _ = clean_site_text(page)
    assert text.startswith("C O N F I D E N T I A L OSLO 000417\n")
    assert text.endswith("2008OSLO00417 - Classification: CONFIDENTIAL")
    assert '""LIVELY""' in text
    cable = read_cable(page, "08OSLO417")
    assert cable.header_block[0] == "C O N F I D E N T I A L OSLO 000417"
    assert cable.subject == 'A ""LIVELY"" DEBATE'
    # a lone quote on the last line goes too; a CSV cell's closing '",' stays as written
    assert clean_site_text("UNCLAS OSLO 000417\n\n1. Text.\nROE\n\n\"\n")[0].endswith("ROE")
    assert clean_site_text('UNCLAS OSLO 000417\n\n1. Text.\nROE ",')[0].endswith('ROE ",')
    # a quote before text that is no banner stays
    assert clean_site_text('"CONFIDENTIALLY, HE SAID" WAS HIS LINE\n')[0].startswith('"')


def test_the_page_date_line_above_the_banner_goes() -> None:
    page = ("Thursday, 15 May 2008, 12:00\nC O N F I D E N T I A L OSLO 000417\n"
            "E.O. 12958: DECL: 05/12/2018\nTAGS: PREL NO\nSUBJECT: A DEBATE\n\n"
            "1. (C) On Thursday, 15 May 2008, the debate went on.\n")
    text, _ = clean_site_text(page)
    assert text.startswith("C O N F I D E N T I A L OSLO 000417")
    assert "On Thursday, 15 May 2008, the debate" in text
    cable = read_cable(page, "08OSLO417")
    assert cable.header_block[0] == "C O N F I D E N T I A L OSLO 000417"
    assert cable.paragraphs[0]["number"] == 1


# --- a routing header run into one line (a later section's repeat in State's copies) ---------


RUN_ON = ("                       CONFIDENTIAL     PTQ1234\n"
          "PAGE 01        OSLO  00417  02 OF 02  121230Z\n"
          "ACTION EUR-00\n"
          "INFO  LOG-00   NP-00    AF-00  /009W   ------------------3A1B2C  121232Z /38 "
          "O 121200Z MAY 01 FM AMEMBASSY OSLO TO SECSTATE WASHDC IMMEDIATE 0417 "
          "WHITEHOUSE WASHDC IMMEDIATE INFO AMEMBASSY STOCKHOLM AMEMBASSY NEW DELHI "
          "AMEMBASSY CAIRO EUROPEAN POLITICAL COLLECTIVE NSC WASHDC PRIORITY 0032 "
          "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY\n"
          "C O N F I D E N T I A L SECTION 02 OF 02 OSLO 000417\n")


def test_a_routing_header_run_into_one_line_is_written_out_one_line_a_field() -> None:
    text, _ = clean_site_text(RUN_ON)
    assert text.rstrip().split("\n")[3:] == [
        "INFO  LOG-00   NP-00    AF-00  /009W   ------------------3A1B2C  121232Z /38",
        "O 121200Z MAY 01", "FM AMEMBASSY OSLO",
        "TO SECSTATE WASHDC IMMEDIATE 0417", "WHITEHOUSE WASHDC IMMEDIATE",
        "INFO AMEMBASSY STOCKHOLM", "AMEMBASSY NEW DELHI", "AMEMBASSY CAIRO",
        "EUROPEAN POLITICAL COLLECTIVE", "NSC WASHDC PRIORITY 0032",
        "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY",
        "C O N F I D E N T I A L SECTION 02 OF 02 OSLO 000417",
    ]


def test_the_first_section_without_routing_takes_it_from_a_later_sections_repeat() -> None:
    page = ("C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417\n\nE.O. 12958: DECL: 05/12/11\n"
            "TAGS: PREL NO\nSUBJECT: A DEBATE\n\n1. (C) The debate went on.\n\n" + RUN_ON
            + "\n2. (C) And on.\nROE\n")
    cable = read_cable(page, "01OSLO417")
    assert (cable.precedence, cable.date_time_group, cable.sender) == (
        "IMMEDIATE", "121200Z MAY 01", "AMEMBASSY OSLO")
    assert cable.recipients == [_r("SECSTATE WASHDC", "IMMEDIATE", "0417"),
                                _r("WHITEHOUSE WASHDC", "IMMEDIATE")]
    assert cable.info_recipients == [
        _r("AMEMBASSY STOCKHOLM"), _r("AMEMBASSY NEW DELHI"), _r("AMEMBASSY CAIRO"),
        _r("EUROPEAN POLITICAL COLLECTIVE"), _r("NSC WASHDC", "PRIORITY", "0032"),
        _r("SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"),
    ]
    assert "no date-time group" not in cable.warnings


def test_words_in_a_sentence_are_no_run_on_routing_header() -> None:
    line = "THE OFFICER SAID O 121200Z MAY 01 FM AMEMBASSY OSLO TO SECSTATE, BUT LATER."
    assert clean_site_text(line)[0] == line


# --- the header block keeps every word --------------------------------------------------------


def test_text_between_two_header_fields_stays_in_the_header_block() -> None:
    page = ("C O N F I D E N T I A L OSLO 000417\n\nE.O. 12958: DECL: 05/12/11\nTAGS: PREL NO\n"
            "SUBJECT: A DEBATE\n\nREF. STATE 184178\n\nCLASSIFIED BY AMBASSADOR JANE ROE. "
            "REASON 1.5(B,D).\n\n1. (C) The debate went on.\nROE\n")
    cable = read_cable(page, "01OSLO417")
    assert cable.header_block == [
        "C O N F I D E N T I A L OSLO 000417", "E.O. 12958: DECL: 05/12/11", "TAGS: PREL NO",
        "SUBJECT: A DEBATE", "REF. STATE 184178",
        "CLASSIFIED BY AMBASSADOR JANE ROE. REASON 1.5(B,D).",
    ]
    assert "REF. STATE 184178" in (cable.body or "")


def test_a_doubled_label_stays_whole_on_its_line() -> None:
    page = ("C O N F I D E N T I A L OSLO 000417\n\nE.O. 12958: DECL: 05/12/2018\n"
            "TAGS: PREL NO\nSUBJECT: A DEBATE\n\n"
            "Classified By: CLASSIFIED BY DCM JANE ROE FOR REASONS 1.4 (B AND D)\n\n"
            "1. (C) The debate went on.\nROE\n")
    cable = read_cable(page, "08OSLO417")
    assert cable.header_block[-1] == (
        "Classified By: CLASSIFIED BY DCM JANE ROE FOR REASONS 1.4 (B AND D)")
    assert cable.classified_by == "JANE ROE"


def test_a_caption_after_the_fields_keeps_its_first_word() -> None:
    page = ("UNCLAS OSLO 000417\n\nE.O. 12958: N/A\nTAGS: PREL NO\nSUBJECT: A DEBATE\n\n"
            "SENSITIVE BUT UNCLASSIFIED, NOT FOR INTERNET DISTRIBUTION\n\n"
            "1. The debate went on.\nROE\n")
    body = read_cable(page, "08OSLO417").body or ""
    assert "SENSITIVE BUT UNCLASSIFIED, NOT FOR INTERNET DISTRIBUTION" in body


def test_a_copy_of_the_first_fields_under_a_copy_of_the_banner_is_read_once() -> None:
    page = ("C O N F I D E N T I A L OSLO 000417\n\nSIPDIS\n\nE.O. 12958: DECL: 05/12/2018\n"
            "TAGS: PREL NO\nSUBJECT: A DEBATE\n\nClassified By: Politica...\n\n"
            "C O N F I D E N T I A L OSLO 000417 SIPDIS E.O. 12958: DECL: 05/12/2018 TAGS: "
            "PREL NO\n")
    cable = read_cable(page, "08OSLO417")
    assert cable.header_block == [
        "C O N F I D E N T I A L OSLO 000417", "E.O. 12958: DECL: 05/12/2018", "TAGS: PREL NO",
        "SUBJECT: A DEBATE", "Classified By: Politica...",
    ]


# --- a row of the tab-separated dump -----------------------------------------------------------


TSV = ("15501\t2008-05-12 12:00:00\t08OSLO417\tEmbassy Oslo\tCONFIDENTIAL\t08OSLO388\t"
       "VZCZCXYZ0001\\\nPP RUEHWEB\\\nDE RUEHNY #0417/01 1331200\\\nZNY CCCCC ZZH\\\n"
       "P 121200Z MAY 08\\\nFM AMEMBASSY OSLO\\\nTO RUEHC/SECSTATE WASHDC PRIORITY 5120\\\n"
       "INFO RUEHSM/AMEMBASSY STOCKHOLM PRIORITY 0917\tC O N F I D E N T I A L OSLO 000417 \\\n"
       " \\\nSIPDIS \\\n \\\nE.O. 12958: DECL: 05/12/2018 \\\nTAGS: PREL NO\nSUBJECT: A DEBATE \\\n"
       " \\\nClassified By: DCM Jane Roe for reasons 1.4(b \\\n), (c), and (d). \\\n \\\n"
       "1. (C) The debate went on. \\\nROE \\\n\n")


def test_a_tab_separated_row_is_read_one_line_a_line_without_its_opening_fields() -> None:
    text, warnings = clean_site_text(TSV, "08OSLO417")
    assert warnings == []
    assert text.split("\n")[:3] == ["VZCZCXYZ0001", "PP RUEHWEB", "DE RUEHNY #0417/01 1331200"]
    assert "INFO RUEHSM/AMEMBASSY STOCKHOLM PRIORITY 0917\nC O N F I D E N T I A L OSLO 000417\n" \
        in text
    assert "\\" not in text and "15501" not in text
    cable = read_cable(TSV, "08OSLO417")
    assert cable.subject == "A DEBATE"
    assert cable.info_recipients == [{"route": "RUEHSM", "name": "AMEMBASSY STOCKHOLM",
                                      "precedence": "PRIORITY", "serial": "0917",
                                      "excluded": []}]
    assert cable.classification_reasons == ["1.4(b)", "1.4(c)", "1.4(d)"]
    assert cable.signers == ["ROE"]


def test_another_cables_tab_separated_row_after_this_one_ends_it() -> None:
    other = TSV.replace("15501", "15502").replace("08OSLO417", "08OSLO418").replace(
        "OSLO 000417", "OSLO 000418")
    text, warnings = clean_site_text(TSV + other, "08OSLO417")
    assert text.endswith("1. (C) The debate went on.\nROE")
    assert warnings == [
        "the page goes on with another cable, 08OSLO418 (a dump row: '15502\t2008-05-12 12:00:00"
        "\t08OSLO418\tEmbassy Oslo\tCONFIDENTIAL ...'): left out"
    ]


def test_tabs_and_backslashes_in_a_page_without_a_tab_separated_row_stay() -> None:
    page = "UNCLAS OSLO 000417\n\n1. Table:\tA\\\n\tB\n"
    assert clean_site_text(page) == (page, [])
