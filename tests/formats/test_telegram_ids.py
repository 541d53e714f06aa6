"""The id, date and classification of a bare telegram or a partial extract, from its text alone
(`read_cable(text)` with no id): the banner's station and serial, the year the text states or
one inferred (with a warning saying from what), the classification as the release writes it.

The telegrams are made up, in the shapes copies of the release come in.
"""

from __future__ import annotations

import pytest

from cablewire.formats.cable.banner import read_banner
from cablewire.formats.cable.reader import read_cable

ROUTING = """\
VZCZCXRO1234
PP RUEHWEB
DE RUEHLS #0209/01 0451030
ZNY CCCCC ZZH
P 141030Z FEB 07
FM AMEMBASSY LUSAKA
TO RUEHC/SECSTATE WASHDC PRIORITY 4321
INFO RUEHSA/AMEMBASSY PRETORIA 0987
"""
HEADER = """\
E.O. 12958: DECL: 02/14/2017
TAGS: PGOV PREL ZA
SUBJECT: ZAMBIA: A MADE-UP CABLE

Classified By: Ambassador Jane Roe for reasons 1.4 (b) and (d)

1. (C) Summary: Nothing happened. End summary.
"""


def _read(text: str) -> tuple[str | None, str | None, str | None, list[str]]:
    cable = read_cable(text)
    return cable.id, cable.created, cable.classification, cable.warnings


