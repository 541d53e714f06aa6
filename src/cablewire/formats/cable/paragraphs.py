"""The body of a cable as paragraphs: numbers, classification markings, section headings,
the summary, the comment, the signers, and the clean body text.

    1.(C) Summary: Ambassador Milovanovic met ...          number 1, marking C
    --------------
    AQIM Destroying Mali's Model Image                     heading of the next paragraph
    --------------
    2.(C) The Ambassador gave ...

Headings are found by `cablewire.formats.cable.headings`, the signature by
`cablewire.formats.cable.signature`; this module puts the paragraphs together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.formats.cable.headings import (
    HEADING,
    heading_like,
    is_rule,
    mark_headings,
    read_heading,
    standalone_heading,
)
from cablewire.formats.cable.markers import is_caption_line
from cablewire.formats.cable.numbering import (
    MARKS,
    NUMBERED,
    TERMINAL,
    Numbering,
    marking_of,
)
from cablewire.formats.cable.signature import take_signer
from cablewire.formats.cable.telegram import BANNER, BANNER_INITIALS
from cablewire.model.document import Paragraph
from cablewire.text.linebreaks import join_lines

# What may follow SUMMARY in a lead, a heading or its end: "Summary and Comment", "Summary and
# Action Request", "Summary/Comment", "Summary and Introduction", "Summary and Table of Contents"
# (and a lead may be "Introduction and Summary:").
_SUMMARY_TAIL = (
    r"(?:\s*(?:AND|/|&)\s*(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|TABLE\s+OF\s+CONTENTS"
    r"|BACKGROUND|RECOMMENDATIONS?|CONCLUSIONS?|KEY\s+POINTS))?"
)
_SUMMARY = re.compile(
    rf"^(?:BEGIN\s+SUMMARY{_SUMMARY_TAIL}\b\s*[:.\-]*\s*"
    rf"|(?:(?:INTRODUCTION|BACKGROUND|OVERVIEW)\s+AND\s+)?SUMMARY{_SUMMARY_TAIL}\s*[:.\-]+\s*"
    r"|(?-i:SUMMARY[^\S\n]+(?=[A-Z])))",  # "1. SUMMARY Egypt has offered ..."
    re.IGNORECASE,
)
_SUMMARY_HEADING = re.compile(
    rf"^(?:BEGIN\s+)?SUMMARY{_SUMMARY_TAIL}\s*[.:]?\s*$", re.IGNORECASE
)
_END_SUMMARY = re.compile(
    rf"\(?\s*\bEND\s+(?:OF\s+)?SUMMARY{_SUMMARY_TAIL}\s*[.:]*\s*\)?\.?",
    re.IGNORECASE,
)
# A paragraph's marking written after its lead: "1. Summary: (SBU) Japanese ..."
_LEAD_MARKING = re.compile(
    r"\(\s*(?:U|C|S|TS|SBU|LOU|FOUO|NF|C/NF|S/NF|C//NF|S//NF|SBU/NF)\s*\)\s*", re.IGNORECASE
)
# END SUMMARY with no start of the summary marked: the summary is the text before it, when it
# comes within this many paragraphs.
_UNMARKED_SUMMARY_MAX = 4
# "Comment:", and the comment with what it asks for: "COMMENT AND ACTION REQUEST:"
_COMMENT_WITH = r"(?:\s+AND\s+(?:ACTION|GUIDANCE)\s+REQUESTS?|\s+AND\s+RECOMMENDATIONS?)?"
_COMMENT = re.compile(r"^(?:BEGIN\s+)?COMMENTS?" + _COMMENT_WITH + r"\s*(?:[:.\-]+|$)\s*",
                      re.IGNORECASE)
_END_COMMENT = re.compile(
    r"\(?\s*\bEND\s+(?:OF\s+)?COMMENTS?" + _COMMENT_WITH + r"\s*[.:]*\s*\)?\.?", re.IGNORECASE
)


def _end_summary(text: str) -> re.Match[str] | None:
    """`_END_SUMMARY.search(text)` (`_find_end`)."""
    return _find_end(_END_SUMMARY, "summary", text)


def _end_comment(text: str) -> re.Match[str] | None:
    """`_END_COMMENT.search(text)` (`_find_end`)."""
    return _find_end(_END_COMMENT, "comment", text)


def _find_end(pattern: re.Pattern[str], word: str, text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a case-blind END marker (an optional bracket and spaces, then
    END and `word`), found faster in ASCII text: such a pattern has no first character to look
    for, and tries itself at every character. In ASCII text it can match only where the text
    has END, in any case, and only from the space and bracket before it: tried there alone, in
    order, the first match is the one the search finds."""
    if not text.isascii():
        return pattern.search(text)
    low = text.lower()
    if word not in low:
        return None
    at = low.find("end")
    while at >= 0:
        start = at
        while start and text[start - 1].isspace():
            start -= 1
        if start and text[start - 1] == "(":
            start -= 1
        m = pattern.match(text, start)
        if m:
            return m
        at = low.find("end", at + 1)
    return None


