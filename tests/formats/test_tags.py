"""TAGS: `parse_tags` on the field's text, and the field as `read_cable` finds it in a header.

Made-up examples of each shape: labels in any case, with or without a colon (or a dot, or no
space after it); lines under the TAGS line that belong to it (after a separator, or made of
codes) and that do not, joined without rejoining codes; person tags, with a middle initial;
keywords in words; codes run together (with organisations among them) or with a letter too
many.
"""

from __future__ import annotations

import pytest

from cablewire.formats.cable.reader import read_cable
from cablewire.formats.cable.tags import join_tag_lines, parse_tags, tags_extent


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        (" PREL, PGOV, ML", ["PREL", "PGOV", "ML"]),
        (" PREL PGOV ML", ["PREL", "PGOV", "ML"]),
        (" prel, pgov; ml", ["PREL", "PGOV", "ML"]),
        (" PREL PREL, ML PGOV ML", ["PREL", "ML", "PGOV"]),
        # a distribution marker and a stray number are no tags
        (" PTER ML SIPDIS", ["PTER", "ML"]),
        (" PTER ML 2009", ["PTER", "ML"]),
        # persons: in parentheses as written (upper case when the copy is in lower case),
        # and the visitor's name after OVIP, surname first
        (" OVIP (DOE, JANE Q.), PREL, ML", ["OVIP", "DOE, JANE Q.", "PREL", "ML"]),
        (" ovip (doe, jane), prel", ["OVIP", "DOE, JANE", "PREL"]),
        (" OVIP HALE JANE PREL ML", ["OVIP", "HALE, JANE", "PREL", "ML"]),
        (" OVIP MOORE PREL", ["OVIP", "MOORE", "PREL"]),
        (" OVIP PREL ML", ["OVIP", "PREL", "ML"]),
        # keywords in words: bounded by commas or by the codes around them
        (" PHUM, ML, HUMAN RIGHTS", ["PHUM", "ML", "HUMAN RIGHTS"]),
        (" PREL ML IRAQI FREEDOM", ["PREL", "ML", "IRAQI FREEDOM"]),
        (" PREL ECONOMY AND FINANCE ML", ["PREL", "ECONOMY AND FINANCE", "ML"]),
        (" PREL ML MEDIA REACTION GOI EXTERNAL", ["PREL", "ML", "MEDIA REACTION", "GOI EXTERNAL"]),
    ],
)
def test_tags(text: str, tags: list[str]) -> None:
    assert parse_tags(text) == (tags, [])


@pytest.mark.parametrize(
    ("text", "tags", "warning"),
    [
        (" PGOV PRELML", ["PGOV", "PREL", "ML"], "tag PRELML read as PREL ML (codes run together)"),
        (" MLPTER", ["ML", "PTER"], "tag MLPTER read as ML PTER (codes run together)"),
        (" PTERPGOVEAIDML", ["PTER", "PGOV", "EAID", "ML"],
         "tag PTERPGOVEAIDML read as PTER PGOV EAID ML (codes run together)"),
        (" PTER, PRELL, ML", ["PTER", "PREL", "ML"],
         "tag PRELL read as PREL (a known tag with a letter too many)"),
        (" ECON ENIV ML", ["ECON", "EINV", "ML"],
         "tag ENIV read as EINV (a known tag with two letters swapped)"),
    ],
)
def test_tags_read_with_a_correction_say_so(text: str, tags: list[str], warning: str) -> None:
    assert parse_tags(text) == (tags, [warning])


def test_a_run_of_words_is_split_around_the_release_keywords() -> None:
    keywords = frozenset({"IRAQI FREEDOM", "MEDIA REACTION"})
    assert parse_tags(" PREL ML MEDIA REACTION MALI ELECTIONS IRAQI FREEDOM", keywords) == (
        ["PREL", "ML", "MEDIA REACTION", "MALI ELECTIONS", "IRAQI FREEDOM"], [])
    assert parse_tags(" PREL ML MEDIA REACTION MALI ELECTIONS", frozenset()) == (
        ["PREL", "ML", "MEDIA REACTION MALI ELECTIONS"], [])


def test_a_long_word_is_a_word_however_rare() -> None:
    assert parse_tags(" PREL ML DISENGAGEMENT ZONES", frozenset()) == (
        ["PREL", "ML", "DISENGAGEMENT ZONES"], [])


def test_two_letters_swapped_only_where_one_known_code_is_meant() -> None:
    # an acronym, an organisation and a swap that reaches no subject code stay as written
    assert parse_tags(" PREL OIC UNHRC KQZX") == (["PREL", "OIC", "UNHRC", "KQZX"], [])


def test_a_known_organisation_is_not_split() -> None:
    assert parse_tags(" SCUL UNESCO ML") == (["SCUL", "UNESCO", "ML"], [])


