"""The SUBJECT line: where it ends, and the subject without what is not part of it.

    SUBJECT: (C) CHINESE POSITION ON THE CONFLICT    -> CHINESE POSITION ON THE CONFLICT
    SUBJECT: SWEDISH DEPUTY PM URGES ... DURING      (wrapped over lines: read as one)
    EU PRESIDENCY
    SUBJECT: ZIM NOTES 11-09-2009                    -> ZIM NOTES 11-09-2009
    -----------                                         (a rule ends it)

The classification marking of the subject line (`(C)`, `(S/NF)`, `(SBU)`) is the marking of that
line, as a paragraph's is of the paragraph: the subject is given without it (the header block
keeps the line as written). A subject line ends at the next label (REF, Classified By...), a
blank line, the first paragraph, a rule, or the page header of an older telegram (a line with
the classification alone, `PAGE 02 HARARE ...`).

Copies forwarded by e-mail carry the subject in the mail's own header, after the telegram's
station, serial, precedence, classification and date, and before the message number:
`Subject: TRIPOLI 00000063 P CO 28-JAN-09 RISKY BUSINESS? ... [8466936]`; the subject is the words
between.
"""

from __future__ import annotations

import re

_MARKING = re.compile(
    r"^\(\s*(?:U|C|S|TS|SBU|LOU|FOUO|C/NF|S/NF|S//NF|C//NF|U//FOUO|SBU/NF|S/REL[^)]{0,30}"
    r"|CONFIDENTIAL|SECRET|UNCLASSIFIED)\s*\)[^\S\n]*"
)
_ENDS_SUBJECT = re.compile(
    r"^[^\S\n]*(?:[-=_*]{3,}[-=_*\s]*"
    r"|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|UNCLAS)[^\S\n]*"
    r"|PAGE[^\S\n]+\d{2,3}\b.*)$"
)
_RULE = re.compile(r"^[^\S\n]*[-=_*]{3,}[-=_*\s]*$")
_FORWARDED = re.compile(
    r"^(?:[A-Z][A-Z.'-]*[^\S\n]+)+\d{8}[^\S\n]+[ZOPR][^\S\n]+[A-Z]{2}[^\S\n]+"
    r"\d{2}-[A-Z]{3}-\d{2}[^\S\n]+"
)
_MESSAGE_NUMBER = re.compile(r"[^\S\n]*\[\d{5,}\][^\S\n]*$")


def subject_extent(value: str) -> int:
    """Where the SUBJECT field ends in `value`, its text after the label up to the next label:
    before the first line under it that is a rule, a heading over a rule, or an older
    telegram's page header."""
    lines = value.split("\n")
    end = len(lines[0])
    for i, line in enumerate(lines[1:], start=1):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and (_ENDS_SUBJECT.match(line) or _RULE.match(following)):
            return end  # (a line over a rule is a heading)
        end += 1 + len(line)
    return len(value)


def clean_subject(subject: str) -> str:
    """The subject of a SUBJECT line (its words joined on one line) without its marking and,
    in a copy forwarded by e-mail, without the telegram's particulars around it."""
    subject = _MARKING.sub("", subject.strip(), count=1)
    forwarded = _FORWARDED.match(subject)
    if forwarded:
        subject = _MESSAGE_NUMBER.sub("", subject[forwarded.end() :])
    return subject.strip()