# The declassification group of older cables, at their end ("GP-3"): a marking, not text.
_GROUP_CODE = re.compile(r"^\s*(?:GP-\d|X?GDS(?:-\d)?)\s*$")
# A marking written after the summary's label: "1. SUMMARY: (SBU) ..."
_LABEL_MARKING = re.compile(
    r"(?P<label>(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[:.\-]+\s*)"
    r"\(\s*(?P<mark>" + MARKS + r"(?:[/ -][^)\n]{0,40})?)\s*\)\s*",
    re.IGNORECASE,
)
_LETTERED = re.compile(r"[a-z][.)]\s|\([a-z]\)\s")
_UNNUMBERED_MARKING = re.compile(
    r"\(\s*(?P<mark>(?i:" + MARKS + r")(?:[/ -][^)\n]{0,40})?)\s*\)\s+(?=\S)"
)
_ENTIRE_TEXT = re.compile(r"ENTIRE\s+TEXT", re.IGNORECASE)


@dataclass
class Body:
    paragraphs: list[Paragraph] = field(default_factory=list)
    summary: str | None = None
    comment: str | None = None
    signers: list[str] = field(default_factory=list)
    text: str = ""
    header_block: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _split_numbered(block: list[str],
                    numbering: Numbering) -> list[tuple[int | None, list[str]]]:
    """Split a block where a line starts the next numbered paragraph without a blank line."""
    parts: list[tuple[int | None, list[str]]] = []
    cur: list[str] = []
    cur_num: int | None = None
    for line in block:
        if line.lstrip()[:1] in _NUMBER_STARTS and numbering.starts_paragraph(line):
            if cur:
                parts.append((cur_num, cur))
            cur, cur_num = [line], numbering.last
        else:
            cur.append(line)
    if cur:
        parts.append((cur_num, cur))
    return parts


_NUMBER_STARTS = frozenset("0123456789¶(")


