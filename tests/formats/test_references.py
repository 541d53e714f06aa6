"""REF blocks: `cablewire.formats.cable.references.parse_references(text, year, own_id)`.

The cited cables come out as canonical ids, in order, once each and never the citing cable
itself; lettered items that cite no cable (e-mails, telcons, reports) land in `.other`, as
written, without their letter. The REF texts below are taken from corpus cables.
"""

from __future__ import annotations

import pytest

from cablewire.formats.cable.references import parse_references


@pytest.mark.parametrize(
    ("text", "year", "cables", "other"),
    [
        # One citation, no year of its own: the citing cable's year.
        ("BAMAKO 00186", 2009, ["09BAMAKO186"], []),
        ("SECSTATE 74879", 2008, ["08STATE74879"], []),
        ("(A) SECSTATE WASHDC 12345", 2008, ["08STATE12345"], []),
        # Lettered lists: "A.", "A)", "(A)", doubled letters, no separator at all.
        (
            "A. 08 BRASILIA 1170 B. IIR 6 809 0120 09 C. 08 BRASILIA 1214",
            2009,
            ["08BRASILIA1170", "08BRASILIA1214"],
            ["IIR 6 809 0120 09"],
        ),
        (
            "A) MADRID 5426, B) MADRID 5425, C) MADRID 5418",
            1986,
            ["86MADRID5426", "86MADRID5425", "86MADRID5418"],
            [],
        ),
        (
            "(A) 06 TBILISI 2601, (B) 2007 MANAGUA 2135",
            2008,
            ["06TBILISI2601", "07MANAGUA2135"],
            [],
        ),
        (
            "(A) STATE 253201 (B) WILSON/MACK TELECON (C) WILSON/CHARLES TELECON",
            1990,
            ["90STATE253201"],
            ["WILSON/MACK TELECON", "WILSON/CHARLES TELECON"],
        ),
        (
            "A. A. STATE 56282 B. B. STATE 56666 C. C. STATE 41252 AND 44603 D. D. BRASILIA 616",
            2004,
            ["04STATE56282", "04STATE56666", "04STATE41252", "04STATE44603", "04BRASILIA616"],
            [],
        ),
        (
            "A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL OF 10/6 D) STATE 215870",
            2004,
            ["04MADRID3552", "04BRUSSELS4080", "04STATE215870"],
            ["SAINZ E-MAIL OF 10/6"],
        ),
        ("A. RICHARD-WITMER EMAIL 10/9", 2003, [], ["RICHARD-WITMER EMAIL 10/9"]),
        ("A. TD-314/09169-05", 2006, [], ["TD-314/09169-05"]),
        # Years written as 06, 2006 and '08.
        ("A. 2004 STATE 239012", 2005, ["04STATE239012"], []),
        (
            "A. CAIRO 64 B. 2008 CAIRO 2420 C. 2008 CAIRO 1565 D. 2007 CAIRO 2350",
            2009,
            ["09CAIRO64", "08CAIRO2420", "08CAIRO1565", "07CAIRO2350"],
            [],
        ),
        (
            "A) STATE 12345 AND 23456 B) '08 KABUL 123 (NOTAL)",
            2009,
            ["09STATE12345", "09STATE23456", "08KABUL123"],
            [],
        ),
        (
            "A. 99 PRETORIA 12315  B. 00 CAPE TOWN 2150  C. PRETORIA 425",
            2001,
            ["99PRETORIA12315", "00CAPETOWN2150", "01PRETORIA425"],
            [],
        ),
        # Several serials after one station.
        ("STATE 12345 AND 23456", 2009, ["09STATE12345", "09STATE23456"], []),
        (
            "STATE 12345, 23456 AND 34567",
            2009,
            ["09STATE12345", "09STATE23456", "09STATE34567"],
            [],
        ),
        ("STATE 12345 & 23456", 2009, ["09STATE12345", "09STATE23456"], []),
        ("09 STATE 123 AND 456 AND 789", 2010, ["09STATE123", "09STATE456", "09STATE789"], []),
        ("USUN NEW YORK 720 AND 721", 2008, ["08USUNNEWYORK720", "08USUNNEWYORK721"], []),
        ("A. ALGIERS 110 AND ALGIERS 140", 2008, ["08ALGIERS110", "08ALGIERS140"], []),
        # Separated by ';' or nothing at all.
        (
            "10 CARACAS 9; 09 CARACAS 1374; 10 CARACAS 27; 10 CARACAS 39 10 CARACAS 35",
            2010,
            ["10CARACAS9", "09CARACAS1374", "10CARACAS27", "10CARACAS39", "10CARACAS35"],
            [],
        ),
        ("TEHRAN 1091: TEHRAN 263: MOSCOW 1603", 1972, ["72TEHRAN1091", "72TEHRAN263",
                                                      "72MOSCOW1603"], []),
        ("A. 10SHENYANG 003  B. 09SHENYANG 167", 2010, ["10SHENYANG3", "09SHENYANG167"], []),
        # Nothing.
        ("", 2008, [], []),
    ],
)
def test_ref_shapes(text: str, year: int, cables: list[str], other: list[str]) -> None:
    refs = parse_references(text, year)
    assert (refs.cables, refs.other) == (cables, other)


