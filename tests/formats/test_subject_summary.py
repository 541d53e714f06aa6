"""SUBJECT and summary as `read_cable` reads them from a telegram's text.

Made-up examples of each shape: SUBJ:, a subject wrapped over lines, a marking before it (in
any case, with caveats), a REF or Classified By run on after it on the same line, a rule or a
heading under it, a copy forwarded by e-mail; what ends a subject or is cut from it (a handling
notice, a banner, markers, slashes, the summary's opening, the next label's marking) and what
does not (an executive order cited in it); summaries led by "Summary:", under a SUMMARY
heading, between BEGIN and END SUMMARY, "Summary and Comment", "Summary/Comment", without a
paragraph number, and with only their end marked.
"""

from __future__ import annotations

import pytest

from cablewire.formats.cable.reader import read_cable
from cablewire.formats.cable.subject import clean_subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\n\n1. (U) Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJ: MALI HOLDS LOCAL ELECTIONS\n\n1. (U) Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("Subject: Mali holds local elections\n\n1. (U) Text.", "Mali holds local elections"),
        ("SUBJECT MALI HOLDS LOCAL ELECTIONS\n\n1. (U) Text.", "MALI HOLDS LOCAL ELECTIONS"),
        # wrapped over lines
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS IN THE\nNORTHERN REGIONS\n\n1. (U) Text.",
         "MALI HOLDS LOCAL ELECTIONS IN THE NORTHERN REGIONS"),
        # the marking of the line is not part of the subject
        ("SUBJECT: (C) MALI HOLDS LOCAL ELECTIONS\n\n1. (U) Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: (S/NF) MALI HOLDS LOCAL ELECTIONS\n\n1. (U) Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        # run on with the next field on the same line, or cut by a line of its own
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS REF: BAMAKO 123\n\n1. (U) Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS Classified By: Jane Roe, reasons 1.4 (b)\n\n"
         "1. (C) Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nClassified By: Jane Roe, reasons 1.4 (b)\n\n"
         "1. (C) Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI NOTES 01-02-2009\n-----------\n1. SUMMARY\n-----------\n",
         "MALI NOTES 01-02-2009"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nBackground\n----------\n1. (U) Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        # an escaped line break (a copy from a dump)
        ("TAGS: PREL ML\\nSUBJECT: MALI HOLDS LOCAL ELECTIONS\n\n1. (U) Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
    ],
)
def test_subject(text: str, subject: str) -> None:
    assert read_cable(text).subject == subject


def test_the_header_block_keeps_the_subject_line_as_written() -> None:
    cable = read_cable("TAGS: PREL ML\nSUBJECT: (C) MALI HOLDS LOCAL ELECTIONS\n\n1. (C) Text.")
    assert cable.header_block == ["TAGS: PREL ML", "SUBJECT: (C) MALI HOLDS LOCAL ELECTIONS"]
    assert cable.title == "Mali Holds Local Elections"


def test_a_subject_in_prose_is_no_label() -> None:
    assert read_cable("TAGS: PREL ML\n\n1. (U) The subject of the talks was Mali.").subject is None


def test_a_copy_forwarded_by_mail() -> None:
    assert clean_subject("BAMAKO 00000123 P CO 02-FEB-09 MALI HOLDS LOCAL ELECTIONS [1234567]") \
        == "MALI HOLDS LOCAL ELECTIONS"
    text = ("From: A, B\nSubject: BAMAKO 00000123 P CO 02-FEB-09 MALI HOLDS LOCAL\n"
            "ELECTIONS [1234567]\n\nCONFIDENTIAL\n\nE.O. 12958: N/A\nTAGS: PREL ML\n\n"
            "1. (C) Text.")
    assert read_cable(text).subject == "MALI HOLDS LOCAL ELECTIONS"


