"""Numbering and rendering the footnotes of one page.

One `PageFootnotes` per page assigns labels: the same passage cited twice on a
page gets one label, two different passages never share one. Every macro call
and every hand-written citation of the page goes through it, so labels cannot
collide. The `Ledger` remembers which pages cite which passage, for the
archive pages' back-links.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from macros.citations import footnote_html as markup
from macros.citations.verify import Located
from macros.model.schema import Source
from macros.pages.templates import render
from macros.seeds.article import Seed
from macros.seeds.sentences import lead_in_span, sentence_span

LABEL_PREFIX = "cite-"
ARCHIVE_META = "source_archive"  # front matter key of a generated archive page (a hand-written page may not use it)
# A footnote definition's body in the Markdown, replaced by the footnote's HTML after Markdown: the footnote's
# number between two of Unicode's noncharacters (kept for a program's internal use). No text a contributor
# types can make one: `escape_markers` writes any noncharacter of a page's Markdown as a character reference,
# which the reader sees as the same character and which is never the marker.
PLACEHOLDER, _PLACEHOLDER_END = "\ufdd0", "\ufdd1"
_PLACEHOLDER = re.compile(PLACEHOLDER + r"(\d+)" + _PLACEHOLDER_END)
_NONCHARACTER = re.compile("[\ufdd0-\ufdef]")


def escape_markers(markdown: str) -> str:
    """The page's Markdown with every character the engine uses in its own markers written as a reference."""
    return _NONCHARACTER.sub(lambda m: f"&#x{ord(m.group()):x};", markdown)


@dataclass(frozen=True)
class CitingPage:
    src_uri: str
    url: str
    title: str
    label: str


@dataclass
class Ledger:
    """Which pages cite each passage, filled as pages render."""

    by_passage: dict[tuple[str, str], list[CitingPage]] = field(default_factory=dict)

    def record(self, located: Located, page: CitingPage) -> None:
        pages = self.by_passage.setdefault(located.key, [])
        if all(p.src_uri != page.src_uri for p in pages):
            pages.append(page)

    def citing(self, located: Located) -> list[CitingPage]:
        return self.by_passage.get(located.key, [])


@dataclass
class PageFootnotes:
    src_uri: str
    archive_dir: str = "sources"
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    order: list[Located] = field(default_factory=list)
    comments: list[Located] = field(default_factory=list)  # readers' comments the page was asked to cite

    def ref(self, located: Located) -> str:
        """The footnote reference for a passage, allocating a label once."""
        if located.in_comment and located not in self.comments:
            self.comments.append(located)
        label = self.labels.get(located.key)
        if label is None:
            label = f"{LABEL_PREFIX}{len(self.order) + 1}"
            self.labels[located.key] = label
            self.order.append(located)
        return f"[^{label}]"

    def label_of(self, located: Located) -> str:
        return self.labels[located.key]

    def definitions(self) -> str:
        """The Markdown footnote definitions, in order of first use, each with a placeholder body.

        Python-Markdown numbers, links and back-links the footnotes; the bodies
        are HTML from the start and take their place after Markdown (`fill`),
        so Markdown never parses them (most of a page's Markdown time otherwise).
        """
        return "\n\n".join(f"[^{self.labels[located.key]}]: {PLACEHOLDER}{i}{_PLACEHOLDER_END}"
                             for i, located in enumerate(self.order))

    def fill(self, html: str, sources: dict[str, Source], seeds: dict[str, Seed],
             link_of: Callable[[str, str], str], unindexed: str = "") -> str:
        """The rendered page with each placeholder body replaced by its footnote's HTML.

        `link_of(source_id, anchor)` is the URL of the passage on the source's
        archive page, relative to this page. `unindexed`, when given, is the
        attribute by which the site's search leaves an element out of its index
        (the theme's: the adapter names it): it goes on the list of footnotes and
        on every reference, so that search finds the page's own words under their
        heading, not the articles' sentences the footnotes repeat (each under the
        page's last heading) nor the references' numbers run into the text.
        """
        if not self.order:
            return html
        bodies = render_footnotes([
            (located, sources[located.source_id], seeds[located.source_id], link_of(located.source_id, located.anchor))
            for located in self.order])
        html = _PLACEHOLDER.sub(lambda m: bodies[int(m.group(1))], html)
        extra = f" {unindexed}" if unindexed else ""
        if extra:
            html = html.replace(markup.BLOCK_OPEN, f'<div class="{markup.BLOCK_CLASS}"{extra}>', 1)
        return markup.REF_IN_SUP.sub(functools.partial(_ref_without_sup, extra=extra), html)


def archive_path(source_id: str, archive_dir: str = "sources") -> str:
    return f"{archive_dir}/{source_id}.md"


@functools.lru_cache(maxsize=4096)  # a pure function of two paths, asked once per footnote
def relative_md(from_src_uri: str, to_src_uri: str) -> str:
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


# Between two footnotes in the template's output: a tag, and the template escapes every "<" of a seed or data text.
_SEP = Markup("<!-- next footnote -->")


def render_footnotes(notes: list[tuple[Located, Source, Seed, str]]) -> list[str]:
    """Each footnote's HTML, one line each, from one template call (footnote.html).

    A footnote: the source's tag, genre and headline, then the seed's whole
    sentence with the quoted words marked; `link` is the passage's URL.
    """
    context = []
    for located, source, seed, link in notes:
        start, end = sentence_span(seed, located.start, located.end)
        lead = lead_in_span(seed, located.start)
        context.append({"source": source, "link": link, "lead": seed.text[slice(*lead)] if lead else None,
                        "before": seed.text[start:located.start], "quoted": seed.text[located.start:located.end],
                        "after": seed.text[located.end:end]})
    rendered = render("footnote.html", notes=context, sep=_SEP).split(_SEP)
    return [_SPACES.sub(" ", body).strip() for body in rendered[:len(notes)]]


_SPACES = re.compile(r"\s*\n\s*")


def _ref_without_sup(match: re.Match[str], extra: str = "") -> str:
    """Python-Markdown's reference without its <sup>: the id moves to the link (one element fewer per citation;
    cited-explainer.css raises the link as <sup> did); `extra` is more attributes, each after a space."""
    return f'<a class="{markup.REF_CLASS}" id="{match.group(1)}" {match.group(2)}{extra}>{match.group(3)}</a>'


def number_in_reading_order(html: str, backlink: markup.BacklinkTitle = markup.DEFAULT_BACKLINK) -> str:
    """Renumber a rendered page's footnotes by first reference in the page.

    Python-Markdown numbers references inside nested HTML blocks (md_in_html)
    after the rest, so a reader would meet [105] before [6]. `backlink` is the
    back-links' title as the project words it; each says its new number.
    """
    order: dict[str, int] = {}
    for match in markup.REF_LINK.finditer(html):
        order.setdefault(match.group(2), len(order) + 1)
    if not order:
        return html
    html = markup.REF_LINK.sub(
        lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{order.get(m.group(2), m.group(4))}{m.group(5)}", html)

    def reorder(block: re.Match[str]) -> str:
        notes = {m.group(1): m.group(0) for m in markup.NOTE.finditer(block.group(2))}
        ordered = sorted(notes, key=lambda label: order.get(label, len(order) + 1))
        body = "".join(backlink.renumbered(notes[label], order.get(label, 0)) for label in ordered)
        return block.group(1) + "\n" + body + block.group(3)

    return markup.NOTES.sub(reorder, html, count=1)