PAGE_HEADER_CASES = [
    # (text, year, own id, cables, other); the citing cable's own page headers.
    (
        "A. STATE 40721\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098"
        "  C. ROME 894  D. MYRIAD POST-DEPARTMENT E-MAILS FROM 10/01-02/02  E. ROME 348",
        2002,
        "02ROME1196",
        ["02STATE40721", "02ROME1098", "02ROME894", "02ROME348"],
        ["MYRIAD POST-DEPARTMENT E-MAILS FROM 10/01-02/02"],
    ),
    ("STATE 211901\nNEW DELHI 00009127 001.2 OF 006", 2005, "05NEWDELHI9127", ["05STATE211901"],
     []),
    (
        "A) 07 TRIPOLI 656; B) 07 TRIPOLI 695 TRIPOLI 00000661 001.2 OF 002",
        2009,
        "09TRIPOLI661",
        ["07TRIPOLI656", "07TRIPOLI695"],
        [],
    ),
    (
        "A. CAIRO 1197\n     B. CAIRO 457\nCAIRO 00001220 002 OF 003\n C. CAIRO 826",
        2009,
        "09CAIRO1220",
        ["09CAIRO1197", "09CAIRO457", "09CAIRO826"],
        [],
    ),
]


@pytest.mark.parametrize(("text", "year", "own_id", "cables", "other"), PAGE_HEADER_CASES)
def test_page_headers_inside_the_ref_block(
    text: str, year: int, own_id: str, cables: list[str], other: list[str]
) -> None:
    refs = parse_references(text, year, own_id)
    assert (refs.cables, refs.other) == (cables, other)


@pytest.mark.parametrize(("text", "year", "own_id", "cables", "other"), PAGE_HEADER_CASES)
def test_page_headers_are_not_citations_even_without_own_id(
    text: str, year: int, own_id: str, cables: list[str], other: list[str]
) -> None:
    refs = parse_references(text, year)
    assert (refs.cables, refs.other) == (cables, other)


def test_no_duplicates_and_order_kept() -> None:
    refs = parse_references("A. BAMAKO 186 B. STATE 12 C. 09 BAMAKO 0186 D. BAMAKO 186", 2009)
    assert refs.cables == ["09BAMAKO186", "09STATE12"]


def test_no_self_reference() -> None:
    refs = parse_references("A. BAMAKO 387 B. BAMAKO 186", 2009, own_id="09BAMAKO387")
    assert refs.cables == ["09BAMAKO186"]
    assert refs.other == []
    assert parse_references("09 BAMAKO 0387", 2009, own_id="09BAMAKO387").cables == []


def test_own_year_only_fills_in_missing_years() -> None:
    refs = parse_references("A. 08 STATE 1 B. STATE 2", 2009, own_id="09BAMAKO387")
    assert refs.cables == ["08STATE1", "09STATE2"]


def test_no_year_at_all_gives_no_canonical_id() -> None:
    refs = parse_references("BAMAKO 00186", None)
    assert refs.cables == []


# --- REF texts from corpus cables that were once read wrongly --------------------


