"""The "Classified By" line in the forms cables write it (made-up officials, real shapes)."""

from __future__ import annotations

import pytest

from cablewire.formats.cable.classified_by import (
    classified_by_in_paragraph,
    parse_classified_by,
    parse_reasons,
)
from cablewire.formats.cable.reader import read_cable

LINES = [
    # (text of the line after "Classified By", name, title, reasons)
    (
        "Ambassador Jane Q. Roe, Embassy Lusaka, for reasons 1.4 (b) and (d).",
        "Jane Q. Roe",
        "Ambassador",
        ["1.4(b)", "1.4(d)"],
    ),
    ("POLOFF JOHN A. DOE, REASONS 1.4 (B/D)", "JOHN A. DOE", "POLOFF", ["1.4(b)", "1.4(d)"]),
    # a title after the name, an older reason section
    (
        "JOHN DOE, DEPUTY CHIEF OF MISSION.  REASON: 1.5 (D)",
        "JOHN DOE",
        "DEPUTY CHIEF OF MISSION",
        ["1.5(d)"],
    ),
    # office symbols, a dash, a colon before the name
    ("AF/W - MARY ANN ROE, REASON 1.5 (D).", "MARY ANN ROE", "AF/W", ["1.5(d)"]),
    (
        "Deputy Political Counselor: Sam T. Poe, for reasons 1.4 (b) and (d)",
        "Sam T. Poe",
        "Deputy Political Counselor",
        ["1.4(b)", "1.4(d)"],
    ),
    ("AMB:JDOE, Reasons 1.4 (b) and (c)", "JDOE", "AMB", ["1.4(b)", "1.4(c)"]),
    (
        "Acting DCM/Ann Lee for reasons 1.4 (b and d)",
        "Ann Lee",
        "Acting DCM/",
        ["1.4(b)", "1.4(d)"],
    ),
    # the reasons joined on in other ways
    ("DCM THEO ROE - 1.5 B,D.", "THEO ROE", "DCM", ["1.5(b)", "1.5(d)"]),
    ("CDA THEO ROE, REASON 1.5.D.", "THEO ROE", "CDA", ["1.5(d)"]),
    (
        "DCM ANN ROE BASED ON E.O.12958 REASONS 1.4 (b) and (d)",
        "ANN ROE",
        "DCM",
        ["1.4(b)", "1.4(d)"],
    ),
    ("DCM ROBERT T. ROE DUE TO 1,4 (C) AND (D).", "ROBERT T. ROE", "DCM", ["1.4(c)", "1.4(d)"]),
    ("CHARGE ALAN POE F0R REASONS 1.5 (B) AND (D)", "ALAN POE", "CHARGE", ["1.5(b)", "1.5(d)"]),
    (
        "Ambassador Ann Roe for for reasons 1.4 b and d.",
        "Ann Roe",
        "Ambassador",
        ["1.4(b)", "1.4(d)"],
    ),
    ("Ambassador Ann Roe for reaons 1.4 (b).", "Ann Roe", "Ambassador", ["1.4(b)"]),
    ("Dir. Ann Roe-reasons 1.4(b/d)", "Ann Roe", "Dir.", ["1.4(b)", "1.4(d)"]),
    ("DCM J. Ann Roe (acting) for reasons 1.4 (b)", "J. Ann Roe", "DCM", ["1.4(b)"]),
    # a title to the place it serves, before the name
    (
        "AMBASSADOR TO CHAD THOMAS ROE.  REASON 1.5(D).",
        "THOMAS ROE",
        "AMBASSADOR TO CHAD",
        ["1.5(d)"],
    ),
    (
        "Special Envoy for Sudan and Chad Ruth B. Roe",
        "Ruth B. Roe",
        "Special Envoy for Sudan and Chad",
        [],
    ),
    (
        "Minister Counselor for Economic and Political Affairs Ed Roe for reasons 1.4(b)",
        "Ed Roe",
        "Minister Counselor for Economic and Political Affairs",
        ["1.4(b)"],
    ),
    ("Secretary of State Mary Ann Roe", "Mary Ann Roe", "Secretary of State", []),
    # chargé d'affaires however it is written
    (
        "CHARGE D'AFFAIRES THEO ROE: 1.5 B, D.",
        "THEO ROE",
        "CHARGE D'AFFAIRES",
        ["1.5(b)", "1.5(d)"],
    ),
    (
        "Charge d,Affaires a.i. Lee Roe, reasons 1.4(b)",
        "Lee Roe",
        "Charge d'Affaires a.i.",
        ["1.4(b)"],
    ),
    (
        "Charge d'Affaires (CDA) Lee Roe for Reasons 1.4 (b)",
        "Lee Roe",
        "Charge d'Affaires",
        ["1.4(b)"],
    ),
    ("Charge d'Affaires, a.i., Lee Roe", "Lee Roe", "Charge d'Affaires, a.i.", []),
    (
        "CHARGE D'AFFAIRES A. I. LEE ROE, REASONS 1.4 B/D",
        "LEE ROE",
        "CHARGE D'AFFAIRES A. I.",
        ["1.4(b)", "1.4(d)"],
    ),
    # misspelt titles, a zero for an O
    ("Ambassadro Ann Roe, reasons 1.4 (b)", "Ann Roe", "Ambassadro", ["1.4(b)"]),
    (
        "Political Economic Counselr J. Ann Roe for reasons 1.4 (b)",
        "J. Ann Roe",
        "Political Economic Counselr",
        ["1.4(b)"],
    ),
    ("AMBASSAD0R R0E.  REAS0N: 1.5(B,D).", "R0E", "AMBASSAD0R", ["1.5(b)", "1.5(d)"]),
    # office symbols run together, or in capitals among names that are not
    ("PolMinCons Ann Roe, reasons 1.4 (b/d).", "Ann Roe", "PolMinCons", ["1.4(b)", "1.4(d)"]),
    ("USEU MCOUNSELOR LEE ROE, REASONS 1.4 (B)", "LEE ROE", "USEU MCOUNSELOR", ["1.4(b)"]),
    ("AIT DIR Sam M. Roe.  Reasons:  1.4 b, d.", "Sam M. Roe", "AIT DIR", ["1.4(b)", "1.4(d)"]),
    ("ConGen Lyon DPO Ann Roe; Reason 1.5 (d)", "Ann Roe", "ConGen Lyon DPO", ["1.5(d)"]),
    (
        "DEFENSE ATTACHE LTC LEE ROE FOR REASONS 1.4 (B)",
        "LEE ROE",
        "DEFENSE ATTACHE LTC",
        ["1.4(b)"],
    ),
    # Jr. and III belong to the name; a surname that is a title word stays a name
    ("Ambassador Ann B. Roe, III.  Reasons: 1.4 (b).", "Ann B. Roe, III", "Ambassador", ["1.4(b)"]),
    (
        "LEE T. ROE, JR., AMBASSADOR.  REASON:  1.5 (B).",
        "LEE T. ROE, JR.",
        "AMBASSADOR",
        ["1.5(b)"],
    ),
    ("CDA Ann B. Leader, reasons 1.4 (b)", "Ann B. Leader", "CDA", ["1.4(b)"]),
    (
        "Kirkuk PRT Team Leader Ann Roe for reason 1.4 (b)",
        "Ann Roe",
        "Kirkuk PRT Team Leader",
        ["1.4(b)"],
    ),
    # the label repeated, a marking before the name
    ("Classified by DCM Ann Roe for reasons 1.4 (b)", "Ann Roe", "DCM", ["1.4(b)"]),
    (
        "This message classified by Econ Counselor Ann Roe for reasons 1.4 (b)",
        "Ann Roe",
        "Econ Counselor",
        ["1.4(b)"],
    ),
    ("(U) CDA Ann Roe; E.O. 12958, reasons 1.4 (b,d)", "Ann Roe", "CDA", ["1.4(b)", "1.4(d)"]),
    (
        "1. CLASSIFIED BY NEA ASSISTANT SECRETARY LEE ROE REASONS: 1.4 (B)",
        "LEE ROE",
        "NEA ASSISTANT SECRETARY",
        ["1.4(b)"],
    ),
    # the surname first (2009-2010), kept as written
    ("Roe, Ann M, Ambassador, State, EXEC; REASON: 1.4(D)", "Roe, Ann M", "Ambassador", ["1.4(d)"]),
    (
        "Roe,Ann, PolEcon-Chief; REASON: 1.4(B), (D)",
        "Roe,Ann",
        "PolEcon-Chief",
        ["1.4(b)", "1.4(d)"],
    ),
    # the name before its title with no comma; two officials: the first is the classifier
    ("ANN ROE SENIOR WATCH OFFICER", "ANN ROE", "SENIOR WATCH OFFICER", []),
    (
        "Poloff Ann Roe and DAO Lee Poe for reasons 1.4 (b, d).",
        "Ann Roe",
        "Poloff",
        ["1.4(b)", "1.4(d)"],
    ),
    # MC (Minister-Counselor) is a title; a nickname in quotes is part of the name, as written
    ("POLITICAL MC JOHN ROE  REASON: 1.5 (B)", "JOHN ROE", "POLITICAL MC", ["1.5(b)"]),
    ('D/Political Advisor B. "Ace" Roe. Reasons: 1.4 (b)', 'B. "Ace" Roe', "D/Political Advisor",
     ["1.4(b)"]),
    ("A/Political Advisor B.”Ace” Roe, reasons 1.4 (b)", "B.”Ace” Roe", "A/Political Advisor",
     ["1.4(b)"]),
    # no name: a section only, a redaction, an office
    ("SECTION 1.5 (B) AND (D).", None, None, ["1.5(b)", "1.5(d)"]),
    ("XXXXXXXXXXXX, Ambassador, Embassy Lusaka. REASON: 1.4 (b)", None, None, ["1.4(b)"]),
    ("ann roe, OMS, State, NAS; REASON: 1.4(B)", None, "OMS, State, NAS", ["1.4(b)"]),
]


