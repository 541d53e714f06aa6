"""The signature at the end of a cable body, and what closes the body after it."""

from __future__ import annotations

import re

from cablewire.formats.cable.numbering import TERMINAL
from cablewire.text.linebreaks import word_frequency

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
_CLASSIFICATION_LINE = re.compile(
    r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|UNCLAS)\s*$"
)


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
    if (not previous or previous.endswith(TERMINAL)) and _MIXED_SIGNER.match(last):
        return lines[: end - 1], [last]
    m = _TRAILING_SIGNER.search(lines[end - 1]) or _TRAILING_NAME.search(lines[end - 1])
    if m and m.re is _TRAILING_NAME and not _is_rare_word(m.group(1)):
        m = None
    if (m and sum(c.islower() for c in lines[end - 1][: m.start()]) > 10
            and not set(m.group(1).split()) & _NOT_SIGNERS):
        return lines[: end - 1] + [lines[end - 1][: m.start() + 1]], [m.group(1)]
    return lines, []
