"""Title case of subject lines: `cablewire.text.casing.titlecase` (made-up subjects)."""

from __future__ import annotations

import pytest

from cablewire.text.casing import kept_upper, title_words, titlecase


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("MALI HOLDS LOCAL ELECTIONS", "Mali Holds Local Elections"),
        ("AQIM ACTIVE IN THE NORTH, WITH HELP", "AQIM Active in the North, with Help"),
        # acronyms and country codes in compounds
        ("U.S.-MALI-EU TALKS ON THE SAHEL", "U.S.-Mali-EU Talks on the Sahel"),
        ("EU/MALI: DUTCH VIEWS ON AID", "EU/Mali: Dutch Views on Aid"),
        ("AF/W DIRECTOR'S VISIT TO BAMAKO", "AF/W Director's Visit to Bamako"),
        ("WHA/CEN OFFICE DIRECTOR VISITS", "WHA/CEN Office Director Visits"),
        ("US-EU TFTP TALKS", "US-EU TFTP Talks"),
        # words of the acronym list that the cables write as words
        ("UPDATE ON THE DUTCH YOUTH PROGRAM", "Update on the Dutch Youth Program"),
        # an acronym's possessive and other endings
        ("GOL'S NEW LAW", "GOL's New Law"),
        ("THE PNG'ING OF A DIPLOMAT", "The PNG'ing of a Diplomat"),
        ("COTE D'IVOIRE: DON'T WAIT", "Cote D'Ivoire: Don't Wait"),
        # small words start a subphrase
        ("MALI'S NEXT STEP?: THE VIEW FROM BAMAKO", "Mali's Next Step?: The View from Bamako"),
        ("THE NEW CABINET - AN OVERVIEW", "The New Cabinet - An Overview"),
        ("ELECTIONS -- THE RESULTS", "Elections -- The Results"),
        # short words no English text has, redaction marks, codes with digits
        ("DROC--MALI DEMARCHE", "DROC--Mali Demarche"),
        ("MEETING WITH XXXXXXXXXXXX", "Meeting with XXXXXXXXXXXX"),
        ("C-AL9-00123 REQUEST, 1.4(B)", "C-AL9-00123 Request, 1.4(B)"),
        # a name is not an acronym
        ("MINISTER SUHA VISITS", "Minister Suha Visits"),
        # lower case; mixed case as written but for the words all in lower case
        ("mali holds local elections", "Mali Holds Local Elections"),
        ("Mali holds its elections", "Mali Holds Its Elections"),
        ("Mali's PM meets McCain's staff and Lula da Silva's", "Mali's PM Meets McCain's Staff "
         "and Lula da Silva's"),
        # a place whose name begins with "The"
        ("A/S ROE VISIT TO THE HAGUE", "A/S Roe Visit to The Hague"),
        # the last word is capitalised, small or not, unless the subject is cut short
        ('MALI: "WE WANT BACK IN"', 'Mali: "We Want Back In"'),
        ("MALI HOLDS ELECTIONS IN ...", "Mali Holds Elections in ..."),
    ],
)
def test_titlecase(subject: str, title: str) -> None:
    assert titlecase(subject) == title


def test_title_words_are_listed_entries_the_cables_write_as_words() -> None:
    assert {"DUTCH", "UPDATE", "MEET"} <= title_words()
    assert "DUTCH" not in kept_upper() and "NATO" in kept_upper() and "US" in kept_upper()


def test_the_cable_s_own_acronyms_from_its_text() -> None:
    # a word the cable's mixed-case text writes in capitals among lower-case words, and no
    # English word, stays in capitals; a text in capitals, or a heading, gives none
    text = "The Mali Customs Office (MCO) said the MCO would act.\nFULBE HERDERS\n"
    assert titlecase("meeting with the mco", text) == "Meeting with the MCO"
    assert titlecase("MEETING WITH THE MCO AND FULBE", text) == "Meeting with the MCO and Fulbe"
    assert titlecase("meeting with the mco", text.upper()) == "Meeting with the Mco"
