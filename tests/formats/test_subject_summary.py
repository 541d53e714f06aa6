"""SUBJECT and summary as `read_cable` reads them from a telegram's text.

Made-up examples of each shape: SUBJ:, a subject wrapped over lines, a marking before it, a REF
or Classified By run on after it on the same line, a rule or a heading under it, a copy
forwarded by e-mail; summaries led by "Summary:", under a SUMMARY heading, between BEGIN and END
SUMMARY, "Summary and Comment", "Summary/Comment", without a paragraph number, and with only
their end marked.
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