def read_body(lines: list[str], header_block: list[str]) -> Body:
    """Paragraphs and the clean body from the body lines (header block included once), with
    the lines that stand before the first paragraph and after the last one."""
    body = Body()
    header_set = {" ".join(h.split()) for h in header_block}
    head, body.signers, closing = take_signer(lines)
    for before, after in zip(lines, head, strict=False):
        if before != after and " ".join(before.split()) in header_set:
            # a field that ran on to the end of the body (a REF with the text after it):
            # the closing was cut off it, the rest is still the field
            header_set.add(" ".join(after.split()))
    lines = head
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    numbering = Numbering()
    out_blocks: list[str] = []
    # What each block of `out_blocks` is: header lines, a heading waiting for its paragraph,
    # or paragraph text (a heading's block turns TEXT once a paragraph takes the heading).
    kinds: list[str] = []
    blocks = _blocks(mark_headings(lines, frozenset(header_set)))
    for b_index, block in enumerate(blocks):
        content = block

        if all(_is_header(ln, header_set) for ln in content):
            out_blocks.append(_header_text(content))
            fields = any(" ".join(ln.split()) in header_set for ln in content)
            kinds.append(_FIELDS if fields else _HEADER)
            continue
        if len(content) > 1 and content[0].lstrip()[:1] in _BANNER_FIRST and BANNER.match(
                content[0]):
            out_blocks.append(" ".join(content[0].split()))  # the banner stands alone
            kinds.append(_HEADER)
            content = content[1:]
        captions = 0
        while captions < len(content) - 1 and is_caption_line(content[captions]):
            captions += 1
        if captions:  # caption lines above an address line ("NOFORN" / "FOR ECON ...")
            out_blocks.append(_header_text(content[:captions]))
            kinds.append(_HEADER)
            content = content[captions:]
        if content[0].startswith(HEADING) or standalone_heading(content, blocks, b_index):
            if heading is not None:  # a heading with no paragraph of its own under it
                paragraphs.append({"number": None, "marking": None, "heading": heading,
                                   "text": ""})
                _take_heading(kinds)
            heading, written = read_heading(content)
            out_blocks.append(written)
            kinds.append(_WAITING)
            continue
        for num, part in _split_numbered(content, numbering):
            if num is not None:
                paragraph, joined = _numbered_paragraph(part, num, heading)
                paragraphs.append(paragraph)
                heading = None
            else:
                joined = join_lines(part)
                if paragraphs and _continues(paragraphs[-1]["text"], joined):
                    paragraphs[-1]["text"] = join_lines([paragraphs[-1]["text"], joined])
                    _merge_last_block(out_blocks, joined)
                    kinds.extend([_TEXT] * (len(out_blocks) - len(kinds)))
                    continue
                if paragraphs and paragraphs[-1]["number"] is not None and heading is None:
                    paragraphs[-1]["text"] += "\n\n" + joined
                else:
                    paragraphs.append(_unnumbered_paragraph(joined, heading))
                    heading = None
            _take_heading(kinds)
            out_blocks.append(joined)
            kinds.append(_NUMBERED_TEXT if num is not None else _TEXT)
    body.paragraphs = [p for p in paragraphs if p["text"] or p["heading"]]
    body.summary = _summary(body.paragraphs)
    body.comment = _comment(body.paragraphs)
    body.text = "\n\n".join([b for b in out_blocks if b] + closing)
    body.header_block, body.trailer = _frame(out_blocks, kinds, closing, header_set)
    return body


# The first letters of a banner (`BANNER`, its case-blind forms: "ſ" is an "s" to them too), and
# of a group code: a line that starts otherwise is neither (a test of one character first).
_BANNER_FIRST = BANNER_INITIALS | {"ſ"}
_GROUP_CODE_FIRST = frozenset("GX")


def _is_header(line: str, header_set: set[str]) -> bool:
    """A header line among the body's blocks: a header field's line, a banner, captions, a
    group code."""
    if " ".join(line.split()) in header_set:
        return True
    first = line.lstrip()[:1]
    return ((first in _BANNER_FIRST and bool(BANNER.match(line))) or is_caption_line(line)
            or (first in _GROUP_CODE_FIRST and bool(_GROUP_CODE.match(line))))


_HEADER, _FIELDS = "header", "header fields"
_WAITING, _TEXT, _NUMBERED_TEXT = "waiting heading", "text", "numbered"


def _take_heading(kinds: list[str]) -> None:
    """The heading waiting for a paragraph has one now: it belongs to the text."""
    if kinds and kinds[-1] == _WAITING:
        kinds[-1] = _TEXT


