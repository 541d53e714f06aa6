"""A citation graph drawn on the server: columns by REF steps (what cites the cable to the left,
what it cites to the right, the cable in the middle), an inline SVG with no script and no inline
style (presentation attributes only), and the same graph as lists for reading without it.

    view = present_graph(archive.citation_graph("08MANAMA536"))
    view.svg        # Markup: <svg>...</svg>, every text from the documents escaped
    view.columns    # left to right: each node with what it cites and what cites it

The layout is a pure function of the graph: the same graph draws the same picture. Within a
column, nodes keep the graph's order (the order the walk met them, so the cables one document
cites stay together).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from cablewire.results import CitationGraph, CitationNode
from cablewire.web.rendering import document_url, readable_date

COLUMN_WIDTH, NODE_WIDTH, NODE_HEIGHT, ROW_HEIGHT = 250, 192, 50, 62
MARGIN, HEADER = 40, 26
TITLE_CHARS = 26

FILL = {"center": "#1d4f8c", "held": "#eef3fa", "missing": "#ffffff"}
STROKE = {"center": "#163c6b", "held": "#1d4f8c", "missing": "#8a929e"}
INK = {"center": "#ffffff", "held": "#14213d", "missing": "#5a6270"}


@dataclass
class Placed:
    """A node with its place in the drawing and its links inside the graph."""

    node: CitationNode
    column: int
    row: int
    x: float = 0.0
    y: float = 0.0
    url: str | None = None
    cites: list[Placed] = field(default_factory=list)
    cited_by: list[Placed] = field(default_factory=list)

    @property
    def style(self) -> str:
        if self.node["side"] == "center":
            return "center"
        return "held" if self.node["in_archive"] else "missing"

    @property
    def status(self) -> str:
        """What the reader needs to know of a cable beyond its id: not held, and its month."""
        node = self.node
        if node["in_archive"]:
            return readable_date(node["date"]) if node["date"] else ""
        if node["in_release"]:
            month = f" ({readable_date(node['month'])})" if node["month"] else ""
            return f"not in this archive; in the full release{month}"
        return "not in this archive, nor in the 2010-2011 release"


@dataclass
class Column:
    label: str
    nodes: list[Placed]


@dataclass
class GraphView:
    svg: Markup
    columns: list[Column]
    width: int
    height: int


def column_label(side: str, depth: int) -> str:
    if side == "center":
        return "This document"
    what = "Cited by" if side == "cited_by" else "Cites"
    return what if depth == 1 else f"{what}, {depth} steps"


def layout(graph: CitationGraph) -> tuple[list[Column], dict[str, Placed], int, int]:
    """Columns left to right (cited-by depth 3 ... the centre ... cites depth 3, only those
    with nodes), each node's box position, and the drawing's width and height."""
    by_column: dict[int, list[CitationNode]] = {}
    for node in graph["nodes"]:
        index = -node["depth"] if node["side"] == "cited_by" else node["depth"]
        by_column.setdefault(index, []).append(node)
    tallest = max((len(nodes) for nodes in by_column.values()), default=1)
    height = HEADER + tallest * ROW_HEIGHT + 2 * MARGIN
    placed: dict[str, Placed] = {}
    columns: list[Column] = []
    for position, index in enumerate(sorted(by_column)):
        nodes = by_column[index]
        top = HEADER + MARGIN + (tallest - len(nodes)) * ROW_HEIGHT / 2
        column = Column(column_label(nodes[0]["side"], nodes[0]["depth"]), [])
        for row, node in enumerate(nodes):
            spot = Placed(node, position, row, x=MARGIN + position * COLUMN_WIDTH,
                          y=top + row * ROW_HEIGHT,
                          url=document_url(node["id"]) if node["in_archive"] else None)
            placed[node["id"]] = spot
            column.nodes.append(spot)
        columns.append(column)
    for edge in graph["edges"]:
        citing, cited = placed.get(edge["from"]), placed.get(edge["to"])
        if citing is not None and cited is not None:
            citing.cites.append(cited)
            cited.cited_by.append(citing)
    width = 2 * MARGIN + max(1, len(columns)) * COLUMN_WIDTH - (COLUMN_WIDTH - NODE_WIDTH)
    return columns, placed, width, height


def _short(text: str | None, size: int = TITLE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _edge(citing: Placed, cited: Placed) -> Markup:
    """A curve from the citing box to the cited box, arrowed there: from its right side to the
    other's left when the cited cable is in a column to the right (the usual case), from its
    left side to the other's right when it is to the left, and out to the left and back when
    both are in one column."""
    y1, y2 = citing.y + NODE_HEIGHT / 2, cited.y + NODE_HEIGHT / 2
    if cited.column > citing.column:
        x1, x2 = citing.x + NODE_WIDTH, cited.x - 2
        bend = max(30.0, (x2 - x1) / 2)
        c1, c2 = x1 + bend, x2 - bend
    elif cited.column < citing.column:
        x1, x2 = citing.x, cited.x + NODE_WIDTH + 2
        bend = max(30.0, (x1 - x2) / 2)
        c1, c2 = x1 - bend, x2 + bend
    else:
        x1, x2 = citing.x, cited.x - 2
        bend = min(COLUMN_WIDTH - NODE_WIDTH - 8.0, 12.0 + 6.0 * abs(cited.row - citing.row))
        c1, c2 = x1 - bend, x2 - bend
    return Markup(
        '<path class="edge" d="M{x1:.1f},{y1:.1f} C{c1:.1f},{y1:.1f} {c2:.1f},{y2:.1f}'
        ' {x2:.1f},{y2:.1f}" fill="none" stroke="#7a8799" stroke-width="1.2"'
        ' marker-end="url(#cw-arrow)"><title>{a} cites {b}</title></path>').format(
        x1=x1, y1=y1, x2=x2, y2=y2, c1=c1, c2=c2, a=citing.node["id"], b=cited.node["id"])


def _node(spot: Placed) -> Markup:
    node, style = spot.node, spot.style
    second = _short(node["title"]) if node["in_archive"] else (
        f"not held · {node['month']}" if node["month"] else "not held · not in release")
    third = (node["date"] or "")[:10] if node["in_archive"] else ""
    tooltip = " – ".join(t for t in (node["id"], node["title"], spot.status) if t)
    box = Markup(
        '<g class="node node-{style}" transform="translate({x:.1f},{y:.1f})">'
        '<title>{tooltip}</title>'
        '<rect width="{w}" height="{h}" rx="5" fill="{fill}" stroke="{stroke}"'
        ' stroke-width="{sw}"{dash}/>'
        '<text x="8" y="17" font-size="12" font-weight="bold" fill="{ink}">{id}</text>'
        '<text x="8" y="32" font-size="11" fill="{ink}">{second}</text>'
        '<text x="8" y="45" font-size="10" fill="{ink}">{third}</text></g>').format(
        style=style, x=spot.x, y=spot.y, tooltip=tooltip, w=NODE_WIDTH, h=NODE_HEIGHT,
        fill=FILL[style], stroke=STROKE[style], sw=2 if style == "center" else 1,
        dash=Markup(' stroke-dasharray="4 3"') if style == "missing" else Markup(""),
        ink=INK[style], id=node["id"], second=second, third=third)
    if spot.url is None or style == "center":
        return box
    return Markup('<a href="{url}" aria-label="{label}">{box}</a>').format(
        url=spot.url, label=tooltip, box=box)


def render_svg(columns: list[Column], placed: dict[str, Placed], width: int, height: int,
               title: str) -> Markup:
    parts = [Markup(
        '<svg class="citation-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}"'
        ' width="{w}" height="{h}" font-family="sans-serif" role="group"'
        ' aria-labelledby="graph-svg-title">'
        '<title id="graph-svg-title">{title}</title>'
        '<defs><marker id="cw-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7"'
        ' markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#7a8799"/></marker>'
        '</defs>').format(w=width, h=height, title=title)]
    for column in columns:
        x = column.nodes[0].x if column.nodes else 0
        parts.append(Markup('<text x="{x:.1f}" y="{y}" font-size="12" fill="#5a6270">{label}'
                            '</text>').format(x=x, y=MARGIN + 8, label=column.label))
    for spot in placed.values():
        for cited in spot.cites:
            parts.append(_edge(spot, cited))
    for column in columns:
        parts.extend(_node(spot) for spot in column.nodes)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def present_graph(graph: CitationGraph) -> GraphView:
    """The graph's drawing and its columns as lists."""
    columns, placed, width, height = layout(graph)
    cables, citations = len(graph["nodes"]), len(graph["edges"])
    title = (f"Citation graph of {graph['id']}: {cables} cable{'s' if cables != 1 else ''},"
             f" {citations} citation{'s' if citations != 1 else ''}")
    return GraphView(render_svg(columns, placed, width, height, title), columns, width, height)