def test_year_after_and_starts_a_new_citation() -> None:
    refs = parse_references("07 ALGIERS 1807 AND 08 ALGIERS 0075", 2008)
    assert refs.cables == ["07ALGIERS1807", "08ALGIERS75"]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("LONDON DAILY - 30 APRIL 2009", "LONDON DAILY - 30 APRIL 2009"),  # 09LONDON1082
        (
            "10 AUGUST 2008 U.S. NON PAPER ON DEPLOYMENT",  # 09WARSAW170
            "10 AUGUST 2008 U.S. NON PAPER ON DEPLOYMENT",
        ),
        (
            "B) DAR-T assessment TS-323-08A dated 8 May 08",  # 08NAIROBI1363
            "DAR-T assessment TS-323-08A dated 8 May 08",
        ),
    ],
)
def test_dates_are_not_cables(text: str, other: str) -> None:
    refs = parse_references(text, 2009)
    assert (refs.cables, refs.other) == ([], [other])


def test_redacted_citation_is_not_a_cable() -> None:
    refs = parse_references("09 XXXXXXXXXXXX 167", 2010)  # 10SHENYANG4
    assert (refs.cables, refs.other) == ([], ["09 XXXXXXXXXXXX 167"])


def test_intelligence_report_after_a_station_is_other() -> None:
    refs = parse_references("A. (A) 03 BRASILIA 2313 B. (B) 03 USDAO BRASILIA IIR 6 809 0235 03",
                            2004)  # 04BRASILIA2119
    assert (refs.cables, refs.other) == (
        ["03BRASILIA2313"], ["03 USDAO BRASILIA IIR 6 809 0235 03"]
    )


def test_unlettered_items_split_at_semicolons() -> None:
    refs = parse_references("STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", 1966)
    assert (refs.cables, refs.other) == (["66STATE106206"], ["STATE CA-3400 NOV 2, 1966"])


def test_short_station_names() -> None:
    refs = parse_references("A. 08 HAGUE 468 B. 05 CASA 1220", 2009)  # 09THEHAGUE264 ...
    assert refs.cables == ["08THEHAGUE468", "05CASABLANCA1220"]


def test_cia_reports_are_other() -> None:
    refs = parse_references("A. 09 CIAWASH 542085 - ALLEGED THREAT B. 08 TRIPOLI 120", 2009)
    assert refs.cables == ["08TRIPOLI120"]
    assert refs.other == ["09 CIAWASH 542085 - ALLEGED THREAT"]


# --- REF items: each with its letter, its text and its own cables ------------------------------


def test_items_keep_their_letters_and_an_item_that_is_no_cable_has_no_ids() -> None:
    refs = parse_references("A. 08 BRASILIA 1170 B. IIR 6 809 0120 09 C. 08 BRASILIA 1214", 2009)
    assert refs.items == [
        {"letter": "A", "text": "08 BRASILIA 1170", "ids": ["08BRASILIA1170"]},
        {"letter": "B", "text": "IIR 6 809 0120 09", "ids": []},
        {"letter": "C", "text": "08 BRASILIA 1214", "ids": ["08BRASILIA1214"]},
    ]


def test_an_item_naming_two_cables_keeps_both() -> None:
    refs = parse_references("A) STATE 12345 AND 23456 B) 08 KABUL 123", 2009)
    assert refs.items == [
        {"letter": "A", "text": "STATE 12345 AND 23456", "ids": ["09STATE12345", "09STATE23456"]},
        {"letter": "B", "text": "08 KABUL 123", "ids": ["08KABUL123"]},
    ]
    assert refs.cables == ["09STATE12345", "09STATE23456", "08KABUL123"]


def test_unlettered_items_have_no_letter() -> None:
    assert parse_references("BAMAKO 00186", 2009).items == [
        {"letter": None, "text": "BAMAKO 00186", "ids": ["09BAMAKO186"]}
    ]
    assert parse_references("STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", 1966).items == [
        {"letter": None, "text": "STATE 106206 CIRCULAR", "ids": ["66STATE106206"]},
        {"letter": None, "text": "STATE CA-3400 NOV 2, 1966", "ids": []},
    ]


def test_doubled_letters_give_one_item_each() -> None:
    refs = parse_references("A. (A) 03 BRASILIA 2313 B. (B) 03 USDAO BRASILIA IIR 6 809 0235 03",
                            2004)
    assert refs.items == [
        {"letter": "A", "text": "03 BRASILIA 2313", "ids": ["03BRASILIA2313"]},
        {"letter": "B", "text": "03 USDAO BRASILIA IIR 6 809 0235 03", "ids": []},
    ]


