"""A named chart from data/charts.yml: its title, its cited note, bars (inline SVG) and its cited table.

Every number shown is the figure as the seed prints it; the only thing the
site computes is each bar's length, in proportion to the figures of its own
chart. The cited table under the bars is the chart's text alternative.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from macros.model.schema import Chart, Figure
from macros.pages.templates import render, render_inline, safe
from macros.pages.text import md_text

if TYPE_CHECKING:
    from macros.pages.render import Renderer

# SVG geometry, in viewBox units. The viewBox is narrow so that its text stays
# about 15 px high on a 375 px phone; CSS caps the width on wide screens.
WIDTH = 360
FONT = 16
LINE = 20
BAR = 26
GAP = 18
VALUE_SPACE = 70  # room to the right of the longest bar for its printed value
LABEL_CHARS = 38  # characters per label line at FONT on WIDTH


def bars_svg(chart: Chart, figures: list[Figure]) -> str:
    """One horizontal bar chart: label above each bar, the printed figure after it (templates/chart_bars.svg)."""
    top = max((f.value for f in figures), default=0) or 1
    scale = (WIDTH - VALUE_SPACE) / top
    bars: list[dict[str, Any]] = []
    y = 0
    for figure in figures:
        lines = []
        for line in textwrap.wrap(figure.label, LABEL_CHARS) or [figure.label]:
            y += LINE
            lines.append({"y": y, "text": line})
        y += 6
        bars.append({"figure": figure, "lines": lines, "y": y, "length": max(figure.value * scale, 2.0)})
        y += BAR + GAP
    return render_inline("chart_bars.svg", width=WIDTH, height=y - GAP + 4, font=FONT, bar_height=BAR, bars=bars,
                         title=chart.title, title_id=f"chart-{chart.id}-svg-title", desc_id=f"chart-{chart.id}-svg-desc")


def chart(r: Renderer, chart_id: str) -> str:
    spec: Chart = r.project.charts[chart_id]
    figures = [r.project.figures[fid] for fid in spec.figures]
    rows = [{"label": f.label, "value": safe(f"{md_text(f.as_printed)} {md_text(f.unit)}{r.refs(f.cite)}")}
            for f in figures]
    return render("chart.html", id=spec.id, title=spec.title, note=safe(r.sentence(spec.note)),
                  svg=safe(bars_svg(spec, figures)) if spec.bars else None, rows=rows)
