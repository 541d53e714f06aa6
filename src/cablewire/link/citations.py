"""The citation graph: the cables a document's REF lines name, the cables those name, and the
documents citing it, to a few steps each way; and the most-cited cables of a year or a station.

    >>> graph = citation_graph(store, "08MANAMA536", depth=3)          # doctest: +SKIP
    >>> [(n["id"], n["side"], n["depth"]) for n in graph["nodes"]][:2]  # doctest: +SKIP
    [('08MANAMA536', 'center', 0), ('04MANAMA378', 'cites', 1)]

Both ways means two walks from the centre, not one walk that turns: along `cites` (what it draws
on, and what that drew on) and along `cited_by` (what it led to, and what that led to). A cable
met on both walks keeps the place it was met first. The walk goes a level at a time with one
store call per level and side, so depth 3 costs at most six calls, whatever the fan-out; a node
cap bounds the answer, and a graph cut short by it says so (`truncated`, `omitted`). The edges
are every citation between two cables of the graph, whichever walk found them.

Cables cited but not in the archive are nodes too, with whether the full release has them and
the month they were written (`cablewire.model.release`).
"""

from __future__ import annotations

from typing import cast, get_args

from cablewire.errors import UsageError
from cablewire.model.ids import station_named
from cablewire.model.release import release_months
from cablewire.results import (
    CitationDirection,
    CitationEdge,
    CitationGraph,
    CitationNode,
    CitationSide,
    MostCited,
    MostCitedCable,
)
from cablewire.store.base import Store

MAX_DEPTH = 3
NODE_LIMIT = 200
MAX_NODE_LIMIT = 1000
MOST_CITED_LIMIT = 20
MAX_MOST_CITED_LIMIT = 500
DIRECTIONS: tuple[str, ...] = get_args(CitationDirection)
_SIDE_ORDER: dict[CitationSide, int] = {"center": 0, "cited_by": 1, "cites": 2}


def check_graph_options(depth: int, direction: str, limit: int) -> None:
    """Raise `UsageError` (saying the fix) for a depth, direction or node cap out of range."""
    if not 1 <= depth <= MAX_DEPTH:
        raise UsageError(f"depth={depth} is out of range: give a depth from 1 to {MAX_DEPTH}")
    if direction not in DIRECTIONS:
        raise UsageError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    if not 1 <= limit <= MAX_NODE_LIMIT:
        raise UsageError(f"limit={limit} is out of range: give a node cap from 1 to"
                         f" {MAX_NODE_LIMIT}")


def citation_graph(store: Store, doc_id: str, depth: int = MAX_DEPTH,
                   direction: str = "both", limit: int = NODE_LIMIT) -> CitationGraph:
    """The REF graph around the stored document `doc_id`, `depth` steps along `direction`
    (`both`, `cites` or `cited_by`), at most `limit` nodes counting the centre."""
    check_graph_options(depth, direction, limit)
    sides: list[CitationSide] = (["cites", "cited_by"] if direction == "both"
                                 else ["cites"] if direction == "cites" else ["cited_by"])
    placed: dict[str, tuple[CitationSide, int]] = {doc_id: ("center", 0)}
    frontiers: dict[CitationSide, list[str]] = {side: [doc_id] for side in sides}
    left_out: set[str] = set()
    for level in range(1, depth + 1):
        for side in sides:
            frontier = frontiers[side]
            if not frontier:
                continue
            found = (store.citations_from(frontier) if side == "cites"
                     else store.citations_to(frontier))
            reached: list[str] = []
            for parent in frontier:
                for other in found.get(parent, []):
                    if other in placed:
                        continue
                    if len(placed) >= limit:
                        left_out.add(other)
                        continue
                    placed[other] = (side, level)
                    reached.append(other)
            frontiers[side] = reached
        if left_out:
            break  # the cap is reached: deeper levels would only be left out too
    order = {node: i for i, node in enumerate(placed)}
    ids = sorted(placed, key=lambda n: (_SIDE_ORDER[placed[n][0]], placed[n][1], order[n]))
    return {
        "id": doc_id,
        "depth": depth,
        "direction": cast(CitationDirection, direction),  # checked above
        "limit": limit,
        "nodes": _nodes(store, ids, placed),
        "edges": _edges(store, ids),
        "truncated": bool(left_out),
        "omitted": len(left_out),
    }


def _nodes(store: Store, ids: list[str],
           placed: dict[str, tuple[CitationSide, int]]) -> list[CitationNode]:
    listed = store.listing(ids)
    months = release_months()
    out: list[CitationNode] = []
    for node in ids:
        row = listed.get(node)
        side, depth = placed[node]
        out.append({"id": node, "side": side, "depth": depth, "in_archive": row is not None,
                    "in_release": node in months,
                    "month": months.get(node),
                    "kind": row["kind"] if row else None,
                    "title": row["title"] if row else None,
                    "date": row["date"] if row else None,
                    "origin": row["origin"] if row else None})
    return out


def _edges(store: Store, ids: list[str]) -> list[CitationEdge]:
    """Every citation between two nodes: by citing node in node order, then in REF order."""
    inside = set(ids)
    cited = store.citations_from(ids)
    return [{"from": citing, "to": other} for citing in ids for other in cited.get(citing, [])
            if other in inside and other != citing]


def release_year_prefix(year: int) -> str:
    """The two digits a cable id of `year` starts with (1950-2049, as the release's ids)."""
    if not 1950 <= year <= 2049:
        raise UsageError(f"year={year} is not a year of cable ids: give a four-digit year"
                         " such as 2009 (the release's cables are of 1966 to 2010)")
    return f"{year % 100:02d}"


def most_cited(store: Store, year: int | None = None, station: str | None = None,
               limit: int = MOST_CITED_LIMIT) -> MostCited:
    """The cables cited by the most documents of the archive, held or not, optionally only
    those of one year and one station. Both are read from the cited cable's id, so a cable
    the archive does not hold is counted too: its two-digit prefix is the year it was written
    (`09` is 2009, `85` is 1985) and the letters after it the station (`BAMAKO`). A station
    may be written as in ids, as a place or as an origin (`Embassy Bamako`)."""
    if not 1 <= limit <= MAX_MOST_CITED_LIMIT:
        raise UsageError(f"limit={limit} is out of range: give a limit from 1 to"
                         f" {MAX_MOST_CITED_LIMIT}")
    prefix = None if year is None else release_year_prefix(year)
    key = None
    if station is not None and station.strip():
        key = station_named(station)
        if key is None:
            raise UsageError(f"station={station!r} names no station: give it as in cable ids"
                             " (BAMAKO), as a place (New Delhi) or as an origin"
                             " (Embassy Bamako)")
    counted = store.most_cited(prefix, key, limit)
    ids = [row["id"] for row in counted]
    listed = store.listing(ids)
    months = release_months() if ids else {}
    cables: list[MostCitedCable] = []
    for row in counted:
        held = listed.get(row["id"])
        cables.append({"id": row["id"], "citations": row["citations"],
                       "in_archive": held is not None, "in_release": row["id"] in months,
                       "month": months.get(row["id"]),
                       "title": held["title"] if held else None,
                       "date": held["date"] if held else None,
                       "origin": held["origin"] if held else None})
    return {"year": year, "station": key, "limit": limit, "cables": cables}
