"""A named chart from data/charts.yml: its title, its cited note, bars (inline SVG) and its cited table.

Every number shown is the figure as the seed prints it; the only thing the
site computes is each bar's length, in proportion to the figures of its own
chart. The cited table under the bars is the chart's text alternative.
"""

from __future__ import annotations

import html
import textwrap
from typing import TYPE_CHECKING

from macros.model.schema import Chart, Figure
from macros.pages.templates import render, safe
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


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def bars_svg(chart: Chart, figures: list[Figure]) -> str:
    """One horizontal bar chart: label above each bar, the printed figure after it."""
    top = max((f.value for f in figures), default=0) or 1
    scale = (WIDTH - VALUE_SPACE) / top
    title_id, desc_id = f"chart-{chart.id}-svg-title", f"chart-{chart.id}-svg-desc"
    desc = ". ".join(f"{f.label}: {f.as_printed} {f.unit}" for f in figures) + "."
    rows: list[str] = []
    y = 0
    for figure in figures:
        lines = textwrap.wrap(figure.label, LABEL_CHARS) or [figure.label]
        for line in lines:
            y += LINE
            rows.append(f'<text class="chart__label" x="0" y="{y}">{_esc(line)}</text>')
        y += 6
        length = max(figure.value * scale, 2.0)
        rows.append(f'<rect class="chart__bar" x="0" y="{y}" width="{length:.1f}" height="{BAR}" rx="2"></rect>')
        rows.append(f'<text class="chart__value" x="{length + 6:.1f}" y="{y + BAR - 8}">{_esc(figure.as_printed)}</text>')
        y += BAR + GAP
    height = y - GAP + 4
    return (f'<svg class="chart__svg" viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
            f'role="img" aria-labelledby="{title_id} {desc_id}" font-size="{FONT}">'
            f'<title id="{title_id}">{_esc(chart.title)}</title><desc id="{desc_id}">{_esc(desc)}</desc>'
            + "".join(rows) + "</svg>")


def chart(r: Renderer, chart_id: str) -> str:
    spec: Chart = r.project.charts[chart_id]
    figures = [r.project.figures[fid] for fid in spec.figures]
    rows = [{"label": f.label, "value": safe(f"{md_text(f.as_printed)} {md_text(f.unit)}{r.refs(f.cite)}")}
            for f in figures]
    return render("chart.html", id=spec.id, title=spec.title, note=safe(r.sentence(spec.note)),
                  svg=safe(bars_svg(spec, figures)) if spec.bars else None, rows=rows)
