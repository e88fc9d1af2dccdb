"""The archive page of a seed: the article as printed, cited passages highlighted.

Each paragraph is anchored (#p1, #p2, ...). Each cited passage is a <mark>
whose id is the anchor footnotes link to; overlapping passages share one mark,
each keeping its own anchor. Beside each mark, links lead back to every page
that cites it. Rendered after every other page, when the ledger is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from macros.citations.footnote_html import REF_ID_PREFIX
from macros.citations.footnotes import Ledger
from macros.citations.verify import Located
from macros.model.load import Project
from macros.pages.templates import render
from macros.seeds.article import Paragraph, Seed


@dataclass
class Cluster:
    """Overlapping cited passages, highlighted as one mark; each keeps its own anchor."""

    start: int
    end: int
    passages: list[Located]


@dataclass(frozen=True)
class Part:
    text: str
    anchor: str | None = None  # an anchor placed before the text: where a later passage of the cluster starts


@dataclass(frozen=True)
class CitingLink:
    href: str
    label: str
    title: str


@dataclass
class Piece:
    """A run of a paragraph: plain text (citing is None), or a highlighted cluster and the pages citing it."""

    text: str = ""
    anchor: str = ""
    parts: list[Part] = field(default_factory=list)
    citing: list[CitingLink] | None = None


@dataclass
class ParagraphView:
    index: int
    comment: bool
    pieces: list[Piece]


def _clusters(passages: list[Located]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for located in sorted(passages, key=lambda p: (p.start, -p.end)):
        if clusters and located.start < clusters[-1].end:
            clusters[-1].end = max(clusters[-1].end, located.end)
            clusters[-1].passages.append(located)
        else:
            clusters.append(Cluster(located.start, located.end, [located]))
    return clusters


def _cluster_piece(text: str, cluster: Cluster, ledger: Ledger, relative: Callable[[str], str]) -> Piece:
    parts: list[Part] = []
    pos, anchor = cluster.start, None
    for other in sorted(cluster.passages[1:], key=lambda p: p.start):
        parts.append(Part(text[pos:other.start], anchor))
        pos, anchor = other.start, other.anchor
    parts.append(Part(text[pos:cluster.end], anchor))
    citing: list[CitingLink] = []
    seen: set[str] = set()
    for located in cluster.passages:
        for page in ledger.citing(located):
            if page.src_uri not in seen:
                seen.add(page.src_uri)
                citing.append(CitingLink(relative(page.url), page.label, page.title))
    return Piece(anchor=cluster.passages[0].anchor, parts=parts, citing=citing)


def _paragraph(seed: Seed, paragraph: Paragraph, passages: list[Located], ledger: Ledger,
               relative: Callable[[str], str]) -> ParagraphView:
    pieces: list[Piece] = []
    cursor = paragraph.start
    for cluster in _clusters(passages):
        pieces.append(Piece(text=seed.text[cursor:cluster.start]))
        pieces.append(_cluster_piece(seed.text, cluster, ledger, relative))
        cursor = cluster.end
    pieces.append(Piece(text=seed.text[cursor:paragraph.end]))
    return ParagraphView(paragraph.index, seed.is_comment(paragraph.start), pieces)


def passages_by_source(project: Project) -> dict[str, list[Located]]:
    """Every located passage, by source id, in the project's order: worked out once for all archive pages
    (each scanning every passage of the project made the archive pages quadratic in the number of sources)."""
    by_source: dict[str, list[Located]] = {}
    for key, located in project.located.items():
        by_source.setdefault(key[0], []).append(located)
    return by_source


def render_archive(project: Project, source_id: str, ledger: Ledger, relative: Callable[[str], str],
                   passages: list[Located] | None = None) -> str:
    """The archive page's body, as HTML (templates/archive.html), once every citing page is known.

    `relative` turns a citing page's site URL into a link from the archive page (the plugin gives MkDocs' own).
    `passages`: the source's entry of `passages_by_source`, when the caller renders several archive pages.
    """
    seed = project.seeds[source_id]
    if passages is None:
        passages = passages_by_source(project).get(source_id, [])
    by_paragraph: dict[int, list[Located]] = {}
    for located in passages:
        if ledger.citing(located):
            by_paragraph.setdefault(located.paragraph, []).append(located)
    paragraphs = [_paragraph(seed, p, by_paragraph.get(p.index, []), ledger, relative) for p in seed.paragraphs]
    return render("archive.html", source=project.sources[source_id], paragraphs=paragraphs,
                  ref_id_prefix=REF_ID_PREFIX)
