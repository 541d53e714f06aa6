"""Saved HTML news pages: trafilatura finds the main text, the page's own declarations (JSON-LD,
Open Graph, `<link rel=canonical>`, `<time>`) give the metadata, and `news_text` then clears
the debris trafilatura keeps (captions, sign-up prompts, "Advertisement", author blurbs).

Metadata is taken only from what the page states; a value it does not state stays None.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from cablewire.errors import FormatError
from cablewire.formats.news.dates import parse_absolute, published_from_line
from cablewire.formats.news.text_page import (
    ArticleParts,
    blurb_author,
    byline_names,
    caption_of,
    clean_paragraphs,
    is_boilerplate,
    is_signup,
    normalise,
    publisher_in,
)

logger = logging.getLogger(__name__)

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(?:p|div|article|body|span|a|h[1-6]|br|li|table|meta)\b", re.IGNORECASE)
_SUBTITLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|subtitle|sub-title|subheadline|sub-headline|subhead|dek|deck|"
    r"strapline|article-summary|summary-text|lede-text|sapo|chapeau|teaser|intro-text|desc)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CAPTION_XPATH = (
    "//figcaption | //*[@itemprop='caption'] | //*[contains(concat(' ', normalize-space(@class),"
    " ' '), ' wp-caption-text ')] | //*[contains(@class, 'caption') and not(ancestor::figcaption)"
    " and not(descendant::p[string-length(normalize-space()) > 400])]"
)
_CREDIT_XPATH = (
    ".//*[contains(@class, 'credit') or contains(@class, 'byline') or @itemprop='copyrightHolder'"
    " or contains(@class, 'copyright') or contains(@class, 'source')]"
)
_BLOCKS = {"p", "head", "quote", "item", "cell", "list"}
_BIO_XPATH = (
    "//*[contains(@class, 'author-bio') or contains(@class, 'author_bio') or contains(@class,"
    " 'about-author') or contains(@class, 'author-info') or contains(@class, 'contributor-bio')"
    " or contains(@class, 'author-description') or contains(@class, 'bio-text')]"
)
_CREDIT_LABEL = re.compile(r"^(?:photo(?:graph)?|image|picture|credit)s?\s*(?:by|:)\s*",
                           re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:”\"’)。！？」』؟।]\s*$")
_SITE_SEPARATORS = re.compile(r"\s+(?:::|\||–|—|-|·|»)\s+")


def looks_like_html(text: str) -> bool:
    """True when `text` is an HTML document (or a fragment with several block tags)."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 3


