"""Seed articles: their bytes, their paragraphs, and where passages stand in them."""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from macros.seeds.matching import Match, Normalized, find_quote, normalize, normalized_text


@dataclass(frozen=True)
class Paragraph:
    index: int  # 1-based, used as the anchor p<index>
    start: int
    end: int


@dataclass
class Seed:
    """One seed file as evidence: never changed, only read."""

    source_id: str
    path: Path
    text: str
    normalized: Normalized
    paragraphs: tuple[Paragraph, ...]
    comments_start: int | None = None  # offset where readers' comments begin
    # paragraph index -> the offsets where its sentences begin, found once (macros/seeds/sentences.py) and kept
    # with the seed, so for as long as the project holds it
    sentence_starts: dict[int, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def read(cls, source_id: str, path: Path) -> Seed:
        text = path.read_bytes().decode("utf-8")
        paragraphs = tuple(
            Paragraph(i, m.start(), m.end())
            for i, m in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text), start=1)
        )
        return cls(source_id, path, text, normalize(text), paragraphs)

    def find(self, quote: str) -> Match | None:
        return find_quote(quote, self.normalized)

    @functools.cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def paragraph_of(self, offset: int) -> Paragraph:
        """The paragraph the offset stands in (the last one for an offset between paragraphs)."""
        k = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if k >= 0 and offset < self.paragraphs[k].end:
            return self.paragraphs[k]
        return self.paragraphs[-1]

    def is_comment(self, offset: int) -> bool:
        return self.comments_start is not None and offset >= self.comments_start

    def contains(self, text: str) -> bool:
        return normalized_text(text) in self.normalized.text

    def unprinted_words(self, text: str) -> list[str]:
        """The words of text (letters and digits) that the seed never prints, ignoring case."""
        return [w for w in re.findall(r"\w+", normalized_text(text)) if not self._prints_word(w.lower())]

    def _prints_word(self, word: str) -> bool:
        """Whether the word stands in the seed as a whole word (a run of \\w), ignoring case: looked up where
        it stands, rather than by listing every word of the seed (most seeds are asked about two or three)."""
        return re.fullmatch(r"\w+", word) is not None and re.search(
            rf"(?<!\w){re.escape(word)}(?!\w)", self._lowered) is not None

    @functools.cached_property
    def _lowered(self) -> str:
        return self.normalized.text.lower()  # the text folded once, on reading


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
