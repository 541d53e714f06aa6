"""The seed article (Stars and Stripes on the 2012 Mali coup, copied off the page) gives exactly
what issue 4 asks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import cablewire

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "news" / "seed-mali-coup.txt"
CAPTION = ("Mutinous soldiers gather in front of the State Television Station in Bamako,"
           " the capital of Mali, on Thursday, March 22, 2012.")


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    [article] = cablewire.parse_file(SEED)
    return article.to_dict()


def test_header_fields(seed: dict[str, Any]) -> None:
    assert seed["kind"] == "article"
    assert seed["title"] is None
    assert seed["dateline"] == "STUTTGART, Germany"
    assert seed["published"] is None
    assert seed["publisher"] == "Stars and Stripes"
    assert seed["language"] == "en"
    assert seed["source"]["form"] == "news-text"


def test_date_estimate(seed: dict[str, Any]) -> None:
    est = seed["date_estimate"]
    earliest, latest = date.fromisoformat(est["earliest"]), date.fromisoformat(est["latest"])
    assert earliest <= date(2012, 3, 26) <= latest
    assert (latest - earliest).days <= 7
    assert "Thursday, March 22, 2012" in est["evidence"]
    assert "last week’s coup" in est["evidence"]
    assert "meet Tuesday" in est["evidence"]


def test_author_and_bio(seed: dict[str, Any]) -> None:
    assert seed["authors"] == ["John"]
    assert seed["author_bio"].startswith("John covers U.S. military activities")
    assert seed["author_bio"].endswith("graduate of the University of Delaware.")


def test_one_caption_with_credit(seed: dict[str, Any]) -> None:
    assert seed["captions"] == [{"text": CAPTION, "credit": "Xinhua/Zuma Press/MCT"}]


def test_body_is_the_article_only(seed: dict[str, Any]) -> None:
    body = seed["body"]
    assert body.startswith("Regional leaders in Western Africa meet Tuesday")
    assert body.rstrip("”").endswith("which they are empowered to protect.")
    for debris in ("Mutinous soldiers", "author picture", "John covers", "Sign Up", "Sign up"):
        assert debris not in body
    assert body == "\n\n".join(seed["paragraphs"])


def test_id_is_stable(seed: dict[str, Any]) -> None:
    [again] = cablewire.parse_text(SEED.read_text("utf-8"), source="elsewhere.txt")
    assert again.id == seed["id"]