def read_html(text: str) -> ArticleParts:
    """The parts of a saved news page."""
    parts = ArticleParts()
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"this HTML page cannot be parsed ({exc}): save the page again as"
                          " 'Web page, HTML only' and retry") from exc
    meta = _page_meta(tree, text)
    for caption in _captions(tree):
        parts.add_caption(caption["text"], caption["credit"])
    doc: Any
    try:
        doc = trafilatura.bare_extraction(
            text, url=meta.get("url"), with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, favor_precision=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises from deep inside lxml on odd markup
        logger.warning("trafilatura failed: %s", exc)
        parts.warnings.append(f"main-text extraction failed ({type(exc).__name__}); used the"
                              " page's paragraphs instead")
        doc = None
    blocks = _blocks(doc.body) if doc is not None and doc.body is not None else []
    if not blocks:
        blocks = _fallback_blocks(tree)
        if blocks and doc is not None:
            parts.warnings.append("main text not found: used every paragraph of the page")
    if not blocks:
        raise FormatError("no article text found in this HTML page: save the article page"
                          " itself (not a section front or a search page), or paste its text")
    parts.title = meta.get("headline") or (getattr(doc, "title", None) if doc else None)
    parts.subtitle = _subtitle(tree, meta, parts.title)
    parts.url = meta.get("url")
    parts.canonical_url = meta.get("canonical")
    parts.site_name = meta.get("site_name")
    parts.title = _strip_site(parts.title, [parts.site_name, meta.get("url")])
    parts.publisher = meta.get("publisher")
    parts.published = meta.get("published") or (getattr(doc, "date", None) if doc else None)
    parts.language = meta.get("language")
    authors = meta.get("authors") or _split_authors(getattr(doc, "author", None) if doc else None)
    parts.authors = list(dict.fromkeys(a for a in authors if a))
    skip = {normalise(x) for x in (parts.title, parts.subtitle) if x}
    blocks = [b for b in blocks if normalise(b) not in skip]
    while blocks and _is_furniture(blocks[0], parts.title):
        blocks.pop(0)
    while blocks and (_is_trailing_link(blocks[-1]) or is_boilerplate(blocks[-1])
                      or is_signup(blocks[-1]) or not re.search(r"\w", blocks[-1])):
        blocks.pop()
    bio = _author_bio(tree)
    if bio is not None:
        blocks = [b for b in blocks if normalise(b) != normalise(bio)]
    clean_paragraphs(blocks, parts)
    if bio is not None and parts.author_bio is None:
        parts.author_bio = bio
        name = blurb_author(bio)
        if name and not parts.authors:
            parts.authors.append(name)
    if parts.publisher is None:
        parts.publisher = _copyright_holder(tree) or parts.site_name
    return parts


def _author_bio(tree: Any) -> str | None:
    for el in tree.xpath(_BIO_XPATH):
        text = _text(el)
        if 40 <= len(text) <= 700 and re.search(r"[.!?]$", text):
            return text
    return None


def _copyright_holder(tree: Any) -> str | None:
    for node in tree.xpath("//body//text()[contains(., '©') or contains(., 'Copyright')"
                           " or contains(., 'copyright')]"):
        text = re.sub(r"\s+", " ", str(node)).strip()
        at = re.search(r"(?:copyright|©)", text, re.IGNORECASE)
        if at is not None:
            name = publisher_in(text[at.start():])
            if name:
                return name
    return None


def _strip_site(title: str | None, names: list[str | None]) -> str | None:
    """"Sahara Tribune :: Niger talks" -> "Niger talks" when the page names its site so."""
    if not title:
        return title
    pieces = _SITE_SEPARATORS.split(title)
    if len(pieces) < 2:
        return title
    known = [re.sub(r"\W", "", n.lower()) for n in names if n]
    kept = [p for p in pieces
            if not any(re.sub(r"\W", "", p.lower()) in k for k in known if k)]
    return " - ".join(kept) if kept and len(kept) < len(pieces) else title


def _is_trailing_link(block: str) -> bool:
    """A short unpunctuated line after the article: a related headline, a topic, a tag."""
    return len(block) <= 90 and len(block.split()) <= 10 and not _TERMINAL.search(block)


def _is_furniture(block: str, title: str | None) -> bool:
    """A leading block that is not prose: a menu, a section label, the headline again."""
    if any(byline_names(p) or published_from_line(p) for p in block.split(" | ")):
        return False
    if title and normalise(title).endswith(normalise(block)) or (
            title and normalise(block) in normalise(title)):
        return True
    words = block.split()
    return len(block) <= 120 and len(words) <= 12 and not _TERMINAL.search(block) and \
        sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _blocks(body: Any) -> list[str]:
    out: list[str] = []
    for el in body.iter():
        if el.tag not in _BLOCKS or el.tag == "list":
            continue
        if any(anc.tag in _BLOCKS - {"list"} for anc in el.iterancestors()):
            continue
        lines = "".join(el.itertext()).split("\n")  # trafilatura keeps <br> as a newline
        out.extend(t for t in (re.sub(r"\s+", " ", ln).strip() for ln in lines) if t)
    return out


def _fallback_blocks(tree: Any) -> list[str]:
    for bad in tree.xpath("//script | //style | //nav | //footer | //header | //aside"):
        bad.drop_tree()
    return [t for t in (_text(p) for p in tree.xpath("//p")) if len(t.split()) >= 5]


def _text(el: Any) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _page_meta(tree: Any, text: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    props: dict[str, str] = {}
    for m in tree.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and key not in props:
            props[key] = m.get("content").strip()
    ld = _json_ld(tree)
    saved = _SAVED_FROM.search(text[:4096])
    canonical = tree.xpath("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href")
    meta["canonical"] = canonical[0].strip() if canonical else None
    meta["url"] = (saved.group(1) if saved else None) or props.get("og:url") or \
        _ld_str(ld.get("url")) or meta["canonical"]
    meta["site_name"] = props.get("og:site_name") or props.get("application-name")
    meta["headline"] = _ld_str(ld.get("headline")) or None
    publisher = ld.get("publisher")
    name = _ld_str(publisher.get("name")) if isinstance(publisher, dict) else _ld_str(publisher)
    meta["publisher"] = name if name and not name.startswith("http") else None
    meta["authors"] = _ld_authors(ld.get("author")) or _split_authors(
        props.get("author") or props.get("article:author") or props.get("byl") or
        props.get("dc.creator") or props.get("sailthru.author"))
    published = (_ld_str(ld.get("datePublished")) or props.get("article:published_time")
                 or props.get("datepublished") or props.get("dc.date.issued")
                 or props.get("date") or props.get("pubdate"))
    if not published:
        times = tree.xpath("//time[@itemprop='datePublished']/@datetime | //time[@pubdate]"
                           "/@datetime | //*[@itemprop='datePublished']/@content")
        published = times[0] if times else None
    meta["published"] = _iso_day(published)
    lang = tree.get("lang") or tree.get("xml:lang") or _ld_str(ld.get("inLanguage")) or \
        props.get("og:locale") or props.get("content-language")
    meta["language"] = re.split(r"[-_]", lang.strip())[0].lower() if lang else None
    meta["alternative"] = _ld_str(ld.get("alternativeHeadline"))
    return meta


def _json_ld(tree: Any) -> dict[str, Any]:
    """The page's NewsArticle (or Article) JSON-LD object, or {}."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                return item
    return {}


def _ld_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ld_authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            out.append(name.strip())
    return out


def _split_authors(value: str | None) -> list[str]:
    if not value or value.startswith("http"):
        return []
    value = re.sub(r"^\s*by\s+", "", value, flags=re.IGNORECASE)
    return [a.strip() for a in re.split(r"\s*(?:;|,|\band\b|&)\s*", value) if a.strip()]


def _iso_day(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)", value)
    if m:
        return "-".join(m.groups())
    found = parse_absolute(value)
    return found[0].day.isoformat() if found else None


def _captions(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    for el in tree.xpath(_CAPTION_XPATH):
        if any(id(a) in seen for a in el.iterancestors()):
            continue
        seen.add(id(el))
        credit_el = el.xpath(_CREDIT_XPATH)
        credit = _text(credit_el[0]) if credit_el else None
        full = re.sub(r"^(?:image|photo|media)\s+caption\s*,\s*", "", _text(el),
                      flags=re.IGNORECASE)
        text = full
        if credit:
            text = full.replace(credit, "").strip()
            credit = _CREDIT_LABEL.sub("", credit).strip(" ()") or None
        else:
            found = caption_of(full)
            if found is not None:
                text, credit = found["text"], found["credit"]
        if len(text.split()) >= 3:
            out.append({"text": text, "credit": credit})
    return out


def _subtitle(tree: Any, meta: dict[str, Any], title: str | None) -> str | None:
    if meta.get("alternative"):
        return str(meta["alternative"])
    for el in tree.xpath("//*[@class]"):
        if el.tag in ("p", "h2", "div", "span", "h3") and _SUBTITLE_CLASS.search(el.get("class")):
            text = _text(el)
            if 4 <= len(text.split()) <= 80:
                return text
    for h1 in tree.xpath("//h1"):
        if title is None or normalise(_text(h1)) != normalise(title):
            continue
        nxt = h1.getnext()
        if nxt is not None and nxt.tag == "h2":
            text = _text(nxt)
            if 4 <= len(text.split()) <= 60:
                return text
    return None
