"""Small server-drawn SVG charts (no script, no inline style: presentation attributes only)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

WIDTH, HEIGHT, LABEL = 600, 120, 18


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str | None = None


def bar_chart(bars: list[Bar], title: str) -> Markup:
    """A bar per bucket, each a link when it has a url, with its count as a tooltip; the same
    numbers are given as text next to the chart by the templates."""
    if not bars:
        return Markup("")
    top = max(b.count for b in bars) or 1
    step = WIDTH / len(bars)
    gap = min(4.0, step * 0.2)
    parts = [Markup('<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{title}">'
                    '<title>{title}</title>').format(w=WIDTH, h=HEIGHT + LABEL, title=title)]
    widest = max(len(b.label) for b in bars) * 7 + 8  # px of a label at font-size 11
    every = max(1, math.ceil(len(bars) / max(1, WIDTH // widest)))
    for i, bar in enumerate(bars):
        height = max(1.0, bar.count / top * HEIGHT)
        x = i * step + gap / 2
        rect = Markup('<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"'
                      ' fill="#1d4f8c"><title>{label}: {count}</title></rect>').format(
            x=x, y=HEIGHT - height, w=step - gap, h=height, label=bar.label, count=bar.count)
        if bar.url:
            rect = Markup('<a href="{url}" aria-label="{label}: {count}">{rect}</a>').format(
                url=bar.url, label=bar.label, count=bar.count, rect=rect)
        parts.append(rect)
        if i % every == 0:
            parts.append(Markup('<text x="{x:.1f}" y="{y}" font-size="11" fill="#5a6270">'
                                '{label}</text>').format(x=x, y=HEIGHT + LABEL - 4,
                                                         label=bar.label))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def count_by_period(dates: Iterable[str | None]) -> tuple[str, list[tuple[str, int]]]:
    """Counts by year, or by month when every date falls in one year: (unit, [(period, n)])."""
    known = [d for d in dates if d and len(d) >= 4 and d[:4].isdigit()]
    years = sorted({d[:4] for d in known})
    if len(years) == 1 and all(len(d) >= 7 for d in known):
        counts = Counter(d[:7] for d in known)
        months = [f"{years[0]}-{m:02d}" for m in range(1, 13)]
        return "month", [(m, counts.get(m, 0)) for m in months]
    counts = Counter(d[:4] for d in known)
    if not years:
        return "year", []
    span = range(int(years[0]), int(years[-1]) + 1)
    return "year", [(str(y), counts.get(str(y), 0)) for y in span]
