"""`cablewire citations` and `cablewire most-cited`: the REF graph of a cable as an indented tree
both ways, and the cables the archive cites most."""

from __future__ import annotations

import json

import click

from cablewire.archive import Archive
from cablewire.cli.common import db_option, json_option, settings_from, translate_errors
from cablewire.link.citations import (
    DIRECTIONS,
    MAX_DEPTH,
    MAX_MOST_CITED_LIMIT,
    MAX_NODE_LIMIT,
    MOST_CITED_LIMIT,
    NODE_LIMIT,
)
from cablewire.results import CitationGraph, CitationNode


def node_line(node: CitationNode) -> str:
    """One cable on one line: its id, then its date and title, or why it is not shown."""
    if node["in_archive"]:
        parts = [node["id"], (node["date"] or "")[:10], node["title"] or ""]
    elif node["in_release"]:
        month = f", {node['month']}" if node["month"] else ""
        parts = [node["id"], f"(not in this archive; in the full release{month})"]
    else:
        parts = [node["id"], "(not in this archive, nor in the 2010-2011 release)"]
    return "  ".join(p for p in parts if p)


def tree_lines(graph: CitationGraph) -> list[str]:
    """The graph as two indented trees from the centre: what it cites, then what cites it. A
    cable linked from two places is written out where its walk met it first, and named with
    `(above)` or `(below)` at the other."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    cites: dict[str, list[str]] = {}
    cited_by: dict[str, list[str]] = {}
    for edge in graph["edges"]:
        cites.setdefault(edge["from"], []).append(edge["to"])
        cited_by.setdefault(edge["to"], []).append(edge["from"])
    centre = nodes[graph["id"]]
    lines = [node_line(centre)]
    written = {centre["id"]}

    def branch(parent: CitationNode, side: str, links: dict[str, list[str]],
               indent: int) -> None:
        for other in links.get(parent["id"], []):
            child = nodes[other]
            if child["side"] != side:
                continue  # a link across to the other walk
            if child["id"] in written:
                lines.append("  " * indent + f"{child['id']}  (above)")
            elif child["depth"] != parent["depth"] + 1:
                lines.append("  " * indent + f"{child['id']}  (below)")
            else:
                written.add(child["id"])
                lines.append("  " * indent + node_line(child))
                branch(child, side, links, indent + 1)

    for side, label, links in (("cites", "cites", cites), ("cited_by", "cited by", cited_by)):
        if graph["direction"] not in ("both", side):
            continue
        lines.append(label)
        before = len(lines)
        branch(centre, side, links, 1)
        if len(lines) == before:
            lines.append("  (none)")
    lines.append(f"{len(graph['nodes'])} cables, {len(graph['edges'])} citations,"
                 f" to {graph['depth']} step{'s' if graph['depth'] != 1 else ''}")
    if graph["truncated"]:
        fewer = " or one --direction" if graph["direction"] == "both" else ""
        lines.append(f"cut short at {graph['limit']} cables: {graph['omitted']} more found at"
                     f" the last level were left out (give a higher --limit, a lower --depth"
                     f"{fewer})")
    return lines


@click.command("citations")
@click.argument("doc_id", metavar="ID")
@db_option
@click.option("--depth", default=MAX_DEPTH, show_default=True,
              type=click.IntRange(1, MAX_DEPTH), help="REF steps each way.")
@click.option("--direction", type=click.Choice(DIRECTIONS), default="both", show_default=True,
              help="cites: what it cites and what those cite; cited_by: what cites it.")
@click.option("--limit", default=NODE_LIMIT, show_default=True,
              type=click.IntRange(1, MAX_NODE_LIMIT), help="At most this many cables.")
@json_option
@translate_errors
def citations_command(doc_id: str, db: str | None, depth: int, direction: str, limit: int,
                      as_json: bool) -> None:
    """The REF graph of a cable as an indented tree both ways: the cables it cites and what
    those cite, then the documents citing it and what cites those. Cables not in the archive
    are listed with the month the full release gives them.

    \b
    Example:
        cablewire citations 08MANAMA536
        cablewire citations 09BAMAKO387 --depth 1 --json
    """
    with Archive.open(settings_from(db=db)) as archive:
        graph = archive.citation_graph(doc_id, depth, direction, limit)
    if as_json:
        click.echo(json.dumps(graph, ensure_ascii=False))
        return
    for line in tree_lines(graph):
        click.echo(line)


@click.command("most-cited")
@db_option
@click.option("--year", type=int, default=None, metavar="YYYY",
              help="Only cables of this year (read from the id: 09BAMAKO387 is of 2009).")
@click.option("--station", default=None, metavar="NAME",
              help="Only cables of this station: BAMAKO, New Delhi or Embassy Bamako.")
@click.option("--limit", default=MOST_CITED_LIMIT, show_default=True,
              type=click.IntRange(1, MAX_MOST_CITED_LIMIT))
@json_option
@translate_errors
def most_cited_command(db: str | None, year: int | None, station: str | None, limit: int,
                       as_json: bool) -> None:
    """The cables cited by the most documents of the archive, held or not, optionally of one
    year and one station (both read from the cited cable's id).

    \b
    Example:
        cablewire most-cited --year 2008 --station 'Embassy Manama'
        cablewire most-cited --limit 50 --json
    """
    with Archive.open(settings_from(db=db)) as archive:
        found = archive.most_cited(year, station, limit)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    if not found["cables"]:
        click.echo("No document in this archive cites such a cable.")
        return
    for rank, cable in enumerate(found["cables"], 1):
        if cable["in_archive"]:
            about = f"{(cable['date'] or '')[:10]}  {cable['title'] or ''}"
        else:
            about = (f"{cable['month'] or '':7}  (not in this archive)" if cable["in_release"]
                     else "         (not in this archive, nor in the release)")
        click.echo(f"{rank:>3}. {cable['id']:<18} cited by {cable['citations']:>4}  {about}")
