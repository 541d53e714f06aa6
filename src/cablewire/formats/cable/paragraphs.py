"""The body of a cable as paragraphs: numbers, classification markings, section headings,
the summary, the comment, the signers, and the clean body text.

    1.(C) Summary: Ambassador Milovanovic met ...          number 1, marking C
    --------------
    AQIM Destroying Mali's Model Image                     heading of the next paragraph
    --------------
    2.(C) The Ambassador gave ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.formats.cable.telegram import BANNER
from cablewire.model.document import Paragraph
from cablewire.text.linebreaks import join_lines, word_frequency

_NUMBERED = re.compile(
    r"^\s*(?:¶\s*)?(?P<num>\d{1,3})\s*[.)]\s*"
    r"(?:\(\s*(?P<mark>(?:U|C|S|TS|SBU|LOU|FOUO|NF|S/NF|C/NF|CONFIDENTIAL|SECRET|UNCLASSIFIED"
    r"|UNCLAS|NOFORN)(?:\b[^)\n]{0,40})?)\s*\)\s*)?"
)
# Rules are drawn with -, =, _ or *, or with the typographic dashes of some copies (U+2010-2015).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015"
_RULE_CHARS = frozenset("-=_*" + _DASHES)
_RULE = re.compile(rf"^\s*[-=_*{_DASHES}]{{3,}}[-=_*{_DASHES}\s]*$")
# What may follow SUMMARY in a lead, a heading or its end: "Summary and Comment", "Summary and
# Action Request", "Summary/Comment", "Summary and Introduction", "Summary and Table of Contents"
# (and a lead may be "Introduction and Summary:").
_SUMMARY_TAIL = (
    r"(?:\s*(?:AND|/|&)\s*(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|TABLE\s+OF\s+CONTENTS"
    r"|BACKGROUND|RECOMMENDATIONS?|CONCLUSIONS?|KEY\s+POINTS))?"
)
_SUMMARY = re.compile(
    r"^(?:BEGIN\s+SUMMARY\b\s*[:.\-]*\s*"
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
_COMMENT = re.compile(r"^(?:BEGIN\s+)?COMMENTS?\s*(?:[:.\-]+|$)\s*", re.IGNORECASE)
_END_COMMENT = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?COMMENTS?\s*[.:]*\s*\)?\.?", re.IGNORECASE)
_SIGNER = re.compile(r"^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}$")
_MIXED_SIGNER = re.compile(r"^(?:(?:van|de|du|la|le|von|der|da|dos|del)\s)?[A-Z][a-zA-Z'\-]+"
                           r"(?:\s(?:van|de|du|la|le|von|der|da|del|[A-Z][a-zA-Z.'\-]*)){0,3}$")
_TRAILING_SIGNER = re.compile(r"[.!?\"”)]\s+([A-Z][A-Z'\-]{1,}(?: [A-Z][A-Z'\-]+){0,2})\s*$")
_WEBSITE_TRAILER = re.compile(r"^\s*Visit [A-Z][\w’'. -]{1,40} Classified Website\b")
_WEBSITE_SIGNER = re.compile(r"\bcfm\s+([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?)\s*$")
_TRAILING_NAME = re.compile(r"[.!?\"”)]\s+([A-Z][a-z]+(?:[A-Z][a-z]+)?)\s*$")
_NOT_SIGNERS = {
    "END", "BT", "NNNN", "SIPDIS", "NOFORN", "SUMMARY", "COMMENT", "UNQUOTE", "QUOTE", "TEXT",
    "AMEMBASSY", "AMCONSUL", "IMMEDIATE", "PRIORITY", "ROUTINE", "ACTION", "REQUEST", "AND", "THE",
    "OF", "FOR", "TO", "IN", "ON", "GUIDANCE", "CLASSIFIED", "UNCLASSIFIED", "CONFIDENTIAL",
    "SECRET", "MINIMIZE", "CONSIDERED",
}  # fmt: skip
_CAVEATS = {"NOFORN", "SENSITIVE", "EFTO", "E F T O", "LIMDIS", "EXDIS", "NODIS", "STADIS",
            "SENSITIVE BUT UNCLASSIFIED", "FOR OFFICIAL USE ONLY", "CORRECTED COPY"}
# The declassification group of older cables, at their end ("GP-3"): a marking, not text.
_GROUP_CODE = re.compile(r"^\s*(?:GP-\d|X?GDS(?:-\d)?)\s*$")
_ENTIRE_TEXT = re.compile(r"ENTIRE\s+TEXT", re.IGNORECASE)
_CLASSIFICATION_LINE = re.compile(
    r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|UNCLAS)\s*$"
)
_TERMINAL = tuple('.!?:;")\'”’')


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


def _split_numbered(block: list[str], last: int | None) -> list[tuple[int | None, list[str]]]:
    """Split a block where a line starts the next numbered paragraph without a blank line."""
    parts: list[tuple[int | None, list[str]]] = []
    cur: list[str] = []
    cur_num: int | None = None
    for line in block:
        m = _NUMBERED.match(line)
        if m and _next_number(int(m.group("num")), last, bool(m.group("mark"))):
            if cur:
                parts.append((cur_num, cur))
            cur, cur_num, last = [line], int(m.group("num")), int(m.group("num"))
        else:
            cur.append(line)
    if cur:
        parts.append((cur_num, cur))
    return parts


def _next_number(num: int, last: int | None, marked: bool) -> bool:
    if last is None:
        return num <= 3 or marked
    return last <= num <= last + 5 or (marked and num > last)


def read_body(lines: list[str], header_block: list[str]) -> Body:
    """Paragraphs and the clean body from the body lines (header block included once), with
    the lines that stand before the first paragraph and after the last one."""
    body = Body()
    lines, body.signers, closing = take_signer(lines)
    header_set = {" ".join(h.split()) for h in header_block}
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    last: int | None = None
    out_blocks: list[str] = []
    # What each block of `out_blocks` is: header lines, a heading waiting for its paragraph,
    # or paragraph text (a heading's block turns TEXT once a paragraph takes the heading).
    kinds: list[str] = []
    blocks = _blocks(mark_headings(lines))
    for b_index, block in enumerate(blocks):
        content = block

        def is_header(line: str) -> bool:
            return (" ".join(line.split()) in header_set or bool(BANNER.match(line))
                    or line.strip() in _CAVEATS or bool(_GROUP_CODE.match(line)))

        if all(is_header(ln) for ln in content):
            out_blocks.append(_header_text(content))
            kinds.append(_HEADER)
            continue
        if len(content) > 1 and BANNER.match(content[0]):
            out_blocks.append(" ".join(content[0].split()))  # the banner stands alone
            kinds.append(_HEADER)
            content = content[1:]
        if content[0].startswith(HEADING) or _standalone_heading(content, blocks, b_index):
            if heading is not None:  # a heading with no paragraph of its own under it
                paragraphs.append({"number": None, "marking": None, "heading": heading,
                                   "text": ""})
                _take_heading(kinds)
            raw = join_lines([ln.removeprefix(HEADING) for ln in content])
            heading, _, written = raw.partition(_AS_WRITTEN)
            heading = _RULE_ENDS.sub("", heading) or heading
            out_blocks.append(written or heading)
            kinds.append(_WAITING)
            continue
        for num, part in _split_numbered(content, last):
            if num is not None:
                paragraph, joined = _numbered_paragraph(part, num, heading)
                paragraphs.append(paragraph)
                last = num
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
                    paragraphs.append({"number": None, "marking": None, "heading": heading,
                                       "text": joined})
                    heading = None
            _take_heading(kinds)
            out_blocks.append(joined)
            kinds.append(_NUMBERED_TEXT if num is not None else _TEXT)
    body.paragraphs = [p for p in paragraphs if p["text"] or p["heading"]]
    body.summary = _summary(body.paragraphs)
    body.comment = _comment(body.paragraphs)
    body.text = "\n\n".join([b for b in out_blocks if b] + closing)
    body.header_block, body.trailer = _frame(out_blocks, kinds, closing)
    return body


_HEADER, _WAITING, _TEXT, _NUMBERED_TEXT = "header", "waiting heading", "text", "numbered"


def _take_heading(kinds: list[str]) -> None:
    """The heading waiting for a paragraph has one now: it belongs to the text."""
    if kinds and kinds[-1] == _WAITING:
        kinds[-1] = _TEXT


def _frame(out_blocks: list[str], kinds: list[str],
           closing: list[str]) -> tuple[list[str], list[str]]:
    """The header lines (banner, captions, E.O., TAGS, SUBJECT, REF, Classified By) and the
    lines after the last paragraph (a closing caveat line, a heading left without a paragraph,
    the signature and what follows it).

    The header runs to the first numbered paragraph: an address line standing above the
    E.O. line (`DEPARTMENT FOR NEA/ELA`) is read as a paragraph of its own, and the fields
    below it are still the header. Without numbered paragraphs it runs to the last paragraph.
    """
    text_at = [i for i, kind in enumerate(kinds) if kind in (_TEXT, _NUMBERED_TEXT)]
    after = text_at[-1] + 1 if text_at else len(out_blocks)
    first = next((i for i, kind in enumerate(kinds) if kind == _NUMBERED_TEXT), after)

    def lines(blocks: list[str]) -> list[str]:
        return [ln.strip() for b in blocks for ln in b.split("\n") if ln.strip()]

    header = [b for b, kind in zip(out_blocks[:first], kinds[:first], strict=True)
              if kind == _HEADER]
    return lines(header), lines(out_blocks[after:] + closing)


HEADING = "\x00heading "
_AS_WRITTEN = "\x00as-written "
_INLINE_HEADING = re.compile(
    r"^(?P<before>.*?)\s*-{3,}\s*(?P<heading>[^-\s][^\n]{0,100}?)\s*-{3,}\s*$"
)
_SLASH_HEADING = re.compile(r"^\s*//\s*(?P<heading>[^/]{2,80}?)\s*//\s*$")
_MAX_HEADING = 100
_RULE_ENDS = re.compile(  # "Heading -------"
    rf"^[-=_*{_DASHES}\s]{{3,}}|\s*[-=_*{_DASHES}]{{3,}}[-=_*{_DASHES}\s]*$"
)


def mark_headings(lines: list[str]) -> list[str]:
    """Find section headings and put each on a line of its own, marked with `HEADING`,
    between blank lines. Headings come dash-boxed, underlined, inline between rulers
    (`End summary. --- THE RELEASE ---`), between slashes (`//COMMENT//`) or as a title-case
    line before a numbered paragraph. The rules around a heading go; other rules (a box around
    an archive note) stay as written.
    """
    n = len(lines)
    rules = [line.lstrip()[:1] in _RULE_CHARS and bool(_RULE.match(line)) for line in lines]

    def is_rule(i: int) -> bool:
        return 0 <= i < n and rules[i]

    marked: dict[int, list[str]] = {}
    for i, line in enumerate(lines):
        if rules[i]:
            continue
        near_rule = is_rule(i - 1) or is_rule(i + 1)
        if not (near_rule or "---" in line or "//" in line or _before_numbered(lines, i)):
            continue  # the common case: a line of text in the middle of a paragraph
        text = line.strip()
        if not text:
            continue
        inline = _INLINE_HEADING.match(line) if "---" in line else None
        if inline and not _NUMBERED.match(inline.group("heading")):
            before = [inline.group("before")] if inline.group("before").strip() else []
            marked[i] = [*before, "", HEADING + inline.group("heading").strip(" -"), ""]
            continue
        if _undashed_heading(lines, i):
            marked[i] = ["", HEADING + _RULE_ENDS.sub("", text), ""]
            continue
        slashes = _SLASH_HEADING.match(line) if "//" in line else None
        if slashes:
            marked[i] = ["", HEADING + slashes.group("heading") + _AS_WRITTEN + text, ""]
            continue
        if not near_rule:
            continue
        boxed = is_rule(i - 1) and is_rule(i + 1)
        # An underlined heading stands on its own: not the last line of a boxed note, not the
        # line above a boxed heading's upper rule.
        previous = lines[i - 1].rstrip() if i else ""
        alone = (not previous.strip() or is_rule(i - 1) or previous.endswith(_TERMINAL)
                 or bool(_END_MARKER.search(previous)))
        underlined = (is_rule(i + 1) and alone
                      and not (i + 3 < n and lines[i + 2].strip() and is_rule(i + 3)))
        if ((boxed or underlined) and len(text) <= _MAX_HEADING and not _NUMBERED.match(text)
                and not text.endswith((".", ",", ";"))):
            marked[i] = ["", HEADING + _RULE_ENDS.sub("", text), ""]
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in marked:
            out.extend(marked[i])
        elif rules[i] and (i - 1 in marked or i + 1 in marked):
            out.append("")  # the rule belongs to a heading
        else:
            out.append(line)
    return out


def _before_numbered(lines: list[str], i: int) -> bool:
    """Whether the next line with text (within two lines) starts like a numbered paragraph."""
    for nxt in lines[i + 1 : i + 3]:
        head = nxt.lstrip()[:1]
        if head:
            return head.isdigit() or head == "¶"
    return False


_END_MARKER = re.compile(r"\bEND\s+(?:OF\s+)?(?:SUMMARY|COMMENT|NOTE)\.?\s*$", re.IGNORECASE)
_NOT_HEADING_ENDS = frozenset('.,;:"”')
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())


def _undashed_heading(lines: list[str], i: int) -> bool:
    """A title-case line of its own between the end of a sentence and a numbered paragraph:
    "... End summary." / "2009: The Year the Bubble Burst" / "2. (C) Venezuela's ..."."""
    text = lines[i].strip()
    if not text or len(text) > _MAX_HEADING or text[-1] in _NOT_HEADING_ENDS or "//" in text:
        return False  # (slashed headings are read as written, elsewhere)
    # a page break may stand between the heading and its paragraph
    following = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
    if not following and i + 2 < len(lines):
        following = lines[i + 2].lstrip()
    if not following[:1].isdigit() and not following.startswith("¶"):
        return False
    if not _NUMBERED.match(following) or _NUMBERED.match(text):
        return False
    previous = lines[i - 1].rstrip() if i else ""
    if previous and not previous.endswith(_TERMINAL):
        return False
    words = [w for w in re.findall(r"\w[\w’'-]*", text) if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) >= 2 and capitalised >= 0.7 * len(words)


def _numbered_paragraph(part: list[str], num: int,
                        heading: str | None) -> tuple[Paragraph, str]:
    """A numbered paragraph from its lines, and its block as written (number and marking
    included) for the body."""
    m = _NUMBERED.match(part[0])
    assert m is not None
    marking = " ".join(m.group("mark").split()) if m.group("mark") else None
    rest = part[0][m.end():]
    if marking and _ENTIRE_TEXT.search(marking):
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


def _header_text(content: list[str]) -> str:
    return "\n".join(" ".join(ln.split()) for ln in content)


def _standalone_heading(content: list[str], blocks: list[list[str]], index: int) -> bool:
    """A short single line, not a sentence, directly before a numbered paragraph."""
    if len(content) != 1 or index + 1 >= len(blocks):
        return False
    line = content[0].strip()
    if len(line) > 80 or line.endswith((".", ",", ";")) or _NUMBERED.match(line):
        return False
    if len(line.split()) > 10 or not line[:1].isupper():
        return False
    return bool(_NUMBERED.match(blocks[index + 1][0]))


def _continues(previous: str, nxt: str) -> bool:
    """Whether a block carries on the sentence of the previous one (a stray blank line)."""
    return bool(previous) and not previous.rstrip().endswith(_TERMINAL) and nxt[:1].islower()


def _merge_last_block(out_blocks: list[str], joined: str) -> None:
    if out_blocks:
        out_blocks[-1] = join_lines([out_blocks[-1], joined])
    else:
        out_blocks.append(joined)


def _is_rare_word(word: str) -> bool:
    """A capitalised word that is not a common English word (so a surname, not "Thanks")."""
    return word_frequency(word.lower()) < 1e-6


def take_signer(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split off the signature: the cable's last line when it is a name on a line of its own
    (`MILOVANOVIC`, `SCHREIBER HUGHES`, `van Voorst`) or run on after the last sentence
    (`... (reftel). SCOBEY`). Returns the lines before it, the signers, and the blocks that
    close the body: the signature, then what followed it (a closing classification line), or
    a post's "Visit ... Classified Website" trailer with the signer inside it, kept as written.
    """
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    website = end
    while website and _WEBSITE_TRAILER.match(lines[website - 1]):
        website -= 1
    if website < end:
        trailer = " ".join(" ".join(ln.split()) for ln in lines[website:end])
        signer = _WEBSITE_SIGNER.search(lines[end - 1])
        return lines[:website], [signer.group(1)] if signer else [], [trailer]
    while end and (not lines[end - 1].strip() or _CLASSIFICATION_LINE.match(lines[end - 1])):
        end -= 1
    closing = [ln.strip() for ln in lines[end:] if ln.strip()]
    head, signers = _signature(lines, end)
    if not signers:
        return lines, [], []
    return head, signers, signers + closing


