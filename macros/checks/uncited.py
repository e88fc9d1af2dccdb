"""Checks on a rendered page: every sentence a reader sees carries a footnote.

Everything in the page's content is read, except the footnotes themselves,
the engine's drawn chart (`svg`), the heading links' pilcrow, and blocks
marked `data-cite-exempt` with one of the values in EXEMPT (a label, a
navigation row, a source page, a site page, the chart's note). A label or a
navigation row is still read, as a label (below); any other value exempts
nothing, so a typo cannot hide a sentence.

- Statements: paragraphs, list items, table rows (a row is one statement: its
  cells together need a footnote), definition terms and descriptions,
  captions, code and preformatted text, and the loose text of any other block
  (a `<div>`, a quotation, a collapsible block) outside the blocks inside it.
- Labels: headings, a collapsible block's summary line, a table's header
  cells and a fieldset's legend name what follows. A label is read as a
  statement, and needs its footnote, once it ends with a full stop or an
  exclamation mark or holds more than one sentence.
- A block made only of link text is navigation (a page title, a name, "Who is
  ...?") only while it does not read as a statement, by the same rule.
- What the check cannot read (text a script writes, a style sheet, an
  embedded document) is refused: `unreadable` names it.

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

CHECKED = frozenset({"p", "li", "tr", "dd", "dt", "figcaption", "caption", "pre"})
LABELS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "summary", "th", "legend"})
# Blocks whose own loose text (outside the blocks inside them) is read as a statement.
CONTAINERS = frozenset({"body", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "div", "blockquote", "figure",
                        "section", "article", "details", "form", "fieldset", "aside", "header", "footer", "main",
                        "center", "address", "hgroup"})
# Elements whose text a reader sees but the check cannot read as sentences: refused in checked content.
UNREADABLE = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "canvas", "frame",
                        "frameset", "applet", "math", "video", "audio", "marquee", "textarea", "select", "input",
                        "button"})
SKIPPED = frozenset({"svg", "nav"}) | UNREADABLE
BLOCKS = CHECKED | LABELS | CONTAINERS
# What a `data-cite-exempt` block may be; each value names why it needs no footnote.
EXEMPT = frozenset({
    "label",        # a short label over cited content: a date, a title, "Side: ..."
    "navigation",   # a row of links to other pages
    "site page",    # the note on a page about the site itself
    "source page",  # an archive page: the source's own words and what it prints about itself
    "chart note",   # how the chart was drawn, under a chart whose figures are cited in its table
})
# Exempt values whose text is still read, as labels: a label or a row of links needs no footnote only while
# it does not read as a statement.
READ_AS_LABELS = frozenset({"label", "navigation"})
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W")
_STATEMENT_END = re.compile(r"[.!\u2026][\"'\u201d\u2019)\]]*$")
_PARSER = etree.HTMLParser()


def _exempt(element: _Element) -> bool:
    """Exempt, and not read at all (a site page's note, a source page, the chart's note)."""
    value = element.get("data-cite-exempt")
    return value in EXEMPT and value not in READ_AS_LABELS


def _read_as_label(element: _Element) -> bool:
    return element.get("data-cite-exempt") in READ_AS_LABELS


def _is_footnote_ref(element: _Element) -> bool:
    """Python-Markdown's <sup><a class="footnote-ref"></sup>, or the bare link the built page has (no <sup>: one element
    fewer per reference)."""
    if element.tag == "a":
        return REF_CLASS in (element.get("class") or "").split()
    return element.tag == "sup" and any(REF_CLASS in (a.get("class") or "").split() for a in element.iter("a"))


def _text_of(block: _Element, labels: list[_Element] | None = None) -> tuple[str, str]:
    """The block's own text (nested blocks left out) with footnote refs as markers, and its link text.

    An inline element marked as a label is left out of the text, and added to `labels`, to be read on its own."""
    pieces = _Pieces(labels)
    pieces.walk(block, False)
    return "".join(pieces.items), "".join(pieces.link_items)


class _Pieces:
    """A block's text as it is read, a separator between two table cells' text (never before the first cell,
    after the last, or around an empty one), and its link text.

    A class, not nested functions: a recursive closure refers to itself through its cell, so each block read
    left a reference cycle that only the cycle collector frees (bench/collector.py: 152,000 such objects at 10x,
    1.3 million at 100x, where they set off 1,500 of the build's 6,500 young collections)."""

    def __init__(self, labels: list[_Element] | None) -> None:
        self.items: list[str] = []
        self.link_items: list[str] = []
        self.labels = labels  # where inline labels go, to be read on their own; None: read them as text
        self.shown = False  # any text yet
        self.between_cells = False  # a cell has begun after text: the separator goes before the next text

    def put(self, piece: str) -> None:
        if piece.strip():
            if self.between_cells:
                self.items.append(" \u00b7 ")
                self.between_cells = False
            self.shown = True
        self.items.append(piece)

    def cell(self) -> None:
        self.items.append(" ")
        self.between_cells = self.shown

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.put(_own(text))
            if in_link:
                self.link_items.append(text)

    def walk(self, node: _Element, in_link: bool) -> None:
        self.add(node.text, in_link)
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                pass  # a comment or processing instruction: only its tail is text
            elif tag in ("sup", "a") and _is_footnote_ref(child):
                self.put(MARKER)
            elif tag in ("td", "th"):  # the cells of a row, read as one statement: "2015 · 6,656"
                self.cell()
                self.walk(child, in_link)
            elif tag in BLOCKS or tag == "img":
                self.put(_stand_in(child))
            elif self.labels is not None and _read_as_label(child):
                self.labels.append(child)
            elif not (tag in SKIPPED or _exempt(child) or _is_permalink(child)):
                self.walk(child, in_link or tag == "a")
            self.add(child.tail, in_link)


def _stand_in(element: _Element) -> str:
    """What stands in the text for an image (its alt text, shown where the image is not) or a nested block
    (a space: it is read on its own, and the text either side does not run into it)."""
    return _own(element.get("alt") or "") if element.tag == "img" else " "


def _own(text: str) -> str:
    """The page's text, where the footnote marker stands for itself only: typed, it is another character."""
    return text.replace(MARKER, "\ufffd") if MARKER in text else text


def _is_permalink(element: _Element) -> bool:
    """The pilcrow link the toc extension puts in each heading."""
    return element.tag == "a" and "headerlink" in (element.get("class") or "").split()


def _checked_blocks(node: _Element, in_head: bool = False, in_label: bool = False) -> Iterator[tuple[_Element, bool]]:
    """The read blocks under node, in document order, outside skipped and exempt elements; True for a label."""
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED or _exempt(child):
            continue
        head = in_head or tag == "thead"
        label = in_label or _read_as_label(child)
        if tag == "tr" and head:
            yield from _checked_blocks(child, head, label)  # a header row: each cell a label
            continue
        if tag in CHECKED or tag in CONTAINERS:
            yield child, label
        elif tag in LABELS:
            yield child, True
        yield from _checked_blocks(child, head, label)


def unreadable(html: str) -> list[str]:
    """The elements of the page's content whose text the check cannot read, as the tags they are."""
    return read_content(html)[0]


def reads_as_statement(label: str) -> bool:
    """A label (a title, a heading) that reads as a statement: a full stop or an exclamation mark at its end, or
    more than one sentence."""
    text = _SPACES.sub(" ", label).strip()
    return bool(text) and _is_statement(text, split_sentences(text))


def _is_statement(text: str, sentences: list[str]) -> bool:
    """The text (split into these sentences) ends as a statement does, or is more than one sentence."""
    return bool(_STATEMENT_END.search(text)) or len(sentences) > 1


def uncited_sentences(html: str) -> list[str]:
    """Every sentence in the page's content that has no footnote."""
    return [sentence for sentence, cited in checked_sentences(html) if not cited]


def checked_sentences(html: str) -> list[tuple[str, bool]]:
    """Every sentence the check reads, and whether it carries a footnote."""
    return read_content(html)[1]


def read_content(html: str, sentences: bool = True) -> tuple[list[str], list[tuple[str, bool]]]:
    """The page's content parsed once: the elements whose text the check cannot read (as their tags), and every
    sentence the check reads, with whether it carries a footnote (none read when `sentences` is false)."""
    html = html[:footnotes_start(html)]  # the footnotes are not read (most of the page's HTML)
    if not html.strip():
        return [], []
    root = etree.fromstring(html, _PARSER)
    if root is None:  # nothing but a comment: nothing a reader sees
        return [], []
    unread = [f"<{element.tag}>" for element in root.iter(*UNREADABLE)]
    if not sentences:
        return unread, []
    for footnotes in root.xpath(f"//div[contains(concat(' ', normalize-space(@class), ' '), ' {BLOCK_CLASS} ')]"):
        footnotes.getparent().remove(footnotes)
    found: list[tuple[str, bool]] = []
    blocks = list(_checked_blocks(root))
    for block, label in blocks:
        inline_labels: list[_Element] = []
        text, link_text = _text_of(block, inline_labels)
        blocks.extend((element, True) for element in inline_labels)
        flat = _SPACES.sub(" ", text).strip()
        bare = flat.replace(MARKER, "").strip()
        if not bare:
            continue
        split = split_sentences(flat)
        statement = _is_statement(bare, split)
        if label and not statement:
            continue  # a heading, summary or header cell that names what follows
        # (With no link text, the words compare equal only when there are none.)
        same_words = _NON_WORD.sub("", link_text) == _NON_WORD.sub("", bare) if link_text else not _WORD.search(bare)
        if same_words and not statement:
            continue  # navigation: nothing but links, and not a statement
        for sentence in split:
            if _WORD.search(sentence):
                found.append((sentence.replace(MARKER, "").strip(), MARKER in sentence))
    return unread, found