def _frame(out_blocks: list[str], kinds: list[str], closing: list[str],
           fields: set[str]) -> tuple[list[str], list[str]]:
    """The header lines (banner, captions, E.O., TAGS, SUBJECT, REF, Classified By) and the
    lines after the last paragraph (a closing caveat line, a heading left without a paragraph,
    the signature and what follows it).

    The header runs to the first numbered paragraph: an address line standing above the
    E.O. line (`DEPARTMENT FOR NEA/ELA`) is read as a paragraph of its own, and the fields
    below it are still the header. Without numbered paragraphs it runs to the last paragraph,
    and over the header fields standing right after it (a cable cut off at its subject, below
    unnumbered paragraphs). The header's fields are never the trailer.
    """
    text_at = [i for i, kind in enumerate(kinds) if kind in (_TEXT, _NUMBERED_TEXT)]
    after = text_at[-1] + 1 if text_at else len(out_blocks)
    first = next((i for i, kind in enumerate(kinds) if kind == _NUMBERED_TEXT), None)
    if first is None:
        while after < len(out_blocks) and kinds[after] == _HEADER and all(
                ln in fields for ln in out_blocks[after].split("\n")):
            after += 1
        first = after

    def lines(blocks: list[str]) -> list[str]:
        return [ln.strip() for b in blocks for ln in b.split("\n") if ln.strip()]

    header = [b for i, (b, kind) in enumerate(zip(out_blocks, kinds, strict=True))
              if (kind in (_HEADER, _FIELDS) and i < first) or (kind == _FIELDS and i >= after)]
    trailer = [b for b, kind in zip(out_blocks[after:], kinds[after:], strict=True)
               if kind != _FIELDS]
    return lines(header), lines(trailer + closing)


def _numbered_paragraph(part: list[str], num: int,
                        heading: str | None) -> tuple[Paragraph, str]:
    """A numbered paragraph from its lines, and its block as written (number and marking
    included) for the body."""
    m = NUMBERED.match(part[0])
    assert m is not None
    marking = marking_of(m)
    rest = part[0][m.end():]
    if (not marking and len(part) > 2 and is_rule(part[1]) and heading is None
            and (below := _UNNUMBERED_MARKING.match(part[2].strip()))
            and heading_like(rest.strip())):
        # "2. Afghanistan" / ruler / "(C) The SYG ...": a heading after the number; the
        # body has the block as written but for the ruler
        text = join_lines([part[2].strip()[below.end():], *part[3:]])
        return {"number": num, "marking": marking_of(below), "heading": rest.strip(),
                "text": text}, join_lines([part[0], *part[2:]])
    late = None if marking else _LABEL_MARKING.match(rest)
    if late:
        # "1. SUMMARY: (SBU) GOCR officials ...": the marking after the label is the
        # paragraph's; the label stays in the text, the body keeps the line as written
        marking = marking_of(late)
        text = join_lines([late.group("label") + rest[late.end():]] + part[1:])
        return {"number": num, "marking": marking, "heading": heading, "text": text}, (
            join_lines(part)
        )
    if marking and m.group("mark") and _ENTIRE_TEXT.search(marking):
        # "(C - ENTIRE TEXT)" marks the whole cable: the words stay in the text
        rest = "(" + part[0][m.start("mark") - 1 :].lstrip("( ")
        marking = re.split(r"[\s-]", marking, maxsplit=1)[0]
        text = join_lines([rest] + part[1:])
        return {"number": num, "marking": marking, "heading": heading, "text": text}, (
            join_lines(part)
        )
    text = join_lines([rest] + part[1:])
    if not rest.strip():
        return {"number": num, "marking": marking, "heading": heading, "text": text}, (
            join_lines(part)
        )
    # the block as written is the number and marking, then the same text: join only once
    first = part[0].lstrip()
    prefix = first[: len(first) - len(rest.lstrip())]
    return {"number": num, "marking": marking, "heading": heading, "text": text}, prefix + text


def _unnumbered_paragraph(joined: str, heading: str | None) -> Paragraph:
    """A paragraph without a number; a marking it starts with (`(U) Post passed ...`) is its
    marking, as for a numbered one."""
    m = _UNNUMBERED_MARKING.match(joined)
    if m is None:
        return {"number": None, "marking": None, "heading": heading, "text": joined}
    return {"number": None, "marking": marking_of(m), "heading": heading,
            "text": joined[m.end():]}


def _header_text(content: list[str]) -> str:
    return "\n".join(" ".join(ln.split()) for ln in content)


def _continues(previous: str, nxt: str) -> bool:
    """Whether a block carries on the sentence of the previous one (a stray blank line); a
    lettered item (`a. (S) EXBS FSN ...`) starts one of its own."""
    return (bool(previous) and not previous.rstrip().endswith(TERMINAL) and nxt[:1].islower()
            and not _LETTERED.match(nxt))


