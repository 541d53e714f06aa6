"""The SUBJECT line: where it ends, and the subject without what is not part of it.

    SUBJECT: (C) CHINESE POSITION ON THE CONFLICT    -> CHINESE POSITION ON THE CONFLICT
    SUBJECT: SWEDISH DEPUTY PM URGES ... DURING      (wrapped over lines: read as one)
    EU PRESIDENCY
    SUBJECT: ZIM NOTES 11-09-2009                    -> ZIM NOTES 11-09-2009
    -----------                                         (a rule ends it)

The classification marking of the subject line (`(C)`, `(S/NF)`, `(SBU)`) is the marking of that
line, as a paragraph's is of the paragraph: the subject is given without it (the header block
keeps the line as written). A subject line ends at the next label (REF, Classified By...), a
blank line, the first paragraph, a rule, the page header of an older telegram (a line with
the classification alone, `PAGE 02 HARARE ...`), the banner of a copy that repeats the
telegram's head (`C O N F I D E N T I A L SECTION 01 OF 02 ...`), a handling notice on a line of
its own (`SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY`), or a line of slashes.
A handling notice after the subject's words on its line goes too, and from a run of slashes on
(`... SOMALIA ///////// ZFR ... CABLE CANCELED`).

Copies forwarded by e-mail carry the subject in the mail's own header, after the telegram's
station, serial, precedence, classification and date, and before the message number:
`Subject: TRIPOLI 00000063 P CO 28-JAN-09 RISKY BUSINESS? ... [8466936]`; the subject is the words
between, unless the telegram's own SUBJECT line follows: that one is the cable's.
"""

from __future__ import annotations

import re

# The line's marking: a classification (`C`, `SBU`, `CONFIDENTIAL`) and its caveats after `/`,
# `//` or `-` (`S/NF`, `SBU//NF`, `C/REL USA, GBR`, `TS/SCI`), in any case (a copy in lower case
# has `(s)`), and a dash or colon after it (`(C) - ...`).
_MARKING = re.compile(
    r"^\(\s*(?:U|C|S|TS|SBU|LOU|FOUO|CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)"
    r"(?:[^\S\n]*(?:/{1,2}|-)[^\S\n]*(?:REL\b[^()\n]{0,30}|NF|NOFORN|FOUO|SCI|SI|ORCON|[A-Z]{2,6}))*"
    r"[^\S\n]*\)[^\S\n]*(?:[-:\u2013]+[^\S\n]+)?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[^\S\n]{2,}")
# The handling notice of an unclassified cable, on a line of its own or after the subject's
# words: "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.", "Sensitive but unclassified.
# Please handle accordingly." It is a marking of the cable, not words of its subject.
_SBU = (r"(?:(?:ENTIRE[^\S\n]+TEXT|THIS[^\S\n]+(?:CABLE|MESSAGE|TELEGRAM)[^\S\n]+IS)[^\S\n]+)?"
        r"SENSITIVE[^\S\n]+BUT[^\S\n]+UNCLASSIFIED"
        r"(?:/{1,2}NOFORN)?\b")
_PROTECT = (r"[^\S\n]*(?:[-.,;:\u2013]+[^\S\n]*)?(?:PLEASE[^\S\n]+)?(?:PROTECT|HANDLE|TREAT)"
            r"[^\S\n]+ACCORDING\w*[^\S\n]*\.?")
