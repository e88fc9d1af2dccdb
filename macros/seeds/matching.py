"""Locating quoted passages in seed text.

Matching forgives typography only: curly versus straight quotes and
apostrophes, non-breaking and other special spaces, dashes, the ellipsis
character, and runs of whitespace. Case, spelling and punctuation otherwise
must match exactly.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

# Typographic variants and what each stands for.
_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\t", "\r", "\n", "\f", "\v", " "}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff"}

# A quote shorter than this many words proves nothing: a name or a stock
# phrase occurs in many places and does not tie a sentence to one passage.
MIN_QUOTE_WORDS = 4

_WORD_END = re.compile(r"(?<=\w)(?!\w)")
_WORD_START = re.compile(r"(?<!\S)(?=\S)")


@dataclass(frozen=True)
class Normalized:
    """Text in matching form, with the offset of each character in the original."""

    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in the original of text[i]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for the normalized [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Fold typography; collapse whitespace runs to one space; strip the ends."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch in _ZERO_WIDTH:
            continue
        if ch in _SPACES or ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offsets.append(i - 1)
            pending_space = False
        if ch == "\u2026":
            out.extend("...")
            offsets.extend((i, i, i))
            continue
        out.append(_CHAR_MAP.get(ch, ch))
        offsets.append(i)
    return Normalized("".join(out), tuple(offsets), text)


_FOLD = str.maketrans({**_CHAR_MAP, **{ch: None for ch in _ZERO_WIDTH}, "\u2026": "..."})
_WHITESPACE = re.compile(r"\s+")  # for str patterns, the characters str.isspace() accepts


@functools.lru_cache(maxsize=1 << 16)
def normalized_text(text: str) -> str:
    """`normalize(text).text`, without the offsets: what quotes are compared by (the same quote
    is compared many times: when located, when checked for the words it must hold, when keyed)."""
    return _WHITESPACE.sub(" ", text.translate(_FOLD)).strip()


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


@dataclass(frozen=True)
class Match:
    """Where a quote stands in a seed, as offsets into the seed's text."""

    start: int
    end: int


def find_quote(quote: str, seed: Normalized) -> Match | None:
    """The first place the quote stands in the seed, or None."""
    needle = normalized_text(quote)
    if not needle:
        return None
    index = seed.text.find(needle)
    if index < 0:
        return None
    start, end = seed.span(index, index + len(needle))
    return Match(start, end)


def nearest_passage(quote: str, seed: Normalized) -> str:
    """The passage of the seed most like the quote, in whole words, for an error message.

    Only ever called when a quote is not found, so it costs nothing on a good build.
    """
    needle = normalized_text(quote)
    hay = seed.text
    if not needle or not hay:
        return ""
    aligned = fuzz.partial_ratio_alignment(needle, hay)
    if aligned is None:
        return ""
    # Widen the alignment to whole words: of the word starts and word ends near it,
    # the pair that makes the passage most like the quote, so that a quote one word
    # longer or shorter is shown against whole words.
    size = len(needle)
    slack = max(10, size // 5)
    starts = [m.start() for m in _WORD_START.finditer(hay, max(0, aligned.dest_start - slack), aligned.dest_start + slack + 1)]
    ends = [m.start() for m in _WORD_END.finditer(hay, max(0, aligned.dest_end - slack), aligned.dest_end + slack + 1)]
    pairs = [(a, b) for a in starts or [aligned.dest_start] for b in ends or [aligned.dest_end] if b > a]
    if not pairs:
        return hay[aligned.dest_start:aligned.dest_end].strip()
    start, end = max(pairs, key=lambda pair: (fuzz.ratio(needle, hay[pair[0]:pair[1]]), -abs(pair[1] - pair[0] - size)))
    return hay[start:end].strip()
