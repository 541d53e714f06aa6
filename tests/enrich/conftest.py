"""Fixtures for the enrichment tests: the model and the seed pair are enriched once a session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cablewire

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
CABLE = SEEDS / "000_8f450616689684b3.txt"
ARTICLE = SEEDS / "004_5010c02e115974d5.txt"


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, dict[str, Any]]:
    [cable] = cablewire.parse_file(CABLE)
    [article] = cablewire.parse_file(ARTICLE)
    return {"cable": cable.to_dict(), "article": article.to_dict()}


@pytest.fixture(scope="session")
def seed_enriched(seed_docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from cablewire.enrich import enrich_document

    return {name: enrich_document(doc) for name, doc in seed_docs.items()}
