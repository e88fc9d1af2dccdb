"""On a rendered page: each cited sentence wrapped, given its anchor, and recorded.

A cited sentence ends with its run of footnote references (`[^a][^b]`); the
uncited check has already made sure every sentence has one. So each run of
references in the page's content ends one claim, which starts where the last
run ended, or at the start of the block (paragraph, list item, table cell)
or inline element it stands in. The claim's HTML is wrapped, unchanged, in

    <span class="claim" id="ANCHOR">... references</span>

or, when the sentence is a whole paragraph, list item or table cell, on that block: <li class="claim" id="ANCHOR">.

where ANCHOR is the data anchor the renderer left as a marker (anchors.py),
or the hash of the sentence's text. An anchor already used on the page (the
same sentence shown twice, or an id the page has already) gets `-2`, `-3` ... Works on the HTML string,
so nothing else of the page is re-serialised.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from macros.citations.footnote_html import REF_LABEL as REF
from macros.html.blocks import footnotes_start
from macros.opendata.anchors import MARKER_RE, text_anchor

_RUN_GAP = re.compile(r"\s*")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
                    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins"})
VOID_INLINE = frozenset({"br", "wbr", "img"})
_SPACES = re.compile(r"\s+")
_ID = re.compile(r'\sid="([^"]+)"')
_WHOLE_BLOCK = re.compile(r"<(p|li|td)>$")  # a bare paragraph, list item or table cell, just before a sentence
_BLOCK_END = re.compile(r"\s*</(p|li|td)>")  # matched where the claim ends, not on a copy of the rest of the page


@dataclass(frozen=True)
class Claim:
    """One cited sentence as a reader sees it, and the footnote labels it cites, in order."""

    anchor: str
    text: str
    labels: tuple[str, ...]
    data_anchor: str | None = None  # the anchor of the data sentence it renders (its marker's), if any


def mark_claims(html: str, link: str) -> tuple[str, list[Claim]]:
    """The page's HTML with every cited sentence wrapped and anchored, and the claims in page order.

    `link` is the HTML of the link to a sentence, with `{anchor}` where its id goes.
    """
    end_of_content = footnotes_start(html)
    content, rest = html[:end_of_content], html[end_of_content:]
    runs = _runs(content)
    claims: list[Claim] = []
    used = set(_ID.findall(html))  # a heading's or an entry's id is never given to a sentence too
    pieces: list[str] = []
    at = 0
    floor = 0
    for run_start, run_end, labels in runs:
        start = _claim_start(content, floor, run_start)
        body = content[start:run_start]
        marked = MARKER_RE.search(body)
        text = _shown_text(body)
        anchor = _unique(marked.group(1) if marked else text_anchor(text), used)
        before, sentence = content[at:start], f"{MARKER_RE.sub('', body)}{content[run_start:run_end]}"
        block = _WHOLE_BLOCK.search(before)
        closing = _BLOCK_END.match(content, run_end) if block else None
        if block and closing and closing.group(1) == block.group(1):
            # The sentence is its whole paragraph or list item: the block is the claim (one element fewer per claim).
            pieces.append(f'{before[:block.start()]}<{block.group(1)} class="claim" id="{anchor}">{sentence}'
                          f'{link.format(anchor=anchor)}')
        else:
            pieces.append(before)
            pieces.append(f'<span class="claim" id="{anchor}">{sentence}{link.format(anchor=anchor)}</span>')
        claims.append(Claim(anchor, text, labels, marked.group(1) if marked else None))
        at = floor = run_end
    pieces.append(content[at:])
    return MARKER_RE.sub("", "".join(pieces)) + rest, claims


def _runs(content: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Each run of adjacent footnote references: where it starts and ends, and its labels."""
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    for ref in REF.finditer(content):
        if runs and not content[runs[-1][1]:ref.start()].strip():
            start, _, labels = runs[-1]
            runs[-1] = (start, ref.end(), labels if ref.group(1) in labels else labels + (ref.group(1),))
        else:
            runs.append((ref.start(), ref.end(), (ref.group(1),)))
    return runs


def _claim_start(content: str, floor: int, run_start: int) -> int:
    """Where the claim ending at run_start begins: after `floor` (the last claim's end), after the last block
    tag, and inside any inline element still open, so that the wrapped HTML is balanced."""
    start = floor
    open_tags: list[tuple[str, int]] = []
    for tag in _TAG.finditer(content, floor, run_start):
        name = (tag.group(2) or "").lower()
        if not name or name in VOID_INLINE:
            continue  # a comment, a line break or an image: part of the sentence
        if name not in INLINE:
            start, open_tags = tag.end(), []
        elif tag.group(1):  # a closing inline tag
            if open_tags and open_tags[-1][0] == name:
                open_tags.pop()
            else:  # it closes an element opened before the claim: start after it
                start, open_tags = tag.end(), []
        elif not tag.group(3).rstrip().endswith("/"):
            open_tags.append((name, tag.end()))
    if open_tags:  # the references stand inside an inline element: the claim starts inside it too
        start = open_tags[-1][1]
    while start < run_start and content[start].isspace():
        start += 1
    return start


def _shown_text(body: str) -> str:
    """The sentence as a reader sees it: tags dropped, entities read, spaces collapsed."""
    text = _TAG.sub("", MARKER_RE.sub("", body))
    return _SPACES.sub(" ", html_lib.unescape(text)).strip()


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}-{n}"
    used.add(candidate)
    return candidate
