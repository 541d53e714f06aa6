"""The header block at the top of a telegram body: E.O., TAGS, SUBJECT, REF and Classified By.

The labels stand on lines of their own in most copies, but many pages run them together on one
line (`... LONDON 000797 NOFORN EO 12958 DECL: 03/17/2018 TAGS ECON, EFIN, UK SUBJECT: ...
Classified By: AMB RTUTTLE, reasons 1.4 (b) and (d) Summary ---`), so fields are found by their
labels wherever they stand, and each runs to the next label, a blank line or the first paragraph.
A copy that repeats the block once per section is read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from cablewire.formats.cable.classified_by import classified_by_in_paragraph, reasons_end
from cablewire.formats.cable.references import next_item_fits
from cablewire.formats.cable.subject import clean_subject, forwarded, subject_extent
from cablewire.formats.cable.tags import join_tag_lines, tags_extent
from cablewire.model.ids import station_of
from cablewire.text.linebreaks import join_lines

# The REF label: "REF:", "Refs:", "Reftel:", "Ref(s):", also run on from the subject line without
# a space ("...AS UK PRIMEREF: A. LONDON 1939"), and at the start of a line without a colon or
# with a dot when a citation follows ("REF A) LONDON 002351 B) STATE 069339", "REF A: VATICAN
# 05286; REF B: ...", "REF. STATE 184178").
_REF_LABEL = (
    r"(?<![A-Za-z])REF(?:S|TELS?|ERENCES?|\(S\))?\s*:"
    r"|(?<=[A-Z’'.])(?-i:REF(?:S|TELS?)?):(?=\s)"
    r"|(?m:^)[^\S\n]*(?-i:REF(?:S|TELS?)?)\.?[^\S\n]+(?=(?:(?:\(?[A-Z][.):]|\[[A-Z]\])[^\S\n]*)?"
    r"(?:'?\d{2,4}[^\S\n]+)?[A-Z][A-Za-z .'-]{1,30}?[^\S\n]\d{1,7}\b)"
)
# The E.O. label names the order the cable is classified under (11652, 12065, 12356, 12958,
# 13292, 13526), or another number with the declassification after it (a typo: "E.O. 12598:
# DECL"). An order cited in the text ("... ENTITIES UNDER E.O. 13382") is no label: it stays in
# the subject it stands in. (The O is written as a zero in some copies: "E.0. 12958".)
_EO_LABEL = (
    r"(?<![A-Za-z])E\.?\s?(?:O\.?|0\.)\s*(?:(?:11652|12065|12356|12958|13292|13526)\b\s*[:.;]?"
    r"|1\d{4}\b[^\S\n]*(?:[:;]|\.?(?=[^\S\n]*(?:DECL|N/A|GDS|XGDS|ADS|OADR)\b)))"
)
_LABEL = re.compile(
    r"(?P<eo>" + _EO_LABEL + r")"
    # TAGS: with a colon (a tag may follow it without a space: "TAGS:PREL"), a dot, or none
    # when tags follow on its line
    r"|(?P<tags>(?<![A-Za-z])TAGS?\b(?:\s*:(?=\s|[A-Za-z(])|\.(?=[^\S\n]+[A-Za-z])"
    r"|(?=[^\S\n]+\S)))"
    r"|(?P<subject>(?<![A-Za-z])SUBJ(?:ECT)?\s*:"
    r"|(?m:^)[^\S\n]*(?-i:SUBJECT(?=[^\S\n]+[A-Z])(?![^\S\n]+TO\b)))"
    r"|(?P<ref>" + _REF_LABEL + r")"
    r"|(?P<classified_by>(?<![A-Za-z])Classified\s+By\b\s*:?)",
    re.IGNORECASE,
)
# What every form of `_LABEL` holds, in any case (the cases `re.IGNORECASE` matches: "s" is
# also "ſ"): an E.O. label with its order's number, or a letter run of the other labels; a
# label starts where its hint does, or at the start of its line with spaces alone before it.
# Text without it holds no label. `_labels` finds labels from their hints, and
# `label_free_lines` passes over a header's lines with one search: `_LABEL`, which has no first
# character to look for, is slow to search with. (Keep it in step with `_LABEL`.)
_LABEL_HINT = re.compile(
    r"(?=[EeTtSsſRrCc])(?i:E\.?\s?(?:O\.?|0\.)\s*1\d{4}|TAG|SUBJ|REF|CLASSIFIED)"
)
# The line that starts the first paragraph: "1. (C) ...", "1. SUMMARY", or any "12. (C)".
# (Its leading space is matched within the line; `_first_paragraph` goes back over the blank
# lines before it, which a `^\s*` would do from every one of them, in quadratic time.)
_PARAGRAPH_LINE = re.compile(
    r"(?m)^[^\S\n]*(?:¶\s*)?1\s*[.)]\s*(?:\(|[A-Z])|^[^\S\n]*(?:¶\s*)?\d{1,2}\s*[.)]\s*\("
)
_SPACE = re.compile(r"\s*")
_BLANK = re.compile(r"\n[ \t]*\n")
_REGION_MAX = 8000
_SUBJECT_WORDS = 3  # words the lines under TAGS hold at least before they are read as a subject
_BANNER_ONLY = (
    r"^(?:(?:C O N F I D E N T I A L|S E C R E T|U N C L A S(?: S I F I E D)?|CONFIDENTIAL|SECRET"
    r"|UNCLASSIFIED|UNCLAS)(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+[A-Z][A-Z .'-]*?\s+\d{2,8}\s*)?"
)
_SIPDIS_WORD = re.compile(r"(?:[ \t]*[,;])?[ \t]*\bSIPDIS\b[ \t]*")  # "SENSITIVE, SIPDIS"
_BANNER_PREFIX = re.compile(_BANNER_ONLY + r"(?:(?:SIPDIS|NOFORN|SENSITIVE)\s+)*")
_BANNER_LINE = re.compile(_BANNER_ONLY)
_MARKING_BEFORE = re.compile(r"(?<=\n)[^\S\n]*\([A-Z]{1,4}(?:/{1,2}[A-Z]{2,5})?\)[^\S\n]*$")


@dataclass
class HeaderFields:
    executive_order: str | None = None
    decl_text: str | None = None
    tags_text: str | None = None
    subject: str | None = None
    subject_forwarded: bool = False  # the subject is the one of a forwarding mail's header
    subject_unlabelled: bool = False  # the subject is the lines under TAGS, with no label
    ref_text: str | None = None
    classified_by_text: str | None = None
    lines: list[str] = field(default_factory=list)


@dataclass
class _Field:
    key: str
    label: str
    value: str
    start: int
    end: int
    left: str = ""  # the text up to `end` the field does not take (lines under TAGS)


# Where a field ends inside the text up to the next label, for the fields that may end sooner.
_EXTENT = {"tags": tags_extent, "subject": subject_extent}
_RULE_LINE = re.compile(r"^[-=_*\s]+$")

# What the text after a blank line starts with when it still belongs to the REF block: another
# item ("B. SAN JOSE 2713", "(B) Sao Paulo 319", "b. 05 berlin 3726"; its letter the next one),
# the rest of an item ("OF 10/6", "DE JANEIRO 1291"), or the serial of a citation broken before
# it ("00723  (C) ...").
_REF_GOES_ON = re.compile(
    r"\s*(?:(?:¶\s*)?(?:\(?[A-Za-z][.)]|\[[A-Z]\])\s|OF\s|AND\s"
    r"|(?:'?\d{2,4}\s+)?[A-Z][A-Z ]{2,30}\s\d{1,7}\b"
    r"|\d{1,7}[^\S\n]+(?:\(?[A-Z][.)]|\[[A-Z]\])\s)"
)
# A citation written in mixed case goes on with the block only when it names a known station
# ("Taipei 03196"; not "On March 5 we relayed ...").
_REF_GOES_ON_MIXED = re.compile(
    r"\s*(?:'?\d{2,4}\s+)?(?P<station>[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,3})\s\d{1,7}\b"
)


def _first_paragraph(text: str) -> int | None:
    """Where the first paragraph starts, with the blank lines before it."""
    m = _PARAGRAPH_LINE.search(text)
    if m is None:
        return None
    before = len(text[: m.start()].rstrip())  # the end of the text before it
    return text.index("\n", before) + 1 if before else 0


def _paragraph_at(text: str, pos: int) -> bool:
    """Whether the first paragraph starts at `pos`, a line start, after blank lines or none."""
    if pos and text[pos - 1] != "\n":
        return False
    first = _SPACE.match(text, pos)
    line = text.rfind("\n", pos, first.end() if first else pos) + 1 or pos
    return _PARAGRAPH_LINE.match(text, line) is not None


def _continue_ref(text: str, begin: int, stop: int, limit: int) -> int:
    """A REF block may go on after a blank line with more lettered items ("B. SAN JOSE 2713")
    or the rest of an item ("OF 10/6 D) STATE 215870"); extend it over those."""
    for _ in range(5):
        nxt = _BLANK.match(text, stop)
        start = nxt.end() if nxt else stop
        if start >= limit:
            return stop
        if not _REF_GOES_ON.match(text, start):
            mixed = _REF_GOES_ON_MIXED.match(text, start)
            if mixed is None or station_of(mixed.group("station")) is None:
                return stop
        if not next_item_fits(text[begin:stop], text[start:limit]):
            return stop
        if _paragraph_at(text, start):
            return stop
        blank = _BLANK.search(text, start, limit)
        stop = blank.start() if blank else limit
    return stop


def _fields(text: str, region_end: int) -> list[_Field]:
    """Labelled fields in text[:region_end], each cut at the next label, a blank line or the
    region end; Classified By also at the end of its reasons."""
    matches = [m for m in _labels(text, 0, region_end) if not _tags_in_prose(m, text)]
    out: list[_Field] = []
    for i, m in enumerate(matches):
        key = m.lastgroup or ""
        stop = matches[i + 1].start() if i + 1 < len(matches) else region_end
        blank = _BLANK.search(text, m.end(), stop)
        if blank and blank.start() > m.end() + 1:
            stop = blank.start()
        if key == "ref" and blank:
            stop = _continue_ref(text, m.end(), stop, matches[i + 1].start()
                                 if i + 1 < len(matches) else region_end)
        value = text[m.end() : stop]
        left = ""
        if key in _EXTENT:
            extent = _EXTENT[key](value)
            value, left = value[:extent], value[extent:]
        next_label = matches[i + 1].start() if i + 1 < len(matches) else None
        if key == "subject" and not left and stop == next_label:
            # the marking of the next field's line is not the subject's: "... ELECTIONS\n(U)
            # Classified by ..." (it stays with that field, as between any two)
            marking = _MARKING_BEFORE.search(value)
            if marking and marking.start() > 0:
                value = value[: marking.start()]
                stop = m.end() + marking.start()
        if key == "classified_by":
            cut = reasons_end(value)
            if cut is not None:
                value = value[:cut]
                stop = m.end() + cut
        if not value.strip() and key != "subject":
            continue
        out.append(_Field(key, " ".join(m.group(0).split()), value, m.start(), stop, left))
    return out


def first_label(line: str) -> int | None:
    """Where the first header label (E.O., TAGS, SUBJECT, REF, Classified By) starts in a line,
    or None when the line has none."""
    for m in _labels(line):
        if not _tags_in_prose(m, line):
            return m.start()
    return None


def _labels(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """`_LABEL.finditer(text, pos, endpos)`: the same matches, each tried only where a hint of
    a label starts (`_LABEL_HINT`) and at the start of its line when only spaces stand before
    the hint there, in order, so the first that matches is the next label."""
    end = len(text) if endpos is None else endpos
    at = pos
    while (hint := _LABEL_HINT.search(text, at, end)) is not None:
        start = hint.start()
        line = text.rfind("\n", 0, start) + 1
        m = None
        if pos <= line < start and not text[line:start].strip():
            m = _LABEL.match(text, line, end)
        if m is None:
            m = _LABEL.match(text, start, end)
        if m is None:
            at = start + 1
            continue
        yield m
        at = pos = m.end()


def label_free_lines(lines: list[str]) -> int:
    """How many of `lines`, from the first, hold no header label (`first_label` is None for
    each of them): the lines before the first that holds `_LABEL_HINT`."""
    text = "\n".join(lines)
    hint = _LABEL_HINT.search(text)
    return text.count("\n", 0, hint.start()) if hint else len(lines)


def _tags_in_prose(m: re.Match[str], text: str) -> bool:
    """"tags" in a sentence, not the label: written in lower case, without a colon, and not
    at the start of a line (where `tAgs PREL` is the label of a copy in odd case)."""
    if m.lastgroup != "tags" or not m.group(0)[:1].islower() or m.group(0).rstrip().endswith(":"):
        return False
    return bool(text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip())


def read_header_block(lines: list[str]) -> tuple[HeaderFields, list[str]]:
    """The header fields, and the body lines with the block written once, one field a line."""
    text = "\n".join(lines)
    fields = HeaderFields()
    first_para = _first_paragraph(text)
    region_end = min(_text_start(text) if first_para is None else first_para, _REGION_MAX)
    found = _fields(text, region_end)
    if first_para is not None and not any(f.key == "classified_by" for f in found):
        # older cables classify in paragraph 1, which stays in the body as written
        fields.classified_by_text = classified_by_in_paragraph(text, first_para)
    if not found:
        return fields, lines
    preamble = _drop_sipdis(text[: found[0].start])
    out = [ln.rstrip() for ln in preamble.split("\n")]
    while out and not out[-1].strip():
        out.pop()
    if out:
        out.append("")
    seen: set[tuple[str, str]] = set()
    for k, f in enumerate(found):
        # text standing between two fields is kept where it stands (`REF. STATE 184178`),
        # and a label left empty before the same label (`CLASSIFIED BY: CLASSIFIED BY ...`)
        # stays on its line
        between, lead = _between(text, found[k - 1].end, f.start) if k else ([], "")
        value = _joined(f)
        if (f.key, value) in seen and all(_BANNER_LINE.fullmatch(ln) for ln in [*between, lead]):
            continue  # a copy of the block, under a copy of the banner
        for line in between:
            out.append(line)
            fields.lines.append(line)
        if (f.key, value) in seen and not lead:
            continue
        seen.add((f.key, value))
        # Classified By is kept as wrapped, for the name broken at a line end
        _store(fields, f.key, f.value.strip() if f.key == "classified_by" else value, f.label)
        line = " ".join(part for part in (lead, f.label, value) if part).strip()
        out.append(line)
        fields.lines.append(line)
        # the lines under TAGS that are not tags stay, where they stood (a rule under the
        # subject goes)
        kept = [ln.strip() for ln in f.left.split("\n")
                if ln.strip() and not _RULE_LINE.match(ln)]
        out.extend(kept)
        fields.lines.extend(kept)
    if fields.subject is None:
        _unlabelled_subject(fields, found)
    rest = text[found[-1].end :]
    out.append("")
    out.extend(_drop_repeats(rest.split("\n"), seen))
    return fields, out


def _unlabelled_subject(fields: HeaderFields, found: list[_Field]) -> None:
    """A subject whose label the copy lost: the lines in capitals right under TAGS, in its
    block, when they are no tags, no label and nothing that ends a subject (`TAGS: PGOV PE` /
    `RUN-OFF,` / `SEEKS EMBASSY'S ASSISTANCE ...`). It is read as the subject, and said so."""
    tags = next((f for f in found if f.key == "tags"), None)
    if tags is None or not tags.left.strip():
        return
    lines = [ln.strip() for ln in tags.left.strip("\n").split("\n")]
    if not all(ln and ln == ln.upper() and any(c.isalpha() for c in ln) for ln in lines):
        return
    value = "\n".join(["", *lines])
    if subject_extent(value) < len(value) or len(value.split()) < _SUBJECT_WORDS:
        return
    fields.subject = clean_subject(join_lines(lines)) or None
    fields.subject_unlabelled = fields.subject is not None


def _drop_sipdis(text: str) -> str:
    """The text without SIPDIS (a field of its own: `markers`), and the comma before it
    (`SENSITIVE, SIPDIS`: `SENSITIVE`); the words on either side stay apart."""
    def gap(m: re.Match[str]) -> str:
        inside = m.start() and text[m.start() - 1] != "\n" and m.end() < len(text) and (
            text[m.end()] != "\n")
        return " " if inside else ""

    return _SIPDIS_WORD.sub(gap, text)


def _text_start(text: str) -> int:
    """Where the text starts in a telegram without a numbered paragraph: the first block
    (between blank lines) after the first label that starts none and reads as prose (a word
    ending a sentence), the header ending there; else the end. A value
    written under its label (`SUBJECT:` / blank / the subject) and what the site put in
    (a teaser cut short, a row of the dump) are no text."""
    seen_label = after_bare_label = False
    start = 0
    for blank in [*_BLANK.finditer(text), None]:
        end = blank.start() if blank else len(text)
        block = text[start:end].strip()
        if block:
            label = next(_labels(block), None)
            if (seen_label and not after_bare_label and (label is None or label.start() > 0)
                    and not _REF_GOES_ON.match(block) and _SITE_GAP.search(block) is None
                    and _PROSE.search(block) and len(block.split()) >= 6):
                return start
            seen_label = seen_label or label is not None
            last = block.rsplit("\n", 1)[-1]
            bare = next(_labels(last), None)
            after_bare_label = bare is not None and not last[bare.end():].strip()
        if blank is None:
            break
        start = blank.end()
    return len(text)


_PROSE = re.compile(r"[A-Za-z]{2}[.!?][\"'”’)]?(?:\s|$)")
# What the site put between the fields of a header, not the cable's words: a teaser copy of
# the header cut short ("Classified ..."), the dump's metadata row, a CSV row's fields, a
# routing line.
_SITE_GAP = re.compile(
    r"\.\.\.|\b\d{4}-\d{2}-\d{2}\b|\d,\d{1,2}/\d{1,2}/\d{4} \d|\bid: \d+|This record is a|VZCZC"
    r"|^\s*[A-Z]{2} RUEH|^\s*\(\w{1,6}\)\s*$"
)


def _between(text: str, start: int, end: int) -> tuple[list[str], str]:
    """The lines of text between two fields (spaces made single), and the text before the
    second field's label on its line."""
    lines = [" ".join(ln.split()) for ln in _SIPDIS_WORD.sub("", text[start:end]).split("\n")]
    lead = lines.pop() if lines else ""
    return [ln for ln in lines if ln], lead