def test_a_cable_cited_twice_stays_in_both_items_and_the_cable_itself_in_none() -> None:
    refs = parse_references("A. BAMAKO 387 B. BAMAKO 186 C. 09 BAMAKO 0186", 2009,
                            own_id="09BAMAKO387")
    assert refs.items == [
        {"letter": "A", "text": "BAMAKO 387", "ids": []},
        {"letter": "B", "text": "BAMAKO 186", "ids": ["09BAMAKO186"]},
        {"letter": "C", "text": "09 BAMAKO 0186", "ids": ["09BAMAKO186"]},
    ]
    assert (refs.cables, refs.other) == (["09BAMAKO186"], [])


def test_items_are_read_without_the_page_headers_inside_the_block() -> None:
    refs = parse_references("A. CAIRO 1197\n     B. CAIRO 457\nCAIRO 00001220 002 OF 003\n"
                            " C. CAIRO 826", 2009, "09CAIRO1220")
    assert refs.items == [
        {"letter": "A", "text": "CAIRO 1197", "ids": ["09CAIRO1197"]},
        {"letter": "B", "text": "CAIRO 457", "ids": ["09CAIRO457"]},
        {"letter": "C", "text": "CAIRO 826", "ids": ["09CAIRO826"]},
    ]


# --- Item letters written in lower case or run into the item ------------------------------------


def test_lower_case_letters_are_items() -> None:
    refs = parse_references("a. State 131559 b. Berlin 1770", 2007)  # 07STATE135366
    assert refs.items == [
        {"letter": "A", "text": "State 131559", "ids": ["07STATE131559"]},
        {"letter": "B", "text": "Berlin 1770", "ids": ["07BERLIN1770"]},
    ]


def test_lower_case_letters_give_each_item_its_own_year() -> None:
    refs = parse_references("a. 05 state 201650 b. 05 berlin 3726 c. 06 state 36325", 2008)
    assert refs.cables == ["05STATE201650", "05BERLIN3726", "06STATE36325"]  # not 08STATE36325
    assert [item["letter"] for item in refs.items] == ["A", "B", "C"]


def test_letters_run_into_their_items() -> None:
    refs = parse_references("A)STATE 65523 B) 2006 SAN JOSE 2734", 2007)  # 07SANJOSE1061
    assert refs.items == [
        {"letter": "A", "text": "STATE 65523", "ids": ["07STATE65523"]},
        {"letter": "B", "text": "2006 SAN JOSE 2734", "ids": ["06SANJOSE2734"]},
    ]
    refs = parse_references("A.BOGOTA 5486 B.BOGOTA 7731", 2006)  # 06BOGOTA9120
    assert (refs.cables, refs.other) == (["06BOGOTA5486", "06BOGOTA7731"], [])


def test_a_doubled_lower_case_letter_is_one_item() -> None:
    refs = parse_references("A. (a) KABUL 673 B. (b) 09 KABUL 3068", 2010)  # 10KABUL693
    assert refs.items == [
        {"letter": "A", "text": "KABUL 673", "ids": ["10KABUL673"]},
        {"letter": "B", "text": "09 KABUL 3068", "ids": ["09KABUL3068"]},
    ]


def test_loose_letters_out_of_turn_do_not_split_an_item() -> None:
    # "J." is not the letter after A, and "a." not the first: both stay inside their item
    refs = parse_references("A. E-MAIL FROM J.SMITH OF 10/6 B. STATE 12", 2004)
    assert [(i["letter"], i["text"]) for i in refs.items] == [
        ("A", "E-MAIL FROM J.SMITH OF 10/6"), ("B", "STATE 12")]
    refs = parse_references("STATE 12 AND a. memo", 2004)
    assert [(i["letter"], i["text"]) for i in refs.items] == [(None, "STATE 12 AND a. memo")]