@pytest.mark.parametrize(("text", "name", "title", "reasons"), LINES)
def test_classified_by_line(text, name, title, reasons):
    got = parse_classified_by(text)
    assert (got.name, got.title, got.reasons) == (name, title, reasons)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deputy Political Counselor Ann B. Ro\ne, reasons 1.4 (b) and (d).", "Ann B. Roe"),
        ("Political Counselor Lee Y\nee for reasons 1.4 (b)", "Lee Yee"),
        ("Ambassador Ann Roe for reas\nons 1.4 (b)", "Ann Roe"),
        ("Ambassador Ann Roe for r\neasons 1.4 (b)", "Ann Roe"),
        ("Economic Counselor John Roge\nr for reasons 1.4 b and d", "John Roger"),
        ("Acting Counselor for Political Affairs Lee Y oung, Reasons 1.4(b)", "Lee Young"),
        ("Political Counselor Ann Roe\nfor reasons 1.4 (b)", "Ann Roe"),
    ],
)
def test_name_broken_at_line_end(text, name):
    assert parse_classified_by(text).name == name


def test_cut_off_line_gives_no_incomplete_name():
    assert parse_classified_by("Senior Watch Officer Ann R...").name == "Ann"
    assert parse_classified_by("AMBASS...").name is None


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("1.4 (b) and (d)", ["1.4(b)", "1.4(d)"]),
        ("1.4(B/D)", ["1.4(b)", "1.4(d)"]),
        ("1.5 (b), (c) and (d)", ["1.5(b)", "1.5(c)", "1.5(d)"]),
        ("1.5.D.", ["1.5(d)"]),
        ("1.5 B,D.", ["1.5(b)", "1.5(d)"]),
        ("1,4 (C) AND (D)", ["1.4(c)", "1.4(d)"]),
        ("1.4(b)(d)", ["1.4(b)", "1.4(d)"]),
        ("1.4 a,b,and d", ["1.4(a)", "1.4(b)", "1.4(d)"]),
        # "and" broken where the line was wrapped
        ("1.4 (b) an\nd (d).", ["1.4(b)", "1.4(d)"]),
        ("1.4 (b) an d (d).", ["1.4(b)", "1.4(d)"]),
    ],
)
def test_reasons(text, reasons):
    assert parse_reasons(text) == reasons


