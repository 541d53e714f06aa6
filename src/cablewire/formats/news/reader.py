"""News articles: text copied off a page, saved HTML pages, and title-first plain-text corpora.

Three forms, told apart by content:

- `news-html`: an HTML page; trafilatura finds the main text (see `news_html`).
- `news-titled-text`: plain text whose first line is a headline (the BBC corpus layout).
- `news-text`: plain text as copied from a browser, debris and all (see `news_text`).

All three go through the same cleaning: dateline, stated or estimated date (`news_dates`) and
language (`language`). Quotations and their speakers are enrichment (`cablewire.enrich.quotes`),
not reading. Cables are not news: any telegram marker makes `sniff` return 0 so the cable reader
wins the auction.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from cablewire.errors import FormatError
from cablewire.formats.base import Input
from cablewire.formats.news.dates import estimate_date, published_from_line, split_dateline
from cablewire.formats.news.html_page import looks_like_html, read_html
from cablewire.formats.news.text_page import (
    ArticleParts,
    byline_names,
    caption_of,
    clean_paragraphs,
    is_boilerplate,
    normalise,
    split_paragraphs,
)
from cablewire.hookspecs import hookimpl
from cablewire.model.document import Article, Document
from cablewire.model.ids import make_document_id
from cablewire.text.language import detect_language
from cablewire.text.mojibake import repair_mojibake

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000
MAX_HTML_CHARS = 5_000_000
SNIFF_CHARS = 65_536
SHORT_WORDS = 30

# `[ \t]*` rather than `\s*` after `^`: with MULTILINE, `\s*` runs across blank lines and makes
# the search quadratic on pages with long runs of whitespace.
TELEGRAM_MARKERS = re.compile(
    r"^[ \t]*TAGS:|^[ \t]*SUBJECT:|\bE\.\s?O\.\s?1[23]\d{3}\b|\bVZCZC|Classified\s+By:|"
    r"<table class=['\"]cable['\"]>|^[ \t]*(?:Reference ID|Identifier)[ \t]*$|"
    r"^[ \t]*Cable title:|^[ \t]*(?:UNCLAS|CONFIDENTIAL|SECRET)\b[^\n]*\bSECTION \d+ OF \d+",
    re.MULTILINE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


class NewsFormat:
    """The news article reader."""

    name = "news"

    def sniff(self, item: Input) -> float:
        head = item.text[:SNIFF_CHARS]
        if not head.strip() or TELEGRAM_MARKERS.search(head) or _is_binary(head):
            return 0.0
        if looks_like_html(head):
            return 0.5 if re.search(r"<(?:p|article)\b", item.text[:MAX_HTML_CHARS],
                                    re.IGNORECASE) else 0.2
        words = len(_WORD.findall(head))
        if words >= 20 and re.search(r"[a-z]{2}[.!?]", head):
            return 0.5
        return 0.2 if words >= 12 else 0.0

    def parse(self, item: Input) -> Iterator[Document]:
        yield read_article(item)


def read_article(item: Input) -> Article:
    """The article in `item`; FormatError when it holds none."""
    text = item.text
    if not text.strip():
        raise FormatError("the text is empty: give the article's text or its saved HTML page")
    head = text[:SNIFF_CHARS]
    if _is_binary(head):
        raise FormatError("this is not text (binary data?): give the article as text or as a"
                          " saved HTML page")
    if TELEGRAM_MARKERS.search(head):
        raise FormatError("this looks like a diplomatic cable, not a news article: let"
                          " cablewire choose the reader (parse_text / parse_file) instead of"
                          " forcing the news format")
    warnings = list(item.warnings)
    html = looks_like_html(head)
    limit = MAX_HTML_CHARS if html else MAX_TEXT_CHARS
    if len(text) > limit:
        warnings.append(f"input truncated to its first {limit:,} characters (it has"
                        f" {len(text):,}): split it if it holds several articles")
        text = text[:limit]
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(f"repaired mis-encoded characters ({repaired})")
    lost = text.count("\ufffd")
    if lost:
        warnings.append(f"{lost} character(s) could not be decoded and show as \ufffd")
    if html:
        parts, form = read_html(text), "news-html"
    else:
        parts, form = _read_plain(text)
    if not parts.paragraphs:
        raise FormatError("no article text left once page debris was removed: give the"
                          " article's full text")
    return _build(parts, form, item.path, warnings + parts.warnings)


def _read_plain(text: str) -> tuple[ArticleParts, str]:
    paragraphs = split_paragraphs(text)
    parts = ArticleParts()
    form = "news-text"
    if _is_headline(paragraphs):
        parts.title, paragraphs, form = paragraphs[0], paragraphs[1:], "news-titled-text"
        if _is_headline(paragraphs) and len(paragraphs[0].split()) <= 10 \
                and not paragraphs[0].endswith(("?", "”", '"')):  # a sub-headline
            parts.subtitle, paragraphs = paragraphs[0], paragraphs[1:]
    clean_paragraphs(paragraphs, parts)
    return parts, form


def _is_headline(paragraphs: list[str]) -> bool:
    """Whether the first paragraph is a headline: short, unpunctuated, followed by prose."""
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    words = first.split()
    ending = first.rstrip()
    return (
        2 <= len(words) <= 20
        and len(first) <= 160
        and (not ending.endswith((".", ",", ";", ":")) or ending.endswith("..."))
        and (first[:1].isalnum() or first[:1] in "\"“‘'$£€¥")
        and sum(len(p.split()) for p in paragraphs[1:]) >= 20
        and not is_boilerplate(first)
        and not byline_names(first)
        and published_from_line(first) is None
        and caption_of(first) is None
        and split_dateline(first)[0] is None
    )


def _build(parts: ArticleParts, form: str, path: str | None, warnings: list[str]) -> Article:
    body = "\n\n".join(parts.paragraphs)
    words = max(len(body.split()), len(_CJK.findall(body)) // 2)
    if words < SHORT_WORDS:
        warnings.append(f"very short article text ({words} words): check that the input is"
                        " the whole article")
    key_url = parts.canonical_url or parts.url
    if key_url:
        doc_id = make_document_id(key_url)
    else:
        doc_id = make_document_id(normalise(parts.title or ""), normalise(body))
    estimate = None
    if parts.published is None:
        estimate = estimate_date(parts.paragraphs, [c["text"] for c in parts.captions])
    return Article(
        id=doc_id,
        title=parts.title,
        subtitle=parts.subtitle,
        dateline=parts.dateline,
        published=parts.published,
        date_estimate=estimate,
        authors=parts.authors,
        author_bio=parts.author_bio,
        publisher=parts.publisher,
        captions=parts.captions,
        paragraphs=parts.paragraphs,
        body=body,
        language=parts.language or detect_language(body),
        url=parts.url,
        canonical_url=parts.canonical_url,
        site_name=parts.site_name,
        source={"path": path, "form": form},
        warnings=list(dict.fromkeys(warnings)),
    )


def _is_binary(head: str) -> bool:
    return bool(head) and len(_CONTROL.findall(head)) > 0.02 * len(head)


@hookimpl
def cablewire_formats() -> list[NewsFormat]:
    return [NewsFormat()]
