"""The homicide chart: an inline SVG bar chart with a cited table as its text alternative.

Only figures with a `series` are charted, one small chart per series, in the
order of data/figures.yml. Every number shown is the figure as the seed prints
it; the only thing the site computes is each bar's length, in proportion to
the figures of its own series, and the chart's caption says so. The cited
table of every figure, below the chart on the page, is its text alternative.
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

from macros.model.load import Project
from macros.model.schema import Figure

# SVG geometry, in viewBox units. The viewBox is narrow so that its text stays
# about 15 px high on a 375 px phone; CSS caps the width on wide screens.
WIDTH = 360
FONT = 16
LINE = 20
BAR = 26
GAP = 18
VALUE_SPACE = 70  # room to the right of the longest bar for its printed value
LABEL_CHARS = 38  # characters per label line at FONT on WIDTH

# Site interface text, kept out of the code.
CHART_NOTE = (Path(__file__).parent.parent / "templates" / "chart_note.txt").read_text(encoding="utf-8").strip()


def series_of(project: Project) -> dict[str, list[Figure]]:
    """The charted figures, grouped by series, in data-file order."""
    groups: dict[str, list[Figure]] = {}
    for figure in project.figures.values():
        if figure.series:
            groups.setdefault(figure.series, []).append(figure)
    return groups


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _printed(figure: Figure) -> str:
    return f"{figure.as_printed} {figure.unit}"


def series_svg(series: str, figures: list[Figure]) -> str:
    """One horizontal bar chart: label above each bar, the printed figure after it."""
    top = max((f.value for f in figures), default=0) or 1
    scale = (WIDTH - VALUE_SPACE) / top
    title_id, desc_id = f"chart-{series}-title", f"chart-{series}-desc"
    title = "Bar chart: " + "; ".join(f.label for f in figures)
    desc = ". ".join(f"{f.label}: {_printed(f)}" for f in figures) + ". " + CHART_NOTE
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
            f'<title id="{title_id}">{_esc(title)}</title><desc id="{desc_id}">{_esc(desc)}</desc>'
            + "".join(rows) + "</svg>")


def homicide_chart(project: Project) -> str:
    """The charts as an HTML figure; empty when no figure has a series.

    Its text alternative is the cited table of every figure (`Renderer.figures_table`),
    which the page places below it.
    """
    groups = series_of(project)
    if not groups:
        return ""
    charts = "".join(f'<div class="chart__series" id="chart-{series}">{series_svg(series, figures)}</div>'
                     for series, figures in groups.items())
    figure = (f'<figure class="chart" id="homicide-chart">{charts}'
              f'<figcaption data-cite-exempt="chart note">{_esc(CHART_NOTE)}</figcaption></figure>')
    return figure + "\n"