@pytest.mark.parametrize(
    ("value", "taken"),
    [
        # the line under TAGS belongs to them after a separator...
        (" PREL, PGOV,\nEAID, ML\n", " PREL, PGOV,\nEAID, ML"),
        # ...or when it is made of codes...
        (" PREL PGOV\nNATO, UK, ML\n", " PREL PGOV\nNATO, UK, ML"),
        (" PREL PGOV\nEAID\n", " PREL PGOV\nEAID"),
        # ...or ends a keyword broken at the line end, just before the next label
        (" PREL ML COUNTRY\nCLEARANCE\n", " PREL ML COUNTRY\nCLEARANCE"),
        # and not otherwise: a word, a banner, the rest of a subject
        (" something\nhere", " something"),
        (" PREL ML\nUNCLAS SECTION 01 OF 02 BAMAKO 000123\n", " PREL ML"),
        (" PREL ML\nMALI'S NEW CABINET TAKES OFFICE\n", " PREL ML"),
    ],
)
def test_tags_extent(value: str, taken: str) -> None:
    assert value[: tags_extent(value)] == taken


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("TAGS: PREL ML\nSUBJECT: X", ["PREL", "ML"]),
        ("TAGS PREL ML\nSUBJECT: X", ["PREL", "ML"]),
        ("tAgs PREL ML\nSUBJECT: X", ["PREL", "ML"]),
        ("tags: prel, ml\nSubject: x", ["PREL", "ML"]),
        ("TAG PREL, ML\nSUBJECT: X", ["PREL", "ML"]),
        ("E.O. 12958: N/A TAGS: PREL ML SUBJECT: A SUBJECT", ["PREL", "ML"]),
        ("TAGS: PREL PGOV KPAO\nEAID, ML SUBJECT: A SUBJECT",
         ["PREL", "PGOV", "KPAO", "EAID", "ML"]),
    ],
)
def test_tags_in_a_header(text: str, tags: list[str]) -> None:
    assert read_cable(text).tags == tags


def test_a_lower_case_tags_in_a_sentence_is_no_label() -> None:
    cable = read_cable("TAGS: PREL ML\nSUBJECT: X\n\n1. (C) The post tags prel items daily.")
    assert cable.tags == ["PREL", "ML"]


def test_lines_under_tags_that_are_not_tags_stay_in_the_header() -> None:
    cable = read_cable("E.O. 12958: N/A\nTAGS: PREL ML\nVISIT OF THE MINISTER, 3 MAY\n"
                       "SUBJECT: A SUBJECT\n\n1. (U) Text.")
    assert cable.tags == ["PREL", "ML"]
    assert cable.header_block == ["E.O. 12958: N/A", "TAGS: PREL ML",
                                  "VISIT OF THE MINISTER, 3 MAY", "SUBJECT: A SUBJECT"]


@pytest.mark.parametrize(
    ("text", "tags", "warnings"),
    [
        # codes run together with an organisation of three letters among them
        (" ECONETRDWTOML", ["ECON", "ETRD", "WTO", "ML"],
         ["tag ECONETRDWTOML read as ECON ETRD WTO ML (codes run together)"]),
        # a dash between tags is no tag
        (" PREL - PGOV - ML", ["PREL", "PGOV", "ML"], []),
        # a visitor's middle initial, with or without its dot
        (" OVIP HALE JANE Q PREL", ["OVIP", "HALE, JANE Q", "PREL"], []),
        (" OVIP HALE JANE Q. PREL ML", ["OVIP", "HALE, JANE Q.", "PREL", "ML"], []),
    ],
)
def test_more_tag_shapes(text: str, tags: list[str], warnings: list[str]) -> None:
    assert parse_tags(text) == (tags, warnings)


def test_a_long_word_is_not_split_into_organisations() -> None:
    # (no split of an English word into known codes: ELECTIONS is no ELEC + TIONS)
    assert parse_tags(" PREL ML NATIONAL ELECTIONS", frozenset()) == (
        ["PREL", "ML", "NATIONAL ELECTIONS"], [])


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # codes are never words broken at a line end
        ([" PREL ECON ML NI", "CE, BG"], "PREL ECON ML NI CE, BG"),
        # after a hyphen the line goes on without a space
        ([" PREL, UNGA/C-", "6, ML"], "PREL, UNGA/C-6, ML"),
        ([" PREL", "", "  ML "], "PREL ML"),
    ],
)
def test_join_tag_lines(lines: list[str], joined: str) -> None:
    assert join_tag_lines(lines) == joined


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        # a wrapped TAGS line: the codes either side of the break stay two codes
        ("TAGS: PREL ECON ML NI\nCE, BG\nSUBJECT: X", ["PREL", "ECON", "ML", "NI", "CE", "BG"]),
        # no space after the colon, or a dot for it
        ("TAGS:PREL,ML\nSUBJECT: X", ["PREL", "ML"]),
        ("E.O.12958:DECL:1/1/2019 TAGS:PREL,ML SUBJECT:X", ["PREL", "ML"]),
        ("TAGS. PREL, ML\nSUBJECT: X", ["PREL", "ML"]),
        # the tags under a label that stands alone on its line
        ("TAGS:\nPREL, ML\nSUBJECT: X", ["PREL", "ML"]),
        ("TAGS: \nmali\nSUBJECT: X", ["MALI"]),
    ],
)
def test_tags_labels_and_lines(text: str, tags: list[str]) -> None:
    assert read_cable(text).tags == tags