def test_line_ends_escaped_with_a_backslash() -> None:
    text = ("E.O. 12958: N/A \\\nTAGS: PREL ML \\\nSUBJECT: MALI HOLDS LOCAL \\\n"
            "ELECTIONS \\\n \\\n1. (U) The vote went well. \\\n")
    cable = read_cable(text)
    assert cable.subject == "MALI HOLDS LOCAL ELECTIONS"
    assert cable.tags == ["PREL", "ML"]
    assert cable.paragraphs[0]["text"] == "The vote went well."


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("1. (C) Summary: The vote went well. End summary.\n\n2. (C) More.",
         "The vote went well."),
        ("1. (C) SUMMARY: The vote went well.\n\n2. (C) More.", "The vote went well."),
        ("1. (C) Summary and Comment: The vote went well. End Summary and Comment.\n\n"
         "2. (C) More.", "The vote went well."),
        ("1. (C) Summary and Action Request. The vote went well. End Summary and Action "
         "Request.\n\n2. (C) More.", "The vote went well."),
        ("1. (C) Summary/Comment: The vote went well. End Summary/Comment.\n\n2. (C) More.",
         "The vote went well."),
        ("1. (C) Introduction and Summary: The vote went well. End Summary.\n\n2. (C) More.",
         "The vote went well."),
        # the paragraph's marking written after the lead
        ("1. Summary: (SBU) The vote went well. End Summary.\n\n2. (U) More.",
         "The vote went well."),
        ("1. (sbu) Summary: The vote went well. End Summary.\n\n2. (U) More.",
         "The vote went well."),
        # under a heading, over several paragraphs, up to END SUMMARY
        ("SUMMARY\n-------\n\n1. (C) The vote went well.\n\n2. (C) Turnout was low. END "
         "SUMMARY.\n\n3. (C) More.", "The vote went well.\n\nTurnout was low."),
        ("Summary and Introduction\n------------------------\n\n1. (C) The vote went well. "
         "End Summary and Introduction.\n\n2. (C) More.", "The vote went well."),
        # without a paragraph number
        ("REF: BAMAKO 123\n\nSUMMARY: THE VOTE WENT WELL.\nEND SUMMARY\n\n1. TURNOUT WAS LOW.",
         "THE VOTE WENT WELL."),
        ("BEGIN SUMMARY: The vote went well. END SUMMARY.\n\n1. More.", "The vote went well."),
        ("1. (C) BEGIN SUMMARY AND COMMENT: The vote went well. END SUMMARY AND COMMENT.\n\n"
         "2. (C) More.", "The vote went well."),
        # only the end marked: from the first paragraph to it
        ("Classified By: Jane Roe, reasons 1.4 (b)\n\n1. (C) The vote went well. End "
         "Summary.\n\n2. (C) More.", "The vote went well."),
        ("MALI VOTES\n\n1. The vote went well.\nEnd\nSummary.\n\n2. More.", "The vote went well."),
    ],
)
def test_summary(text: str, summary: str) -> None:
    assert read_cable(text).summary == summary


def test_no_summary_when_none_is_marked() -> None:
    assert read_cable("1. (C) The vote went well.\n\n2. (C) More.").summary is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # markings in any case and with their caveats, a dash or colon after them
        ("subject: (s) mali holds local elections\n\n1. (u) text.", "mali holds local elections"),
        ("SUBJECT: (C/REL USA, GBR) MALI HOLDS LOCAL ELECTIONS\n\n1. (C) Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: (SBU//NF) MALI HOLDS LOCAL ELECTIONS\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: (TS/SCI) MALI HOLDS LOCAL ELECTIONS\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: (LIMITED OFFICIAL USE) MALI HOLDS LOCAL ELECTIONS\n\n1. Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: (C) - MALI HOLDS LOCAL ELECTIONS\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        # a parenthesis that is no marking stays
        ("SUBJECT: (CORRECTED COPY) MALI HOLDS LOCAL ELECTIONS\n\n1. Text.",
         "(CORRECTED COPY) MALI HOLDS LOCAL ELECTIONS"),
        # an executive order cited in the subject is no E.O. label
        ("SUBJECT: MALI: DESIGNATIONS UNDER E.O. 13382\nREF: STATE 123\n\n1. Text.",
         "MALI: DESIGNATIONS UNDER E.O. 13382"),
        ("SUBJECT: E.O. 13224 DESIGNATIONS OF MALIAN FIRMS\n\n1. Text.",
         "E.O. 13224 DESIGNATIONS OF MALIAN FIRMS"),
        # a handling notice is no part of the subject, on its line or after it
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT "
         "ACCORDINGLY.\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS? SENSITIVE BUT UNCLASSIFIED--PLEASE PROTECT "
         "ACCORDINGLY Ref: Bamako 12\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS?"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS ENTIRE TEXT SENSITIVE BUT UNCLASSIFIED/NOFORN; "
         "PLEASE PROTECT ACCORDINGLY.\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS Sensitive but unclassified. Please handle "
         "accordingly.\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nSENSITIVE BUT UNCLASSIFIED, PLEASE TREAT "
         "ACCORDINGLY\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS THIS CABLE IS SENSITIVE BUT UNCLASSIFIED. PLEASE "
         "HANDLE ACCORDINGLY.\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        # nor the banner of a copy that repeats the head, a section banner, a line of markers
        ("SUBJECT: MALI HOLDS LOCAL...\nC O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000123 "
         "SIPDIS DEPT FOR AF/W\n\n1. Text.", "MALI HOLDS LOCAL..."),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nCONFIDENTIAL SECTION 02 OF 02 BAMAKO 000123\n"
         "\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nNOFORN\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS SIPDIS\n\n1. Text.", "MALI HOLDS LOCAL ELECTIONS"),
        # nor a cancelled message's notice opened by slashes
        ("SUBJECT: MALI HOLDS LOCAL\nELECTIONS ///////// ZFR ////// CABLE CANCELED\n\n1. Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\n//////ZFR CANCEL THIS MESSAGE//////\n\n1. Text.",
         "MALI HOLDS LOCAL ELECTIONS"),
        # nor the summary's opening under it
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nSUMMARY: THE VOTE WENT WELL.", "MALI HOLDS LOCAL "
         "ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\nBEGIN SUMMARY. THE VOTE WENT WELL.",
         "MALI HOLDS LOCAL ELECTIONS"),
        ("SUBJECT: MALI HOLDS LOCAL ELECTIONS\n(C) Summary: the vote went well.",
         "MALI HOLDS LOCAL ELECTIONS"),
        # but a subject wrapped before such words goes on
        ("SUBJECT: MALI: WEEKLY\nSUMMARY OF EVENTS\n\n1. Text.", "MALI: WEEKLY SUMMARY OF EVENTS"),
        ("SUBJECT: MALI ENDS\nSECRET TALKS IN 2009\n\n1. Text.", "MALI ENDS SECRET TALKS IN 2009"),
        # runs of spaces are one
        ("SUBJECT: MALI:  LOCAL   ELECTIONS\n\n1. Text.", "MALI: LOCAL ELECTIONS"),
    ],
)
def test_subject_shapes(text: str, subject: str) -> None:
    assert read_cable(text).subject == subject