# --- Years, originators and things that are not cables ------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "cables"),
    [
        # a year of the citation's own, written before, inside or after it
        ("a. 05 state 201650 b. bamako 12", 2008, ["05STATE201650", "08BAMAKO12"]),
        ("2009 BAMAKO 2394; 2009 BAMAKO 491", 2010, ["09BAMAKO2394", "09BAMAKO491"]),
        ("A) STATE (01) 201265, B) STATE 02034", 2002, ["01STATE201265", "02STATE2034"]),
        ("A. DAKAR 701 (08) B. DAKAR 338 (07) C. DAKAR 12", 2009,
         ["08DAKAR701", "07DAKAR338", "09DAKAR12"]),
        ("A: BAMAKO 00933/08", 2009, ["08BAMAKO933"]),
        # other originators written like cables
        ("SECDEF 122723; BAMAKO IIR 6 899 0149 10", 2010, ["10SECDEF122723"]),
        ("A) USDOC 06988 B) SECDEF WASHDC 4455", 2007, ["07USDOC6988", "07SECDEF4455"]),
        ("WHITE HOUSE WASHINGTON DC 481", 2008, ["08WHITEHOUSE481"]),
        # letters in brackets, after a colon, after a pilcrow, run on from the serial
        ("[A] State 188314 [B] Bamako 2285", 2005, ["05STATE188314", "05BAMAKO2285"]),
        ("A: Dakar 0031; B: Bamako 0462", 2008, ["08DAKAR31", "08BAMAKO462"]),
        ("A. BAMAKO 71 ¶B. 08 BAMAKO 720 ¶C. BAMAKO 202", 2010,
         ["10BAMAKO71", "08BAMAKO720", "10BAMAKO202"]),
        ("A. STATE 021770B. STATE 039585", 2008, ["08STATE21770", "08STATE39585"]),
        # a station and serial written as one word, with or without the year
        ("A) DAKAR 05667 B)BAMAKO05511", 2007, ["07DAKAR5667", "07BAMAKO5511"]),
        # a station by its country code (HK, Hong Kong's)
        ("A) 06 HK 2480 B)HK05511", 2007, ["06HONGKONG2480", "07HONGKONG5511"]),
    ],
)
def test_years_and_originators(text: str, year: int, cables: list[str]) -> None:
    assert parse_references(text, year).cables == cables


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("A. DOE-ROE EMAIL 10/9 B. ROE-POE EMAILS 9-22 THRU 10-7",
         ["DOE-ROE EMAIL 10/9", "ROE-POE EMAILS 9-22 THRU 10-7"]),
        ("SECDEF MSG DTG 301601z SEP 08", ["SECDEF MSG DTG 301601z SEP 08"]),
        ("UNSCR 1737 SANCTIONS COMMITTEE NOTICE- 24 JULY 2009",
         ["UNSCR 1737 SANCTIONS COMMITTEE NOTICE- 24 JULY 2009"]),
        ("E-mails J. Doe-K. Roe", ["E-mails J. Doe-K. Roe"]),
        ("9 FAM Appendix K, 406 (6)", ["9 FAM Appendix K, 406 (6)"]),
        ("EXP.LIC. D328589", ["EXP.LIC. D328589"]),
        ("DOE/ROE TELCON 02/16/2010", ["DOE/ROE TELCON 02/16/2010"]),
        ("MINISTRY OF DEFENSE LETTER OF REQUEST (08-184) DATED 12 DEC 08",
         ["MINISTRY OF DEFENSE LETTER OF REQUEST (08-184) DATED 12 DEC 08"]),
        # a year in the middle of a name makes no station of the rest
        ("SAO 06 PAULO 1038", ["SAO 06 PAULO 1038"]),
        # the serial of a page marker
        ("BAMAKO 00000387", ["BAMAKO 00000387"]),
    ],
)
def test_not_cables(text: str, other: list[str]) -> None:
    refs = parse_references(text, 2009)
    assert (refs.cables, refs.other) == ([], other)


def test_an_unknown_station_after_a_year_only_when_written_as_a_name() -> None:
    assert parse_references("A. 08 NEW POST 12", 2009).cables == ["08NEWPOST12"]
    refs = parse_references("A. 1800 representatives from 103 countries", 2009)
    assert refs.cables == []


def test_a_serial_cut_off_by_a_preview_is_no_cable() -> None:
    refs = parse_references("A. BAMAKO 1841 B. BAMAKO 2...", 2007)
    assert (refs.cables, refs.other) == (["07BAMAKO1841"], ["BAMAKO 2..."])


