"""Quotation rules, one general pattern at a time."""

from __future__ import annotations

import pytest

from cablewire.formats.quotes import find_quotes


def _pairs(*paragraphs: str) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in find_quotes(list(paragraphs))]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        ("“We will not stop now,” Jane Okoro said on Monday.", "Jane Okoro"),
        ('"We will not stop now," said Jane Okoro, a union leader.', "Jane Okoro"),
        ("“We will not stop now,” wrote Jane Okoro in a blog post.", "Jane Okoro"),
        ("Jane Okoro said: “We will not stop now.”", "Jane Okoro"),
        ("“We will not stop now,” according to Jane Okoro.", "Jane Okoro"),
        ("“We will not stop now,” union spokeswoman Jane Okoro told reporters.", "Jane Okoro"),
        ("“We will not stop now,” President Jane Okoro said.", "Jane Okoro"),
    ],
)
def test_attribution_forms(paragraph: str, speaker: str) -> None:
    assert _pairs(paragraph) == [(speaker, "We will not stop now")] or \
        _pairs(paragraph) == [(speaker, "We will not stop now.")]


def test_surname_resolves_to_the_full_name() -> None:
    pairs = _pairs("Jane Okoro leads the union.", "“It is over,” Okoro said.")
    assert pairs == [("Jane Okoro", "It is over")]


def test_second_quote_in_a_paragraph_keeps_its_speaker() -> None:
    pairs = _pairs("“It is over,” Okoro said. “Now we rebuild.”")
    assert [s for s, _ in pairs] == ["Okoro", "Okoro"]


def test_quote_paragraph_continues_previous_speaker() -> None:
    pairs = _pairs("“It is over,” said Jane Okoro.", "“Now we rebuild, street by street.”")
    assert pairs[1] == ("Jane Okoro", "Now we rebuild, street by street.")


def test_split_quotation_is_one() -> None:
    pairs = _pairs("“It is over,” Okoro said, “and now we rebuild.”")
    assert pairs == [("Okoro", "It is over, and now we rebuild.")]


def test_fragment_needs_a_speaker() -> None:
    assert _pairs("Jane Okoro, a union leader, says the deal needs “patient and quiet work” now.") \
        == [("Jane Okoro", "patient and quiet work")]
    assert _pairs("The deal needs “patient and quiet work” now.") == []


def test_scare_quotes_are_not_quotations() -> None:
    assert _pairs("The so-called “junta” met on Friday.") == []


def test_pronoun_takes_the_last_named_sayer() -> None:
    pairs = _pairs("Tom Reed said the plan had failed. “It was never funded,” he said.")
    assert pairs == [("Tom Reed", "It was never funded")]


def test_told_names_a_listener_not_a_speaker() -> None:
    pairs = _pairs("“It was never funded,” he told Parliament.")
    assert pairs[0][0] != "Parliament"


def test_quote_ending_a_sentence_takes_no_attribution_from_the_next() -> None:
    pairs = _pairs("Ann Lee said: “We are done.” Bob Stone said the talks would go on.")
    assert pairs == [("Ann Lee", "We are done.")]