def test_a_marking_before_the_next_label_is_that_label_s() -> None:
    cable = read_cable("SUBJECT: MALI HOLDS LOCAL ELECTIONS\n(U) Classified by Jane Roe, "
                       "reasons 1.4 (b)\n\n1. (C) Text.")
    assert cable.subject == "MALI HOLDS LOCAL ELECTIONS"
    assert cable.header_block == ["SUBJECT: MALI HOLDS LOCAL ELECTIONS",
                                  "(U) Classified by Jane Roe, reasons 1.4 (b)"]
    assert cable.classified_by == "Jane Roe"


def test_the_telegram_s_own_subject_wins_over_the_forwarding_mail_s() -> None:
    text = ("From: A, B\nSubject: BAMAKO 00000123 P CO 02-FEB-09 MALI'S LOCAL\n"
            "ELECTIONS [1234567]\n\nCONFIDENTIAL\n\nE.O. 12958: N/A\nTAGS: PREL ML\n"
            "SUBJECT: MALI’S LOCAL ELECTIONS\n\n1. (C) Text.")
    assert read_cable(text).subject == "MALI’S LOCAL ELECTIONS"


@pytest.mark.parametrize(
    ("label", "order"),
    [
        ("E.O. 12958: DECL: 01/01/2019", "E.O. 12958"),
        ("EO 12958 DECL: 01/01/2019", "E.O. 12958"),
        ("E.O. 12598: DECL: 01/01/2019", "E.O. 12598"),  # a typo, with the DECL after it
        ("E.O. 12356: OADR", "E.O. 12356"),
        ("E. O. 11652: GDS", "E.O. 11652"),
    ],
)
def test_the_e_o_label_in_its_forms(label: str, order: str) -> None:
    cable = read_cable(f"{label}\nTAGS: PREL ML\nSUBJECT: MALI VOTES\n\n1. (C) Text.")
    assert (cable.executive_order, cable.tags, cable.subject) == (
        order, ["PREL", "ML"], "MALI VOTES")


def test_a_subject_whose_label_the_copy_lost() -> None:
    # the lines in capitals under TAGS, in its block, are the subject, with a warning
    cable = read_cable("E.O. 12958: DECL: 04/12/2016   TAGS: PGOV PINR ML\nELECTIONS,\n"
                       "OPPOSITION SEEKS A RECOUNT IN THE NORTH\n\nClassified By: Jane Roe. "
                       "Reason: 1.4(d)\n\n1. (C) Text.")
    assert cable.subject == "ELECTIONS, OPPOSITION SEEKS A RECOUNT IN THE NORTH"
    assert cable.tags == ["PGOV", "PINR", "ML"]
    assert "no SUBJECT label: the subject is the lines under TAGS" in cable.warnings


@pytest.mark.parametrize("under", [
    "Opposition seeks a recount",  # not in capitals: the copy's own text
    "SEEKS",  # too short to be a subject
    "CONFIDENTIAL",  # an older telegram's page header
])
def test_lines_under_tags_that_are_no_subject(under: str) -> None:
    cable = read_cable(f"TAGS: PGOV PINR ML\n{under}\n\n1. (C) Text.")
    assert cable.subject is None
