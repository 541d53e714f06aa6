"""Cable pages: the metadata a cable web page shows around the telegram, in HTML and as copied text.

HTML, as on the cablegate site::

    <table class='cable'> Reference ID | Created | Released | Classification | Origin </table>
    <code><pre>routing header, lines joined by &#x000A;</pre></code>
    <code><pre>body, with <a id='par1'>¶</a> anchors and tag links</pre></code>

Copied text (labels first, then values)::

    Identifier / Created / Classification / Origin / 09BAMAKO387 / 2009-06-12 11:16:00 / ...
    Cable title:  PRESIDENT TOURE READY ...
    Tags:  PTER PREL ...
    <the raw telegram>

The classification is taken from the link text: the `title` attribute is wrong on most pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TABLE = re.compile(r"<table\s+class=['\"]cable['\"]\s*>(.*?)</table>", re.S | re.I)
_TH = re.compile(r"<th[^>]*>(.*?)</th>", re.S | re.I)
_TD = re.compile(r"<td[^>]*>(.*?)</td>", re.S | re.I)
# A <pre> block is its opening tag, then everything up to the first closing tag: found with two
# searches, not with one lazy `<pre[^>]*>(.*?)</pre>`, which tries the closing tag at every
# character and takes ten times as long on a page's blocks (the same blocks).
_PRE_OPEN = re.compile(r"<pre[^>]*>", re.I)
_PRE_CLOSE = re.compile(r"</pre>", re.I)
_PAR_ANCHOR = re.compile(r"<a\s+id=['\"]par\w+['\"][^>]*>¶</a>")
_TAG = re.compile(r"<[^>]+>")
_VIEWING = re.compile(r"<h3>\s*Viewing cable\s+([^,<]+),\s*(.*?)</h3>", re.S | re.I)
PARTIAL_NOTE = (
    "This record is a partial extract of the original cable."
    " The full text of the original cable is not available."
)
PAGE_LABELS = ("reference id", "identifier", "created", "released", "classification", "origin")


@dataclass
class PageMeta:
    """What a cable page says about its cable, outside the telegram."""

    id: str | None = None
    created: str | None = None
    released: str | None = None
    classification: str | None = None
    origin: str | None = None
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    partial: bool = False


def iso_datetime(text: str | None) -> str | None:
    """`2009-06-12 11:16:00` or `2009-06-12 11:16` -> `2009-06-12T11:16:00`."""
    if not text:
        return None
    m = re.match(r"^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$", text)
    if not m:
        return None
    day, hour, minute, second = m.groups()
    if hour is None:
        return day
    return f"{day}T{int(hour):02d}:{minute}:{second or '00'}"


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def pre_text(fragment: str) -> str:
    """The text of a `<pre>` block: tags dropped (the ¶ anchors with them), entities decoded."""
    fragment = _PAR_ANCHOR.sub("", fragment)
    fragment = _TAG.sub("", fragment).replace("&#x000A;", "\n")
    return html.unescape(fragment) if "&" in fragment else fragment


def read_html_page(page: str) -> tuple[PageMeta, str, str]:
    """Page metadata, routing header text and body text of a cablegate HTML page."""
    meta = PageMeta()
    table = _TABLE.search(page)
    if table:
        heads = [_text(h).lower() for h in _TH.findall(table.group(1))]
        cells = [_text(c) for c in _TD.findall(table.group(1))]
        values = dict(zip(heads, cells, strict=False))
        meta.id = values.get("reference id") or values.get("identifier") or None
        meta.created = iso_datetime(values.get("created"))
        meta.released = iso_datetime(values.get("released"))
        meta.classification = values.get("classification") or None
        meta.origin = values.get("origin") or None
    viewing = _VIEWING.search(page)
    if viewing:
        meta.title = _text(viewing.group(2)) or None
    start = table.end() if table else 0
    blocks = [pre_text(b) for b in _pre_blocks(page, start)]
    if blocks and PARTIAL_NOTE in blocks[0]:
        meta.partial = True
        blocks[0] = blocks[0].replace(PARTIAL_NOTE, "")
    if len(blocks) >= 2:
        return meta, blocks[0], "\n".join(blocks[1:])
    return meta, "", blocks[0] if blocks else ""


def _pre_blocks(page: str, start: int) -> list[str]:
    """The contents of the `<pre>` blocks of `page` from `start` on, in order (an opening tag
    with no closing tag after it ends the list)."""
    blocks: list[str] = []
    while (opening := _PRE_OPEN.search(page, start)) is not None:
        closing = _PRE_CLOSE.search(page, opening.end())
        if closing is None:
            break
        blocks.append(page[opening.end():closing.start()])
        start = closing.end()
    return blocks


def read_text_page(text: str) -> tuple[PageMeta, str]:
    """Page metadata and the telegram text of a cable page copied as text."""
    meta = PageMeta()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    labels: list[str] = []
    while i < len(lines) and lines[i].strip().lower().rstrip(":") in PAGE_LABELS:
        labels.append(lines[i].strip().lower().rstrip(":"))
        i += 1
    values: dict[str, str] = {}
    if labels:
        for label in labels:
            while i < len(lines) and not lines[i].strip():
                i += 1
            if i < len(lines):
                values[label] = lines[i].strip()
                i += 1
    else:  # "Label: value" or "Label<TAB>value" rows
        while i < len(lines):
            m = re.match(r"^\s*([A-Za-z ]+?)\s*(?::|\t)\s*(.+?)\s*$", lines[i])
            if not m or m.group(1).lower() not in PAGE_LABELS:
                break
            values[m.group(1).lower()] = m.group(2)
            i += 1
    meta.id = values.get("identifier") or values.get("reference id")
    meta.created = iso_datetime(values.get("created"))
    meta.released = iso_datetime(values.get("released"))
    meta.classification = values.get("classification")
    meta.origin = values.get("origin")
    rest = lines[i:]
    telegram_start = 0
    for j, line in enumerate(rest[:40]):
        stripped = " ".join(line.split())
        low = stripped.lower()
        if stripped.startswith("VZCZC") or stripped.startswith(("E.O.", "TAGS:", "SUBJECT:")):
            break
        if stripped.startswith("Cable title:"):
            title = stripped[len("cable title:"):].strip()
            k = j + 1
            while not title and k < len(rest) and not rest[k].strip():
                k += 1
            if not title and k < len(rest):
                title = rest[k].strip()
                telegram_start = max(telegram_start, k + 1)
            meta.title = title or None
            telegram_start = max(telegram_start, j + 1)
        elif stripped.startswith("Tags:"):
            meta.tags = stripped[5:].split()
            telegram_start = max(telegram_start, j + 1)
        elif low.startswith("pdf how-to read a cable") or low == "how-to read a cable":
            telegram_start = max(telegram_start, j + 1)
    return meta, "\n".join(rest[telegram_start:])