_HANDLING = _SBU + "(?:" + _PROTECT + ")?"
_ENDS_SUBJECT = re.compile(
    r"^[^\S\n]*(?:[-=_*]{3,}[-=_*\s]*"
    # a classification alone, or a section's banner: "CONFIDENTIAL SECTION 02 OF 03 LIMA 000123"
    r"|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|UNCLAS)"
    r"(?:[^\S\n]+SECTION[^\S\n]+\d{1,2}[^\S\n]+OF[^\S\n]+\d{1,2})?"
    r"(?:[^\S\n]+[A-Z][A-Z.'-]*(?:[^\S\n][A-Z][A-Z.'-]*){0,3}[^\S\n]+(?:0\d{2,7}|\d{5,8}))?"
    r"[^\S\n]*"
    r"|PAGE[^\S\n]+\d{2,3}\b.*"
    # the banner of a copy that repeats the telegram's head under it, with whatever follows
    r"|(?:C O N F I D E N T I A L|S E C R E T|U N C L A S(?: S I F I E D)?)\b.*"
    # a line of slashes, as a cancelled message's notice opens ("/////ZFR CANCEL ...")
    r"|/{3,}.*"
    # the summary's opening: "SUMMARY: ...", "BEGIN SUMMARY", "(C) SUMMARY." (not a subject
    # broken before "SUMMARY OF ...")
    r"|(?i:(?:\([A-Z]{1,4}(?:/{1,2}[A-Z]{2,5})?\)[^\S\n]*)?(?:BEGIN[^\S\n]+)?SUMMARY"
    r"[^\S\n]*(?:[:.-].*)?"
    r"|\([A-Z]{1,4}(?:/{1,2}[A-Z]{2,5})?\)[^\S\n]*SUMMARY\b.*"
    r"|BEGIN[^\S\n]+SUMMARY\b.*)"
    r"|(?i:" + _HANDLING + r")[^\S\n]*)$"
)
_SIPDIS_AFTER = re.compile(r"(?:[^\S\n]+SIPDIS\b)+[^\S\n]*$", re.IGNORECASE)
# A run of slashes opens a notice, never words of a subject: "... SUDAN AND SOMALIA ///////// ZFR
# ///// CABLE CANCELED -WILL BE RESENT ..." (a cancelled message, its page marker gone between).
_SLASHES = re.compile(r"[^\S\n]*/{3,}.*$")
_HANDLING_AFTER = re.compile(r"[^\S\n]+(?i:" + _SBU + _PROTECT + r")[^\S\n]*$")
_RULE = re.compile(r"^[^\S\n]*[-=_*]{3,}[-=_*\s]*$")
_FORWARDED = re.compile(
    r"^(?:[A-Z][A-Z.'-]*[^\S\n]+)+\d{8}[^\S\n]+[ZOPR][^\S\n]+[A-Z]{2}[^\S\n]+"
    r"\d{2}-[A-Z]{3}-\d{2}[^\S\n]+"
)
_MESSAGE_NUMBER = re.compile(r"[^\S\n]*\[\d{5,}\][^\S\n]*$")


def _markers_alone(line: str) -> bool:
    """A line of distribution markers alone (`NOFORN`, `SIPDIS`, `NODIS, SIPDIS`)."""
    # (imported here: the markers module reads the header block, which reads this one)
    from cablewire.formats.cable.markers import MARKERS

    words = line.replace(",", " ").replace(";", " ").split()
    return bool(words) and len(words) <= 4 and all(w.upper() in MARKERS for w in words)


def subject_extent(value: str) -> int:
    """Where the SUBJECT field ends in `value`, its text after the label up to the next label:
    before the first line under it that is a rule, a heading over a rule, an older telegram's
    page header, a section's banner, a handling notice, a line of markers alone, or the
    summary's opening."""
    lines = value.split("\n")
    end = len(lines[0])
    for i, line in enumerate(lines[1:], start=1):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and (_ENDS_SUBJECT.match(line) or _RULE.match(following)
                             or _markers_alone(line)):
            return end  # (a line over a rule is a heading)
        end += 1 + len(line)
    return len(value)


def forwarded(subject: str) -> bool:
    """Whether a SUBJECT field is the header of a mail forwarding the telegram (`TRIPOLI
    00000063 P CO 28-JAN-09 ...`)."""
    return _FORWARDED.match(_MARKING.sub("", subject.strip(), count=1)) is not None


def clean_subject(subject: str) -> str:
    """The subject of a SUBJECT line (its words joined on one line, runs of spaces made one)
    without its marking, a handling notice, a notice opened by slashes or a SIPDIS after it,
    and, in a copy forwarded by e-mail, the telegram's particulars around it."""
    subject = _MARKING.sub("", subject.strip(), count=1)
    forwarded = _FORWARDED.match(subject)
    if forwarded:
        subject = _MESSAGE_NUMBER.sub("", subject[forwarded.end() :])
    subject = _HANDLING_AFTER.sub("", _SLASHES.sub("", subject, count=1))
    subject = _SIPDIS_AFTER.sub("", subject)
    return _SPACES.sub(" ", subject.strip())