@pytest.mark.parametrize(
    ("banner", "want_id", "want_class"),
    [
        ("C O N F I D E N T I A L LUSAKA 000209", "07LUSAKA209", "CONFIDENTIAL"),
        ("C O N F I D E N T I A L SECTION 01 OF 02 LUSAKA 000209", "07LUSAKA209",
         "CONFIDENTIAL"),
        ("CONFIDENTIAL SECTION 1 of 2 LUSAKA 209", "07LUSAKA209", "CONFIDENTIAL"),
        # damaged letter-spacing, garbled section words, run into the station, lower case
        ("O N F I D E N T I A L LUSAKA 000209", "07LUSAKA209", "CONFIDENTIAL"),
        ("CO N F I D E N T I A L LUSAKA 000209", "07LUSAKA209", "CONFIDENTIAL"),
        ("SS E C R E T SECTION 01 OF 02 LUSAKA 000209", "07LUSAKA209", "SECRET"),
        ("C O N F I D E N T I A L SCTION 01 OF 02 LUSAKA 000209", "07LUSAKA209",
         "CONFIDENTIAL"),
        ("C O N F I D E N T I A LLUSAKA 000209", "07LUSAKA209", "CONFIDENTIAL"),
        ("C o n f i d e n t i a l section 01 of 02 lusaka 000209", "07LUSAKA209",
         "CONFIDENTIAL"),
        ("Unclas lusaka 000209", "07LUSAKA209", "UNCLASSIFIED"),
        # run on into the header that follows it
        ("C O N F I D E N T I A L LUSAKA 000209SIPDIS E.O. 12958: DECL: 02/14/2017",
         "07LUSAKA209", "CONFIDENTIAL"),
        # a misspelt station, a post word before it
        ("C O N F I D E N T I A L LUSSAKA 000209", "07LUSAKA209", "CONFIDENTIAL"),
        ("C O N F I D E N T I A L AMEMBASSY LUSAKA 000209", "07LUSAKA209", "CONFIDENTIAL"),
        # the cablegate site's EFTO ids, from the letter-spaced caveat
        ("UNCLAS E F T O LUSAKA 000209", "07EFTOLUSAKA209", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("UNCLAS SENSITIVE LUSAKA 000209", "07LUSAKA209", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("S E C R E T NOFORN LUSAKA 000209", "07LUSAKA209", "SECRET//NOFORN"),
    ],
)
def test_the_id_from_the_banner(banner: str, want_id: str, want_class: str) -> None:
    cable_id, created, classification, _ = _read(ROUTING + "\n" + banner + "\n\n" + HEADER)
    assert (cable_id, created, classification) == (want_id, "2007-02-14T10:30:00", want_class)


def test_a_banner_broken_after_its_section() -> None:
    text = ROUTING + "\nC O N F I D E N T I A L SECTION 01 OF 02\n\nLUSAKA 000209\n\n" + HEADER
    assert _read(text)[0] == "07LUSAKA209"


def test_a_banner_behind_a_classification_line() -> None:
    text = ROUTING + "\nUNCLAS\nUNCLAS LUSAKA 000209\n\n" + HEADER
    assert _read(text)[0] == "07LUSAKA209"


def test_a_redacted_station_is_taken_from_the_fm_line() -> None:
    text = ROUTING + "\nS E C R E T XXXXXXXXXXXX 000209\n\n" + HEADER
    cable_id, _, _, warnings = _read(text)
    assert cable_id == "07LUSAKA209"
    assert "station redacted in the banner: LUSAKA from the FM line" in warnings


def test_a_lost_banner_is_read_from_the_page_marker() -> None:
    text = ROUTING + "\nSIPDIS\n\n" + HEADER + "\nLUSAKA 00000209 002 OF 002\n\n2. (C) More.\n"
    assert _read(text)[0] == "07LUSAKA209"


def test_a_station_no_one_knows_stays_with_a_warning() -> None:
    text = ROUTING.replace("LUSAKA", "ZEMBLA") + "\nCONFIDENTIAL ZEMBLA 000209\n\n" + HEADER
    cable_id, _, _, warnings = _read(text)
    assert cable_id == "07ZEMBLA209"
    assert "station 'ZEMBLA' is no station of the release; kept as written" in warnings


@pytest.mark.parametrize(
    "text",
    [
        # the shape: a partial extract run together, its date in a `Cable dated:` line
        "Cable dated:2007-02-14T10:30:00]C O N F I D E N T I A L SECTION 01 OF 02 LUSAKA "
        "000209SIPDISE.O. 12958: DECL: 02/14/2017TAGS: PGOV PREL ZA\n\n1. (C) Nothing.\n",
        "ID:123456 Cable dated:2007-02-14T10:30:00C O N F I D E N T I A L LUSAKA 000209\n\n"
        + HEADER,
        "Wednesday, 14 February 2007, 10:30\nC O N F I D E N T I A L LUSAKA 000209\n\n" + HEADER,
        "141030Z Feb 07\nC O N F I D E N T I A L LUSAKA 000209\n\n" + HEADER,
        "12345\t2007-02-14 10:30:00\t07LUSAKA209\tEmbassy Lusaka\tCONFIDENTIAL\t\tVZCZC\n"
        "C O N F I D E N T I A L LUSAKA 000209\n\n" + HEADER,
        "id: 12345\ndate: 2/14/2007 10:30\nrefid: 07LUSAKA209\norigin: Embassy Lusaka\n"
        "classification: CONFIDENTIAL\n\nC O N F I D E N T I A L LUSAKA 000209\n\n" + HEADER,
    ],
)
def test_the_date_a_copy_states(text: str) -> None:
    cable_id, created, classification, _ = _read(text)
    assert (cable_id, created, classification) == (
        "07LUSAKA209", "2007-02-14T10:30:00", "CONFIDENTIAL")


def test_a_dump_row_written_one_field_a_line() -> None:
    text = ("C O N F I D E N T I A L LUSAKA 000209\n\n" + HEADER
            + "\n12345\n2007-02-14\n\n07LUSAKA209\n\nEmbassy Lusaka\n\nCONFIDENTIAL\n")
    assert _read(text)[:2] == ("07LUSAKA209", "2007-02-14")


def test_the_year_inferred_from_the_declassification_date() -> None:
    """A partial extract states no date: its DECL date (ten years on), confirmed by the
    release's id list (which has a LUSAKA 209 of February 2007), gives the year."""
    text = "C O N F I D E N T I A L LUSAKA 000209\n\n" + HEADER
    cable_id, created, _, warnings = _read(text)
    assert (cable_id, created) == ("07LUSAKA209", None)
    assert ("year 2007 inferred from the declassification date 2017-02-14 (10 years on) and "
            "the release's id list") in warnings


def test_the_year_inferred_from_the_year_the_text_names() -> None:
    text = ("UNCLAS LUSAKA 000209\n\nE.O. 12958: N/A\nTAGS: PGOV ZA\nSUBJECT: BUDGET\n\n"
            "1. (U) The 2007 budget is late.\n")
    cable_id, _, _, warnings = _read(text)
    assert cable_id == "07LUSAKA209"
    assert "year 2007 inferred from the year 2007 its text names and the release's id list" in (
        warnings)


def test_no_year_no_id() -> None:
    """Nothing in the text to date it, and the release cannot tell: no id, and it says so."""
    text = "UNCLAS LUSAKA 000209\n\nE.O. 12958: N/A\nTAGS: PGOV ZA\n\n1. (U) Nothing.\n"
    cable_id, _, classification, warnings = _read(text)
    assert (cable_id, classification) == (None, "UNCLASSIFIED")
    assert "no cable id found" in warnings


def test_a_text_that_joins_two_cables_says_so() -> None:
    text = ROUTING + "\nC O N F I D E N T I A L HARARE 000876\n\n" + HEADER
    cable_id, _, _, warnings = _read(text)
    assert cable_id == "07HARARE876"
    assert ("the banner's serial 000876 is not the routing header's #0209: the text may join "
            "two cables") in warnings


def test_a_page_id_keeps_the_sites_efto_and_fixes_a_misspelling() -> None:
    page = ("<table class='cable'><tr><th>Reference ID</th></tr><tr><td>{}</td></tr></table>"
            "<pre>" + ROUTING.replace("\n", "&#x000A;") + "</pre><pre>UNCLAS LUSAKA 000209"
            "&#x000A;</pre>")
    assert read_cable(page.format("07EFTOLUSAKA209")).id == "07EFTOLUSAKA209"
    misspelt = read_cable(page.format("07LUSSAKA209"))
    assert misspelt.id == "07LUSAKA209"
    assert "id 07LUSSAKA209 read as 07LUSAKA209 (spelling)" in misspelt.warnings


def test_prose_is_no_banner() -> None:
    assert read_banner(["Secret talks 12 of them", "SECRETARY RICE 12"]) is None
