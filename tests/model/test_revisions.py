"""Which revision is current: completeness first, then the release date, then ingest order,
with the reasons said in words. Made-up revisions in the shapes the archive meets: a fragment, a
re-release with fewer redactions, a partial extract, copies about equally complete."""

from __future__ import annotations

import doctest

import pytest

from cablewire.model import revisions
from cablewire.model.revisions import (
    Candidate,
    Choice,
    Completeness,
    candidate,
    choose_current,
    completeness,
)

FULL = Completeness(11644, 10, 0, ())
CUT = Completeness(54, 0, 0, ("empty body",))


def test_completeness_counts_text_paragraphs_redactions_and_defects() -> None:
    doc = {"kind": "cable", "body": "1. (C) XXXXXXXXXXXX told PolOff that\n\n  XXXXXXXXXXXXX and"
                                    " the MFA agree.\n2. Ends.",
           "paragraphs": [{"number": 1}, {"number": 2}],
           "warnings": ["partial extract: the full text of the original cable is not available",
                        "no subject line"]}
    found = completeness(doc)
    # Words without spaces or the marks: "1." "(C)" "told" "PolOff" "that" "and" "the" "MFA"
    # "agree." "2." "Ends."
    assert found == Completeness(41, 2, 2, ("partial extract",))
    assert found.score == 1  # 41 characters less 2 x 20 for the marks
    assert found.to_dict() == {"characters": 41, "paragraphs": 2, "redactions": 2,
                               "defects": ["partial extract"], "score": 1}
    assert Completeness(10, 1, 1, ()).score == 0  # never below nothing
    assert Completeness.from_dict(found.to_dict()) == found


@pytest.mark.parametrize("warning, defect", [
    ("empty body", "empty body"),
    ("partial extract: the full text of the original cable is not available",
     "partial extract"),
    ("input truncated to its first 2,000,000 characters (it has 2,500,000)", "truncated"),
    ("very short article text (12 words): check that the input is the article", "very short text"),
])
def test_reading_notes_that_say_text_is_missing_are_defects(warning: str, defect: str) -> None:
    assert completeness({"body": "Some text.", "warnings": [warning]}).defects == (defect,)


def test_other_reading_notes_are_not_defects() -> None:
    doc = {"body": "Text.", "warnings": ["no subject line", "no date-time group",
                                         "repaired 2 mis-encoded character(s)"]}
    assert completeness(doc).defects == ()
    assert completeness({}) == Completeness(0, 0, 0, ())


def test_a_short_run_of_x_is_not_a_redaction() -> None:
    assert completeness({"body": "the XXXX meeting, XXXXXXXXX"}).redactions == 0
    assert completeness({"body": "XXXXXXXXXXXX's deputy"}).redactions == 1


def test_describe() -> None:
    assert FULL.describe() == "11,644 characters of text in 10 paragraphs"
    assert CUT.describe() == "54 characters of text in no paragraphs (empty body)"
    assert Completeness(900, 1, 3, ("partial extract", "truncated")).describe() == (
        "900 characters of text in 1 paragraph, 3 redactions (partial extract, truncated)")


def test_much_less_complete() -> None:
    assert CUT.much_less_than(FULL)
    assert not FULL.much_less_than(CUT)
    # A defect the other has not is much less, however long.
    assert Completeness(20000, 12, 0, ("partial extract",)).much_less_than(FULL)
    # Under 90% of the other's score is much less; at 90% it is not.
    assert Completeness(899, 5, 0, ()).much_less_than(Completeness(1000, 5, 0, ()))
    assert not Completeness(900, 5, 0, ()).much_less_than(Completeness(1000, 5, 0, ()))
    # Both with defects: the scores decide.
    assert not CUT.much_less_than(Completeness(55, 0, 0, ("empty body",)))


def test_one_revision_is_current() -> None:
    assert choose_current([Candidate(1, None, CUT)]) == Choice(1, 1, "only",
                                                               "the only revision")
    with pytest.raises(ValueError):
        choose_current([])


def test_a_fragment_ingested_later_is_kept_but_not_current() -> None:
    choice = choose_current([Candidate(1, None, FULL), Candidate(2, None, CUT)])
    assert choice == Choice(
        1, 2, "most_complete",
        "the most complete: 11,644 characters of text in 10 paragraphs; revision 2 is newer but"
        " much less complete",
        ((2, "much less complete than revision 1: 54 characters of text in no paragraphs"
             " (empty body), against 11,644 characters of text in 10 paragraphs"),))


def test_the_full_text_ingested_after_a_fragment_becomes_current() -> None:
    choice = choose_current([Candidate(1, None, CUT), Candidate(2, None, FULL)])
    assert (choice.revision, choice.rule) == (2, "newest")
    assert choice.reason == ("the latest ingested, and as complete as any: 11,644 characters of"
                             " text in 10 paragraphs")


