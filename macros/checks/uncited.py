"""Checks on a rendered page: every sentence a reader sees carries a footnote.

The checked blocks are paragraphs, list items, table rows (a row is one
statement: its cells together need a footnote), definition terms and
descriptions, and captions inside the page's content. Left out: headings,
the footnotes themselves, code, and blocks marked `data-cite-exempt` with one
of the values in EXEMPT (a label, a navigation row, a source page, a
site page, the chart's note). Any other value exempts nothing, so a typo
cannot hide a sentence. A block made only of link text is navigation (a
page title, a name, "Who is ...?") only while it does not read as a
statement: once it ends with a full stop or an exclamation mark it is a
sentence like any other, and needs its footnote.

The page is parsed once with lxml (libxml2's HTML parser), into plain
elements (not lxml.html's, whose Python class lookup runs for every element),
and walked once from the top: a skipped or exempt block is never entered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree  # type: ignore[import-untyped]
from lxml.etree import _Element  # type: ignore[import-untyped]

from macros.checks.sentences import MARKER, split_sentences
from macros.citations.footnote_html import BLOCK_CLASS, REF_CLASS
from macros.html.blocks import footnotes_start

CHECKED = frozenset({"p", "li", "tr", "dd", "dt", "figcaption", "caption"})
SKIPPED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "svg", "nav", "button", "kbd"})
BLOCKS = CHECKED | {"ul", "ol", "dl", "table", "div", "blockquote", "figure", "section", "details", "summary", "form", "aside"}
# What a `data-cite-exempt` block may be; each value names why it needs no footnote.
EXEMPT = frozenset({
    "label",        # a short label over cited content: a date, a title, "Side: ..."
    "navigation",   # a row of links to other pages
    "site page",    # the note on a page about the site itself
    "source page",  # an archive page: the source's own words and what it prints about itself
    "chart note",   # how the chart was drawn, under a chart whose figures are cited in its table
})
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W")
_STATEMENT_END = re.compile(r"[.!\u2026][\"'\u201d\u2019)\]]*$")
_PARSER = etree.HTMLParser()


def _exempt(element: _Element) -> bool:
    return element.get("data-cite-exempt") in EXEMPT


def _is_footnote_ref(element: _Element) -> bool:
    """Python-Markdown's <sup><a class="footnote-ref"></sup>, or the bare link the built page has (issue 9)."""
    if element.tag == "a":
        return REF_CLASS in (element.get("class") or "").split()
    return element.tag == "sup" and any(REF_CLASS in (a.get("class") or "").split() for a in element.iter("a"))


def _text_of(block: _Element) -> tuple[str, str]:
    """The block's own text (nested blocks left out) with footnote refs as markers, and its link text."""
    pieces: list[str] = []
    link_pieces: list[str] = []

    def walk(node: _Element, in_link: bool = False) -> None:
        if node.text:
            pieces.append(node.text)
            if in_link:
                link_pieces.append(node.text)
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                pass  # a comment or processing instruction: only its tail is text
            elif tag in ("sup", "a") and _is_footnote_ref(child):
                pieces.append(MARKER)
            elif tag in ("td", "th"):
                pieces.append(" \u00b7 ")
                walk(child, in_link)
            elif not (tag in SKIPPED or tag in BLOCKS or _exempt(child) or "headerlink" in (child.get("class") or "").split()):
                walk(child, in_link or tag == "a")
            if child.tail:
                pieces.append(child.tail)
                if in_link:
                    link_pieces.append(child.tail)

    walk(block)
    return "".join(pieces), "".join(link_pieces)


def _checked_blocks(node: _Element) -> Iterator[_Element]:
    """The checked blocks under node, in document order, outside skipped, exempt and table-head elements."""
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED or tag == "thead" or _exempt(child):
            continue
        if tag in CHECKED:
            yield child
        yield from _checked_blocks(child)


def uncited_sentences(html: str) -> list[str]:
    """Every sentence in the page's content that has no footnote."""
    return [sentence for sentence, cited in checked_sentences(html) if not cited]


def checked_sentences(html: str) -> list[tuple[str, bool]]:
    """Every sentence the check reads, and whether it carries a footnote."""
    html = html[:footnotes_start(html)]  # the footnotes are not read (most of the page's HTML)
    if not html.strip():
        return []
    root = etree.fromstring(html, _PARSER)
    if root is None:
        raise etree.ParserError("Document is empty")
    for footnotes in root.xpath(f"//div[contains(concat(' ', normalize-space(@class), ' '), ' {BLOCK_CLASS} ')]"):
        footnotes.getparent().remove(footnotes)
    found: list[tuple[str, bool]] = []
    for block in _checked_blocks(root):
        text, link_text = _text_of(block)
        flat = _SPACES.sub(" ", text).strip()
        bare = flat.replace(MARKER, "").strip()
        if not bare:
            continue
        # (With no link text, the words compare equal only when there are none.)
        same_words = _NON_WORD.sub("", link_text) == _NON_WORD.sub("", bare) if link_text else not _WORD.search(bare)
        if same_words and not _STATEMENT_END.search(bare):
            continue  # navigation: nothing but links, and not a statement
        for sentence in split_sentences(flat):
            if _WORD.search(sentence):
                found.append((sentence.replace(MARKER, "").strip(), MARKER in sentence))
    return found
