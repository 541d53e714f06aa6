"""Quotations and their speakers (`cablewire.enrich.attribution`): the rules one general pattern
at a time, the seed article, the news goldens, and the time a long word takes."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import cablewire
from cablewire.enrich.attribution import find_quotes

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "tests" / "fixtures" / "news"
SEED = NEWS / "seed-mali-coup.txt"
SEED_ARTICLE = ROOT / "examples" / "seeds" / "004_5010c02e115974d5.txt"


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    """The seed article's JSON form with the quotations found in its paragraphs."""
    [article] = cablewire.parse_file(SEED)
    doc = article.to_dict()
    return {**doc, "quotes": find_quotes(doc["paragraphs"])}


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


def test_quotes_by_speaker(seed: dict[str, Any]) -> None:
    speakers = Counter(q["speaker"] for q in seed["quotes"])
    assert speakers == {"Victoria Nuland": 3, "Benjamin Soares": 2, "Andrew McGregor": 2,
                        "Paul Melly": 4}
    melly = [q["text"] for q in seed["quotes"] if q["speaker"] == "Paul Melly"]
    assert "skillful and discreet negotiation" in melly
    for q in seed["quotes"]:
        assert q["text"] in seed["paragraphs"][q["paragraph"]].replace("”", "").replace("“", "") \
            or q["text"].split(",")[0] in seed["paragraphs"][q["paragraph"]]


def test_split_quotation_is_one_quote(seed: dict[str, Any]) -> None:
    last = [q for q in seed["quotes"] if q["paragraph"] == len(seed["paragraphs"]) - 1]
    assert [q["text"] for q in last] == [
        "There are real security threats in Mali, and as they (the junta) have taken this action,"
        " it has not been beneficial to the overall security of the country, which they are"
        " empowered to protect."
    ]


GOLDEN_QUOTES = json.loads((NEWS / "quotes.expected.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(GOLDEN_QUOTES))
def test_news_goldens(name: str) -> None:
    """The quotations of each news golden (`tests/fixtures/news/`), hand-checked with them."""
    path = NEWS / name
    [doc] = cablewire.parse_bytes(path.read_bytes(), source=path.relative_to(ROOT).as_posix())
    assert find_quotes(doc.to_dict()["paragraphs"]) == GOLDEN_QUOTES[name]


def test_a_long_word_takes_linear_time() -> None:
    """A 200,000-character token in the seed article: a name pattern that backtracks took
    29 s over a quarter of it."""
    text = SEED_ARTICLE.read_text("utf-8")
    assert "a conundrum for" in text
    for token in ("A" * 200_000, "Ab" * 100_000):
        [doc] = cablewire.parse_text(text.replace("conundrum", token), source="long.txt")
        paragraphs = doc.to_dict()["paragraphs"]
        assert any(token in p for p in paragraphs)
        started = time.perf_counter()
        quotes = find_quotes(paragraphs)
        assert time.perf_counter() - started < 1.0
        assert {q["speaker"] for q in quotes} >= {"Victoria Nuland", "Paul Melly"}