def test_a_later_re_release_with_fewer_redactions_wins_in_any_ingest_order() -> None:
    first = Candidate(1, "2010-11-28T12:00:00", Completeness(5012, 9, 6, ()))
    again = Candidate(2, "2011-08-30T01:44:00", Completeness(5130, 9, 0, ()))
    expected = ("the latest release (2011-08-30), and as complete as any: 5,130 characters of"
                " text in 9 paragraphs")
    choice = choose_current([first, again])
    assert (choice.revision, choice.rule, choice.reason) == (2, "newest", expected)
    assert choice.passed_over == ((1, "an earlier release (2010-11-28, before 2011-08-30)"),)
    # Ingested the other way round: the re-release is revision 1, and still current.
    swapped = choose_current([Candidate(1, again.released, again.completeness),
                              Candidate(2, first.released, first.completeness)])
    assert (swapped.revision, swapped.rule) == (1, "newest")
    assert swapped.passed_over == ((2, "an earlier release (2010-11-28, before 2011-08-30)"),)


def test_a_later_release_that_is_a_partial_extract_does_not_win() -> None:
    full = Candidate(1, "2010-12-01T10:00:00", Completeness(4000, 8, 2, ()))
    extract = Candidate(2, "2011-08-30T01:44:00", Completeness(3900, 7, 0, ("partial extract",)))
    choice = choose_current([full, extract])
    assert (choice.revision, choice.rule) == (1, "most_complete")
    assert choice.reason == ("the most complete: 4,000 characters of text in 8 paragraphs,"
                             " 2 redactions; revision 2 is newer but much less complete")


def test_about_equally_complete_the_newer_wins() -> None:
    older = Candidate(1, None, Completeness(1000, 4, 0, ()))
    newer = Candidate(2, None, Completeness(950, 4, 0, ()))
    choice = choose_current([older, newer])
    assert (choice.revision, choice.rule) == (2, "newest")
    assert choice.reason == ("the latest ingested, and nearly as complete as revision 1 (a"
                             " score of 950 against 1,000): 950 characters of text in 4"
                             " paragraphs")
    assert choice.passed_over == ((1, "ingested before revision 2, which is nearly as"
                                      " complete"),)
    same = choose_current([older, Candidate(2, None, older.completeness)])
    assert same.revision == 2
    assert same.passed_over == ((1, "ingested before revision 2, and no more complete"),)


def test_a_revision_without_a_release_date_counts_as_released_before_any() -> None:
    page = Candidate(1, "2011-08-30T01:44:00", FULL)
    copy = Candidate(2, None, FULL)
    choice = choose_current([page, copy])
    assert (choice.revision, choice.rule) == (1, "newest")
    assert choice.reason.startswith("the latest release (2011-08-30), and as complete as any")
    assert choice.passed_over == ((2, "no release date; revision 1 was released 2011-08-30"),)


def test_the_newest_of_the_most_complete_when_newer_ones_are_fragments() -> None:
    choice = choose_current([
        Candidate(1, None, Completeness(1000, 5, 0, ())),
        Candidate(2, None, Completeness(960, 5, 0, ())),
        Candidate(3, None, CUT),
        Candidate(4, None, Completeness(300, 2, 0, ())),
    ])
    assert (choice.revision, choice.of, choice.rule) == (2, 4, "most_complete")
    assert choice.reason == (
        "the newest of the most complete, nearly as complete as revision 1 (a score of 960"
        " against 1,000): 960 characters of text in 5 paragraphs; revisions 3, 4 are newer but"
        " much less complete")
    assert [r for r, _why in choice.passed_over] == [1, 3, 4]


def test_the_choice_does_not_depend_on_the_order_given() -> None:
    given = [Candidate(1, "2010-11-28", Completeness(900, 3, 1, ())),
             Candidate(2, None, CUT),
             Candidate(3, "2011-08-30", Completeness(880, 3, 0, ()))]
    assert choose_current(given) == choose_current(list(reversed(given)))
    assert choose_current(given).revision == 3


def test_a_choice_round_trips_through_its_json_form() -> None:
    choice = choose_current([Candidate(1, None, FULL), Candidate(2, None, CUT)])
    data = choice.to_dict()
    assert data["revision"] == 1 and data["of"] == 2 and data["rule"] == "most_complete"
    assert data["passed_over"][0]["revision"] == 2
    assert Choice.from_dict(dict(data)) == choice


def test_candidate_of_a_document() -> None:
    doc = {"kind": "cable", "released": "2011-08-30T01:44:00", "body": "One two.",
           "paragraphs": [{"number": 1}]}
    assert candidate(3, doc) == Candidate(3, "2011-08-30T01:44:00", Completeness(7, 1, 0, ()))


def test_the_module_examples() -> None:
    assert doctest.testmod(revisions).failed == 0
