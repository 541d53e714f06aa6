"""Which revision of a document is current, and why: completeness first, then the release.

A document comes again when a source gives its id with other content: a re-release with fewer
redactions, the same cable copied from another site, or a fragment someone saved (the first
300 bytes of a page). The archive keeps every revision; one of them is *current*: the one the
pages show, the search index holds and the stages read. It is chosen here, from the revisions
alone, so that every store decides alike and the choice can be said in a sentence:

1. Each revision has a completeness (`completeness`): the characters of its body's text (not
   counting spaces or redaction marks), its paragraphs, its redaction marks (`XXXXXXXXXXXX`)
   and its defects, the reading notes that say text is missing (an empty body, a partial
   extract, a truncation, a very short text). Its score is the characters less
   `REDACTION_COST` for each redaction mark.
2. A revision is *much less complete* than another when it has a defect and the other has
   none, or when its score is under `MUCH_LESS` of the other's.
3. The current revision is the newest of the revisions that are not much less complete than
   the most complete one: the latest release date (`released`; a revision without one counts
   as released before any that has one), then the latest ingested.

So a later re-release with fewer redactions wins (it is newer and no less complete), a
fragment of the current text is kept but does not win (it is much less complete), and among
revisions about equally complete the newer wins.

    >>> full = Candidate(1, None, Completeness(11644, 10, 0, ()))
    >>> cut = Candidate(2, None, Completeness(54, 0, 0, ("empty body",)))
    >>> print(choose_current([full, cut]).reason)  # doctest: +NORMALIZE_WHITESPACE
    the most complete: 11,644 characters of text in 10 paragraphs; revision 2 is newer but
    much less complete
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cablewire.results import Completeness as CompletenessInfo
from cablewire.results import CurrentRevision, PassedOver, RevisionRule

REDACTION_COST = 20
"""Characters of text a redaction mark counts as missing: about a name and a title."""

MUCH_LESS = 0.9
"""A revision scoring under this share of another's is much less complete than it."""

_REDACTION = re.compile(r"X{10,}")
# Reading notes (warnings) that say text is missing, and the short name each gives a defect.
_DEFECTS = (
    (re.compile(r"^empty body\b"), "empty body"),
    (re.compile(r"^partial extract\b"), "partial extract"),
    (re.compile(r"truncat", re.I), "truncated"),
    (re.compile(r"^very short\b"), "very short text"),
)


@dataclass(frozen=True)
class Completeness:
    """How complete one revision's text is."""

    characters: int
    paragraphs: int
    redactions: int
    defects: tuple[str, ...]

    @property
    def score(self) -> int:
        """What revisions are compared by: the characters less `REDACTION_COST` per mark."""
        return max(0, self.characters - REDACTION_COST * self.redactions)

    def much_less_than(self, other: Completeness) -> bool:
        """Whether this is much less complete than `other` (rule 2 above)."""
        if self.defects and not other.defects:
            return True
        return self.score < MUCH_LESS * other.score

    def describe(self) -> str:
        """In words: `11,644 characters of text in 10 paragraphs, 3 redactions (empty body)`."""
        paragraphs = {0: "no paragraphs", 1: "1 paragraph"}.get(
            self.paragraphs, f"{self.paragraphs:,} paragraphs")
        text = f"{self.characters:,} characters of text in {paragraphs}"
        if self.redactions:
            text += f", {self.redactions:,} redaction" + ("s" if self.redactions > 1 else "")
        if self.defects:
            text += f" ({', '.join(self.defects)})"
        return text

    def to_dict(self) -> CompletenessInfo:
        return {"characters": self.characters, "paragraphs": self.paragraphs,
                "redactions": self.redactions, "defects": list(self.defects),
                "score": self.score}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Completeness:
        return cls(int(data["characters"]), int(data["paragraphs"]), int(data["redactions"]),
                   tuple(data.get("defects") or ()))


def completeness(doc: dict[str, Any]) -> Completeness:
    """The completeness of a document's JSON form (a cable's or an article's)."""
    body = str(doc.get("body") or "")
    marks = _REDACTION.findall(body) if "XXXXXXXXXX" in body else []
    redactions = len(marks)
    characters = sum(map(len, body.split())) - sum(map(len, marks))
    defects: list[str] = []
    for warning in doc.get("warnings") or []:
        for pattern, name in _DEFECTS:
            if pattern.search(str(warning)) and name not in defects:
                defects.append(name)
    return Completeness(characters, len(doc.get("paragraphs") or []), redactions,
                        tuple(defects))


