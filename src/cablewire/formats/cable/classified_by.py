"""The "Classified By" line: who classified the cable, in what role, and for which reasons.

    Classified By: Ambassador Gillian Milovanovic, Embassy Bamako, for reasons 1.4 (b) and (d).
    -> name "Gillian Milovanovic", title "Ambassador", reasons ["1.4(b)", "1.4(d)"]
    CLASSIFIED BY: POLOFF JOHN A. SMITH, REASONS 1.4 (B/D)
    -> name "JOHN A. SMITH", title "POLOFF", reasons ["1.4(b)", "1.4(d)"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.text.titles import OFFICIAL_TITLE_WORDS

# Words of an official's title in a "Classified By" line beside the titles of
# `cablewire.text.titles`: words that are titles only in such a line ("Acting", "Special",
# "Consul", "Officer": elsewhere they begin the names of bodies, "Special Forces"), and offices,
# sections, bureaus and the words that join them ("Deputy Chief of Mission", "POL/ECON Chief").
# Compared lower-case, without dots, like the titles.
_OFFICE_WORDS = {
    "acting", "interim", "permanent", "principal", "special", "executive", "under", "assistant",
    "head", "agent", "officer", "consul", "cg", "po", "dep", "advisor", "adviser", "coordinator",
    "coord", "attache", "attaché", "envoy", "designate", "counselor", "counsellor",
    "ai", "a.i", "of", "mission", "political", "economic", "econ", "pol/econ", "polecon", "p/e",
    "e/p", "pol-econ", "section", "pol/mil", "polmil", "pol-mil", "mil", "military", "public",
    "affairs", "regional", "security", "management", "for", "the", "labor", "and", "commercial",
    "consular", "consulate", "embassy", "usun", "us", "u.s.", "office", "branch", "unit", "team",
    "staff", "chief,", "ds", "cons", "ad", "interim,", "political/economic", "economic/political",
    "pol/econ/pa", "pol/ec", "ecpo", "ec", "pm", "environment", "science", "technology", "esth",
    "refugee", "legal", "narcotics", "affairs,", "ops", "operations", "intelligence", "liaison",
    "service", "nato", "eur", "nea", "wha", "af", "eap", "sca", "isn", "drl", "io", "inr", "ct",
    "eeb", "poli",
}  # fmt: skip
_TITLE_WORDS = OFFICIAL_TITLE_WORDS | _OFFICE_WORDS
_PARTICLES = {"van", "von", "de", "der", "den", "du", "da", "di", "del", "la", "le", "bin", "al"}
_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z'’\-.]*$")
_REASON_SPLIT = re.compile(
    r"\b(?:for|per|under|by)\s+(?=reas|1\s?\.|E\.?\s?O|sec\.|section\b|$)|\bper\b|\breas\s?ons?\b|\breason\b|\b1\s?\.\s?[456]\b|\bE\.?O\.?\s*\d{5}",
    re.IGNORECASE,
)


_REASONS = re.compile(
    r"\b(1\s?\.\s?[4-6])\s*"
    r"((?:\(?\s*[a-hA-H](?!\s?nd\b)\s*\)?(?![A-Za-z])(?:\s*(?:,|/|a\s?nd|&|or|\+)\s*)*)+)",
    re.IGNORECASE,
)


@dataclass
class Classifier:
    name: str | None = None
    title: str | None = None
    reasons: list[str] = field(default_factory=list)


def parse_classified_by(text: str | None) -> Classifier:
    """Name, title and reasons from a "Classified By" line (joined across lines)."""
    out = Classifier()
    if not text:
        return out
    text = " ".join(text.split())
    text = re.sub(r"^\s*classified\s+by\s*:?\s*", "", text, flags=re.IGNORECASE)
    out.reasons = parse_reasons(text)
    cut = _REASON_SPLIT.search(text)
    who = text[: cut.start()] if cut else text
    truncated = who.rstrip().endswith(("...", "…"))
    if truncated:  # cut off mid-word: drop the incomplete last word
        who = who.rstrip().rstrip(".…").rsplit(None, 1)[0] if " " in who.strip() else ""
    who = re.split(r"\s\(|\s\\|\s-\s|(?<=[a-z]{3})\.\s|\.$", who, maxsplit=1)[0]
    segments = [seg.strip(" .,:;") for seg in who.split(",")]
    titles: list[str] = []
    for index, segment in enumerate(segments):
        name, title = _split_name(segment)
        following = segments[index + 1] if index + 1 < len(segments) else ""
        if (name is None and title and " " not in segment and _is_name_token(segment)
                and following and _is_title(following)):
            name, title = segment, None  # "Stephenson, Ambassador"
        if title:
            titles.append(title)
        if name:
            out.name = name
            if not titles and index + 1 < len(segments):
                after = segments[index + 1]
                if after and all(t.lower().strip(".") in _TITLE_WORDS for t in after.split()):
                    titles.append(after)
            break
    out.title = ", ".join(titles) or None
    return out


def _split_name(segment: str) -> tuple[str | None, str | None]:
    """A segment's trailing run of name-like tokens (the name) and what precedes it (title)."""
    if segment.endswith(("...", "…")):
        return None, None  # cut off: neither name nor title is complete
    tokens = segment.split()
    i = len(tokens)
    while i > 0 and (
        (_is_name_token(tokens[i - 1]) and tokens[i - 1].lower().strip(".") not in _TITLE_WORDS)
        or (tokens[i - 1] in _PARTICLES and i < len(tokens) and i > 1
            and _is_name_token(tokens[i - 2]))
    ):
        i -= 1
    name = " ".join(tokens[i:]) or None
    title = " ".join(tokens[:i]) or None
    if name and len(tokens[i:]) == 1 and title is None and not name.isupper():
        return None, segment or None  # a lone word with no title: a place, not a person
    return name, title


def _is_title(text: str) -> bool:
    return all(t.lower().strip(".") in _TITLE_WORDS for t in text.split())


def _is_name_token(token: str) -> bool:
    return bool(_NAME_TOKEN.match(token))


def parse_reasons(text: str) -> list[str]:
    """`1.4 (b) and (d)`, `1.4(B/D)`, `1.5 (b), (c) and (d)` -> ["1.4(b)", "1.4(d)", ...]."""
    reasons: list[str] = []
    for m in _REASONS.finditer(text):
        section = re.sub(r"\s", "", m.group(1))
        letters = re.sub(r"\ba\s?nd\b", " ", m.group(2), flags=re.IGNORECASE)
        for letter in re.findall(r"(?<![A-Za-z])[a-hA-H](?![A-Za-z])", letters):
            reason = f"{section}({letter.lower()})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons


def reasons_end(text: str) -> int | None:
    """Where the reasons of a "Classified By" value end (after "1.4 (b) and (d)."), if any."""
    matches = list(_REASONS.finditer(text))
    if not matches:
        return None
    end = matches[-1].end()
    tail = re.match(r"\s*[).]*", text[end:])
    return end + (tail.end() if tail else 0)
