"""The archive page of a seed: the article as printed, cited passages highlighted.

Each paragraph is anchored (#p1, #p2, ...). Each cited passage is a <mark>
whose id is the anchor footnotes link to; overlapping passages share one mark,
each keeping its own anchor. Beside each mark, links lead back to every page
that cites it. Rendered after every other page, when the ledger is complete.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from macros.citations.footnotes import Ledger
from macros.citations.verify import Located
from macros.model.load import Project
from macros.pages.text import attr
from macros.seeds.article import Paragraph, Seed

# The note that opens every archive page: site interface text, kept out of the code.
NOTE_TEMPLATE = (Path(__file__).parent.parent / "templates" / "archive_note.html").read_text(encoding="utf-8").strip()
NOT_STATED = '<span class="not-stated">not stated</span>'


@dataclass
class Cluster:
    start: int
    end: int
    passages: list[Located]


def _href(target_url: str, page_url: str) -> str:
    href = get_relative_url(target_url, page_url)
    return href if href.endswith("/") else href + "/"


def _clusters(passages: list[Located]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for located in sorted(passages, key=lambda p: (p.start, -p.end)):
        if clusters and located.start < clusters[-1].end:
            clusters[-1].end = max(clusters[-1].end, located.end)
            clusters[-1].passages.append(located)
        else:
            clusters.append(Cluster(located.start, located.end, [located]))
    return clusters


def _render_paragraph(seed: Seed, paragraph: Paragraph, passages: list[Located], ledger: Ledger, page_url: str) -> str:
    text = seed.text
    out: list[str] = []
    cursor = paragraph.start
    for cluster in _clusters(passages):
        out.append(html.escape(text[cursor:cluster.start]))
        first = cluster.passages[0]
        inner: list[str] = []
        pos = cluster.start
        for other in sorted(cluster.passages[1:], key=lambda p: p.start):
            inner.append(html.escape(text[pos:other.start]))
            inner.append(f'<span class="cite-anchor" id="{other.anchor}"></span>')
            pos = other.start
        inner.append(html.escape(text[pos:cluster.end]))
        out.append(f'<mark class="cited" id="{first.anchor}">{"".join(inner)}</mark>')
        citing = []
        for located in cluster.passages:
            for page in ledger.citing(located):
                if page.src_uri not in {p.src_uri for p in citing}:
                    citing.append(page)
        links = ", ".join(
            f'<a href="{attr(_href(page.url, page_url))}#fnref:{page.label}">{html.escape(page.title)}</a>'
            for page in citing)
        out.append(f'<span class="cited-by"> (cited on: {links})</span>')
        cursor = cluster.end
    out.append(html.escape(text[cursor:paragraph.end]))
    classes = "seed-para"
    prefix = ""
    if seed.is_comment(paragraph.start):
        classes += " seed-para--comment"
        prefix = '<span class="comment-label">Reader\u2019s comment, not written by the article\u2019s author:</span> '
    return (f'<p class="{classes}" id="p{paragraph.index}"><a class="seed-para__num" href="#p{paragraph.index}" '
            f'aria-label="Paragraph {paragraph.index}">{paragraph.index}</a> {prefix}{"".join(out)}</p>')


def render_archive(project: Project, source_id: str, ledger: Ledger, page_url: str) -> str:
    """The archive page body as HTML blocks inside Markdown."""
    source = project.sources[source_id]
    seed = project.seeds[source_id]
    cited = [loc for key, loc in project.located.items() if key[0] == source_id and ledger.citing(loc)]
    by_paragraph: dict[int, list[Located]] = {}
    for located in cited:
        by_paragraph.setdefault(located.paragraph, []).append(located)

    def value(text: str | None) -> str:
        return html.escape(text) if text else NOT_STATED

    who = ", ".join(part for part in (
        f"byline as printed: {html.escape(source.byline)}" if source.byline else "byline not stated",
        f"outlet as printed: {html.escape(source.outlet)}" if source.outlet else "outlet not stated")
    )
    rows = [("Headline", source.headline), ("Subheadline", source.subheadline), ("Outlet", source.outlet),
            ("Byline", source.byline), ("Date", source.date), ("Updated", source.updated), ("Section", source.section)]
    table = "".join(f"<tr><th scope=\"row\">{name}</th><td>{value(val)}</td></tr>" for name, val in rows)
    parts = [
        NOTE_TEMPLATE.format(who=who),
        "",
        f'<table class="source-meta" data-cite-exempt="source page"><caption>What the article prints about itself</caption>'
        f"<tbody>{table}<tr><th scope=\"row\">Seed file</th><td><code>{html.escape(source.file)}</code></td></tr>"
        f"<tr><th scope=\"row\">sha256</th><td><code class=\"sha\">{source.sha256}</code></td></tr></tbody></table>",
        "",
        '<div class="seed-text" data-cite-exempt="source page" lang="en">',
    ]
    for paragraph in seed.paragraphs:
        parts.append(_render_paragraph(seed, paragraph, by_paragraph.get(paragraph.index, []), ledger, page_url))
    parts.append("</div>")
    return "\n".join(parts)
