"""Verified citations: a quote located in its seed.

`verify_citation` is the single place a quote is checked; data entries and
hand-written Markdown footnotes both go through it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from macros.seeds.article import Seed
from macros.seeds.matching import INVISIBLE_CHARACTER, MIN_QUOTE_WORDS, nearest_passage, normalized_text, word_count


@dataclass(frozen=True)
class Located:
    """A cited passage: which seed, where, and whether a reader wrote it."""

    source_id: str
    quote: str  # as the contributor typed it
    start: int
    end: int
    paragraph: int
    in_comment: bool

    @property
    def key(self) -> tuple[str, str]:
        return passage_key(self.source_id, self.quote)

    @property
    def anchor(self) -> str:
        """Anchor id of the highlighted passage on the archive page."""
        digest = hashlib.sha1(f"{self.source_id}\n{normalized_text(self.quote)}".encode()).hexdigest()[:10]
        return f"q-{digest}"


def passage_key(source_id: str, quote: str) -> tuple[str, str]:
    return source_id, normalized_text(quote)


@dataclass(frozen=True)
class CitationFailure:
    message: str
    details: tuple[tuple[str, str], ...] = ()
    hint: str | None = None


def verify_citation(source_id: str, quote: str, seeds: dict[str, Seed], min_words: int = MIN_QUOTE_WORDS,
                    sources_file: str = "data/sources.yml") -> Located | CitationFailure:
    """Locate `quote` in the seed of `source_id`, or say precisely why not (`sources_file`: the project's sources
    file, as a contributor sees it, named in the hint when there is no such source)."""
    seed = seeds.get(source_id)
    if seed is None:
        known = ", ".join(sorted(seeds)) or "none"
        return CitationFailure(f"there is no source with id '{source_id}'",
                               hint=f"use one of the ids in {sources_file}: {known}")
    if not quote.strip():
        return CitationFailure("the quote is empty",
                               hint="copy the passage that supports the sentence from the seed, word for word")
    if word_count(quote) < min_words:
        return CitationFailure(
            f"the quote has {_words(word_count(quote))}; at least {min_words} are needed",
            details=(("quote", f'"{quote}"'),),
            hint=("a passage this short (a name, a stock phrase) stands in many places and does not show "
                  "what supports the sentence; quote the clause around it"))
    hidden = INVISIBLE_CHARACTER.search(quote)
    if hidden:
        at, ch = hidden.start(), hidden.group(0)
        return CitationFailure(
            f"the quote holds a character a reader cannot see, U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL')}, "
            f"after \"{quote[max(0, at - 30):at]}\"",
            details=(("quote", f'"{quote}"'),),
            hint=("delete it (retype the words around it, or paste them as plain text): an invisible or "
                  "direction-changing character can make a quote read otherwise than it matches; the seed's passage "
                  "is found without it"))
    match = seed.find(quote)
    if match is None:  # the same letters in another Unicode normal form (é as e and a combining accent): the seed's
        match = next((m for form in ("NFC", "NFD") if (m := seed.find(unicodedata.normalize(form, quote)))), None)
    if match is None:
        elsewhere = [sid for sid, other in sorted(seeds.items()) if sid != source_id and other.find(quote)]
        if elsewhere:
            return CitationFailure(
                f"the quote is not in '{source_id}' but it is in '{elsewhere[0]}'",
                details=(("quote", f'"{quote}"'),),
                hint=f"change source: {source_id} to source: {elsewhere[0]}")
        return CitationFailure(
            f"the quote is not in the seed of '{source_id}' ({seed.path.name})",
            details=(("quote", f'"{quote}"'), ("nearest", f'"{nearest_passage(quote, seed.normalized)}"')),
            hint="copy the passage exactly as the seed prints it; only quote marks, dashes and spaces may differ")
    first = seed.paragraph_of(match.start)
    last = seed.paragraph_of(match.end - 1)
    if first.index != last.index:
        return CitationFailure(
            f"the quote runs across paragraphs {first.index} and {last.index} of '{source_id}'",
            details=(("quote", f'"{quote}"'),),
            hint="cite each paragraph's part as its own citation")
    return Located(source_id, quote, match.start, match.end, first.index, seed.is_comment(match.start))


def _words(count: int) -> str:
    return f"{count} word" if count == 1 else f"{count} words"


def masthead_part(quote: str, printed: dict[str, str | None]) -> str | None:
    """Which of the seed's own lines about itself (its headline, its byline) the quote is made of alone, if any.

    Such a quote says what the article is, not what it reports: it supports a sentence only where the sentence
    names the article by those very words (`stands_in`)."""
    words = normalized_text(quote)
    for part, text in printed.items():
        if text and words and words in normalized_text(text):
            return part
    return None


def stands_in(quote: str, sentence: str) -> bool:
    """Whether the sentence itself prints the quote's words (it names the article by its headline, say)."""
    return normalized_text(quote) in normalized_text(sentence)


def masthead_check(quote: str, headline: str | None, byline: str | None, text: str) -> CitationFailure | None:
    """Why the quote cannot support `text` (a sentence, or a page's own words): it is only the seed's headline or
    byline, and the text does not name the article by those very words; None when it may."""
    part = masthead_part(quote, {"headline": headline, "byline": byline})
    if part is None or stands_in(quote, text):
        return None
    return CitationFailure(
        f"the quote is only the seed's {part}: it says what the article is, not what it reports",
        details=(("quote", f'"{quote}"'),),
        hint=(f"quote the passage of the article's text that supports the sentence; the {part} may be quoted only "
              f"where the sentence names the article by it, its words standing in the sentence"))

