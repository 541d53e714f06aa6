"""A document as the passages the vector stage embeds: its lead first (title, subject and
summary of a cable; headline and first paragraphs of an article), then its paragraphs in
order, cut into windows of about `WORDS` words. A word of more than `LONG_TOKEN` characters
is cut to that length (the model's tokeniser takes time quadratic in a word's length).

Routing headers, header blocks and trailers are left out: they are the same in every cable
and say nothing about what a cable is about.

    >>> [p.text for p in passages({"kind": "article", "title": "Coup in Mali",
    ...                            "paragraphs": ["Soldiers took the palace."]})]
    ['Coup in Mali. Soldiers took the palace.']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cablewire.text.tokens import cut_long_tokens

WORDS = 150
"""About 250 tokens of cable English; the model reads 512 at most."""
MAX_PASSAGES = 2
"""Passages per document: the lead carries most of what links a story to its cables, and
each passage costs about a quarter of a second of one core (benchmarks/vectors.py)."""


@dataclass(frozen=True)
class Passage:
    number: int
    text: str
    words: int


def _paragraph_texts(doc: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for paragraph in doc.get("paragraphs") or []:
        text = paragraph.get("text") if isinstance(paragraph, dict) else paragraph
        if isinstance(text, str) and text.strip():
            out.append(" ".join(text.split()))
    if not out and isinstance(doc.get("body"), str):
        out = [" ".join(doc["body"].split())]
    return out


def lead(doc: dict[str, Any]) -> str:
    """What opens the document: its title (or subject), then a cable's summary."""
    parts = []
    title = doc.get("title") or doc.get("subject")
    if isinstance(title, str) and title.strip():
        parts.append(title.strip().rstrip("."))
    summary = doc.get("summary")
    if doc.get("kind") == "cable" and isinstance(summary, str) and summary.strip():
        parts.append(" ".join(summary.split()))
    return ". ".join(parts)


def passages(doc: dict[str, Any], words: int = WORDS, limit: int = MAX_PASSAGES
             ) -> list[Passage]:
    """The first `limit` passages of `doc`, each at most `words` words (a longer paragraph is
    cut; shorter ones are joined)."""
    tokens: list[str] = []
    head = lead(doc)
    if head:
        tokens.extend(cut_long_tokens((head + ".").split()))
    summary = " ".join(str(doc.get("summary") or "").split())
    for text in _paragraph_texts(doc):
        if summary and text.endswith(summary[-80:]):
            continue  # the summary paragraph, already in the lead
        tokens.extend(cut_long_tokens(text.split()))
        if len(tokens) >= words * limit:
            break
    out: list[Passage] = []
    for start in range(0, min(len(tokens), words * limit), words):
        chunk = tokens[start:start + words]
        out.append(Passage(len(out) + 1, " ".join(chunk), len(chunk)))
    return out
