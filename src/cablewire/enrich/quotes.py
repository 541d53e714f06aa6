"""Direct quotations with their speakers, linked to the speakers' entities: the `quotes` of an
enrichment, which the quotes table and the article page both show.

The quotations and their speakers are found in the paragraphs by the attribution rules of news
writing (`cablewire.enrich.attribution.find_quotes`), in articles and cables alike. Cables add two
habits of their own: "said the President" names the speaker by title (the one person of the
document with that title), and "he remarked" after a quotation continues the previous speaker.
A speaker is linked to the person entity whose name, alias or surname it matches.
"""

from __future__ import annotations

import re
from typing import Any

from cablewire.enrich.aliases import person_tokens, surname_of
from cablewire.enrich.attribution import find_quotes
from cablewire.enrich.gazetteer import fold
from cablewire.enrich.model import EnrichedQuote, Entity

_BY_TITLE = re.compile(
    r"\bthe (President|Ambassador|Prime Minister|Foreign Minister|Minister|"
    r"King|General|Chairman|Governor)\b"
)


def enrich_quotes(doc: dict[str, Any], entities: list[Entity]) -> list[EnrichedQuote]:
    if doc.get("kind") == "cable":
        paragraphs = [p.get("text") or "" for p in doc.get("paragraphs") or []]
    else:
        paragraphs = [str(p) for p in doc.get("paragraphs") or []]
    quotes = find_quotes(paragraphs)
    people = [e for e in entities if e["type"] == "person"]
    others = {
        fold(n) for e in entities if e["type"] != "person" for n in [e["name"], *e["aliases"]]
    }
    out: list[EnrichedQuote] = []
    previous: EnrichedQuote | None = None
    for q in quotes:
        speaker = q["speaker"]
        para = paragraphs[q["paragraph"]] if q["paragraph"] < len(paragraphs) else ""
        around = _around(para, q["text"])
        if speaker is None or fold(speaker) in others:
            speaker = _by_title(around, people) or speaker
        if (
            (speaker is None or fold(speaker) in others)
            and previous is not None
            and re.search(r"\b(?:he|she) (?:said|remarked|added|stated|noted|commented)\b", around)
        ):
            speaker = previous["speaker"]
        key = _link(speaker, people)
        item: EnrichedQuote = {
            "speaker": speaker,
            "speaker_key": key,
            "text": q["text"],
            "paragraph": q["paragraph"],
        }
        out.append(item)
        if key is not None:
            previous = item
    return out


def _around(paragraph: str, text: str) -> str:
    at = paragraph.find(text[:40])
    if at < 0:
        return ""
    return paragraph[max(0, at - 100) : at + len(text) + 80]


def _by_title(around: str, people: list[Entity]) -> str | None:
    m = _BY_TITLE.search(around)
    if m is None:
        return None
    titled = [
        e for e in people if any(f["value"].casefold() == m.group(1).casefold() for f in e["facts"])
    ]
    return titled[0]["name"] if len(titled) == 1 else None


def _link(speaker: str | None, people: list[Entity]) -> str | None:
    if not speaker:
        return None
    wanted = fold(speaker)
    for e in people:
        if wanted in {fold(n) for n in [e["name"], *e["aliases"]]}:
            return e["key"]
    tokens = person_tokens(speaker)
    if len(tokens) == 1:
        matches = [e for e in people if surname_of(e["name"]) == tokens[0]]
        if len(matches) == 1:
            return matches[0]["key"]
    return None
