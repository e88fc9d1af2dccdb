"""Splitting text into sentences, for the check that every sentence is cited.

A boundary is sentence-ending punctuation, optionally followed by closing
quotes or brackets and footnote markers, then whitespace, then something that
can start a sentence. Known abbreviations ("U.S.", "Sept.") and single
initials ("J.") are not boundaries.
"""

from __future__ import annotations

import bisect
import re

MARKER = "\ue000"  # stands for a footnote reference in checked text

ABBREVIATIONS = frozenset({
    "u.s.", "u.k.", "u.n.", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "gen.", "gov.",
    "sen.", "rep.", "no.", "vs.", "etc.", "e.g.", "i.e.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "a.m.", "p.m.", "inc.", "corp.", "co.", "ltd.",
})

_QUOTE_MARK = re.compile('[\u201c\u201d"]')
_BOUNDARY = re.compile(
    r"(?P<end>[.!?\u2026]+)[\"'\u201d\u2019)\]]*" + MARKER + r"*(?P<space>\s+)(?=" + MARKER +
    r"*[\"'\u201c\u2018(\[\u00bf\u00a1]?[A-Z0-9\u00c0-\u00de])")


def split_sentences(text: str) -> list[str]:
    """The sentences of text, each stripped; never an empty string."""
    sentences: list[str] = []
    start = 0
    depth = _QuoteDepths(text)
    for match in _BOUNDARY.finditer(text):
        if match.group("end") == "." and _ends_with_abbreviation(text[start:match.end("end")]):
            continue
        if depth.at(match.start("space")):
            continue  # inside a quotation: "Show me. Now." is part of the sentence quoting it
        piece = text[start:match.start("space")].strip()
        if piece:
            sentences.append(piece)
        start = match.end("space")
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


class _QuoteDepths:
    """How many quotations are open at a position (curly quotes nest; straight ones toggle).

    Kept only at the quote marks themselves, which are few; a position's depth is
    the depth after the last quote mark before it.
    """

    def __init__(self, text: str):
        self.positions: list[int] = []
        self.depths: list[int] = []
        curly, straight = 0, False
        for match in _QUOTE_MARK.finditer(text):
            ch = match.group()
            if ch == "\u201c":
                curly += 1
            elif ch == "\u201d":
                curly = max(0, curly - 1)
            else:
                straight = not straight
            self.positions.append(match.start())
            self.depths.append(curly + int(straight))

    def at(self, index: int) -> int:
        k = bisect.bisect_right(self.positions, index)
        return self.depths[k - 1] if k else 0


def _ends_with_abbreviation(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    last = words[-1].lstrip("\"'(\u201c\u2018[").lower()
    if last in ABBREVIATIONS:
        return True
    return bool(re.fullmatch(r"[a-z]\.", last))  # a single initial, as in "J. Smith"