def test_in_paragraph_one():
    text = "1.  (U)  CLASSIFIED BY JOHN DOE, DEPUTY CHIEF OF\nMISSION.  REASON: 1.5 (D)\n\n2. (C) X"
    value = classified_by_in_paragraph(text, 0)
    assert value == "JOHN DOE, DEPUTY CHIEF OF\nMISSION.  REASON: 1.5 (D)"
    assert classified_by_in_paragraph("1. (C) THE MINISTER CLASSIFIED BY HAND.", 0) is None


def test_after_entire_text():
    text = "1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY:\nJ.W. DOE, AMBASSADOR.  REASON: 1.5 (D)."
    assert parse_classified_by(classified_by_in_paragraph(text, 0)).name == "J.W. DOE"


def test_paragraph_one_classifier_stays_in_the_body():
    text = (
        "SUBJECT:  THE CROWN PRINCE ON TRADE\n\n"
        "1.  (U) CLASSIFIED BY CDA JOHN Q. DOE, REASON 1.5.D.\n\n"
        "2.  (C) THE CROWN PRINCE RECEIVED THE CHARGE.\n"
    )
    cable = read_cable(text, cable_id="96RIYADH9999")
    assert (cable.classified_by, cable.classifier_title) == ("JOHN Q. DOE", "CDA")
    assert cable.classification_reasons == ["1.5(d)"]
    assert cable.paragraphs[0]["text"].startswith("CLASSIFIED BY CDA JOHN Q. DOE")
    assert "CLASSIFIED BY CDA JOHN Q. DOE, REASON 1.5.D." in (cable.body or "")


def test_a_later_line_with_reasons_wins():
    text = (
        "C O N F I D E N T I A L TEL AVIV 009999\n\n"
        "- - C O R R E C T E D  C O P Y - - CLASSIFIED BY LINE ADDED\n\n"
        "E.O. 12958: DECL: 08/24/05\nTAGS: PREL, IS\nSUBJECT: TALKS\n\n"
        "CLASSIFIED BY DCM JDOE PER 1.5 (B) AND (D)\n\n1. (C) TEXT.\n"
    )
    cable = read_cable(text)
    assert (cable.classified_by, cable.classification_reasons) == ("JDOE", ["1.5(b)", "1.5(d)"])


def test_reasons_with_and_broken_at_the_line_end_end_the_line():
    cable = read_cable("SUBJECT: X\nClassified By: Ambassador Ann Roe. Reasons: 1.4 (b) an\nd (d)."
                       "\n\n1. (C) Text.")
    assert cable.classification_reasons == ["1.4(b)", "1.4(d)"]
    assert [p["text"] for p in cable.to_dict()["paragraphs"]] == ["Text."]