def _signature(lines: list[str], end: int) -> tuple[list[str], list[str]]:
    if end < 2:
        return lines, []
    last = " ".join(lines[end - 1].split())
    if last.endswith(".") and not last.endswith(("JR.", "SR.", "Jr.")):
        return lines, []
    if _SIGNER.match(last) and not set(last.split()) & _NOT_SIGNERS and len(last) <= 40:
        return lines[: end - 1], [last]
    previous = lines[end - 2].rstrip()
    if (not previous or previous.endswith(_TERMINAL)) and _MIXED_SIGNER.match(last):
        return lines[: end - 1], [last]
    m = _TRAILING_SIGNER.search(lines[end - 1]) or _TRAILING_NAME.search(lines[end - 1])
    if m and m.re is _TRAILING_NAME and not _is_rare_word(m.group(1)):
        m = None
    if (m and sum(c.islower() for c in lines[end - 1][: m.start()]) > 10
            and not set(m.group(1).split()) & _NOT_SIGNERS):
        return lines[: end - 1] + [lines[end - 1][: m.start() + 1]], [m.group(1)]
    return lines, []


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
            if _END_SUMMARY.search(parts[-1]) or q["heading"] is not None:
                break
            if not under and q["number"] is not None and not _END_SUMMARY.search(q["text"]):
                break
            parts.append(q["text"])
        return _until_end_summary(parts)
    return _unmarked_summary(paragraphs)


def _until_end_summary(parts: list[str]) -> str | None:
    text = "\n\n".join(part for part in parts if part.strip())
    end = _END_SUMMARY.search(text)
    if end:
        text = text[: end.start()]
    return text.strip() or None


def _unmarked_summary(paragraphs: list[Paragraph]) -> str | None:
    """`1. (C) The August 31 African summit ... End Summary.`: the summary's start is not marked,
    its end is, in one of the first paragraphs: the summary runs from the first numbered
    paragraph (or the first paragraph) to it."""
    texts = [p for p in paragraphs if p["text"].strip()][:_UNMARKED_SUMMARY_MAX]
    for k, p in enumerate(texts):
        if not _END_SUMMARY.search(p["text"]):
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
            run = [p] + ([] if _END_COMMENT.search(p["text"])
                         else _until_end_comment(paragraphs[i + 1 :]))
        else:
            continue
        for q in run:
            text = q["text"]
            m = _COMMENT.match(text)
            if m:
                text = text[m.end():]
            end = _END_COMMENT.search(text)
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
        if _END_COMMENT.search(q["text"]):
            return rest[: k + 1]
    return []