def test_the_preview_of_an_item_given_again_in_full_is_dropped() -> None:
    refs = parse_references("A. DAKAR 1557 B. BAMAKO 2... C O N F I D E N T I A L SECTION 01 OF "
                            "03 BAMAKO 000387 SIPDIS A. DAKAR 1557 B. BAMAKO 2351", 2008,
                            "08BAMAKO387")
    assert refs.items == [
        {"letter": "A", "text": "DAKAR 1557", "ids": ["08DAKAR1557"]},
        {"letter": "B", "text": "BAMAKO 2351", "ids": ["08BAMAKO2351"]},
    ]


def test_a_section_count_is_no_year() -> None:
    refs = parse_references("A. DAKAR 1557 UNCLAS SECTION 01 OF 05 BAMAKO 001108 SENSITIVE", 2008)
    assert refs.cables == ["08DAKAR1557"]


def test_a_failed_citation_leaves_its_number_to_the_next() -> None:
    # "B. 04" is no citation; 04 is the year of PANAMA 02153
    refs = parse_references("A. 04 STATE 273089 B. 04 BAMAKO 02153 C. BAMAKO 338", 2005)
    assert refs.cables == ["04STATE273089", "04BAMAKO2153", "05BAMAKO338"]


def test_a_label_repeated_inside_the_block() -> None:
    refs = parse_references("Ref A) Dakar 3393 B) Dakar 03793", 2005)
    assert [(i["letter"], i["text"]) for i in refs.items] == [("A", "Dakar 3393"),
                                                             ("B", "Dakar 03793")]
    refs = parse_references("A. REF: BAMAKO 2282 B. BAMAKO 2298", 2003)
    assert refs.items[0] == {"letter": "A", "text": "BAMAKO 2282", "ids": ["03BAMAKO2282"]}


def test_an_initial_out_of_turn_is_no_letter() -> None:
    refs = parse_references("A. STATE 7434 B. STATE 4834 C. B. DOE EMAIL 1/22/07", 2007)
    assert [(i["letter"], i["text"]) for i in refs.items] == [
        ("A", "STATE 7434"), ("B", "STATE 4834"), ("C", "B. DOE EMAIL 1/22/07")]


def test_the_cited_cables_date_gives_its_year() -> None:
    refs = parse_references("A. 06 STATE 92781 07 JUN 2006 B. STATE 99488 24 SEP 2009 "
                            "C. IIR 6 819 0285 92 18 DEC 1991", 2010)
    assert refs.cables == ["06STATE92781", "09STATE99488"]
    assert refs.other == ["IIR 6 819 0285 92 18 DEC 1991"]


def test_a_dash_between_items_is_not_their_text() -> None:
    refs = parse_references("(A) 03 Dakar 2200 - (B) 03 State 348254", 2004)
    assert [i["text"] for i in refs.items] == ["03 Dakar 2200", "03 State 348254"]


def test_a_paragraph_number_run_on_without_a_space_ends_the_block() -> None:
    refs = parse_references("08 STATE 74840 1.The following responses are keyed to reftel.", 2009)
    assert refs.items == [{"letter": None, "text": "08 STATE 74840", "ids": ["08STATE74840"]}]


def test_a_station_abbreviated_or_misspelt_after_a_year_of_its_own() -> None:
    # the release's station for the start of one station or a name one letter off it, also
    # where a word of the name is a month (JAN); without a year of its own the name is no cable
    refs = parse_references("A) 07 SAO PAUL 138; B) 05 RIO DE JAN 0911 C) 06 BRASIIA 12", 2008)
    assert refs.cables == ["07SAOPAULO138", "05RIODEJANEIRO911", "06BRASILIA12"]
    refs = parse_references("A) SAO PAUL 138", 2008)
    assert (refs.cables, refs.other) == ([], ["SAO PAUL 138"])


def test_a_us_mission_named_with_its_us() -> None:
    refs = parse_references("(A) USUNESCO PARIS FR 000087, (B) USUN ROME 45 (C) USUN 12", 2010)
    assert refs.cables == ["10UNESCOPARISFR87", "10UNROME45", "10USUNNEWYORK12"]
