"""The documents behind a document, as the pages show them: each hit with WHY it is there, one
line of the parts of the blend that ranked it ("shares: Amadou Toumani Touré, AQIM · terms:
tessalit, tsctp · cited by 09BAMAKO387").

The reasons are read as an open set of parts: a part this module knows gets its own label, any
other is shown by its name and rank, with its evidence when the part gives a list (strings, or
objects with a `text` or a `name`) or a `via` document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cablewire.results import Background, BackgroundHit
from cablewire.web.rendering import document_url

PART_ORDER = ("entities", "lexical", "meaning", "citations", "time")
"""The order the reasons are read in: names first, then words; any other part after these."""
LABELS = {"entities": "shares", "lexical": "terms", "meaning": "close in meaning",
          "time": "close in time"}
EVIDENCE_SHOWN = 6
PASSAGE_SHOWN = 120
"""Characters of the passage that made a `meaning` hit."""


@dataclass(frozen=True)
class Evidence:
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Reason:
    """One part's reason: the part's name, what the page calls it, its rank, its evidence (after
    `separator`: "shares: A, B", "cited by 09BAMAKO387")."""

    part: str
    label: str
    rank: int | None
    evidence: list[Evidence]
    separator: str = ": "


@dataclass(frozen=True)
class HitView:
    hit: BackgroundHit
    reasons: list[Reason]


@dataclass(frozen=True)
class BackgroundView:
    found: Background
    hits: list[HitView]


def present_background(found: Background) -> BackgroundView:
    return BackgroundView(found, [HitView(hit, present_reasons(hit["reasons"]))
                                  for hit in found["hits"]])


def present_reasons(reasons: Mapping[str, Any]) -> list[Reason]:
    """Each part present in `reasons`, known parts in `PART_ORDER`, then the others by name."""
    known = [p for p in PART_ORDER if p in reasons]
    others = sorted(p for p in reasons if p not in PART_ORDER)
    out = []
    for part in known + others:
        value = reasons[part]
        if not isinstance(value, Mapping):
            continue
        rank = value.get("rank")
        label = LABELS.get(part, part)
        evidence: list[Evidence] = []
        separator = ": "
        via = value.get("via")
        if isinstance(via, str):
            label, separator = str(value.get("relation") or label), " "
            evidence.append(Evidence(via, document_url(via)))
        passage = value.get("text")
        if part == "meaning" and isinstance(passage, str) and passage:
            short = passage
            if len(passage) > PASSAGE_SHOWN:
                short = passage[:PASSAGE_SHOWN].rsplit(" ", 1)[0] + " …"
            evidence.append(Evidence(f"“{short}”"))
        for key, items in value.items():
            if key not in ("rank", "score") and isinstance(items, list):
                evidence.extend(e for e in map(_evidence, items) if e is not None)
        out.append(Reason(part, label, rank if isinstance(rank, int) else None,
                          evidence[:EVIDENCE_SHOWN], separator))
    return out


def _evidence(item: Any) -> Evidence | None:
    if isinstance(item, str | int | float) and not isinstance(item, bool):
        return Evidence(str(item))
    if isinstance(item, Mapping) and (item.get("text") or item.get("name")):
        return Evidence(str(item.get("text") or item.get("name")))
    return None