def _drop_repeats(lines: list[str], seen: set[tuple[str, str]]) -> list[str]:
    """Drop later copies of the header block (one per section in some copies)."""
    text = "\n".join(lines)
    stripped = _BANNER_PREFIX.sub("", text.lstrip())
    dropped = False
    while stripped and _LABEL.match(stripped):
        first_para = _first_paragraph(stripped)
        region_end = min(len(stripped), _REGION_MAX) if first_para is None else first_para
        found = _fields(stripped, region_end)
        if not found or found[0].start != 0:
            break
        values = {(f.key, _joined(f)) for f in found}
        if not values <= seen:
            break
        stripped = _BANNER_PREFIX.sub("", stripped[found[-1].end :].lstrip())
        dropped = True
    if dropped:  # the banner and caption words before a copy go with it
        return stripped.split("\n")
    # with no copy after it, a banner-like start still goes (a later section's banner, an old
    # page break's `CONFIDENTIAL` / `PAGE 02`), but a caption stays (`SENSITIVE BUT ...`)
    rest = _BANNER_LINE.sub("", text.lstrip())
    return rest.split("\n") if rest != text.lstrip() else lines


def _joined(f: _Field) -> str:
    """A field's lines joined into one: words broken at a line end rejoined, but never the
    codes of TAGS (`join_tag_lines`)."""
    lines = f.value.split("\n")
    return join_tag_lines(lines) if f.key == "tags" else join_lines(lines)


