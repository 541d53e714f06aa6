"""Scoring entity mentions against a hand-labelled gold set (`tests/enrich/gold/gold.json`).

A mention counts when its paragraph, start, end and type are all exactly the gold's (strict
match). Two systems are scored: `bare` (the spaCy model alone, PERSON -> person, ORG ->
organization, GPE/LOC/FAC -> place, NORP -> group, with a leading "the" and a possessive "'s"
trimmed so that only labelling, not boundary convention, differs) and `enricher`
(`enrich_document` on a document made of the gold paragraph and the header fields stored with it).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from cablewire.enrich.entities import LABELS
from cablewire.enrich.model import EntityType

TYPES: tuple[EntityType, ...] = ("person", "organization", "place", "group")
BARE_LABELS: dict[str, EntityType] = LABELS  # the model's labels, read the same way
Span = tuple[int, int, int, str]


def in_capitals(text: str) -> bool:
    """Written all in capitals: at least 20 letters, more than 90% of them upper case (the
    held-out set's test for a cable or a segment typed in capitals)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 20 and sum(ch.isupper() for ch in letters) > 0.9 * len(letters)


def bare_spans(items: list[dict[str, Any]]) -> list[set[Span]]:
    from cablewire.enrich.nlp import load_model

    out: list[set[Span]] = []
    for k, doc in enumerate(load_model().pipe([i["text"] for i in items])):
        spans: set[Span] = set()
        for ent in doc.ents:
            type_ = BARE_LABELS.get(ent.label_)
            if type_ is None:
                continue
            start, end = ent.start_char, ent.end_char
            lead = re.match(r"(?:the|The)\s+", doc.text[start:end])
            start += lead.end() if lead else 0
            tail = re.search(r"['’]s$", doc.text[start:end])
            end -= len(tail.group()) if tail else 0
            spans.add((k, start, end, type_))
        out.append(spans)
    return out


def enricher_spans(items: list[dict[str, Any]]) -> list[set[Span]]:
    from cablewire.enrich import enrich_document

    out: list[set[Span]] = []
    for k, item in enumerate(items):
        doc = dict(item["document"])
        if doc.get("kind") == "cable":
            doc["paragraphs"] = [
                {"number": 1, "marking": None, "heading": None, "text": item["text"]}
            ]
        else:
            doc["paragraphs"] = [item["text"]]
        result = enrich_document(doc)
        out.append(
            {
                (k, m["start"], m["end"], e["type"])
                for e in result["entities"]
                for m in e["mentions"]
                if m["field"] == "paragraphs"
            }
        )
    return out


def gold_spans(items: list[dict[str, Any]]) -> list[set[Span]]:
    return [
        {(k, e["start"], e["end"], e["type"]) for e in item["entities"]}
        for k, item in enumerate(items)
    ]


def score(gold: list[set[Span]], found: list[set[Span]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and over all (`all`), with counts."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, f in zip(gold, found, strict=True):
        for span in f:
            (tp if span in g else fp)[span[3]] += 1
        for span in g - f:
            fn[span[3]] += 1
    out: dict[str, dict[str, float]] = {}
    for type_ in (*TYPES, "all"):
        t = sum(tp.values()) if type_ == "all" else tp[type_]
        p_ = sum(fp.values()) if type_ == "all" else fp[type_]
        n = sum(fn.values()) if type_ == "all" else fn[type_]
        precision = t / (t + p_) if t + p_ else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[type_] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "gold": t + n,
            "found": t + p_,
        }
    return out