@dataclass(frozen=True)
class Candidate:
    """One revision as the choice sees it: its number (the order it was ingested in), the
    release date it gives, and its completeness."""

    revision: int
    released: str | None
    completeness: Completeness


def candidate(revision: int, doc: dict[str, Any]) -> Candidate:
    """A revision's candidate from its JSON form."""
    released = doc.get("released")
    return Candidate(revision, str(released) if released else None, completeness(doc))


@dataclass(frozen=True)
class Choice:
    """The current revision of a document, the rule that chose it, and why each other
    revision is not current."""

    revision: int
    of: int
    rule: RevisionRule
    reason: str
    passed_over: tuple[tuple[int, str], ...] = ()

    def to_dict(self) -> CurrentRevision:
        others: list[PassedOver] = [{"revision": r, "reason": why} for r, why in self.passed_over]
        return {"revision": self.revision, "of": self.of, "rule": self.rule,
                "reason": self.reason, "passed_over": others}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Choice:
        return cls(int(data["revision"]), int(data["of"]), data["rule"], str(data["reason"]),
                   tuple((int(p["revision"]), str(p["reason"])) for p in data["passed_over"]))


def _newness(c: Candidate) -> tuple[bool, str, int]:
    """Newer is greater: released (any date after none), then ingested later."""
    return (c.released is not None, c.released or "", c.revision)


def _day(released: str) -> str:
    return released[:10]


def choose_current(candidates: Sequence[Candidate]) -> Choice:
    """The current revision among a document's revisions (at least one), by the rule of this
    module, with the reasons said in words."""
    if not candidates:
        raise ValueError("a document has at least one revision")
    if len(candidates) == 1:
        return Choice(candidates[0].revision, 1, "only", "the only revision")
    best = max(candidates, key=lambda c: (not c.completeness.defects, c.completeness.score,
                                          _newness(c)))
    eligible = [c for c in candidates if not c.completeness.much_less_than(best.completeness)]
    current = max(eligible, key=_newness)
    newest = max(candidates, key=_newness)
    passed: list[tuple[int, str]] = []
    for other in sorted(candidates, key=lambda c: c.revision):
        if other is current:
            continue
        if other not in eligible:
            why = (f"much less complete than revision {best.revision}:"
                   f" {other.completeness.describe()}, against {best.completeness.describe()}")
        elif other.released is None and current.released is not None:
            why = f"no release date; revision {current.revision} was released" \
                  f" {_day(current.released)}"
        elif other.released is not None and other.released != current.released:
            assert current.released is not None
            why = f"an earlier release ({_day(other.released)}, before" \
                  f" {_day(current.released)})"
        elif other.completeness.score > current.completeness.score:
            why = f"ingested before revision {current.revision}, which is nearly as complete"
        else:
            why = f"ingested before revision {current.revision}, and no more complete"
        passed.append((other.revision, why))
    if current.completeness.score >= best.completeness.score:
        complete = f"as complete as any: {current.completeness.describe()}"
    else:
        complete = (f"nearly as complete as revision {best.revision} (a score of"
                    f" {current.completeness.score:,} against {best.completeness.score:,}):"
                    f" {current.completeness.describe()}")
    if current is newest:
        dated = current.released is not None and any(
            c.released != current.released for c in candidates if c is not current)
        newer = (f"the latest release ({_day(current.released)})" if dated and current.released
                 else "the latest ingested")
        return Choice(current.revision, len(candidates), "newest", f"{newer}, and {complete}",
                      tuple(passed))
    newer_ones = sorted(c.revision for c in candidates if _newness(c) > _newness(current))
    names = ", ".join(str(r) for r in newer_ones)
    which = f"revision {names} is" if len(newer_ones) == 1 else f"revisions {names} are"
    first = ("the most complete: " + current.completeness.describe() if complete.startswith("as")
             else f"the newest of the most complete, {complete}")
    return Choice(current.revision, len(candidates), "most_complete",
                  f"{first}; {which} newer but much less complete", tuple(passed))
