"""Checks on a rendered page: every sentence a reader sees carries a footnote.

The checked blocks are paragraphs, list items, table rows (a row is one
statement: its cells together need a footnote), definition terms and
descriptions, and captions inside the page's content. Left out: headings,
the footnotes themselves, code, blocks marked `data-cite-exempt` (a label, a
navigation row, a source page; the attribute names which), and blocks whose
whole text is link text (navigation).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from macros.checks.sentences import MARKER, split_sentences

CHECKED = {"p", "li", "tr", "dd", "dt", "figcaption", "caption"}
SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "svg", "nav", "button", "kbd"}
BLOCKS = CHECKED | {"ul", "ol", "dl", "table", "div", "blockquote", "figure", "section", "details", "summary", "form", "aside"}


def _text_of(block: Tag) -> tuple[str, str]:
    """The block's own text (nested blocks left out) with footnote refs as markers, and its link text."""
    pieces: list[str] = []
    link_pieces: list[str] = []

    def walk(node: Tag, in_link: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    pieces.append(str(child))
                    if in_link:
                        link_pieces.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            if child.name == "sup" and child.find("a", class_="footnote-ref"):
                pieces.append(MARKER)
                continue
            if child.name in ("td", "th"):
                pieces.append(" \u00b7 ")
            elif child.name in SKIPPED or child.name in BLOCKS or child.has_attr("data-cite-exempt"):
                continue
            if "headerlink" in (child.get("class") or []):
                continue
            walk(child, in_link or child.name == "a")

    walk(block, False)
    return "".join(pieces), "".join(link_pieces)


def uncited_sentences(html: str) -> list[str]:
    """Every sentence in the page's content that has no footnote."""
    return [sentence for sentence, cited in checked_sentences(html) if not cited]


def checked_sentences(html: str) -> list[tuple[str, bool]]:
    """Every sentence the check reads, and whether it carries a footnote."""
    soup = BeautifulSoup(html, "html.parser")
    for footnotes in soup.select("div.footnote"):
        footnotes.decompose()
    found: list[tuple[str, bool]] = []
    for block in soup.find_all(CHECKED):
        if any(parent.has_attr("data-cite-exempt") or parent.name in SKIPPED | {"thead"}
               for parent in [block, *block.parents] if isinstance(parent, Tag)):
            continue
        text, link_text = _text_of(block)
        flat = re.sub(r"\s+", " ", text).strip()
        if not flat.replace(MARKER, "").strip():
            continue
        if re.sub(r"\W", "", link_text) == re.sub(r"\W", "", flat.replace(MARKER, "")):
            continue  # navigation: the block is nothing but links
        for sentence in split_sentences(flat):
            if re.search(r"\w", sentence):
                found.append((sentence.replace(MARKER, "").strip(), MARKER in sentence))
    return found
