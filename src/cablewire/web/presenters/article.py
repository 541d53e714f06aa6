"""A news article laid out for reading: its paragraphs with the direct quotations marked and
their speakers linked (the quotes of the article's enrichment, as the quotes table has them;
none when the article is not enriched), and its date or date estimate with the evidence for it."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from cablewire.results import Shown
from cablewire.web.presenters.entity_links import (
    Mention,
    index_mentions,
    link_entities,
    named_entities,
)
from cablewire.web.rendering import readable_date, search_url

_QUOTE = Markup('<span class="quote">{text}</span>')
_OPENING = "\"“‘'«"
_CLOSING = re.compile(r"[,.!?;:]?[\"”’'»]")
_SPEAKER = Markup(' <a class="speaker" href="{url}" title="Search for {name}">'
                  '<span class="visually-hidden">said by </span>{name}</a>')


def speaker_url(name: str) -> str:
    return search_url(f'"{name}"')


def mark_quotes(text: str, quotes: list[dict[str, Any]],
                mentions: list[Mention] | None = None) -> Markup:
    """Paragraph text with each quotation (and its quotation marks) marked, then its speaker."""
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for quote in quotes:
        start = text.find(quote["text"])
        if start >= 0 and all(start >= e or start + len(quote["text"]) <= s for s, e, _ in spans):
            spans.append((start, start + len(quote["text"]), quote))
    spans.sort(key=lambda span: span[0])
    out = Markup("")
    last = 0
    for start, end, quote in spans:
        left = start - 1 if start > 0 and text[start - 1] in _OPENING else start
        closing = _CLOSING.match(text, end)
        right = closing.end() if closing else end
        out += link_entities(text, mentions or [], last, left)
        out += _QUOTE.format(text=link_entities(text, mentions or [], left, right))
        if quote.get("speaker"):
            out += _SPEAKER.format(url=speaker_url(quote["speaker"]), name=quote["speaker"])
        last = right
    return out + link_entities(text, mentions or [], last)


def date_line(doc: dict[str, Any]) -> dict[str, Any]:
    """The article's date as written, or its estimate with the evidence."""
    if doc.get("published"):
        return {"text": readable_date(doc["published"]), "estimated": False, "evidence": []}
    estimate = doc.get("date_estimate")
    if estimate:
        earliest, latest = estimate.get("earliest"), estimate.get("latest")
        text = (readable_date(earliest) if earliest == latest
                else f"between {readable_date(earliest)} and {readable_date(latest)}")
        return {"text": text, "estimated": True, "evidence": list(estimate.get("evidence") or [])}
    return {"text": None, "estimated": False, "evidence": []}


def present_article(shown: Shown,
                    enrichment: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the article template needs beyond the JSON of `Archive.show`, with the
    entities and quotations of `enrichment` (when the archive has it) marked."""
    doc = shown["document"]
    quotes: list[dict[str, Any]] = list((enrichment or {}).get("quotes") or [])
    paragraphs: list[str] = list(doc.get("paragraphs") or [])
    mentions = index_mentions(enrichment)
    if not paragraphs and doc.get("body"):
        paragraphs = [p.strip() for p in str(doc["body"]).split("\n\n") if p.strip()]
        mentions = {}
    by_paragraph: dict[int, list[dict[str, Any]]] = {}
    for quote in quotes:
        index = quote.get("paragraph")
        if not isinstance(index, int) or not 0 <= index < len(paragraphs) or \
                quote["text"] not in paragraphs[index]:
            index = next((i for i, p in enumerate(paragraphs) if quote["text"] in p), -1)
        if index >= 0:
            by_paragraph.setdefault(index, []).append(quote)
    speakers: dict[str, int] = {}
    for quote in quotes:
        if quote.get("speaker"):
            speakers[quote["speaker"]] = speakers.get(quote["speaker"], 0) + 1
    return {
        "date": date_line(doc),
        "paragraphs": [mark_quotes(text, by_paragraph.get(i, []),
                                   mentions.get(("paragraphs", i), []))
                       for i, text in enumerate(paragraphs)],
        "captions": [{"text": link_entities(c.get("text") or "",
                                            mentions.get(("captions", i), [])),
                      "credit": c.get("credit")} for i, c in enumerate(doc.get("captions") or [])],
        "entities": named_entities(enrichment),
        "speakers": [{"name": name, "quotes": count, "url": speaker_url(name)}
                     for name, count in speakers.items()],
    }