def _store(fields: HeaderFields, key: str, value: str, label: str) -> None:
    if key == "eo":
        fields.executive_order = fields.executive_order or executive_order_of(label)
        # a later E.O. line wins over one cut off ("E.O. 12958: DE..."), as Classified By does
        if not fields.decl_text or fields.decl_text.rstrip().endswith(("...", "…")):
            fields.decl_text = value or fields.decl_text or None
    elif key == "tags":
        fields.tags_text = fields.tags_text or value or None
    elif key == "subject":
        # the telegram's own SUBJECT line wins over the header of the mail that forwards it
        if fields.subject is None or fields.subject_forwarded and not forwarded(value):
            fields.subject = clean_subject(value) or fields.subject
            fields.subject_forwarded = forwarded(value)
    elif key == "ref":
        fields.ref_text = f"{fields.ref_text} {value}" if fields.ref_text else value
    elif key == "classified_by" and value:
        # a later line wins over one without reasons ("CLASSIFIED BY LINE ADDED") when it has
        # them, or when the first is cut off ("Classified By: POLITICAL M...")
        old = fields.classified_by_text
        if old is None or reasons_end(old) is None and (
            reasons_end(value) is not None or old.rstrip().endswith(("...", "…"))
        ):
            fields.classified_by_text = value


def executive_order_of(label: str) -> str | None:
    m = re.search(r"1\d{4}", label)
    return f"E.O. {m.group(0)}" if m else None
