"""Locating quoted passages in seed text.

Matching forgives typography only: curly versus straight quotes and
apostrophes, non-breaking and other special spaces, dashes, the ellipsis
character, runs of whitespace, and in a seed the characters a reader cannot
see (zero-width, soft hyphen, direction marks; a quote may not hold them). Case, spelling and punctuation otherwise
must match exactly.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

# Typographic variants and what each stands for.
_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\t", "\r", "\n", "\f", "\v", " "}
# Characters a reader cannot see, ignored in a seed: zero-width ones, the soft hyphen, direction marks and controls.
# A quote may not hold them (`INVISIBLE_CHARACTER`, checked in citations/verify.py): it matches the seed without them.
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u061c", "\u200e", "\u200f",
               "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}

# A quote shorter than this many words proves nothing: a name or a stock
# phrase occurs in many places and does not tie a sentence to one passage.
MIN_QUOTE_WORDS = 4

_WORD_END = re.compile(r"(?<=\w)(?!\w)")
_WORD_START = re.compile(r"(?<!\S)(?=\S)")


@dataclass(frozen=True)
class Normalized:
    """Text in matching form, and where each of its characters stands in the original.

    The map is kept as breakpoints: from points[k] on (up to the next point), the
    character at normalized index n stands at n + shifts[k] in the original.
    """

    text: str
    points: tuple[int, ...]
    shifts: tuple[int, ...]
    original: str

    def offset(self, index: int) -> int:
        """Index in the original of text[index]."""
        return index + self.shifts[bisect.bisect_right(self.points, index) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for the normalized [start, end)."""
        return self.offset(start), self.offset(end - 1) + 1


_ZW_CLASS = "".join(sorted(_ZERO_WIDTH))
INVISIBLE_CHARACTER = re.compile(f"[{_ZW_CLASS}]")  # any one of _ZERO_WIDTH (none needs escaping in a class)
_IGNORED = f"[\\s{_ZW_CLASS}]"
_LEADING = re.compile(_IGNORED + "*")
# Where the folding changes length: a run of two or more spaces (or zero-width characters),
# a zero-width character, an ellipsis. Everything else maps one character to one.
_LENGTH_CHANGE = re.compile(_IGNORED + "{2,}|[" + _ZW_CLASS + "]|\u2026")


def normalize(text: str) -> Normalized:
    """Fold typography; collapse whitespace runs to one space; strip the ends."""
    folded = _fold(text)
    shift = _LEADING.match(text).end()  # type: ignore[union-attr]  # matches the empty string too
    points, shifts = [0], [shift]
    for event in _LENGTH_CHANGE.finditer(text, shift):
        start, end = event.span()
        at = start - shift  # where the event's output starts in the folded text
        if text[start] == "\u2026":  # "..." : all three stand at the ellipsis
            points += [at + 1, at + 2]
            shifts += [shift - 1, shift - 2]
            shift -= 2
            continue
        # One space, standing at the run's last character; or nothing, and the next character follows.
        shift = end - 1 - at if any(ch.isspace() for ch in text[start:end]) else end - at
        points.append(at)
        shifts.append(shift)
    return Normalized(folded, tuple(points), tuple(shifts), text)


_FOLDED = {**_CHAR_MAP, **{ch: "" for ch in _ZERO_WIDTH}, "\u2026": "..."}
# A regex finds the few characters to fold (str.translate looks up every character).
_TO_FOLD = re.compile("[" + "".join(_FOLDED) + "]")
# Whitespace to collapse: runs, and any single space character other than " " itself.
# (For str patterns, \s is the characters str.isspace() accepts.)
_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")


def _fold(text: str) -> str:
    return _WHITESPACE.sub(" ", _TO_FOLD.sub(lambda m: _FOLDED[m.group()], text)).strip()


@functools.lru_cache(maxsize=1 << 16)
def normalized_text(text: str) -> str:
    """`normalize(text).text`, without the offsets: what quotes are compared by (the same quote
    is compared many times: when located, when checked for the words it must hold, when keyed)."""
    return _fold(text)


@functools.lru_cache(maxsize=1 << 16)  # asked twice per citation, and the same quote is cited on many pages
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

    Only ever called when a quote is not found, so it costs nothing on a good build
    (rapidfuzz is imported here for the same reason).
    """
    from rapidfuzz import fuzz

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