def _merge_last_block(out_blocks: list[str], joined: str) -> None:
    if out_blocks:
        out_blocks[-1] = join_lines([out_blocks[-1], joined])
    else:
        out_blocks.append(joined)


def _summary(paragraphs: list[Paragraph]) -> str | None:
    """The summary: a paragraph led by "Summary:", or the paragraphs under a SUMMARY heading or
    after BEGIN SUMMARY, up to END SUMMARY (or the next heading), without the markers; with no
    start marked, the paragraphs before an END SUMMARY that comes early (from the first numbered
    one)."""
    for i, p in enumerate(paragraphs):
        marked = _LEAD_MARKING.match(p["text"])  # "(sbu) Summary: ...", a marking not read
        text = p["text"][marked.end():] if marked else p["text"]
        lead = _SUMMARY.match(text)
        under = p["heading"] is not None and bool(_SUMMARY_HEADING.match(p["heading"]))
        if not lead and not under:
            continue
        first = text[lead.end():] if lead else p["text"]
        parts = [_LEAD_MARKING.sub("", first, count=1) if lead and first.startswith("(")
                 else first]
        for q in paragraphs[i + 1 : i + 12]:
            if _end_summary(parts[-1]) or q["heading"] is not None:
                break
            if not under and q["number"] is not None and not _end_summary(q["text"]):
                break
            parts.append(q["text"])
        return _until_end_summary(parts)
    return _unmarked_summary(paragraphs)


def _until_end_summary(parts: list[str]) -> str | None:
    text = "\n\n".join(part for part in parts if part.strip())
    end = _end_summary(text)
    if end:
        text = text[: end.start()]
    return text.strip() or None


def _unmarked_summary(paragraphs: list[Paragraph]) -> str | None:
    """`1. (C) The August 31 African summit ... End Summary.`: the summary's start is not marked,
    its end is, in one of the first paragraphs: the summary runs from the first numbered
    paragraph (or the first paragraph) to it."""
    texts = [p for p in paragraphs if p["text"].strip()][:_UNMARKED_SUMMARY_MAX]
    for k, p in enumerate(texts):
        if not _end_summary(p["text"]):
            continue
        numbered = [j for j in range(k + 1) if texts[j]["number"] is not None]
        # with none numbered (a copy run together), not an address line above it: the
        # paragraph its SUMMARY heading is run into, else the first
        headed = [j for j in range(k + 1) if "SUMMARY" in texts[j]["text"][:200].upper()]
        start = numbered[0] if numbered else headed[0] if headed else 0
        return _until_end_summary([q["text"] for q in texts[start : k + 1]])
    return None


def _comment(paragraphs: list[Paragraph]) -> str | None:
    """The comment: paragraphs led by "Comment:" (up to END COMMENT), or the paragraph under a
    Comment heading (and those after it, when an END COMMENT closes them)."""
    found: list[str] = []
    for i, p in enumerate(paragraphs):
        lead = _COMMENT.match(p["text"])
        if p["heading"] is not None and _COMMENT.match(p["heading"]):
            run = [p] + _until_end_comment(paragraphs[i + 1 :])
        elif lead and not _SUMMARY.match(p["text"]):
            run = [p] + ([] if _end_comment(p["text"])
                         else _until_end_comment(paragraphs[i + 1 :]))
        else:
            continue
        for q in run:
            text = q["text"]
            m = _COMMENT.match(text)
            if m:
                text = text[m.end():]
            end = _end_comment(text)
            if end:
                text = text[: end.start()]
            if text.strip() and text.strip() not in found:
                found.append(text.strip())
    return "\n\n".join(found) or None


def _until_end_comment(rest: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs up to and including the one with END COMMENT, if one comes within five
    paragraphs and before the next heading; else none."""
    for k, q in enumerate(rest[:5]):
        if q["heading"] is not None:
            return []
        if _end_comment(q["text"]):
            return rest[: k + 1]
    return []
